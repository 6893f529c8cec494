//! The server's settings and the parsers for their human-friendly forms (`5MB`, `10s`).

use std::net::SocketAddr;
use std::time::Duration;

/// Settings for [`crate::serve`] and [`crate::router`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// Address to listen on. Loopback by default: exposing the server is a deliberate choice.
    pub addr: SocketAddr,
    /// Largest request body (and largest batch line) accepted, in bytes.
    pub max_body: u64,
    /// How long one extraction request may take, queueing included (each line, in a batch).
    pub timeout: Duration,
    /// The archive served by the `/v1/articles`, `/v1/search`, … endpoints (`--db`); without
    /// one they answer 404 `no-archive`.
    pub db: Option<std::path::PathBuf>,
    /// When set, write endpoints require `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Origins allowed by CORS; empty means CORS is off (no CORS headers are sent).
    pub cors_origins: Vec<String>,
    /// Extraction worker threads.
    pub workers: usize,
    /// Extractions that may wait for a worker; a request beyond workers + queue is shed (503).
    pub queue: usize,
    /// After a shutdown signal, how long in-flight requests may take to finish.
    pub drain: Duration,
    /// How many nice steps below normal the extraction workers run (Linux), so the async
    /// runtime stays responsive when extraction saturates the cores; 0 disables.
    pub worker_nice: i32,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body: 5_000_000,
            timeout: Duration::from_secs(10),
            db: None,
            token: None,
            cors_origins: Vec::new(),
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            queue: 128,
            drain: Duration::from_secs(30),
            worker_nice: 10,
        }
    }
}

/// A setting written in a form the parsers do not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A size that is not a number with an optional unit.
    #[error(
        "invalid size {0:?}: expected a number of bytes with an optional unit (512KB, 5MB, 1MiB)"
    )]
    Size(String),
    /// A duration that is not a number with a unit.
    #[error("invalid duration {0:?}: expected a number with a unit (500ms, 10s, 2m)")]
    Duration(String),
}

/// Parses a byte size: `5000`, `512KB`, `5MB`, `1GB` (powers of 1000) or `64KiB`, `5MiB`
/// (powers of 1024). Case-insensitive; a space before the unit is allowed.
pub fn parse_size(text: &str) -> Result<u64, ConfigError> {
    let err = || ConfigError::Size(text.to_string());
    let (number, unit) = split_number(text).ok_or_else(err)?;
    let scale: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(err()),
    };
    let bytes = number * scale as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(err());
    }
    Ok(bytes as u64)
}

/// Parses a duration: `250ms`, `10s`, `1.5s`, `2m`. A unit is required.
pub fn parse_duration(text: &str) -> Result<Duration, ConfigError> {
    let err = || ConfigError::Duration(text.to_string());
    let (number, unit) = split_number(text).ok_or_else(err)?;
    let seconds = match unit.to_ascii_lowercase().as_str() {
        "ms" => number / 1000.0,
        "s" => number,
        "m" | "min" => number * 60.0,
        _ => return Err(err()),
    };
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(err)
}

/// `"5 MB"` → `(5.0, "MB")`.
fn split_number(text: &str) -> Option<(f64, &str)> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number: f64 = text[..end].parse().ok()?;
    Some((number, text[end..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5MB"), Ok(5_000_000));
        assert_eq!(parse_size("5 mb"), Ok(5_000_000));
        assert_eq!(parse_size("1MiB"), Ok(1_048_576));
        assert_eq!(parse_size("512KB"), Ok(512_000));
        assert_eq!(parse_size("1.5KB"), Ok(1_500));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("MB").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("10").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("soon").is_err());
    }
}

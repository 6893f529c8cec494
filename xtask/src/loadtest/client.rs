//! A small closed-loop HTTP/1.1 load generator: N keep-alive connections, each sending the
//! same request again as soon as its response is read, until a deadline. Loopback only.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What one run saw.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Latency of each 200 response, in microseconds.
    pub ok: Vec<u32>,
    /// Latency of each 503 response, in microseconds.
    pub shed: Vec<u32>,
    /// Responses with any other status.
    pub other_status: u64,
    /// Connection errors, resets, malformed responses.
    pub io_errors: u64,
    /// Connections the server closed after a response.
    pub reconnects: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.ok.extend(other.ok);
        self.shed.extend(other.shed);
        self.other_status += other.other_status;
        self.io_errors += other.io_errors;
        self.reconnects += other.reconnects;
    }

    /// Every response that was not a 200, plus I/O errors.
    pub fn errors(&self) -> u64 {
        self.shed.len() as u64 + self.other_status + self.io_errors
    }
}

/// Drives `connections` connections to `addr` with `request` until `duration` has passed.
/// With `honour_retry_after`, a connection that gets a 503 waits as its `Retry-After` says
/// (as a well-behaved client does); without, it asks again at once.
pub async fn run(
    addr: SocketAddr,
    request: Vec<u8>,
    connections: usize,
    duration: Duration,
    honour_retry_after: bool,
) -> Result<Tally> {
    if !addr.ip().is_loopback() {
        bail!("load is only ever sent to loopback, not {addr}");
    }
    let deadline = Instant::now() + duration;
    let request = std::sync::Arc::new(request);
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections {
        let request = std::sync::Arc::clone(&request);
        tasks.push(tokio::spawn(connection(
            addr,
            request,
            deadline,
            honour_retry_after,
        )));
    }
    let mut tally = Tally::default();
    for task in tasks {
        tally.merge(task.await?);
    }
    Ok(tally)
}

/// One connection's loop: send, read, record; reconnect when the server closes.
async fn connection(
    addr: SocketAddr,
    request: std::sync::Arc<Vec<u8>>,
    deadline: Instant,
    honour_retry_after: bool,
) -> Tally {
    let mut tally = Tally::default();
    let mut stream: Option<TcpStream> = None;
    let mut buffer = Vec::with_capacity(16 * 1024);
    while Instant::now() < deadline {
        if stream.is_none() {
            match TcpStream::connect(addr).await {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    stream = Some(s);
                }
                Err(_) => {
                    tally.io_errors += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let Some(s) = stream.as_mut() else { continue };
        let started = Instant::now();
        match exchange(s, &request, &mut buffer).await {
            Ok((status, keep_alive, retry_after)) => {
                let micros = started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                match status {
                    200 => tally.ok.push(micros),
                    503 => tally.shed.push(micros),
                    _ => tally.other_status += 1,
                }
                if !keep_alive {
                    tally.reconnects += 1;
                    stream = None;
                }
                if status == 503 && honour_retry_after {
                    let wait = Duration::from_secs(retry_after.unwrap_or(1));
                    let left = deadline.saturating_duration_since(Instant::now());
                    tokio::time::sleep(wait.min(left)).await;
                }
            }
            Err(_) => {
                tally.io_errors += 1;
                stream = None;
            }
        }
    }
    tally
}

/// Sends the request and reads one whole response: (status, connection stays open,
/// Retry-After seconds).
async fn exchange(
    stream: &mut TcpStream,
    request: &[u8],
    buffer: &mut Vec<u8>,
) -> Result<(u16, bool, Option<u64>)> {
    stream.write_all(request).await?;
    buffer.clear();
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = find(buffer, b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            bail!("connection closed before the response head");
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buffer[..head_end])?.to_ascii_lowercase();
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no status line"))?;
    let length: usize = header(&head, "content-length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no content-length"))?;
    let keep_alive = header(&head, "connection") != Some("close");
    let retry_after = header(&head, "retry-after").and_then(|v| v.parse().ok());
    while buffer.len() < head_end + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            bail!("connection closed inside the body");
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    Ok((status, keep_alive, retry_after))
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `q`-quantile (0..=1) of `values` in milliseconds; sorts them.
pub fn quantile_ms(values: &mut [u32], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_unstable();
    let index = ((values.len() - 1) as f64 * q).round() as usize;
    f64::from(values[index]) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles() {
        let mut v = vec![5000, 1000, 3000, 2000, 4000];
        assert_eq!(quantile_ms(&mut v, 0.0), 1.0);
        assert_eq!(quantile_ms(&mut v, 0.5), 3.0);
        assert_eq!(quantile_ms(&mut v, 1.0), 5.0);
    }

    #[test]
    fn headers() {
        let head = "http/1.1 200 ok\r\ncontent-length: 12\r\nconnection: close\r\n\r\n";
        assert_eq!(header(head, "content-length"), Some("12"));
        assert_eq!(header(head, "connection"), Some("close"));
        assert_eq!(header(head, "date"), None);
    }
}

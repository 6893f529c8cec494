//! `gleaner serve`: the HTTP API (see `gleaner_server`), until SIGINT or SIGTERM.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use gleaner_server::{ServerConfig, parse_duration, parse_size};

/// Options of `gleaner serve`.
#[derive(Debug, Args)]
#[command(after_help = "Endpoints:\n  \
    POST /v1/extract          one article (text/plain, text/html in any charset, or JSON)\n  \
    POST /v1/extract/batch    NDJSON in, NDJSON out, streamed\n  \
    GET  /healthz /readyz /metrics /v1/version /openapi.json /docs\n  \
    with --db PATH: POST /v1/articles, GET /v1/articles/{id} /v1/search /v1/quotes\n  \
    /v1/entities /v1/figures /v1/timeline (paged: limit, cursor)\n\n\
Errors are application/problem+json (RFC 9457). The server never fetches URLs. SIGINT or\n\
SIGTERM stops it after in-flight requests finish.\n\n\
Examples:\n  \
    gleaner serve\n  \
    curl -s --data-binary @story.txt -H 'content-type: text/plain' \\\n    \
    'http://127.0.0.1:8080/v1/extract?published=2022-03-22'\n  \
    GLEANER_TOKEN=secret gleaner serve --addr 0.0.0.0:8080 --log-format json")]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default; another address exposes the server.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Largest request body (and batch line): 512KB, 5MB, 1MiB, or bytes.
    #[arg(long, value_name = "SIZE", default_value = "5MB", value_parser = parse_size)]
    max_body: u64,
    /// Time one extraction request may take, queueing included (500ms, 10s, 1m).
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    timeout: Duration,
    /// Serve this archive (see `gleaner archive`) at /v1/articles, /v1/search, /v1/quotes,
    /// /v1/entities, /v1/figures and /v1/timeline; created when absent.
    #[arg(long, value_name = "PATH")]
    db: Option<std::path::PathBuf>,
    /// Require `Authorization: Bearer TOKEN` on write endpoints. Prefer the GLEANER_TOKEN
    /// environment variable: a command line is visible to other users.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Allow cross-origin browser requests from ORIGIN (repeat for several; `*` for any).
    /// Without it CORS is off.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// Extraction worker threads [default: number of cores].
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
    /// Extractions that may wait for a worker; requests beyond it get 503 at once.
    #[arg(long, value_name = "N", default_value_t = ServerConfig::default().queue)]
    queue: usize,
    /// How long in-flight requests may take to finish after SIGINT or SIGTERM.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    drain: Duration,
    /// Run extraction workers this many nice steps below normal (Linux), so accepting,
    /// shedding and writing responses stay fast when extraction fills the cores; 0 disables.
    #[arg(long, value_name = "N", default_value_t = ServerConfig::default().worker_nice)]
    worker_nice: i32,
    /// Threads of the async runtime (accepting, reading, shedding, writing). One keeps up
    /// with thousands of requests a second; the cores are left to the extraction workers.
    #[arg(long, value_name = "N", default_value_t = 1)]
    http_threads: usize,
    /// Log lines as text or as JSON objects (one per line, on stderr).
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines with key=value fields.
    Text,
    /// One JSON object per line.
    Json,
}

/// Logs to stderr at `info` (or `RUST_LOG`), with timestamps: a server's log is read later.
pub fn init_logging(args: &ServeArgs) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour)
        .with_writer(std::io::stderr);
    match args.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
}

/// Runs `gleaner serve` until a shutdown signal.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    if args.http_threads == 0 {
        eprintln!("gleaner: --http-threads must be at least 1");
        return Ok(ExitCode::from(2));
    }
    if args.workers == Some(0) {
        eprintln!("gleaner: --workers must be at least 1");
        return Ok(ExitCode::from(2));
    }
    let token = args.token.or_else(|| {
        std::env::var("GLEANER_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty())
    });
    let defaults = ServerConfig::default();
    let config = ServerConfig {
        addr: args.addr,
        max_body: args.max_body,
        timeout: args.timeout,
        db: args.db,
        token,
        cors_origins: args.cors_origins,
        workers: args.workers.unwrap_or(defaults.workers),
        queue: args.queue,
        drain: args.drain,
        worker_nice: args.worker_nice,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.http_threads)
        .enable_all()
        .thread_name("gleaner-http")
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(gleaner_server::serve(
        config,
        gleaner_server::shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

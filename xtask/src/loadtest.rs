//! `cargo xtask loadtest`: starts the release `gleaner serve` on a free loopback port and
//! drives it from this process (a separate process from the server), bounded in time:
//!
//! 1. in-process baseline: extraction throughput of the seed on the same number of threads
//!    as the server has workers;
//! 2. sustained: `--connections` keep-alive connections posting the seed for `--seconds`;
//!    errors, throughput (and its ratio to the baseline), latency quantiles;
//! 3. overload: `--overload` × as many connections for `--overload-seconds`; how fast shed
//!    requests get their 503, and the server's RSS over the run (first vs last 10 s).
//!
//! Traffic goes to 127.0.0.1 only.

mod client;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use gleaner_core::{Extractor, Input};

use client::quantile_ms;

/// Options of `cargo xtask loadtest`.
#[derive(Debug, Args)]
pub struct LoadtestArgs {
    /// Connections of the sustained run.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Length of the sustained run, in seconds.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// The overload run uses this many times `--connections`.
    #[arg(long, default_value_t = 10)]
    overload: usize,
    /// Length of the overload run, in seconds (20 or more for the RSS comparison).
    #[arg(long, default_value_t = 30)]
    overload_seconds: u64,
    /// Length of the in-process baseline, in seconds.
    #[arg(long, default_value_t = 10)]
    baseline_seconds: u64,
    /// Server extraction workers and baseline threads [default: number of cores].
    #[arg(long)]
    workers: Option<usize>,
    /// The server's queue (`gleaner serve --queue`).
    #[arg(long, default_value_t = 128)]
    queue: usize,
    /// The server's `--worker-nice`.
    #[arg(long, default_value_t = 10)]
    worker_nice: i32,
    /// In the overload run, clients ask again at once after a 503 instead of waiting as
    /// its Retry-After says (a hostile client; the 503s then queue behind each other).
    #[arg(long)]
    ignore_retry_after: bool,
    /// Threads of the load generator.
    #[arg(long, default_value_t = 1)]
    client_threads: usize,
    /// The article to post.
    #[arg(long, default_value = "fixtures/articles/kyiv-talks.txt")]
    article: PathBuf,
    /// Use this `gleaner` binary instead of building the release one.
    #[arg(long)]
    binary: Option<PathBuf>,
}

/// Runs `cargo xtask loadtest`.
pub fn run(args: &LoadtestArgs) -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let article_path = if args.article.is_absolute() {
        args.article.clone()
    } else {
        root.join(&args.article)
    };
    let article = std::fs::read(&article_path)
        .with_context(|| format!("cannot read {}", article_path.display()))?;
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let binary = match &args.binary {
        Some(b) => b.clone(),
        None => build_release(&root)?,
    };
    println!(
        "machine: {} cores, load average {}; server workers {workers} (nice {}), queue {}",
        cores(),
        load_average(),
        args.worker_nice,
        args.queue
    );
    println!(
        "article: {} ({} bytes)",
        args.article.display(),
        article.len()
    );

    let baseline = baseline(
        &article,
        workers,
        Duration::from_secs(args.baseline_seconds),
    );
    println!(
        "\nin-process baseline ({workers} threads, {} s): extract {:.0}/s ({:.2} CPU ms each), \
         extract + JSON {:.0}/s ({:.2} CPU ms each)",
        args.baseline_seconds,
        baseline.extract,
        baseline.extract_cpu_ms,
        baseline.with_json,
        baseline.with_json_cpu_ms
    );

    let port = free_port()?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let log = std::env::temp_dir().join(format!("gleaner-loadtest-{port}.log"));
    let mut server = start_server(&binary, addr, workers, args, &log)?;
    let result = drive(args, addr, server.pid(), &article, baseline);
    let stopped = server.stop();
    result?;
    stopped?;
    println!("\nserver log: {}", log.display());
    Ok(())
}

fn drive(
    args: &LoadtestArgs,
    addr: SocketAddr,
    pid: u32,
    article: &[u8],
    baseline: Baseline,
) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.client_threads.max(1))
        .enable_all()
        .build()?;
    let request = request_bytes(article);

    runtime.block_on(client::run(
        addr,
        request.clone(),
        args.connections,
        Duration::from_secs(2),
        true,
    ))?;
    let rss_before = rss_kb(pid)?;
    let cpu_before = cpu_seconds(&format!("/proc/{pid}/stat"))?;
    let client_cpu_before = cpu_seconds("/proc/self/stat")?;
    let seconds = Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut sustained = runtime.block_on(client::run(
        addr,
        request.clone(),
        args.connections,
        seconds,
        true,
    ))?;
    let elapsed = started.elapsed().as_secs_f64();
    let server_cpu = cpu_seconds(&format!("/proc/{pid}/stat"))? - cpu_before;
    let client_cpu = cpu_seconds("/proc/self/stat")? - client_cpu_before;
    let throughput = sustained.ok.len() as f64 / elapsed;
    println!(
        "\nsustained: {} connections for {:.1} s",
        args.connections, elapsed
    );
    println!(
        "  responses {} ok, {} errors (503 {}, other status {}, I/O {}), reconnects {}",
        sustained.ok.len(),
        sustained.errors(),
        sustained.shed.len(),
        sustained.other_status,
        sustained.io_errors,
        sustained.reconnects
    );
    println!(
        "  throughput {throughput:.0}/s = {:.0}% of in-process extraction ({:.0}% of extract + JSON)",
        100.0 * throughput / baseline.extract,
        100.0 * throughput / baseline.with_json
    );
    let cpu_ms = 1000.0 * server_cpu / sustained.ok.len() as f64;
    println!(
        "  server CPU {cpu_ms:.2} ms per response ({:.0}% of the in-process extract + JSON cost); \
         server used {:.2} and the load generator {:.2} of {} cores (load average now {})",
        100.0 * baseline.with_json_cpu_ms / cpu_ms,
        server_cpu / elapsed,
        client_cpu / elapsed,
        cores(),
        load_average()
    );
    print_latency("  latency", &mut sustained.ok);
    println!("  server RSS {} → {} KiB", rss_before, rss_kb(pid)?);

    let connections = args.connections * args.overload;
    let sampler = RssSampler::start(pid);
    let started = Instant::now();
    let mut overload = runtime.block_on(client::run(
        addr,
        request,
        connections,
        Duration::from_secs(args.overload_seconds),
        !args.ignore_retry_after,
    ))?;
    let elapsed = started.elapsed().as_secs_f64();
    let samples = sampler.stop();
    println!(
        "\noverload: {connections} connections ({}×) for {elapsed:.1} s, clients {} Retry-After",
        args.overload,
        if args.ignore_retry_after {
            "ignore"
        } else {
            "honour"
        }
    );
    println!(
        "  responses {} ok ({:.0}/s), {} shed with 503 ({:.0}/s), other status {}, I/O errors {}, reconnects {}",
        overload.ok.len(),
        overload.ok.len() as f64 / elapsed,
        overload.shed.len(),
        overload.shed.len() as f64 / elapsed,
        overload.other_status,
        overload.io_errors,
        overload.reconnects
    );
    print_latency("  time to 503", &mut overload.shed);
    print_latency("  time to 200", &mut overload.ok);
    report_rss(&samples);
    print_server_metrics(addr)?;
    Ok(())
}

fn print_latency(label: &str, values: &mut [u32]) {
    if values.is_empty() {
        println!("{label}: none");
        return;
    }
    let p50 = quantile_ms(values, 0.5);
    let p90 = quantile_ms(values, 0.9);
    let p99 = quantile_ms(values, 0.99);
    let max = quantile_ms(values, 1.0);
    println!("{label} ms: p50 {p50:.2}, p90 {p90:.2}, p99 {p99:.2}, max {max:.2}");
}

/// RSS in the first and last 10 s of the overload run.
fn report_rss(samples: &[(f64, u64)]) {
    let Some(&(end, _)) = samples.last() else {
        println!("  RSS: no samples");
        return;
    };
    let mean = |from: f64, to: f64| {
        let window: Vec<u64> = samples
            .iter()
            .filter(|(t, _)| *t >= from && *t < to)
            .map(|(_, kb)| *kb)
            .collect();
        (!window.is_empty()).then(|| window.iter().sum::<u64>() as f64 / window.len() as f64)
    };
    let first = mean(0.0, 10.0);
    let last = mean(end - 10.0, end + 1.0);
    let peak = samples.iter().map(|(_, kb)| *kb).max().unwrap_or(0);
    match (first, last) {
        (Some(first), Some(last)) if end >= 20.0 => println!(
            "  server RSS: first 10 s {first:.0} KiB, last 10 s {last:.0} KiB, growth {:+.1}%, peak {peak} KiB",
            100.0 * (last - first) / first
        ),
        _ => println!("  server RSS: run shorter than 20 s, peak {peak} KiB"),
    }
}

/// The server's own view: mean extraction time and counters.
fn print_server_metrics(addr: SocketAddr) -> Result<()> {
    let (_, body) = get(addr, "/metrics")?;
    let value = |name: &str| {
        body.lines()
            .find_map(|l| l.strip_prefix(name)?.trim().parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    let sum = value("gleaner_extraction_duration_seconds_sum");
    let count = value("gleaner_extraction_duration_seconds_count");
    println!(
        "\nserver metrics: {count:.0} extractions, mean {:.3} ms on a worker; shed {}, timeouts {}",
        1000.0 * sum / count,
        value("gleaner_shed_total"),
        value("gleaner_timeouts_total")
    );
    Ok(())
}

struct Baseline {
    extract: f64,
    extract_cpu_ms: f64,
    with_json: f64,
    with_json_cpu_ms: f64,
}

/// Extractions per second of `article` on `threads` threads, without and with JSON.
fn baseline(article: &[u8], threads: usize, duration: Duration) -> Baseline {
    let rate = |json: bool| {
        let extractor = Arc::new(Extractor::default());
        let done = Arc::new(AtomicU64::new(0));
        let cpu_before = cpu_seconds("/proc/self/stat").unwrap_or(f64::NAN);
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let extractor = Arc::clone(&extractor);
                let done = Arc::clone(&done);
                scope.spawn(move || {
                    let input = Input {
                        media_type: Some("text/plain".into()),
                        published: Some("2022-03-22".into()),
                        ..Input::new(article.to_vec())
                    };
                    while started.elapsed() < duration / 2 {
                        if let Ok(a) = extractor.extract(&input) {
                            if json {
                                std::hint::black_box(gleaner_core::json::to_pretty(&a));
                            }
                            done.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        let done = done.load(Ordering::Relaxed) as f64;
        let cpu = cpu_seconds("/proc/self/stat").unwrap_or(f64::NAN) - cpu_before;
        (done / started.elapsed().as_secs_f64(), 1000.0 * cpu / done)
    };
    let (extract, extract_cpu_ms) = rate(false);
    let (with_json, with_json_cpu_ms) = rate(true);
    Baseline {
        extract,
        extract_cpu_ms,
        with_json,
        with_json_cpu_ms,
    }
}

/// The POST of the seed, as sent on every connection.
fn request_bytes(article: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST /v1/extract?published=2022-03-22 HTTP/1.1\r\nhost: 127.0.0.1\r\n\
         content-type: text/plain; charset=utf-8\r\ncontent-length: {}\r\n\r\n",
        article.len()
    )
    .into_bytes();
    request.extend_from_slice(article);
    request
}

/// Builds the release `gleaner` next to this (release) xtask binary and returns its path.
pub(crate) fn build_release(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    println!("building the release gleaner …");
    let status = Command::new(cargo)
        .args(["build", "--release", "--locked", "-p", "gleaner-cli"])
        .current_dir(root)
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("cargo build failed");
    }
    let exe = std::env::current_exe()?;
    let dir = exe.parent().context("xtask has no directory")?;
    let binary = dir.join("gleaner");
    if !binary.exists() {
        bail!("{} not found after the build", binary.display());
    }
    Ok(binary)
}

/// The 1-minute load average: other work on the machine skews every figure.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The server process; killed if the run fails before it is stopped.
struct Server(Option<Child>);

impl Server {
    fn pid(&self) -> u32 {
        self.0.as_ref().map_or(0, Child::id)
    }

    /// SIGTERM, then wait for a clean exit.
    fn stop(&mut self) -> Result<()> {
        let Some(mut child) = self.0.take() else {
            return Ok(());
        };
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()?;
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait()? {
                if !status.success() {
                    bail!("the server exited with {status} after SIGTERM");
                }
                println!(
                    "\nserver stopped on SIGTERM in {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(40) {
                child.kill()?;
                bail!("the server did not stop within 40 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn start_server(
    binary: &Path,
    addr: SocketAddr,
    workers: usize,
    args: &LoadtestArgs,
    log: &Path,
) -> Result<Server> {
    let log_file = std::fs::File::create(log)?;
    let child = Command::new(binary)
        .args([
            "serve",
            "--addr",
            &addr.to_string(),
            "--workers",
            &workers.to_string(),
            "--queue",
            &args.queue.to_string(),
            "--worker-nice",
            &args.worker_nice.to_string(),
        ])
        // Per-request lines at 20k shed requests a second would measure the log, not the
        // server; warnings (5xx other than shedding) still go to the log.
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .with_context(|| format!("cannot start {}", binary.display()))?;
    let server = Server(Some(child));
    let started = Instant::now();
    while get(addr, "/readyz").ok().map(|(s, _)| s) != Some(200) {
        if started.elapsed() > Duration::from_secs(30) {
            bail!("the server did not become ready; see {}", log.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(server)
}

/// A blocking GET on a fresh connection: (status, body).
fn get(addr: SocketAddr, path: &str) -> Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("no status")?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    Ok((status, body))
}

/// Resident set size of `pid` in KiB, from /proc.
fn rss_kb(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .context("no VmRSS")
}

/// User + system CPU seconds of a process, from its `/proc/…/stat`.
fn cpu_seconds(stat_path: &str) -> Result<f64> {
    let stat = std::fs::read_to_string(stat_path)?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok());
    let (Some(user), Some(system)) = (ticks(11), ticks(12)) else {
        bail!("cannot read CPU times from {stat_path}");
    };
    Ok((user + system) / clock_ticks())
}

/// Clock ticks per second (`getconf CLK_TCK`; 100 on Linux).
fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Samples a process's RSS every 250 ms on a thread.
struct RssSampler {
    stop: Arc<AtomicBool>,
    handle: std::thread::JoinHandle<Vec<(f64, u64)>>,
}

impl RssSampler {
    fn start(pid: u32) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = std::thread::spawn(move || {
            let started = Instant::now();
            let mut samples = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                if let Ok(kb) = rss_kb(pid) {
                    samples.push((started.elapsed().as_secs_f64(), kb));
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            samples
        });
        Self { stop, handle }
    }

    fn stop(self) -> Vec<(f64, u64)> {
        self.stop.store(true, Ordering::Relaxed);
        self.handle.join().unwrap_or_default()
    }
}

//! `cargo xtask bench extraction`: pages/s on the AEB pages for Gleaner and trafilatura, one
//! core each, in the same run, and the ratio (both in CPU time). The two sides take turns,
//! one pass each per round, so that the VM's speed drifting between minutes weighs on both
//! alike; the reported ratio is the median of the rounds' ratios. Peak memory of each process
//! is reported.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use clap::Args;
use gleaner_core::{Config, Extractor, Input, InputFormat};

use crate::bench::cpu::process_cpu_time;
use crate::venv;

/// Options of `cargo xtask bench extraction`.
#[derive(Debug, Args)]
pub struct ExtractionBenchArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Rounds, each one timed pass over the pages per side (after one warm-up pass each).
    #[arg(long, default_value_t = 5)]
    passes: usize,
    /// Skip trafilatura (no Python environment needed).
    #[arg(long)]
    no_peer: bool,
}

/// The Python side: same pages, `trafilatura.extract(with_metadata=True)`; after a warm-up
/// pass it runs one timed pass per "pass" line on stdin and answers with a JSON line.
const TRAFILATURA_SCRIPT: &str = r#"
import gzip, json, resource, sys, time
import trafilatura
pages = [gzip.open(p).read() for p in sys.argv[1:]]
for html in pages:
    trafilatura.extract(html, with_metadata=True)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if line.strip() != "pass":
        break
    start = time.process_time()
    for html in pages:
        trafilatura.extract(html, with_metadata=True)
    elapsed = time.process_time() - start
    print(json.dumps({"pages": len(pages), "seconds": elapsed,
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
          flush=True)
"#;

/// Runs the benchmark.
pub fn run(args: &ExtractionBenchArgs) -> Result<()> {
    let dir = std::fs::canonicalize(args.data.join("extraction/aeb/html"))
        .with_context(|| format!("AEB pages not found under {}", args.data.display()))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    let pages: Vec<Vec<u8>> = files.iter().map(|p| read_gz(p)).collect::<Result<_>>()?;
    let megabytes = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let rss_before = super::peak_rss_mib();

    let extractor = Extractor::new(Config::default());
    let run_once = |html: &[u8]| {
        let input = Input {
            format: Some(InputFormat::Html),
            ..Input::new(html.to_vec())
        };
        std::hint::black_box(extractor.extract(&input).ok());
    };
    pages.iter().for_each(|p| run_once(p));
    let mut peer = if args.no_peer {
        None
    } else {
        Some(Peer::start(&files)?)
    };
    // CPU time on both sides (one thread at work here), so that load from other processes
    // does not tilt the ratio; the sides alternate, one pass each per round.
    let (mut our_seconds, mut their_seconds, mut ratios) = (0.0, 0.0, Vec::new());
    let mut peer_rss = f64::NAN;
    for _ in 0..args.passes {
        let started = process_cpu_time();
        pages.iter().for_each(|p| run_once(p));
        let ours = (process_cpu_time() - started).as_secs_f64();
        our_seconds += ours;
        if let Some(peer) = peer.as_mut() {
            let (theirs, rss) = peer.pass()?;
            their_seconds += theirs;
            peer_rss = rss;
            ratios.push(theirs / ours.max(1e-9));
        }
    }
    let ours = (pages.len() * args.passes) as f64 / our_seconds;
    let rss_after = super::peak_rss_mib();
    println!(
        "AEB: {} pages, {megabytes:.1} MB of HTML, {} rounds of one timed pass per side, one thread each, pages per CPU second",
        pages.len(),
        args.passes
    );
    println!(
        "  gleaner      {ours:>8.1} pages/s  {:>6.2} MB/s   peak RSS {:.0} MiB ({:.0} MiB holding the pages)",
        ours * megabytes / pages.len() as f64,
        rss_after.unwrap_or(f64::NAN),
        rss_before.unwrap_or(f64::NAN)
    );
    let Some(peer) = peer else {
        return Ok(());
    };
    let theirs = (pages.len() * args.passes) as f64 / their_seconds;
    let version = peer.version();
    println!(
        "  trafilatura  {theirs:>8.1} pages/s  {:>6.2} MB/s   peak RSS {peer_rss:.0} MiB   (trafilatura {version}, with_metadata)",
        theirs * megabytes / pages.len() as f64,
    );
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let rounds: Vec<String> = ratios.iter().map(|r| format!("{r:.1}")).collect();
    println!(
        "  ratio        {median:.1}x trafilatura's pages/s (median of the rounds; rounds {}; overall {:.1}x)",
        rounds.join(" "),
        ours / theirs.max(1e-9)
    );
    Ok(())
}

/// trafilatura in a Python process of its own, waiting for "pass" lines.
struct Peer {
    child: std::process::Child,
    answers: BufReader<std::process::ChildStdout>,
    python: PathBuf,
}

impl Peer {
    /// Starts the process and waits for its warm-up pass.
    fn start(files: &[PathBuf]) -> Result<Self> {
        let python = venv::ensure(venv::TRAFILATURA_PACKAGES)?;
        let script = std::env::temp_dir().join("gleaner-bench-trafilatura.py");
        std::fs::write(&script, TRAFILATURA_SCRIPT)?;
        let mut child = Command::new(&python)
            .arg(&script)
            .args(files)
            .env("OMP_NUM_THREADS", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .context("running trafilatura")?;
        let stdout = child.stdout.take().context("trafilatura's stdout")?;
        let mut peer = Self {
            child,
            answers: BufReader::new(stdout),
            python,
        };
        peer.answer()?;
        Ok(peer)
    }

    /// One timed pass: CPU seconds and the process's peak RSS so far.
    fn pass(&mut self) -> Result<(f64, f64)> {
        let stdin = self.child.stdin.as_mut().context("trafilatura's stdin")?;
        stdin.write_all(b"pass\n")?;
        stdin.flush()?;
        let answer = self.answer()?;
        let seconds = answer["seconds"]
            .as_f64()
            .context("trafilatura's answer has no seconds")?;
        Ok((seconds, answer["peak_rss_mib"].as_f64().unwrap_or(f64::NAN)))
    }

    fn answer(&mut self) -> Result<serde_json::Value> {
        let mut line = String::new();
        if self.answers.read_line(&mut line)? == 0 {
            let status = self.child.wait()?;
            bail!("trafilatura stopped ({status}); see its messages above");
        }
        Ok(serde_json::from_str(&line)?)
    }

    fn version(&self) -> String {
        Command::new(&self.python)
            .args(["-c", "import trafilatura; print(trafilatura.__version__)"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        // Closing stdin ends the script's loop.
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(bytes)
}

//! `cargo xtask bench extraction`: pages/s on the AEB pages for Gleaner and trafilatura, one
//! core each, in the same run, and the ratio (both in CPU time). Peak memory of each process
//! is reported.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

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
    /// Timed passes over the pages (after one warm-up pass).
    #[arg(long, default_value_t = 3)]
    passes: usize,
    /// Skip trafilatura (no Python environment needed).
    #[arg(long)]
    no_peer: bool,
}

/// The Python side: same pages, same passes, `trafilatura.extract` with its defaults.
const TRAFILATURA_SCRIPT: &str = r#"
import gzip, json, resource, sys, time
import trafilatura
pages = [gzip.open(p).read() for p in sys.argv[2:]]
passes = int(sys.argv[1])
for html in pages:
    trafilatura.extract(html)
start = time.process_time()
for _ in range(passes):
    for html in pages:
        trafilatura.extract(html, with_metadata=True)
elapsed = time.process_time() - start
print(json.dumps({"pages": len(pages) * passes, "seconds": elapsed,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
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
    // CPU time on both sides (one thread at work here), so that load from other processes
    // does not tilt the ratio.
    let started = process_cpu_time();
    for _ in 0..args.passes {
        pages.iter().for_each(|p| run_once(p));
    }
    let seconds = (process_cpu_time() - started).as_secs_f64();
    let ours = (pages.len() * args.passes) as f64 / seconds;
    let rss_after = super::peak_rss_mib();
    println!(
        "AEB: {} pages, {megabytes:.1} MB of HTML, {} timed passes, one thread each, pages per CPU second",
        pages.len(),
        args.passes
    );
    println!(
        "  gleaner      {ours:>8.1} pages/s  {:>6.2} MB/s   peak RSS {:.0} MiB ({:.0} MiB holding the pages)",
        ours * megabytes / pages.len() as f64,
        rss_after.unwrap_or(f64::NAN),
        rss_before.unwrap_or(f64::NAN)
    );
    if args.no_peer {
        return Ok(());
    }
    let python = venv::ensure(venv::TRAFILATURA_PACKAGES)?;
    let script = std::env::temp_dir().join("gleaner-bench-trafilatura.py");
    std::fs::write(&script, TRAFILATURA_SCRIPT)?;
    let output = Command::new(&python)
        .arg(&script)
        .arg(args.passes.to_string())
        .args(&files)
        .env("OMP_NUM_THREADS", "1")
        .output()
        .context("running trafilatura")?;
    if !output.status.success() {
        bail!(
            "trafilatura run failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let peer: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let theirs =
        peer["pages"].as_f64().unwrap_or(0.0) / peer["seconds"].as_f64().unwrap_or(f64::INFINITY);
    let version = Command::new(&python)
        .args(["-c", "import trafilatura; print(trafilatura.__version__)"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    println!(
        "  trafilatura  {theirs:>8.1} pages/s  {:>6.2} MB/s   peak RSS {:.0} MiB   (trafilatura {version}, with_metadata)",
        theirs * megabytes / pages.len() as f64,
        peer["peak_rss_mib"].as_f64().unwrap_or(f64::NAN)
    );
    println!(
        "  ratio        {:.1}x trafilatura's pages/s",
        ours / theirs.max(1e-9)
    );
    Ok(())
}

fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(bytes)
}

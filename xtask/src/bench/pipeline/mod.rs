//! `cargo xtask bench pipeline`: the whole extractor on article texts and HTML pages —
//! articles/s and MB/s on one thread and on all cores, peak RSS of `gleaner extract`, time
//! per stage, growth with article length — beside the Python stack in the same run.

mod corpora;
mod python;
mod rss;
mod stages;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use gleaner_core::{Config, Extractor, Input, InputFormat};

use crate::bench::cpu::process_cpu_time;
use crate::venv;
use corpora::Corpus;
use stages::{STAGES, StageTimes, fitted_exponent, time_corpus, time_stages};

/// Options of `cargo xtask bench pipeline`.
#[derive(Debug, Args)]
pub struct PipelineBenchArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Timed passes over each corpus (after one warm-up pass).
    #[arg(long, default_value_t = 2)]
    passes: usize,
    /// Threads for the all-cores figure (default: every core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Articles per corpus given to the Python stack (and to us, for the ratios).
    #[arg(long, default_value_t = 100)]
    peer_articles: usize,
    /// Skip the Python stack (no venv needed).
    #[arg(long)]
    no_peer: bool,
    /// Use this `gleaner` binary for the memory figures instead of building the release one.
    #[arg(long)]
    gleaner: Option<PathBuf>,
}

/// Runs the benchmark.
pub fn run(args: &PipelineBenchArgs) -> Result<()> {
    let data = crate::resolve(&args.data)?;
    let corpora = corpora::load(&data)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let extractor = Extractor::new(Config::default());
    println!(
        "cargo xtask bench pipeline — {} logical cores, load average {} at start",
        std::thread::available_parallelism().map_or(1, usize::from),
        load_average()
    );

    println!(
        "\nThroughput (whole pipeline through Extractor, {} timed passes)",
        args.passes
    );
    println!(
        "  {:<16} {:>6} {:>7} {:>8} | {:>11} {:>8} | {:>11} {:>8}",
        "corpus",
        "items",
        "words",
        "MB",
        "1 thread/s",
        "MB/s",
        format!("{jobs} threads/s"),
        "MB/s"
    );
    for c in &corpora {
        run_all(&extractor, c, 1, 1);
        let one = throughput(&extractor, c, 1, args.passes);
        let all = throughput(&extractor, c, jobs, args.passes);
        let mb_each = c.megabytes() / c.items.len() as f64;
        println!(
            "  {:<16} {:>6} {:>7.0} {:>8.1} | {:>11.1} {:>8.2} | {:>11.1} {:>8.2}",
            c.name,
            c.items.len(),
            c.mean_words(),
            c.megabytes(),
            one,
            one * mb_each,
            all,
            all * mb_each
        );
    }

    println!(
        "\nTime per stage (one thread, one pass, thread CPU time; share of the stage sum, µs per article)"
    );
    print!("  {:<16}", "corpus");
    for s in STAGES {
        print!(" {s:>10}");
    }
    println!();
    for c in &corpora {
        let t = time_corpus(&c.items, c.format);
        let total = t.total().as_secs_f64().max(1e-12);
        print!("  {:<16}", c.name);
        for d in &t.0 {
            print!(" {:>9.1}%", 100.0 * d.as_secs_f64() / total);
        }
        println!();
        print!("  {:<16}", "");
        for d in &t.0 {
            print!(" {:>9.0}µ", 1e6 * d.as_secs_f64() / c.items.len() as f64);
        }
        println!();
    }

    let gleaner = match &args.gleaner {
        Some(path) => path.clone(),
        None => crate::loadtest::build_release(&workspace_root())?,
    };
    scaling(&gleaner, args.passes)?;
    memory(&gleaner, &corpora)?;

    if args.no_peer {
        return Ok(());
    }
    let subsets: Vec<Corpus> = corpora.iter().map(|c| c.head(args.peer_articles)).collect();
    let python = venv::ensure(python::PACKAGES)?;
    println!(
        "\nBeside the Python stack ({} articles per corpus, one core each, CPU time)",
        args.peer_articles
    );
    let peer = python::run(&python, &subsets)?;
    println!(
        "  {}; Python peak RSS {:.0} MiB",
        peer.versions, peer.peak_rss_mib
    );
    println!(
        "  {:<16} {:>22} {:>26} {:>26} {:>22}",
        "corpus", "HTML→text", "sentences+entities", "quotes (ours: all kinds)", "whole pipeline"
    );
    for (c, p) in subsets.iter().zip(&peer.corpora) {
        let n = c.items.len() as f64;
        let t = time_corpus(&c.items, c.format);
        let html_ours = (t.0[0] + t.0[1] + t.0[2]).as_secs_f64();
        let nlp_ours = (t.0[3] + t.0[4]).as_secs_f64();
        let quotes_ours = t.0[5].as_secs_f64();
        // CPU time, as the Python side measures it (one thread at work in this process).
        let started = process_cpu_time();
        run_all(&extractor, c, 1, 1);
        let whole_ours = (process_cpu_time() - started).as_secs_f64();
        let whole_peer = p.html_s + p.nlp_s + p.quotes_s;
        let html = if c.format == InputFormat::Html {
            format!(
                "{:.0}/s vs {:.1}/s {:>5.0}×",
                n / html_ours,
                n / p.html_s,
                p.html_s / html_ours
            )
        } else {
            "—".to_string()
        };
        println!(
            "  {:<16} {:>22} {:>26} {:>26} {:>22}",
            c.name,
            html,
            format!(
                "{:.0}/s vs {:.1}/s {:>5.0}×",
                n / nlp_ours,
                n / p.nlp_s,
                p.nlp_s / nlp_ours
            ),
            format!(
                "{:.0}/s vs {:.0}/s {:>5.1}×",
                n / quotes_ours,
                n / p.quotes_s,
                p.quotes_s / quotes_ours
            ),
            format!(
                "{:.0}/s vs {:.1}/s {:>5.0}×",
                n / whole_ours,
                n / whole_peer,
                whole_peer / whole_ours
            ),
        );
        debug_assert_eq!(p.n, c.items.len());
    }
    Ok(())
}

/// Articles per second over `passes` passes of `corpus` on `threads` threads.
fn throughput(extractor: &Extractor, corpus: &Corpus, threads: usize, passes: usize) -> f64 {
    let started = Instant::now();
    run_all(extractor, corpus, threads, passes);
    (corpus.items.len() * passes) as f64 / started.elapsed().as_secs_f64()
}

/// Extracts every article `passes` times, spread over `threads` threads.
fn run_all(extractor: &Extractor, corpus: &Corpus, threads: usize, passes: usize) {
    let next = AtomicUsize::new(0);
    let total = corpus.items.len() * passes;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= total {
                        break;
                    }
                    let input = Input {
                        format: Some(corpus.format),
                        ..Input::new(corpus.items[k % corpus.items.len()].clone())
                    };
                    std::hint::black_box(extractor.extract(&input).ok());
                }
            });
        }
    });
}

/// The seed article repeated 1×, 4×, 16×, 64×: time per stage and peak RSS of `gleaner
/// extract`, with the fitted exponent of each (1 is linear).
fn scaling(gleaner: &Path, passes: usize) -> Result<()> {
    let seed_path = workspace_root().join("fixtures/articles/kyiv-talks.txt");
    let seed =
        std::fs::read_to_string(&seed_path).with_context(|| format!("{}", seed_path.display()))?;
    let factors = [1usize, 4, 16, 64];
    println!(
        "\nScaling: the seed ({} words) repeated; thread CPU ms per run (mean over {} seeds' worth of text), fitted exponent",
        seed.split_whitespace().count(),
        64 * passes.max(3)
    );
    print!("  {:<10}", "stage");
    for f in factors {
        print!(" {:>9}", format!("{f}×"));
    }
    println!(" {:>9}", "exponent");
    let mut rows = vec![Vec::new(); STAGES.len() + 1];
    let dir = std::env::temp_dir().join("gleaner-bench-scaling");
    std::fs::create_dir_all(&dir)?;
    let mut rss = Vec::new();
    for f in factors {
        let text = vec![seed.as_str(); f].join("\n\n");
        // The same amount of text at every size (64 seeds' worth per pass), timed in thread
        // CPU time and averaged: a best-of-N would favour the small sizes, which get more
        // tries at a quiet moment on a shared machine.
        let reps = (64 / f).max(1) * passes.max(3);
        let mut sum = StageTimes::default();
        for _ in 0..reps {
            sum.add(&time_stages(text.as_bytes(), InputFormat::Text));
        }
        let mut best: Vec<f64> = sum
            .0
            .iter()
            .map(|d| d.as_secs_f64() / reps as f64)
            .collect();
        best.push(sum.total().as_secs_f64() / reps as f64);
        for (row, b) in rows.iter_mut().zip(best) {
            row.push((f as f64, b));
        }
        let path = dir.join(format!("seed-{f}x.txt"));
        std::fs::write(&path, &text)?;
        let p = path.display().to_string();
        rss.push((
            f as f64,
            rss::peak_rss_of(gleaner, &["extract", "--format", "json", &p])?,
        ));
    }
    for (name, row) in STAGES.iter().chain(["all stages"].iter()).zip(&rows) {
        print!("  {name:<10}");
        for (_, t) in row {
            print!(" {:>9.3}", t * 1e3);
        }
        println!(" {:>9.2}", fitted_exponent(row));
    }
    print!("  {:<10}", "RSS MiB");
    for (_, m) in &rss {
        print!(" {m:>9.1}");
    }
    println!(" {:>9.2}", fitted_exponent(&rss));
    Ok(())
}

/// Peak RSS of `gleaner extract` on one article and on batches of 1,000 and 10,000.
fn memory(gleaner: &Path, corpora: &[Corpus]) -> Result<()> {
    let dir = std::env::temp_dir().join("gleaner-bench-memory");
    std::fs::create_dir_all(&dir)?;
    let seed = workspace_root().join("fixtures/articles/kyiv-talks.txt");
    let one = rss::peak_rss_of(
        gleaner,
        &["extract", "--format", "json", &seed.display().to_string()],
    )?;
    println!("\nMemory of the release `gleaner extract` (peak RSS)");
    println!("  one article (the seed)            {one:>7.1} MiB");
    let texts: Vec<&Vec<u8>> = corpora
        .iter()
        .filter(|c| c.format == InputFormat::Text)
        .flat_map(|c| &c.items)
        .collect();
    for n in [1_000usize, 10_000] {
        let path = dir.join(format!("batch-{n}.jsonl"));
        let mut lines = String::new();
        for k in 0..n {
            let text = String::from_utf8_lossy(texts[k % texts.len()]);
            lines.push_str(&serde_json::json!({"id": k.to_string(), "text": text}).to_string());
            lines.push('\n');
        }
        std::fs::write(&path, lines)?;
        let p = path.display().to_string();
        for jobs in ["1", "2"] {
            let peak = rss::peak_rss_of(
                gleaner,
                &["extract", "--format", "jsonl", "--jobs", jobs, &p],
            )?;
            println!("  batch of {n:>6} texts, --jobs {jobs}     {peak:>7.1} MiB");
        }
    }
    Ok(())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The 1-minute load average: other work on the machine skews every figure.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

//! `cargo xtask …`: developer workflows for Gleaner (evaluation, benchmarks, training).
//! Not part of the product. Every command that reads external data takes `--data DIR`,
//! defaulting to `../shared/data` (read-only; never copied into the repository).

mod archive;
mod bench;
mod eval;
mod loadtest;
mod ner;
mod quotes;
mod timeq;
mod venv;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Gleaner developer workflows")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check that the external data sets are where `--data` says, and count what they hold.
    Data(DataArgs),
    /// Measure accuracy on external data (`cargo xtask eval extraction`, …).
    Eval(eval::EvalArgs),
    /// Train the named-entity tagger on CoNLL-2003 and write the model the core embeds.
    TrainNer(ner::TrainArgs),
    /// Convert gazetteer and word-cluster data (PyPI packages) into the core's NER lexicon.
    NerLexicon,
    /// Load-test the release `gleaner serve` on loopback: throughput, latency, shedding.
    Loadtest(loadtest::LoadtestArgs),
    /// Write a scale-test corpus of N articles recombined from the shared data.
    GenCorpus(archive::corpus::GenCorpusArgs),
    /// Measure speed (`cargo xtask bench ner`).
    #[command(subcommand)]
    Bench(BenchTarget),
}

/// Benchmark targets.
#[derive(Debug, Subcommand)]
enum BenchTarget {
    /// Named-entity tagging: tokens/s on one core, ours and spaCy's in the same run.
    Ner(ner::BenchArgs),
    /// HTML pages → article (AEB pages): pages/s, ours and trafilatura's in the same run.
    Extraction(bench::extraction::ExtractionBenchArgs),
    /// Figures and dates: the time and quantities stages per article.
    Figures(timeq::bench::BenchArgs),
    /// Who said what: the quotes stage per article, one core.
    Quotes(quotes::bench::BenchArgs),
    /// The archive: import rate on one core, query p50/p95 on a large archive.
    Archive(archive::bench::ArchiveBenchArgs),
    /// The whole pipeline on texts and pages: throughput, memory, stages, scaling, and the
    /// Python stack (trafilatura, spaCy, textacy) in the same run.
    Pipeline(bench::pipeline::PipelineBenchArgs),
}

/// Where the external data lives.
#[derive(Debug, Clone, Args)]
struct DataArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Data(args) => data(&args),
        Command::Eval(args) => eval::run(args),
        Command::TrainNer(args) => ner::train(&args),
        Command::NerLexicon => ner::lexicon(),
        Command::Bench(BenchTarget::Ner(args)) => ner::bench(&args),
        Command::Bench(BenchTarget::Extraction(args)) => bench::extraction::run(&args),
        Command::Bench(BenchTarget::Figures(args)) => timeq::bench::run(&args),
        Command::Bench(BenchTarget::Quotes(args)) => quotes::bench::run(&args),
        Command::Bench(BenchTarget::Pipeline(args)) => bench::pipeline::run(&args),
        Command::Loadtest(args) => loadtest::run(&args),
        Command::GenCorpus(args) => {
            archive::corpus::run(&args, &archive::workspace_root()).map(|_| ())
        }
        Command::Bench(BenchTarget::Archive(args)) => {
            archive::bench::run(&args, &archive::workspace_root())
        }
    }
}

/// The data sets the evaluations read, with the files each must have.
const DATA_SETS: &[(&str, &[&str])] = &[
    ("extraction/aeb", &["ground-truth.json", "html"]),
    ("extraction/wcxb-dev", &["ground-truth", "html"]),
    ("ner/conll2003", &["eng.train", "eng.testa", "eng.testb"]),
    ("ner/wikigold", &[]),
    ("quotes/polnear", &["train.jsonl", "dev.jsonl"]),
    ("time/te3-platinum", &[]),
    ("time/tbaq-cleaned", &[]),
    ("time/recognizers-text", &[]),
    ("quantities/recognizers-text", &[]),
];

fn data(args: &DataArgs) -> Result<()> {
    let root = resolve(&args.data)?;
    println!("data: {}", root.display());
    let mut missing = 0;
    for (set, required) in DATA_SETS {
        let dir = root.join(set);
        let absent: Vec<&str> = required
            .iter()
            .copied()
            .filter(|f| !dir.join(f).exists())
            .collect();
        if !dir.is_dir() || !absent.is_empty() {
            missing += 1;
            println!("  {set:<30} MISSING {}", absent.join(", "));
            continue;
        }
        println!("  {set:<30} {:>6} files", count_files(&dir));
    }
    if missing > 0 {
        bail!("{missing} data sets missing under {}", root.display());
    }
    Ok(())
}

/// The data folder, made absolute, or a clear error.
fn resolve(data: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(data).with_context(|| {
        format!(
            "data folder {} not found (pass --data DIR; it is ../shared/data beside the repository)",
            data.display()
        )
    })
}

fn count_files(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                n += 1;
            }
        }
    }
    n
}

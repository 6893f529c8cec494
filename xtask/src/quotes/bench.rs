//! `cargo xtask bench quotes`: the quotes stage alone per article, best of several runs on
//! one core, on the fixture articles and the PolNeAR dev texts. The stage runs on the text,
//! sections, sentences, tokens and entities the extractor has already produced, so only its
//! own cost is measured.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use gleaner_core::quotes::{QuoteInput, SpeakerCandidate, find_quotes};
use gleaner_core::{Article, Config, Extractor, Input, InputFormat, Span};

/// Options of `cargo xtask bench quotes`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The shared data folder (PolNeAR dev texts).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Runs per article; the best is kept.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

/// Runs the benchmark.
pub fn run(args: &BenchArgs) -> Result<()> {
    let extractor = Extractor::new(Config {
        tokens: true,
        ..Config::default()
    });
    let dir = Path::new("fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {} (run from the repository root)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    paths.sort();
    println!("quotes stage, best of {} runs, one core", args.rounds);
    println!(
        "  {:<34}{:>7}{:>8}{:>11}{:>14}",
        "fixture", "words", "quotes", "µs", "µs/600 words"
    );
    let mut total = (0.0, 0usize);
    for p in paths {
        let Ok(a) = extractor.extract(&Input::new(std::fs::read(&p)?)) else {
            continue;
        };
        let (secs, n) = best(&a, args.rounds);
        let words = a.text.split_whitespace().count();
        total.0 += secs;
        total.1 += words;
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        println!(
            "  {name:<34}{words:>7}{n:>8}{:>11.1}{:>14.1}",
            secs * 1e6,
            per600(secs, words)
        );
    }
    println!(
        "  {:<34}{:>7}{:>8}{:>11.1}{:>14.1}",
        "all fixtures",
        total.1,
        "",
        total.0 * 1e6,
        per600(total.0, total.1)
    );
    let dev = args.data.join("quotes/polnear/dev.jsonl");
    if let Ok(src) = std::fs::read_to_string(&dev) {
        let mut t = (0.0, 0usize);
        let mut worst: f64 = 0.0;
        let mut seen = std::collections::BTreeSet::new();
        for line in src.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let doc = v["doc"].as_str().unwrap_or_default().to_string();
            if !seen.insert(doc) {
                continue;
            }
            let text = v["text"].as_str().unwrap_or_default();
            let input = Input {
                format: Some(InputFormat::Verbatim),
                ..Input::new(text.as_bytes().to_vec())
            };
            let Ok(a) = extractor.extract(&input) else {
                continue;
            };
            let (secs, _) = best(&a, args.rounds.min(5));
            let words = a.text.split_whitespace().count();
            t.0 += secs;
            t.1 += words;
            worst = worst.max(per600(secs, words.max(100)));
        }
        println!(
            "  PolNeAR dev: {} documents, {} words, {:.1} µs per 600 words (worst document {:.1})",
            seen.len(),
            t.1,
            per600(t.0, t.1),
            worst
        );
    }
    Ok(())
}

/// Best wall time of the stage on one article, and how many quotes it found.
fn best(a: &Article, rounds: usize) -> (f64, usize) {
    let candidates: Vec<SpeakerCandidate> = a
        .entities
        .iter()
        .map(|e| SpeakerCandidate {
            kind: e.kind,
            name: e.name.clone(),
            role: e.role.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|m| Span {
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        })
        .collect();
    let tokens = a.tokens.clone().unwrap_or_default();
    let input = QuoteInput {
        text: &a.text,
        sections: &a.sections,
        sentences: &a.sentences,
        tokens: &tokens,
        entities: &candidates,
    };
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let q = find_quotes(&input);
        best = best.min(t.elapsed().as_secs_f64());
        n = std::hint::black_box(q).len();
    }
    (best, n)
}

fn per600(secs: f64, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        secs * 1e6 * 600.0 / words as f64
    }
}

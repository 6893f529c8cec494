//! `cargo xtask bench figures`: the time and quantities stages (with the figure checks)
//! per article, on the fixture articles and on the TimeML news texts, best of several runs
//! on one core. The stages run on text and sentences the extractor has already produced,
//! so only their own cost is measured.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use gleaner_core::{Article, Config, Extractor, Input, InputFormat, calendar, quantities, time};

use super::timeml;

/// Options of `cargo xtask bench figures`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The shared data folder (TimeML news texts).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Runs per article; the best is kept.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

/// One article ready for the stages.
struct Prepared {
    name: String,
    article: Article,
    reference: Option<calendar::Date>,
    words: usize,
}

/// Runs the benchmark.
pub fn run(args: &BenchArgs) -> Result<()> {
    let extractor = Extractor::new(Config::default());
    let mut fixtures = Vec::new();
    let dir = Path::new("fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {} (run from the repository root)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    paths.sort();
    for p in paths {
        let input = Input {
            published: Some("2024-03-01".into()),
            ..Input::new(std::fs::read(&p)?)
        };
        if let Ok(a) = extractor.extract(&input) {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_string();
            fixtures.push(prepared(name, a));
        }
    }
    let mut news = Vec::new();
    let data = std::fs::canonicalize(&args.data).ok();
    for set in ["time/te3-platinum", "time/tbaq-cleaned"] {
        let Some(root) = data.as_ref().map(|d| d.join(set)) else {
            break;
        };
        let mut files = Vec::new();
        collect(&root, &mut files);
        files.sort();
        for f in files {
            let doc = timeml::parse(&std::fs::read_to_string(&f)?)?;
            let input = Input {
                format: Some(InputFormat::Verbatim),
                published: doc.dct.clone(),
                ..Input::new(doc.text.into_bytes())
            };
            if let Ok(a) = extractor.extract(&input) {
                news.push(prepared(f.display().to_string(), a));
            }
        }
    }
    println!(
        "time + quantities stages and figure checks, best of {} runs, one core",
        args.rounds
    );
    println!(
        "  {:<34}{:>7}{:>11}{:>14}",
        "fixture", "words", "µs", "µs/600 words"
    );
    let mut total = (0.0, 0usize);
    for p in &fixtures {
        let secs = best(p, args.rounds);
        total.0 += secs;
        total.1 += p.words;
        println!(
            "  {:<34}{:>7}{:>11.1}{:>14.1}",
            p.name,
            p.words,
            secs * 1e6,
            per600(secs, p.words)
        );
    }
    println!(
        "  {:<34}{:>7}{:>11.1}{:>14.1}",
        "all fixtures",
        total.1,
        total.0 * 1e6,
        per600(total.0, total.1)
    );
    // the two stages apart, over all fixtures
    let (mut t_time, mut t_quant) = (0.0, 0.0);
    for p in &fixtures {
        let a = &p.article;
        let (mut bt, mut bq) = (f64::MAX, f64::MAX);
        for _ in 0..args.rounds.max(1) {
            let t = Instant::now();
            std::hint::black_box(time::find_times(&a.text, &a.sentences, p.reference));
            bt = bt.min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            std::hint::black_box(quantities::find_quantities(&a.text, &a.sentences));
            bq = bq.min(t.elapsed().as_secs_f64());
        }
        t_time += bt;
        t_quant += bq;
    }
    println!(
        "  apart, per 600 words of fixtures: time {:.1} µs, quantities {:.1} µs",
        per600(t_time, total.1),
        per600(t_quant, total.1)
    );
    if !news.is_empty() {
        let mut t = (0.0, 0usize);
        let mut worst: f64 = 0.0;
        for p in &news {
            let secs = best(p, args.rounds.min(5));
            t.0 += secs;
            t.1 += p.words;
            worst = worst.max(per600(secs, p.words.max(100)));
        }
        println!(
            "  TimeML news texts: {} documents, {} words, {:.1} µs per 600 words (worst document {:.1})",
            news.len(),
            t.1,
            per600(t.0, t.1),
            worst
        );
    }
    Ok(())
}

fn prepared(name: String, article: Article) -> Prepared {
    let reference = article
        .published
        .as_deref()
        .and_then(calendar::parse_iso)
        .map(|s| s.date);
    let words = article.text.split_whitespace().count();
    Prepared {
        name,
        article,
        reference,
        words,
    }
}

/// Best wall time of one pass of the stages over an article.
fn best(p: &Prepared, rounds: usize) -> f64 {
    let a = &p.article;
    let mut best = f64::MAX;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let times = time::find_times(&a.text, &a.sentences, p.reference);
        let figures = quantities::find_quantities(&a.text, &a.sentences);
        let warnings = quantities::figure_warnings(&a.text, &a.sections, &figures);
        std::hint::black_box((times, figures, warnings));
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn per600(secs: f64, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        secs * 1e6 * 600.0 / words as f64
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
}

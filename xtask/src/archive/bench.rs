//! `cargo xtask bench archive`: import rate on one core (extraction included), then, on a
//! large archive, p50/p95 of the analysts' queries, bytes per article and export time.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use gleaner_archive::{
    Archive, ArticleFilter, EntityQuery, ExportFormat, FigureQuery, Period, QuoteQuery, SearchQuery,
};
use gleaner_core::{Config, Extractor, Input, InputFormat};

use super::corpus;
use crate::bench::cpu::thread_cpu_time;

/// Options of `cargo xtask bench archive`.
#[derive(Debug, Args)]
pub struct ArchiveBenchArgs {
    /// Articles in the large archive (the corpus is generated when missing).
    #[arg(long, default_value_t = 100_000)]
    pub n: usize,
    /// Articles imported on one core for the import rate.
    #[arg(long, default_value_t = 2_000)]
    pub sample: usize,
    /// Runs of each query.
    #[arg(long, default_value_t = 60)]
    pub runs: usize,
    /// Extraction threads for building the large archive.
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
    /// Measure the export too (writes every table as JSONL and as Parquet under target/).
    #[arg(long)]
    pub export: bool,
    /// Query (and export) this archive instead of building one of `--n` articles.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Skip the one-thread import rate.
    #[arg(long)]
    pub no_import: bool,
    /// The shared data folder (for generating the corpus).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
}

/// Runs the benchmark.
pub fn run(args: &ArchiveBenchArgs, root: &Path) -> Result<()> {
    let corpus_path = corpus::default_path(root, args.n);
    // The corpus feeds the import-rate sample and a new archive; an existing archive
    // queried alone needs none.
    let needs_corpus = !args.no_import || args.db.as_ref().is_none_or(|db| !db.exists());
    if needs_corpus && !corpus_path.exists() {
        corpus::run(
            &corpus::GenCorpusArgs {
                n: args.n,
                data: args.data.clone(),
                out: None,
            },
            root,
        )?;
    }
    println!(
        "load average {} (2 shared cores: other work skews every figure)",
        load()
    );
    if !args.no_import {
        import_rate(&corpus_path, args.sample)?;
    }

    let db = args.db.clone().unwrap_or_else(|| {
        root.join("target/corpus")
            .join(format!("archive-{}.db", args.n))
    });
    if !db.exists() {
        let gleaner = crate::loadtest::build_release(root)?;
        let started = Instant::now();
        let status = Command::new(gleaner)
            .args([
                "archive",
                "import",
                "--quiet",
                "--jobs",
                &args.jobs.to_string(),
            ])
            .arg(&corpus_path)
            .arg("--db")
            .arg(&db)
            .status()?;
        if !status.success() {
            bail!("import of {} failed", corpus_path.display());
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "built {}: {} inputs in {secs:.0} s with {} threads ({:.0} inputs/s)",
            db.display(),
            args.n,
            args.jobs,
            args.n as f64 / secs
        );
    }
    queries(&db, args.runs)?;
    if args.export {
        let archive = Archive::open(&db)?;
        for (name, format) in [
            ("parquet", ExportFormat::Parquet),
            ("jsonl", ExportFormat::Jsonl),
        ] {
            let out = root.join("target/corpus/export").join(name);
            let started = Instant::now();
            let tables = archive.export(&out, format)?;
            let rows: u64 = tables.iter().map(|t| t.rows).sum();
            let bytes: u64 = tables
                .iter()
                .filter_map(|t| std::fs::metadata(&t.path).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "export {name}: {rows} rows in {} tables, {:.0} MB, in {:.1} s",
                tables.len(),
                bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// Reads, extracts and stores the first `sample` corpus lines on this thread.
fn import_rate(corpus: &Path, sample: usize) -> Result<()> {
    let inputs = read_inputs(corpus, sample)?;
    let dir = std::env::temp_dir().join(format!("gleaner-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("import.db");
    let mut archive = Archive::open(&db)?;
    let extractor = Extractor::new(Config::default());
    let (mut extract_time, mut store_time) = (Duration::ZERO, Duration::ZERO);
    let (mut extract_cpu, mut store_cpu) = (Duration::ZERO, Duration::ZERO);
    let started = Instant::now();
    let started_cpu = thread_cpu_time();
    let mut failed = 0;
    for input in &inputs {
        let (t, c) = (Instant::now(), thread_cpu_time());
        let article = match extractor.extract(input) {
            Ok(a) => a,
            Err(_) => {
                failed += 1;
                continue;
            }
        };
        extract_time += t.elapsed();
        extract_cpu += thread_cpu_time() - c;
        let (t, c) = (Instant::now(), thread_cpu_time());
        archive.add_extracted(input, &article)?;
        store_time += t.elapsed();
        store_cpu += thread_cpu_time() - c;
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu_secs = (thread_cpu_time() - started_cpu).as_secs_f64();
    let bytes = std::fs::metadata(&db)?.len()
        + std::fs::metadata(dir.join("import.db-wal")).map_or(0, |m| m.len());
    println!(
        "import, one thread: {} inputs in {secs:.1} s = {:.0} articles/s (extraction {:.2} ms, \
         storing {:.2} ms per article; {failed} failed)",
        inputs.len(),
        inputs.len() as f64 / secs,
        extract_time.as_secs_f64() * 1e3 / inputs.len() as f64,
        store_time.as_secs_f64() * 1e3 / inputs.len() as f64,
    );
    let per = |d: Duration| d.as_secs_f64() * 1e3 / inputs.len() as f64;
    println!(
        "  in CPU time: {:.0} articles/s (extraction {:.2} ms, storing {:.2} ms per article)",
        inputs.len() as f64 / cpu_secs,
        per(extract_cpu),
        per(store_cpu)
    );
    println!(
        "  file incl. WAL: {:.1} KB per article",
        bytes as f64 / 1e3 / inputs.len() as f64
    );
    drop(archive);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn read_inputs(corpus: &Path, n: usize) -> Result<Vec<Input>> {
    let file = std::fs::File::open(corpus).with_context(|| corpus.display().to_string())?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for line in reader.lines().take(n) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let field = |k: &str| v[k].as_str().map(str::to_string);
        let (bytes, format) = match (field("text"), field("html")) {
            (Some(t), _) => (t.into_bytes(), InputFormat::Text),
            (None, Some(h)) => (h.into_bytes(), InputFormat::Html),
            _ => continue,
        };
        out.push(Input {
            bytes,
            format: Some(format),
            url: field("url"),
            published: field("published"),
            source_name: field("source"),
            ..Input::default()
        });
    }
    Ok(out)
}

/// p50/p95 of each query over `runs` runs with varied arguments.
fn queries(db: &Path, runs: usize) -> Result<()> {
    let archive = Archive::open(db)?;
    let stats = archive.stats()?;
    let file_bytes = std::fs::metadata(db)?.len();
    println!(
        "archive: {} articles ({} revisions, {} duplicates), {} entities, {} figures; \
         {:.1} KB per article on disk",
        stats.articles,
        stats.revisions,
        stats.duplicates,
        stats.entities,
        stats.quantities,
        file_bytes as f64 / 1e3 / (stats.articles + stats.revisions).max(1) as f64
    );
    let top = |kind: &str| -> Result<Vec<String>> {
        Ok(archive
            .entities(&EntityQuery {
                kind: Some(kind.into()),
                limit: 30,
                ..EntityQuery::default()
            })?
            .rows
            .into_iter()
            .map(|e| e.name)
            .collect())
    };
    let people = top("PER")?;
    let places = top("LOC")?;
    let words = [
        "\"white house\"",
        "trump",
        "elect*",
        "title:debate",
        "senate AND tax",
        "immigration NOT mexico",
        "\"health care\"",
        "clinton OR sanders",
        "police",
        "budget",
    ];
    let filter = ArticleFilter::default();
    time("search", runs, |i| {
        archive.search(&SearchQuery {
            query: words[i % words.len()].into(),
            limit: 20,
            ..SearchQuery::default()
        })?;
        Ok(())
    })?;
    time("search --exact", runs, |i| {
        archive.search(&SearchQuery {
            query: words[i % words.len()].into(),
            limit: 20,
            rank_window: None,
            ..SearchQuery::default()
        })?;
        Ok(())
    })?;
    // Each search query alone: the mix's tail is a few words most stories contain.
    for word in words {
        let median = |window: Option<usize>| -> Result<f64> {
            let mut ms = Vec::new();
            for _ in 0..5 {
                let c = thread_cpu_time();
                let page = archive.search(&SearchQuery {
                    query: word.into(),
                    limit: 20,
                    rank_window: window,
                    ..SearchQuery::default()
                })?;
                std::hint::black_box(page);
                ms.push((thread_cpu_time() - c).as_secs_f64() * 1e3);
            }
            ms.sort_by(f64::total_cmp);
            Ok(ms[2])
        };
        println!(
            "    {word:<26} CPU median {:>7.2} ms, --exact {:>7.2} ms",
            median(Some(gleaner_archive::DEFAULT_RANK_WINDOW))?,
            median(None)?
        );
    }
    time("quotes --speaker", runs, |i| {
        archive.quotes(&QuoteQuery {
            speaker: Some(people[i % people.len().max(1)].clone()),
            limit: 20,
            ..QuoteQuery::default()
        })?;
        Ok(())
    })?;
    time("figures --place", runs, |i| {
        archive.figures(&FigureQuery {
            place: Some(places[i % places.len().max(1)].clone()),
            limit: 20,
            ..FigureQuery::default()
        })?;
        Ok(())
    })?;
    time("cooccur --by month", runs, |i| {
        archive.cooccur(&people[i % people.len().max(1)], Period::Month, 10, &filter)?;
        Ok(())
    })?;
    time("timeline --by week", runs, |i| {
        archive.timeline(&people[i % people.len().max(1)], Period::Week, &filter)?;
        Ok(())
    })?;
    time("entities --top 20", runs, |_| {
        archive.entities(&EntityQuery {
            limit: 20,
            ..EntityQuery::default()
        })?;
        Ok(())
    })?;
    let kinds = ["PER", "ORG", "LOC", "MISC"];
    time("entities --type, p2", runs, |i| {
        let first = archive.entities(&EntityQuery {
            kind: Some(kinds[i % kinds.len()].into()),
            limit: 20,
            ..EntityQuery::default()
        })?;
        archive.entities(&EntityQuery {
            kind: Some(kinds[i % kinds.len()].into()),
            limit: 20,
            cursor: first.next_cursor,
            ..EntityQuery::default()
        })?;
        Ok(())
    })?;
    Ok(())
}

/// Wall-clock and thread CPU-time p50/p95 of `f` over `runs` runs: on the shared machine the
/// wall clock also counts the time the query waits for a core.
fn time(name: &str, runs: usize, mut f: impl FnMut(usize) -> Result<()>) -> Result<()> {
    f(0)?; // warm the page cache and statement cache
    let (mut wall, mut cpu): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let (t, c) = (Instant::now(), thread_cpu_time());
        f(i)?;
        wall.push(t.elapsed().as_secs_f64() * 1e3);
        cpu.push((thread_cpu_time() - c).as_secs_f64() * 1e3);
    }
    let pct = |ms: &mut Vec<f64>, p: f64| {
        ms.sort_by(f64::total_cmp);
        ms[((ms.len() as f64 - 1.0) * p).round() as usize]
    };
    println!(
        "  {name:<20} p50 {:>8.2} ms   p95 {:>8.2} ms   CPU p50 {:>8.2} ms   p95 {:>8.2} ms   \
         ({runs} runs)",
        pct(&mut wall, 0.5),
        pct(&mut wall, 0.95),
        pct(&mut cpu, 0.5),
        pct(&mut cpu, 0.95)
    );
    Ok(())
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

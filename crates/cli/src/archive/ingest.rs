//! `add`, `import`, `reindex`: inputs extracted on worker threads, stored by one writer,
//! one transaction per article (an interrupted run leaves every stored article whole; a
//! re-run stores the rest and skips what is there).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context, Result, anyhow};
use gleaner_archive::{AddOutcome, Archive, sha256_hex};
use gleaner_core::{Article, Config, Extractor, Input, InputFormat};

use super::{AddArgs, ImportArgs, RunArgs, warc};
use crate::extract::{ItemOptions, item_input};
use crate::inputs::{self, Item};

/// One unit of work for the extraction workers.
enum Work {
    /// A file, stdin or JSONL line, read by the worker.
    Item(Item),
    /// An input already in memory (a WARC response).
    Ready {
        /// How reports name it.
        name: String,
        /// The input.
        input: Box<Input>,
    },
}

impl Work {
    fn name(&self) -> String {
        match self {
            Work::Item(item) => item.name(),
            Work::Ready { name, .. } => name.clone(),
        }
    }
}

/// What a worker hands the writer.
enum Prepared {
    /// Extracted, to store.
    New(Box<(Input, Article)>),
    /// Already stored (same SHA-256): nothing to do.
    Known(i64),
}

/// Running totals, printed at the end.
#[derive(Debug, Default)]
struct Tally {
    added: usize,
    unchanged: usize,
    revisions: usize,
    failed: Vec<String>,
}

/// Runs `gleaner archive add`.
pub fn add(db: &Path, args: AddArgs) -> Result<ExitCode> {
    if let Some(p) = &args.published
        && gleaner_core::calendar::parse_iso(p).is_none()
    {
        eprintln!(
            "gleaner: invalid --published {p:?}: expected an ISO 8601 date such as 2022-03-22"
        );
        return Ok(ExitCode::from(2));
    }
    let options = ItemOptions {
        read_as: args.read_as.map(InputFormat::from),
        published: args.published,
        url: args.url,
        max_bytes: Config::default().max_bytes,
    };
    let names = args.inputs;
    store_items(db, &args.run, options, move |emit| {
        inputs::for_each_item(&names, |item| emit(Work::Item(item)));
    })
}

/// Runs `gleaner archive import`.
pub fn import(db: &Path, args: ImportArgs) -> Result<ExitCode> {
    let options = ItemOptions {
        read_as: None,
        published: None,
        url: None,
        max_bytes: Config::default().max_bytes,
    };
    let file = args.file;
    if warc::is_warc(&file) {
        let reader = inputs::open_maybe_gz(Path::new(&file)).with_context(|| file.clone())?;
        return store_items(db, &args.run, options, move |emit| {
            warc::for_each_record(&file, BufReader::new(reader), |record| match record {
                warc::Record::Article { name, input } => emit(Work::Ready { name, input }),
                warc::Record::Skipped { name, problem } => {
                    emit(Work::Item(Item::Invalid { name, problem }))
                }
            });
        });
    }
    let reader: Box<dyn BufRead + Send> = if file == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let path = PathBuf::from(&file);
        let r = inputs::open_maybe_gz(&path).with_context(|| file.clone())?;
        Box::new(BufReader::new(r))
    };
    let path = PathBuf::from(if file == "-" { "<stdin>" } else { &file });
    store_items(db, &args.run, options, move |emit| {
        for (i, line) in reader.split(b'\n').enumerate() {
            let item = match line {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(line) if line.trim().is_empty() => continue,
                    Ok(line) => Item::JsonlLine {
                        path: path.clone(),
                        line_no: i + 1,
                        line,
                    },
                    Err(_) => Item::Invalid {
                        name: format!("{}:{}", path.display(), i + 1),
                        problem: "line is not UTF-8 text (binary data?)".into(),
                    },
                },
                Err(e) => {
                    emit(Work::Item(Item::Invalid {
                        name: format!("{}:{}", path.display(), i + 1),
                        problem: format!("cannot read: {}", inputs::io_reason(&e)),
                    }));
                    return;
                }
            };
            if !emit(Work::Item(item)) {
                return;
            }
        }
    })
}

/// The pipeline: `list` emits items → workers read and extract (skipping stored content)
/// → this thread stores them in input order.
fn store_items(
    db: &Path,
    run: &RunArgs,
    options: ItemOptions,
    list: impl FnOnce(&mut dyn FnMut(Work) -> bool) + Send,
) -> Result<ExitCode> {
    let mut archive = Archive::open(db)?;
    let jobs = run
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let extractor = Extractor::new(Config::default());
    let progress = !run.quiet && std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut tally = Tally::default();
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Work)>(jobs * 4);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, String, Result<Prepared>)>(jobs * 4);
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            let mut index = 0;
            let mut emit = |item: Work| {
                let ok = work_tx.send((index, item)).is_ok();
                index += 1;
                ok
            };
            list(&mut emit);
        });
        for _ in 0..jobs {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let (extractor, options) = (&extractor, &options);
            let reader = Archive::open_read_only(db)?;
            scope.spawn(move || {
                loop {
                    let next = work_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((index, item)) = next else { break };
                    let name = item.name();
                    let result = prepare(&reader, extractor, item, options);
                    if done_tx.send((index, name, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<usize, (String, Result<Prepared>)> = BTreeMap::new();
        let mut next = 0;
        for (index, name, result) in done_rx {
            pending.insert(index, (name, result));
            while let Some((name, result)) = pending.remove(&next) {
                next += 1;
                let stored = result.and_then(|prepared| match prepared {
                    Prepared::Known(id) => Ok(AddOutcome::Unchanged { id }),
                    Prepared::New(boxed) => {
                        let (input, article) = *boxed;
                        Ok(archive.add_extracted(&input, &article)?)
                    }
                });
                match stored {
                    Ok(AddOutcome::Added { .. }) => tally.added += 1,
                    Ok(AddOutcome::Unchanged { .. }) => tally.unchanged += 1,
                    Ok(AddOutcome::Revision { .. }) => tally.revisions += 1,
                    Err(e) => {
                        if progress {
                            eprint!("\r\x1b[2K");
                        }
                        eprintln!("skipped: {name}: {e:#}");
                        tally.failed.push(name);
                    }
                }
                if progress && (next % 16 == 0) {
                    eprint!("\r\x1b[2K{}", line(&tally, started));
                }
            }
        }
        Ok(())
    })?;
    if progress {
        eprint!("\r\x1b[2K");
    }
    eprintln!("{}", line(&tally, started));
    if !tally.failed.is_empty() {
        eprintln!("skipped {} input(s):", tally.failed.len());
        for name in &tally.failed {
            eprintln!("  {name}");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads and extracts one item, unless its content is already stored.
fn prepare(
    reader: &Archive,
    extractor: &Extractor,
    work: Work,
    options: &ItemOptions,
) -> Result<Prepared> {
    let input = match work {
        Work::Item(item) => item_input(&item, options)?,
        Work::Ready { input, .. } => *input,
    };
    if let Some(id) = reader.find_sha256(&sha256_hex(&input.bytes))? {
        return Ok(Prepared::Known(id));
    }
    let article = extractor.extract(&input)?;
    Ok(Prepared::New(Box::new((input, article))))
}

fn line(t: &Tally, started: Instant) -> String {
    let done = t.added + t.unchanged + t.revisions + t.failed.len();
    let secs = started.elapsed().as_secs_f64();
    format!(
        "{} added, {} revisions, {} already stored, {} skipped in {secs:.1}s ({:.0} inputs/s)",
        t.added,
        t.revisions,
        t.unchanged,
        t.failed.len(),
        done as f64 / secs.max(1e-9)
    )
}

/// Runs `gleaner archive reindex`.
pub fn reindex(db: &Path, quiet: bool) -> Result<ExitCode> {
    let mut archive = Archive::open(db)?;
    let extractor = Extractor::new(Config::default());
    let progress = !quiet && std::io::stderr().is_terminal();
    let report = archive
        .reindex(&extractor, |done, total| {
            if progress && (done % 16 == 0 || done == total) {
                eprint!("\r\x1b[2K{done}/{total} re-extracted");
            }
        })
        .map_err(|e| anyhow!(e))?;
    if progress {
        eprint!("\r\x1b[2K");
    }
    eprintln!(
        "{} re-extracted with {}, {} failed",
        report.reindexed,
        gleaner_archive::extractor_version(),
        report.failed.len()
    );
    for (id, reason) in &report.failed {
        eprintln!("  article {id}: {reason}");
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

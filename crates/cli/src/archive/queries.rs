//! The read commands: each builds its query, runs it, prints the rows.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use gleaner_archive::{
    Archive, ArticleFilter, DEFAULT_RANK_WINDOW, EntityQuery, ExportFormat, FigureQuery,
    QuoteQuery, SearchQuery,
};

use super::output::{OutFormat, print_object, print_page, print_rows};
use super::rows::DuplicateRow;
use super::{ArchiveCommand, ExportAs};

/// Runs a read command.
pub fn run(db: &Path, command: ArchiveCommand) -> Result<ExitCode> {
    if !db.exists() {
        bail!(
            "{}: no archive here (create one with `gleaner archive add` or `import`, or give --db)",
            db.display()
        );
    }
    let archive = Archive::open(db)?;
    match command {
        ArchiveCommand::Search(a) => {
            let bold = a.output.format == OutFormat::Table
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let highlight = if bold {
                ("\x1b[1m".to_string(), "\x1b[0m".to_string())
            } else {
                ("[".to_string(), "]".to_string())
            };
            let hits = archive.search(&SearchQuery {
                query: a.query,
                filter: ArticleFilter::from(&a.filter),
                highlight,
                limit: a.page.limit,
                cursor: a.page.cursor,
                rank_window: (!a.exact).then_some(DEFAULT_RANK_WINDOW),
            })?;
            if a.output.format == OutFormat::Json {
                print_object(&hits, a.output.format, &[])?;
            } else {
                if let Some(n) = hits.ranked_newest {
                    eprintln!(
                        "more than {n} articles match: these are the best of the {n} most \
                         recently added (--exact ranks them all, slower)"
                    );
                }
                print_page(&gleaner_archive::Page::from(hits), a.output.format)?;
            }
        }
        ArchiveCommand::Quotes(a) => {
            let rows = archive.quotes(&QuoteQuery {
                speaker: a.speaker,
                about: a.about,
                filter: ArticleFilter::from(&a.filter),
                limit: a.page.limit,
                cursor: a.page.cursor,
            })?;
            print_page(&rows, a.output.format)?;
        }
        ArchiveCommand::Entities(a) => {
            let rows = archive.entities(&EntityQuery {
                kind: a.kind.map(|k| format!("{k:?}").to_uppercase()),
                name: a.name,
                filter: ArticleFilter::from(&a.filter),
                limit: a.top,
                cursor: a.cursor,
            })?;
            print_page(&rows, a.output.format)?;
        }
        ArchiveCommand::Cooccur(a) => {
            let rows =
                archive.cooccur(&a.name, a.by.into(), a.top, &ArticleFilter::from(&a.filter))?;
            print_rows(&rows, a.output.format)?;
        }
        ArchiveCommand::Timeline(a) => {
            let timeline =
                archive.timeline(&a.term, a.by.into(), &ArticleFilter::from(&a.filter))?;
            if a.output.format == OutFormat::Table && std::io::stderr().is_terminal() {
                eprintln!(
                    "{}",
                    if timeline.matched == "entity" {
                        "counting stories that name it (copies once)"
                    } else {
                        "no entity of that name: counting stories matching it as a search"
                    }
                );
            }
            print_rows(&timeline.rows, a.output.format)?;
        }
        ArchiveCommand::Figures(a) => {
            let rows = archive.figures(&FigureQuery {
                category: a.category,
                place: a.place,
                about: a.about,
                filter: ArticleFilter::from(&a.filter),
                limit: a.page.limit,
                cursor: a.page.cursor,
            })?;
            print_page(&rows, a.output.format)?;
        }
        ArchiveCommand::Duplicates(a) => {
            let clusters = archive.duplicates(a.limit)?;
            if a.output.format == OutFormat::Json {
                print_object(&clusters, a.output.format, &[])?;
            } else {
                let rows: Vec<DuplicateRow> = clusters
                    .iter()
                    .flat_map(|c| {
                        std::iter::once(&c.first)
                            .chain(&c.copies)
                            .map(|m| DuplicateRow {
                                cluster: c.first.id,
                                id: m.id,
                                day: m.day.clone(),
                                source: m.source.clone(),
                                headline: m.headline.clone(),
                            })
                    })
                    .collect();
                print_rows(&rows, a.output.format)?;
            }
        }
        ArchiveCommand::Stats(out) => {
            let s = archive.stats()?;
            let versions: Vec<String> = s
                .extractor_versions
                .iter()
                .map(|v| format!("{} ({})", v.version, v.articles))
                .collect();
            let gap_days: i64 = s.gaps.iter().map(|g| g.days).sum();
            let per_article = if s.articles + s.revisions > 0 {
                s.stored_bytes / (s.articles + s.revisions)
            } else {
                0
            };
            let lines = [
                ("articles", s.articles.to_string()),
                ("revisions", s.revisions.to_string()),
                ("duplicates", s.duplicates.to_string()),
                ("sources", s.sources.to_string()),
                ("first", s.first.clone().unwrap_or_default()),
                ("last", s.last.clone().unwrap_or_default()),
                ("undated", s.undated.to_string()),
                (
                    "gaps",
                    format!("{} runs, {gap_days} days without articles", s.gaps.len()),
                ),
                ("entities", s.entities.to_string()),
                ("quotes", s.quotes.to_string()),
                ("figures", s.quantities.to_string()),
                ("dates", s.times.to_string()),
                ("extractors", versions.join(", ")),
                (
                    "stored bytes",
                    format!(
                        "{} ({per_article} per article; inputs {} as given)",
                        s.stored_bytes, s.raw_bytes
                    ),
                ),
            ];
            match out.format {
                OutFormat::Table => {
                    print_object(&s, out.format, &lines)?;
                    println!();
                    print_rows(&s.per_source, out.format)?;
                }
                OutFormat::Json => print_object(&s, out.format, &lines)?,
                OutFormat::Csv => print_rows(&s.per_source, out.format)?,
            }
        }
        ArchiveCommand::Check(out) => {
            let report = archive.check()?;
            let mut lines = vec![
                (
                    "status",
                    if report.ok {
                        "ok".to_string()
                    } else {
                        "PROBLEMS".to_string()
                    },
                ),
                ("schema", report.schema_version.to_string()),
                ("articles", report.articles.to_string()),
                ("indexed", report.indexed.to_string()),
                ("entities", report.entities.to_string()),
            ];
            for p in &report.problems {
                lines.push(("problem", p.clone()));
            }
            print_object(&report, out.format, &lines)?;
            if !report.ok {
                return Ok(ExitCode::from(1));
            }
        }
        ArchiveCommand::Export(a) => {
            let format = match a.format {
                ExportAs::Jsonl => ExportFormat::Jsonl,
                ExportAs::Csv => ExportFormat::Csv,
                ExportAs::Parquet => ExportFormat::Parquet,
            };
            let tables = archive.export(&a.out, format)?;
            print_rows(&tables, OutFormat::Table)?;
        }
        ArchiveCommand::Add(_) | ArchiveCommand::Import(_) | ArchiveCommand::Reindex(_) => {
            unreachable!("write commands are dispatched in archive::run")
        }
    }
    Ok(ExitCode::SUCCESS)
}

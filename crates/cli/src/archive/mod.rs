//! `gleaner archive`: a local news corpus in one SQLite file (`gleaner-archive`), and the
//! queries analysts run over it. This module only parses options, feeds inputs and prints
//! rows; storage and queries live in the archive crate.

mod ingest;
mod output;
mod queries;
mod rows;
mod warc;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use gleaner_archive::{ArticleFilter, Period};

use crate::extract::ReadAs;
use output::OutputArgs;

/// Options of `gleaner archive`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    gleaner archive add fixtures/articles/\n  \
    gleaner archive import feed.jsonl.gz\n  \
    gleaner archive search '\"security guarantees\" AND title:talks' --since 2022-03-01\n  \
    gleaner archive quotes --speaker Zelenskyy\n  \
    gleaner archive figures --category casualties --format csv\n  \
    gleaner archive timeline Zelensky --by week\n  \
    gleaner archive stats --format json")]
pub struct ArchiveArgs {
    /// The archive file, created when absent [default: $GLEANER_DB, else ./gleaner.db].
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: ArchiveCommand,
}

#[derive(Debug, Subcommand)]
enum ArchiveCommand {
    /// Extract and store articles: files, directories, `-` for stdin, `.jsonl` files.
    Add(AddArgs),
    /// Import a JSONL file of articles (`{url, html|text, published, source}` per line) or a
    /// WARC file (its HTML and text responses); `.gz` too. Malformed lines and unusable
    /// records are named on stderr and skipped.
    Import(ImportArgs),
    /// Full-text search: phrases "…", AND/OR/NOT, prefix*, title:word.
    Search(SearchArgs),
    /// Quotes, by speaker (any spelling of the name) and topic.
    Quotes(QuotesArgs),
    /// People, organisations and places by the number of stories naming them.
    Entities(EntitiesArgs),
    /// Who is named in the same stories as NAME, per period.
    Cooccur(CooccurArgs),
    /// Stories per period naming NAME, or else matching QUERY.
    Timeline(TimelineArgs),
    /// The claim timeline: figures with bound, date and source; disagreements marked.
    Figures(FiguresArgs),
    /// Near-duplicate clusters (syndicated copies of one story).
    Duplicates(DuplicatesArgs),
    /// Counts: articles, sources, date range, gaps, extractor versions.
    Stats(OutputArgs),
    /// Re-extract every stored input with this gleaner's extractor.
    Reindex(QuietArgs),
    /// Check the database's integrity and every stored input against its SHA-256.
    Check(OutputArgs),
    /// Write every table to DIR, one file each, for DuckDB, Spark or Trino.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
struct AddArgs {
    /// Articles: files, directories, `-` for stdin, or `.jsonl` files.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,
    /// How to read the inputs [default: detect HTML vs plain text].
    #[arg(long = "as", value_enum, value_name = "KIND")]
    read_as: Option<ReadAs>,
    /// Publication date (ISO 8601) of inputs that do not carry one.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// URL of the page (for a single input).
    #[arg(long)]
    url: Option<String>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// A JSONL file, a `.warc` file (`.gz` of either), or `-` for JSONL on stdin.
    #[arg(value_name = "FILE")]
    file: String,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Extract this many inputs in parallel [default: number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// No progress line.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Debug, Args)]
struct QuietArgs {
    /// No progress line.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Debug, Args)]
struct FilterArgs {
    /// Articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Articles published on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Articles of this source.
    #[arg(long)]
    source: Option<String>,
    /// Articles in this language (ISO 639-1, e.g. en).
    #[arg(long)]
    lang: Option<String>,
}

impl From<&FilterArgs> for ArticleFilter {
    fn from(f: &FilterArgs) -> Self {
        ArticleFilter {
            since: f.since.clone(),
            until: f.until.clone(),
            source: f.source.clone(),
            lang: f.lang.clone(),
        }
    }
}

#[derive(Debug, Args)]
struct PageArgs {
    /// At most this many rows.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    /// Continue after the previous page: the `next_cursor` it printed.
    #[arg(long, value_name = "CURSOR")]
    cursor: Option<String>,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The query, e.g. '"security guarantees"', 'ceasefire AND NOT gaza', 'negotiat*'.
    query: String,
    /// Rank every match. By default, when more than 10,000 articles match, the hits are
    /// the best of the 10,000 most recently added (ranking is the slow part of a search).
    #[arg(long)]
    exact: bool,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct QuotesArgs {
    /// Quotes by this person (any form of the name).
    #[arg(long)]
    speaker: Option<String>,
    /// Quotes containing these words.
    #[arg(long)]
    about: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct EntitiesArgs {
    /// Only this type.
    #[arg(long = "type", value_enum)]
    kind: Option<EntityType>,
    /// How many.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Continue after the previous page: the `next_cursor` it printed.
    #[arg(long, value_name = "CURSOR")]
    cursor: Option<String>,
    /// Only the identity this name resolves to.
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "UPPER")]
enum EntityType {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Places.
    Loc,
    /// Other names.
    Misc,
}

#[derive(Debug, Args)]
struct CooccurArgs {
    /// A name (any form of it).
    name: String,
    /// Period.
    #[arg(long, value_enum, default_value_t = By::Week)]
    by: By,
    /// Names per period.
    #[arg(long, default_value_t = 10)]
    top: usize,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct TimelineArgs {
    /// A name, or else a full-text query.
    term: String,
    /// Period.
    #[arg(long, value_enum, default_value_t = By::Day)]
    by: By,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum By {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Months.
    Month,
}

impl From<By> for Period {
    fn from(by: By) -> Self {
        match by {
            By::Day => Period::Day,
            By::Week => Period::Week,
            By::Month => Period::Month,
        }
    }
}

#[derive(Debug, Args)]
struct FiguresArgs {
    /// casualties, displacement, damage, arrests, money, distance, duration, percentage,
    /// other.
    #[arg(long)]
    category: Option<String>,
    /// Figures about this place (any form of its name).
    #[arg(long)]
    place: Option<String>,
    /// Words in what is counted, the event, or the figure.
    #[arg(long)]
    about: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct DuplicatesArgs {
    /// At most this many clusters.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// File format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExportAs::Jsonl)]
    format: ExportAs,
    /// Directory to write (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportAs {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// Apache Parquet (schema: docs/archive.md).
    Parquet,
}

/// Runs `gleaner archive`.
pub fn run(args: ArchiveArgs) -> Result<ExitCode> {
    let db = args
        .db
        .or_else(|| {
            std::env::var_os("GLEANER_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from("gleaner.db"));
    match args.command {
        ArchiveCommand::Add(a) => ingest::add(&db, a),
        ArchiveCommand::Import(a) => ingest::import(&db, a),
        ArchiveCommand::Reindex(a) => ingest::reindex(&db, a.quiet),
        command => queries::run(&db, command),
    }
}

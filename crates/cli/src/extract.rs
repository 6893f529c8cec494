//! `gleaner extract`: run the extractor over inputs, in parallel, output in input order.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Result, anyhow};
use clap::{Args, ValueEnum};
use gleaner_core::{Article, Config, Extractor, Input, InputFormat};

use crate::inputs::{self, Item, JsonlArticle};
use crate::render;

/// Options of `gleaner extract`.
#[derive(Debug, Args)]
#[command(after_help = "Inputs:\n  \
    FILE            a .txt or .html article (.gz compressed too)\n  \
    DIR             every .txt .html .htm .jsonl (and .gz) below it, in name order\n  \
    -               standard input\n  \
    FILE.jsonl      one article per line: {\"id\", \"url\", \"published\", \"source\", \"text\" | \"html\"}\n\n\
Exit status: 0 all inputs extracted; 1 some failed (the others are still written, each\n\
failure is named on stderr); 2 usage error.\n\n\
Examples:\n  \
    gleaner extract story.txt --published 2022-03-22\n  \
    gleaner extract page.html --url https://example.org/story --format json\n  \
    gleaner extract corpus/ --jobs 2 > corpus.jsonl\n  \
    gleaner extract eval.txt --as verbatim --format jsonl   # offsets map 1:1 onto the file")]
pub struct ExtractArgs {
    /// Articles to read: files, directories, `-` for stdin, or `.jsonl` files.
    /// Reads standard input when none is given and stdin is not a terminal.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Output format [default: text on a terminal for one input, else json for one input
    /// and jsonl for several].
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// How to read the inputs [default: detect HTML vs plain text].
    #[arg(long = "as", value_enum, value_name = "KIND")]
    read_as: Option<ReadAs>,
    /// Publication date (ISO 8601, e.g. 2022-03-22): the reference date for relative
    /// dates. A JSONL line's own `published` wins.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// URL of the page (recorded in the output; never fetched).
    #[arg(long)]
    url: Option<String>,
    /// Extract this many inputs in parallel [default: number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Config::default().max_bytes)]
    max_bytes: u64,
    /// Include token spans in JSON output.
    #[arg(long)]
    tokens: bool,
    /// Never show a progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Pretty JSON (an array when there are several inputs).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A readable summary: headline, dateline, byline, date, highlights, removed furniture.
    Text,
    /// The article as Markdown.
    Markdown,
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadAs {
    /// Plain text scraped from a page.
    Text,
    /// An HTML page.
    Html,
    /// Plain text taken as it is: output `text` equals the input, spans map 1:1.
    Verbatim,
}

impl From<ReadAs> for InputFormat {
    fn from(value: ReadAs) -> Self {
        match value {
            ReadAs::Text => InputFormat::Text,
            ReadAs::Html => InputFormat::Html,
            ReadAs::Verbatim => InputFormat::Verbatim,
        }
    }
}

/// Runs `gleaner extract`.
pub fn run(mut args: ExtractArgs) -> Result<ExitCode> {
    if args.inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!(
                "gleaner: no input given (name files or directories, or pipe an article into `gleaner extract -`)"
            );
            return Ok(ExitCode::from(2));
        }
        args.inputs.push("-".to_string());
    }
    if let Some(p) = &args.published
        && gleaner_core::calendar::parse_iso(p).is_none()
    {
        eprintln!(
            "gleaner: invalid --published {p:?}: expected an ISO 8601 date such as 2022-03-22"
        );
        return Ok(ExitCode::from(2));
    }
    if args.jobs == Some(0) {
        eprintln!("gleaner: --jobs must be at least 1");
        return Ok(ExitCode::from(2));
    }
    let extractor = Arc::new(Extractor::new(Config {
        max_bytes: args.max_bytes,
        tokens: args.tokens,
    }));
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let stdout_tty = std::io::stdout().is_terminal();
    let single = args.inputs.len() == 1
        && (args.inputs[0] == "-"
            || std::fs::metadata(&args.inputs[0]).is_ok_and(|m| m.is_file())
                && !args.inputs[0].to_lowercase().contains(".jsonl"));
    let format = args.format.unwrap_or(match (single, stdout_tty) {
        (true, true) => Format::Text,
        (true, false) => Format::Json,
        (false, _) => Format::Jsonl,
    });
    let colour = stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let progress = !args.quiet && !single && std::io::stderr().is_terminal();
    let options = Arc::new(ItemOptions {
        read_as: args.read_as.map(InputFormat::from),
        published: args.published.clone(),
        url: args.url.clone(),
        max_bytes: args.max_bytes,
    });

    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Item)>(jobs * 4);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, String, Result<Article>)>(jobs * 4);
    let started = Instant::now();
    let mut stats = Stats::default();
    std::thread::scope(|scope| {
        let names = &args.inputs;
        scope.spawn(move || {
            let mut index = 0;
            inputs::for_each_item(names, |item| {
                let ok = work_tx.send((index, item)).is_ok();
                index += 1;
                ok
            });
        });
        for _ in 0..jobs {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let extractor = Arc::clone(&extractor);
            let options = Arc::clone(&options);
            scope.spawn(move || {
                loop {
                    let next = work_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((index, item)) = next else { break };
                    let name = item.name();
                    let result = extract_item(&extractor, &item, &options);
                    if done_tx.send((index, name, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Print in input order: hold results that arrive early.
        let mut pending: BTreeMap<usize, (String, Result<Article>)> = BTreeMap::new();
        let mut next = 0;
        let mut out = Output::new(format, colour);
        for (index, name, result) in done_rx {
            pending.insert(index, (name, result));
            while let Some((name, result)) = pending.remove(&next) {
                next += 1;
                match result {
                    Ok(article) => {
                        stats.ok += 1;
                        if let Err(e) = out.write(&article) {
                            stats.write_error = Some(e);
                        }
                    }
                    Err(e) => {
                        stats.failed += 1;
                        if progress {
                            eprint!("\r\x1b[2K");
                        }
                        eprintln!("error: {name}: {e:#}");
                    }
                }
                if progress {
                    eprint!(
                        "\r\x1b[2K[{:>6} done, {} failed] {name}",
                        stats.ok + stats.failed,
                        stats.failed
                    );
                }
            }
            if stats.write_error.is_some() {
                break;
            }
        }
        if let Err(e) = out.finish() {
            stats.write_error.get_or_insert(e);
        }
    });
    if progress {
        eprintln!(
            "\r\x1b[2K{} extracted, {} failed in {:.1}s",
            stats.ok,
            stats.failed,
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(e) = stats.write_error {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(anyhow!("cannot write output: {e}"));
    }
    tracing::debug!(ok = stats.ok, failed = stats.failed, "extract finished");
    Ok(if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Default)]
struct Stats {
    ok: usize,
    failed: usize,
    write_error: Option<std::io::Error>,
}

/// Options applied to every input of a batch (a JSONL line's own fields win).
pub(crate) struct ItemOptions {
    pub(crate) read_as: Option<InputFormat>,
    pub(crate) published: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) max_bytes: u64,
}

/// Reads and extracts one item.
fn extract_item(extractor: &Extractor, item: &Item, options: &ItemOptions) -> Result<Article> {
    Ok(extractor.extract(&item_input(item, options)?)?)
}

/// Reads one item into the extractor's input.
pub(crate) fn item_input(item: &Item, options: &ItemOptions) -> Result<Input> {
    let input = match item {
        Item::Invalid { problem, .. } => return Err(anyhow!("{problem}")),
        Item::File(path) => Input {
            bytes: inputs::read_bytes(item, options.max_bytes)?,
            format: options.read_as,
            url: options.url.clone(),
            published: options.published.clone(),
            path: Some(path.display().to_string()),
            ..Input::default()
        },
        Item::Stdin => Input {
            bytes: inputs::read_bytes(item, options.max_bytes)?,
            format: options.read_as,
            url: options.url.clone(),
            published: options.published.clone(),
            ..Input::default()
        },
        Item::JsonlLine { path, line, .. } => {
            let article: JsonlArticle =
                serde_json::from_str(line).map_err(|e| anyhow!("invalid JSON line: {e}"))?;
            let (bytes, format) = match (article.text, article.html) {
                (Some(_), Some(_)) => {
                    return Err(anyhow!("line has both \"text\" and \"html\"; give one"));
                }
                (Some(t), None) => (t.into_bytes(), options.read_as.or(Some(InputFormat::Text))),
                (None, Some(h)) => (h.into_bytes(), Some(InputFormat::Html)),
                (None, None) => return Err(anyhow!("line has neither \"text\" nor \"html\"")),
            };
            Input {
                bytes,
                format,
                url: article.url.or_else(|| options.url.clone()),
                published: article.published.or_else(|| options.published.clone()),
                path: Some(path.display().to_string()),
                id: article.id.map(|v| match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                }),
                source_name: article.source,
                ..Input::default()
            }
        }
    };
    Ok(input)
}

/// Writes articles in the chosen format.
struct Output {
    format: Format,
    colour: bool,
    count: usize,
    out: std::io::BufWriter<std::io::Stdout>,
    json_items: Vec<String>,
}

impl Output {
    fn new(format: Format, colour: bool) -> Self {
        Self {
            format,
            colour,
            count: 0,
            out: std::io::BufWriter::new(std::io::stdout()),
            json_items: Vec::new(),
        }
    }

    fn write(&mut self, article: &Article) -> std::io::Result<()> {
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                writeln!(self.out, "{}", gleaner_core::json::to_line(article))?;
                // Stream: a reader of a long batch sees lines as they are done.
                self.out.flush()
            }
            Format::Json => {
                self.json_items.push(gleaner_core::json::to_pretty(article));
                Ok(())
            }
            Format::Text => {
                if self.count > 1 {
                    writeln!(self.out)?;
                }
                self.out
                    .write_all(render::summary(article, self.colour).as_bytes())?;
                self.out.flush()
            }
            Format::Markdown => {
                if self.count > 1 {
                    writeln!(self.out, "\n---\n")?;
                }
                self.out.write_all(render::markdown(article).as_bytes())?;
                self.out.flush()
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            match self.json_items.len() {
                0 => {}
                1 => writeln!(self.out, "{}", self.json_items[0])?,
                _ => {
                    writeln!(self.out, "[")?;
                    let n = self.json_items.len();
                    for (i, item) in self.json_items.iter().enumerate() {
                        let sep = if i + 1 < n { "," } else { "" };
                        writeln!(self.out, "{item}{sep}")?;
                    }
                    writeln!(self.out, "]")?;
                }
            }
        }
        self.out.flush()
    }
}

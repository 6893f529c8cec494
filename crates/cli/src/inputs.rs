//! What the user named on the command line → a stream of articles to extract.
//!
//! Files, directories (recursive, sorted), `-` for stdin and `.jsonl` files of articles. Items
//! are produced lazily so that a batch of any size runs in flat memory; reading an item's
//! bytes happens in the worker that extracts it, so one unreadable file fails alone.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

/// One unit of work: where an article comes from.
#[derive(Debug, Clone)]
pub enum Item {
    /// A file (possibly gzip-compressed).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// One line of a JSONL file.
    JsonlLine {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line number.
        line_no: usize,
        /// The line's text.
        line: String,
    },
    /// A problem found while listing inputs (a missing file, an empty directory).
    Invalid {
        /// What the user named.
        name: String,
        /// What is wrong.
        problem: String,
    },
}

impl Item {
    /// How error messages name this input.
    pub fn name(&self) -> String {
        match self {
            Item::File(p) => p.display().to_string(),
            Item::Stdin => "<stdin>".to_string(),
            Item::JsonlLine { path, line_no, .. } => format!("{}:{line_no}", path.display()),
            Item::Invalid { name, .. } => name.clone(),
        }
    }
}

/// An article as a line of a JSONL file: `{id, url, published, source, text | html}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonlArticle {
    /// Caller's identifier, echoed as `source.id`.
    pub id: Option<serde_json::Value>,
    /// Page URL.
    pub url: Option<String>,
    /// Publication date (ISO 8601): the article's reference date.
    pub published: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// Plain-text article.
    pub text: Option<String>,
    /// HTML page.
    pub html: Option<String>,
    /// Extra fields are accepted and ignored.
    #[serde(flatten)]
    _extra: serde_json::Map<String, serde_json::Value>,
}

/// Article file extensions read from directories.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "html", "htm", "jsonl"];

/// Lists the items of `names` in order, lazily, sending each to `emit`. Stops early when
/// `emit` returns false (the consumer hung up).
pub fn for_each_item(names: &[String], mut emit: impl FnMut(Item) -> bool) {
    for name in names {
        if name == "-" {
            if !emit(Item::Stdin) {
                return;
            }
            continue;
        }
        let path = PathBuf::from(name);
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let problem = format!("cannot read: {}", io_reason(&e));
                if !emit(Item::Invalid {
                    name: name.clone(),
                    problem,
                }) {
                    return;
                }
                continue;
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk_dir(&path, &mut files) {
                if !emit(Item::Invalid {
                    name: name.clone(),
                    problem: format!("{e:#}"),
                }) {
                    return;
                }
                continue;
            }
            if files.is_empty() {
                let problem =
                    "directory contains no articles (.txt, .html, .htm, .jsonl, or .gz of those)"
                        .to_string();
                if !emit(Item::Invalid {
                    name: name.clone(),
                    problem,
                }) {
                    return;
                }
            }
            for file in files {
                if !emit_file(file, &mut emit) {
                    return;
                }
            }
        } else if !emit_file(path, &mut emit) {
            return;
        }
    }
}

fn emit_file(path: PathBuf, emit: &mut impl FnMut(Item) -> bool) -> bool {
    if !is_jsonl(&path) {
        return emit(Item::File(path));
    }
    let reader = match open_maybe_gz(&path) {
        Ok(r) => BufReader::new(r),
        Err(e) => {
            return emit(Item::Invalid {
                name: path.display().to_string(),
                problem: format!("{e:#}"),
            });
        }
    };
    for (i, line) in reader.lines().enumerate() {
        let item = match line {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => Item::JsonlLine {
                path: path.clone(),
                line_no: i + 1,
                line,
            },
            Err(e) => Item::Invalid {
                name: format!("{}:{}", path.display(), i + 1),
                problem: format!("cannot read line: {}", io_reason(&e)),
            },
        };
        let unreadable = matches!(item, Item::Invalid { .. });
        if !emit(item) {
            return false;
        }
        if unreadable {
            break;
        }
    }
    true
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list directory: {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk_dir(&path, out)?;
        } else if is_article_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_article_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    ARTICLE_EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

fn is_jsonl(path: &Path) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Opens a file, decompressing it when its name ends in `.gz`.
pub fn open_maybe_gz(path: &Path) -> Result<Box<dyn Read + Send>> {
    let file = File::open(path).map_err(|e| anyhow!("cannot read: {}", io_reason(&e)))?;
    Ok(if is_gz(path) {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    })
}

/// Reads a file or stdin, decompressing `.gz`, refusing more than `max_bytes`.
pub fn read_bytes(item: &Item, max_bytes: u64) -> Result<Vec<u8>> {
    let reader: Box<dyn Read> = match item {
        Item::File(path) => {
            // Refuse an oversized plain file by its size, before reading any of it.
            if !is_gz(path)
                && let Ok(meta) = std::fs::metadata(path)
                && meta.is_file()
                && meta.len() > max_bytes
            {
                bail!(
                    "input is {} bytes, over the limit of {max_bytes} bytes (raise it with --max-bytes)",
                    meta.len()
                );
            }
            open_maybe_gz(path)?
        }
        Item::Stdin => Box::new(std::io::stdin().lock()),
        Item::JsonlLine { .. } | Item::Invalid { .. } => bail!("not a file"),
    };
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow!("cannot read: {}", io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        bail!("input is over the limit of {max_bytes} bytes (raise it with --max-bytes)");
    }
    Ok(bytes)
}

/// A short, human reason for an I/O error (without the "os error" suffix).
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        std::io::ErrorKind::InvalidData => format!("invalid data ({e})"),
        _ => e.to_string(),
    }
}

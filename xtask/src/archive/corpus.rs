//! `cargo xtask gen-corpus N`: a JSONL.gz corpus of N articles for scale tests, recombined
//! from the shared data: PolNeAR news texts with paragraphs swapped between stories, WCXB
//! HTML pages, syndicated copies and revisions, dates spread over three years, 24 outlets.
//! Deterministic (same N, same file). Written under `target/corpus/`, never committed.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use gleaner_core::calendar::Date;

use super::Rng;

/// Options of `cargo xtask gen-corpus`.
#[derive(Debug, Args)]
pub struct GenCorpusArgs {
    /// Number of articles.
    pub n: usize,
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Output file [default: target/corpus/corpus-N.jsonl.gz].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Outlet names of the generated corpus.
const SOURCES: &[&str] = &[
    "Harbour Herald",
    "Capital Courier",
    "Northern Post",
    "Valley Times",
    "Daily Ledger",
    "Evening Standard-Bearer",
    "Metro Wire",
    "Coastal Chronicle",
    "Prairie Press",
    "Riverside Record",
    "Summit Sentinel",
    "Lakeside Ledger",
    "Union Tribune-Journal",
    "Frontier Dispatch",
    "Bay Observer",
    "Central Gazette",
    "Highland News",
    "Old Town Times",
    "Market Monitor",
    "Civic Bulletin",
    "Western Reporter",
    "Eastern Examiner",
    "Global Newswire",
    "Morning Mercury",
];

/// The default corpus path for `n` articles.
pub fn default_path(root: &Path, n: usize) -> PathBuf {
    root.join("target/corpus")
        .join(format!("corpus-{n}.jsonl.gz"))
}

/// Writes the corpus and returns its path.
pub fn run(args: &GenCorpusArgs, root: &Path) -> Result<PathBuf> {
    let texts = polnear_texts(&args.data)?;
    let pages = wcxb_pages(&args.data)?;
    if texts.is_empty() {
        bail!("no PolNeAR texts under {}", args.data.display());
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| default_path(root, args.n));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(&out).with_context(|| out.display().to_string())?;
    let mut w =
        flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::fast());
    let start = Date::new(2022, 1, 1).context("start date")?;
    let mut emitted: Vec<(String, String, String)> = Vec::new(); // (url, body kind, text)
    let mut rng = Rng::new(0x6c65_616e_6572);
    for i in 0..args.n {
        let source = SOURCES[rng.below(SOURCES.len())];
        let day = start.add_days((i * 1095 / args.n.max(1)) as i64 + rng.below(5) as i64);
        let slug: String = source
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let mut url = format!("https://{slug}.example/{}/{i}", day.year);
        let roll = rng.below(100);
        let (kind, body) = if roll < 4 && !emitted.is_empty() {
            // A syndicated copy: the same story under another outlet's name.
            let (_, kind, text) = &emitted[rng.below(emitted.len())];
            (kind.clone(), format!("{text}\n\nDistributed by {source}."))
        } else if roll < 6 && !emitted.is_empty() {
            // A revision: new content at an earlier URL.
            let j = rng.below(emitted.len());
            let (old_url, kind, text) = &emitted[j];
            url = old_url.clone();
            (
                kind.clone(),
                format!("{text}\n\nUpdate: this story was updated with new details ({i})."),
            )
        } else if roll < 14 && !pages.is_empty() {
            let page = &pages[rng.below(pages.len())];
            (
                "html".to_string(),
                format!("{page}\n<!-- corpus item {i} -->"),
            )
        } else {
            ("text".to_string(), recombine(&texts, &mut rng))
        };
        let mut line = serde_json::Map::new();
        line.insert("url".into(), url.clone().into());
        line.insert("source".into(), source.into());
        line.insert("published".into(), day.to_string().into());
        line.insert(kind.clone(), body.clone().into());
        let line = serde_json::Value::Object(line);
        writeln!(w, "{line}")?;
        if emitted.len() < 5000 {
            emitted.push((url, kind, body));
        } else {
            let slot = rng.below(emitted.len());
            emitted[slot] = (url, kind, body);
        }
    }
    w.finish()?.flush()?;
    println!("wrote {} articles to {}", args.n, out.display());
    Ok(out)
}

/// A story: one PolNeAR text with one to three body paragraphs replaced by paragraphs of
/// other stories (so no two generated stories are the same).
fn recombine(texts: &[Vec<String>], rng: &mut Rng) -> String {
    let mut paragraphs = texts[rng.below(texts.len())].clone();
    if paragraphs.len() > 2 {
        for _ in 0..1 + rng.below(3) {
            let donor = &texts[rng.below(texts.len())];
            let slot = 1 + rng.below(paragraphs.len() - 1);
            paragraphs[slot] = donor[rng.below(donor.len())].clone();
        }
    }
    paragraphs.join("\n\n")
}

/// PolNeAR documents (one per `doc`), split into paragraphs.
fn polnear_texts(data: &Path) -> Result<Vec<Vec<String>>> {
    let path = data.join("quotes/polnear/train.jsonl");
    let file = std::fs::File::open(&path).with_context(|| path.display().to_string())?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for line in BufReader::new(file).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let doc = v["doc"].as_str().unwrap_or_default().to_string();
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        if !seen.insert(doc) {
            continue;
        }
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if !paragraphs.is_empty() {
            out.push(paragraphs);
        }
    }
    Ok(out)
}

/// WCXB dev HTML pages (decompressed).
fn wcxb_pages(data: &Path) -> Result<Vec<String>> {
    let dir = data.join("extraction/wcxb-dev/html");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return Ok(Vec::new()),
    };
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let mut html = String::new();
        let file = std::fs::File::open(&path)?;
        if flate2::read::GzDecoder::new(file)
            .read_to_string(&mut html)
            .is_ok()
        {
            out.push(html);
        }
    }
    Ok(out)
}

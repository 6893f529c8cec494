//! The benchmark's inputs, read from the shared data folder: article texts (WCXB-dev main
//! texts, PolNeAR documents) and HTML pages (AEB, WCXB-dev).

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gleaner_core::InputFormat;

/// One corpus: articles of one format.
pub struct Corpus {
    /// Name in the report.
    pub name: &'static str,
    /// How the extractor reads them.
    pub format: InputFormat,
    /// The articles' bytes.
    pub items: Vec<Vec<u8>>,
}

impl Corpus {
    /// Total size in MB (10^6 bytes).
    pub fn megabytes(&self) -> f64 {
        self.items.iter().map(Vec::len).sum::<usize>() as f64 / 1e6
    }

    /// Mean words per article (whitespace-separated; markup counts for HTML).
    pub fn mean_words(&self) -> f64 {
        let words: usize = self
            .items
            .iter()
            .map(|b| String::from_utf8_lossy(b).split_whitespace().count())
            .sum();
        words as f64 / self.items.len().max(1) as f64
    }

    /// The first `n` articles as their own corpus.
    pub fn head(&self, n: usize) -> Corpus {
        Corpus {
            name: self.name,
            format: self.format,
            items: self.items.iter().take(n).cloned().collect(),
        }
    }
}

/// All four corpora under `data`.
pub fn load(data: &Path) -> Result<Vec<Corpus>> {
    let extraction = data.join("extraction");
    Ok(vec![
        Corpus {
            name: "WCXB-dev texts",
            format: InputFormat::Text,
            items: wcxb_texts(&extraction.join("wcxb-dev/ground-truth"))?,
        },
        Corpus {
            name: "PolNeAR docs",
            format: InputFormat::Text,
            items: polnear_docs(&data.join("quotes/polnear"))?,
        },
        Corpus {
            name: "AEB pages",
            format: InputFormat::Html,
            items: gz_pages(&extraction.join("aeb/html"))?,
        },
        Corpus {
            name: "WCXB-dev pages",
            format: InputFormat::Html,
            items: gz_pages(&extraction.join("wcxb-dev/html"))?,
        },
    ])
}

fn sorted_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    Ok(files)
}

/// Title and main content of each WCXB-dev ground-truth file, as a plain-text article.
fn wcxb_texts(dir: &Path) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for path in sorted_files(dir, ".json")? {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)
            .with_context(|| format!("{}", path.display()))?;
        let gt = &v["ground_truth"];
        let body = gt["main_content"].as_str().unwrap_or("").trim();
        if body.is_empty() {
            continue;
        }
        let title = gt["title"].as_str().unwrap_or("").trim();
        out.push(format!("{title}\n\n{body}\n").into_bytes());
    }
    Ok(out)
}

/// Each PolNeAR document once (the files hold one line per document and annotator).
fn polnear_docs(dir: &Path) -> Result<Vec<Vec<u8>>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for split in ["train.jsonl", "dev.jsonl"] {
        let path = dir.join(split);
        let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let doc = v["doc"].as_str().unwrap_or("").to_string();
            if let Some(t) = v["text"].as_str()
                && seen.insert(doc)
            {
                out.push(t.as_bytes().to_vec());
            }
        }
    }
    Ok(out)
}

fn gz_pages(dir: &Path) -> Result<Vec<Vec<u8>>> {
    sorted_files(dir, ".html.gz")?
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            flate2::read::MultiGzDecoder::new(std::fs::File::open(p)?).read_to_end(&mut bytes)?;
            Ok(bytes)
        })
        .collect()
}

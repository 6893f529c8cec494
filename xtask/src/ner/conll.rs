//! Reading CoNLL-format NER files (`word … tag` per line, blank lines between sentences,
//! `-DOCSTART-` between documents) and scoring chunks exactly as conlleval does.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

/// One document: tokens, their gold labels (last column), sentence ranges.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Tokens (first column).
    pub tokens: Vec<String>,
    /// Gold labels as written (IOB1 for CoNLL-2003).
    pub labels: Vec<String>,
    /// Token ranges of the sentences.
    pub sentences: Vec<(usize, usize)>,
}

impl Doc {
    /// Tokens as string slices.
    pub fn token_refs(&self) -> Vec<&str> {
        self.tokens.iter().map(String::as_str).collect()
    }
}

/// Reads a CoNLL file into documents. A file without `-DOCSTART-` lines (wikigold) is split
/// into documents at its `-DOCSTART-` marks if any, else kept as one document per sentence
/// group of at most 40 sentences.
pub fn read(path: &Path) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let has_docstart = text.lines().any(|l| l.starts_with("-DOCSTART-"));
    let mut docs = Vec::new();
    let mut doc = Doc::default();
    let mut sent_start = 0usize;
    let close_sentence = |doc: &mut Doc, sent_start: &mut usize| {
        if doc.tokens.len() > *sent_start {
            doc.sentences.push((*sent_start, doc.tokens.len()));
        }
        *sent_start = doc.tokens.len();
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            close_sentence(&mut doc, &mut sent_start);
            if !has_docstart && doc.sentences.len() >= 40 {
                docs.push(std::mem::take(&mut doc));
                sent_start = 0;
            }
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            close_sentence(&mut doc, &mut sent_start);
            if !doc.tokens.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sent_start = 0;
            continue;
        }
        doc.tokens.push(fields[0].to_string());
        doc.labels.push(fields[fields.len() - 1].to_string());
    }
    close_sentence(&mut doc, &mut sent_start);
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

fn split_tag(tag: &str) -> (&str, &str) {
    if matches!(tag, "O" | "" | "-" | "_") {
        return ("O", "");
    }
    match tag.split_once('-') {
        Some((p, t)) if matches!(p, "B" | "I" | "L" | "E" | "U" | "S") && !t.is_empty() => (p, t),
        _ => ("I", tag),
    }
}

/// Chunks `(start, end, type)` of one sentence's tags, decoded exactly as conlleval.py does.
pub fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    let mut closed = true;
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = split_tag(tag);
        if p == "O" {
            if let Some((s, ty)) = cur.take() {
                out.push((s, i, ty.to_string()));
            }
            closed = true;
            continue;
        }
        let cont =
            matches!(cur, Some((_, ty)) if !closed && ty == t) && matches!(p, "I" | "L" | "E");
        if !cont {
            if let Some((s, ty)) = cur.take() {
                out.push((s, i, ty.to_string()));
            }
            cur = Some((i, t));
        }
        closed = matches!(p, "L" | "E" | "U" | "S");
        if closed && let Some((s, ty)) = cur.take() {
            out.push((s, i + 1, ty.to_string()));
        }
    }
    if let Some((s, ty)) = cur {
        out.push((s, tags.len(), ty.to_string()));
    }
    out
}

/// Chunk counts per type, as conlleval keeps them.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Gold chunks per type.
    pub gold: BTreeMap<String, usize>,
    /// Predicted chunks per type.
    pub found: BTreeMap<String, usize>,
    /// Correct chunks per type.
    pub correct: BTreeMap<String, usize>,
}

/// Precision, recall, F1 in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision (%).
    pub precision: f64,
    /// Recall (%).
    pub recall: f64,
    /// F1 (%).
    pub f1: f64,
}

impl Score {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let g: std::collections::BTreeSet<_> = chunks(gold).into_iter().collect();
        let p: std::collections::BTreeSet<_> = chunks(pred).into_iter().collect();
        for c in &g {
            *self.gold.entry(c.2.clone()).or_default() += 1;
        }
        for c in &p {
            *self.found.entry(c.2.clone()).or_default() += 1;
        }
        for c in g.intersection(&p) {
            *self.correct.entry(c.2.clone()).or_default() += 1;
        }
    }

    fn prf(correct: usize, found: usize, gold: usize) -> Prf {
        let p = if found > 0 {
            100.0 * correct as f64 / found as f64
        } else {
            0.0
        };
        let r = if gold > 0 {
            100.0 * correct as f64 / gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: p,
            recall: r,
            f1: f,
        }
    }

    /// Overall scores.
    pub fn overall(&self) -> Prf {
        Self::prf(
            self.correct.values().sum(),
            self.found.values().sum(),
            self.gold.values().sum(),
        )
    }

    /// Scores of one type.
    pub fn of(&self, kind: &str) -> Prf {
        let get = |m: &BTreeMap<String, usize>| m.get(kind).copied().unwrap_or(0);
        Self::prf(get(&self.correct), get(&self.found), get(&self.gold))
    }

    /// Types seen in gold or predictions.
    pub fn kinds(&self) -> Vec<String> {
        let mut k: Vec<String> = self.gold.keys().chain(self.found.keys()).cloned().collect();
        k.sort();
        k.dedup();
        k
    }

    /// A report table.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let o = self.overall();
        out.push_str(&format!(
            "  {:<8} P {:7.3}  R {:7.3}  F1 {:7.3}  (gold {}, found {}, correct {})\n",
            "overall",
            o.precision,
            o.recall,
            o.f1,
            self.gold.values().sum::<usize>(),
            self.found.values().sum::<usize>(),
            self.correct.values().sum::<usize>()
        ));
        for k in self.kinds() {
            let s = self.of(&k);
            out.push_str(&format!(
                "  {:<8} P {:7.3}  R {:7.3}  F1 {:7.3}\n",
                k, s.precision, s.recall, s.f1
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_decoding() {
        assert_eq!(
            chunks(&[
                "I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "U-MISC", "L-MISC"
            ]),
            [
                (0, 2, "PER".to_string()),
                (2, 3, "PER".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "ORG".to_string()),
                (6, 7, "MISC".to_string()),
                (7, 8, "MISC".to_string()),
            ]
        );
        let mut s = Score::default();
        s.add(&["I-PER", "I-PER", "O"], &["B-PER", "I-PER", "U-LOC"]);
        assert_eq!(s.overall().precision, 50.0);
        assert_eq!(s.overall().recall, 100.0);
    }
}

//! Body-text metrics of `../shared/eval/shingle_eval.py` (AEB) and `wcxb_eval.py` (WCXB),
//! ported line for line: `\w+` tokens, 4-gram shingles with normalised multiset counts,
//! precision and recall averaged over pages and F1 from the two means; bag-of-words F1.

use std::collections::HashMap;

/// Python's `re.findall(r"\w+", text)`: runs of alphanumeric characters and underscores.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = (c.is_alphanumeric() && !is_vowel_mark(c)) || c == '_';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Combining vowel signs and points that Rust counts as alphabetic (Unicode's
/// Other_Alphabetic) but Python's `\w` does not (they are marks, not letters): Hebrew
/// points, Arabic harakat, and the vowel signs and nasal marks of the Indic scripts.
fn is_vowel_mark(c: char) -> bool {
    let u = c as u32;
    match u {
        0x05B0..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED => true,
        0x0900..=0x0DFF => {
            let offset = u & 0x7F;
            matches!(offset, 0x00..=0x03 | 0x3A..=0x3C | 0x3E..=0x4F | 0x51..=0x57 | 0x62..=0x63)
        }
        _ => false,
    }
}

/// Per-page (tp, fp, fn) over 4-gram shingles, normalised to sum to 1.
pub fn shingle_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(&words(truth));
    let p = shingles(&words(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &a) in &t {
        let b = p.get(k).copied().unwrap_or(0);
        tp += a.min(b) as f64;
        fn_ += a.saturating_sub(b) as f64;
    }
    for (k, &b) in &p {
        let a = t.get(k).copied().unwrap_or(0);
        fp += b.saturating_sub(a) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (tp, fp, fn_)
    }
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    const N: usize = 4;
    let mut out = HashMap::new();
    let windows = tokens.len().saturating_sub(N - 1).max(1);
    for i in 0..windows {
        let sh: Vec<&str> = tokens[i..(i + N).min(tokens.len())].to_vec();
        if !sh.is_empty() {
            *out.entry(sh).or_insert(0) += 1;
        }
    }
    out
}

fn page_precision((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn page_recall((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// Shingle precision, recall and F1 over pages, as `shingle_eval.agg`.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct ShingleScore {
    /// Mean per-page precision (pages with a prediction).
    pub precision: f64,
    /// Mean per-page recall (pages with a ground truth).
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
}

/// Aggregates per-page shingle counts.
pub fn shingle_score(rows: &[(f64, f64, f64)]) -> ShingleScore {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let precision = mean(
        rows.iter()
            .filter(|r| r.0 + r.1 > 0.0)
            .map(|r| page_precision(*r))
            .collect(),
    );
    let recall = mean(
        rows.iter()
            .filter(|r| r.0 + r.2 > 0.0)
            .map(|r| page_recall(*r))
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    ShingleScore {
        precision,
        recall,
        f1,
    }
}

/// WCXB's bag-of-words precision, recall, F1 of lower-cased `\w+` tokens for one page.
pub fn word_prf(pred: &str, truth: &str) -> (f64, f64, f64) {
    let p_lower = pred.to_lowercase();
    let r_lower = truth.to_lowercase();
    let p = words(&p_lower);
    let r = words(&r_lower);
    if r.is_empty() {
        return if p.is_empty() {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 0.0, 0.0)
        };
    }
    if p.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in &r {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut overlap = 0usize;
    for w in &p {
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            overlap += 1;
        }
    }
    let precision = overlap as f64 / p.len() as f64;
    let recall = overlap as f64 / r.len() as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// `casefold` then `\w+` tokens joined by spaces (WCXB's title normalisation).
pub fn norm_title(s: &str) -> String {
    let folded = casefold(s);
    words(&folded).join(" ")
}

/// WCXB's author name tokens: casefolded `\w+` tokens minus "and", "by", "und", "et", "y".
pub fn name_tokens(names: &[String]) -> std::collections::BTreeSet<String> {
    let joined = casefold(&names.join(" , "));
    words(&joined)
        .into_iter()
        .filter(|w| !matches!(*w, "and" | "by" | "und" | "et" | "y"))
        .map(str::to_string)
        .collect()
}

/// Python's `str.casefold` for the cases that occur in titles and names.
pub fn casefold(s: &str) -> String {
    s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_split_words_as_in_python() {
        // Python: re.findall(r"\w+", "قَالَ") == ['ق', 'ال']
        assert_eq!(words("قَالَ"), ["ق", "ال"]);
        assert_eq!(words("naïve ½ x_y"), ["naïve", "½", "x_y"]);
        assert_eq!(words("हिन्दी"), ["ह", "न", "द"]);
    }

    #[test]
    fn identical_texts_score_one() {
        let rows = vec![shingle_counts("a b c d e f", "a b c d e f")];
        let s = shingle_score(&rows);
        assert!((s.f1 - 1.0).abs() < 1e-12);
        assert_eq!(word_prf("A b", "a B"), (1.0, 1.0, 1.0));
    }

    #[test]
    fn short_texts_make_one_shingle() {
        let (tp, fp, fn_) = shingle_counts("one two", "one two");
        assert_eq!((tp, fp, fn_), (1.0, 0.0, 0.0));
        assert_eq!(words("it’s a_b, 3.5"), ["it", "s", "a_b", "3", "5"]);
    }
}

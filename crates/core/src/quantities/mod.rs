//! Stage, quantities: the figures an article claims.
//!
//! Input: the canonical text and its sentences; output: [`QuantityMention`]s with byte
//! spans. Numbers are found in every written form (`numbers.rs`); years, dates, clock
//! times, phone numbers and identifiers are set aside, and each remaining figure gets its
//! bound ("nearly" → approx), unit (currency code, `%`, `km`), object ("residential
//! buildings"), event ("destroyed") and category (damage), change ("rose by") and whether
//! it is a running total ("so far") (`claims.rs`). `checks.rs` compares the headline's and
//! highlights' figures with the body's.
//!
//! Places and sources of figures need the entities and quotes stages and are not filled
//! here.

mod checks;
mod claims;
mod lexicon;
mod numbers;
use crate::scan as tokens;
mod units;
mod words;

use crate::model::{QuantityBound, QuantityCategory, QuantityChange, Span};

pub use checks::{FigureWarning, figure_warnings};
pub use numbers::NumKind;

/// One figure found in the text. Spans are byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// Start of the figure (bound words and currency included).
    pub start: usize,
    /// End of the figure (unit included).
    pub end: usize,
    /// Value (the lower end of a range).
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Bound.
    pub bound: QuantityBound,
    /// Change direction, when the figure is a change.
    pub change: Option<QuantityChange>,
    /// Unit symbol or currency code.
    pub unit: Option<&'static str>,
    /// Byte span of the object phrase.
    pub object: Option<(usize, usize)>,
    /// The object is implied ("2,300 have died" counts people).
    pub implied_people: bool,
    /// Category.
    pub category: QuantityCategory,
    /// Byte span of the predicate word.
    pub event: Option<(usize, usize)>,
    /// Running total.
    pub cumulative: bool,
    /// Ordinal.
    pub ordinal: bool,
}

impl QuantityMention {
    /// The object as text: the phrase, or "people" when implied.
    pub fn object_text<'t>(&self, text: &'t str) -> Option<&'t str> {
        match self.object {
            _ if self.implied_people => Some("people"),
            Some((a, b)) => text.get(a..b),
            None => None,
        }
    }
}

/// Finds the figures of `text`; `sentences` are code-point spans from the segment stage.
pub fn find_quantities(text: &str, sentences: &[Span]) -> Vec<QuantityMention> {
    let lowered = tokens::Lowered::new(text);
    let toks = tokens::scan(&lowered);
    let nums = numbers::scan(text, &toks);
    if nums.is_empty() {
        return Vec::new();
    }
    let bounds = sentence_tokens(text, sentences, &toks);
    claims::claims(text, &toks, &nums, &bounds)
}

/// A number as the number layer reads it, for evaluations against number-recogniser test
/// suites: every number, including years and identifiers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMatch {
    /// Byte offset of the number.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
    /// Value.
    pub value: f64,
    /// How it is written.
    pub kind: NumKind,
}

/// Every number in `text`, in order (the layer under [`find_quantities`]).
pub fn scan_numbers(text: &str) -> Vec<NumberMatch> {
    let lowered = tokens::Lowered::new(text);
    let toks = tokens::scan(&lowered);
    numbers::scan(text, &toks)
        .into_iter()
        // "the one you mentioned", "which one": a pronoun
        .filter(|n| {
            let pronoun = n.end == n.first + 1
                && toks[n.first].is("one")
                && n.first > 0
                && matches!(
                    toks[n.first - 1].key(),
                    "the" | "this" | "that" | "which" | "each" | "every" | "any" | "no" | "another"
                );
            !pronoun
        })
        // a number glued to a unit ("180ml", "29km") is a measure, not a bare number
        .filter(|n| {
            n.kind == NumKind::Ordinal
                || !toks
                    .get(n.end)
                    .is_some_and(|t| t.glued() && t.kind == tokens::Kind::Word)
        })
        .map(|n| NumberMatch {
            start: toks[n.first].start,
            end: toks[n.end - 1].end,
            value: n.value,
            kind: n.kind,
        })
        .collect()
}

/// Token index ranges of the sentences (given in code points).
fn sentence_tokens(text: &str, sentences: &[Span], toks: &[tokens::Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut chars = text.char_indices().enumerate().peekable();
    let mut to_byte = |c: usize| -> usize {
        while let Some(&(ci, (bi, _))) = chars.peek() {
            if ci >= c {
                return bi;
            }
            chars.next();
        }
        text.len()
    };
    for s in sentences {
        let a = to_byte(s.start);
        let b = to_byte(s.end);
        let first = toks.partition_point(|t| t.start < a);
        let end = toks.partition_point(|t| t.start < b);
        out.push((first, end));
    }
    out
}

#[cfg(test)]
mod tests;

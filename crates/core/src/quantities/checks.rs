//! Internal consistency of an article's figures: the headline's, standfirst's and
//! highlights' figures checked against the body's.
//!
//! The same value counting a different thing, the same figure with a different bound
//! ("651" vs "nearly 651"), or the same thing counted with a different value each give a
//! warning with both spans.

use super::QuantityMention;
use crate::model::{QuantityCategory, Section, SectionKind, WarningKind};

/// One inconsistency: the lead figure's and the body figure's byte spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureWarning {
    /// What differs.
    pub kind: WarningKind,
    /// One sentence naming both figures.
    pub message: String,
    /// Byte span of the headline or highlight figure (with its object).
    pub lead: (usize, usize),
    /// Byte span of the body figure (with its object).
    pub body: (usize, usize),
}

/// Compares the figures in the headline, standfirst and highlights with those in the body.
pub fn figure_warnings(
    text: &str,
    sections: &[Section],
    quantities: &[QuantityMention],
) -> Vec<FigureWarning> {
    let spans = section_bytes(text, sections);
    let place = |q: &QuantityMention| {
        spans
            .iter()
            .find(|(_, a, b)| *a <= q.start && q.end <= *b)
            .map(|(k, _, _)| *k)
    };
    let mut lead = Vec::new();
    let mut body = Vec::new();
    for q in quantities.iter().filter(|q| !q.ordinal) {
        match place(q) {
            Some(SectionKind::Headline | SectionKind::Highlight | SectionKind::Standfirst) => {
                lead.push(q);
            }
            Some(k) if k.is_body() => body.push(q),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for l in lead {
        let l_object = object_key(l, text);
        let same_value: Vec<&&QuantityMention> = body
            .iter()
            .filter(|b| same_value(l, b) && b.unit == l.unit)
            .collect();
        if !same_value.is_empty() {
            let same_object = same_value
                .iter()
                .find(|b| object_key(b, text) == l_object && l_object.is_some());
            if let Some(b) = same_object {
                if b.bound != l.bound {
                    out.push(warning(
                        WarningKind::FigureBound,
                        text,
                        l,
                        b,
                        "with a different bound",
                    ));
                }
                continue;
            }
            if l_object.is_some()
                && let Some(b) = same_value.iter().find(|b| object_key(b, text).is_some())
            {
                out.push(warning(
                    WarningKind::FigureObject,
                    text,
                    l,
                    b,
                    "counting something else",
                ));
            }
            continue;
        }
        // the same thing, another value
        if let Some(obj) = &l_object
            && let Some(b) = body.iter().find(|b| {
                object_key(b, text).as_ref() == Some(obj)
                    && b.unit == l.unit
                    && b.category == l.category
                    && l.category != QuantityCategory::Other
                    && b.change == l.change
                    && b.cumulative == l.cumulative
            })
        {
            out.push(warning(
                WarningKind::FigureValue,
                text,
                l,
                b,
                "with another value",
            ));
        }
    }
    out
}

fn same_value(a: &QuantityMention, b: &QuantityMention) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0) && a.value_max == b.value_max
}

/// The object compared: its head noun, lower case and singular ("UK branches" and
/// "branches" count the same thing; "buildings" and "houses" do not).
fn object_key(q: &QuantityMention, text: &str) -> Option<String> {
    let o = q.object_text(text)?.to_lowercase();
    let last = o.split_whitespace().last()?;
    let head = last
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| {
            last.strip_suffix('s')
                .filter(|s| !s.ends_with('s'))
                .map(str::to_string)
        })
        .unwrap_or_else(|| last.to_string());
    Some(head)
}

/// The figure with its object, as a byte span.
fn extent(q: &QuantityMention) -> (usize, usize) {
    match q.object {
        Some((_, b)) if b > q.end => (q.start, b),
        _ => (q.start, q.end),
    }
}

fn warning(
    kind: WarningKind,
    text: &str,
    lead: &QuantityMention,
    body: &QuantityMention,
    how: &str,
) -> FigureWarning {
    let (a, b) = extent(lead);
    let (c, d) = extent(body);
    FigureWarning {
        kind,
        message: format!(
            "the lead says “{}”; the body says “{}”, {how}",
            &text[a..b],
            &text[c..d]
        ),
        lead: (a, b),
        body: (c, d),
    }
}

/// Section kinds with byte spans.
fn section_bytes(text: &str, sections: &[Section]) -> Vec<(SectionKind, usize, usize)> {
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
    sections
        .iter()
        .map(|s| {
            let a = to_byte(s.start);
            let b = to_byte(s.end);
            (s.kind, a, b)
        })
        .collect()
}

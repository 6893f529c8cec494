//! Reported content stops where a coordinated cue begins: in "Fields tweeted a photograph of
//! her forearm and said she had been yanked backward" the content of "tweeted" is the
//! photograph, and "said" has an attribution of its own. Without the cut the first content
//! runs over the second cue and its content, and matches neither.

use super::Draft;
use super::clause::before_boundaries;
use super::lexicon::{is_cue_auxiliary, is_manner_adverb};
use super::view::Doc;
use crate::model::{QuoteKind, Span};

/// Words (auxiliaries, adverbs) that may stand between "and"/"but" and a coordinated cue
/// that did not take them into the cue itself.
const MAX_BETWEEN: usize = 2;

/// Cuts the content of every reported attribution (indirect or mixed) before "and"/"but"
/// when another attribution's cue follows that conjunction inside the content.
pub(super) fn cut_at_coordinated_cues(doc: &Doc<'_>, drafts: &mut [Draft]) {
    let mut cue_starts: Vec<usize> = drafts
        .iter()
        .filter_map(|d| d.cue.map(|c| c.start))
        .collect();
    cue_starts.sort_unstable();
    // Pre-posed subjects of other cues: (cue start, subject start).
    let mut subjects: Vec<(usize, usize)> = drafts
        .iter()
        .filter_map(|d| {
            let (c, r) = (d.cue?, d.region?);
            (r.end <= c.start && d.extent().start >= c.end).then_some((c.start, r.start))
        })
        .collect();
    subjects.sort_unstable();
    for d in drafts.iter_mut() {
        if !matches!(d.kind, QuoteKind::Indirect | QuoteKind::Mixed) {
            continue;
        }
        let extent = d.extent();
        let from = cue_starts.partition_point(|&c| c <= extent.start);
        let cut = cue_starts[from..]
            .iter()
            .take_while(|&&c| c < extent.end)
            .find_map(|&c| conjunction_before(doc, c, extent.start));
        // "… that the plan is on track, and Ms. Ortiz, an adviser, said …": another cue whose
        // subject opens a new clause inside the content ends it before that clause.
        let from = subjects.partition_point(|&(c, _)| c <= extent.start);
        let clause_cut = subjects[from..]
            .iter()
            .take_while(|&&(c, _)| c < extent.end)
            .find_map(|&(_, r)| new_clause_before(doc, r, extent.start));
        let cut = match (cut, clause_cut) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(cut) = cut {
            truncate(&mut d.spans, cut);
        }
    }
}

/// Where the content must end for a cue starting at code point `cue`: the end of the last
/// word before a conjunction ("…, and" / "… but"), if one opens the cue's clause.
fn conjunction_before(doc: &Doc<'_>, cue: usize, content_start: usize) -> Option<usize> {
    let c = doc.word_at_or_after(cue);
    let mut k = c;
    for _ in 0..=MAX_BETWEEN {
        let prev = doc.words.get(k.checked_sub(1)?)?;
        if prev.start < content_start {
            return None;
        }
        if matches!(prev.lower.as_str(), "and" | "but") {
            let end = before_boundaries(doc, 0, k - 1);
            let last = doc.words.get(end.checked_sub(1)?)?;
            return (last.start >= content_start).then_some(last.end);
        }
        if !(is_cue_auxiliary(&prev.lower) || is_manner_adverb(&prev.lower)) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Where the content must end for a subject starting at code point `subject`: the end of
/// the last word before it when a comma, dash, semicolon or "and"/"but" opens its clause
/// and at least two words of content stand before it.
fn new_clause_before(doc: &Doc<'_>, subject: usize, content_start: usize) -> Option<usize> {
    let s = doc.word_at_or_after(subject);
    let prev = doc.words.get(s.checked_sub(1)?)?;
    let opens = matches!(
        prev.lower.as_str(),
        "and" | "but" | "," | ";" | "—" | "–" | "--"
    );
    if !opens || prev.start <= content_start {
        return None;
    }
    let mut end = s - 1;
    while end > 0
        && matches!(
            doc.words[end - 1].lower.as_str(),
            "," | ";" | "—" | "–" | "--" | "and" | "but"
        )
    {
        end -= 1;
    }
    let last = doc.words.get(end.checked_sub(1)?)?;
    let first = doc.word_at_or_after(content_start);
    (last.start >= content_start && end >= first + 2).then_some(last.end)
}

/// Drops the content after code point `cut`.
fn truncate(spans: &mut Vec<Span>, cut: usize) {
    spans.retain(|s| s.start < cut);
    if let Some(last) = spans.last_mut() {
        last.end = last.end.min(cut);
    }
}

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

/// Drops the content after code point `cut`.
fn truncate(spans: &mut Vec<Span>, cut: usize) {
    spans.retain(|s| s.start < cut);
    if let Some(last) = spans.last_mut() {
        last.end = last.end.min(cut);
    }
}

//! The tense of the clause around a time expression, which decides whether "Friday" or
//! "March" means the last one or the next one.

use super::lexicon;
use super::resolve::Tense;
use super::tokens::{Kind, Tok};

/// Tense for the expression at tokens `[first, end)` inside the sentence `[s, e)`.
///
/// A past reporting verb right beside the expression ("said Friday", "Friday's meeting was")
/// decides for the past; otherwise a future marker anywhere in the sentence ("will",
/// "'ll", "scheduled", "going to", "expected to") decides for the future; news reports the
/// past by default. `markers` are the sentence's [`future_markers`].
pub(super) fn tense(
    toks: &[Tok],
    s: usize,
    e: usize,
    first: usize,
    end: usize,
    markers: FutureMarkers,
) -> Tense {
    let near = |i: usize| toks.get(i).filter(|t| t.kind == Kind::Word).map(Tok::key);
    let before = first.checked_sub(1).filter(|i| *i >= s).and_then(near);
    let after = (end < e).then(|| near(end)).flatten();
    if before.is_some_and(is_past_verb) || after.is_some_and(is_past_verb) {
        return Tense::Past;
    }
    // A marker outside the expression's own tokens: the first one before it or the last
    // one after it is enough to know.
    match markers {
        Some((lo, hi)) if lo < first || hi >= end => Tense::Future,
        _ => Tense::Past,
    }
}

/// Token indices of the first and last future marker of a sentence, if any.
pub(super) type FutureMarkers = Option<(usize, usize)>;

/// The future markers of the sentence `[s, e)`, found once per sentence so that a sentence
/// with many time expressions costs linear time.
pub(super) fn future_markers(toks: &[Tok], s: usize, e: usize) -> FutureMarkers {
    let mut markers = (s..e).filter(|&i| is_future_marker_at(toks, i));
    let lo = markers.next()?;
    Some((lo, markers.next_back().unwrap_or(lo)))
}

/// Whether token `i` starts a future marker.
fn is_future_marker_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.key();
    if w == "ll" && i > 0 && toks[i - 1].is_punct('\'') {
        return true;
    }
    if lexicon::is_future_marker(w) && w != "ll" {
        return true;
    }
    let next = |k: usize, word: &str| toks.get(i + k).is_some_and(|n| n.is(word));
    if (w == "going" || w == "set") && next(1, "to") {
        return true;
    }
    // "as soon as Tuesday", "as early as Monday"
    if w == "as" && (next(1, "soon") || next(1, "early")) && next(2, "as") {
        return true;
    }
    // Intentions and expectations look ahead even in the past tense: "crews hoped to
    // contain the fire by Thursday", "results were expected by Friday".
    if is_intention_verb(w) && next(1, "to") || w == "expected" && next(1, "by") {
        return true;
    }
    w == "to"
        && toks.get(i + 1).is_some_and(|n| n.is("be"))
        && i > 0
        && matches!(toks[i - 1].key(), "is" | "are" | "due")
}

/// Verbs whose infinitive is still to happen ("hoped to", "plans to").
fn is_intention_verb(w: &str) -> bool {
    matches!(
        w,
        "hope"
            | "hopes"
            | "hoped"
            | "expect"
            | "expects"
            | "expected"
            | "plan"
            | "plans"
            | "planned"
            | "intend"
            | "intends"
            | "intended"
            | "aim"
            | "aims"
            | "aimed"
            | "promise"
            | "promises"
            | "promised"
            | "vow"
            | "vows"
            | "vowed"
            | "pledge"
            | "pledges"
            | "pledged"
    )
}

fn is_past_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "told"
            | "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "began"
            | "held"
            | "gave"
            | "saw"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "came"
            | "went"
            | "took"
            | "made"
            | "left"
            | "fled"
            | "wrote"
            | "spoke"
            | "sent"
            | "struck"
            | "became"
            | "found"
    ) || (w.len() > 4
        && w.ends_with("ed")
        && !matches!(w, "scheduled" | "planned" | "expected" | "need" | "indeed"))
}

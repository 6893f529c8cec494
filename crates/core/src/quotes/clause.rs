//! Clause pieces both cue readers share: the cue's auxiliaries, the subject before a cue and
//! the speaker after an inverted cue. Word indices are into [`Doc::words`].

use super::lexicon::{
    cue_verb, ends_inverted_speaker, is_article_or_possessive, is_clause_opener, is_cue_auxiliary,
    is_manner_adverb, is_role_noun, is_weekday, pronoun,
};
use super::view::Doc;
use crate::model::Span;

/// The first word of the cue whose verb is word `v`: auxiliaries and reporting adverbs
/// before it ("has also said", "was heard saying", "was quoted as saying"), not before `lo`.
pub fn cue_start(doc: &Doc<'_>, v: usize, lo: usize) -> usize {
    let mut c = v;
    while c > lo && is_cue_auxiliary(&doc.words[c - 1].lower) {
        c -= 1;
    }
    // "as" only belongs to the cue in "quoted as saying"; "’s" only in "he’s said".
    while c < v && matches!(doc.words[c].lower.as_str(), "as" | "’s" | "'s") {
        c += 1;
    }
    c
}

/// Is word `i` a clause boundary mark (comma, dash, colon, semicolon, bracket)?
pub fn is_boundary(doc: &Doc<'_>, i: usize) -> bool {
    let w = &doc.words[i];
    w.punct
        && matches!(
            w.lower.as_str(),
            "," | ";" | ":" | "—" | "–" | "-" | "--" | "(" | ")"
        )
}

/// `at` moved back over clause boundaries (commas, dashes, brackets) before it, not below `lo`.
pub fn before_boundaries(doc: &Doc<'_>, lo: usize, at: usize) -> usize {
    let mut at = at;
    while at > lo && is_boundary(doc, at - 1) {
        at -= 1;
    }
    at
}

/// The end of a content that runs to `hi`: trailing punctuation dropped, quote marks kept,
/// not below `floor`.
pub fn content_end(doc: &Doc<'_>, floor: usize, hi: usize) -> usize {
    let mut end = hi;
    while end > floor && doc.words[end - 1].punct && !is_quote_mark(doc, end - 1) {
        end -= 1;
    }
    end
}

/// Is word `i` a closing or opening quotation mark?
pub fn is_quote_mark(doc: &Doc<'_>, i: usize) -> bool {
    matches!(
        doc.words[i].lower.as_str(),
        "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "„"
    )
}

/// The subject of a cue starting at word `c0`, looking back no further than `lo`: the words
/// since the last clause boundary, with an appositive, relative clause or parenthetical
/// ("Mr. Guerrero, who is an actor, said"; "Gates, in contrast, told") joined to the name
/// before it, and leading conjunctions dropped.
pub fn subject_region(doc: &Doc<'_>, lo: usize, c0: usize) -> Option<Span> {
    // Time adverbs before the cue are not the subject ("Solvance, a battery maker, today
    // announced"; "Rep. Sherman last month joked").
    let c0 = skip_time_back(doc, lo, c0);
    // A parenthetical right before the cue belongs to the name before it ("Sen. Rand Paul
    // (R-Ky.) said"): the subject ends before its opening bracket.
    let c0 = skip_parenthetical_back(doc, lo, c0);
    // So does a parenthetical between dashes ("The mayor -- who has run the city since
    // 2019 -- said").
    let c0 = skip_dashed_parenthetical_back(doc, lo, c0);
    let mut c0 = c0;
    if c0 > lo + 1 && doc.words[c0 - 1].lower == "," {
        c0 -= 1;
    }
    let mut start = c0;
    // Back to a clause boundary, or to a cue verb the subject follows ("X said it would"),
    // but not a cue verb of a relative clause ("Graham, who says …, tweeted").
    while start > lo
        && !is_boundary(doc, start - 1)
        && !is_quote_mark(doc, start - 1)
        && (cue_verb(&doc.words[start - 1].lower).is_none()
            || doc.words[start - 1].capital
            || (start >= lo + 2 && matches!(doc.words[start - 2].lower.as_str(), "who" | "which")))
    {
        start -= 1;
    }
    // An appositive, relative clause or parenthetical between commas: extend over the name
    // before it.
    let first = doc.words.get(start).map(|w| w.lower.as_str());
    let after_comma =
        start > lo + 1 && matches!(doc.words[start - 1].lower.as_str(), "," | "—" | "–" | "--");
    let relative = matches!(
        first,
        Some("who" | "whose" | "which" | "a" | "an" | "the") | None
    );
    let mut appositive_at = None;
    if after_comma
        && (relative || looks_appositive(doc, start, c0) || is_parenthetical(doc, start, c0))
    {
        let mut s = start - 1;
        while s > lo && !is_boundary(doc, s - 1) && !is_quote_mark(doc, s - 1) {
            s -= 1;
        }
        if s < start - 1
            && doc
                .words
                .get(s..start - 1)
                .unwrap_or(&[])
                .iter()
                .any(|w| w.capital || pronoun(&w.lower).is_some())
        {
            appositive_at = Some(start - 1);
            start = s;
        }
    }
    while start < c0 && is_clause_opener(&doc.words[start].lower) {
        start += 1;
    }
    let mut end = c0;
    while end > start && doc.words[end - 1].punct {
        end -= 1;
    }
    // "Ukraine defiantly rejected": a manner adverb ends the noun phrase before it.
    while end > start + 1
        && !doc.words[end - 1].capital
        && is_manner_adverb(&doc.words[end - 1].lower)
    {
        end -= 1;
    }
    // A subordinate or object-relative clause opens right before the subject ("… fight what
    // he called"; "frustrated when he called"; "$2.9 billion, which Mr. Trump called").
    if let Some(o) = (start..end.saturating_sub(1)).rev().find(|&o| {
        matches!(
            doc.words[o].lower.as_str(),
            "what"
                | "when"
                | "because"
                | "if"
                | "after"
                | "before"
                | "while"
                | "since"
                | "although"
                | "though"
                | "whereas"
                | "until"
                | "unless"
                | "where"
                | "that"
                | "which"
                | "who"
                | "whom"
        ) && {
            let n = &doc.words[o + 1];
            n.capital
                || pronoun(&n.lower).is_some()
                || matches!(
                    n.lower.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their"
                )
        }
    }) {
        start = o + 1;
    }
    if end > start && end - start > 14 {
        // A long appositive: the name before it is the speaker.
        if let Some(a) = appositive_at {
            end = a;
        } else if let Some(o) = (start..end)
            .rev()
            .find(|&x| matches!(doc.words[x].lower.as_str(), "that" | "who" | "which"))
        {
            // "… so heated that New Jersey Gov. Chris Christie said": after the last opener.
            start = o + 1;
        }
    }
    if start >= end || end - start > 14 {
        return None;
    }
    Some(Span {
        start: doc.words[start].start,
        end: doc.words[end - 1].end,
    })
}

/// The subject of a main clause starting at word `from` (after a fronted participle
/// clause): a pronoun, a name, or a short noun phrase up to its first lower-case word that
/// reads as a verb.
pub fn subject_after(doc: &Doc<'_>, from: usize, hi: usize) -> Option<Span> {
    let mut from = from;
    while from < hi && is_clause_opener(&doc.words[from].lower) {
        from += 1;
    }
    let first = doc.words.get(from).filter(|_| from < hi)?;
    let span = |a: usize, b: usize| Span {
        start: doc.words[a].start,
        end: doc.words[b - 1].end,
    };
    if pronoun(&first.lower).is_some() {
        return Some(span(from, from + 1));
    }
    let np = first.capital || is_article_or_possessive(&first.lower);
    if !np {
        return None;
    }
    // A name: its mention, or its run of capitalised words.
    if let Some((m, _)) = doc.mentions_in(first.start, first.end).next()
        && m.start == first.start
    {
        return Some(m);
    }
    if first.capital && !is_article_or_possessive(&first.lower) {
        let mut end = from + 1;
        while end < hi
            && (doc.words[end].capital || matches!(doc.words[end].lower.as_str(), "of" | "."))
        {
            end += 1;
        }
        return Some(span(from, end));
    }
    let mut end = from + 1;
    while end < hi.min(from + 8) {
        let w = &doc.words[end];
        if w.punct && w.lower != "." && w.lower != "’s" && w.lower != "'s" {
            break;
        }
        if !w.capital
            && (is_cue_auxiliary(&w.lower)
                || cue_verb(&w.lower).is_some()
                || w.lower.ends_with("ed")
                || ends_inverted_speaker(&w.lower))
        {
            break;
        }
        end += 1;
    }
    Some(span(from, end))
}

/// Word `c0 - 1` closes a short bracket ("(R-Ky.)", "(D-Calif.)") that opens after a word:
/// the index of its opening bracket; else `c0`.
fn skip_parenthetical_back(doc: &Doc<'_>, lo: usize, c0: usize) -> usize {
    if c0 <= lo + 2 || doc.words[c0 - 1].lower != ")" {
        return c0;
    }
    (lo.max(c0.saturating_sub(10))..c0 - 1)
        .rev()
        .take_while(|&o| doc.words[o].lower != ")")
        .find(|&o| doc.words[o].lower == "(")
        .filter(|&o| o > lo && !doc.words[o - 1].punct)
        .unwrap_or(c0)
}

/// Word `c0 - 1` closes a parenthetical set off by dashes ("The mayor -- who has run the
/// city since 2019 -- said"; "Several residents — among them two teachers — said"): the
/// index of its opening dash, when a word stands before it; else `c0`.
fn skip_dashed_parenthetical_back(doc: &Doc<'_>, lo: usize, c0: usize) -> usize {
    let is_dash = |i: usize| matches!(doc.words[i].lower.as_str(), "—" | "–" | "--" | "-");
    if c0 <= lo + 2 || !is_dash(c0 - 1) {
        return c0;
    }
    (lo.max(c0.saturating_sub(40))..c0 - 1)
        .rev()
        .find(|&o| is_dash(o))
        .filter(|&o| o > lo && !doc.words[o - 1].punct && o + 1 < c0 - 1)
        .unwrap_or(c0)
}

/// Moves a cue start `c0` back over time adverbs before it ("last month", "on Tuesday",
/// "today"), not before `lo`.
fn skip_time_back(doc: &Doc<'_>, lo: usize, c0: usize) -> usize {
    let mut c = c0;
    while c > lo && is_time_word(&doc.words[c - 1].lower) {
        c -= 1;
        while c > lo
            && matches!(
                doc.words[c - 1].lower.as_str(),
                "last" | "this" | "next" | "on" | "earlier" | "late" | "early" | "that"
            )
        {
            c -= 1;
        }
    }
    c
}

fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "today"
            | "yesterday"
            | "tonight"
            | "now"
            | "week"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "weekend"
    ) || is_weekday(lower)
}

/// A parenthetical between commas that is no subject: an adverbial ("in contrast", "of
/// course", "for example", "however") or an age ("Ramos, 58, told").
fn is_parenthetical(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let ws = doc.words.get(start..end).unwrap_or(&[]);
    let Some(first) = ws.first() else {
        return false;
    };
    if ws
        .iter()
        .all(|w| w.punct || w.lower.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    // A party and state label ("R-Ky.", "D-N.Y.") after a politician's name.
    if ws.len() <= 3
        && first.capital
        && first.lower.len() <= 8
        && first.lower.as_bytes().get(1) == Some(&b'-')
        && ws[1..].iter().all(|w| w.punct)
    {
        return true;
    }
    if ws.iter().any(|w| pronoun(&w.lower).is_some()) {
        return false;
    }
    // A prepositional phrase ("in a brief interview on Saturday", "speaking to CNN").
    if ws.len() <= 8
        && matches!(
            first.lower.as_str(),
            "in" | "on" | "at" | "during" | "speaking" | "writing" | "asked" | "after"
        )
    {
        return true;
    }
    ws.len() <= 4
        && !ws.iter().any(|w| w.capital && w.start != first.start)
        && matches!(
            first.lower.as_str(),
            "in" | "of"
                | "for"
                | "on"
                | "at"
                | "by"
                | "however"
                | "meanwhile"
                | "though"
                | "too"
                | "also"
                | "instead"
                | "moreover"
                | "furthermore"
                | "nonetheless"
                | "nevertheless"
                | "indeed"
                | "still"
                | "then"
                | "again"
                | "similarly"
                | "likewise"
                | "therefore"
                | "thus"
                | "perhaps"
                | "certainly"
                | "clearly"
                | "apparently"
                | "frankly"
                | "honestly"
                | "however,"
                | "so"
                | "yet"
                | "now"
                | "once"
                | "after"
                | "later"
        )
}

/// A phrase that reads as an appositive ("a gynecologist from Englewood", "the former
/// minister") rather than a subject.
fn looks_appositive(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let ws = doc.words.get(start..end).unwrap_or(&[]);
    ws.first()
        .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "the" | "who"))
        && !ws.iter().any(|w| pronoun(&w.lower).is_some())
}

/// The speaker after an inverted cue ("…, said Alan Berger, a gynecologist"; "- reported
/// Gen Staff of the Armed Forces"): from word `from` up to a comma, the sentence's end or a
/// preposition other than "of".
pub fn inverted_speaker(doc: &Doc<'_>, from: usize, hi: usize) -> Option<Span> {
    let mut end = from;
    while end < hi {
        let w = &doc.words[end];
        if w.punct && w.lower != "." && w.lower != "’s" && w.lower != "'s" && w.lower != "&" {
            break;
        }
        if w.lower == "." || (end > from && ends_inverted_speaker(&w.lower)) {
            break;
        }
        end += 1;
    }
    if end == from || end - from > 12 {
        return None;
    }
    // Starts like a noun phrase: a name, a determiner, a pronoun or a role; or modifiers
    // before a name or role ("said former Vermont governor Howard Dean").
    let first = &doc.words[from];
    let np = first.capital
        || is_article_or_possessive(&first.lower)
        || pronoun(&first.lower).is_some()
        || is_role_noun(&first.lower)
        || (first.lower.chars().all(char::is_alphabetic)
            && doc.words[from + 1..end]
                .iter()
                .take(4)
                .any(|w| w.capital || is_role_noun(&w.lower)));
    np.then(|| Span {
        start: doc.words[from].start,
        end: doc.words[end - 1].end,
    })
}

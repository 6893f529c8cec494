//! Direct quotes: quotation marks paired over each paragraph (straight and curly, double and
//! single, nested single quotes inside double ones ignored), quotes that run over several
//! paragraphs (the opening mark repeated, no closing mark until the last), and each quote's
//! cue: after it ("…,” he said), before it (`X said: “…”`, `X said, “…”`), or inside it
//! ("“A,” he said, “B.”", one quote of two spans). Short quoted phrases are not quotes on
//! their own; they are returned so that reported speech holding one becomes `mixed`.

use super::Draft;
use super::clause::{cue_start, inverted_speaker, is_boundary, is_quote_mark, subject_region};
use super::lexicon::{CueClass, Pronoun, cue_verb, is_manner_adverb, pronoun, starts_adverbial};
use super::view::Doc;
use crate::model::{EntityKind, QuoteKind, Span};

/// A quoted phrase inside running text shorter than this (in words) is part of the sentence.
const EMBEDDED_PHRASE_WORDS: usize = 8;

/// A cue-less quote in title case of at most this many words is a title.
const TITLE_WORDS: usize = 10;

/// A clause ending in a colon of at most this many words may introduce its subject's words.
const COLON_CLAUSE_WORDS: usize = 10;

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Content, inside the marks.
    content: Span,
    /// Position of the opening mark.
    open: usize,
    /// End of the closing mark (the paragraph's end when none).
    close_end: usize,
    /// Double marks (single marks at the top level are British-style quotes or titles).
    double: bool,
    /// No closing mark before the paragraph ends.
    open_ended: bool,
}

/// Direct quotes as drafts, and the short double-quoted phrases.
pub(super) fn find(doc: &Doc<'_>) -> (Vec<Draft>, Vec<Span>) {
    let mut segments: Vec<(usize, Segment)> = Vec::new();
    for (si, sec) in doc.sections.iter().enumerate() {
        for seg in segments_of(doc, *sec) {
            segments.push((si, seg));
        }
    }
    let mut drafts = Vec::new();
    let mut phrases = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let (si, seg) = segments[i];
        // A quote running over paragraphs: the chain ends with the first closed segment.
        let mut chain = vec![seg];
        let mut j = i;
        while chain.last().is_some_and(|s| s.open_ended)
            && j + 1 < segments.len()
            && segments[j + 1].0 == segments[j].0 + 1
            && starts_paragraph(doc, segments[j + 1].0, segments[j + 1].1)
        {
            j += 1;
            chain.push(segments[j].1);
        }
        let words = chain
            .iter()
            .map(|s| count_words(doc, s.content))
            .sum::<usize>();
        let last = chain[chain.len() - 1];
        let before = cue_before(doc, chain[0]);
        let after = if before.is_none() {
            cue_after(doc, last)
        } else {
            None
        };
        let cued = before.is_some() || after.is_some();
        // A quoted phrase inside a sentence's running text, with words on both sides ("the
        // rules bring “real relief” to tenants, the mayor said"), is the writer's sentence
        // quoting a few words: the attribution is the sentence's (reported speech holding a
        // phrase, `mixed`), not the phrase's. So is a cue-less title ("her film “The Long
        // Road Home” opens …").
        let single = chain.len() == 1;
        let embedded = (!cued && embedded_in_sentence(doc, seg))
            || (single
                && words < EMBEDDED_PHRASE_WORDS
                && embedded_in_sentence(doc, seg)
                && sentence_goes_on(doc, seg))
            || (!cued && single && words <= TITLE_WORDS && is_title(doc, seg.content));
        let is_quote = !embedded && ((words >= 4 && (seg.double || cued)) || (words >= 2 && cued));
        if !is_quote {
            if seg.double && words > 0 {
                phrases.push(seg.content);
            }
            i = j + 1;
            continue;
        }
        let mut spans: Vec<Span> = chain.iter().map(|s| s.content).collect();
        let (cue, region, subject_of, mut next) = match (before, after) {
            (Some((cue, region, subject_of)), _) => (Some(cue), region, subject_of, j + 1),
            (None, Some((cue, region, resume))) => {
                // "“A,” he said, “B.”": the next quote right after the cue continues this one.
                let mut next = j + 1;
                if let Some(&(nsi, nseg)) = segments.get(j + 1)
                    && nsi == si.max(segments[j].0)
                    && gap_is_comma(doc, resume, nseg.open)
                {
                    spans.push(nseg.content);
                    next = j + 2;
                }
                (Some(cue), region, None, next)
            }
            // `Harbourmaster Colm Reddy was blunt: “…”`: no cue, but a speaker.
            (None, None) => (None, colon_subject(doc, chain[0]), None, j + 1),
        };
        let _ = si;
        drafts.push(Draft {
            kind: QuoteKind::Direct,
            spans: spans.into_iter().filter(|s| s.end > s.start).collect(),
            cue,
            region,
            subject_of,
        });
        next = next.max(i + 1);
        i = next;
    }
    drafts.retain(|d| !d.spans.is_empty());
    (merge_turns(doc, drafts), phrases)
}

/// Quotes that are one turn become one attribution of several spans:
/// - a quote with no cue right after another in the same paragraph ("“A,” she said. “B.”");
/// - two quotes of one paragraph with the same cue, when an adverbial or a listener stands
///   between the cue and the second quote ("“A,” the mayor said at the hearing, “B.”"):
///   the second quote's cue before it is the first one's cue after it;
/// - a paragraph that is one quote with no cue, right after a paragraph whose last direct
///   quote has a cue: news copy continues a speaker's turn so, and names a new speaker.
fn merge_turns(doc: &Doc<'_>, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(prev) = out.last_mut()
            && prev.cue.is_some()
            && continues_turn(doc, prev, &d)
        {
            prev.spans.extend(d.spans);
            continue;
        }
        out.push(d);
    }
    out
}

/// Does quote `d` continue the turn of the cued quote `prev` before it?
fn continues_turn(doc: &Doc<'_>, prev: &Draft, d: &Draft) -> bool {
    let prev_section = doc.section_of(prev.extent().end);
    let section = doc.section_of(d.extent().start);
    if section == prev_section {
        return d.cue.is_none() || d.cue == prev.cue;
    }
    d.cue.is_none()
        && section == prev_section + 1
        && doc.section_of(prev.extent().start) == prev_section
        && whole_paragraph(doc, section, d.extent())
}

/// The quote `content` fills paragraph `section`: only quotation marks and spaces around it
/// (and a full stop after the closing mark).
fn whole_paragraph(doc: &Doc<'_>, section: usize, content: Span) -> bool {
    let Some(sec) = doc.sections.get(section) else {
        return false;
    };
    let only_marks = |s: &str, extra: &[char]| {
        s.chars()
            .all(|c| c.is_whitespace() || is_mark_char(c) || extra.contains(&c))
    };
    sec.start <= content.start
        && content.end <= sec.end
        && only_marks(doc.slice(sec.start, content.start), &[])
        && only_marks(doc.slice(content.end, sec.end), &['.'])
}

/// A quotation mark character (straight or curly, single or double, guillemets).
fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// Quoted segments of one section.
fn segments_of(doc: &Doc<'_>, sec: Span) -> Vec<Segment> {
    let text = doc.slice(sec.start, sec.end);
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    // One pass with one character of look-behind and look-ahead (no copy of the
    // paragraph: a paragraph may be megabytes long).
    let mut iter = text.chars().peekable();
    let mut prev_char: Option<char> = None;
    let mut at = 0usize;
    while let Some(raw) = iter.next() {
        let k = at;
        let prev = prev_char;
        let mut next = iter.peek().copied();
        // Two apostrophes are a double mark ('' in some newspapers' copy).
        let c = if raw == '\'' && next == Some('\'') {
            iter.next();
            next = iter.peek().copied();
            at += 2;
            prev_char = Some('\'');
            '"'
        } else {
            at += 1;
            prev_char = Some(raw);
            raw
        };
        // `matches!`, not `str::contains`: this runs once per character of the text, and
        // how the compiler lowers `contains` depends on inlining elsewhere in the stage.
        let after_space = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/')
        });
        let pos = sec.start + k;
        match c {
            // A left mark typed for a right one ("…,“ said X"): attached to the word before
            // it and followed by a space, it closes the open quote.
            '“' if open_double.is_some()
                && !after_space
                && next.is_none_or(|n| {
                    n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?')
                }) =>
            {
                if let Some(o) = open_double.take() {
                    out.push(segment(o, pos, pos + 1, true, false));
                }
            }
            '“' | '«' | '„' => {
                if let Some(o) = open_double.take() {
                    // An unclosed quote: close it here.
                    out.push(segment(o, pos, pos, true, true));
                }
                open_double = Some(pos);
                open_single = None;
            }
            '”' | '»' => {
                if let Some(o) = open_double.take() {
                    out.push(segment(o, pos, pos + 1, true, false));
                }
            }
            '"' => match open_double {
                Some(o) if !(after_space && next.is_some_and(char::is_alphanumeric)) => {
                    out.push(segment(o, pos, pos + 1, true, false));
                    open_double = None;
                }
                Some(o) => {
                    out.push(segment(o, pos, pos, true, true));
                    open_double = Some(pos);
                }
                None => {
                    open_double = Some(pos);
                    open_single = None;
                }
            },
            '‘' | '\'' if open_double.is_none() => {
                let opens = after_space && next.is_some_and(char::is_alphanumeric);
                if opens && open_single.is_none() {
                    open_single = Some(pos);
                } else if let Some(o) = open_single
                    && !next.is_some_and(char::is_alphanumeric)
                    && prev.is_some_and(|p| !p.is_whitespace())
                {
                    out.push(segment(o, pos, pos + 1, false, false));
                    open_single = None;
                }
            }
            '’' if open_double.is_none() => {
                if let Some(o) = open_single
                    && !next.is_some_and(char::is_alphanumeric)
                {
                    out.push(segment(o, pos, pos + 1, false, false));
                    open_single = None;
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open_double {
        out.push(segment(o, sec.end, sec.end, true, true));
    }
    out.sort_by_key(|s| s.open);
    out
}

fn segment(open: usize, close: usize, close_end: usize, double: bool, open_ended: bool) -> Segment {
    Segment {
        content: Span {
            start: open + 1,
            end: close.max(open + 1),
        },
        open,
        close_end,
        double,
        open_ended,
    }
}

/// The segment opens its paragraph (a continued multi-paragraph quote).
fn starts_paragraph(doc: &Doc<'_>, section: usize, seg: Segment) -> bool {
    doc.sections
        .get(section)
        .is_some_and(|s| doc.slice(s.start, seg.open).trim().is_empty())
}

fn count_words(doc: &Doc<'_>, span: Span) -> usize {
    let a = doc.word_at_or_after(span.start);
    let b = doc.word_at_or_after(span.end);
    doc.word_count(a..b.max(a))
}

/// The quote sits inside running text ("he’s “excited where we stand”") with no cue.
fn embedded_in_sentence(doc: &Doc<'_>, seg: Segment) -> bool {
    let i = doc.word_at_or_after(seg.open);
    i > 0
        && doc.words.get(i).is_some_and(|w| w.start == seg.open)
        && doc.words[i - 1].sentence == doc.words[i].sentence
        && !doc.words[i - 1].punct
}

/// The quoted words are a title: every word capitalised but short function words, and no
/// sentence-final punctuation ("“The Long Road Home”", "“Rivers of the North: A
/// History”").
fn is_title(doc: &Doc<'_>, content: Span) -> bool {
    let a = doc.word_at_or_after(content.start);
    let b = doc.word_at_or_after(content.end).max(a);
    let mut words = doc.words[a..b].iter().filter(|w| {
        !w.punct
            && !matches!(
                w.lower.as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "and"
                    | "or"
                    | "nor"
                    | "but"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "as"
                    | "is"
                    | "are"
                    | "vs"
            )
    });
    let ended = doc
        .slice(content.start, content.end)
        .trim_end()
        .ends_with(['.', '!', '?']);
    let mut any = false;
    let all_capital = words.all(|w| {
        any = true;
        w.capital || !w.lower.starts_with(char::is_alphabetic)
    });
    !ended && any && all_capital
}

/// After the closing mark the quote's sentence goes on with a word or a comma ("… “real
/// relief” to tenants …"; "… were “far too slow,” the mayor said").
fn sentence_goes_on(doc: &Doc<'_>, seg: Segment) -> bool {
    if seg.open_ended {
        return false;
    }
    let mut i = doc.word_at_or_after(seg.close_end);
    while i < doc.words.len() && (doc.words[i].start < seg.close_end || is_quote_mark(doc, i)) {
        i += 1;
    }
    let opening = doc.words.get(doc.word_at_or_after(seg.open));
    doc.words.get(i).is_some_and(|w| {
        opening.is_some_and(|o| o.sentence == w.sentence) && (!w.punct || w.lower == ",")
    })
}

/// A cue before the opening mark: `X said: “`, `X said, “`, `X says “`, `X said that “`.
/// Returns the cue, the speaker phrase, and for a participle after a comma (`X smiled,
/// adding: “`) the sentence whose subject speaks.
fn cue_before(doc: &Doc<'_>, seg: Segment) -> Option<(Span, Option<Span>, Option<usize>)> {
    let i = doc.word_at_or_after(seg.open);
    let mut k = i.checked_sub(1)?;
    // Same paragraph, or a colon ending the paragraph before.
    let sent = doc.words[k].sentence;
    let lo = doc.sentences[sent].words.start;
    if doc
        .sections
        .get(doc.sentences[sent].section)
        .is_some_and(|s| s.end <= seg.open)
        && doc.words[k].lower != ":"
    {
        return None;
    }
    if matches!(doc.words[k].lower.as_str(), ":" | "," | "that") {
        k = k.checked_sub(1)?;
    } else if cue_verb(&doc.words[k].lower).is_none() {
        return None;
    }
    // The cue verb among the last few words.
    let from = lo.max(k.saturating_sub(6));
    let v = (from..=k).rev().find(|&v| {
        doc.words[v].sentence == sent
            && cue_verb(&doc.words[v].lower)
                .is_some_and(|c| matches!(c.class, CueClass::Speech | CueClass::Claim))
            && !doc.words[v].capital
    })?;
    // Only a short object or adverbial may sit between the verb and the mark.
    if (v + 1..=k).any(|x| is_quote_mark(doc, x)) || k - v > 5 {
        return None;
    }
    let c0 = cue_start(doc, v, lo);
    let cue = Span {
        start: doc.words[c0].start,
        end: doc.words[v].end,
    };
    // ", adding: “…”": a participle after a comma takes the sentence's subject, not the
    // clause before the comma.
    // So does a verb coordinated with an earlier one ("furrowed his brow and said, “…”").
    let coordinated = c0 > lo && matches!(doc.words[c0 - 1].lower.as_str(), "and" | "but");
    if (doc.words[v].lower.ends_with("ing") && c0 > lo && is_boundary(doc, c0 - 1)) || coordinated {
        return Some((cue, None, Some(sent)));
    }
    let region = subject_region(doc, lo, c0);
    Some((cue, region, None))
}

/// A short clause that opens with a person's or organisation's name, or with "he", "she"
/// or "they", and ends in a colon right before the opening mark (`Harbourmaster Colm
/// Reddy was blunt: “…”`, `She put it simply: “…”`) introduces that speaker's words even
/// with no speech verb. Returns the subject phrase.
fn colon_subject(doc: &Doc<'_>, seg: Segment) -> Option<Span> {
    let k = doc.word_at_or_after(seg.open).checked_sub(1)?;
    if doc.words[k].lower != ":" {
        return None;
    }
    let lo = doc.sentences[doc.words[k].sentence].words.start;
    if doc.word_count(lo..k) > COLON_CLAUSE_WORDS {
        return None;
    }
    let first = &doc.words[lo];
    if matches!(
        pronoun(&first.lower),
        Some(Pronoun::He | Pronoun::She | Pronoun::They)
    ) {
        return Some(Span {
            start: first.start,
            end: first.end,
        });
    }
    // A name at the clause's start, after at most two capitalised words (a title).
    let (m, e) = doc.mentions_in(first.start, doc.words[k].start).next()?;
    let title = doc.word_at_or_after(m.start).checked_sub(lo)?;
    let is_speaker = matches!(
        doc.entities[e].kind,
        EntityKind::Person | EntityKind::Organisation
    );
    (is_speaker && title <= 2 && doc.words[lo..lo + title].iter().all(|w| w.capital)).then_some(
        Span {
            start: first.start,
            end: m.end,
        },
    )
}

/// A cue after the closing mark: `…,” he said`, `…,” said X`, `…,” Zelenskyy was heard
/// saying`. Returns the cue, the speaker phrase and the word index after the cue group.
fn cue_after(doc: &Doc<'_>, seg: Segment) -> Option<(Span, Option<Span>, usize)> {
    if seg.open_ended {
        return None;
    }
    let mut i = doc.word_at_or_after(seg.close_end);
    // The closing mark's own token.
    while i < doc.words.len() && (doc.words[i].start < seg.close_end || is_quote_mark(doc, i)) {
        i += 1;
    }
    let first = doc.words.get(i)?;
    let sent = first.sentence;
    if doc.sentences[sent].section != doc.section_of(seg.content.start) {
        return None;
    }
    let hi = doc.sentences[sent].words.end;
    if first.lower == "," {
        i += 1;
    } else if first.punct && !matches!(first.lower.as_str(), "—" | "–" | "-") {
        return None;
    }
    // A new sentence after the quote must start with a pronoun or name and be short.
    let limit = (i + 14).min(hi);
    let v = (i..limit).find(|&v| {
        cue_verb(&doc.words[v].lower)
            .is_some_and(|c| matches!(c.class, CueClass::Speech | CueClass::Claim))
            && !doc.words[v].capital
    })?;
    if (i..v).any(|x| {
        (is_quote_mark(doc, x) && !possessive_mark(doc, x))
            || (doc.words[x].lower == "." && !abbreviation_period(doc, x))
    }) {
        return None;
    }
    let c0 = cue_start(doc, v, i);
    let cue = Span {
        start: doc.words[c0].start,
        end: doc.words[v].end,
    };
    // "“…” and said …": the verb is coordinated, not this quote's cue.
    if matches!(doc.words[i].lower.as_str(), "and" | "but" | "or") {
        return None;
    }
    // "“… true.” He said Clinton would …": a new sentence whose cue has its own content.
    let ended = doc
        .slice(seg.content.start, seg.content.end)
        .trim_end()
        .ends_with(['.', '?', '!']);
    if ended && c0 > i && clause_follows(doc, v + 1, hi) {
        return None;
    }
    let region = if c0 > i {
        subject_region(doc, i, c0)
    } else {
        inverted_speaker(doc, v + 1, hi)
    };
    // Where the cue group ends: after the inverted speaker, or after the verb.
    let mut resume = v + 1;
    if let Some(r) = region
        && r.start >= doc.words[v].end
    {
        resume = doc.word_at_or_after(r.end);
    }
    Some((cue, region, resume))
}

/// Word `x` is the full stop of an abbreviation inside a name's label, not a sentence's end
/// ("Ann Brody, R-Ky., said", "(D-Calif.) said").
fn abbreviation_period(doc: &Doc<'_>, x: usize) -> bool {
    x > 0
        && doc.words[x - 1].end == doc.words[x].start
        && doc.words[x - 1].capital
        && doc
            .words
            .get(x + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "," | ")"))
}

/// Word `x` is the apostrophe of a plural possessive ("the farmers' union"), not a
/// quotation mark.
fn possessive_mark(doc: &Doc<'_>, x: usize) -> bool {
    x > 0
        && matches!(doc.words[x].lower.as_str(), "'" | "’")
        && doc.words[x - 1].end == doc.words[x].start
        && doc.words[x - 1].lower.ends_with('s')
        && doc
            .words
            .get(x + 1)
            .is_none_or(|n| n.start > doc.words[x].end)
}

/// After the cue verb at `from` comes a clause of its own (three words or more, not an
/// adverbial or a listener).
fn clause_follows(doc: &Doc<'_>, from: usize, hi: usize) -> bool {
    let mut end = hi;
    while end > from && doc.words[end - 1].punct {
        end -= 1;
    }
    let Some(first) = doc.words.get(from).filter(|_| from < end) else {
        return false;
    };
    // "“…?” the mayor asked quietly, looking at the crowd": a manner adverb opens no clause.
    doc.word_count(from..end) >= 3
        && !first.punct
        && !starts_adverbial(&first.lower)
        && !is_manner_adverb(&first.lower)
}

/// Only a comma (or nothing) between word `from` and the next quote's opening mark.
fn gap_is_comma(doc: &Doc<'_>, from: usize, open: usize) -> bool {
    let to = doc.word_at_or_after(open);
    to >= from
        && to - from <= 1
        && (from..to).all(|x| is_boundary(doc, x) && doc.words[x].lower == ",")
}

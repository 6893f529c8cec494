//! Stage, time: temporal expressions recognised and normalised to TIMEX3 values.
//!
//! Input: the canonical text, its sentences, and the reference date (the article's
//! publication date); output: [`TimeMention`]s with byte spans, TIMEX3 `type`, `value` and
//! `mod`. Recognition is a hand-written grammar over the stage's own tokens (`grammar.rs`);
//! normalisation (`resolve.rs`) follows TimeML: "Friday" is the most recent Friday in past
//! reporting and the next one in future-tense clauses (`tense.rs`), "last week" is an ISO
//! week (`2022-W11`), "three days" is `P3D`, "now" is `PRESENT_REF`, "late on Monday" has
//! `mod` `END`. "The 27th day" of an ongoing event records its anchor when the clause says
//! the day is today.

mod grammar;
mod holidays;
mod lexicon;
mod resolve;
mod sem;
mod start_words;
mod tense;
use crate::offsets::char_at;
use crate::scan as tokens;

use crate::calendar::Date;
use crate::model::Span;
pub use crate::model::{TimexMod, TimexType};
use grammar::Found;
use resolve::{Context, Tense};
use sem::Sem;
use tokens::{Kind, Tok};

/// One temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offset of the expression in the text.
    pub start: usize,
    /// Byte offset after the expression.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value (`2022-03-21`, `P3D`, `PRESENT_REF`, `XXXX-WXX-1`).
    pub value: String,
    /// TIMEX3 `mod`.
    pub modifier: Option<TimexMod>,
    /// For an ordinal day of an ongoing event: what it counts from.
    pub anchor: Option<TimeAnchor>,
}

/// What an ordinal day ("the 27th day") counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeAnchor {
    /// Byte span of the event's words in the text (`Russia’s ferocity`, `the war`), when
    /// the sentence names it.
    pub span: Option<(usize, usize)>,
    /// The date of day one, when derivable (`2022-02-24` for the 27th day on 2022-03-22).
    pub value: Option<String>,
}

/// Finds and normalises the temporal expressions of `text`.
///
/// `sentences` are code-point spans (as the segment stage gives them) and decide the
/// clause a weekday's tense is read from; `reference` is the publication date.
pub fn find_times(text: &str, sentences: &[Span], reference: Option<Date>) -> Vec<TimeMention> {
    let lowered = tokens::Lowered::new(text);
    let toks = tokens::scan(&lowered);
    let found = grammar::recognise(&toks);
    if found.is_empty() {
        return Vec::new();
    }
    let bounds = sentence_tokens(text, sentences, &toks);
    let mut out = Vec::with_capacity(found.len());
    let mut ctx = Context {
        reference,
        tense: Tense::Past,
        last_day: None,
        last_year: None,
        clock_day: None,
        quarter: None,
    };
    // the last quarter named and the token it was named at
    let mut quarter: Option<((i32, u8), usize)> = None;
    // the future markers of the last sentence looked at: (sentence, markers)
    let mut markers: Option<((usize, usize), tense::FutureMarkers)> = None;
    for (k, f) in found.iter().enumerate() {
        let (s, e) = sentence_of(&bounds, f.first, toks.len());
        let sentence_markers = match markers {
            Some((at, m)) if at == (s, e) => m,
            _ => tense::future_markers(&toks, s, e),
        };
        markers = Some(((s, e), sentence_markers));
        ctx.tense = tense::tense(&toks, s, e, f.first, f.end, sentence_markers);
        ctx.clock_day = None;
        if matches!(f.sem, Sem::Clock { day: None, .. }) {
            ctx.clock_day = clock_day(&toks, &found, k, &ctx);
        }
        ctx.quarter = quarter
            .filter(|(_, at)| f.first - at < QUARTER_REACH)
            .map(|(q, _)| q);
        let resolved = resolve::resolve(&f.sem, &ctx);
        if let Some(q) = resolved.quarter {
            quarter = Some((q, f.first));
        }
        let mut value = resolved.value;
        let mut anchor = None;
        if let Sem::OrdinalDay { n, unit } = f.sem
            && let Some(a) = ordinal_anchor(&toks, s, e, f, n, unit, reference)
        {
            value = a.0;
            anchor = Some(a.1);
        }
        if resolved.day.is_some() {
            ctx.last_day = resolved.day;
        }
        if resolved.year.is_some() {
            ctx.last_year = resolved.year;
        }
        out.push(TimeMention {
            start: toks[f.first].start,
            end: toks[f.end - 1].end,
            kind: resolved.kind,
            value,
            modifier: f.modifier,
            anchor,
        });
    }
    out
}

/// How many tokens after a quarter is named "a year ago" still compares with it.
const QUARTER_REACH: usize = 120;

/// Token index ranges of the sentences.
fn sentence_tokens(text: &str, sentences: &[Span], toks: &[Tok]) -> Vec<(usize, usize)> {
    // code points → bytes in one monotone walk
    let mut bytes = Vec::with_capacity(sentences.len());
    let raw = text.as_bytes();
    // the walk's next character (index, byte) and the last index asked for
    let mut next = (0usize, 0usize);
    let mut last = 0usize;
    let mut to_byte = |c: usize| -> usize {
        if c < last {
            return text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        }
        let (mut ci, mut bi) = next;
        last = c;
        // `c` was the character before the walk's next one: the walk runs out
        if c < ci {
            next = (ci, raw.len());
            return text.len();
        }
        while ci < c && bi < raw.len() {
            // a run of ASCII is as many characters as bytes
            let ahead = (c - ci).min(raw.len() - bi);
            let run = raw[bi..bi + ahead]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(ahead);
            ci += run;
            bi += run;
            if ci < c && bi < raw.len() {
                bi += char_at(text, bi).map_or(1, char::len_utf8);
                ci += 1;
            }
        }
        if let Some(c) = char_at(text, bi) {
            next = (ci + 1, bi + c.len_utf8());
            return bi;
        }
        next = (ci, raw.len());
        text.len()
    };
    for s in sentences {
        let a = to_byte(s.start);
        let b = to_byte(s.end);
        bytes.push((a, b));
    }
    bytes
        .into_iter()
        .map(|(a, b)| {
            let s = toks.partition_point(|t| t.start < a);
            let e = toks.partition_point(|t| t.start < b);
            (s, e)
        })
        .collect()
}

/// The sentence (token range) containing token `i`; the whole text when none does.
fn sentence_of(bounds: &[(usize, usize)], i: usize, n: usize) -> (usize, usize) {
    let k = bounds.partition_point(|(s, _)| *s <= i);
    match k.checked_sub(1).map(|k| bounds[k]) {
        Some((s, e)) if i < e => (s, e),
        _ => (0, n),
    }
}

/// The day of a clock time printed without one: a day-precise expression right beside it
/// ("Friday at 10 a.m.", "at 10 a.m. on Friday").
fn clock_day(toks: &[Tok], found: &[Found], k: usize, ctx: &Context) -> Option<Date> {
    let f = &found[k];
    // "Friday at 10", "Sunday early morning at 8:00": prepositions, commas and a part of day
    let joins = |from: usize, to: usize| {
        toks[from..to].iter().all(|t| {
            matches!(
                t.key(),
                "at" | "on"
                    | "before"
                    | "after"
                    | "by"
                    | "around"
                    | "until"
                    | "from"
                    | "about"
                    | "early"
                    | "late"
                    | "in"
                    | "the"
                    | "for"
            ) || t.is_punct(',')
                || t.is_punct('@')
                || lexicon::part_of_day(t.key()).is_some()
        }) && to - from <= 4
    };
    let day_of = |g: &Found| -> Option<Date> {
        let r = resolve::resolve(&g.sem, ctx);
        matches!(
            g.sem,
            Sem::Weekday { .. }
                | Sem::DayOffset(_)
                | Sem::Date { day: Some(_), .. }
                | Sem::Holiday { .. }
                | Sem::PartOfDay { .. }
                | Sem::WeekDay { .. }
                | Sem::NarrativeWeekday { .. }
                | Sem::MonthDay { .. }
                | Sem::DayOfMonth { .. }
        )
        .then_some(r.day)
        .flatten()
    };
    if let Some(prev) = k.checked_sub(1).map(|p| &found[p])
        && prev.end <= f.first
        && joins(prev.end, f.first)
        && let Some(d) = day_of(prev)
    {
        return Some(d);
    }
    if let Some(next) = found.get(k + 1)
        && f.end <= next.first
        && joins(f.end, next.first)
        && let Some(d) = day_of(next)
    {
        return Some(d);
    }
    None
}

/// Value and anchor of "the Nth day" when the clause says it is today ("entered the 27th
/// day today", "marks the 27th day"): day one is N−1 days before the reference.
fn ordinal_anchor(
    toks: &[Tok],
    s: usize,
    e: usize,
    f: &Found,
    n: u32,
    unit: lexicon::Unit,
    reference: Option<Date>,
) -> Option<(String, TimeAnchor)> {
    let reference = reference?;
    let verb = f
        .first
        .checked_sub(1)
        .filter(|v| *v >= s)
        .map(|v| toks[v].key());
    let enters = verb.is_some_and(|v| {
        matches!(
            v,
            "entered"
                | "enters"
                | "entering"
                | "enter"
                | "marks"
                | "marked"
                | "marking"
                | "reached"
                | "reaches"
                | "into"
        )
    });
    let today =
        (s..e).any(|i| (i < f.first || i >= f.end) && (toks[i].is("today") || toks[i].is("now")));
    if !(enters || today) {
        return None;
    }
    // the event: "the 27th day of the war" names it after "of"; otherwise the subject
    // before the verb ("Russia's ferocity entered …").
    let mut span = None;
    if toks.get(f.end).is_some_and(|t| t.is("of")) {
        let from = f.end + 1;
        let mut to = from;
        while to < e && to - from < 6 {
            let t = &toks[to];
            if t.kind == Kind::Punct && !t.is_punct('\'')
                || t.is("today")
                || t.is("and")
                || t.is("on")
                || t.is("in")
            {
                break;
            }
            to += 1;
        }
        if to > from {
            span = Some((toks[from].start, toks[to - 1].end));
        }
    } else if enters {
        let v = f.first - 1;
        if v > s
            && v - s <= 8
            && !toks[s..v]
                .iter()
                .any(|t| t.kind == Kind::Punct && !t.is_punct('\''))
        {
            span = Some((toks[s].start, toks[v - 1].end));
        }
    }
    let (value, first_day) = match unit {
        lexicon::Unit::Day => (
            reference.to_string(),
            Some(reference.add_days(-(i64::from(n) - 1)).to_string()),
        ),
        lexicon::Unit::Week => {
            let (y, w) = reference.iso_week();
            (format!("{y:04}-W{w:02}"), None)
        }
        lexicon::Unit::Month => (
            format!("{:04}-{:02}", reference.year, reference.month),
            None,
        ),
        _ => (format!("{:04}", reference.year), None),
    };
    Some((
        value,
        TimeAnchor {
            span,
            value: first_day,
        },
    ))
}

#[cfg(test)]
mod tests;

//! Recognition: token patterns → [`Found`] expressions with their meaning.
//!
//! A hand-written recursive-descent matcher. At each token the longest expression wins;
//! spans follow TimeML: determiners and modifiers that are part of the expression are inside
//! ("the past two years", "early December", "almost seven years", "a year ago"), prepositions
//! that signal a relation are outside ("on", "since", "until").

use std::cell::Cell;

use super::TimexMod;
use super::lexicon::{self, Unit};
use super::sem::{Dir, Holiday, Ref, Sem, SetValue, YearSpec};
use super::start_words;
use super::tokens::{Kind, Tok};

/// One recognised expression: tokens `[first, end)`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    /// First token.
    pub first: usize,
    /// Token after the last.
    pub end: usize,
    /// Meaning.
    pub sem: Sem,
    /// TIMEX3 `mod` from a modifier word.
    pub modifier: Option<TimexMod>,
}

/// Finds every expression in `toks`, left to right, longest first, non-overlapping.
pub(super) fn recognise(toks: &[Tok]) -> Vec<Found> {
    let g = Grammar {
        t: toks,
        last_count: Cell::new(None),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // most words fail the cheap test; the rest get the full one
        let t = &toks[i];
        if (t.kind == Kind::Word && !start_words::may_be(t.key())) || !may_start(t) {
            i += 1;
            continue;
        }
        match g.at(i) {
            Some(f) if !toks[f.first + 1..f.end].iter().any(|t| t.line_before) => {
                i = f.end;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    merge_set_clocks(toks, &mut out);
    out
}

/// "9am every Sunday", "each Monday at 4pm", "every morning at 6": one SET at a clock
/// time.
fn merge_set_clocks(toks: &[Tok], found: &mut Vec<Found>) {
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        let gap = &toks[a.end..b.first];
        // "from 10 a.m. to 4 p.m. on Sundays": the end of a range stays a clock time
        let range_end = matches!(a.sem, Sem::Clock { .. })
            && a.first > 0
            && toks.get(a.first - 1).is_some_and(|t| {
                matches!(t.key(), "to" | "until" | "till" | "through" | "and") || t.is_punct('-')
            });
        let joined = gap.len() <= 2
            && gap
                .iter()
                .all(|t| t.is("at") || t.is("on") || t.is_punct(','))
            && !range_end
            && !toks[a.first..b.end].iter().skip(1).any(|t| t.line_before);
        let merged = match (&a.sem, &b.sem) {
            (
                Sem::Set(SetValue::Weekday(d, None)),
                Sem::Clock {
                    hour,
                    minute,
                    day: None,
                    ..
                },
            )
            | (
                Sem::Clock {
                    hour,
                    minute,
                    day: None,
                    ..
                },
                Sem::Set(SetValue::Weekday(d, None)),
            ) if joined => Some(Sem::Set(SetValue::WeekdayClock(*d, *hour, *minute))),
            (
                Sem::Set(SetValue::PartOfDay(_)),
                Sem::Clock {
                    hour,
                    minute,
                    day: None,
                    ..
                },
            ) if joined => Some(Sem::Set(SetValue::DailyClock(*hour, *minute))),
            _ => None,
        };
        if let Some(sem) = merged {
            found[k] = Found {
                first: a.first,
                end: b.end,
                sem,
                modifier: None,
            };
            found.remove(k + 1);
        }
        k += 1;
    }
}

/// Whether a token can open a time expression: most words cannot, and skipping them
/// spares trying every pattern at every token.
pub(super) fn may_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Number => true,
        Kind::Punct => t.is_punct('\'') || t.is_punct('½') || t.is_punct('¼') || t.is_punct('¾'),
        Kind::Word => {
            let w = t.key();
            matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "at"
                    | "up"
                    | "no"
                    | "just"
                    | "about"
                    | "around"
                    | "approximately"
                    | "roughly"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "more"
                    | "longer"
                    | "less"
                    | "fewer"
                    | "shorter"
                    | "end"
                    | "close"
                    | "beginning"
                    | "start"
                    | "early"
                    | "earlier"
                    | "late"
                    | "later"
                    | "mid"
                    | "noon"
                    | "noonish"
                    | "black"
                    | "earth"
                    | "saint"
                    | "st"
                    | "juneteenth"
                    | "international"
                    | "workers"
                    | "to"
                    | "till"
                    | "eod"
                    | "eoy"
                    | "midday"
                    | "midnight"
                    | "today"
                    | "tonight"
                    | "tonite"
                    | "lunchtime"
                    | "dinnertime"
                    | "suppertime"
                    | "breakfast"
                    | "lunch"
                    | "dinner"
                    | "supper"
                    | "weekends"
                    | "daytime"
                    | "yesterday"
                    | "tomorrow"
                    | "this"
                    | "last"
                    | "past"
                    | "next"
                    | "coming"
                    | "current"
                    | "recent"
                    | "overnight"
                    | "fiscal"
                    | "fy"
                    | "q"
                    | "final"
                    | "half"
                    | "couple"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
                    | "several"
                    | "few"
                    | "many"
                    | "numerous"
                    | "daily"
                    | "nightly"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "hourly"
                    | "biweekly"
                    | "fortnightly"
                    | "every"
                    | "each"
                    | "per"
                    | "christmas"
                    | "new"
                    | "thanksgiving"
                    | "easter"
                    | "good"
                    | "halloween"
                    | "boxing"
                    | "independence"
                    | "labor"
                    | "labour"
                    | "memorial"
                    | "veterans"
                    | "election"
                    | "valentine"
                    | "that"
                    | "its"
                    | "their"
                    | "now"
                    | "currently"
                    | "nowadays"
                    | "presently"
                    | "these"
                    | "recently"
                    | "lately"
                    | "previously"
                    | "future"
                    | "in"
                    | "nineteen"
                    | "eighteen"
                    | "two"
            ) || matches!(
                w,
                "previous"
                    | "following"
                    | "week"
                    | "all"
                    | "full"
                    | "whole"
                    | "entire"
                    | "another"
                    | "annually"
                    | "everyday"
                    | "semi"
                    | "bi"
                    | "bimonthly"
                    | "semiannually"
                    | "biannually"
                    | "quarterly"
            ) || lexicon::part_of_day(w).is_some()
                || lexicon::unit(w).is_some()
                || lexicon::month(w).is_some()
                || lexicon::weekday(w).is_some()
                || lexicon::weekday_plural(w).is_some()
                || lexicon::season(w).is_some()
                || lexicon::cardinal(w).is_some()
                || lexicon::ordinal(w).is_some()
        }
    }
}

struct Grammar<'a> {
    t: &'a [Tok<'a>],
    /// The last count parsed and where: several patterns read the same count at a token.
    last_count: Cell<Option<(usize, Option<Count>)>>,
}

/// A parsed count: tokens end, value (None when vague), whether it was the article "a".
#[derive(Debug, Clone, Copy)]
struct Count {
    end: usize,
    n: Option<f64>,
    article: bool,
}

impl<'a> Grammar<'a> {
    // ---- token helpers -------------------------------------------------------------------

    fn key(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| t.key())
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Word).then(|| t.key())
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is(w))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(Tok::glued)
    }

    fn capital(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.capital)
    }

    fn number(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.t.get(i).filter(|t| t.kind == Kind::Number)
    }

    /// `i` is a full stop glued to the previous token (abbreviation dot).
    fn dot(&self, i: usize) -> bool {
        self.punct(i, '.') && self.glued(i)
    }

    /// Skips an abbreviation dot after token `i - 1`.
    fn skip_dot(&self, i: usize) -> usize {
        if self.dot(i) { i + 1 } else { i }
    }

    /// Skips an optional "the".
    fn skip_the(&self, i: usize) -> usize {
        if self.is(i, "the") { i + 1 } else { i }
    }

    // ---- entry ---------------------------------------------------------------------------

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.year_end(i) {
            return Some(f);
        }
        // "mid night": midnight in two words
        if self.is(i, "mid") && self.is(i + 1, "night") {
            return Some(Found {
                first: i,
                end: i + 2,
                sem: Sem::Clock {
                    hour: 0,
                    minute: 0,
                    second: None,
                    day: None,
                },
                modifier: None,
            });
        }
        // "EOD", "the EOY": business shorthand for the end of the day or year
        let k = self.skip_the(i);
        let unit = match self.word(k) {
            Some("eod") => Some(Unit::Day),
            Some("eoy") => Some(Unit::Year),
            _ => None,
        };
        if let Some(unit) = unit {
            return Some(Found {
                first: i,
                end: k + 1,
                sem: Sem::RelUnit { unit, offset: 0 },
                modifier: Some(TimexMod::End),
            });
        }
        let (j, modifier, kind) = self.prefix(i);
        let mut found = match self.core(j) {
            Some(f) => f,
            // "the end of the year", "the middle of the month"
            None if kind == PrefixKind::Position => {
                let k = self.skip_the(j);
                let (unit, false) = self.word(k).and_then(lexicon::unit)? else {
                    return None;
                };
                if !matches!(
                    unit,
                    Unit::Day
                        | Unit::Week
                        | Unit::Month
                        | Unit::Year
                        | Unit::Decade
                        | Unit::Century
                ) {
                    return None;
                }
                Found {
                    first: i,
                    end: k + 1,
                    sem: Sem::RelUnit { unit, offset: 0 },
                    modifier: None,
                }
            }
            None => return None,
        };
        found.first = i;
        if modifier.is_some() {
            let fits = match kind {
                PrefixKind::Amount => {
                    matches!(
                        found.sem,
                        Sem::Duration { .. } | Sem::Shift { .. } | Sem::ClockDuration { .. }
                    ) || matches!(found.sem, Sem::Clock { .. })
                }
                PrefixKind::Position => !matches!(
                    found.sem,
                    Sem::Duration { .. } | Sem::Set(_) | Sem::Clock { .. } | Sem::Ref(_)
                ),
                PrefixKind::None => true,
            };
            if !fits {
                return None;
            }
            found.modifier = modifier;
        }
        // "a week or so ago" puts "or so" inside; "or so" after a duration is approximate.
        if self.is(found.end, "or")
            && self.is(found.end + 1, "so")
            && matches!(found.sem, Sem::Duration { .. })
        {
            if let Some(sign) = self.shift_word(found.end + 2)
                && let Sem::Duration { unit, n } = found.sem
            {
                found.sem = Sem::Shift {
                    unit,
                    n,
                    sign: sign.0,
                    anchored: sign.1,
                };
                found.end += 3;
            } else {
                found.end += 2;
            }
            found.modifier.get_or_insert(TimexMod::Approx);
        }
        Some(found)
    }

    /// "year-end", "year end", "year's end": the end of the reference year (of the one
    /// before after "since").
    fn year_end(&self, i: usize) -> Option<Found> {
        if !self.is(i, "year") {
            return None;
        }
        let end = if self.punct(i + 1, '-') && self.glued(i + 1) && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "end") {
            i + 2
        } else if self.punct(i + 1, '\'') && self.is(i + 2, "s") && self.is(i + 3, "end") {
            i + 4
        } else {
            return None;
        };
        let since = i > 0 && self.is(i - 1, "since");
        Some(Found {
            first: i,
            end,
            sem: Sem::RelUnit {
                unit: Unit::Year,
                offset: if since { -1 } else { 0 },
            },
            modifier: Some(TimexMod::End),
        })
    }

    /// A year in words: "nineteen ninety-six", "two thousand", "two thousand and one",
    /// "nineteen hundred ninety three". Out of `context` (no month before it) only "two
    /// thousand" after a year-taking word and the 1800s and 1900s count.
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        self.spelled_year_in(i, false)
    }

    fn spelled_year_in(&self, i: usize, context: bool) -> Option<(usize, i32)> {
        // a number below 100 in words at `k`: "seventy", "seventy-two", "thirty two", "five"
        let below_hundred = |k: usize, max_units: u32| -> Option<(usize, u32)> {
            let n = self
                .word(k)
                .and_then(lexicon::cardinal)
                .filter(|n| *n < 100)?;
            if n >= 20 && n % 10 == 0 {
                let j = if self.punct(k + 1, '-') && self.glued(k + 1) {
                    k + 2
                } else {
                    k + 1
                };
                if let Some(u) = self.word(j).and_then(lexicon::cardinal).filter(|u| *u < 10) {
                    return Some((j + 1, n + u));
                }
                return Some((k + 1, n));
            }
            (n < max_units).then_some((k + 1, n))
        };
        let w = self.key(i);
        if w == "two" && self.is(i + 1, "thousand") {
            let before = if i > 0 { self.key(i - 1) } else { "" };
            if !context && !matches!(before, "year" | "in" | "since" | "by" | "until") {
                return None;
            }
            let mut end = i + 2;
            let mut y = 2000;
            let k = if self.is(end, "and") { end + 1 } else { end };
            let max = if context { 100 } else { 20 };
            if let Some((e, u)) = below_hundred(k, max) {
                y += u as i32;
                end = e;
            }
            if self.word(end).and_then(lexicon::unit).is_some() || context && !self.ends_phrase(end)
            {
                return None;
            }
            return Some((end, y));
        }
        let century = match w {
            "nineteen" => 19,
            "eighteen" => 18,
            _ if context => self
                .word(i)
                .and_then(lexicon::cardinal)
                .filter(|c| (10..=19).contains(c))?,
            _ => return None,
        } as i32;
        // "nineteen hundred (and) ninety three"
        if self.is(i + 1, "hundred") {
            if !context {
                return None;
            }
            let k = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
            let (e, y) = match below_hundred(k, 10) {
                Some((e, u)) => (e, century * 100 + u as i32),
                None => (i + 2, century * 100),
            };
            return self.ends_phrase(e).then_some((e, y));
        }
        self.word(i + 1)
            .and_then(lexicon::cardinal)
            .filter(|t| *t >= 20 && *t % 10 == 0 && *t < 100)?;
        let (end, n) = below_hundred(i + 1, 0)?;
        if context && !self.ends_phrase(end) {
            return None;
        }
        Some((end, century * 100 + n as i32))
    }

    /// Whether token `k` can follow a date: the end, punctuation, or a word that starts a
    /// new phrase (not a noun a number in words would count: "March two thousand people").
    fn ends_phrase(&self, k: usize) -> bool {
        match self.t.get(k) {
            None => true,
            Some(t) if t.kind == Kind::Punct => true,
            Some(t) if t.kind == Kind::Number => false,
            Some(t) => {
                t.capital
                    || matches!(
                        t.key(),
                        "and"
                            | "or"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "the"
                            | "when"
                            | "was"
                            | "were"
                            | "is"
                            | "will"
                            | "he"
                            | "she"
                            | "they"
                            | "we"
                            | "it"
                            | "i"
                            | "for"
                            | "after"
                            | "before"
                            | "until"
                            | "but"
                    )
            }
        }
    }

    /// A year after a day and month: "2024", ", 2024", "of 1995", "in 2020", "of 87",
    /// "nineteen eighty six".
    fn year_tail(&self, k: usize) -> Option<(usize, i32)> {
        let k = if self.punct(k, ',') { k + 1 } else { k };
        if self.is(k, "of") || self.is(k, "in") {
            if let Some(r) = self.year_at(k + 1, true) {
                return Some(r);
            }
            if self.is(k, "of")
                && let Some(n) = self
                    .number(k + 1)
                    .filter(|n| n.digits == 2)
                    .filter(|_| !self.glued(k + 2))
            {
                let y = if n.num < 50 { 2000 } else { 1900 } + n.num as i32;
                return Some((k + 2, y));
            }
            return self.spelled_year_in(k + 1, true);
        }
        self.year_at(k, true)
            .or_else(|| self.spelled_year_in(k, true))
    }

    /// Modifier words before an expression.
    fn prefix(&self, i: usize) -> (usize, Option<TimexMod>, PrefixKind) {
        use PrefixKind::{Amount, Position};
        let w = self.key(i);
        let w1 = self.key(i + 1);
        let w2 = self.key(i + 2);
        let (len, m, kind) = match (w, w1, w2) {
            ("more" | "longer", "than", _) => (2, TimexMod::MoreThan, Amount),
            ("less" | "fewer" | "shorter", "than", _) => (2, TimexMod::LessThan, Amount),
            ("at", "least", _) => (2, TimexMod::EqualOrMore, Amount),
            ("at", "most", _) | ("up", "to", _) => (2, TimexMod::EqualOrLess, Amount),
            ("no", "more", "than") => (3, TimexMod::EqualOrLess, Amount),
            ("just", "over", _) | ("just", "more", _) => (2, TimexMod::MoreThan, Amount),
            ("just", "under", _) => (2, TimexMod::LessThan, Amount),
            ("about" | "around" | "approximately" | "roughly" | "some", _, _) => {
                (1, TimexMod::Approx, Amount)
            }
            ("nearly" | "almost", _, _) => (1, TimexMod::LessThan, Amount),
            ("over", _, _) if self.count(i + 1).is_some_and(|c| !c.article) => {
                (1, TimexMod::MoreThan, Amount)
            }
            ("the", "end" | "close", "of") => (3, TimexMod::End, Position),
            ("the", "beginning" | "start", "of") => (3, TimexMod::Start, Position),
            ("the", "middle", "of") => (3, TimexMod::Mid, Position),
            ("end" | "close", "of", _) => (2, TimexMod::End, Position),
            ("beginning" | "start", "of", _) => (2, TimexMod::Start, Position),
            ("early", "on", _) if self.weekday_at(i + 2).is_some() => {
                (2, TimexMod::Start, Position)
            }
            ("late", "on", _) if self.weekday_at(i + 2).is_some() => (2, TimexMod::End, Position),
            ("early" | "earlier", "in", _) if self.is(i + 2, "the") => {
                (2, TimexMod::Start, Position)
            }
            ("late" | "later", "in", _) if self.is(i + 2, "the") => (2, TimexMod::End, Position),
            ("early", _, _) => (1, TimexMod::Start, Position),
            ("late", _, _) => (1, TimexMod::End, Position),
            ("mid", "-", _) if self.glued(i + 1) && self.glued(i + 2) => {
                (2, TimexMod::Mid, Position)
            }
            ("mid", _, _) => (1, TimexMod::Mid, Position),
            _ => return (i, None, PrefixKind::None),
        };
        (i + len, Some(m), kind)
    }

    /// The longest core expression at `i`.
    fn core(&self, i: usize) -> Option<Found> {
        let candidates = [
            self.clock(i),
            self.deictic(i),
            self.relative(i),
            self.shift(i),
            self.explicit_date(i),
            self.quarter(i),
            self.season(i),
            self.duration(i),
            self.set(i),
            self.holiday(i),
            self.anchored(i),
            self.ordinal_day(i),
            self.reference(i),
            self.meal(i),
            self.month_week(i),
            self.ordinal_month(i),
        ];
        let mut best: Option<(usize, Sem)> = None;
        for (end, sem) in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|(e, _)| end > *e) {
                best = Some((end, sem));
            }
        }
        best.map(|(end, sem)| Found {
            first: i,
            end,
            sem,
            modifier: None,
        })
    }

    // ---- counts --------------------------------------------------------------------------

    /// A count before a unit: digits, number words, "a", "a few", "a couple of", "half a".
    fn count(&self, i: usize) -> Option<Count> {
        if let Some((at, c)) = self.last_count.get()
            && at == i
        {
            return c;
        }
        let c = self.parse_count(i);
        self.last_count.set(Some((i, c)));
        c
    }

    /// [`Self::count`] without the memory of the last one.
    fn parse_count(&self, i: usize) -> Option<Count> {
        let t = self.t.get(i)?;
        let plain = |end, n| Count {
            end,
            n: Some(n),
            article: false,
        };
        if t.kind == Kind::Number {
            if self.punct(i - usize::from(i > 0), '$') && i > 0 {
                return None;
            }
            // "the 1988 quarter": a year, not 1,988 quarters
            if t.digits == 4 && (1800..=2199).contains(&t.num) {
                return None;
            }
            let mut n = t.num as f64;
            let mut end = i + 1;
            // 1,000
            if t.digits <= 3
                && self.punct(end, ',')
                && self.glued(end)
                && self
                    .number(end + 1)
                    .is_some_and(|d| d.digits == 3 && d.glued())
            {
                n = n * 1000.0 + self.t[end + 1].num as f64;
                end += 2;
            }
            // 1.5
            if self.punct(end, '.')
                && self.glued(end)
                && let Some(d) = self.number(end + 1).filter(|d| d.glued())
            {
                n += d.num as f64 / 10f64.powi(i32::from(d.digits));
                end += 2;
            }
            // 5 1/2
            if let (Some(a), Some(b)) = (self.number(end), self.number(end + 2))
                && self.punct(end + 1, '/')
                && b.num > 0
                && a.num < b.num
            {
                n += a.num as f64 / b.num as f64;
                end += 3;
            }
            return Some(self.and_a_half(plain(end, n)));
        }
        // "½ hour"
        for (c, n) in [('½', 0.5), ('¼', 0.25), ('¾', 0.75)] {
            if t.is_punct(c) {
                return Some(plain(i + 1, n));
            }
        }
        let w = t.key();
        match w {
            "a" | "an" | "one" => {
                let next = self.key(i + 1);
                if next == "couple" && self.is(i + 2, "of") {
                    return Some(plain(i + 3, 2.0));
                }
                if next == "couple" {
                    return Some(plain(i + 2, 2.0));
                }
                if next == "few" {
                    return Some(Count {
                        end: i + 2,
                        n: None,
                        article: false,
                    });
                }
                if next == "dozen" {
                    return Some(plain(i + 2, 12.0));
                }
                if next == "half" && matches!(self.key(i + 2), "a" | "an") {
                    // "a half a year" is not English; "one half" falls through.
                    return None;
                }
                let c = Count {
                    end: i + 1,
                    n: Some(1.0),
                    article: w != "one",
                };
                return Some(self.and_a_half(c));
            }
            "half" if matches!(self.key(i + 1), "a" | "an") => return Some(plain(i + 2, 0.5)),
            "couple" if self.is(i + 1, "of") => return Some(plain(i + 2, 2.0)),
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => {
                return Some(Count {
                    end: i + 2,
                    n: None,
                    article: false,
                });
            }
            _ => {}
        }
        if lexicon::is_vague_quantity(w) {
            return Some(Count {
                end: i + 1,
                n: None,
                article: false,
            });
        }
        let mut n = lexicon::cardinal(w)?;
        let mut end = i + 1;
        // twenty-five, twenty five
        if n >= 20 && n % 10 == 0 && n < 100 {
            let j = if self.punct(end, '-') && self.glued(end) {
                end + 1
            } else {
                end
            };
            if let Some(u) = self.word(j).and_then(lexicon::cardinal).filter(|u| *u < 10) {
                n += u;
                end = j + 1;
            }
        }
        if self.is(end, "hundred") && n < 100 {
            n *= 100;
            end += 1;
        }
        Some(self.and_a_half(plain(end, f64::from(n))))
    }

    /// "two and a half": adds a half when the phrase follows a count directly.
    fn and_a_half(&self, c: Count) -> Count {
        if !self.is(c.end, "and") {
            return c;
        }
        // "two and a half", "one and half", "one and a quarter"
        let k = if self.is(c.end + 1, "a") {
            c.end + 2
        } else {
            c.end + 1
        };
        let part = match self.key(k) {
            "half" => 0.5,
            "quarter" if k == c.end + 2 => 0.25,
            _ => return c,
        };
        // "two and a half years": only when a unit follows.
        if self.word(k + 1).and_then(lexicon::unit).is_some() {
            return Count {
                end: k + 1,
                n: c.n.map(|n| n + part),
                article: false,
            };
        }
        c
    }

    /// A unit word at `i` that agrees with count `n`: (unit, end, plural).
    fn unit_after(&self, i: usize, n: Option<f64>) -> Option<(Unit, usize, bool)> {
        let (unit, plural) = self.word(i).and_then(lexicon::unit)?;
        let singular_count = n.is_some_and(|n| n <= 1.0);
        if singular_count && plural && n != Some(0.5) {
            return None;
        }
        Some((unit, i + 1, plural))
    }

    // ---- clock times ---------------------------------------------------------------------

    /// "8 p.m.", "10:35 a.m. EST Tuesday", "noon", "midnight", "4 in the morning".
    fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        let words = self.clock_in_words(i);
        let context = self.day_context(i);
        let (mut end, mut hour, minute, second) = match self.key(i) {
            "noon" | "midday" | "noonish" => (i + 1, 12u8, 0u8, None),
            // "11ish": an approximate hour
            _ if self
                .number(i)
                .is_some_and(|h| (1..=23).contains(&h.num) && h.digits <= 2)
                && self.is(i + 1, "ish")
                && self.glued(i + 1) =>
            {
                (i + 2, self.t[i].num as u8, 0, None)
            }
            "midnight" => (i + 1, 0, 0, None),
            _ if words.is_some() => {
                let (end, hour, minute) = words?;
                (end, hour, minute, None)
            }
            _ => {
                let h = self.number(i).filter(|t| t.digits <= 4 && t.num <= 2400)?;
                if i > 0 && (self.punct(i - 1, ':') || self.punct(i - 1, '.')) && self.glued(i) {
                    return None;
                }
                // "1140 a.m.": four digits before am/pm
                if h.digits >= 3 {
                    let (hh, mm) = ((h.num / 100) as u8, (h.num % 100) as u8);
                    let (after, pm) = self.meridiem(i + 1)?;
                    if hh == 0 || hh > 12 || mm > 59 {
                        return None;
                    }
                    let hour = match (pm, hh) {
                        (true, x) if x < 12 => x + 12,
                        (false, 12) => 0,
                        (_, x) => x,
                    };
                    return Some((
                        after,
                        Sem::Clock {
                            hour,
                            minute: mm,
                            second: None,
                            day: None,
                        },
                    ));
                }
                let hour = h.num as u8;
                // "2.30pm", "11.00 am": a dot, then am/pm
                if self.punct(i + 1, '.')
                    && self.glued(i + 1)
                    && let Some(m) = self
                        .number(i + 2)
                        .filter(|m| m.digits == 2 && m.num < 60 && m.glued())
                    && self.meridiem(i + 3).is_some()
                    && hour <= 12
                {
                    let (after, pm) = self.meridiem(i + 3)?;
                    let hour = match (pm, hour) {
                        (true, x) if x < 12 => x + 12,
                        (false, 12) => 0,
                        (_, x) => x,
                    };
                    return Some((
                        after,
                        Sem::Clock {
                            hour,
                            minute: m.num as u8,
                            second: None,
                            day: None,
                        },
                    ));
                }
                // "Monday at 2.30": a dot between hour and minutes beside a day
                let dotted = self.punct(i + 1, '.') && context.is_some() && hour <= 23;
                if (self.punct(i + 1, ':') || dotted)
                    && self.glued(i + 1)
                    && let Some(m) = self
                        .number(i + 2)
                        .filter(|m| m.digits == 2 && m.num < 60 && m.glued())
                {
                    let mut end = i + 3;
                    let mut second = None;
                    if self.punct(end, ':')
                        && let Some(s) = self
                            .number(end + 1)
                            .filter(|s| s.digits == 2 && s.num < 60 && s.glued())
                    {
                        second = Some(s.num as u8);
                        end += 2;
                    }
                    (end, hour, m.num as u8, second)
                } else {
                    let in_the_part = self.is(i + 1, "in")
                        && self.is(i + 2, "the")
                        && matches!(self.key(i + 3), "morning" | "afternoon" | "evening");
                    if self.meridiem(i + 1).is_none()
                        && !in_the_part
                        && self.oclock(i + 1).is_none()
                        && context.is_none()
                    {
                        return None;
                    }
                    if hour == 0 || hour > 12 {
                        return None;
                    }
                    (i + 1, hour, 0, None)
                }
            }
        };
        let has_meridiem = if let Some((after, pm)) = self.meridiem(end) {
            if hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (true, h) if h < 12 => h + 12,
                (false, 12) => 0,
                (_, h) => h,
            };
            end = after;
            true
        } else {
            false
        };
        let parted = self.is(end, "in")
            && self.is(end + 1, "the")
            && matches!(self.key(end + 2), "morning" | "afternoon" | "evening");
        if !has_meridiem
            && self.number(i).is_some()
            && !self.is(i + 1, "ish")
            && words.is_none()
            && context.is_none()
            && !parted
        {
            // A bare "10:30" needs a reason to be a clock time: a time zone, "o'clock", or
            // a preposition of time before it. Otherwise it may be a score or a ratio.
            let before = if i > 0 { self.key(i - 1) } else { "" };
            let zone_follows = self.zone(end).is_some();
            // "10 o'clock", "12:30 December 27th": the words after say it is a clock time
            let oclock_follows = self.oclock(end).is_some();
            let k = if self.punct(end, ',') { end + 1 } else { end };
            let date_follows = self
                .month_date(k)
                .or_else(|| self.day_month(k))
                .is_some_and(|(_, s)| matches!(s, Sem::Date { day: Some(_), .. }));
            if !(zone_follows
                || oclock_follows
                || date_follows
                || matches!(
                    before,
                    "at" | "by" | "until" | "till" | "from" | "after" | "before" | "around" | "@"
                ))
            {
                // "3:07:35" is a race time: a duration.
                return None;
            }
        }
        if let Some(e) = self.oclock(end) {
            end = e;
        }
        // "tonight at 8", "Friday evening around 7": the part of day says pm
        if !has_meridiem && hour < 12 {
            match context {
                Some(Some("AF" | "EV")) => hour += 12,
                Some(Some("NI")) if hour >= 6 => hour += 12,
                _ => {}
            }
        }
        // "4 in the morning"
        if self.is(end, "in") && self.is(end + 1, "the") {
            match self.key(end + 2) {
                "morning" if hour < 12 => end += 3,
                "afternoon" | "evening" if hour < 12 => {
                    hour += 12;
                    end += 3;
                }
                _ => {}
            }
        }
        if let Some(z) = self.zone(end) {
            end = z;
        }
        // "10 p.m. Wednesday", "9 a.m. Tuesday", "5 p.m. EST, Nov. 6"
        let mut day = None;
        let k = if self.punct(end, ',') { end + 1 } else { end };
        let dated = self
            .month_date(k)
            .or_else(|| self.day_month(k))
            .filter(|(_, s)| matches!(s, Sem::Date { day: Some(_), .. }));
        if let Some((e, sem)) = dated {
            day = Some(Box::new(sem));
            end = e;
        } else if let Some((e, sem)) = self.weekday_at(end).map(|(e, d)| {
            (
                e,
                Sem::Weekday {
                    day: d,
                    dir: Dir::Auto,
                },
            )
        }) {
            day = Some(Box::new(sem));
            end = e;
        } else {
            let offset = match self.key(end) {
                "today" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(o) = offset {
                day = Some(Box::new(Sem::DayOffset(o)));
                end += 1;
            }
        }
        Some((
            end,
            Sem::Clock {
                hour,
                minute,
                second,
                day,
            },
        ))
    }

    /// "o'clock", "oclock" at `i`: its end.
    fn oclock(&self, i: usize) -> Option<usize> {
        if self.is(i, "o") && self.punct(i + 1, '\'') && self.is(i + 2, "clock") {
            Some(i + 3)
        } else if self.is(i, "oclock") {
            Some(i + 1)
        } else {
            None
        }
    }

    /// An hour of the clock in words or digits at `i` (1 to 12): (end, hour).
    fn hour_at(&self, i: usize) -> Option<(usize, u8)> {
        let h = match self.number(i) {
            Some(t) if t.digits <= 2 => t.num as u32,
            Some(_) => return None,
            None => self.word(i).and_then(lexicon::cardinal)?,
        };
        (1..=12).contains(&h).then_some((i + 1, h as u8))
    }

    /// Minutes in words at `i`: "ten", "thirty", "forty-three", "twenty seven": (end, minutes).
    fn minutes_in_words(&self, i: usize) -> Option<(usize, u8)> {
        let n = self.word(i).and_then(lexicon::cardinal)?;
        if (10..20).contains(&n) {
            return Some((i + 1, n as u8));
        }
        if !(20..60).contains(&n) || n % 10 != 0 {
            return None;
        }
        let j = if self.punct(i + 1, '-') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        match self.word(j).and_then(lexicon::cardinal).filter(|u| *u < 10) {
            Some(u) => Some((j + 1, (n + u) as u8)),
            None => Some((i + 1, n as u8)),
        }
    }

    /// A clock time in words: "half past seven", "ten past 9", "20 min past eight",
    /// "quarter to six", "ten am", "nine o'clock", "seven twenty-seven" (the last only with
    /// a meridiem or beside a day): (end, hour, minute), before any am/pm.
    fn clock_in_words(&self, i: usize) -> Option<(usize, u8, u8)> {
        // minutes past / to the hour
        let (k, minutes) = match self.key(i) {
            "half" => (i + 1, Some(30u32)),
            "quarter" => (i + 1, Some(15)),
            "a" if self.is(i + 1, "quarter") => (i + 2, Some(15)),
            _ => match self.number(i) {
                Some(t) if t.digits <= 2 && t.num < 60 => (i + 1, Some(t.num as u32)),
                Some(_) => (i, None),
                None => match self.minutes_in_words(i) {
                    Some((e, m)) => (e, Some(u32::from(m))),
                    None => match self.word(i).and_then(lexicon::cardinal) {
                        Some(n) if n < 10 => (i + 1, Some(n)),
                        _ => (i, None),
                    },
                },
            },
        };
        if let Some(m) = minutes.filter(|m| (1..60).contains(m)) {
            let k = if matches!(self.key(k), "min" | "mins" | "minute" | "minutes") {
                k + 1
            } else {
                k
            };
            let past = match self.key(k) {
                "past" | "after" => Some(true),
                "to" | "before" => Some(false),
                _ => None,
            };
            if let Some(past) = past
                && let Some((e, h)) = self.hour_at(k + 1)
                && !(self.glued(e)
                    && self
                        .t
                        .get(e)
                        .is_some_and(|t| t.kind != Kind::Punct || t.is_punct('-')))
                && self.word(e).is_none_or(|w| {
                    lexicon::unit(w).is_none()
                        && (self.ends_phrase(e)
                            || matches!(w, "o" | "oclock" | "am" | "pm" | "a" | "p")
                            || lexicon::part_of_day(w).is_some())
                })
                // "to" and "before" only after the clock words ("quarter to six"), not counts
                && (past || matches!(self.key(i), "half" | "quarter" | "a"))
            {
                let hour = match (past, h) {
                    (true, h) => h,
                    (false, 1) => 12,
                    (false, h) => h - 1,
                };
                let minute = if past { m as u8 } else { (60 - m) as u8 };
                return Some((e, hour, minute));
            }
        }
        // an hour in words
        let h = self
            .word(i)
            .and_then(lexicon::cardinal)
            .filter(|h| (1..=12).contains(h))? as u8;
        // "ten am" but not "which one am I": a bare "am" needs a word of time before
        let before = if i > 0 { self.key(i - 1) } else { "" };
        let am_ok = !self.is(i + 1, "am")
            || matches!(
                before,
                "at" | "around" | "by" | "until" | "till" | "from" | "before" | "after" | "the"
            );
        let parted = self.is(i + 1, "in")
            && self.is(i + 2, "the")
            && matches!(self.key(i + 3), "morning" | "afternoon" | "evening");
        if self.meridiem(i + 1).is_some() && am_ok || self.oclock(i + 1).is_some() || parted {
            return Some((i + 1, h, 0));
        }
        let (e, m) = if self.punct(i + 1, '-') && self.glued(i + 1) {
            self.minutes_in_words(i + 2)?
        } else {
            self.minutes_in_words(i + 1)?
        };
        let e = if matches!(self.key(e), "minutes" | "min") {
            e + 1
        } else {
            e
        };
        if self.meridiem(e).is_some() || self.day_context(i).is_some() {
            return Some((e, h, m));
        }
        None
    }

    /// Whether a clock time at `i` is announced by "at" or "around" right after a day
    /// ("Friday at 4", "tonight around 7", "the 26th at 4"): `Some` with the part of day
    /// the context names, if any.
    fn day_context(&self, i: usize) -> Option<Option<&'static str>> {
        let (from, to) = if i >= 2 && matches!(self.key(i - 1), "at" | "around" | "@") {
            (i.saturating_sub(5), i - 1)
        } else if i >= 1
            && self.direct_day_context(i)
            && (self.number(i - 1).is_none_or(|y| y.digits != 4)
                || i >= 2
                    && (self.punct(i - 2, '.') || self.punct(i - 2, '/'))
                    && self.glued(i - 1))
        {
            // "February 22nd 3:30", "Wednesday 4 o'clock": the day right before
            (i - 1, i)
        } else {
            return None;
        };
        let mut part = None;
        let mut day = false;
        for k in (from..to).rev() {
            let t = &self.t[k];
            if t.kind == Kind::Punct && !t.is_punct(',') {
                break;
            }
            let w = t.key();
            if let Some(code) = lexicon::part_of_day(w) {
                part.get_or_insert(code);
                day = true;
            }
            match w {
                "tonight" | "tonite" => {
                    part.get_or_insert("NI");
                    day = true;
                }
                "today" | "tomorrow" | "yesterday" => day = true,
                _ if lexicon::weekday(w).is_some_and(|(_, abbr)| !abbr || t.capital)
                    || lexicon::weekday_plural(w).is_some() =>
                {
                    day = true;
                }
                _ if lexicon::is_ordinal_suffix(w) && k > 0 && self.number(k - 1).is_some() => {
                    day = true;
                }
                _ if to == i && lexicon::ordinal(w).is_some() => day = true,
                // "23.04.2022 14:55": the year of a numeric date
                _ if to == i && t.kind == Kind::Number && t.digits == 4 => day = true,
                _ => {}
            }
        }
        day.then_some(part)
    }

    /// Whether the clock time at `i` follows a day without "at" and says it is a clock
    /// time by itself (minutes, "o'clock"): a bare number after a day is a count.
    fn direct_day_context(&self, i: usize) -> bool {
        let minutes = (self.punct(i + 1, ':') || self.punct(i + 1, '.'))
            && self
                .number(i + 2)
                .is_some_and(|m| m.digits == 2 && m.glued());
        let oclock = self.oclock(i + 1).is_some();
        let words = self.word(i).is_some_and(|w| lexicon::cardinal(w).is_some());
        minutes || oclock || words
    }

    /// "am", "pm", "a.m.", "p.m." at `i`: (end, is pm).
    fn meridiem(&self, i: usize) -> Option<(usize, bool)> {
        // "~3am3ioYcY0": letters or digits glued after are an identifier, not a meridiem
        let in_word = self
            .t
            .get(i + 1)
            .is_some_and(|t| t.glued() && t.kind != Kind::Punct);
        match self.key(i) {
            "am" if !in_word => Some((self.skip_dot(i + 1), false)),
            "pm" if !in_word => Some((self.skip_dot(i + 1), true)),
            w @ ("a" | "p") if self.dot(i + 1) && self.is(i + 2, "m") && self.glued(i + 2) => {
                Some((self.skip_dot(i + 3), w == "p"))
            }
            // "9.am": a stray dot before the meridiem
            "." if self.glued(i) && self.glued(i + 1) && matches!(self.key(i + 1), "am" | "pm") => {
                Some((self.skip_dot(i + 2), self.is(i + 1, "pm")))
            }
            // "3 p . m ." (spaced)
            w @ ("a" | "p")
                if self.punct(i + 1, '.') && self.is(i + 2, "m") && !self.glued(i + 2) =>
            {
                let end = if self.punct(i + 3, '.') { i + 4 } else { i + 3 };
                Some((end, w == "p"))
            }
            // "at 7p", "by 9a": one letter glued to the hour after a preposition of time
            // (not "5p", five pence)
            w @ ("a" | "p")
                if self.glued(i)
                    && i > 1
                    && self.number(i - 1).is_some()
                    && matches!(
                        self.key(i - 2),
                        "at" | "by" | "until" | "till" | "from" | "after" | "before" | "around"
                    )
                    && self.t.get(i + 1).is_none_or(|t| t.kind != Kind::Word) =>
            {
                Some((self.skip_dot(i + 1), w == "p"))
            }
            // "one thirty p m" (speech transcripts)
            w @ ("a" | "p") if self.is(i + 1, "m") && !self.glued(i + 1) => Some((i + 2, w == "p")),
            _ => None,
        }
    }

    /// A time zone after a clock time.
    fn zone(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        match t.key() {
            "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt"
            | "et" | "bst" | "cet" | "cest" | "eet" | "eest" | "msk" | "ist" | "jst" | "aest" => {
                t.capital.then_some(i + 1)
            }
            "local" if self.is(i + 1, "time") => Some(i + 2),
            _ => None,
        }
    }

    // ---- deictic days and parts of day ---------------------------------------------------

    fn deictic(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.key(i);
        let (end, offset) = match w {
            "today" | "tonight" | "tonite" => (i + 1, 0),
            "yesterday" => (i + 1, -1),
            "tomorrow" => (i + 1, 1),
            "earlier" | "later" => {
                // "earlier today", "later this year", "Earlier Sunday", "later that day"
                let (end, sem) = self
                    .deictic(i + 1)
                    .or_else(|| self.relative(i + 1))
                    .or_else(|| self.anchored(i + 1))
                    .or_else(|| {
                        self.weekday_at(i + 1).map(|(e, d)| {
                            (
                                e,
                                Sem::Weekday {
                                    day: d,
                                    dir: Dir::Auto,
                                },
                            )
                        })
                    })?;
                return Some((end, sem));
            }
            "this" | "last" | "overnight" => {
                let code = match (w, self.key(i + 1)) {
                    ("overnight", _) => return Some((i + 1, part(0, "NI"))),
                    ("this", p) => lexicon::part_of_day(p).filter(|_| !p.ends_with('s'))?,
                    ("last", "night") => return Some((i + 2, part(-1, "NI"))),
                    _ => return None,
                };
                return Some((i + 2, part(0, code)));
            }
            "the" | "morning" | "afternoon" | "evening" | "daytime"
                if {
                    let k = if w == "the" { i + 1 } else { i };
                    let before = if i > 0 { self.key(i - 1) } else { "" };
                    matches!(self.key(k), "morning" | "afternoon" | "evening" | "daytime")
                        && matches!(before, "in" | "early" | "late" | "mid" | "this")
                        && !self.is(k + 1, "of")
                } =>
            {
                // "in the morning", "early morning", "later in the morning": a part of the
                // narrative's day
                let k = if w == "the" { i + 1 } else { i };
                let code = lexicon::part_of_day(self.key(k))?;
                // "in the morning at 7", "in the afternoon at 3"
                if self.is(k + 1, "at")
                    && let Some(h) = self
                        .number(k + 2)
                        .filter(|h| (1..=12).contains(&h.num) && h.digits <= 2)
                    && self.t.get(k + 3).is_none_or(|t| {
                        t.kind == Kind::Punct
                            || t.kind == Kind::Word && !matches!(t.key(), "am" | "pm")
                    })
                {
                    let hour = match code {
                        "MO" => h.num as u8 % 12,
                        _ => (h.num as u8 % 12) + 12,
                    };
                    return Some((
                        k + 3,
                        Sem::Clock {
                            hour,
                            minute: 0,
                            second: None,
                            day: None,
                        },
                    ));
                }
                return Some((
                    k + 1,
                    Sem::PartOfDay {
                        day: Box::new(Sem::Anchored {
                            unit: Unit::Day,
                            offset: 0,
                        }),
                        code,
                    },
                ));
            }
            "the" | "day" => {
                // (the) day before yesterday / after tomorrow
                let k = if w == "the" { i + 1 } else { i };
                if self.is(k, "day") {
                    return match (self.key(k + 1), self.key(k + 2)) {
                        ("before", "yesterday") => Some((k + 3, Sem::DayOffset(-2))),
                        ("after", "tomorrow") => Some((k + 3, Sem::DayOffset(2))),
                        _ => None,
                    };
                }
                // the week (month, year) after next / before last
                if w == "the"
                    && let Some((unit, false)) = self.word(k).and_then(lexicon::unit)
                    && matches!(unit, Unit::Week | Unit::Month | Unit::Year)
                {
                    return match (self.key(k + 1), self.key(k + 2)) {
                        ("after", "next") => Some((k + 3, Sem::RelUnit { unit, offset: 2 })),
                        ("before", "last") => Some((k + 3, Sem::RelUnit { unit, offset: -2 })),
                        _ => None,
                    };
                }
                return None;
            }
            _ => return None,
        };
        if matches!(w, "tonight" | "tonite") {
            return Some((end, part(0, "NI")));
        }
        // "yesterday morning", "tomorrow night"
        if let Some(code) =
            lexicon::part_of_day(self.key(end)).filter(|_| !self.key(end).ends_with('s'))
        {
            return Some((end + 1, part(offset, code)));
        }
        Some((end, Sem::DayOffset(offset)))
    }

    /// A weekday name at `i` (capitalised; abbreviations need their dot): (end, weekday).
    fn weekday_at(&self, i: usize) -> Option<(usize, u8)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let (d, abbreviated) = lexicon::weekday(t.key())?;
        if abbreviated && !t.capital {
            return None;
        }
        if abbreviated {
            // "Sun" and "Sat" are words; abbreviations count only with a dot, after "on"
            // ("on Sat at 5") or before a day of the month ("Mon 13th").
            if self.dot(i + 1) {
                return Some((i + 2, d));
            }
            if i > 0 && (self.is(i - 1, "on") || self.is(i - 1, "week")) {
                return Some((i + 1, d));
            }
            if self.number(i + 1).is_some_and(|n| n.digits <= 2)
                && self.word(i + 2).is_some_and(lexicon::is_ordinal_suffix)
            {
                return Some((i + 1, d));
            }
            return None;
        }
        Some((i + 1, d))
    }

    // ---- relative: last/this/next ------------------------------------------------------

    fn relative(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        // "this past Wednesday"
        if self.is(j, "this") && self.is(j + 1, "past") && self.weekday_at(j + 2).is_some() {
            j += 1;
        }
        let w = self.key(j);
        if the {
            // "the weekend", "the quarter", "the (fiscal) year", "the week": the current
            // one (the latest completed for a quarter, as earnings reports mean it).
            let k = if matches!(w, "full" | "fiscal" | "entire" | "whole") {
                j + 1
            } else {
                j
            };
            let period = self.key(k);
            let ended = matches!(self.key(k + 1), "ended" | "ending" | "through" | "to");
            if self.punct(k + 1, '-') && self.glued(k + 1) {
                // "the year-earlier quarter"
                return None;
            }
            match period {
                "weekend" if k == j => {
                    return Some((
                        k + 1,
                        Sem::RelUnit {
                            unit: Unit::Weekend,
                            offset: 0,
                        },
                    ));
                }
                "quarter" => {
                    return Some((
                        k + 1,
                        Sem::Quarter {
                            quarter: 0,
                            year: YearSpec::Auto(Dir::Last),
                        },
                    ));
                }
                "year" if ended => {
                    return Some((
                        k + 1,
                        Sem::Duration {
                            unit: Unit::Year,
                            n: Some(1.0),
                        },
                    ));
                }
                "year" => {
                    return Some((
                        k + 1,
                        Sem::RelUnit {
                            unit: Unit::Year,
                            offset: 0,
                        },
                    ));
                }
                "week" if k == j => {
                    return Some((
                        k + 1,
                        Sem::RelUnit {
                            unit: Unit::Week,
                            offset: 0,
                        },
                    ));
                }
                _ => {}
            }
        }
        let offset = match w {
            "last" | "past" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            "previous" | "following"
                if !the
                    && (self.weekday_at(j + 1).is_some()
                        || self.is(j + 1, "week")
                        || self.holiday(j + 1).is_some()) =>
            {
                if w == "previous" {
                    -1
                } else {
                    1
                }
            }
            "previous" | "preceding" | "prior" | "following" | "same" if the => {
                // narrative-relative: "the previous day", "the following year"
                return self.anchored(i);
            }
            "latest" | "recent" if the => {
                // "the latest quarter", "the latest period"
                if self.is(j + 1, "quarter") || self.is(j + 1, "period") {
                    return Some((
                        j + 2,
                        Sem::Quarter {
                            quarter: 0,
                            year: YearSpec::Auto(Dir::Last),
                        },
                    ));
                }
                return None;
            }
            "recent" if !the => {
                // "recent years", "recent weeks": unspecified past stretch.
                let (_, plural) = self.word(j + 1).and_then(lexicon::unit)?;
                if !plural {
                    return None;
                }
                return Some((j + 2, Sem::Ref(Ref::Past)));
            }
            _ => return None,
        };
        let k = j + 1;
        // "this coming Sunday"
        let k = if w == "this" && self.is(k, "coming") {
            k + 1
        } else {
            k
        };
        // "this fiscal year", "last fiscal year"
        // "next week Monday", "next week on Tuesday", "previous week - Monday"
        if self.is(k, "week") && !the {
            let mut d = k + 1;
            if self.is(d, "on") || self.punct(d, ',') || self.punct(d, '-') {
                d += 1;
            }
            if let Some((end, day)) = self.weekday_at(d) {
                let sem = Sem::WeekDay {
                    week_offset: offset,
                    day,
                };
                if let Some(code) = self
                    .word(end)
                    .and_then(lexicon::part_of_day)
                    .filter(|c| !c.is_empty() && !self.key(end).ends_with('s'))
                {
                    return Some((
                        end + 1,
                        Sem::PartOfDay {
                            day: Box::new(sem),
                            code,
                        },
                    ));
                }
                return Some((end, sem));
            }
        }
        // "last easter", "next new year's day"
        if !the && let Some((end, Sem::Holiday { which, .. })) = self.holiday(k) {
            let dir = if offset < 0 {
                Dir::Last
            } else if offset > 0 {
                Dir::Next
            } else {
                Dir::Auto
            };
            return Some((
                end,
                Sem::Holiday {
                    which,
                    year: YearSpec::Auto(dir),
                },
            ));
        }
        // "this working week", "next workweek", "last work week": the week
        let work_week = if self.is(k, "workweek") {
            Some(k + 1)
        } else if matches!(self.key(k), "work" | "working") && self.is(k + 1, "week") {
            Some(k + 2)
        } else {
            None
        };
        if let Some(end) = work_week {
            return Some((
                end,
                Sem::RelUnit {
                    unit: Unit::Week,
                    offset,
                },
            ));
        }
        // "last fiscal year", "this calendar year"
        if matches!(self.key(k), "fiscal" | "calendar") && self.is(k + 1, "year") {
            return Some((
                k + 2,
                Sem::RelUnit {
                    unit: Unit::Year,
                    offset,
                },
            ));
        }
        // a count: "the past two years", "the next few months", "the last 10 days"
        if (the || w != "this")
            && let Some(c) = self.count(k).filter(|c| !c.article)
            && let Some((unit, end, _)) = self.unit_after(c.end, c.n.or(Some(2.0)))
        {
            return Some((end, Sem::Duration { unit, n: c.n }));
        }
        // "the coming weeks", "the past few years" (plural unit without a count)
        if let Some((unit, plural)) = self.word(k).and_then(lexicon::unit) {
            if plural {
                if the || w == "coming" || w == "past" {
                    return Some((k + 1, Sem::Duration { unit, n: None }));
                }
                return None;
            }
            if w == "current" && !the && unit != Unit::Quarter {
                return None;
            }
            if unit == Unit::Weekend {
                let dir = match offset {
                    -1 => Dir::Last,
                    1 => Dir::Next,
                    _ => Dir::Auto,
                };
                return Some((
                    k + 1,
                    Sem::RelUnit {
                        unit,
                        offset: dir_offset(dir),
                    },
                ));
            }
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                // "the last hour", "the past minute": a duration.
                return the.then_some((k + 1, Sem::Duration { unit, n: Some(1.0) }));
            }
            if the && offset == -1 && matches!(unit, Unit::Decade | Unit::Century) {
                // "the past decade": the ten years to now
                return Some((k + 1, Sem::Duration { unit, n: Some(1.0) }));
            }
            return Some((k + 1, Sem::RelUnit { unit, offset }));
        }
        if the && w != "past" && w != "last" {
            return None;
        }
        let dir = match offset {
            -1 => Dir::Last,
            1 => Dir::Next,
            _ => Dir::Auto,
        };
        if the {
            return None;
        }
        // weekday, month, season ("past Wednesday", "this past Wednesday": the latest one)
        let dir = if w == "past" && self.weekday_at(k).is_some() {
            Dir::Past
        } else {
            dir
        };
        if let Some((end, d)) = self.weekday_at(k) {
            // "this Friday 5/12", "next Friday, May 12": the printed date says which day
            let at = if self.punct(end, ',') { end + 1 } else { end };
            let printed = self
                .numeric_month_day(at)
                .or_else(|| self.month_date(at))
                .or_else(|| self.day_month(at))
                .filter(|(_, s)| matches!(s, Sem::Date { day: Some(_), .. }));
            if let Some(r) = printed {
                return Some(r);
            }
            if let Some(code) = lexicon::part_of_day(self.key(end)) {
                return Some((
                    end + 1,
                    Sem::PartOfDay {
                        day: Box::new(Sem::Weekday { day: d, dir }),
                        code,
                    },
                ));
            }
            return Some((end, Sem::Weekday { day: d, dir }));
        }
        if let Some(m) = self
            .word(k)
            .and_then(lexicon::month)
            .filter(|_| self.capital(k))
        {
            let end = self.skip_dot(k + 1);
            let dir_year = if offset == 0 {
                YearSpec::Offset(0)
            } else {
                YearSpec::Auto(dir)
            };
            // "last March 3" is a date
            if let Some((e, day)) = self.day_number(end) {
                return Some((
                    e,
                    Sem::Date {
                        year: dir_year,
                        month: m,
                        day: Some(day),
                    },
                ));
            }
            return Some((
                end,
                Sem::Month {
                    month: m,
                    year: dir_year,
                },
            ));
        }
        if let Some(code) = self.word(k).and_then(lexicon::season) {
            return Some((
                k + 1,
                Sem::Season {
                    code,
                    year: if offset == 0 {
                        YearSpec::Offset(0)
                    } else {
                        YearSpec::Auto(dir)
                    },
                },
            ));
        }
        if w == "last" && self.is(k, "night") {
            return Some((k + 1, part(-1, "NI")));
        }
        None
    }

    // ---- shifts: "three weeks ago", "a year earlier" -------------------------------------

    /// "ago", "earlier", "later", "from now": (sign, anchored to the narrative).
    fn shift_word(&self, i: usize) -> Option<(i64, bool, usize)> {
        match self.key(i) {
            "ago" | "back" => Some((-1, false, i + 1)),
            "earlier" | "before" => Some((-1, true, i + 1)),
            "later" | "after" => Some((1, true, i + 1)),
            "from" if self.is(i + 1, "now") => Some((1, false, i + 2)),
            "hence" => Some((1, false, i + 1)),
            _ => None,
        }
        .filter(|(_, _, end)| {
            // "before"/"after" must end the phrase ("two days before", not "two days before
            // the vote", where "two days" is a duration and "before" a signal).
            let w = self.key(i);
            if w == "before" || w == "after" {
                let next = self.t.get(*end);
                next.is_none_or(|t| t.kind == Kind::Punct)
            } else {
                true
            }
        })
    }

    fn shift(&self, i: usize) -> Option<(usize, Sem)> {
        // "year-earlier", "year-ago", "the year-ago quarter"
        let j = self.skip_the(i);
        if let Some((unit, false)) = self.word(j).and_then(lexicon::unit)
            && self.punct(j + 1, '-')
            && self.glued(j + 1)
            && self.glued(j + 2)
            && matches!(self.key(j + 2), "ago" | "earlier")
        {
            let period = matches!(self.key(j + 3), "quarter" | "period");
            if j > i && !period {
                return None;
            }
            return Some((
                j + 3 + usize::from(period),
                Sem::Shift {
                    unit,
                    n: Some(1.0),
                    sign: -1,
                    anchored: self.is(j + 2, "earlier"),
                },
            ));
        }
        let c = self.count(i)?;
        let k = if matches!(self.key(c.end), "more" | "full") {
            c.end + 1
        } else {
            c.end
        };
        if let Some(found) = self.glued_unit_or_nights(j, &c, k) {
            return Some(found);
        }
        let (unit, end, _) = self.unit_after(k, c.n.or(Some(2.0)))?;
        let end = if self.is(end, "or") && self.is(end + 1, "so") {
            end + 2
        } else {
            end
        };
        // "two days after today", "three weeks from tomorrow", "two days before yesterday"
        if let Some(n) = c.n
            && matches!(self.key(end), "after" | "from" | "before")
            && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            let base = match self.key(end + 1) {
                "today" => Some(0),
                "tomorrow" | "tmrw" => Some(1),
                "yesterday" => Some(-1),
                _ => None,
            };
            if let Some(b) = base {
                let sign = if self.is(end, "before") { -1 } else { 1 };
                return Some((
                    end + 2,
                    Sem::FromDay {
                        base: b,
                        unit,
                        n: n * sign as f64,
                    },
                ));
            }
        }
        let (sign, anchored, end) = self.shift_word(end)?;
        if anchored && c.n.is_none() {
            // "a few days later" is the duration "a few days" in TimeML
            return None;
        }
        Some((
            end,
            Sem::Shift {
                unit,
                n: c.n,
                sign,
                anchored,
            },
        ))
    }

    // ---- explicit dates ------------------------------------------------------------------

    /// A day of month at `i`: "3", "3rd", "third": (end, day).
    fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let t = self.t.get(i)?;
        // "12:30 December": minutes; "$12 December": money
        if t.kind == Kind::Number
            && i > 0
            && (self.punct(i - 1, ':') && t.glued()
                || self.punct(i - 1, '$')
                || self.punct(i - 1, '£')
                || self.punct(i - 1, '€'))
        {
            return None;
        }
        let (mut end, d) = match t.kind {
            Kind::Number if t.digits <= 2 && (1..=31).contains(&t.num) => (i + 1, t.num as u8),
            Kind::Word if matches!(t.key(), "twenty" | "thirty") => {
                // "twenty third", "twenty-ninth", "twenty nine"
                let tens = if t.key() == "twenty" { 20 } else { 30 };
                let k = if self.punct(i + 1, '-') && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                let unit = self
                    .word(k)
                    .and_then(|w| lexicon::ordinal(w).or_else(|| lexicon::cardinal(w)))
                    .filter(|u| *u < 10);
                match unit {
                    Some(u) if tens + u <= 31 => (k + 1, (tens + u) as u8),
                    _ if t.key() == "twenty" => return None,
                    _ => return None,
                }
            }
            Kind::Word => (i + 1, lexicon::ordinal(t.key()).filter(|d| *d <= 31)? as u8),
            _ => return None,
        };
        if t.kind == Kind::Number
            && self.glued(end)
            && self.word(end).is_some_and(lexicon::is_ordinal_suffix)
        {
            end += 1;
        }
        // "3," followed by digits is "3,000", not a day
        if t.kind == Kind::Number
            && self.punct(end, ',')
            && self.glued(end)
            && self.number(end + 1).is_some_and(|n| n.glued())
        {
            return None;
        }
        if t.kind == Kind::Number
            && (self.punct(end, '%')
                || (self.punct(end, ':') && self.number(end + 1).is_some_and(|n| n.glued())))
        {
            return None;
        }
        Some((end, d))
    }

    /// A four-digit year at `i` that reads as a year.
    fn year_at(&self, i: usize, context: bool) -> Option<(usize, i32)> {
        let t = self.number(i)?;
        if t.digits != 4 || !(1000..=2199).contains(&t.num) {
            return None;
        }
        let y = t.num as i32;
        let end = i + 1;
        if i > 0 {
            let p = &self.t[i - 1];
            if p.kind == Kind::Punct && t.glued() {
                // $2000, #1999, 3,2000, 1.2000
                if p.is_punct('$')
                    || p.is_punct('£')
                    || p.is_punct('€')
                    || p.is_punct('#')
                    || p.is_punct(',')
                    || p.is_punct('.')
                {
                    return None;
                }
            }
        }
        if self.in_number_chain(i) {
            return None;
        }
        if let Some(n) = self.t.get(end)
            && n.glued()
        {
            match n.kind {
                Kind::Word | Kind::Number => return None,
                Kind::Punct
                    if n.is_punct('%')
                        || n.is_punct(',') && self.number(end + 1).is_some_and(|d| d.glued()) =>
                {
                    return None;
                }
                _ => {}
            }
        }
        if !context {
            let before = if i > 0 { self.key(i - 1) } else { "" };
            let after = self.word(end).unwrap_or("");
            let plausible = (1900..=2099).contains(&y)
                || matches!(
                    before,
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "from"
                        | "to"
                        | "before"
                        | "after"
                        | "during"
                        | "circa"
                        | "year"
                        | "early"
                        | "late"
                        | "mid"
                        | "and"
                        | "-"
                        | "fiscal"
                )
                || matches!(after, "ad" | "bc" | "bce" | "ce");
            if !plausible {
                return None;
            }
            // "2000 people", "1500 troops": a count, not a year. A count noun follows in
            // lower case and no year-taking word precedes.
            if let Some(n) = self.t.get(end)
                && n.kind == Kind::Word
                && !n.capital
                && !matches!(
                    before,
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "from"
                        | "the"
                        | "during"
                        | "before"
                        | "after"
                        | "fiscal"
                        | "year"
                        | "s"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                        | "that"
                        | "this"
                )
                && !matches!(
                    after,
                    "and"
                        | "or"
                        | "to"
                        | "when"
                        | "as"
                        | "that"
                        | "after"
                        | "before"
                        | "but"
                        | "while"
                        | "because"
                        | "with"
                        | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "ad"
                        | "bc"
                        | "through"
                        | "until"
                )
            {
                return None;
            }
        }
        Some((end, y))
    }

    /// Whether the four-digit number at `i` is one link of a chain of numbers joined by
    /// hyphens or slashes that is not a range of years: a phone number or a code ("555-1212",
    /// "138-2010-2015", "32-2015", "2015-32"). "1998-2000" and "2010-11" are ranges.
    fn in_number_chain(&self, i: usize) -> bool {
        let joint = |k: usize| self.punct(k, '-') || self.punct(k, '/');
        let yy = self.t[i].num % 100;
        if i >= 2 && joint(i - 1) {
            // "Sep-23-2020" is a date
            let month_before =
                i >= 4 && joint(i - 3) && self.word(i - 4).and_then(lexicon::month).is_some();
            if let Some(p) = self.number(i - 2)
                && !month_before
                && (p.digits != 4 || i >= 4 && joint(i - 3) && self.number(i - 4).is_some())
            {
                return true;
            }
        }
        if joint(i + 1)
            && let Some(n) = self.number(i + 2)
        {
            if joint(i + 3) && self.number(i + 4).is_some() {
                return true;
            }
            return match n.digits {
                4 => false,
                2 => !(1..=10).contains(&((n.num + 100 - yy) % 100)),
                _ => true,
            };
        }
        false
    }

    fn explicit_date(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some(r) = self.numeric_month(i).or_else(|| self.numbered_week(i)) {
            return Some(r);
        }
        // ISO 2022-03-22
        if let Some(y) = self.number(i).filter(|t| t.digits == 4)
            && self.punct(i + 1, '-')
            && let (Some(m), Some(d)) = (self.number(i + 2), self.number(i + 4))
            && self.punct(i + 3, '-')
            && m.digits == 2
            && d.digits == 2
            && (1..=12).contains(&m.num)
            && (1..=31).contains(&d.num)
            && self.t[i + 1..i + 5].iter().all(Tok::glued)
        {
            return Some((
                i + 5,
                Sem::Date {
                    year: YearSpec::Explicit(y.num as i32),
                    month: m.num as u8,
                    day: Some(d.num as u8),
                },
            ));
        }
        if let Some(r) = self.named_month_triple(i) {
            return Some(r);
        }
        // European 23.04.2022
        if let (Some(d), Some(m), Some(y)) =
            (self.number(i), self.number(i + 2), self.number(i + 4))
            && self.punct(i + 1, '.')
            && self.punct(i + 3, '.')
            && self.t[i + 1..i + 5].iter().all(Tok::glued)
            && d.digits <= 2
            && m.digits <= 2
            && y.digits == 4
            && (1..=31).contains(&d.num)
            && (1..=12).contains(&m.num)
            && (1900..2100).contains(&y.num)
            && !(self.punct(i + 5, '.') && self.number(i + 6).is_some_and(|n| n.glued()))
        {
            return Some((
                i + 5,
                Sem::Date {
                    year: YearSpec::Explicit(y.num as i32),
                    month: m.num as u8,
                    day: Some(d.num as u8),
                },
            ));
        }
        // US numeric 3/22/2013, 3/22/13
        if let (Some(m), Some(d), Some(y)) =
            (self.number(i), self.number(i + 2), self.number(i + 4))
            && self.punct(i + 1, '/')
            && self.punct(i + 3, '/')
            && self.t[i + 1..i + 5].iter().all(Tok::glued)
            && (1..=12).contains(&m.num)
            && (1..=31).contains(&d.num)
            && (y.digits == 4 || y.digits == 2)
        {
            let year = if y.digits == 2 {
                if y.num < 50 {
                    2000 + y.num
                } else {
                    1900 + y.num
                }
            } else {
                y.num
            } as i32;
            return Some((
                i + 5,
                Sem::Date {
                    year: YearSpec::Explicit(year),
                    month: m.num as u8,
                    day: Some(d.num as u8),
                },
            ));
        }
        // Weekday [,] date | weekday [part of day] | weekday
        if let Some((end, d)) = self.weekday_at(i) {
            let k = if self.punct(end, ',') { end + 1 } else { end };
            if let Some((e, sem @ Sem::Date { .. })) = self.month_date(k) {
                return Some((e, sem));
            }
            if let Some((e, sem @ Sem::Date { .. })) = self.day_month(k) {
                return Some((e, sem));
            }
            if let Some(r) = self.numeric_month_day(k) {
                return Some(r);
            }
            // "Monday the 27th", "tuesday the eleventh"
            if self.is(end, "the")
                && let Some((e, mday)) = self.day_number(end + 1)
                && (self.number(end + 1).is_none()
                    || self.word(end + 2).is_some_and(lexicon::is_ordinal_suffix))
                && !self.is(e, "of")
                && self.word(e).and_then(lexicon::unit).is_none()
            {
                return Some((
                    e,
                    Sem::MonthDay {
                        day: mday,
                        weekday: Some(d),
                    },
                ));
            }
            let weekday = Sem::Weekday {
                day: d,
                dir: Dir::Auto,
            };
            // "Wednesday (evening) next week", "monday of the following week"
            let part = self
                .word(end)
                .and_then(lexicon::part_of_day)
                .filter(|_| !self.key(end).ends_with('s'));
            let mut w = if part.is_some() { end + 1 } else { end };
            if self.is(w, "of") {
                w += 1;
            }
            if self.is(w, "the") {
                w += 1;
            }
            let week_offset = match self.key(w) {
                "next" | "following" => Some(1),
                "last" | "previous" => Some(-1),
                "this" => Some(0),
                _ => None,
            };
            if let Some(o) = week_offset.filter(|_| self.is(w + 1, "week")) {
                let sem = Sem::WeekDay {
                    week_offset: o,
                    day: d,
                };
                return Some((
                    w + 2,
                    match part {
                        Some(code) => Sem::PartOfDay {
                            day: Box::new(sem),
                            code,
                        },
                        None => sem,
                    },
                ));
            }
            if let Some(code) = self.word(end).and_then(lexicon::part_of_day) {
                if self.key(end).ends_with('s') {
                    return Some((end + 1, Sem::Set(SetValue::Weekday(d, Some(code)))));
                }
                return Some((
                    end + 1,
                    Sem::PartOfDay {
                        day: Box::new(weekday),
                        code,
                    },
                ));
            }
            return Some((end, weekday));
        }
        if let Some(d) = self
            .word(i)
            .and_then(lexicon::weekday_plural)
            .filter(|_| self.capital(i))
        {
            return Some((i + 1, Sem::Set(SetValue::Weekday(d, None))));
        }
        if let Some(r) = self.month_date(i) {
            return Some(r);
        }
        if let Some(r) = self.day_month(i) {
            return Some(r);
        }
        if let Some(r) = self.month_day(i) {
            return Some(r);
        }
        if let Some(r) = self.day_of_month(i) {
            return Some(r);
        }
        if let Some(r) = self.decade(i) {
            return Some(r);
        }
        if let Some(r) = self.century(i) {
            return Some(r);
        }
        // "fiscal 1989", "fiscal year 1990", "the year 2000", "FY2013"
        if matches!(self.key(i), "fiscal" | "fy") {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            if let Some((end, y)) = self.year_at(k, true).or_else(|| {
                // FY2013 is glued
                self.number(k)
                    .filter(|t| t.digits == 4)
                    .map(|t| (k + 1, t.num as i32))
            }) {
                return Some((end, Sem::Year(y)));
            }
        }
        if self.is(i, "the")
            && self.is(i + 1, "year")
            && let Some((end, y)) = self
                .year_at(i + 2, true)
                .or_else(|| self.spelled_year(i + 2))
        {
            return Some((end, Sem::Year(y)));
        }
        if let Some((end, y)) = self.spelled_year(i) {
            return Some((end, Sem::Year(y)));
        }
        self.year_at(i, false).map(|(end, y)| (end, Sem::Year(y)))
    }

    /// A US month/day without a year after a weekday ("Friday 5/12"), with a year when
    /// printed ("Fri 3/22/2013"): the weekday says the numbers are a date.
    fn numeric_month_day(&self, i: usize) -> Option<(usize, Sem)> {
        let (m, d) = (self.number(i)?, self.number(i + 2)?);
        if !(self.punct(i + 1, '/') && self.glued(i + 1) && d.glued())
            || m.digits > 2
            || d.digits > 2
            || !(1..=12).contains(&m.num)
            || !(1..=31).contains(&d.num)
        {
            return None;
        }
        let (end, year) = if self.punct(i + 3, '/') && self.glued(i + 3) {
            let y = self.number(i + 4).filter(|y| y.glued())?;
            let year = match y.digits {
                4 => y.num as i32,
                2 if y.num < 50 => 2000 + y.num as i32,
                2 => 1900 + y.num as i32,
                _ => return None,
            };
            (i + 5, YearSpec::Explicit(year))
        } else {
            (i + 3, YearSpec::Auto(Dir::Auto))
        };
        Some((
            end,
            Sem::Date {
                year,
                month: m.num as u8,
                day: Some(d.num as u8),
            },
        ))
    }

    /// A year, a month name and a day in any order, joined by one kind of separator
    /// ("2020/Sep/23", "September-2020-23", "23-2020-September"): the month's name and
    /// the four-digit year leave the day as the only reading of the third part.
    fn named_month_triple(&self, i: usize) -> Option<(usize, Sem)> {
        let same_sep = ['/', '-']
            .into_iter()
            .any(|c| self.punct(i + 1, c) && self.punct(i + 3, c));
        if !same_sep
            || !self.t.get(i + 1..i + 5)?.iter().all(Tok::glued)
            || self
                .t
                .get(i + 5)
                .is_some_and(|t| t.glued() && !t.is_punct('.') && !t.is_punct(','))
        {
            return None;
        }
        let (mut year, mut month, mut day) = (None, None, None);
        for k in [i, i + 2, i + 4] {
            let t = &self.t[k];
            match t.kind {
                Kind::Number if t.digits == 4 && (1000..=2199).contains(&t.num) => {
                    year = Some(t.num as i32);
                }
                Kind::Number if t.digits <= 2 && (1..=31).contains(&t.num) => {
                    day = Some(t.num as u8);
                }
                Kind::Word if t.key().len() >= 3 => month = lexicon::month(t.key()),
                _ => return None,
            }
        }
        Some((
            i + 5,
            Sem::Date {
                year: YearSpec::Explicit(year?),
                month: month?,
                day: Some(day?),
            },
        ))
    }

    /// Numbered weeks: "week 27", "the week 1", "week 27 of last year", "the first week of
    /// 2015", "last week of 2016".
    fn numbered_week(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        let year_after = |k: usize| -> Option<(usize, YearSpec)> {
            if !self.is(k, "of") {
                return None;
            }
            if let Some((e, y)) = self.year_at(k + 1, true) {
                return Some((e, YearSpec::Explicit(y)));
            }
            let o = match (self.key(k + 1), self.key(k + 2)) {
                ("last" | "previous", "year") => -1,
                ("this" | "the", "year") => 0,
                ("next", "year") => 1,
                _ => return None,
            };
            Some((k + 3, YearSpec::Offset(o)))
        };
        if self.is(j, "week")
            && let Some(n) = self
                .number(j + 1)
                .filter(|n| (1..=53).contains(&n.num) && n.digits <= 2)
        {
            let (end, year) = year_after(j + 2).unwrap_or((j + 2, YearSpec::Offset(0)));
            return Some((
                end,
                Sem::IsoWeek {
                    week: n.num as u8,
                    year,
                },
            ));
        }
        // "the first week of 2015", "last week of 2016", "3rd week of 2018"
        let (k, n) = if let Some(t) = self.number(j).filter(|t| (1..=5).contains(&t.num)) {
            if !self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix) {
                return None;
            }
            (j + 2, t.num as i64)
        } else {
            let n = match self.key(j) {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" => 4,
                "last" | "final" => -1,
                _ => return None,
            };
            (j + 1, n)
        };
        if !self.is(k, "week") {
            return None;
        }
        let (end, year) =
            year_after(k + 1).filter(|(_, y)| matches!(y, YearSpec::Explicit(_)) || k > j)?;
        if n < 0 {
            return Some((end, Sem::IsoWeek { week: 0, year }));
        }
        Some((
            end,
            Sem::IsoWeek {
                week: n as u8,
                year,
            },
        ))
    }

    /// Compact and numeric forms: "20170302", "2015-3", "12-2015", "2017 april", "22/04",
    /// "11/20" (unambiguous day and month only), "the year of 2008".
    fn numeric_month(&self, i: usize) -> Option<(usize, Sem)> {
        let date = |end, y: YearSpec, m: u8, d: Option<u8>| {
            Some((
                end,
                Sem::Date {
                    year: y,
                    month: m,
                    day: d,
                },
            ))
        };
        let month = |end, y: i32, m: u8| {
            Some((
                end,
                Sem::Month {
                    month: m,
                    year: YearSpec::Explicit(y),
                },
            ))
        };
        if self.is(i, "the")
            && self.is(i + 1, "year")
            && self.is(i + 2, "of")
            && let Some((e, y)) = self.year_at(i + 3, true)
        {
            return Some((e, Sem::Year(y)));
        }
        let t = self.number(i)?;
        let lone = |k: usize| {
            self.t.get(k).is_none_or(|n| {
                !(n.glued() && matches!(n.kind, Kind::Number | Kind::Word)
                    || n.glued() && (n.is_punct('/') || n.is_punct('-'))
                    // "30/4.85" is a ratio of decimals
                    || n.glued() && n.is_punct('.') && self.number(k + 1).is_some_and(|d| d.glued()))
            })
        };
        // 20170302, "report-20170302.html": glued to punctuation, not to a word or number
        let apart = |k: usize| {
            self.t
                .get(k)
                .is_none_or(|n| !n.glued() || n.kind == Kind::Punct)
        };
        let after_punct = i == 0 || !self.glued(i) || self.t[i - 1].kind == Kind::Punct;
        if t.digits == 8 && apart(i + 1) && after_punct {
            let (y, m, d) = (
                (t.num / 10_000) as i32,
                (t.num / 100 % 100) as u8,
                (t.num % 100) as u8,
            );
            if (1900..2100).contains(&y) && crate::calendar::Date::new(y, m, d).is_some() {
                return date(i + 1, YearSpec::Explicit(y), m, Some(d));
            }
        }
        let sep = (self.punct(i + 1, '-') || self.punct(i + 1, '/'))
            && self.glued(i + 1)
            && self.glued(i + 2);
        if sep
            && let Some(u) = self.number(i + 2)
            && lone(i + 3)
            && (i == 0 || !self.glued(i))
        {
            // 2015-3, 2015-12, 2016/11 (not "2011-12", a season)
            if t.digits == 4
                && (1900..2100).contains(&t.num)
                && u.digits <= 2
                && (1..=12).contains(&u.num)
                && !(u.digits == 2 && u.num == (t.num + 1) % 100 && self.punct(i + 1, '-'))
            {
                return month(i + 3, t.num as i32, u.num as u8);
            }
            // 12-2015, 11/2016
            if u.digits == 4
                && (1900..2100).contains(&u.num)
                && t.digits <= 2
                && (1..=12).contains(&t.num)
            {
                return month(i + 3, u.num as i32, t.num as u8);
            }
            // 22/04, 11/20: day and month, one of them above twelve
            if self.punct(i + 1, '/') && t.digits <= 2 && u.digits <= 2 {
                let (a, b) = (t.num as u8, u.num as u8);
                let (m, d) = if a > 12 && b <= 12 && a <= 31 {
                    (b, a)
                } else if b > 12 && a <= 12 && b <= 31 {
                    (a, b)
                } else {
                    return None;
                };
                return date(i + 3, YearSpec::Auto(Dir::Auto), m, Some(d));
            }
        }
        // "2016 / 11", "11 - 2016": a slash or hyphen with spaces (not "2010 - 11", a season)
        if (self.punct(i + 1, '/') || self.punct(i + 1, '-'))
            && let Some(u) = self.number(i + 2)
            && lone(i + 3)
            && (i == 0 || !self.glued(i))
        {
            let (y, m) = if t.digits == 4 { (t, u) } else { (u, t) };
            let season = t.digits == 4 && m.digits == 2 && m.num == (y.num + 1) % 100;
            if y.digits == 4
                && (1900..2100).contains(&y.num)
                && m.digits <= 2
                && (1..=12).contains(&m.num)
                && !season
            {
                return month(i + 3, y.num as i32, m.num as u8);
            }
        }
        // "2017 april"
        if t.digits == 4
            && (1900..2100).contains(&t.num)
            && let Some(m) = self.word(i + 1).and_then(lexicon::month)
            && !matches!(self.key(i + 1), "may" | "march")
        {
            return month(i + 2, t.num as i32, m);
        }
        None
    }

    /// "March 3", "March 3rd, 2024", "March 2024", "March of 2010", "March".
    fn month_date(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let m = lexicon::month(t.key())?;
        let abbreviated = lexicon::is_month_abbreviation(t.key());
        let mut end = i + 1;
        // "Dec-2018", "Oct/2", "Dec, 2018": a separator before the number
        let sep = |k: usize| {
            (self.punct(k, '-') || self.punct(k, '/')) && self.glued(k) && self.glued(k + 1)
                || self.punct(k, ',')
        };
        let number_follows = self.number(end).is_some()
            || (sep(end) && self.number(end + 1).is_some())
            || self.word(end).and_then(lexicon::ordinal).is_some()
            || self
                .word(end)
                .and_then(lexicon::cardinal)
                .is_some_and(|c| (20..=30).contains(&c));
        if abbreviated {
            if self.dot(end) {
                end += 1;
            } else if !number_follows
                && (!t.capital || matches!(t.key(), "mar" | "jun" | "jan" | "dec"))
            {
                // "Mar", "Jun" without a dot, and lower-case abbreviations, need a number
                return None;
            }
        }
        // "june of 1992", "April of 87"
        let of_year = self.is(end, "of")
            && self
                .number(end + 1)
                .is_some_and(|n| n.digits == 2 || n.digits == 4);
        if !t.capital && !abbreviated && !number_follows && !of_year {
            // a lower-case month alone needs a preposition of time before it ("may" and
            // "march" are also a modal and a verb)
            let before = if i > 0 { self.key(i - 1) } else { "" };
            let ok = match t.key() {
                "may" | "march" => matches!(
                    before,
                    "in" | "since" | "until" | "during" | "early" | "late" | "mid"
                ),
                _ => matches!(
                    before,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "during"
                        | "last"
                        | "next"
                        | "this"
                        | "the"
                ),
            };
            if !ok {
                return None;
            }
        }
        if of_year && let Some(n) = self.number(end + 1).filter(|n| n.digits == 2) {
            let y = if n.num < 50 {
                2000 + n.num
            } else {
                1900 + n.num
            } as i32;
            return Some((
                end + 2,
                Sem::Month {
                    month: m,
                    year: YearSpec::Explicit(y),
                },
            ));
        }
        if (self.punct(end, '-') || self.punct(end, '/'))
            && self.glued(end)
            && self.number(end + 1).is_some_and(|n| n.glued())
        {
            end += 1;
        }
        // "October, 1st": a comma before a day with its ordinal suffix
        if self.punct(end, ',')
            && self.number(end + 1).is_some_and(|n| n.digits <= 2)
            && self.glued(end + 2)
            && self.word(end + 2).is_some_and(lexicon::is_ordinal_suffix)
        {
            end += 1;
        }
        // "March 3", "March 3rd"
        if let Some((e, d)) = self.day_number(end).filter(|_| {
            self.number(end).is_some()
                || self.word(end).and_then(lexicon::ordinal).is_some()
                || matches!(self.key(end), "twenty" | "thirty")
        }) {
            // "March 3" but not "March 2000" (a year)
            if self.number(end).is_none_or(|n| n.digits <= 2) {
                let mut e2 = e;
                // "Sep-23-2020"
                let k = if (self.punct(e2, '-') || self.punct(e2, '/')) && self.glued(e2) {
                    e2 + 1
                } else {
                    e2
                };
                let mut year = YearSpec::Auto(Dir::Auto);
                if let Some((ye, y)) = self.year_tail(k) {
                    year = YearSpec::Explicit(y);
                    e2 = ye;
                }
                return Some((
                    e2,
                    Sem::Date {
                        year,
                        month: m,
                        day: Some(d),
                    },
                ));
            }
        }
        // "March 2024", "March, 2024", "March of 2010"
        let k = if self.punct(end, ',') || self.is(end, "of") {
            end + 1
        } else {
            end
        };
        // "January this year", "June last year"
        if self.is(end + 1, "year") {
            let offset = match self.key(end) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(o) = offset {
                return Some((
                    end + 2,
                    Sem::Month {
                        month: m,
                        year: YearSpec::Offset(o),
                    },
                ));
            }
        }
        if let Some((ye, y)) = self
            .year_at(k, true)
            .or_else(|| self.spelled_year_in(k, true))
        {
            return Some((
                ye,
                Sem::Month {
                    month: m,
                    year: YearSpec::Explicit(y),
                },
            ));
        }
        // the month alone: "May" and "March" are also a verb and a modal
        if matches!(t.key(), "may" | "march") || abbreviated {
            let before = if i > 0 { self.key(i - 1) } else { "" };
            if !matches!(
                before,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "during"
                    | "before"
                    | "after"
                    | "from"
                    | "through"
                    | "last"
                    | "next"
                    | "this"
                    | "to"
                    | "between"
                    | "and"
                    | "or"
                    | "end"
                    | "beginning"
            ) {
                return None;
            }
            if before == "-" && !(i >= 2 && self.is(i - 2, "mid")) {
                return None;
            }
        }
        // "August 7-8": leave "7-8" to the numbers; "March Madness"-like names are rare.
        Some((
            end,
            Sem::Month {
                month: m,
                year: YearSpec::Auto(Dir::Auto),
            },
        ))
    }

    /// A day of the month alone after a preposition of time: "on the 18th", "by the 4th",
    /// "on 29th".
    fn month_day(&self, i: usize) -> Option<(usize, Sem)> {
        let before = if i > 0 { self.key(i - 1) } else { "" };
        if !matches!(
            before,
            "on" | "by" | "until" | "till" | "since" | "before" | "after"
        ) {
            return None;
        }
        let j = self.skip_the(i);
        let (e, day) = self.day_number(j)?;
        let ordinal = if self.number(j).is_some() {
            self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix)
        } else {
            self.word(j).and_then(lexicon::ordinal).is_some()
        };
        if !ordinal || self.is(e, "of") || !self.ends_phrase(e) || self.capital(e) {
            return None;
        }
        Some((e, Sem::MonthDay { day, weekday: None }))
    }

    /// "the 15th day of June", "the thirty-first day of the month", "the 15th day of next
    /// month".
    fn day_of_month(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        let (e, day) = self.day_number(j)?;
        let ordinal = if self.number(j).is_some() {
            self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix)
        } else {
            true
        };
        if !ordinal || !self.is(e, "day") || !self.is(e + 1, "of") {
            return None;
        }
        let k = e + 2;
        let offset = match (self.key(k), self.key(k + 1)) {
            ("the" | "this", "month") => Some(0),
            ("next", "month") => Some(1),
            ("last", "month") => Some(-1),
            _ => None,
        };
        if let Some(offset) = offset {
            return Some((k + 2, Sem::DayOfMonth { day, offset }));
        }
        match self.month_date(k)? {
            (end, Sem::Month { month, year }) => Some((
                end,
                Sem::Date {
                    year,
                    month,
                    day: Some(day),
                },
            )),
            _ => None,
        }
    }

    /// "22 March 2022", "3rd of March", "the 3rd of March".
    fn day_month(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        // "fifteen August 1993": a cardinal in words, which needs the year after the month
        let (mut k, d) = match self.day_number(j) {
            Some(found) => found,
            None => {
                let n = self.word(j).and_then(lexicon::cardinal)?;
                if j > i || !(1..=31).contains(&n) {
                    return None;
                }
                (j + 1, n as u8)
            }
        };
        let spelled =
            self.number(j).is_none() && self.word(k - 1).and_then(lexicon::cardinal).is_some();
        if j > i && self.number(j).is_none() && self.word(j).and_then(lexicon::ordinal).is_none() {
            return None;
        }
        if self.is(k, "of") {
            k += 1;
        }
        // "05-Aug-2016", "23/Sep/2020"
        if (self.punct(k, '-') || self.punct(k, '/'))
            && self.glued(k)
            && self.glued(k + 1)
            && self.number(j).is_some()
        {
            k += 1;
        }
        let t = self.t.get(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let m = lexicon::month(t.key())?;
        let mut end = self.skip_dot(k + 1);
        let mut year = YearSpec::Auto(Dir::Auto);
        let y = if (self.punct(end, '-') || self.punct(end, '/')) && self.glued(end) {
            end + 1
        } else {
            end
        };
        if let Some((ye, yy)) = self.year_tail(y) {
            year = YearSpec::Explicit(yy);
            end = ye;
        }
        // "2 May" needs the digit before; "first March" is not a date; "twenty five
        // January" is one only with its year.
        let dated = matches!(year, YearSpec::Explicit(_)) && spelled;
        if self.number(j).is_none() && !(j > i || self.is(k - 1, "of") || dated) {
            return None;
        }
        Some((
            end,
            Sem::Date {
                year,
                month: m,
                day: Some(d),
            },
        ))
    }

    /// "1990s", "the 1990s", "the '90s", "the nineties".
    fn decade(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        // 1990s / 1990's
        if let Some(t) = self
            .number(j)
            .filter(|t| t.digits == 4 && t.num % 10 == 0 && (1000..=2190).contains(&t.num))
        {
            let after = if self.punct(j + 1, '\'') && self.glued(j + 1) {
                j + 2
            } else {
                j + 1
            };
            if self.is(after, "s") && self.glued(after) {
                return Some((after + 1, Sem::Decade(t.num as i32 / 10)));
            }
        }
        // '90s, 90s (only with "the")
        let k = if self.punct(j, '\'') { j + 1 } else { j };
        if let Some(t) = self.number(k).filter(|t| t.digits == 2 && t.num % 10 == 0)
            && self.is(k + 1, "s")
            && self.glued(k + 1)
            && (k > j || j > i)
        {
            let century = if t.num <= 20 { 200 } else { 190 };
            return Some((k + 2, Sem::Decade(century + t.num as i32 / 10)));
        }
        if j > i {
            let d = match self.key(j) {
                "twenties" => 192,
                "thirties" => 193,
                "forties" => 194,
                "fifties" => 195,
                "sixties" => 196,
                "seventies" => 197,
                "eighties" => 198,
                "nineties" => 199,
                _ => return None,
            };
            return Some((j + 1, Sem::Decade(d)));
        }
        None
    }

    /// "the 20th century", "the twenty-first century".
    fn century(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        let (k, n) = if let Some(t) = self.number(j).filter(|t| t.digits <= 2) {
            let k = if self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix) {
                j + 2
            } else {
                j + 1
            };
            (k, t.num as i32)
        } else if self.is(j, "twenty") && self.punct(j + 1, '-') && self.is(j + 2, "first") {
            (j + 3, 21)
        } else {
            (j + 1, lexicon::ordinal(self.key(j))? as i32)
        };
        if !self.is(k, "century") || n == 0 {
            return None;
        }
        Some((k + 1, Sem::Century(n - 1)))
    }

    // ---- quarters and halves -------------------------------------------------------------

    fn quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        // Q3, Q3 2013
        if self.is(j, "q")
            && let Some(n) = self
                .number(j + 1)
                .filter(|n| n.glued() && (1..=4).contains(&n.num))
        {
            let (end, year) = self.of_year(j + 2);
            return Some((
                end,
                Sem::Quarter {
                    quarter: n.num as u8,
                    year,
                },
            ));
        }
        let (k, n) = if let Some(t) = self.number(j).filter(|t| (1..=4).contains(&t.num)) {
            if !self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix) {
                return None;
            }
            (j + 2, t.num as u8)
        } else {
            let n = match self.key(j) {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" | "final" => 4,
                _ => return None,
            };
            (j + 1, n)
        };
        let k = if self.punct(k, '-') && self.glued(k) {
            k + 1
        } else {
            k
        };
        let unit = self.key(k);
        let (end, year) = self.of_year(k + 1);
        match unit {
            "quarter" => Some((end, Sem::Quarter { quarter: n, year })),
            "half" if n <= 2 => Some((end, Sem::Half { half: n, year })),
            _ => None,
        }
    }

    /// "of 2013", "of the year", "of this year", "2013" after a quarter or half.
    fn of_year(&self, i: usize) -> (usize, YearSpec) {
        let k = if self.is(i, "of") { i + 1 } else { i };
        if let Some((e, y)) = self.year_at(k, true) {
            return (e, YearSpec::Explicit(y));
        }
        if k > i {
            match (self.key(k), self.key(k + 1)) {
                ("the" | "this", "year") => return (k + 2, YearSpec::Offset(0)),
                ("last", "year") => return (k + 2, YearSpec::Offset(-1)),
                ("next", "year") => return (k + 2, YearSpec::Offset(1)),
                _ => {}
            }
        }
        (i, YearSpec::Auto(Dir::Auto))
    }

    // ---- seasons -------------------------------------------------------------------------

    fn season(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let code = self.word(j).and_then(lexicon::season)?;
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some((end, y)) = self.year_at(k, true) {
            return Some((
                end,
                Sem::Season {
                    code,
                    year: YearSpec::Explicit(y),
                },
            ));
        }
        // A bare season needs a preposition of time before it ("in the summer", "this
        // fall" is handled by `relative`); "the fall of the city" is not a date.
        let before = if i > 0 { self.key(i - 1) } else { "" };
        let preposition = matches!(
            before,
            "in" | "during"
                | "since"
                | "until"
                | "by"
                | "over"
                | "through"
                | "throughout"
                | "into"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "for"
        );
        if !(preposition || the && code != "FA") {
            return None;
        }
        if self.is(j + 1, "of") {
            return None;
        }
        Some((
            j + 1,
            Sem::Season {
                code,
                year: YearSpec::Auto(Dir::Auto),
            },
        ))
    }

    // ---- durations -----------------------------------------------------------------------

    fn duration(&self, i: usize) -> Option<(usize, Sem)> {
        // "a fortnight", "two fortnights": two weeks each
        if let Some(c) = self.count(i)
            && let Some(n) = c.n
            && matches!(self.key(c.end), "fortnight" | "fortnights")
        {
            return Some((
                c.end + 1,
                Sem::Duration {
                    unit: Unit::Week,
                    n: Some(2.0 * n),
                },
            ));
        }
        let (end, sem) = self.simple_duration(i)?;
        // "1 year 1 month 21 days", "one hour and 30 minutes": one duration
        let Sem::Duration { unit, n: Some(n) } = sem else {
            return Some((end, sem));
        };
        let mut parts = vec![(unit, n)];
        let mut end = end;
        loop {
            let k = if self.is(end, "and") { end + 1 } else { end };
            // not "fifteen minutes a day": an article starts a rate
            let Some(c) = self
                .count(k)
                .filter(|c| c.n.is_some() && !c.article && !self.punct(k, '-'))
            else {
                break;
            };
            let Some((u, e, _)) = self.unit_after(c.end, c.n) else {
                break;
            };
            if parts.iter().any(|(p, _)| *p == u) || matches!(u, Unit::Weekend) {
                break;
            }
            parts.push((u, c.n.unwrap_or(1.0)));
            end = e;
        }
        if parts.len() == 1 {
            return Some((end, Sem::Duration { unit, n: Some(n) }));
        }
        Some((end, Sem::Compound(parts)))
    }

    /// A count read as a duration by its unit: "for 3h", "lasted 2W" (a number glued to a
    /// unit's letter, after a word that takes a duration), or "for two nights" (nights of a
    /// stay count days). `j` is the count's first token, `k` the token after it.
    fn glued_unit_or_nights(&self, j: usize, c: &Count, k: usize) -> Option<(usize, Sem)> {
        // "for 3h", "lasted 2W": a number glued to a unit's letter, after a word that takes
        // a duration
        if let Some(n) = c.n
            && self.number(j).is_some()
            && self.glued(c.end)
            && j > 0
            && matches!(
                self.key(j - 1),
                "for" | "lasted" | "lasting" | "last" | "lasts" | "over" | "within" | "took"
            )
            && self
                .t
                .get(c.end + 1)
                .is_none_or(|t| t.kind == Kind::Punct || !t.glued())
        {
            let unit = match self.key(c.end) {
                "h" | "hr" | "hrs" => Some(Unit::Hour),
                "d" => Some(Unit::Day),
                "w" | "wk" | "wks" => Some(Unit::Week),
                "y" | "yr" | "yrs" => Some(Unit::Year),
                _ => None,
            };
            if let Some(unit) = unit {
                return Some((c.end + 1, Sem::Duration { unit, n: Some(n) }));
            }
        }
        // "for two nights", "a 3-night stay" counts days of a stay
        if let Some(n) = c.n.filter(|n| *n >= 1.0 && !c.article)
            && matches!(self.key(k), "night" | "nights")
            && (n > 1.0) == self.is(k, "nights")
            && !matches!(
                self.key(k + 1),
                "ago" | "later" | "earlier" | "before" | "after"
            )
        {
            return Some((
                k + 1,
                Sem::Duration {
                    unit: Unit::Day,
                    n: Some(n),
                },
            ));
        }
        None
    }

    fn simple_duration(&self, i: usize) -> Option<(usize, Sem)> {
        // clock-form durations "3:07:35"
        if let (Some(h), Some(m), Some(s)) =
            (self.number(i), self.number(i + 2), self.number(i + 4))
            && self.punct(i + 1, ':')
            && self.punct(i + 3, ':')
            && self.t[i + 1..i + 5].iter().all(Tok::glued)
            && m.digits == 2
            && s.digits == 2
            && m.num < 60
            && s.num < 60
        {
            return Some((
                i + 5,
                Sem::ClockDuration {
                    h: h.num as u32,
                    m: m.num as u32,
                    s: s.num as u32,
                },
            ));
        }
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        if the && self.is(j, "first") {
            j += 1;
        }
        // "a year and a half", "an hour and a half", "an hour and half", "a year and a
        // quarter"
        if matches!(self.key(j), "a" | "an" | "one")
            && let Some((unit, false)) = self.word(j + 1).and_then(lexicon::unit)
            && self.is(j + 2, "and")
        {
            let part = match (self.key(j + 3), self.key(j + 4)) {
                ("half", _) => Some((j + 4, 1.5)),
                ("a", "half") => Some((j + 5, 1.5)),
                ("a", "quarter") => Some((j + 5, 1.25)),
                _ => None,
            };
            if let Some((end, n)) = part {
                return Some((end, Sem::Duration { unit, n: Some(n) }));
            }
        }
        // "all day", "a full week", "the whole year", "all-month", "another week", "half year"
        let w = self.key(j);
        if matches!(w, "all" | "full" | "whole" | "entire" | "another" | "half") && !the {
            let k = if self.punct(j + 1, '-') && self.glued(j + 1) {
                j + 2
            } else {
                j + 1
            };
            if let Some((unit, false)) = self.word(k).and_then(lexicon::unit)
                && !matches!(unit, Unit::Weekend | Unit::Quarter)
                && !(w == "all" && unit == Unit::Second)
            {
                let n = if w == "half" { 0.5 } else { 1.0 };
                return Some((k + 1, Sem::Duration { unit, n: Some(n) }));
            }
        }
        let Some(c) = self.count(j) else {
            // "for weeks", "within days", "took months": an unspecified stretch
            let (unit, plural) = self.word(j).and_then(lexicon::unit)?;
            // "decades-long"
            if plural
                && !the
                && self.punct(j + 1, '-')
                && self.glued(j + 1)
                && self.is(j + 2, "long")
                && self.glued(j + 2)
            {
                return Some((j + 3, Sem::Duration { unit, n: None }));
            }
            let before = if j > 0 { self.key(j - 1) } else { "" };
            if the
                || !plural
                || !matches!(
                    before,
                    "for"
                        | "within"
                        | "in"
                        | "over"
                        | "after"
                        | "than"
                        | "take"
                        | "takes"
                        | "took"
                        | "taking"
                        | "lasted"
                        | "last"
                        | "lasting"
                        | "spent"
                        | "spend"
                )
            {
                return None;
            }
            if matches!(self.key(j + 1), "ago" | "earlier" | "later" | "of") {
                return None;
            }
            return Some((j + 1, Sem::Duration { unit, n: None }));
        };
        if the && c.article {
            return None;
        }
        // hyphenated adjective: "two-year", "90-day", "16-hour", "8-month-old", "hour-long"
        // ("the eight-month strike": the determiner belongs to the noun)
        if !the
            && self.punct(c.end, '-')
            && self.glued(c.end)
            && let Some((unit, _)) = self
                .word(c.end + 1)
                .and_then(lexicon::unit)
                .filter(|_| self.glued(c.end + 1))
            && !c.article
        {
            let mut end = c.end + 2;
            if self.punct(end, '-') && self.glued(end) {
                match self.key(end + 1) {
                    // "a 6-year-old": an age, which news does not date
                    "old" => return None,
                    "long" => end += 2,
                    _ => {}
                }
            }
            return Some((end, Sem::Duration { unit, n: c.n }));
        }
        let k = if matches!(
            self.key(c.end),
            "more"
                | "additional"
                | "full"
                | "straight"
                | "consecutive"
                | "long"
                | "whole"
                | "extra"
        ) {
            c.end + 1
        } else {
            c.end
        };
        if let Some(found) = self.glued_unit_or_nights(j, &c, k) {
            return Some(found);
        }
        let (unit, end, _) = self.unit_after(k, c.n.or(Some(2.0)))?;
        if c.n.is_none() && c.end == j + 1 && self.key(j) == "some" {
            return None;
        }
        // "three quarters of voters", "nearly three quarters in the highest": fractions, not
        // periods; a number of quarters needs a preposition of time or digits
        if unit == Unit::Quarter {
            let before = if j > 0 { self.key(j - 1) } else { "" };
            let timed = matches!(
                before,
                "for" | "over" | "in" | "within" | "after" | "past" | "last" | "next" | "first"
            );
            if self.is(end, "of") || !(timed || self.number(j).is_some()) {
                return None;
            }
        }
        // "a second bid", "a second, smaller pool": an ordinal, unless it is a time
        if unit == Unit::Second && c.article {
            let before = if j > 0 { self.key(j - 1) } else { "" };
            if !matches!(
                before,
                "for" | "in" | "within" | "after" | "than" | "just" | "only" | "split" | "half"
            ) {
                return None;
            }
        }
        // "$5 a month", "three times a week", "twice a year": a rate, a SET.
        if c.article {
            let before = if j > 0 { self.t.get(j - 1) } else { None };
            let rate = before.is_some_and(|b| {
                b.kind == Kind::Number
                    || matches!(
                        b.key(),
                        "times"
                            | "once"
                            | "twice"
                            | "percent"
                            | "%"
                            | "million"
                            | "billion"
                            | "thousand"
                            | "dollars"
                            | "cents"
                            | "shares"
                            | "each"
                            | "apiece"
                    )
            });
            if rate {
                return Some((end, Sem::Set(SetValue::Every(unit, 1))));
            }
        }
        // "52 years old", "years-old": an age
        if self.is(end, "old")
            || (self.punct(end, '-') && self.glued(end) && self.is(end + 1, "old"))
        {
            return None;
        }
        Some((end, Sem::Duration { unit, n: c.n }))
    }

    // ---- sets ----------------------------------------------------------------------------

    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.key(i);
        let every = |u| Some((i + 1, Sem::Set(SetValue::Every(u, 1))));
        // "on weekends", "works mornings", "in the evenings": a plural part of the week or
        // day as an adverb recurs
        let the = w == "the" && self.is(i.wrapping_sub(1), "in");
        let k = if the { i + 1 } else { i };
        let plural = self.key(k);
        if matches!(
            plural,
            "weekends" | "mornings" | "afternoons" | "evenings" | "nights"
        ) {
            let before = if i > 0 { self.key(i - 1) } else { "" };
            let counted = i > 0
                && (self.number(i - 1).is_some()
                    || lexicon::cardinal(before).is_some()
                    || lexicon::is_vague_quantity(before)
                    || matches!(before, "the" | "those" | "these" | "all" | "two"));
            if !(the || before == "on" || self.adverb_position(k + 1)) || counted {
                return None;
            }
            return match lexicon::part_of_day(plural) {
                Some(code) => Some((k + 1, Sem::Set(SetValue::PartOfDay(code)))),
                None => Some((k + 1, Sem::Set(SetValue::Every(Unit::Weekend, 1)))),
            };
        }
        // "the 19th of every month", "the first of each month": that day of every month
        if let Some((e, day)) = self.day_number(self.skip_the(i))
            && (self.t[self.skip_the(i)].kind == Kind::Word
                || self.word(e - 1).is_some_and(lexicon::is_ordinal_suffix))
            && self.is(e, "of")
            && matches!(self.key(e + 1), "every" | "each")
            && self.is(e + 2, "month")
        {
            return Some((e + 3, Sem::Set(SetValue::MonthDay(day))));
        }
        // "semi-annually", "bi-monthly": a prefix glued by a hyphen
        let (w, j) = match w {
            "semi" | "bi" if self.punct(i + 1, '-') && self.glued(i + 1) && self.glued(i + 2) => {
                (self.key(i + 2), i + 2)
            }
            _ => (w, i),
        };
        let prefixed = j > i;
        let every_n = |u, n| Some((j + 1, Sem::Set(SetValue::Every(u, n))));
        match w {
            "annually" if prefixed && self.key(i) == "semi" => return every_n(Unit::Month, 6),
            "monthly" if prefixed && self.key(i) == "bi" => return every_n(Unit::Month, 2),
            "weekly" if prefixed && self.key(i) == "bi" => return every_n(Unit::Week, 2),
            _ if prefixed => return None,
            "daily" | "nightly" => return every(Unit::Day),
            "weekly" => return every(Unit::Week),
            "monthly" => return every(Unit::Month),
            "bimonthly" => return every_n(Unit::Month, 2),
            "yearly" | "annually" => return every(Unit::Year),
            "semiannually" | "biannually" => return every_n(Unit::Month, 6),
            // adverbs whose adjectives are not times ("a quarterly report", "an everyday
            // routine"): only where an adverb stands, at the end of a clause or before a
            // preposition
            "quarterly" if self.adverb_position(i + 1) => return every_n(Unit::Month, 3),
            "everyday" if self.adverb_position(i + 1) => return every(Unit::Day),
            "hourly" => return every(Unit::Hour),
            "biweekly" | "fortnightly" => {
                return Some((i + 1, Sem::Set(SetValue::Every(Unit::Week, 2))));
            }
            "every" | "each" | "per" => {}
            _ => return None,
        }
        let mut k = i + 1;
        let mut n = 1u32;
        if w == "every" && self.is(k, "other") {
            n = 2;
            k += 1;
        } else if w == "every"
            && let Some(c) = self.count(k).filter(|c| !c.article)
            && let Some(v) = c.n
        {
            n = v as u32;
            k = c.end;
        }
        if let Some((unit, plural)) = self.word(k).and_then(lexicon::unit) {
            // "every two days", "every other day"
            let every_other = self.is(i + 1, "other") && !plural;
            if plural != (n > 1) && !every_other {
                return None;
            }
            return Some((k + 1, Sem::Set(SetValue::Every(unit, n))));
        }
        if w == "per" {
            return None;
        }
        if let Some((end, d)) = self.weekday_at(k) {
            let code = self.word(end).and_then(lexicon::part_of_day);
            let end = if code.is_some() { end + 1 } else { end };
            return Some((end, Sem::Set(SetValue::Weekday(d, code))));
        }
        if let Some(m) = self
            .word(k)
            .and_then(lexicon::month)
            .filter(|_| self.capital(k))
        {
            return Some((k + 1, Sem::Set(SetValue::Month(m))));
        }
        if let Some(code) = self.word(k).and_then(lexicon::part_of_day) {
            return Some((k + 1, Sem::Set(SetValue::PartOfDay(code))));
        }
        None
    }

    /// Whether token `i` ends an adverb's phrase: the end, punctuation, a conjunction or a
    /// preposition.
    fn adverb_position(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return true;
        };
        t.kind == Kind::Punct
            || matches!(
                t.key(),
                "and"
                    | "or"
                    | "but"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "from"
                    | "to"
                    | "since"
                    | "until"
                    | "with"
                    | "by"
                    | "during"
                    | "throughout"
                    | "after"
                    | "before"
            )
    }

    /// A mealtime as a part of the day: "lunchtime", "after dinner", "before lunch" (the
    /// meal alone is a time only after a preposition of time; "a state dinner" is not).
    fn meal(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.word(i)?;
        let (code, timed) = match w {
            "lunchtime" => ("MEL", true),
            "dinnertime" | "suppertime" => ("MED", true),
            "breakfast" => ("MEB", false),
            "lunch" => ("MEL", false),
            "dinner" | "supper" => ("MED", false),
            _ => return None,
        };
        let before = if i > 0 { self.key(i - 1) } else { "" };
        let (code, end) = if self.is(i + 1, "time") && !timed {
            (code, i + 2)
        } else {
            (code, i + 1)
        };
        let after_preposition = matches!(
            before,
            "after" | "before" | "at" | "around" | "during" | "over" | "until" | "till" | "by"
        );
        if !timed && end == i + 1 && !after_preposition {
            return None;
        }
        Some((
            end,
            Sem::PartOfDay {
                day: Box::new(Sem::Anchored {
                    unit: Unit::Day,
                    offset: 0,
                }),
                code,
            },
        ))
    }

    /// "the third month of 2021", "the 9th month of next year": a month by its number.
    fn ordinal_month(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        let (k, n) = match self.word(j) {
            Some(w) => (j + 1, lexicon::ordinal(w)?),
            None => {
                let d = self.number(j).filter(|d| d.digits <= 2)?;
                if !(self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix) && self.glued(j + 1))
                {
                    return None;
                }
                (j + 2, d.num as u32)
            }
        };
        if !(1..=12).contains(&n) || !self.is(k, "month") || !self.is(k + 1, "of") {
            return None;
        }
        let (end, year) = self.of_year(k + 1);
        if matches!(year, YearSpec::Auto(_)) {
            return None;
        }
        Some((
            end,
            Sem::Month {
                month: n as u8,
                year,
            },
        ))
    }

    /// "the first week of March", "last week of Dec 2016", "the 3rd week of this month".
    fn month_week(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.skip_the(i);
        let (k, n) = match self.word(j) {
            Some("last") => (j + 1, 0),
            Some(w) => (j + 1, lexicon::ordinal(w).filter(|n| *n <= 5)? as u8),
            None => {
                let d = self.number(j).filter(|d| (1..=5).contains(&d.num))?;
                if !(self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix) && self.glued(j + 1))
                {
                    return None;
                }
                (j + 2, d.num as u8)
            }
        };
        if !(self.is(k, "week") && self.is(k + 1, "of")) {
            return None;
        }
        let m = k + 2;
        let (end, month) = self
            .explicit_date(m)
            .filter(|(_, s)| matches!(s, Sem::Month { .. }))
            .or_else(|| {
                self.relative(m).filter(|(_, s)| {
                    matches!(
                        s,
                        Sem::RelUnit {
                            unit: Unit::Month,
                            ..
                        }
                    )
                })
            })
            .or_else(|| {
                // "week of jan", "week of march": after "week of", any month name is one
                let w = self.word(m)?;
                let month = lexicon::month(w)?;
                let end = if lexicon::is_month_abbreviation(w) {
                    self.skip_dot(m + 1)
                } else {
                    m + 1
                };
                let (end, year) = match self.year_at(end, true) {
                    Some((e, y)) => (e, YearSpec::Explicit(y)),
                    None => (end, YearSpec::Auto(Dir::Auto)),
                };
                Some((end, Sem::Month { month, year }))
            })?;
        Some((
            end,
            Sem::MonthWeek {
                n,
                month: Box::new(month),
            },
        ))
    }

    // ---- holidays ------------------------------------------------------------------------

    fn holiday(&self, i: usize) -> Option<(usize, Sem)> {
        // "the weekend of Halloween", "weekend of Thanksgiving 2023"
        let j = self.skip_the(i);
        if self.is(j, "weekend") && self.is(j + 1, "of") {
            let (end, Sem::Holiday { which, year }) = self.holiday(j + 2)? else {
                return None;
            };
            return Some((end, Sem::HolidayWeekend { which, year }));
        }
        let (end, which) = self.holiday_name(i)?;
        let (end, year) = match self.year_at(end, true) {
            Some((e, y)) => (e, YearSpec::Explicit(y)),
            // "Independence Day of this year"
            None if self.is(end, "of") => self.of_year(end),
            None => (end, YearSpec::Auto(Dir::Auto)),
        };
        // "Labor Day weekend", "Halloween weekend 2021"
        if self.is(end, "weekend") {
            let (end, year) = match (year, self.year_at(end + 1, true)) {
                (YearSpec::Auto(_), Some((e, y))) => (e, YearSpec::Explicit(y)),
                _ => (end + 1, year),
            };
            return Some((end, Sem::HolidayWeekend { which, year }));
        }
        Some((end, Sem::Holiday { which, year }))
    }

    /// A holiday's name at `i`: (end, holiday). Single words that are also common words
    /// need a capital; names of two words ("labor day", "black friday") do not.
    fn holiday_name(&self, i: usize) -> Option<(usize, Holiday)> {
        let w = self.key(i);
        let w1 = self.key(i + 1);
        if !self.capital(i) && matches!(w, "good" | "election" | "valentine" | "veterans") {
            return None;
        }
        let day_follows = |k: usize| {
            if self.is(k, "day") && self.capital(k) {
                k + 1
            } else {
                k
            }
        };
        // "New Year's Day", "new year day", "New Year's Eve"
        let new_year = |k: usize| -> Option<(usize, Holiday)> {
            let k = if self.punct(k, '\'') && self.is(k + 1, "s") {
                k + 2
            } else {
                k
            };
            match self.key(k) {
                "eve" => Some((k + 1, Holiday::NewYearsEve)),
                "day" => Some((k + 1, Holiday::NewYearsDay)),
                _ => None,
            }
        };
        // "St. Patrick's Day", "saint patrick"
        let patrick = |k: usize| -> Option<(usize, Holiday)> {
            let k = self.skip_dot(k);
            if !self.is(k, "patrick") {
                return None;
            }
            let mut end = k + 1;
            if self.punct(end, '\'') && self.is(end + 1, "s") {
                end += 2;
            }
            if self.is(end, "day") {
                end += 1;
            }
            Some((end, Holiday::StPatricksDay))
        };
        Some(match w {
            "christmas" => match w1 {
                "eve" => (i + 2, Holiday::ChristmasEve),
                "day" => (i + 2, Holiday::Christmas),
                _ => (i + 1, Holiday::Christmas),
            },
            "new" if self.is(i + 1, "year") => new_year(i + 2)?,
            "thanksgiving" => (day_follows(i + 1), Holiday::Thanksgiving),
            "easter" => match w1 {
                "sunday" => (i + 2, Holiday::Easter),
                "monday" => (i + 2, Holiday::EasterMonday),
                _ => (i + 1, Holiday::Easter),
            },
            "good" if w1 == "friday" && self.capital(i + 1) => (i + 2, Holiday::GoodFriday),
            "black" if w1 == "friday" => (i + 2, Holiday::BlackFriday),
            "halloween" => (i + 1, Holiday::Halloween),
            "juneteenth" => (i + 1, Holiday::Juneteenth),
            "boxing" if w1 == "day" => (i + 2, Holiday::BoxingDay),
            "earth" if w1 == "day" => (i + 2, Holiday::EarthDay),
            "saint" | "st" => patrick(i + 1)?,
            "independence" if w1 == "day" => (i + 2, Holiday::IndependenceDay),
            "labor" | "labour" if w1 == "day" => (i + 2, Holiday::LaborDay),
            "memorial" if w1 == "day" => (i + 2, Holiday::MemorialDay),
            "veterans" if self.capital(i + 1) && (w1 == "day") => (i + 2, Holiday::VeteransDay),
            "election" if w1 == "day" && self.capital(i + 1) => (i + 2, Holiday::ElectionDay),
            // "International Workers' Day", "Workers' Day", "May Day"
            "international" if self.is(i + 1, "workers") => {
                (self.workers_day(i + 1)?, Holiday::WorkersDay)
            }
            "workers" => (self.workers_day(i)?, Holiday::WorkersDay),
            "may" if w1 == "day" && self.capital(i) && self.capital(i + 1) => {
                (i + 2, Holiday::WorkersDay)
            }
            "valentine"
                if self.punct(i + 1, '\'') && self.is(i + 2, "s") && self.is(i + 3, "day") =>
            {
                (i + 4, Holiday::ValentinesDay)
            }
            _ => return None,
        })
    }

    /// "Workers' Day", "Workers Day" at `i`: its end.
    fn workers_day(&self, i: usize) -> Option<usize> {
        let k = if self.punct(i + 1, '\'') {
            i + 2
        } else {
            i + 1
        };
        self.is(k, "day").then_some(k + 1)
    }

    // ---- narrative-anchored --------------------------------------------------------------

    fn anchored(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.key(i);
        let w1 = self.key(i + 1);
        let w2 = self.key(i + 2);
        let unit_of = |k: usize| -> Option<Unit> {
            match self.word(k).and_then(lexicon::unit) {
                Some((u, false))
                    if !matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Weekend) =>
                {
                    Some(u)
                }
                _ => None,
            }
        };
        match (w, w1, w2) {
            ("the", "previous" | "preceding" | "prior" | "following", _)
                if self.weekday_at(i + 2).is_some() =>
            {
                let (end, day) = self.weekday_at(i + 2)?;
                let dir = if w1 == "following" {
                    Dir::Next
                } else {
                    Dir::Last
                };
                Some((end, Sem::NarrativeWeekday { day, dir }))
            }
            ("the", "next" | "following", _) => {
                if self.is(i + 2, "morning") {
                    return Some((
                        i + 3,
                        Sem::PartOfDay {
                            day: Box::new(Sem::Anchored {
                                unit: Unit::Day,
                                offset: 1,
                            }),
                            code: "MO",
                        },
                    ));
                }
                let u = unit_of(i + 2)?;
                Some((i + 3, Sem::Anchored { unit: u, offset: 1 }))
            }
            ("the", "previous" | "preceding" | "prior", _) => {
                let u = unit_of(i + 2)?;
                Some((
                    i + 3,
                    Sem::Anchored {
                        unit: u,
                        offset: -1,
                    },
                ))
            }
            ("the", "same", _) => {
                let u = unit_of(i + 2)?;
                Some((i + 3, Sem::Anchored { unit: u, offset: 0 }))
            }
            ("the", "day", "before" | "after") => {
                // "the day before yesterday" is deictic and longer.
                let next = self.t.get(i + 3);
                if next.is_some_and(|t| t.kind != Kind::Punct) {
                    return None;
                }
                Some((
                    i + 3,
                    Sem::Anchored {
                        unit: Unit::Day,
                        offset: if w2 == "before" { -1 } else { 1 },
                    },
                ))
            }
            ("that", _, _) => {
                let u = unit_of(i + 1)?;
                // "that day", "that year": only as a time adverbial ("later that year" is
                // longer and handled by `deictic`).
                if !matches!(u, Unit::Day | Unit::Year | Unit::Month | Unit::Week) {
                    return None;
                }
                if self.is(i + 2, "of") || self.punct(i + 2, '\'') {
                    return None;
                }
                Some((i + 2, Sem::Anchored { unit: u, offset: 0 }))
            }
            _ => None,
        }
    }

    /// "the 27th day" of an ongoing event.
    fn ordinal_day(&self, i: usize) -> Option<(usize, Sem)> {
        if !matches!(self.key(i), "the" | "its" | "their") {
            return None;
        }
        let j = i + 1;
        let (k, n) = if let Some(t) = self.number(j).filter(|t| t.digits <= 4) {
            if !(self.glued(j + 1) && self.word(j + 1).is_some_and(lexicon::is_ordinal_suffix)) {
                return None;
            }
            (j + 2, t.num as u32)
        } else {
            (j + 1, lexicon::ordinal(self.key(j))?)
        };
        let k = if self.is(k, "straight") || self.is(k, "consecutive") {
            k + 1
        } else {
            k
        };
        match self.word(k).and_then(lexicon::unit) {
            Some((unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) => {
                Some((k + 1, Sem::OrdinalDay { n, unit }))
            }
            _ => None,
        }
    }

    // ---- vague references ----------------------------------------------------------------

    fn reference(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.key(i);
        let w1 = self.key(i + 1);
        let r = |end, r| Some((end, Sem::Ref(r)));
        match (w, w1) {
            ("now" | "currently" | "nowadays" | "presently", _) => r(i + 1, Ref::Present),
            ("current", _) => {
                // "current" as a time adjective ("the current crisis"), not "electric
                // current" or "current account".
                let next = self.word(i + 1)?;
                if matches!(
                    next,
                    "account" | "accounts" | "affairs" | "events" | "flows" | "flow"
                ) || !self.t[i + 1].space_before
                {
                    return None;
                }
                let before = if i > 0 { self.key(i - 1) } else { "" };
                if !matches!(
                    before,
                    "the" | "its" | "his" | "her" | "their" | "our" | "a"
                ) {
                    return None;
                }
                r(i + 1, Ref::Present)
            }
            ("at", "present") => r(i + 2, Ref::Present),
            ("these", "days") => r(i + 2, Ref::Present),
            ("the", "moment" | "minute") if i > 0 && self.is(i - 1, "at") => r(i + 2, Ref::Present),
            // "at the present time", "at this time" (not "at this time of year")
            ("the", "present") if i > 0 && self.is(i - 1, "at") && self.is(i + 2, "time") => {
                r(i + 3, Ref::Present)
            }
            ("this", "time")
                if i > 0
                    && self.is(i - 1, "at")
                    && !matches!(self.key(i + 2), "of" | "last" | "next" | "tomorrow") =>
            {
                r(i + 2, Ref::Present)
            }
            // "the best result to date", "till date" (not "up to date", "year to date",
            // "to date 1")
            ("to" | "till", "date") => {
                let before = i.checked_sub(1).and_then(|b| self.t.get(b));
                let joined = before.is_some_and(|b| {
                    b.is("up") || b.is_punct('-') || lexicon::unit(b.key()).is_some()
                });
                if joined || self.number(i + 2).is_some() || self.punct(i + 2, '-') {
                    return None;
                }
                r(i + 2, Ref::Present)
            }
            // "previously", "soon", "recent" and "future" as adjectives are left out: in
            // TimeBank they are mostly not time expressions ("previously announced").
            ("recently" | "lately", _) => r(i + 1, Ref::Past),
            ("the", "past")
                if self.t.get(i + 2).is_none_or(|t| {
                    t.kind == Kind::Punct
                        || matches!(t.key(), "and" | "but" | "or" | "that" | "when" | "as")
                }) || (i > 0 && matches!(self.key(i - 1), "in" | "than" | "of")) =>
            {
                r(i + 2, Ref::Past)
            }
            ("the", "future") => r(i + 2, Ref::Future),
            ("the", "near" | "short" | "long") if matches!(self.key(i + 2), "future" | "term") => {
                r(i + 3, Ref::Future)
            }
            ("a", "later") if self.is(i + 2, "date") => r(i + 3, Ref::Future),
            ("previously", _) if self.t[i].capital => r(i + 1, Ref::Past),
            ("future", _)
                if i > 0
                    && self.is(i - 1, "in")
                    && self.t.get(i + 1).is_none_or(|t| t.kind == Kind::Punct) =>
            {
                r(i + 1, Ref::Future)
            }
            ("earlier", _) if i > 0 && self.t[i].capital && self.punct(i + 1, ',') => {
                r(i + 1, Ref::Past)
            }
            _ => None,
        }
    }
}

/// Which kind of modifier a prefix is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PrefixKind {
    /// No prefix.
    None,
    /// "about", "more than": modifies amounts (durations).
    Amount,
    /// "early", "the end of": modifies dates.
    Position,
}

fn part(offset: i64, code: &'static str) -> Sem {
    Sem::PartOfDay {
        day: Box::new(Sem::DayOffset(offset)),
        code,
    }
}

/// Weekend offsets as used by [`Sem::RelUnit`] with [`Unit::Weekend`]: −1 last, 0 by tense,
/// +1 next.
fn dir_offset(dir: Dir) -> i64 {
    match dir {
        Dir::Last | Dir::Past => -1,
        Dir::Auto => 0,
        Dir::Next => 1,
    }
}

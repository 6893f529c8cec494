//! From numbers to claims: which numbers are figures, and for each its bound, unit, object,
//! event, category, change and whether it is a running total.

use std::cell::Cell;

use super::QuantityMention;
use super::lexicon;
use super::numbers::{Num, NumKind, is_currency_symbol};
use super::tokens::{Kind, Tok};
use super::units::{self, Unit};
use crate::model::{
    QuantityBound as Bound, QuantityCategory as Category, QuantityChange as Change,
};

/// Longest object phrase, in words.
const MAX_OBJECT_WORDS: usize = 4;
/// How far after the object a predicate is looked for, in tokens.
const EVENT_REACH: usize = 6;

/// The figures among `nums`, with everything said about them.
pub(super) fn claims(
    text: &str,
    toks: &[Tok],
    nums: &[Num],
    sentences: &[(usize, usize)],
) -> Vec<QuantityMention> {
    let c = Claims {
        text,
        t: toks,
        cumulative: Cell::new(None),
    };
    let mut out: Vec<Draft> = Vec::new();
    let mut k = 0;
    while k < nums.len() {
        let n = nums[k];
        k += 1;
        if out.last().is_some_and(|d| n.first < d.end_tok) || !c.is_figure(&n) {
            continue;
        }
        let (s, e) = sentence_of(sentences, n.first, toks.len());
        let mut m = c.claim(&n, s, e);
        // ranges: "2,000-3,000", "2,000 to 3,000", "between 2,000 and 3,000"
        if let Some(next) = nums.get(k)
            && let Some(end) = c.range_end(&n, next, m.between)
        {
            m.value_max = Some(next.value);
            if m.between {
                m.first_tok -= 1;
            }
            if next.scaled && !n.scaled {
                // "2-3 million": the scale belongs to both
                let f = next.value / c.raw_value(next);
                m.value *= f;
            }
            m.bound = Bound::Range;
            m.end_tok = end;
            let unit_after = c.unit_at(end, e);
            if m.unit.is_none()
                && let Some(u) = unit_after
            {
                m.unit = Some(u.symbol);
                m.category = u.category;
                m.end_tok = end + u.len;
            }
            k += 1;
            c.finish(&mut m, s, e);
        }
        out.push(m);
    }
    c.share_events(&mut out);
    let out = c.two_sided(out);
    out.into_iter().map(|d| d.into_mention(toks)).collect()
}

/// A claim being built, over tokens.
struct Draft {
    first_tok: usize,
    end_tok: usize,
    value: f64,
    value_max: Option<f64>,
    bound: Bound,
    change: Option<Change>,
    unit: Option<&'static str>,
    object: Option<(usize, usize)>,
    implied_people: bool,
    category: Category,
    event: Option<usize>,
    cumulative: bool,
    ordinal: bool,
    /// "between" or "from" stands right before the figure.
    between: bool,
}

impl Draft {
    fn into_mention(self, toks: &[Tok]) -> QuantityMention {
        QuantityMention {
            start: toks[self.first_tok].start,
            end: toks[self.end_tok - 1].end,
            value: self.value,
            value_max: self.value_max,
            bound: self.bound,
            change: self.change,
            unit: self.unit,
            object: self.object.map(|(a, b)| (toks[a].start, toks[b - 1].end)),
            implied_people: self.implied_people,
            category: self.category,
            event: self.event.map(|i| (toks[i].start, toks[i].end)),
            cumulative: self.cumulative,
            ordinal: self.ordinal,
        }
    }
}

struct Claims<'a> {
    text: &'a str,
    t: &'a [Tok<'a>],
    /// Whether the last sentence asked about, `(start, end)`, speaks of a running total:
    /// figures come in sentence order, so one scan per sentence keeps the stage linear.
    cumulative: Cell<Option<(usize, usize, bool)>>,
}

impl<'a> Claims<'a> {
    /// Coordinated figures share their predicate: in "651 buildings and 3,780 houses were
    /// destroyed" both were destroyed.
    fn share_events(&self, drafts: &mut [Draft]) {
        for i in (0..drafts.len().saturating_sub(1)).rev() {
            let (a, b) = (&drafts[i], &drafts[i + 1]);
            if a.event.is_some()
                || b.event.is_none()
                || a.unit.is_some()
                || b.unit.is_some()
                || a.ordinal
            {
                continue;
            }
            let from = a.object.map_or(a.end_tok, |(_, e)| e);
            if from > b.first_tok {
                continue;
            }
            let joined = (from..b.first_tok).all(|k| {
                let t = &self.t[k];
                t.is("and") || t.is("or") || t.is_punct(',')
            }) && b.first_tok > from;
            if joined {
                let (event, category) = (b.event, b.category);
                drafts[i].event = event;
                drafts[i].category = category;
            }
        }
    }

    /// "more than 10 and less than 40", "at most 100 and at least 20": one range.
    fn two_sided(&self, drafts: Vec<Draft>) -> Vec<Draft> {
        let lower = |b: Bound| matches!(b, Bound::MoreThan | Bound::AtLeast);
        let upper = |b: Bound| matches!(b, Bound::LessThan | Bound::AtMost);
        let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
        for d in drafts {
            if let Some(prev) = out.last_mut()
                && prev.unit == d.unit
                && prev.end_tok <= d.first_tok
                && d.first_tok - prev.end_tok <= 2
                && (prev.end_tok..d.first_tok).all(|k| {
                    let t = &self.t[k];
                    t.is("and") || t.is("but") || t.is_punct(',')
                })
                && d.first_tok > prev.end_tok
                && ((lower(prev.bound) && upper(d.bound)) || (upper(prev.bound) && lower(d.bound)))
            {
                let (lo, hi) = if lower(prev.bound) {
                    (prev.value, d.value)
                } else {
                    (d.value, prev.value)
                };
                if lo < hi {
                    prev.value = lo;
                    prev.value_max = Some(hi);
                    prev.bound = Bound::Range;
                    prev.end_tok = d.end_tok;
                    if prev.object.is_none() {
                        prev.object = d.object;
                    }
                    continue;
                }
            }
            out.push(d);
        }
        out
    }

    fn key(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| t.key())
    }

    fn raw(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Word).then(|| t.key())
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(Tok::glued)
    }

    fn before(&self, i: usize, back: usize) -> &'a str {
        i.checked_sub(back).map_or("", |j| self.key(j))
    }

    /// The value as written before any scale.
    fn raw_value(&self, n: &Num) -> f64 {
        let s: String = self.text[self.t[n.first].start..self.t[n.end - 1].end]
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        s.parse::<f64>()
            .ok()
            .filter(|v| *v != 0.0)
            .unwrap_or(n.value)
    }

    // ---- which numbers are figures -------------------------------------------------------

    /// Years, dates, clock times, phone numbers, identifiers and lone "one"s are not figures.
    fn is_figure(&self, n: &Num) -> bool {
        let i = n.first;
        let last = n.end - 1;
        let digit = self.t[i].kind == Kind::Number || self.t[i].is_punct('-');
        // glued to letters or identifiers: G7, A320, COVID-19, F-16, 3D
        if i > 0 && self.glued(i) {
            let p = &self.t[i - 1];
            // "USD115" and "MXN$15" are money, not identifiers
            let code = p.kind == Kind::Word
                && units::currency_code(p.key()).is_some_and(|(_, f)| f == 1.0);
            if p.kind == Kind::Word && !self.is_money_prefix(i - 1) && !code {
                return false;
            }
            // "COVID-19", "F-16", "scp-173": a word, a hyphen, a number
            if p.is_punct('-')
                && i > 1
                && self.glued(i - 1)
                && self.t[i - 2].kind == Kind::Word
                && !self.t[i - 2].key().is_empty()
                && !matches!(
                    self.t[i - 2].key(),
                    "mid" | "pre" | "post" | "over" | "under" | "about" | "some" | "around"
                )
            {
                return false;
            }
            if p.is_punct('/')
                || p.is_punct('@')
                || p.is_punct('#')
                || p.is_punct(':')
                || p.is_punct('_')
                || p.is_punct('%')
                || p.is_punct('=') && i > 1 && self.t[i - 2].kind == Kind::Word && self.glued(i - 1)
            {
                return false;
            }
            // "+1-222-2222": a phone number's country code
            if p.is_punct('+') && self.punct(n.end, '-') && self.glued(n.end) {
                return false;
            }
            if p.is_punct('.') && i > 1 && self.t[i - 2].kind == Kind::Number && self.glued(i - 1) {
                return false;
            }
        }
        if let Some(nx) = self.t.get(n.end).filter(|t| t.glued()) {
            if nx.is_punct(':')
                && self
                    .t
                    .get(n.end + 1)
                    .is_some_and(|t| t.kind == Kind::Number && t.glued())
            {
                return false;
            }
            if nx.is_punct('/')
                && self
                    .t
                    .get(n.end + 1)
                    .is_some_and(|t| t.kind == Kind::Number && t.glued())
                && n.kind != NumKind::Fraction
            {
                return false;
            }
            if nx.kind == Kind::Word
                && !matches!(n.kind, NumKind::Ordinal)
                && units::unit_after([nx.key(), "", "", ""], true).is_none()
                && units::currency_code(nx.key()).is_none()
                && !matches!(nx.key(), "s" | "am" | "pm")
            {
                // "3D", "4x4", "5G"
                if nx.key() != "x" {
                    return false;
                }
            }
            if nx.is_punct('.')
                && self
                    .t
                    .get(n.end + 1)
                    .is_some_and(|t| t.kind == Kind::Number && t.glued())
            {
                // dotted identifiers: 192.168.1.2, version 2.1.3
                return false;
            }
        }
        // clock times and dates
        if digit && self.is_time_or_date(n) {
            return false;
        }
        // years: 1900-2099 written plainly
        if digit && self.is_year(n) {
            return false;
        }
        // decades: 1990s
        if self.glued(n.end) && self.key(n.end) == "s" {
            return false;
        }
        // phone numbers: 555-0134, (202) 555-0134
        let phone_pair = |a: &Tok, b: &Tok| a.digits == 3 && b.digits == 4;
        if digit
            && n.end == i + 1
            && self.punct(n.end, '-')
            && self.glued(n.end)
            && self.t.get(n.end + 1).is_some_and(|t| {
                t.kind == Kind::Number
                    && t.glued()
                    && (phone_pair(&self.t[i], t)
                        || self.punct(n.end + 2, '-')
                        || self.punct(n.end + 2, '/'))
            })
        {
            return false;
        }
        if digit
            && i >= 2
            && self.punct(i - 1, '-')
            && self.glued(i)
            && self.t[i - 2].kind == Kind::Number
            && (phone_pair(&self.t[i - 2], &self.t[i]) || i >= 4 && self.punct(i - 3, '-'))
        {
            return false;
        }
        // designators: "Article 5", "Flight 370", "No. 10"
        if digit && n.kind == NumKind::Integer && !n.scaled {
            let mut p = i;
            if p > 0 && self.punct(p - 1, '.') {
                p -= 1;
            }
            if p > 0
                && self.t[p - 1].kind == Kind::Word
                && self.t[p - 1].capital
                && lexicon::is_designator(self.t[p - 1].key())
            {
                return false;
            }
        }
        // ordinals are figures when they count days, weeks, anniversaries ("the 27th day")
        if n.kind == NumKind::Ordinal {
            let mut k = n.end;
            if matches!(self.key(k), "straight" | "consecutive" | "successive") {
                k += 1;
            }
            return matches!(
                self.key(k),
                "day"
                    | "week"
                    | "month"
                    | "year"
                    | "anniversary"
                    | "time"
                    | "round"
                    | "attempt"
                    | "term"
                    | "consecutive"
            ) && self.t[i].kind == Kind::Number;
        }
        // lone "one", "a half": pronouns and idioms unless a unit follows
        if n.spelled
            && n.end == i + 1
            && matches!(self.key(i), "one" | "half" | "zero" | "nil" | "nought")
            && !(self.key(i) == "half"
                && i > 0
                && matches!(
                    self.key(i - 1),
                    "than" | "nearly" | "almost" | "about" | "over"
                ))
        {
            return self.unit_at(n.end, self.t.len()).is_some();
        }
        let _ = last;
        true
    }

    fn is_money_prefix(&self, i: usize) -> bool {
        // "US$5": the word glued before "$" is a prefix, not an identifier
        units::dollar_prefix(self.key(i)).is_some() && self.punct(i + 1, '$')
    }

    /// Clock times ("10:30", "8 p.m.") and date parts ("March 3", "3 March", "3/22/2013").
    fn is_time_or_date(&self, n: &Num) -> bool {
        let i = n.first;
        let next = self.key(n.end);
        // 8 p.m., 8pm, 8 a.m.
        if matches!(next, "am" | "pm" | "a.m" | "p.m")
            || ((next == "a" || next == "p")
                && self.punct(n.end + 1, '.')
                && self.key(n.end + 2) == "m")
        {
            return true;
        }
        if next == "o" && self.punct(n.end + 1, '\'') {
            return true;
        }
        // preceded or followed by a month name (capitalised)
        let month = |k: usize| {
            self.t.get(k).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.capital
                    && crate::calendar::month_number(t.key()).is_some()
            })
        };
        let prev = if i > 0 && self.punct(i - 1, '.') {
            i.saturating_sub(2)
        } else {
            i.saturating_sub(1)
        };
        if i > 0 && month(prev) && self.t[i].digits <= 2 {
            return true;
        }
        let after = if self.is_word(n.end, "of") {
            n.end + 1
        } else {
            n.end
        };
        if month(after) && self.t[i].digits <= 2 && n.value <= 31.0 {
            return true;
        }
        // year after "March 3," is handled by is_year; weekday before: "Monday 3"
        false
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is(w))
    }

    /// A plainly written year (1900–2099, no separators), unless counted things follow.
    fn is_year(&self, n: &Num) -> bool {
        let t = &self.t[n.first];
        if n.kind != NumKind::Integer || n.scaled || n.end != n.first + 1 || t.digits != 4 {
            return false;
        }
        if !(1900.0..=2099.0).contains(&n.value) {
            // older years only with a preposition of time
            let before = self.before(n.first, 1);
            return (1000.0..1900.0).contains(&n.value)
                && matches!(before, "in" | "since" | "until" | "by" | "from" | "circa");
        }
        let before = self.before(n.first, 1);
        if is_currency_symbol_at(self.t, n.first)
            || lexicon::bound_before([
                before,
                self.before(n.first, 2),
                self.before(n.first, 3),
                self.before(n.first, 4),
                self.before(n.first, 5),
            ])
            .is_some()
                && !matches!(before, "over" | "under" | "around" | "about" | "since")
        {
            return false;
        }
        // "2000 people", "1500 troops": a count noun in lower case follows
        if let Some(nx) = self.t.get(n.end)
            && nx.kind == Kind::Word
            && !nx.capital
            && !lexicon::ends_object(nx.key())
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
                    | "-"
            )
        {
            return self
                .unit_at(n.end, self.t.len())
                .is_some_and(|u| u.category == Category::Duration);
        }
        if self
            .unit_at(n.end, self.t.len())
            .is_some_and(|u| u.category != Category::Duration)
        {
            return false;
        }
        true
    }

    // ---- the claim -----------------------------------------------------------------------

    fn claim(&self, n: &Num, s: usize, e: usize) -> Draft {
        let mut d = Draft {
            first_tok: n.first,
            end_tok: n.end,
            value: n.value,
            value_max: None,
            bound: Bound::Exact,
            change: None,
            unit: None,
            object: None,
            implied_people: false,
            category: Category::Other,
            event: None,
            cumulative: false,
            ordinal: n.kind == NumKind::Ordinal,
            between: false,
        };
        // currency before: $, US$, C $, MXN$, £, EUR, USD115
        let mut start = n.first;
        if start > s {
            if let Some((code, len, factor)) = self.currency_before(start, s) {
                d.unit = Some(code);
                d.category = Category::Money;
                d.value *= factor;
                start -= len;
            } else if self.key(start - 1) == "of"
                && start >= 2
                && matches!(self.key(start - 2), "percent" | "percents" | "cent")
            {
                // "percent of 10", "per cent of 210": the spec's odd order
                d.unit = Some("%");
                d.category = Category::Percentage;
                start -= if self.key(start - 2) == "cent" && self.key(start - 3) == "per" {
                    3
                } else {
                    2
                };
            } else if matches!(self.key(start - 1), "aged" | "age") {
                // "aged 87": an age
                d.unit = Some("year");
                start -= 1;
            }
        }
        // unit after (an ordinal has none: it counts its noun, "the 27th day")
        let unit = self.unit_at(n.end, e).filter(|_| !d.ordinal);
        if let Some(mut u) = unit {
            // "42 million pounds" is money; "25 pounds" a weight
            if u.symbol == "lb" && (n.scaled || self.key(n.end + u.len) == "sterling") {
                u.symbol = "GBP";
                u.category = Category::Money;
            }
            if d.unit.is_none() {
                d.unit = Some(u.symbol);
                d.category = u.category;
                d.end_tok = n.end + u.len;
                d.value *= u.factor;
            } else if u.category == Category::Money {
                // "$5 million dollars": the word repeats the symbol
                d.end_tok = n.end + u.len;
            }
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50"
        if d.category == Category::Money && d.end_tok > n.end {
            self.money_tail(&mut d, e);
        }
        // "5 feet 2 inches", "12 ft 2 in"
        if d.unit == Some("ft") {
            let k = if self.key(d.end_tok) == "and" {
                d.end_tok + 1
            } else {
                d.end_tok
            };
            let p = super::numbers::Parser {
                text: self.text,
                t: self.t,
            };
            if let Some(inches) = p.at(k).filter(|x| x.value < 12.0)
                && matches!(self.key(inches.end), "in" | "inches" | "inch")
            {
                d.value += inches.value / 12.0;
                d.end_tok = inches.end + 1;
            }
        }
        // bound before
        if start > s {
            let back = |n: usize| {
                if start >= n && start - n >= s {
                    self.key(start - n)
                } else {
                    ""
                }
            };
            let p1 = back(1);
            if let Some((b, len)) = lexicon::bound_before([p1, back(2), back(3), back(4), back(5)])
            {
                d.bound = b;
                start -= len;
            } else if p1 == "between" || p1 == "from" {
                d.between = true;
            }
        }
        d.first_tok = start;
        // "2,000+"
        if self.punct(d.end_tok, '+') && self.glued(d.end_tok) {
            d.bound = Bound::AtLeast;
            d.end_tok += 1;
        }
        if let Some((b, len)) = lexicon::bound_after(
            self.key(d.end_tok),
            self.key(d.end_tok + 1),
            self.key(d.end_tok + 2),
        ) && d.end_tok + len <= e
            && matches!(d.bound, Bound::Exact | Bound::Approx)
            // "5000 or more than 4500": "more than" bounds the next figure
            && !(len == 3
                && self.t.get(d.end_tok + 3).is_some_and(|t| {
                    t.kind == Kind::Number || super::words::cardinal(t.key()).is_some()
                }))
        {
            d.bound = b;
            d.end_tok += len;
        }
        // "more than 5000 or equal (to)": inclusive
        if self.key(d.end_tok) == "or" && self.key(d.end_tok + 1) == "equal" {
            let upgraded = match d.bound {
                Bound::MoreThan => Some(Bound::AtLeast),
                Bound::LessThan => Some(Bound::AtMost),
                _ => None,
            };
            if let Some(b) = upgraded {
                d.bound = b;
                d.end_tok += if self.key(d.end_tok + 2) == "to" {
                    3
                } else {
                    2
                };
            }
        }
        // "hundreds of", "dozens of", "thousands of": at least that many
        if n.spelled
            && matches!(
                self.key(n.first),
                "hundreds" | "thousands" | "millions" | "dozens" | "tens"
            )
            && d.bound == Bound::Exact
        {
            d.bound = Bound::AtLeast;
        }
        self.finish(&mut d, s, e);
        d
    }

    /// Object, event, category, change and running total: what the words around say.
    fn finish(&self, d: &mut Draft, s: usize, e: usize) {
        self.object(d, e);
        self.event(d, s, e);
        self.change(d, s);
        d.cumulative = self.sentence_is_cumulative(s, e);
    }

    /// Whether the sentence of tokens `s..e` speaks of a running total ("so far", "since
    /// the war began"), scanned once per sentence.
    fn sentence_is_cumulative(&self, s: usize, e: usize) -> bool {
        if let Some((cs, ce, cumulative)) = self.cumulative.get()
            && (cs, ce) == (s, e)
        {
            return cumulative;
        }
        let cumulative = (s..e).any(|i| {
            lexicon::cumulative_at(self.key(i), self.key(i + 1), self.key(i + 2))
                || self.since_began(i, e)
        });
        self.cumulative.set(Some((s, e, cumulative)));
        cumulative
    }

    /// A currency before the figure at `start`: (code, tokens taken).
    fn currency_before(&self, start: usize, s: usize) -> Option<(&'static str, usize, f64)> {
        let p = &self.t[start - 1];
        if p.kind == Kind::Punct
            && char::from_u32(p.num as u32)
                .and_then(units::currency_symbol)
                .is_some()
        {
            let mut code = char::from_u32(p.num as u32).and_then(units::currency_symbol)?;
            let mut len = 1;
            // "US$", "MXN$", and spaced "C $", "HK $" (not "a $5" or "'s $5")
            if start - 1 > s
                && p.is_punct('$')
                && let Some(prefix) = self.word(start - 2).and_then(units::dollar_prefix)
                && (self.glued(start - 1) || !matches!(self.key(start - 2), "a" | "s" | "r"))
            {
                code = prefix;
                len = 2;
                // "u.s $"
                if self.key(start - 2) == "s"
                    && start >= 4
                    && self.punct(start - 3, '.')
                    && self.key(start - 4) == "u"
                {
                    code = "USD";
                    len = 4;
                }
            } else if start >= 4
                && p.is_punct('$')
                && self.punct(start - 2, '.')
                && self.key(start - 3) == "s"
                && self.punct(start - 4, '.')
                && start >= 5
                && self.key(start - 5) == "u"
            {
                // "U.S.$"
                code = "USD";
                len = 5;
            }
            return Some((code, len, 1.0));
        }
        // "USD 5", "USD115", "MAUD 60"
        if p.kind == Kind::Word
            && let Some((code, factor)) = units::currency_code(p.key())
            && (p.capital || self.glued(start) || factor > 1.0)
        {
            return Some((code, 1, factor));
        }
        None
    }

    /// Cents after a whole amount: "3 dollars 50 cents", "15 dollars and 50".
    fn money_tail(&self, d: &mut Draft, e: usize) {
        // the unit before must be a whole currency ("dollars", "USD", "$"), not cents
        let unit_tok = d.end_tok - 1;
        let whole = self.t.get(unit_tok).is_some_and(|t| {
            matches!(
                t.key(),
                "dollars" | "dollar" | "euros" | "euro" | "pounds" | "kuai" | "yuan"
            ) || units::currency_code(t.key()).is_some()
                || t.is_punct('$')
        });
        if !whole || d.value.fract() != 0.0 {
            return;
        }
        let symbol_after = self.t[unit_tok].kind == Kind::Punct;
        let k = if self.key(d.end_tok) == "and" {
            d.end_tok + 1
        } else {
            d.end_tok
        };
        if self.t.get(k).is_some_and(|t| {
            t.kind == Kind::Word && !t.key().is_empty() && super::words::cardinal(t.key()).is_none()
        }) {
            return;
        }
        let p = super::numbers::Parser {
            text: self.text,
            t: self.t,
        };
        let Some(n) = p
            .at(k)
            .filter(|n| n.value >= 1.0 && n.value < 100.0 && n.value.fract() == 0.0 && !n.scaled)
        else {
            return;
        };
        if n.end > e {
            return;
        }
        let cents = matches!(self.key(n.end), "cents" | "cent" | "pence" | "p");
        // a bare number after "and" or directly after the currency word, ending the phrase
        let ends = !symbol_after
            && self
                .t
                .get(n.end)
                .is_none_or(|t| t.kind == Kind::Punct && !is_currency_symbol(t) || t.is("and"));
        if cents || ends {
            d.value += n.value / 100.0;
            d.end_tok = if cents { n.end + 1 } else { n.end };
        }
    }

    /// Whether "degrees" at `i` measure an angle: a turning verb before or "angle" after.
    fn is_angle(&self, i: usize) -> bool {
        let before = (i.saturating_sub(4)..i).any(|k| {
            matches!(
                self.key(k),
                "rotate" | "rotated" | "turn" | "turned" | "angle" | "tilt" | "tilted"
            )
        });
        before || self.key(i + 1) == "angle"
    }

    /// A unit at token `i` (glued, hyphenated or spaced): percent, currency words and
    /// codes, measures, temperatures, ages.
    fn unit_at(&self, i: usize, e: usize) -> Option<Unit> {
        if i >= e.min(self.t.len()) {
            return None;
        }
        let t = &self.t[i];
        if t.is_punct('%') {
            // "%28" is URL encoding
            if self
                .t
                .get(i + 1)
                .is_some_and(|n| n.glued() && n.kind != Kind::Punct)
            {
                return None;
            }
            return units::unit_after(["%", "", "", ""], true);
        }
        if t.is_punct('°') {
            let (symbol, len) = match self.word(i + 1).filter(|_| self.glued(i + 1)) {
                Some("c") => ("°C", 2),
                Some("f") => ("°F", 2),
                _ if self.is_angle(i) => ("deg", 1),
                _ => ("°", 1),
            };
            let mut u = units::unit_after(["degrees", "", "", ""], true)?;
            u.symbol = symbol;
            u.len = len;
            return Some(u);
        }
        // "3-inch", "one-yen", "12-cent"
        if t.is_punct('-') && t.glued() && self.glued(i + 1) {
            let mut u = self.unit_word(i + 1)?;
            if u.category == Category::Percentage {
                return None;
            }
            u.len += 1;
            // "a 61-year-old man", "a 130-year-old building": an age
            if u.category == Category::Duration
                && self.punct(i + u.len, '-')
                && self.glued(i + u.len)
                && self.key(i + u.len + 1) == "old"
            {
                u.category = Category::Other;
                u.len += 2;
            }
            return Some(u);
        }
        // "120 μg" (Greek or micro sign)
        if t.kind == Kind::Word && matches!(self.raw(i), "μg" | "µg") {
            return units::unit_after(["µg", "", "", ""], t.glued());
        }
        // a currency symbol after the number: "10 $", "5 €", "100元"
        if t.kind != Kind::Word || t.key().is_empty() {
            let c = self.text[t.start..].chars().next()?;
            let code = units::currency_symbol(c)?;
            return Some(Unit {
                symbol: code,
                category: Category::Money,
                len: 1,
                factor: 1.0,
            });
        }
        self.unit_word(i)
    }

    fn unit_word(&self, i: usize) -> Option<Unit> {
        // "20 (kg)", "20 [kg]": a unit in brackets
        if let Some(open) = self.t.get(i).filter(|t| t.kind == Kind::Punct)
            && matches!(char::from_u32(open.num as u32), Some('(' | '[' | '{' | '<'))
            && self.t.get(i + 2).is_some_and(|c| {
                c.glued() && matches!(char::from_u32(c.num as u32), Some(')' | ']' | '}' | '>'))
            })
            && self.glued(i + 1)
            && let Some(mut u) = self
                .unit_word(i + 1)
                .filter(|u| u.len == 1 && u.category != Category::Money)
        {
            u.len = 3;
            return Some(u);
        }
        let t = self.t.get(i).filter(|t| t.kind == Kind::Word)?;
        if let Some((code, factor)) = units::currency_code(t.key()) {
            if self
                .t
                .get(i + 1)
                .is_some_and(|n| n.glued() && n.kind == Kind::Number)
            {
                // "3 USD50 cards": the code is the next figure's
                return None;
            }
            // "75 USD million"
            let mut len = 1;
            let mut factor = factor;
            if let Some(f) = super::words::scale(self.key(i + 1)).filter(|f| *f >= 1e3) {
                factor *= f;
                len = 2;
            }
            return Some(Unit {
                symbol: code,
                category: Category::Money,
                len,
                factor,
            });
        }
        let mut u = units::unit_after(
            [
                self.key(i),
                self.key(i + 1),
                self.key(i + 2),
                self.key(i + 3),
            ],
            t.glued(),
        )?;
        // "km/hr", "mi/h": a speed
        if matches!(u.symbol, "km" | "mi")
            && self.punct(i + 1, '/')
            && self.glued(i + 1)
            && matches!(self.key(i + 2), "h" | "hr" | "hour")
        {
            u.symbol = if u.symbol == "km" { "km/h" } else { "mph" };
            u.category = Category::Other;
            u.len = 3;
            return Some(u);
        }
        // angles: "rotate 90 degrees", "a 45 degrees angle"
        if u.symbol == "°" && self.is_angle(i) {
            u.symbol = "deg";
        }
        // "km2", "m2": an area written with a glued digit
        if matches!(u.symbol, "km" | "m")
            && self
                .t
                .get(i + 1)
                .is_some_and(|n| n.glued() && n.kind == Kind::Number && n.num == 2)
        {
            u.symbol = if u.symbol == "km" { "km2" } else { "m2" };
            u.category = Category::Other;
            u.len += 1;
        }
        // "24703m212", "24703 m212": a unit glued into an identifier
        if self
            .t
            .get(i + u.len)
            .is_some_and(|n| n.glued() && n.kind == Kind::Number)
        {
            return None;
        }
        Some(u)
    }

    /// The object: the noun phrase counted, after the figure ("651 residential buildings"),
    /// after "of" for units and percentages ("40 tonnes of grain"), or "people" when a
    /// casualty verb follows directly ("at least 2,300 have died").
    fn object(&self, d: &mut Draft, e: usize) {
        let mut k = d.end_tok;
        // "40 tonnes of grain", "5% of voters"; not "two years of price increases"
        if d.unit.is_some() && d.category != Category::Duration && self.key(k) == "of" {
            k += 1;
            if matches!(self.key(k), "the" | "its" | "their" | "all") {
                k += 1;
            }
        } else if d.unit.is_some() && !d.ordinal {
            return;
        }
        if d.unit.is_none()
            && self.key(k) == "of"
            && matches!(self.key(k + 1), "them" | "those" | "whom" | "which")
        {
            d.implied_people = false;
            return;
        }
        if matches!(
            self.key(k),
            "other" | "more" | "additional" | "extra" | "new" | "further"
        ) {
            k += 1;
        }
        // "nine others are missing": the others are people
        if matches!(self.key(k), "others" | "more") && d.unit.is_none() {
            d.implied_people = true;
            d.object = Some((k, k + 1));
            return;
        }
        let start = k;
        let mut words = 0;
        while k < e && words < MAX_OBJECT_WORDS {
            let t = &self.t[k];
            if t.kind == Kind::Punct {
                // "cease-fire", "Russian-backed": a glued hyphen joins words
                if t.is_punct('-')
                    && t.glued()
                    && self
                        .t
                        .get(k + 1)
                        .is_some_and(|x| x.glued() && x.kind == Kind::Word)
                    && k > start
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if t.kind != Kind::Word {
                break;
            }
            let w = t.key();
            if lexicon::ends_object(w) || lexicon::change_word(w).is_some() && k > start {
                break;
            }
            // a verb after a noun ends the phrase: "houses were", "buildings gutted"
            if k > start && (w.ends_with("ed") || w.ends_with("ing")) && !self.object_continues(k) {
                break;
            }
            // "11 needed": a participle opens an object only before a noun
            if k == start && w.ends_with("ed") && !self.object_continues(k) {
                break;
            }
            if k == start && lexicon::event(w).is_some() && !self.is_noun_event(w) {
                // "2,300 died": no object, the predicate follows
                break;
            }
            words += 1;
            k += 1;
            // a plural noun ends the phrase: "people spent", "drones launched overnight"
            if is_plural_noun(w) && !(self.punct(k, '-') && self.glued(k)) {
                break;
            }
        }
        if k > start {
            d.object = Some((start, k));
        }
    }

    /// Whether an -ed/-ing word inside an object phrase is still part of it ("wounded
    /// soldiers" has it first; "armoured vehicles" is one phrase).
    fn object_continues(&self, k: usize) -> bool {
        // a following word that is itself part of a noun phrase
        self.t.get(k + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && !lexicon::ends_object(n.key())
                && lexicon::event(n.key()).is_none()
                && !n.key().ends_with("ed")
        }) && !matches!(
            self.key(k),
            "killed"
                | "injured"
                | "wounded"
                | "destroyed"
                | "damaged"
                | "displaced"
                | "arrested"
                | "detained"
                | "gutted"
        )
    }

    fn is_noun_event(&self, w: &str) -> bool {
        matches!(
            w,
            "deaths"
                | "fatalities"
                | "casualties"
                | "victims"
                | "refugees"
                | "arrests"
                | "detentions"
                | "detainees"
                | "prisoners"
                | "evacuees"
                | "injuries"
                | "lives"
        )
    }

    /// The predicate: an event word after the object (skipping auxiliaries) or right before
    /// the figure ("killed 12 people").
    fn event(&self, d: &mut Draft, s: usize, e: usize) {
        let after = d.object.map_or(d.end_tok, |(_, b)| b);
        // the object itself may be the event ("deaths", "refugees")
        if let Some((a, b)) = d.object {
            for i in a..b {
                if let Some(cat) =
                    lexicon::event(self.key(i)).filter(|_| self.is_noun_event(self.key(i)))
                {
                    d.event = Some(i);
                    if d.unit.is_none() {
                        d.category = cat;
                    }
                    return;
                }
            }
        }
        let mut k = after;
        let mut steps = 0;
        while k < e && steps < EVENT_REACH {
            let w = self.key(k);
            if let Some(cat) = lexicon::event(w) {
                d.event = Some(k);
                if d.unit.is_none() {
                    d.category = cat;
                }
                if d.object.is_none() && cat == Category::Casualties && k <= d.end_tok + 3 {
                    d.implied_people = true;
                }
                return;
            }
            if !(lexicon::is_auxiliary(w) || w == "in" && k == after) {
                break;
            }
            k += 1;
            steps += 1;
        }
        // before: "killed 12 people", "destroyed 651 buildings", "the death toll rose to 2,300"
        let mut k = d.first_tok;
        let mut steps = 0;
        while k > s && steps < 4 {
            k -= 1;
            steps += 1;
            let w = self.key(k);
            if let Some(cat) = lexicon::event(w) {
                if matches!(w, "dead" | "missing" | "homeless") {
                    // "dead" before a figure is an adjective elsewhere
                    continue;
                }
                d.event = Some(k);
                if d.unit.is_none() {
                    d.category = cat;
                }
                return;
            }
            if !matches!(
                w,
                "at" | "least"
                    | "to"
                    | "rose"
                    | "climbed"
                    | "reached"
                    | "stands"
                    | "stood"
                    | "was"
                    | "is"
                    | "of"
                    | "more"
                    | "than"
                    | "nearly"
                    | "some"
                    | "about"
                    | "up"
                    | "over"
                    | "almost"
                    | "an"
                    | "estimated"
            ) {
                break;
            }
        }
    }

    /// Change: "rose by 5%", "rose 5%", "a drop of 300", "cut 1,200 jobs", "up 5%".
    fn change(&self, d: &mut Draft, s: usize) {
        let mut k = d.first_tok;
        if k <= s {
            return;
        }
        k -= 1;
        let mut w = self.key(k);
        // "rose to 2,300" is a level, not a change
        if w == "to" {
            return;
        }
        if matches!(w, "by" | "of") && k > s {
            k -= 1;
            w = self.key(k);
            // "a drop of 300", "an increase of 5%"
        }
        if let Some(c) = lexicon::change_word(w) {
            if matches!(w, "up" | "down") && k > s && self.key(k - 1) == "to" {
                return;
            }
            d.change = Some(c);
            return;
        }
        // "a 5% increase", "a 300-job cut"
        let after = d.end_tok;
        let mut j = after;
        if self.punct(j, '-') && self.glued(j) {
            j += 2;
        }
        if let Some(c) = self.word(j).and_then(lexicon::change_word)
            && matches!(
                self.key(j),
                "increase"
                    | "rise"
                    | "drop"
                    | "decline"
                    | "cut"
                    | "fall"
                    | "gain"
                    | "loss"
                    | "jump"
                    | "reduction"
                    | "growth"
                    | "surge"
                    | "slump"
            )
            && matches!(self.before(d.first_tok, 1), "a" | "an" | "the")
        {
            d.change = Some(c);
        }
    }

    /// "since the war began", "since Putin launched …": a running total.
    fn since_began(&self, i: usize, e: usize) -> bool {
        if self.key(i) != "since" {
            return false;
        }
        (i + 1..e.min(i + 8)).any(|k| {
            matches!(
                self.key(k),
                "began" | "started" | "launched" | "erupted" | "broke" | "invaded" | "begun"
            )
        })
    }

    /// The token after a range's second number, when `next` completes a range with `n`.
    fn range_end(&self, n: &Num, next: &Num, between: bool) -> Option<usize> {
        let gap = &self.t[n.end..next.first];
        let joined = match gap {
            [t] if t.is_punct('-') || t.is_punct('~') => true,
            [t] if t.is("to") || t.is("through") => true,
            [t] if t.is("and") => between,
            [cur, t]
                if is_currency_symbol(cur) && (t.is_punct('-') || t.is("to") || t.is("and")) =>
            {
                true
            }
            [t, cur]
                if is_currency_symbol(cur)
                    && (t.is_punct('-') || t.is("to") || (t.is("and") && between)) =>
            {
                true
            }
            _ => false,
        };
        if !joined
            || next.value < n.value
            || next.kind == NumKind::Ordinal
            || n.kind == NumKind::Ordinal
        {
            return None;
        }
        // "3-2" scores and years are not ranges
        if self.is_year(next) || self.is_year(n) {
            return None;
        }
        Some(next.end)
    }
}

fn is_currency_symbol_at(toks: &[Tok], i: usize) -> bool {
    i > 0 && is_currency_symbol(&toks[i - 1])
}

/// The sentence (token range) containing token `i`; the whole text when none does.
pub(super) fn sentence_of(bounds: &[(usize, usize)], i: usize, n: usize) -> (usize, usize) {
    let k = bounds.partition_point(|(s, _)| *s <= i);
    match k.checked_sub(1).map(|k| bounds[k]) {
        Some((s, e)) if i < e => (s, e),
        _ => (0, n),
    }
}

/// Whether a word reads as a plural noun (which heads an object phrase).
fn is_plural_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "staff"
            | "personnel"
            | "cattle"
            | "troops"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "sheep"
            | "livestock"
            | "militia"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ics"))
}

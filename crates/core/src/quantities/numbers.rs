//! Numbers in every written form, over the stage's tokens: digits with separators and
//! decimals ("3,780", "1.5", "1 234 567"), scaled ("1.5 million", "20.1bn", "10k"),
//! spelled out ("two thousand and two", "a dozen", "fifty-two"), fractions ("3/4",
//! "two thirds", "one and a half", "½"), powers ("1e10", "1.3x10^6"), ordinals ("27th",
//! "twenty-first") and negatives ("-4", "minus five").
//!
//! This layer finds every number; which numbers are figures (not years, dates or
//! identifiers) is the stage's decision (`claims.rs`).

use super::tokens::{Kind, Tok};
use super::words::{self, Class};

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// A whole number.
    Integer,
    /// A number with a decimal part.
    Decimal,
    /// A fraction ("3/4", "two thirds", "one and a half").
    Fraction,
    /// A power ("1e10", "2.5^-1").
    Power,
    /// An ordinal ("27th", "twenty-first").
    Ordinal,
}

/// One number: tokens `[first, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Num {
    /// First token.
    pub first: usize,
    /// Token after the last.
    pub end: usize,
    /// Value.
    pub value: f64,
    /// How it is written.
    pub kind: NumKind,
    /// Spelled out in words (at least partly).
    pub spelled: bool,
    /// A scale word or suffix multiplied it ("1.5 million", "10k").
    pub scaled: bool,
}

/// Finds every number in `toks`, left to right, longest first, non-overlapping.
pub(super) fn scan(text: &str, toks: &[Tok]) -> Vec<Num> {
    let p = Parser { text, t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        match p.at(i) {
            Some(n) if n.end > i => {
                i = n.end;
                out.push(n);
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a token can open a number (most words cannot).
fn may_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Number => true,
        Kind::Punct => {
            t.is_punct('-')
                || t.is_punct('.')
                || vulgar_char(t).and_then(words::vulgar_fraction).is_some()
        }
        Kind::Word => {
            let w = t.key();
            matches!(
                w,
                "a" | "an"
                    | "half"
                    | "quarter"
                    | "minus"
                    | "negative"
                    | "dozens"
                    | "tens"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "hundred"
                    | "dozen"
            ) || words::cardinal(w).is_some()
                || words::ordinal(w).is_some()
                || words::scale_ordinal(w).is_some()
        }
    }
}

/// The number grammar.
pub(super) struct Parser<'a> {
    pub text: &'a str,
    pub t: &'a [Tok<'a>],
}

impl<'a> Parser<'a> {
    fn key(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| t.key())
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Word).then(|| t.key())
    }

    fn raw(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
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

    fn digits(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.t.get(i).filter(|t| t.kind == Kind::Number)
    }

    /// The number starting at token `i`.
    pub fn at(&self, i: usize) -> Option<Num> {
        // signs: "-4", "minus five", "negative one"
        let (j, negative) = self.sign(i);
        let mut n = self
            .digit_number(j)
            .or_else(|| self.vulgar(j))
            .or_else(|| self.spelled(j))?;
        if j > i {
            n.first = i;
            n.value = -n.value;
        }
        let _ = negative;
        Some(n)
    }

    fn sign(&self, i: usize) -> (usize, bool) {
        // a minus sign opening the text may stand apart: "- 10 k"
        if i == 0 && self.punct(0, '-') && self.digits(1).is_some() && !self.t[1].line_before {
            return (1, true);
        }
        match self.key(i) {
            "minus" | "negative" if self.at_unsigned(i + 1) => (i + 1, true),
            "-" if self.glued(i + 1)
                && self.digits(i + 1).is_some()
                && (i == 0
                    || !self.glued(i)
                    || self.t[i - 1].kind == Kind::Punct && !self.punct(i - 1, '.')) =>
            {
                // a hyphen between two numbers or words is a range or a compound
                if i > 0 && self.glued(i) && matches!(self.t[i - 1].kind, Kind::Number | Kind::Word)
                {
                    return (i, false);
                }
                (i + 1, true)
            }
            _ => (i, false),
        }
    }

    fn at_unsigned(&self, i: usize) -> bool {
        self.digits(i).is_some() || self.word(i).is_some_and(|w| words::cardinal(w).is_some())
    }

    // ---- digits --------------------------------------------------------------------------

    /// Digits with separators, decimals, fractions, powers, scale words and suffixes.
    fn digit_number(&self, i: usize) -> Option<Num> {
        // ".08": a leading decimal point not glued to a word or number
        if self.punct(i, '.')
            && self.glued(i + 1)
            && self.digits(i + 1).is_some()
            && (i == 0
                || !self.glued(i)
                || !matches!(self.t[i - 1].kind, Kind::Word | Kind::Number))
            && !(self.punct(i + 2, '.') && self.glued(i + 2))
        {
            let v = format!("0.{}", self.raw(i + 1)).parse::<f64>().ok()?;
            let mut n = self.plain(i, i + 2, v);
            n.kind = NumKind::Decimal;
            return Some(n);
        }
        let first = self.digits(i)?;
        // "192.168.1.2": dotted groups are separate integers
        let mut end = i + 1;
        let mut int_text = String::new();
        int_text.push_str(self.raw(i));
        let mut kind = NumKind::Integer;
        let mut value;
        // thousands separators: 1,234,567 (also Indian 12,34,567) or 1 234 567
        let mut groups = 0;
        let mut k = end;
        while self.punct(k, ',') && self.glued(k) && self.glued(k + 1) {
            let Some(g) = self.digits(k + 1) else { break };
            let ok =
                g.digits == 3 || (g.digits == 2 && self.punct(k + 2, ',') && self.glued(k + 2));
            if !ok {
                break;
            }
            int_text.push_str(self.raw(k + 1));
            k += 2;
            groups += 1;
        }
        // 2-digit groups (Indian 12,34,567) must end in a 3-digit one; "22,24,26" is a list
        if groups > 0 && self.digits(k - 1).is_some_and(|g| g.digits != 3) {
            groups = 0;
            int_text = self.raw(i).to_string();
        }
        if groups > 0 {
            end = k;
        } else if first.digits <= 3 {
            // space groups: "1 234 567", "40 000"
            let mut k = end;
            while let Some(g) = self.digits(k) {
                if g.digits != 3
                    || g.line_before
                    || self.t[k].start != self.t[k - 1].end + self.gap(k)
                {
                    break;
                }
                if !self.thin_gap(k) {
                    break;
                }
                int_text.push_str(self.raw(k));
                k += 1;
            }
            if k > end && !self.punct(k, ',') {
                end = k;
            }
        }
        // European 1.111,11
        if groups == 0
            && first.digits <= 3
            && self.punct(end, '.')
            && self.glued(end)
            && self
                .digits(end + 1)
                .is_some_and(|g| g.digits == 3 && g.glued())
            && self.punct(end + 2, ',')
            && self.glued(end + 2)
            && self
                .digits(end + 3)
                .is_some_and(|g| g.digits <= 2 && g.glued())
        {
            int_text.push_str(self.raw(end + 1));
            let dec = self.raw(end + 3);
            value = format!("{int_text}.{dec}").parse::<f64>().ok()?;
            return Some(self.scaled_number(i, end + 4, value, NumKind::Decimal));
        }
        value = int_text.parse::<f64>().ok()?;
        // decimals: 1.5 (but not 192.168.1.2 or a sentence's full stop)
        if self.punct(end, '.')
            && self.glued(end)
            && self.digits(end + 1).is_some_and(|d| d.glued())
            && !(self.punct(end + 2, '.')
                && self.glued(end + 2)
                && self.digits(end + 3).is_some_and(|x| x.glued()))
        {
            if groups == 0
                && i >= 2
                && self.punct(i - 1, '.')
                && self.glued(i)
                && self.digits(i - 2).is_some()
            {
                // the tail of a dotted group
                return Some(self.plain(i, end, value));
            }
            value = format!("{int_text}.{}", self.raw(end + 1))
                .parse::<f64>()
                .ok()?;
            kind = NumKind::Decimal;
            end += 2;
        } else if groups == 0
            && !(i > 1 && self.punct(i - 1, ',') && self.glued(i) && self.digits(i - 2).is_some())
            && self.punct(end, ',')
            && self.glued(end)
            && let Some(d) = self.digits(end + 1).filter(|d| d.glued() && d.digits <= 2)
            && self.digits(end + 2).is_none()
            && !(self.punct(end + 2, ',') && self.glued(end + 2))
        {
            // decimal comma: "1,3", "5,00"
            value = format!("{int_text}.{}", self.raw(end + 1))
                .parse::<f64>()
                .ok()?;
            kind = if d.num == 0 {
                NumKind::Integer
            } else {
                NumKind::Decimal
            };
            end += 2;
        }
        // ordinals: 27th, 1st
        if self.glued(end)
            && self
                .word(end)
                .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th"))
            && kind == NumKind::Integer
        {
            let mut n = self.plain(i, end + 1, value);
            n.kind = NumKind::Ordinal;
            return Some(n);
        }
        // fractions: 3/4, 2 1/4 (not parts of 5/17/2018 or +1-222-2222/2222)
        let in_chain = i > 1
            && self.glued(i)
            && self.glued(i - 1)
            && (self.punct(i - 1, '/') || self.punct(i - 1, '-'))
            && self.digits(i - 2).is_some();
        if kind == NumKind::Integer
            && !in_chain
            && self.punct(end, '/')
            && self.glued(end)
            && let Some(d) = self.digits(end + 1).filter(|d| d.glued() && d.num > 0)
            && !(self.punct(end + 2, '/') && self.glued(end + 2))
        {
            let mut n = self.plain(i, end + 2, value / d.num as f64);
            n.kind = NumKind::Fraction;
            return Some(n);
        }
        if kind == NumKind::Integer
            && let (Some(a), Some(b)) = (self.digits(end), self.digits(end + 2))
            && !self.glued(end)
            && self.punct(end + 1, '/')
            && self.glued(end + 1)
            && self.glued(end + 2)
            && b.num > a.num
            && !(self.punct(end + 3, '/') && self.glued(end + 3))
        {
            let mut n = self.plain(i, end + 3, value + a.num as f64 / b.num as f64);
            n.kind = NumKind::Fraction;
            return Some(n);
        }
        // "2½"
        if self.glued(end)
            && let Some(f) = self
                .t
                .get(end)
                .and_then(vulgar_char)
                .and_then(words::vulgar_fraction)
        {
            let mut n = self.plain(i, end + 1, value + f);
            n.kind = NumKind::Fraction;
            return Some(n);
        }
        // powers: 1e10, 12.32e+14, 1.1^23, 1.3x10^6
        if let Some(n) = self.power(i, end, value) {
            return Some(n);
        }
        // "2000 over 3", "1 over twenty-one"
        if let Some(n) = self.over(i, end, value) {
            return Some(n);
        }
        Some(self.scaled_number(i, end, value, kind))
    }

    /// Bytes of whitespace before token `k`.
    fn gap(&self, k: usize) -> usize {
        self.t[k].start - self.t[k - 1].end
    }

    /// Whether the gap before token `k` is one space (or a narrow no-break space).
    fn thin_gap(&self, k: usize) -> bool {
        let gap = &self.text[self.t[k - 1].end..self.t[k].start];
        gap == " " || gap == "\u{202f}" || gap == "\u{a0}" || gap == "\u{2009}"
    }

    fn plain(&self, first: usize, end: usize, value: f64) -> Num {
        Num {
            first,
            end,
            value,
            kind: if value.fract() == 0.0 {
                NumKind::Integer
            } else {
                NumKind::Decimal
            },
            spelled: false,
            scaled: false,
        }
    }

    /// A number followed by a scale: "1.5 million", "10k", "20.1bn", "3 dozen".
    fn scaled_number(&self, first: usize, end: usize, value: f64, kind: NumKind) -> Num {
        let mut n = Num {
            first,
            end,
            value,
            kind,
            spelled: false,
            scaled: false,
        };
        // glued suffix
        if self.glued(end)
            && self.word(end).is_some()
            && let Some(f) = words::glued_scale(self.raw(end))
        {
            // "1m" alone is a metre; the caller reads "£1m" as money.
            let money_before = first > 0
                && self.t[first - 1].kind == Kind::Punct
                && is_currency_symbol(&self.t[first - 1]);
            if self.raw(end) != "m" || money_before {
                n.value *= f;
                n.end = end + 1;
                n.scaled = true;
                n.kind = integer_if_whole(n.value, kind);
                return n;
            }
        }
        // spaced scale words, possibly several: "1,674.5 million", "three lakh crore"
        let mut k = end;
        let mut scaled = false;
        let mut last_f = 1.0;
        loop {
            let w = self.key(k);
            let raw = self.raw(k);
            let f = words::scale(w)
                .or_else(|| match raw {
                    "k" | "K" | "M" | "G" | "B" => words::glued_scale(raw),
                    _ => None,
                })
                .filter(|_| {
                    self.t
                        .get(k)
                        .is_some_and(|t| t.kind == Kind::Word && !t.line_before)
                });
            if let Some(f) = f {
                // "10 k" only as a bare scale letter at the end of a phrase
                if raw.len() == 1 && self.word(k + 1).is_some() {
                    break;
                }
                n.value *= f;
                k += 1;
                scaled = true;
                last_f = f;
                continue;
            }
            if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
                n.value *= 12.0;
                k += 1;
                scaled = true;
                continue;
            }
            break;
        }
        if scaled {
            n.end = k;
            n.scaled = true;
            n.kind = integer_if_whole(n.value, kind);
            // "4 thousand 3 hundred and 21", "6 crore and two hundred": smaller groups
            // follow a hundred, thousand, lakh or crore
            if matches!(last_f as u64, 100 | 1_000 | 100_000 | 10_000_000) {
                let mut last = last_f;
                loop {
                    let and = self.is(n.end, "and");
                    let j = if and { n.end + 1 } else { n.end };
                    let next = match self.digits(j) {
                        Some(d) if !self.glued(j) && d.digits <= 3 => Some((j + 1, d.num as f64)),
                        Some(_) => None,
                        None => self.cardinal(j),
                    };
                    let Some((e, v)) = next.filter(|(_, v)| *v > 0.0 && *v < last) else {
                        break;
                    };
                    if let Some(s2) = words::scale(self.key(e)) {
                        if s2 >= last || s2 < 100.0 {
                            // "3 hundred and 2 hundred": two numbers
                            break;
                        }
                        n.value += v * s2;
                        n.end = e + 1;
                        last = s2;
                        continue;
                    }
                    if and || v < 100.0 {
                        n.value += v;
                        n.end = e;
                    }
                    break;
                }
            }
            // "3 million and a half"
            if let Some((e, f)) = self.and_fraction(k) {
                n.value += f * (n.value / value.max(1.0)).max(1.0);
                n.end = e;
                n.kind = NumKind::Fraction;
            }
        }
        n
    }

    /// "1e10", "12.32e+14", "1.1^23", "2.5^-1", "1.3x10^6".
    fn power(&self, i: usize, end: usize, base: f64) -> Option<Num> {
        let exponent = |k: usize| -> Option<(usize, f64)> {
            let mut k = k;
            let mut sign = 1.0;
            while self.punct(k, '-') || self.punct(k, '+') {
                if self.punct(k, '-') {
                    sign = -sign;
                }
                k += 1;
            }
            let d = self.digits(k)?;
            Some((k + 1, sign * d.num as f64))
        };
        if self.glued(end) && self.is(end, "e") {
            let (e, x) = exponent(end + 1)?;
            let mut n = self.plain(i, e, base * 10f64.powf(x));
            n.kind = NumKind::Power;
            return Some(n);
        }
        if self.punct(end, '^') && self.glued(end) {
            let (e, x) = exponent(end + 1)?;
            let mut n = self.plain(i, e, base.powf(x));
            n.kind = NumKind::Power;
            return Some(n);
        }
        if self.is(end, "x")
            && self.glued(end)
            && self.digits(end + 1).is_some_and(|t| t.num == 10)
            && self.punct(end + 2, '^')
        {
            let (e, x) = exponent(end + 3)?;
            let mut n = self.plain(i, e, base * 10f64.powf(x));
            n.kind = NumKind::Power;
            return Some(n);
        }
        None
    }

    /// "2000 over 3", "one over three", "one out of three" (the denominator larger), "1 in
    /// twenty-one".
    fn over(&self, i: usize, end: usize, numerator: f64) -> Option<Num> {
        let w = self.key(end);
        let k = match (w, self.key(end + 1)) {
            ("over", _) => end + 1,
            ("out", "of") => end + 2,
            ("in", _) => end + 1,
            _ => return None,
        };
        let d = self.digit_plain(k).or_else(|| self.cardinal(k))?;
        // "over 3 years" is a preposition; "1 in 5 people" a rate
        let after = self.t.get(d.0);
        let bare = after.is_none_or(|t| t.kind == Kind::Punct);
        let year_like = d.1 >= 1000.0 && d.1 <= 2100.0 && d.1.fract() == 0.0;
        match w {
            "over" if !bare => return None,
            "out" | "in" if numerator >= d.1 || year_like => return None,
            "in" if self.digits(k).is_some() && self.digits(i).is_some() => return None,
            _ => {}
        }
        if d.1 == 0.0 {
            return None;
        }
        let mut n = self.plain(i, d.0, numerator / d.1);
        n.kind = NumKind::Fraction;
        n.spelled = self.digits(i).is_none() || self.digits(k).is_none();
        Some(n)
    }

    /// Digits without scale or fraction: (end, value).
    fn digit_plain(&self, i: usize) -> Option<(usize, f64)> {
        let d = self.digits(i)?;
        Some((i + 1, d.num as f64))
    }

    /// A vulgar fraction character alone: "½".
    fn vulgar(&self, i: usize) -> Option<Num> {
        let f = self
            .t
            .get(i)
            .and_then(vulgar_char)
            .and_then(words::vulgar_fraction)?;
        let mut n = self.plain(i, i + 1, f);
        n.kind = NumKind::Fraction;
        Some(n)
    }

    // ---- words ---------------------------------------------------------------------------

    /// A spelled cardinal: (end, value). "a"/"an" count only before a scale ("a hundred").
    pub fn cardinal(&self, i: usize) -> Option<(usize, f64)> {
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        let mut k = i;
        let mut last: Option<Step> = None;
        let mut any = false;
        let mut end = i;
        // the words since the last hundred or scale ("two" in "three hundred and two dozens")
        let mut group = 0.0f64;
        loop {
            let w = self.key(k);
            if k > i && self.t.get(k).is_some_and(|t| t.line_before) {
                break;
            }
            // joiners: "twenty-one", "fifty - two", "hundred and six"
            if k > i && (w == "-" || w == "and") && any {
                let next = self.key(k + 1);
                let joins = match (w, last) {
                    ("-", Some(Step::Ten)) => {
                        words::cardinal(next).is_some_and(|(_, c)| c == Class::Unit)
                    }
                    ("and", Some(Step::Hundred | Step::Scale)) => {
                        words::cardinal(next).is_some_and(|(v, _)| v > 0)
                            || (matches!(next, "a" | "an")
                                && words::scale(self.key(k + 2)).is_some())
                    }
                    _ => false,
                };
                if joins {
                    k += 1;
                    continue;
                }
                break;
            }
            if let Some((v, class)) = words::cardinal(w).filter(|_| self.word(k).is_some()) {
                let ok = match (last, class) {
                    (None, _) => true,
                    (Some(Step::Ten), Class::Unit) => current % 10.0 == 0.0 && v > 0,
                    (Some(Step::Hundred | Step::Scale), _) => true,
                    _ => false,
                };
                if !ok {
                    break;
                }
                if v == 0 && any {
                    break;
                }
                current += f64::from(v);
                group += f64::from(v);
                last = Some(match class {
                    Class::Unit | Class::Teen => Step::Unit,
                    Class::Ten => Step::Ten,
                });
                any = true;
                k += 1;
                end = k;
                continue;
            }
            if matches!(w, "a" | "an")
                && !any
                && (words::scale(self.key(k + 1)).is_some() || matches!(self.key(k + 1), "dozen"))
            {
                current = 1.0;
                last = Some(Step::Unit);
                k += 1;
                continue;
            }
            if w == "hundred"
                && (any || current > 0.0)
                && matches!(last, Some(Step::Unit | Step::Ten))
                && current < 100.0
            {
                current = current.max(1.0) * 100.0;
                group = 0.0;
                last = Some(Step::Hundred);
                any = true;
                k += 1;
                end = k;
                continue;
            }
            if let Some(f) = words::scale(w).filter(|f| *f > 100.0 && (any || current > 0.0)) {
                if matches!(last, Some(Step::Scale)) && current == 0.0 {
                    // "three lakh crore": scales multiply
                    total *= f;
                } else {
                    total += current.max(1.0) * f;
                    current = 0.0;
                }
                group = 0.0;
                last = Some(Step::Scale);
                any = true;
                k += 1;
                end = k;
                continue;
            }
            if matches!(w, "dozen" | "dozens" | "dzs" | "dz" | "doz" | "dozs")
                && (any || current > 0.0)
            {
                if group > 0.0 {
                    current += group * 11.0;
                } else {
                    current = current.max(1.0) * 12.0;
                }
                group = 0.0;
                last = Some(Step::Scale);
                any = true;
                k += 1;
                end = k;
                continue;
            }
            break;
        }
        any.then_some((end, total + current))
    }

    /// A spelled number: cardinal, with "point" decimals, fractions and ordinals.
    fn spelled(&self, i: usize) -> Option<Num> {
        let num = |first, end, value, kind| Num {
            first,
            end,
            value,
            kind,
            spelled: true,
            scaled: false,
        };
        // "hundreds of", "tens of thousands of": vague plurals, at their lower end
        let w = self.key(i);
        let plural = match w {
            "dozens" => Some(12.0),
            "tens" => Some(10.0),
            "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        };
        if let Some(v) = plural
            && self.is(i + 1, "of")
        {
            let next = match self.key(i + 2) {
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                "billions" => Some(1e9),
                _ => None,
            };
            if let Some(f) = next {
                let end = if self.is(i + 3, "of") { i + 4 } else { i + 3 };
                return Some(num(i, end, v * f, NumKind::Integer));
            }
            return Some(num(i, i + 2, v, NumKind::Integer));
        }
        // "half a dozen", "half million", "quarter million", "a half", "a third"
        if matches!(w, "half" | "quarter") {
            let f = if w == "half" { 0.5 } else { 0.25 };
            let k = if matches!(self.key(i + 1), "a" | "an") {
                i + 2
            } else {
                i + 1
            };
            if let Some(s) = words::scale(self.key(k)).filter(|s| *s > 100.0) {
                return Some(num(i, k + 1, f * s, NumKind::Fraction));
            }
            if matches!(self.key(k), "dozen") {
                return Some(num(i, k + 1, f * 12.0, NumKind::Integer));
            }
            if w == "half" && k == i + 1 {
                return Some(num(i, i + 1, 0.5, NumKind::Fraction));
            }
            return None;
        }
        if matches!(w, "a" | "an") {
            // "a half", "a third", "a fifth", "a hundredth", "a trillionth"; "a quarter
            // million"
            if let Some((e, v)) = self.denominator(i + 1, false) {
                if let Some(s) = words::scale(self.key(e)).filter(|s| *s > 100.0) {
                    return Some(num(i, e + 1, s / v, NumKind::Integer));
                }
                return Some(num(i, e, 1.0 / v, NumKind::Fraction));
            }
            if self.is(i + 1, "half") && words::scale(self.key(i + 2)).is_none() {
                return Some(num(i, i + 2, 0.5, NumKind::Fraction));
            }
        }
        // ordinals, alone or after a cardinal: "twenty-first", "two hundredth"
        let (card_end, value) = match self.cardinal(i) {
            Some(c) => c,
            None => {
                let (e, v) = self.ordinal_words(i, 0.0)?;
                return Some(num(i, e, v, NumKind::Ordinal));
            }
        };
        // "one hundred twenty fifth", "three trillionth": a cardinal then an ordinal tail
        if let Some((e, v)) = self.ordinal_tail(i, card_end, value) {
            return Some(num(i, e, v, NumKind::Ordinal));
        }
        // "two hundred point zero three"
        if self.is(card_end, "point")
            && let Some((e, frac)) = self.point_digits(card_end + 1)
        {
            return Some(num(i, e, value + frac, NumKind::Decimal));
        }
        // fractions: "two thirds", "five eighths", "twenty and three fifths", "one and a half"
        if let Some(n) = self.word_fraction(i, card_end, value) {
            return Some(n);
        }
        if let Some(n) = self.over(i, card_end, value) {
            return Some(n);
        }
        let mut n = num(i, card_end, value, NumKind::Integer);
        // "two million and a half", "one million and three quarters million"
        if let Some((e, f)) = self.and_fraction(card_end) {
            let scale = largest_scale(value);
            let mut extra = f * scale;
            let mut end = e;
            if let Some(s) = words::scale(self.key(e)).filter(|s| *s > 100.0) {
                extra = f * s;
                end = e + 1;
            }
            n.value += extra;
            n.end = end;
            n.kind = NumKind::Fraction;
        }
        // "two thirds of a million"
        Some(n)
    }

    /// "and a half", "and three quarters", "and one fourth" after a number: (end, fraction).
    fn and_fraction(&self, i: usize) -> Option<(usize, f64)> {
        if !self.is(i, "and") {
            return None;
        }
        let k = i + 1;
        let (num_end, numerator) = if matches!(self.key(k), "a" | "an") {
            (k + 1, 1.0)
        } else {
            let (e, v) = self.cardinal(k)?;
            (e, v)
        };
        let (e, d) = self.denominator(num_end, numerator > 1.0)?;
        Some((e, numerator / d))
    }

    /// A fraction after a cardinal that ends at `card_end`.
    fn word_fraction(&self, i: usize, card_end: usize, value: f64) -> Option<Num> {
        let frac = |e, v| Num {
            first: i,
            end: e,
            value: v,
            kind: NumKind::Fraction,
            spelled: true,
            scaled: false,
        };
        // "twenty and three fifths", "one hundred and three quarters", "one and a half"
        if let Some((e, f)) = self
            .and_fraction(card_end)
            .filter(|_| largest_scale(value) == 1.0)
        {
            if words::scale(self.key(e)).is_some() {
                // "five and a half million"
                let s = words::scale(self.key(e)).unwrap_or(1.0);
                return Some(frac(e + 1, (value + f) * s));
            }
            return Some(frac(e, value + f));
        }
        // "one hundred thirty fifths" = 100/35: a tens word right before a unit
        // ordinal joins the denominator when something precedes it
        let o = if self.punct(card_end, '-') {
            card_end + 1
        } else {
            card_end
        };
        if card_end >= i + 2
            && let Some((w_ten, Class::Ten)) = words::cardinal(self.key(card_end - 1))
            && !self.is(card_end - 2, "and")
            && let Some((u, Class::Unit, _)) = self.word(o).and_then(words::ordinal)
        {
            let numerator = value - f64::from(w_ten);
            if numerator > 0.0 {
                return Some(frac(o + 1, numerator / f64::from(w_ten + u)));
            }
        }
        // "one hundred and three quarters" = 100 + 3/4, but "one hundred and thirty fifths"
        // = 130/5: a single unit word (or hundredths) after "and" is a mixed number
        if let Some(a) = (i + 1..card_end).rev().find(|&k| self.is(k, "and"))
            && let Some((tail_end, tail)) = self.cardinal(a + 1)
            && tail_end == card_end
            && let Some((e, d)) = self.denominator(card_end, tail > 1.0)
        {
            let single_unit = card_end == a + 2 && tail < 10.0;
            if single_unit || d >= 100.0 {
                // "six million and two thirds": the fraction is of the head's scale
                let head = value - tail;
                let (scale, end) = match words::scale(self.key(e)).filter(|s| *s > 100.0) {
                    Some(s) => (s, e + 1),
                    None => (largest_scale(head), e),
                };
                return Some(frac(end, head + tail / d * scale));
            }
        }
        // "two-thirds", "one - fourth"
        let k = if self.punct(card_end, '-')
            && self.word(card_end + 1).is_some_and(|w| {
                words::ordinal(w).is_some()
                    || matches!(w, "half" | "halves" | "quarter" | "quarters")
            }) {
            card_end + 1
        } else {
            card_end
        };
        let (e, d) = self.denominator(k, value > 1.0)?;
        let mut n = frac(e, value / d);
        // "three quarters billion"
        if let Some(s) = words::scale(self.key(e)).filter(|s| *s > 100.0) {
            n.value *= s;
            n.end = e + 1;
            return Some(n);
        }
        // "two thirds of a million"
        if self.is(e, "of")
            && matches!(self.key(e + 1), "a" | "an")
            && let Some(s) = words::scale(self.key(e + 2)).filter(|s| *s > 100.0)
        {
            n.value *= s;
            n.end = e + 3;
        }
        Some(n)
    }

    /// A denominator at `i`: "half/halves", "third(s)", "quarter(s)", "fifth(s)",
    /// "twenty-first(s)", "hundredth(s)": (end, value). `plural` asks for a plural form
    /// (after a numerator above one), though the singular is accepted too.
    fn denominator(&self, i: usize, _plural: bool) -> Option<(usize, f64)> {
        let w = self.word(i)?;
        match w {
            "half" | "halves" => return Some((i + 1, 2.0)),
            "quarter" | "quarters" => return Some((i + 1, 4.0)),
            _ => {}
        }
        if let Some((f, _)) = words::scale_ordinal(w) {
            return Some((i + 1, f));
        }
        // "hundred trillionths", "hundred thousand trillionths"
        if let Some((e, v)) = self.cardinal(i) {
            if let Some((f, _)) = self.word(e).and_then(words::scale_ordinal) {
                return Some((e + 1, v * f));
            }
            // "twenty-first", "twenty-fifths"
            if let Some((t, Class::Ten)) = words::cardinal(w)
                && e == i + 1
                && self.punct(e, '-')
                && let Some((u, Class::Unit, _)) = self.word(e + 1).and_then(words::ordinal)
            {
                return Some((e + 2, f64::from(t + u)));
            }
            // "hundred-fifths"
            if self.punct(e, '-')
                && let Some((u, _, _)) = self.word(e + 1).and_then(words::ordinal)
            {
                return Some((e + 2, v * f64::from(u)));
            }
            if let Some((u, class, _)) = self.word(e).and_then(words::ordinal) {
                // "hundred fifth", "twenty firsts"
                let ten = v < 100.0 && v % 10.0 == 0.0 && v >= 20.0 && class == Class::Unit;
                if v >= 100.0 || ten {
                    return Some((e + 1, v + f64::from(u)));
                }
                return None;
            }
            return None;
        }
        let (v, _, _) = words::ordinal(w)?;
        if v <= 2 {
            // "a first", "a second" are not fractions
            return None;
        }
        // "one - fourth"
        Some((i + 1, f64::from(v)))
    }

    /// An ordinal in words from `i`: "first", "twenty-first", "hundredth": (end, value).
    fn ordinal_words(&self, i: usize, base: f64) -> Option<(usize, f64)> {
        let w = self.word(i)?;
        if let Some((f, false)) = words::scale_ordinal(w) {
            return Some((i + 1, base.max(1.0) * f));
        }
        let (v, _, plural) = words::ordinal(w)?;
        if plural {
            return None;
        }
        Some((i + 1, base + f64::from(v)))
    }

    /// An ordinal ending a cardinal ("one hundred twenty fifth", "two hundredth",
    /// "twenty-first", "three trillionth").
    fn ordinal_tail(&self, i: usize, card_end: usize, value: f64) -> Option<(usize, f64)> {
        let _ = i;
        // "twenty-first"
        let hyphen = self.punct(card_end, '-') && self.glued(card_end);
        let k = if hyphen { card_end + 1 } else { card_end };
        let w = self.word(k)?;
        if let Some((f, false)) = words::scale_ordinal(w) {
            // "two hundredth" = 200, "three trillionth" = 3e12
            return Some((k + 1, value * f));
        }
        let (v, class, plural) = words::ordinal(w)?;
        if plural {
            return None;
        }
        // the ordinal must fit the cardinal's last place: "twenty first", "hundred fifth",
        // "trillion and three hundred twenty second"
        let fits = match class {
            Class::Unit => value % 10.0 == 0.0 && value > 0.0,
            Class::Teen | Class::Ten => value % 100.0 == 0.0 && value > 0.0,
        };
        if !fits || v == 0 {
            return None;
        }
        // "a value of forty two and a third" is a fraction, handled before; here a tens
        // word directly before a unit ordinal: "twenty fifth" = 25th only as an ordinal
        // when nothing makes it a fraction ("twenty fifths" is plural).
        if !hyphen
            && class == Class::Unit
            && value % 100.0 != 0.0
            && !matches!(self.key(card_end - 1), "-")
        {
            // "twenty first": accept
        }
        Some((k + 1, value + f64::from(v)))
    }

    /// Digits after "point": "zero three" → .03, "seventy-one" → .71, "eleven" → .11.
    fn point_digits(&self, i: usize) -> Option<(usize, f64)> {
        let mut s = String::from("0.");
        let mut k = i;
        loop {
            if let Some((v, Class::Unit)) = self.word(k).and_then(words::cardinal) {
                s.push(char::from_digit(v, 10).unwrap_or('0'));
                k += 1;
                continue;
            }
            if k == i
                && let Some((e, v)) = self.cardinal(k)
            {
                s.push_str(&(v as u64).to_string());
                k = e;
            }
            break;
        }
        if k == i {
            return None;
        }
        Some((k, s.parse().ok()?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Unit,
    Ten,
    Hundred,
    Scale,
}

fn integer_if_whole(value: f64, kind: NumKind) -> NumKind {
    if value.fract() == 0.0 && kind != NumKind::Fraction {
        NumKind::Integer
    } else if kind == NumKind::Integer {
        NumKind::Decimal
    } else {
        kind
    }
}

/// The largest scale a value was built with (a million for 3,000,000).
fn largest_scale(value: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|s| value >= *s && (value / s).fract() == 0.0)
        .unwrap_or(1.0)
}

fn vulgar_char(t: &Tok) -> Option<char> {
    (t.kind == Kind::Punct)
        .then(|| char::from_u32(t.num as u32))
        .flatten()
}

/// Whether a punctuation token is a currency symbol.
pub(super) fn is_currency_symbol(t: &Tok) -> bool {
    t.kind == Kind::Punct
        && matches!(
            char::from_u32(t.num as u32),
            Some('$' | '£' | '€' | '¥' | '₹' | '₽' | '₴' | '₩' | '₺' | '₦')
        )
}

//! Microsoft Recognizers-Text English test specs as data-driven checks of the number, unit
//! and date layers: each case's input is run through Gleaner and compared with the spec's
//! expected results; pass rates are printed per spec file.
//!
//! A case passes when every expected result is found and nothing else is (within the kind
//! of result the spec tests). How a result is compared depends on the spec:
//! - Number, Ordinal: same text (case-insensitive) and value.
//! - Percent, NumberRange, Currency, Dimension, Temperature, Age: a Gleaner figure overlapping
//!   the expected text with the same value and unit (ranges: the same bound and ends).
//! - DateTime: a Gleaner time expression overlapping the expected text whose TIMEX3 value
//!   equals the expected timex, where the spec's `X` placeholders (a year it leaves open)
//!   accept any digit and a bare clock time (`T20`) accepts any day.
//!
//! Cases are out of scope, with the reason printed, when the .NET reference implementation
//! itself fails them (`NotSupported` names dotnet), when the result is a kind Gleaner does
//! not produce by design (relative ordinals such as "next"/"last"; TIMEX3 has no interval
//! values, so "from 3 to 5pm" tuples; time zones; "in two weeks" resolved to a date, which
//! TimeML and the TE3 gold annotate as the duration `P2W`; minutes or hours counted from
//! the reference's clock time, which a publication date does not have; a vague count
//! "a few hours" resolved to three, which TimeML leaves open as `PTXH`; the end of a day
//! resolved to 23:59:59, which TimeML writes as the day with `mod` END; "3 days after
//! January 12th" resolved to a date, where TimeML annotates the duration and the anchor),
//! or when a file
//! tests a non-default
//! recogniser mode (`*ExperimentalMode`, `*PercentMode`, `*SuppressExtendedTypes`), whose
//! expectations contradict the default files'. DateTime cases are also judged under the
//! earlier scope, without the three most recent classes (vague counts, the end of a day,
//! N units before/after a named date), and that rate is reported beside the current one.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use gleaner_core::model::{QuantityBound, QuantityCategory, Span};
use gleaner_core::{calendar, quantities, time};
use serde_json::Value;

/// What a spec file tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecKind {
    Number,
    Ordinal,
    Percent,
    NumberRange,
    Currency,
    Dimension,
    Temperature,
    Age,
    DateTime,
}

/// One expected result.
#[derive(Debug, Clone)]
struct Expected {
    text: String,
    start: usize,
    end: usize,
    type_name: String,
    resolution: Value,
}

/// A case's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail(String),
    OutOfScope(&'static str),
}

/// Scores of one spec file.
#[derive(Debug, Clone, Default)]
pub struct FileScore {
    pub file: String,
    pub total: usize,
    pub passed: usize,
    pub failed: usize,
    pub out_of_scope: BTreeMap<&'static str, usize>,
    pub failures: Vec<String>,
    pub excluded: Vec<String>,
    /// The file tests a non-default mode: reported, not a target.
    pub other_mode: bool,
    /// DateTime only: the cases passed and judged under the earlier scope, where the three
    /// most recent out-of-scope classes (`RECENT_CLASSES`) are judged like any other case.
    pub earlier: Option<(usize, usize)>,
    /// DateTime only: the failures among those recently out-of-scope cases.
    pub earlier_failures: Vec<String>,
}

impl FileScore {
    /// The pass rate under the earlier scope (DateTime files only).
    pub fn earlier_rate(&self) -> Option<f64> {
        self.earlier
            .map(|(p, n)| if n == 0 { 0.0 } else { p as f64 / n as f64 })
    }

    pub fn in_scope(&self) -> usize {
        self.passed + self.failed
    }

    pub fn rate(&self) -> f64 {
        if self.in_scope() == 0 {
            0.0
        } else {
            self.passed as f64 / self.in_scope() as f64
        }
    }
}

/// Runs one spec file.
pub fn run_file(path: &Path, kind: SpecKind) -> Result<FileScore> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let cases: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))?;
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let other_mode = file.contains("ExperimentalMode")
        || file.contains("PercentMode.json")
        || file.contains("SuppressExtendedTypes");
    let mut score = FileScore {
        file,
        other_mode,
        ..FileScore::default()
    };
    for case in &cases {
        score.total += 1;
        let input = case["Input"].as_str().unwrap_or_default();
        let outcome = if case["NotSupported"]
            .as_str()
            .is_some_and(|s| s.to_ascii_lowercase().contains("dotnet"))
        {
            Outcome::OutOfScope(
                "the .NET reference implementation fails it too (NotSupported: dotnet)",
            )
        } else {
            let reference = case["Context"]["ReferenceDateTime"]
                .as_str()
                .and_then(|r| calendar::parse_iso(r.get(..10)?))
                .map(|s| s.date);
            let expected = expected_results(case);
            if kind == SpecKind::DateTime {
                // judged twice: under today's scope and under the scope before the three
                // most recent classes were set out of scope, so both figures are honest
                let current = judge_times(input, reference, &expected, Scope::Current);
                let earlier = if matches!(current, Outcome::OutOfScope(_)) {
                    judge_times(input, reference, &expected, Scope::Earlier)
                } else {
                    current.clone()
                };
                let (p, n) = score.earlier.get_or_insert((0, 0));
                match &earlier {
                    Outcome::Pass => (*p, *n) = (*p + 1, *n + 1),
                    Outcome::Fail(why) => {
                        *n += 1;
                        if current != earlier {
                            score.earlier_failures.push(format!("{input:?}: {why}"));
                        }
                    }
                    Outcome::OutOfScope(_) => {}
                }
                current
            } else {
                judge(kind, input, reference, &expected)
            }
        };
        match outcome {
            Outcome::Pass => score.passed += 1,
            Outcome::Fail(why) => {
                score.failed += 1;
                score.failures.push(format!("{input:?}: {why}"));
            }
            Outcome::OutOfScope(reason) => {
                *score.out_of_scope.entry(reason).or_default() += 1;
                score.excluded.push(format!("{input:?}: {reason}"));
            }
        }
    }
    Ok(score)
}

fn expected_results(case: &Value) -> Vec<Expected> {
    let empty = Vec::new();
    case["Results"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|r| {
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = match (r["End"].as_u64(), r["Length"].as_u64()) {
                (Some(e), _) => e as usize + 1,
                (None, Some(l)) => start + l as usize,
                _ => start + r["Text"].as_str().map_or(0, |t| t.chars().count()),
            };
            Expected {
                text: r["Text"].as_str().unwrap_or_default().to_string(),
                start,
                end,
                type_name: r["TypeName"]
                    .as_str()
                    .or_else(|| r["Type"].as_str())
                    .unwrap_or_default()
                    .to_string(),
                resolution: if r["Resolution"].is_null() {
                    r["Value"].clone()
                } else {
                    r["Resolution"].clone()
                },
            }
        })
        .collect()
}

fn judge(
    kind: SpecKind,
    input: &str,
    reference: Option<calendar::Date>,
    expected: &[Expected],
) -> Outcome {
    match kind {
        SpecKind::Number | SpecKind::Ordinal => judge_numbers(kind, input, expected),
        SpecKind::DateTime => judge_times(input, reference, expected, Scope::Current),
        _ => judge_figures(kind, input, expected),
    }
}

// ---- numbers -----------------------------------------------------------------------------

fn judge_numbers(kind: SpecKind, input: &str, expected: &[Expected]) -> Outcome {
    if kind == SpecKind::Ordinal && expected.iter().any(|e| e.type_name == "ordinal.relative") {
        return Outcome::OutOfScope(
            "relative ordinals (\"next\", \"last\", \"penultimate\") are list navigation, not figures",
        );
    }
    let found: Vec<(String, f64)> = quantities::scan_numbers(input)
        .into_iter()
        .filter(|n| (kind == SpecKind::Ordinal) == (n.kind == quantities::NumKind::Ordinal))
        .map(|n| (input[n.start..n.end].to_lowercase(), n.value))
        .collect();
    let mut want: Vec<(String, f64)> = Vec::new();
    for e in expected {
        let v = e.resolution["value"]
            .as_str()
            .and_then(|v| v.parse::<f64>().ok());
        match v {
            Some(v) => want.push((e.text.to_lowercase(), v)),
            None => return Outcome::OutOfScope("the expected value is not a number"),
        }
    }
    same_set(&found, &want)
}

fn same_set(found: &[(String, f64)], want: &[(String, f64)]) -> Outcome {
    let mut used = vec![false; found.len()];
    for (t, v) in want {
        let hit = found
            .iter()
            .enumerate()
            .find(|(k, (ft, fv))| !used[*k] && ft == t && close(*fv, *v));
        match hit {
            Some((k, _)) => used[k] = true,
            None => return Outcome::Fail(format!("missed {t:?} = {v}; found {found:?}")),
        }
    }
    if let Some((k, _)) = used.iter().enumerate().find(|(_, u)| !**u) {
        return Outcome::Fail(format!("spurious {:?}", found[k]));
    }
    Outcome::Pass
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0) || (a - b).abs() <= 1e-12
}

// ---- figures with units and bounds -------------------------------------------------------

/// A Gleaner figure in code points.
struct Figure {
    start: usize,
    end: usize,
    value: f64,
    value_max: Option<f64>,
    bound: QuantityBound,
    unit: Option<&'static str>,
    category: QuantityCategory,
}

fn judge_figures(kind: SpecKind, input: &str, expected: &[Expected]) -> Outcome {
    let sentences = [Span {
        start: 0,
        end: input.chars().count(),
    }];
    let to_char = |b: usize| input[..b].chars().count();
    let figures: Vec<Figure> = quantities::find_quantities(input, &sentences)
        .into_iter()
        .map(|q| Figure {
            start: to_char(q.start),
            end: to_char(q.end),
            value: q.value,
            value_max: q.value_max,
            bound: q.bound,
            unit: q.unit,
            category: q.category,
        })
        .filter(|f| relevant(kind, f))
        .collect();
    if kind == SpecKind::Percent
        && expected
            .iter()
            .any(|e| e.resolution["value"].as_str() == Some("null"))
    {
        return Outcome::OutOfScope("a percent sign or word without a number is not a figure");
    }
    if kind != SpecKind::NumberRange && expected.iter().any(|e| e.resolution["value"].is_null()) {
        return Outcome::OutOfScope("a unit named without a number is not a figure");
    }
    let mut used = vec![false; figures.len()];
    for e in expected {
        let hit = figures.iter().enumerate().find(|(k, f)| {
            !used[*k] && f.start < e.end && e.start < f.end && matches_expected(kind, f, e)
        });
        match hit {
            Some((k, _)) => used[k] = true,
            None => {
                let got: Vec<String> = figures
                    .iter()
                    .map(|f| {
                        format!(
                            "{:?} {} {:?} {:?}",
                            &input_chars(input, f.start, f.end),
                            f.value,
                            f.unit,
                            f.bound
                        )
                    })
                    .collect();
                return Outcome::Fail(format!(
                    "missed {:?} {}; found {got:?}",
                    e.text, e.resolution
                ));
            }
        }
    }
    if let Some((k, _)) = used.iter().enumerate().find(|(_, u)| !**u) {
        let f = &figures[k];
        return Outcome::Fail(format!(
            "spurious {:?} {} {:?}",
            input_chars(input, f.start, f.end),
            f.value,
            f.unit
        ));
    }
    Outcome::Pass
}

fn input_chars(input: &str, start: usize, end: usize) -> String {
    input.chars().skip(start).take(end - start).collect()
}

/// Whether a figure is of the kind the spec tests.
fn relevant(kind: SpecKind, f: &Figure) -> bool {
    let unit = f.unit.unwrap_or("");
    match kind {
        SpecKind::Percent => unit == "%",
        SpecKind::NumberRange => !matches!(f.bound, QuantityBound::Exact | QuantityBound::Approx),
        SpecKind::Currency => currency_unit(unit),
        SpecKind::Temperature => unit.starts_with('°'),
        // an age is a time unit that is not a duration ("29 years old")
        SpecKind::Age => {
            f.category == QuantityCategory::Other
                && matches!(unit, "year" | "month" | "week" | "day")
        }
        SpecKind::Dimension => {
            !unit.is_empty()
                && !currency_unit(unit)
                && !unit.starts_with('°')
                && !matches!(
                    unit,
                    "%" | "pp"
                        | "s"
                        | "min"
                        | "h"
                        | "day"
                        | "week"
                        | "month"
                        | "year"
                        | "decade"
                        | "century"
                )
        }
        _ => true,
    }
}

fn currency_unit(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

fn matches_expected(kind: SpecKind, f: &Figure, e: &Expected) -> bool {
    let r = &e.resolution;
    match kind {
        SpecKind::NumberRange => {
            let Some(interval) = r["value"].as_str() else {
                return false;
            };
            interval_matches(interval, f)
        }
        _ => {
            let Some(v) = r["value"]
                .as_str()
                .and_then(|v| v.trim_end_matches('%').parse::<f64>().ok())
            else {
                return false;
            };
            let unit = f.unit.unwrap_or("");
            let name = r["unit"].as_str().unwrap_or("");
            let (want, factor) = match kind {
                SpecKind::Percent => ("%", 1.0),
                SpecKind::Dimension if name == "Pound" => ("lb", 1.0),
                SpecKind::Dimension if name == "Degree" => ("deg", 1.0),
                SpecKind::Dimension if name == "Radian" => ("rad", 1.0),
                SpecKind::Dimension if name == "Bit" => ("bit", 1.0),
                SpecKind::Dimension if name == "Cup" => ("cup", 1.0),
                _ => spec_unit(name, r["isoCurrency"].as_str()),
            };
            let unit_ok = want == unit || (want == "*money" && currency_unit(unit));
            unit_ok && close(f.value * factor, v)
        }
    }
}

/// Gleaner's unit for a spec unit name, and the factor from Gleaner's value to the spec's
/// (cents are hundredths of a dollar in Gleaner).
fn spec_unit(name: &str, iso: Option<&str>) -> (&'static str, f64) {
    if let Some(code) = iso {
        let code: &'static str = match code {
            "USD" => "USD",
            "CAD" => "CAD",
            "AUD" => "AUD",
            "HKD" => "HKD",
            "NZD" => "NZD",
            "GBP" => "GBP",
            "EUR" => "EUR",
            "JPY" => "JPY",
            "CNY" => "CNY",
            "CHF" => "CHF",
            "MXN" => "MXN",
            "TRY" => "TRY",
            "INR" => "INR",
            "LKR" => "LKR",
            "BTC" => "BTC",
            "CRC" => "CRC",
            "GEL" => "GEL",
            "LAK" => "LAK",
            _ => "?",
        };
        if code != "?" {
            return (code, 1.0);
        }
    }
    match name {
        "Dollar" | "United States dollar" => ("USD", 1.0),
        "Canadian dollar" => ("CAD", 1.0),
        "Australian dollar" => ("AUD", 1.0),
        "Hong Kong dollar" => ("HKD", 1.0),
        "New Zealand dollar" => ("NZD", 1.0),
        "Pound" | "British pound" => ("GBP", 1.0),
        "Pence" | "Penny" => ("GBP", 100.0),
        "Cent" => ("USD", 100.0),
        "Euro" => ("EUR", 1.0),
        "Japanese yen" => ("JPY", 1.0),
        "Chinese yuan" => ("CNY", 1.0),
        "Franc" | "Swiss franc" => ("CHF", 1.0),
        "Mexican peso" => ("MXN", 1.0),
        "Turkish lira" => ("TRY", 1.0),
        "Rupee" => ("INR", 1.0),
        "Bitcoin" => ("BTC", 1.0),
        "Finnish markka" => ("FIM", 1.0),
        "Peseta" => ("ESP", 1.0),
        "Netherlands guilder" => ("NLG", 1.0),
        "Costa Rican colón" => ("CRC", 1.0),
        "Georgian lari" => ("GEL", 1.0),
        "Lao kip" => ("LAK", 1.0),
        "Age" => ("year", 1.0),
        "Tablespoon" => ("tbsp", 1.0),
        "Teaspoon" => ("tsp", 1.0),
        "Cubic foot" => ("ft3", 1.0),
        "C" => ("°C", 1.0),
        "F" => ("°F", 1.0),
        "Degree" => ("°", 1.0),
        "Year" => ("year", 1.0),
        "Month" => ("month", 1.0),
        "Week" => ("week", 1.0),
        "Day" => ("day", 1.0),
        "Mile" => ("mi", 1.0),
        "Foot" => ("ft", 1.0),
        "Inch" => ("in", 1.0),
        "Meter" => ("m", 1.0),
        "Kilometer" => ("km", 1.0),
        "Millimeter" => ("mm", 1.0),
        "Centimeter" => ("cm", 1.0),
        "Decimeter" => ("dm", 1.0),
        "Square meter" => ("m2", 1.0),
        "Square kilometer" => ("km2", 1.0),
        "Acre" => ("acre", 1.0),
        "Kilogram" => ("kg", 1.0),
        "Gram" => ("g", 1.0),
        "Microgram" => ("µg", 1.0),
        "Ounce" => ("oz", 1.0),
        "Ton" | "Metric ton" => ("t", 1.0),
        "Gallon" => ("gal", 1.0),
        "Barrel" => ("bbl", 1.0),
        "Milliliter" => ("ml", 1.0),
        "Mile per hour" => ("mph", 1.0),
        "Kilometer per hour" => ("km/h", 1.0),
        "Megabyte" => ("MB", 1.0),
        _ => ("?", 1.0),
    }
}

/// Whether a figure's bound and ends express a spec interval ("(30,)", "[20,30)").
fn interval_matches(interval: &str, f: &Figure) -> bool {
    let open_low = interval.starts_with('(');
    let inner = interval.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    let Some((lo, hi)) = inner.split_once(',') else {
        return false;
    };
    let lo = lo.trim().parse::<f64>().ok();
    let hi = hi.trim().parse::<f64>().ok();
    let closed_high = interval.ends_with(']');
    match (lo, hi) {
        (Some(l), None) => {
            let bound = if open_low {
                QuantityBound::MoreThan
            } else {
                QuantityBound::AtLeast
            };
            f.bound == bound && close(f.value, l)
        }
        (None, Some(h)) => {
            let bound = if closed_high {
                QuantityBound::AtMost
            } else {
                QuantityBound::LessThan
            };
            f.bound == bound && close(f.value, h)
        }
        (Some(l), Some(h)) => {
            f.bound == QuantityBound::Range
                && close(f.value, l)
                && f.value_max.is_some_and(|m| close(m, h))
        }
        (None, None) => false,
    }
}

// ---- dates and times ---------------------------------------------------------------------

/// Which out-of-scope classes a DateTime case is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every class below.
    Current,
    /// Without the three most recent classes (a vague count resolved to three, the end of a
    /// day at 23:59:59, N units before/after a named date): those cases are judged.
    Earlier,
}

fn judge_times(
    input: &str,
    reference: Option<calendar::Date>,
    expected: &[Expected],
    scope: Scope,
) -> Outcome {
    let recent = scope == Scope::Current;
    for e in expected {
        if e.type_name.ends_with("timezone") {
            return Outcome::OutOfScope(
                "time zones on their own are not time expressions in TIMEX3",
            );
        }
        let timexes = timexes(&e.resolution);
        if timexes.is_empty() {
            return Outcome::OutOfScope("the expected result has no timex");
        }
        if timexes.iter().all(|t| t.starts_with('(')) {
            return Outcome::OutOfScope(
                "an interval \"(start,end,duration)\": TIMEX3 has no interval values (TimeML marks the two ends)",
            );
        }
        if in_units(&e.text) && timexes.iter().all(|t| !t.starts_with('P')) {
            return Outcome::OutOfScope(
                "\"in N units\" resolved to a point: TimeML annotates the duration (\"in <P2W>two weeks</>\", as the TE3 gold does)",
            );
        }
        if recent && vague_count(&e.text) && timexes.iter().all(|t| t.starts_with('P')) {
            return Outcome::OutOfScope(
                "a vague count (\"a few hours\", \"several weeks\") resolved to 3: TimeML leaves it open (PXW, as the TE3 gold does)",
            );
        }
        if recent && end_of(&e.text) && timexes.iter().all(|t| t.ends_with("T23:59:59")) {
            return Outcome::OutOfScope(
                "the end of a day resolved to 23:59:59: TimeML marks the day with mod END (as the TE3 gold marks \"the end of November\")",
            );
        }
        if recent && anchored_offset(&e.text) && timexes.iter().all(|t| !t.starts_with('P')) {
            return Outcome::OutOfScope(
                "N units before/after a named date resolved to a point: TimeML annotates the duration and the anchor (\"<P8D>Eight trading days</> after <Oct. 12>\", as the TE3 gold does)",
            );
        }
        if clock_offset(&e.text) && timexes.iter().all(|t| t.contains('T')) {
            return Outcome::OutOfScope(
                "minutes or hours from the reference's clock time: Gleaner's reference is a publication date",
            );
        }
    }
    let sentences = [Span {
        start: 0,
        end: input.chars().count(),
    }];
    let to_char = |b: usize| input[..b].chars().count();
    let found: Vec<(usize, usize, String)> = time::find_times(input, &sentences, reference)
        .into_iter()
        .map(|t| (to_char(t.start), to_char(t.end), t.value))
        .collect();
    let mut used = vec![false; found.len()];
    for e in expected {
        let want = timexes(&e.resolution);
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].0 < e.end && e.start < found[k].1)
            .collect();
        if overlapping.is_empty() {
            return Outcome::Fail(format!("missed {:?} {want:?}; found {found:?}", e.text));
        }
        match overlapping
            .iter()
            .find(|&&k| want.iter().any(|w| timex_matches(w, &found[k].2)))
        {
            Some(&k) => {
                for k2 in overlapping {
                    used[k2] = true;
                }
                used[k] = true;
            }
            None => {
                return Outcome::Fail(format!(
                    "{:?}: value {:?}, expected {want:?}",
                    e.text,
                    overlapping.iter().map(|&k| &found[k].2).collect::<Vec<_>>()
                ));
            }
        }
    }
    if let Some((k, _)) = used.iter().enumerate().find(|(_, u)| !**u) {
        return Outcome::Fail(format!("spurious {:?}", found[k]));
    }
    Outcome::Pass
}

/// The count and unit of a relative expression: "two weeks", "a fortnight", "half an hour".
fn count_unit(words: &[&str]) -> Option<usize> {
    let unit = |w: &str| {
        let w = w.trim_end_matches('s');
        matches!(
            w,
            "minute" | "min" | "hour" | "day" | "week" | "month" | "year" | "fortnight"
        )
        .then_some(w.len())
    };
    let count = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w,
                "a" | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "few"
                    | "several"
            )
    };
    match words {
        ["half", "an" | "a", u, ..] if unit(u).is_some() => Some(3),
        [c, u, ..] if count(c) && unit(u).is_some() => Some(2),
        _ => None,
    }
}

/// "in two weeks", "in a fortnight": TimeML's DURATION, which the spec resolves to a date.
fn in_units(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.first() == Some(&"in") && count_unit(&words[1..]).is_some()
}

/// "a few hours", "several weeks", "some days": a count TimeML leaves unspecified.
fn vague_count(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| matches!(w[0], "few" | "several" | "some") && count_unit(&["1", w[1]]).is_some())
}

/// "end of the day", "the end of tomorrow", "eod": the last moment of a day.
fn end_of(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("end of") || lower.split_whitespace().any(|w| w == "eod")
}

/// "3 days after January 12th", "2 weeks before Christmas", "16 days from 01/02/2018": a
/// count of units before or after a named date (not "now", "today", "tomorrow", which
/// Gleaner resolves as shifts of the reference date).
fn anchored_offset(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    (0..words.len()).any(|p| {
        count_unit(&words[p..]).is_some_and(|n| {
            matches!(words.get(p + n), Some(&("before" | "after" | "from")))
                && words.get(p + n + 1).is_some_and(|w| {
                    !matches!(
                        w.trim_end_matches(|c: char| !c.is_alphanumeric()),
                        "now" | "today" | "tonight" | "tomorrow" | "tmrw" | "yesterday"
                    )
                })
        })
    })
}

/// "3 minutes from now", "30 min later", "half an hour from now": a clock time relative to
/// the reference's time of day.
fn clock_offset(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some(n) = count_unit(&words) else {
        return false;
    };
    let sub_day = words[..n]
        .iter()
        .any(|w| matches!(w.trim_end_matches('s'), "minute" | "min" | "hour"));
    sub_day && matches!(words.get(n..), Some(["later"]) | Some(["from", "now"]))
}

/// The timex strings of a resolution (model files: `values[].timex`; parser files:
/// `Timex`).
fn timexes(r: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(vs) = r["values"].as_array() {
        for v in vs {
            if let Some(t) = v["timex"].as_str() {
                out.push(t.to_string());
            }
        }
    }
    if let Some(t) = r["Timex"].as_str() {
        out.push(t.to_string());
    }
    out
}

/// Whether Gleaner's TIMEX3 value expresses the spec's timex: `X` placeholders accept any
/// digit, a clock time without a day accepts any day, and `:00` minutes may be left out.
fn timex_matches(want: &str, got: &str) -> bool {
    let norm = |s: &str| -> String {
        let s = s.to_ascii_uppercase();
        match s.split_once('T') {
            Some((d, t)) if !d.is_empty() || s.starts_with('T') => {
                let mut t = t.to_string();
                while t.ends_with(":00") {
                    t.truncate(t.len() - 3);
                }
                format!("{d}T{t}")
            }
            _ => s,
        }
    };
    let (w, g) = (norm(want), norm(got));
    if w == g {
        return true;
    }
    // a bare clock time: any day
    if w.starts_with('T')
        && let Some(i) = g.find('T')
    {
        return g[i..] == w;
    }
    if w.len() == g.len()
        && w.chars()
            .zip(g.chars())
            .all(|(a, b)| a == b || (a == 'X' && b.is_ascii_digit()))
    {
        return true;
    }
    // "XXXX-WXX-5" (a Friday the spec leaves open) against a resolved Friday
    if let Some(rest) = w.strip_prefix("XXXX-WXX-")
        && let Some(day) = rest.chars().next().and_then(|c| c.to_digit(10))
        && let Some(date) = g.get(..10).and_then(calendar::parse_iso)
    {
        return u32::from(date.date.weekday()) == day && rest[1..] == g[10..];
    }
    // durations written differently: P3Y6M and P3.5Y, PT1H30M and PT1.5H, P1Q and P3M
    match (duration_months_seconds(&w), duration_months_seconds(&g)) {
        (Some(a), Some(b)) => (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-6,
        _ => false,
    }
}

/// A TIMEX3 duration as (months, seconds); `None` when not a fully specified duration.
fn duration_months_seconds(v: &str) -> Option<(f64, f64)> {
    let rest = v.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut months = 0.0;
    let mut seconds = 0.0;
    let mut any = false;
    for (part, is_time) in [(date, false), (time, true)] {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let n: f64 = num.parse().ok()?;
            num.clear();
            any = true;
            match (c, is_time) {
                ('Y', false) => months += 12.0 * n,
                ('M', false) => months += n,
                ('Q', false) => months += 3.0 * n,
                ('W', false) => seconds += n * 7.0 * 86400.0,
                ('D', false) => seconds += n * 86400.0,
                ('H', true) => seconds += n * 3600.0,
                ('M', true) => seconds += n * 60.0,
                ('S', true) => seconds += n,
                _ => return None,
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    any.then_some((months, seconds))
}

//! Normalisation: a [`Sem`] and its context → TIMEX3 type and value.
//!
//! Relative expressions resolve against the reference date (the article's publication
//! date); narrative-relative ones ("the next day", "a year earlier") against the last date
//! the article mentioned. Without a reference date, what cannot be resolved keeps `X`s
//! (`XXXX-XX-XX`, `XXXX-WXX-1`).

use std::fmt::Write;

use super::TimexType;
use super::holidays;
use super::lexicon::Unit;
use super::sem::{Dir, Holiday, Ref, Sem, SetValue, YearSpec};
use crate::calendar::{Date, days_in_month};

/// Tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    /// Reporting what happened (news' default).
    Past,
    /// Announcing what will happen.
    Future,
}

/// What resolution needs besides the expression.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    /// The reference date.
    pub reference: Option<Date>,
    /// Tense of the clause.
    pub tense: Tense,
    /// The last day-precise date the narrative mentioned.
    pub last_day: Option<Date>,
    /// The last year the narrative mentioned.
    pub last_year: Option<i32>,
    /// The day a clock time printed without one is on (a date beside it).
    pub clock_day: Option<Date>,
    /// The quarter the text is reporting on, when one was named nearby: "a year ago" then
    /// means that quarter a year earlier, as earnings reports use it.
    pub quarter: Option<(i32, u8)>,
}

/// A resolved expression: type, value, and the day it pins down when it pins one.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    /// The calendar day, for expressions precise to a day.
    pub day: Option<Date>,
    /// The year, for expressions precise to a year or finer.
    pub year: Option<i32>,
    /// The quarter, for quarter expressions.
    pub quarter: Option<(i32, u8)>,
}

/// Resolves `sem` in `ctx`.
pub(super) fn resolve(sem: &Sem, ctx: &Context) -> Resolved {
    let kind = match sem {
        Sem::Clock { .. } | Sem::PartOfDay { .. } => TimexType::Time,
        Sem::Duration { .. } | Sem::ClockDuration { .. } | Sem::Compound(_) => TimexType::Duration,
        Sem::Set(_) => TimexType::Set,
        _ => TimexType::Date,
    };
    let mut r = Resolved {
        kind,
        value: String::new(),
        day: None,
        year: None,
        quarter: None,
    };
    value(sem, ctx, &mut r);
    r
}

fn value(sem: &Sem, ctx: &Context, r: &mut Resolved) {
    let reference = ctx.reference;
    match *sem {
        Sem::MonthWeek { n, ref month } => {
            value(month, ctx, r);
            r.value = month_week(&r.value, n);
        }
        Sem::Date { year, month, day } => {
            let y = match (year, day) {
                (YearSpec::Explicit(y), _) => Some(y),
                (spec, Some(d)) => reference.map(|rf| day_year(spec, month, d, rf, ctx.tense)),
                (spec, None) => reference.map(|rf| month_year(spec, month, rf, ctx.tense)),
            };
            match (y, day) {
                (Some(y), Some(d)) => match Date::new(y, month, d) {
                    Some(date) => set_day(r, date),
                    None => r.value = format!("{y:04}-{month:02}-{d:02}"),
                },
                (Some(y), None) => {
                    r.value = format!("{y:04}-{month:02}");
                    r.year = Some(y);
                }
                (None, Some(d)) => r.value = format!("XXXX-{month:02}-{d:02}"),
                (None, None) => r.value = format!("XXXX-{month:02}"),
            }
        }
        Sem::Month { month, year } => {
            let y = match year {
                YearSpec::Explicit(y) => Some(y),
                spec => reference.map(|rf| month_year(spec, month, rf, ctx.tense)),
            };
            match y {
                Some(y) => {
                    r.value = format!("{y:04}-{month:02}");
                    r.year = Some(y);
                }
                None => r.value = format!("XXXX-{month:02}"),
            }
        }
        Sem::Year(y) => {
            r.value = format!("{y:04}");
            r.year = Some(y);
        }
        Sem::Decade(d) => r.value = format!("{d:03}"),
        Sem::Century(c) => r.value = format!("{c:02}"),
        Sem::DayOffset(o) => match reference {
            Some(rf) => set_day(r, rf.add_days(o)),
            None => r.value = "XXXX-XX-XX".into(),
        },
        Sem::Weekday { day, dir } => match reference {
            Some(rf) => set_day(r, weekday_date(rf, day, dir, ctx.tense)),
            None => r.value = format!("XXXX-WXX-{day}"),
        },
        Sem::FromDay { base, unit, n } => match reference {
            Some(rf) => {
                let start = rf.add_days(base);
                let whole = n.round() as i64;
                let d = match unit {
                    Unit::Week => start.add_days(7 * whole),
                    Unit::Month => start.add_months(whole),
                    Unit::Year => start.add_months(12 * whole),
                    _ => start.add_days(whole),
                };
                set_day(r, d);
            }
            None => r.value = "XXXX-XX-XX".into(),
        },
        Sem::WeekDay { week_offset, day } => match reference {
            Some(rf) => {
                let monday = rf.add_days(1 - i64::from(rf.weekday()) + 7 * week_offset);
                set_day(r, monday.add_days(i64::from(day) - 1));
            }
            None => r.value = format!("XXXX-WXX-{day}"),
        },
        Sem::IsoWeek { week, year } => {
            let y = match (year, reference) {
                (YearSpec::Explicit(y), _) => Some(y),
                (YearSpec::Offset(o), Some(rf)) => Some(rf.iso_week().0 + o as i32),
                (YearSpec::Auto(_), Some(rf)) => Some(rf.iso_week().0),
                (_, None) => None,
            };
            r.value = match y {
                Some(y) => {
                    // week 0: the year's last ISO week (the one holding 28 December)
                    let w = if week == 0 {
                        Date::new(y, 12, 28).map_or(52, |d| d.iso_week().1)
                    } else {
                        week
                    };
                    r.year = Some(y);
                    format!("{y:04}-W{w:02}")
                }
                None => format!("XXXX-W{week:02}"),
            };
        }
        Sem::NarrativeWeekday { day, dir } => match ctx.last_day.or(reference) {
            Some(base) => set_day(r, weekday_date(base, day, dir, ctx.tense)),
            None => r.value = format!("XXXX-WXX-{day}"),
        },
        Sem::RelUnit { unit, offset } => match reference {
            Some(rf) => shifted(r, rf, unit, offset as f64, ctx.tense),
            None => r.value = unknown(unit),
        },
        Sem::Anchored { unit, offset } => {
            let base = match unit {
                Unit::Year | Unit::Decade | Unit::Century => ctx
                    .last_year
                    .and_then(|y| Date::new(y, 7, 1))
                    .or(ctx.last_day)
                    .or(reference),
                _ => ctx.last_day.or(reference),
            };
            match base {
                Some(b) => shifted(r, b, unit, offset as f64, ctx.tense),
                None => r.value = unknown(unit),
            }
        }
        Sem::Shift {
            unit,
            n,
            sign,
            anchored,
        } => {
            let base = if anchored {
                match unit {
                    Unit::Year | Unit::Decade | Unit::Century => ctx
                        .last_year
                        .and_then(|y| Date::new(y, 7, 1))
                        .or(ctx.last_day)
                        .or(reference),
                    _ => ctx.last_day.or(reference),
                }
            } else {
                reference
            };
            if let (Unit::Year, Some(n), Some((y, q))) = (unit, n, ctx.quarter)
                && n.fract() == 0.0
            {
                let y = y + (n as i32) * sign as i32;
                r.value = format!("{y:04}-Q{q}");
                r.year = Some(y);
                return;
            }
            match (n, base) {
                (None, _) => {
                    r.value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into();
                }
                (Some(n), Some(b)) => shifted(r, b, unit, n * sign as f64, Tense::Past),
                (Some(_), None) => r.value = unknown(unit),
            }
        }
        Sem::Season { code, year } => {
            let y = match year {
                YearSpec::Explicit(y) => Some(y),
                YearSpec::Offset(o) => reference.map(|rf| rf.year + o as i32),
                YearSpec::Auto(dir) => reference.map(|rf| season_year(code, dir, rf, ctx.tense)),
            };
            r.value = match y {
                Some(y) => {
                    r.year = Some(y);
                    format!("{y:04}-{code}")
                }
                None => format!("XXXX-{code}"),
            };
        }
        Sem::Quarter { quarter, year } => {
            let Some(rf) = reference else {
                r.value = match (quarter, year) {
                    (0, _) => "XXXX-QX".into(),
                    (q, YearSpec::Explicit(y)) => format!("{y:04}-Q{q}"),
                    (q, _) => format!("XXXX-Q{q}"),
                };
                return;
            };
            let current = (rf.month - 1) / 3 + 1;
            let (q, y) = if quarter == 0 {
                // "the latest quarter": the last one completed
                if current == 1 {
                    (4, rf.year - 1)
                } else {
                    (current - 1, rf.year)
                }
            } else {
                let y = match year {
                    YearSpec::Explicit(y) => y,
                    YearSpec::Offset(o) => rf.year + o as i32,
                    YearSpec::Auto(_) => part_year(quarter, current, rf.year, ctx.tense),
                };
                (quarter, y)
            };
            r.year = Some(y);
            r.quarter = Some((y, q));
            r.value = format!("{y:04}-Q{q}");
        }
        Sem::Half { half, year } => {
            let y = match (year, reference) {
                (YearSpec::Explicit(y), _) => Some(y),
                (YearSpec::Offset(o), Some(rf)) => Some(rf.year + o as i32),
                (YearSpec::Auto(_), Some(rf)) => {
                    let current = if rf.month <= 6 { 1 } else { 2 };
                    Some(part_year(half, current, rf.year, ctx.tense))
                }
                (_, None) => None,
            };
            r.value = match y {
                Some(y) => {
                    r.year = Some(y);
                    format!("{y:04}-H{half}")
                }
                None => format!("XXXX-H{half}"),
            };
        }
        Sem::Ref(rf) => {
            r.value = match rf {
                Ref::Present => "PRESENT_REF",
                Ref::Past => "PAST_REF",
                Ref::Future => "FUTURE_REF",
            }
            .into();
        }
        Sem::Duration { unit, n } => r.value = duration(unit, n),
        Sem::Compound(ref parts) => {
            // P1Y1M21D: date units, then T and time units, largest first
            let order = |u: &Unit| match u {
                Unit::Century => 0,
                Unit::Decade => 1,
                Unit::Year => 2,
                Unit::Quarter => 3,
                Unit::Month => 4,
                Unit::Week => 5,
                Unit::Weekend | Unit::Day => 6,
                Unit::Hour => 7,
                Unit::Minute => 8,
                Unit::Second => 9,
            };
            let mut sorted = parts.clone();
            sorted.sort_by_key(|(u, _)| order(u));
            let mut v = String::from("P");
            let mut in_time = false;
            for (u, n) in sorted {
                let (letter, mult, time) = u.designator();
                if time && !in_time {
                    v.push('T');
                    in_time = true;
                }
                let n = n * f64::from(mult);
                if n.fract() == 0.0 {
                    let _ = write!(v, "{}{letter}", n as i64);
                } else {
                    let _ = write!(v, "{n}{letter}");
                }
            }
            r.value = v;
        }
        Sem::ClockDuration { h, m, s } => {
            let mut v = String::from("PT");
            if h > 0 {
                let _ = write!(v, "{h}H");
            }
            if m > 0 {
                let _ = write!(v, "{m}M");
            }
            if s > 0 || (h == 0 && m == 0) {
                let _ = write!(v, "{s}S");
            }
            r.value = v;
        }
        Sem::Set(s) => {
            r.value = match s {
                // a weekend recurs as a whole: P1WE, not two days
                SetValue::Every(Unit::Weekend, n) => format!("P{n}WE"),
                SetValue::Every(unit, n) => duration(unit, Some(f64::from(n))),
                SetValue::Weekday(d, None) => format!("XXXX-WXX-{d}"),
                SetValue::Weekday(d, Some(code)) => format!("XXXX-WXX-{d}T{code}"),
                SetValue::WeekdayClock(d, h, m) => format!("XXXX-WXX-{d}T{h:02}:{m:02}"),
                SetValue::DailyClock(h, m) => format!("XXXX-XX-XXT{h:02}:{m:02}"),
                SetValue::Month(m) => format!("XXXX-{m:02}"),
                SetValue::MonthDay(d) => format!("XXXX-XX-{d:02}"),
                SetValue::PartOfDay(code) => format!("XXXX-XX-XXT{code}"),
            }
        }
        Sem::Clock {
            hour,
            minute,
            second,
            ref day,
        } => {
            let day_value = match day {
                Some(d) => resolve(d, ctx).day,
                None => ctx.clock_day.or(reference),
            };
            let mut v = match day_value {
                Some(d) => {
                    r.day = Some(d);
                    r.year = Some(d.year);
                    d.to_string()
                }
                None => "XXXX-XX-XX".into(),
            };
            let _ = write!(v, "T{hour:02}:{minute:02}");
            if let Some(s) = second {
                let _ = write!(v, ":{s:02}");
            }
            r.value = v;
        }
        Sem::PartOfDay { ref day, code } => {
            let inner = resolve(day, ctx);
            r.day = inner.day;
            r.year = inner.year;
            r.value = format!("{}T{code}", inner.value);
        }
        Sem::HolidayWeekend { which, year } => match holiday_date(which, year, ctx) {
            Some(d) => {
                // a Monday or Tuesday holiday closes the weekend before it
                let d = if d.weekday() <= 2 { d.add_days(-7) } else { d };
                let (y, w) = d.iso_week();
                r.value = format!("{y}-W{w:02}-WE");
            }
            None => r.value = "XXXX-WXX-WE".into(),
        },
        Sem::Holiday { which, year } => match holiday_date(which, year, ctx) {
            Some(d) => set_day(r, d),
            None => r.value = "XXXX-XX-XX".into(),
        },
        Sem::MonthDay { day, weekday } => match reference {
            Some(rf) => match month_day(rf, day, weekday, ctx.tense) {
                Some(d) => set_day(r, d),
                None => r.value = format!("XXXX-XX-{day:02}"),
            },
            None => r.value = format!("XXXX-XX-{day:02}"),
        },
        Sem::DayOfMonth { day, offset } => {
            let date = reference.and_then(|rf| {
                let first = Date::new(rf.year, rf.month, 1)?.add_months(offset);
                Date::new(first.year, first.month, day)
            });
            match date {
                Some(d) => set_day(r, d),
                None => r.value = format!("XXXX-XX-{day:02}"),
            }
        }
        Sem::OrdinalDay { unit, .. } => {
            // The caller decides whether the day is the reference date.
            r.value = unknown(unit);
        }
    }
}

/// The day `day` of a month near `rf` (on weekday `weekday` when given): the nearest one,
/// ties going the way of the tense; within a year either side.
fn month_day(rf: Date, day: u8, weekday: Option<u8>, tense: Tense) -> Option<Date> {
    let here = rf.days_since_epoch();
    let mut best: Option<(i64, Date)> = None;
    for m in -12..=12 {
        let first = Date::new(rf.year, rf.month, 1)?.add_months(m);
        let Some(d) = Date::new(first.year, first.month, day) else {
            continue;
        };
        if weekday.is_some_and(|w| d.weekday() != w) {
            continue;
        }
        let delta = d.days_since_epoch() - here;
        // the tense's side wins a tie and a near miss (within a week)
        let toward = match tense {
            Tense::Past => delta <= 0,
            Tense::Future => delta >= 0,
        };
        let cost = delta.abs() * 2 + i64::from(!toward) * if weekday.is_some() { 1 } else { 60 };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, d));
        }
    }
    best.map(|(_, d)| d)
}

fn set_day(r: &mut Resolved, d: Date) {
    r.value = d.to_string();
    r.day = Some(d);
    r.year = Some(d.year);
}

/// The value of `unit` at `base` shifted by `n` units.
fn shifted(r: &mut Resolved, base: Date, unit: Unit, n: f64, tense: Tense) {
    let whole = n.round() as i64;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            let days = match unit {
                Unit::Day => whole,
                Unit::Hour => (n / 24.0).round() as i64,
                _ => 0,
            };
            set_day(r, base.add_days(days));
        }
        Unit::Week => {
            let (y, w) = base.add_days(whole * 7).iso_week();
            r.value = format!("{y:04}-W{w:02}");
            r.year = Some(y);
        }
        Unit::Weekend => {
            let saturday = weekend(base, whole, tense);
            let (y, w) = saturday.iso_week();
            r.value = format!("{y:04}-W{w:02}-WE");
            r.year = Some(y);
        }
        Unit::Month => {
            let d = base.add_months(whole);
            r.value = format!("{:04}-{:02}", d.year, d.month);
            r.year = Some(d.year);
        }
        Unit::Quarter => {
            let d = base.add_months(whole * 3);
            r.value = format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1);
            r.year = Some(d.year);
        }
        Unit::Year => {
            if n.fract() != 0.0 {
                let d = base.add_months((n * 12.0).round() as i64);
                r.value = format!("{:04}-{:02}", d.year, d.month);
                r.year = Some(d.year);
            } else {
                let y = base.year + whole as i32;
                r.value = format!("{y:04}");
                r.year = Some(y);
            }
        }
        Unit::Decade => {
            if n == 0.0 {
                r.value = format!("{:03}", base.year.div_euclid(10));
            } else {
                let y = base.year + (n * 10.0).round() as i32;
                r.value = format!("{y:04}");
                r.year = Some(y);
            }
        }
        Unit::Century => {
            if n == 0.0 {
                r.value = format!("{:02}", base.year.div_euclid(100));
            } else {
                let y = base.year + (n * 100.0).round() as i32;
                r.value = format!("{y:04}");
                r.year = Some(y);
            }
        }
    }
}

/// The Saturday of the weekend meant: `offset` −1 last, +1 next, 0 by tense.
fn weekend(base: Date, offset: i64, tense: Tense) -> Date {
    let wd = i64::from(base.weekday());
    // Saturday of the ISO week containing base
    let this_saturday = base.add_days(6 - wd);
    let in_weekend = wd >= 6;
    match offset {
        // the weekend before this week's
        -1 => this_saturday.add_days(-7),
        1 => {
            if in_weekend {
                this_saturday.add_days(7)
            } else {
                this_saturday
            }
        }
        _ => match (tense, in_weekend) {
            (_, true) => this_saturday,
            (Tense::Past, false) => this_saturday.add_days(-7),
            (Tense::Future, false) => this_saturday,
        },
    }
}

/// `XXXX` forms of a unit's value when there is no reference date.
fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
    .into()
}

/// A TIMEX3 duration: `P3D`, `PT2H`, `P1.5Y`, `PXW` when the count is vague.
pub(super) fn duration(unit: Unit, n: Option<f64>) -> String {
    let (letter, mult, time) = unit.designator();
    let mut v = String::from(if time { "PT" } else { "P" });
    match n {
        None => {
            v.push('X');
            v.push_str(match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => letter,
            });
        }
        Some(n) if n.fract() != 0.0 && n > 0.0 => {
            // "5 1/2 hours" is PT5H30M: the fraction in the next smaller unit
            let (whole, smaller, per) = match unit {
                Unit::Year => ("Y", "M", 12.0),
                Unit::Month => ("M", "D", 30.0),
                Unit::Week => ("W", "D", 7.0),
                Unit::Day => ("D", "H", 24.0),
                Unit::Hour => ("H", "M", 60.0),
                Unit::Minute => ("M", "S", 60.0),
                _ => ("", "", 0.0),
            };
            let part = (n.fract() * per).round() as i64;
            if per > 0.0 && (n.fract() * per - part as f64).abs() < 1e-6 {
                let w = n.trunc() as i64;
                if w > 0 {
                    let _ = write!(v, "{w}{whole}");
                }
                if unit == Unit::Day && part > 0 {
                    v.push('T');
                }
                let _ = write!(v, "{part}{smaller}");
            } else {
                let _ = write!(
                    v,
                    "{}{letter}",
                    (n * f64::from(mult) * 100.0).round() / 100.0
                );
            }
        }
        Some(n) => {
            let n = n * f64::from(mult);
            if n.fract() == 0.0 {
                let _ = write!(v, "{}", n as i64);
            } else {
                let _ = write!(v, "{}", (n * 100.0).round() / 100.0);
            }
            v.push_str(if unit == Unit::Weekend { "D" } else { letter });
            if unit == Unit::Weekend {
                // a weekend lasts two days; several are not contiguous: "three weekends" P3WE
                v = if n > 1.0 {
                    format!("P{}WE", n as i64)
                } else {
                    format!("P{}D", (n * 2.0) as i64)
                };
            }
        }
    }
    v
}

/// Week `n` (0 the last) of month value `month` (`2022-03`): `2022-03-W01`. The last week
/// is numbered by the Monday-to-Sunday weeks the month touches.
fn month_week(month: &str, n: u8) -> String {
    let n = if n > 0 {
        n
    } else {
        let y = month.get(..4).and_then(|y| y.parse::<i32>().ok());
        let m = month.get(5..7).and_then(|m| m.parse::<u8>().ok());
        match (y, m) {
            (Some(y), Some(m)) => match Date::new(y, m, 1) {
                Some(first) => {
                    let lead = u32::from(first.weekday()) - 1;
                    let days = u32::from(days_in_month(y, m));
                    (lead + days).div_ceil(7) as u8
                }
                None => return format!("{month}-WXX"),
            },
            _ => return format!("{month}-WXX"),
        }
    };
    format!("{month}-W{n:02}")
}

/// The date a holiday named with `year` refers to.
fn holiday_date(which: Holiday, year: YearSpec, ctx: &Context) -> Option<Date> {
    let reference = ctx.reference;
    match (year, reference) {
        (YearSpec::Explicit(y), _) => holidays::date(which, y),
        (YearSpec::Auto(Dir::Last), Some(rf)) => holidays::date(which, rf.year)
            .filter(|d| *d < rf)
            .or_else(|| holidays::date(which, rf.year - 1)),
        (YearSpec::Auto(Dir::Next), Some(rf)) => holidays::date(which, rf.year)
            .filter(|d| *d > rf)
            .or_else(|| holidays::date(which, rf.year + 1)),
        (YearSpec::Offset(o), Some(rf)) => holidays::date(which, rf.year + o as i32),
        (_, Some(rf)) => holidays::nearest(which, rf, ctx.tense == Tense::Future),
        _ => None,
    }
}

/// The date of weekday `day` (Monday = 1) meant relative to `rf`.
fn weekday_date(rf: Date, day: u8, dir: Dir, tense: Tense) -> Date {
    let rw = i64::from(rf.weekday());
    let d = i64::from(day);
    match (dir, tense) {
        // "last Wednesday" is the Wednesday of last week, "next Friday" next week's
        (Dir::Last, _) => rf.add_days(-(rw - 1) - 7 + (d - 1)),
        (Dir::Next, _) => rf.add_days(-(rw - 1) + 7 + (d - 1)),
        (Dir::Past, _) => rf.add_days(-((rw - d - 1).rem_euclid(7) + 1)),
        (Dir::Auto, Tense::Past) => rf.add_days(-(rw - d).rem_euclid(7)),
        (Dir::Auto, Tense::Future) => rf.add_days((d - rw).rem_euclid(7)),
    }
}

/// The year of a day-and-month date without a printed year.
fn day_year(spec: YearSpec, month: u8, day: u8, rf: Date, tense: Tense) -> i32 {
    let key = |y: i32| (y, month, day);
    let here = (rf.year, rf.month, rf.day);
    match spec {
        YearSpec::Explicit(y) => y,
        YearSpec::Offset(o) => rf.year + o as i32,
        YearSpec::Auto(Dir::Last | Dir::Past) => {
            if key(rf.year) < here {
                rf.year
            } else {
                rf.year - 1
            }
        }
        YearSpec::Auto(Dir::Next) => {
            if key(rf.year) > here {
                rf.year
            } else {
                rf.year + 1
            }
        }
        YearSpec::Auto(Dir::Auto) => {
            let distance = |y: i32| {
                Date::new(y, month, day.min(days_in_month(y, month)))
                    .map_or(i64::MAX, |d| d.days_since_epoch() - rf.days_since_epoch())
            };
            closest(rf.year, tense, 90, distance)
        }
    }
}

/// The year of a month named without a year.
fn month_year(spec: YearSpec, month: u8, rf: Date, tense: Tense) -> i32 {
    match spec {
        YearSpec::Explicit(y) => y,
        YearSpec::Offset(o) => rf.year + o as i32,
        YearSpec::Auto(Dir::Last | Dir::Past) => {
            if month < rf.month {
                rf.year
            } else {
                rf.year - 1
            }
        }
        YearSpec::Auto(Dir::Next) => {
            if month > rf.month {
                rf.year
            } else {
                rf.year + 1
            }
        }
        YearSpec::Auto(Dir::Auto) => closest(rf.year, tense, 3, |y| {
            (i64::from(y) * 12 + i64::from(month)) - (i64::from(rf.year) * 12 + i64::from(rf.month))
        }),
    }
}

/// Of the years around `year`, the one whose date is nearest the reference (`distance`
/// gives the signed distance), counting dates on the other side of the clause's tense
/// `bias` units further away.
fn closest(year: i32, tense: Tense, bias: i64, distance: impl Fn(i32) -> i64) -> i32 {
    let cost = |y: i32| {
        let d = distance(y);
        if d == i64::MAX {
            return i64::MAX;
        }
        let against = match tense {
            Tense::Past => d > 0,
            Tense::Future => d < 0,
        };
        d.abs() + if against { bias } else { 0 }
    };
    [year, year - 1, year + 1]
        .into_iter()
        .min_by_key(|y| cost(*y))
        .unwrap_or(year)
}

/// The year of a season named without a year.
fn season_year(code: &str, dir: Dir, rf: Date, tense: Tense) -> i32 {
    let start = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let y = rf.year;
    match dir {
        Dir::Last | Dir::Past => {
            // the most recent one that has ended
            if code == "WI" {
                y - 1
            } else if start + 2 < rf.month {
                y
            } else {
                y - 1
            }
        }
        Dir::Next => {
            if start > rf.month {
                y
            } else {
                y + 1
            }
        }
        Dir::Auto => match tense {
            Tense::Past if start > rf.month && code != "WI" => y - 1,
            Tense::Past if code == "WI" && rf.month < 12 && rf.month > 3 => y - 1,
            Tense::Future if start + 2 < rf.month => y + 1,
            _ => y,
        },
    }
}

/// The year of a quarter or half `part` when the reference is in part `current`: this
/// year's unless it is still to come in past reporting (reports name quarters of the
/// current fiscal year far more than of the next).
fn part_year(part: u8, current: u8, year: i32, tense: Tense) -> i32 {
    match tense {
        Tense::Past if part > current => year - 1,
        _ => year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, dd: u8) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn weekdays_by_tense_and_direction() {
        let tue = d(2022, 3, 22);
        assert_eq!(weekday_date(tue, 1, Dir::Auto, Tense::Past), d(2022, 3, 21));
        assert_eq!(weekday_date(tue, 2, Dir::Auto, Tense::Past), tue);
        assert_eq!(weekday_date(tue, 5, Dir::Auto, Tense::Past), d(2022, 3, 18));
        assert_eq!(
            weekday_date(tue, 5, Dir::Auto, Tense::Future),
            d(2022, 3, 25)
        );
        assert_eq!(weekday_date(tue, 2, Dir::Last, Tense::Past), d(2022, 3, 15));
        assert_eq!(weekday_date(tue, 1, Dir::Last, Tense::Past), d(2022, 3, 14));
        assert_eq!(weekday_date(tue, 1, Dir::Next, Tense::Past), d(2022, 3, 28));
        assert_eq!(weekday_date(tue, 5, Dir::Next, Tense::Past), d(2022, 4, 1));
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Unit::Day, Some(3.0)), "P3D");
        assert_eq!(duration(Unit::Hour, Some(2.0)), "PT2H");
        assert_eq!(duration(Unit::Year, Some(1.5)), "P1Y6M");
        assert_eq!(duration(Unit::Hour, Some(5.5)), "PT5H30M");
        assert_eq!(duration(Unit::Minute, Some(1.5)), "PT1M30S");
        assert_eq!(duration(Unit::Decade, Some(1.0)), "P10Y");
        assert_eq!(duration(Unit::Week, None), "PXW");
        assert_eq!(duration(Unit::Decade, None), "PXDE");
    }

    #[test]
    fn weekends() {
        let tue = d(2022, 3, 22);
        assert_eq!(weekend(tue, 0, Tense::Past), d(2022, 3, 19));
        assert_eq!(weekend(tue, 0, Tense::Future), d(2022, 3, 26));
        let sun = d(2022, 3, 27);
        assert_eq!(weekend(sun, 0, Tense::Past), d(2022, 3, 26));
    }
}

//! Civil dates and the date formats news pages print.
//!
//! A small proleptic-Gregorian calendar (days since 1970-01-01, weekdays) and parsers for
//! ISO 8601 and the English forms bylines and "Published …" lines use ("Tue March 19, 2024",
//! "22 March 2022", "Mar. 3, 2024 at 5:00 p.m. ET"). Shared utility, not a pipeline stage.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (astronomical numbering).
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }

    /// Day of the year, 1–366.
    pub fn ordinal(self) -> u16 {
        let jan1 = Self {
            year: self.year,
            month: 1,
            day: 1,
        };
        (self.days_since_epoch() - jan1.days_since_epoch() + 1) as u16
    }

    /// ISO 8601 week date: the week-numbering year and the week, 1–53 (`2022-W12`).
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year its Thursday falls in.
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        (thursday.year, ((thursday.ordinal() - 1) / 7 + 1) as u8)
    }

    /// The date `months` calendar months later (earlier when negative), the day clamped to
    /// the target month's length.
    pub fn add_months(self, months: i64) -> Self {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        Self {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date with an optional time of day and UTC offset, as a page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The date.
    pub date: Date,
    /// Hours, minutes and seconds, when stated.
    pub time: Option<(u8, u8, u8)>,
    /// UTC offset in minutes, when stated or implied by a zone name.
    pub offset_minutes: Option<i32>,
}

impl fmt::Display for Stamp {
    /// ISO 8601: `2024-03-19`, `2024-03-19T10:32:00`, or `2024-03-19T10:32:00-05:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some((h, m, s)) = self.time {
            write!(f, "T{h:02}:{m:02}:{s:02}")?;
            if let Some(off) = self.offset_minutes {
                if off == 0 {
                    write!(f, "Z")?;
                } else {
                    let sign = if off < 0 { '-' } else { '+' };
                    let off = off.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)?;
                }
            }
        }
        Ok(())
    }
}

/// Parses an ISO 8601 date or date-time (`2022-03-22`, `2022-03-22T09:30:00+02:00`,
/// `2022-03-22 09:30Z`, with fractional seconds ignored).
pub fn parse_iso(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = s.get(0..4)?.parse().ok()?;
    let month: u8 = s.get(5..7)?.parse().ok()?;
    let day: u8 = s.get(8..10)?.parse().ok()?;
    let date = Date::new(year, month, day)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(Stamp {
            date,
            time: None,
            offset_minutes: None,
        });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let rb = rest.as_bytes();
    if rb.len() < 5 || rb[2] != b':' {
        return None;
    }
    let hour: u8 = rest.get(0..2)?.parse().ok()?;
    let minute: u8 = rest.get(3..5)?.parse().ok()?;
    let mut tail = &rest[5..];
    let mut second = 0;
    if let Some(t) = tail.strip_prefix(':') {
        second = t.get(0..2)?.parse().ok()?;
        tail = &t[2..];
        if let Some(t) = tail.strip_prefix(['.', ',']) {
            tail = t.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_minutes = match tail {
        "" => None,
        "Z" | "z" => Some(0),
        t => {
            let sign = match t.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = t[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 && digits.len() != 2 {
                return None;
            }
            let h: i32 = digits.get(0..2)?.parse().ok()?;
            let m: i32 = digits
                .get(2..)
                .filter(|d| !d.is_empty())
                .map_or(Some(0), |d| d.parse().ok())?;
            Some(sign * (h * 60 + m))
        }
    };
    Some(Stamp {
        date,
        time: Some((hour, minute, second)),
        offset_minutes,
    })
}

/// English month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number of an English month name or abbreviation (`March`, `Mar`, `Sept`).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

/// Whether `word` is an English weekday name or abbreviation.
pub fn is_weekday_name(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    WEEKDAY_NAMES
        .iter()
        .any(|d| *d == w || (w.len() >= 3 && w.len() <= 4 && d.starts_with(&w)))
}

/// UTC offset of a time-zone abbreviation news pages print, in minutes.
fn zone_offset(word: &str) -> Option<i32> {
    Some(match word.trim_end_matches(['.', ',', ')']) {
        "UTC" | "GMT" | "Z" => 0,
        "BST" | "CET" | "WAT" => 60,
        "CEST" | "EET" | "SAST" | "CAT" => 120,
        "EEST" | "MSK" | "EAT" => 180,
        "IST" => 330,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "EST" => -300,
        "EDT" | "AST" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        _ => return None,
    })
}

/// Finds the first date a line states, in English news forms or ISO 8601, with a time of day
/// and zone when they stand beside it: "Published March 3, 2024", "Updated 10:32 AM EST, Tue
/// March 19, 2024", "22 March 2022 09:30 GMT", "2022-03-22T09:30:00Z".
pub fn find_date(line: &str) -> Option<Stamp> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == '•')
        .filter(|w| !w.is_empty())
        .collect();
    let mut date = None;
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '[' | ']'));
        if let Some(stamp) = parse_iso(w) {
            return Some(stamp);
        }
        if let Some(dt) = joined_day_month_year(w) {
            date = Some(dt);
            break;
        }
        if let Some(month) = month_number(w) {
            // Month D, YYYY
            let next = words.get(i + 1).map(|s| s.trim_end_matches([',', '.']));
            let year_word = words
                .get(i + 2)
                .map(|s| s.trim_end_matches([',', '.', ';', ')', ']']));
            if let (Some(d), Some(y)) = (next.and_then(parse_day), year_word.and_then(parse_year))
                && let Some(dt) = Date::new(y, month, d)
            {
                date = Some(dt);
                break;
            }
            // D Month YYYY
            let prev = i
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .map(|s| s.trim_end_matches([',', '.']));
            let year_word = words
                .get(i + 1)
                .map(|s| s.trim_end_matches([',', '.', ';', ')', ']']));
            if let (Some(d), Some(y)) = (prev.and_then(parse_day), year_word.and_then(parse_year))
                && let Some(dt) = Date::new(y, month, d)
            {
                date = Some(dt);
                break;
            }
        }
    }
    let date = date?;
    let (time, offset_minutes) = find_time(&words);
    Some(Stamp {
        date,
        time,
        offset_minutes: time.and(offset_minutes),
    })
}

/// A date written as one word, day, month name and year joined by dots, hyphens or
/// slashes: "25.Jun.2019", "03-Mar-2024".
fn joined_day_month_year(word: &str) -> Option<Date> {
    let word = word.trim_end_matches(['.', ',', ';']);
    let mut parts = word.split(['.', '-', '/']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !m.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Date::new(
        parse_year(y)?,
        month_number(m)?,
        parse_day(d).filter(|_| d.len() <= 2)?,
    )
}

/// A clock time among `words` ("10:32 AM EST", "5:00 p.m. ET", "09:30 GMT").
fn find_time(words: &[&str]) -> (Option<(u8, u8, u8)>, Option<i32>) {
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(',');
        let Some((h, rest)) = w.split_once(':') else {
            continue;
        };
        let (Ok(mut hour), Some(min)) = (h.parse::<u8>(), rest.get(0..2)) else {
            continue;
        };
        let Ok(minute) = min.parse::<u8>() else {
            continue;
        };
        let mut suffix = rest[2..].to_ascii_lowercase();
        let mut next = i + 1;
        if suffix.is_empty()
            && let Some(n) = words.get(next)
        {
            let n = n.trim_end_matches(',').to_ascii_lowercase();
            if matches!(n.as_str(), "am" | "pm" | "a.m." | "p.m.") {
                suffix = n;
                next += 1;
            }
        }
        match suffix.trim_end_matches(',') {
            "pm" | "p.m." if hour < 12 => hour += 12,
            "am" | "a.m." if hour == 12 => hour = 0,
            _ => {}
        }
        if hour > 23 || minute > 59 {
            continue;
        }
        let offset = words.get(next).and_then(|z| zone_offset(z));
        return (Some((hour, minute, 0)), offset);
    }
    (None, None)
}

fn parse_day(s: &str) -> Option<u8> {
    let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 3rd, 22nd
    let d: u8 = s.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() != 4 {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_and_weekdays() {
        let d = Date::new(2022, 3, 22).unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        assert_eq!(d.weekday(), 2); // a Tuesday
        assert_eq!(d.add_days(-1).to_string(), "2022-03-21");
        assert_eq!(
            Date::new(2024, 3, 1).unwrap().add_days(-1).to_string(),
            "2024-02-29"
        );
        assert!(Date::new(2023, 2, 29).is_none());
    }

    #[test]
    fn iso_weeks_and_month_arithmetic() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(d(2022, 3, 22).iso_week(), (2022, 12));
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(d(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(d(2022, 12, 31).ordinal(), 365);
        assert_eq!(d(2024, 3, 31).add_months(-1), d(2024, 2, 29));
        assert_eq!(d(2022, 1, 15).add_months(-13), d(2020, 12, 15));
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2022-03-22").unwrap().to_string(), "2022-03-22");
        assert_eq!(
            parse_iso("2022-03-22T09:30:05.123+02:00")
                .unwrap()
                .to_string(),
            "2022-03-22T09:30:05+02:00"
        );
        assert_eq!(
            parse_iso("2022-03-22T09:30Z").unwrap().to_string(),
            "2022-03-22T09:30:00Z"
        );
        assert!(parse_iso("2022-13-01").is_none());
        assert!(parse_iso("2022-03-22T").is_none());
    }

    #[test]
    fn news_forms() {
        let s = |t: &str| find_date(t).map(|d| d.to_string());
        assert_eq!(s("Published March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(
            s("Published on 25.Jun.2019 in Vol 7").as_deref(),
            Some("2019-06-25")
        );
        assert_eq!(
            s("[Submitted on 18 Dec 2025]").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(s("(March 3, 2024)").as_deref(), Some("2024-03-03"));
        assert_eq!(s("03-Mar-2024").as_deref(), Some("2024-03-03"));
        assert_eq!(s("in-Mar-2024 x-y-z 123.May.2020"), None);
        assert_eq!(
            s("Updated 10:32 AM EST, Tue March 19, 2024").as_deref(),
            Some("2024-03-19T10:32:00-05:00")
        );
        assert_eq!(
            s("22 March 2022 09:30 GMT").as_deref(),
            Some("2022-03-22T09:30:00Z")
        );
        assert_eq!(
            s("Mar. 3, 2024 at 5:00 p.m. ET").as_deref(),
            Some("2024-03-03T17:00:00")
        );
        assert_eq!(s("He said it may rain on Monday"), None);
    }
}

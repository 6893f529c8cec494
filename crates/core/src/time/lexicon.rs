//! English words the time grammar knows: months, weekdays, units, numbers, parts of day,
//! seasons. Plain `match`es over lower-case keys: compiled to comparisons, no tables to build.

/// A calendar unit of a duration or relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// TIMEX3 duration designator and multiplier: `P3D`, `PT2H`, a decade is ten years.
    pub fn designator(self) -> (&'static str, u32, bool) {
        // (letter, multiplier, is a time-of-day unit)
        match self {
            Self::Second => ("S", 1, true),
            Self::Minute => ("M", 1, true),
            Self::Hour => ("H", 1, true),
            Self::Day => ("D", 1, false),
            Self::Week => ("W", 1, false),
            Self::Weekend => ("WE", 1, false),
            Self::Month => ("M", 1, false),
            Self::Quarter => ("Q", 1, false),
            Self::Year => ("Y", 1, false),
            Self::Decade => ("Y", 10, false),
            Self::Century => ("Y", 100, false),
        }
    }
}

/// A unit word, singular or plural: (unit, plural).
pub(super) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Month number of a month name or abbreviation (`sept`, `oct`); "may", "march" included
/// (callers check capitals).
pub(super) fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is an abbreviation (which takes a following full stop).
pub(super) fn is_month_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// ISO weekday (Monday = 1) of a weekday name or abbreviation, and whether it is abbreviated.
pub(super) fn weekday(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "monday" => (1, false),
        "tuesday" => (2, false),
        "wednesday" => (3, false),
        "thursday" => (4, false),
        "friday" => (5, false),
        "saturday" => (6, false),
        "sunday" => (7, false),
        "mon" => (1, true),
        "tue" | "tues" => (2, true),
        "wed" => (3, true),
        "thu" | "thur" | "thurs" => (4, true),
        "fri" => (5, true),
        "sat" => (6, true),
        "sun" => (7, true),
        _ => return None,
    })
}

/// Weekday names in the plural ("Mondays"): a SET.
pub(super) fn weekday_plural(w: &str) -> Option<u8> {
    Some(match w {
        "mondays" => 1,
        "tuesdays" => 2,
        "wednesdays" => 3,
        "thursdays" => 4,
        "fridays" => 5,
        "saturdays" => 6,
        "sundays" => 7,
        _ => return None,
    })
}

/// A part of the day and its TIMEX3 code.
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        "daytime" => "DT",
        _ => return None,
    })
}

/// A season and its TIMEX3 code.
pub(super) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Cardinal number words up to ninety-nine (compounds are joined by the grammar).
pub(super) fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal number words up to thirty-first.
pub(super) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Ordinal suffix after digits (`27th`).
pub(super) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Words of vague quantity that make a duration unspecified (`several days` → `PXD`).
pub(super) fn is_vague_quantity(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "some" | "couple" | "numerous"
    )
}

/// Words that mark future reference in a clause.
pub(super) fn is_future_marker(w: &str) -> bool {
    matches!(
        w,
        "will" | "shall" | "ll" | "upcoming" | "scheduled" | "would"
    )
}

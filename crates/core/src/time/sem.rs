//! What a recognised expression means, before it is resolved against the reference date.

use super::lexicon::Unit;

/// Which occurrence a named day, month or season refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    /// By the tense of the clause: the most recent in past reporting, the next in future.
    Auto,
    /// Strictly before the reference ("last Friday").
    Last,
    /// Strictly after the reference ("next Friday").
    Next,
    /// The most recent strictly before the reference ("this past Wednesday").
    Past,
}

/// The year of a month, season, quarter or holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearSpec {
    /// Printed.
    Explicit(i32),
    /// Chosen by the tense and the reference date.
    Auto(Dir),
    /// The reference year plus this many years ("last summer" is `Auto(Last)`; "this
    /// quarter" is `Offset(0)`).
    Offset(i64),
}

/// Vague reference to the present, past or future (TIMEX3 `PRESENT_REF` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ref {
    Present,
    Past,
    Future,
}

/// The meaning of one time expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Sem {
    /// A calendar date with what is printed of it (year may be inferred).
    Date {
        year: YearSpec,
        month: u8,
        day: Option<u8>,
    },
    /// A year.
    Year(i32),
    /// A decade, as its first three digits (`199` for the 1990s).
    Decade(i32),
    /// A century, as TIMEX3 writes it (`19` for the twentieth century).
    Century(i32),
    /// Days from the reference date (today 0, yesterday −1).
    DayOffset(i64),
    /// A weekday name.
    Weekday { day: u8, dir: Dir },
    /// The reference's unit shifted by `offset` ("last week" = week −1).
    RelUnit { unit: Unit, offset: i64 },
    /// A named month without a day ("last March", "March").
    Month { month: u8, year: YearSpec },
    /// A season.
    Season { code: &'static str, year: YearSpec },
    /// A quarter of a year.
    Quarter { quarter: u8, year: YearSpec },
    /// A half of a year.
    Half { half: u8, year: YearSpec },
    /// `n` units before (`sign` −1) or after (+1) the reference or the narrative's last
    /// date; `n` is `None` when vague ("several years ago").
    Shift {
        unit: Unit,
        n: Option<f64>,
        sign: i64,
        anchored: bool,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(Ref),
    /// A length of time; `n` is `None` when unspecified ("several days").
    Duration { unit: Unit, n: Option<f64> },
    /// A duration in several units ("1 year 1 month 21 days").
    Compound(Vec<(Unit, f64)>),
    /// A clock duration written `3:07:35`.
    ClockDuration { h: u32, m: u32, s: u32 },
    /// A recurrence with a ready TIMEX3 value (`P1D`, `XXXX-WXX-4`).
    Set(SetValue),
    /// A clock time, with the day it is on when printed beside it.
    Clock {
        hour: u8,
        minute: u8,
        second: Option<u8>,
        day: Option<Box<Sem>>,
    },
    /// A part of a day ("Monday night", "this morning").
    PartOfDay { day: Box<Sem>, code: &'static str },
    /// A holiday with a fixed or computed date.
    Holiday { which: Holiday, year: YearSpec },
    /// The weekend of a holiday ("Labor Day weekend", "the weekend of Halloween"): the
    /// one the holiday falls on or next to.
    HolidayWeekend { which: Holiday, year: YearSpec },
    /// The unit of the narrative's last date shifted by `offset` ("the next day", "that
    /// year" with offset 0).
    Anchored { unit: Unit, offset: i64 },
    /// `n` units after a deictic day (`base` days from the reference): "three weeks from
    /// tomorrow" (`n` negative before it).
    FromDay { base: i64, unit: Unit, n: f64 },
    /// A weekday in the reference's week shifted by `week_offset` ("next week Monday").
    WeekDay { week_offset: i64, day: u8 },
    /// An ISO week by number (`week` 0 is the year's last week).
    IsoWeek { week: u8, year: YearSpec },
    /// A weekday before or after the narrative's last date ("the previous Friday").
    NarrativeWeekday { day: u8, dir: Dir },
    /// "the 27th day" of an ongoing event.
    OrdinalDay { n: u32, unit: Unit },
    /// A day of the month without its month ("on the 18th"), with the weekday printed
    /// beside it if any ("Monday the 27th"): the nearest such day.
    MonthDay { day: u8, weekday: Option<u8> },
    /// The `n`th week of a month (`n` 0 for the last): "the first week of March",
    /// "the last week of this month". TIMEX3 has no such value; it is written as the
    /// month with the week's number in it (`2022-03-W01`), as Recognizers-Text does.
    MonthWeek { n: u8, month: Box<Sem> },
    /// Day `day` of the reference's month shifted by `offset` ("the 15th day of next month").
    DayOfMonth { day: u8, offset: i64 },
}

/// TIMEX3 value pieces of a SET.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum SetValue {
    /// Every `n` units: `P1D`, `P2W`.
    Every(Unit, u32),
    /// Every such weekday, optionally at a part of day (`XXXX-WXX-2TNI`).
    Weekday(u8, Option<&'static str>),
    /// Every such weekday at a clock time (`XXXX-WXX-7T09:00`).
    WeekdayClock(u8, u8, u8),
    /// Every day at a clock time ("every morning at 6": `XXXX-XX-XXT06:00`).
    DailyClock(u8, u8),
    /// Every such month (`XXXX-07`).
    Month(u8),
    /// That day of every month (`XXXX-XX-19`).
    MonthDay(u8),
    /// Every such part of day (`XXXX-XX-XXTMO`).
    PartOfDay(&'static str),
}

/// Holidays news mentions by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    Easter,
    GoodFriday,
    EasterMonday,
    MemorialDay,
    IndependenceDay,
    LaborDay,
    Halloween,
    VeteransDay,
    ElectionDay,
    Thanksgiving,
    ChristmasEve,
    Christmas,
    BoxingDay,
    BlackFriday,
    EarthDay,
    StPatricksDay,
    Juneteenth,
    WorkersDay,
}

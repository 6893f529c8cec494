//! Dates of the holidays news names ("Christmas", "Thanksgiving", "Easter").

use super::sem::Holiday;
use crate::calendar::Date;

/// The holiday's date in `year`.
pub(super) fn date(which: Holiday, year: i32) -> Option<Date> {
    let fixed = |m, d| Date::new(year, m, d);
    match which {
        Holiday::NewYearsDay => fixed(1, 1),
        Holiday::NewYearsEve => fixed(12, 31),
        Holiday::ValentinesDay => fixed(2, 14),
        Holiday::IndependenceDay => fixed(7, 4),
        Holiday::Halloween => fixed(10, 31),
        Holiday::VeteransDay => fixed(11, 11),
        Holiday::ChristmasEve => fixed(12, 24),
        Holiday::Christmas => fixed(12, 25),
        Holiday::BoxingDay => fixed(12, 26),
        Holiday::EarthDay => fixed(4, 22),
        Holiday::StPatricksDay => fixed(3, 17),
        Holiday::Juneteenth => fixed(6, 19),
        Holiday::WorkersDay => fixed(5, 1),
        // the day after Thanksgiving
        Holiday::BlackFriday => nth_weekday(year, 11, 4, 4).map(|d| d.add_days(1)),
        Holiday::Easter => easter(year),
        Holiday::GoodFriday => easter(year).map(|d| d.add_days(-2)),
        Holiday::EasterMonday => easter(year).map(|d| d.add_days(1)),
        // last Monday of May
        Holiday::MemorialDay => {
            let last = Date::new(year, 5, 31)?;
            Some(last.add_days(-((i64::from(last.weekday()) - 1).rem_euclid(7))))
        }
        // first Monday of September
        Holiday::LaborDay => nth_weekday(year, 9, 1, 1),
        // the Tuesday after the first Monday of November (US)
        Holiday::ElectionDay => nth_weekday(year, 11, 1, 1).map(|d| d.add_days(1)),
        // fourth Thursday of November
        Holiday::Thanksgiving => nth_weekday(year, 11, 4, 4),
    }
}

/// The occurrence nearest `reference`: the next one when `future`, else the latest one on
/// or before it, unless that is more than ten months back and the next is closer.
pub(super) fn nearest(which: Holiday, reference: Date, future: bool) -> Option<Date> {
    let this = date(which, reference.year)?;
    let r = reference.days_since_epoch();
    let t = this.days_since_epoch();
    if future {
        return if t >= r {
            Some(this)
        } else {
            date(which, reference.year + 1)
        };
    }
    if t <= r || t - r < 30 {
        Some(this)
    } else {
        date(which, reference.year - 1)
    }
}

/// The `n`th `weekday` (Monday = 1) of `month`.
fn nth_weekday(year: i32, month: u8, weekday: u8, n: i64) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    Some(first.add_days(offset + 7 * (n - 1)))
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_holidays() {
        let s = |h, y| date(h, y).map(|d| d.to_string());
        assert_eq!(s(Holiday::Easter, 2022).as_deref(), Some("2022-04-17"));
        assert_eq!(s(Holiday::Easter, 2013).as_deref(), Some("2013-03-31"));
        assert_eq!(
            s(Holiday::Thanksgiving, 1999).as_deref(),
            Some("1999-11-25")
        );
        assert_eq!(s(Holiday::MemorialDay, 2022).as_deref(), Some("2022-05-30"));
        assert_eq!(s(Holiday::LaborDay, 2022).as_deref(), Some("2022-09-05"));
    }
}

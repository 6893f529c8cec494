//! Hand-written expectations for the time stage.

use super::*;
use crate::model::Span;

/// (text, type, value, mod) of every expression in `text`, one sentence, reference `date`.
fn times(text: &str, date: &str) -> Vec<(String, TimexType, String, Option<TimexMod>)> {
    let reference = crate::calendar::parse_iso(date).map(|s| s.date);
    let sentences = [Span {
        start: 0,
        end: text.chars().count(),
    }];
    find_times(text, &sentences, reference)
        .into_iter()
        .map(|t| {
            (
                text[t.start..t.end].to_string(),
                t.kind,
                t.value,
                t.modifier,
            )
        })
        .collect()
}

fn values(text: &str, date: &str) -> Vec<(String, String)> {
    times(text, date)
        .into_iter()
        .map(|(t, _, v, _)| (t, v))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn deictic_days_and_weekdays() {
    assert_eq!(
        values(
            "Late on Monday, he said so today; yesterday it rained.",
            "2022-03-22"
        ),
        pairs(&[
            ("Late on Monday", "2022-03-21"),
            ("today", "2022-03-22"),
            ("yesterday", "2022-03-21")
        ])
    );
    let t = times("Late on Monday, he spoke.", "2022-03-22");
    assert_eq!(t[0].3, Some(TimexMod::End));
    assert_eq!(t[0].1, TimexType::Date);
    // future tense: the next such day
    assert_eq!(
        values("The talks will resume on Friday.", "2022-03-22"),
        pairs(&[("Friday", "2022-03-25")])
    );
    assert_eq!(
        values(
            "He left last Tuesday and returns next Monday.",
            "2022-03-22"
        ),
        pairs(&[
            ("last Tuesday", "2022-03-15"),
            ("next Monday", "2022-03-28")
        ])
    );
}

#[test]
fn weekday_with_date() {
    assert_eq!(
        values("It opened Monday, Oct. 26, to crowds.", "1998-10-25"),
        pairs(&[("Monday, Oct. 26", "1998-10-26")])
    );
    assert_eq!(
        values("The vote is on Saturday, April 25.", "1998-04-24"),
        pairs(&[("Saturday, April 25", "1998-04-25")])
    );
}

#[test]
fn explicit_dates() {
    assert_eq!(
        values(
            "On March 3, 2024 and 22 March 2022 and 2022-03-22 and Sept. 30 and May 2010.",
            "2024-05-01"
        ),
        pairs(&[
            ("March 3, 2024", "2024-03-03"),
            ("22 March 2022", "2022-03-22"),
            ("2022-03-22", "2022-03-22"),
            ("Sept. 30", "2023-09-30"),
            ("May 2010", "2010-05"),
        ])
    );
    assert_eq!(
        values("Troops have been there since Feb 24.", "2022-03-22"),
        pairs(&[("Feb 24", "2022-02-24")])
    );
    // "May" the modal and "march" the verb are not months
    assert!(values("Officials may march on the capital.", "2022-03-22").is_empty());
    // counts are not years
    assert!(values("Some 2000 people and 1500 troops came.", "2022-03-22").is_empty());
    assert_eq!(
        values("In 2010, prices rose.", "2022-03-22"),
        pairs(&[("2010", "2010")])
    );
}

#[test]
fn relative_units() {
    assert_eq!(
        values(
            "Last week, this month, next year and the third quarter were discussed.",
            "2022-03-22"
        ),
        pairs(&[
            ("Last week", "2022-W11"),
            ("this month", "2022-03"),
            ("next year", "2023"),
            ("the third quarter", "2021-Q3"),
        ])
    );
    assert_eq!(
        values(
            "Three weeks ago and two years ago and 10 days ago.",
            "2022-03-22"
        ),
        pairs(&[
            ("Three weeks ago", "2022-W09"),
            ("two years ago", "2020"),
            ("10 days ago", "2022-03-12"),
        ])
    );
    assert_eq!(
        values("It happened in January this year.", "2022-03-22"),
        pairs(&[("January this year", "2022-01")])
    );
}

#[test]
fn durations_and_sets() {
    assert_eq!(
        values(
            "for three days, over the past two years, a two-year deal, 5 1/2 hours, several weeks",
            "2022-03-22"
        ),
        pairs(&[
            ("three days", "P3D"),
            ("the past two years", "P2Y"),
            ("two-year", "P2Y"),
            ("5 1/2 hours", "PT5H30M"),
            ("several weeks", "PXW"),
        ])
    );
    let t = times("It took almost seven years.", "2022-03-22");
    assert_eq!(t[0].0, "almost seven years");
    assert_eq!(t[0].1, TimexType::Duration);
    assert_eq!(t[0].2, "P7Y");
    assert_eq!(
        values("They meet daily and pay $40 a month.", "2022-03-22"),
        pairs(&[("daily", "P1D"), ("a month", "P1M")])
    );
    assert_eq!(times("They meet daily.", "2022-03-22")[0].1, TimexType::Set);
}

#[test]
fn references_and_clock_times() {
    assert_eq!(
        values("Now prices are high; recently they fell.", "2022-03-22"),
        pairs(&[("Now", "PRESENT_REF"), ("recently", "PAST_REF")])
    );
    assert_eq!(
        values("The blast came at 10:35 a.m. on Friday.", "2022-03-22"),
        pairs(&[("10:35 a.m.", "2022-03-18T10:35"), ("Friday", "2022-03-18")])
    );
    assert_eq!(
        values("Fighting went on overnight and this morning.", "2022-03-22"),
        pairs(&[
            ("overnight", "2022-03-22TNI"),
            ("this morning", "2022-03-22TMO")
        ])
    );
}

#[test]
fn ordinal_day_of_an_ongoing_event() {
    let text = "Russia’s ferocity entered the 27th day today.";
    let reference = crate::calendar::parse_iso("2022-03-22").map(|s| s.date);
    let sentences = [Span {
        start: 0,
        end: text.chars().count(),
    }];
    let found = find_times(text, &sentences, reference);
    let day = found
        .iter()
        .find(|t| &text[t.start..t.end] == "the 27th day")
        .expect("the 27th day");
    assert_eq!(day.value, "2022-03-22");
    let anchor = day.anchor.as_ref().expect("anchor");
    assert_eq!(anchor.value.as_deref(), Some("2022-02-24"));
    let (s, e) = anchor.span.expect("anchor span");
    assert_eq!(&text[s..e], "Russia’s ferocity");
}

#[test]
fn without_a_reference_date_values_keep_placeholders() {
    assert_eq!(
        values("He spoke on Monday and yesterday, in March.", "none"),
        pairs(&[
            ("Monday", "XXXX-WXX-1"),
            ("yesterday", "XXXX-XX-XX"),
            ("March", "XXXX-03"),
        ])
    );
}

#[test]
fn weeks_numeric_forms_and_shifts_from_a_day() {
    assert_eq!(
        values(
            "Sales in week 27 of last year and the first week of 2015.",
            "2018-07-02"
        ),
        pairs(&[
            ("week 27 of last year", "2017-W27"),
            ("the first week of 2015", "2015-W01")
        ])
    );
    assert_eq!(
        values(
            "Meet next week on Tuesday, three weeks from tomorrow.",
            "2017-12-04"
        ),
        pairs(&[
            ("next week on Tuesday", "2017-12-12"),
            ("three weeks from tomorrow", "2017-12-26")
        ])
    );
    assert_eq!(
        values(
            "Filed 20170302, due 2015-3, issued 14 nov 2023.",
            "2018-01-01"
        ),
        pairs(&[
            ("20170302", "2017-03-02"),
            ("2015-3", "2015-03"),
            ("14 nov 2023", "2023-11-14")
        ])
    );
    assert_eq!(
        values("It took 1 year 1 month 21 days.", "2018-01-01"),
        pairs(&[("1 year 1 month 21 days", "P1Y1M21D")])
    );
}

#[test]
fn clock_times_in_words_and_beside_a_day() {
    assert_eq!(
        values("The sirens sounded at half past seven.", "2022-03-22"),
        pairs(&[("half past seven", "2022-03-22T07:30")])
    );
    assert_eq!(
        values("It ended at ten past 9 in the evening.", "2022-03-22"),
        pairs(&[("ten past 9 in the evening", "2022-03-22T21:10")])
    );
    assert_eq!(
        values("They left at a quarter to six.", "2022-03-22"),
        pairs(&[("a quarter to six", "2022-03-22T05:45")])
    );
    // a bare hour counts only beside a day, and the part of day says pm
    assert_eq!(
        values("The vote was held on Friday at 4.", "2022-03-22"),
        pairs(&[("Friday", "2022-03-18"), ("4", "2022-03-18T04:00")])
    );
    assert_eq!(
        values("The curfew starts tonight at 8.", "2022-03-22"),
        pairs(&[("tonight", "2022-03-22TNI"), ("8", "2022-03-22T20:00")])
    );
    assert_eq!(
        values("He said 4 of them were at 2 sites.", "2022-03-22"),
        pairs(&[])
    );
    assert_eq!(
        values("Talks resume on February 22nd 3:30.", "2022-03-22"),
        pairs(&[
            ("February 22nd", "2022-02-22"),
            ("3:30", "2022-02-22T03:30")
        ])
    );
}

#[test]
fn numbers_that_are_not_dates() {
    // phone numbers and codes
    assert_eq!(values("Call (206) 555-1212 now.", "2022-03-22").len(), 1);
    assert_eq!(values("Tel: +86 138-2010-2015", "2022-03-22"), pairs(&[]));
    assert_eq!(values("The ssn is 123-12-1234", "2022-03-22"), pairs(&[]));
    // ranges of years stay
    assert_eq!(
        values("Prices rose in 1998-2000.", "2022-03-22")[0].1,
        "1998".to_string()
    );
    assert_eq!(
        values("A ratio of 30/4.85 was reported.", "2022-03-22"),
        pairs(&[])
    );
}

#[test]
fn months_years_and_days_of_the_month() {
    assert_eq!(
        values("Sales fell in 11/2016 and 2016/12.", "2022-03-22"),
        pairs(&[("11/2016", "2016-11"), ("2016/12", "2016-12")])
    );
    assert_eq!(
        values("It opened on the fourth of July of 1995.", "2022-03-22"),
        pairs(&[("the fourth of July of 1995", "1995-07-04")])
    );
    assert_eq!(
        values(
            "She was born on January twenty five nineteen eighty six.",
            "2022-03-22"
        ),
        pairs(&[("January twenty five nineteen eighty six", "1986-01-25")])
    );
    assert_eq!(
        values(
            "The conference was in October two thousand and five.",
            "2022-03-22"
        ),
        pairs(&[("October two thousand and five", "2005-10")])
    );
    assert_eq!(
        values("They met on the 18th, he said.", "2022-03-22"),
        pairs(&[("the 18th", "2022-03-18")])
    );
    assert_eq!(
        values("The vote is on Monday the 28th.", "2022-03-22"),
        pairs(&[("Monday the 28th", "2022-03-28")])
    );
    assert_eq!(
        values("It will end the week after next.", "2022-03-22"),
        pairs(&[("the week after next", "2022-W14")])
    );
}

#[test]
fn sets_at_a_clock_time() {
    assert_eq!(
        values("The market opens at 9am every Sunday.", "2022-03-22"),
        pairs(&[("9am every Sunday", "XXXX-WXX-7T09:00")])
    );
    assert_eq!(
        values("Every morning at 6, he rides in.", "2022-03-22"),
        pairs(&[("Every morning at 6", "XXXX-XX-XXT06:00")])
    );
}

#[test]
fn european_numeric_dates() {
    assert_eq!(
        values(
            "The deal was signed on 23.04.2022 14:55 in Berlin.",
            "2022-05-01"
        ),
        pairs(&[("23.04.2022", "2022-04-23"), ("14:55", "2022-04-23T14:55")])
    );
    // a version number is not a date
    assert_eq!(
        values("Version 1.2.2022.5 shipped.", "2022-05-01"),
        pairs(&[])
    );
}

#[test]
fn recurring_adverbs_and_plural_parts_of_day() {
    assert_eq!(
        values(
            "Prices are reviewed annually, results come quarterly, and drills run bi-monthly.",
            "2022-03-22"
        ),
        pairs(&[
            ("annually", "P1Y"),
            ("quarterly", "P3M"),
            ("bi-monthly", "P2M")
        ])
    );
    // the adjectives are not times
    assert!(values("The quarterly report is an everyday affair.", "2022-03-22").is_empty());
    assert_eq!(
        values("They meet semi-annually and work everyday.", "2022-03-22"),
        pairs(&[("semi-annually", "P6M"), ("everyday", "P1D")])
    );
    assert_eq!(
        values(
            "She works weekends and teaches in the mornings.",
            "2022-03-22"
        ),
        pairs(&[("weekends", "P1WE"), ("the mornings", "XXXX-XX-XXTMO")])
    );
    assert_eq!(
        values("We meet every weekend.", "2022-03-22"),
        pairs(&[("every weekend", "P1WE")])
    );
    // several weekends are not contiguous; one lasts two days
    assert_eq!(
        values("The course lasts three weekends.", "2022-03-22"),
        pairs(&[("three weekends", "P3WE")])
    );
    assert!(values("He spent the mornings reading.", "2022-03-22").is_empty());
}

#[test]
fn mealtimes_nights_and_tonite() {
    assert_eq!(
        values(
            "They met after dinner and again at lunchtime.",
            "2022-03-22"
        ),
        pairs(&[
            ("dinner", "2022-03-22TMED"),
            ("lunchtime", "2022-03-22TMEL")
        ])
    );
    // a meal without a preposition of time is an event, not a time
    assert!(values("The state dinner was lavish.", "2022-03-22").is_empty());
    assert_eq!(
        values("He was held for two nights; see you tonite.", "2022-03-22"),
        pairs(&[("two nights", "P2D"), ("tonite", "2022-03-22TNI")])
    );
    assert!(values("It rained two nights ago.", "2022-03-22").is_empty());
}

#[test]
fn weeks_of_a_month() {
    assert_eq!(
        values(
            "He is away the last week of July and the first week of Jan 2015.",
            "2016-11-07"
        ),
        pairs(&[
            ("the last week of July", "2016-07-W05"),
            ("the first week of Jan 2015", "2015-01-W01")
        ])
    );
    assert_eq!(
        values("It opens the 3rd week of next month.", "2021-09-15"),
        pairs(&[("the 3rd week of next month", "2021-10-W03")])
    );
    // after "week of", a lower-case or abbreviated month is still a month
    assert_eq!(
        values(
            "It opened the 3rd week of jan 2015 and closed the last week of march 2016.",
            "2016-11-07"
        ),
        pairs(&[
            ("the 3rd week of jan 2015", "2015-01-W03"),
            ("the last week of march 2016", "2016-03-W05")
        ])
    );
    // February 2021 starts on a Monday: four weeks
    assert_eq!(
        values("It closed the last week of February 2021.", "2021-09-15"),
        pairs(&[("the last week of February 2021", "2021-02-W04")])
    );
}

#[test]
fn odd_clock_forms_and_present_references() {
    assert_eq!(
        values(
            "Back at 9.am, at 3 p . m . or at 7p; noonish or 11ish.",
            "2022-03-22"
        ),
        pairs(&[
            ("9.am", "2022-03-22T09:00"),
            ("3 p . m .", "2022-03-22T15:00"),
            ("7p", "2022-03-22T19:00"),
            ("noonish", "2022-03-22T12:00"),
            ("11ish", "2022-03-22T11:00"),
        ])
    );
    // five pence is not five o'clock
    assert!(values("It costs 5p.", "2022-03-22").is_empty());
    assert_eq!(
        values(
            "Sales to date are low; we are closed at this time and at the present time.",
            "2022-03-22"
        ),
        pairs(&[
            ("to date", "PRESENT_REF"),
            ("this time", "PRESENT_REF"),
            ("the present time", "PRESENT_REF")
        ])
    );
    assert!(values("Keep it up to date at this time of year.", "2022-03-22").is_empty());
    let t = times("Send it by EOD.", "2022-03-22");
    assert_eq!(
        (t[0].2.as_str(), t[0].3),
        ("2022-03-22", Some(TimexMod::End))
    );
}

#[test]
fn holidays_by_name_and_their_weekends() {
    assert_eq!(
        values(
            "Sales on black friday 2010 beat Earth Day 2010 and St. Patrick's Day 2020.",
            "2022-03-22"
        ),
        pairs(&[
            ("black friday 2010", "2010-11-26"),
            ("Earth Day 2010", "2010-04-22"),
            ("St. Patrick's Day 2020", "2020-03-17")
        ])
    );
    assert_eq!(
        values(
            "He left before independence day of this year.",
            "2018-02-01"
        ),
        pairs(&[("independence day of this year", "2018-07-04")])
    );
    // Labor Day 2021 is Monday 6 September: the weekend before it
    assert_eq!(
        values(
            "Plan for Labor Day 2021 weekend and the weekend of Thanksgiving 2023.",
            "2021-08-01"
        ),
        pairs(&[
            ("Labor Day 2021 weekend", "2021-W35-WE"),
            ("the weekend of Thanksgiving 2023", "2023-W47-WE")
        ])
    );
    assert_eq!(
        values("Juneteenth will be a holiday.", "2022-03-22"),
        pairs(&[("Juneteenth", "2022-06-19")])
    );
}

#[test]
fn fractions_compact_forms_and_months_by_number() {
    assert_eq!(
        values(
            "It took one and half hour, then a ½ hour, then one year and a quarter.",
            "2022-03-22"
        ),
        pairs(&[
            ("one and half hour", "PT1H30M"),
            ("½ hour", "PT30M"),
            ("one year and a quarter", "P1Y3M")
        ])
    );
    assert_eq!(
        values("The cold lasted 2W; I left for 3h.", "2022-03-22"),
        pairs(&[("2W", "P2W"), ("3h", "PT3H")])
    );
    assert_eq!(
        values("See report-20170302.html and 12345678.", "2022-03-22"),
        pairs(&[("20170302", "2017-03-02")])
    );
    assert_eq!(
        values("They leave the third month of 2021.", "2022-03-22"),
        pairs(&[("the third month of 2021", "2021-03")])
    );
}

#[test]
fn days_in_words_and_comma_before_an_ordinal_day() {
    assert_eq!(
        values(
            "She was born on twenty five January nineteen eighty six; it opened fifteen August 1993.",
            "2022-03-22"
        ),
        pairs(&[
            ("twenty five January nineteen eighty six", "1986-01-25"),
            ("fifteen August 1993", "1993-08-15")
        ])
    );
    // without a year, a number in words before a month is a count
    assert_eq!(
        values("He sold five January issues.", "2022-03-22"),
        pairs(&[("January", "2022-01")])
    );
    assert_eq!(
        values("The vote will be on October, 1st.", "2022-03-22"),
        pairs(&[("October, 1st", "2022-10-01")])
    );
    assert_eq!(
        values("Files -20200701- and 120200701.", "2022-03-22"),
        pairs(&[("20200701", "2020-07-01")])
    );
}

#[test]
fn abbreviated_weekday_after_on_midnight_in_two_words_and_daytime() {
    // 2018-07-10 is a Tuesday; the party is that week's Saturday
    assert_eq!(
        values("The party will be on Sat at 5.", "2018-07-10"),
        pairs(&[("Sat", "2018-07-14"), ("5", "2018-07-14T05:00")])
    );
    // "sat" the verb stays a verb
    assert!(values("He sat at 5 desks.", "2018-07-10").is_empty());
    assert_eq!(
        values(
            "We went back at mid night and met in the daytime.",
            "2018-07-10"
        ),
        pairs(&[
            ("mid night", "2018-07-10T00:00"),
            ("the daytime", "2018-07-10TDT")
        ])
    );
}

#[test]
fn past_weekday_is_the_latest_one() {
    // 2019-01-31 is a Thursday: "this past Wednesday" is the day before, while "last
    // Wednesday" stays the Wednesday of last week
    assert_eq!(
        values(
            "He spoke this past Wednesday; she spoke last Wednesday.",
            "2019-01-31"
        ),
        pairs(&[
            ("this past Wednesday", "2019-01-30"),
            ("last Wednesday", "2019-01-23")
        ])
    );
    assert_eq!(
        values("It closed past Thursday.", "2019-01-31"),
        pairs(&[("past Thursday", "2019-01-24")])
    );
}

#[test]
fn clock_times_said_by_what_follows_or_an_at_sign() {
    // "o'clock" or a dated day after a bare hour makes it a clock time
    assert_eq!(
        values(
            "They met 10 o'clock and again 12:30 December 27th.",
            "2018-12-01"
        ),
        pairs(&[
            ("10 o'clock", "2018-12-01T10:00"),
            ("12:30 December 27th", "2018-12-27T12:30")
        ])
    );
    // "@" reads as "at"; seconds stay a clock time, on the date before it
    assert_eq!(
        values("Posted 5/3/18 @ 17:49:19 by the editor.", "2018-06-01"),
        pairs(&[
            ("5/3/18", "2018-05-03"),
            ("17:49:19", "2018-05-03T17:49:19")
        ])
    );
    // a bare score stays out; an am glued inside an identifier is no meridiem
    assert_eq!(
        values("It ended 8:30 after extra time.", "2018-06-01"),
        pairs(&[])
    );
    assert_eq!(
        values("See id=~3am3ioYcY0 for details.", "2018-06-01"),
        pairs(&[])
    );
}

#[test]
fn dates_written_in_other_orders() {
    for text in [
        "2020/Sep/23",
        "September-2020-23",
        "23-2020-September",
        "2020/23/Sep",
    ] {
        assert_eq!(
            values(&format!("It opened {text}."), "2016-11-07"),
            pairs(&[(text, "2020-09-23")]),
            "{text}"
        );
    }
    // a weekday before a US month/day says the numbers are a date
    assert_eq!(
        values("The vote is Friday 5/12, they said.", "2019-05-01"),
        pairs(&[("Friday 5/12", "2019-05-12")])
    );
    // without the weekday "5/12" may be a fraction or a score
    assert_eq!(
        values("They won 5/12 of the seats.", "2019-05-01"),
        pairs(&[])
    );
}

#[test]
fn work_weeks_and_days_of_every_month() {
    // 2018-06-26 is in ISO week 26
    assert_eq!(
        values(
            "It will happen this working week, or next workweek, not last work week.",
            "2018-06-26"
        ),
        pairs(&[
            ("this working week", "2018-W26"),
            ("next workweek", "2018-W27"),
            ("last work week", "2018-W25")
        ])
    );
    let t = times("Rent is due on the 19th of every month.", "2018-06-26");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].0, "the 19th of every month");
    assert_eq!(t[0].1, TimexType::Set);
    assert_eq!(t[0].2, "XXXX-XX-19");
    // "next week Mon": an abbreviated weekday after "week" is that week's day
    assert_eq!(
        values("We meet next week Mon at 9 am, they said.", "2017-12-01"),
        pairs(&[
            ("next week Mon", "2017-12-04"),
            ("9 am", "2017-12-04T09:00")
        ])
    );
}

#[test]
fn printed_dates_after_this_or_next_weekday_and_fortnights() {
    // the printed date says which day, whatever the weekday
    assert_eq!(
        values(
            "It is due next Friday, May 12, and this Friday 5/5.",
            "2017-05-01"
        ),
        pairs(&[
            ("next Friday, May 12", "2017-05-12"),
            ("this Friday 5/5", "2017-05-05")
        ])
    );
    assert_eq!(
        values(
            "Sales rose this calendar year; they stayed for a fortnight.",
            "2019-03-01"
        ),
        pairs(&[("this calendar year", "2019"), ("a fortnight", "P2W")])
    );
}

#[test]
fn sentence_bounds_in_tokens_over_non_ascii_text() {
    // code points ≠ bytes: accents, curly quotes, a dash; sentences in order
    let text = "Zürich’s mayor spoke — “late on Monday”. Then café owners met. Done.";
    let lowered = tokens::Lowered::new(text);
    let toks = tokens::scan(&lowered);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let span = |a: &str| {
        let b = text.find(a).expect("in text");
        let start = chars.iter().position(|(i, _)| *i == b).expect("boundary");
        Span {
            start,
            end: start + a.chars().count(),
        }
    };
    let sentences = [
        span("Zürich’s mayor spoke — “late on Monday”."),
        span("Then café owners met."),
        span("Done."),
    ];
    let bounds = sentence_tokens(text, &sentences, &toks);
    let words = |(s, e): (usize, usize)| -> Vec<&str> {
        toks[s..e].iter().map(|t| &text[t.start..t.end]).collect()
    };
    assert_eq!(words(bounds[0]).first(), Some(&"Zürich"));
    assert_eq!(words(bounds[0]).last(), Some(&"."));
    assert_eq!(words(bounds[1]), ["Then", "café", "owners", "met", "."]);
    assert_eq!(words(bounds[2]), ["Done", "."]);
    assert_eq!(bounds[0].1, bounds[1].0);
}

//! The date a page's URL states (`/2023/10/03/slug`, `/2023/october/03/`, `/blog/2025-12-17-slug`).
//!
//! News and blog CMSs write the publication day into the permalink when the story is first
//! published, and never rewrite it: it is the one date on a page that no later edit moves.
//! It settles what the page's other signals leave open — a printed "03/10/2023" read day
//! first or month first, or a date picked from the page text — and dates a page that states
//! no date anywhere else.

use super::PageMeta;
use crate::calendar::{self, Date};

/// Where a URL-stated date came from, in `metadata_from`.
pub(super) const FROM_URL: &str = "url";

/// The full date (year, month and day) written into a URL's path, if any.
///
/// Only whole dates count: `/2025/12/` names a month archive, and an 8-digit run may be
/// an article id.
pub(super) fn url_date(url: &str) -> Option<Date> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').collect();
    // `/2023/10/03/` or `/2023/october/03/`: three path segments.
    for window in segments.windows(3) {
        if let Some(date) = segment_date(window[0], window[1], window[2]) {
            return Some(date);
        }
    }
    // `/2025-12-17-slug`: an ISO date opening one segment.
    segments.iter().find_map(|segment| {
        let head = segment.get(..10)?;
        let rest = &segment[10..];
        if !(rest.is_empty() || rest.starts_with(['-', '_', '.'])) {
            return None;
        }
        let mut parts = head.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        (y.len() == 4 && m.len() == 2 && d.len() == 2)
            .then(|| segment_date(y, m, d))
            .flatten()
    })
}

/// A date from year, month (number or English name) and day segments.
fn segment_date(year: &str, month: &str, day: &str) -> Option<Date> {
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = digits(year, 4).filter(|_| year.len() == 4)?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    let month = digits(month, 2)
        .and_then(|m| u8::try_from(m).ok())
        .or_else(|| {
            (month.len() > 3)
                .then(|| calendar::month_number(month))
                .flatten()
        })?;
    let day = u8::try_from(digits(day, 2)?).ok()?;
    Date::new(i32::try_from(year).ok()?, month, day)
}

/// Settles the publication date with the URL's date.
///
/// Metadata tags that disagree keep their place (a story moved or re-published keeps its
/// old permalink, and the tag is the site's own statement), except when the tag is the
/// URL's date read day-for-month. A date only guessed from the page text (or none at all)
/// gives way to the URL's.
pub(super) fn settle_with_url_date(meta: &mut PageMeta, url: Option<&str>) {
    let url = url
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .or(meta.page.canonical_url.as_ref().map(|(u, _)| u.as_str()));
    let Some(date) = url.and_then(url_date) else {
        return;
    };
    let stated = date.to_string();
    let replace = match &meta.published {
        None => true,
        Some((published, from)) => {
            let day = published.get(..10).unwrap_or(published);
            day != stated
                && (matches!(*from, "page-text" | "byline")
                    || calendar::parse_iso(day)
                        .is_some_and(|p| swapped(p.date).is_some_and(|s| s == date)))
        }
    };
    if replace {
        meta.published = Some((stated, FROM_URL));
    }
}

/// The date with day and month exchanged, when both readings are dates.
fn swapped(date: Date) -> Option<Date> {
    (date.day <= 12 && date.day != date.month)
        .then(|| Date::new(date.year, date.day, date.month))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(url: &str) -> Option<String> {
        url_date(url).map(|d| d.to_string())
    }

    #[test]
    fn reads_dates_from_permalinks() {
        assert_eq!(
            day("https://example.com/2023/10/17/plumbers-train"),
            Some("2023-10-17".into())
        );
        assert_eq!(
            day("https://example.org/blog/2023/october/03/wine-styles"),
            Some("2023-10-03".into())
        );
        assert_eq!(
            day("https://example.net/blog/2025/6/9/cameras"),
            Some("2025-06-09".into())
        );
        assert_eq!(
            day("https://example.net/blog/2025-12-17-the-pilot"),
            Some("2025-12-17".into())
        );
        assert_eq!(
            day("https://example.com/photos/guide/2024/09/16"),
            Some("2024-09-16".into())
        );
    }

    #[test]
    fn ignores_partial_or_impossible_dates() {
        assert_eq!(day("https://example.com/2025/12/roundup"), None);
        assert_eq!(day("https://example.com/2025/02/30/x"), None);
        assert_eq!(day("https://example.com/article/20251217/x"), None);
        assert_eq!(day("https://example.com/1200/10/10/x"), None);
        assert_eq!(day("https://example.com/x?d=2025/10/10/"), None);
        assert_eq!(day("https://2025.example.com/10/10/"), None);
        assert_eq!(day("not a url"), None);
        assert_eq!(day("https://example.com/2025-12-17x"), None);
    }

    fn meta_with(published: Option<(&str, &'static str)>) -> PageMeta {
        PageMeta {
            published: published.map(|(d, f)| (d.to_string(), f)),
            ..PageMeta::default()
        }
    }

    #[test]
    fn url_date_settles_guesses_and_day_month_order() {
        let url = Some("https://example.org/blog/2023/10/03/wine");
        // Nothing else: the URL dates the page.
        let mut meta = meta_with(None);
        settle_with_url_date(&mut meta, url);
        assert_eq!(meta.published, Some(("2023-10-03".into(), FROM_URL)));
        // A printed "03/10/2023" read month first.
        let mut meta = meta_with(Some(("2023-03-10", "page-text")));
        settle_with_url_date(&mut meta, url);
        assert_eq!(meta.published, Some(("2023-10-03".into(), FROM_URL)));
        // The same misreading in a tag.
        let mut meta = meta_with(Some(("2023-03-10T08:00:00Z", "json-ld")));
        settle_with_url_date(&mut meta, url);
        assert_eq!(meta.published, Some(("2023-10-03".into(), FROM_URL)));
        // A tag that agrees keeps its time of day; one that disagrees keeps its place.
        let mut meta = meta_with(Some(("2023-10-03T08:00:00Z", "json-ld")));
        settle_with_url_date(&mut meta, url);
        assert_eq!(
            meta.published,
            Some(("2023-10-03T08:00:00Z".into(), "json-ld"))
        );
        let mut meta = meta_with(Some(("2024-01-20", "opengraph")));
        settle_with_url_date(&mut meta, url);
        assert_eq!(meta.published, Some(("2024-01-20".into(), "opengraph")));
    }

    #[test]
    fn canonical_url_stands_in_for_a_missing_input_url() {
        let mut meta = meta_with(None);
        meta.page.canonical_url = Some(("https://example.com/2021/01/18/tools".into(), "link"));
        settle_with_url_date(&mut meta, None);
        assert_eq!(meta.published, Some(("2021-01-18".into(), FROM_URL)));
    }
}

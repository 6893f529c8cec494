//! The queries analysts run, each returning typed rows.

pub mod article;
pub mod entities;
pub mod figures;
pub mod quotes;
pub mod search;
pub mod stats;
pub mod timeline;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How rows are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// `2022-03-22`.
    Day,
    /// ISO week, `2022-W12`.
    Week,
    /// `2022-03`.
    Month,
}

impl Period {
    /// SQL expression of the period of `articles.day` (aliased `a`).
    pub(crate) fn sql(self) -> &'static str {
        match self {
            Period::Day => "a.day",
            Period::Week => "strftime('%G-W%V', a.day)",
            Period::Month => "substr(a.day, 1, 7)",
        }
    }

    /// SQL expression of the period of the day column `day`.
    pub(crate) fn sql_of(self, day: &str) -> String {
        match self {
            Period::Day => day.to_string(),
            Period::Week => format!("strftime('%G-W%V', {day})"),
            Period::Month => format!("substr({day}, 1, 7)"),
        }
    }
}

/// Filters on the articles a query looks at, shared by every query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFilter {
    /// Articles published on or after this ISO date.
    pub since: Option<String>,
    /// Articles published on or before this ISO date.
    pub until: Option<String>,
    /// Articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Articles in this language (ISO 639-1).
    pub lang: Option<String>,
}

impl ArticleFilter {
    /// Checks the dates (`YYYY-MM-DD`).
    pub(crate) fn validate(&self) -> Result<()> {
        for (field, value) in [("--since", &self.since), ("--until", &self.until)] {
            if let Some(v) = value
                && gleaner_core::calendar::parse_iso(v).is_none()
            {
                return Err(Error::InvalidOption {
                    field,
                    problem: format!("{v:?} is not an ISO 8601 date such as 2022-03-22"),
                });
            }
        }
        Ok(())
    }

    /// The SQL condition over `a` (articles) and `s` (sources) with parameters
    /// `?since`, `?until`, `?source`, `?lang` bound by [`ArticleFilter::bind`].
    pub(crate) const SQL: &'static str = "a.latest = 1
        AND (:since IS NULL OR a.day >= :since)
        AND (:until IS NULL OR a.day <= substr(:until, 1, 10))
        AND (:source IS NULL OR s.name = :source COLLATE NOCASE)
        AND (:lang IS NULL OR a.language = :lang)";

    /// The named parameters for [`ArticleFilter::SQL`].
    pub(crate) fn params(&self) -> [(&'static str, Option<&str>); 4] {
        [
            (
                ":since",
                self.since.as_deref().map(|s| s.get(..10).unwrap_or(s)),
            ),
            (":until", self.until.as_deref()),
            (":source", self.source.as_deref()),
            (":lang", self.lang.as_deref()),
        ]
    }
}

/// [`ArticleFilter`] over `entity_articles` rows (aliased `ea`), which carry the day,
/// source and language of their (always current) article.
pub(crate) struct CoverageFilter;

impl CoverageFilter {
    /// The condition, with the parameters of [`ArticleFilter::params`].
    pub(crate) const SQL: &'static str = "(:since IS NULL OR ea.day >= :since)
        AND (:until IS NULL OR ea.day <= substr(:until, 1, 10))
        AND (:source IS NULL OR ea.source_id IN
             (SELECT id FROM sources WHERE name = :source COLLATE NOCASE))
        AND (:lang IS NULL OR ea.language = :lang)";
}

/// JSON array text of ids, for `IN (SELECT value FROM json_each(?))`.
pub(crate) fn id_list(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string())
}

/// A `LIKE` pattern matching `text` anywhere (with `\` escaping).
pub(crate) fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

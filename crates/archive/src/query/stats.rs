//! What the archive holds: counts, sources per day, gaps, extractor versions.

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::error::Result;
use gleaner_core::calendar;

/// Counts and coverage of an archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Current articles (newest revision of each URL).
    pub articles: i64,
    /// Older revisions kept.
    pub revisions: i64,
    /// Articles that are near-copies of an earlier one.
    pub duplicates: i64,
    /// Sources.
    pub sources: i64,
    /// First publication day.
    pub first: Option<String>,
    /// Last publication day.
    pub last: Option<String>,
    /// Articles without a publication date.
    pub undated: i64,
    /// Corpus identities.
    pub entities: i64,
    /// Quotes.
    pub quotes: i64,
    /// Figures.
    pub quantities: i64,
    /// Temporal expressions.
    pub times: i64,
    /// Extractor versions present, with their article counts.
    pub extractor_versions: Vec<VersionCount>,
    /// Articles per source.
    pub per_source: Vec<SourceCount>,
    /// Articles per source per day.
    pub per_source_day: Vec<SourceDayCount>,
    /// Runs of days between `first` and `last` without any article.
    pub gaps: Vec<Gap>,
    /// Stored bytes of raw inputs, compressed (zlib), and as given.
    pub raw_bytes: i64,
    /// Compressed size of raw inputs and extractions.
    pub stored_bytes: i64,
}

/// One extractor version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionCount {
    /// Version string.
    pub version: String,
    /// Articles extracted by it.
    pub articles: i64,
}

/// Articles of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    /// Source name (`null` when unknown).
    pub source: Option<String>,
    /// Current articles.
    pub articles: i64,
    /// First day.
    pub first: Option<String>,
    /// Last day.
    pub last: Option<String>,
}

/// Articles of one source on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDayCount {
    /// Source name.
    pub source: Option<String>,
    /// The day.
    pub day: String,
    /// Articles.
    pub articles: i64,
}

/// Days without articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// First empty day.
    pub from: String,
    /// Last empty day.
    pub to: String,
    /// Number of days.
    pub days: i64,
}

impl Archive {
    /// Counts and coverage.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let (first, last): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT min(day), max(day) FROM articles WHERE latest = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (raw_bytes, stored_bytes): (i64, i64) = self.conn.query_row(
            "SELECT coalesce(sum(raw_bytes), 0), coalesce(sum(length(raw) + length(extraction)), 0)
             FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let extractor_versions = self.collect(
            "SELECT extractor_version, count(*) FROM articles GROUP BY 1 ORDER BY 1",
            |r| {
                Ok(VersionCount {
                    version: r.get(0)?,
                    articles: r.get(1)?,
                })
            },
        )?;
        let per_source = self.collect(
            "SELECT s.name, count(*), min(a.day), max(a.day) FROM articles a
             LEFT JOIN sources s ON s.id = a.source_id WHERE a.latest = 1
             GROUP BY a.source_id ORDER BY 2 DESC, 1",
            |r| {
                Ok(SourceCount {
                    source: r.get(0)?,
                    articles: r.get(1)?,
                    first: r.get(2)?,
                    last: r.get(3)?,
                })
            },
        )?;
        let per_source_day = self.collect(
            "SELECT s.name, a.day, count(*) FROM articles a
             LEFT JOIN sources s ON s.id = a.source_id
             WHERE a.latest = 1 AND a.day IS NOT NULL
             GROUP BY a.source_id, a.day ORDER BY 2, 1",
            |r| {
                Ok(SourceDayCount {
                    source: r.get(0)?,
                    day: r.get(1)?,
                    articles: r.get(2)?,
                })
            },
        )?;
        let days = self.collect(
            "SELECT DISTINCT day FROM articles WHERE latest = 1 AND day IS NOT NULL ORDER BY day",
            |r| r.get::<_, String>(0),
        )?;
        Ok(Stats {
            articles: count("SELECT count(*) FROM articles WHERE latest = 1")?,
            revisions: count("SELECT count(*) FROM articles WHERE latest = 0")?,
            duplicates: count(
                "SELECT count(*) FROM articles WHERE latest = 1 AND dup_of IS NOT NULL",
            )?,
            sources: count("SELECT count(*) FROM sources")?,
            first,
            last,
            undated: count("SELECT count(*) FROM articles WHERE latest = 1 AND day IS NULL")?,
            entities: count("SELECT count(*) FROM entities")?,
            quotes: count("SELECT count(*) FROM quotes")?,
            quantities: count("SELECT count(*) FROM quantities")?,
            times: count("SELECT count(*) FROM times")?,
            extractor_versions,
            per_source,
            per_source_day,
            gaps: gaps(&days),
            raw_bytes,
            stored_bytes,
        })
    }

    fn collect<T>(
        &self,
        sql: &str,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], map)?;
        Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
    }
}

/// Runs of missing days between consecutive days with articles (sorted `YYYY-MM-DD`).
fn gaps(days: &[String]) -> Vec<Gap> {
    let parsed: Vec<calendar::Date> = days
        .iter()
        .filter_map(|d| calendar::parse_iso(d).map(|s| s.date))
        .collect();
    parsed
        .windows(2)
        .filter_map(|w| {
            let missing = w[1].days_since_epoch() - w[0].days_since_epoch() - 1;
            (missing > 0).then(|| Gap {
                from: w[0].add_days(1).to_string(),
                to: w[1].add_days(-1).to_string(),
                days: missing,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::gaps;

    #[test]
    fn gaps_between_days() {
        let days = ["2022-03-20", "2022-03-21", "2022-03-25", "2022-03-27"].map(String::from);
        let g = gaps(&days);
        assert_eq!(g.len(), 2);
        assert_eq!(
            (g[0].from.as_str(), g[0].to.as_str(), g[0].days),
            ("2022-03-22", "2022-03-24", 3)
        );
        assert_eq!((g[1].from.as_str(), g[1].days), ("2022-03-26", 1));
    }
}

//! The claim timeline: figures by category, place and topic, where sources disagree.

use std::collections::{HashMap, HashSet};

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::Result;
use crate::identity;
use crate::query::{ArticleFilter, id_list, like_pattern};

/// A figures request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureQuery {
    /// Only this category (`casualties`, `damage`, `money`, …).
    pub category: Option<String>,
    /// Only figures the extractor ties to this place (through entity aliases).
    pub place: Option<String>,
    /// Words in what is counted, the event, or the figure as printed.
    pub about: Option<String>,
    /// Which articles.
    #[serde(flatten)]
    pub filter: ArticleFilter,
    /// At most this many.
    pub limit: usize,
    /// Start after the figure this cursor names (a page's `next_cursor`).
    pub cursor: Option<String>,
}

/// One claimed figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureRow {
    /// Publication date of the article claiming it.
    pub day: Option<String>,
    /// The value (lower end of a range).
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// `exact`, `approx`, `at_least`, …
    pub bound: String,
    /// Unit or currency.
    pub unit: Option<String>,
    /// What is counted.
    pub object: Option<String>,
    /// What happened to it.
    pub event: Option<String>,
    /// Category.
    pub category: String,
    /// Place the figure is about, when the extractor names one.
    pub place: Option<String>,
    /// The figure as printed.
    pub text: String,
    /// Source of the article.
    pub source: Option<String>,
    /// Article id.
    pub article_id: i64,
    /// Article URL.
    pub url: Option<String>,
    /// Near-duplicate copies of this article (not counted again).
    pub copies: i64,
    /// Another source states a different value for the same thing on the same day (among
    /// the figures of the same page).
    pub disputed: bool,
    /// The figure's position among its article's figures.
    pub idx: i64,
}

impl Archive {
    /// Figures matching `q` in date order (copies of a syndicated story shown once). The
    /// CROSS JOIN keeps SQLite starting from `quantities` (by its place or category index)
    /// rather than scanning every article.
    pub fn figures(&self, q: &FigureQuery) -> Result<Page<FigureRow>> {
        q.filter.validate()?;
        let after = cursor::day_article_position(q.cursor.as_deref(), "figures")?;
        let after_sql = if after.is_some() {
            "(coalesce(a.day, ''), a.id, q.idx) > (:after_day, :after_article, :after_idx)"
        } else {
            "1"
        };
        let place_ids = match &q.place {
            Some(place) => identity::lookup(&self.conn, place, Some("LOC"))?,
            None => Vec::new(),
        };
        let place_sql = match (&q.place, place_ids.is_empty()) {
            (None, _) => "1",
            (Some(_), false) => "q.place_entity_id IN (SELECT value FROM json_each(:place_ids))",
            (Some(_), true) => "q.place LIKE :place ESCAPE '\\'",
        };
        let about_sql = if q.about.is_some() {
            "(q.object LIKE :about ESCAPE '\\' OR q.event LIKE :about ESCAPE '\\'
              OR q.text LIKE :about ESCAPE '\\')"
        } else {
            "1"
        };
        let sql = format!(
            "SELECT a.day, q.value, q.value_max, q.bound, q.unit, q.object, q.event, q.category,
                    coalesce(pe.name, q.place), q.text, s.name, a.id, a.url,
                    (SELECT count(*) FROM articles d WHERE d.dup_of = a.id), q.idx
             FROM quantities q
             CROSS JOIN articles a ON a.id = q.article_id
             LEFT JOIN sources s ON s.id = a.source_id
             LEFT JOIN entities pe ON pe.id = q.place_entity_id
             WHERE q.ordinal = 0 AND a.dup_of IS NULL
               AND (:category IS NULL OR q.category = :category)
               AND {place_sql} AND {about_sql} AND {after_sql} AND {}
             ORDER BY coalesce(a.day, ''), a.id, q.idx
             LIMIT :limit",
            ArticleFilter::SQL
        );
        let ids_json = id_list(&place_ids);
        let place = q.place.as_deref().map(like_pattern);
        let about = q.about.as_deref().map(like_pattern);
        let limit = q.limit as i64 + 1;
        let mut params: Vec<(&str, &dyn ToSql)> =
            vec![(":category", &q.category), (":limit", &limit)];
        if let Some((day, article, idx)) = &after {
            params.push((":after_day", day));
            params.push((":after_article", article));
            params.push((":after_idx", idx));
        }
        if q.place.is_some() {
            if place_ids.is_empty() {
                params.push((":place", &place));
            } else {
                params.push((":place_ids", &ids_json));
            }
        }
        if q.about.is_some() {
            params.push((":about", &about));
        }
        let filter = q.filter.params();
        for (name, value) in &filter {
            params.push((name, value));
        }
        let rows = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params.as_slice(), |r| {
                Ok(FigureRow {
                    day: r.get(0)?,
                    value: r.get(1)?,
                    value_max: r.get(2)?,
                    bound: r.get(3)?,
                    unit: r.get(4)?,
                    object: r.get(5)?,
                    event: r.get(6)?,
                    category: r.get(7)?,
                    place: r.get(8)?,
                    text: r.get(9)?,
                    source: r.get(10)?,
                    article_id: r.get(11)?,
                    url: r.get(12)?,
                    copies: r.get(13)?,
                    disputed: false,
                    idx: r.get(14)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut page = Page::from_rows(rows, q.limit, "figures", |r| {
            vec![
                r.day.clone().unwrap_or_default().into(),
                r.article_id.into(),
                r.idx.into(),
            ]
        });
        mark_disputes(&mut page.rows);
        Ok(page)
    }
}

/// Marks figures counting the same thing on the same day with different values from
/// different sources.
fn mark_disputes(rows: &mut [FigureRow]) {
    type Claim = (
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let key = |r: &FigureRow| -> Claim {
        (
            r.day.clone(),
            r.category.clone(),
            r.event.clone(),
            r.object.as_deref().map(str::to_lowercase),
            r.place.clone(),
        )
    };
    let mut groups: HashMap<Claim, (HashSet<u64>, HashSet<Option<String>>)> = HashMap::new();
    for r in rows.iter() {
        let entry = groups.entry(key(r)).or_default();
        entry.0.insert(r.value.to_bits());
        entry.1.insert(r.source.clone());
    }
    for r in rows.iter_mut() {
        if let Some((values, sources)) = groups.get(&key(r)) {
            r.disputed = values.len() > 1 && sources.len() > 1;
        }
    }
}

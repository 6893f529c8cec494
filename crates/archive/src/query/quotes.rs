//! Quotes by speaker (through entity aliases) and topic.

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::Result;
use crate::identity;
use crate::query::{ArticleFilter, id_list, like_pattern};

/// A quotes request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteQuery {
    /// Speaker name, any form of it ("Zelensky" finds "Volodymyr Zelenskyy").
    pub speaker: Option<String>,
    /// Words the quote contains.
    pub about: Option<String>,
    /// Which articles.
    #[serde(flatten)]
    pub filter: ArticleFilter,
    /// At most this many quotes.
    pub limit: usize,
    /// Start after the quote this cursor names (a page's `next_cursor`).
    pub cursor: Option<String>,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteRow {
    /// Article id.
    pub article_id: i64,
    /// Publication date.
    pub day: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// The speaker: the corpus identity's name, else the name the article gives.
    pub speaker: Option<String>,
    /// Corpus identity of the speaker.
    pub speaker_entity_id: Option<i64>,
    /// The quoted words.
    pub text: String,
    /// The reporting verb or cue.
    pub cue: Option<String>,
    /// Start of the quote in the article's text (code points).
    pub start: i64,
    /// End of the quote (code points, exclusive).
    pub end: i64,
    /// The quote's position among its article's quotes.
    pub idx: i64,
}

impl Archive {
    /// Quotes matching `q`, newest first (undated last), in article order within an
    /// article.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Page<QuoteRow>> {
        q.filter.validate()?;
        let after = cursor::day_article_position(q.cursor.as_deref(), "quotes")?;
        let after_sql = if after.is_some() {
            "(coalesce(a.day, '') < :after_day
              OR (coalesce(a.day, '') = :after_day AND (q.article_id < :after_article
                  OR (q.article_id = :after_article AND q.idx > :after_idx))))"
        } else {
            "1"
        };
        let ids = match &q.speaker {
            Some(name) => identity::lookup(&self.conn, name, Some("PER"))?,
            None => Vec::new(),
        };
        let speaker_sql = match (&q.speaker, ids.is_empty()) {
            (None, _) => "1",
            (Some(_), false) => "q.speaker_entity_id IN (SELECT value FROM json_each(:ids))",
            (Some(_), true) => {
                "(q.speaker_name LIKE :speaker ESCAPE '\\' OR q.speaker_text LIKE :speaker ESCAPE '\\')"
            }
        };
        let about_sql = if q.about.is_some() {
            "q.text LIKE :about ESCAPE '\\'"
        } else {
            "1"
        };
        // Two steps: order the candidates by what the indexes hold (the speaker index and
        // `articles_listing`), then read the page's quote and article rows alone — a hub
        // speaker has tens of thousands of candidates.
        let sql = format!(
            "WITH page AS (
                 SELECT q.article_id AS article_id, q.idx AS idx, coalesce(a.day, '') AS d
                 FROM quotes q
                 JOIN articles a INDEXED BY articles_listing ON a.id = q.article_id
                 LEFT JOIN sources s ON s.id = a.source_id
                 WHERE {speaker_sql} AND {about_sql} AND {after_sql} AND {}
                 ORDER BY d DESC, q.article_id DESC, q.idx
                 LIMIT :limit)
             SELECT q.article_id, a.day, s.name, coalesce(e.name, q.speaker_name, q.speaker_text),
                    q.speaker_entity_id, q.text, q.cue, q.start, q.end, q.idx
             FROM page
             JOIN quotes q ON q.article_id = page.article_id AND q.idx = page.idx
             JOIN articles a ON a.id = page.article_id
             LEFT JOIN sources s ON s.id = a.source_id
             LEFT JOIN entities e ON e.id = q.speaker_entity_id
             ORDER BY page.d DESC, page.article_id DESC, page.idx",
            ArticleFilter::SQL
        );
        let ids_json = id_list(&ids);
        let speaker = q.speaker.as_deref().map(like_pattern);
        let about = q.about.as_deref().map(like_pattern);
        let limit = q.limit as i64 + 1;
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":limit", &limit)];
        if let Some((day, article, idx)) = &after {
            params.push((":after_day", day));
            params.push((":after_article", article));
            params.push((":after_idx", idx));
        }
        if q.speaker.is_some() {
            if ids.is_empty() {
                params.push((":speaker", &speaker));
            } else {
                params.push((":ids", &ids_json));
            }
        }
        if q.about.is_some() {
            params.push((":about", &about));
        }
        let filter = q.filter.params();
        for (name, value) in &filter {
            params.push((name, value));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params.as_slice(), |r| {
            Ok(QuoteRow {
                article_id: r.get(0)?,
                day: r.get(1)?,
                source: r.get(2)?,
                speaker: r.get(3)?,
                speaker_entity_id: r.get(4)?,
                text: r.get(5)?,
                cue: r.get(6)?,
                start: r.get(7)?,
                end: r.get(8)?,
                idx: r.get(9)?,
            })
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, q.limit, "quotes", |r| {
            vec![
                r.day.clone().unwrap_or_default().into(),
                r.article_id.into(),
                r.idx.into(),
            ]
        }))
    }
}

//! How each archive row type prints as a table or CSV.

use gleaner_archive::{
    CooccurRow, EntityRow, ExportedTable, FigureRow, QuoteRow, SearchHit, SourceCount, TimelineRow,
};
use serde::Serialize;

use super::output::{Tabular, number, opt};

impl Tabular for SearchHit {
    fn headers() -> &'static [&'static str] {
        &["id", "date", "source", "headline", "snippet"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            opt(&self.day),
            opt(&self.source),
            opt(&self.headline),
            self.snippet.clone(),
        ]
    }
}

impl Tabular for QuoteRow {
    fn headers() -> &'static [&'static str] {
        &["date", "source", "article", "speaker", "cue", "quote"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            opt(&self.day),
            opt(&self.source),
            self.article_id.to_string(),
            opt(&self.speaker),
            opt(&self.cue),
            self.text.clone(),
        ]
    }
}

impl Tabular for EntityRow {
    fn headers() -> &'static [&'static str] {
        &[
            "id", "type", "name", "articles", "mentions", "first", "last", "aliases",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.kind.clone(),
            self.name.clone(),
            self.articles.to_string(),
            self.mentions.to_string(),
            opt(&self.first),
            opt(&self.last),
            self.aliases.join("; "),
        ]
    }
}

impl Tabular for CooccurRow {
    fn headers() -> &'static [&'static str] {
        &["period", "type", "articles", "name"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.period.clone(),
            self.kind.clone(),
            self.articles.to_string(),
            self.name.clone(),
        ]
    }
}

impl Tabular for TimelineRow {
    fn headers() -> &'static [&'static str] {
        &["period", "stories", "articles", "sources"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.period.clone(),
            self.articles.to_string(),
            self.copies.to_string(),
            self.sources.to_string(),
        ]
    }
}

impl Tabular for FigureRow {
    fn headers() -> &'static [&'static str] {
        &[
            "date",
            "value",
            "bound",
            "unit",
            "object",
            "event",
            "category",
            "place",
            "source",
            "article",
            "copies",
            "disputed",
            "as printed",
        ]
    }
    fn cells(&self) -> Vec<String> {
        let value = match self.value_max {
            Some(max) => format!("{}–{}", number(self.value), number(max)),
            None => number(self.value),
        };
        vec![
            opt(&self.day),
            value,
            self.bound.clone(),
            opt(&self.unit),
            opt(&self.object),
            opt(&self.event),
            self.category.clone(),
            opt(&self.place),
            opt(&self.source),
            self.article_id.to_string(),
            self.copies.to_string(),
            if self.disputed { "yes" } else { "" }.to_string(),
            self.text.clone(),
        ]
    }
}

impl Tabular for SourceCount {
    fn headers() -> &'static [&'static str] {
        &["source", "articles", "first", "last"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            opt(&self.source),
            self.articles.to_string(),
            opt(&self.first),
            opt(&self.last),
        ]
    }
}

impl Tabular for ExportedTable {
    fn headers() -> &'static [&'static str] {
        &["table", "rows", "file"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.table.clone(),
            self.rows.to_string(),
            self.path.display().to_string(),
        ]
    }
}

/// One member of a near-duplicate cluster, as a flat row.
#[derive(Debug, Serialize)]
pub struct DuplicateRow {
    /// The cluster's first article.
    pub cluster: i64,
    /// This article.
    pub id: i64,
    /// Publication date.
    pub day: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Headline.
    pub headline: Option<String>,
}

impl Tabular for DuplicateRow {
    fn headers() -> &'static [&'static str] {
        &["cluster", "id", "date", "source", "headline"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.cluster.to_string(),
            self.id.to_string(),
            opt(&self.day),
            opt(&self.source),
            opt(&self.headline),
        ]
    }
}

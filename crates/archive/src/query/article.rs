//! One stored article, its raw input, and the near-duplicate clusters.

use std::collections::BTreeMap;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::compress::decompress;
use crate::error::{Error, Result};

/// An article as stored, with its extraction JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Article id.
    pub id: i64,
    /// SHA-256 of the raw input.
    pub sha256: String,
    /// URL.
    pub url: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Publication date as extracted.
    pub published: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Extractor that produced `extraction`.
    pub extractor_version: String,
    /// When it was stored (UTC).
    pub added: String,
    /// Whether this is the URL's newest revision.
    pub latest: bool,
    /// The revision this one superseded.
    pub revision_of: Option<i64>,
    /// The first article of its near-duplicate cluster, when it is a copy.
    pub dup_of: Option<i64>,
    /// Size of the raw input in bytes.
    pub raw_bytes: i64,
    /// The extraction, byte-identical to `gleaner extract --format jsonl`.
    pub extraction: String,
}

/// A short description of an article, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleBrief {
    /// Article id.
    pub id: i64,
    /// Publication date.
    pub day: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// A near-duplicate cluster: the first article and its copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateCluster {
    /// The first stored article of the cluster.
    pub first: ArticleBrief,
    /// Articles stored later whose body is a near-copy.
    pub copies: Vec<ArticleBrief>,
}

impl Archive {
    /// The article with id `id`.
    pub fn article(&self, id: i64) -> Result<ArticleRecord> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.sha256, a.url, s.name, a.published, a.headline, a.language,
                        a.extractor_version, a.added, a.latest, a.revision_of, a.dup_of,
                        a.raw_bytes, a.extraction
                 FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    ArticleRecord {
                        id: r.get(0)?,
                        sha256: r.get(1)?,
                        url: r.get(2)?,
                        source: r.get(3)?,
                        published: r.get(4)?,
                        headline: r.get(5)?,
                        language: r.get(6)?,
                        extractor_version: r.get(7)?,
                        added: r.get(8)?,
                        latest: r.get(9)?,
                        revision_of: r.get(10)?,
                        dup_of: r.get(11)?,
                        raw_bytes: r.get(12)?,
                        extraction: String::new(),
                    },
                    r.get::<_, Vec<u8>>(13)?,
                ))
            })
            .optional()?;
        let (mut record, blob) = row.ok_or(Error::NotFound(id))?;
        record.extraction = unpack_text(id, "extraction", &blob)?;
        Ok(record)
    }

    /// The raw input bytes of article `id`, as given.
    pub fn raw(&self, id: i64) -> Result<Vec<u8>> {
        let blob: Vec<u8> = self
            .conn
            .prepare_cached("SELECT raw FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound(id))?;
        decompress(&blob).map_err(|e| Error::Damaged {
            id,
            what: "raw input",
            problem: e.to_string(),
        })
    }

    /// Near-duplicate clusters with at least one copy, largest first.
    pub fn duplicates(&self, limit: usize) -> Result<Vec<DuplicateCluster>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.day, s.name, a.headline, a.url, coalesce(a.dup_of, a.id) AS root
             FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE a.latest = 1 AND (a.dup_of IS NOT NULL
                 OR a.id IN (SELECT dup_of FROM articles WHERE dup_of IS NOT NULL))
             ORDER BY root, a.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(5)?,
                ArticleBrief {
                    id: r.get(0)?,
                    day: r.get(1)?,
                    source: r.get(2)?,
                    headline: r.get(3)?,
                    url: r.get(4)?,
                },
            ))
        })?;
        let mut clusters: BTreeMap<i64, Vec<ArticleBrief>> = BTreeMap::new();
        for row in rows {
            let (root, brief) = row?;
            clusters.entry(root).or_default().push(brief);
        }
        let mut out: Vec<DuplicateCluster> = clusters
            .into_values()
            .filter(|members| members.len() > 1)
            .map(|mut members| {
                let first = members.remove(0);
                DuplicateCluster {
                    first,
                    copies: members,
                }
            })
            .collect();
        out.sort_by_key(|c| std::cmp::Reverse(c.copies.len()));
        out.truncate(limit);
        Ok(out)
    }
}

/// Decompresses a stored text blob.
pub(crate) fn unpack_text(id: i64, what: &'static str, blob: &[u8]) -> Result<String> {
    let bytes = decompress(blob).map_err(|e| Error::Damaged {
        id,
        what,
        problem: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|e| Error::Damaged {
        id,
        what,
        problem: e.to_string(),
    })
}

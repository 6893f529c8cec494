//! Adding articles: one transaction each, idempotent by content, revisions by URL.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::archive::Archive;
use crate::compress::BlobCompressor;
use crate::error::{Error, Result};
use crate::{coverage, facts, simhash};
use gleaner_core::{Article, Extractor, Input, InputFormat, json};

/// The version recorded with each extraction: the core's package version (the workspace
/// shares one version) and its JSON contract version.
pub fn extractor_version() -> String {
    format!(
        "gleaner {} (schema {})",
        env!("CARGO_PKG_VERSION"),
        gleaner_core::SCHEMA_VERSION
    )
}

/// What [`Archive::add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AddOutcome {
    /// A new article was stored.
    Added {
        /// Its id.
        id: i64,
    },
    /// The same content was already stored; nothing changed.
    Unchanged {
        /// The stored article's id.
        id: i64,
    },
    /// New content for a URL already stored: kept as a revision of it.
    Revision {
        /// The new revision's id.
        id: i64,
        /// The revision it supersedes.
        previous: i64,
    },
}

impl AddOutcome {
    /// The id of the stored article.
    pub fn id(&self) -> i64 {
        match *self {
            Self::Added { id } | Self::Unchanged { id } | Self::Revision { id, .. } => id,
        }
    }
}

/// Lower-case hex SHA-256, as the core reports it in `source.sha256`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Archive {
    /// The id of the article whose input had this SHA-256, if stored.
    pub fn find_sha256(&self, sha256: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?
            .query_row([sha256], |r| r.get(0))
            .optional()?)
    }

    /// Extracts `input` and stores it, unless the same bytes are already stored.
    pub fn add(&mut self, extractor: &Extractor, input: &Input) -> Result<AddOutcome> {
        if let Some(id) = self.find_sha256(&sha256_hex(&input.bytes))? {
            return Ok(AddOutcome::Unchanged { id });
        }
        let article = extractor.extract(input)?;
        self.add_extracted(input, &article)
    }

    /// Stores `input` with its extraction `article` (made by the current extractor) in one
    /// transaction.
    pub fn add_extracted(&mut self, input: &Input, article: &Article) -> Result<AddOutcome> {
        let sha = &article.source.sha256;
        let tx = self.conn.transaction()?;
        if let Some(id) = tx
            .prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?
            .query_row([sha], |r| r.get::<_, i64>(0))
            .optional()?
        {
            return Ok(AddOutcome::Unchanged { id });
        }
        let url = article.source.url.clone().or_else(|| input.url.clone());
        let source_name = input
            .source_name
            .clone()
            .or_else(|| article.source.name.clone())
            .or_else(|| url.as_deref().and_then(host_of));
        let source_id = match &source_name {
            Some(name) => {
                tx.prepare_cached("INSERT OR IGNORE INTO sources (name) VALUES (?1)")?
                    .execute([name])?;
                Some(
                    tx.prepare_cached("SELECT id FROM sources WHERE name = ?1")?
                        .query_row([name], |r| r.get::<_, i64>(0))?,
                )
            }
            None => None,
        };
        let previous: Option<i64> = match &url {
            Some(url) => tx
                .prepare_cached("SELECT max(id) FROM articles WHERE url = ?1 AND latest = 1")?
                .query_row([url], |r| r.get(0))?,
            None => None,
        };
        let json = json::to_line(article);
        let compressor = self.compressor.get_or_insert_with(BlobCompressor::new);
        let raw = compressor
            .compress(&input.bytes)
            .map_err(|e| io("compressing the input", e))?;
        let extraction = compressor
            .compress(json.as_bytes())
            .map_err(|e| io("compressing JSON", e))?;
        let day = article
            .published
            .as_deref()
            .and_then(gleaner_core::calendar::parse_iso)
            .map(|s| s.date.to_string());
        let hash = simhash::simhash(&article.body);
        if let Some(previous) = previous {
            tx.prepare_cached("UPDATE articles SET latest = 0 WHERE id = ?1")?
                .execute([previous])?;
        }
        // The cluster is found before the row exists and written with it: `dup_of` is the
        // row's last column, behind the compressed blobs, and setting it afterwards made
        // SQLite rewrite the whole row with its overflow pages.
        let dup_of = match hash {
            Some(hash) => duplicate_root(&tx, hash, None)?,
            None => None,
        };
        tx.prepare_cached(
            "INSERT INTO articles (sha256, url, source_id, published, day, headline, language,
                 extractor_version, added, revision_of, input_format, input_media_type,
                 input_published, input_path, input_id, input_source, raw_bytes, raw,
                 extraction, simhash, dup_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                 ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?
        .execute(params![
            sha,
            url,
            source_id,
            article.published,
            day,
            article.headline,
            article.language,
            extractor_version(),
            previous,
            input.format.map(format_label),
            input.media_type,
            input.published,
            input.path,
            input.id,
            input.source_name,
            input.bytes.len() as i64,
            raw,
            extraction,
            hash.map(|h| h as i64),
            dup_of
        ])?;
        let id = tx.last_insert_rowid();
        facts::store(&tx, id, article)?;
        if let Some(hash) = hash {
            index_bands(&tx, id, hash)?;
        }
        if let Some(previous) = previous {
            coverage::remove_article(&tx, previous)?;
        }
        coverage::add_article(&tx, id)?;
        // Last: once FTS5 is written in a transaction, every later statement that opens a
        // statement journal makes it flush its pending terms to a new tiny segment (and
        // merge them), which cost more than the FTS insert itself.
        tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
            .execute(params![
                id,
                article.headline.as_deref().unwrap_or(""),
                article.body
            ])?;
        tx.commit()?;
        Ok(match previous {
            Some(previous) => AddOutcome::Revision { id, previous },
            None => AddOutcome::Added { id },
        })
    }
}

/// Finds the near-duplicate cluster of a new article and indexes its SimHash bands.
pub(crate) fn link_duplicates(conn: &rusqlite::Connection, id: i64, hash: u64) -> Result<()> {
    let root = duplicate_root(conn, hash, Some(id))?;
    conn.prepare_cached("UPDATE articles SET dup_of = ?2 WHERE id = ?1")?
        .execute(params![id, root])?;
    index_bands(conn, id, hash)
}

/// The cluster root of the oldest current article within [`simhash::MAX_DISTANCE`] bits of
/// `hash` (other than article `except`), if any.
fn duplicate_root(
    conn: &rusqlite::Connection,
    hash: u64,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let bands = simhash::band_keys(hash);
    let mut root: Option<i64> = None;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.simhash, coalesce(a.dup_of, a.id) FROM simhash_bands b
         JOIN articles a ON a.id = b.article_id
         WHERE b.band_key IN (?1, ?2, ?3, ?4) AND a.id IS NOT ?5 AND a.latest = 1",
    )?;
    let rows = stmt.query_map(
        params![bands[0], bands[1], bands[2], bands[3], except],
        |r| Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)),
    )?;
    for row in rows {
        let (other, other_root) = row?;
        if simhash::distance(hash, other as u64) <= simhash::MAX_DISTANCE {
            root = Some(root.map_or(other_root, |r: i64| r.min(other_root)));
        }
    }
    Ok(root)
}

/// Indexes the SimHash bands of article `id`.
fn index_bands(conn: &rusqlite::Connection, id: i64, hash: u64) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO simhash_bands (band_key, article_id) VALUES (?1, ?2)",
    )?;
    for band in simhash::band_keys(hash) {
        insert.execute(params![band, id])?;
    }
    Ok(())
}

/// The label stored for an input format.
pub(crate) fn format_label(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Text => "text",
        InputFormat::Html => "html",
        InputFormat::Verbatim => "verbatim",
    }
}

/// The host of a URL (`https://www.example.org/a` → `www.example.org`), for articles
/// without a source name.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

pub(crate) fn io(context: &str, source: std::io::Error) -> Error {
    Error::Io {
        context: context.to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Example.org/a/b?c").as_deref(),
            Some("www.example.org")
        );
        assert_eq!(host_of("http://user@host:8080/").as_deref(), Some("host"));
        assert_eq!(host_of("").as_deref(), None);
    }
}

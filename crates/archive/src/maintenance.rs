//! `check` (integrity and counts) and `reindex` (re-extraction with the current extractor).

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::compress::{BlobCompressor, decompress};
use crate::error::{Error, Result};
use crate::ingest::{extractor_version, io, link_duplicates, sha256_hex};
use crate::{coverage, facts, simhash};
use gleaner_core::{Extractor, Input, InputFormat, json};

/// The result of [`Archive::check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// No problem found.
    pub ok: bool,
    /// Each problem found, in words.
    pub problems: Vec<String>,
    /// Stored articles (all revisions).
    pub articles: i64,
    /// Rows in the full-text index.
    pub indexed: i64,
    /// Corpus identities.
    pub entities: i64,
    /// Schema version.
    pub schema_version: i64,
}

/// The result of [`Archive::reindex`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReindexReport {
    /// Articles re-extracted.
    pub reindexed: usize,
    /// Articles whose stored input failed to extract (id, reason); left as they were.
    pub failed: Vec<(i64, String)>,
}

impl Archive {
    /// Checks SQLite's integrity, foreign keys, the full-text index, and every stored blob
    /// (raw inputs against their SHA-256).
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(format!("integrity: {row}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
        })? {
            let (table, rowid) = row?;
            problems.push(format!("foreign key: {table} row {rowid:?} points nowhere"));
        }
        if let Err(e) = self.conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
            [],
        ) {
            problems.push(format!("full-text index: {e}"));
        }
        problems.extend(coverage::check(&self.conn)?);
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let articles = count("SELECT count(*) FROM articles")?;
        let indexed = count("SELECT count(*) FROM articles_fts")?;
        if articles != indexed {
            problems.push(format!(
                "{articles} articles but {indexed} in the full-text index"
            ));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, sha256, raw, extraction FROM articles ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let sha: String = row.get(1)?;
            let raw: Vec<u8> = row.get(2)?;
            match decompress(&raw) {
                Ok(raw) if sha256_hex(&raw) == sha => {}
                Ok(_) => {
                    problems.push(format!("article {id}: raw input does not match its sha256"))
                }
                Err(e) => problems.push(format!("article {id}: raw input damaged: {e}")),
            }
            let extraction: Vec<u8> = row.get(3)?;
            if let Err(e) = decompress(&extraction) {
                problems.push(format!("article {id}: extraction damaged: {e}"));
            }
        }
        Ok(CheckReport {
            ok: problems.is_empty(),
            problems,
            articles,
            indexed,
            entities: count("SELECT count(*) FROM entities")?,
            schema_version: self.schema_version()?,
        })
    }

    /// Re-extracts every stored raw input with `extractor` and replaces the article's
    /// extraction and normalised rows, one transaction per article. `progress` is called
    /// after each article with (done, total).
    pub fn reindex(
        &mut self,
        extractor: &Extractor,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<ReindexReport> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?
        };
        let mut report = ReindexReport {
            reindexed: 0,
            failed: Vec::new(),
        };
        for (done, id) in ids.iter().enumerate() {
            match self.reindex_one(extractor, *id) {
                Ok(()) => report.reindexed += 1,
                Err(Error::Reextract { id, source }) => {
                    report.failed.push((id, source.to_string()))
                }
                Err(e) => return Err(e),
            }
            progress(done + 1, ids.len());
        }
        // Identities no article names any more. The conditions name every table pointing at
        // `entities`, so the per-row foreign-key checks (full scans of `mentions` and
        // `article_entities`, which have no index by entity) are skipped.
        self.conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
        let deleted = self.conn.execute_batch(
            "DELETE FROM entity_aliases WHERE entity_id NOT IN (SELECT entity_id FROM article_entities)
               AND entity_id NOT IN (SELECT entity_id FROM mentions)
               AND entity_id NOT IN (SELECT speaker_entity_id FROM quotes WHERE speaker_entity_id IS NOT NULL)
               AND entity_id NOT IN (SELECT place_entity_id FROM quantities WHERE place_entity_id IS NOT NULL);
             DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_entities)
               AND id NOT IN (SELECT entity_id FROM mentions)
               AND id NOT IN (SELECT speaker_entity_id FROM quotes WHERE speaker_entity_id IS NOT NULL)
               AND id NOT IN (SELECT place_entity_id FROM quantities WHERE place_entity_id IS NOT NULL);",
        );
        // Back on whatever happened: later writes on this connection must be checked again.
        self.conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        deleted?;
        let tx = self.conn.transaction()?;
        coverage::rebuild(&tx)?;
        tx.commit()?;
        Ok(report)
    }

    fn reindex_one(&mut self, extractor: &Extractor, id: i64) -> Result<()> {
        let input = self.stored_input(id)?;
        let article = extractor
            .extract(&input)
            .map_err(|source| Error::Reextract { id, source })?;
        let json = json::to_line(&article);
        let extraction = self
            .compressor
            .get_or_insert_with(BlobCompressor::new)
            .compress(json.as_bytes())
            .map_err(|e| io("compressing JSON", e))?;
        let day = article
            .published
            .as_deref()
            .and_then(gleaner_core::calendar::parse_iso)
            .map(|s| s.date.to_string());
        let hash = simhash::simhash(&article.body);
        let tx = self.conn.transaction()?;
        coverage::remove_article(&tx, id)?;
        facts::delete(&tx, id)?;
        tx.execute(
            "UPDATE articles SET published = ?2, day = ?3, headline = ?4, language = ?5,
                 extractor_version = ?6, extraction = ?7, simhash = ?8, dup_of = NULL
             WHERE id = ?1",
            params![
                id,
                article.published,
                day,
                article.headline,
                article.language,
                extractor_version(),
                extraction,
                hash.map(|h| h as i64)
            ],
        )?;
        tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
            params![id, article.headline.as_deref().unwrap_or(""), article.body],
        )?;
        facts::store(&tx, id, &article)?;
        tx.execute("DELETE FROM simhash_bands WHERE article_id = ?1", [id])?;
        if let Some(hash) = hash {
            link_duplicates(&tx, id, hash)?;
        }
        coverage::add_article(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// The input as it was given, rebuilt from the stored raw bytes and options.
    fn stored_input(&self, id: i64) -> Result<Input> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT input_format, input_media_type, url, input_published, input_path, input_id,
                    input_source FROM articles WHERE id = ?1",
        )?;
        let mut rows = stmt.query([id])?;
        let row = rows.next()?.ok_or(Error::NotFound(id))?;
        let text = |i: usize| row.get::<_, Option<String>>(i);
        let format = text(0)?;
        let input = Input {
            bytes: Vec::new(),
            format: match format.as_deref() {
                Some("text") => Some(InputFormat::Text),
                Some("html") => Some(InputFormat::Html),
                Some("verbatim") => Some(InputFormat::Verbatim),
                _ => None,
            },
            media_type: text(1)?,
            url: text(2)?,
            published: text(3)?,
            path: text(4)?,
            id: text(5)?,
            source_name: text(6)?,
        };
        Ok(Input {
            bytes: self.raw(id)?,
            ..input
        })
    }
}

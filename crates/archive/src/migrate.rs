//! Versioned schema migrations on SQLite's `user_version`.
//!
//! Each migration is one SQL batch, applied in order inside one transaction together with
//! the new `user_version`, so a database is always at exactly one version. Forward only:
//! a database newer than [`LATEST`] is refused by the caller, never downgraded.

use rusqlite::Connection;

use crate::error::Result;

/// Marks a database as a Gleaner archive (`PRAGMA application_id`, "GLNR").
pub const APPLICATION_ID: i64 = 0x474c_4e52;

/// The migrations, version `i + 1` at index `i`. Append only; never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/v1_core.sql"),
    include_str!("sql/v2_duplicates.sql"),
    include_str!("sql/v3_entity_coverage.sql"),
    include_str!("sql/v4_story_days.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The database's schema version.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every migration after the database's version up to `target`.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current = version(conn)?;
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let to = index as i64 + 1;
        if to <= current || to > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        fill(&tx, to)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
    }
    Ok(())
}

/// What a migration's SQL cannot compute, done in the same transaction: version 4 packs
/// each day's identity sets (a binary encoding SQL does not write).
fn fill(conn: &Connection, version: i64) -> Result<()> {
    if version == 4 {
        crate::story_days::rebuild(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_schema_is_migrated_forward() -> Result<()> {
        let mut conn = Connection::open_in_memory()?;
        migrate_to(&mut conn, 1)?;
        assert_eq!(version(&conn)?, 1);
        conn.execute(
            "INSERT INTO articles (sha256, extractor_version, added, raw_bytes, raw, extraction)
             VALUES ('abc', 'v', 'now', 0, x'', x'')",
            [],
        )?;
        migrate_to(&mut conn, LATEST)?;
        assert_eq!(version(&conn)?, LATEST);
        let (sha, dup): (String, Option<i64>) =
            conn.query_row("SELECT sha256, dup_of FROM articles", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        assert_eq!((sha.as_str(), dup), ("abc", None));
        let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        assert_eq!(app, APPLICATION_ID);
        Ok(())
    }

    /// A version-2 archive holding articles gets its entity coverage filled by version 3,
    /// exactly as ingest would have kept it.
    #[test]
    fn version_3_fills_the_coverage_of_an_existing_archive()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        use gleaner_core::{Config, Extractor, Input, InputFormat};
        let mut archive = crate::Archive::open_in_memory()?;
        let input = Input {
            bytes: std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../fixtures/articles/kyiv-talks.txt"
            ))?,
            format: Some(InputFormat::Text),
            published: Some("2022-03-22".into()),
            ..Input::default()
        };
        archive.add(&Extractor::new(Config::default()), &input)?;
        type StatsRow = (i64, i64, i64, Option<String>);
        let dump = |conn: &Connection| -> rusqlite::Result<Vec<StatsRow>> {
            conn.prepare("SELECT entity_id, articles, mentions, last FROM entity_stats ORDER BY 1")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        };
        let kept = dump(&archive.conn)?;
        assert!(kept.len() > 5, "{kept:?}");
        // Back to version 2 as it was: no coverage tables, the old indexes.
        archive.conn.execute_batch(
            "DROP TABLE entity_stats; DROP TABLE entity_articles; DROP TABLE story_days;
             DROP INDEX articles_superseded; DROP INDEX articles_listing;
             CREATE INDEX mentions_entity ON mentions(entity_id);
             CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
             PRAGMA user_version = 2;",
        )?;
        migrate_to(&mut archive.conn, LATEST)?;
        assert_eq!(version(&archive.conn)?, LATEST);
        assert_eq!(dump(&archive.conn)?, kept);
        assert!(archive.check()?.ok);
        Ok(())
    }

    /// A version-3 archive gets its day blobs packed by version 4, exactly as ingest would
    /// have kept them, and loses the per-article sets.
    #[test]
    fn version_4_packs_the_story_days_of_an_existing_archive()
    -> std::result::Result<(), Box<dyn std::error::Error>> {
        use gleaner_core::{Config, Extractor, Input, InputFormat};
        let mut archive = crate::Archive::open_in_memory()?;
        let extractor = Extractor::new(Config::default());
        for (day, suffix) in [
            ("2022-03-22", ""),
            ("2022-03-22", " "),
            ("2022-03-23", "  "),
        ] {
            let mut bytes = std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../fixtures/articles/kyiv-talks.txt"
            ))?;
            bytes.extend_from_slice(suffix.as_bytes());
            let input = Input {
                bytes,
                format: Some(InputFormat::Text),
                published: Some(day.into()),
                ..Input::default()
            };
            archive.add(&extractor, &input)?;
        }
        let dump = |conn: &Connection| -> rusqlite::Result<Vec<(String, Vec<u8>)>> {
            conn.prepare("SELECT day, stories FROM story_days ORDER BY 1")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        };
        let kept = dump(&archive.conn)?;
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert_eq!(
            crate::story_days::decode(&kept[0].0, &kept[0].1)?.len(),
            2,
            "two stories on the first day"
        );
        // Back to version 3 as it was.
        archive.conn.execute_batch(
            "DROP TABLE story_days; DROP INDEX articles_superseded; DROP INDEX articles_listing;
             CREATE TABLE article_entity_sets (
                 article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                 entity_ids TEXT NOT NULL);
             INSERT INTO article_entity_sets (article_id, entity_ids)
             SELECT article_id, group_concat(entity_id) FROM entity_articles GROUP BY article_id;
             PRAGMA user_version = 3;",
        )?;
        migrate_to(&mut archive.conn, LATEST)?;
        assert_eq!(version(&archive.conn)?, LATEST);
        assert_eq!(dump(&archive.conn)?, kept);
        let sets: i64 = archive.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'article_entity_sets'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(sets, 0);
        assert!(archive.check()?.ok, "{:?}", archive.check()?.problems);
        Ok(())
    }
}

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
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
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
            "DROP TABLE entity_stats; DROP TABLE entity_articles; DROP TABLE article_entity_sets;
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
}

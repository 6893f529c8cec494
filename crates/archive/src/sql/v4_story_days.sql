-- Schema v4: `cooccur` reads one row per day instead of one per story; `search` and `quotes`
-- filter on a narrow index instead of the (large) article rows.

-- The identity sets of each day's current stories, packed (see story_days.rs): one row per
-- day holding, for each current article with identities, its id, cluster, source, language
-- and sorted identity ids. Replaces `article_entity_sets` (one row per article); filled by
-- the migration's Rust step, kept in the per-article transaction, checked by `check`.
CREATE TABLE story_days (
    day     TEXT PRIMARY KEY,
    stories BLOB NOT NULL
) WITHOUT ROWID;

DROP TABLE article_entity_sets;

-- Superseded revisions are few: a search without filters drops them by this small index
-- instead of reading every matched article's row.
CREATE INDEX articles_superseded ON articles(id) WHERE latest = 0;

-- The columns the article filters and orders read (`latest`, `day`, `source_id`,
-- `language`), by id: joined `INDEXED BY` this index, a query that checks thousands of
-- candidate articles reads ~40-byte index entries, not rows holding the compressed inputs.
CREATE INDEX articles_listing ON articles(id, latest, day, source_id, language);

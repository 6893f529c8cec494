-- Schema v3: each identity's coverage kept at ingest, so `entities` reads a ranked index
-- and `cooccur` reads two indexes instead of aggregating every article's entities.

-- One row per identity named in a current article (latest revision), carrying what the
-- queries filter and group on. `root_id` is the article's near-duplicate cluster
-- (coalesce(dup_of, id)): stories are counted once per root.
CREATE TABLE entity_articles (
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    root_id    INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day        TEXT,
    source_id  INTEGER,
    language   TEXT,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, root_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_article ON entity_articles(article_id);

-- Per identity, over current articles: stories (distinct roots), mentions, first and
-- last day. Kept in step with entity_articles in the same transaction.
CREATE TABLE entity_stats (
    entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
    kind      TEXT NOT NULL,
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    first     TEXT,
    last      TEXT
);
CREATE INDEX entity_stats_rank ON entity_stats(articles DESC, mentions DESC, entity_id);
CREATE INDEX entity_stats_kind_rank ON entity_stats(kind, articles DESC, mentions DESC, entity_id);

-- The identities of each current article, as comma-separated ids: `cooccur` reads one short
-- row per story instead of stepping through one index row per identity.
CREATE TABLE article_entity_sets (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    entity_ids TEXT NOT NULL
);

-- Nothing reads mentions or article_entities by entity: entity_articles serves those
-- queries, so their secondary indexes only cost inserts.
DROP INDEX mentions_entity;
DROP INDEX article_entities_entity;

-- An existing archive: fill both from the stored rows.
INSERT INTO entity_articles (entity_id, root_id, article_id, day, source_id, language, mentions)
SELECT ae.entity_id, coalesce(a.dup_of, a.id), a.id, a.day, a.source_id, a.language,
       sum(ae.mentions)
FROM article_entities ae JOIN articles a ON a.id = ae.article_id
WHERE a.latest = 1
GROUP BY ae.entity_id, a.id;

INSERT INTO entity_stats (entity_id, kind, articles, mentions, first, last)
SELECT ea.entity_id, e.kind, count(DISTINCT ea.root_id), sum(ea.mentions), min(ea.day),
       max(ea.day)
FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id
GROUP BY ea.entity_id;

INSERT INTO article_entity_sets (article_id, entity_ids)
SELECT article_id, group_concat(entity_id) FROM entity_articles GROUP BY article_id;

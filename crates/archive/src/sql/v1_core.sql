-- Schema v1: articles, their full text index, and the normalised facts.
-- Spans are [start, end) in code points into the article's extracted `text`.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT NOT NULL UNIQUE,      -- of the raw input bytes
    url               TEXT,
    source_id         INTEGER REFERENCES sources(id),
    published         TEXT,                      -- ISO 8601 as the extraction states it
    day               TEXT,                      -- YYYY-MM-DD of `published`
    headline          TEXT,
    language          TEXT,
    extractor_version TEXT NOT NULL,
    added             TEXT NOT NULL,             -- UTC, when stored
    latest            INTEGER NOT NULL DEFAULT 1, -- 0 once a newer revision of the URL exists
    revision_of       INTEGER REFERENCES articles(id),
    input_format      TEXT,                      -- text | html | verbatim | NULL (detected)
    input_media_type  TEXT,
    input_published   TEXT,
    input_path        TEXT,
    input_id          TEXT,
    input_source      TEXT,
    raw_bytes         INTEGER NOT NULL,
    raw               BLOB NOT NULL,             -- zlib-compressed input bytes
    extraction        BLOB NOT NULL              -- zlib-compressed extraction JSON (one line)
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_source ON articles(source_id, day);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

-- Corpus-level identities: one row per person, organisation, place or other name.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,  -- PER | ORG | LOC | MISC
    name TEXT NOT NULL
);

-- Normalised forms that resolve to an identity. `strong` keys identify on their own (full
-- names); weak keys (a person's surname alone) only resolve a name with nothing fuller.
CREATE TABLE entity_aliases (
    key       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    strong    INTEGER NOT NULL,
    alias     TEXT NOT NULL,
    PRIMARY KEY (key, kind, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

-- An article's entity (its `e1`, `e2`, …) and the identity it resolved to.
CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    name       TEXT NOT NULL,
    role       TEXT,
    salience   REAL NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, start, end)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);

-- Quotes, filled from `Article.quotes` when the extractor produces them.
CREATE TABLE quotes (
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    kind              TEXT,
    text              TEXT NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    cue               TEXT,
    speaker_text      TEXT,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_name      TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    resolved_by       TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE quantities (
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    value           REAL NOT NULL,
    value_max       REAL,
    bound           TEXT NOT NULL,
    change          TEXT,
    unit            TEXT,
    object          TEXT,
    category        TEXT NOT NULL,
    event           TEXT,
    cumulative      INTEGER NOT NULL,
    ordinal         INTEGER NOT NULL,
    place           TEXT,                               -- when the extractor names one
    place_entity_id INTEGER REFERENCES entities(id),
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quantities_place ON quantities(place_entity_id);
CREATE INDEX quantities_category ON quantities(category);

CREATE TABLE times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    mod        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

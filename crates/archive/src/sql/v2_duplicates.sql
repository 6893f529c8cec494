-- Schema v2: near-duplicate detection computed at ingest.
-- `simhash` is a 64-bit SimHash over the body's word 3-shingles (stored as a signed
-- integer); `dup_of` is the first article of its near-duplicate cluster, NULL for a root.
ALTER TABLE articles ADD COLUMN simhash INTEGER;
ALTER TABLE articles ADD COLUMN dup_of INTEGER REFERENCES articles(id);
CREATE INDEX articles_dup_of ON articles(dup_of);

-- Four 16-bit bands of each SimHash (`band * 65536 + bits`): two hashes within Hamming
-- distance 3 share at least one band, so candidates are found by index, not by a scan.
CREATE TABLE simhash_bands (
    band_key   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

//! `story_days`: per publication day, the identity sets of that day's current stories, packed
//! in one blob, so `cooccur` for a name in most stories reads ~one row per day (a thousand
//! rows for three years) instead of one row per story.
//!
//! A blob is a sequence of stories in ascending article id, each as unsigned LEB128
//! varints: article id, cluster root id, source id + 1 (0 for none), language length + 1 (0 for
//! none) and its UTF-8 bytes, the number of identities, then the identity ids ascending as deltas (the
//! first from 0). The encoding is canonical, so `check` compares blobs byte for byte with a
//! recomputation from `entity_articles`.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};

/// One current story with identities, as kept in its day's blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Story {
    /// The article.
    pub article_id: i64,
    /// Its near-duplicate cluster (`coalesce(dup_of, id)`).
    pub root_id: i64,
    /// Its source.
    pub source_id: Option<i64>,
    /// Its language.
    pub language: Option<String>,
    /// Its identities, ascending, without repeats.
    pub entity_ids: Vec<i64>,
}

/// A story decoded in place: identity ids go to a buffer the caller reuses.
pub(crate) struct StoryRef<'a> {
    /// The article.
    pub article_id: i64,
    /// Its near-duplicate cluster.
    pub root_id: i64,
    /// Its source.
    pub source_id: Option<i64>,
    /// Its language.
    pub language: Option<&'a [u8]>,
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads blobs of one day, failing with the day named when one is cut or malformed.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    day: &'a str,
}

impl<'a> Reader<'a> {
    fn damaged(&self) -> Error {
        Error::DamagedIndex {
            table: "story_days",
            problem: format!("the blob of {} is cut or malformed", self.day),
        }
    }

    fn varint(&mut self) -> Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or_else(|| self.damaged())?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(self.damaged())
    }

    fn bytes(&mut self, len: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(len).ok_or_else(|| self.damaged())?;
        let slice = self.bytes.get(self.at..end).ok_or_else(|| self.damaged())?;
        self.at = end;
        Ok(slice)
    }
}

/// Appends `story` to a blob being built (stories must come in ascending article id).
fn encode_story(out: &mut Vec<u8>, story: &Story) {
    put(out, story.article_id as u64);
    put(out, story.root_id as u64);
    put(out, story.source_id.map_or(0, |s| s as u64 + 1));
    match &story.language {
        Some(language) => {
            put(out, language.len() as u64 + 1);
            out.extend_from_slice(language.as_bytes());
        }
        None => put(out, 0),
    }
    put(out, story.entity_ids.len() as u64);
    let mut last = 0u64;
    for &id in &story.entity_ids {
        put(out, (id as u64).wrapping_sub(last));
        last = id as u64;
    }
}

/// The blob of `stories` (sorted by article id).
pub(crate) fn encode(stories: &[Story]) -> Vec<u8> {
    let mut out = Vec::with_capacity(stories.len() * 64);
    for story in stories {
        encode_story(&mut out, story);
    }
    out
}

/// Calls `f` with each story of `day`'s blob and its identity ids (in `ids`, ascending).
pub(crate) fn for_each(
    day: &str,
    blob: &[u8],
    ids: &mut Vec<i64>,
    mut f: impl FnMut(&StoryRef<'_>, &[i64]) -> Result<()>,
) -> Result<()> {
    let mut r = Reader {
        bytes: blob,
        at: 0,
        day,
    };
    while r.at < blob.len() {
        let article_id = r.varint()? as i64;
        let root_id = r.varint()? as i64;
        let source_id = r.varint()?.checked_sub(1).map(|s| s as i64);
        let language = match r.varint()?.checked_sub(1) {
            Some(len) => Some(r.bytes(usize::try_from(len).map_err(|_| r.damaged())?)?),
            None => None,
        };
        let n = r.varint()?;
        ids.clear();
        let mut last = 0u64;
        for _ in 0..n {
            last = last.wrapping_add(r.varint()?);
            ids.push(last as i64);
        }
        f(
            &StoryRef {
                article_id,
                root_id,
                source_id,
                language,
            },
            ids,
        )?;
    }
    Ok(())
}

/// Every story of `day`'s blob.
pub(crate) fn decode(day: &str, blob: &[u8]) -> Result<Vec<Story>> {
    let mut out = Vec::new();
    let mut ids = Vec::new();
    for_each(day, blob, &mut ids, |s, ids| {
        let language = match s.language {
            Some(bytes) => {
                Some(
                    String::from_utf8(bytes.to_vec()).map_err(|_| Error::DamagedIndex {
                        table: "story_days",
                        problem: format!("a language of {day} is not UTF-8"),
                    })?,
                )
            }
            None => None,
        };
        out.push(Story {
            article_id: s.article_id,
            root_id: s.root_id,
            source_id: s.source_id,
            language,
            entity_ids: ids.to_vec(),
        });
        Ok(())
    })?;
    Ok(out)
}

fn stored(conn: &Connection, day: &str) -> Result<Vec<Story>> {
    let blob: Option<Vec<u8>> = conn
        .prepare_cached("SELECT stories FROM story_days WHERE day = ?1")?
        .query_row([day], |r| r.get(0))
        .optional()?;
    match blob {
        Some(blob) => decode(day, &blob),
        None => Ok(Vec::new()),
    }
}

fn store(conn: &Connection, day: &str, stories: &[Story]) -> Result<()> {
    if stories.is_empty() {
        conn.prepare_cached("DELETE FROM story_days WHERE day = ?1")?
            .execute([day])?;
    } else {
        conn.prepare_cached("INSERT OR REPLACE INTO story_days (day, stories) VALUES (?1, ?2)")?
            .execute(params![day, encode(stories)])?;
    }
    Ok(())
}

/// Adds (or replaces) `story` in the blob of `day`.
pub(crate) fn add(conn: &Connection, day: &str, story: Story) -> Result<()> {
    let mut stories = stored(conn, day)?;
    match stories.binary_search_by_key(&story.article_id, |s| s.article_id) {
        Ok(i) => stories[i] = story,
        Err(i) => stories.insert(i, story),
    }
    store(conn, day, &stories)
}

/// Removes article `article_id` from the blob of `day`.
pub(crate) fn remove(conn: &Connection, day: &str, article_id: i64) -> Result<()> {
    let mut stories = stored(conn, day)?;
    let before = stories.len();
    stories.retain(|s| s.article_id != article_id);
    if stories.len() != before {
        store(conn, day, &stories)?;
    }
    Ok(())
}

/// The blobs as they should be, from `entity_articles`, by day.
fn expected(conn: &Connection) -> Result<Vec<(String, Vec<u8>)>> {
    let mut stmt = conn.prepare(
        "SELECT day, article_id, root_id, source_id, language, entity_id FROM entity_articles
         WHERE day IS NOT NULL ORDER BY day, article_id, entity_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut day: Option<String> = None;
    let mut blob = Vec::new();
    let mut story: Option<Story> = None;
    while let Some(row) = rows.next()? {
        let row_day: String = row.get(0)?;
        let article_id: i64 = row.get(1)?;
        let entity_id: i64 = row.get(5)?;
        if story.as_ref().is_some_and(|s| s.article_id == article_id) {
            if let Some(s) = story.as_mut() {
                s.entity_ids.push(entity_id);
            }
            continue;
        }
        if let Some(s) = story.take() {
            encode_story(&mut blob, &s);
        }
        if day.as_deref() != Some(row_day.as_str()) {
            if let Some(d) = day.take() {
                out.push((d, std::mem::take(&mut blob)));
            }
            day = Some(row_day);
        }
        story = Some(Story {
            article_id,
            root_id: row.get(2)?,
            source_id: row.get(3)?,
            language: row.get(4)?,
            entity_ids: vec![entity_id],
        });
    }
    if let Some(s) = story.take() {
        encode_story(&mut blob, &s);
    }
    if let Some(d) = day {
        out.push((d, blob));
    }
    Ok(out)
}

/// Rebuilds every blob from `entity_articles` (migration, reindex, repair).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    let days = expected(conn)?;
    conn.execute("DELETE FROM story_days", [])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO story_days (day, stories) VALUES (?1, ?2)")?;
    for (day, blob) in days {
        insert.execute(params![day, blob])?;
    }
    Ok(())
}

/// Problems with `story_days`, in words (empty when it matches `entity_articles`).
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut want = expected(conn)?;
    let mut stmt = conn.prepare("SELECT day, stories FROM story_days ORDER BY day")?;
    let mut have: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    want.sort();
    have.sort();
    let differing = {
        let mut n = 0;
        let (mut i, mut j) = (0, 0);
        while i < want.len() || j < have.len() {
            match (want.get(i), have.get(j)) {
                (Some(w), Some(h)) if w.0 == h.0 => {
                    n += usize::from(w.1 != h.1);
                    i += 1;
                    j += 1;
                }
                (Some(w), Some(h)) if w.0 < h.0 => {
                    n += 1;
                    i += 1;
                }
                (Some(_), None) => {
                    n += 1;
                    i += 1;
                }
                _ => {
                    n += 1;
                    j += 1;
                }
            }
        }
        n
    };
    Ok(if differing > 0 {
        vec![format!(
            "entity coverage: {differing} story_days rows differ from entity_articles (reindex rebuilds them)"
        )]
    } else {
        Vec::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(article_id: i64, ids: &[i64], language: Option<&str>) -> Story {
        Story {
            article_id,
            root_id: article_id / 2,
            source_id: (article_id % 3 != 0).then_some(article_id % 3),
            language: language.map(str::to_string),
            entity_ids: ids.to_vec(),
        }
    }

    #[test]
    fn a_day_round_trips() -> Result<()> {
        let stories = vec![
            story(3, &[1, 2, 900_000_000_000], Some("en")),
            story(7, &[], None),
            story(8, &[2], Some("")),
            story(300, &[5], Some("uk")),
        ];
        let blob = encode(&stories);
        assert_eq!(decode("2022-03-22", &blob)?, stories);
        Ok(())
    }

    #[test]
    fn a_cut_blob_is_named_as_damaged() {
        let blob = encode(&[story(3, &[1, 2, 3], Some("en"))]);
        for end in 1..blob.len() {
            let err = decode("2022-03-22", &blob[..end]).map(|_| ());
            assert!(
                matches!(&err, Err(Error::DamagedIndex { problem, .. }) if problem.contains("2022-03-22")),
                "{end}: {err:?}"
            );
        }
    }

    #[test]
    fn add_keeps_article_order_and_remove_drops_the_day_when_empty() -> Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE TABLE story_days (day TEXT PRIMARY KEY, stories BLOB NOT NULL) WITHOUT ROWID",
        )?;
        add(&conn, "2022-03-22", story(9, &[4], None))?;
        add(&conn, "2022-03-22", story(2, &[1, 4], Some("en")))?;
        add(&conn, "2022-03-22", story(9, &[4, 6], None))?;
        let ids: Vec<(i64, Vec<i64>)> = stored(&conn, "2022-03-22")?
            .into_iter()
            .map(|s| (s.article_id, s.entity_ids))
            .collect();
        assert_eq!(ids, vec![(2, vec![1, 4]), (9, vec![4, 6])]);
        remove(&conn, "2022-03-22", 2)?;
        remove(&conn, "2022-03-22", 9)?;
        let rows: i64 = conn.query_row("SELECT count(*) FROM story_days", [], |r| r.get(0))?;
        assert_eq!(rows, 0);
        Ok(())
    }
}

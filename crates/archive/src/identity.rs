//! Corpus-level identities: an article's entity → one row of `entities` across the corpus.
//!
//! The core clusters mentions within one article (canonical name plus aliases); here those
//! forms are merged across articles by overlapping [name keys](crate::keys). Full names
//! (several words) and every form of a non-person are *strong* keys: a match joins the
//! identity. A person's single-word forms (a surname) are *weak*: they resolve a name that
//! has nothing fuller, and a full name joins an identity known only by its surname — but
//! "Hunter Biden" never joins "Joe Biden" through "Biden".

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::keys::{is_multiword, last_word, name_key};
use gleaner_core::{Entity, EntityKind};

/// A name key and whether it identifies on its own.
struct Key {
    key: String,
    strong: bool,
    alias: String,
}

/// The identity of `entity`, creating it when the corpus has none, and registering its
/// forms.
pub fn resolve(conn: &Connection, entity: &Entity) -> Result<i64> {
    let kind = entity.kind.label();
    let person = entity.kind == EntityKind::Person;
    let keys = keys_of(entity, person);
    let full_name = keys.iter().any(|k| is_multiword(&k.key));
    let mut found = None;
    for k in keys.iter().filter(|k| k.strong) {
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT min(entity_id) FROM entity_aliases WHERE key = ?1 AND kind = ?2 AND strong = 1",
            )?
            .query_row(params![k.key, kind], |r| r.get(0))?;
        found = min_some(found, id);
    }
    if found.is_none() && person {
        found = if full_name {
            surname_only_identity(conn, &keys)?
        } else {
            weak_match(conn, &keys)?
        };
    }
    let id = match found {
        Some(id) => {
            if full_name {
                adopt_fuller_name(conn, id, &entity.name)?;
            }
            id
        }
        None => {
            conn.prepare_cached("INSERT INTO entities (kind, name) VALUES (?1, ?2)")?
                .execute(params![kind, entity.name])?;
            conn.last_insert_rowid()
        }
    };
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_aliases (key, kind, entity_id, strong, alias) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for k in &keys {
        insert.execute(params![k.key, kind, id, k.strong, k.alias])?;
    }
    Ok(id)
}

/// Identity ids a user's name resolves to (any key, strong or weak), oldest first; a full
/// name that matches nothing falls back to its surname.
pub fn lookup(conn: &Connection, name: &str, kind: Option<&str>) -> Result<Vec<i64>> {
    let Some(key) = name_key(name) else {
        return Ok(Vec::new());
    };
    let mut ids = lookup_key(conn, &key, kind)?;
    if ids.is_empty() && is_multiword(&key) {
        ids = lookup_key(conn, last_word(&key), kind)?;
    }
    Ok(ids)
}

fn lookup_key(conn: &Connection, key: &str, kind: Option<&str>) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT entity_id FROM entity_aliases
         WHERE key = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY entity_id",
    )?;
    let ids = stmt
        .query_map(params![key, kind], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn keys_of(entity: &Entity, person: bool) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    let mut push = |key: String, strong: bool, alias: &str| {
        if !keys.iter().any(|k| k.key == key) {
            keys.push(Key {
                key,
                strong,
                alias: alias.to_string(),
            });
        }
    };
    for form in std::iter::once(&entity.name).chain(&entity.aliases) {
        let Some(key) = name_key(form) else { continue };
        if !person {
            push(key, true, form);
        } else if is_multiword(&key) {
            let surname = last_word(&key).to_string();
            push(key, true, form);
            push(surname, false, form);
        } else {
            push(key, false, form);
        }
    }
    keys
}

/// A full name whose surname is known only as a single-word identity joins it.
fn surname_only_identity(conn: &Connection, keys: &[Key]) -> Result<Option<i64>> {
    let mut found = None;
    for k in keys.iter().filter(|k| !k.strong) {
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT min(a.entity_id) FROM entity_aliases a
                 WHERE a.key = ?1 AND a.kind = 'PER' AND NOT EXISTS (
                     SELECT 1 FROM entity_aliases b
                     WHERE b.entity_id = a.entity_id AND b.strong = 1)",
            )?
            .query_row(params![k.key], |r| r.get(0))?;
        found = min_some(found, id);
    }
    Ok(found)
}

/// A surname alone joins the oldest person known by it.
fn weak_match(conn: &Connection, keys: &[Key]) -> Result<Option<i64>> {
    let mut found = None;
    for k in keys {
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT min(entity_id) FROM entity_aliases WHERE key = ?1 AND kind = 'PER'",
            )?
            .query_row(params![k.key], |r| r.get(0))?;
        found = min_some(found, id);
    }
    Ok(found)
}

/// An identity named by a surname alone takes the first full name seen for it.
fn adopt_fuller_name(conn: &Connection, id: i64, name: &str) -> Result<()> {
    let current: Option<String> = conn
        .prepare_cached("SELECT name FROM entities WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let single = current
        .as_deref()
        .and_then(name_key)
        .is_none_or(|k| !is_multiword(&k));
    if single && name_key(name).is_some_and(|k| is_multiword(&k)) {
        conn.prepare_cached("UPDATE entities SET name = ?2 WHERE id = ?1")?
            .execute(params![id, name])?;
    }
    Ok(())
}

fn min_some(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

//! An article's normalised rows: entities and mentions, quotes, quantities and times.
//!
//! Written inside the caller's transaction, after the `articles` row exists, from the typed
//! model (never by re-parsing the stored JSON).

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde_json::Value;

use crate::error::Result;
use crate::identity;
use gleaner_core::{Article, Quantity, Quote};

/// Writes the normalised rows of `article` (stored as `article_id`, serialised as `json`).
pub fn store(conn: &Connection, article_id: i64, article: &Article) -> Result<()> {
    let mut local_ids: HashMap<&str, i64> = HashMap::new();
    let mut entity_stmt = conn.prepare_cached(
        "INSERT INTO article_entities (article_id, local_id, entity_id, name, role, salience, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut mention_stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for entity in &article.entities {
        let id = identity::resolve(conn, entity)?;
        local_ids.insert(entity.id.as_str(), id);
        entity_stmt.execute(params![
            article_id,
            entity.id,
            id,
            entity.name,
            entity.role,
            entity.salience,
            entity.mentions.len() as i64
        ])?;
        for m in &entity.mentions {
            mention_stmt.execute(params![
                article_id,
                id,
                m.start as i64,
                m.end as i64,
                m.text
            ])?;
        }
    }
    store_quantities(conn, article_id, article, &local_ids)?;
    store_quotes(conn, article_id, &article.quotes, &local_ids)?;
    let mut time_stmt = conn.prepare_cached(
        "INSERT INTO times (article_id, idx, text, start, end, type, value, mod)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (idx, t) in article.times.iter().enumerate() {
        time_stmt.execute(params![
            article_id,
            idx as i64,
            t.text,
            t.start as i64,
            t.end as i64,
            label(&t.kind),
            t.value,
            t.modifier.as_ref().map(label)
        ])?;
    }
    Ok(())
}

/// Deletes the normalised rows of an article (before re-extraction).
pub fn delete(conn: &Connection, article_id: i64) -> Result<()> {
    for table in [
        "mentions",
        "article_entities",
        "quotes",
        "quantities",
        "times",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE article_id = ?1"))?
            .execute([article_id])?;
    }
    Ok(())
}

fn store_quantities(
    conn: &Connection,
    article_id: i64,
    article: &Article,
    local_ids: &HashMap<&str, i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quantities (article_id, idx, text, start, end, value, value_max, bound,
             change, unit, object, category, event, cumulative, ordinal, place, place_entity_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let names: HashMap<&str, &str> = article
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    for (idx, q) in article.quantities.iter().enumerate() {
        let q: &Quantity = q;
        // `place` is the id of one of the article's location entities.
        let place_local = q.place.as_deref();
        let place_name = place_local.and_then(|id| names.get(id).copied());
        let place_entity = place_local.and_then(|id| local_ids.get(id).copied());
        stmt.execute(params![
            article_id,
            idx as i64,
            q.text,
            q.start as i64,
            q.end as i64,
            q.value,
            q.value_max,
            label(&q.bound),
            q.change.as_ref().map(label),
            q.unit,
            q.object,
            label(&q.category),
            q.event,
            q.cumulative,
            q.ordinal,
            place_name,
            place_entity
        ])?;
    }
    Ok(())
}

fn store_quotes(
    conn: &Connection,
    article_id: i64,
    quotes: &[Quote],
    local_ids: &HashMap<&str, i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quotes (article_id, idx, kind, text, start, end, cue, speaker_text,
             speaker_start, speaker_end, speaker_name, speaker_entity_id, resolved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (idx, q) in quotes.iter().enumerate() {
        let speaker = q.speaker.as_ref();
        let entity_id = speaker
            .and_then(|s| s.entity.as_deref())
            .and_then(|local| local_ids.get(local).copied());
        stmt.execute(params![
            article_id,
            idx as i64,
            label(&q.kind),
            q.text,
            q.start as i64,
            q.end as i64,
            q.cue.as_ref().map(|c| c.text.clone()),
            speaker.map(|s| s.text.clone()),
            speaker.map(|s| s.start as i64),
            speaker.map(|s| s.end as i64),
            speaker.and_then(|s| s.name.clone()),
            entity_id,
            speaker.and_then(|s| s.resolved_by.as_ref()).map(label)
        ])?;
    }
    Ok(())
}

/// The serialised label of a model enum (`at_least`, `PER`, `DATE`).
fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Archive, QuoteQuery};
    use gleaner_core::{Article, Config, Extractor, Input, InputFormat};

    fn seed(archive: &mut Archive) -> Result<Article, Box<dyn std::error::Error>> {
        let input = Input {
            bytes: std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../fixtures/articles/kyiv-talks.txt"
            ))?,
            format: Some(InputFormat::Text),
            published: Some("2022-03-22".into()),
            ..Input::default()
        };
        let article = Extractor::new(Config::default()).extract(&input)?;
        archive.add_extracted(&input, &article)?;
        Ok(article)
    }

    /// The seed's Zelensky quotes, found by any spelling of his name.
    #[test]
    fn quotes_are_found_by_any_spelling() -> Result<(), Box<dyn std::error::Error>> {
        let mut archive = Archive::open_in_memory()?;
        let article = seed(&mut archive)?;
        let zelensky = article
            .entities
            .iter()
            .find(|e| e.name.starts_with("Zelensk"))
            .ok_or("no Zelensky entity")?;
        let mut want: Vec<&str> = article
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref().and_then(|s| s.entity.as_deref()) == Some(&zelensky.id))
            .map(|q| q.text.as_str())
            .collect();
        want.sort_unstable();
        assert!(want.len() >= 3, "{want:?}");
        for name in ["Zelensky", "Zelenskyy", "Volodymyr Zelensky"] {
            let found = archive
                .quotes(&QuoteQuery {
                    speaker: Some(name.into()),
                    limit: 50,
                    ..QuoteQuery::default()
                })?
                .rows;
            let mut got: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
            got.sort_unstable();
            assert_eq!(got, want, "{name}");
        }
        let about = archive
            .quotes(&QuoteQuery {
                about: Some("compromise".into()),
                limit: 10,
                ..QuoteQuery::default()
            })?
            .rows;
        assert_eq!(about.len(), 1);
        assert!(about[0].text.starts_with("It’s a compromise for everyone"));
        assert_eq!(about[0].cue.as_deref(), Some("was heard saying"));
        Ok(())
    }

    /// The seed's 2,300 deaths, found by the place the figure is tied to.
    #[test]
    fn a_placed_figure_is_found_by_place() -> Result<(), Box<dyn std::error::Error>> {
        let mut archive = Archive::open_in_memory()?;
        seed(&mut archive)?;
        let figures = archive
            .figures(&crate::FigureQuery {
                place: Some("Mariupol".into()),
                limit: 10,
                ..crate::FigureQuery::default()
            })?
            .rows;
        assert_eq!(figures.len(), 1, "{figures:?}");
        assert_eq!(
            (figures[0].value, figures[0].bound.as_str()),
            (2300.0, "at_least")
        );
        assert_eq!(figures[0].day.as_deref(), Some("2022-03-22"));
        assert_eq!(figures[0].place.as_deref(), Some("Mariupol"));
        Ok(())
    }
}

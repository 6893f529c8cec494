//! An article's normalised rows: entities and mentions, quotes, quantities and times.
//!
//! Written inside the caller's transaction, after the `articles` row exists. Fields the
//! core's model does not have on this build (`Article.quotes`, a quantity's `place`) are
//! read from the extraction JSON when present, so they are stored as soon as the extractor
//! produces them; when absent, nothing is stored.

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::Value;

use crate::error::Result;
use crate::identity;
use gleaner_core::{Article, Quantity};

/// Writes the normalised rows of `article` (stored as `article_id`, serialised as `json`).
pub fn store(conn: &Connection, article_id: i64, article: &Article, json: &str) -> Result<()> {
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
    let extras: Extras = if has_extras(json) {
        serde_json::from_str(json).unwrap_or_default()
    } else {
        Extras::default()
    };
    store_quantities(conn, article_id, &article.quantities, &extras, &local_ids)?;
    store_quotes(conn, article_id, &extras.quotes, &local_ids)?;
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

/// Whether the JSON has quotes or a quantity with a place: parsing it again costs more
/// than this scan. (`quantities` is serialised just before `times`.)
fn has_extras(json: &str) -> bool {
    if json.contains("\"quotes\":") {
        return true;
    }
    let Some(start) = json.find("\"quantities\":") else {
        return false;
    };
    let rest = &json[start..];
    let end = rest.find("\"times\":").unwrap_or(rest.len());
    rest[..end].contains("\"place\":")
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
    quantities: &[Quantity],
    extras: &Extras,
    local_ids: &HashMap<&str, i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quantities (article_id, idx, text, start, end, value, value_max, bound,
             change, unit, object, category, event, cumulative, ordinal, place, place_entity_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for (idx, q) in quantities.iter().enumerate() {
        let place = extras
            .quantities
            .get(idx)
            .and_then(|e| e.place.as_ref())
            .map(|p| PlaceRef::from_value(p, local_ids))
            .unwrap_or_default();
        let place_entity = match (place.entity_id, &place.name) {
            (Some(id), _) => Some(id),
            (None, Some(name)) => identity::lookup(conn, name, Some("LOC"))?.first().copied(),
            (None, None) => None,
        };
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
            place.name,
            place_entity
        ])?;
    }
    Ok(())
}

fn store_quotes(
    conn: &Connection,
    article_id: i64,
    quotes: &[QuoteRecord],
    local_ids: &HashMap<&str, i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quotes (article_id, idx, kind, text, start, end, cue, speaker_text,
             speaker_start, speaker_end, speaker_name, speaker_entity_id, resolved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (idx, q) in quotes.iter().enumerate() {
        let speaker = q.speaker.as_ref();
        let linked = speaker
            .and_then(|s| s.entity.as_deref())
            .and_then(|local| local_ids.get(local).copied());
        // A speaker named but not linked to one of the article's entities is resolved by
        // name, so `quotes --speaker` finds it through the same identity.
        let entity_id = match (linked, speaker.and_then(|s| s.name.as_deref())) {
            (Some(id), _) => Some(id),
            (None, Some(name)) => identity::lookup(conn, name, Some("PER"))?.first().copied(),
            (None, None) => None,
        };
        stmt.execute(params![
            article_id,
            idx as i64,
            q.kind.as_ref().and_then(text_of),
            q.text,
            q.start as i64,
            q.end as i64,
            q.cue.as_ref().and_then(text_of),
            speaker.and_then(|s| s.text.clone()),
            speaker.and_then(|s| s.start).map(|v| v as i64),
            speaker.and_then(|s| s.end).map(|v| v as i64),
            speaker.and_then(|s| s.name.clone()),
            entity_id,
            speaker
                .and_then(|s| s.resolved_by.as_ref())
                .and_then(text_of)
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

/// A string, or an object's `text` (a cue may be either).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("text").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Fields of the extraction JSON that this build's model lacks.
#[derive(Debug, Default, Deserialize)]
struct Extras {
    #[serde(default)]
    quotes: Vec<QuoteRecord>,
    #[serde(default)]
    quantities: Vec<QuantityExtras>,
}

#[derive(Debug, Deserialize)]
struct QuantityExtras {
    #[serde(default)]
    place: Option<Value>,
}

/// One quote as the quotes stage serialises it.
#[derive(Debug, Deserialize)]
struct QuoteRecord {
    #[serde(default)]
    kind: Option<Value>,
    text: String,
    start: usize,
    end: usize,
    #[serde(default)]
    cue: Option<Value>,
    #[serde(default)]
    speaker: Option<SpeakerRecord>,
}

#[derive(Debug, Deserialize)]
struct SpeakerRecord {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    /// The article-local entity id (`e3`).
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    resolved_by: Option<Value>,
}

/// A quantity's place: its name and, when it points at one of the article's entities, the
/// corpus identity.
#[derive(Debug, Default)]
struct PlaceRef {
    name: Option<String>,
    entity_id: Option<i64>,
}

impl PlaceRef {
    fn from_value(value: &Value, local_ids: &HashMap<&str, i64>) -> Self {
        match value {
            Value::String(s) => Self {
                name: Some(s.clone()),
                entity_id: None,
            },
            Value::Object(o) => {
                let field = |k: &str| o.get(k).and_then(Value::as_str);
                Self {
                    name: field("name").or_else(|| field("text")).map(str::to_string),
                    entity_id: field("entity").and_then(|e| local_ids.get(e).copied()),
                }
            }
            _ => Self::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{delete, has_extras, store};
    use crate::{Archive, QuoteQuery};
    use gleaner_core::{Config, Extractor, Input, InputFormat};

    /// The insert path for quotes, fed the shape the quotes stage serialises (hand-written
    /// here: this build's extractor produces no quotes).
    #[test]
    fn quotes_in_the_json_are_stored_and_found_by_any_spelling()
    -> Result<(), Box<dyn std::error::Error>> {
        let mut archive = Archive::open_in_memory()?;
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
        let id = archive.add_extracted(&input, &article)?.id();
        let zelensky = article
            .entities
            .iter()
            .find(|e| e.name.starts_with("Zelensk"))
            .ok_or("no Zelensky entity")?;
        let json = gleaner_core::json::to_line(&article);
        let quote = format!(
            r#""quotes":[{{"kind":"direct","text":"We want security guarantees","start":10,"end":37,"cue":"said","speaker":{{"text":"Zelenskyy","start":0,"end":9,"entity":"{}","name":"Zelenskyy","resolved_by":"name"}}}}],"#,
            zelensky.id
        );
        let json = json.replacen("\"quantities\":", &format!("{quote}\"quantities\":"), 1);
        delete(&archive.conn, id)?;
        store(&archive.conn, id, &article, &json)?;
        for name in ["Zelensky", "Zelenskyy", "Volodymyr Zelensky"] {
            let quotes = archive.quotes(&QuoteQuery {
                speaker: Some(name.into()),
                limit: 10,
                ..QuoteQuery::default()
            })?;
            assert_eq!(quotes.len(), 1, "{name}");
            assert_eq!(quotes[0].text, "We want security guarantees");
            assert_eq!(quotes[0].cue.as_deref(), Some("said"));
        }
        let about = archive.quotes(&QuoteQuery {
            about: Some("guarantees".into()),
            limit: 10,
            ..QuoteQuery::default()
        })?;
        assert_eq!(about.len(), 1);
        let putin = archive.quotes(&QuoteQuery {
            speaker: Some("Putin".into()),
            limit: 10,
            ..QuoteQuery::default()
        })?;
        assert!(putin.is_empty());
        Ok(())
    }

    /// The insert path for a figure's place, fed the shape the place resolution is expected
    /// to serialise (hand-written here: this build's extractor names no places of figures).
    #[test]
    fn a_placed_figure_is_found_by_place() -> Result<(), Box<dyn std::error::Error>> {
        let mut archive = Archive::open_in_memory()?;
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
        let id = archive.add_extracted(&input, &article)?.id();
        let died = article
            .quantities
            .iter()
            .position(|q| q.value == 2300.0)
            .ok_or("no 2,300 figure")?;
        let mut value: serde_json::Value =
            serde_json::from_str(&gleaner_core::json::to_line(&article))?;
        value["quantities"][died]["place"] =
            serde_json::json!({"text": "Mariupol", "start": 0, "end": 8});
        delete(&archive.conn, id)?;
        store(&archive.conn, id, &article, &value.to_string())?;
        let figures = archive.figures(&crate::FigureQuery {
            place: Some("Mariupol".into()),
            limit: 10,
            ..crate::FigureQuery::default()
        })?;
        assert_eq!(figures.len(), 1, "{figures:?}");
        assert_eq!(
            (figures[0].value, figures[0].bound.as_str()),
            (2300.0, "at_least")
        );
        assert_eq!(figures[0].day.as_deref(), Some("2022-03-22"));
        assert_eq!(figures[0].place.as_deref(), Some("Mariupol"));
        Ok(())
    }

    #[test]
    fn extras_are_spotted_without_parsing() {
        let demonym = r#"{"entities":[{"place":"Ukraine"}],"quantities":[{"value":1}],"times":[]}"#;
        assert!(!has_extras(demonym));
        let placed = r#"{"entities":[],"quantities":[{"place":{"text":"Mariupol"}}],"times":[]}"#;
        assert!(has_extras(placed));
        assert!(has_extras(r#"{"quotes":[]}"#));
    }
}

//! `export`: one file per table (JSON Lines, CSV or Parquet) for DuckDB, Spark or Trino.
//!
//! The columns are the tables' own (see `docs/archive.md`), except `articles`: the raw
//! input is left out and `extraction` is the JSON text, decompressed.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::compress::decompress;
use crate::error::{Error, Result};

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Apache Parquet, one row group per 100,000 rows or 64 MB (Snappy).
    Parquet,
}

/// One exported table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedTable {
    /// Table name.
    pub table: String,
    /// Rows written.
    pub rows: u64,
    /// The file written.
    pub path: PathBuf,
}

/// Tables and the columns exported, in order.
const TABLES: &[(&str, &str)] = &[
    (
        "articles",
        "id, sha256, url, source_id, published, day, headline, language, extractor_version, \
         added, latest, revision_of, dup_of, raw_bytes, extraction",
    ),
    ("sources", "id, name"),
    ("entities", "id, kind, name"),
    ("entity_aliases", "entity_id, kind, key, alias, strong"),
    (
        "article_entities",
        "article_id, local_id, entity_id, name, role, salience, mentions",
    ),
    ("mentions", "article_id, entity_id, start, end, text"),
    (
        "quotes",
        "article_id, idx, kind, text, start, end, cue, speaker_text, speaker_start, \
         speaker_end, speaker_name, speaker_entity_id, resolved_by",
    ),
    (
        "quantities",
        "article_id, idx, text, start, end, value, value_max, bound, change, unit, object, \
         category, event, cumulative, ordinal, place, place_entity_id",
    ),
    (
        "times",
        "article_id, idx, text, start, end, type, value, mod",
    ),
];

impl Archive {
    /// Writes every table to `dir` (created if needed) as `<table>.<format>`.
    pub fn export(&self, dir: &Path, format: ExportFormat) -> Result<Vec<ExportedTable>> {
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            context: format!("cannot create {}", dir.display()),
            source: e,
        })?;
        let mut out = Vec::new();
        for (table, columns) in TABLES {
            let ext = match format {
                ExportFormat::Jsonl => "jsonl",
                ExportFormat::Csv => "csv",
                ExportFormat::Parquet => "parquet",
            };
            let path = dir.join(format!("{table}.{ext}"));
            let rows = match format {
                ExportFormat::Parquet => self.export_parquet_table(table, columns, &path)?,
                _ => self.export_table(table, columns, &path, format)?,
            };
            out.push(ExportedTable {
                table: (*table).to_string(),
                rows,
                path,
            });
        }
        Ok(out)
    }

    fn export_table(
        &self,
        table: &str,
        columns: &str,
        path: &Path,
        format: ExportFormat,
    ) -> Result<u64> {
        let io = |e: std::io::Error| Error::Io {
            context: format!("cannot write {}", path.display()),
            source: e,
        };
        let file = File::create(path).map_err(io)?;
        let mut w = BufWriter::new(file);
        let names: Vec<&str> = columns.split(',').map(str::trim).collect();
        if format == ExportFormat::Csv {
            writeln!(w, "{}", names.join(",")).map_err(io)?;
        }
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {columns} FROM {table} ORDER BY 1"))?;
        let mut rows = stmt.query([])?;
        let mut count = 0u64;
        let mut line = String::new();
        while let Some(row) = rows.next()? {
            line.clear();
            let mut object = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match (*name, row.get_ref(i)?) {
                    ("extraction", ValueRef::Blob(b)) => {
                        let id: i64 = row.get(0)?;
                        let text = decompress(b).map_err(|e| Error::Damaged {
                            id,
                            what: "extraction",
                            problem: e.to_string(),
                        })?;
                        serde_json::Value::String(String::from_utf8_lossy(&text).into_owned())
                    }
                    (_, v) => to_json(v),
                };
                match format {
                    ExportFormat::Jsonl => {
                        object.insert((*name).to_string(), value);
                    }
                    ExportFormat::Csv | ExportFormat::Parquet => {
                        if i > 0 {
                            line.push(',');
                        }
                        csv_field(&value, &mut line);
                    }
                }
            }
            if format == ExportFormat::Jsonl {
                line = serde_json::Value::Object(object).to_string();
            }
            writeln!(w, "{line}").map_err(io)?;
            count += 1;
        }
        w.flush().map_err(io)?;
        Ok(count)
    }
}

fn to_json(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => serde_json::Value::String(format!("<{} bytes>", b.len())),
    }
}

/// Appends one CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
pub fn csv_field(value: &serde_json::Value, out: &mut String) {
    let text = match value {
        serde_json::Value::Null => return,
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

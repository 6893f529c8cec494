//! `export --format parquet`: one Parquet file per table, written with the `parquet`
//! crate's column writer (no Arrow): each column is buffered as plain values plus
//! definition levels and written one row group at a time.
//!
//! Types (`docs/archive.md`): ids, counts, offsets and 0/1 flags are `INT64`; `salience`,
//! `value`, `value_max` are `DOUBLE`; everything else is a `BYTE_ARRAY` string (UTF-8). Every
//! column is `OPTIONAL` (SQLite columns may hold NULL). Compression: Snappy.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use rusqlite::types::ValueRef;

use crate::archive::Archive;
use crate::compress::decompress;
use crate::error::{Error, Result};

/// A row group is written once it holds this many rows or this many bytes of values, so
/// memory stays bounded whatever the table's size (article extractions are large).
const ROW_GROUP_ROWS: usize = 100_000;
const ROW_GROUP_BYTES: usize = 64 << 20;

/// The Parquet type of a column, by name (names mean the same in every table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `INT64`.
    Int,
    /// `DOUBLE`.
    Float,
    /// UTF-8 `BYTE_ARRAY`.
    Text,
}

/// The type of column `name`.
pub(crate) fn kind_of(name: &str) -> Kind {
    match name {
        "id" | "source_id" | "latest" | "revision_of" | "dup_of" | "raw_bytes" | "entity_id"
        | "strong" | "article_id" | "start" | "end" | "mentions" | "idx" | "speaker_start"
        | "speaker_end" | "speaker_entity_id" | "cumulative" | "ordinal" | "place_entity_id" => {
            Kind::Int
        }
        "salience" | "value" | "value_max" => Kind::Float,
        _ => Kind::Text,
    }
}

/// One column's buffered values and definition levels (1: present, 0: NULL).
enum Buffer {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Text(Vec<ByteArray>),
}

struct Column {
    buffer: Buffer,
    levels: Vec<i16>,
}

impl Archive {
    /// Writes `table`'s `columns` to `path` as Parquet; returns the rows written.
    pub(crate) fn export_parquet_table(
        &self,
        table: &str,
        columns: &str,
        path: &Path,
    ) -> Result<u64> {
        let names: Vec<&str> = columns.split(',').map(str::trim).collect();
        let schema = Arc::new(schema(table, &names)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let file = File::create(path).map_err(|e| Error::Io {
            context: format!("cannot write {}", path.display()),
            source: e,
        })?;
        let mut writer = SerializedFileWriter::new(file, schema, props).map_err(|e| pq(path, e))?;
        let mut buffers: Vec<Column> = names
            .iter()
            .map(|n| Column {
                buffer: match kind_of(n) {
                    Kind::Int => Buffer::Int(Vec::new()),
                    Kind::Float => Buffer::Float(Vec::new()),
                    Kind::Text => Buffer::Text(Vec::new()),
                },
                levels: Vec::new(),
            })
            .collect();
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {columns} FROM {table} ORDER BY 1"))?;
        let mut rows = stmt.query([])?;
        let (mut count, mut pending_rows, mut pending_bytes) = (0u64, 0usize, 0usize);
        while let Some(row) = rows.next()? {
            for (i, name) in names.iter().enumerate() {
                let column = &mut buffers[i];
                let value = row.get_ref(i)?;
                if matches!(value, ValueRef::Null) {
                    column.levels.push(0);
                    continue;
                }
                column.levels.push(1);
                match &mut column.buffer {
                    Buffer::Int(v) => v.push(match value {
                        ValueRef::Integer(n) => n,
                        ValueRef::Real(f) => f as i64,
                        _ => 0,
                    }),
                    Buffer::Float(v) => v.push(match value {
                        ValueRef::Real(f) => f,
                        ValueRef::Integer(n) => n as f64,
                        _ => f64::NAN,
                    }),
                    Buffer::Text(v) => {
                        let bytes = match value {
                            ValueRef::Blob(b) if *name == "extraction" => {
                                let id: i64 = row.get(0)?;
                                decompress(b).map_err(|e| Error::Damaged {
                                    id,
                                    what: "extraction",
                                    problem: e.to_string(),
                                })?
                            }
                            ValueRef::Text(t) | ValueRef::Blob(t) => t.to_vec(),
                            ValueRef::Integer(n) => n.to_string().into_bytes(),
                            ValueRef::Real(f) => f.to_string().into_bytes(),
                            ValueRef::Null => Vec::new(),
                        };
                        pending_bytes += bytes.len();
                        v.push(ByteArray::from(bytes));
                    }
                }
            }
            count += 1;
            pending_rows += 1;
            if pending_rows >= ROW_GROUP_ROWS || pending_bytes >= ROW_GROUP_BYTES {
                write_row_group(&mut writer, &mut buffers, path)?;
                (pending_rows, pending_bytes) = (0, 0);
            }
        }
        if pending_rows > 0 || count == 0 {
            write_row_group(&mut writer, &mut buffers, path)?;
        }
        writer.close().map_err(|e| pq(path, e))?;
        Ok(count)
    }
}

fn write_row_group(
    writer: &mut SerializedFileWriter<File>,
    buffers: &mut [Column],
    path: &Path,
) -> Result<()> {
    let mut group = writer.next_row_group().map_err(|e| pq(path, e))?;
    for column in buffers.iter_mut() {
        let Some(mut out) = group.next_column().map_err(|e| pq(path, e))? else {
            break;
        };
        let levels = Some(column.levels.as_slice());
        let written = match &mut column.buffer {
            Buffer::Int(v) => {
                let r = out.typed::<Int64Type>().write_batch(v, levels, None);
                v.clear();
                r
            }
            Buffer::Float(v) => {
                let r = out.typed::<DoubleType>().write_batch(v, levels, None);
                v.clear();
                r
            }
            Buffer::Text(v) => {
                let r = out.typed::<ByteArrayType>().write_batch(v, levels, None);
                v.clear();
                r
            }
        };
        written.map_err(|e| pq(path, e))?;
        column.levels.clear();
        out.close().map_err(|e| pq(path, e))?;
    }
    group.close().map_err(|e| pq(path, e))?;
    Ok(())
}

/// The Parquet schema of `table` with `names` as columns.
fn schema(table: &str, names: &[&str]) -> Result<Type> {
    let fields = names
        .iter()
        .map(|name| {
            let builder = match kind_of(name) {
                Kind::Int => Type::primitive_type_builder(name, PhysicalType::INT64),
                Kind::Float => Type::primitive_type_builder(name, PhysicalType::DOUBLE),
                Kind::Text => Type::primitive_type_builder(name, PhysicalType::BYTE_ARRAY)
                    .with_logical_type(Some(LogicalType::String)),
            };
            builder
                .with_repetition(Repetition::OPTIONAL)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()
        .map_err(|e| Error::Io {
            context: format!("Parquet schema of {table}"),
            source: std::io::Error::other(e),
        })?;
    Type::group_type_builder(table)
        .with_fields(fields)
        .build()
        .map_err(|e| Error::Io {
            context: format!("Parquet schema of {table}"),
            source: std::io::Error::other(e),
        })
}

fn pq(path: &Path, e: parquet::errors::ParquetError) -> Error {
    Error::Io {
        context: format!("cannot write {}", path.display()),
        source: std::io::Error::other(e),
    }
}

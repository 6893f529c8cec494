//! Rows → an aligned table (terminal), JSON or CSV.

use std::io::Write;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

/// Output formats of the archive's queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    /// An aligned table.
    Table,
    /// A JSON array (an object for `stats` and `check`).
    Json,
    /// CSV with a header row.
    Csv,
}

/// The `--format` option of every query.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutFormat::Table)]
    pub format: OutFormat,
}

/// A row type that prints as a table or CSV line.
pub trait Tabular: Serialize {
    /// Column names.
    fn headers() -> &'static [&'static str];
    /// The cells, one per header.
    fn cells(&self) -> Vec<String>;
}

/// Widest a non-final table column gets before it is cut with "…".
const MAX_CELL: usize = 48;

/// Prints `rows` in `format` on stdout.
pub fn print_rows<T: Tabular>(rows: &[T], format: OutFormat) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        OutFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(rows)?)?,
        OutFormat::Csv => {
            writeln!(out, "{}", T::headers().join(","))?;
            for row in rows {
                let mut line = String::new();
                for (i, cell) in row.cells().into_iter().enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    gleaner_archive::csv_field(&serde_json::Value::String(cell), &mut line);
                }
                writeln!(out, "{line}")?;
            }
        }
        OutFormat::Table => {
            let cells: Vec<Vec<String>> = rows.iter().map(Tabular::cells).collect();
            write_table(&mut out, T::headers(), &cells)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints one page of a list query: `{"rows": […], "next_cursor": …}` as JSON; as a table
/// or CSV the rows alone on stdout, and the next page's option on stderr (when one follows).
pub fn print_page<T: Tabular>(page: &gleaner_archive::Page<T>, format: OutFormat) -> Result<()> {
    if format == OutFormat::Json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        writeln!(out, "{}", serde_json::to_string_pretty(page)?)?;
        out.flush()?;
        return Ok(());
    }
    print_rows(&page.rows, format)?;
    if let Some(next) = &page.next_cursor {
        eprintln!("more: --cursor {next}");
    }
    Ok(())
}

/// Prints one value as JSON (any format but table) or as `key  value` lines.
pub fn print_object<T: Serialize>(
    value: &T,
    format: OutFormat,
    lines: &[(&str, String)],
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if format == OutFormat::Table {
        let width = lines
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (key, value) in lines {
            writeln!(out, "{key:<width$}  {value}")?;
        }
    } else {
        writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    }
    out.flush()?;
    Ok(())
}

/// An aligned table: every column as wide as its widest cell (cut at [`MAX_CELL`]), the
/// last column in full.
pub fn write_table(out: &mut impl Write, headers: &[&str], rows: &[Vec<String>]) -> Result<()> {
    if rows.is_empty() {
        writeln!(out, "(no results)")?;
        return Ok(());
    }
    let last = headers.len().saturating_sub(1);
    let cut = |i: usize, cell: &str| -> String {
        let cell = cell.replace(['\n', '\t'], " ");
        if i < last && visible_len(&cell) > MAX_CELL {
            let kept: String = cell.chars().take(MAX_CELL - 1).collect();
            format!("{kept}…")
        } else {
            cell
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().enumerate().map(|(i, c)| cut(i, c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(visible_len(cell));
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(cell);
            if i < last {
                s.push_str(&" ".repeat(widths[i].saturating_sub(visible_len(cell))));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(headers.to_vec()))?;
    for row in &rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// Display width in characters, not counting ANSI colour sequences.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

/// An optional cell.
pub fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A number without a trailing `.0` (`2300`, `1.5`).
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_columns_align_and_ignore_colour() -> Result<()> {
        let mut out = Vec::new();
        let rows = vec![
            vec![
                "1".to_string(),
                "\x1b[1mbold\x1b[0m".to_string(),
                "x".to_string(),
            ],
            vec!["22".to_string(), "plain".to_string(), "y".to_string()],
        ];
        write_table(&mut out, &["id", "word", "last"], &rows)?;
        let text = String::from_utf8(out)?;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "id  word   last");
        assert_eq!(lines[1], "1   \x1b[1mbold\x1b[0m   x");
        assert_eq!(lines[2], "22  plain  y");
        Ok(())
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(number(2300.0), "2300");
        assert_eq!(number(1.5), "1.5");
    }
}

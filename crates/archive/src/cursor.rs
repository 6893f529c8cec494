//! Keyset pagination: an opaque, URL-safe cursor naming the last row of a page.
//!
//! A cursor is the sort key of the last row returned, tagged with the query it belongs to,
//! as JSON in unpadded base64url (`A–Z a–z 0–9 - _`). The next page starts strictly after
//! that key, so pages stay stable and cheap however deep a client goes (no `OFFSET` that
//! re-reads every skipped row), and rows added meanwhile never shift a page.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// One page of a list query: its rows and, when more rows follow, the cursor of the next
/// page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The rows of this page, in the query's order.
    pub rows: Vec<T>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Splits `rows` (fetched with one row more than `limit`) into a page: when the extra
    /// row is there, the next cursor is `key` of the page's last row.
    pub(crate) fn from_rows(
        mut rows: Vec<T>,
        limit: usize,
        query: &'static str,
        key: impl Fn(&T) -> Vec<Value>,
    ) -> Self {
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = match rows.last() {
            Some(last) if more => Some(encode(query, &key(last))),
            _ => None,
        };
        Self { rows, next_cursor }
    }
}

/// The wire form of a cursor.
#[derive(Serialize, Deserialize)]
struct Wire {
    /// The query the cursor was made by (`search`, `quotes`, …).
    q: String,
    /// The sort key of the last row returned.
    k: Vec<Value>,
}

/// Encodes the sort `key` of a row of `query` as a cursor.
pub(crate) fn encode(query: &str, key: &[Value]) -> String {
    let wire = Wire {
        q: query.to_string(),
        k: key.to_vec(),
    };
    let json = serde_json::to_vec(&wire).unwrap_or_default();
    base64url(&json)
}

/// Decodes a cursor of `query` whose key has `len` parts; anything else (tampered, cut,
/// made by another query) is [`Error::InvalidCursor`].
pub(crate) fn decode(cursor: &str, query: &'static str, len: usize) -> Result<Vec<Value>> {
    let invalid = |problem: &str| Error::InvalidCursor {
        problem: problem.to_string(),
    };
    let bytes = unbase64url(cursor).ok_or_else(|| invalid("not a cursor this archive made"))?;
    let wire: Wire =
        serde_json::from_slice(&bytes).map_err(|_| invalid("not a cursor this archive made"))?;
    if wire.q != query {
        return Err(Error::InvalidCursor {
            problem: format!("a cursor of `{}`, not of `{query}`", wire.q),
        });
    }
    if wire.k.len() != len {
        return Err(invalid("not a cursor this archive made"));
    }
    Ok(wire.k)
}

/// The `(day, article id, position)` key that the quotes and figures queries page by, from
/// an optional cursor of `query`.
pub(crate) fn day_article_position(
    cursor: Option<&str>,
    query: &'static str,
) -> Result<Option<(String, i64, i64)>> {
    cursor
        .map(|c| {
            let key = decode(c, query, 3)?;
            Ok((text(&key, 0)?, int(&key, 1)?, int(&key, 2)?))
        })
        .transpose()
}

/// Key part `i` as text (`""` stands for a missing day, sorted first).
pub(crate) fn text(key: &[Value], i: usize) -> Result<String> {
    key.get(i)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(damaged)
}

/// Key part `i` as an integer.
pub(crate) fn int(key: &[Value], i: usize) -> Result<i64> {
    key.get(i).and_then(Value::as_i64).ok_or_else(damaged)
}

/// Key part `i` as a float.
pub(crate) fn float(key: &[Value], i: usize) -> Result<f64> {
    key.get(i).and_then(Value::as_f64).ok_or_else(damaged)
}

fn damaged() -> Error {
    Error::InvalidCursor {
        problem: "not a cursor this archive made".to_string(),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// The bytes of unpadded base64url text; `None` for any other text.
fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0u8..=255).collect();
        for len in 0..40 {
            let encoded = base64url(&data[..len]);
            assert!(
                encoded
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            );
            assert_eq!(unbase64url(&encoded).as_deref(), Some(&data[..len]));
        }
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
    }

    #[test]
    fn a_cursor_round_trips_and_is_checked() {
        let key = vec![json!("2022-03-22"), json!(17), json!(-3.25)];
        let cursor = encode("quotes", &key);
        assert_eq!(decode(&cursor, "quotes", 3).unwrap(), key);
        assert!(matches!(
            decode(&cursor, "search", 3),
            Err(Error::InvalidCursor { problem }) if problem.contains("quotes")
        ));
        assert!(decode(&cursor, "quotes", 2).is_err());
        for bad in ["", "!!!!", "a", "Zm9vYmFy", "eyJxIjoicXVvdGVzIn0"] {
            assert!(
                matches!(decode(bad, "quotes", 3), Err(Error::InvalidCursor { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_page_has_a_next_cursor_only_when_rows_follow() {
        let page = Page::from_rows(vec![1, 2, 3], 2, "t", |n| vec![json!(n)]);
        assert_eq!(page.rows, vec![1, 2]);
        let next = page.next_cursor.expect("more rows");
        assert_eq!(decode(&next, "t", 1).unwrap(), vec![json!(2)]);
        let last = Page::from_rows(vec![1, 2], 2, "t", |n| vec![json!(n)]);
        assert_eq!(last.next_cursor, None);
    }
}

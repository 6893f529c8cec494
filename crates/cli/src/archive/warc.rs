//! WARC (and WARC.gz) files → the HTML or text responses they hold, one input each.
//!
//! Reads records in order (`WARC/1.x` header block, `Content-Length` bytes, blank lines);
//! keeps `response` records whose HTTP status is 2xx and whose type is HTML or plain text,
//! undoing chunked transfer and gzip content encodings. Other record types (request,
//! metadata, warcinfo) are passed over; an unusable response is reported and skipped; a
//! record that cannot be delimited ends the file with a report (no way to find the next).

use std::io::{BufRead, Read};

use gleaner_core::Input;

/// One record's outcome.
pub enum Record {
    /// An article to extract.
    Article {
        /// How reports name it (`file:record N <uri>`).
        name: String,
        /// The input.
        input: Box<Input>,
    },
    /// A response that is not an article or cannot be used.
    Skipped {
        /// How reports name it.
        name: String,
        /// Why.
        problem: String,
    },
}

/// Whether a file name is a WARC file.
pub fn is_warc(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// Reads the records of `reader` (already decompressed), calling `emit` for each response;
/// stops when `emit` returns false.
pub fn for_each_record(file: &str, mut reader: impl BufRead, mut emit: impl FnMut(Record) -> bool) {
    let mut number = 0;
    loop {
        number += 1;
        let name = |uri: &str| {
            format!("{file}: record {number} {uri}")
                .trim_end()
                .to_string()
        };
        let headers = match read_header_block(&mut reader) {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(problem) => {
                emit(Record::Skipped {
                    name: name(""),
                    problem,
                });
                return;
            }
        };
        if !headers.first().is_some_and(|l| l.starts_with("WARC/")) {
            emit(Record::Skipped {
                name: name(""),
                problem: "not a WARC record (no WARC/1.x line); the rest of the file is skipped"
                    .into(),
            });
            return;
        }
        let field = |key: &str| header(&headers[1..], key);
        let uri = field("WARC-Target-URI").unwrap_or_default();
        let Some(length) = field("Content-Length").and_then(|v| v.parse::<usize>().ok()) else {
            emit(Record::Skipped {
                name: name(&uri),
                problem: "record has no valid Content-Length; the rest of the file is skipped"
                    .into(),
            });
            return;
        };
        let mut block = Vec::with_capacity(length.min(64 << 20));
        match (&mut reader).take(length as u64).read_to_end(&mut block) {
            Ok(n) if n == length => {}
            _ => {
                emit(Record::Skipped {
                    name: name(&uri),
                    problem: format!(
                        "truncated record (Content-Length {length}, fewer bytes left)"
                    ),
                });
                return;
            }
        }
        if !field("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            continue;
        }
        let record = match http_payload(&block) {
            Ok((media_type, bytes)) => Record::Article {
                name: name(&uri),
                input: Box::new(Input {
                    bytes,
                    media_type: Some(media_type),
                    url: (!uri.is_empty()).then(|| uri.clone()),
                    path: Some(file.to_string()),
                    ..Input::default()
                }),
            },
            Err(problem) => Record::Skipped {
                name: name(&uri),
                problem,
            },
        };
        if !emit(record) {
            return;
        }
    }
}

/// Lines up to a blank line, skipping blank lines before it; `None` at the end of input.
fn read_header_block(reader: &mut impl BufRead) -> Result<Option<Vec<String>>, String> {
    let mut lines = Vec::new();
    let mut raw = Vec::new();
    loop {
        raw.clear();
        let n = reader
            .read_until(b'\n', &mut raw)
            .map_err(|e| format!("cannot read: {e}"))?;
        if n == 0 {
            return if lines.is_empty() {
                Ok(None)
            } else {
                Err("file ends inside a record header".into())
            };
        }
        let line = String::from_utf8_lossy(&raw).trim_end().to_string();
        if line.is_empty() {
            if lines.is_empty() {
                continue;
            }
            return Ok(Some(lines));
        }
        lines.push(line);
    }
}

fn header(lines: &[String], key: &str) -> Option<String> {
    lines.iter().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().to_string())
    })
}

/// An HTTP response block → (media type, decoded body), or why it is not an article.
fn http_payload(block: &[u8]) -> Result<(String, Vec<u8>), String> {
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })
        .ok_or("response has no HTTP header block")?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or("response has no HTTP status line")?;
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {status}"));
    }
    let headers: Vec<String> = lines.map(str::to_string).collect();
    let media_type = header(&headers, "Content-Type").unwrap_or_else(|| "text/html".into());
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !matches!(
        essence.as_str(),
        "text/html" | "application/xhtml+xml" | "text/plain"
    ) {
        return Err(format!("not an article ({essence})"));
    }
    let mut body = block[split.1..].to_vec();
    if header(&headers, "Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or("malformed chunked body")?;
    }
    if header(&headers, "Content-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("gzip")) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&body[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip the body: {e}"))?;
        body = out;
    }
    Ok((media_type, body))
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn responses_are_kept_and_the_rest_named() {
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://a.example/1",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://a.example/1",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<h1>Hi</h1>",
        ));
        warc.extend(record(
            "response",
            "https://a.example/2",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://a.example/3",
            b"HTTP/1.1 404 Not Found\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://a.example/4.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        warc.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort",
        );
        let mut seen = Vec::new();
        for_each_record("t.warc", &warc[..], |r| {
            seen.push(match r {
                Record::Article { name, input } => {
                    format!("ok {name} {}", String::from_utf8_lossy(&input.bytes))
                }
                Record::Skipped { name, problem } => format!("skip {name}: {problem}"),
            });
            true
        });
        assert_eq!(
            seen,
            [
                "ok t.warc: record 3 https://a.example/1 <h1>Hi</h1>",
                "ok t.warc: record 4 https://a.example/2 Hello world",
                "skip t.warc: record 5 https://a.example/3: HTTP status 404",
                "skip t.warc: record 6 https://a.example/4.png: not an article (image/png)",
                "skip t.warc: record 7: truncated record (Content-Length 999, fewer bytes left)",
            ]
        );
    }

    #[test]
    fn garbage_is_named_not_a_panic() {
        let mut seen = Vec::new();
        for_each_record("g.warc", &b"\x00\x01binary garbage\n\n"[..], |r| {
            if let Record::Skipped { problem, .. } = r {
                seen.push(problem);
            }
            true
        });
        assert_eq!(seen.len(), 1);
        assert!(seen[0].contains("not a WARC record"));
    }
}

//! Hostile inputs through the whole pipeline: each finishes (a watchdog turns a hang into a
//! failure) with a valid result — every span of every stage in bounds of `text` and carrying
//! exactly the text it points at — or a clear error. Inputs are generated here, never stored.
//! The CLI's size limit on a 2 GB sparse file is tested in `crates/cli/tests/cli.rs`.

use std::sync::mpsc;
use std::time::Duration;

use gleaner_core::{Article, Config, Error, Extractor, Input, InputFormat};

mod common;

/// Far above the slowest case in the test profile: only a hang or a quadratic blow-up trips it.
const WATCHDOG: Duration = Duration::from_secs(120);

/// Extracts `bytes` read as `format` on a watched thread.
fn extract(name: &str, bytes: Vec<u8>, format: Option<InputFormat>) -> Result<Article, Error> {
    let (tx, rx) = mpsc::channel();
    let name_owned = name.to_string();
    std::thread::Builder::new()
        .name(name_owned)
        .stack_size(8 << 20)
        .spawn(move || {
            let extractor = Extractor::new(Config {
                tokens: true,
                ..Config::default()
            });
            let input = Input {
                format,
                ..Input::new(bytes)
            };
            let _ = tx.send(extractor.extract(&input));
        })
        .unwrap();
    match rx.recv_timeout(WATCHDOG) {
        Ok(result) => {
            if let Ok(a) = &result {
                check_spans(name, a);
            }
            result
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: no result within {WATCHDOG:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: the extractor panicked"),
    }
}

/// Every span of every stage is in bounds and carries its own text.
fn check_spans(name: &str, a: &Article) {
    let problems = common::span_problems(a);
    assert!(problems.is_empty(), "{name}: {problems:?}");
}

/// Runs `bytes` through every format and returns the detected-format result.
fn every_format(name: &str, bytes: &[u8]) -> Result<Article, Error> {
    for format in [
        Some(InputFormat::Text),
        Some(InputFormat::Html),
        Some(InputFormat::Verbatim),
    ] {
        let _ = extract(&format!("{name} as {format:?}"), bytes.to_vec(), format);
    }
    extract(name, bytes.to_vec(), None)
}

#[test]
fn ten_megabyte_single_line() {
    let sentence = "The council said on Monday that the 3 bridges would reopen by May. ";
    let line = sentence.repeat(10_000_000 / sentence.len());
    let a = extract("10 MB line", line.into_bytes(), None).unwrap();
    assert!(a.sentences.len() > 100_000, "{}", a.sentences.len());
    // As one word-less run too.
    let a = extract("2 MB of one letter", vec![b'a'; 2_000_000], None).unwrap();
    assert_eq!(a.text.len(), 2_000_000);
}

#[test]
fn hundred_thousand_nested_tags() {
    let mut page = String::from("<html><body>");
    for _ in 0..100_000 {
        page.push_str("<div>");
    }
    page.push_str("<p>The council said on Monday that the bridge would reopen.</p>");
    for _ in 0..100_000 {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    match extract("100k nested divs", page.into_bytes(), None) {
        Ok(a) => assert!(a.text.contains("bridge would reopen"), "{}", a.text),
        Err(e) => panic!("100k nested divs: {e}"),
    }
    // Unclosed, mixed and inline tags nested as deep.
    let unclosed = "<span><b><i><a href=x>".repeat(25_000) + "Deep text.";
    let _ = every_format("100k unclosed tags", unclosed.as_bytes());
    let tables = "<table><tr><td>".repeat(33_000) + "Cell text.";
    let _ = every_format("100k table tags", tables.as_bytes());
}

#[test]
fn fifty_thousand_unbalanced_quotation_marks() {
    let opening = "“He said ".repeat(50_000);
    let a = every_format("50k opening quotes", opening.as_bytes()).unwrap();
    assert!(!a.sentences.is_empty());
    let mixed = "\"Yes,\" she said. “No ‘maybe” he « replied '".repeat(10_000);
    every_format("50k mixed quotes", mixed.as_bytes()).unwrap();
    let only = "\"".repeat(50_000);
    let _ = every_format("50k straight quotes only", only.as_bytes());
}

#[test]
fn text_without_spaces() {
    let words = "Thecouncilsaidthebridgewouldreopen.".repeat(30_000);
    let a = every_format("no spaces", words.as_bytes()).unwrap();
    assert!(a.text.contains("Thecouncilsaid"));
    let cjk = "東京都は月曜日に橋を再開すると発表した。".repeat(20_000);
    every_format("CJK without spaces", cjk.as_bytes()).unwrap();
}

#[test]
fn only_digits_and_only_punctuation() {
    let digits: String = (0..200_000u32)
        .map(|i| char::from(b'0' + (i * 7 % 10) as u8))
        .collect();
    every_format("only digits", digits.as_bytes()).unwrap();
    let spaced = "1 22 333 4,444 55.5 2024 12:30 1/2 -7 ".repeat(5_000);
    every_format("only numbers", spaced.as_bytes()).unwrap();
    let punctuation = ".,;:!?-—–()[]{}'\"“”‘’«»…/\\|@#$%^&*_+=~`".repeat(5_000);
    let _ = every_format("only punctuation", punctuation.as_bytes());
    let dots = ".".repeat(200_000);
    let _ = every_format("200k dots", dots.as_bytes());
    let lines = "-\n*\n•\n1.\n\n".repeat(10_000);
    let _ = every_format("only bullet marks", lines.as_bytes());
}

#[test]
fn right_to_left_and_mixed_scripts() {
    let text = "\
الرئيس قال يوم الاثنين إن الجسر سيعاد فتحه. \u{202e}Reversed text\u{202c} \
הממשלה הודיעה על 3 מיליון דולר. Die Regierung sagte am Montag, 5 Mio. Euro. \
Президент заявил в понедельник. राष्ट्रपति ने सोमवार को कहा। \
e\u{301}\u{301}\u{301}\u{301} Z\u{335}\u{321}a\u{336}l\u{337}g\u{338}o \u{200f}\u{200e}\u{2066}isolate\u{2069}\n\n";
    let a = every_format("mixed scripts", text.repeat(2_000).as_bytes()).unwrap();
    assert!(a.text.contains("الرئيس") && a.text.contains("Президент"));
    let a = extract(
        "mixed scripts verbatim",
        text.as_bytes().to_vec(),
        Some(InputFormat::Verbatim),
    )
    .unwrap();
    assert_eq!(a.text, text);
}

#[test]
fn emoji() {
    let text = "Fans 🎉🎉 cheered 👩‍👩‍👧‍👦 as the 🇺🇦 flag rose 👍🏽 at 3pm. \
“Amazing 😂😂😂” said Mr. 🤖 Smith.\n\n"
        .repeat(5_000);
    let a = every_format("emoji", text.as_bytes()).unwrap();
    assert!(a.text.contains("👩‍👩‍👧‍👦") && a.text.contains("🇺🇦"));
    let only = "😀".repeat(200_000);
    every_format("only emoji", only.as_bytes()).unwrap();
}

#[test]
fn nul_bytes() {
    let mut text = Vec::new();
    for i in 0..20_000 {
        text.extend_from_slice(b"The council said on Monday the bridge would reopen. ");
        if i % 3 == 0 {
            text.push(0);
        }
    }
    // A NUL every few sentences is text with stray bytes: extracted, not refused.
    let a = every_format("stray NULs", &text).unwrap();
    assert!(a.text.contains("bridge would reopen"));
    // All NUL is not text: a clear error.
    match extract("all NUL", vec![0; 100_000], None) {
        Err(Error::NotText { what }) => assert!(what.contains("control"), "{what}"),
        other => panic!("all NUL: {other:?}"),
    }
}

#[test]
fn invalid_utf8() {
    let mut bytes = Vec::new();
    for i in 0..30_000u32 {
        bytes.extend_from_slice("Le conseil a annoncé lundi la réouverture. ".as_bytes());
        // Truncated sequences, lone continuation bytes, overlong and surrogate encodings.
        let bad: &[u8] = match i % 5 {
            0 => b"\xe2\x80",
            1 => b"\x80\xbf",
            2 => b"\xc0\xaf",
            3 => b"\xed\xa0\x80",
            _ => b"\xf8\x88\x80\x80\x80",
        };
        if i % 4 == 0 {
            bytes.extend_from_slice(bad);
        }
    }
    match every_format("invalid UTF-8", &bytes) {
        Ok(a) => assert!(a.text.contains("conseil")),
        Err(e) => assert!(matches!(e, Error::NotText { .. }), "{e}"),
    }
    // Mostly invalid: refused as binary, with the share named.
    let garbage: Vec<u8> = (0..100_000u32).map(|i| 0x80 | (i % 64) as u8).collect();
    if let Err(e) = every_format("continuation bytes only", &garbage) {
        assert!(e.to_string().starts_with("input is not text"), "{e}");
    }
}

/// Inputs the fuzz targets (`fuzz/`) found slow or crashing, kept in `fixtures/regressions/`:
/// each must now pass through every format with valid spans, well inside the watchdog.
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let _ = every_format(&name, &std::fs::read(&path).unwrap());
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {}", dir.display());
}

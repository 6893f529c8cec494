//! Fixture articles: a JSON snapshot of each extraction (insta), and hand-written
//! expectations from each fixture's `.meta.json` (headline, highlights, paragraphs,
//! dateline, what must be removed and what must stay).
//!
//! In a meta file's `expect`, a key that is absent is not checked; `null` or `[]` means the
//! field must be empty.

use std::path::{Path, PathBuf};

use gleaner_core::{Article, Config, Extractor, Input, InputFormat, SectionKind};
use serde_json::Value;

mod common;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles")
}

/// Every article file with its parsed meta file.
fn fixtures() -> Vec<(PathBuf, Value)> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/articles exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    paths.sort();
    for path in paths {
        let meta_path = path.with_extension("meta.json");
        let meta = match std::fs::read_to_string(&meta_path) {
            Ok(s) => serde_json::from_str(&s).expect("meta file is valid JSON"),
            Err(_) => Value::Null,
        };
        out.push((path, meta));
    }
    out
}

fn input_for(path: &Path, meta: &Value) -> Input {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    Input {
        bytes: std::fs::read(path).expect("fixture readable"),
        format: match meta["as"].as_str() {
            Some("text") => Some(InputFormat::Text),
            Some("html") => Some(InputFormat::Html),
            Some("verbatim") => Some(InputFormat::Verbatim),
            _ => None,
        },
        url: meta["url"].as_str().map(str::to_string),
        published: meta["published"].as_str().map(str::to_string),
        path: Some(format!("fixtures/articles/{name}")),
        ..Input::default()
    }
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn there_are_enough_fixtures() {
    let all = fixtures();
    assert!(all.len() >= 16, "only {} fixtures", all.len());
    assert!(all.iter().any(|(p, _)| p.ends_with("kyiv-talks.txt")));
    for (path, meta) in &all {
        assert!(meta.is_object(), "{} has no .meta.json", path.display());
    }
}

#[test]
fn snapshots() {
    let extractor = Extractor::new(Config::default());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(fixtures_dir().join("../snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (path, meta) in fixtures() {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let result = extractor.extract(&input_for(&path, &meta));
            let value = match result {
                Ok(article) => serde_json::to_value(&article).unwrap(),
                Err(e) => serde_json::json!({ "error": e.to_string() }),
            };
            insta::assert_json_snapshot!(name, value);
        }
    });
}

#[test]
fn expectations() {
    let extractor = Extractor::new(Config::default());
    let mut failures = Vec::new();
    for (path, meta) in fixtures() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expect = &meta["expect"];
        let result = extractor.extract(&input_for(&path, &meta));
        if expect["error"] == Value::Bool(true) {
            if result.is_ok() {
                failures.push(format!("{name}: expected an error"));
            }
            continue;
        }
        let article = match result {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: unexpected error {e}"));
                continue;
            }
        };
        check(&name, expect, &article, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check(name: &str, expect: &Value, a: &Article, failures: &mut Vec<String>) {
    let mut fail = |what: String| failures.push(format!("{name}: {what}"));
    let obj = expect.as_object().cloned().unwrap_or_default();
    let str_field = |v: &Value| v.as_str().map(str::to_string);
    if let Some(v) = obj.get("headline")
        && str_field(v) != a.headline
    {
        fail(format!("headline {:?} != {:?}", a.headline, v));
    }
    if let Some(v) = obj.get("standfirst")
        && str_field(v) != a.standfirst
    {
        fail(format!("standfirst {:?} != {:?}", a.standfirst, v));
    }
    if let Some(v) = obj.get("highlights") {
        let want: Vec<String> = serde_json::from_value(v.clone()).unwrap();
        if want != a.highlights {
            fail(format!("highlights {:?} != {:?}", a.highlights, want));
        }
    }
    if let Some(v) = obj.get("authors") {
        let want: Vec<String> = serde_json::from_value(v.clone()).unwrap();
        if want != a.authors {
            fail(format!("authors {:?} != {:?}", a.authors, want));
        }
    }
    if let Some(v) = obj.get("agency") {
        let mut agencies: Vec<String> = a
            .byline
            .as_ref()
            .map(|b| b.agencies.clone())
            .unwrap_or_default();
        agencies.extend(a.dateline.as_ref().and_then(|d| d.agency.clone()));
        match v.as_str() {
            Some(want) if !agencies.iter().any(|g| g == want) => {
                fail(format!("agency {want:?} not in {agencies:?}"))
            }
            None if !agencies.is_empty() => fail(format!("unexpected agencies {agencies:?}")),
            _ => {}
        }
    }
    if let Some(v) = obj.get("dateline") {
        let got = a.dateline.as_ref().map(|d| d.place.clone());
        if str_field(v) != got {
            fail(format!("dateline {got:?} != {v:?}"));
        }
    }
    if let Some(v) = obj.get("published") {
        // Only what the article itself states counts; the caller's reference date does not.
        let stated = a
            .published
            .as_ref()
            .filter(|_| a.published_from.as_deref() != Some("input"))
            .map(|p| p.chars().take(10).collect::<String>());
        if str_field(v) != stated {
            fail(format!("published {stated:?} != {v:?}"));
        }
    }
    // Page metadata: each key of `page` must equal the article's JSON field of that name
    // (`site_name`, `page_type`, `captions`, `metadata_from`, …).
    if let Some(page) = obj.get("page").and_then(Value::as_object) {
        let json = serde_json::to_value(a).expect("an article serialises");
        for (key, want) in page {
            if json.get(key) != Some(want) {
                fail(format!("{key} {:?} != {want}", json.get(key)));
            }
        }
    }
    if let Some(v) = obj.get("language")
        && str_field(v) != a.language
    {
        fail(format!("language {:?} != {:?}", a.language, v));
    }
    if let Some(v) = obj.get("paragraphs") {
        let n = a
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Paragraph)
            .count() as u64;
        if v.as_u64() != Some(n) {
            fail(format!("{n} paragraphs, expected {v}"));
        }
    }
    if let Some(v) = obj.get("body_starts_with").and_then(Value::as_str)
        && !a.body.starts_with(v)
    {
        let got: String = a.body.chars().take(80).collect();
        fail(format!("body starts {got:?}, expected {v:?}"));
    }
    for s in obj
        .get("body_contains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let s = s.as_str().unwrap();
        if !a.body.contains(s) {
            fail(format!("body lacks {s:?}"));
        }
    }
    for s in obj
        .get("body_excludes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let s = s.as_str().unwrap();
        if a.body.contains(s) {
            fail(format!("body contains {s:?}"));
        }
    }
    for s in obj
        .get("removed_contains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let s = s.as_str().unwrap();
        if !a.removed.iter().any(|r| r.text.contains(s)) {
            fail(format!("removed lacks {s:?}"));
        }
    }
    for problem in common::span_problems(a) {
        fail(problem);
    }
    // Spans agree with the fields they describe.
    if let Some(d) = &a.dateline
        && slice(&a.text, d.start, d.end) != d.text
    {
        fail("dateline span does not match its text".into());
    }
    let body_from_sections: Vec<String> = a
        .sections
        .iter()
        .filter(|s| s.kind.is_body())
        .map(|s| slice(&a.text, s.start, s.end))
        .collect();
    if body_from_sections.join("\n\n") != a.body {
        fail("body is not the body sections joined".into());
    }
}

/// The seed article, checked field by field against the foundation issue's acceptance.
#[test]
fn seed_article() {
    let path = fixtures_dir().join("kyiv-talks.txt");
    let input = Input {
        published: Some("2022-03-22".into()),
        ..Input::new(std::fs::read(path).unwrap())
    };
    let a = Extractor::default().extract(&input).unwrap();
    assert_eq!(
        a.headline.as_deref(),
        Some(
            "Too Early to Arrive at Conclusion, says Russia Spokesperson on Putin- Zelensky Talks"
        )
    );
    assert_eq!(
        a.highlights,
        [
            "No breakthrough conclusion reported yet from the ongoing talks.",
            "651 residential buildings and 3,780 other buildings gutted in the war so far.",
            "Ukraine defiantly rejected Russia’s demand of surrender.",
        ]
    );
    assert_eq!(a.dateline.as_ref().map(|d| d.place.as_str()), Some("Kyiv"));
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 6);
    assert!(paragraphs[0].starts_with("Russia’s ferocity entered the 27th day"));
    assert!(paragraphs[5].ends_with("So far at least 2,300 have died."));
    for furniture in ["Related Articles", "Back to top button"] {
        assert!(
            a.removed.iter().any(|r| r.text == furniture),
            "{furniture} not removed"
        );
        assert!(!a.body.contains(furniture));
    }
    assert!(!a.body.contains("Story Highlights"));
    assert_eq!(a.published.as_deref(), Some("2022-03-22"));
    assert_eq!(a.language.as_deref(), Some("en"));
}

/// `--as verbatim` keeps every fixture's decoded text exactly.
#[test]
fn verbatim_text_equals_input() {
    let extractor = Extractor::default();
    for (path, meta) in fixtures() {
        let mut input = input_for(&path, &meta);
        input.format = Some(InputFormat::Verbatim);
        let bytes = input.bytes.clone();
        match extractor.extract(&input) {
            Ok(a) => {
                let expected = if let Ok(s) = std::str::from_utf8(&bytes) {
                    s.trim_start_matches('\u{feff}').to_string()
                } else {
                    // Non-UTF-8 fixtures: compare with a plain decode of the same bytes.
                    gleaner_core::decode::decode(&bytes, None, false)
                        .unwrap()
                        .text
                };
                assert_eq!(a.text, expected, "{}", path.display());
                assert_eq!(a.source.media_type, "text/plain; verbatim");
            }
            Err(e) => assert!(
                meta["expect"]["error"] == Value::Bool(true),
                "{}: {e}",
                path.display()
            ),
        }
    }
}

#[test]
fn spans_are_valid_on_every_fixture() {
    let extractor = Extractor::new(Config {
        tokens: true,
        ..Config::default()
    });
    for (path, meta) in fixtures() {
        if let Ok(a) = extractor.extract(&input_for(&path, &meta)) {
            let problems = common::span_problems(&a);
            assert!(problems.is_empty(), "{}: {problems:?}", path.display());
            for t in a.tokens.iter().flatten() {
                let s = slice(&a.text, t.start, t.end);
                assert!(!s.trim().is_empty(), "{}: blank token", path.display());
            }
        }
    }
}

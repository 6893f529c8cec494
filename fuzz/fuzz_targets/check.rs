//! Shared by the fuzz targets: run the extractor and check every span of the result.

use gleaner_core::{Article, Config, Extractor, Input, InputFormat};

/// Extracts `bytes` read as `format` and panics (a fuzz finding) on any invalid span.
pub fn extract_and_check(bytes: &[u8], format: Option<InputFormat>) {
    let extractor = Extractor::new(Config {
        tokens: true,
        ..Config::default()
    });
    let input = Input {
        format,
        ..Input::new(bytes.to_vec())
    };
    if let Ok(article) = extractor.extract(&input) {
        check_spans(&article);
    }
}

/// Every span is `[start, end)` in code points within `text`, and every span that carries
/// its text carries exactly `text[start..end]`.
fn check_spans(a: &Article) {
    let chars: Vec<char> = a.text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "span [{start}, {end}) in text of {} code points",
            chars.len()
        );
        chars[start..end].iter().collect()
    };
    for s in &a.sections {
        slice(s.start, s.end);
    }
    for s in &a.sentences {
        slice(s.start, s.end);
    }
    for t in a.tokens.iter().flatten() {
        slice(t.start, t.end);
    }
    if let Some(d) = &a.dateline {
        slice(d.start, d.end);
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(slice(m.start, m.end), m.text, "entity mention");
        }
    }
    for q in &a.quantities {
        assert_eq!(slice(q.start, q.end), q.text, "quantity");
    }
    for t in &a.times {
        assert_eq!(slice(t.start, t.end), t.text, "time");
        if let Some(anchor) = &t.anchor
            && let (Some(start), Some(end)) = (anchor.start, anchor.end)
        {
            assert_eq!(Some(slice(start, end)), anchor.text, "time anchor");
        }
    }
    for w in &a.warnings {
        for s in &w.spans {
            slice(s.start, s.end);
        }
    }
}

//! Checks shared by the integration tests.

use gleaner_core::Article;

/// Every span of every stage must be `[start, end)` in code points within `text`, and spans
/// that carry their text must carry exactly `text[start..end]`. Returns what is wrong (empty
/// when nothing is).
pub fn span_problems(a: &Article) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    let mut problems = Vec::new();
    let mut slice = |what: &str, start: usize, end: usize| -> Option<String> {
        if start <= end && end <= chars.len() {
            Some(chars[start..end].iter().collect())
        } else {
            problems.push(format!(
                "{what} span [{start}, {end}) in text of {} code points",
                chars.len()
            ));
            None
        }
    };
    let mut texts: Vec<(&str, Option<String>, &str)> = Vec::new();
    for s in &a.sections {
        slice("section", s.start, s.end);
    }
    for s in &a.sentences {
        slice("sentence", s.start, s.end);
    }
    for t in a.tokens.iter().flatten() {
        slice("token", t.start, t.end);
    }
    for w in &a.warnings {
        for s in &w.spans {
            slice("warning", s.start, s.end);
        }
    }
    if let Some(d) = &a.dateline {
        slice("dateline", d.start, d.end);
    }
    for m in a.entities.iter().flat_map(|e| &e.mentions) {
        texts.push((
            "entity mention",
            slice("entity mention", m.start, m.end),
            &m.text,
        ));
    }
    for q in &a.quantities {
        texts.push(("figure", slice("figure", q.start, q.end), &q.text));
    }
    for t in &a.times {
        texts.push(("time", slice("time", t.start, t.end), &t.text));
        if let Some(anchor) = &t.anchor
            && let (Some(start), Some(end), Some(text)) = (anchor.start, anchor.end, &anchor.text)
        {
            texts.push(("time anchor", slice("time anchor", start, end), text));
        }
    }
    for q in &a.quotes {
        slice("quote", q.start, q.end);
        for s in &q.spans {
            slice("quote part", s.start, s.end);
        }
        if let Some(cue) = &q.cue {
            texts.push((
                "quote cue",
                slice("quote cue", cue.start, cue.end),
                &cue.text,
            ));
        }
        if let Some(speaker) = &q.speaker {
            texts.push((
                "speaker",
                slice("speaker", speaker.start, speaker.end),
                &speaker.text,
            ));
        }
    }
    for (what, found, carried) in texts {
        if let Some(found) = found
            && found != carried
        {
            problems.push(format!(
                "{what} carries {carried:?} but its span holds {found:?}"
            ));
        }
    }
    problems
}

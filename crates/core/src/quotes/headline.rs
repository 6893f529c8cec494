//! Headline attributions: "Rubio: Trump Can't Be Trusted" — a headline that opens with the
//! name of a person the article is about and a colon reports what that person said. Only the
//! headline reads so: in a body paragraph "Name: …" is as often a label, a transcript turn or
//! a list entry, and a place before the colon is a dateline ("Kyiv: …").

use super::Draft;
use super::clause::{content_end, is_quote_mark};
use super::view::Doc;
use crate::model::{EntityKind, QuoteKind, Section, SectionKind, Span};

/// The longest name, in words, read before a headline's colon.
const MAX_LABEL_WORDS: usize = 5;

/// The headline sections; where the layout marks none (verbatim input keeps every block a
/// paragraph), the first block when it is a single sentence, as a headline is.
fn headlines<'s>(doc: &Doc<'_>, sections: &'s [Section]) -> Vec<&'s Section> {
    let marked: Vec<&Section> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Headline)
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    sections
        .first()
        .filter(|s| {
            s.kind == SectionKind::Paragraph
                && doc
                    .sentences
                    .iter()
                    .take_while(|x| x.span.start < s.end)
                    .filter(|x| x.span.end > s.start)
                    .count()
                    == 1
        })
        .into_iter()
        .collect()
}

/// The attribution of each headline of the form "Name: content", unless a quote already
/// found covers its content (`taken`, sorted or not: headlines are few).
pub(super) fn find(doc: &Doc<'_>, sections: &[Section], taken: &[Span]) -> Vec<Draft> {
    let mut out = Vec::new();
    for sec in headlines(doc, sections) {
        let lo = doc.word_at_or_after(sec.start);
        let hi = doc.word_at_or_after(sec.end);
        let Some(colon) =
            (lo..hi.min(lo + MAX_LABEL_WORDS + 1)).find(|&k| doc.words[k].lower == ":")
        else {
            continue;
        };
        if colon == lo
            || doc.words[lo..colon]
                .iter()
                .any(|w| w.punct && w.lower != ".")
        {
            continue;
        }
        let label = Span {
            start: doc.words[lo].start,
            end: doc.words[colon - 1].end,
        };
        // The label is one person's name, and the article names that person again, by a
        // full name, outside the headline (a title such as "Dr." or "Sen." may stand before
        // the mention). Organisations and other names are not read so: on web pages
        // "Daily Deals: …", "Google Sans: …" or "Lunacal: …" are series, products and labels.
        let names_label = doc.mentions_in(label.start, label.end).any(|(m, e)| {
            let entity = &doc.entities[e];
            m.end == label.end
                && entity.kind == EntityKind::Person
                && is_full_name(&entity.name)
                && doc.word_at_or_after(m.start) <= lo + 1
                && entity
                    .mentions
                    .iter()
                    .any(|other| other.end <= sec.start || other.start >= sec.end)
        });
        if !names_label {
            continue;
        }
        let mut start = colon + 1;
        while start < hi && is_quote_mark(doc, start) {
            start += 1;
        }
        let end = content_end(doc, start, hi);
        if doc.word_count(start..end) < 2 {
            continue;
        }
        let content = Span {
            start: doc.words[start].start,
            end: doc.words[end - 1].end,
        };
        if taken
            .iter()
            .any(|t| t.start < content.end && content.start < t.end)
        {
            continue;
        }
        out.push(Draft {
            kind: QuoteKind::Indirect,
            spans: vec![content],
            cue: Some(Span {
                start: doc.words[colon].start,
                end: doc.words[colon].end,
            }),
            region: Some(label),
            subject_of: None,
        });
    }
    out
}

/// Whether `name` reads as a person's full name: two or more words, each capitalised and not
/// in capitals ("Marco Rubio", "Alexandria Ocasio-Cortez", "J. D. Vance"; not "Batching",
/// "AI-powered SEO").
fn is_full_name(name: &str) -> bool {
    let mut words = 0;
    for word in name.split_whitespace() {
        words += 1;
        for part in word.split('-') {
            let mut letters = part.chars().filter(|c| c.is_alphabetic());
            let Some(first) = letters.next() else {
                return false;
            };
            if !first.is_uppercase()
                || (part.chars().count() > 2 && letters.all(char::is_uppercase))
            {
                return false;
            }
        }
    }
    words >= 2
}

#[cfg(test)]
mod tests {
    use super::is_full_name;

    #[test]
    fn full_names_are_two_capitalised_words_or_more() {
        for name in [
            "Marco Rubio",
            "Alexandria Ocasio-Cortez",
            "J. D. Vance",
            "Beto O'Rourke",
            "John McCain Jr.",
        ] {
            assert!(is_full_name(name), "{name}");
        }
        for name in [
            "Batching",
            "Rubio",
            "AI-powered SEO",
            "Google SEO",
            "mr smith",
            "",
        ] {
            assert!(!is_full_name(name), "{name}");
        }
    }
}

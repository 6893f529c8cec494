//! Who wrote an HTML page: the byline it prints, the author `<meta>` tags, and the people
//! JSON-LD names by reference. `html` decides between them; this module only reads them.

use std::collections::HashMap;

use dom_query::{Attr, NodeRef};
use serde_json::Value;

use super::byline::{BylineParts, parse_marked_byline};
use super::html_index::PageIndex;

/// Whether an attribute marks its element as the byline or the author's name: an element
/// with such an attribute is what the selector list `[class*='byline'], [class*='author'],
/// [class*='Byline'], [class*='Author'], [rel='author' i], [itemprop='author']` matches.
/// Tested attribute by attribute in the page index's one walk: the selector engine took
/// ~1.3M instructions a page for this list (over a third of reading the page's metadata).
pub(super) fn attr_marks_byline(attr: &Attr) -> bool {
    let value: &str = &attr.value;
    match &*attr.name.local {
        "class" => class_marks_byline(value),
        "rel" => value.eq_ignore_ascii_case("author"),
        "itemprop" => value == "author",
        _ => false,
    }
}

/// Whether a class attribute holds `byline`, `Byline`, `author` or `Author`: found by their
/// second letter (one byte search), since every element's class is asked.
fn class_marks_byline(class: &str) -> bool {
    let bytes = class.as_bytes();
    memchr::memchr2_iter(b'y', b'u', bytes).any(|at| {
        let (Some(&before), rest) = (at.checked_sub(1).and_then(|b| bytes.get(b)), &bytes[at..])
        else {
            return false;
        };
        (rest.starts_with(b"yline") && matches!(before, b'b' | b'B'))
            || (rest.starts_with(b"uthor") && matches!(before, b'a' | b'A'))
    })
}

/// Labels printed before an author's name ("Written by", "Author:").
const CREDIT_LABELS: &[&str] = &[
    "by",
    "by:",
    "written by",
    "written by:",
    "posted by",
    "words by",
    "story by",
    "article by",
    "author",
    "author:",
    "authors",
    "authors:",
    "author(s)",
    "author(s):",
];

/// The byline as the page prints it: an element marked as the byline or author, else a short
/// element that opens with a credit label ("Written by", "By:") and the name after it, in the
/// same element or the next one. Readability takes these out of the main content, so they
/// are read here. Comment threads, navigation, footers and sidebars are not looked at: the
/// names there are commenters and other stories' authors.
pub(super) fn visible_byline(index: &PageIndex) -> Option<BylineParts> {
    let marked = index
        .byline_marked()
        .iter()
        .filter(|n| !in_page_furniture(n))
        .map(spaced_text)
        .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 24)
        .find_map(|t| parse_marked_byline(&t));
    if marked.as_ref().is_some_and(|b| !b.authors.is_empty()) {
        return marked;
    }
    labelled_byline(index).or(marked)
}

/// A credit label and the name it introduces, from the first short element that opens with
/// one.
fn labelled_byline(index: &PageIndex) -> Option<BylineParts> {
    // Text nodes of `<body>` that open with a label; their element is the candidate.
    index
        .credit_texts()
        .iter()
        .filter_map(|t| t.parent())
        .filter(|n| !in_page_furniture(n))
        .find_map(|n| {
            let text = spaced_text(&n);
            let words = text.split_whitespace().count();
            if words > 12 {
                return None;
            }
            let lower = text.to_lowercase();
            if CREDIT_LABELS.iter().any(|l| lower == *l) {
                // The label alone: the name is the next element.
                let next = n
                    .next_element_sibling()
                    .or_else(|| n.parent().and_then(|p| p.next_element_sibling()))?;
                let name = spaced_text(&next);
                if name.split_whitespace().count() > 12 {
                    return None;
                }
                return parse_marked_byline(&format!("By {name}")).map(|mut parts| {
                    parts.text = format!("{text} {name}");
                    parts
                });
            }
            parse_marked_byline(&text).map(|mut parts| {
                if parts.date_text.is_none() {
                    parts.date_text = date_beside(&n);
                }
                parts
            })
        })
        .filter(|b| !b.authors.is_empty())
}

/// A publication date printed alone in the element right after a byline ("Written by Kim Lee"
/// then "April 8, 2024"): the byline's date. An update date there is not one.
fn date_beside(byline: &NodeRef) -> Option<String> {
    let next = byline.next_element_sibling()?;
    let text = spaced_text(&next);
    if text.split_whitespace().count() > 6 {
        return None;
    }
    let dates = super::news::printed_dates(&text);
    (!dates.is_empty() && dates.iter().all(|(_, updated)| !updated)).then_some(text)
}

/// Whether `text` (a text node's) opens with one of [`CREDIT_LABELS`], in any case. Most text
/// nodes are told apart by their first letter, without a lower-cased copy: every page's every
/// text node is asked.
pub(super) fn opens_with_credit_label(text: &str) -> bool {
    let text = text.trim_start();
    // Every label opens with an ASCII letter, and no other character lower-cases to one of
    // theirs, so most text nodes are ruled out by their first byte.
    let initial = text.as_bytes().first().map(u8::to_ascii_lowercase);
    if !initial.is_some_and(|i| CREDIT_LABELS.iter().any(|l| l.as_bytes()[0] == i)) {
        return false;
    }
    let head: String = text.chars().take(14).collect();
    let head = head.to_lowercase();
    CREDIT_LABELS
        .iter()
        .any(|l| opens_with_label(head.trim_end(), l))
}

/// Whether `text` opens with `label` followed by a word break.
fn opens_with_label(text: &str, label: &str) -> bool {
    text.strip_prefix(label)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']))
}

/// Whether a node sits in a comment thread, navigation, the page footer or a sidebar: an
/// ancestor element of that kind, or one whose class or id starts with such a word (page
/// templates put words like `has-sidebar` on `<body>`, so only word starts count, and
/// `<body>`/`<html>` are not looked at). A `<footer>` or `<aside>` inside an `<article>` is
/// the article's own and holds its byline or date.
pub(super) fn in_page_furniture(node: &NodeRef) -> bool {
    let mut in_footer = false;
    for a in std::iter::once(*node).chain(node.ancestors_it(Some(40))) {
        let name = a.node_name().map(|n| n.to_string()).unwrap_or_default();
        match name.as_str() {
            "body" | "html" => break,
            "nav" | "form" => return true,
            "footer" | "aside" => in_footer = true,
            "article" => in_footer = false,
            _ => {}
        }
        let marks = format!(
            "{} {}",
            a.attr("class").unwrap_or_default(),
            a.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        if marks.split_whitespace().any(|m| {
            ["comment", "related", "sidebar", "recommend", "footer"]
                .iter()
                .any(|w| m.starts_with(w))
        }) {
            return true;
        }
    }
    in_footer
}

/// An element's text with a space between the texts of its parts (a byline's label and
/// name are often separate elements printed without a space between them), scripts left out.
fn spaced_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for d in node.descendants_it() {
        if d.is_text()
            && !d.ancestors_it(Some(3)).any(|a| {
                a.node_name()
                    .is_some_and(|n| matches!(n.as_ref(), "script" | "style" | "noscript"))
            })
        {
            out.push(' ');
            out.push_str(&d.text());
        }
    }
    super::html::clean_text(&out)
}

/// Authors named by `<meta>` tags: `author`, `article:author` (when not a URL), the
/// "Written by" label pair of Twitter cards, and the Dublin Core / citation / analytics
/// author tags.
pub(super) fn meta_tag_authors(index: &PageIndex) -> Option<(Vec<String>, &'static str)> {
    // The `<meta>` tags, found once and filtered per selector.
    let contents = |selector: &str| -> Vec<String> {
        index
            .metas(selector)
            .iter()
            .filter_map(|m| m.attr("content").map(|c| super::html::clean_text(&c)))
            .filter(|c| !c.is_empty() && !c.starts_with("http"))
            .collect()
    };
    const SELECTORS: &[&str] = &[
        "meta[name='author'], meta[property='article:author'], meta[name='article:author']",
        "meta[name='citation_author'], meta[name='DC.creator'], meta[name='dc.creator'], \
         meta[name='DC.Creator'], meta[name='dcterms.creator']",
        "meta[name='parsely-author'], meta[name='sailthru.author'], \
         meta[name='cXenseParse:author']",
    ];
    for selector in SELECTORS {
        let names: Vec<String> = contents(selector)
            .iter()
            .flat_map(|c| super::html::split_author_list(c))
            .fold(Vec::new(), |mut acc, n| {
                if !acc.contains(&n) {
                    acc.push(n);
                }
                acc
            });
        if !names.is_empty() {
            return Some((names, "meta"));
        }
    }
    // Twitter cards: `twitter:label1` "Written by", `twitter:data1` the name.
    for i in 1..=4 {
        let label = contents(&format!("meta[name='twitter:label{i}']"));
        if label
            .first()
            .is_some_and(|l| l.to_lowercase().starts_with("written by"))
        {
            let names: Vec<String> = contents(&format!("meta[name='twitter:data{i}']"))
                .iter()
                .flat_map(|c| super::html::split_author_list(c))
                .collect();
            if !names.is_empty() {
                return Some((names, "meta"));
            }
        }
    }
    None
}

/// The names of the people a page's JSON-LD describes, by `@id`, so that an article's
/// `"author": {"@id": …}` can be resolved.
#[derive(Debug, Default)]
pub(super) struct PeopleIndex(HashMap<String, String>);

impl PeopleIndex {
    /// Collects `Person` nodes (and untyped nodes with a name) from JSON-LD values.
    pub(super) fn from_values(values: &[Value]) -> Self {
        let mut index = Self::default();
        for v in values {
            index.collect(v, 0);
        }
        index
    }

    fn collect(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.collect(v, depth + 1)),
            Value::Object(map) => {
                let is_person = match map.get("@type") {
                    Some(Value::String(t)) => t == "Person",
                    Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some("Person")),
                    _ => false,
                };
                if is_person
                    && let (Some(Value::String(id)), Some(Value::String(name))) =
                        (map.get("@id"), map.get("name"))
                {
                    self.0.entry(id.clone()).or_insert_with(|| name.clone());
                }
                map.values().for_each(|v| self.collect(v, depth + 1));
            }
            _ => {}
        }
    }

    /// The name of the person with this `@id`.
    pub(super) fn name(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }
}

/// Whether an author value is a login or handle rather than a printed name: one token with
/// digits, dots, underscores or `@`, or all lower-case with a hyphen ("brandon-peaktwo").
pub(super) fn is_handle(name: &str) -> bool {
    let name = name.trim();
    !name.contains(char::is_whitespace)
        && (name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '@'))
            || (name.contains('-') && !name.chars().any(char::is_uppercase))
            || name.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::{Document, Element};

    /// Whether pages mark `element` as the byline (any of its attributes does).
    fn marks_byline(element: &Element) -> bool {
        element.attrs.iter().any(attr_marks_byline)
    }

    fn byline(html: &str) -> Vec<String> {
        visible_byline(&PageIndex::new(&Document::from(html)))
            .map(|b| b.authors)
            .unwrap_or_default()
    }

    #[test]
    fn labelled_bylines() {
        assert_eq!(
            byline("<body><h1>T</h1><p class='x'>Written by</p><p>Edzel Tabing</p></body>"),
            ["Edzel Tabing"]
        );
        assert_eq!(
            byline("<body><h1>T</h1><p>By <a href='/a'>Sofia Gonzalez</a></p></body>"),
            ["Sofia Gonzalez"]
        );
        assert_eq!(
            byline("<body><span class='story-byline'>Posted by <a>BeauHD</a></span></body>"),
            ["BeauHD"]
        );
        assert_eq!(
            byline("<body><div class='author-name'>ByAmy Roeder</div></body>"),
            ["Amy Roeder"]
        );
        // Commenters and sentences are not bylines.
        assert!(
            byline("<body><div class='comments'><p>Posted by Jane Doe</p></div></body>").is_empty()
        );
        assert!(byline("<body><p>By Monday the river had risen two metres.</p></body>").is_empty());
        assert!(opens_with_credit_label("\n  WRITTEN BY: Kim"));
        assert!(opens_with_credit_label("Author"));
        assert!(!opens_with_credit_label("Authority"));
        assert!(!opens_with_credit_label("Écrit par Kim"));
        assert!(!opens_with_credit_label(""));
    }

    #[test]
    fn marked_bylines_as_the_selector_list_reads_them() {
        let marks = |html: &str| {
            let doc = Document::from(html);
            let found = doc
                .select("body *")
                .nodes()
                .iter()
                .any(|n| n.element_ref().is_some_and(|e| marks_byline(&e)));
            // The selector list it stands for agrees.
            let selected = doc.select(
                "body [class*='byline'], body [class*='author'], body [rel='author'], \
                 body [itemprop='author'], body [class*='Byline'], body [class*='Author']",
            );
            assert_eq!(found, selected.exists(), "{html}");
            found
        };
        assert!(marks("<span class='c-Byline__name'>A</span>"));
        assert!(marks("<div class='post authorBox'>A</div>"));
        assert!(marks("<a rel='AUTHOR' href='/a'>A</a>"));
        assert!(marks("<span itemprop='author'>A</span>"));
        // Substrings of the class only, the exact `itemprop`, and `rel` without case.
        assert!(!marks("<span itemprop='Author'>A</span>"));
        assert!(!marks("<span data-class='byline' id='author'>A</span>"));
        assert!(!marks("<a rel='author nofollow'>A</a>"));
        assert!(!marks("<span class='BYLINE'>A</span>"));
        // The first marked element that reads as a byline, in page order.
        assert_eq!(
            byline("<body><p class='byline'>By Ann Lee</p><p rel='author'>By Bo Ek</p></body>"),
            ["Ann Lee"]
        );
    }

    #[test]
    fn meta_and_json_ld_authors() {
        let doc = Document::from(
            "<head><meta name='twitter:label1' content='Written by'>\
             <meta name='twitter:data1' content='Linda Rosencrance'></head>",
        );
        assert_eq!(
            meta_tag_authors(&PageIndex::new(&doc)),
            Some((vec!["Linda Rosencrance".to_string()], "meta"))
        );
        let v: Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"Article","author":{"@id":"https://x/#a"}},
                {"@type":"Person","@id":"https://x/#a","name":"Shivkumar M"}]}"#,
        )
        .unwrap();
        assert_eq!(
            PeopleIndex::from_values(&[v]).name("https://x/#a"),
            Some("Shivkumar M")
        );
        assert!(is_handle("kffnirmitap"));
        assert!(is_handle("andrew.keaveney"));
        assert!(is_handle("262588213843476"));
        assert!(!is_handle("Jane Doe"));
        assert!(!is_handle("BeauHD"));
    }
}

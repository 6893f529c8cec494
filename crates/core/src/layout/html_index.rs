//! The elements of a parsed page that the metadata and byline rules look up, found in one
//! walk over the page.
//!
//! Those rules asked the selector engine for a dozen kinds of element (`meta`, `h1`, `title`,
//! `p`, `a`, byline marks, `[hidden]` …), and each `Document::select` walks the whole page
//! and runs its selector on every element: about a tenth of laying out a page. Here one walk
//! sorts the elements into lists by name, each in page order; a rule filters its list with
//! its own selector. Every element such a selector matches has the list's name, so the
//! result is what `Document::select` gave.

use dom_query::{Attr, Document, NodeData, NodeId, NodeRef, Selection};

use super::html_authors::{attr_marks_byline, opens_with_credit_label};

/// Kinds of element the index lists, by element name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Listed {
    /// `<script>`.
    Script,
    /// `<meta>`.
    Meta,
    /// `<title>` (an inline SVG's too, as the selector `title` has them).
    Title,
    /// `<link>`.
    Link,
    /// `<html>`.
    Html,
    /// `<h1>` and `<time>`, in page order.
    HeadingOrTime,
    /// `<p>`.
    Paragraph,
    /// `<a>`.
    Anchor,
}

/// The number of [`Listed`] kinds.
const LISTED: usize = 8;

/// A page's elements by kind, each list in page order (see the module's comment).
pub(super) struct PageIndex<'a> {
    doc: &'a Document,
    lists: [Vec<NodeRef<'a>>; LISTED],
    /// Elements with a `hidden` attribute.
    hidden: Vec<NodeRef<'a>>,
    /// Elements pages mark as a byline or author (`html_authors::attr_marks_byline`).
    byline_marked: Vec<NodeRef<'a>>,
    /// Text nodes inside `<body>` that open with a credit label ("Written by").
    credit_texts: Vec<NodeRef<'a>>,
}

impl<'a> PageIndex<'a> {
    /// Walks `doc` once.
    pub(super) fn new(doc: &'a Document) -> Self {
        let mut index = Self {
            doc,
            lists: Default::default(),
            hidden: Vec::new(),
            byline_marked: Vec::new(),
            credit_texts: Vec::new(),
        };
        let mut body: Option<NodeId> = None;
        for node in doc.root().descendants_it() {
            // What the node is, read under one borrow of the tree.
            let seen = node.query_or(Seen::default(), |tree_node| match &tree_node.data {
                NodeData::Element(element) => {
                    let name: &str = &element.name.local;
                    Seen {
                        listed: match name {
                            "script" => Some(Listed::Script),
                            "meta" => Some(Listed::Meta),
                            "title" => Some(Listed::Title),
                            "link" => Some(Listed::Link),
                            "html" => Some(Listed::Html),
                            "h1" | "time" => Some(Listed::HeadingOrTime),
                            "p" => Some(Listed::Paragraph),
                            "a" => Some(Listed::Anchor),
                            _ => None,
                        },
                        is_body: name == "body",
                        ..Seen::default()
                    }
                    .with_attributes(&element.attrs)
                }
                NodeData::Text { contents } => Seen {
                    credit_text: opens_with_credit_label(contents),
                    ..Seen::default()
                },
                _ => Seen::default(),
            });
            if let Some(kind) = seen.listed {
                index.lists[kind as usize].push(node);
            }
            if seen.is_body && body.is_none() {
                body = Some(node.id);
            }
            if seen.hidden {
                index.hidden.push(node);
            }
            if seen.byline_marked {
                index.byline_marked.push(node);
            }
            if seen.credit_text {
                index.credit_texts.push(node);
            }
        }
        // Only the first `<body>`'s text counts (the one `select("body")` gave first).
        index
            .credit_texts
            .retain(|t| body.is_some_and(|b| t.ancestors_it(None).any(|a| a.id == b)));
        index
    }

    /// The page.
    pub(super) fn document(&self) -> &'a Document {
        self.doc
    }

    /// The listed elements of one kind, in page order.
    pub(super) fn all(&self, kind: Listed) -> &[NodeRef<'a>] {
        &self.lists[kind as usize]
    }

    /// What `doc.select(selector)` gives, for a selector that only matches elements of `kind`.
    pub(super) fn select(&self, kind: Listed, selector: &str) -> Selection<'a> {
        Selection::from(self.all(kind).to_vec()).filter(selector)
    }

    /// What `doc.select(selector)` gives for a list of `meta[attr='value']` selectors (`attr`
    /// being `name`, `property` or `itemprop`): their values are compared exactly, as the
    /// selector engine compares these attributes (none is among HTML's case-insensitive
    /// ones), without compiling the selector for each lookup. Other selectors go through the
    /// engine.
    pub(super) fn metas(&self, selector: &str) -> Selection<'a> {
        let Some(wanted) = meta_attribute_values(selector) else {
            return self.select(Listed::Meta, selector);
        };
        let matches = |attrs: &[Attr]| {
            attrs.iter().any(|a| {
                a.name.ns.is_empty()
                    && wanted
                        .iter()
                        .any(|(name, value)| &*a.name.local == *name && &*a.value == *value)
            })
        };
        let nodes = self
            .all(Listed::Meta)
            .iter()
            .filter(|m| {
                m.query_or(false, |n| match &n.data {
                    NodeData::Element(element) => matches(&element.attrs),
                    _ => false,
                })
            })
            .copied()
            .collect::<Vec<_>>();
        Selection::from(nodes)
    }

    /// Elements with a `hidden` attribute (`[hidden]`), in page order.
    pub(super) fn hidden(&self) -> &[NodeRef<'a>] {
        &self.hidden
    }

    /// Elements marked as a byline or author, in page order.
    pub(super) fn byline_marked(&self) -> &[NodeRef<'a>] {
        &self.byline_marked
    }

    /// Text nodes of `<body>` that open with a credit label, in page order.
    pub(super) fn credit_texts(&self) -> &[NodeRef<'a>] {
        &self.credit_texts
    }
}

/// The `(attribute, value)` pairs of a selector list `meta[attr='value'], …`, when it is
/// only that (with `attr` one of `name`, `property`, `itemprop`).
fn meta_attribute_values(selector: &str) -> Option<Vec<(&str, &str)>> {
    selector
        .split(',')
        .map(|part| {
            let inside = part.trim().strip_prefix("meta[")?.strip_suffix("']")?;
            let (name, value) = inside.split_once("='")?;
            (matches!(name, "name" | "property" | "itemprop") && !value.contains(['\'', '\\']))
                .then_some((name, value))
        })
        .collect()
}

/// What the walk learned about one node.
#[derive(Default)]
struct Seen {
    listed: Option<Listed>,
    is_body: bool,
    hidden: bool,
    byline_marked: bool,
    credit_text: bool,
}

impl Seen {
    /// Adds what an element's attributes say, read in one pass.
    fn with_attributes(mut self, attrs: &[Attr]) -> Self {
        for attr in attrs {
            self.hidden |= &*attr.name.local == "hidden" && attr.name.ns.is_empty();
            self.byline_marked |= attr_marks_byline(attr);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index's selections are the selector engine's, node for node.
    #[test]
    fn lists_select_what_the_document_selects() {
        let doc = Document::from(
            "<html lang='en'><head><title>T</title><meta name='a' content='1'>\
             <script type='application/ld+json'>{}</script><script>x()</script>\
             <link rel='canonical' href='https://x/'></head><body><h1>H</h1>\
             <p>One <time datetime='2024-01-02'>Jan 2</time></p><svg><title>Icon</title>\
             <a href='#'>svg link</a></svg><a href='/b'>B</a><div hidden>gone</div>\
             <p class='byline'>By Kim Lee</p><span>Written by Kim</span></body></html>",
        );
        let index = PageIndex::new(&doc);
        let ids = |s: &Selection| s.nodes().iter().map(|n| n.id).collect::<Vec<_>>();
        for (kind, selector) in [
            (Listed::Script, "script[type='application/ld+json']"),
            (Listed::Meta, "meta"),
            (Listed::Meta, "meta[name='a']"),
            (Listed::Title, "title"),
            (Listed::Link, "link[rel='canonical']"),
            (Listed::Html, "html[lang]"),
            (Listed::HeadingOrTime, "h1, time[datetime]"),
            (Listed::Paragraph, "p"),
            (Listed::Anchor, "a"),
        ] {
            let listed = index.select(kind, selector);
            assert!(listed.exists(), "{selector}");
            assert_eq!(ids(&listed), ids(&doc.select(selector)), "{selector}");
        }
        assert_eq!(index.all(Listed::Title).len(), 2);
        for selector in [
            "meta[name='a']",
            "meta[name='A']",
            "meta[property='a'], meta[name='a']",
            "meta[content='1']",
        ] {
            assert_eq!(
                ids(&index.metas(selector)),
                ids(&doc.select(selector)),
                "{selector}"
            );
        }
        assert!(meta_attribute_values("meta[content='1']").is_none());
        assert_eq!(
            meta_attribute_values("meta[property='og:title'], meta[name='og:title']"),
            Some(vec![("property", "og:title"), ("name", "og:title")])
        );
        assert_eq!(
            index.hidden().iter().map(|n| n.id).collect::<Vec<_>>(),
            ids(&doc.select("[hidden]"))
        );
        assert_eq!(index.byline_marked().len(), 1);
        assert_eq!(index.credit_texts().len(), 2);
    }
}

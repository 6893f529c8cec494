//! Stage 3, assemble: lays a [`Layout`] out as the canonical text and its sections.
//!
//! Owns the canonical `text` and the code-point offsets of every section and of the
//! dateline. Order: headline, standfirst, highlights (one per line), byline, date line, then
//! the body blocks, separated by blank lines. The dateline stays at the start of the first
//! paragraph in `text` (as printed) but is its own section and is left out of `body`.

use crate::layout::Layout;
use crate::model::{Dateline, Section, SectionKind};

/// The canonical text of an article and what each part of it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assembled {
    /// Canonical text.
    pub text: String,
    /// Sections over `text`, in order, in code points.
    pub sections: Vec<Section>,
    /// Body paragraphs (dateline removed) joined by blank lines.
    pub body: String,
    /// The dateline with its span.
    pub dateline: Option<Dateline>,
}

/// Builds the canonical text for `layout`.
pub fn assemble(layout: &Layout) -> Assembled {
    let mut out = Builder::default();
    if let Some(h) = &layout.headline {
        out.push(SectionKind::Headline, h, "\n\n");
    }
    if let Some(s) = &layout.standfirst {
        out.push(SectionKind::Standfirst, s, "\n\n");
    }
    for (i, h) in layout.highlights.iter().enumerate() {
        out.push(
            SectionKind::Highlight,
            h,
            if i == 0 { "\n\n" } else { "\n" },
        );
    }
    if let Some(b) = &layout.byline {
        out.push(SectionKind::Byline, &b.text, "\n\n");
    }
    if let Some(d) = &layout.date_line {
        out.push(SectionKind::Date, d, "\n\n");
    }
    let mut body = String::new();
    // The layout reads the dateline off the first paragraph, which a subheading or list
    // may precede.
    let mut dateline = layout.dateline.as_ref();
    for block in &layout.body {
        let mut text = block.text.as_str();
        // The dateline is the paragraph's first bytes; should it not be, the paragraph is
        // left whole rather than sliced wrongly.
        if block.kind == SectionKind::Paragraph
            && let Some(d) = dateline.take()
            && let Some(rest) = text.get(d.consumed..)
            && let Some(gap) = text.get(d.text.len()..d.consumed)
            && text.starts_with(d.text.as_str())
        {
            out.separate("\n\n");
            let start = out.chars;
            out.append(&d.text);
            let end = out.chars;
            out.sections.push(Section {
                kind: SectionKind::Dateline,
                start,
                end,
            });
            out.append(gap);
            out.dateline = Some(Dateline {
                place: d.place.clone(),
                region: d.region.clone(),
                agency: d.agency.clone(),
                text: d.text.clone(),
                start,
                end,
            });
            out.open = true;
            text = rest;
        }
        out.push(block.kind, text, "\n\n");
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(text);
    }
    Assembled {
        text: out.text,
        sections: out.sections,
        body,
        dateline: out.dateline,
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    chars: usize,
    sections: Vec<Section>,
    dateline: Option<Dateline>,
    /// The next push continues the current line (after a dateline) instead of separating.
    open: bool,
}

impl Builder {
    fn append(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }

    fn separate(&mut self, separator: &str) {
        if !self.text.is_empty() {
            self.append(separator);
        }
    }

    fn push(&mut self, kind: SectionKind, s: &str, separator: &str) {
        if self.open {
            self.open = false;
        } else {
            self.separate(separator);
        }
        let start = self.chars;
        self.append(s);
        self.sections.push(Section {
            kind,
            start,
            end: self.chars,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::lay_out_text;

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn sections_and_dateline_spans() {
        let layout = lay_out_text(
            "Talks stall in “Geneva” as envoys leave\n\nKyiv: Russia’s envoy left the talks early on Monday night.\n\nMore talks are due.",
        );
        let a = assemble(&layout);
        assert_eq!(
            a.text,
            "Talks stall in “Geneva” as envoys leave\n\nKyiv: Russia’s envoy left the talks early on Monday night.\n\nMore talks are due."
        );
        assert_eq!(
            a.body,
            "Russia’s envoy left the talks early on Monday night.\n\nMore talks are due."
        );
        let d = a.dateline.unwrap();
        assert_eq!(slice(&a.text, d.start, d.end), "Kyiv:");
        let kinds: Vec<_> = a.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Headline,
                SectionKind::Dateline,
                SectionKind::Paragraph,
                SectionKind::Paragraph
            ]
        );
        assert_eq!(
            slice(&a.text, a.sections[2].start, a.sections[2].end),
            "Russia’s envoy left the talks early on Monday night."
        );
    }

    /// Found by fuzzing: with a subheading before the first paragraph, the dateline read
    /// off that paragraph was cut out of the subheading (a panic when the cut fell inside a
    /// character).
    #[test]
    fn dateline_of_a_paragraph_after_a_subheading() {
        let layout = crate::layout::html::lay_out_html(
            "<html><body><article><h1>Café chain expands across the country</h1>\
             <h2>Café Lúnasa to open forty branches</h2>\
             <p>ATENÇÃO: The coffee chain said on Monday that it would open forty new \
             branches over the next two years, most of them in market towns.</p>\
             <p>The company now runs sixty cafés in three countries.</p>\
             </article></body></html>",
            None,
        );
        let a = assemble(&layout);
        let parts: Vec<_> = a
            .sections
            .iter()
            .map(|s| (s.kind, slice(&a.text, s.start, s.end)))
            .collect();
        assert_eq!(parts[1].0, SectionKind::Subheading);
        assert_eq!(parts[1].1, "Café Lúnasa to open forty branches");
        assert_eq!(parts[2].0, SectionKind::Dateline);
        assert_eq!(parts[2].1, "ATENÇÃO:");
        assert!(parts[3].1.starts_with("The coffee chain said on Monday"));
        assert!(
            a.body
                .starts_with("Café Lúnasa to open forty branches\n\nThe coffee chain")
        );
    }
}

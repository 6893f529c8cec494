//! Stage 2, layout: what a reader sees as the article.
//!
//! Input: decoded text (plain text as scraped from a page, or HTML). Output: a [`Layout`] —
//! headline, standfirst, highlights, byline, date line, dateline, body blocks, and the page
//! furniture removed with a reason. Plain text and HTML are first turned into [`Block`]s
//! (`blocks` for text, `html` for pages); one news pass (`news`) then reads the blocks the
//! same way for both. This stage never computes offsets: `assemble` lays the result out as
//! the canonical text.

mod blocks;
mod byline;
mod dateline;
mod furniture;
pub mod html;
mod html_authors;
mod html_index;
mod html_prepass;
mod html_url_date;
mod news;

pub use byline::{BylineParts, parse_byline};
pub use dateline::{DatelineParts, parse_dateline};
pub use furniture::classify_line;

use crate::model::{Removed, SectionKind};

/// A unit of page text before the news pass: a line or paragraph of plain text, or an HTML
/// block element's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's text, normalised, bullet mark removed.
    pub text: String,
    /// What kind of block it is.
    pub kind: BlockKind,
}

/// Kinds of [`Block`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BlockKind {
    /// A line or paragraph of running text.
    #[default]
    Text,
    /// A bulleted or numbered item (the mark removed).
    Bullet,
    /// A heading (HTML `h1`–`h6`, with its level).
    Heading(u8),
    /// A block quotation.
    Quote,
}

/// Metadata a page states outside its running text (HTML `<head>`, JSON-LD), or that the
/// caller supplies. The news pass prefers it to what it infers from the blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline, with where it came from.
    pub headline: Option<(String, &'static str)>,
    /// Authors, with where they came from.
    pub authors: Option<(Vec<String>, &'static str)>,
    /// Publication date (ISO 8601), with where it came from.
    pub published: Option<(String, &'static str)>,
    /// Whether `published` was stated only by a JSON-LD `WebPage` node (no article node):
    /// a CMS's record of when the page was made, which pages that are no dated story carry too.
    pub published_by_page_node: bool,
    /// The description / standfirst, with where it came from.
    pub description: Option<(String, &'static str)>,
    /// A byline printed outside the main content (HTML byline elements).
    pub byline: Option<BylineParts>,
    /// Page-level metadata that is passed through to the output.
    pub page: PageInfo,
}

/// Page-level metadata of an HTML page, each field with where it came from (`json-ld`,
/// `opengraph`, `meta`, `link`, `html`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// The site's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<(String, &'static str)>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<(String, &'static str)>,
    /// When the page was last modified (ISO 8601).
    pub modified: Option<(String, &'static str)>,
    /// The site section (`article:section`, JSON-LD `articleSection`).
    pub section: Option<(String, &'static str)>,
    /// Tags and keywords.
    pub tags: Option<(Vec<String>, &'static str)>,
    /// The lead image URL.
    pub image: Option<(String, &'static str)>,
    /// The language the page declares (`<html lang>`, `og:locale`), as a BCP 47 tag.
    pub language: Option<(String, &'static str)>,
    /// What kind of page this is, and the evidence.
    pub page_type: Option<(PageType, &'static str)>,
}

/// Kinds of web page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageType {
    /// A story, post or report.
    Article,
    /// A list of links to stories (home page, section front, tag page).
    Index,
    /// A product or shop page.
    Product,
    /// An error page ("404 Not Found").
    Error,
}

impl PageType {
    /// The name used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Index => "index",
            Self::Product => "product",
            Self::Error => "error",
        }
    }
}

/// The layout of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Headline.
    pub headline: Option<String>,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// Highlight bullets, marks and label removed.
    pub highlights: Vec<String>,
    /// The byline as printed and as parsed.
    pub byline: Option<BylineParts>,
    /// Authors (people) when they come from metadata rather than a printed byline.
    pub meta_authors: Vec<String>,
    /// The line that states the date, as printed ("Published March 3, 2024").
    pub date_line: Option<String>,
    /// Publication date (ISO 8601) and where it was found.
    pub published: Option<(String, &'static str)>,
    /// The dateline opening the first body block.
    pub dateline: Option<DatelineParts>,
    /// Body blocks in order. The first block's text still starts with the dateline, if any.
    pub body: Vec<BodyBlock>,
    /// Page furniture, in the order it was met.
    pub removed: Vec<Removed>,
    /// Page-level metadata (HTML only).
    pub page: PageInfo,
    /// The description the page gives of itself, and where it came from.
    pub description: Option<(String, &'static str)>,
    /// Where the headline came from (`text` when read from the blocks).
    pub headline_from: Option<&'static str>,
    /// Where the authors came from (`byline-text`, `json-ld`, `meta`, …).
    pub authors_from: Option<&'static str>,
    /// Image captions found in the main content (HTML only), in page order.
    pub captions: Vec<String>,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyBlock {
    /// Paragraph, subheading, list item or block quote.
    pub kind: SectionKind,
    /// The text.
    pub text: String,
}

/// Lays out plain text scraped from a page (already normalised).
pub fn lay_out_text(text: &str) -> Layout {
    news::read(blocks::split_text(text), PageMeta::default())
}

/// Lays out blocks that an HTML reader produced, with the page's metadata.
pub fn lay_out_blocks(blocks: Vec<Block>, meta: PageMeta) -> Layout {
    news::read(blocks, meta)
}

//! The output model: everything [`crate::Extractor::extract`] returns.
//!
//! This module is the JSON contract documented in `docs/schema.md`. Field names and meanings
//! here are relied on by external tools; add fields, never rename or repurpose one.
//! Every span is `[start, end)` in Unicode code points into [`Article::text`].

use serde::{Deserialize, Serialize};

/// Version of the JSON contract; bumped only on an incompatible change.
pub const SCHEMA_VERSION: &str = "1";

/// One extracted article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Version of this contract (`"1"`).
    pub schema_version: String,
    /// Where the input came from and what it was.
    pub source: Source,
    /// Detected language of the body as an ISO 639-1 code (`"en"`), or ISO 639-3 where the
    /// language has no two-letter code; `null` when the text is too short or ambiguous.
    pub language: Option<String>,
    /// The story's headline.
    pub headline: Option<String>,
    /// Highlight / key-point bullets, without bullet marks or their label.
    pub highlights: Vec<String>,
    /// The standfirst (summary line under the headline), when the article has one.
    pub standfirst: Option<String>,
    /// People credited in the byline, without "By"; agencies and roles are in [`Article::byline`].
    pub authors: Vec<String>,
    /// The byline as printed, with the agencies and roles it names.
    pub byline: Option<Byline>,
    /// Publication date as the article states it: ISO 8601 date or date-time.
    pub published: Option<String>,
    /// Where the article says its publication date is (`"text"`, `"input"`, …).
    pub published_from: Option<String>,
    /// The wire-style dateline that opens the body (`KYIV, Ukraine (AP) —`).
    pub dateline: Option<Dateline>,
    /// Clean main text: body paragraphs separated by `"\n\n"`, dateline removed.
    pub body: String,
    /// Canonical text. All spans in this article are code-point offsets into it.
    pub text: String,
    /// The parts of [`Article::text`], in order.
    pub sections: Vec<Section>,
    /// Page furniture that was taken out, with the reason.
    pub removed: Vec<Removed>,
    /// Sentence spans over [`Article::text`]; a sentence never crosses a section.
    pub sentences: Vec<Span>,
    /// Token spans over [`Article::text`]; present only when [`crate::Config::tokens`] is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<Token>>,
}

/// Where the input came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Caller's identifier for the input (a JSONL line's `id`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// File path the input was read from, when it came from a file.
    pub path: Option<String>,
    /// Outlet name, when the caller gave one (a JSONL line's `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// URL of the page, when known.
    pub url: Option<String>,
    /// How the input was read: `text/plain`, `text/html`, or `text/plain; verbatim`.
    pub media_type: String,
    /// Character encoding the bytes were decoded from (WHATWG name, e.g. `UTF-8`).
    pub encoding: String,
    /// How the encoding was chosen: `bom`, `declared`, `meta`, `utf-8`, `detected`.
    pub encoding_from: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
}

/// A byline: the credit line naming who wrote the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Byline {
    /// The byline as printed (`By Ana Silva and Tom Baker, Reuters`).
    pub text: String,
    /// News agencies credited (`Reuters`, `Associated Press`).
    pub agencies: Vec<String>,
    /// Roles credited instead of or beside people (`Staff Writer`).
    pub roles: Vec<String>,
}

/// A wire-style dateline opening the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, title-cased when printed in capitals (`KYIV` → `Kyiv`).
    pub place: String,
    /// Region or country after the place (`Ukraine` in `KYIV, Ukraine`).
    pub region: Option<String>,
    /// Agency in the dateline (`AP` in `KYIV (AP) —`).
    pub agency: Option<String>,
    /// The dateline exactly as printed, separator included.
    pub text: String,
    /// Start of the dateline in [`Article::text`].
    pub start: usize,
    /// End of the dateline in [`Article::text`].
    pub end: usize,
}

/// A part of the canonical text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What this part is.
    pub kind: SectionKind,
    /// Start offset (code points) in [`Article::text`].
    pub start: usize,
    /// End offset (code points, exclusive) in [`Article::text`].
    pub end: usize,
}

/// Kinds of [`Section`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The headline.
    Headline,
    /// The standfirst under the headline.
    Standfirst,
    /// One highlight bullet.
    Highlight,
    /// The byline.
    Byline,
    /// A line stating the publication or update date.
    Date,
    /// The dateline at the start of the first paragraph.
    Dateline,
    /// A body paragraph (after its dateline, if any).
    Paragraph,
    /// A subheading inside the body.
    Subheading,
    /// A list item inside the body.
    ListItem,
    /// A block quotation inside the body.
    Blockquote,
}

impl SectionKind {
    /// Whether sections of this kind belong to [`Article::body`].
    pub fn is_body(self) -> bool {
        matches!(
            self,
            Self::Paragraph | Self::Subheading | Self::ListItem | Self::Blockquote
        )
    }
}

/// A piece of page furniture that was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// Why a piece of text was judged not to be part of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// A "Related Articles" / "More from" / "Most read" heading.
    RelatedHeading,
    /// A headline listed under a related-stories heading.
    RelatedHeadline,
    /// "Read more: …", "Also read", "See also".
    ReadMore,
    /// "Back to top".
    BackToTop,
    /// Share buttons and social links.
    Share,
    /// Subscribe / newsletter / sign-up prompts.
    Subscribe,
    /// Cookie and consent banners.
    Cookie,
    /// Advertisement markers.
    Advertisement,
    /// Photo and image credits.
    PhotoCredit,
    /// Site navigation, menus, sign-in.
    Navigation,
    /// Comment prompts and counts.
    Comments,
    /// Copyright and footer lines.
    Copyright,
    /// Production credits ("Reporting by …; Editing by …") and editorial-standards lines.
    Credits,
    /// Author biography at the end of the story.
    AuthorBio,
    /// Disclaimers ("The views expressed are the author's own").
    Disclaimer,
    /// Section labels and kickers above the headline ("Opinion", "FOR IMMEDIATE RELEASE").
    Label,
    /// The "Story Highlights" / "Key points" label.
    HighlightsLabel,
    /// End-of-release marks ("###", "-30-") and what follows them.
    EndMark,
    /// Press-release contact blocks.
    Contact,
    /// "About the company" boilerplate closing a press release.
    Boilerplate,
    /// Live-blog controls ("Load more", "Refresh").
    Controls,
    /// Tag and topic lists.
    Tags,
}

/// A `[start, end)` span in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// A token span with its coarse kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// Coarse class of the token.
    pub kind: TokenKind,
}

/// Coarse token classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens or dots).
    Word,
    /// Digits, possibly with separators and decimals.
    Number,
    /// Punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

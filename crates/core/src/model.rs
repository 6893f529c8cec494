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
    /// What the page says about itself (HTML metadata), with where each value came from;
    /// flattened into the top level of the JSON.
    #[serde(flatten)]
    pub page: PageMetadata,
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
    /// Named entities (people, organisations, places, other names), most salient first.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Who said what: direct quotes, reported speech and attributions, in text order.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Figures claimed in the text: value, bound, unit, what is counted and what happened
    /// to it.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// Temporal expressions, TIMEX3-style, resolved against the publication date.
    #[serde(default)]
    pub times: Vec<Time>,
    /// Internal inconsistencies: figures in the headline or highlights that the body states
    /// differently.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

/// Page-level metadata: what a web page states about itself outside its running text.
/// Plain-text inputs state none of it, so every field is `null` or empty for them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageMetadata {
    /// When the page says it was last modified: ISO 8601 date or date-time.
    pub modified: Option<String>,
    /// The summary the page gives of itself (`<meta name=description>`, `og:description`).
    pub description: Option<String>,
    /// The outlet's name as the page states it (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`), as stated; never fetched.
    pub canonical_url: Option<String>,
    /// The site section (`article:section`, JSON-LD `articleSection`).
    pub section: Option<String>,
    /// Tags and keywords the page lists.
    #[serde(default)]
    pub tags: Vec<String>,
    /// URL of the lead image.
    pub image: Option<String>,
    /// The language the page declares (`<html lang>`, `og:locale`), a BCP 47 tag; the
    /// detected body language is [`Article::language`].
    pub declared_language: Option<String>,
    /// What kind of page this is: `article`, `index`, `product` or `error`; `null` for
    /// plain text, which is taken to be an article.
    pub page_type: Option<String>,
    /// Image captions of the main content, in page order; never part of `body`.
    #[serde(default)]
    pub captions: Vec<String>,
    /// Where each metadata value came from, by field name (`headline`, `authors`,
    /// `published`, `modified`, `description`, `site_name`, `canonical_url`, `section`,
    /// `tags`, `image`, `declared_language`, `page_type`): `json-ld`, `opengraph`, `meta`,
    /// `microdata`, `link`, `html`, `title`, `time-element`, `page-text`, `byline-text`,
    /// `text`, `page-shape`, … Only fields with a value are listed.
    #[serde(default)]
    pub metadata_from: std::collections::BTreeMap<String, String>,
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

/// A temporal expression (TIMEX3-style), resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Time {
    /// The expression as printed.
    pub text: String,
    /// Start offset (code points) in [`Article::text`].
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2022-03-21`, `2022-W12`, `P3D`, `PRESENT_REF`, `XXXX-XX-XX` when it
    /// cannot be resolved.
    pub value: String,
    /// TIMEX3 `mod` (`START`, `END`, `APPROX`, …).
    #[serde(rename = "mod")]
    pub modifier: Option<TimexMod>,
    /// For an ordinal day of an ongoing event ("the 27th day"): what it counts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<TimeAnchor>,
}

/// What an ordinal day counts from: the event's words and the date of day one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeAnchor {
    /// The event as printed ("Russia’s ferocity", "the war"), when the sentence names it.
    pub text: Option<String>,
    /// Start offset (code points) of `text`.
    pub start: Option<usize>,
    /// End offset (code points, exclusive) of `text`.
    pub end: Option<usize>,
    /// Date of day one, when derivable.
    pub value: Option<String>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    /// A calendar date or period (`2022-03-21`, `2022-W12`, `PRESENT_REF`).
    Date,
    /// A time of day (`2022-03-21T20:00`, `2022-03-21TNI`).
    Time,
    /// A length of time (`P3D`).
    Duration,
    /// A recurrence (`P1D` for "daily", `XXXX-WXX-1` for "every Monday").
    Set,
}

/// TIMEX3 `mod` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "before 2020".
    Before,
    /// "after 2020".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
    /// "less than a year", "nearly two weeks".
    LessThan,
    /// "more than a year".
    MoreThan,
    /// "no more than", "up to".
    EqualOrLess,
    /// "at least".
    EqualOrMore,
    /// "early", "the beginning of".
    Start,
    /// "mid-", "the middle of".
    Mid,
    /// "late", "the end of".
    End,
    /// "about", "around".
    Approx,
}

/// A named entity: every mention of one referent in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Identifier within this article (`e1`, `e2`, … in salience order).
    pub id: String,
    /// What kind of name it is.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Canonical name: the fullest form the article uses, titles and possessives removed.
    pub name: String,
    /// Other forms the article uses (surname alone, spelling variants, acronym).
    pub aliases: Vec<String>,
    /// A title or role printed with a person's name (`President`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a nationality or other demonym (`Ukrainian`), the place it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Where it is mentioned, in text order.
    pub mentions: Vec<Mention>,
    /// How central it is to the article, in [0, 1] (headline, mention count, first position).
    pub salience: f64,
}

/// Kinds of [`Entity`] (the CoNLL-2003 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// People.
    #[serde(rename = "PER")]
    Person,
    /// Organisations.
    #[serde(rename = "ORG")]
    Organisation,
    /// Places.
    #[serde(rename = "LOC")]
    Location,
    /// Other names: nationalities, events, works, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The label as serialised (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "PER",
            Self::Organisation => "ORG",
            Self::Location => "LOC",
            Self::Misc => "MISC",
        }
    }
}

/// One mention of an [`Entity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

/// A figure claimed in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The figure as printed, with its bound words and unit ("nearly 651", "$40 billion",
    /// "60km", "at least 2,300").
    pub text: String,
    /// Start offset (code points) in [`Article::text`].
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The value (the lower end of a range).
    pub value: f64,
    /// The upper end of a range, else `null`.
    pub value_max: Option<f64>,
    /// How the value bounds the true figure.
    pub bound: QuantityBound,
    /// `up` or `down` when the figure is a change ("rose by 5%"), else `null`.
    pub change: Option<QuantityChange>,
    /// Unit: ISO 4217 currency code (`USD`), `%`, `pp` (percentage points), or a unit symbol
    /// (`km`, `t`, `day`); `null` for counts.
    pub unit: Option<String>,
    /// What is counted ("residential buildings", "houses", "people" when implied by "have
    /// died").
    pub object: Option<String>,
    /// What kind of figure it is.
    pub category: QuantityCategory,
    /// The predicate word: what happened to what is counted ("destroyed", "died").
    pub event: Option<String>,
    /// The place the figure is tied to in its sentence: a location entity's id.
    #[serde(default)]
    pub place: Option<String>,
    /// Who claims the figure: the speaker entity's id when the figure lies inside a quote or
    /// attribution.
    #[serde(default)]
    pub source: Option<String>,
    /// The figure is a running total ("so far", "in total", "since the war began").
    pub cumulative: bool,
    /// The figure is an ordinal ("27th").
    pub ordinal: bool,
}

/// How a figure bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityBound {
    /// As stated.
    Exact,
    /// "nearly", "about", "some", "around", "an estimated".
    Approx,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "up to", "at most", "as many as".
    AtMost,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "2,000-3,000", "between 2,000 and 3,000": `value` to `value_max`.
    Range,
}

/// Direction of a figure that is a change rather than a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityChange {
    /// "rose by 5%", "added 200 jobs".
    Up,
    /// "a drop of 300", "cut 1,200 jobs".
    Down,
}

/// What kind of figure a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityCategory {
    /// People killed, injured or missing (`event` says which).
    Casualties,
    /// People displaced, evacuated, fled.
    Displacement,
    /// Buildings or things destroyed or damaged.
    Damage,
    /// People arrested or detained.
    Arrests,
    /// An amount of money (`unit` is the currency).
    Money,
    /// A length or distance.
    Distance,
    /// A length of time.
    Duration,
    /// A percentage or percentage points.
    Percentage,
    /// Anything else.
    Other,
}

/// An internal inconsistency in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of inconsistency.
    pub kind: WarningKind,
    /// One sentence saying what differs.
    pub message: String,
    /// The spans that disagree: the headline or highlight figure first, then the body's.
    pub spans: Vec<Span>,
}

/// Kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The same value counts different things in the headline/highlights and the body.
    FigureObject,
    /// The same figure carries a different bound ("651" vs "nearly 651").
    FigureBound,
    /// The same thing is counted with different values.
    FigureValue,
    /// Informational: one person's name is spelt several ways in the article (the spans are
    /// the first mention of each spelling).
    NameVariants,
}

/// A quotation, reported statement or attribution: who said what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What kind of attribution it is.
    pub kind: QuoteKind,
    /// The quoted or reported content without quotation marks (pieces joined by a space
    /// when a cue interrupts it).
    pub text: String,
    /// Start offset (code points) of the content in [`Article::text`].
    pub start: usize,
    /// End offset (code points, exclusive) of the content.
    pub end: usize,
    /// The content's pieces when a cue interrupts it ("“A,” he said, “B.”"); absent when the
    /// content is the one span `start..end`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
    /// The words that mark the attribution ("said", "according to", "was heard saying").
    pub cue: Option<QuoteCue>,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
}

/// Kinds of [`Quote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// Reported speech: a speech or claim verb with its clause.
    Indirect,
    /// "according to X".
    AccordingTo,
    /// Reported speech holding a quoted phrase.
    Mixed,
}

/// The cue of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteCue {
    /// The cue as printed.
    pub text: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// The speaker of a [`Quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker as printed where the quote names it ("President Zelensky", "He", "a
    /// Kremlin spokesperson"); for a continued turn, the phrase that opened the turn.
    pub text: String,
    /// Start offset (code points) of `text`.
    pub start: usize,
    /// End offset (code points, exclusive) of `text`.
    pub end: usize,
    /// The [`Entity::id`] the speaker is, or (for a role description) belongs to.
    pub entity: Option<String>,
    /// That entity's canonical name.
    pub name: Option<String>,
    /// How the speaker was resolved; `null` when the phrase names no entity and no role.
    pub resolved_by: Option<SpeakerResolution>,
}

/// How a [`Speaker`] was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerResolution {
    /// The phrase is a name.
    Name,
    /// A role description ("a Kremlin spokesperson", "officials"), linked to the
    /// organisation or place it names, if any.
    Role,
    /// A pronoun, resolved to the previous speaker or the most recent agreeing entity.
    Pronoun,
    /// A quote with no cue continuing the previous speaker's turn.
    Continuation,
}

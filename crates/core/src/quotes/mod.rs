//! Stage: quotes — who said what. Direct quotations, reported speech and "according to"
//! attributions, each with its cue and its speaker resolved to an entity where the text
//! allows.
//!
//! Input ([`QuoteInput`]): the text, its sections, sentences and tokens (code points, from
//! [`crate::segment`]) and the named entities as [`SpeakerCandidate`]s (kind, canonical name,
//! mention spans — not the entities stage's internals). Output: [`QuoteMention`]s with
//! code-point spans; `entity` indexes the candidates. Rules, not a model:
//! - `direct.rs` pairs quotation marks over paragraphs and finds each quote's cue before,
//!   inside or after it;
//! - `reported.rs` reads reported speech around each cue verb of `lexicon.rs`, and
//!   "according to X";
//! - `headline.rs` reads a headline "Name: content" as that name's attribution;
//! - `coordination.rs` ends reported content before a coordinated cue ("… and said …");
//! - a direct quote that lies inside a mixed attribution's content is part of it, not an
//!   attribution of its own (`drop_quotes_inside_mixed`);
//! - `speaker.rs` resolves speaker phrases: names, role descriptions, pronouns and
//!   continued turns.

mod clause;
mod coordination;
mod direct;
mod headline;
pub mod lexicon;
mod reported;
mod speaker;
#[cfg(test)]
mod tests;
mod view;

use crate::model::{EntityKind, QuoteKind, Section, Span, SpeakerResolution, Token};

/// What the quotes stage reads.
#[derive(Debug, Clone, Copy)]
pub struct QuoteInput<'a> {
    /// The canonical text.
    pub text: &'a str,
    /// Its sections (paragraphs bound direct quotes; a quote may run over several).
    pub sections: &'a [Section],
    /// Sentence spans, in order.
    pub sentences: &'a [Span],
    /// Token spans, in order, each inside a sentence.
    pub tokens: &'a [Token],
    /// Named entities that may speak or be linked to a role description.
    pub entities: &'a [SpeakerCandidate],
}

/// A named entity as the quotes stage sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerCandidate {
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name (its first word may give a person's gender).
    pub name: String,
    /// Its mentions, in text order.
    pub mentions: Vec<Span>,
    /// The role or title the entities stage stripped from its mentions ("Minister" of
    /// "Environment Minister Aroha Whitcombe"), so that "the minister" can name it.
    pub role: Option<String>,
}

/// One quotation or attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMention {
    /// What kind of attribution it is.
    pub kind: QuoteKind,
    /// The content, without quotation marks: one span, or several when a cue interrupts it.
    pub spans: Vec<Span>,
    /// The cue ("said", "according to", "was heard saying").
    pub cue: Option<Span>,
    /// Who is quoted.
    pub speaker: Option<FoundSpeaker>,
}

/// The speaker of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundSpeaker {
    /// The speaker phrase as printed (for a continued turn, the phrase of the turn's start).
    pub span: Span,
    /// Index of the [`SpeakerCandidate`] the phrase refers to.
    pub entity: Option<usize>,
    /// How it was resolved; `None` when the phrase names no entity and is no role.
    pub resolved_by: Option<SpeakerResolution>,
}

impl QuoteMention {
    /// The content's outer span.
    pub fn extent(&self) -> Span {
        let start = self.spans.first().map_or(0, |s| s.start);
        let end = self.spans.last().map_or(0, |s| s.end);
        Span { start, end }
    }
}

/// A quote before its speaker is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Draft {
    kind: QuoteKind,
    spans: Vec<Span>,
    cue: Option<Span>,
    /// The speaker phrase, when the cue has one.
    region: Option<Span>,
    /// For a participle cue with no subject of its own (", saying …"), the sentence whose
    /// subject speaks.
    subject_of: Option<usize>,
}

impl Draft {
    fn extent(&self) -> Span {
        Span {
            start: self.spans.first().map_or(0, |s| s.start),
            end: self.spans.last().map_or(0, |s| s.end),
        }
    }
}

/// Finds the quotes and attributions of a text, in text order.
pub fn find_quotes(input: &QuoteInput<'_>) -> Vec<QuoteMention> {
    let doc = view::Doc::new(input);
    let (mut drafts, phrases) = direct::find(&doc);
    let taken: Vec<Span> = drafts
        .iter()
        .flat_map(|q| q.spans.iter().copied())
        .collect();
    let used_cues: Vec<Span> = drafts.iter().filter_map(|q| q.cue).collect();
    drafts.extend(reported::find(&doc, &taken, &used_cues, &phrases));
    drafts.extend(headline::find(&doc, input.sections, &taken));
    drafts.sort_by_key(|q| (q.extent().start, q.extent().end));
    drop_quotes_inside_mixed(&mut drafts);
    coordination::cut_at_coordinated_cues(&doc, &mut drafts);
    speaker::resolve_all(&doc, drafts)
}

/// Drops the direct quotes that lie inside the content of a mixed attribution and whose own
/// cue (if any) is outside it: in "Ade says she is “deeply worried about turnout”" the quoted
/// words are part of what "says" reports, and the direct-quote reader's cue for them is
/// another sentence's or none. Listing them again would report one statement twice. A quote
/// whose cue lies inside the mixed content ("said the crews had done well, adding: “…”") is
/// an attribution of its own and stays. `drafts` is sorted by extent start.
fn drop_quotes_inside_mixed(drafts: &mut Vec<Draft>) {
    let mixed: Vec<Span> = drafts
        .iter()
        .filter(|d| d.kind == QuoteKind::Mixed)
        .map(Draft::extent)
        .collect();
    if mixed.is_empty() {
        return;
    }
    drafts.retain(|d| {
        if d.kind != QuoteKind::Direct {
            return true;
        }
        let e = d.extent();
        let i = mixed.partition_point(|m| m.start <= e.start);
        // Mixed contents rarely overlap: the few that start last before the quote suffice.
        !mixed[..i].iter().rev().take(4).any(|m| {
            e.end <= m.end && !d.cue.is_some_and(|c| m.start <= c.start && c.start < m.end)
        })
    });
}

//! Speaker resolution, in text order:
//! - a phrase whose head is a named entity's mention → that entity (`name`);
//! - a phrase headed by a role noun ("a Kremlin spokesperson", "officials") → kept as a
//!   description, linked to the entity named inside it (`role`), or to the organisation its
//!   modifier names ("a ministry official");
//! - a definite description that names nobody → the entity it refers back to ("the
//!   minister", "the 71-year-old", "the company": `definite_referent`, `role`);
//! - a pronoun → the previous quote's speaker when it is near (this or the two paragraphs
//!   before) and agrees in gender and number, else the most recent agreeing entity mentioned
//!   before it (`pronoun`). Gender comes from given names and titles, then from the "he"/"she"
//!   that follow the entity's own mentions;
//! - a direct quote with no cue → the previous quote's speaker when it is near
//!   (`continuation`).

use super::clause::subject_after;
use super::lexicon::{
    Pronoun, company_noun, given_name_gender, is_institution_word, is_plural_or_body, is_role_noun,
    pronoun,
};
use super::view::{Doc, Word};
use super::{Draft, FoundSpeaker, QuoteMention};
use crate::model::{EntityKind, QuoteKind, Span, SpeakerResolution};

/// How many paragraphs back a previous speaker still holds the turn.
const TURN_REACH: usize = 2;

/// How many mentions back a pronoun looks for its referent.
const MENTION_REACH: usize = 60;

/// How many words an appositive description beside a name may run to.
const APPOSITION_WORDS: usize = 5;

/// Resolves every draft's speaker.
pub(super) fn resolve_all(doc: &Doc<'_>, drafts: Vec<Draft>) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::with_capacity(drafts.len());
    // The last speaker: the speaker, where its quote ended, and whether it is a group.
    let mut last: Option<(FoundSpeaker, usize, bool)> = None;
    for d in drafts {
        let section = doc.section_of(d.extent().start);
        let near = |l: &Option<(FoundSpeaker, usize, bool)>| {
            l.filter(|(_, at, _)| doc.section_of(*at) + TURN_REACH >= section)
        };
        let region = d
            .region
            .or_else(|| d.subject_of.and_then(|s| sentence_subject(doc, s, d.cue)));
        let mut speaker = region.map(|r| resolve_phrase(doc, r, near(&last)));
        if speaker.is_none()
            && d.kind == QuoteKind::Direct
            && d.cue.is_none()
            && let Some((prev, _, _)) = near(&last)
        {
            speaker = Some((
                FoundSpeaker {
                    resolved_by: Some(SpeakerResolution::Continuation),
                    ..prev
                },
                false,
            ));
        }
        if let Some((s, group)) = speaker
            && (s.entity.is_some() || s.resolved_by.is_some())
        {
            last = Some((s, d.extent().end, group));
        }
        out.push(QuoteMention {
            kind: d.kind,
            spans: d.spans,
            cue: d.cue,
            speaker: speaker.map(|(s, _)| s),
        });
    }
    out
}

/// The subject of a sentence whose cue is a participle: its first name or pronoun before
/// the cue.
fn sentence_subject(doc: &Doc<'_>, si: usize, cue: Option<Span>) -> Option<Span> {
    let sent = doc.sentences.get(si)?;
    let limit = cue.map_or(sent.span.end, |c| c.start);
    let mention = doc
        .mentions_in(sent.span.start, limit)
        .find(|(_, e)| {
            matches!(
                doc.entities[*e].kind,
                EntityKind::Person | EntityKind::Organisation
            )
        })
        .map(|(m, _)| m);
    let pron = doc
        .words
        .get(sent.words.clone())
        .unwrap_or(&[])
        .iter()
        .take_while(|w| w.start < limit)
        .find(|w| matches!(pronoun(&w.lower), Some(p) if p != Pronoun::Local))
        .map(|w| Span {
            start: w.start,
            end: w.end,
        });
    match (mention, pron) {
        (Some(m), Some(p)) => Some(if m.start < p.start { m } else { p }),
        (None, None) => {
            // No name or pronoun: the noun phrase opening the sentence ("The operators have
            // opened …, and say …").
            let r = subject_after(doc, sent.words.start, sent.words.end)?;
            (r.end <= limit).then_some(r)
        }
        (m, p) => m.or(p),
    }
}

/// Resolves one speaker phrase; the flag says whether it is a group ("officials", an
/// organisation).
fn resolve_phrase(
    doc: &Doc<'_>,
    region: Span,
    last: Option<(FoundSpeaker, usize, bool)>,
) -> (FoundSpeaker, bool) {
    let a = doc.word_at_or_after(region.start);
    let b = doc.word_at_or_after(region.end);
    let words = doc.words.get(a..b).unwrap_or(&[]);
    // The head: the last word before a post-modifier ("of", "at", a comma, a relative).
    let head_idx = words
        .iter()
        .position(|w| {
            matches!(
                w.lower.as_str(),
                "of" | "at"
                    | "from"
                    | "in"
                    | "for"
                    | "with"
                    | ","
                    | "who"
                    | "which"
                    | "on"
                    | "’s"
                    | "'s"
            )
        })
        .filter(|&p| p > 0)
        .map_or(words.len().saturating_sub(1), |p| p - 1);
    let head = words.get(head_idx);
    let mentions: Vec<(Span, usize)> = doc.mentions_in(region.start, region.end).collect();
    // A role is linked to the entities of its own phrase, not of a relative clause or
    // appositive after it ("The company, which has 36 cafés in Ireland").
    let own_end = words
        .iter()
        .find(|w| matches!(w.lower.as_str(), "," | "who" | "which" | "whose"))
        .map_or(region.end, |w| w.start);
    let unresolved = FoundSpeaker {
        span: region,
        entity: None,
        resolved_by: None,
    };
    let Some(head) = head else {
        return (unresolved, false);
    };
    // A lone pronoun.
    if words.iter().filter(|w| !w.punct).count() == 1
        && let Some(p) = pronoun(&head.lower)
    {
        return (
            resolve_pronoun(doc, region, p, last),
            p == Pronoun::They || p == Pronoun::It,
        );
    }
    let head_mention = mentions
        .iter()
        .find(|(m, _)| m.start <= head.start && head.end <= m.end)
        .map(|&(_, e)| e);
    // A role word inside a person's or organisation's name ("General Staff of …") is the name.
    let role = is_role_noun(&head.lower)
        && !head_mention.is_some_and(|e| {
            matches!(
                doc.entities[e].kind,
                EntityKind::Person | EntityKind::Organisation
            )
        });
    if role {
        // Linked to the entity named inside the description, organisations first.
        let linked = head_mention.or_else(|| {
            let rank = |k: EntityKind| match k {
                EntityKind::Organisation => 0,
                EntityKind::Misc => 1,
                EntityKind::Location => 2,
                EntityKind::Person => 3,
            };
            mentions
                .iter()
                .filter(|(m, _)| m.end <= own_end)
                .min_by_key(|(m, e)| (rank(doc.entities[*e].kind), m.start))
                .map(|&(_, e)| e)
        });
        // "the department" after "the Transport Department": the organisation it names.
        let linked = linked.or_else(|| {
            (words.first().is_some_and(|w| w.lower == "the")).then_some(())?;
            organisation_ending_in(doc, &head.lower, region.start)
        });
        // "a ministry official" after "the Civil Protection Ministry": the noun before the
        // role names the organisation.
        let linked = linked.or_else(|| {
            words[..head_idx]
                .iter()
                .rev()
                .filter(|w| !w.punct && !w.capital)
                .find_map(|w| organisation_ending_in(doc, &w.lower, region.start))
        });
        // "the minister" after "Environment Minister Aroha Whitcombe", "the company" after
        // "Harbourline Energy": a definite description naming nobody refers back.
        let linked = linked.or_else(|| {
            mentions
                .is_empty()
                .then(|| definite_referent(doc, words, &head.lower, region.start))?
        });
        return (
            FoundSpeaker {
                span: region,
                entity: linked,
                resolved_by: Some(SpeakerResolution::Role),
            },
            is_plural_or_body(&head.lower),
        );
    }
    // "the authority" after "the Glenford Transit Authority": a definite description that
    // repeats the last word of an organisation named earlier is that organisation, whether or
    // not the noun is a role word.
    if head_mention.is_none()
        && words.iter().filter(|w| !w.punct).count() == 2
        && words.first().is_some_and(|w| w.lower == "the")
        && let Some(e) = organisation_ending_in(doc, &head.lower, region.start)
            .or_else(|| definite_referent(doc, words, &head.lower, region.start))
    {
        return (
            FoundSpeaker {
                span: region,
                entity: Some(e),
                resolved_by: Some(SpeakerResolution::Role),
            },
            true,
        );
    }
    if let Some(e) = head_mention {
        let group = doc.entities[e].kind != EntityKind::Person;
        return (
            FoundSpeaker {
                span: region,
                entity: Some(e),
                resolved_by: Some(SpeakerResolution::Name),
            },
            group,
        );
    }
    (unresolved, false)
}

/// Resolves a pronoun at `span`.
fn resolve_pronoun(
    doc: &Doc<'_>,
    span: Span,
    p: Pronoun,
    last: Option<(FoundSpeaker, usize, bool)>,
) -> FoundSpeaker {
    let resolved = |entity: Option<usize>| FoundSpeaker {
        span,
        entity,
        resolved_by: Some(SpeakerResolution::Pronoun),
    };
    let unresolved = FoundSpeaker {
        span,
        entity: None,
        resolved_by: None,
    };
    if p == Pronoun::Local {
        return unresolved;
    }
    // 1. The previous speaker holds the turn when it agrees.
    if let Some((prev, _, group)) = last {
        // A role description agrees by its number ("a spokesperson" is one person, whatever
        // the organisation it is linked to); a name by its entity.
        let agrees = match prev.entity {
            Some(e) if prev.resolved_by != Some(SpeakerResolution::Role) => agrees(doc, e, p),
            _ => matches!(p, Pronoun::They | Pronoun::It) == group,
        };
        if agrees {
            return resolved(prev.entity);
        }
    }
    // 2. The most recent agreeing entity mentioned before the pronoun.
    let before = doc.mentions.partition_point(|(m, _)| m.start < span.start);
    // Bounded look-back: a referent is mentioned recently or not at all.
    doc.mentions[..before]
        .iter()
        .rev()
        .take(MENTION_REACH)
        .find(|(_, e)| agrees(doc, *e, p))
        .map_or(unresolved, |&(_, e)| resolved(Some(e)))
}

/// The organisation, first named before `before`, whose name ends in `noun` ("department"
/// for "the Transport Department").
fn organisation_ending_in(doc: &Doc<'_>, noun: &str, before: usize) -> Option<usize> {
    // The tagger sometimes calls a ministry or an agency MISC; its name still says what
    // it is.
    let institution = is_institution_word(noun);
    doc.entities.iter().position(|e| {
        (e.kind == EntityKind::Organisation || institution && e.kind == EntityKind::Misc)
            && e.name
                .split_whitespace()
                .last()
                .is_some_and(|l| l.eq_ignore_ascii_case(noun))
            && e.mentions.first().is_some_and(|m| m.start < before)
    })
}

/// The entity a definite description with no name in it refers back to, among the
/// mentions before `before`:
/// - a person's role ("the minister", "the mayor"): the person last named with that title
///   or beside that description ("the town's mayor, Keith Obuya");
/// - an age ("the 71-year-old"): the person last named;
/// - a company noun ("the company", "the airline"): the organisation last named in this
///   paragraph or the two before it that is not an institution ("Tasman University", "the
///   Ellery Courier"); for "the group" or "the organisation", any organisation.
fn definite_referent(
    doc: &Doc<'_>,
    words: &[Word<'_>],
    head: &str,
    before: usize,
) -> Option<usize> {
    let content_words = words.iter().filter(|w| !w.punct).count();
    if words.first().is_none_or(|w| w.lower != "the") || content_words > 3 {
        return None;
    }
    let upto = doc.mentions.partition_point(|(m, _)| m.start < before);
    let mut prior = doc.mentions[..upto].iter().rev().take(MENTION_REACH);
    let found = if let Some(any_kind) = company_noun(head) {
        // Only "the company" itself (not "the production company", "the control group"),
        // and an organisation named in this paragraph, or named more than once and last in
        // one of the two paragraphs before: further back, or named once in passing, it is
        // often a product or outlet the tagger took for an organisation.
        if content_words != 2 {
            return None;
        }
        let here = doc.section_of(before);
        let from = here.saturating_sub(TURN_REACH);
        prior
            .take_while(|(m, _)| doc.section_of(m.start) >= from)
            .find(|(m, e)| {
                let ent = &doc.entities[*e];
                ent.kind == EntityKind::Organisation
                    && (ent.mentions.len() > 1 || doc.section_of(m.start) == here)
                    && (any_kind
                        || !ent
                            .name
                            .split_whitespace()
                            .last()
                            .is_some_and(|l| is_institution_word(&l.to_lowercase())))
            })
    } else if is_age(head) {
        // "the 71-year-old": the person last named.
        prior.find(|(_, e)| doc.entities[*e].kind == EntityKind::Person)
    } else if !is_plural_or_body(head) {
        prior.find(|(m, e)| {
            let ent = &doc.entities[*e];
            ent.kind == EntityKind::Person
                && (ent
                    .role
                    .as_deref()
                    .and_then(|r| r.split_whitespace().last())
                    .is_some_and(|r| r.eq_ignore_ascii_case(head))
                    || described_as(doc, *m, head))
        })
    } else {
        None
    };
    found.map(|&(_, e)| e)
}

/// "71-year-old", "45-year-old".
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A name set beside a description headed by `noun` in its sentence: "The town's mayor,
/// Keith Obuya" or "Lena Okafor, a marine biologist at …" (not "the regulator's director,
/// Lynn Carrow" for "the regulator").
fn described_as(doc: &Doc<'_>, mention: Span, noun: &str) -> bool {
    let i = doc.word_at_or_after(mention.start);
    let j = doc.word_at_or_after(mention.end);
    let Some(sentence) = doc.words.get(i).map(|w| w.sentence) else {
        return false;
    };
    let comma = |k: usize| {
        doc.words
            .get(k)
            .is_some_and(|w| w.lower == "," && w.sentence == sentence)
    };
    // The description's head is the word right before the comma …
    let before = i >= 2 && comma(i - 1) && doc.words[i - 2].lower == noun;
    // … or the last word of the description after it, before a post-modifier.
    let after = comma(j) && {
        let head = doc
            .words
            .get(j + 1..)
            .unwrap_or(&[])
            .iter()
            .take(APPOSITION_WORDS)
            .take_while(|w| {
                w.sentence == sentence
                    && !w.punct
                    && !matches!(
                        w.lower.as_str(),
                        "at" | "of"
                            | "for"
                            | "in"
                            | "from"
                            | "with"
                            | "who"
                            | "which"
                            | "whose"
                            | "and"
                    )
            })
            .last();
        head.is_some_and(|w| w.lower == noun)
    };
    before || after
}

/// Does entity `e` agree with pronoun `p`?
fn agrees(doc: &Doc<'_>, e: usize, p: Pronoun) -> bool {
    let kind = doc.entities[e].kind;
    match p {
        Pronoun::He | Pronoun::She => {
            kind == EntityKind::Person && gender(doc, e).is_none_or(|g| g == p)
        }
        Pronoun::They => kind == EntityKind::Organisation,
        Pronoun::It => matches!(kind, EntityKind::Organisation | EntityKind::Misc),
        Pronoun::Local => false,
    }
}

/// A person's gender: from a given name or title, else from the first "he"/"she" that
/// follows one of their mentions in the same or next sentence with no other person between.
fn gender(doc: &Doc<'_>, e: usize) -> Option<Pronoun> {
    let ent = &doc.entities[e];
    // The first word of the title stripped from the name ("Mrs." of "Mrs. Clinton").
    let title = ent
        .role
        .as_deref()
        .and_then(|r| r.split_whitespace().next());
    if let Some(g) = title
        .into_iter()
        .chain(ent.name.split_whitespace())
        .find_map(given_name_gender)
    {
        return Some(g);
    }
    for m in ent.mentions.iter().take(8) {
        let i = doc.word_at_or_after(m.end);
        let Some(sent) = doc.words.get(i).map(|w| w.sentence) else {
            continue;
        };
        let stop = doc.sentences.get(sent + 1).map_or(sent, |_| sent + 1);
        let hi = doc.sentences[stop].words.end;
        for w in doc.words.get(i..hi).unwrap_or(&[]) {
            if doc
                .mentions_in(w.start, w.end)
                .any(|(_, o)| o != e && doc.entities[o].kind == EntityKind::Person)
            {
                break;
            }
            match w.lower.as_str() {
                "he" | "his" | "him" | "himself" => return Some(Pronoun::He),
                "she" | "her" | "hers" | "herself" => return Some(Pronoun::She),
                _ => {}
            }
        }
    }
    None
}

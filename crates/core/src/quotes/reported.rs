//! Reported speech, one attribution per cue: a verb of the lexicon with its content in a
//! that-clause or bare clause after it ("Zelensky said he was prepared to …"), or in the
//! clause before it when post-posed ("…, Zelenskyy added." / "… - reported Gen Staff of …"),
//! or around it ("A, the panel concluded, B."); and "according to X". Cues inside direct
//! quotes, and the cues direct quotes already use, are skipped.

use super::Draft;
use super::clause::{
    before_boundaries, content_end, cue_start, inverted_speaker, is_boundary, is_quote_mark,
    subject_after, subject_region,
};
use super::lexicon::{
    CueClass, CueVerb, attitude_verb, cue_verb, is_article_or_possessive, is_clause_opener,
    is_manner_adverb, is_role_noun, pronoun, starts_adverbial,
};
use super::view::Doc;
use crate::model::{QuoteKind, Span};

/// Reported speech and "according to" attributions.
pub(super) fn find(
    doc: &Doc<'_>,
    taken: &[Span],
    used_cues: &[Span],
    phrases: &[Span],
) -> Vec<Draft> {
    // Sorted copies, searched by position (a hostile input may hold many quotes).
    let sorted = |spans: &[Span]| {
        let mut v = spans.to_vec();
        v.sort_by_key(|s| (s.start, s.end));
        v
    };
    let (taken, used_cues, phrases) = (sorted(taken), sorted(used_cues), sorted(phrases));
    let inside = |at: usize, spans: &[Span]| {
        let i = spans.partition_point(|s| s.start <= at);
        spans[..i].iter().rev().take(4).any(|s| at < s.end)
    };
    // Does `s` hold a whole span of `spans` (spans do not overlap one another)?
    let holds = |s: &Span, spans: &[Span]| {
        let i = spans.partition_point(|p| p.start < s.start);
        spans.get(i).is_some_and(|p| p.end <= s.end)
    };
    let mut out = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (lo, hi) = (sent.words.start, sent.words.end);
        let mut v = lo;
        while v < hi {
            let w = &doc.words[v];
            if w.punct || inside(w.start, &taken) || inside(w.start, &used_cues) {
                v += 1;
                continue;
            }
            let draft = if w.lower == "according"
                && doc.words.get(v + 1).is_some_and(|n| n.lower == "to")
            {
                according_to(doc, v, lo, hi)
            } else if let Some(verb) = cue_verb(&w.lower).or_else(|| attitude_verb(&w.lower)) {
                verb_cue(doc, si, v, lo, hi, verb)
            } else {
                None
            };
            if let Some(mut d) = draft {
                d.spans = trim_spans(doc, &d.spans);
                if !d.spans.is_empty() {
                    if d.spans
                        .iter()
                        .any(|s| holds(s, &phrases) || holds(s, &taken))
                    {
                        d.kind = QuoteKind::Mixed;
                    }
                    out.push(d);
                }
            }
            v += 1;
        }
    }
    out
}

/// "according to X, …" / "…, according to X."
fn according_to(doc: &Doc<'_>, v: usize, lo: usize, hi: usize) -> Option<Draft> {
    let cue = Span {
        start: doc.words[v].start,
        end: doc.words[v + 1].end,
    };
    let hi = content_end(doc, v + 2, hi);
    let region = inverted_speaker(doc, v + 2, hi)?;
    let after = doc.word_at_or_after(region.end);
    let mut before_end = v;
    if before_end > lo && is_boundary(doc, before_end - 1) {
        before_end -= 1;
    }
    let mut spans = Vec::new();
    if doc.word_count(lo..before_end) >= 3 {
        spans.push(words_span(doc, lo, before_end));
    }
    let mut a = after;
    while a < hi && is_boundary(doc, a) {
        a += 1;
    }
    if doc.word_count(a..hi) >= 3 {
        spans.push(words_span(doc, a, hi));
    }
    if spans.is_empty() {
        return None;
    }
    Some(Draft {
        kind: QuoteKind::AccordingTo,
        spans,
        cue: Some(cue),
        region: Some(region),
        subject_of: None,
    })
}

/// An attribution around the cue verb at word `v`.
fn verb_cue(
    doc: &Doc<'_>,
    si: usize,
    v: usize,
    lo: usize,
    hi: usize,
    verb: CueVerb,
) -> Option<Draft> {
    let w = &doc.words[v];
    // A capitalised form mid-sentence is a name ("Mark", "Hope"), except a finite verb in a
    // headline set in title case ("Bernie Sanders Says He’s …"); after a determiner a noun
    // ("the report", "his claims").
    if w.capital
        && v > lo
        && !(verb.class == CueClass::Speech && !w.lower.ends_with("ing") && title_case(doc, lo, hi))
    {
        return None;
    }
    if let Some(d) = as_clause(doc, v, lo, hi, verb) {
        return Some(d);
    }
    if v > lo
        && matches!(
            doc.words[v - 1].lower.as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "new"
                | "latest"
                | "so"
                | "such"
                | "no"
                | "of"
                | "to"
                | "for"
                | "’s"
                | "'s"
                | "many"
                | "some"
                | "any"
                | "news"
                | "media"
        )
    {
        return None;
    }
    let participle = doc.words[v].lower.ends_with("ing");
    // "a group called Black Votes Matter", "officials, called superdelegates": naming.
    if verb.lemma == "call" && v > lo {
        let prev = &doc.words[v - 1];
        // A name, or a quoted name ("a festival called “Long Nights”"), after a word that
        // is no name or pronoun.
        let next_name = doc.words.get(v + 1).is_some_and(|n| n.capital)
            || (v + 2 < doc.words.len() && is_quote_mark(doc, v + 1) && doc.words[v + 2].capital);
        let names_next = next_name && !prev.capital && pronoun(&prev.lower).is_none();
        if prev.lower == "," || names_next {
            return None;
        }
    }
    // "in pledged delegates": a past form after a preposition modifies a noun.
    if !participle
        && v > lo
        && matches!(
            doc.words[v - 1].lower.as_str(),
            "in" | "with" | "among" | "by" | "on" | "at" | "from" | "as" | "<"
        )
    {
        return None;
    }
    let next_is_to = doc.words.get(v + 1).is_some_and(|n| n.lower == "to");
    if w.lower == "pledged"
        && !doc.words.get(v + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "to" | "that" | "his" | "her" | "their" | "its" | "not" | "support"
            )
        })
    {
        return None;
    }
    // A passive ("is maintained by", "aren't admitted until", "is expected to"): its subject
    // says nothing. Raising verbs ("seems to", "is expected to") name no source either:
    // PolNeAR annotates them, but a reader asking who said what gets nothing from them.
    // "Was asked" is the exception: the question is reported (`passive_question`).
    if !participle && passive(doc, v, lo) {
        return if verb.lemma == "ask" {
            passive_question(doc, v, lo, hi)
        } else {
            None
        };
    }
    let c0 = cue_start(doc, v, lo);
    // Verbs of attitude and stance (not in the speech lexicon) read only a complement after
    // them; one that opens with a preposition counts ("voted for Sanders").
    let attitude = cue_verb(&doc.words[v].lower).is_none();
    // Phrasal cues: "pointed out", "repeated his call for".
    let mut cue_end = v + 1;
    // Particles that belong to the cue ("pointed out", "pointed to", "called for", "referring
    // to"); "point" and "refer" report only with one, "call" not with a non-speech one
    // ("called off").
    let next = doc.words.get(v + 1).map(|n| n.lower.as_str());
    match (verb.lemma, next) {
        ("point", Some("out" | "to")) | ("refer", Some("to")) | ("call", Some("for" | "on")) => {
            cue_end += 1;
        }
        ("talk", Some("about")) => cue_end += 1,
        ("point" | "refer" | "talk", _)
        | ("call", Some("off" | "back" | "up" | "in" | "out" | "it")) => {
            return None;
        }
        _ => {}
    }
    if matches!(verb.lemma, "repeat" | "reiterate" | "renew")
        && doc
            .words
            .get(v + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "his" | "her" | "their" | "its" | "the"))
        && doc.words.get(v + 2).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "call"
                    | "calls"
                    | "demand"
                    | "demands"
                    | "offer"
                    | "appeal"
                    | "warning"
                    | "claim"
                    | "pledge"
                    | "promise"
                    | "threat"
            )
        })
    {
        cue_end = v + 3;
        if doc
            .words
            .get(cue_end)
            .is_some_and(|n| matches!(n.lower.as_str(), "for" | "to" | "that"))
        {
            cue_end += 1;
        }
    }
    let cue = Span {
        start: doc.words[c0].start,
        end: doc.words[cue_end - 1].end,
    };
    let mut end = content_end(doc, cue_end, hi);
    // "agreed to debate", "pledged to enact …": an infinitive is the content.
    let to_complement = matches!(verb.lemma, "agree" | "pledge") && next_is_to;
    if attitude || to_complement {
        return attitude_complement(doc, si, lo, c0, cue_end, end, cue);
    }
    let weak = verb.class == CueClass::Weak;
    // A cue in a relative clause ("Collins, who’d previously endorsed Jeb Bush, represents
    // …"): its content is after it and ends with the relative clause.
    let relative = c0 > lo
        && matches!(
            doc.words[c0 - 1].lower.as_str(),
            "who" | "whom" | "which" | "who’d" | "who'd"
        );
    let before_only = weak || relative || verb.class == CueClass::Object;
    let before = c0.checked_sub(1).filter(|&b| b >= lo);
    // 1. Inverted and post-posed: "…, said X." / "… - reported X." / "…,” says X".
    if !before_only
        && let Some(b) = before
        && (is_boundary(doc, b) || is_quote_mark(doc, b))
        && doc.word_count(lo..b) >= 3
        && !doc.words[v].lower.ends_with("ing")
        && rest_is_trivial(doc, cue_end, end, true)
        && !(doc.word_count(cue_end..end) >= 3 && fronted_subject(doc, lo, c0))
        // With no speaker after it the verb is no inverted cue but a participle ("…
        // programme, announced last month") or a bracket's end ("(D-Wash.) said").
        && let Some(region) = inverted_speaker(doc, cue_end, end)
    {
        let mut cut = b;
        while cut > lo && (is_boundary(doc, cut - 1) || is_quote_mark(doc, cut - 1)) {
            cut -= 1;
        }
        return Some(draft(
            QuoteKind::Indirect,
            vec![words_span(doc, lo, cut)],
            cue,
            Some(region),
            None,
        ));
    }
    // 2. Post-posed or parenthetical with a subject: "…, Zelenskyy added." /
    //    "A, the panel concluded, B."
    if !before_only && c0 > lo {
        let b = (lo..c0)
            .rev()
            .take(10)
            .find(|&b| is_boundary(doc, b) || is_quote_mark(doc, b));
        if let Some(b) = b
            && b + 1 < c0
            && doc.word_count(lo..b) >= 2
            && !(b + 1..c0).any(|x| cue_verb(&doc.words[x].lower).is_some())
            // An auxiliary there makes a clause of its own ("…, could weaken the
            // opposition's claims"): the cue word is no verb of that subject.
            && !(b + 1..c0).any(|x| {
                !matches!(doc.words[x].lower.as_str(), "not" | "n't" | "n’t" | "’s")
                    && is_finite_auxiliary(&doc.words[x].lower)
            })
        {
            let mut after = cue_end;
            if verb.object {
                after = skip_object(doc, after, end);
            }
            let comma_after = doc.words.get(after).is_some_and(|n| n.lower == ",");
            // "…, Cruz explained, recalling …": a participle after the cue starts a new
            // phrase, not the rest of the content.
            let participle_next = comma_after
                && doc
                    .words
                    .get(after + 1)
                    .is_some_and(|n| !n.capital && n.lower.ends_with("ing") && n.lower.len() > 5);
            let mid = comma_after && !participle_next && doc.word_count(after + 1..end) >= 3;
            // "…, the mayor continued to defend …": an infinitive after the cue is its
            // complement, so the words before the comma are no content of it.
            let infinitive_next = doc.words.get(after).is_some_and(|n| n.lower == "to")
                && doc
                    .words
                    .get(after + 1)
                    .is_some_and(|n| !n.capital && !n.punct && !starts_noun_phrase(&n.lower));
            // "In an interview on Monday, the mayor continued …": a fronted adverbial phrase
            // (a preposition or subordinator and no comma before the subject) is no clause.
            let adverbial_before = is_fronted_adverbial_opener(&doc.words[lo].lower)
                && !quantity_opener(doc, lo)
                && !(lo..b).any(|x| doc.words[x].lower == ",");
            // A short opening ("That plan, critics argue, could …") is content only
            // when the sentence goes on after the cue.
            let long_enough = doc.word_count(lo..b) >= 3 || mid;
            if !infinitive_next
                && long_enough
                && !adverbial_before
                && (mid || participle_next || rest_is_trivial(doc, after, end, false))
            {
                let region = subject_region(doc, b + 1, c0);
                let mut cut = b;
                while cut > lo && (is_boundary(doc, cut - 1) || is_quote_mark(doc, cut - 1)) {
                    cut -= 1;
                }
                let mut spans = vec![words_span(doc, lo, cut)];
                if mid {
                    spans.push(words_span(doc, after + 1, end));
                }
                return Some(draft(QuoteKind::Indirect, spans, cue, region, None));
            }
        }
    }
    // 3. Pre-posed: "X said (that) …".
    let mut start = cue_end;
    if verb.object {
        start = skip_object(doc, start, end);
    }
    // "said in a statement on Monday that …": content after the "that". Only adverbials may
    // stand between the cue and its "that": after a subject pronoun or an auxiliary a bare
    // clause has begun, and the "that" is its own ("said he had read that report").
    let that = (start..end.min(start + 9))
        .take_while(|&x| {
            let w = doc.words[x].lower.as_str();
            (w != "," || x == start) && pronoun(w).is_none() && !is_finite_auxiliary(w)
        })
        .find(|&x| doc.words[x].lower == "that");
    // Verbs that are more often not speech ("add trees", "continued to fall") report only
    // with a that-clause when they come first. "noted" reads a bare clause or object ("The
    // inspector noted the wiring was …"); "note(s)" is too often a noun ("meeting notes").
    let needs_that = weak
        || (matches!(
            verb.lemma,
            "add" | "continue" | "maintain" | "state" | "observe" | "note" | "report" | "indicate"
        ) && !doc.words[v].lower.ends_with("ing")
            && doc.words[v].lower != "noted");
    // "Trump supporters believe he can improve …": a weak verb of belief with a bare clause
    // whose subject is a personal pronoun ("think", "thought", "knew" so read were mostly
    // not attributions in PolNeAR train).
    let bare_pronoun_clause = weak
        && matches!(verb.lemma, "believe" | "fear" | "hope" | "worry" | "doubt")
        && doc.words.get(start).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "he" | "she" | "they" | "we" | "i" | "there"
            )
        })
        && doc.words.get(start + 1).is_some_and(|n| !n.punct);
    match that {
        Some(t) => start = t + 1,
        None if needs_that && !bare_pronoun_clause && !data_subject(doc, verb, lo, c0) => {
            return None;
        }
        None => {
            if doc
                .words
                .get(start)
                .is_some_and(|n| n.lower == "," || n.lower == ":")
            {
                start += 1;
            }
            // "has said for months she is the best candidate …", "said in an interview she
            // would …": a short adverbial between the cue and a clause with a subject
            // pronoun is not content.
            if doc.words.get(start).is_some_and(|n| {
                starts_adverbial(&n.lower) || matches!(n.lower.as_str(), "for" | "from" | "with")
            }) && let Some(k) = (start + 1..end.min(start + 7))
                .take_while(|&k| !doc.words[k].punct)
                .find(|&k| {
                    matches!(
                        doc.words[k].lower.as_str(),
                        "he" | "she" | "they" | "we" | "i"
                    ) && doc
                        .words
                        .get(k + 1)
                        .is_some_and(|n| !n.punct || n.lower == "’s" || n.lower == "'s")
                })
            {
                start = k;
            }
        }
    }
    if weak && that.is_some() && that != Some(cue_end) && that != Some(start.saturating_sub(1)) {
        return None;
    }
    if relative
        && c0 >= lo + 2
        && is_boundary(doc, c0 - 2)
        && let Some(k) = (start + 1..end).find(|&k| is_boundary(doc, k))
    {
        end = k;
    }
    // An object verb's content ends at a comma that opens another clause ("called for the
    // overthrow of Assad, even though …"; "called the actions lawful, and said …").
    if verb.class == CueClass::Object
        && let Some(k) = (start + 1..end.saturating_sub(1)).find(|&k| {
            // After "and"/"but" only a new verb or subject ("…, and said"), not a second
            // object ("…, and the least likely to work").
            let and_clause = matches!(doc.words[k + 1].lower.as_str(), "and" | "but")
                && doc.words.get(k + 2).is_some_and(|n| {
                    cue_verb(&n.lower).is_some()
                        || matches!(n.lower.as_str(), "he" | "she" | "they" | "it" | "we" | "i")
                });
            doc.words[k].lower == ","
                && (and_clause
                    || matches!(
                        doc.words[k + 1].lower.as_str(),
                        "even"
                            | "because"
                            | "while"
                            | "although"
                            | "though"
                            | "which"
                            | "who"
                            | "saying"
                            | "adding"
                            | "noting"
                            | "after"
                            | "before"
                            | "when"
                            | "since"
                    )
                    // An appositive of the object ("mentions the bridge, a project
                    // that …") is the writer's gloss.
                    || matches!(doc.words[k + 1].lower.as_str(), "a" | "an" | "the"))
        })
    {
        end = k;
    }
    // A concessive afterthought is the writer's, not the content ("…, though they blame …").
    // A comparison stays: it is often part of a finding ("…, compared with …").
    if let Some(k) = (start + 2..end.saturating_sub(1)).find(|&k| {
        doc.words[k].lower == ","
            && matches!(doc.words[k + 1].lower.as_str(), "though" | "although")
    }) {
        end = k;
    }
    // A participle clause after a comma ("…, adding that …", "…, leaving …") and a
    // coordinated clause with a subject of its own ("…, but she wants a second vote") are
    // the writer's narration around the report, not its content.
    if let Some(k) = (start + 2..end.saturating_sub(1)).find(|&k| {
        (doc.words[k].lower == "," && is_participle(&doc.words[k + 1]))
            || (is_boundary(doc, k) && new_clause_with_subject(doc, k + 1))
    }) {
        end = k;
    }
    // "While she has said she opposes …, the governor …": a cue in a fronted subordinate
    // clause reports only up to the comma where the main clause begins.
    if in_fronted_subordinate(doc, lo, c0)
        && let Some(k) = (start + 2..end).find(|&k| {
            doc.words[k].lower == ","
                && doc.words.get(k + 1).is_some_and(|n| starts_subject(n))
                && doc.word_count(k + 1..end) >= 3
        })
    {
        end = k;
    }
    if doc.word_count(start..end) < 2 {
        return None;
    }
    // The content must start like a clause, not an adverbial ("said on Monday.").
    let first = doc.words[start].lower.as_str();
    if that.is_none()
        && !attitude
        && (matches!(
            first,
            "yet"
                | "by"
                | "from"
                | "as"
                | "with"
                | "for"
                | "so"
                | "nothing"
                | "something"
                | "anything"
                | "otherwise"
        ) || (is_finite_auxiliary(first) && !matches!(first, "not" | "n't" | "n’t"))
            || starts_adverbial(first) && doc.word_count(start..end) < 5)
    {
        return None;
    }
    // "Noting that A, Trump reminded …": a participle opening the sentence; its content ends
    // at the last comma and the main clause's subject speaks.
    let opening = participle && (lo..c0).all(|x| is_clause_opener(&doc.words[x].lower));
    if opening
        && let Some(k) = (start + 2..end)
            .rev()
            .find(|&k| doc.words[k].lower == "," && doc.word_count(k + 1..end) >= 2)
    {
        let region = subject_after(doc, k + 1, end);
        return Some(draft(
            QuoteKind::Indirect,
            vec![words_span(doc, start, k)],
            cue,
            region,
            region.is_none().then_some(si),
        ));
    }
    // "Asked about her vote, she replied: …" / "… when asked if he had met Trump, who …": the
    // question ends at the first comma; whoever asked it is not named (the main clause's
    // subject is the one asked), so it has no speaker.
    let asked_opening = doc.words[v].lower == "asked"
        && ((lo..c0).all(|x| is_clause_opener(&doc.words[x].lower))
            || (c0 > lo
                && matches!(
                    doc.words[c0 - 1].lower.as_str(),
                    "when" | "after" | "once" | "if"
                )));
    if asked_opening
        && let Some(k) =
            (start + 1..end).find(|&k| doc.words[k].lower == "," && doc.word_count(k + 1..end) >= 2)
    {
        return Some(draft(
            QuoteKind::Indirect,
            vec![words_span(doc, start, k)],
            cue,
            None,
            None,
        ));
    }
    // ", adding …": a participle after a comma takes the sentence's subject; so does a verb
    // coordinated with an earlier one ("they reversed themselves and said …").
    let coordinated = c0 > lo && matches!(doc.words[c0 - 1].lower.as_str(), "and" | "but");
    let region = if (participle && c0 > lo && is_boundary(doc, c0 - 1)) || coordinated {
        None
    } else {
        subject_region(doc, lo, c0)
    };
    let subject_of = (region.is_none() && (participle || coordinated)).then_some(si);
    if region.is_none() && subject_of.is_none() && doc.words[v].lower != "asked" {
        return None;
    }
    Some(draft(
        QuoteKind::Indirect,
        vec![words_span(doc, start, end)],
        cue,
        region,
        subject_of,
    ))
}

/// The cue at `c0` stands in a subordinate clause that opens the sentence ("While he has
/// said …", "But although the firm admitted …"): a subordinator after the sentence's
/// leading conjunctions, and no comma between it and the cue.
fn in_fronted_subordinate(doc: &Doc<'_>, lo: usize, c0: usize) -> bool {
    let mut s = lo;
    while s < c0
        && matches!(
            doc.words[s].lower.as_str(),
            "and" | "but" | "so" | "yet" | "even"
        )
    {
        s += 1;
    }
    s < c0
        && matches!(
            doc.words[s].lower.as_str(),
            "while"
                | "although"
                | "though"
                | "because"
                | "since"
                | "if"
                | "when"
                | "whereas"
                | "once"
                | "unless"
        )
        && !(s..c0).any(|x| is_boundary(doc, x))
}

/// A word that may begin the subject of a main clause: a pronoun, a capitalised word, a
/// determiner or quantifier, or a number.
fn starts_subject(w: &super::view::Word<'_>) -> bool {
    w.capital
        || pronoun(&w.lower).is_some()
        || w.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || is_article_or_possessive(&w.lower)
        || matches!(
            w.lower.as_str(),
            "many"
                | "some"
                | "most"
                | "few"
                | "others"
                | "this"
                | "these"
                | "those"
                | "there"
                | "no"
                | "both"
        )
}

/// A determiner or object pronoun: after "to" it opens a noun phrase ("said to
/// reporters"), not an infinitive.
fn starts_noun_phrase(lower: &str) -> bool {
    is_article_or_possessive(lower)
        || matches!(
            lower,
            "our"
                | "my"
                | "your"
                | "this"
                | "that"
                | "these"
                | "those"
                | "him"
                | "them"
                | "me"
                | "us"
                | "you"
                | "reporters"
        )
}

/// A preposition or subordinator that opens a fronted adverbial ("In an interview …,",
/// "Despite …,", "When …,"): the phrase it opens reports nothing.
fn is_fronted_adverbial_opener(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "after"
            | "during"
            | "following"
            | "according"
            | "even"
            | "before"
            | "since"
            | "when"
            | "while"
            | "as"
            | "with"
            | "from"
            | "for"
            | "amid"
            | "despite"
            | "under"
            | "over"
            | "by"
            | "to"
            | "of"
            | "until"
            | "unless"
            | "if"
            | "although"
            | "though"
            | "because"
            | "once"
    )
}

/// Words `lo..` open a quantity, not an adverbial ("At least 14 people …", "As many as …",
/// "Over 100 homes …").
fn quantity_opener(doc: &Doc<'_>, lo: usize) -> bool {
    doc.words.get(lo + 1).is_some_and(|n| {
        matches!(
            n.lower.as_str(),
            "least" | "most" | "many" | "much" | "few" | "half" | "more" | "less"
        ) || (matches!(doc.words[lo].lower.as_str(), "over" | "under")
            && n.lower.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// "She was asked (by the host) whether she would run …": a passive "asked" reports the
/// question, up to its clause's end; its speaker is the "by" agent, or none (whoever is
/// asked does not speak it).
fn passive_question(doc: &Doc<'_>, v: usize, lo: usize, hi: usize) -> Option<Draft> {
    let end = content_end(doc, v + 1, hi);
    let mut start = v + 1;
    let mut region = None;
    if doc.words.get(start).is_some_and(|w| w.lower == "by") {
        let agent = start + 1;
        let mut k = agent;
        while k < end
            && k < agent + 8
            && !doc.words[k].punct
            && !matches!(
                doc.words[k].lower.as_str(),
                "whether"
                    | "if"
                    | "about"
                    | "what"
                    | "how"
                    | "why"
                    | "when"
                    | "to"
                    | "who"
                    | "during"
                    | "at"
                    | "on"
                    | "in"
            )
        {
            k += 1;
        }
        if k == agent || k >= end {
            return None;
        }
        region = Some(words_span(doc, agent, k));
        start = k;
    }
    while start < end && is_boundary(doc, start) {
        start += 1;
    }
    let stop = (start + 1..end)
        .find(|&k| doc.words[k].lower == ",")
        .unwrap_or(end);
    if doc.word_count(start..stop) < 2
        || (starts_adverbial(&doc.words[start].lower) && doc.words[start].lower != "to")
    {
        return None;
    }
    let c0 = cue_start(doc, v, lo);
    let cue = Span {
        start: doc.words[c0].start,
        end: doc.words[v].end,
    };
    Some(draft(
        QuoteKind::Indirect,
        vec![words_span(doc, start, stop)],
        cue,
        region,
        None,
    ))
}

/// A present participle opening an adjunct clause ("adding", "leaving"): a lower-case word
/// in "-ing" of six letters or more that is not a preposition or noun so spelled.
fn is_participle(w: &super::view::Word<'_>) -> bool {
    !w.capital
        && w.lower.len() >= 6
        && w.lower.ends_with("ing")
        && !matches!(
            w.lower.as_str(),
            "including"
                | "according"
                | "during"
                | "something"
                | "nothing"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
        )
}

/// Words `k..` open a coordinated clause with a subject pronoun of its own: "but he …",
/// "and they …".
fn new_clause_with_subject(doc: &Doc<'_>, k: usize) -> bool {
    doc.words
        .get(k)
        .is_some_and(|w| matches!(w.lower.as_str(), "and" | "but"))
        && doc.words.get(k + 1).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there"
            )
        })
}

/// "The poll shows Clinton ahead", "a new survey found most voters …": a verb of showing or
/// finding whose subject is a poll, study or document reports its bare clause or object, as
/// a that-clause. (After a person, "found" and "shows" are mostly not reporting: "found a
/// job", "shows up".)
fn data_subject(doc: &Doc<'_>, verb: CueVerb, lo: usize, c0: usize) -> bool {
    matches!(verb.lemma, "show" | "find" | "suggest" | "indicate")
        && c0 > lo
        && matches!(
            doc.words[c0 - 1].lower.as_str(),
            "poll"
                | "polls"
                | "polling"
                | "survey"
                | "surveys"
                | "study"
                | "studies"
                | "data"
                | "research"
                | "report"
                | "analysis"
                | "results"
                | "figures"
                | "numbers"
                | "records"
                | "documents"
        )
}

/// "As The Hill reported, A." / "As reported by Western Journalism, A." / "A, as he later
/// explained, B.": the cue stands in a parenthetical "as" clause whose subject (or "by"
/// agent) is the source; the rest of the sentence is the content.
fn as_clause(doc: &Doc<'_>, v: usize, lo: usize, hi: usize, verb: CueVerb) -> Option<Draft> {
    if verb.class == CueClass::Object || doc.words[v].lower.ends_with("ing") {
        return None;
    }
    let c0 = cue_start(doc, v, lo);
    // "as" opens the clause (after the sentence start, a boundary or a conjunction) and
    // only a short subject stands between it and the cue.
    let a = (lo.max(c0.saturating_sub(7))..c0)
        .rev()
        .take_while(|&x| !doc.words[x].punct)
        .find(|&x| doc.words[x].lower == "as")?;
    if a > lo
        && !is_boundary(doc, a - 1)
        && !matches!(doc.words[a - 1].lower.as_str(), "and" | "but")
    {
        return None;
    }
    let end = content_end(doc, v + 1, hi);
    // The clause ends at a comma within a few words (an agent or adverbial may come first).
    let comma = (v + 1..end.min(v + 9)).find(|&x| doc.words[x].lower == ",")?;
    // Only an agent or an adverbial between the verb and the comma, not an object or an
    // infinitive ("as Mr. Kerry continues to push for talks, …" reports nothing).
    let next = doc.words[v + 1].lower.as_str();
    if (v + 1..comma).any(|x| doc.words[x].punct)
        || !(comma == v + 1
            || matches!(next, "by" | "out" | "earlier" | "previously" | "first")
            || starts_adverbial(next) && next != "to"
            || is_manner_adverb(next))
    {
        return None;
    }
    let region = if a + 1 < c0 {
        subject_region(doc, a + 1, c0)
    } else if doc.words.get(v + 1).is_some_and(|w| w.lower == "by") && v + 2 < comma {
        Some(words_span(doc, v + 2, comma))
    } else {
        None
    }?;
    let mut spans = Vec::new();
    let before_end = before_boundaries(doc, lo, a);
    if doc.word_count(lo..before_end) >= 3 {
        spans.push(words_span(doc, lo, before_end));
    }
    if doc.word_count(comma + 1..end) < 3 {
        return None;
    }
    spans.push(words_span(doc, comma + 1, end));
    let cue = Span {
        start: doc.words[c0].start,
        end: doc.words[v].end,
    };
    Some(draft(QuoteKind::Indirect, spans, cue, Some(region), None))
}

/// The sentence `lo..hi` is a headline in title case: four words or more, and at least
/// four in five of its words capitalised (short function words may stay lower-case).
fn title_case(doc: &Doc<'_>, lo: usize, hi: usize) -> bool {
    let words = || {
        doc.words[lo..hi]
            .iter()
            .filter(|w| !w.punct && w.lower.chars().next().is_some_and(char::is_alphabetic))
    };
    let n = words().count();
    let capital = words().filter(|w| w.capital).count();
    n >= 4 && capital * 5 >= n * 4
}

/// An attitude verb's attribution: its complement ("to comment", "Mr. Trump", "for
/// Sanders") up to the end of its clause, or of its noun phrase when it is one; the subject
/// before the verb is the source. The word before the verb must end a plausible subject (a
/// name, a pronoun, a relative pronoun, a role or a plural noun), which sets aside noun uses
/// ("substantial support among …").
fn attitude_complement(
    doc: &Doc<'_>,
    si: usize,
    lo: usize,
    c0: usize,
    cue_end: usize,
    end: usize,
    cue: Span,
) -> Option<Draft> {
    let prev = doc.words.get(c0.checked_sub(1)?).filter(|_| c0 > lo)?;
    let after_comma = is_boundary(doc, c0 - 1);
    let coordinated = matches!(prev.lower.as_str(), "and" | "but");
    let subject_like = prev.capital
        || pronoun(&prev.lower).is_some()
        || matches!(prev.lower.as_str(), "who" | "which" | "that")
        || is_role_noun(&prev.lower)
        || (prev.lower.len() > 3 && prev.lower.ends_with('s') && !prev.lower.ends_with("ss"));
    let participle = doc.words[c0..cue_end]
        .iter()
        .any(|w| w.lower.ends_with("ing"));
    if !(subject_like || coordinated || (after_comma && participle)) {
        return None;
    }
    let mut start = cue_end;
    if doc.words.get(start).is_some_and(|w| w.lower == "that") {
        start += 1;
    }
    let stop = complement_end(doc, start, end);
    if doc.word_count(start..stop) < 1 {
        return None;
    }
    let (region, subject_of) = if (after_comma && participle) || coordinated {
        (None, Some(si))
    } else {
        (Some(subject_region(doc, lo, c0)?), None)
    };
    Some(draft(
        QuoteKind::Indirect,
        vec![words_span(doc, start, stop)],
        cue,
        region,
        subject_of,
    ))
}

/// Where the complement of an attitude verb starting at word `start` ends: at its
/// clause's end (a comma, dash, or a subordinating word), and for a noun phrase (not "to …")
/// at a preposition of place, time or means ("Cruz in a recent interview"; "described it as
/// …" keeps its "as").
fn complement_end(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    let infinitive = doc.words.get(start).is_some_and(|w| w.lower == "to");
    let mut stop = start;
    while stop < end {
        let w = &doc.words[stop];
        let clause_break = is_boundary(doc, stop)
            || matches!(
                w.lower.as_str(),
                "but"
                    | "because"
                    | "while"
                    | "when"
                    | "after"
                    | "before"
                    | "since"
                    | "if"
                    | "although"
                    | "though"
                    | "who"
                    | "which"
                    | "whose"
                    | "where"
                    | "according"
                    | "unless"
            );
        let phrase_break = !infinitive
            && stop > start
            && matches!(
                w.lower.as_str(),
                "by" | "in" | "at" | "on" | "during" | "with" | "from" | "over" | "until"
            );
        if stop > start && (clause_break || phrase_break) {
            break;
        }
        stop += 1;
    }
    stop
}

/// The words before the cue at `c0` are its subject with an appositive, relative clause or
/// parenthetical ("Sanders, who has …, said he may …"; "Similarly, William J. Bennett, a
/// Reagan education secretary, said …"): the cue is pre-posed, not inverted.
fn fronted_subject(doc: &Doc<'_>, lo: usize, c0: usize) -> bool {
    let Some(region) = subject_region(doc, lo, c0) else {
        return false;
    };
    let a = doc.word_at_or_after(region.start);
    let b = doc.word_at_or_after(region.end);
    a < b
        && doc.word_count(lo..a) <= 4
        && doc.words[a..b].iter().any(|w| w.lower == ",")
        && doc.words[a..b]
            .iter()
            .any(|w| w.capital || pronoun(&w.lower).is_some())
}

fn draft(
    kind: QuoteKind,
    spans: Vec<Span>,
    cue: Span,
    region: Option<Span>,
    subject_of: Option<usize>,
) -> Draft {
    Draft {
        kind,
        spans,
        cue: Some(cue),
        region,
        subject_of,
    }
}

/// After the cue only a speaker, an adverbial or nothing: the content is before the cue.
fn rest_is_trivial(doc: &Doc<'_>, from: usize, end: usize, inverted: bool) -> bool {
    if from >= end {
        return true;
    }
    let first = &doc.words[from].lower;
    if starts_adverbial(first) {
        return !(from..end).any(|x| doc.words[x].lower == "that");
    }
    if inverted {
        // A short speaker phrase up to the end or a comma, not a clause ("said he may …",
        // "said Trump will …").
        let stop = (from..end)
            .find(|&x| doc.words[x].lower == ",")
            .unwrap_or(end);
        let clause_end = (from..stop)
            .find(|&x| matches!(doc.words[x].lower.as_str(), "who" | "which" | "whose"))
            .unwrap_or(stop);
        let clause = (pronoun(first).is_some() && doc.word_count(from..stop) > 1)
            || (from..clause_end).any(|x| is_finite_auxiliary(&doc.words[x].lower));
        return stop - from <= 12 && !clause && !(from..stop).any(|x| doc.words[x].lower == "that");
    }
    false
}

/// The verb at word `v` is a passive participle: the nearest auxiliary before it (across
/// negation and adverbs) is a form of "be".
fn passive(doc: &Doc<'_>, v: usize, lo: usize) -> bool {
    for w in doc.words.get(lo..v).unwrap_or(&[]).iter().rev() {
        match w.lower.as_str() {
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "’re" | "'re" | "isn't"
            | "aren't" | "wasn't" | "weren't" | "isn’t" | "aren’t" | "wasn’t" | "weren’t" =>
            {
                return true;
            }
            "not" | "n't" | "n’t" | "also" | "never" | "widely" | "often" | "reportedly"
            | "still" | "repeatedly" | "publicly" | "previously" | "first" | "later"
            | "already" | "frequently" | "just" => {}
            _ => return false,
        }
    }
    false
}

/// Auxiliaries and modals that make a clause of the words after an inverted-looking cue.
fn is_finite_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "has"
            | "have"
            | "had"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "n't"
            | "not"
            | "’s"
    )
}

/// Skips a listener after "told"/"asked"/"urged": a pronoun, a name or a short noun phrase.
fn skip_object(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let Some(w) = doc.words.get(from).filter(|_| from < end) else {
        return from;
    };
    if matches!(
        w.lower.as_str(),
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "voters"
            | "lawmakers"
            | "congress"
            | "parliament"
            | "listeners"
            | "viewers"
            | "people"
            | "everyone"
    ) {
        return from + 1;
    }
    if w.capital {
        let mut k = from;
        while k < end && (doc.words[k].capital || doc.words[k].lower == "of") {
            k += 1;
        }
        return k;
    }
    if matches!(
        w.lower.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their"
    ) {
        let mut k = from + 1;
        while k < end.min(from + 4)
            && !doc.words[k].punct
            && doc.words[k].lower != "that"
            && doc.words[k].lower != "to"
        {
            k += 1;
        }
        return k;
    }
    from
}

fn words_span(doc: &Doc<'_>, from: usize, to: usize) -> Span {
    if from >= to {
        return Span { start: 0, end: 0 };
    }
    Span {
        start: doc.words[from].start,
        end: doc.words[to - 1].end,
    }
}

/// Drops empty spans and trims quotation marks at a span's edges.
fn trim_spans(doc: &Doc<'_>, spans: &[Span]) -> Vec<Span> {
    spans
        .iter()
        .filter(|s| s.end > s.start)
        .filter_map(|s| {
            let text = doc.slice(s.start, s.end);
            let lead = text
                .chars()
                .take_while(|c| {
                    matches!(
                        c,
                        '“' | '”' | '"' | '‘' | '’' | '\'' | ' ' | ',' | '—' | '–' | '-'
                    )
                })
                .count();
            let trail = text
                .chars()
                .rev()
                .take_while(|c| matches!(c, '“' | '”' | '"' | ' ' | ',' | '—' | '–' | '-' | ':'))
                .count();
            let len = text.chars().count();
            (lead + trail < len).then(|| {
                let (start, mut end) = (s.start + lead, s.end - trail);
                // A quoted phrase that ends the content keeps its closing mark: the offer
                // was “fair and final”.
                let kept = doc.slice(start, end);
                let count = |m: char| kept.chars().filter(|&c| c == m).count();
                let open = if count('"') % 2 == 1 {
                    Some('"')
                } else {
                    (count('“') > count('”')).then_some('”')
                };
                if open.is_some() && doc.slice(end, s.end).chars().next() == open {
                    end += 1;
                }
                Span { start, end }
            })
        })
        .collect()
}

//! Unit tests of the quotes stage on hand-written sentences.

use super::*;
use crate::model::{Section, SectionKind};
use crate::segment;

/// Runs the stage on `text` (paragraphs split on blank lines) with the given entities
/// (kind, name, mention strings: every occurrence of each string is a mention).
/// Kind, content (pieces joined by " | "), cue, speaker entity name, resolution.
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    Option<SpeakerResolution>,
);

fn run(text: &str, entities: &[(EntityKind, &str, &[&str])]) -> Vec<Row> {
    run_with_first(text, entities, SectionKind::Paragraph)
}

/// As [`run`], with the first paragraph of the given kind (a headline).
fn run_with_first(
    text: &str,
    entities: &[(EntityKind, &str, &[&str])],
    first: SectionKind,
) -> Vec<Row> {
    let mut sections = Vec::new();
    let mut start = 0usize;
    for (i, para) in text.split("\n\n").enumerate() {
        let n = para.chars().count();
        sections.push(Section {
            kind: if i == 0 {
                first
            } else {
                SectionKind::Paragraph
            },
            start,
            end: start + n,
        });
        start += n + 2;
    }
    let seg = segment::segment(text, &sections, true);
    let chars: Vec<char> = text.chars().collect();
    let find_all = |needle: &str| -> Vec<Span> {
        let n: Vec<char> = needle.chars().collect();
        (0..chars.len().saturating_sub(n.len() - 1))
            .filter(|&i| chars[i..i + n.len()] == n[..])
            .map(|i| Span {
                start: i,
                end: i + n.len(),
            })
            .collect()
    };
    let cands: Vec<SpeakerCandidate> = entities
        .iter()
        .map(|(k, name, ms)| {
            let mut mentions: Vec<Span> = ms.iter().flat_map(|m| find_all(m)).collect();
            mentions.sort_by_key(|m| m.start);
            SpeakerCandidate {
                kind: *k,
                name: name.to_string(),
                mentions,
                role: None,
            }
        })
        .collect();
    let quotes = find_quotes(&QuoteInput {
        text,
        sections: &sections,
        sentences: &seg.sentences,
        tokens: &seg.tokens,
        entities: &cands,
    });
    let slice = |s: Span| chars[s.start..s.end].iter().collect::<String>();
    quotes
        .into_iter()
        .map(|q| {
            let content = q
                .spans
                .iter()
                .map(|s| slice(*s))
                .collect::<Vec<_>>()
                .join(" | ");
            (
                q.kind,
                content,
                q.cue.map(slice),
                q.speaker
                    .and_then(|s| s.entity)
                    .map(|e| cands[e].name.clone()),
                q.speaker.and_then(|s| s.resolved_by),
            )
        })
        .collect()
}

use QuoteKind::{AccordingTo, Direct, Indirect, Mixed};
use SpeakerResolution::{Continuation, Name, Pronoun as ByPronoun, Role};

const PER: EntityKind = EntityKind::Person;
const ORG: EntityKind = EntityKind::Organisation;

#[test]
fn direct_quote_with_cue_after() {
    let q = run(
        "“We will rebuild the bridge by June,” Maria Lopez said.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, Direct);
    assert_eq!(q[0].1, "We will rebuild the bridge by June,");
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[0].3.as_deref(), Some("Maria Lopez"));
    assert_eq!(q[0].4, Some(Name));
}

#[test]
fn inverted_cue_and_straight_marks() {
    let q = run(
        "\"The plan is simply too expensive,\" said Tom Okafor, a council member.",
        &[(PER, "Tom Okafor", &["Tom Okafor"])],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1, "The plan is simply too expensive,");
    assert_eq!(q[0].3.as_deref(), Some("Tom Okafor"));
}

#[test]
fn colon_introduced_and_cue_inside() {
    let q = run(
        "Okafor said: “Nobody asked the residents.”\n\n“It is late,” she said, “but not too late to fix it.”",
        &[(PER, "Tom Okafor", &["Okafor"])],
    );
    assert_eq!(q[0].0, Direct);
    assert_eq!(q[0].1, "Nobody asked the residents.");
    assert_eq!(q[0].3.as_deref(), Some("Tom Okafor"));
    assert_eq!(q[1].1, "It is late, | but not too late to fix it.");
    assert_eq!(q[1].2.as_deref(), Some("said"));
}

#[test]
fn multi_paragraph_quote_and_continuation() {
    let q = run(
        "Anna Berg said: “The first phase is done and the money is spent.\n\n“The second phase needs a new budget.”\n\n“We are asking the city for help.”",
        &[(PER, "Anna Berg", &["Anna Berg"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[0].1.contains("first phase") && q[0].1.contains("second phase"));
    assert_eq!(q[0].3.as_deref(), Some("Anna Berg"));
    assert_eq!(q[1].3.as_deref(), Some("Anna Berg"));
    assert_eq!(q[1].4, Some(Continuation));
}

#[test]
fn reported_speech_forms() {
    let q = run(
        "The Port Authority said that 40 ships were waiting. Unless the strike ends, exports will fall, Jane Moss added. Fuel prices will rise - reported the Energy Board.",
        &[
            (ORG, "Port Authority", &["Port Authority"]),
            (PER, "Jane Moss", &["Jane Moss"]),
            (ORG, "Energy Board", &["Energy Board"]),
        ],
    );
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(
        (q[0].0, q[0].1.as_str()),
        (Indirect, "40 ships were waiting")
    );
    assert_eq!(q[0].3.as_deref(), Some("Port Authority"));
    assert_eq!(q[1].1, "Unless the strike ends, exports will fall");
    assert_eq!(q[1].3.as_deref(), Some("Jane Moss"));
    assert_eq!(q[2].1, "Fuel prices will rise");
    assert_eq!(q[2].3.as_deref(), Some("Energy Board"));
}

#[test]
fn according_to_and_roles() {
    let q = run(
        "According to a Health Ministry spokesperson, 12 clinics have closed. Officials said the rest would stay open.",
        &[(ORG, "Health Ministry", &["Health Ministry"])],
    );
    assert_eq!(q[0].0, AccordingTo);
    assert_eq!(q[0].1, "12 clinics have closed");
    assert_eq!(q[0].3.as_deref(), Some("Health Ministry"));
    assert_eq!(q[0].4, Some(Role));
    assert_eq!(q[1].1, "the rest would stay open");
    assert_eq!(q[1].4, Some(Role));
}

#[test]
fn pronouns_follow_gender_and_turns() {
    let q = run(
        "Sarah Klein met Peter Novak on Monday. She said the deal was fair. He told reporters that he disagreed.",
        &[
            (PER, "Sarah Klein", &["Sarah Klein"]),
            (PER, "Peter Novak", &["Peter Novak"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("Sarah Klein"));
    assert_eq!(q[0].4, Some(ByPronoun));
    assert_eq!(q[1].1, "he disagreed");
    assert_eq!(q[1].3.as_deref(), Some("Peter Novak"));
}

#[test]
fn periphrastic_cues_and_mixed_quotes() {
    let q = run(
        "Mayor Ruth Ade was quoted as saying the vote was rigged. Ade says she is “deeply worried about turnout”.",
        &[(PER, "Ruth Ade", &["Ruth Ade", "Ade"])],
    );
    assert_eq!(q[0].2.as_deref(), Some("was quoted as saying"));
    assert_eq!(q[0].3.as_deref(), Some("Ruth Ade"));
    assert_eq!(q[1].0, Mixed);
}

#[test]
fn scare_quotes_and_nouns_are_not_quotes() {
    let q = run(
        "The so-called ‘peace plan’ drew criticism. The report was published on Monday.",
        &[],
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn inverted_speaker_with_modifiers_before_the_name() {
    let q = run(
        "\"The plan is simply too expensive,\" said former council leader Tom Okafor (Lab), a critic.",
        &[(PER, "Tom Okafor", &["Tom Okafor"])],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].3.as_deref(), Some("Tom Okafor"));
    assert_eq!(q[0].4, Some(Name));
}

#[test]
fn participle_before_a_quote_takes_the_sentence_subject() {
    let q = run(
        "Maria Lopez said the crews had done well, adding: “We will rebuild the bridge by June.”",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    let direct: Vec<&Row> = q.iter().filter(|r| r.0 == Direct).collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert_eq!(direct[0].1, "We will rebuild the bridge by June.");
    assert_eq!(direct[0].2.as_deref(), Some("adding"));
    assert_eq!(direct[0].3.as_deref(), Some("Maria Lopez"));
}

#[test]
fn subject_with_a_relative_clause_precedes_its_content() {
    let q = run(
        "Ann Berg, who has already sent fundraising pleas on his behalf, said she may campaign for him.",
        &[(PER, "Ann Berg", &["Ann Berg"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "she may campaign for him");
    assert_eq!(q[0].3.as_deref(), Some("Ann Berg"));
}

#[test]
fn parentheticals_and_time_adverbs_are_not_the_speaker() {
    let q = run(
        "Tom Gates, in contrast, told reporters that the plan would fail. Tom Gates last month joked that the plan was dead.",
        &[(PER, "Tom Gates", &["Tom Gates"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter().all(|r| r.3.as_deref() == Some("Tom Gates")),
        "{q:?}"
    );
}

#[test]
fn coordinated_and_fronted_cues_take_the_main_subject() {
    let q = run(
        "Maria Lopez reversed herself and said the vote would go ahead.\n\nNoting that the polls had closed, Maria Lopez left the stage.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the vote would go ahead");
    assert_eq!(q[0].3.as_deref(), Some("Maria Lopez"));
    assert_eq!(q[1].1, "the polls had closed");
    assert_eq!(q[1].3.as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_quote_ending_a_sentence_leaves_the_next_cue_its_own_content() {
    let q = run(
        "“It is over.” Maria Lopez said the count would resume on Monday.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    let indirect: Vec<&Row> = q.iter().filter(|r| r.0 == Indirect).collect();
    assert_eq!(indirect.len(), 1, "{q:?}");
    assert_eq!(indirect[0].1, "the count would resume on Monday");
}

#[test]
fn object_cues_report_their_object_but_not_names_or_passives() {
    let q = run(
        "Maria Lopez criticized the council for its delays.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the council for its delays");
    assert_eq!(q[0].2.as_deref(), Some("criticized"));
    let q = run(
        "A new group called Black Votes Matter is raising money. The data is maintained by the state.",
        &[],
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn attitude_verbs_report_their_complement_up_to_its_clause() {
    let q = run(
        "The spokesman declined to comment, but aides were upbeat. Maria Lopez opposed the plan by a wide margin.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "to comment");
    assert_eq!(q[0].2.as_deref(), Some("declined"));
    assert_eq!(q[0].4, Some(Role));
    assert_eq!(q[1].1, "the plan");
    assert_eq!(q[1].3.as_deref(), Some("Maria Lopez"));
    let q = run("Ms. Lopez talked about the budget for an hour.", &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the budget for an hour");
    assert_eq!(q[0].2.as_deref(), Some("talked about"));
    // A verb of attitude with no plausible subject before it is a noun or a modifier.
    let q = run("The union won substantial support among voters.", &[]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn raising_verbs_report_nothing() {
    // PolNeAR annotates "appears to" and "is expected to" as attributions; nobody is their
    // source, so Gleaner's readers get nothing from them.
    let q = run(
        "Ben Carson appears to be slipping. The deal, which the boards approved, is expected to close in May.",
        &[(PER, "Ben Carson", &["Ben Carson"])],
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn weak_verbs_read_a_bare_clause_with_a_pronoun_subject_and_speakers_stop_at_adverbs() {
    let q = run(
        "Trump supporters believe he can win Florida. Ukraine defiantly rejected Russia’s demand of surrender.",
        &[(EntityKind::Location, "Ukraine", &["Ukraine"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "he can win Florida");
    assert_eq!(q[0].2.as_deref(), Some("believe"));
    assert_eq!(q[1].1, "Russia’s demand of surrender");
    assert_eq!(q[1].3.as_deref(), Some("Ukraine"));
    assert_eq!(q[1].4, Some(Name));
}

#[test]
fn pledged_and_agreed_take_an_infinitive_and_object_cues_stop_at_a_new_clause() {
    let q = run(
        "Maria Lopez pledged to enact judicial reform. The councillors agreed to pay the fine. She won 40 pledged delegates.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "to enact judicial reform");
    assert_eq!(q[0].3.as_deref(), Some("Maria Lopez"));
    assert_eq!(q[1].1, "to pay the fine");
    assert_eq!(q[1].2.as_deref(), Some("agreed"));
    let q = run(
        "Maria Lopez called for the overthrow of the board, even though it was clear the result would be chaos.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the overthrow of the board");
    assert_eq!(q[0].2.as_deref(), Some("called for"));
}

#[test]
fn a_concessive_afterthought_is_not_reported_content() {
    let q = run(
        "Most voters say stricter gun laws would help, though they blame the courts.",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "stricter gun laws would help");
}

#[test]
fn an_opening_asked_reports_the_question_up_to_its_comma_with_no_speaker() {
    let q = run(
        "Asked about her own vote, Maria Lopez replied that she had not decided.",
        &[(PER, "Maria Lopez", &["Maria Lopez"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "about her own vote");
    assert_eq!(q[0].2.as_deref(), Some("Asked"));
    assert_eq!(q[0].3, None);
    assert_eq!(q[1].1, "she had not decided");
    assert_eq!(q[1].3.as_deref(), Some("Maria Lopez"));
}

#[test]
fn reported_content_ends_before_a_coordinated_cue() {
    let q = run(
        "The ministry said it welcomed the findings and pointed to its new reading programme.",
        &[(ORG, "ministry", &["The ministry"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "it welcomed the findings");
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[1].1, "its new reading programme");
    assert_eq!(q[1].2.as_deref(), Some("pointed to"));
}

#[test]
fn a_bracket_after_the_name_and_a_participle_after_a_comma() {
    let q = run(
        "Sen. Rand Paul (R-Ky.) said the tax plan would cost too much.\n\n\
         The council will fund the programme, announced last month.",
        &[(PER, "Rand Paul", &["Rand Paul"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the tax plan would cost too much");
    assert_eq!(q[0].3.as_deref(), Some("Rand Paul"));
}

#[test]
fn an_as_clause_attributes_the_rest_of_its_sentence() {
    let q = run(
        "As The Hill reported, the senator was also accused of breaking the rules.\n\n\
         As reported by the Daily Post, the mayor will not run again.\n\n\
         As the talks continue to drag on, the mayor will not run again.",
        &[],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the senator was also accused of breaking the rules");
    assert_eq!(q[0].2.as_deref(), Some("reported"));
    assert_eq!(q[1].1, "the mayor will not run again");
}

#[test]
fn title_case_headlines_keep_their_speech_verb() {
    let q = run(
        "Bernie Sanders Says He Has Already Started Writing His Address",
        &[(PER, "Bernie Sanders", &["Bernie Sanders"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "He Has Already Started Writing His Address");
    assert_eq!(q[0].3.as_deref(), Some("Bernie Sanders"));
}

#[test]
fn a_quote_inside_a_mixed_attribution_is_not_listed_again() {
    let q = run(
        "The mayor spoke at length on Friday. Later Ruth Ade said the budget was “a disgrace to this city” and left the hall.",
        &[(PER, "Ruth Ade", &["Ruth Ade"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Mixed);
    assert!(q[0].1.contains("a disgrace to this city"), "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("Ruth Ade"));
}

#[test]
fn a_headline_name_and_colon_attribute_the_rest_of_the_headline() {
    let q = run_with_first(
        "Okafor: Bridge Repairs Will Take Two More Years\n\nTom Okafor chaired the council on Monday.",
        &[(PER, "Tom Okafor", &["Okafor", "Tom Okafor"])],
        SectionKind::Headline,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Bridge Repairs Will Take Two More Years");
    assert_eq!(q[0].2.as_deref(), Some(":"));
    assert_eq!(q[0].3.as_deref(), Some("Tom Okafor"));
    // Unmarked (verbatim) text: a one-sentence first block reads as the headline.
    let q = run(
        "Okafor: Bridge Repairs Will Take Two More Years\n\nTom Okafor chaired the council on Monday.",
        &[(PER, "Tom Okafor", &["Okafor", "Tom Okafor"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("Tom Okafor"));
    // A place before the colon is a dateline, and a body paragraph is no headline.
    let q = run_with_first(
        "Lagos: Bridge Repairs Will Take Two More Years\n\nOkafor: the repairs are late. Work stopped.",
        &[
            (EntityKind::Location, "Lagos", &["Lagos"]),
            (PER, "Tom Okafor", &["Okafor"]),
        ],
        SectionKind::Headline,
    );
    assert!(q.is_empty(), "{q:?}");
    // An organisation, a series or product name, or a person the article does not name
    // again is a label, not a speaker.
    for (label, kind) in [("Daily Deals", EntityKind::Organisation), ("Okafor", PER)] {
        let q = run_with_first(
            &format!(
                "{label}: Bridge Repairs Will Take Two More Years\n\nThe council met on Monday."
            ),
            &[(kind, label, &[label])],
            SectionKind::Headline,
        );
        assert!(q.is_empty(), "{label}: {q:?}");
    }
    // A one-word name is a product or a label as often as a person ("Lunacal: …").
    let q = run_with_first(
        "Lunacal: Scheduling For Busy Teams\n\nLunacal books meetings on its own.",
        &[(PER, "Lunacal", &["Lunacal"])],
        SectionKind::Headline,
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_poll_or_study_reports_the_bare_clause_after_show_or_find() {
    let q = run(
        "A new county survey shows most residents back the bridge plan. Okafor found the keys.",
        &[(PER, "Tom Okafor", &["Okafor"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "most residents back the bridge plan");
    assert_eq!(q[0].2.as_deref(), Some("shows"));
}

#[test]
fn one_turn_with_one_cue_between_two_quotes() {
    let q = run(
        "“The depot will close,” Ruth Amadi said on Friday at the hearing, “and nobody will lose a job.”",
        &[(PER, "Ruth Amadi", &["Ruth Amadi"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "The depot will close, | and nobody will lose a job."
    );
    assert_eq!(q[0].3.as_deref(), Some("Ruth Amadi"));
}

#[test]
fn a_paragraph_of_one_cueless_quote_continues_the_turn() {
    let q = run(
        "“The pool opens in May,” Ruth Amadi said.\n\n“Lessons for children will be free all summer.”\n\nThe council meets again on Monday.",
        &[(PER, "Ruth Amadi", &["Ruth Amadi"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "The pool opens in May, | Lessons for children will be free all summer."
    );
    assert_eq!(q[0].4, Some(Name));
}

#[test]
fn a_quoted_phrase_inside_the_sentence_belongs_to_the_sentence() {
    let q = run(
        "The new rules will bring “real relief” to tenants across the city, Ruth Amadi said.",
        &[(PER, "Ruth Amadi", &["Ruth Amadi"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Mixed);
    assert_eq!(
        q[0].1,
        "The new rules will bring “real relief” to tenants across the city"
    );
    assert_eq!(q[0].3.as_deref(), Some("Ruth Amadi"));
}

#[test]
fn a_quoted_title_is_no_quote() {
    let q = run(
        "Her film “The Long Road Home” opens next week in twelve cities.",
        &[],
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn narration_after_the_report_is_cut_off() {
    let q = run(
        "Ruth Amadi said the depot would close in June, adding that nobody would lose a job.\n\nTom Okafor said the plan was sound, but he wanted a second vote.",
        &[
            (PER, "Ruth Amadi", &["Ruth Amadi"]),
            (PER, "Tom Okafor", &["Tom Okafor"]),
        ],
    );
    let said: Vec<&str> = q
        .iter()
        .filter(|r| r.2.as_deref() == Some("said"))
        .map(|r| r.1.as_str())
        .collect();
    assert_eq!(
        said,
        ["the depot would close in June", "the plan was sound"],
        "{q:?}"
    );
}

#[test]
fn a_party_label_after_the_name_does_not_end_the_cue_search() {
    let q = run(
        "“We will vote against it,” Senator Ann Brody, R-Ky., said on Monday.",
        &[(PER, "Ann Brody", &["Ann Brody"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Direct);
    assert_eq!(q[0].2.as_deref(), Some("said"));
    assert_eq!(q[0].3.as_deref(), Some("Ann Brody"));
}

#[test]
fn a_that_inside_a_bare_clause_is_its_own() {
    let q = run(
        "Ruth Amadi said she had read that report twice.",
        &[(PER, "Ruth Amadi", &["Ruth Amadi"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "she had read that report twice");
    assert_eq!(q[0].3.as_deref(), Some("Ruth Amadi"));
}

#[test]
fn a_dashed_parenthetical_does_not_hide_the_subject() {
    let q = run(
        "Mayor Lena Hart -- who has run the city since 2019 -- said the depot would close.",
        &[(PER, "Lena Hart", &["Lena Hart"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the depot would close");
    assert_eq!(q[0].3.as_deref(), Some("Lena Hart"));
}

#[test]
fn fronted_adverbials_and_infinitives_are_no_post_posed_content() {
    let q = run(
        "In an interview on Monday, Tom Okafor continued to defend the plan.\n\nAt least 14 homes were flooded overnight, the fire service said on Thursday.",
        &[
            (PER, "Tom Okafor", &["Tom Okafor"]),
            (ORG, "fire service", &["fire service"]),
        ],
    );
    assert!(
        !q.iter().any(|r| r.1.starts_with("In an interview")),
        "{q:?}"
    );
    let said: Vec<&str> = q
        .iter()
        .filter(|r| r.2.as_deref() == Some("said"))
        .map(|r| r.1.as_str())
        .collect();
    assert_eq!(said, ["At least 14 homes were flooded overnight"], "{q:?}");
}

#[test]
fn a_fronted_subordinate_clause_ends_the_report() {
    let q = run(
        "While Ruth Amadi has said she opposes the toll, the council will vote on it in May.",
        &[(PER, "Ruth Amadi", &["Ruth Amadi"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "she opposes the toll");
    assert_eq!(q[0].3.as_deref(), Some("Ruth Amadi"));
}

#[test]
fn another_subject_with_its_cue_ends_the_content() {
    let q = run(
        "The ministry insisted the plan was on track, and Ms. Ortiz, an adviser, said her staff had finished the models.",
        &[
            (ORG, "ministry", &["ministry"]),
            (PER, "Ana Ortiz", &["Ms. Ortiz"]),
        ],
    );
    let insisted = q.iter().find(|r| r.2.as_deref() == Some("insisted"));
    assert_eq!(
        insisted.map(|r| r.1.as_str()),
        Some("the plan was on track"),
        "{q:?}"
    );
    assert!(
        q.iter()
            .any(|r| r.2.as_deref() == Some("said") && r.3.as_deref() == Some("Ana Ortiz")),
        "{q:?}"
    );
}

#[test]
fn a_passive_asked_reports_the_question() {
    let q = run(
        "Tom Okafor was asked by the host whether he would run again, and he laughed.",
        &[(PER, "Tom Okafor", &["Tom Okafor"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "whether he would run again");
    assert_eq!(q[0].2.as_deref(), Some("was asked"));
    assert_eq!(q[0].3, None);
}

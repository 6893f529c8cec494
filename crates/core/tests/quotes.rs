//! Who said what (issue 5) and the figures' sources and places (issue 6), asserted by hand on
//! the seed article and on fixture articles written for this check.

use std::path::Path;

use gleaner_core::{Article, Extractor, Input, Quote, QuoteKind, SpeakerResolution};

fn extract(name: &str, published: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles")
        .join(name);
    let input = Input {
        published: Some(published.into()),
        ..Input::new(std::fs::read(path).expect("fixture"))
    };
    Extractor::default()
        .extract(&input)
        .expect("fixture extracts")
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The quote whose content contains `words`.
fn quote<'a>(a: &'a Article, words: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?} in {:#?}", a.quotes))
}

/// Kind, cue text, speaker entity name and how it was resolved.
fn summary(q: &Quote) -> (QuoteKind, &str, Option<&str>, Option<SpeakerResolution>) {
    let s = q.speaker.as_ref();
    (
        q.kind,
        q.cue.as_ref().map_or("", |c| c.text.as_str()),
        s.and_then(|s| s.name.as_deref()),
        s.and_then(|s| s.resolved_by),
    )
}

fn entity_id<'a>(a: &'a Article, name: &str) -> &'a str {
    &a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
        .id
}

#[test]
fn seed_attributions() {
    let a = extract("kyiv-talks.txt", "2022-03-22");
    for q in &a.quotes {
        if q.spans.is_empty() {
            assert_eq!(slice(&a.text, q.start, q.end), q.text);
        }
        if let Some(s) = &q.speaker {
            assert_eq!(slice(&a.text, s.start, s.end), s.text);
        }
        if let Some(c) = &q.cue {
            assert_eq!(slice(&a.text, c.start, c.end), c.text);
        }
    }
    let q = quote(&a, "no breakthrough talks yet");
    assert_eq!(summary(q).0, QuoteKind::AccordingTo);
    assert_eq!(summary(q).1, "According to");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Kremlin Spoks");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    let spokesperson = q.speaker.as_ref().unwrap().entity.clone();
    assert!(spokesperson.is_some());

    // "He stated …" continues the spokesperson, not the leaders named earlier.
    let q = quote(&a, "too early to discuss at the meeting");
    assert_eq!((q.kind, summary(q).1), (QuoteKind::Indirect, "stated"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    assert_eq!(q.speaker.as_ref().unwrap().entity, spokesperson);

    let q = quote(
        &a,
        "nearly 651 residential buildings and 3,780 houses were destroyed",
    );
    assert_eq!(
        summary(q),
        (
            QuoteKind::Indirect,
            "claimed",
            Some("State Emergency Services of Ukraine"),
            Some(SpeakerResolution::Name)
        )
    );

    let q = quote(&a, "The Ukrainian flag was raised over the town");
    assert_eq!(summary(q).1, "reported");
    assert_eq!(
        summary(q).2,
        Some("General Staff of the Armed Forces of Ukraine")
    );

    let zelensky = entity_id(&a, "Zelenskyy");
    let q = quote(&a, "not to seek NATO membership");
    assert_eq!(
        summary(q),
        (
            QuoteKind::Indirect,
            "said",
            Some("Zelenskyy"),
            Some(SpeakerResolution::Name)
        )
    );
    let q = quote(&a, "It’s a compromise for everyone: for the West");
    assert_eq!(
        (q.kind, summary(q).1),
        (QuoteKind::Direct, "was heard saying")
    );
    assert!(q.text.ends_with("doesn’t want further NATO expansion,"));
    let q = quote(&a, "direct talks with Russian President Vladimir Putin");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    assert_eq!(summary(q).2, Some("Zelenskyy"));
    let q = quote(&a, "Unless he meets with Putin, it is impossible");
    assert_eq!(
        summary(q),
        (
            QuoteKind::Indirect,
            "added",
            Some("Zelenskyy"),
            Some(SpeakerResolution::Name)
        )
    );
    // Every Zelensky quote points to one entity.
    let zel: Vec<&Quote> = a
        .quotes
        .iter()
        .filter(|q| {
            q.speaker.as_ref().is_some_and(|s| {
                s.text.contains("Zelensky") || s.name.as_deref() == Some("Zelenskyy")
            })
        })
        .collect();
    assert_eq!(zel.len(), 4, "{zel:#?}");
    assert!(
        zel.iter()
            .all(|q| q.speaker.as_ref().unwrap().entity.as_deref() == Some(zelensky))
    );
}

#[test]
fn seed_figure_sources_and_places() {
    let a = extract("kyiv-talks.txt", "2022-03-22");
    let body_figure = |text: &str| {
        a.quantities
            .iter()
            .rev()
            .find(|q| q.text == text)
            .unwrap_or_else(|| panic!("no figure {text}"))
    };
    let ses = entity_id(&a, "State Emergency Services of Ukraine");
    assert_eq!(body_figure("nearly 651").source.as_deref(), Some(ses));
    assert_eq!(body_figure("3,780").source.as_deref(), Some(ses));
    assert_eq!(body_figure("nearly 651").place, None);
    assert_eq!(
        body_figure("60km").place.as_deref(),
        Some(entity_id(&a, "Makariv"))
    );
    assert_eq!(
        body_figure("at least 2,300").place.as_deref(),
        Some(entity_id(&a, "Mariupol"))
    );
    // The highlights' figures sit in no attribution.
    assert_eq!(a.quantities[0].text, "651");
    assert_eq!(a.quantities[0].source, None);
}

#[test]
fn council_story_speakers_resolve() {
    let a = extract("quotes-council.txt", "2024-05-14");
    let q = quote(&a, "We cannot keep patching roads");
    assert_eq!(summary(q).2, Some("Margaret Oduya"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    // A paragraph that is one quote with no cue continues her turn: one attribution of
    // three spans.
    let q = quote(&a, "Every winter the same streets flood");
    assert!(q.text.starts_with("We cannot keep patching roads"));
    assert_eq!(q.spans.len(), 3);
    assert_eq!(summary(q).2, Some("Margaret Oduya"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    // "she" after a man has spoken still finds the woman.
    let q = quote(&a, "the vote would go ahead in June");
    assert_eq!(summary(q).2, Some("Margaret Oduya"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    let q = quote(&a, "the budget had no room for new borrowing");
    assert_eq!(summary(q).2, Some("David Kimani"));
    let q = quote(&a, "the repairs would cost 4.2 million");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    assert_eq!(summary(q).2, Some("Transport Department"));
    let q = quote(&a, "at least 30 streets were closed");
    assert_eq!(summary(q).0, QuoteKind::AccordingTo);
    assert_eq!(summary(q).2, Some("Transport Department"));
    let q = quote(&a, "the budget had no room for new borrowing");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    let q = quote(&a, "other projects would have to wait");
    assert_eq!(summary(q).2, Some("David Kimani"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
}

#[test]
fn flood_story_speakers_resolve() {
    let a = extract("quotes-flood.txt", "2023-11-03");
    let q = quote(&a, "The water came up to the windows in an hour");
    assert_eq!(summary(q).2, Some("Ines Carvalho"));
    let q = quote(&a, "had never seen the river this high");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    assert_eq!(summary(q).2, Some("Ines Carvalho"));
    let q = quote(&a, "more rain was expected on Saturday");
    assert_eq!(summary(q).2, Some("National Weather Institute"));
    let q = quote(&a, "1,200 people had been evacuated to shelters");
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    let fig = a
        .quantities
        .iter()
        .find(|f| f.text == "1,200")
        .expect("figure 1,200");
    let porto_alegre = a
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == "Porto Alegre"))
        .expect("Porto Alegre entity");
    assert_eq!(fig.place.as_deref(), Some(porto_alegre.id.as_str()));
    assert_eq!(fig.source, None, "officials are named by no entity");
    let q = a
        .quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "urged"))
        .expect("the urged attribution");
    assert_eq!(q.text, "residents near the river to leave");
    assert_eq!(summary(q).2, Some("National Weather Institute"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
}

#[test]
fn transit_story_speakers_resolve() {
    let a = extract("quotes-transit.txt", "2025-03-03");
    // The headline's first word is no organisation because names below contain it.
    assert!(a.entities.iter().all(|e| e.name != "Transit"));
    // An inverted cue before an appositive; the second quote of the pair is the same turn.
    let q = quote(&a, "This offer does not even cover");
    assert_eq!(summary(q).0, QuoteKind::Direct);
    assert_eq!(summary(q).2, Some("Priya Nandakumar"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    assert!(q.text.contains("We are not going back for less"));
    // The surname alone is the same person.
    let q = quote(&a, "the union would meet again on Wednesday");
    assert_eq!(summary(q).2, Some("Priya Nandakumar"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    let q = quote(&a, "the strike could spread");
    assert_eq!(summary(q).2, Some("Priya Nandakumar"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // A quoted phrase ending reported speech keeps its closing mark.
    let q = quote(&a, "fair and final");
    assert_eq!(summary(q).0, QuoteKind::Mixed);
    assert_eq!(q.text, "the offer was \"fair and final\"");
    assert_eq!(summary(q).2, Some("Colin Ashworth"));
    // "He" skips the woman who spoke last.
    let q = quote(&a, "the city could not afford a bigger increase");
    assert_eq!(summary(q).2, Some("Colin Ashworth"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // A cue-less paragraph continues the mayor's turn.
    let q = quote(&a, "We have put every dollar");
    assert_eq!(summary(q).2, Some("Colin Ashworth"));
    assert!(
        q.text
            .contains("Nobody wants to see the buses off the road")
    );
    // The spokeswoman speaks for the authority, and "she" is the spokeswoman.
    let authority = "Glenford Transit Authority";
    let q = quote(&a, "140,000 riders a day had been affected");
    assert_eq!(summary(q).2, Some(authority));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    let q = quote(&a, "hired coaches for school routes");
    assert_eq!(summary(q).2, Some(authority));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // "the authority" names the organisation named before it.
    let q = quote(&a, "ridership on the tram network rose");
    assert_eq!(summary(q).0, QuoteKind::AccordingTo);
    assert_eq!(summary(q).2, Some(authority));
    assert_eq!(
        q.speaker.as_ref().map(|s| s.entity.as_deref()),
        Some(Some(entity_id(&a, authority)))
    );
    // A group no entity names is a description with no entity.
    let q = quote(&a, "walking or sharing cars for days");
    let s = q.speaker.as_ref().expect("a speaker");
    assert!(s.text.starts_with("Commuters"));
    assert_eq!(s.entity, None);
}

#[test]
fn harbour_story_speakers_resolve() {
    let a = extract("quotes-harbour.txt", "2025-08-19");
    // The dash dateline prints a place, and the headline's "Port Ellery" is that place.
    let port = a
        .entities
        .iter()
        .find(|e| e.name == "Port Ellery")
        .expect("Port Ellery");
    assert_eq!(port.kind, gleaner_core::EntityKind::Location);
    assert_eq!(port.mentions.len(), 2);
    // "The minister" is the person named with that title before.
    let minister = "Aroha Whitcombe";
    let q = quote(&a, "the leak had been stopped");
    assert_eq!(summary(q).2, Some(minister));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    let q = quote(&a, "We will find out exactly how this happened");
    assert_eq!(summary(q).2, Some(minister));
    assert!(q.text.contains("whoever is responsible will pay"));
    // "The company" and then "It" are the organisation the paragraph names.
    let company = "Harbourline Energy";
    let q = quote(&a, "a valve had failed during unloading");
    assert_eq!(summary(q).2, Some(company));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    let q = quote(&a, "cooperating fully with the investigation");
    assert_eq!(summary(q).2, Some(company));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // "she" with no given name to go by: the woman who spoke last, and her next paragraph.
    let scientist = "Lena Okafor";
    let q = quote(&a, "the next few days would decide");
    assert_eq!(summary(q).2, Some(scientist));
    let q = quote(&a, "Diesel evaporates faster than crude");
    assert_eq!(summary(q).2, Some(scientist));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    assert!(q.text.contains("the shallow bays trap it"));
    // "He" after a new man is named.
    let q = quote(&a, "results were expected by Friday");
    assert_eq!(summary(q).2, Some("Samuel Brandt"));
    // The outlet a speaker talks to is not the speaker.
    let q = quote(&a, "the university would send divers");
    assert_eq!(summary(q).2, Some(scientist));
    // A colon after a clause that opens with a name: that name speaks, with no cue.
    let q = quote(&a, "This should never have happened");
    assert_eq!(summary(q).1, "");
    assert_eq!(summary(q).2, Some("Colm Reddy"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    // A group with no entity, and the police: descriptions without an entity.
    let q = quote(&a, "they had lost a week of income");
    let s = q.speaker.as_ref().expect("a speaker");
    assert_eq!(s.text, "Local fishermen");
    assert_eq!(s.entity, None);
    let q = quote(&a, "no one was injured");
    assert_eq!(summary(q).0, QuoteKind::AccordingTo);
    assert_eq!(q.speaker.as_ref().and_then(|s| s.entity.as_deref()), None);
}

#[test]
fn library_story_speakers_resolve() {
    let a = extract("quotes-library.txt", "2025-06-01");
    // A courtesy title and the surname are the person named in full, and the title is kept.
    let maria = a
        .entities
        .iter()
        .find(|e| e.name == "Maria Delgado")
        .expect("Maria Delgado");
    assert!(maria.aliases.iter().any(|x| x == "Delgado"), "{maria:?}");
    assert_eq!(maria.role.as_deref(), Some("Ms."));
    assert!(
        a.entities
            .iter()
            .all(|e| !e.name.starts_with("Ms.") && !e.name.starts_with("Mr."))
    );
    let q = quote(&a, "donations had arrived");
    assert_eq!(summary(q).2, Some("Maria Delgado"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Name));
    let q = quote(&a, "We lost almost every book");
    assert_eq!(summary(q).2, Some("Maria Delgado"));
    let q = quote(&a, "he had spent about 300 hours");
    assert_eq!(summary(q).2, Some("Tom Harlow"));
    // "the 71-year-old" is the person just named.
    let q = quote(&a, "I couldn't sit at home and watch");
    assert_eq!(summary(q).2, Some("Tom Harlow"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    // "The mayor" is the man an appositive called the town's mayor.
    let q = quote(&a, "the council would pay for new computers");
    assert_eq!(summary(q).2, Some("Keith Obuya"));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
}

#[test]
fn wildfire_story_speakers_resolve() {
    let a = extract("quotes-wildfire.txt", "2025-07-16");
    // The agency a speaker talks to is the listener.
    let spokesman = "Yannis Kostas";
    let q = quote(&a, "The wind changed direction");
    assert_eq!(summary(q).2, Some(spokesman));
    let q = quote(&a, "240 firefighters and nine aircraft");
    assert_eq!(summary(q).2, Some(spokesman));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // "she" after a woman named with her age; the quote's two halves are one turn.
    let q = quote(&a, "We took the photographs");
    assert_eq!(summary(q).2, Some("Anna Petrova"));
    assert!(q.text.contains("Everything else can be replaced"));
    let q = quote(&a, "three fires in the same hills");
    assert_eq!(summary(q).2, Some("Dimitris Vlachos"));
    // "a ministry official" speaks for the ministry named before.
    let ministry = "Civil Protection Ministry";
    let q = quote(&a, "1,100 people had been moved");
    assert_eq!(summary(q).2, Some(ministry));
    let q = quote(&a, "the evacuations were a precaution");
    assert_eq!(summary(q).2, Some(ministry));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Role));
    // Back to the spokesman, by surname and then "he".
    let q = quote(&a, "It depends on the wind");
    assert_eq!(summary(q).2, Some(spokesman));
    assert_eq!(summary(q).3, Some(SpeakerResolution::Pronoun));
    // What crews hoped for on Wednesday is the next Thursday, not the last one.
    let t = a
        .times
        .iter()
        .find(|t| t.text == "Thursday evening")
        .expect("Thursday evening");
    assert_eq!(t.value, "2025-07-17TEV");
}

//! Entities on the seed article (`kyiv-talks.txt`, published 2022-03-22): the expectations of
//! issue 4, written out by hand, and the span invariants every entity must keep.

use std::path::Path;

use gleaner_core::{Article, Entity, EntityKind, Extractor, Input};

fn seed() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles/kyiv-talks.txt");
    let input = Input {
        published: Some("2022-03-22".into()),
        ..Input::new(std::fs::read(path).expect("seed article readable"))
    };
    Extractor::default().extract(&input).expect("seed extracts")
}

fn named<'a>(article: &'a Article, kind: EntityKind, name: &str) -> Option<&'a Entity> {
    article
        .entities
        .iter()
        .find(|e| e.kind == kind && e.name == name)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn zelensky_is_one_person_under_both_spellings() {
    let a = seed();
    let people: Vec<&Entity> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.name.starts_with("Zelensk"))
        .collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    let z = people[0];
    assert!(z.aliases.iter().any(|x| x == "Zelensky"), "{z:#?}");
    assert!(z.aliases.iter().any(|x| x == "Zelenskyy"), "{z:#?}");
    assert_eq!(z.mentions.len(), 4);
    assert_eq!(z.role.as_deref(), Some("President"));
}

#[test]
fn putin_is_one_person_with_his_surname() {
    let a = seed();
    let p = named(&a, EntityKind::Person, "Vladimir Putin").expect("Vladimir Putin");
    assert!(p.aliases.iter().any(|x| x == "Putin"));
    assert_eq!(p.mentions.len(), 4);
    assert!(
        !a.entities
            .iter()
            .any(|e| e.name == "Putin" && e.kind == EntityKind::Person),
        "the surname is not a second person"
    );
}

#[test]
fn places() {
    let a = seed();
    for place in ["Kyiv", "Makariv", "Mariupol", "Ukraine", "Russia"] {
        assert!(
            named(&a, EntityKind::Location, place).is_some(),
            "LOC {place} missing: {:#?}",
            a.entities
        );
    }
    let russia = named(&a, EntityKind::Location, "Russia").unwrap();
    // "Russia’s" counts, without its possessive.
    assert!(russia.mentions.iter().all(|m| m.text == "Russia"));
    assert_eq!(russia.mentions.len(), 6);
}

#[test]
fn organisations() {
    let a = seed();
    for org in [
        "NATO",
        "State Emergency Services of Ukraine",
        "General Staff of the Armed Forces of Ukraine",
    ] {
        assert!(
            named(&a, EntityKind::Organisation, org).is_some(),
            "ORG {org} missing: {:#?}",
            a.entities
        );
    }
    let staff = named(
        &a,
        EntityKind::Organisation,
        "General Staff of the Armed Forces of Ukraine",
    )
    .unwrap();
    assert_eq!(
        staff.mentions[0].text,
        "Gen Staff of the Armed Forces of Ukraine"
    );
}

#[test]
fn kremlin_is_an_organisation() {
    let a = seed();
    assert!(named(&a, EntityKind::Organisation, "Kremlin").is_some());
}

#[test]
fn demonyms_name_their_place() {
    let a = seed();
    let ukrainian = named(&a, EntityKind::Misc, "Ukrainian").expect("Ukrainian");
    assert_eq!(ukrainian.place.as_deref(), Some("Ukraine"));
    let russian = named(&a, EntityKind::Misc, "Russian").expect("Russian");
    assert_eq!(russian.place.as_deref(), Some("Russia"));
    assert!(russian.aliases.iter().any(|x| x == "Russians"));
}

#[test]
fn no_furniture_or_sentence_openers() {
    let a = seed();
    for e in &a.entities {
        for word in [
            "Story",
            "Related Articles",
            "Back",
            "The",
            "Late",
            "Port",
            "Unless",
            "So",
        ] {
            assert_ne!(e.name, word, "{e:#?}");
        }
    }
}

#[test]
fn spans_point_at_their_text_and_order_by_salience() {
    let a = seed();
    assert!(!a.entities.is_empty());
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
        assert!((0.0..=1.0).contains(&e.salience));
        assert!(e.mentions.windows(2).all(|w| w[0].start < w[1].start));
        for m in &e.mentions {
            assert_eq!(slice(&a.text, m.start, m.end), m.text);
        }
    }
    assert!(
        a.entities
            .windows(2)
            .all(|w| w[0].salience >= w[1].salience)
    );
    // The headline names Russia, Putin and Zelensky: they lead.
    let top: Vec<&str> = a.entities[..3].iter().map(|e| e.name.as_str()).collect();
    assert!(
        top.contains(&"Russia") && top.contains(&"Vladimir Putin"),
        "{top:?}"
    );
}

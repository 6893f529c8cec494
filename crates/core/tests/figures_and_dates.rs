//! The seed article's figures, dates and warnings (issue 6), asserted by hand.

use std::path::Path;

use gleaner_core::{
    Article, Extractor, Input, QuantityBound, QuantityCategory, TimexMod, TimexType, WarningKind,
};

fn seed() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles/kyiv-talks.txt");
    let input = Input {
        published: Some("2022-03-22".into()),
        ..Input::new(std::fs::read(path).expect("seed fixture"))
    };
    Extractor::default().extract(&input).expect("seed extracts")
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The section kind a span sits in.
fn section_of(a: &Article, start: usize) -> gleaner_core::SectionKind {
    a.sections
        .iter()
        .find(|s| s.start <= start && start < s.end)
        .map(|s| s.kind)
        .expect("span inside a section")
}

#[test]
fn seed_figures() {
    let a = seed();
    for q in &a.quantities {
        assert_eq!(slice(&a.text, q.start, q.end), q.text, "span of {q:?}");
    }
    let body = |v: f64| {
        a.quantities
            .iter()
            .find(|q| q.value == v && section_of(&a, q.start).is_body())
            .unwrap_or_else(|| panic!("body figure {v}"))
    };
    let lead = |v: f64| {
        a.quantities
            .iter()
            .find(|q| q.value == v && !section_of(&a, q.start).is_body())
            .unwrap_or_else(|| panic!("highlight figure {v}"))
    };

    let q = body(651.0);
    assert_eq!(q.text, "nearly 651");
    assert_eq!(q.bound, QuantityBound::Approx);
    assert_eq!(q.object.as_deref(), Some("residential buildings"));
    assert_eq!(q.category, QuantityCategory::Damage);
    assert_eq!(q.event.as_deref(), Some("destroyed"));
    let q = lead(651.0);
    assert_eq!(q.bound, QuantityBound::Exact);
    assert_eq!(q.object.as_deref(), Some("residential buildings"));
    assert_eq!(q.category, QuantityCategory::Damage);

    let q = body(3780.0);
    assert_eq!(q.object.as_deref(), Some("houses"));
    assert_eq!(q.event.as_deref(), Some("destroyed"));
    assert_eq!(lead(3780.0).object.as_deref(), Some("buildings"));

    let q = body(27.0);
    assert!(q.ordinal);
    assert_eq!(q.text, "27th");
    assert_eq!(q.object.as_deref(), Some("day"));

    let q = body(60.0);
    assert_eq!(q.text, "60km");
    assert_eq!(q.unit.as_deref(), Some("km"));
    assert_eq!(q.category, QuantityCategory::Distance);

    let q = body(2300.0);
    assert_eq!(q.text, "at least 2,300");
    assert_eq!(q.bound, QuantityBound::AtLeast);
    assert_eq!(q.object.as_deref(), Some("people"));
    assert_eq!(q.category, QuantityCategory::Casualties);
    assert_eq!(q.event.as_deref(), Some("died"));
    assert!(q.cumulative);
}

#[test]
fn seed_dates() {
    let a = seed();
    let find = |text: &str| {
        a.times
            .iter()
            .find(|t| t.text == text)
            .unwrap_or_else(|| panic!("time {text:?} in {:?}", a.times))
    };
    for t in &a.times {
        assert_eq!(slice(&a.text, t.start, t.end), t.text);
    }
    let today = find("today");
    assert_eq!(
        (today.kind, today.value.as_str()),
        (TimexType::Date, "2022-03-22")
    );
    let late = find("Late on Monday");
    assert_eq!(late.value, "2022-03-21");
    assert_eq!(late.modifier, Some(TimexMod::End));
    // "… witnessed a rage on Monday after …": TimeML leaves "on" outside the expression
    let monday = a
        .times
        .iter()
        .find(|t| t.text == "Monday" && slice(&a.text, t.start - 3, t.start) == "on ")
        .expect("on Monday");
    assert_eq!(monday.value, "2022-03-21");
    assert_eq!(monday.modifier, None);
    let day = find("the 27th day");
    assert_eq!(day.value, "2022-03-22");
    let anchor = day.anchor.as_ref().expect("the 27th day has an anchor");
    assert_eq!(anchor.text.as_deref(), Some("Russia’s ferocity"));
    assert_eq!(anchor.value.as_deref(), Some("2022-02-24"));
}

#[test]
fn seed_warnings() {
    let a = seed();
    let texts: Vec<(WarningKind, Vec<String>)> = a
        .warnings
        .iter()
        .map(|w| {
            (
                w.kind,
                w.spans
                    .iter()
                    .map(|s| slice(&a.text, s.start, s.end))
                    .collect(),
            )
        })
        .collect();
    assert!(
        texts.contains(&(
            WarningKind::FigureBound,
            vec![
                "651 residential buildings".to_string(),
                "nearly 651 residential buildings".to_string()
            ]
        )),
        "{texts:?}"
    );
    assert!(
        texts.contains(&(
            WarningKind::FigureObject,
            vec![
                "3,780 other buildings".to_string(),
                "3,780 houses".to_string()
            ]
        )),
        "{texts:?}"
    );
    // The name spelt two ways is listed once, as information.
    assert!(
        texts.contains(&(
            WarningKind::NameVariants,
            vec!["Zelensky".to_string(), "Zelenskyy".to_string()]
        )),
        "{texts:?}"
    );
    assert_eq!(texts.len(), 3, "{texts:?}");
}

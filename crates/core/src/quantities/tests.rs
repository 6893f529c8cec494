//! Hand-written expectations for the quantities stage.

use super::*;
use crate::model::{QuantityBound as B, QuantityCategory as C, QuantityChange as Ch};

/// (text, value, bound, unit, object, category, event) of every figure in one sentence.
#[allow(clippy::type_complexity)]
fn figures(
    text: &str,
) -> Vec<(
    String,
    f64,
    B,
    Option<&'static str>,
    Option<String>,
    C,
    Option<String>,
)> {
    let sentences = [Span {
        start: 0,
        end: text.chars().count(),
    }];
    find_quantities(text, &sentences)
        .into_iter()
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.value,
                q.bound,
                q.unit,
                q.object_text(text).map(str::to_string),
                q.category,
                q.event.map(|(a, b)| text[a..b].to_string()),
            )
        })
        .collect()
}

fn one(text: &str) -> QuantityMention {
    let sentences = [Span {
        start: 0,
        end: text.chars().count(),
    }];
    let all = find_quantities(text, &sentences);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

#[test]
fn counts_with_bounds_objects_and_events() {
    let f = figures(
        "The agency said nearly 651 residential buildings and 3,780 houses were destroyed.",
    );
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].0, "nearly 651");
    assert_eq!((f[0].1, f[0].2), (651.0, B::Approx));
    assert_eq!(f[0].4.as_deref(), Some("residential buildings"));
    assert_eq!((f[0].5, f[0].6.as_deref()), (C::Damage, Some("destroyed")));
    assert_eq!((f[1].1, f[1].4.as_deref()), (3780.0, Some("houses")));
    assert_eq!(f[1].6.as_deref(), Some("destroyed"));

    let f = figures("So far at least 2,300 have died.");
    assert_eq!(f[0].0, "at least 2,300");
    assert_eq!((f[0].1, f[0].2), (2300.0, B::AtLeast));
    assert_eq!(f[0].4.as_deref(), Some("people"));
    assert_eq!((f[0].5, f[0].6.as_deref()), (C::Casualties, Some("died")));
    assert!(one("So far at least 2,300 have died.").cumulative);
    assert!(!one("On Monday 12 people were injured.").cumulative);
    assert_eq!(
        one("More than 300 protesters were arrested.").bound,
        B::MoreThan
    );
    assert_eq!(
        one("More than 300 protesters were arrested.").category,
        C::Arrests
    );
    assert_eq!(one("Up to 40 people are missing.").bound, B::AtMost);
    assert_eq!(one("Fewer than 20 people came.").bound, B::LessThan);
    assert_eq!(
        one("Some 2,000 families fled the town.").category,
        C::Displacement
    );
}

#[test]
fn money_units_percentages_and_scales() {
    let f = figures("The plan costs $40 billion, or £20.1bn, and 60km of road.");
    assert_eq!(
        f.iter()
            .map(|x| (x.0.as_str(), x.1, x.3))
            .collect::<Vec<_>>(),
        [
            ("$40 billion", 40e9, Some("USD")),
            ("£20.1bn", 20.1e9, Some("GBP")),
            ("60km", 60.0, Some("km"))
        ]
    );
    assert_eq!(f[0].5, C::Money);
    assert_eq!(f[2].5, C::Distance);
    assert_eq!(f[2].4.as_deref(), Some("road"));
    let q = one("Prices rose by 5% in March.");
    assert_eq!(
        (q.value, q.unit, q.category),
        (5.0, Some("%"), C::Percentage)
    );
    assert_eq!(q.change, Some(Ch::Up));
    assert_eq!(one("The firm will cut 1,200 jobs.").change, Some(Ch::Down));
    assert_eq!(one("The toll rose to 2,300.").change, None);
    assert_eq!(one("It weighed 40 tonnes.").unit, Some("t"));
    assert_eq!(one("Inflation hit 5.4 per cent.").unit, Some("%"));
    assert_eq!(one("They walked 5 miles.").unit, Some("mi"));
}

#[test]
fn spelled_numbers_ranges_and_fractions() {
    assert_eq!(one("two thousand people marched").value, 2000.0);
    assert_eq!(one("a dozen officers were hurt").value, 12.0);
    let q = one("hundreds of people were evacuated");
    assert_eq!((q.value, q.bound), (100.0, B::AtLeast));
    let q = one("between 2,000 and 3,000 troops");
    assert_eq!(
        (q.value, q.value_max, q.bound),
        (2000.0, Some(3000.0), B::Range)
    );
    let q = one("2,000-3,000 troops");
    assert_eq!((q.value, q.value_max), (2000.0, Some(3000.0)));
    assert_eq!(one("1.5 million refugees").value, 1.5e6);
    assert!((one("two-thirds of voters").value - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn not_figures() {
    for text in [
        "In 2022, the war began.",
        "He spoke on March 3 at 10:30.",
        "The meeting is at 8 p.m. tonight.",
        "Call 555-0134 for details.",
        "Article 5 of the treaty applies.",
        "The G7 met; COVID-19 spread.",
        "In the 1990s, things changed.",
        "No one knows which one.",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
}

#[test]
fn ordinal_days_count() {
    let q = one("Russia’s ferocity entered the 27th day today.");
    assert!(q.ordinal);
    assert_eq!(q.value, 27.0);
    assert_eq!(q.unit, None);
}

#[test]
fn number_layer_reads_every_form() {
    let v = |s: &str| scan_numbers(s).iter().map(|n| n.value).collect::<Vec<_>>();
    assert_eq!(v("one hundred and sixty-one"), [161.0]);
    assert_eq!(
        v("twenty-one trillion three hundred"),
        [21_000_000_000_300.0]
    );
    assert_eq!(v("1,234,567 and 1 234 567"), [1_234_567.0, 1_234_567.0]);
    assert_eq!(v("10k or 2.33 k"), [10_000.0, 2330.0]);
    assert_eq!(v("1e10"), [1e10]);
    assert_eq!(v("3/4 and 2 1/4"), [0.75, 2.25]);
    assert_eq!(v("one and a half"), [1.5]);
    assert_eq!(v("three quarters"), [0.75]);
    assert_eq!(v("half a dozen"), [6.0]);
    assert_eq!(v("minus five point five"), [-5.5]);
    assert_eq!(v("192.168.1.2"), [192.0, 168.0, 1.0, 2.0]);
    assert_eq!(v("twenty-first"), [21.0]);
}

#[test]
fn headline_figures_checked_against_the_body() {
    use crate::model::{Section, SectionKind, WarningKind};
    let text = "651 residential buildings and 3,780 other buildings gutted so far.\n\nNearly 651 residential buildings and 3,780 houses were destroyed.";
    let lead_end = text.find('\n').unwrap();
    let body_start = lead_end + 2;
    let sections = [
        Section {
            kind: SectionKind::Highlight,
            start: 0,
            end: text[..lead_end].chars().count(),
        },
        Section {
            kind: SectionKind::Paragraph,
            start: text[..body_start].chars().count(),
            end: text.chars().count(),
        },
    ];
    let spans = [
        Span {
            start: sections[0].start,
            end: sections[0].end,
        },
        Span {
            start: sections[1].start,
            end: sections[1].end,
        },
    ];
    let figures = find_quantities(text, &spans);
    let w = figure_warnings(text, &sections, &figures);
    let kinds: Vec<WarningKind> = w.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::FigureBound, WarningKind::FigureObject]);
    assert_eq!(&text[w[1].lead.0..w[1].lead.1], "3,780 other buildings");
    assert_eq!(&text[w[1].body.0..w[1].body.1], "3,780 houses");
}

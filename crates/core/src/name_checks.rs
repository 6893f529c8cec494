//! Check: a person's name spelt several ways in one article ("Zelensky" / "Zelenskyy").
//!
//! Reads only the model's [`Entity`] values (the entities stage has already merged the
//! variants into one person) and reports each such person once, as an informational
//! [`Warning`]: readers and fact-checkers want to know the article is inconsistent, and
//! which spellings it uses.

use crate::model::{Entity, EntityKind, Span, Warning, WarningKind};

/// One warning per person whose surname the article spells in more than one way.
pub fn name_variant_warnings(entities: &[Entity]) -> Vec<Warning> {
    let mut out = Vec::new();
    for entity in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        // (spelling as printed, its folded key, the first mention using it)
        let mut forms: Vec<(String, String, Span)> = Vec::new();
        for m in &entity.mentions {
            let Some(surname) = m.text.split_whitespace().last() else {
                continue;
            };
            let surname = surname
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['\'', '’']);
            let key = surname.to_lowercase();
            if key.chars().count() < 4 || forms.iter().any(|(_, k, _)| *k == key) {
                continue;
            }
            forms.push((
                surname.to_string(),
                key,
                Span {
                    start: m.start,
                    end: m.end,
                },
            ));
        }
        // Only spellings of one word count: a shared opening and a near length
        // ("Zelensky", "Zelenskyy", "Zelenskiy"), not a first name against a surname.
        let Some((_, first_key, _)) = forms.first().cloned() else {
            continue;
        };
        let variants: Vec<&(String, String, Span)> = forms
            .iter()
            .filter(|(_, key, _)| is_respelling(&first_key, key))
            .collect();
        if variants.len() < 2 {
            continue;
        }
        let spellings: Vec<&str> = variants.iter().map(|(s, _, _)| s.as_str()).collect();
        out.push(Warning {
            kind: WarningKind::NameVariants,
            message: format!(
                "{} is spelt {} in this article (merged as one person)",
                entity.name,
                spellings.join(", ")
            ),
            spans: variants.iter().map(|(_, _, span)| *span).collect(),
        });
    }
    out
}

/// Two folded spellings of the same word: the same first four letters and lengths within
/// two letters of each other.
fn is_respelling(a: &str, b: &str) -> bool {
    let head = |s: &str| s.chars().take(4).collect::<String>();
    let (la, lb) = (a.chars().count(), b.chars().count());
    head(a) == head(b) && la.abs_diff(lb) <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn person(name: &str, mentions: &[&str]) -> Entity {
        Entity {
            id: "e1".into(),
            kind: EntityKind::Person,
            name: name.into(),
            aliases: Vec::new(),
            role: None,
            place: None,
            mentions: mentions
                .iter()
                .enumerate()
                .map(|(i, t)| Mention {
                    start: i * 20,
                    end: i * 20 + t.chars().count(),
                    text: (*t).into(),
                })
                .collect(),
            salience: 1.0,
        }
    }

    #[test]
    fn respellings_of_a_surname_are_reported_once() {
        let e = person(
            "Volodymyr Zelenskyy",
            &["Zelensky", "Zelenskyy", "Volodymyr Zelenskyy", "Zelensky’s"],
        );
        let w = name_variant_warnings(&[e]);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].kind, WarningKind::NameVariants);
        assert!(
            w[0].message.contains("Zelensky, Zelenskyy"),
            "{}",
            w[0].message
        );
        assert_eq!(w[0].spans.len(), 2);
    }

    #[test]
    fn full_name_and_surname_are_not_variants() {
        let e = person("Vladimir Putin", &["Vladimir Putin", "Putin", "Putin's"]);
        assert!(name_variant_warnings(&[e]).is_empty());
        let mut place = person("Kyiv", &["Kyiv", "Kyivs"]);
        place.kind = EntityKind::Location;
        assert!(name_variant_warnings(&[place]).is_empty());
    }
}

//! Mentions into entities: one entity per referent in an article.
//!
//! People are grouped by surname, with spelling variants folded together ("Zelensky",
//! "Zelenskyy", "Zelenskiy"); a bare surname joins the full name it shortens. Other kinds
//! are grouped by their normalised text, and an acronym joins its expansion ("NATO" /
//! "North Atlantic Treaty Organization"). Demonyms ("Ukrainian") stay MISC entities that
//! name their place. Titles before a name become its `role`. The canonical name is the
//! fullest form seen; salience weighs headline presence, mention count and first position.

use super::lexicon::{Lexicon, list_bit};
use super::tags::Kind;

/// One mention handed to clustering: its tokens and where it sits.
#[derive(Debug, Clone)]
pub struct MentionIn<'a> {
    /// Kind the tagger gave it.
    pub kind: Kind,
    /// Its tokens' text.
    pub tokens: Vec<&'a str>,
    /// Code-point span in the text.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The mention as written (`text[start..end]`).
    pub text: &'a str,
    /// Title words printed right before it ("President"), if any.
    pub role: Option<String>,
    /// Whether it lies in the headline.
    pub in_headline: bool,
}

/// An entity: its mentions (indices into the input) and canonical forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Entity kind.
    pub kind: Kind,
    /// Canonical name (the fullest form seen).
    pub name: String,
    /// Every form seen (the name among them when it occurs as such), in order of appearance.
    pub aliases: Vec<String>,
    /// Title or role printed with the name.
    pub role: Option<String>,
    /// For a demonym, the place it refers to.
    pub place: Option<String>,
    /// Indices of the mentions, in text order.
    pub mentions: Vec<usize>,
    /// Salience in [0, 1].
    pub salience: f64,
}

/// A surname or name normalised for spelling variants: lower case, no diacritics, doubled
/// letters single, the endings -iy/-yy/-ii/-ij read as -y.
pub fn variant_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    let mut push = |c: char| {
        if c.is_alphanumeric() && last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    };
    for c in s.chars() {
        // Most names are ASCII: no case-mapping iterator, nothing to fold.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            for c in c.to_lowercase() {
                push(fold_diacritic(c));
            }
        }
    }
    for (ending, to) in [("iy", "y"), ("ij", "y"), ("yi", "y"), ("ii", "y")] {
        if out.len() > 3 && out.ends_with(ending) {
            out.truncate(out.len() - ending.len());
            out.push_str(to);
        }
    }
    out
}

fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ž' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'ď' => 'd',
        '’' => '\'',
        other => other,
    }
}

/// Words an organisation's acronym skips.
const MINOR_WORDS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "&", "de", "des", "du", "la",
];

/// Initials of a multi-word name ("North Atlantic Treaty Organization" → "NATO").
fn initials(tokens: &[&str]) -> String {
    tokens
        .iter()
        .filter(|t| !MINOR_WORDS.contains(&t.to_lowercase().as_str()))
        .filter_map(|t| t.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `s` looks like an acronym ("NATO", "U.N."): its letters without the dots.
fn acronym(s: &str) -> Option<String> {
    is_acronym(s).then(|| s.chars().filter(|c| *c != '.').collect())
}

/// Whether `s` is two or more upper-case letters, dots aside.
fn is_acronym(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| *c != '.');
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// Abbreviations expanded in canonical organisation names ("Gen Staff" → "General Staff").
const EXPANSIONS: &[(&str, &str)] = &[
    ("Gen", "General"),
    ("Gen.", "General"),
    ("Govt", "Government"),
    ("Govt.", "Government"),
    ("Dept", "Department"),
    ("Dept.", "Department"),
    ("Intl", "International"),
    ("Natl", "National"),
    ("Assn", "Association"),
    ("Univ", "University"),
    ("Univ.", "University"),
    ("Min.", "Ministry"),
];

fn canonical_text(kind: Kind, tokens: &[&str]) -> String {
    let mut words: Vec<&str> = tokens.to_vec();
    while words.last().is_some_and(|w| is_possessive(w)) {
        words.pop();
    }
    if kind != Kind::Per
        && words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.len() > 1
    {
        words.remove(0);
    }
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let w = if kind == Kind::Org && i + 1 < words.len() {
            EXPANSIONS
                .iter()
                .find(|(a, _)| a == w)
                .map_or(*w, |(_, b)| *b)
        } else {
            w
        };
        // Tokens are joined by spaces, except before closing punctuation and a possessive
        // ("Legislative Analyst’s Office").
        if i > 0 && !matches!(w, "," | "." | ")") && !is_possessive(w) && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "’s" | "'s" | "’" | "'")
}

/// The key a non-person mention groups by.
fn group_key(kind: Kind, tokens: &[&str]) -> String {
    let name = canonical_text(kind, tokens);
    variant_key(&name)
}

/// What an entity under construction is matched by.
struct ClusterKeys {
    /// A person's surname key.
    surname: Option<String>,
    /// The variant keys of the first mention's words (people) or its group key as one
    /// element (other kinds).
    full: Vec<String>,
    /// An acronym or the initials of a spelled-out name.
    acronym: Option<String>,
}

/// Variant keys of a mention's first and last token, computed once: matching compares
/// them against every earlier entity's mentions.
struct TokenKeys {
    first: String,
    last: String,
}

impl TokenKeys {
    fn of(m: &MentionIn<'_>) -> Self {
        Self {
            first: m.tokens.first().map(|t| variant_key(t)).unwrap_or_default(),
            last: m.tokens.last().map(|t| variant_key(t)).unwrap_or_default(),
        }
    }
}

/// Groups mentions into entities, sorted by salience (highest first).
pub fn cluster(mentions: &[MentionIn<'_>], lexicon: &Lexicon, text_len: usize) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut keys: Vec<ClusterKeys> = Vec::new();
    let token_keys: Vec<TokenKeys> = mentions.iter().map(TokenKeys::of).collect();
    // Each mention's canonical text, once: naming an entity reads every mention's, twice.
    let canonicals: Vec<String> = mentions
        .iter()
        .map(|m| canonical_text(m.kind, &m.tokens))
        .collect();
    let first_names = list_bit("first-name").unwrap_or(0);
    for (idx, m) in mentions.iter().enumerate() {
        let canonical = &canonicals[idx];
        if canonical.is_empty() {
            continue;
        }
        let words: Vec<&str> = m
            .tokens
            .iter()
            .copied()
            .filter(|t| !is_possessive(t))
            .collect();
        let target = match m.kind {
            Kind::Per => {
                let word_keys: Vec<String> = words.iter().map(|w| variant_key(w)).collect();
                let surname = word_keys.last().cloned().unwrap_or_default();
                let first = word_keys.first().map_or("", String::as_str);
                // A one-word mention that is a known first name and matches a full name's
                // first word joins it ("Vladimir" after "Vladimir Putin").
                // …or, known name or not, the first word of exactly one full name.
                let first_of = |c: usize| {
                    clusters[c].kind == Kind::Per
                        && keys[c].full.len() > 1
                        && keys[c].full.first().map(String::as_str) == Some(first)
                };
                let single_first = words.len() == 1
                    && (lexicon.phrase_lists(&words) & first_names != 0
                        || (0..clusters.len()).filter(|&c| first_of(c)).count() == 1);
                let target = (0..clusters.len()).rev().find(|&c| {
                    clusters[c].kind == Kind::Per && {
                        let k = &keys[c];
                        let same_surname = k.surname.as_deref() == Some(surname.as_str());
                        let compatible_first = words.len() == 1
                            || clusters[c].mentions.iter().all(|&o| {
                                mentions[o].tokens.len() < 2 || token_keys[o].first == first
                            });
                        (same_surname && compatible_first)
                            || (single_first && k.full.first().map(String::as_str) == Some(first))
                    }
                });
                if target.is_none() {
                    keys.push(ClusterKeys {
                        surname: Some(surname),
                        full: word_keys,
                        acronym: None,
                    });
                }
                target
            }
            _ => {
                let key = group_key(m.kind, &words);
                let acr = acronym(canonical);
                let init = (words.len() >= 2).then(|| initials(&words));
                let target = (0..clusters.len()).find(|&c| {
                    clusters[c].kind == m.kind && {
                        let k = &keys[c];
                        k.full.first() == Some(&key)
                            || (acr.is_some() && k.acronym.as_ref() == acr.as_ref())
                            || (init.as_ref().is_some_and(|i| i.len() >= 2)
                                && k.acronym.as_ref() == init.as_ref())
                    }
                });
                if target.is_none() {
                    keys.push(ClusterKeys {
                        surname: None,
                        full: vec![key],
                        acronym: acr.or(init),
                    });
                }
                target
            }
        };
        match target {
            Some(c) => {
                let cl = &mut clusters[c];
                cl.mentions.push(idx);
                // A courtesy title ("Mr.") gives way to a role ("President").
                if cl.role.as_deref().is_none_or(is_courtesy_title) && m.role.is_some() {
                    cl.role.clone_from(&m.role);
                }
            }
            None => clusters.push(Cluster {
                kind: m.kind,
                name: canonical.clone(),
                aliases: Vec::new(),
                role: m.role.clone(),
                place: None,
                mentions: vec![idx],
                salience: 0.0,
            }),
        }
    }
    // A person's bare surname that the tagger typed otherwise joins the person.
    merge_stray_surnames(&mut clusters, mentions, &token_keys);
    for cl in &mut clusters {
        finish_names(cl, &canonicals);
    }
    merge_demonyms(&mut clusters, mentions, lexicon);
    for cl in &mut clusters {
        finish_names(cl, &canonicals);
        if cl.place.is_some() {
            // A demonym's name is its shortest form ("Russian", not "Russians").
            if let Some(short) = cl.aliases.iter().min_by_key(|a| a.chars().count()) {
                cl.name.clone_from(short);
            }
        }
    }
    score(&mut clusters, mentions, text_len);
    clusters.sort_by(|a, b| {
        b.salience.total_cmp(&a.salience).then(
            mentions[a.mentions[0]]
                .start
                .cmp(&mentions[b.mentions[0]].start),
        )
    });
    clusters
}

fn merge_stray_surnames(
    clusters: &mut Vec<Cluster>,
    mentions: &[MentionIn<'_>],
    token_keys: &[TokenKeys],
) {
    let mut i = 0;
    while i < clusters.len() {
        let single_word = clusters[i].kind != Kind::Per
            && clusters[i]
                .mentions
                .iter()
                .all(|&m| mentions[m].tokens.len() == 1);
        let target = single_word
            .then(|| {
                let key = &token_keys[clusters[i].mentions[0]].first;
                clusters.iter().position(|c| {
                    c.kind == Kind::Per
                        && c.mentions
                            .iter()
                            .any(|&m| mentions[m].tokens.len() >= 2 && token_keys[m].last == *key)
                })
            })
            .flatten();
        match target {
            Some(t) => {
                let moved = clusters.remove(i);
                let t = if t > i { t - 1 } else { t };
                clusters[t].mentions.extend(moved.mentions);
                clusters[t].mentions.sort_by_key(|&m| mentions[m].start);
            }
            None => i += 1,
        }
    }
}

fn finish_names(cl: &mut Cluster, canonicals: &[String]) {
    // The fullest form: most words, then most letters; first seen wins ties.
    let mut best: Option<(usize, usize, &String)> = None;
    let mut forms: Vec<String> = Vec::new();
    for &m in &cl.mentions {
        let form = &canonicals[m];
        let words = form.split(' ').count();
        let len = form.chars().count();
        // Acronyms are short forms, never the canonical name of something spelled out.
        let weight = if is_acronym(form) { 0 } else { words };
        if best
            .as_ref()
            .is_none_or(|(w, l, _)| (weight, len) > (*w, *l))
        {
            best = Some((weight, len, form));
        }
        if !forms.contains(form) {
            forms.push(form.clone());
        }
    }
    if let Some((_, _, name)) = best {
        cl.name.clone_from(name);
    }
    cl.aliases = forms;
}

/// Demonyms name their place; the forms of one place ("Russian", "Russians") are one entity.
fn merge_demonyms(clusters: &mut Vec<Cluster>, mentions: &[MentionIn<'_>], lexicon: &Lexicon) {
    for cl in clusters.iter_mut().filter(|c| c.kind == Kind::Misc) {
        cl.place = lexicon.demonym_place(&cl.name).map(str::to_string);
    }
    let mut i = 0;
    while i < clusters.len() {
        let target = clusters[i].place.as_ref().and_then(|p| {
            (0..i)
                .find(|&j| clusters[j].kind == Kind::Misc && clusters[j].place.as_ref() == Some(p))
        });
        match target {
            Some(j) => {
                let moved = clusters.remove(i);
                clusters[j].mentions.extend(moved.mentions);
                clusters[j].mentions.sort_by_key(|&m| mentions[m].start);
            }
            None => i += 1,
        }
    }
}

fn score(clusters: &mut [Cluster], mentions: &[MentionIn<'_>], text_len: usize) {
    let most = clusters
        .iter()
        .map(|c| c.mentions.len())
        .max()
        .unwrap_or(1)
        .max(1);
    for cl in clusters {
        let headline = cl.mentions.iter().any(|&m| mentions[m].in_headline);
        let count = cl.mentions.len() as f64 / most as f64;
        let first = mentions[cl.mentions[0]].start as f64 / text_len.max(1) as f64;
        let s = 0.35 * f64::from(u8::from(headline)) + 0.4 * count + 0.25 * (1.0 - first);
        cl.salience = (s.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    }
}

/// "Mr.", "Mrs", "Ms." or "Miss": a title that says how to address a person, not what
/// they do.
fn is_courtesy_title(title: &str) -> bool {
    matches!(
        title.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mx"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(variant_key("Zelensky"), variant_key("Zelenskyy"));
        assert_eq!(variant_key("Zelenskiy"), variant_key("Zelensky"));
        assert_eq!(variant_key("Zelenskyi"), variant_key("Zelensky"));
        assert_ne!(variant_key("Putin"), variant_key("Zelensky"));
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(
            initials(&["North", "Atlantic", "Treaty", "Organization"]),
            "NATO"
        );
        assert_eq!(acronym("U.N."), Some("UN".to_string()));
        assert_eq!(acronym("Kremlin"), None);
    }

    fn m<'a>(kind: Kind, tokens: &[&'a str], start: usize) -> MentionIn<'a> {
        MentionIn {
            kind,
            tokens: tokens.to_vec(),
            start,
            end: start + 5,
            text: tokens[0],
            role: None,
            in_headline: false,
        }
    }

    #[test]
    fn people_join_by_surname_and_variant() {
        let lex = Lexicon::default();
        let ms = [
            m(Kind::Per, &["Zelensky"], 0),
            m(Kind::Per, &["Vladimir", "Putin"], 10),
            m(Kind::Per, &["Volodymyr", "Zelenskyy"], 20),
            m(Kind::Per, &["Putin"], 30),
            m(Kind::Loc, &["Russia", "’s"], 40),
            m(Kind::Loc, &["Russia"], 50),
            m(
                Kind::Org,
                &["North", "Atlantic", "Treaty", "Organization"],
                60,
            ),
            m(Kind::Org, &["NATO"], 70),
            m(Kind::Org, &["Zelenskiy"], 80),
        ];
        let cs = cluster(&ms, &lex, 100);
        let find = |name: &str| cs.iter().find(|c| c.name == name).unwrap();
        assert_eq!(find("Vladimir Putin").aliases, ["Vladimir Putin", "Putin"]);
        let z = find("Volodymyr Zelenskyy");
        assert_eq!(z.aliases, ["Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"]);
        assert_eq!(z.mentions.len(), 3);
        assert_eq!(find("Russia").mentions.len(), 2);
        assert_eq!(
            find("North Atlantic Treaty Organization").aliases,
            ["North Atlantic Treaty Organization", "NATO"]
        );
        assert_eq!(cs.len(), 4);
        assert!(cs.windows(2).all(|w| w[0].salience >= w[1].salience));
    }

    #[test]
    fn different_first_names_stay_apart() {
        let lex = Lexicon::default();
        let ms = [
            m(Kind::Per, &["Joe", "Biden"], 0),
            m(Kind::Per, &["Jill", "Biden"], 10),
            m(Kind::Per, &["Biden"], 20),
        ];
        let cs = cluster(&ms, &lex, 30);
        assert_eq!(cs.len(), 2);
    }

    #[test]
    fn organisation_abbreviations_expand() {
        assert_eq!(
            canonical_text(Kind::Org, &["Gen", "Staff", "of", "the", "Armed", "Forces"]),
            "General Staff of the Armed Forces"
        );
    }
}

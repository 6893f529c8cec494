//! Bylines: "By Ana Silva, Tom Baker and Lee Chen, Reuters" → people, agencies, roles.

/// A parsed byline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineParts {
    /// The byline as printed.
    pub text: String,
    /// People credited, as printed (title-cased when printed in capitals).
    pub authors: Vec<String>,
    /// News agencies credited.
    pub agencies: Vec<String>,
    /// Roles credited (`Staff Writer`).
    pub roles: Vec<String>,
    /// A date printed inside the byline ("By Jane Doe | March 3, 2024"), as printed.
    pub date_text: Option<String>,
}

/// Parses a byline line. Returns `None` unless the line starts with a credit phrase ("By",
/// "Written by", …) and every credited part reads as a person, an agency or a role, so that a
/// sentence such as "By the time the fire was out, …" is not taken for a byline.
pub fn parse_byline(line: &str) -> Option<BylineParts> {
    let trimmed = line.trim();
    if super::furniture::count_words(trimmed, 25) > 24 {
        return None;
    }
    let rest = strip_credit_prefix(trimmed)?;
    let mut authors = Vec::new();
    let mut agencies = Vec::new();
    let mut roles = Vec::new();
    let mut date_text = None;
    // "Jane Doe | Reuters | March 3, 2024" — segments, then names inside each.
    for segment in rest
        .split(['|', '•', '·'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" — "))
        .map(str::trim)
    {
        if segment.is_empty() {
            continue;
        }
        if crate::calendar::find_date(segment).is_some() || looks_like_time(segment) {
            date_text.get_or_insert_with(|| segment.to_string());
            continue;
        }
        for part in split_names(segment) {
            let part = part.trim().trim_end_matches(['.', ',', ';']).trim();
            if part.is_empty() {
                continue;
            }
            let part = strip_widget_words(part);
            if part.is_empty() {
                continue;
            }
            let (part, outlet) = split_trailing_outlet(part);
            if let Some(outlet) = outlet {
                agencies.push(outlet.to_string());
            }
            if let Some(agency) = agency_name(part) {
                agencies.push(agency);
            } else if is_role(part) {
                roles.push(part.to_string());
            } else if is_person_name(part) {
                authors.push(fix_caps(part));
            } else {
                return None;
            }
        }
    }
    if authors.is_empty() && agencies.is_empty() && roles.is_empty() {
        return None;
    }
    Some(BylineParts {
        text: trimmed.to_string(),
        authors,
        agencies,
        roles,
        date_text,
    })
}

/// Parses the text of an element the page marks as its byline or author's name: the credit
/// phrase may be missing or glued to the name ("ByAmy Roeder"), and a single name
/// ("Kristin") counts, since the markup, not the wording, says that this is a byline.
pub fn parse_marked_byline(text: &str) -> Option<BylineParts> {
    let text = text.trim();
    let glued = text.strip_prefix("By").filter(|rest| {
        rest.chars().next().is_some_and(char::is_uppercase)
            && rest.chars().nth(1).is_some_and(char::is_lowercase)
    });
    let text = match glued {
        Some(rest) => format!("By {rest}"),
        None => text.to_string(),
    };
    parse_byline(&text)
        .or_else(|| {
            parse_byline(&format!("By {text}")).map(|mut parts| {
                parts.text = text.clone();
                parts
            })
        })
        .or_else(|| single_name_byline(&text))
}

/// "By Kristin" / "Kristin": a byline of one capitalised name.
fn single_name_byline(text: &str) -> Option<BylineParts> {
    let rest = strip_credit_prefix(text).unwrap_or(text);
    let name = strip_widget_words(rest).trim_matches(|c: char| !c.is_alphanumeric());
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let lower = name.to_lowercase();
    let ok = !name.contains(char::is_whitespace)
        && letters >= 3
        && name.chars().all(char::is_alphabetic)
        && name.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAME_WORDS.contains(&lower.as_str())
        && !NOT_SINGLE_NAMES.contains(&lower.as_str())
        && !crate::calendar::MONTH_NAMES.contains(&lower.as_str())
        && !crate::calendar::WEEKDAY_NAMES.contains(&lower.as_str())
        && agency_name(name).is_none()
        && !is_role(name);
    ok.then(|| BylineParts {
        text: text.to_string(),
        authors: vec![name.to_string()],
        agencies: Vec::new(),
        roles: Vec::new(),
        date_text: None,
    })
}

/// Words printed where a single name could stand that are not names (besides month and
/// weekday names).
const NOT_SINGLE_NAMES: &[&str] = &[
    "today",
    "yesterday",
    "home",
    "blog",
    "menu",
    "search",
    "login",
    "more",
    "anonymous",
    "unknown",
    "guest",
    "editorial",
    "contact",
    "about",
    "email",
    "print",
    "comments",
    "comment",
    "reply",
    "read",
    "share",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "youtube",
    "all",
    "none",
    "everyone",
    "us",
    "me",
    "you",
    "category",
    "tags",
];

fn strip_credit_prefix(line: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "by ",
        "written by ",
        "words by ",
        "story by ",
        "text by ",
        "report by ",
        "posted by ",
        "reported by ",
    ];
    let lower = line.to_lowercase();
    PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| line[p.len()..].trim_start())
        .filter(|rest| rest.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// Splits "A, B and C" / "A & B" / "A; B" into parts.
fn split_names(segment: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for comma_part in segment.split([',', ';']) {
        let mut rest = comma_part;
        loop {
            let cut = [" and ", " & ", " with ", " And ", " AND "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            match cut {
                Some((i, len)) => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + len..];
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    parts
}

/// News agencies and wire services, lower-cased, with the name to report.
const AGENCIES: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("thomson reuters", "Reuters"),
    ("associated press", "Associated Press"),
    ("the associated press", "Associated Press"),
    ("ap", "AP"),
    ("afp", "AFP"),
    ("agence france-presse", "Agence France-Presse"),
    ("agence france presse", "Agence France-Presse"),
    ("bloomberg", "Bloomberg"),
    ("bloomberg news", "Bloomberg News"),
    ("pti", "PTI"),
    ("press trust of india", "Press Trust of India"),
    ("ians", "IANS"),
    ("ani", "ANI"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("pa", "PA"),
    ("pa media", "PA Media"),
    ("press association", "Press Association"),
    ("upi", "UPI"),
    ("xinhua", "Xinhua"),
    ("tass", "TASS"),
    ("kyodo", "Kyodo"),
    ("kyodo news", "Kyodo News"),
    ("yonhap", "Yonhap"),
    ("anadolu", "Anadolu"),
    ("anadolu agency", "Anadolu Agency"),
    ("ansa", "ANSA"),
    ("aap", "AAP"),
    ("the canadian press", "The Canadian Press"),
    ("canadian press", "The Canadian Press"),
    ("cnn", "CNN"),
    ("bbc", "BBC"),
    ("bbc news", "BBC News"),
    ("al jazeera", "Al Jazeera"),
    ("agencies", "agencies"),
    ("news agencies", "agencies"),
    ("wire services", "wire services"),
    ("news wires", "wire services"),
    ("prnewswire", "PR Newswire"),
    ("pr newswire", "PR Newswire"),
    ("business wire", "Business Wire"),
    ("globe newswire", "GlobeNewswire"),
    ("globenewswire", "GlobeNewswire"),
];

/// The agency's name if `part` names a news agency.
pub(crate) fn agency_name(part: &str) -> Option<String> {
    let lower = part.trim().to_lowercase();
    let lower = lower.trim_start_matches('(').trim_end_matches(')');
    AGENCIES
        .iter()
        .find(|(k, _)| *k == lower)
        .map(|(_, v)| (*v).to_string())
}

fn is_role(part: &str) -> bool {
    const ROLE_WORDS: &[&str] = &[
        "expert",
        "specialist",
        "dietitian",
        "columnists",
        "guest",
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "columnist",
        "producer",
        "bureau",
        "desk",
        "team",
        "analyst",
        "intern",
        "journalist",
        "journalists",
        "service",
        "newsroom",
        "special",
        "chief",
        "senior",
        "political",
        "economics",
        "science",
        "health",
        "sports",
        "business",
        "diplomatic",
        "foreign",
        "defence",
        "defense",
        "investigations",
        "investigative",
        "photographer",
        "critic",
        "commentator",
        "contributing",
        "associate",
        "digital",
        "online",
        "news",
    ];
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && (words.iter().any(|w| ROLE_WORDS.contains(w))
            || lower.starts_with("special to ")
            || lower.starts_with("for ")
            || lower.starts_with("in "))
}

/// Words that byline widgets print around names ("Author", "Follow", "Full Bio").
const WIDGET_WORDS: &[&str] = &[
    "author",
    "authors",
    "follow",
    "full bio",
    "bio",
    "author’s profile",
    "author's profile",
    "profile",
    "sponsored",
    "verified",
    "view all posts",
    "view profile",
    "more articles",
    "written by",
    "posted by",
    "reviewed by",
    "updated by",
    "contributor",
    "the author",
    "advertiser disclosure",
    "editorial disclosure",
];

/// `part` without widget words at its start or end.
fn strip_widget_words(part: &str) -> &str {
    let mut part = part.trim();
    loop {
        let lower = part.to_lowercase();
        let before = part.len();
        for w in WIDGET_WORDS {
            if lower.ends_with(w) && part.len() > w.len() {
                let cut = part.len() - w.len();
                if part.is_char_boundary(cut) && part[..cut].ends_with([' ', ',', '|', '·']) {
                    part = part[..cut].trim_end_matches([' ', ',', '|', '·']);
                    break;
                }
            }
            if lower.starts_with(w) && part.len() > w.len() && part.is_char_boundary(w.len()) {
                let rest = &part[w.len()..];
                if rest.starts_with([' ', ':']) {
                    part = rest.trim_start_matches([' ', ':']);
                    break;
                }
            }
            if lower == *w {
                part = "";
                break;
            }
        }
        if part.len() == before {
            return part;
        }
    }
}

/// "Brian Truitt USA TODAY" → ("Brian Truitt", Some("USA TODAY")): an outlet printed in
/// capitals after a name.
fn split_trailing_outlet(part: &str) -> (&str, Option<&str>) {
    let words: Vec<&str> = part.split_whitespace().collect();
    let caps = words
        .iter()
        .rev()
        .take_while(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| !c.is_lowercase())
        })
        .count();
    let mixed = words.len() - caps;
    if caps == 0
        || mixed < 2
        || !words[..mixed]
            .iter()
            .all(|w| w.chars().any(char::is_lowercase))
    {
        return (part, None);
    }
    let Some(start) = part.find(words[mixed]) else {
        return (part, None);
    };
    (part[..start].trim_end(), Some(part[start..].trim()))
}

/// Words that never occur in a person's name but do in labels printed where names go.
const NOT_NAME_WORDS: &[&str] = &[
    "bio",
    "profile",
    "author",
    "authors",
    "disclosure",
    "advertiser",
    "sponsored",
    "follow",
    "the",
    "team",
    "columnists",
    "columnist",
    "expert",
    "contributors",
    "staff",
    "view",
    "posts",
    "articles",
    "editors",
    "editor",
    "written",
    "by",
    "reviewed",
    "medically",
    "updated",
    "published",
    "share",
    "subscribe",
    "newsletter",
    "opinion",
    "guest",
    "news",
    "desk",
    "admin",
    "webmaster",
    "undefined",
    "null",
];

/// Two to five capitalised words (initials, particles and hyphens allowed), no digits.
fn is_person_name(part: &str) -> bool {
    if part
        .split_whitespace()
        .any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().trim_end_matches([',', '.'])))
    {
        return false;
    }
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin",
        "bint", "al", "el", "y", "dos", "das", "ter", "ten", "st.",
    ];
    let words: Vec<&str> = part.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || part.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)))
            || PARTICLES.contains(&w.to_lowercase().as_str())
    }) && words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// "JANE DOE" → "Jane Doe"; names printed in mixed case are kept as printed.
fn fix_caps(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    title_case(name)
}

/// Title-cases each word, keeping the letter after an apostrophe or hyphen upper-case
/// ("O'BRIEN" → "O'Brien", "WINSTON-SALEM" → "Winston-Salem").
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start_of_word = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start_of_word {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_word = false;
        } else {
            out.push(c);
            start_of_word = matches!(c, ' ' | '-' | '\'' | '’' | '.' | '(' | '/');
        }
    }
    out
}

fn looks_like_time(segment: &str) -> bool {
    let s = segment.to_lowercase();
    (s.contains(':') && s.chars().any(|c| c.is_ascii_digit()))
        || s.starts_with("updated")
        || s.starts_with("published")
        || s.ends_with(" ago")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_authors() {
        let b = parse_byline("By Jane Doe and John Roe").unwrap();
        assert_eq!(b.authors, ["Jane Doe", "John Roe"]);
        assert!(b.agencies.is_empty());
    }

    #[test]
    fn authors_with_agency_and_role() {
        let b = parse_byline("By Ana Silva, Tom Baker and Lee Chen, Reuters").unwrap();
        assert_eq!(b.authors, ["Ana Silva", "Tom Baker", "Lee Chen"]);
        assert_eq!(b.agencies, ["Reuters"]);
        let b = parse_byline("By Maria Lopez, Staff Writer").unwrap();
        assert_eq!(b.authors, ["Maria Lopez"]);
        assert_eq!(b.roles, ["Staff Writer"]);
        let b = parse_byline("BY JANE O'BRIEN | Associated Press | March 3, 2024").unwrap();
        assert_eq!(b.authors, ["Jane O'Brien"]);
        assert_eq!(b.agencies, ["Associated Press"]);
        assert_eq!(b.date_text.as_deref(), Some("March 3, 2024"));
        let b = parse_byline("By Justine Coleman - 11/18/19 11:04 PM EST").unwrap();
        assert_eq!(b.authors, ["Justine Coleman"]);
        let b = parse_byline("By Brian Truitt USA TODAY").unwrap();
        assert_eq!(b.authors, ["Brian Truitt"]);
        assert_eq!(b.agencies, ["USA TODAY"]);
        let b = parse_byline("By Author Isaiah Shelton").unwrap();
        assert_eq!(b.authors, ["Isaiah Shelton"]);
        let b = parse_byline("By Ahmet Serhan Author’s Profile").unwrap();
        assert_eq!(b.authors, ["Ahmet Serhan"]);
        assert!(parse_byline("By Full Bio").is_none_or(|b| b.authors.is_empty()));
        let b = parse_byline("By The Associated Press").unwrap();
        assert!(b.authors.is_empty());
        assert_eq!(b.agencies, ["Associated Press"]);
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert!(parse_byline("By the time the fire was out, 40 homes had burned.").is_none());
        assert!(parse_byline("By Monday, the river had risen two metres.").is_none());
        assert!(parse_byline("Bystanders filmed the crash").is_none());
    }
}

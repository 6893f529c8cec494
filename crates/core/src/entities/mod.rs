//! Stage 5, entities: named-entity mentions from a trained tagger, clustered into entities.
//!
//! Input: the text, its sentences and tokens (from [`crate::segment`]) and the headline's
//! and dateline's spans ([`Landmarks`]: headline salience, dateline places). Output:
//! [`Entities`], each with its mentions' code-point spans.

pub mod binary;
pub mod cluster;
pub mod features;
pub mod hash;
pub mod headline_case;
pub mod lexicon;
pub mod table;
pub mod tagger;
pub mod tags;
pub mod weights;

/// Why a model or lexicon file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file does not start with the expected magic bytes.
    #[error("not a model file of this version (bad magic)")]
    BadMagic,
    /// The file ends early.
    #[error("model file is truncated")]
    Truncated,
    /// A header or index value is out of range.
    #[error("model file has an invalid header or index")]
    BadHeader,
    /// A stored string is not UTF-8.
    #[error("model file has invalid text")]
    BadText,
    /// Bytes are left after the last section.
    #[error("model file has trailing bytes")]
    TrailingBytes,
}

use crate::model::{Span, Token};
use crate::offsets::char_to_byte;
use crate::roles::is_spokesperson;
use cluster::MentionIn;
use lexicon::{Lexicon, list_bit};
use tags::{Chunk, Kind};

/// The stage's output: entities, most salient first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// The entities.
    pub entities: Vec<FoundEntity>,
}

/// One entity the stage found.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundEntity {
    /// Its kind.
    pub kind: Kind,
    /// Canonical name: the fullest form seen.
    pub name: String,
    /// Every form seen, the name among them when it occurs as such.
    pub aliases: Vec<String>,
    /// Title or role printed with a person's name ("President").
    pub role: Option<String>,
    /// For a demonym ("Ukrainian"), the place it refers to.
    pub place: Option<String>,
    /// Mentions: code-point spans and text, in text order.
    pub mentions: Vec<FoundMention>,
    /// Salience in [0, 1].
    pub salience: f64,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMention {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

/// Where the layout found an article's headline and dateline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Landmarks {
    /// The headline's span (its names weigh more in salience).
    pub headline: Option<Span>,
    /// The dateline's span ("PORT ELLERY —", "WASHINGTON (AP) —"): when a dash ends it,
    /// the names it prints outside an agency's parentheses or slashes are places.
    pub dateline: Option<Span>,
}

/// Finds the entities of `text` given its sentences and tokens (code-point spans, in order,
/// every token inside a sentence) and the headline's and dateline's spans, with the embedded
/// model.
pub fn find(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    landmarks: Landmarks,
) -> Result<Entities, LoadError> {
    let tagger = tagger::Tagger::embedded()?;
    Ok(find_with(tagger, text, sentences, tokens, landmarks))
}

/// [`find`] with a given tagger.
pub fn find_with(
    tagger: &tagger::Tagger,
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    landmarks: Landmarks,
) -> Entities {
    let Landmarks { headline, dateline } = landmarks;
    // Only a dateline set off by a dash is trusted to print a place: "Name:" and "Poll:"
    // opening a headline or paragraph read as colon datelines too.
    let dateline = dateline.filter(|d| {
        text.get(..char_to_byte(text, d.end))
            .is_some_and(|t| t.trim_end().ends_with(['—', '–', '-']))
    });
    // Code point → byte offsets of every token boundary, in one pass over the text.
    let mut bytes = Vec::with_capacity(tokens.len() * 2);
    let mut walker = (0usize, 0usize);
    let mut to_byte = |c: usize| {
        let (c0, b0) = walker;
        let b = if c >= c0 {
            b0 + char_to_byte(&text[b0..], c - c0)
        } else {
            char_to_byte(text, c)
        };
        walker = (c, b);
        b
    };
    for t in tokens {
        let s = to_byte(t.start);
        let e = to_byte(t.end);
        bytes.push((s, e));
    }
    let words: Vec<&str> = bytes.iter().map(|&(s, e)| &text[s..e]).collect();
    // Token ranges of the sentences.
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut i = 0usize;
    for s in sentences {
        while i < tokens.len() && tokens[i].start < s.start {
            i += 1;
        }
        let start = i;
        while i < tokens.len() && tokens[i].end <= s.end {
            i += 1;
        }
        if i > start {
            ranges.push((start, i));
        }
    }
    let lexicon = tagger.lexicon();
    if !looks_english(lexicon, &words) {
        // The model knows English; on other languages it would tag every capitalised noun.
        return Entities::default();
    }
    let tags = tagger.tag(&words, &ranges);
    let mut mentions = Vec::new();
    // Whether each mention opens its sentence.
    let mut opens_sentence: Vec<bool> = Vec::new();
    // Built on first need: most articles have no capitalised line with a mention in it.
    let mut common_words: Option<headline_case::CommonWords> = None;
    let mut dateline_places: Vec<String> = Vec::new();
    for &(s, e) in &ranges {
        let capitalised_line = headline_case::is_capitalised_line(&words[s..e]);
        for chunk in refine(lexicon, &words[s..e], tags::chunks(&tags[s..e])) {
            let (mut a, mut b) = (s + chunk.start, s + chunk.end);
            if capitalised_line {
                let common = common_words
                    .get_or_insert_with(|| headline_case::CommonWords::collect(&words, &ranges));
                match headline_case::trim_common(common, &words, a, b) {
                    Some((trimmed_a, trimmed_b)) => (a, b) = (trimmed_a, trimmed_b),
                    None => continue,
                }
            }
            let mut role = None;
            if chunk.kind == Kind::Per {
                // "Southampton-born Owen Price": the origin is not part of the name.
                if b - a > 1 && (words[a].ends_with("-born") || words[a].ends_with("-based")) {
                    a += 1;
                }
                let inner = title_len(lexicon, &words[a..b]);
                if inner == b - a {
                    // Only a title ("Staff Writer"): nobody is named.
                    continue;
                }
                if inner > 0 {
                    role = Some(words[a..a + inner].join(" "));
                    a += inner;
                } else {
                    role = title_before(lexicon, &words[s..a], &tags[s..a]);
                }
            }
            // A mention needs a capital letter or a digit: tagged lower-case words are noise.
            if !words[a..b]
                .iter()
                .any(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()))
            {
                continue;
            }
            let (start, end) = (tokens[a].start, tokens[b - 1].end);
            if dateline.is_some_and(|d| d.start <= start && end <= d.end)
                && !(a > 0 && matches!(words[a - 1], "(" | "/"))
            {
                dateline_places.push(name_key(&words[a..b]));
            }
            opens_sentence.push(a == s);
            mentions.push(MentionIn {
                kind: chunk.kind,
                tokens: words[a..b].to_vec(),
                start,
                end,
                text: &text[bytes[a].0..bytes[b - 1].1],
                role,
                in_headline: headline.is_some_and(|h| start >= h.start && end <= h.end),
            });
        }
    }
    // The dateline's names are places wherever the article repeats them ("closes Port
    // Ellery harbour" above "PORT ELLERY —"): the tagger reads a capitalised dateline, or
    // the name's first word, as something else.
    if !dateline_places.is_empty() {
        for m in &mut mentions {
            if m.kind != Kind::Loc && dateline_places.contains(&name_key(&m.tokens)) {
                m.kind = Kind::Loc;
                m.role = None;
            }
        }
    }
    let kept = not_borrowed_openers(&mentions, &opens_sentence);
    let mentions: Vec<MentionIn<'_>> = mentions
        .into_iter()
        .zip(kept)
        .filter_map(|(m, keep)| keep.then_some(m))
        .collect();
    let text_len = tokens.last().map_or(0, |t| t.end);
    let clusters = cluster::cluster(&mentions, lexicon, text_len);
    Entities {
        entities: clusters
            .into_iter()
            .map(|c| FoundEntity {
                kind: c.kind,
                name: c.name,
                aliases: c.aliases,
                role: c.role,
                place: c.place,
                mentions: c
                    .mentions
                    .iter()
                    .map(|&m| FoundMention {
                        start: mentions[m].start,
                        end: mentions[m].end,
                        text: mentions[m].text.to_string(),
                    })
                    .collect(),
                salience: c.salience,
            })
            .collect(),
    }
}

/// A name's tokens, lower-cased and joined by spaces (`PORT ELLERY` and `Port Ellery` alike).
fn name_key(tokens: &[&str]) -> String {
    tokens.join(" ").to_lowercase()
}

/// Which mentions to keep. "Transit strike talks stall …" above "the Glenford Transit
/// Authority": the second pass reads a capitalised word that opens a sentence as the
/// organisation it sits inside elsewhere. A one-word organisation opening its sentence whose
/// word appears in the article's other mentions only inside longer names (never as their
/// first or last word) is no name of its own. (People and other kinds are left alone: a
/// surname or nationality inside a longer name is still a name; on 1,905 shared-data
/// articles the rule dropped more good mentions of those than bad.)
fn not_borrowed_openers(mentions: &[MentionIn<'_>], opens_sentence: &[bool]) -> Vec<bool> {
    mentions
        .iter()
        .zip(opens_sentence)
        .enumerate()
        .map(|(i, (m, &opens))| {
            let [word] = m.tokens.as_slice() else {
                return true;
            };
            if !opens || m.kind != Kind::Org {
                return true;
            }
            let (mut inside, mut own) = (false, false);
            for (j, other) in mentions.iter().enumerate() {
                if j == i {
                    continue;
                }
                let name = &other.tokens;
                if name.first() == Some(word) || name.last() == Some(word) {
                    own = true;
                } else if name.contains(word) {
                    inside = true;
                }
            }
            !inside || own
        })
        .collect()
}

/// Number of leading tokens of `words` that are a title ("President", "Prime Minister").
fn title_len(lexicon: &Lexicon, words: &[&str]) -> usize {
    let title = list_bit("title").unwrap_or(0);
    let mut n = 0;
    'outer: while n < words.len() {
        for len in (1..=3.min(words.len() - n)).rev() {
            let w = &words[n..n + len];
            if w[0].starts_with(char::is_uppercase) && is_title(lexicon, w, title) {
                n += len;
                continue 'outer;
            }
        }
        break;
    }
    n
}

/// Whether `words` are a title of the gazetteer (`title` is its list bit). The list's
/// "Mr." is stored as the converter tokenised it ("Mr" "."), while the segmenter keeps an
/// abbreviation's period on its word: "Mr." is looked up as "Mr" too.
fn is_title(lexicon: &Lexicon, words: &[&str], title: u32) -> bool {
    lexicon.phrase_lists(words) & title != 0
        || matches!(words, [w] if w.len() > 1
            && w.ends_with('.')
            && lexicon.phrase_lists(&[w.trim_end_matches('.')]) & title != 0)
}

/// Title words printed right before a person mention (`before` is the sentence up to it),
/// with a nationality in front ("Russian President").
fn title_before(lexicon: &Lexicon, before: &[&str], tags: &[u8]) -> Option<String> {
    let title = list_bit("title").unwrap_or(0);
    for len in (1..=3.min(before.len())).rev() {
        let w = &before[before.len() - len..];
        if w[0].starts_with(char::is_uppercase)
            && is_title(lexicon, w, title)
            && tags[tags.len() - len..].iter().all(|&t| t == tags::OUTSIDE)
        {
            let mut role = w.join(" ");
            let k = before.len() - len;
            if k > 0 && lexicon.demonym_place(before[k - 1]).is_some() {
                role = format!("{} {role}", before[k - 1]);
            }
            return Some(role);
        }
    }
    None
}

/// Nouns that, right before a name, say it is a place ("the town of Makariv").
const PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "port", "capital", "province", "region", "district", "county",
    "state", "island", "republic",
];

/// Corrections to one sentence's chunks that the token-level tagger cannot see:
/// quotes and brackets at a chunk's edges are dropped; a name after a place noun is a
/// place; an organisation ending in an organisation word takes a following "of (the) X"
/// ("State Emergency Services of Ukraine", "Armed Forces of Ukraine").
fn refine(lexicon: &Lexicon, words: &[&str], chunks: Vec<Chunk>) -> Vec<Chunk> {
    let is_punct = |w: &str| !w.chars().any(char::is_alphanumeric);
    let org_word = list_bit("org-word").unwrap_or(0);
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for mut c in chunks {
        while c.start < c.end && is_punct(words[c.start]) {
            c.start += 1;
        }
        while c.end > c.start && is_punct(words[c.end - 1]) && !words[c.end - 1].ends_with('.') {
            c.end -= 1;
        }
        // A quotation mark inside a chunk ends the name ("‘Makariv’ was").
        if let Some(q) = (c.start + 1..c.end).find(|&i| is_quote(words[i])) {
            c.end = q;
        }
        if c.start == c.end {
            continue;
        }
        // "Kremlin Spoks", "Pentagon spokesman": a spokesperson is no part of a name. What
        // they speak for stays; read as a miscellaneous name it is an organisation, unless
        // the gazetteers know it as a place or a nationality.
        if c.end - c.start > 1 && is_spokesperson(&words[c.end - 1].to_lowercase()) {
            c.end -= 1;
            if c.kind == Kind::Misc {
                let lists = lexicon.phrase_lists(&words[c.start..c.end]);
                let place = ["country", "city", "big-city", "region"]
                    .iter()
                    .filter_map(|l| list_bit(l))
                    .fold(0, |m, b| m | b);
                let demonym = list_bit("demonym").unwrap_or(0);
                if lists & place != 0 {
                    c.kind = Kind::Loc;
                } else if lists & demonym == 0 {
                    c.kind = Kind::Org;
                }
            }
        }
        // Day, month and time-zone names are not entities in this scheme.
        let calendar = list_bit("calendar").unwrap_or(0);
        if words[c.start..c.end]
            .iter()
            .all(|w| is_punct(w) || lexicon.phrase_lists(&[w]) & calendar != 0)
        {
            continue;
        }
        // "Harlow Chief Executive Graham Whitlock": a title inside a chunk separates an
        // organisation or place from the person it introduces.
        if let Some((k, n)) = (c.start + 1..c.end).find_map(|k| {
            let n = title_len(lexicon, &words[k..c.end]);
            (n > 0 && k + n < c.end && words[k + n].starts_with(char::is_uppercase))
                .then_some((k, n))
        }) {
            let person = Chunk {
                start: k + n,
                end: c.end,
                kind: Kind::Per,
            };
            c.end = k;
            out.push(c);
            out.push(person);
            continue;
        }
        // "Staff", "Ministry": organisation words are not people; with a title before them
        // that the organisation list completes ("Gen Staff" → General Staff), take it in.
        let organisation = list_bit("organisation").unwrap_or(0);
        if c.kind == Kind::Per
            && words[c.start..c.end]
                .iter()
                .all(|w| lexicon.phrase_lists(&[w]) & org_word != 0)
        {
            c.kind = Kind::Org;
            if c.start > 0 && lexicon.phrase_lists(&words[c.start - 1..c.end]) & organisation != 0 {
                c.start -= 1;
            }
        }
        // The word before the name, skipping an opening quote and "of".
        let mut k = c.start;
        while k > 0 && is_punct(words[k - 1]) && words[k - 1] != "," {
            k -= 1;
        }
        if k > 0 && words[k - 1].eq_ignore_ascii_case("of") {
            k -= 1;
        }
        if k > 0 && PLACE_NOUNS.contains(&words[k - 1].to_lowercase().as_str()) {
            c.kind = Kind::Loc;
        }
        if let Some(prev) = out.last_mut() {
            let gap = &words[prev.end..c.start];
            let of_gap = matches!(gap, [of] | [of, _] if of.eq_ignore_ascii_case("of"))
                && gap.get(1).is_none_or(|w| w.eq_ignore_ascii_case("the"));
            if prev.kind == Kind::Org
                && matches!(c.kind, Kind::Loc | Kind::Org)
                && of_gap
                && lexicon.phrase_lists(&words[prev.end - 1..prev.end]) & org_word != 0
            {
                prev.end = c.end;
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_quote(w: &str) -> bool {
    matches!(
        w,
        "'" | "\"" | "‘" | "’" | "“" | "”" | "«" | "»" | "``" | "''"
    )
}

/// Whether the lower-case words read as English: with 20 or more of them, at least 30% must
/// be among the 3,000 most common English words (tables of names and scores have few
/// lower-case words and pass).
fn looks_english(lexicon: &Lexicon, words: &[&str]) -> bool {
    let common = list_bit("common-word").unwrap_or(0);
    let (mut lower, mut known) = (0usize, 0usize);
    for w in words {
        if w.starts_with(|c: char| c.is_lowercase()) {
            lower += 1;
            if lexicon.phrase_lists(&[w]) & common != 0 {
                known += 1;
            }
        }
    }
    lower < 20 || known * 10 >= lower * 3
}

//! Features of the tagger: what it knows about each token, hashed into weight-table rows.
//!
//! Everything that depends only on a token is computed once per token ([`TokenInfo`]); the
//! per-position features then combine precomputed hashes, so tagging allocates nothing per
//! token. The templates follow Ratinov & Roth (2009): word forms in a ±2 window, shapes,
//! affixes, capitalisation in context, Brown-cluster prefixes, gazetteer matches, previous
//! tags, and (second pass) the first pass's labels of the same word elsewhere in the document.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::hash::{self, PHRASE_SEED, PHRASE_START, WORD_SEED, combine, finish};
use super::lexicon::{Lexicon, PREFIX_BIT};
use super::tags::{self, TAG_COUNT};

/// Capitalised first letter.
pub const CAP: u32 = 1;
/// Every letter upper-case (and at least one letter).
pub const ALL_CAPS: u32 = 1 << 1;
/// Has a digit.
pub const DIGIT: u32 = 1 << 2;
/// Only digits and separators.
pub const NUMBER: u32 = 1 << 3;
/// Has a hyphen.
pub const HYPHEN: u32 = 1 << 4;
/// Has a full stop.
pub const DOT: u32 = 1 << 5;
/// No letter or digit.
pub const PUNCT: u32 = 1 << 6;
/// First token of its sentence.
pub const SENTENCE_START: u32 = 1 << 7;
/// The sentence has no lower-case letter (a headline in capitals).
pub const CAPS_SENTENCE: u32 = 1 << 8;
/// The same word is capitalised elsewhere in the document, away from a sentence start.
pub const DOC_CAPITALISED: u32 = 1 << 9;
/// The same word is written in lower case elsewhere in the document.
pub const DOC_LOWER: u32 = 1 << 10;
/// Starts with a lower-case letter.
pub const LOWER_START: u32 = 1 << 11;
/// The token follows a quotation mark or opening bracket.
pub const AFTER_QUOTE: u32 = 1 << 12;

/// What the tagger knows about one token, whatever its neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// The word as written.
    pub word: u64,
    /// Lower-cased.
    pub lower: u64,
    /// Title-cased when written in capitals (so "BRUSSELS" shares "Brussels" weights).
    pub title: u64,
    /// Word shape with runs collapsed ("Xx", "X.X.", "d-x").
    pub shape: u64,
    /// Lower-cased prefixes of 1–3 characters (0 when the word is shorter).
    pub prefixes: [u64; 3],
    /// Lower-cased suffixes of 1–4 characters.
    pub suffixes: [u64; 4],
    /// Brown cluster path, low bits first; 0 when unknown.
    pub cluster: u32,
    /// Gazetteer matches: bit `4 × list + part` (part B, I, L, U).
    pub gazetteer: u64,
    /// Flag bits ([`CAP`], [`ALL_CAPS`], …).
    pub flags: u32,
}

/// A document prepared for tagging: token infos and sentence ranges.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// One per token.
    pub tokens: Vec<TokenInfo>,
    /// Token ranges of the sentences.
    pub sentences: Vec<(usize, usize)>,
}

/// Identity hasher for maps keyed by precomputed hashes.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by precomputed hashes.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Computes token infos for a document of `tokens` split into `sentences` (token ranges).
pub fn prepare(lexicon: &Lexicon, tokens: &[&str], sentences: &[(usize, usize)]) -> Prepared {
    let mut infos: Vec<TokenInfo> = Vec::with_capacity(tokens.len());
    let mut phrase_keys: Vec<u64> = Vec::with_capacity(tokens.len());
    // The first token of each form: most of a document's tokens are repeats, whose infos
    // (before the position-dependent flags below) and phrase keys are copied, not recomputed.
    let mut first_of: KeyMap<usize> = KeyMap::default();
    first_of.reserve(tokens.len());
    // Per token, the first token of its form, and for first tokens their title-cased hash.
    let mut form_of: Vec<(usize, Option<u64>)> = Vec::with_capacity(tokens.len());
    for (j, t) in tokens.iter().enumerate() {
        let form = normalise(t);
        let word = hash::hash_str(WORD_SEED, &form);
        let seen = first_of
            .get(&word)
            .copied()
            .filter(|&k| tokens[k] == *t || normalise(tokens[k]) == form);
        let (info, key) = match seen {
            Some(k) => {
                form_of.push((k, None));
                (infos[k], phrase_keys[k])
            }
            None => {
                first_of.entry(word).or_insert(j);
                let (info, title_cased) = info_without_cluster(&form, word);
                let key = hash::hash_lower(PHRASE_SEED, expand_abbreviation(&form));
                // Their lookups come below, once these slots are on their way from memory.
                lexicon.prefetch_cluster(word);
                lexicon.prefetch_phrase(hash::phrase_step(PHRASE_START, key));
                form_of.push((j, title_cased));
                (info, key)
            }
        };
        infos.push(info);
        phrase_keys.push(key);
    }
    for (j, &(k, title_cased)) in form_of.iter().enumerate() {
        infos[j].cluster = if k == j {
            cluster_of(lexicon, &infos[j], title_cased, &normalise(tokens[j]))
        } else {
            infos[k].cluster
        };
    }
    let mut case_counts: KeyMap<(u16, u16)> = KeyMap::default();
    for &(s, e) in sentences {
        let caps_sentence = infos[s..e]
            .iter()
            .all(|t| t.flags & (LOWER_START | CAP) != LOWER_START)
            && tokens[s..e]
                .iter()
                .all(|t| !t.chars().any(char::is_lowercase));
        for i in s..e {
            let info = &mut infos[i];
            if i == s {
                info.flags |= SENTENCE_START;
            }
            if caps_sentence {
                info.flags |= CAPS_SENTENCE;
            }
            if i > s
                && matches!(
                    tokens[i - 1],
                    "\"" | "“" | "‘" | "'" | "(" | "[" | "``" | "«"
                )
            {
                info.flags |= AFTER_QUOTE;
            }
            if !caps_sentence && i > s {
                let c = case_counts.entry(info.lower).or_default();
                if info.flags & CAP != 0 {
                    c.0 = c.0.saturating_add(1);
                } else if info.flags & LOWER_START != 0 {
                    c.1 = c.1.saturating_add(1);
                }
            }
        }
        mark_gazetteer(lexicon, &phrase_keys[s..e], &mut infos[s..e]);
    }
    for info in &mut infos {
        if let Some(&(cap, lower)) = case_counts.get(&info.lower) {
            // Counts include the token itself; only other occurrences are evidence.
            let own_cap = u16::from(info.flags & CAP != 0 && info.flags & SENTENCE_START == 0);
            let own_lower = u16::from(info.flags & LOWER_START != 0);
            if cap > own_cap {
                info.flags |= DOC_CAPITALISED;
            }
            if lower > own_lower {
                info.flags |= DOC_LOWER;
            }
        }
    }
    Prepared {
        tokens: infos,
        sentences: sentences.to_vec(),
    }
}

fn mark_gazetteer(lexicon: &Lexicon, keys: &[u64], infos: &mut [TokenInfo]) {
    let max = lexicon.max_phrase_len();
    for start in 0..keys.len() {
        let mut h = PHRASE_START;
        for end in start..keys.len().min(start + max) {
            h = hash::phrase_step(h, keys[end]);
            let mask = lexicon.phrase(h);
            let lists = mask & !PREFIX_BIT;
            let mut bits = lists;
            while bits != 0 {
                let list = u64::from(bits.trailing_zeros());
                bits &= bits - 1;
                if end == start {
                    infos[start].gazetteer |= 1 << (4 * list + 3);
                } else {
                    infos[start].gazetteer |= 1 << (4 * list);
                    for info in &mut infos[start + 1..end] {
                        info.gazetteer |= 1 << (4 * list + 1);
                    }
                    infos[end].gazetteer |= 1 << (4 * list + 2);
                }
            }
            if mask & PREFIX_BIT == 0 {
                break;
            }
        }
    }
}

/// Typographic quotes and dashes as the ASCII forms CoNLL-style training text uses, so that
/// "‘Makariv’" and "'Makariv'" look alike to the model.
pub fn normalise(token: &str) -> std::borrow::Cow<'_, str> {
    if token.is_ascii() {
        return std::borrow::Cow::Borrowed(token);
    }
    std::borrow::Cow::Owned(
        token
            .chars()
            .map(|c| match c {
                '‘' | '’' | '‚' | '′' => '\'',
                '“' | '”' | '„' | '″' | '«' | '»' => '"',
                '–' | '—' | '‐' | '‑' => '-',
                other => other,
            })
            .collect(),
    )
}

/// The full word of an abbreviation common in names ("Gen" → "general"), for gazetteer
/// lookups; other tokens unchanged.
pub fn expand_abbreviation(token: &str) -> &str {
    match token.trim_end_matches('.') {
        "Gen" | "GEN" => "general",
        "Govt" | "GOVT" => "government",
        "Dept" | "DEPT" => "department",
        "Intl" | "INTL" => "international",
        "Natl" | "NATL" => "national",
        "Univ" | "UNIV" => "university",
        "Assn" | "ASSN" => "association",
        _ => token,
    }
}

/// The Brown cluster of a [`normalise`]d token from its [`info_without_cluster`].
fn cluster_of(lexicon: &Lexicon, info: &TokenInfo, title_cased: Option<u64>, token: &str) -> u32 {
    lexicon.cluster_hashed(info.word, info.lower, || {
        title_cased.unwrap_or_else(|| hash::hash_title(WORD_SEED, token))
    })
}

/// What the tagger knows about one [`normalise`]d token on its own (whose hash with
/// [`WORD_SEED`] is `word`), without the cluster (a lookup in a table far larger than the
/// caches, made once the slot is on its way), and the token's title-cased hash when it was
/// needed.
fn info_without_cluster(token: &str, word: u64) -> (TokenInfo, Option<u64>) {
    let mut flags = 0u32;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut alnum = false;
    let mut only_number = true;
    let mut shape = hash::Hasher::new(7);
    let mut last_class = 0u8;
    let mut run = 0u8;
    for (i, c) in token.chars().enumerate() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else {
            0
        };
        if i == 0 {
            if class == b'X' {
                flags |= CAP;
            } else if class == b'x' {
                flags |= LOWER_START;
            }
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
        if c.is_alphanumeric() {
            alnum = true;
        }
        if c.is_ascii_digit() {
            flags |= DIGIT;
        } else if !matches!(c, ',' | '.' | '/' | ':' | '-') {
            only_number = false;
        }
        if c == '-' {
            flags |= HYPHEN;
        }
        if c == '.' {
            flags |= DOT;
        }
        if class == 0 {
            shape.char(c);
            last_class = 0;
            run = 0;
        } else if class != last_class || run < 2 {
            // Keep up to two of a run so "Xx" and "Xxxx" differ from "X" and "XX".
            if class == last_class {
                run += 1;
            } else {
                run = 1;
            }
            if class == last_class && run == 2 {
                shape.byte(b'+');
            } else {
                shape.byte(class);
            }
            last_class = class;
        }
    }
    if letters > 0 && upper == letters {
        flags |= ALL_CAPS;
    }
    if only_number && flags & DIGIT != 0 {
        flags |= NUMBER;
    }
    if !alnum {
        flags |= PUNCT;
    }
    let lower = hash::hash_lower(WORD_SEED, token);
    let title_cased =
        (flags & ALL_CAPS != 0 && letters > 1).then(|| hash::hash_title(WORD_SEED, token));
    let title = title_cased.unwrap_or(word);
    let mut prefixes = [0u64; 3];
    let mut suffixes = [0u64; 4];
    let chars = token.chars().count();
    if letters > 0 {
        let mut h = hash::Hasher::new(11);
        for (i, c) in token.chars().take(3).enumerate() {
            for l in c.to_lowercase() {
                h.char(l);
            }
            if i + 1 < chars {
                prefixes[i] = h.finish();
            }
        }
        let mut h = hash::Hasher::new(13);
        for (i, c) in token.chars().rev().take(4).enumerate() {
            for l in c.to_lowercase() {
                h.char(l);
            }
            if i + 1 < chars {
                suffixes[i] = h.finish();
            }
        }
    }
    let info = TokenInfo {
        word,
        lower,
        title,
        shape: shape.finish(),
        prefixes,
        suffixes,
        cluster: 0,
        gazetteer: 0,
        flags,
    };
    (info, title_cased)
}

/// What the first pass said, per token: its tag, and how the same word was labelled
/// elsewhere in the document (share of other occurrences per kind, in quarters).
#[derive(Debug, Clone, Default)]
pub struct FirstPass {
    /// First-pass tag of each token.
    pub tags: Vec<u8>,
    /// Per token: for O, PER, ORG, LOC, MISC, the share (0–4 quarters, rounded up) of the
    /// word's other occurrences that the first pass labelled so; all 0 when the word occurs once.
    pub elsewhere: Vec<[u8; 5]>,
}

/// Summarises first-pass tags over a prepared document.
pub fn first_pass(doc: &Prepared, tags: &[u8]) -> FirstPass {
    let mut counts: KeyMap<[u16; 5]> = KeyMap::default();
    let class = |t: u8| tags::split(t).map_or(0, |(k, _)| 1 + k as usize);
    for (info, &t) in doc.tokens.iter().zip(tags) {
        if info.flags & PUNCT != 0 {
            continue;
        }
        let c = counts.entry(info.lower).or_default();
        c[class(t)] = c[class(t)].saturating_add(1);
    }
    let elsewhere = doc
        .tokens
        .iter()
        .zip(tags)
        .map(|(info, &t)| {
            let mut out = [0u8; 5];
            if info.flags & PUNCT != 0 {
                return out;
            }
            if let Some(c) = counts.get(&info.lower) {
                let mut c = *c;
                c[class(t)] = c[class(t)].saturating_sub(1);
                let total: u32 = c.iter().map(|&v| u32::from(v)).sum();
                if total > 0 {
                    for (o, &v) in out.iter_mut().zip(&c) {
                        *o = ((u32::from(v) * 4).div_ceil(total)) as u8;
                    }
                }
            }
            out
        })
        .collect();
    FirstPass {
        tags: tags.to_vec(),
        elsewhere,
    }
}

/// Whether a token is plain: a word with no capital letter that starts with a lower-case
/// letter, or punctuation (no letter or digit). The tagger tags a plain token O unscored
/// when it follows an O tag or starts a sentence (most of a text's tokens): an entity does
/// not start there. Inside an entity ("Bank of England") it is scored as usual.
pub fn plain_word(t: &TokenInfo) -> bool {
    (t.flags & LOWER_START != 0 && t.word == t.lower) || t.flags & PUNCT != 0
}

/// Marks "no tag" (before the sentence start) in tag-history features.
pub const NO_TAG: u8 = TAG_COUNT as u8;

#[inline]
fn push(out: &mut Vec<u64>, template: u64, value: u64) {
    out.push(finish(combine(
        template.wrapping_mul(0x9E37_79B9_7F4A_7C15),
        value,
    )));
}

const CAP_FLAGS: u32 = CAP | ALL_CAPS | LOWER_START | PUNCT | NUMBER;

/// Feature hashes of token `i` of `sentence`, given the two previous tags (`NO_TAG` before
/// the start) and, in the second pass, the first pass's summary for the sentence's tokens.
pub fn features(
    sentence: &[TokenInfo],
    i: usize,
    prev: (u8, u8),
    first: Option<(&[u8], &[[u8; 5]])>,
    out: &mut Vec<u64>,
) {
    out.clear();
    fixed_features(sentence, i, first, out);
    history_features(sentence, i, prev, first, out);
}

/// The features of token `i` that depend on the previous tags, appended to `out`.
pub fn history_features(
    sentence: &[TokenInfo],
    i: usize,
    prev: (u8, u8),
    first: Option<(&[u8], &[[u8; 5]])>,
    out: &mut Vec<u64>,
) {
    let t = &sentence[i];
    let (p1, p2) = (u64::from(prev.0), u64::from(prev.1));
    push(out, 60, p1);
    push(out, 61, p1 | p2 << 8);
    push(out, 62, combine(p1, t.lower));
    push(out, 63, combine(p1, t.shape));
    push(out, 64, combine(p1, u64::from(t.flags & CAP_FLAGS)));
    push(out, 101, combine(u64::from(t.cluster & 0x3f), p1));
    if let Some((_, elsewhere)) = first {
        let e = elsewhere[i];
        if e.iter().any(|&s| s > 0) {
            push(out, 231, majority(&e) as u64 | p1 << 8);
        }
    }
}

/// The kind (O, PER, ORG, LOC, MISC) with the largest share; the first one on ties.
fn majority(shares: &[u8; 5]) -> usize {
    let mut best = 0usize;
    for (k, &share) in shares.iter().enumerate() {
        if share > shares[best] {
            best = k;
        }
    }
    best
}

/// The features of token `i` that do not depend on the tags decoded before it (so they can
/// be computed ahead of decoding), appended to `out`: its [`local_features`] and, in the
/// second pass, its [`second_pass_features`].
pub fn fixed_features(
    sentence: &[TokenInfo],
    i: usize,
    first: Option<(&[u8], &[[u8; 5]])>,
    out: &mut Vec<u64>,
) {
    local_features(sentence, i, out);
    if let Some(first) = first {
        second_pass_features(sentence, i, first, out);
    }
}

/// The local features of every token of a document: the same in both passes, so they are
/// hashed once.
#[derive(Debug, Clone, Default)]
pub struct LocalFeatures {
    hashes: Vec<u64>,
    /// Where each token's features lie in `hashes` (empty for a token in no sentence).
    spans: Vec<(usize, usize)>,
}

impl LocalFeatures {
    /// The local features of every token of `doc`.
    pub fn of(doc: &Prepared) -> Self {
        Self::of_some(doc, &[])
    }

    /// The local features of the tokens of `doc` not marked in `skip` (a token past its end
    /// is not skipped); skipped tokens get none.
    pub fn of_some(doc: &Prepared, skip: &[bool]) -> Self {
        let mut hashes = Vec::with_capacity(doc.tokens.len() * 64);
        let mut spans = vec![(0, 0); doc.tokens.len()];
        for &(s, e) in &doc.sentences {
            let sentence = &doc.tokens[s..e];
            for (i, span) in spans[s..e].iter_mut().enumerate() {
                if skip.get(s + i).copied().unwrap_or(false) {
                    continue;
                }
                let start = hashes.len();
                local_features(sentence, i, &mut hashes);
                *span = (start, hashes.len());
            }
        }
        Self { hashes, spans }
    }

    /// The local features of token `i` of the sentence `sentence` (a token range of `doc`),
    /// computed now if they were skipped before, and kept.
    pub fn ensure(&mut self, doc: &Prepared, sentence: (usize, usize), i: usize) -> &[u64] {
        let token = sentence.0 + i;
        if self.spans.get(token).is_some_and(|&(s, e)| s == e)
            && let Some(tokens) = doc.tokens.get(sentence.0..sentence.1)
            && i < tokens.len()
        {
            let start = self.hashes.len();
            local_features(tokens, i, &mut self.hashes);
            self.spans[token] = (start, self.hashes.len());
        }
        self.of_token(token)
    }

    /// The features of the document's `token`-th token (empty past the end).
    pub fn of_token(&self, token: usize) -> &[u64] {
        self.spans
            .get(token)
            .and_then(|&(start, end)| self.hashes.get(start..end))
            .unwrap_or(&[])
    }
}

/// The features of token `i` that depend only on the tokens around it, appended to `out`.
pub fn local_features(sentence: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let none = TokenInfo {
        word: 1,
        lower: 1,
        title: 1,
        shape: 1,
        cluster: u32::MAX,
        ..TokenInfo::default()
    };
    let at = |d: isize| -> &TokenInfo {
        i.checked_add_signed(d)
            .and_then(|j| sentence.get(j))
            .unwrap_or(&none)
    };
    let t = &sentence[i];
    push(out, 1, 0);
    push(out, 2, t.word);
    if t.title != t.word {
        push(out, 2, t.title);
    }
    for d in -2..=2isize {
        push(out, (12 + d) as u64, at(d).lower);
        push(out, (22 + d) as u64, at(d).shape);
    }
    push(out, 30, combine(at(-1).lower, t.lower));
    push(out, 31, combine(t.lower, at(1).lower));
    push(out, 32, combine(at(-1).shape, t.shape));
    push(out, 33, combine(t.shape, at(1).shape));
    for (k, &p) in t.prefixes.iter().enumerate() {
        if p != 0 {
            push(out, 40 + k as u64, p);
        }
    }
    for (k, &s) in t.suffixes.iter().enumerate() {
        if s != 0 {
            push(out, 45 + k as u64, s);
        }
    }
    push(out, 50, u64::from(t.flags));
    push(
        out,
        51,
        u64::from(at(-1).flags & CAP_FLAGS)
            | u64::from(t.flags & CAP_FLAGS) << 8
            | u64::from(at(1).flags & CAP_FLAGS) << 16
            | u64::from(t.flags & SENTENCE_START) << 24,
    );
    push(
        out,
        52,
        u64::from(
            t.flags
                & (CAP
                    | ALL_CAPS
                    | SENTENCE_START
                    | CAPS_SENTENCE
                    | DOC_CAPITALISED
                    | DOC_LOWER
                    | AFTER_QUOTE),
        ),
    );
    push(
        out,
        53,
        combine(
            u64::from(t.flags & (SENTENCE_START | CAPS_SENTENCE | AFTER_QUOTE)),
            t.lower,
        ),
    );
    for d in -2..=2isize {
        let c = at(d).cluster;
        let base = 300 + 10 * (d + 2) as u64;
        if c == 0 {
            push(out, base, 0);
            continue;
        }
        let lengths: &[u32] = if d == 0 {
            &[4, 6, 8, 10, 12, 16, 20]
        } else {
            &[4, 6, 10, 20]
        };
        for (k, &len) in lengths.iter().enumerate() {
            push(out, base + 1 + k as u64, u64::from(c & ((1 << len) - 1)));
        }
    }
    push(
        out,
        125,
        u64::from(at(-1).cluster & 0x3f) | u64::from(t.cluster & 0x3f) << 32,
    );
    push(
        out,
        126,
        u64::from(t.cluster & 0x3f) | u64::from(at(1).cluster & 0x3f) << 32,
    );
    push(
        out,
        100,
        combine(u64::from(t.cluster & 0x3ff), u64::from(t.flags & CAP_FLAGS)),
    );
    for d in -1..=1isize {
        let mut g = at(d).gazetteer;
        while g != 0 {
            let bit = u64::from(g.trailing_zeros());
            g &= g - 1;
            push(out, 110 + (d + 1) as u64, bit);
            if d == 0 {
                push(out, 113, bit | u64::from(t.flags & CAP_FLAGS) << 8);
            }
        }
    }
}

/// The features of token `i` that read the first pass's labels (second pass only),
/// appended to `out`.
pub fn second_pass_features(
    sentence: &[TokenInfo],
    i: usize,
    (tags, elsewhere): (&[u8], &[[u8; 5]]),
    out: &mut Vec<u64>,
) {
    let t = &sentence[i];
    let tag_at = |d: isize| -> u64 {
        i.checked_add_signed(d)
            .and_then(|j| tags.get(j))
            .map_or(u64::from(NO_TAG), |&t| u64::from(t))
    };
    push(out, 200, tag_at(-1));
    push(out, 201, tag_at(0));
    push(out, 202, tag_at(1));
    push(out, 203, tag_at(0) | tag_at(1) << 8 | tag_at(-1) << 16);
    let e = elsewhere[i];
    for (k, &share) in e.iter().enumerate() {
        if share > 0 {
            push(out, 210 + k as u64, u64::from(share));
            push(out, 220 + k as u64, u64::from(share) | tag_at(0) << 8);
        }
    }
    if e.iter().any(|&s| s > 0) {
        push(
            out,
            230,
            majority(&e) as u64 | u64::from(t.flags & CAP_FLAGS) << 8,
        );
    }
    for d in [-1isize, 1] {
        if let Some(j) = i.checked_add_signed(d).filter(|&j| j < elsewhere.len()) {
            let e = elsewhere[j];
            let m = (0..5).max_by_key(|&k| (e[k], 5 - k)).unwrap_or(0);
            if e[m] > 0 {
                push(out, 240 + (d + 1) as u64, m as u64);
            }
        }
    }
}

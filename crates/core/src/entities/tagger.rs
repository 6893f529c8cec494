//! The named-entity tagger: greedy left-to-right BILOU tagging with an averaged-perceptron
//! model, run twice per document (the second pass sees the first pass's labels of the same
//! word elsewhere in the document). Plain tokens ([`features::plain_word`]) after an O tag
//! are tagged O without being scored.

use std::sync::OnceLock;

use super::LoadError;
use super::binary::{Reader, Writer};
use super::features::{self, FirstPass, LocalFeatures, NO_TAG, Prepared, TokenInfo};
use super::lexicon::Lexicon;
use super::tags::{self, TAG_COUNT};
use super::weights::{StoredWeights, Weights};

const MAGIC: &[u8; 8] = b"GLNNER\x01\x00";

/// The shipped lexicon (word clusters, gazetteers), written by `cargo xtask ner-lexicon`.
static LEXICON_BYTES: &[u8] = include_bytes!("../../models/ner-lexicon.bin");
/// The shipped model, written by `cargo xtask train-ner`.
static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner-model.bin");

/// The two weight tables of a trained model, as stored (written by the trainer).
#[derive(Debug, Clone)]
pub struct StoredModel {
    /// First-pass weights (local features only).
    pub first: StoredWeights,
    /// Second-pass weights (local features and the first pass's document-level labels).
    pub second: StoredWeights,
}

impl StoredModel {
    /// The on-disk form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        self.first.write(&mut w);
        self.second.write(&mut w);
        w.bytes
    }

    /// Reads the on-disk form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LoadError> {
        let mut r = Reader::new(bytes);
        r.expect_magic(MAGIC)?;
        let first = StoredWeights::read(&mut r)?;
        let second = StoredWeights::read(&mut r)?;
        if !r.at_end() {
            return Err(LoadError::TrailingBytes);
        }
        Ok(Self { first, second })
    }
}

/// The two weight tables of a trained model, in their scoring form (the stored rows are not
/// kept: only the trainer writes models).
#[derive(Debug, Clone)]
pub struct Model {
    /// First-pass weights.
    pub first: Weights,
    /// Second-pass weights.
    pub second: Weights,
}

impl Model {
    /// Reads the on-disk form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LoadError> {
        StoredModel::from_bytes(bytes).map(|stored| Self::from(&stored))
    }
}

impl From<&StoredModel> for Model {
    fn from(stored: &StoredModel) -> Self {
        Self {
            first: Weights::from(&stored.first),
            second: Weights::from(&stored.second),
        }
    }
}

/// A loaded tagger: lexicon and model.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    model: Model,
}

impl Tagger {
    /// A tagger from its parts.
    pub fn new(lexicon: Lexicon, model: Model) -> Self {
        Self { lexicon, model }
    }

    /// The tagger built into the library, decoded on first use and shared afterwards.
    pub fn embedded() -> Result<&'static Tagger, LoadError> {
        static TAGGER: OnceLock<Result<Tagger, LoadError>> = OnceLock::new();
        TAGGER
            .get_or_init(|| {
                Ok(Tagger::new(
                    Lexicon::from_bytes(LEXICON_BYTES)?,
                    Model::from_bytes(MODEL_BYTES)?,
                ))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// BILOU tags for a document of `tokens` in `sentences` (token ranges, in order).
    pub fn tag(&self, tokens: &[&str], sentences: &[(usize, usize)]) -> Vec<u8> {
        let doc = features::prepare(&self.lexicon, tokens, sentences);
        self.tag_prepared(&doc)
    }

    /// Both passes over a prepared document.
    pub fn tag_prepared(&self, doc: &Prepared) -> Vec<u8> {
        let (one, two) = (&self.model.first, &self.model.second);
        let plain: Vec<bool> = doc.tokens.iter().map(features::plain_word).collect();
        let mut local = LocalFeatures::of_some(doc, &plain);
        let first_scores = fixed_scores(
            doc,
            &local,
            None,
            Some(&plain),
            |a, b, s| one.add_parts([a, b], s),
            |f| one.prefetch(f),
        );
        let first = decode_from(
            doc,
            &mut local,
            first_scores,
            None,
            &plain,
            &plain,
            |f, s| one.add(f, s),
        );
        let summary = features::first_pass(doc, &first);
        let plain_again: Vec<bool> = plain
            .iter()
            .zip(&first)
            .map(|(&p, &t)| p && t == tags::OUTSIDE)
            .collect();
        let second_scores = fixed_scores(
            doc,
            &local,
            Some(&summary),
            Some(&plain),
            |a, b, s| two.add_parts([a, b], s),
            |f| two.prefetch(f),
        );
        decode_from(
            doc,
            &mut local,
            second_scores,
            Some(&summary),
            &plain,
            &plain_again,
            |f, s| two.add(f, s),
        )
    }
}

/// Greedy decoding from each token's [`fixed_scores`], adding with `score` the features that
/// depend on the tags decoded before it; ill-formed transitions are never chosen. A `plain`
/// token after an O tag, or at a sentence start, is tagged O unscored; the `unscored` tokens'
/// fixed scores were not computed, so they are scored in full here when they must be scored
/// at all (their local features computed once, into `local`, for both passes).
fn decode_from(
    doc: &Prepared,
    local: &mut LocalFeatures,
    fixed: Vec<[f32; TAG_COUNT]>,
    first: Option<&FirstPass>,
    unscored: &[bool],
    plain: &[bool],
    mut score: impl FnMut(&[u64], &mut [f32; TAG_COUNT]),
) -> Vec<u8> {
    let mut out = vec![tags::OUTSIDE; doc.tokens.len()];
    let mut history = Vec::with_capacity(80);
    for &(s, e) in &doc.sentences {
        let sentence: &[TokenInfo] = &doc.tokens[s..e];
        let context = first.map(|f| (&f.tags[s..e], &f.elsewhere[s..e]));
        let mut prev = (NO_TAG, NO_TAG);
        for i in 0..sentence.len() {
            let is_plain = plain.get(s + i).copied().unwrap_or(false);
            if is_plain && (prev.0 == NO_TAG || prev.0 == tags::OUTSIDE) {
                prev = (tags::OUTSIDE, prev.0);
                continue;
            }
            history.clear();
            if unscored.get(s + i).copied().unwrap_or(false) {
                history.extend_from_slice(local.ensure(doc, (s, e), i));
                if let Some(context) = context {
                    features::second_pass_features(sentence, i, context, &mut history);
                }
            }
            features::history_features(sentence, i, prev, context, &mut history);
            let mut scores = fixed.get(s + i).copied().unwrap_or([0f32; TAG_COUNT]);
            score(&history, &mut scores);
            let last = i + 1 == sentence.len();
            let best = best_tag(&scores, (prev.0 != NO_TAG).then_some(prev.0), last);
            out[s + i] = best;
            prev = (best, prev.0);
        }
    }
    out
}

/// Greedy decoding of every sentence with `score` adding feature weights to the scores;
/// ill-formed transitions are never chosen.
pub fn decode(
    doc: &Prepared,
    first: Option<&FirstPass>,
    mut score: impl FnMut(&[u64], &mut [f32; TAG_COUNT]),
) -> Vec<u8> {
    let mut local = LocalFeatures::of(doc);
    let fixed = fixed_scores(
        doc,
        &local,
        first,
        None,
        |a, b, s| {
            score(a, s);
            score(b, s);
        },
        |_| (),
    );
    decode_from(doc, &mut local, fixed, first, &[], &[], score)
}

/// How many tokens ahead of the one being scored [`fixed_scores`] asks for weight rows.
const ROWS_AHEAD: usize = 2;

/// The scores of every token's features that do not depend on the tags decoded before it
/// (its local features and, in the second pass, the first pass's labels), one token after
/// another with no decision in between, asking with `prefetch` for the rows of the token
/// [`ROWS_AHEAD`] places on while one is scored: the tagger's time is mostly waiting for weight
/// rows from memory, and out-of-order execution alone keeps only a few of a token's ~60
/// fetches in flight. `score` gets a token's local and second-pass features as two lists that
/// it must add up as one. Tokens marked in `skip` are not scored (their scores stay zero).
pub fn fixed_scores(
    doc: &Prepared,
    local: &LocalFeatures,
    first: Option<&FirstPass>,
    skip: Option<&[bool]>,
    mut score: impl FnMut(&[u64], &[u64], &mut [f32; TAG_COUNT]),
    mut prefetch: impl FnMut(&[u64]),
) -> Vec<[f32; TAG_COUNT]> {
    let mut out = vec![[0f32; TAG_COUNT]; doc.tokens.len()];
    // Every token of a sentence, in order: (sentence start, sentence end, token).
    let positions: Vec<(usize, usize, usize)> = doc
        .sentences
        .iter()
        .flat_map(|&(s, e)| (s..e).map(move |t| (s, e, t)))
        .filter(|&(_, _, t)| !skip.is_some_and(|k| k.get(t).copied().unwrap_or(false)))
        .collect();
    // The second-pass features of a token (none in the first pass).
    let second = |&(s, e, t): &(usize, usize, usize), features: &mut Vec<u64>| {
        features.clear();
        if let Some(f) = first {
            let context = (&f.tags[s..e], &f.elsewhere[s..e]);
            features::second_pass_features(&doc.tokens[s..e], t - s, context, features);
        }
    };
    // The second-pass features of position `k` go to ring slot `k mod (ROWS_AHEAD + 1)`, and
    // its rows are asked for.
    let mut ring: [Vec<u64>; ROWS_AHEAD + 1] = std::array::from_fn(|_| Vec::with_capacity(16));
    let mut ask = |k: usize, ring: &mut [Vec<u64>; ROWS_AHEAD + 1]| {
        if let Some(position) = positions.get(k) {
            let slot = &mut ring[k % (ROWS_AHEAD + 1)];
            second(position, slot);
            prefetch(local.of_token(position.2));
            prefetch(slot);
        }
    };
    for k in 0..ROWS_AHEAD {
        ask(k, &mut ring);
    }
    for (k, &(_, _, t)) in positions.iter().enumerate() {
        ask(k + ROWS_AHEAD, &mut ring);
        if let Some(scores) = out.get_mut(t) {
            score(local.of_token(t), &ring[k % (ROWS_AHEAD + 1)], scores);
        }
    }
    out
}

/// The best-scoring tag allowed after `prev`; at a sentence's last token, only tags that
/// close every chunk.
#[inline]
pub fn best_tag(scores: &[f32; TAG_COUNT], prev: Option<u8>, last: bool) -> u8 {
    let mut best = tags::OUTSIDE;
    let mut best_score = f32::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        let t = t as u8;
        if s > best_score && tags::allowed(prev, t) && (!last || closes(t)) {
            best = t;
            best_score = s;
        }
    }
    best
}

fn closes(t: u8) -> bool {
    !matches!(
        tags::split(t),
        Some((_, tags::Part::Begin | tags::Part::Inside))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tags::{Chunk, Kind, chunks};

    #[test]
    fn embedded_model_loads_and_tags() {
        let tagger = Tagger::embedded().expect("embedded model loads");
        let tokens = [
            "Angela",
            "Merkel",
            "flew",
            "to",
            "Paris",
            "on",
            "Monday",
            "to",
            "meet",
            "the",
            "European",
            "Commission",
            ".",
        ];
        let tags = tagger.tag(&tokens, &[(0, tokens.len())]);
        assert_eq!(
            chunks(&tags),
            [
                Chunk {
                    start: 0,
                    end: 2,
                    kind: Kind::Per
                },
                Chunk {
                    start: 4,
                    end: 5,
                    kind: Kind::Loc
                },
                Chunk {
                    start: 10,
                    end: 12,
                    kind: Kind::Org
                },
            ]
        );
    }

    #[test]
    fn model_round_trips_and_refuses_garbage() {
        let bytes = MODEL_BYTES;
        let model = StoredModel::from_bytes(bytes).expect("shipped model parses");
        assert_eq!(model.to_bytes(), bytes);
        assert!(Model::from_bytes(bytes).is_ok());
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert_eq!(
            Model::from_bytes(b"GLNLEX\x01\x00").unwrap_err(),
            LoadError::BadMagic
        );
    }

    #[test]
    fn plain_words_are_scored_inside_a_name_only() {
        let tagger = Tagger::embedded().expect("embedded model loads");
        let tokens = [
            "He", "said", "the", "Bank", "of", "England", "would", "act", ",", "and", "the",
            "Duke", "of", "York", "agreed", ".",
        ];
        let tags = tagger.tag(&tokens, &[(0, tokens.len())]);
        let found: Vec<(usize, usize)> = chunks(&tags).iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(found, [(3, 6), (11, 14)], "{tags:?}");
    }

    #[test]
    fn skipping_plain_tokens_keeps_the_tags_of_full_decoding_here() {
        // Full decoding of both passes (as the trainer decodes) against the tagger's.
        let tagger = Tagger::embedded().expect("embedded model loads");
        let text = "Ukrainian President Volodymyr Zelensky said on Monday that Kyiv was ready \
            to discuss neutrality . The State Emergency Service of Ukraine said 651 buildings \
            were destroyed , and a Kremlin spokesperson , Dmitry Peskov , told reporters in \
            Moscow that talks with the European Union had not begun .";
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let stop = tokens.iter().position(|&t| t == ".").map_or(0, |i| i + 1);
        let sentences = [(0, stop), (stop, tokens.len())];
        let doc = features::prepare(tagger.lexicon(), &tokens, &sentences);
        let model = &tagger.model;
        let first = decode(&doc, None, |f, s| model.first.add(f, s));
        let summary = features::first_pass(&doc, &first);
        let full = decode(&doc, Some(&summary), |f, s| model.second.add(f, s));
        assert_eq!(tagger.tag_prepared(&doc), full);
        assert!(chunks(&full).len() >= 7, "{full:?}");
    }

    #[test]
    fn empty_input_gives_no_tags() {
        let tagger = Tagger::embedded().expect("embedded model loads");
        assert!(tagger.tag(&[], &[]).is_empty());
    }
}

//! `cargo xtask train-ner`: trains the two-pass averaged-perceptron tagger on CoNLL-2003
//! `eng.train`, picks the number of epochs on `eng.testa`, and writes the model file the core
//! embeds. Deterministic: documents are shuffled with a fixed seed, nothing depends on time
//! or thread scheduling.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use gleaner_core::entities::features::{self, FirstPass, NO_TAG, Prepared};
use gleaner_core::entities::lexicon::Lexicon;
use gleaner_core::entities::tagger::{self, Model, StoredModel};
use gleaner_core::entities::tags::{self, Chunk, TAG_COUNT};
use gleaner_core::entities::weights::StoredWeights;

use super::conll::{self, Doc};

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Folder with `conll2003/eng.train` and `conll2003/eng.testa`.
    pub data: PathBuf,
    /// Row-index bits of the weight tables.
    pub bits: u32,
    /// Most epochs per pass.
    pub max_epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    pub patience: usize,
    /// Folds for the first-pass predictions the second pass trains on.
    pub folds: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Rows whose largest weight is below this are dropped from the shipped model.
    pub prune: f32,
    /// Where the model is written.
    pub out: PathBuf,
}

/// A training or dev document with its gold BILOU tags.
pub struct Example {
    /// Token infos and sentences.
    pub doc: Prepared,
    /// Gold tags.
    pub gold: Vec<u8>,
}

/// Prepares CoNLL documents for the tagger.
pub fn examples(lexicon: &Lexicon, docs: &[Doc]) -> Vec<Example> {
    docs.iter()
        .map(|d| {
            let tokens = d.token_refs();
            let doc = features::prepare(lexicon, &tokens, &d.sentences);
            let mut gold = vec![tags::OUTSIDE; d.tokens.len()];
            for &(s, e) in &d.sentences {
                let labels: Vec<&str> = d.labels[s..e].iter().map(String::as_str).collect();
                let chunks = tags::chunks_from_iob(&labels);
                gold[s..e].copy_from_slice(&tags::from_chunks(e - s, &chunks));
            }
            Example { doc, gold }
        })
        .collect()
}

/// An averaged perceptron over a hashed table.
struct Perceptron {
    bits: u32,
    weights: Vec<f32>,
    /// Σ step × update, for averaging without per-weight timestamps.
    stamped: Vec<f64>,
    step: u64,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * TAG_COUNT;
        Self {
            bits,
            weights: vec![0.0; n],
            stamped: vec![0.0; n],
            step: 1,
        }
    }

    fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        dense_add(self.bits, &self.weights, features, scores);
    }

    fn update(&mut self, features: &[u64], gold: u8, pred: u8) {
        let shift = 64 - self.bits;
        let step = self.step as f64;
        for &f in features {
            let base = (f >> shift) as usize * TAG_COUNT;
            for (t, d) in [(gold, 1.0f32), (pred, -1.0)] {
                let i = base + usize::from(t);
                self.weights[i] += d;
                self.stamped[i] += step * f64::from(d);
            }
        }
    }

    fn averaged(&self) -> Vec<f32> {
        let step = self.step as f64;
        self.weights
            .iter()
            .zip(&self.stamped)
            .map(|(&w, &s)| (f64::from(w) - s / step) as f32)
            .collect()
    }

    /// One epoch over `order`.
    fn epoch(&mut self, examples: &[Example], first: Option<&[FirstPass]>, order: &[usize]) {
        let mut buf = Vec::with_capacity(128);
        for &d in order {
            let ex = &examples[d];
            let fp = first.map(|f| &f[d]);
            for &(s, e) in &ex.doc.sentences {
                let sentence = &ex.doc.tokens[s..e];
                let context = fp.map(|f| (&f.tags[s..e], &f.elsewhere[s..e]));
                let mut prev = (NO_TAG, NO_TAG);
                for i in 0..sentence.len() {
                    features::features(sentence, i, prev, context, &mut buf);
                    let mut scores = [0f32; TAG_COUNT];
                    self.score(&buf, &mut scores);
                    let last = i + 1 == sentence.len();
                    let pred =
                        tagger::best_tag(&scores, (prev.0 != NO_TAG).then_some(prev.0), last);
                    let gold = ex.gold[s + i];
                    if pred != gold {
                        self.update(&buf, gold, pred);
                    }
                    self.step += 1;
                    prev = (pred, prev.0);
                }
            }
        }
    }
}

fn dense_add(bits: u32, weights: &[f32], features: &[u64], scores: &mut [f32; TAG_COUNT]) {
    let shift = 64 - bits;
    for &f in features {
        let base = (f >> shift) as usize * TAG_COUNT;
        for (s, w) in scores.iter_mut().zip(&weights[base..base + TAG_COUNT]) {
            *s += w;
        }
    }
}

/// splitmix64: a tiny deterministic generator for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Decodes `examples` with `score`, using `first` for the second pass.
pub fn decode_all(
    examples: &[Example],
    first: Option<&[FirstPass]>,
    score: impl Fn(&[u64], &mut [f32; TAG_COUNT]) + Copy,
) -> Vec<Vec<u8>> {
    examples
        .iter()
        .enumerate()
        .map(|(d, ex)| tagger::decode(&ex.doc, first.map(|f| &f[d]), score))
        .collect()
}

/// Entity-level F1 (%) of predicted tags against gold, sentence by sentence.
pub fn f1(examples: &[Example], predicted: &[Vec<u8>]) -> f64 {
    let (mut gold_n, mut found_n, mut correct) = (0usize, 0usize, 0usize);
    for (ex, pred) in examples.iter().zip(predicted) {
        for &(s, e) in &ex.doc.sentences {
            let key = |c: Chunk| (c.start, c.end, c.kind);
            let g: HashSet<_> = tags::chunks(&ex.gold[s..e]).into_iter().map(key).collect();
            let p: HashSet<_> = tags::chunks(&pred[s..e]).into_iter().map(key).collect();
            gold_n += g.len();
            found_n += p.len();
            correct += g.intersection(&p).count();
        }
    }
    let p = correct as f64 / found_n.max(1) as f64;
    let r = correct as f64 / gold_n.max(1) as f64;
    if p + r > 0.0 {
        200.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Trains one pass, choosing the epoch count on `dev`; returns the best averaged weights,
/// their epoch count and dev F1.
fn fit(
    settings: &Settings,
    train: &[Example],
    first_train: Option<&[FirstPass]>,
    dev: &[Example],
    first_dev: Option<&[FirstPass]>,
    label: &str,
) -> (Vec<f32>, usize, f64) {
    let mut p = Perceptron::new(settings.bits);
    let mut rng = Rng(settings.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best = (Vec::new(), 0usize, -1.0f64);
    for epoch in 1..=settings.max_epochs {
        let t = Instant::now();
        rng.shuffle(&mut order);
        p.epoch(train, first_train, &order);
        let avg = p.averaged();
        let bits = settings.bits;
        let pred = decode_all(dev, first_dev, |f, s| dense_add(bits, &avg, f, s));
        let score = f1(dev, &pred);
        println!(
            "  {label} epoch {epoch:2}: dev F1 {score:.2} ({:.1}s)",
            t.elapsed().as_secs_f64()
        );
        if score > best.2 {
            best = (avg, epoch, score);
        } else if epoch >= best.1 + settings.patience {
            break;
        }
    }
    best
}

/// Trains for a fixed number of epochs (the jackknife folds).
fn fit_fixed(settings: &Settings, train: &[Example], epochs: usize, seed: u64) -> Vec<f32> {
    let mut p = Perceptron::new(settings.bits);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        p.epoch(train, None, &order);
    }
    p.averaged()
}

/// Moves examples out of `all` by index (the fold split needs owned subsets).
fn subset(all: &[Example], keep: impl Fn(usize) -> bool) -> Vec<Example> {
    all.iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, e)| Example {
            doc: e.doc.clone(),
            gold: e.gold.clone(),
        })
        .collect()
}

/// Runs the whole training and writes the model.
pub fn run(settings: &Settings) -> Result<()> {
    let started = Instant::now();
    let lexicon_path = super::lexicon::output_path();
    let lexicon = Lexicon::from_bytes(&std::fs::read(&lexicon_path).with_context(|| {
        format!(
            "reading {} (run cargo xtask ner-lexicon)",
            lexicon_path.display()
        )
    })?)?;
    let dir = settings.data.join("conll2003");
    let train_docs = conll::read(&dir.join("eng.train"))?;
    let dev_docs = conll::read(&dir.join("eng.testa"))?;
    let train = examples(&lexicon, &train_docs);
    let dev = examples(&lexicon, &dev_docs);
    println!(
        "train: {} documents, {} tokens; dev: {} documents, {} tokens",
        train.len(),
        train.iter().map(|e| e.gold.len()).sum::<usize>(),
        dev.len(),
        dev.iter().map(|e| e.gold.len()).sum::<usize>()
    );

    println!("pass 1 (local features):");
    let (w1, e1, f1_dev) = fit(settings, &train, None, &dev, None, "pass 1");
    println!("  chose {e1} epochs, dev F1 {f1_dev:.2}");

    println!(
        "pass 1 on {} folds, for the second pass's training input:",
        settings.folds
    );
    let mut first_train: Vec<Option<FirstPass>> = (0..train.len()).map(|_| None).collect();
    for fold in 0..settings.folds {
        let k = settings.folds;
        let part = subset(&train, |i| i % k != fold);
        let w = fit_fixed(settings, &part, e1, settings.seed + 1 + fold as u64);
        let bits = settings.bits;
        for (i, ex) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let t = tagger::decode(&ex.doc, None, |f, s| dense_add(bits, &w, f, s));
            first_train[i] = Some(features::first_pass(&ex.doc, &t));
        }
        println!("  fold {} done", fold + 1);
    }
    let first_train: Vec<FirstPass> = first_train
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let bits = settings.bits;
    let first_dev: Vec<FirstPass> = dev
        .iter()
        .map(|ex| {
            let t = tagger::decode(&ex.doc, None, |f, s| dense_add(bits, &w1, f, s));
            features::first_pass(&ex.doc, &t)
        })
        .collect();

    println!("pass 2 (with the first pass's document-level labels):");
    let (w2, e2, f2_dev) = fit(
        settings,
        &train,
        Some(&first_train),
        &dev,
        Some(&first_dev),
        "pass 2",
    );
    println!("  chose {e2} epochs, dev F1 {f2_dev:.2}");

    let model = StoredModel {
        first: StoredWeights::quantise(settings.bits, &w1, settings.prune),
        second: StoredWeights::quantise(settings.bits, &w2, settings.prune),
    };
    let bytes = model.to_bytes();
    let tagger = tagger::Tagger::new(lexicon, Model::from_bytes(&bytes)?);
    let pred: Vec<Vec<u8>> = dev.iter().map(|ex| tagger.tag_prepared(&ex.doc)).collect();
    println!(
        "shipped (quantised, pruned) model: dev F1 {:.2}; {} + {} rows",
        f1(&dev, &pred),
        model.first.rows_used(),
        model.second.rows_used()
    );
    write(&settings.out, &bytes)?;
    println!(
        "wrote {} ({:.1} MB) in {:.1}s",
        settings.out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

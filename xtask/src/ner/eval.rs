//! `cargo xtask eval ner`: entity-level P/R/F1 of the shipped tagger on CoNLL-2003 `eng.testb`
//! (and wikigold), scored by our scorer and by `../shared/eval/conlleval.py` on the same
//! prediction files; then the same test set through the product path.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use gleaner_core::entities::tagger::Tagger;
use gleaner_core::entities::tags;
use gleaner_core::{Config, Extractor, Input, InputFormat};

use super::conll::{self, Doc, Score};

/// Predicted labels for every token of `docs`, one `Vec` per document.
pub type Predictions = Vec<Vec<String>>;

/// Tags each document with the embedded tagger on the gold tokenisation.
pub fn tag_tokens(tagger: &Tagger, docs: &[Doc]) -> Predictions {
    docs.iter()
        .map(|d| {
            let tokens = d.token_refs();
            tagger
                .tag(&tokens, &d.sentences)
                .into_iter()
                .map(tags::name)
                .collect()
        })
        .collect()
}

/// Runs each document through the extractor as verbatim text (tokens joined by spaces,
/// sentences by newlines) and maps the entity mentions back onto the gold tokens.
pub fn tag_product(extractor: &Extractor, docs: &[Doc]) -> Result<Predictions> {
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let mut text = String::new();
        // Code-point span of each token in `text`.
        let mut spans = Vec::with_capacity(d.tokens.len());
        let mut chars = 0usize;
        for (n, &(s, e)) in d.sentences.iter().enumerate() {
            if n > 0 {
                text.push('\n');
                chars += 1;
            }
            for i in s..e {
                if i > s {
                    text.push(' ');
                    chars += 1;
                }
                let len = d.tokens[i].chars().count();
                spans.push((chars, chars + len));
                text.push_str(&d.tokens[i]);
                chars += len;
            }
        }
        let mut labels = vec!["O".to_string(); d.tokens.len()];
        if text.trim().is_empty() {
            out.push(labels);
            continue;
        }
        let input = Input {
            format: Some(InputFormat::Verbatim),
            ..Input::new(text.into_bytes())
        };
        let article = extractor
            .extract(&input)
            .context("extracting a test document")?;
        for entity in &article.entities {
            for m in &entity.mentions {
                let kind = entity.kind.label();
                // The tokens the mention covers (a token counts when it overlaps).
                let first = spans.partition_point(|&(_, e)| e <= m.start);
                let mut i = first;
                while i < spans.len() && spans[i].0 < m.end {
                    labels[i] = format!("{}-{kind}", if i == first { "B" } else { "I" });
                    i += 1;
                }
            }
        }
        out.push(labels);
    }
    Ok(out)
}

/// Writes predictions aligned line by line with the gold file (`token tag`, blank lines and
/// `-DOCSTART-` lines where the gold file has them).
pub fn write_aligned(gold: &Path, docs: &[Doc], pred: &Predictions, out: &Path) -> Result<()> {
    let text = std::fs::read_to_string(gold)?;
    let flat: Vec<&String> = pred.iter().flatten().collect();
    let tokens: Vec<&String> = docs.iter().flat_map(|d| &d.tokens).collect();
    let mut i = 0usize;
    let mut s = String::with_capacity(text.len());
    for line in text.lines() {
        let first = line.split_whitespace().next();
        match first {
            None => s.push('\n'),
            Some("-DOCSTART-") => s.push_str("-DOCSTART- O\n"),
            Some(tok) => {
                if tokens.get(i).map(|t| t.as_str()) != Some(tok) {
                    bail!(
                        "prediction out of step with {} at token {i}",
                        gold.display()
                    );
                }
                let _ = writeln!(s, "{tok} {}", flat[i]);
                i += 1;
            }
        }
    }
    std::fs::write(out, s).with_context(|| format!("writing {}", out.display()))
}

/// Scores an aligned prediction file against the gold file, reading both line by line as
/// conlleval.py's two-file mode does.
pub fn score_files(gold: &Path, pred: &Path) -> Result<Score> {
    let g = std::fs::read_to_string(gold)?;
    let p = std::fs::read_to_string(pred)?;
    let mut gl: Vec<&str> = g.lines().collect();
    let mut pl: Vec<&str> = p.lines().collect();
    while gl.last().is_some_and(|l| l.trim().is_empty()) {
        gl.pop();
    }
    while pl.last().is_some_and(|l| l.trim().is_empty()) {
        pl.pop();
    }
    if gl.len() != pl.len() {
        bail!("gold has {} lines, prediction {}", gl.len(), pl.len());
    }
    let mut score = Score::default();
    let (mut gs, mut ps): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for (a, b) in gl.iter().zip(&pl) {
        let fa: Vec<&str> = a.split_whitespace().collect();
        let fb: Vec<&str> = b.split_whitespace().collect();
        if fa.is_empty() || fa[0] == "-X-" {
            if !gs.is_empty() {
                score.add(&gs, &ps);
            }
            gs.clear();
            ps.clear();
            continue;
        }
        gs.push(fa[fa.len() - 1]);
        ps.push(fb.last().copied().unwrap_or("O"));
    }
    if !gs.is_empty() {
        score.add(&gs, &ps);
    }
    Ok(score)
}

/// Per-type precision, recall and F1 as conlleval.py reports them.
pub type TypeScores = Vec<(String, f64, f64, f64)>;

/// Runs conlleval.py on the same files and returns (overall F1, per-type scores) from its JSON.
pub fn reference_score(scorer: &Path, gold: &Path, pred: &Path) -> Result<(f64, TypeScores)> {
    let out = Command::new("python3")
        .arg(scorer)
        .arg(gold)
        .arg(pred)
        .arg("--json")
        .output()
        .with_context(|| format!("running {}", scorer.display()))?;
    if !out.status.success() {
        bail!(
            "conlleval.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let f1 = v["overall"]["f1"].as_f64().unwrap_or(f64::NAN);
    let mut per = Vec::new();
    if let Some(m) = v["per_type"].as_object() {
        for (k, s) in m {
            let get = |n: &str| s[n].as_f64().unwrap_or(f64::NAN);
            per.push((k.clone(), get("precision"), get("recall"), get("f1")));
        }
    }
    Ok((f1, per))
}

/// One data set's evaluation: our scorer and conlleval.py on both paths.
pub fn evaluate_set(
    name: &str,
    gold: &Path,
    scorer: &Path,
    out_dir: &Path,
    product: bool,
) -> Result<(f64, Option<f64>)> {
    let docs = conll::read(gold)?;
    let tagger = Tagger::embedded().context("loading the embedded NER model")?;
    let started = std::time::Instant::now();
    let pred = tag_tokens(tagger, &docs);
    let secs = started.elapsed().as_secs_f64();
    let ntok: usize = docs.iter().map(|d| d.tokens.len()).sum();
    std::fs::create_dir_all(out_dir)?;
    let tok_file = out_dir.join(format!("{name}.tokens.conll"));
    write_aligned(gold, &docs, &pred, &tok_file)?;
    let ours = score_files(gold, &tok_file)?;
    let (reference, per) = reference_score(scorer, gold, &tok_file)?;
    println!(
        "{name}: tagger on the gold tokens ({ntok} tokens, {:.0} tokens/s incl. features)",
        ntok as f64 / secs
    );
    print!("{}", ours.report());
    println!("  conlleval.py: overall F1 {reference:.3}");
    for (k, p, r, f) in &per {
        println!("  conlleval.py: {k:<8} P {p:7.3}  R {r:7.3}  F1 {f:7.3}");
    }
    let agree = (ours.overall().f1 - reference).abs() < 5e-4
        && per
            .iter()
            .all(|(k, _, _, f)| (ours.of(k).f1 - f).abs() < 5e-4);
    println!(
        "  scorers agree to 3 decimals: {}",
        if agree { "yes" } else { "NO" }
    );
    println!("  predictions: {}", tok_file.display());
    if !agree {
        bail!(
            "our scorer and conlleval.py disagree on {}",
            tok_file.display()
        );
    }
    let mut product_f1 = None;
    if product {
        let extractor = Extractor::new(Config::default());
        let pred = tag_product(&extractor, &docs)?;
        let file = out_dir.join(format!("{name}.product.conll"));
        write_aligned(gold, &docs, &pred, &file)?;
        let ours = score_files(gold, &file)?;
        let (reference, _) = reference_score(scorer, gold, &file)?;
        println!("{name}: product path (extract --as verbatim, entity mentions mapped to tokens)");
        print!("{}", ours.report());
        println!("  conlleval.py: overall F1 {reference:.3}");
        println!(
            "  difference from the tagger on gold tokens: {:+.3} F1",
            ours.overall().f1 - score_files(gold, &tok_file)?.overall().f1
        );
        println!("  predictions: {}", file.display());
        product_f1 = Some(ours.overall().f1);
    }
    Ok((ours.overall().f1, product_f1))
}

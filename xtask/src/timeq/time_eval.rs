//! `cargo xtask eval time`: TempEval-3 style scores of the time stage on TimeML gold, with
//! the metrics of `../shared/eval/timex_eval.py` (strict and relaxed span P/R/F1 with
//! one-to-one pairing, type and value accuracy on relaxed pairs, type/value F1).
//!
//! Tune on `tbaq-cleaned` (TimeBank + AQUAINT, the TE3 training data); `te3-platinum` is the
//! reported test set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use gleaner_core::{Config, Extractor, Input, InputFormat, Time};
use serde_json::{Value, json};

use super::quantities_eval::print_scores;
use super::specs::{self, SpecKind};
use super::timeml::{self, Timex};

/// Options of `cargo xtask eval time`.
#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Which TimeML set: the test set (reported) or the training set (tuning).
    #[arg(long, value_enum, default_value_t = TimeSet::Te3Platinum)]
    set: TimeSet,
    /// Where predictions are written.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also run ../shared/eval/timex_eval.py on the same predictions and compare.
    #[arg(long)]
    check: bool,
    /// Print missed, spurious and wrongly valued mentions (for tuning on the training set).
    #[arg(long)]
    errors: bool,
    /// Write each document's text as the time stage saw it to DIR (to diff against
    /// `timex_eval.py --dump-text`).
    #[arg(long, value_name = "DIR")]
    dump_text: Option<PathBuf>,
    /// Print up to N failing Recognizers-Text DateTime cases per spec file.
    #[arg(long, value_name = "N", default_value_t = 0)]
    failures: usize,
    /// List every out-of-scope Recognizers-Text DateTime case with its reason.
    #[arg(long)]
    out_of_scope: bool,
}

/// Recognizers-Text DateTime spec files.
const SPEC_FILES: &[&str] = &[
    "DateTimeModel.json",
    "DurationParser.json",
    "SetParser.json",
    "MergedParser.json",
    "DateTimeModelExperimentalMode.json",
];

/// TimeML sets under `time/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimeSet {
    /// TempEval-3 platinum test (20 documents): the reported figure.
    Te3Platinum,
    /// TimeBank + AQUAINT (256 documents): training and tuning.
    TbaqCleaned,
}

impl TimeSet {
    fn dir(self) -> &'static str {
        match self {
            Self::Te3Platinum => "time/te3-platinum",
            Self::TbaqCleaned => "time/tbaq-cleaned",
        }
    }
}

/// A scored span: gold or predicted.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// Counts and figures, as `timex_eval.py` reports them.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    docs: usize,
    gold: usize,
    pred: usize,
    relaxed: usize,
    strict: usize,
    typ: usize,
    val: usize,
}

impl Scores {
    fn prf(&self, tp: usize) -> (f64, f64, f64) {
        let p = if self.pred > 0 {
            tp as f64 / self.pred as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            tp as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn metrics(&self) -> BTreeMap<&'static str, f64> {
        let (rp, rr, rf) = self.prf(self.relaxed);
        let (sp, sr, sf) = self.prf(self.strict);
        let acc = |n: usize| {
            if self.relaxed > 0 {
                n as f64 / self.relaxed as f64
            } else {
                0.0
            }
        };
        BTreeMap::from([
            ("relaxed_p", rp),
            ("relaxed_r", rr),
            ("relaxed_f1", rf),
            ("strict_p", sp),
            ("strict_r", sr),
            ("strict_f1", sf),
            ("type_acc", acc(self.typ)),
            ("value_acc", acc(self.val)),
            ("type_f1", acc(self.typ) * rf),
            ("value_f1", acc(self.val) * rf),
        ])
    }
}

/// One-to-one pairing: exact spans first, then by the largest overlap (then document order).
fn pair(gold: &[Mention], pred: &[Mention]) -> Vec<(usize, usize)> {
    let mut cand = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (k, p) in pred.iter().enumerate() {
            let ov = g.end.min(p.end) as i64 - g.start.max(p.start) as i64;
            if ov > 0 {
                let exact = (g.start, g.end) == (p.start, p.end);
                cand.push((!exact, -ov, i, k));
            }
        }
    }
    cand.sort();
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, _, i, k) in cand {
        if !used_g[i] && !used_p[k] {
            used_g[i] = true;
            used_p[k] = true;
            out.push((i, k));
        }
    }
    out
}

fn norm_value(v: &str) -> String {
    v.trim().to_uppercase()
}

/// Runs the evaluation.
pub fn run(args: &TimeArgs) -> Result<()> {
    let data = std::fs::canonicalize(&args.data).with_context(|| {
        format!(
            "data folder {} not found (pass --data)",
            args.data.display()
        )
    })?;
    let gold_dir = data.join(args.set.dir());
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::eval::default_out_dir("time"));
    std::fs::create_dir_all(&out)?;
    let mut files = Vec::new();
    collect_tml(&gold_dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        bail!("no .tml files under {}", gold_dir.display());
    }
    let extractor = Extractor::new(Config::default());
    let mut scores = Scores::default();
    let mut lines = String::new();
    let mut errors = Vec::new();
    let mut elapsed = 0.0;
    for path in &files {
        let id = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.strip_suffix(".tml").unwrap_or(n).to_string())
            .context("file name")?;
        let src =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let doc = timeml::parse(&src).with_context(|| format!("parsing {}", path.display()))?;
        if let Some(dir) = &args.dump_text {
            std::fs::create_dir_all(dir)?;
            std::fs::write(dir.join(format!("{id}.txt")), &doc.text)?;
        }
        let input = Input {
            format: Some(InputFormat::Verbatim),
            published: doc.dct.clone(),
            ..Input::new(doc.text.clone().into_bytes())
        };
        let started = Instant::now();
        let times = match extractor.extract(&input) {
            Ok(a) => a.times,
            Err(_) => Vec::new(),
        };
        elapsed += started.elapsed().as_secs_f64();
        lines.push_str(&serde_json::to_string(&json!({"doc": id, "times": times}))?);
        lines.push('\n');
        let gold: Vec<Mention> = doc
            .timexes
            .iter()
            .filter(|t| t.end > t.start)
            .map(gold_mention)
            .collect();
        let pred: Vec<Mention> = times
            .iter()
            .filter(|t| t.end > t.start)
            .map(pred_mention)
            .collect();
        let pairs = pair(&gold, &pred);
        scores.docs += 1;
        scores.gold += gold.len();
        scores.pred += pred.len();
        scores.relaxed += pairs.len();
        for &(i, k) in &pairs {
            let (g, p) = (&gold[i], &pred[k]);
            scores.strict += usize::from((g.start, g.end) == (p.start, p.end));
            scores.typ += usize::from(g.kind.eq_ignore_ascii_case(&p.kind));
            let value_ok = norm_value(&g.value) == norm_value(&p.value);
            scores.val += usize::from(value_ok);
            if args.errors && (!value_ok || (g.start, g.end) != (p.start, p.end)) {
                errors.push(format!(
                    "{id}: {:<9} gold {:?} {} {} | pred {:?} {} {}  (dct {})",
                    if value_ok { "SPAN" } else { "VALUE" },
                    slice(&doc.text, g.start, g.end),
                    g.kind,
                    g.value,
                    slice(&doc.text, p.start, p.end),
                    p.kind,
                    p.value,
                    doc.dct.as_deref().unwrap_or("-"),
                ));
            }
        }
        if args.errors {
            let paired_g: Vec<usize> = pairs.iter().map(|p| p.0).collect();
            let paired_p: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            for (i, g) in gold
                .iter()
                .enumerate()
                .filter(|(i, _)| !paired_g.contains(i))
            {
                let _ = i;
                errors.push(format!(
                    "{id}: MISSED    {:?} {} {}  …{}…",
                    slice(&doc.text, g.start, g.end),
                    g.kind,
                    g.value,
                    context(&doc.text, g.start, g.end)
                ));
            }
            for (k, p) in pred
                .iter()
                .enumerate()
                .filter(|(k, _)| !paired_p.contains(k))
            {
                let _ = k;
                errors.push(format!(
                    "{id}: SPURIOUS  {:?} {} {}  …{}…",
                    slice(&doc.text, p.start, p.end),
                    p.kind,
                    p.value,
                    context(&doc.text, p.start, p.end)
                ));
            }
        }
    }
    let pred_path = out.join(format!(
        "pred_{}.jsonl",
        args.set.dir().trim_start_matches("time/")
    ));
    std::fs::write(&pred_path, &lines)?;
    for e in &errors {
        println!("{e}");
    }
    let m = scores.metrics();
    println!(
        "time ({}): docs={} gold={} pred={}   [extract: {:.1} ms total]",
        args.set.dir(),
        scores.docs,
        scores.gold,
        scores.pred,
        elapsed * 1e3
    );
    println!("{:<10}{:>7}{:>7}{:>7}", "", "P", "R", "F1");
    println!(
        "{:<10}{:7.3}{:7.3}{:7.3}",
        "strict", m["strict_p"], m["strict_r"], m["strict_f1"]
    );
    println!(
        "{:<10}{:7.3}{:7.3}{:7.3}",
        "relaxed", m["relaxed_p"], m["relaxed_r"], m["relaxed_f1"]
    );
    println!(
        "attribute accuracy: type {:.3}  value {:.3}",
        m["type_acc"], m["value_acc"]
    );
    println!(
        "attribute F1:       type {:.3}  value {:.3}",
        m["type_f1"], m["value_f1"]
    );
    println!("predictions: {}", pred_path.display());
    if args.check {
        check_with_python(&data, &gold_dir, &pred_path, &m)?;
    }
    println!();
    let spec_dir = data.join("time/recognizers-text/DateTime/English");
    let mut scores = Vec::new();
    for file in SPEC_FILES {
        scores.push(specs::run_file(&spec_dir.join(file), SpecKind::DateTime)?);
    }
    print_scores(
        "Recognizers-Text English DateTime specs",
        &scores,
        args.failures,
        args.out_of_scope,
    );
    Ok(())
}

/// Runs the reference scorer on the same predictions and prints both figures side by side.
fn check_with_python(
    data: &Path,
    gold_dir: &Path,
    pred: &Path,
    ours: &BTreeMap<&'static str, f64>,
) -> Result<()> {
    let scorer = data
        .parent()
        .map(|p| p.join("eval/timex_eval.py"))
        .context("no parent of the data folder")?;
    let output = Command::new("python3")
        .arg(&scorer)
        .arg(gold_dir)
        .arg(pred)
        .arg("--json")
        .output()
        .with_context(|| format!("running python3 {}", scorer.display()))?;
    if !output.status.success() {
        bail!(
            "{} failed: {}",
            scorer.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let theirs: Value = serde_json::from_slice(&output.stdout)?;
    println!("check against {}:", scorer.display());
    println!("  {:<12}{:>9}{:>9}", "metric", "xtask", "python");
    let mut agree = true;
    for (k, v) in ours {
        let t = theirs[*k].as_f64().unwrap_or(f64::NAN);
        let same = format!("{v:.3}") == format!("{t:.3}");
        agree &= same;
        println!(
            "  {k:<12}{v:9.3}{t:9.3}{}",
            if same { "" } else { "  DIFFERS" }
        );
    }
    if !agree {
        bail!("xtask and timex_eval.py disagree");
    }
    println!("  agree to 3 decimals");
    Ok(())
}

fn gold_mention(t: &Timex) -> Mention {
    Mention {
        start: t.start,
        end: t.end,
        kind: t.kind.clone(),
        value: t.value.clone(),
    }
}

fn pred_mention(t: &Time) -> Mention {
    let kind = serde_json::to_value(t.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Mention {
        start: t.start,
        end: t.end,
        kind,
        value: t.value.clone(),
    }
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn context(text: &str, start: usize, end: usize) -> String {
    let from = start.saturating_sub(40);
    slice(text, from, end + 30).replace('\n', " ")
}

fn collect_tml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_tml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

//! `cargo xtask eval quotes`: the quotes stage on PolNeAR (dev by default; train for
//! tuning), through the product path (`--as verbatim`), scored with the protocol of
//! `../shared/eval/quotes_eval.py`; `--check` runs that scorer on the same predictions.
//! Besides the scorer's figures: recall per gold kind (direct, indirect, according to),
//! precision per predicted kind, and source accuracy per gold speaker type (name, pronoun,
//! role).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use gleaner_core::{Config, Extractor, Input, InputFormat, Quote};
use serde::Deserialize;
use serde_json::{Value, json};

use super::metrics::{Item, LOOSE, Spans, Tally, is_speech, words, words_of};

/// Options of `cargo xtask eval quotes`.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Which PolNeAR split.
    #[arg(long, value_enum, default_value_t = Split::Dev)]
    split: Split,
    /// Where predictions are written.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also run ../shared/eval/quotes_eval.py on the same predictions and compare.
    #[arg(long)]
    check: bool,
    /// Print up to N missed and N spurious attributions (for tuning on train).
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
}

/// PolNeAR splits.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Split {
    Train,
    Dev,
}

impl Split {
    fn file(self) -> &'static str {
        match self {
            Self::Train => "train.jsonl",
            Self::Dev => "dev.jsonl",
        }
    }
}

#[derive(Debug, Deserialize)]
struct GoldRow {
    doc: String,
    #[serde(default)]
    annotator: Value,
    text: String,
    #[serde(default)]
    attributions: Vec<GoldAttribution>,
}

#[derive(Debug, Deserialize)]
struct GoldAttribution {
    #[serde(default)]
    source: Vec<GoldSpan>,
    #[serde(default)]
    cue: Vec<GoldSpan>,
    #[serde(default)]
    content: Vec<GoldSpan>,
}

#[derive(Debug, Deserialize)]
struct GoldSpan {
    start: i64,
    end: i64,
}

fn spans(xs: &[GoldSpan]) -> Spans {
    xs.iter()
        .filter(|s| s.end > s.start && s.start >= 0)
        .map(|s| (s.start as usize, s.end as usize))
        .collect()
}

/// Python's `str(annotator)` for sorting.
fn annotator_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        other => other.to_string(),
    }
}

/// Gold kind of an attribution, for the per-kind report.
fn gold_kind(chars: &[char], g: &Item) -> &'static str {
    let cue: String = g
        .cue
        .iter()
        .map(|&(a, b)| chars[a..b.min(chars.len())].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let first = g.content.iter().map(|s| s.0).min().unwrap_or(0);
    let opens = chars
        .get(first)
        .is_some_and(|c| matches!(c, '“' | '"' | '‘' | '\''))
        || first > 0 && chars.get(first - 1).is_some_and(|c| matches!(c, '“' | '"'));
    if cue.contains("according") {
        "according_to"
    } else if opens {
        "direct"
    } else {
        "indirect"
    }
}

/// Gold speaker type: pronoun, name (a capitalised word not first), role, or none.
fn speaker_type(chars: &[char], g: &Item) -> &'static str {
    let Some(&(a, b)) = g.source.first() else {
        return "none";
    };
    let text: String = chars[a..b.min(chars.len())].iter().collect();
    let ws: Vec<&str> = text.split_whitespace().collect();
    let lower = text.to_lowercase();
    if ws.len() == 1
        && matches!(
            lower.as_str(),
            "he" | "she" | "they" | "it" | "i" | "we" | "you" | "who" | "his" | "her" | "their"
        )
    {
        "pronoun"
    } else if ws.iter().enumerate().any(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            && (i > 0 || !matches!(*w, "The" | "A" | "An" | "Some" | "Many" | "Two" | "Three"))
    }) {
        "name"
    } else {
        "role"
    }
}

/// Runs the evaluation.
pub fn run(args: &QuotesArgs) -> Result<()> {
    let data = std::fs::canonicalize(&args.data).with_context(|| {
        format!(
            "data folder {} not found (pass --data)",
            args.data.display()
        )
    })?;
    let gold_path = data.join("quotes/polnear").join(args.split.file());
    let src = std::fs::read_to_string(&gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let mut rows: BTreeMap<String, Vec<GoldRow>> = BTreeMap::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: GoldRow = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", gold_path.display(), n + 1))?;
        rows.entry(row.doc.clone()).or_default().push(row);
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::eval::default_out_dir("quotes"));
    std::fs::create_dir_all(&out)?;
    let extractor = Extractor::new(Config::default());
    let (mut all, mut speech) = (Tally::default(), Tally::default());
    let mut lines = String::new();
    let mut by_gold_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_pred_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut by_speaker: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut spurious = Vec::new();
    let mut elapsed = 0.0;
    for (doc, mut rs) in rows {
        rs.sort_by_key(|r| annotator_key(&r.annotator));
        let row = &rs[0];
        let chars: Vec<char> = row.text.chars().collect();
        let gold: Vec<Item> = row
            .attributions
            .iter()
            .map(|a| {
                let content = spans(&a.content);
                let cue = spans(&a.cue);
                Item {
                    words: words_of(&chars, &content),
                    speech: is_speech(&chars, &cue),
                    content,
                    source: spans(&a.source),
                    cue,
                }
            })
            .filter(|g| !g.words.is_empty())
            .collect();
        let input = Input {
            format: Some(InputFormat::Verbatim),
            ..Input::new(row.text.clone().into_bytes())
        };
        let started = Instant::now();
        let quotes: Vec<Quote> = extractor
            .extract(&input)
            .map(|a| a.quotes)
            .unwrap_or_default();
        elapsed += started.elapsed().as_secs_f64();
        lines.push_str(&serde_json::to_string(
            &json!({"doc": doc, "quotes": quotes}),
        )?);
        lines.push('\n');
        let pred: Vec<Item> = quotes.iter().map(|q| pred_item(&chars, q)).collect();
        let pairs = all.add(&gold, &pred, false);
        speech.add(&gold, &pred, true);
        // The kept lists exclude wordless items: re-index as `add` did.
        let g_kept: Vec<&Item> = gold.iter().filter(|g| !g.words.is_empty()).collect();
        let p_kept: Vec<(usize, &Item)> = pred
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.words.is_empty())
            .collect();
        let matched_g: Vec<usize> = pairs.iter().filter(|p| p.2 >= LOOSE).map(|p| p.0).collect();
        let matched_p: Vec<usize> = pairs.iter().filter(|p| p.2 >= LOOSE).map(|p| p.1).collect();
        for (i, g) in g_kept.iter().enumerate() {
            let e = by_gold_kind.entry(gold_kind(&chars, g)).or_default();
            e.1 += 1;
            e.0 += usize::from(matched_g.contains(&i));
            if !matched_g.contains(&i) && missed.len() < args.errors {
                missed.push(format!(
                    "{doc}: MISSED [{}] {}",
                    gold_kind(&chars, g),
                    show(&chars, g)
                ));
            }
        }
        for (k, (orig, p)) in p_kept.iter().enumerate() {
            let kind = serde_json::to_value(quotes[*orig].kind)?
                .as_str()
                .unwrap_or("?")
                .to_string();
            let e = by_pred_kind.entry(kind.clone()).or_default();
            e.1 += 1;
            e.0 += usize::from(matched_p.contains(&k));
            if !matched_p.contains(&k) && spurious.len() < args.errors {
                spurious.push(format!("{doc}: SPURIOUS [{kind}] {}", show(&chars, p)));
            }
        }
        for &(i, k, j) in &pairs {
            if j < LOOSE || g_kept[i].source.is_empty() {
                continue;
            }
            let g = g_kept[i];
            let e = by_speaker.entry(speaker_type(&chars, g)).or_default();
            e.1 += 1;
            let p = p_kept[k].1;
            e.0 += usize::from(
                g.source
                    .iter()
                    .any(|&(a, b)| p.source.iter().any(|&(c, d)| a.max(c) < b.min(d))),
            );
        }
    }
    let pred_path = out.join(format!(
        "pred_{}.jsonl",
        args.split.file().trim_end_matches(".jsonl")
    ));
    std::fs::write(&pred_path, &lines)?;
    for line in missed.iter().chain(&spurious) {
        println!("{line}");
    }
    println!(
        "quotes on PolNeAR {} (first annotator per document; extraction {:.0} ms in all)",
        args.split.file(),
        elapsed * 1e3
    );
    report("all attributions", &all);
    report("speech-verb subset", &speech);
    println!("recall per gold kind (loose):");
    for (k, (hit, n)) in &by_gold_kind {
        println!("  {k:<14}{:>7.3}  ({hit}/{n})", ratio(*hit, *n));
    }
    println!("precision per predicted kind (loose):");
    for (k, (hit, n)) in &by_pred_kind {
        println!("  {k:<14}{:>7.3}  ({hit}/{n})", ratio(*hit, *n));
    }
    println!("source accuracy per gold speaker type (loose pairs):");
    for (k, (hit, n)) in &by_speaker {
        println!("  {k:<14}{:>7.3}  ({hit}/{n})", ratio(*hit, *n));
    }
    println!("predictions: {}", pred_path.display());
    if args.check {
        check(&data, &gold_path, &pred_path, &all, false)?;
        check(&data, &gold_path, &pred_path, &speech, true)?;
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn pred_item(chars: &[char], q: &Quote) -> Item {
    let content: Spans = if q.spans.is_empty() {
        vec![(q.start, q.end)]
    } else {
        q.spans.iter().map(|s| (s.start, s.end)).collect()
    };
    let content: Spans = content.into_iter().filter(|(a, b)| b > a).collect();
    let words = if content.is_empty() {
        words(&q.text)
    } else {
        words_of(chars, &content)
    };
    Item {
        content,
        source: q
            .speaker
            .iter()
            .filter(|s| s.end > s.start)
            .map(|s| (s.start, s.end))
            .collect(),
        cue: q
            .cue
            .iter()
            .filter(|c| c.end > c.start)
            .map(|c| (c.start, c.end))
            .collect(),
        words,
        speech: false,
    }
}

fn show(chars: &[char], it: &Item) -> String {
    let cut = |s: &Spans, n: usize| {
        s.iter()
            .map(|&(a, b)| {
                let t: String = chars[a..b.min(chars.len())].iter().collect();
                let t = t.replace('\n', " ");
                if t.chars().count() > n {
                    format!("{}…", t.chars().take(n).collect::<String>())
                } else {
                    t
                }
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    format!(
        "SRC {:?} CUE {:?} :: {}",
        cut(&it.source, 40),
        cut(&it.cue, 30),
        cut(&it.content, 110)
    )
}

fn report(title: &str, t: &Tally) {
    let m = t.metrics();
    println!("{title}: gold={} pred={}", t.gold, t.pred);
    println!(
        "  {:<16}{:>7}{:>7}{:>7}{:>9}{:>9}",
        "level", "P", "R", "F1", "src_acc", "cue_acc"
    );
    for (lvl, name) in [("loose", "loose J>=0.3"), ("strict", "strict J>=0.8")] {
        println!(
            "  {name:<16}{:7.3}{:7.3}{:7.3}{:9.3}{:9.3}",
            m[&format!("{lvl}.p")],
            m[&format!("{lvl}.r")],
            m[&format!("{lvl}.f1")],
            m[&format!("{lvl}.source_acc")],
            m[&format!("{lvl}.cue_acc")]
        );
    }
    println!(
        "  {:<16}{:7.3}{:7.3}{:7.3}",
        "content+source", m["content_source.p"], m["content_source.r"], m["content_source.f1"]
    );
}

/// Runs the reference scorer on the same predictions and compares every figure.
fn check(data: &Path, gold: &Path, pred: &Path, ours: &Tally, speech_only: bool) -> Result<()> {
    let scorer = data
        .parent()
        .map(|p| p.join("eval/quotes_eval.py"))
        .context("no parent of the data folder")?;
    let mut cmd = Command::new("python3");
    cmd.arg(&scorer).arg(gold).arg(pred).arg("--json");
    if speech_only {
        cmd.arg("--speech-only");
    }
    let output = cmd
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
    println!(
        "check against {}{}:",
        scorer.display(),
        if speech_only { " --speech-only" } else { "" }
    );
    let mut agree = theirs["gold"].as_u64() == Some(ours.gold as u64)
        && theirs["pred"].as_u64() == Some(ours.pred as u64);
    println!(
        "  counts gold {} / {}  pred {} / {}",
        ours.gold, theirs["gold"], ours.pred, theirs["pred"]
    );
    for (k, v) in ours.metrics() {
        let (a, b) = k.split_once('.').unwrap_or((&k, ""));
        let t = theirs[a][b].as_f64().unwrap_or(f64::NAN);
        let same = format!("{v:.3}") == format!("{t:.3}");
        agree &= same;
        println!(
            "  {k:<22}{v:9.3}{t:9.3}{}",
            if same { "" } else { "  DIFFERS" }
        );
    }
    if !agree {
        bail!("xtask and quotes_eval.py disagree");
    }
    println!("  agree to 3 decimals");
    Ok(())
}

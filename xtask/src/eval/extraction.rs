//! `cargo xtask eval extraction`: Gleaner on the HTML pages of AEB and WCXB-dev.
//!
//! Writes prediction files in the reference scorers' format (`pred_aeb.jsonl`,
//! `pred_wcxb.jsonl`), scores them with the same metrics in Rust, prints one table beside the
//! published peer figures, writes `report.json`, and with `--check` runs the Python scorers on
//! the same predictions so the two can be compared.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use gleaner_core::{Article, Config, Extractor, Input, InputFormat};
use serde::Serialize;
use serde_json::{Value, json};

use super::text_metrics::{
    ShingleScore, name_tokens, norm_title, shingle_counts, shingle_score, word_prf, words,
};

/// Options of `cargo xtask eval extraction`.
#[derive(Debug, Args)]
pub struct ExtractionArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where predictions and the report are written.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print per-page diffs for the N worst pages of each set.
    #[arg(long, value_name = "N", default_value_t = 0)]
    worst: usize,
    /// Also run ../shared/eval's Python scorers on the same predictions.
    #[arg(long)]
    check: bool,
    /// Only the first N pages of each set (quick looks; reported figures use all).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

/// One page's prediction, in the scorers' JSONL format.
#[derive(Debug, Serialize)]
struct Prediction {
    id: String,
    body: String,
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
}

impl Prediction {
    fn from_article(id: &str, a: Option<&Article>) -> Self {
        Self {
            id: id.to_string(),
            body: a.map(|a| a.body.clone()).unwrap_or_default(),
            headline: a.and_then(|a| a.headline.clone()),
            authors: a.map(|a| a.authors.clone()).unwrap_or_default(),
            // The caller's reference date is not a prediction; this evaluation gives none.
            published: a.and_then(|a| a.published.clone()),
        }
    }
}

/// Runs the evaluation.
pub fn run(args: &ExtractionArgs) -> Result<()> {
    let data = std::fs::canonicalize(&args.data).with_context(|| {
        format!(
            "data folder {} not found (pass --data)",
            args.data.display()
        )
    })?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| super::default_out_dir("extraction"));
    std::fs::create_dir_all(&out)?;
    let extractor = Extractor::new(Config::default());

    let aeb = aeb(&data.join("extraction/aeb"), &extractor, args.limit)?;
    write_jsonl(&out.join("pred_aeb.jsonl"), &aeb.predictions)?;
    let wcxb = wcxb(&data.join("extraction/wcxb-dev"), &extractor, args.limit)?;
    write_jsonl(&out.join("pred_wcxb.jsonl"), &wcxb.predictions)?;

    println!("Gleaner page extraction ({})", env!("CARGO_PKG_VERSION"));
    println!();
    println!(
        "AEB ({} pages)      shingle P / R / F1       peers (published)",
        aeb.pages
    );
    println!(
        "  gleaner          {:.3} / {:.3} / {:.3}    trafilatura 0.960, readability-lxml 0.955, newspaper4k 0.943, best 0.970",
        aeb.shingle.precision, aeb.shingle.recall, aeb.shingle.f1
    );
    println!();
    println!("WCXB-dev articles ({} pages)", wcxb.pages);
    println!(
        "  body word F1     {:.3} (P {:.3} R {:.3})   trafilatura 0.937, readability-lxml 0.892, newspaper4k 0.882",
        wcxb.word_f1, wcxb.word_p, wcxb.word_r
    );
    println!("  body shingle F1  {:.3}", wcxb.shingle.f1);
    println!(
        "  title exact      {:.3} (n={})          newspaper4k 0.726",
        wcxb.title_exact, wcxb.title_n
    );
    println!(
        "  author exact     {:.3} (n={})          trafilatura 0.660; spurious {:.3} (n={})",
        wcxb.author_exact, wcxb.author_n, wcxb.author_spurious, wcxb.author_null
    );
    println!(
        "  date exact       {:.3} (n={})          trafilatura 0.847",
        wcxb.date_exact, wcxb.date_n
    );
    println!(
        "  false-date rate  {:.3} (n={})          trafilatura 0.985; spurious {:.3} (n={})",
        wcxb.false_date_rate, wcxb.date_given, wcxb.date_spurious, wcxb.date_null
    );
    println!(
        "\nextraction time: AEB {:.1} pages/s, WCXB {:.1} pages/s (one thread, incl. decode)",
        aeb.pages_per_s, wcxb.pages_per_s
    );
    let report = json!({
        "aeb": { "pages": aeb.pages, "shingle": aeb.shingle, "failed": aeb.failed },
        "wcxb": &wcxb,
    });
    std::fs::write(
        out.join("report.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    println!("predictions and report.json in {}", out.display());

    if args.worst > 0 {
        print_worst("AEB", &aeb.per_page, args.worst);
        print_worst("WCXB", &wcxb.per_page, args.worst);
    }
    if args.check {
        check_with_python(&data, &out)?;
    }
    Ok(())
}

/// Per-page F1 and the texts, for `--worst`.
struct PageResult {
    id: String,
    f1: f64,
    truth: String,
    pred: String,
}

struct AebResult {
    pages: usize,
    failed: usize,
    shingle: ShingleScore,
    predictions: Vec<Prediction>,
    per_page: Vec<PageResult>,
    pages_per_s: f64,
}

fn aeb(dir: &Path, extractor: &Extractor, limit: Option<usize>) -> Result<AebResult> {
    let gt: BTreeMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).context("AEB ground truth")?,
    )?;
    let mut rows = Vec::new();
    let mut predictions = Vec::new();
    let mut per_page = Vec::new();
    let mut failed = 0;
    let mut seconds = 0.0;
    for (id, entry) in gt.iter().take(limit.unwrap_or(usize::MAX)) {
        let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        let started = Instant::now();
        let article = extractor
            .extract(&Input {
                format: Some(InputFormat::Html),
                url: entry["url"].as_str().map(str::to_string),
                ..Input::new(html)
            })
            .ok();
        seconds += started.elapsed().as_secs_f64();
        failed += usize::from(article.is_none());
        let pred = Prediction::from_article(id, article.as_ref());
        let truth = entry["articleBody"].as_str().unwrap_or_default();
        let counts = shingle_counts(truth, &pred.body);
        rows.push(counts);
        per_page.push(PageResult {
            id: id.clone(),
            f1: shingle_score(&[counts]).f1,
            truth: truth.to_string(),
            pred: pred.body.clone(),
        });
        predictions.push(pred);
    }
    Ok(AebResult {
        pages: rows.len(),
        failed,
        shingle: shingle_score(&rows),
        predictions,
        per_page,
        pages_per_s: rows.len() as f64 / seconds.max(1e-9),
    })
}

#[derive(Default, Serialize)]
struct WcxbResult {
    pages: usize,
    word_f1: f64,
    word_p: f64,
    word_r: f64,
    shingle: ShingleScore,
    title_exact: f64,
    title_loose: f64,
    title_n: usize,
    author_exact: f64,
    author_loose: f64,
    author_n: usize,
    author_spurious: f64,
    author_null: usize,
    date_exact: f64,
    date_n: usize,
    date_spurious: f64,
    date_null: usize,
    false_date_rate: f64,
    date_given: usize,
    #[serde(skip)]
    predictions: Vec<Prediction>,
    #[serde(skip)]
    per_page: Vec<PageResult>,
    pages_per_s: f64,
}

fn wcxb(dir: &Path, extractor: &Extractor, limit: Option<usize>) -> Result<WcxbResult> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))
        .context("WCXB ground truth")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut r = WcxbResult::default();
    let mut rows = Vec::new();
    let (mut title_exact, mut title_loose, mut author_exact, mut author_loose) = (0, 0, 0, 0);
    let (mut author_spurious, mut date_exact, mut date_spurious, mut date_false) = (0, 0, 0, 0);
    let mut seconds = 0.0;
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
        let page_type = doc["_internal"]["page_type"]["primary"].as_str();
        if page_type != Some("article") {
            continue;
        }
        if limit.is_some_and(|l| r.pages >= l) {
            break;
        }
        let id = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let g = &doc["ground_truth"];
        let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        let started = Instant::now();
        let article = extractor
            .extract(&Input {
                format: Some(InputFormat::Html),
                url: doc["url"].as_str().map(str::to_string),
                ..Input::new(html)
            })
            .ok();
        seconds += started.elapsed().as_secs_f64();
        let p = Prediction::from_article(&id, article.as_ref());
        r.pages += 1;
        let truth = g["main_content"].as_str().unwrap_or_default();
        let (wp, wr, wf) = word_prf(&p.body, truth);
        r.word_p += wp;
        r.word_r += wr;
        r.word_f1 += wf;
        rows.push(shingle_counts(truth, &p.body));
        r.per_page.push(PageResult {
            id: id.clone(),
            f1: wf,
            truth: truth.to_string(),
            pred: p.body.clone(),
        });
        if let Some(title) = g["title"].as_str().filter(|t| !t.is_empty()) {
            r.title_n += 1;
            let (a, b) = (
                norm_title(title),
                norm_title(p.headline.as_deref().unwrap_or("")),
            );
            title_exact += usize::from(a == b);
            title_loose += usize::from(!b.is_empty() && (a.contains(&b) || b.contains(&a)));
        }
        let gold_authors: Vec<String> = match &g["author"] {
            Value::String(s) if !s.is_empty() => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let (ga, pa) = (name_tokens(&gold_authors), name_tokens(&p.authors));
        if truthy(&g["author"]) {
            r.author_n += 1;
            author_exact += usize::from(ga == pa);
            author_loose += usize::from(!pa.is_empty() && (ga.is_subset(&pa) || pa.is_subset(&ga)));
        } else {
            r.author_null += 1;
            author_spurious += usize::from(!pa.is_empty());
        }
        let pd: String = p
            .published
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(10)
            .collect();
        let gd: String = g["publish_date"]
            .as_str()
            .unwrap_or("")
            .chars()
            .take(10)
            .collect();
        if !gd.is_empty() {
            r.date_n += 1;
            date_exact += usize::from(pd == gd);
        } else {
            r.date_null += 1;
            date_spurious += usize::from(!pd.is_empty());
        }
        if !pd.is_empty() {
            r.date_given += 1;
            date_false += usize::from(pd != gd);
        }
        r.predictions.push(p);
    }
    if r.pages == 0 {
        bail!("no WCXB article pages under {}", dir.display());
    }
    let n = r.pages as f64;
    r.word_f1 /= n;
    r.word_p /= n;
    r.word_r /= n;
    r.shingle = shingle_score(&rows);
    let share = |k: usize, n: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    r.title_exact = share(title_exact, r.title_n);
    r.title_loose = share(title_loose, r.title_n);
    r.author_exact = share(author_exact, r.author_n);
    r.author_loose = share(author_loose, r.author_n);
    r.author_spurious = share(author_spurious, r.author_null);
    r.date_exact = share(date_exact, r.date_n);
    r.date_spurious = share(date_spurious, r.date_null);
    r.false_date_rate = share(date_false, r.date_given);
    r.pages_per_s = n / seconds.max(1e-9);
    Ok(r)
}

/// Python's truthiness for a JSON ground-truth field.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(_) => true,
    }
}

fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn write_jsonl(path: &Path, predictions: &[Prediction]) -> Result<()> {
    let mut text = String::new();
    for p in predictions {
        let line = serde_json::to_string(p)?;
        // The scorers split lines with str.splitlines().
        text.push_str(
            &line
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029")
                .replace('\u{85}', "\\u0085"),
        );
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

fn print_worst(set: &str, pages: &[PageResult], n: usize) {
    let mut sorted: Vec<&PageResult> = pages.iter().collect();
    sorted.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!("\n== {set}: {n} worst pages");
    for p in sorted.into_iter().take(n) {
        let truth = words(&p.truth);
        let pred = words(&p.pred);
        println!(
            "\n-- {} F1 {:.3} (truth {} words, predicted {} words)",
            p.id,
            p.f1,
            truth.len(),
            pred.len()
        );
        println!("   truth starts: {}", preview(&p.truth));
        println!("   pred  starts: {}", preview(&p.pred));
        let truth_set: std::collections::HashSet<&str> = truth.iter().copied().collect();
        let extra: Vec<&str> = pred
            .iter()
            .copied()
            .filter(|w| !truth_set.contains(w))
            .take(25)
            .collect();
        let pred_set: std::collections::HashSet<&str> = pred.iter().copied().collect();
        let missing: Vec<&str> = truth
            .iter()
            .copied()
            .filter(|w| !pred_set.contains(w))
            .take(25)
            .collect();
        println!("   extra words:   {}", extra.join(" "));
        println!("   missing words: {}", missing.join(" "));
    }
}

fn preview(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(140).collect()
}

fn check_with_python(data: &Path, out: &Path) -> Result<()> {
    let eval = data.join("../eval");
    println!("\n== reference scorers on the same predictions");
    let runs = [
        vec![
            eval.join("shingle_eval.py").display().to_string(),
            data.join("extraction/aeb/ground-truth.json")
                .display()
                .to_string(),
            out.join("pred_aeb.jsonl").display().to_string(),
            "--n-bootstrap".into(),
            "10".into(),
            "--missing-as-empty".into(),
        ],
        vec![
            eval.join("wcxb_eval.py").display().to_string(),
            data.join("extraction/wcxb-dev").display().to_string(),
            out.join("pred_wcxb.jsonl").display().to_string(),
            "--types".into(),
            "article".into(),
        ],
    ];
    for args in runs {
        let status = Command::new("python3").args(&args).status()?;
        if !status.success() {
            bail!("python3 {} failed", args[0]);
        }
    }
    Ok(())
}

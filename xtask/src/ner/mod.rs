//! Named-entity workflows: lexicon conversion, training, evaluation and benchmarks.

pub mod bench;
pub mod conll;
pub mod eval;
pub mod lexicon;
pub mod spacy;
pub mod train;
pub use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

/// `cargo xtask train-ner`.
#[derive(Debug, Clone, Args)]
pub struct TrainArgs {
    /// The NER data folder (holds `conll2003/`; the shared data folder works too).
    #[arg(long, default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// Row-index bits of the hashed weight tables.
    #[arg(long, default_value_t = 16)]
    pub bits: u32,
    /// Most epochs per pass.
    #[arg(long, default_value_t = 25)]
    pub max_epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    #[arg(long, default_value_t = 4)]
    pub patience: usize,
    /// Folds for the first-pass labels the second pass trains on.
    #[arg(long, default_value_t = 4)]
    pub folds: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 2003)]
    pub seed: u64,
    /// Drop weight rows whose largest weight is below this.
    #[arg(long, default_value_t = 0.0)]
    pub prune: f32,
    /// Output file (default: the model the core embeds).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `train-ner`.
pub fn train(args: &TrainArgs) -> Result<()> {
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/core/models/ner-model.bin")
    });
    train::run(&train::Settings {
        data: ner_dir(&args.data)?,
        bits: args.bits,
        max_epochs: args.max_epochs,
        patience: args.patience,
        folds: args.folds,
        seed: args.seed,
        prune: args.prune,
        out,
    })
}

/// Runs `ner-lexicon`.
pub fn lexicon() -> Result<()> {
    println!("{}", lexicon::build()?);
    Ok(())
}

/// `cargo xtask eval ner`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// The shared data folder (or its `ner/` folder).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where prediction files are written (default: target/eval/ner).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also score spaCy's en_core_web_sm on the same files (creates xtask/.venv).
    #[arg(long)]
    pub spacy: bool,
    /// The CoNLL-2003 file scored: `testb` (the reported test set) or `testa` (the
    /// development set, for deciding changes to the product path's rules).
    #[arg(long, default_value = "testb", value_parser = ["testa", "testb"])]
    pub split: String,
}

/// `cargo xtask bench ner`.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// The shared data folder (or its `ner/` folder).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Skip spaCy (no Python venv needed).
    #[arg(long)]
    pub no_spacy: bool,
}

/// The NER data folder: `data` itself when it holds `conll2003/`, else `data/ner`.
fn ner_dir(data: &std::path::Path) -> Result<PathBuf> {
    let data = std::fs::canonicalize(data)
        .with_context(|| format!("data folder {} not found (pass --data DIR)", data.display()))?;
    Ok(if data.join("conll2003").is_dir() {
        data
    } else {
        data.join("ner")
    })
}

/// Runs `eval ner`.
pub fn eval(args: &EvalArgs) -> Result<()> {
    let ner = ner_dir(&args.data)?;
    let scorer = ner.join("../../eval/conlleval.py");
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::eval::default_out_dir("ner"));
    let conll = format!("conll2003-{}", args.split);
    let conll_file = ner.join(format!("conll2003/eng.{}", args.split));
    eval::evaluate_set(&conll, &conll_file, &scorer, &out, true)?;
    eval::evaluate_set(
        "wikigold",
        &ner.join("wikigold/wikigold.conll.txt"),
        &scorer,
        &out,
        true,
    )?;
    if args.spacy {
        spacy::compare(
            &ner.join("wikigold/wikigold.conll.txt"),
            &scorer,
            &out,
            "wikigold",
        )?;
        spacy::compare(&conll_file, &scorer, &out, &conll)?;
    }
    Ok(())
}

/// Runs `bench ner`.
pub fn bench(args: &BenchArgs) -> Result<()> {
    let ner = ner_dir(&args.data)?;
    let seed =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/articles/kyiv-talks.txt");
    bench::run(&ner, &seed, !args.no_spacy)
}

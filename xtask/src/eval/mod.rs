//! `cargo xtask eval <target>`: accuracy on external data, with the metrics of the reference
//! scorers in `../shared/eval` (each target agrees with its scorer to 3 decimals).

pub mod extraction;
pub mod text_metrics;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

/// Options of `cargo xtask eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to evaluate.
    #[command(subcommand)]
    pub target: EvalTarget,
}

/// Evaluation targets.
#[derive(Debug, Subcommand)]
pub enum EvalTarget {
    /// Main text and metadata of HTML pages: AEB (shingle F1) and WCXB-dev (word F1, title,
    /// author, date).
    Extraction(extraction::ExtractionArgs),
    /// Temporal expressions on TimeML (TempEval-3 platinum, or tbaq-cleaned for tuning).
    Time(crate::timeq::time_eval::TimeArgs),
    /// Numbers and units on the Recognizers-Text Number and NumberWithUnit specs.
    Quantities(crate::timeq::quantities_eval::QuantitiesArgs),
    /// Named entities: CoNLL-2003 eng.testb (tagger and product path) and wikigold.
    Ner(crate::ner::EvalArgs),
    /// Who said what: PolNeAR attributions (quotes_eval.py metrics).
    Quotes(crate::quotes::eval::QuotesArgs),
}

/// Runs `cargo xtask eval`.
pub fn run(args: EvalArgs) -> Result<()> {
    match args.target {
        EvalTarget::Extraction(a) => extraction::run(&a),
        EvalTarget::Time(a) => crate::timeq::time_eval::run(&a),
        EvalTarget::Quantities(a) => crate::timeq::quantities_eval::run(&a),
        EvalTarget::Ner(a) => crate::ner::eval(&a),
        EvalTarget::Quotes(a) => crate::quotes::eval::run(&a),
    }
}

/// Where evaluation outputs (predictions, reports) go unless `--out` says otherwise.
pub fn default_out_dir(target: &str) -> PathBuf {
    PathBuf::from("target/eval").join(target)
}

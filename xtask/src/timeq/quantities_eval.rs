//! `cargo xtask eval quantities`: the number and unit layers on the Recognizers-Text
//! English Number and NumberWithUnit specs, pass rate per spec file.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::specs::{self, FileScore, SpecKind};

/// Options of `cargo xtask eval quantities`.
#[derive(Debug, Args)]
pub struct QuantitiesArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Print up to N failing cases per file.
    #[arg(long, value_name = "N", default_value_t = 0)]
    failures: usize,
    /// List every out-of-scope case with its reason.
    #[arg(long)]
    out_of_scope: bool,
}

/// Spec files and what each tests.
const FILES: &[(&str, SpecKind)] = &[
    ("Number/English/NumberModel.json", SpecKind::Number),
    ("Number/English/OrdinalModel.json", SpecKind::Ordinal),
    ("Number/English/PercentModel.json", SpecKind::Percent),
    (
        "Number/English/NumberRangeModel.json",
        SpecKind::NumberRange,
    ),
    (
        "Number/English/NumberModelExperimentalMode.json",
        SpecKind::Number,
    ),
    (
        "Number/English/NumberModelPercentMode.json",
        SpecKind::Number,
    ),
    (
        "Number/English/NumberRangeModelExperimentalMode.json",
        SpecKind::NumberRange,
    ),
    (
        "Number/English/OrdinalModelSuppressExtendedTypes.json",
        SpecKind::Ordinal,
    ),
    (
        "Number/English/PercentModelPercentMode.json",
        SpecKind::Percent,
    ),
    (
        "NumberWithUnit/English/CurrencyModel.json",
        SpecKind::Currency,
    ),
    (
        "NumberWithUnit/English/DimensionModel.json",
        SpecKind::Dimension,
    ),
    (
        "NumberWithUnit/English/TemperatureModel.json",
        SpecKind::Temperature,
    ),
    ("NumberWithUnit/English/AgeModel.json", SpecKind::Age),
];

/// Runs the evaluation.
pub fn run(args: &QuantitiesArgs) -> Result<()> {
    let data = std::fs::canonicalize(&args.data).with_context(|| {
        format!(
            "data folder {} not found (pass --data)",
            args.data.display()
        )
    })?;
    let root = data.join("quantities/recognizers-text");
    let mut scores = Vec::new();
    for (file, kind) in FILES {
        scores.push(specs::run_file(&root.join(file), *kind)?);
    }
    print_scores(
        "Recognizers-Text English Number / NumberWithUnit specs",
        &scores,
        args.failures,
        args.out_of_scope,
    );
    Ok(())
}

/// Prints a pass-rate table, then failures and out-of-scope cases on request.
pub fn print_scores(title: &str, scores: &[FileScore], failures: usize, out_of_scope: bool) {
    println!("{title}");
    println!(
        "  {:<44}{:>7}{:>9}{:>9}{:>8}{:>9}",
        "spec file", "cases", "out", "in", "pass", "rate"
    );
    for s in scores {
        let out: usize = s.out_of_scope.values().sum();
        println!(
            "  {:<44}{:>7}{:>9}{:>9}{:>8}{:>8.1}%{}",
            s.file,
            s.total,
            out,
            s.in_scope(),
            s.passed,
            100.0 * s.rate(),
            if s.other_mode {
                "  (non-default mode: not a target)"
            } else {
                ""
            }
        );
    }
    for s in scores.iter().filter(|s| !s.other_mode) {
        if let (Some((p, n)), Some(rate)) = (s.earlier, s.earlier_rate())
            && (p, n) != (s.passed, s.in_scope())
        {
            println!(
                "  {:<44}{:>7}{:>9}{:>9}{:>8}{:>8.1}%  (earlier scope: the three most recent out-of-scope classes judged)",
                s.file,
                s.total,
                s.total - n,
                n,
                p,
                100.0 * rate
            );
        }
    }
    println!("  out of scope, by reason:");
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for s in scores {
        for (r, n) in &s.out_of_scope {
            *reasons.entry(r).or_default() += n;
        }
    }
    for (r, n) in reasons {
        println!("    {n:>5}  {r}");
    }
    for s in scores {
        if failures > 0 && !s.failures.is_empty() {
            println!("  failures in {} (first {failures}):", s.file);
            for f in s.failures.iter().take(failures) {
                println!("    {f}");
            }
        }
        if failures > 0 && !s.earlier_failures.is_empty() {
            println!(
                "  failures in {} under the earlier scope only (first {failures}):",
                s.file
            );
            for f in s.earlier_failures.iter().take(failures) {
                println!("    {f}");
            }
        }
        if out_of_scope && !s.excluded.is_empty() {
            println!("  out of scope in {}:", s.file);
            for f in &s.excluded {
                println!("    {f}");
            }
        }
    }
}

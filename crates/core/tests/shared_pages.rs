//! Real pages from `../shared/data/extraction` (200 HTML pages: 100 from AEB, 100 from
//! WCXB-dev): extraction succeeds or fails cleanly, and every span is valid.
//!
//! The data lives beside the repository, not in it. Without it the test says so and passes,
//! except under CI (`CI` set), where a missing data folder is a failure.

use std::io::Read;
use std::path::{Path, PathBuf};

use gleaner_core::{Config, Extractor, Input};

mod common;

fn data_dir() -> PathBuf {
    std::env::var_os("GLEANER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn pages(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    files.sort();
    files.truncate(n);
    files
}

#[test]
fn two_hundred_real_pages_have_valid_spans() {
    let root = data_dir().join("extraction");
    let mut files = pages(&root.join("aeb/html"), 100);
    files.extend(pages(&root.join("wcxb-dev/html"), 100));
    if files.len() < 200 {
        assert!(
            std::env::var_os("CI").is_none(),
            "shared data missing under CI: {} has {} pages",
            root.display(),
            files.len()
        );
        eprintln!("skipping: {} not found (set GLEANER_DATA)", root.display());
        return;
    }
    let extractor = Extractor::new(Config {
        tokens: true,
        ..Config::default()
    });
    let mut extracted = 0;
    for path in &files {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let Ok(a) = extractor.extract(&Input::new(bytes)) else {
            continue;
        };
        extracted += 1;
        let problems = common::span_problems(&a);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        let body: Vec<String> = a
            .sections
            .iter()
            .filter(|s| s.kind.is_body())
            .map(|s| a.text.chars().skip(s.start).take(s.end - s.start).collect())
            .collect();
        assert_eq!(body.join("\n\n"), a.body, "{}", path.display());
    }
    assert!(extracted >= 190, "only {extracted} of 200 pages extracted");
}

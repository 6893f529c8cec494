//! The `gleaner` binary as a user runs it: outputs, exit codes, and hostile inputs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn gleaner() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gleaner"));
    cmd.env_remove("NO_COLOR").env("RUST_LOG", "warn");
    cmd
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles")
        .join(name)
        .display()
        .to_string()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

#[test]
fn seed_as_json() {
    let (code, out, err) = run(gleaner().args([
        "extract",
        &fixture("kyiv-talks.txt"),
        "--published",
        "2022-03-22",
    ]));
    assert_eq!(code, 0, "{err}");
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["schema_version"], "1");
    assert_eq!(
        a["headline"],
        "Too Early to Arrive at Conclusion, says Russia Spokesperson on Putin- Zelensky Talks"
    );
    assert_eq!(a["highlights"].as_array().unwrap().len(), 3);
    assert_eq!(a["dateline"]["place"], "Kyiv");
    assert_eq!(a["published"], "2022-03-22");
    assert!(
        a["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("kyiv-talks.txt")
    );
    assert_eq!(a["source"]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn text_view_is_plain_when_piped() {
    let (code, out, _) =
        run(gleaner().args(["extract", &fixture("kyiv-talks.txt"), "--format", "text"]));
    assert_eq!(code, 0);
    assert!(!out.contains('\x1b'), "colour codes in piped output");
    assert!(out.starts_with("Too Early to Arrive at Conclusion"));
    for line in [
        "Dateline    Kyiv",
        "Highlights  3",
        "Body        6 paragraphs",
        "Removed     3",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    assert!(out.contains("back-to-top"));
}

#[test]
fn markdown_view() {
    let (code, out, _) = run(gleaner().args([
        "extract",
        &fixture("wire-reuters.txt"),
        "--format",
        "markdown",
    ]));
    assert_eq!(code, 0);
    assert!(out.starts_with("# UK regulator fines Northmoor Water"));
    assert!(out.contains("By Hannah Okafor, Peter Lindqvist · London"));
}

#[test]
fn batch_keeps_order_and_reports_failures() {
    let dir = scratch("batch");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let missing = dir.join("missing.txt").display().to_string();
    let (code, out, err) = run(gleaner().args([
        "extract",
        "--jobs",
        "2",
        &fixture("wire-reuters.txt"),
        &missing,
        &dir.join("empty.txt").display().to_string(),
        &fixture("wire-ap.txt"),
        &fixture("kyiv-talks.txt"),
    ]));
    assert_eq!(code, 1, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths: Vec<&str> = lines
        .iter()
        .map(|a| a["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3);
    assert!(paths[0].ends_with("wire-reuters.txt"));
    assert!(paths[1].ends_with("wire-ap.txt"));
    assert!(paths[2].ends_with("kyiv-talks.txt"));
    assert!(
        err.contains(&format!(
            "{missing}: cannot read: no such file or directory"
        )),
        "{err}"
    );
    assert!(err.contains("empty.txt: input is empty"), "{err}");
}

#[test]
fn hostile_inputs_fail_clearly() {
    let dir = scratch("hostile");
    let garbage: Vec<u8> = (0..10_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("garbage.txt"), &garbage).unwrap();
    std::fs::write(dir.join("image.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::create_dir_all(dir.join("nothing-here")).unwrap();
    std::fs::write(dir.join("nothing-here/notes.pdf"), b"%PDF-1.4").unwrap();
    for (name, expected) in [
        ("garbage.txt", "input is not text: binary data"),
        ("image.html", "input is not text: a PNG image"),
        ("nothing-here", "directory contains no articles"),
    ] {
        let path = dir.join(name).display().to_string();
        let (code, out, err) = run(gleaner().args(["extract", &path]));
        assert_eq!(code, 1, "{name}: {err}");
        assert!(out.is_empty(), "{name}: {out}");
        assert!(
            err.contains(&path) && err.contains(expected),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(gleaner().args(["extract", "--no-such-flag", "x.txt"]));
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(gleaner().args([
        "extract",
        "--published",
        "last tuesday",
        &fixture("kyiv-talks.txt"),
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid --published"), "{err}");
    let (code, _, _) = run(gleaner().args(["extract", "--as", "pdf", &fixture("kyiv-talks.txt")]));
    assert_eq!(code, 2);
}

#[test]
fn size_limit_is_enforced_with_a_clear_message() {
    let dir = scratch("size");
    let path = dir.join("big.txt");
    std::fs::write(&path, "word ".repeat(1000)).unwrap();
    let p = path.display().to_string();
    let (code, _, err) = run(gleaner().args(["extract", &p, "--max-bytes", "1000"]));
    assert_eq!(code, 1);
    assert!(
        err.contains(&p) && err.contains("over the limit of 1000 bytes"),
        "{err}"
    );
}

#[test]
fn two_gigabyte_sparse_file_is_refused_by_the_default_limit() {
    let dir = scratch("sparse");
    let path = dir.join("huge.txt");
    // Sparse: the file claims 2 GB without any of it being written.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let p = path.display().to_string();
    let (code, out, err) = run(gleaner().args(["extract", &p]));
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&p)
            && err.contains("input is 2147483648 bytes, over the limit of 52428800 bytes")
            && err.contains("--max-bytes"),
        "{err}"
    );
}

#[test]
fn fifty_megabyte_single_line() {
    let dir = scratch("fifty");
    let path = dir.join("one-line.txt");
    let sentence = "The council said on Monday that the bridge would reopen soon. ";
    let mut f = std::fs::File::create(&path).unwrap();
    let mut written = 0;
    while written + sentence.len() <= 50_000_000 {
        f.write_all(sentence.as_bytes()).unwrap();
        written += sentence.len();
    }
    drop(f);
    let p = path.display().to_string();
    let (code, out, err) = run(gleaner().args(["extract", &p, "--format", "jsonl"]));
    assert_eq!(code, 0, "{err}");
    let a: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(a["source"]["bytes"], written as u64);
    assert!(a["sentences"].as_array().unwrap().len() > 700_000);
}

#[test]
fn stdin_gzip_and_directories() {
    let dir = scratch("inputs");
    let seed = std::fs::read(fixture("kyiv-talks.txt")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&seed).unwrap();
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(dir.join("nested/seed.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("ignored.pdf"), b"%PDF").unwrap();
    let (code, out, err) = run(gleaner().args(["extract", &dir.display().to_string()]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("\"headline\":\"Too Early to Arrive"));

    let mut child = gleaner()
        .args(["extract", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let a: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(a["dateline"]["place"], "Kyiv");
    assert_eq!(a["source"]["path"], serde_json::Value::Null);
}

#[test]
fn jsonl_articles_with_their_own_metadata() {
    let dir = scratch("jsonl");
    let path = dir.join("batch.jsonl");
    let seed = std::fs::read_to_string(fixture("kyiv-talks.txt")).unwrap();
    let lines = [
        serde_json::json!({"id": "a1", "url": "https://news.example/a1", "published": "2022-03-22", "source": "Example Times", "text": seed}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": 7, "html": "<html><body><h1>Bridge to reopen on Friday</h1><p>LONDON (Reuters) - The bridge will reopen on Friday, the council said.</p></body></html>"}).to_string(),
        serde_json::json!({"id": "none"}).to_string(),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let p = path.display().to_string();
    let (code, out, err) = run(gleaner().args(["extract", &p]));
    assert_eq!(code, 1);
    let articles: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["source"]["id"], "a1");
    assert_eq!(articles[0]["source"]["name"], "Example Times");
    assert_eq!(articles[0]["source"]["url"], "https://news.example/a1");
    assert_eq!(articles[0]["published"], "2022-03-22");
    assert_eq!(articles[1]["source"]["id"], "7");
    assert_eq!(articles[1]["headline"], "Bridge to reopen on Friday");
    assert!(err.contains(&format!("{p}:2: invalid JSON line")), "{err}");
    assert!(err.contains(&format!("{p}:4: line has neither")), "{err}");
}

#[test]
fn verbatim_output_text_equals_the_file() {
    for name in ["kyiv-talks.txt", "crlf-nbsp.txt", "jsonld-article.html"] {
        let (code, out, _) = run(gleaner().args([
            "extract",
            &fixture(name),
            "--as",
            "verbatim",
            "--format",
            "json",
        ]));
        assert_eq!(code, 0);
        let a: serde_json::Value = serde_json::from_str(&out).unwrap();
        let file = std::fs::read_to_string(fixture(name)).unwrap();
        assert_eq!(a["text"].as_str().unwrap(), file, "{name}");
    }
}

#[test]
fn help_has_examples() {
    let (code, out, _) = run(gleaner().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains("Examples:") && out.contains("extract"));
    let (code, out, _) = run(gleaner().args(["extract", "--help"]));
    assert_eq!(code, 0);
    for needle in [
        "--format",
        "--as",
        "--published",
        "--jobs",
        "--max-bytes",
        "Exit status",
        "Examples:",
    ] {
        assert!(out.contains(needle), "extract --help lacks {needle}");
    }
}

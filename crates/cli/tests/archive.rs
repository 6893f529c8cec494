//! `gleaner archive` as a user runs it: ingest, queries, bad inputs, and an import killed
//! with SIGKILL half-way.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use gleaner_archive::Archive;

fn gleaner() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gleaner"));
    cmd.env_remove("GLEANER_DB").env("RUST_LOG", "warn");
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

fn stats(db: &Path) -> serde_json::Value {
    let (code, out, err) = run(gleaner()
        .args(["archive", "stats", "--format", "json", "--db"])
        .arg(db));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn add_search_and_readd_of_the_seed() {
    let dir = scratch("archive-seed");
    let db = dir.join("g.db");
    let add = |extra: &[&str]| {
        run(gleaner()
            .args([
                "archive",
                "add",
                &fixture("kyiv-talks.txt"),
                "--published",
                "2022-03-22",
            ])
            .args(extra)
            .arg("--db")
            .arg(&db))
    };
    let (code, _, err) = add(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 added"), "{err}");
    let (code, _, err) = add(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("0 added") && err.contains("1 already stored"),
        "{err}"
    );

    // --db before the command, and GLEANER_DB, name the same archive.
    let (code, out, err) = run(gleaner().args(["archive", "--db"]).arg(&db).args([
        "search",
        "\"security guarantees\"",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    let page: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(page["next_cursor"], serde_json::Value::Null);
    let hits = &page["rows"];
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert!(
        hits[0]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Too Early to Arrive")
    );
    assert!(
        hits[0]["snippet"]
            .as_str()
            .unwrap()
            .contains("[security guarantees]")
    );

    let (code, out, err) = run(gleaner()
        .env("GLEANER_DB", &db)
        .args(["archive", "stats", "-f", "json"]));
    assert_eq!(code, 0, "{err}");
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["articles"], 1);
    assert_eq!(s["sources"], 0);
    assert_eq!(s["first"], "2022-03-22");
    assert_eq!(s["last"], "2022-03-22");

    let (code, out, err) = run(gleaner()
        .args([
            "archive",
            "figures",
            "--category",
            "casualties",
            "-f",
            "csv",
            "--db",
        ])
        .arg(&db));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("2022-03-22,2300,at_least,,people,died,casualties")),
        "{out}"
    );

    // Page by page: the JSON names the next page's cursor, the table mentions it on stderr.
    let quotes = |cursor: Option<&str>| {
        let mut cmd = gleaner();
        cmd.args(["archive", "quotes", "-n", "1", "-f", "json", "--db"])
            .arg(&db);
        if let Some(c) = cursor {
            cmd.args(["--cursor", c]);
        }
        let (code, out, err) = run(&mut cmd);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let first = quotes(None);
    let next = first["next_cursor"]
        .as_str()
        .expect("a second page")
        .to_string();
    let second = quotes(Some(&next));
    assert_eq!(second["rows"].as_array().unwrap().len(), 1);
    assert_ne!(first["rows"][0], second["rows"][0]);
    let (code, out, err) = run(gleaner()
        .args(["archive", "quotes", "-n", "1", "--db"])
        .arg(&db));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("date"), "{out}");
    assert!(err.contains(&format!("more: --cursor {next}")), "{err}");
    let (code, out, err) = run(gleaner()
        .args(["archive", "quotes", "--cursor", "nonsense", "--db"])
        .arg(&db));
    assert_eq!(code, 1);
    assert!(err.contains("invalid cursor") && out.is_empty(), "{err}");

    let (code, out, err) = run(gleaner()
        .args(["archive", "search", "\"unterminated", "--db"])
        .arg(&db));
    assert_eq!(code, 1);
    assert!(
        err.contains("invalid search query") && out.is_empty(),
        "{err}"
    );
}

#[test]
fn malformed_import_lines_are_skipped_and_named() {
    let dir = scratch("archive-malformed");
    let db = dir.join("g.db");
    let feed = dir.join("feed.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"url\": \"https://a.example/1\", \"source\": \"A\", \"published\": \"2024-03-18\", \"text\": \"Storm hits coast\\n\\nA storm hit the coast on Monday.\"}\n");
    bytes.extend_from_slice(b"{\"url\": \"https://a.example/2\", \"text\": \"broken\n");
    bytes.extend_from_slice(b"\xff\xfe\x00garbage\x01\x02\n");
    bytes.extend_from_slice(b"{\"url\": \"https://a.example/3\"}\n");
    bytes.extend_from_slice(b"\n");
    bytes.extend_from_slice(b"{\"url\": \"https://b.example/1\", \"source\": \"B\", \"html\": \"<html><body><h1>Rates held</h1><p>The central bank held rates on Thursday.</p></body></html>\"}\n");
    std::fs::write(&feed, bytes).unwrap();
    let (code, _, err) = run(gleaner()
        .args(["archive", "import"])
        .arg(&feed)
        .arg("--db")
        .arg(&db));
    assert_eq!(code, 1, "{err}");
    let name = feed.display().to_string();
    for line in [2, 3, 4] {
        assert!(
            err.contains(&format!("{name}:{line}")),
            "line {line} not named: {err}"
        );
    }
    assert!(err.contains("invalid JSON line"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(err.contains("neither \"text\" nor \"html\""), "{err}");
    assert!(
        err.contains("2 added") && err.contains("3 skipped"),
        "{err}"
    );
    let s = stats(&db);
    assert_eq!(
        (s["articles"].as_i64(), s["sources"].as_i64()),
        (Some(2), Some(2))
    );
}

#[test]
fn a_non_database_file_is_refused_and_not_overwritten() {
    let dir = scratch("archive-notdb");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "shopping: milk, eggs\n").unwrap();
    for args in [
        vec!["archive", "add", &fixture("wire-ap.txt")],
        vec!["archive", "stats"],
    ] {
        let (code, out, err) = run(gleaner().args(&args).arg("--db").arg(&notes));
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(
            err.contains("not a Gleaner archive") && err.contains("notes.txt"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "shopping: milk, eggs\n"
    );
    assert!(!dir.join("notes.txt-wal").exists());
}

/// Deterministic-per-run pseudo-random number in `0..n` (from the clock; printed so a
/// failure can be reproduced by hand).
fn random_below(n: usize) -> usize {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as usize);
    nanos % n
}

#[test]
fn an_import_killed_midway_leaves_a_sound_archive_and_a_rerun_completes_it() {
    let dir = scratch("archive-sigkill");
    let db = dir.join("g.db");
    let feed = dir.join("feed.jsonl");
    let bodies: Vec<String> = [
        "wire-ap.txt",
        "kyiv-talks.txt",
        "press-release.txt",
        "opinion.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(fixture(f)).unwrap())
    .collect();
    const LINES: usize = 120;
    let mut jsonl = String::new();
    for i in 0..LINES {
        let text = format!(
            "{}\n\nUpdate {i}: this is version {i} of the story.",
            bodies[i % bodies.len()]
        );
        let source = ["Alpha", "Beta", "Gamma"][i % 3];
        let line = serde_json::json!({
            "url": format!("https://example.org/story/{i}"),
            "source": source,
            "published": format!("2024-03-{:02}", 1 + i % 28),
            "text": text,
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(&feed, jsonl).unwrap();

    let kill_after = 1 + random_below(LINES / 2);
    eprintln!("killing the import after {kill_after} stored articles");
    let mut child = gleaner()
        .args(["archive", "import", "--jobs", "2", "--quiet"])
        .arg(&feed)
        .arg("--db")
        .arg(&db)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let stored = Archive::open_read_only(&db)
            .and_then(|a| a.stats())
            .map_or(0, |s| s.articles as usize);
        if stored >= kill_after {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "import ended before the kill"
        );
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "import too slow"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let (code, out, err) = run(gleaner().args(["archive", "check", "--db"]).arg(&db));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("status    ok"), "{out}");
    let before = stats(&db)["articles"].as_i64().unwrap() as usize;
    assert!(before >= kill_after && before < LINES, "{before} stored");

    let (code, _, err) = run(gleaner()
        .args(["archive", "import", "--jobs", "2"])
        .arg(&feed)
        .arg("--db")
        .arg(&db));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{} added", LINES - before)), "{err}");
    assert!(err.contains(&format!("{before} already stored")), "{err}");
    let s = stats(&db);
    assert_eq!(s["articles"].as_u64(), Some(LINES as u64));
    assert_eq!(s["revisions"].as_u64(), Some(0));
    let (code, out, err) = run(gleaner()
        .args(["archive", "check", "-f", "json", "--db"])
        .arg(&db));
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["articles"].as_u64(), Some(LINES as u64));
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn a_warc_gz_import_keeps_the_html_responses_and_names_the_rest() {
    use std::io::Write;
    let dir = scratch("archive-warc");
    let db = dir.join("g.db");
    let warc = dir.join("crawl.warc.gz");
    let page = |name: &str, content_type: &str| {
        let mut block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
        block.extend(std::fs::read(fixture(name)).unwrap());
        block
    };
    let records = [
        warc_record("warcinfo", "", b"software: test\r\n"),
        warc_record(
            "response",
            "https://news.example/jsonld",
            &page("jsonld-article.html", "text/html"),
        ),
        warc_record(
            "response",
            "https://news.example/cp1252",
            &page("windows-1252.html", "text/html; charset=windows-1252"),
        ),
        warc_record(
            "response",
            "https://news.example/gone",
            b"HTTP/1.1 404 Not Found\r\n\r\n",
        ),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\ncut short".to_vec(),
    ];
    let mut file = std::fs::File::create(&warc).unwrap();
    for record in records {
        // One gzip member per record, as crawlers write them.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&record).unwrap();
        file.write_all(&gz.finish().unwrap()).unwrap();
    }
    drop(file);
    let (code, _, err) = run(gleaner()
        .args(["archive", "import"])
        .arg(&warc)
        .arg("--db")
        .arg(&db));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("2 added") && err.contains("2 skipped"),
        "{err}"
    );
    assert!(
        err.contains("record 4 https://news.example/gone: HTTP status 404"),
        "{err}"
    );
    assert!(err.contains("record 5: truncated record"), "{err}");
    let s = stats(&db);
    assert_eq!(s["articles"].as_u64(), Some(2));
    assert_eq!(
        s["sources"].as_u64(),
        Some(1),
        "the URL host names the source: {s}"
    );
}

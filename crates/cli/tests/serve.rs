//! `gleaner serve` as a user runs it: the real binary on a free loopback port gives the same
//! JSON as `gleaner extract`, and stops cleanly on SIGTERM.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn gleaner() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gleaner"));
    cmd.env("RUST_LOG", "warn").env_remove("GLEANER_TOKEN");
    cmd
}

fn seed() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles/kyiv-talks.txt");
    std::fs::read(path).unwrap()
}

/// One HTTP/1.1 request on a fresh connection; returns (status, headers, body).
fn http(port: u16, head: &str, body: &[u8]) -> std::io::Result<(u16, String, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "{head}\r\nhost: 127.0.0.1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no header end"))?;
    let headers = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = headers
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    Ok((status, headers, response[split + 4..].to_vec()))
}

/// Kills the server if the test fails before stopping it.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_server_answers_like_the_cli_and_stops_on_sigterm() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Server(
        gleaner()
            .args([
                "serve",
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--workers",
                "1",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    loop {
        if let Ok((200, _, _)) = http(port, "GET /readyz HTTP/1.1", b"") {
            break;
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server exited");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server never became ready"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let (status, headers, body) = http(
        port,
        "POST /v1/extract?published=2022-03-22 HTTP/1.1\r\ncontent-type: text/plain",
        &seed(),
    )
    .unwrap();
    assert_eq!(status, 200, "{headers}");
    assert!(
        headers
            .to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{headers}"
    );

    let mut cli = gleaner()
        .args([
            "extract",
            "-",
            "--format",
            "json",
            "--published",
            "2022-03-22",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    cli.stdin.take().unwrap().write_all(&seed()).unwrap();
    let cli = cli.wait_with_output().unwrap();
    assert!(cli.status.success());
    assert_eq!(
        String::from_utf8(body).unwrap(),
        String::from_utf8(cli.stdout).unwrap(),
        "the server's JSON differs from the CLI's"
    );

    let term = Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let stopping = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            stopping.elapsed() < Duration::from_secs(10),
            "no exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit after SIGTERM: {status}");
}

#[test]
fn zero_threads_are_refused_with_a_clear_message() {
    for flag in ["--http-threads", "--workers"] {
        let out = gleaner()
            .args(["serve", "--addr", "127.0.0.1:0", flag, "0"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{flag} must be at least 1")),
            "{stderr}"
        );
    }
}

//! Peak memory of a child process: the `gleaner` binary as a user runs it.
//!
//! Linux carries a process's peak RSS across `exec`, and a child forked from this process
//! (which holds every corpus) starts with our peak. So the child is started by a small
//! `python3` process, and that process reports the peak of its own waited-for child.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

const SCRIPT: &str = r#"
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"#;

/// Runs `program args…` with its output discarded and returns its peak RSS in MiB.
pub fn peak_rss_of(program: &Path, args: &[&str]) -> Result<f64> {
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(program)
        .args(args)
        .output()
        .context("cannot run python3 to measure memory")?;
    let report = String::from_utf8_lossy(&out.stdout);
    let mut fields = report.split_whitespace();
    let (Some(code), Some(kib)) = (fields.next(), fields.next()) else {
        bail!("no memory report: {}", String::from_utf8_lossy(&out.stderr));
    };
    if code != "0" {
        bail!("{} {args:?} exited with {code}", program.display());
    }
    // Linux reports ru_maxrss in KiB.
    Ok(kib.parse::<f64>()? / 1024.0)
}

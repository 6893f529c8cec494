//! Peak memory of a child process: the `gleaner` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

/// Runs `program args…` with stdout discarded and returns its peak RSS in MiB (from
/// `wait4`'s resource usage, so the peak is exact even at exit).
pub fn peak_rss_of(program: &Path, args: &[&str]) -> Result<f64> {
    let child = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot run {}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value; `wait4` fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for the child spawned above, which nothing else waits for.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        bail!("{} {args:?} failed (status {status})", program.display());
    }
    // Linux reports ru_maxrss in KiB.
    Ok(usage.ru_maxrss as f64 / 1024.0)
}

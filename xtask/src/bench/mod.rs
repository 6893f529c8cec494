//! `cargo xtask bench <target>`: speed and memory of Gleaner beside its peers, measured in
//! the same run on the same inputs, one core each, reported as ratios.

pub mod cpu;
pub mod extraction;
pub mod pipeline;

/// Peak resident set size of this process so far, in MiB (Linux `VmHWM`).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

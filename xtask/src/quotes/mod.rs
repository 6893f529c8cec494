//! The quotes stage's workflows: `cargo xtask eval quotes` (PolNeAR with the protocol of
//! `../shared/eval/quotes_eval.py`; `metrics.rs` is that scorer's port) and `cargo xtask
//! bench quotes` (`bench.rs`).

pub mod bench;
pub mod eval;
pub mod metrics;

//! Evaluations of the figures and dates stages: `cargo xtask eval time` (TimeML gold with
//! `timex_eval.py` metrics, and the Recognizers-Text DateTime specs) and `cargo xtask eval
//! quantities` (the Recognizers-Text Number and NumberWithUnit specs).

pub mod bench;
pub mod quantities_eval;
pub mod specs;
pub mod time_eval;
pub mod timeml;

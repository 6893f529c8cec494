//! Gleaner's core: turns a news article (bytes of plain text or HTML) into structured,
//! attributable facts.
//!
//! The core is a pure library: no I/O, no async, no global state. Build one [`Extractor`] and
//! reuse it (it is `Send + Sync`):
//!
//! ```
//! use gleaner_core::{Config, Extractor, Input};
//!
//! let extractor = Extractor::new(Config::default());
//! let input = Input::new(b"Storm hits coast\n\nLONDON (Reuters) - A storm hit the coast on Monday.".to_vec());
//! let article = extractor.extract(&input).unwrap();
//! assert_eq!(article.headline.as_deref(), Some("Storm hits coast"));
//! assert_eq!(article.dateline.unwrap().place, "London");
//! ```
//!
//! The pipeline's stages, each one module with its own output type:
//! [`decode`] → [`layout`] → [`assemble`] → [`segment`] → [`entities`] → [`quotes`] →
//! [`quantities`] → [`time`] → checks. See `ARCHITECTURE.md`.

pub mod assemble;
pub mod calendar;
pub mod decode;
pub mod entities;
mod error;
mod extractor;
pub mod json;
pub mod language;
pub mod layout;
pub mod model;
pub mod name_checks;
pub mod offsets;
pub mod quantities;
pub mod quotes;
mod roles;
mod scan;
pub mod segment;
pub mod time;

pub use error::Error;
pub use extractor::{Config, Extractor, Input, InputFormat, landmarks, speaker_candidates};
pub use model::*;

//! Errors the extractor reports for inputs it cannot treat as an article.

/// Why an input could not be extracted. Messages name the problem; callers name the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input has no bytes, or only whitespace and invisible characters.
    #[error("input is empty (no visible text)")]
    Empty,
    /// The input is larger than [`crate::Config::max_bytes`].
    #[error("input is {bytes} bytes, over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// Size of the input.
        bytes: u64,
        /// The configured limit.
        limit: u64,
    },
    /// The input is not text: a known binary format or mostly control bytes.
    #[error("input is not text: {what}")]
    NotText {
        /// What the bytes look like (`a PNG image`, `binary data (41% control bytes)`).
        what: String,
    },
    /// A caller-supplied option is malformed.
    #[error("invalid {field}: {problem}")]
    InvalidOption {
        /// Which option (`published`, `media type`).
        field: &'static str,
        /// What is wrong with it.
        problem: String,
    },
}

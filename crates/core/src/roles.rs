//! Role words more than one stage reads: the nouns for people who speak for someone
//! ("a Kremlin spokesperson"). Shared utility, not a pipeline stage.

/// Whether `lower` (lower case) names a spokesperson, in news and headline spelling
/// ("spox", "spoks").
pub fn is_spokesperson(lower: &str) -> bool {
    matches!(
        lower,
        "spokesperson"
            | "spokespersons"
            | "spokesman"
            | "spokesmen"
            | "spokeswoman"
            | "spokeswomen"
            | "spokespeople"
            | "spox"
            | "spoks"
    )
}

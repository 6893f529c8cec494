//! Language identification of the body text (whatlang's trigram model).

/// How many characters of the body are looked at: enough for a confident guess, bounded so
/// that long articles cost the same.
const SAMPLE_CHARS: usize = 1000;

/// Whether `word` is an English function word, in any case: in English prose they are about
/// 40% of the words; in other languages written in Latin script almost none of them occur.
fn is_english_function_word(word: &str) -> bool {
    // The longest is five letters, all ASCII: lower-case into a small buffer and match.
    let mut lower = [0u8; 5];
    if word.len() > lower.len() {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"a"
            | b"is"
            | b"that"
            | b"for"
            | b"on"
            | b"was"
            | b"with"
            | b"said"
            | b"it"
            | b"as"
            | b"at"
            | b"by"
            | b"he"
            | b"his"
            | b"from"
            | b"be"
            | b"have"
            | b"has"
            | b"are"
            | b"were"
            | b"an"
            | b"not"
            | b"this"
            | b"which"
            | b"who"
            | b"but"
            | b"they"
            | b"their"
            | b"had"
            | b"after"
            | b"will"
            | b"would"
    )
}

/// ISO 639-1 code of the language `text` is written in (ISO 639-3 where there is no
/// two-letter code), or `None` when the text is too short or the guess is unreliable.
pub fn detect(text: &str) -> Option<String> {
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    // Fewer than three words: too short to tell.
    sample.split_whitespace().nth(2)?;
    // Fast path: most articles are English, and whatlang costs ~170 µs per call (measured,
    // docs/decisions.md); counting function words costs a few µs and is unambiguous when
    // they make up a fifth of the words.
    let (mut words, mut function) = (0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        if is_english_function_word(word) {
            function += 1;
        }
    }
    if words >= 20 && function * 5 >= words {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    // whatlang's own reliability flag is strict on a sentence or two; its confidence still
    // separates right from wrong guesses well above a quarter.
    if !info.is_reliable() && info.confidence() < 0.25 {
        return None;
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
}

/// Two-letter code for whatlang's three-letter codes, where one exists.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ces" => "cs",
        "slk" => "sk",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "bul" => "bg",
        "ron" => "ro",
        "hun" => "hu",
        "fin" => "fi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "est" => "et",
        "lav" => "lv",
        "lit" => "lt",
        "ell" => "el",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "urd" => "ur",
        "hin" => "hi",
        "ben" => "bn",
        "pan" => "pa",
        "guj" => "gu",
        "mar" => "mr",
        "tam" => "ta",
        "tel" => "te",
        "kan" => "kn",
        "mal" => "ml",
        "sin" => "si",
        "nep" => "ne",
        "tha" => "th",
        "vie" => "vi",
        "ind" => "id",
        "jav" => "jv",
        "tgl" => "tl",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "kat" => "ka",
        "hye" => "hy",
        "aze" => "az",
        "bel" => "be",
        "mkd" => "mk",
        "cat" => "ca",
        "afr" => "af",
        "epo" => "eo",
        "lat" => "la",
        "yid" => "yi",
        "zul" => "zu",
        "sna" => "sn",
        "aka" => "ak",
        "amh" => "am",
        "khm" => "km",
        "mya" => "my",
        "ori" => "or",
        "uzb" => "uz",
        "tuk" => "tk",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_found_in_any_case_and_only_whole() {
        for w in ["the", "The", "THE", "a", "said", "WHICH", "Would"] {
            assert!(is_english_function_word(w), "{w}");
        }
        for w in ["", "th", "them", "whiches", "der", "thé", "ſaid"] {
            assert!(!is_english_function_word(w), "{w}");
        }
    }

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect("The government said on Monday that the talks would resume next week.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(
                "Die Regierung teilte am Montag mit, dass die Gespräche nächste Woche weitergehen."
            )
            .as_deref(),
            Some("de")
        );
        assert_eq!(detect("ok"), None);
    }
}

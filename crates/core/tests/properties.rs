//! Property tests: arbitrary input never panics, and every span in the output is in bounds
//! of `text` (code points, so always on character boundaries).

use gleaner_core::{Article, Config, Extractor, Input, InputFormat};
use proptest::prelude::*;

mod common;

fn check_spans(a: &Article) -> Result<(), TestCaseError> {
    let problems = common::span_problems(a);
    prop_assert!(problems.is_empty(), "{problems:?}");
    Ok(())
}

fn extractor() -> Extractor {
    Extractor::new(Config {
        tokens: true,
        ..Config::default()
    })
}

/// Text that looks like articles: words, punctuation, quotes, datelines, bullets, markup.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("LONDON (Reuters) - ".to_string()),
        Just("Kyiv: ".to_string()),
        Just("By Jane Doe and John Roe\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n• ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("60km ".to_string()),
        Just("Related Articles\n".to_string()),
        Just("<p>".to_string()),
        Just("</div>".to_string()),
        Just("\u{a0}\u{200b}\r\n".to_string()),
        "[A-Za-z]{1,12}[ .,!?]{0,2}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(a) = extractor().extract(&Input::new(bytes)) {
            check_spans(&a)?;
        }
    }

    #[test]
    fn articleish_text_has_valid_spans(text in articleish()) {
        for format in [None, Some(InputFormat::Text), Some(InputFormat::Html), Some(InputFormat::Verbatim)] {
            let input = Input { format, ..Input::new(text.clone().into_bytes()) };
            if let Ok(a) = extractor().extract(&input) {
                check_spans(&a)?;
                if format == Some(InputFormat::Verbatim) {
                    prop_assert_eq!(&a.text, &text);
                }
            }
        }
    }
}

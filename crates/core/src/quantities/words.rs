//! English number words: cardinals, ordinals, scales, fractions' denominators.

/// Class of a cardinal number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// zero … nine
    Unit,
    /// ten … nineteen
    Teen,
    /// twenty, thirty … ninety
    Ten,
}

/// A cardinal word below a hundred: (value, class).
pub(super) fn cardinal(w: &str) -> Option<(u32, Class)> {
    use Class::{Teen, Ten, Unit};
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => (0, Unit),
        "one" => (1, Unit),
        "two" => (2, Unit),
        "three" => (3, Unit),
        "four" => (4, Unit),
        "five" => (5, Unit),
        "six" => (6, Unit),
        "seven" => (7, Unit),
        "eight" => (8, Unit),
        "nine" => (9, Unit),
        "ten" => (10, Teen),
        "eleven" => (11, Teen),
        "twelve" => (12, Teen),
        "thirteen" => (13, Teen),
        "fourteen" => (14, Teen),
        "fifteen" => (15, Teen),
        "sixteen" => (16, Teen),
        "seventeen" => (17, Teen),
        "eighteen" => (18, Teen),
        "nineteen" => (19, Teen),
        "twenty" => (20, Ten),
        "thirty" => (30, Ten),
        "forty" | "fourty" => (40, Ten),
        "fifty" => (50, Ten),
        "sixty" => (60, Ten),
        "seventy" => (70, Ten),
        "eighty" => (80, Ten),
        "ninety" => (90, Ten),
        _ => return None,
    })
}

/// An ordinal word below a hundred (`first`, `twelfth`, `fortieth`), singular or plural
/// (`thirds` as a denominator): (value, class, plural).
pub(super) fn ordinal(w: &str) -> Option<(u32, Class, bool)> {
    use Class::{Teen, Ten, Unit};
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s)
            if s.ends_with("th") || s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") =>
        {
            (s, true)
        }
        _ => (w, false),
    };
    let (v, c) = match stem {
        "first" => (1, Unit),
        "second" => (2, Unit),
        "third" => (3, Unit),
        "fourth" => (4, Unit),
        "fifth" => (5, Unit),
        "sixth" => (6, Unit),
        "seventh" => (7, Unit),
        "eighth" => (8, Unit),
        "ninth" | "nineth" => (9, Unit),
        "tenth" => (10, Teen),
        "eleventh" => (11, Teen),
        "twelfth" => (12, Teen),
        "thirteenth" => (13, Teen),
        "fourteenth" => (14, Teen),
        "fifteenth" => (15, Teen),
        "sixteenth" => (16, Teen),
        "seventeenth" => (17, Teen),
        "eighteenth" => (18, Teen),
        "nineteenth" => (19, Teen),
        "twentieth" => (20, Ten),
        "thirtieth" => (30, Ten),
        "fortieth" => (40, Ten),
        "fiftieth" => (50, Ten),
        "sixtieth" => (60, Ten),
        "seventieth" => (70, Ten),
        "eightieth" => (80, Ten),
        "ninetieth" => (90, Ten),
        _ => return None,
    };
    Some((v, c, plural))
}

/// A scale word and its factor (`thousand`, `million`, `bn`, `lakh`).
pub(super) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "mn" | "mln" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// A scale ordinal (`hundredth`, `millionth`), singular or plural: (factor, plural).
pub(super) fn scale_ordinal(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    let f = match stem {
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some((f, plural))
}

/// A scale suffix glued to digits (`10k`, `£20.1bn`, `3M`), by its exact spelling: "m" in
/// lower case is metres unless money is being counted, which the caller decides.
pub(super) fn glued_scale(raw: &str) -> Option<f64> {
    Some(match raw {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "mln" | "mil" => 1e6,
        "m" => 1e6,
        "b" | "B" | "bn" | "bln" | "G" => 1e9,
        "tn" | "trn" | "tln" | "T" => 1e12,
        _ => return None,
    })
}

/// A Unicode vulgar fraction.
pub(super) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

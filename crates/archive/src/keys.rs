//! Normalised name keys: how "Zelensky", "Zelenskyy" and "ZELENSKIY" become one key.
//!
//! A key is lower case, Latin diacritics folded, punctuation dropped, runs of one letter
//! collapsed ("yy" → "y") and a word-final "iy"/"yi" read as "y" — the transliteration
//! variants news outlets print for the same name. Used both when storing an entity's forms
//! and when looking up a name a user typed.

/// The key of a name, or `None` when nothing alphanumeric is left.
pub fn name_key(name: &str) -> Option<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '’' | '‘' | 'ʼ' | '`' => {}
            c if c.is_alphanumeric() => push_folded(c, &mut folded),
            _ => folded.push(' '),
        }
    }
    let words: Vec<String> = folded
        .split_whitespace()
        .filter(|w| *w != "the")
        .map(word_key)
        .collect();
    let key = words.join(" ");
    (!key.is_empty()).then_some(key)
}

/// Whether a key has more than one word (a full name rather than a surname alone).
pub fn is_multiword(key: &str) -> bool {
    key.contains(' ')
}

/// The last word of a key (a person's surname).
pub fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

fn word_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last || c.is_ascii_digit() {
            out.push(c);
        }
        last = Some(c);
    }
    for ending in ["iy", "yi"] {
        if out.len() > 4 && out.ends_with(ending) {
            out.truncate(out.len() - 2);
            out.push('y');
        }
    }
    out
}

fn push_folded(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        name_key(s).unwrap_or_default()
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(key("Zelensky"), "zelensky");
        assert_eq!(key("Zelenskyy"), "zelensky");
        assert_eq!(key("ZELENSKIY"), "zelensky");
        assert_eq!(key("Volodymyr Zelenskyy"), key("Volodymyr Zelensky"));
    }

    #[test]
    fn diacritics_punctuation_and_articles_fold() {
        assert_eq!(key("Recep Tayyip Erdoğan"), key("Recep Tayyip Erdogan"));
        assert_eq!(key("O’Brien"), "obrien");
        assert_eq!(key("the United Nations"), "united nations");
        assert_eq!(key("U.N."), "u n");
        assert_eq!(name_key("—"), None);
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(key("Putin"), key("Zelensky"));
        assert_ne!(key("Joe Biden"), key("Hunter Biden"));
        assert_eq!(key("2300"), "2300");
    }

    #[test]
    fn word_helpers() {
        assert!(is_multiword("volodymyr zelensky"));
        assert!(!is_multiword("zelensky"));
        assert_eq!(last_word("volodymyr zelensky"), "zelensky");
    }
}

//! The stage's view of the text: words with lower-case forms, sentences as word ranges, and
//! entity mentions by position. Built once per article.

use std::borrow::Cow;
use std::ops::Range;

use super::{QuoteInput, SpeakerCandidate};
use crate::model::{Span, TokenKind};

/// A word's lower-case form: borrowed from the text when the word has no capital (most
/// words), so that building the view allocates only for capitalised words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// The lower-case form of `word`.
    pub fn of(word: &'a str) -> Self {
        if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            Self(Cow::Owned(word.to_lowercase()))
        } else {
            Self(Cow::Borrowed(word))
        }
    }

    /// As a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// One token.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Lower-case form.
    pub lower: Lower<'a>,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// Punctuation or a symbol.
    pub punct: bool,
    /// Index of its sentence.
    pub sentence: usize,
}

/// One sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Its span.
    pub span: Span,
    /// Its words.
    pub words: Range<usize>,
    /// Index of its section.
    pub section: usize,
}

/// The text as the stage reads it.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The canonical text.
    pub text: &'a str,
    /// Code point → byte offsets, sparse (only non-ASCII characters are stored).
    byte_of: CharBytes,
    /// Words in order.
    pub words: Vec<Word<'a>>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Section spans in order.
    pub sections: Vec<Span>,
    /// Entity candidates.
    pub entities: &'a [SpeakerCandidate],
    /// Every mention: (span, entity index), in text order.
    pub mentions: Vec<(Span, usize)>,
}

impl<'a> Doc<'a> {
    /// Builds the view.
    pub fn new(input: &QuoteInput<'a>) -> Self {
        let byte_of = CharBytes::new(input.text);
        // Paragraphs: the sections, split at line breaks (verbatim input keeps single
        // newlines between paragraphs inside one section).
        let mut sections: Vec<Span> = Vec::with_capacity(input.sections.len());
        for sec in input.sections {
            let b = |c: usize| byte_of.get(c);
            let mut start = sec.start;
            let piece = input.text.get(b(sec.start)..b(sec.end)).unwrap_or("");
            for (k, ch) in piece.chars().enumerate() {
                let at = sec.start + k;
                if ch == '\n' {
                    if at > start {
                        sections.push(Span { start, end: at });
                    }
                    start = at + 1;
                }
            }
            if sec.end > start {
                sections.push(Span {
                    start,
                    end: sec.end,
                });
            }
        }
        let mut sentences = Vec::with_capacity(input.sentences.len());
        let mut words = Vec::with_capacity(input.tokens.len());
        let mut t = 0usize;
        let mut section = 0usize;
        for (si, s) in input.sentences.iter().enumerate() {
            while section + 1 < sections.len() && sections[section].end <= s.start {
                section += 1;
            }
            while t < input.tokens.len() && input.tokens[t].end <= s.start {
                t += 1;
            }
            let first = words.len();
            while t < input.tokens.len() && input.tokens[t].start < s.end {
                let tok = input.tokens[t];
                let (bs, be) = (byte_of.get(tok.start), byte_of.get(tok.end));
                let raw = input.text.get(bs..be).unwrap_or("");
                words.push(Word {
                    start: tok.start,
                    end: tok.end,
                    lower: Lower::of(raw),
                    capital: raw.chars().next().is_some_and(char::is_uppercase),
                    punct: matches!(tok.kind, TokenKind::Punct | TokenKind::Symbol),
                    sentence: si,
                });
                t += 1;
            }
            sentences.push(Sentence {
                span: *s,
                words: first..words.len(),
                section,
            });
        }
        let mut mentions: Vec<(Span, usize)> = input
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
            .collect();
        mentions.sort_by_key(|(m, _)| (m.start, m.end));
        Self {
            text: input.text,
            byte_of,
            words,
            sentences,
            sections,
            entities: input.entities,
            mentions,
        }
    }

    /// The text of a code-point span.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let b = |c: usize| self.byte_of.get(c);
        self.text.get(b(start)..b(end)).unwrap_or("")
    }

    /// The section index holding code point `at`.
    pub fn section_of(&self, at: usize) -> usize {
        self.sections
            .partition_point(|s| s.end <= at)
            .min(self.sections.len().saturating_sub(1))
    }

    /// The index of the first word starting at or after `at`.
    pub fn word_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }

    /// The mentions overlapping `[start, end)`.
    pub fn mentions_in(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self.mentions.partition_point(|(m, _)| m.end <= start);
        self.mentions[from..]
            .iter()
            .take_while(move |(m, _)| m.start < end)
            .filter(move |(m, _)| m.end > start)
            .copied()
    }

    /// Number of word tokens (not punctuation) in `words[range]`.
    pub fn word_count(&self, range: Range<usize>) -> usize {
        self.words
            .get(range)
            .map_or(0, |ws| ws.iter().filter(|w| !w.punct).count())
    }
}

/// Code point → byte offsets in O(log n), storing only the non-ASCII characters (a huge
/// ASCII text costs nothing).
#[derive(Debug)]
struct CharBytes {
    /// (code point, byte, byte length) of every non-ASCII character.
    wide: Vec<(usize, usize, usize)>,
    len_bytes: usize,
}

impl CharBytes {
    fn new(text: &str) -> Self {
        let wide = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, c))| !c.is_ascii())
            .map(|(i, (b, c))| (i, b, c.len_utf8()))
            .collect();
        Self {
            wide,
            len_bytes: text.len(),
        }
    }

    /// Byte offset of code point `c` (clamped to the text's end).
    fn get(&self, c: usize) -> usize {
        let i = self.wide.partition_point(|w| w.0 < c);
        let byte = match i.checked_sub(1).map(|j| self.wide[j]) {
            None => c,
            Some((wc, wb, wl)) => wb + wl + (c - wc - 1),
        };
        byte.min(self.len_bytes)
    }
}

//! Plain text → blocks: one block per line, except hard-wrapped paragraphs, which are joined.

use super::{Block, BlockKind};

/// Splits normalised plain text into blocks. Blank lines separate chunks; a chunk whose
/// lines are hard-wrapped (similar widths, breaking mid-sentence) is one paragraph, any other
/// chunk gives one block per line, since scraped pages put one paragraph on a line.
pub fn split_text(text: &str) -> Vec<Block> {
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if chunks.last().is_some_and(|c| !c.is_empty()) {
                chunks.push(Vec::new());
            }
        } else if let Some(chunk) = chunks.last_mut() {
            chunk.push(line);
        }
    }
    // Two lines alone prove nothing (a byline over an agency line looks wrapped); join them
    // only when longer chunks of the same document are clearly hard-wrapped.
    let wrapped_document = chunks.iter().any(|c| c.len() >= 3 && is_hard_wrapped(c));
    let mut out = Vec::new();
    for chunk in &chunks {
        let join = match chunk.len() {
            0 | 1 => false,
            2 => wrapped_document && is_hard_wrapped(chunk),
            _ => is_hard_wrapped(chunk),
        };
        if join {
            out.push(Block {
                text: chunk.join(" "),
                kind: BlockKind::Text,
            });
        } else {
            out.extend(chunk.iter().map(|line| line_block(line)));
        }
    }
    out
}

/// Whether the lines of a chunk are one paragraph wrapped at a fixed width.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2
        || lines
            .iter()
            .any(|l| bullet_mark_len(l).is_some() || l.starts_with("By ") || l.starts_with("BY "))
    {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let widths: Vec<usize> = body.iter().map(|l| l.chars().count()).collect();
    let (min, max) = (
        widths.iter().copied().min().unwrap_or(0),
        widths.iter().copied().max().unwrap_or(0),
    );
    let mid_sentence = body
        .iter()
        .filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':']))
        .count();
    min >= 40 && max <= 100 && max - min <= 35 && mid_sentence * 2 >= body.len()
}

/// A block for one line, with its bullet or number mark removed.
fn line_block(line: &str) -> Block {
    match bullet_mark_len(line) {
        Some(len) => Block {
            text: line[len..].trim_start().to_string(),
            kind: BlockKind::Bullet,
        },
        None => Block {
            text: line.to_string(),
            kind: BlockKind::Text,
        },
    }
}

/// Byte length of a leading bullet (`•`, `-`, `*`, `▪` …) or list number (`1.`, `2)`,
/// `(3)`) followed by a space, if the line starts with one.
pub(crate) fn bullet_mark_len(line: &str) -> Option<usize> {
    const MARKS: &[char] = &[
        '•', '●', '▪', '■', '◦', '·', '*', '-', '–', '►', '▶', '✓', '✔', '→', '◆', '○', '‣',
    ];
    let first = line.chars().next()?;
    if MARKS.contains(&first) {
        let rest = &line[first.len_utf8()..];
        return (rest.starts_with(' ') && rest.trim().chars().count() > 1)
            .then_some(first.len_utf8());
    }
    let (inner, open) = match line.strip_prefix('(') {
        Some(rest) => (rest, 1),
        None => (line, 0),
    };
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &inner[digits..];
    let close = after.chars().next()?;
    let ok = if open == 1 {
        close == ')'
    } else {
        close == '.' || close == ')'
    };
    (ok && after[1..].starts_with(' ') && after[1..].trim().chars().count() > 1)
        .then_some(open + digits + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_per_scraped_line() {
        let blocks = split_text(
            "Headline here\n\nStory Highlights\n  • First point.\n  • Second.\n\nBody one.",
        );
        let texts: Vec<_> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(
            texts,
            vec![
                ("Headline here", BlockKind::Text),
                ("Story Highlights", BlockKind::Text),
                ("First point.", BlockKind::Bullet),
                ("Second.", BlockKind::Bullet),
                ("Body one.", BlockKind::Text),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The council voted on Tuesday to close the old library and to move\nits collection to the new civic centre, which opens in the spring\nof next year.";
        let blocks = split_text(text);
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text.contains("to move its collection"));
    }

    #[test]
    fn bullet_marks() {
        assert_eq!(bullet_mark_len("• Point"), Some('•'.len_utf8()));
        assert_eq!(bullet_mark_len("12. Point"), Some(3));
        assert_eq!(bullet_mark_len("(3) Point"), Some(3));
        assert_eq!(bullet_mark_len("-30-"), None);
        assert_eq!(bullet_mark_len("2022. The year"), None);
        assert_eq!(bullet_mark_len("1.5 million people"), None);
    }
}

//! The news pass: reads blocks the way a reader does — kicker, headline, standfirst,
//! highlights, byline, date, then the body with its dateline — and sets furniture aside.

use super::furniture::{self, classify_line};
use super::{Block, BlockKind, BodyBlock, Layout, PageMeta, byline, dateline};
use crate::calendar;
use crate::model::{RemovalReason, Removed, SectionKind};

/// How many body blocks into the story a late byline or date line is still looked for.
const LATE_HEADER_BLOCKS: usize = 3;

/// Reads `blocks` into a [`Layout`], preferring `meta` where the page states a field.
pub fn read(blocks: Vec<Block>, meta: PageMeta) -> Layout {
    let mut layout = Layout::default();
    let mut reader = Reader {
        blocks: &blocks,
        layout: &mut layout,
    };
    let body_start = reader.read_header(&meta);
    reader.read_body(body_start);
    reader.remove_author_bio();
    reader.settle_published(&meta);
    if let Some((authors, _)) = meta.authors {
        layout.meta_authors = authors;
    }
    layout
}

struct Reader<'a> {
    blocks: &'a [Block],
    layout: &'a mut Layout,
}

impl Reader<'_> {
    fn remove(&mut self, text: &str, reason: RemovalReason) {
        self.layout.removed.push(Removed {
            text: text.to_string(),
            reason,
        });
    }

    /// Reads the header zone; returns the index of the first body block.
    fn read_header(&mut self, meta: &PageMeta) -> usize {
        let blocks = self.blocks;
        let mut i = 0;
        let mut headline_done = false;
        if let Some((headline, _)) = &meta.headline {
            self.layout.headline = Some(headline.clone());
        }
        while i < blocks.len() {
            let block = &blocks[i];
            let text = block.text.as_str();
            if let Some(reason) = classify_line(text) {
                // A related-stories heading before the story is navigation, not an end.
                self.remove(text, reason);
                i += 1;
                continue;
            }
            if !headline_done {
                if furniture::is_label(text) && i + 1 < blocks.len() {
                    self.remove(text, RemovalReason::Label);
                    i += 1;
                    continue;
                }
                headline_done = true;
                match &meta.headline {
                    Some((headline, _)) => {
                        if same_text(text, headline) || matches!(block.kind, BlockKind::Heading(1)) {
                            i += 1;
                            continue;
                        }
                    }
                    None => {
                        if block.kind != BlockKind::Bullet
                            && is_headline_like(text)
                            && byline::parse_byline(text).is_none()
                            && dateline::parse_dateline(text).is_none()
                            && date_line(text).is_none()
                        {
                            self.layout.headline = Some(text.to_string());
                            i += 1;
                            continue;
                        }
                    }
                }
            }
            if furniture::is_highlights_label(text) {
                self.remove(text, RemovalReason::HighlightsLabel);
                i = self.read_highlights(i + 1, true);
                continue;
            }
            if block.kind == BlockKind::Bullet {
                i = self.read_highlights(i, false);
                continue;
            }
            if self.layout.byline.is_none()
                && let Some(parts) = byline::parse_byline(text)
            {
                self.layout.byline = Some(parts);
                i += 1;
                continue;
            }
            if self.layout.date_line.is_none() && date_line(text).is_some() {
                self.layout.date_line = Some(text.to_string());
                i += 1;
                continue;
            }
            if self.layout.standfirst.is_none() && self.is_standfirst(i, meta) {
                self.layout.standfirst = Some(text.to_string());
                i += 1;
                continue;
            }
            break;
        }
        i
    }

    /// Reads highlight items from `start`; returns the index after them.
    fn read_highlights(&mut self, start: usize, labelled: bool) -> usize {
        let blocks = self.blocks;
        let mut i = start;
        let bullets = blocks.get(start).is_some_and(|b| b.kind == BlockKind::Bullet);
        while let Some(block) = blocks.get(i) {
            let text = block.text.as_str();
            let item = if bullets {
                block.kind == BlockKind::Bullet
            } else {
                // An unbulleted list under a label: short single statements.
                labelled
                    && block.kind == BlockKind::Text
                    && self.layout.highlights.len() < 6
                    && text.split_whitespace().count() <= 40
                    && byline::parse_byline(text).is_none()
                    && dateline::parse_dateline(text).is_none()
                    && date_line(text).is_none()
                    && classify_line(text).is_none()
            };
            if !item {
                break;
            }
            self.layout.highlights.push(text.to_string());
            i += 1;
        }
        i
    }

    /// Whether block `i` is a standfirst: a summary between the headline and the byline,
    /// date or highlights, or the page's own description.
    fn is_standfirst(&self, i: usize, meta: &PageMeta) -> bool {
        let block = &self.blocks[i];
        if block.kind != BlockKind::Text
            || self.layout.headline.is_none()
            || dateline::parse_dateline(&block.text).is_some()
            || block.text.split_whitespace().count() > 60
        {
            return false;
        }
        if let Some((description, _)) = &meta.description
            && same_text(&block.text, description)
        {
            return true;
        }
        let next = self.blocks[i + 1..]
            .iter()
            .find(|b| classify_line(&b.text).is_none());
        next.is_some_and(|b| {
            byline::parse_byline(&b.text).is_some()
                || date_line(&b.text).is_some()
                || furniture::is_highlights_label(&b.text)
        })
    }

    fn read_body(&mut self, start: usize) {
        let blocks = self.blocks;
        let mut related = false;
        let mut contact = false;
        let mut ended = false;
        let mut text_blocks_seen = 0;
        for (offset, block) in blocks[start..].iter().enumerate() {
            let text = block.text.as_str();
            let next = blocks.get(start + offset + 1);
            if ended {
                self.remove(text, RemovalReason::EndMark);
                continue;
            }
            if furniture::is_end_mark(text) {
                self.remove(text, RemovalReason::EndMark);
                ended = true;
                continue;
            }
            if let Some(reason) = classify_line(text) {
                related = reason == RemovalReason::RelatedHeading;
                contact = false;
                self.remove(text, reason);
                continue;
            }
            if related {
                if block.kind == BlockKind::Bullet || is_headline_like(text) {
                    self.remove(text, RemovalReason::RelatedHeadline);
                    continue;
                }
                related = false;
            }
            if furniture::is_contact_heading(text) {
                contact = true;
                self.remove(text, RemovalReason::Contact);
                continue;
            }
            if contact {
                if is_contact_detail(text) {
                    self.remove(text, RemovalReason::Contact);
                    continue;
                }
                contact = false;
            }
            let early = offset < LATE_HEADER_BLOCKS;
            if early
                && self.layout.byline.is_none()
                && let Some(parts) = byline::parse_byline(text)
            {
                self.layout.byline = Some(parts);
                continue;
            }
            if early && self.layout.date_line.is_none() && date_line(text).is_some() {
                self.layout.date_line = Some(text.to_string());
                continue;
            }
            let kind = match block.kind {
                BlockKind::Bullet => SectionKind::ListItem,
                BlockKind::Heading(_) => SectionKind::Subheading,
                BlockKind::Quote => SectionKind::Blockquote,
                BlockKind::Text => {
                    text_blocks_seen += 1;
                    if text_blocks_seen <= 2 && self.layout.dateline.is_none() && self.layout.body.iter().all(|b| b.kind != SectionKind::Paragraph) {
                        self.layout.dateline = dateline::parse_dateline(text);
                    }
                    if is_subheading(text, next) {
                        SectionKind::Subheading
                    } else {
                        SectionKind::Paragraph
                    }
                }
            };
            self.layout.body.push(BodyBlock {
                kind,
                text: text.to_string(),
            });
        }
        // Headings left dangling at the end of the body introduce nothing.
        while self
            .layout
            .body
            .last()
            .is_some_and(|b| b.kind == SectionKind::Subheading)
        {
            if let Some(b) = self.layout.body.pop() {
                self.remove(&b.text, RemovalReason::RelatedHeading);
            }
        }
    }

    /// Removes an author biography closing the story ("Jane Doe is a professor of …").
    fn remove_author_bio(&mut self) {
        let Some(byline) = &self.layout.byline else {
            return;
        };
        let names: Vec<String> = byline.authors.clone();
        if names.is_empty() {
            return;
        }
        let Some(last) = self.layout.body.last() else {
            return;
        };
        if last.kind != SectionKind::Paragraph || self.layout.body.len() < 2 {
            return;
        }
        let is_bio = names.iter().any(|name| {
            let surname = name.split_whitespace().last().unwrap_or(name);
            [name.as_str(), surname].iter().any(|n| {
                last.text.strip_prefix(n).is_some_and(|rest| {
                    [" is ", " was ", " writes ", " has ", ", a ", ", the "]
                        .iter()
                        .any(|v| rest.starts_with(v))
                })
            })
        }) && last.text.split_whitespace().count() <= 80;
        if is_bio && let Some(b) = self.layout.body.pop() {
            self.remove(&b.text, RemovalReason::AuthorBio);
        }
    }

    /// Chooses the publication date: the page's metadata, then a date line, then the date in
    /// the byline or dateline.
    fn settle_published(&mut self, meta: &PageMeta) {
        if let Some((date, from)) = &meta.published {
            self.layout.published = Some((date.clone(), from));
            return;
        }
        if let Some(line) = &self.layout.date_line
            && let Some(stamp) = date_line(line)
        {
            self.layout.published = Some((stamp.to_string(), "text"));
            return;
        }
        if let Some(stamp) = self
            .layout
            .byline
            .as_ref()
            .and_then(|b| b.date_text.as_deref())
            .and_then(calendar::find_date)
        {
            self.layout.published = Some((stamp.to_string(), "byline"));
            return;
        }
        if let Some(date) = self.layout.dateline.as_ref().and_then(|d| d.date.clone()) {
            self.layout.published = Some((date, "dateline"));
        }
    }
}

/// The date a "Published …" / "Updated …" line (or a line that is only a date) states.
pub(super) fn date_line(text: &str) -> Option<calendar::Stamp> {
    let lower = text.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    const LEADS: &[&str] = &[
        "published", "updated", "posted", "first published", "last updated", "last modified",
        "originally published", "modified", "date:", "dated",
    ];
    let led = LEADS.iter().any(|l| lower.starts_with(l));
    if !(led && words <= 25 || words <= 9) {
        return None;
    }
    calendar::find_date(text)
}

/// A short line with no closing punctuation: headline, subheading or related-story link.
fn is_headline_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next().unwrap_or(' ');
    (3..=30).contains(&words)
        && (first.is_uppercase() || first.is_ascii_digit() || "“\"‘'".contains(first))
        && !text.ends_with(['.', ',', ';', ':'])
        || text.ends_with("...") && words <= 30
}

/// A short title-case line followed by running text.
fn is_subheading(text: &str, next: Option<&Block>) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next().unwrap_or(' ');
    (1..=12).contains(&words)
        && (first.is_uppercase() || first.is_ascii_digit())
        && !text.ends_with(['.', ',', ';', ':', '"', '”', '!', '?'])
        && next.is_some_and(|n| {
            n.kind == BlockKind::Text && n.text.split_whitespace().count() > words
        })
}

/// A line of a contact block: a name, title, e-mail address, phone number or web address.
fn is_contact_detail(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    words <= 8 || text.contains('@') || digits >= 7 || text.contains("www.")
}

/// Equal ignoring case, spacing and punctuation.
fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::super::lay_out_text;
    use super::*;

    #[test]
    fn headline_highlights_dateline_and_trailing_furniture() {
        let layout = lay_out_text(
            "Storm batters coast as thousands flee\n\nKey points\n- Winds reached 150km/h.\n- 3,000 people left their homes.\n\nBy Jane Doe and John Roe\n\nLONDON (Reuters) - A storm hit the coast on Monday.\n\nOfficials said more rain was due.\n\nRelated Articles\nFloods close schools in the north\nFerry services cancelled\n\nBack to top",
        );
        assert_eq!(
            layout.headline.as_deref(),
            Some("Storm batters coast as thousands flee")
        );
        assert_eq!(
            layout.highlights,
            ["Winds reached 150km/h.", "3,000 people left their homes."]
        );
        assert_eq!(layout.byline.unwrap().authors, ["Jane Doe", "John Roe"]);
        assert_eq!(layout.dateline.unwrap().place, "London");
        assert_eq!(layout.body.len(), 2);
        let reasons: Vec<_> = layout.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                RemovalReason::HighlightsLabel,
                RemovalReason::RelatedHeading,
                RemovalReason::RelatedHeadline,
                RemovalReason::RelatedHeadline,
                RemovalReason::BackToTop
            ]
        );
    }

    #[test]
    fn standfirst_before_byline() {
        let layout = lay_out_text(
            "Why the council got the budget wrong\n\nA summary of the argument in one sentence.\n\nBy Maria Lopez\n\nThe council met on Tuesday.\n\nMaria Lopez is a professor of economics at the university.",
        );
        assert_eq!(
            layout.standfirst.as_deref(),
            Some("A summary of the argument in one sentence.")
        );
        assert_eq!(layout.body.len(), 1);
        assert_eq!(layout.removed[0].reason, RemovalReason::AuthorBio);
    }

    #[test]
    fn end_mark_removes_the_rest() {
        let layout = lay_out_text(
            "Acme opens plant\n\nAUSTIN, Texas, March 5, 2024 /PRNewswire/ -- Acme Corp. opened a plant.\n\n###\n\nSOURCE Acme Corp.",
        );
        assert_eq!(layout.body.len(), 1);
        assert_eq!(layout.published.map(|p| p.0).as_deref(), Some("2024-03-05"));
        assert_eq!(layout.removed.len(), 2);
    }
}

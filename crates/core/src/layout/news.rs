//! The news pass: reads blocks the way a reader does — kicker, headline, standfirst,
//! highlights, byline, date, then the body with its dateline — and sets furniture aside.

use super::furniture::{self, LineFacts};
use super::{Block, BlockKind, BodyBlock, Layout, PageMeta, byline, dateline};
use crate::calendar;
use crate::model::{RemovalReason, Removed, SectionKind};

/// How many body blocks into the story a late byline or date line is still looked for.
const LATE_HEADER_BLOCKS: usize = 3;

/// Reads `blocks` into a [`Layout`], preferring `meta` where the page states a field.
pub fn read(blocks: Vec<Block>, meta: PageMeta) -> Layout {
    let mut layout = Layout::default();
    // Every block is asked the same furniture questions, some more than once: answer once.
    let mut key = String::new();
    let facts: Vec<LineFacts> = blocks
        .iter()
        .map(|b| LineFacts::of(&b.text, &mut key))
        .collect();
    let mut reader = Reader {
        blocks: &blocks,
        facts: &facts,
        layout: &mut layout,
    };
    let body_start = reader.read_header(&meta);
    reader.read_body(body_start);
    reader.remove_author_bio();
    reader.settle_published(&meta);
    // The page's own modified date wins over an "Updated …" line read from the text.
    let modified_in_text = layout.page.modified.take();
    layout.page = meta.page.clone();
    if layout.page.modified.is_none() {
        layout.page.modified = modified_in_text;
    }
    layout.description = meta.description.clone();
    layout.headline_from = match (&meta.headline, &layout.headline) {
        (Some((_, from)), _) => Some(*from),
        (None, Some(_)) => Some("text"),
        (None, None) => None,
    };
    layout.authors_from = layout
        .byline
        .as_ref()
        .filter(|b| !b.authors.is_empty())
        .map(|_| "byline-text");
    if let Some((authors, from)) = meta.authors {
        if layout.authors_from.is_none() || from == "json-ld" {
            layout.authors_from = Some(from);
        }
        // JSON-LD names the people who wrote the story; a visible byline element may
        // also carry reviewers, titles or widget text.
        if from == "json-ld"
            && let Some(byline) = &mut layout.byline
        {
            byline.authors = authors.clone();
        }
        layout.meta_authors = authors;
    }
    layout
}

struct Reader<'a> {
    blocks: &'a [Block],
    /// The furniture facts of each block, by index.
    facts: &'a [LineFacts],
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
            let facts = self.facts[i];
            if let Some(reason) = facts.furniture {
                self.remove(text, reason);
                i += 1;
                continue;
            }
            if !headline_done {
                if facts.label && i + 1 < blocks.len() {
                    self.remove(text, RemovalReason::Label);
                    i += 1;
                    continue;
                }
                match &meta.headline {
                    Some((headline, _)) => {
                        headline_done = true;
                        if same_text(text, headline) || matches!(block.kind, BlockKind::Heading(1))
                        {
                            i += 1;
                            continue;
                        }
                    }
                    None => {
                        if is_headline_candidate(block) {
                            self.layout.headline = Some(text.to_string());
                            headline_done = true;
                            i += 1;
                            continue;
                        }
                        // A site name, section or kicker line above the headline.
                        if is_short_label(block) && self.headline_follows(i + 1) {
                            self.remove(text, RemovalReason::Label);
                            i += 1;
                            continue;
                        }
                        headline_done = true;
                    }
                }
            }
            if facts.highlights_label {
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
            // "Associated Press" on the line under the names.
            if let Some(b) = &mut self.layout.byline
                && let Some(agency) = byline::agency_name(text)
            {
                b.agencies.push(agency);
                b.text.push('\n');
                b.text.push_str(text);
                i += 1;
                continue;
            }
            if self.layout.date_line.is_none() && is_date_line(text) {
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
        if self.layout.byline.is_none()
            && let Some(parts) = meta.byline.clone()
        {
            self.layout.byline = Some(parts);
        }
        i
    }

    /// Whether a headline comes within the next few blocks (furniture skipped).
    fn headline_follows(&self, from: usize) -> bool {
        let from = from.min(self.blocks.len());
        self.blocks[from..]
            .iter()
            .zip(&self.facts[from..])
            .filter(|(_, f)| f.furniture.is_none())
            .take(3)
            .any(|(b, _)| is_headline_candidate(b))
    }

    /// Reads highlight items from `start`; returns the index after them.
    fn read_highlights(&mut self, start: usize, labelled: bool) -> usize {
        let blocks = self.blocks;
        let mut i = start;
        let bullets = blocks
            .get(start)
            .is_some_and(|b| b.kind == BlockKind::Bullet);
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
                    && !is_date_line(text)
                    && self.facts[i].furniture.is_none()
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
            .zip(&self.facts[i + 1..])
            .find(|(_, f)| f.furniture.is_none());
        next.is_some_and(|(b, f)| {
            byline::parse_byline(&b.text).is_some()
                || is_date_line(&b.text)
                || f.highlights_label
                || dateline::parse_dateline(&b.text).is_some()
        })
    }

    fn read_body(&mut self, start: usize) {
        let blocks = self.blocks;
        let mut related = false;
        let mut contact = false;
        let mut about = false;
        let mut ended = false;
        let mut text_blocks_seen = 0;
        for (offset, block) in blocks[start..].iter().enumerate() {
            let text = block.text.as_str();
            let next = blocks.get(start + offset + 1);
            let facts = self.facts[start + offset];
            if ended {
                self.remove(text, RemovalReason::EndMark);
                continue;
            }
            if facts.end_mark {
                self.remove(text, RemovalReason::EndMark);
                ended = true;
                continue;
            }
            if let Some(reason) = facts.furniture {
                related = reason == RemovalReason::RelatedHeading;
                contact = false;
                about = false;
                self.remove(text, reason);
                continue;
            }
            // Inline "read this too" links that sites print in capitals mid-story.
            if is_shouted_link(text) {
                self.remove(text, RemovalReason::RelatedHeadline);
                continue;
            }
            if related {
                if block.kind == BlockKind::Bullet || is_link_like(text) {
                    self.remove(text, RemovalReason::RelatedHeadline);
                    continue;
                }
                related = false;
            }
            if facts.contact_heading {
                about = false;
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
            if about {
                if block.kind == BlockKind::Text {
                    self.remove(text, RemovalReason::Boilerplate);
                    continue;
                }
                about = false;
            }
            if self.layout.body.len() >= 2
                && is_about_heading(text)
                && next.is_some_and(|n| n.kind == BlockKind::Text)
            {
                about = true;
                self.remove(text, RemovalReason::Boilerplate);
                continue;
            }
            let early = offset < LATE_HEADER_BLOCKS;
            if early
                && self.layout.byline.is_none()
                && let Some(parts) = byline::parse_byline(text)
            {
                self.layout.byline = Some(parts);
                continue;
            }
            if early && self.layout.date_line.is_none() && is_date_line(text) {
                self.layout.date_line = Some(text.to_string());
                continue;
            }
            let kind = match block.kind {
                BlockKind::Bullet => SectionKind::ListItem,
                BlockKind::Heading(_) => SectionKind::Subheading,
                BlockKind::Quote => SectionKind::Blockquote,
                BlockKind::Text => {
                    text_blocks_seen += 1;
                    if text_blocks_seen <= 2
                        && self.layout.dateline.is_none()
                        && self
                            .layout
                            .body
                            .iter()
                            .all(|b| b.kind != SectionKind::Paragraph)
                    {
                        self.layout.dateline = dateline::parse_dateline(text).filter(|d| {
                            // A document's first line with more to follow is its headline
                            // or a label, not a story: "Poll: …" and "Sanders: …" open
                            // headlines far more often than "Kyiv:" opens a first line.
                            start + offset > 0 || blocks.len() == 1 || !d.text.ends_with(':')
                        });
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
        let dates = self
            .layout
            .date_line
            .as_deref()
            .map(date_line)
            .unwrap_or_default();
        if let Some((stamp, _)) = dates.iter().find(|(_, updated)| !updated) {
            self.layout.published = Some((stamp.to_string(), "text"));
            return;
        }
        // "Updated March 4" is when the story was changed; when the article states no other
        // date it is also the best date it gives for the story, and `modified` says so.
        if let Some((stamp, _)) = dates.first() {
            self.layout.page.modified = Some((stamp.to_string(), "text"));
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

/// Words that open a line stating when the story was published or updated.
const DATE_LEADS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "first published",
    "last updated",
    "last modified",
    "originally published",
    "modified",
    "date:",
    "dated",
];

/// Whether a line states when the story was published or updated: "Published March 3,
/// 2024", "Updated 12:31 GMT", or a line that is only a date.
pub(super) fn is_date_line(text: &str) -> bool {
    // Lower-casing keeps the spacing, so the words can be counted first: both rules below
    // want at most 25.
    let words = furniture::count_words(text, 26);
    if words > 25 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    let led = DATE_LEADS.iter().any(|l| lower.starts_with(l));
    let has_time = lower.split_whitespace().any(|w| {
        let w = w.trim_end_matches(',');
        w.split_once(':').is_some_and(|(h, m)| {
            h.parse::<u8>().is_ok_and(|h| h < 24)
                && m.get(..2).is_some_and(|mm| mm.parse::<u8>().is_ok())
        })
    });
    if led && words <= 25 && (has_time || calendar::find_date(text).is_some()) {
        return true;
    }
    words <= 9 && calendar::find_date(text).is_some() && !text.ends_with('.')
}

/// The dates a date line states, each marked when it is an update date.
pub(super) fn date_line(text: &str) -> Vec<(calendar::Stamp, bool)> {
    if is_date_line(text) {
        printed_dates(text)
    } else {
        Vec::new()
    }
}

/// The dates printed in one block, each marked when it is an update date: a date after an
/// "Updated"/"Modified"/"Reviewed" label is one, a date before it is the publication date
/// ("December 22, 2022 Updated: January 02, 2026").
pub(super) fn printed_dates(text: &str) -> Vec<(calendar::Stamp, bool)> {
    // Inline elements often meet without a space ("Dec 17, 2025Julian K. Arni",
    // "Last updated:Sep 4, 2025").
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut digits = 0;
    let mut lower = false;
    let mut colon = false;
    for c in text.chars() {
        if (digits == 4 && c.is_alphabetic())
            || (lower && c.is_uppercase())
            || (colon && c.is_alphabetic())
        {
            spaced.push(' ');
        }
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        lower = c.is_lowercase();
        colon = c == ':';
        spaced.push(c);
    }
    let text = spaced.as_str();
    let lower = text.to_lowercase();
    let label = ["updated", "modified", "reviewed", "refreshed"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min();
    let date_in =
        |part: &str| calendar::find_date(part).or_else(|| super::html::numeric_date(part));
    let mut out = Vec::new();
    match label {
        // `lower` may differ in length from `text` only outside ASCII; cut on a boundary.
        Some(i) if text.is_char_boundary(i) && lower.len() == text.len() => {
            out.extend(date_in(&text[..i]).map(|d| (d, false)));
            out.extend(date_in(&text[i..]).map(|d| (d, true)));
        }
        Some(_) => out.extend(date_in(text).map(|d| (d, true))),
        None => out.extend(date_in(text).map(|d| (d, false))),
    }
    out
}

/// A block that can be the headline.
fn is_headline_candidate(block: &Block) -> bool {
    block.kind != BlockKind::Bullet
        && is_headline_like(&block.text)
        && byline::parse_byline(&block.text).is_none()
        && !is_date_line(&block.text)
}

/// A line of one to four words with no closing punctuation: a site name, section or kicker.
fn is_short_label(block: &Block) -> bool {
    let words = block.text.split_whitespace().count();
    block.kind != BlockKind::Bullet
        && (1..=4).contains(&words)
        && !block.text.ends_with(['.', '!', '?', ','])
}

/// A line that reads as a link rather than a sentence (related-story lists).
fn is_link_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=30).contains(&words) && !text.ends_with(['.', ',', ';', ':']) || text.ends_with("...")
}

/// Five or more words in capitals with no closing punctuation.
fn is_shouted_link(text: &str) -> bool {
    // Cheapest first: running text fails at its first lower-case letter.
    if !text.chars().all(|c| !c.is_lowercase()) || text.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    words >= 5 && letters >= 15
}

/// "About Acme Corp": the heading of a press release's company boilerplate.
fn is_about_heading(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("About ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=7).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "and" | "the" | "for" | "&")
        })
        && !text.ends_with(['.', ',', ';', ':', '?'])
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
    let first = text.chars().next().unwrap_or(' ');
    // Cheapest first: a paragraph fails on its closing punctuation.
    if text.ends_with(['.', ',', ';', ':', '"', '”', '!', '?'])
        || !(first.is_uppercase() || first.is_ascii_digit())
    {
        return false;
    }
    let words = text.split_whitespace().count();
    (1..=12).contains(&words)
        && next
            .is_some_and(|n| n.kind == BlockKind::Text && n.text.split_whitespace().count() > words)
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
    fn a_first_line_name_and_colon_is_no_dateline() {
        // 61 of the shared data's 94 colon "datelines" were first lines like these.
        for first in [
            "Poll: Clinton leads Trump by five points in new national survey.",
            "Sanders: Brexit’s message could draw Trump support in the US and the rest of the West.",
        ] {
            let layout = lay_out_text(&format!(
                "{first}\n\nA poll released on Monday shows the race tightening in three states."
            ));
            assert_eq!(layout.dateline, None, "{first}");
            assert_eq!(layout.body[0].text, first);
        }
        // Further down, or as the only paragraph, a colon still sets off a place.
        let layout = lay_out_text(
            "Talks stall as envoys leave\n\nKyiv: Russia’s envoy left the talks early on Monday.",
        );
        assert_eq!(layout.dateline.map(|d| d.place).as_deref(), Some("Kyiv"));
        let layout = lay_out_text("Kyiv: Russia’s envoy left the talks early on Monday night.");
        assert_eq!(layout.dateline.map(|d| d.place).as_deref(), Some("Kyiv"));
    }

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

//! HTML pages → blocks and page metadata, then the shared news pass.
//!
//! The page's main content is found by dom_smoothie (a port of Mozilla's Readability; chosen
//! by measurement, see `docs/decisions.md`); its result is walked into [`Block`]s here.
//! Metadata comes from JSON-LD (`NewsArticle` and kin), OpenGraph and `<meta>` tags, which
//! this module reads itself so that it can keep authors apart and say where each field
//! came from. Traversals are iterative: a page of 100k nested tags must not exhaust the stack.

use std::cell::OnceCell;

use dom_query::{Document, Element, NodeData, NodeRef, Selection};
use serde_json::Value;

use super::html_authors::{
    PeopleIndex, in_page_furniture, is_handle, meta_tag_authors, visible_byline,
};
use super::html_index::{Listed, PageIndex};
use super::html_prepass::prepass;
use super::html_url_date::settle_with_url_date;
use super::news::printed_dates;
use super::{Block, BlockKind, Layout, PageMeta, PageType};
use crate::calendar;
use crate::decode::visible_words;

/// Lays out an HTML page.
pub fn lay_out_html(html: &str, url: Option<&str>) -> Layout {
    let html = prepass(html);
    let doc = Document::from(html.as_ref());
    let index = PageIndex::new(&doc);
    let mut meta = page_meta(&index);
    unhide_streamed_content(&index);
    // The whole-page walks are read by several date rules; each is made at most once.
    let walks = PageWalks::new(&doc);
    prefer_date_shown_by_headline(&index, &walks, &mut meta);
    drop_unshown_page_node_date(&index, &walks, &mut meta);
    if meta.published.is_none() {
        // Some pages print "Published …" away from the headline (under the story, in a
        // sidebar the furniture pass drops): a labelled date anywhere still dates the story.
        meta.published = labelled_publication_date(&walks.whole().blocks)
            .map(|stamp| (stamp.to_string(), "page-text"));
    }
    settle_with_url_date(&mut meta, url);
    let furniture_skipped = walks.into_furniture_skipped();
    drop(index);
    let main = main_blocks(doc, furniture_skipped, url);
    let mut layout = super::lay_out_blocks(main.blocks, meta);
    layout.captions = main.captions;
    layout
}

/// What a walk over the main content finds: its blocks and, apart, its image captions.
#[derive(Default)]
struct Walked {
    blocks: Vec<Block>,
    captions: Vec<String>,
}

/// The walks over a whole page, each made when first asked for and then kept.
struct PageWalks<'a> {
    root: NodeRef<'a>,
    /// `walk(root, true)`: page furniture skipped.
    furniture_skipped: OnceCell<Walked>,
    /// `walk(root, false)`: everything shown.
    whole: OnceCell<Walked>,
}

impl<'a> PageWalks<'a> {
    fn new(doc: &'a Document) -> Self {
        Self {
            root: doc.root(),
            furniture_skipped: OnceCell::new(),
            whole: OnceCell::new(),
        }
    }

    fn furniture_skipped(&self) -> &Walked {
        self.furniture_skipped
            .get_or_init(|| walk(&self.root, true))
    }

    fn whole(&self) -> &Walked {
        self.whole.get_or_init(|| walk(&self.root, false))
    }

    /// The furniture-skipping walk, when it was made.
    fn into_furniture_skipped(self) -> Option<Walked> {
        self.furniture_skipped.into_inner()
    }
}

/// Blocks of the page's main content: Readability's pick, unless it clearly under-picked
/// (a page whose article container holds far more running text), or found nothing.
/// `furniture_skipped` is the page's furniture-skipping walk when one was already made.
fn main_blocks(doc: Document, furniture_skipped: Option<Walked>, url: Option<&str>) -> Walked {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // Classes are kept so that captions and credits inside the pick can still be told apart.
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    // Readability rewrites the document it reads; the page as it was is kept for the
    // under-pick check (a copy of the tree costs a small part of parsing the page again).
    let original = doc.clone();
    // The pick is walked where Readability left it, in its own tree: serialising it and
    // parsing that again gave the same blocks at the cost of a second parse.
    // dom_smoothie 0.19 panics on some pages (`is_video_url` slices an embed's attribute
    // two bytes before "youtube.com" whatever character is there). Its pick is then
    // absent, like a pick that failed, and the page's containers and walk stand in; the
    // panic hook still reports it on stderr.
    let picked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        dom_smoothie::Readability::with_document(doc, url, Some(config))
            .ok()
            .and_then(|mut r| r.parse().ok().map(|_| r))
            .map(|r| {
                let content = r.doc.select_single("#readability-page-1");
                content
                    .nodes()
                    .first()
                    .map(|node| walk(node, false))
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    }))
    .unwrap_or_default();
    let picked_words = running_words(&picked.blocks);
    if picked_words >= UNDERPICK_WORDS {
        return picked;
    }
    // Readability's pick is short: look at the containers pages mark as the article.
    let best = original
        .select(ARTICLE_CONTAINERS)
        .nodes()
        .iter()
        .map(|node| walk(node, true))
        .max_by_key(|walked| running_words(&walked.blocks));
    match best {
        Some(walked) if running_words(&walked.blocks) >= 2 * picked_words.max(20) => walked,
        _ if picked.blocks.is_empty() => {
            furniture_skipped.unwrap_or_else(|| walk(&original.root(), true))
        }
        _ => picked,
    }
}

/// Below this many words of running text, Readability's pick is checked against the page's
/// article containers.
const UNDERPICK_WORDS: usize = 250;

/// Elements pages use to hold the article text.
const ARTICLE_CONTAINERS: &str = "article, [itemprop='articleBody'], main, [role='main'], \
    .entry-content, .post-content, .article-body, .article-content, .story-body, .post-body, \
    .content-body, #article-body, #content";

/// Words in blocks of running text (paragraphs, not link lists or headings).
fn running_words(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Text || b.kind == BlockKind::Quote)
        .map(|b| b.text.split_whitespace().count())
        .filter(|&n| n >= 8)
        .sum()
}

/// How many blocks after the headline a displayed date is looked for.
const DATE_BLOCKS_AFTER_HEADLINE: usize = 8;

/// Readers take a story's date from what is printed by its headline, and metadata often
/// disagrees (a CMS's first-draft time, a re-publication date). When a publication date is
/// printed in the few blocks around the headline, it becomes `published` (`page-text`);
/// metadata keeps its place when it agrees (it has the time of day) or when nothing but an
/// update date is printed. A date printed as an update ("Updated: …") is never taken for the
/// publication date.
fn prefer_date_shown_by_headline(index: &PageIndex, walks: &PageWalks, meta: &mut PageMeta) {
    let Some((headline, _)) = &meta.headline else {
        return;
    };
    let has_h1 = |blocks: &[Block]| blocks.iter().any(|b| b.kind == BlockKind::Heading(1));
    // Some templates mark the whole header as furniture (the `<h1>` and the byline with it);
    // then the page is walked whole. (Then only the blocks after the headline are read: above
    // it are the site's menus.)
    let mut blocks: &[Block] = &walks.furniture_skipped().blocks;
    let mut before = 2;
    if headline_block(blocks, headline).is_none()
        || (!has_h1(blocks) && has_h1(&walks.whole().blocks))
    {
        blocks = &walks.whole().blocks;
        before = 0;
    }
    let Some(mut at) = headline_block(blocks, headline) else {
        return;
    };
    let published_day = meta
        .published
        .as_ref()
        .map(|(p, _)| p.chars().take(10).collect::<String>());
    let mut window = dates_around(blocks, at, before);
    // A page whose metadata title is not its printed one (a site name as `og:title`) may
    // still print its date by its `<h1>`.
    if window.is_empty()
        && let Some(h1) = blocks.iter().position(|b| b.kind == BlockKind::Heading(1))
        && h1 != at
    {
        window = dates_around(blocks, h1, before);
    }
    // A byline box the furniture pass dropped (an author card) may hold the only date shown
    // by the headline.
    if window.is_empty() && before > 0 {
        let all = &walks.whole().blocks;
        if let Some(at_all) = headline_block(all, headline) {
            window = dates_around(all, at_all, 0);
            if !window.is_empty() {
                (blocks, at) = (all, at_all);
            }
        }
    }
    // A date printed without a label that is the metadata's modification date (and not its
    // publication date) is the page showing when it was last updated.
    let modified_day = meta
        .page
        .modified
        .as_ref()
        .map(|(m, _)| m.chars().take(10).collect::<String>());
    let shows_modification = |stamp: &calendar::Stamp| {
        published_day.is_some()
            && published_day != modified_day
            && modified_day.as_deref() == Some(stamp.date.to_string().as_str())
    };
    let window: Vec<(calendar::Stamp, bool)> = window
        .into_iter()
        .map(|(_, stamp, updated)| (stamp, updated || shows_modification(&stamp)))
        .collect();
    // Metadata that agrees with a printed date keeps its place (it has the time of day),
    // also when it is the printed date read the other way round ("09.10.2024": day and
    // month cannot be told apart from the text alone).
    // (A date this module itself read off the page is no metadata: the window decides.)
    let stated_by_metadata = meta
        .published
        .as_ref()
        .is_some_and(|(_, from)| *from != "page-text");
    if let Some(day) = &published_day
        && stated_by_metadata
        && window.iter().any(|(stamp, updated)| {
            !updated
                && (stamp.date.to_string() == *day
                    || swapped_day_month(stamp.date).is_some_and(|d| d.to_string() == *day))
        })
    {
        return;
    }
    if let Some((stamp, _)) = window.iter().find(|(_, updated)| !updated) {
        meta.published = Some((stamp.to_string(), "page-text"));
    } else if meta.published.is_none()
        && let Some(stamp) = labelled_publication_date(stories_own_blocks(&blocks[at..]))
    {
        meta.published = Some((stamp.to_string(), "page-text"));
    } else if let Some((stamp, _)) = window.first() {
        // Only an update date is printed. When the page gives no publication date at all,
        // it is the best date the page gives for the story (as for plain text).
        if meta.page.modified.is_none() {
            meta.page.modified = Some((stamp.to_string(), "page-text"));
        }
        if meta.published.is_none() || presents_itself_as_updated(index, meta) {
            meta.published = Some((stamp.to_string(), "page-text"));
        }
    }
}

/// A publication date stated only by a JSON-LD `WebPage` node, repeated by no `<meta>` tag
/// and printed nowhere on the page, is the CMS's record of when the page was created: SEO
/// plugins give every page one, evergreen guides and institutional pages included. It is not a
/// date the page gives its readers, so it is dropped rather than reported as the story's.
fn drop_unshown_page_node_date(index: &PageIndex, walks: &PageWalks, meta: &mut PageMeta) {
    let Some((date, from)) = &meta.published else {
        return;
    };
    if !meta.published_by_page_node
        || *from != "json-ld"
        || tagged_publication_date(index).is_some()
    {
        return;
    }
    let day: String = date.chars().take(10).collect();
    let printed = walks.whole().blocks.iter().any(|block| {
        printed_dates(&block.text).iter().any(|(stamp, _)| {
            stamp.date.to_string() == day
                || swapped_day_month(stamp.date).is_some_and(|d| d.to_string() == day)
        })
    });
    if !printed {
        meta.published = None;
    }
}

/// Whether a page that prints only an update date by its headline dates itself by that
/// update: its publication date is stated once, in structured data (JSON-LD or microdata)
/// that readers never see, and no `<meta>` tag repeats it. Evergreen guides re-dated on each
/// revision look like this; the hidden date is the CMS's record of the first draft, while
/// the page tells its readers "Updated …". A publication date the site also states in its
/// OpenGraph or `<meta>` tags is a deliberate statement and stands.
fn presents_itself_as_updated(index: &PageIndex, meta: &PageMeta) -> bool {
    let Some((_, from)) = &meta.published else {
        return false;
    };
    if !matches!(*from, "json-ld" | "microdata") {
        return false;
    }
    // A microdata `<meta itemprop>` is the same structured statement, not a repetition.
    tagged_publication_date(index).is_none_or(|(_, tag)| tag == "microdata")
}

/// The publication date a `<meta>` tag states (OpenGraph `article:published_time`,
/// microdata, or one of the common CMS names), with where it came from.
fn tagged_publication_date(index: &PageIndex) -> Option<(String, &'static str)> {
    const DATE_METAS: &[(&str, &str)] = &[
        ("meta[property='article:published_time']", "opengraph"),
        ("meta[name='article:published_time']", "meta"),
        ("meta[itemprop='datePublished']", "microdata"),
        (
            "meta[name='pubdate'], meta[name='publishdate'], meta[name='publish-date'], meta[name='published-date'], meta[name='date'], meta[name='dc.date'], meta[name='DC.date.issued'], meta[name='sailthru.date'], meta[name='parsely-pub-date']",
            "meta",
        ),
    ];
    DATE_METAS.iter().find_map(|(sel, from)| {
        index
            .metas(sel)
            .iter()
            .filter_map(|m| m.attr("content").map(|c| clean_text(&c)))
            .find(|c| !c.is_empty())
            .and_then(|d| iso_date(&d))
            .map(|d| (d, *from))
    })
}

/// The dates printed in the few blocks around the headline at `at` (from `before` blocks
/// above it), each with whether it is labelled as an update. Dates under a "Related
/// articles" heading belong to other stories. Dates printed after the headline come first:
/// above it, a site's header may print today's date.
fn dates_around(blocks: &[Block], at: usize, before: usize) -> Vec<(bool, calendar::Stamp, bool)> {
    let start = at.saturating_sub(before);
    let mut window: Vec<(bool, calendar::Stamp, bool)> = blocks[start..]
        .iter()
        .enumerate()
        .take(DATE_BLOCKS_AFTER_HEADLINE + 1 + before)
        .take_while(|(_, b)| !opens_story_list(&b.text))
        .filter(|(_, b)| b.text.split_whitespace().count() <= 30)
        .flat_map(|(i, b)| {
            let mut dates = printed_dates(&b.text);
            // Only a block with an update date needs reading as a sentence.
            if dates.iter().any(|(_, updated)| *updated) && tells_of_update_in_prose(&b.text) {
                dates.retain(|(_, updated)| !updated);
            }
            dates
                .into_iter()
                .map(move |(stamp, updated)| (start + i < at, stamp, updated))
        })
        .collect();
    window.sort_by_key(|(above, _, _)| *above);
    window
}

/// Whether a block tells of an update in a sentence ("We updated this article on …", "This
/// page was last updated …") rather than labelling its date ("Updated on …", "Last updated:
/// …"). Such a date is a note about a revision, not a date the page is dated by.
fn tells_of_update_in_prose(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(at) = lower.find("updated") else {
        return false;
    };
    let mut before = lower[..at].split_whitespace().rev();
    let mut word = before.next();
    if word == Some("last") {
        word = before.next();
    }
    word.is_some_and(|w| {
        [
            "was", "were", "been", "is", "are", "has", "have", "had", "we", "i", "they", "it",
        ]
        .contains(&w)
    })
}

/// The blocks before the first heading that opens a list of other stories.
fn stories_own_blocks(blocks: &[Block]) -> &[Block] {
    let end = blocks
        .iter()
        .position(|b| opens_story_list(&b.text))
        .unwrap_or(blocks.len());
    &blocks[..end]
}

/// A heading that opens a list of other stories ("Related articles", "You may also like").
fn opens_story_list(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.split_whitespace().count() <= 6
        && (super::furniture::classify_line(text)
            == Some(crate::model::RemovalReason::RelatedHeading)
            || [
                "related",
                "explore related",
                "you may also like",
                "you might also like",
                "more from",
                "recommended",
                "read next",
                "more stories",
                "latest posts",
                "recent posts",
                "other posts",
            ]
            .iter()
            .any(|l| lower.starts_with(l)))
}

/// The date with day and month exchanged, when both readings are dates.
fn swapped_day_month(date: calendar::Date) -> Option<calendar::Date> {
    let (y, m, d) = (date.year, date.month, date.day);
    (d <= 12 && d != m)
        .then(|| calendar::Date::new(y, d, m))
        .flatten()
}

/// Where the headline is printed among the page's blocks: the block that holds its start,
/// else a top-level heading that shares its opening words (pages often print a shorter or
/// longer `<h1>` than their metadata title), else the first top-level heading.
fn headline_block(blocks: &[Block], headline: &str) -> Option<usize> {
    let key: String = headline.chars().take(40).collect();
    if let Some(at) = blocks.iter().position(|b| b.text.contains(&key)) {
        return Some(at);
    }
    let fold = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            .map(str::to_lowercase)
            .collect()
    };
    let opening = fold(headline);
    let h1 = |b: &&Block| b.kind == BlockKind::Heading(1);
    blocks
        .iter()
        .position(|b| h1(&b) && !opening.is_empty() && fold(&b.text) == opening)
        .or_else(|| blocks.iter().position(|b| h1(&b)))
        .or_else(|| {
            // A page without `<h1>` prints its title as the first `<h2>`.
            blocks.iter().position(|b| b.kind == BlockKind::Heading(2))
        })
}

/// A date printed with a publication label ("Published on July 18, 2025", "Posted on April
/// 13, 2023", a preprint's "Submitted on 18 Dec 2025"): short blocks only, so that running text
/// ("the law was published on …") does not count.
fn labelled_publication_date(blocks: &[Block]) -> Option<calendar::Stamp> {
    const LABELS: [&str; 4] = ["published", "posted on", "posted:", "submitted on"];
    let short = |b: &Block| b.text.split_whitespace().count() <= 12;
    let first_publication_date = |text: &str| {
        printed_dates(text)
            .into_iter()
            .find(|(_, updated)| !updated)
            .map(|(stamp, _)| stamp)
    };
    blocks.iter().enumerate().find_map(|(i, b)| {
        if !short(b) {
            return None;
        }
        let lower = b.text.to_lowercase();
        // A label alone in its element ("Published" above "July 8, 2025").
        let bare = lower.trim().trim_end_matches(':').trim();
        if matches!(
            bare,
            "published" | "published on" | "posted on" | "date published"
        ) {
            return blocks
                .get(i + 1)
                .filter(|next| short(next))
                .and_then(|next| first_publication_date(&next.text));
        }
        let label = LABELS.iter().filter_map(|w| lower.find(w)).min()?;
        first_publication_date(b.text.get(label..)?)
    })
}

/// The `<time datetime>` that dates the story: not an update, not in a list of stories,
/// comments, navigation or sidebar; the first after the `<h1>`, else the first before it.
fn publication_time_element(index: &PageIndex) -> Option<String> {
    let mut after_headline = false;
    let mut before = None;
    for node in index
        .select(Listed::HeadingOrTime, "h1, time[datetime]")
        .nodes()
    {
        if node.node_name().is_some_and(|n| n.as_ref() == "h1") {
            after_headline = true;
            continue;
        }
        if marked_as_update(node) || in_page_furniture(node) || in_story_list(node) {
            continue;
        }
        let Some(date) = node.attr("datetime").and_then(|d| iso_date(&d)) else {
            continue;
        };
        if after_headline {
            return Some(date);
        }
        before.get_or_insert(date);
    }
    before
}

/// Whether a node is one item's date in a list of stories: a near ancestor holds date
/// elements (`<time>`, or a class that says `date`) with three or more different dates. (A
/// story's own header prints at most a publication and an update date, often in nested
/// elements.)
fn in_story_list(node: &NodeRef) -> bool {
    let is_date_element = |d: &NodeRef| {
        d.node_name().is_some_and(|n| n.as_ref() == "time")
            || d.attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("date"))
    };
    node.ancestors_it(Some(5)).any(|a| {
        let mut dates: Vec<calendar::Date> = Vec::new();
        for d in a
            .descendants_it()
            .filter(|d| d.is_element() && is_date_element(d))
            .take(40)
        {
            let text = clean_text(&d.text());
            if text.split_whitespace().count() > 12 {
                continue;
            }
            let date = d
                .attr("datetime")
                .and_then(|v| calendar::parse_iso(&v))
                .or_else(|| calendar::find_date(&text))
                .map(|s| s.date);
            if let Some(date) = date
                && !dates.contains(&date)
            {
                dates.push(date);
                if dates.len() >= 3 {
                    return true;
                }
            }
        }
        false
    })
}

/// A date element that states an update rather than the publication: its own class or
/// itemprop says so, or its parent labels it ("Last Updated <span class=date>…</span>").
fn marked_as_update(node: &NodeRef) -> bool {
    let says_update = |v: &str| {
        let v = v.to_ascii_lowercase();
        v.contains("updat") || v.contains("modif") || v.contains("changed")
    };
    let own = ["class", "itemprop"]
        .iter()
        .any(|a| node.attr(a).is_some_and(|v| says_update(&v)));
    // "Updated April 10, 2025" inside the element, or "Last updated:" just before it.
    let own_text = clean_text(&node.text()).to_lowercase();
    let label_before = node
        .prev_sibling()
        .filter(|p| p.is_text())
        .is_some_and(|p| says_update(&p.text()));
    if own
        || own_text.starts_with("updated")
        || own_text.starts_with("last updated")
        || label_before
    {
        return true;
    }
    let Some(parent) = node.parent() else {
        return false;
    };
    let parent_text = clean_text(&parent.text());
    let own_text = clean_text(&node.text());
    if parent_text.split_whitespace().count() > 20 || own_text.is_empty() {
        return false;
    }
    // The label must come before the date within the parent.
    parent_text
        .find(own_text.as_str())
        .is_some_and(|at| says_update(&parent_text[..at]))
}

/// A numeric date as pages print them beside bylines: `11/18/2019` (month first unless the
/// first number cannot be a month) or `18.11.2019`.
pub(super) fn numeric_date(text: &str) -> Option<calendar::Stamp> {
    text.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let sep = if w.contains('/') { '/' } else { '.' };
        let parts: Vec<&str> = w.split(sep).collect();
        let [a, b, y] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4 {
            return None;
        }
        let (a, b, y): (u8, u8, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
        let (month, day) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
        calendar::Date::new(y, month, day).map(|date| calendar::Stamp {
            date,
            time: None,
            offset_minutes: None,
        })
    })
}

/// React's streaming server rendering sends page content inside `<div hidden id="S:…">`
/// and moves it into place with a script; the text is the page's, so it must not be skipped.
fn unhide_streamed_content(index: &PageIndex) {
    for node in index.hidden() {
        if node.attr("id").is_some_and(|id| id.starts_with("S:")) {
            node.remove_attr("hidden");
        }
    }
}

/// What an element is to the walk, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Its text is never article text (scripts, forms, navigation, figure captions …).
    Skipped,
    /// It starts and ends a block of text of this kind.
    Block(BlockKind),
    /// `<br>`: ends the block.
    Break,
    /// Anything else: its text runs on in the current block.
    Inline,
}

/// The [`Role`] of an element by its local name. (Element names are lower case, except
/// a few SVG names such as `clipPath`, none of which is named here.)
fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "canvas" | "iframe" | "object"
        | "embed" | "nav" | "footer" | "form" | "button" | "select" | "textarea" | "input"
        | "head" | "title" | "meta" | "link" | "figcaption" | "aside" | "menu" | "dialog" => {
            Role::Skipped
        }
        "li" | "dt" | "dd" => Role::Block(BlockKind::Bullet),
        "h1" => Role::Block(BlockKind::Heading(1)),
        "h2" => Role::Block(BlockKind::Heading(2)),
        "h3" => Role::Block(BlockKind::Heading(3)),
        "h4" => Role::Block(BlockKind::Heading(4)),
        "h5" => Role::Block(BlockKind::Heading(5)),
        "h6" => Role::Block(BlockKind::Heading(6)),
        "blockquote" => Role::Block(BlockKind::Quote),
        "p" | "div" | "section" | "article" | "main" | "header" | "ul" | "ol" | "dl" | "pre"
        | "table" | "tr" | "td" | "th" | "figure" | "address" | "body" | "html" | "center"
        | "hr" => Role::Block(BlockKind::Text),
        "br" => Role::Break,
        _ => Role::Inline,
    }
}

/// Walks a document into blocks.
#[cfg(test)]
fn blocks_of(doc: &Document) -> Walked {
    walk(&doc.root(), false)
}

/// Class and id fragments of page furniture, skipped when walking raw page containers
/// (Readability's pick is already cleaned of them).
const FURNITURE_MARKS: Marks = Marks::new(&[
    "comment",
    "related",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "sidebar",
    "promo",
    "advert",
    "cookie",
    "popup",
    "modal",
    "footer",
    "breadcrumb",
    "menu",
    "navbar",
    "author-bio",
    "recommend",
    "disqus",
    "paywall",
    "signup",
    "sign-up",
    "outbrain",
    "taboola",
]);

/// Class fragments of captions and credits, skipped in every walk (captions are not body).
const CAPTION_MARKS: Marks = Marks::new(&[
    "caption",
    "credit",
    "figcaption",
    "photo-source",
    "image-source",
]);

/// Lower-case ASCII fragments looked for in class and id values, indexed by their first
/// byte: at most positions of a value no fragment starts with that byte, and at the others
/// only the fragments that do are compared (instead of a substring search per fragment).
struct Marks {
    fragments: &'static [&'static str],
    /// For each ASCII byte, the set of fragments (bit `i` for `fragments[i]`) starting with it.
    by_first_byte: [u32; 128],
}

impl Marks {
    /// Indexes up to 32 ASCII fragments.
    const fn new(fragments: &'static [&'static str]) -> Self {
        assert!(fragments.len() <= 32);
        let mut by_first_byte = [0u32; 128];
        let mut i = 0;
        while i < fragments.len() {
            let first = fragments[i].as_bytes()[0];
            assert!(first < 128);
            by_first_byte[first as usize] |= 1 << i;
            i += 1;
        }
        Self {
            fragments,
            by_first_byte,
        }
    }

    /// Whether `value` contains one of the fragments (what `fragments.iter().any(|m|
    /// value.contains(m))` says).
    fn found_in(&self, value: &str) -> bool {
        let bytes = value.as_bytes();
        (0..bytes.len()).any(|at| {
            let mut candidates = self
                .by_first_byte
                .get(usize::from(bytes[at]))
                .copied()
                .unwrap_or(0);
            while candidates != 0 {
                let i = candidates.trailing_zeros() as usize;
                if bytes[at..].starts_with(self.fragments[i].as_bytes()) {
                    return true;
                }
                candidates &= candidates - 1;
            }
            false
        })
    }
}

/// An image caption proper (not a bare credit): `<figcaption>` or a class naming a caption.
fn is_caption(name: &str, class: Option<&str>) -> bool {
    name == "figcaption" || class.is_some_and(|c| c.contains("caption"))
}

/// Image credits and captions by class (`class` lower-cased).
fn looks_like_caption(class: Option<&str>) -> bool {
    class.is_some_and(|c| CAPTION_MARKS.found_in(c))
}

/// Page furniture by class or id (`class` lower-cased).
fn looks_like_furniture(id: Option<&str>, class: Option<&str>) -> bool {
    class.is_some_and(|c| FURNITURE_MARKS.found_in(c))
        || id.is_some_and(|id| FURNITURE_MARKS.found_in(&id.to_ascii_lowercase()))
}

/// What the walk does with an element.
enum Step {
    /// Leave it and its content out.
    Skip,
    /// Keep its text apart as an image caption.
    Caption,
    /// Read its content, in this role.
    Enter(Role),
}

/// What the walk does with `element`, from its name and attributes read once. `class` is a
/// buffer for the lower-cased class.
fn step(element: &Element, skip_furniture: bool, class: &mut String) -> Step {
    let name: &str = &element.name.local;
    let role = role(name);
    let mut class_attr = None;
    let mut id_attr = None;
    let mut hidden = false;
    for attr in &element.attrs {
        let value: &str = &attr.value;
        match &*attr.name.local {
            "class" if class_attr.is_none() => class_attr = Some(value),
            "id" if id_attr.is_none() => id_attr = Some(value),
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value == "true",
            "style" => hidden |= hides(value),
            _ => {}
        }
    }
    // The class, lower-cased once for the caption and furniture tests.
    let class = class_attr.map(|c| {
        class.clear();
        class.push_str(c);
        class.make_ascii_lowercase();
        class.as_str()
    });
    if is_caption(name, class) && !hidden {
        // Captions describe the pictures, not the story: kept apart, never in the body.
        return Step::Caption;
    }
    if role == Role::Skipped
        || hidden
        || looks_like_caption(class)
        || (skip_furniture && looks_like_furniture(id_attr, class))
    {
        return Step::Skip;
    }
    Step::Enter(role)
}

/// Walks a node into blocks, depth-first, without recursion. `skip_furniture` also skips
/// elements whose class or id names page furniture.
fn walk(root: &NodeRef, skip_furniture: bool) -> Walked {
    let mut out = Vec::new();
    let mut captions: Vec<String> = Vec::new();
    let mut current = BlockBuilder::default();
    let mut class = String::new();
    // Stack of (node, entering?) so that block elements can close their block on exit.
    let mut stack: Vec<(NodeRef, bool)> = vec![(*root, true)];
    while let Some((node, entering)) = stack.pop() {
        if !entering {
            // Only block elements are pushed for their exit.
            current.finish(&mut out);
            continue;
        }
        let step = node.query_or(None, |n| match &n.data {
            NodeData::Text { contents } => {
                current.push_text(contents);
                None
            }
            NodeData::Element(element) => Some(step(element, skip_furniture, &mut class)),
            NodeData::Document => Some(Step::Enter(Role::Inline)),
            _ => None,
        });
        match step {
            None | Some(Step::Skip) => continue,
            Some(Step::Caption) => {
                let caption = visible_words(&node.text());
                if !caption.is_empty() && !captions.contains(&caption) {
                    captions.push(caption);
                }
                continue;
            }
            Some(Step::Enter(Role::Break)) => {
                current.finish(&mut out);
                continue;
            }
            Some(Step::Enter(Role::Block(kind))) => {
                current.finish(&mut out);
                current.kind = kind;
                stack.push((node, false));
            }
            Some(Step::Enter(_)) => {}
        }
        stack.extend(node.children_it(true).map(|child| (child, true)));
    }
    current.finish(&mut out);
    Walked {
        blocks: out,
        captions,
    }
}

/// Whether an inline style hides its element (`display:none`, `visibility:hidden`, spaces
/// ignored).
fn hides(style: &str) -> bool {
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

#[derive(Default)]
struct BlockBuilder {
    text: String,
    kind: BlockKind,
}

impl BlockBuilder {
    fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn finish(&mut self, out: &mut Vec<Block>) {
        let text = visible_words(&self.text);
        if !text.is_empty() {
            out.push(Block {
                text,
                kind: self.kind,
            });
        }
        self.text.clear();
        self.kind = BlockKind::Text;
    }
}

/// Metadata the page states: JSON-LD first, then OpenGraph and `<meta>` tags, then the
/// visible `<h1>` and `<title>`.
fn page_meta(index: &PageIndex) -> PageMeta {
    let mut meta = PageMeta::default();
    let json_ld: Vec<Value> = index
        .select(Listed::Script, "script[type='application/ld+json']")
        .iter()
        .filter_map(|script| serde_json::from_str::<Value>(script.text().trim()).ok())
        .collect();
    let people = PeopleIndex::from_values(&json_ld);
    for value in &json_ld {
        read_json_ld(value, &mut meta, 0, &people);
    }
    let meta_content = |selector: &str| -> Option<String> {
        index
            .metas(selector)
            .iter()
            .filter_map(|m| m.attr("content").map(|c| clean_text(&c)))
            .find(|c| !c.is_empty())
    };
    if meta.headline.is_none() {
        meta.headline = meta_content("meta[property='og:title'], meta[name='og:title']")
            .map(|t| (t, "opengraph"))
            .or_else(|| meta_content("meta[name='twitter:title']").map(|t| (t, "meta")));
    }
    let h1 = index
        .select(Listed::HeadingOrTime, "h1")
        .iter()
        .map(|h| clean_text(&h.text()))
        .find(|t| !t.is_empty());
    let site = meta_content("meta[property='og:site_name']");
    match (&meta.headline, &h1) {
        // The visible headline wins over a social title that only differs by a suffix.
        (Some((h, _)), Some(visible)) if visible.len() < h.len() && contains_words(h, visible) => {
            meta.headline = Some((visible.clone(), "h1"));
        }
        (Some((h, from)), _) => meta.headline = Some((strip_site_suffix(h, site.as_deref()), from)),
        (None, Some(visible)) => meta.headline = Some((visible.clone(), "h1")),
        (None, None) => {
            let title = index
                .all(Listed::Title)
                .iter()
                .map(|t| clean_text(&t.text()))
                .find(|t| !t.is_empty());
            meta.headline = title.map(|t| (strip_site_suffix(&t, site.as_deref()), "title"));
        }
    }
    if meta.authors.is_none() {
        meta.authors = meta_tag_authors(index);
    }
    if meta.published.is_none() {
        meta.published = tagged_publication_date(index);
    }
    if meta.published.is_none() {
        meta.published = publication_time_element(index).map(|d| (d, "time-element"));
    }
    if meta.published.is_none() {
        meta.published = index
            .document()
            .select("[itemprop='datePublished'], [class*='date'], [class*='time'], [class*='published']")
            .nodes()
            .iter()
            .filter(|n| !marked_as_update(n) && !in_page_furniture(n) && !in_story_list(n))
            .map(|n| clean_text(&n.text()))
            .filter(|t| t.split_whitespace().count() <= 12)
            .find_map(|t| {
                printed_dates(&t)
                    .into_iter()
                    .find_map(|(stamp, updated)| (!updated).then_some(stamp))
            })
            .map(|stamp| (stamp.to_string(), "page-text"));
    }
    meta.byline = visible_byline(index);
    if meta.published.is_none()
        && let Some(stamp) = meta
            .byline
            .as_ref()
            .and_then(|b| b.date_text.as_deref())
            .and_then(calendar::find_date)
    {
        meta.published = Some((stamp.to_string(), "byline"));
    }
    if meta.description.is_none() {
        meta.description =
            meta_content("meta[property='og:description'], meta[name='description']")
                .map(|d| (d, "meta"));
    }
    let page = &mut meta.page;
    page.site_name = page
        .site_name
        .take()
        .or_else(|| meta_content("meta[property='og:site_name']").map(|s| (s, "opengraph")))
        .or_else(|| meta_content("meta[name='application-name']").map(|s| (s, "meta")));
    page.canonical_url = index
        .select(Listed::Link, "link[rel='canonical']")
        .iter()
        .filter_map(|l| l.attr("href").map(|h| h.trim().to_string()))
        .find(|h| h.starts_with("http"))
        .map(|h| (h, "link"))
        .or_else(|| meta_content("meta[property='og:url']").map(|u| (u, "opengraph")));
    if page.modified.is_none() {
        page.modified = meta_content(
            "meta[property='article:modified_time'], meta[property='og:updated_time']",
        )
        .and_then(|d| iso_date(&d))
        .map(|d| (d, "opengraph"));
    }
    if page.section.is_none() {
        page.section = meta_content("meta[property='article:section']").map(|s| (s, "opengraph"));
    }
    if page.tags.is_none() {
        let tags: Vec<String> = index
            .metas("meta[property='article:tag']")
            .iter()
            .filter_map(|m| m.attr("content").map(|c| clean_text(&c)))
            .filter(|t| !t.is_empty())
            .collect();
        page.tags = if tags.is_empty() {
            meta_content("meta[name='keywords'], meta[name='news_keywords']")
                .map(|k| split_keywords(&k))
                .filter(|k| !k.is_empty())
                .map(|k| (k, "meta"))
        } else {
            Some((tags, "opengraph"))
        };
    }
    if page.image.is_none() {
        page.image = meta_content("meta[property='og:image'], meta[name='twitter:image']")
            .filter(|i| i.starts_with("http"))
            .map(|i| (i, "opengraph"));
    }
    page.language = index
        .select(Listed::Html, "html[lang]")
        .iter()
        .filter_map(|h| h.attr("lang").map(|l| l.trim().to_string()))
        .find(|l| !l.is_empty())
        .map(|l| (l, "html"))
        .or_else(|| {
            meta_content("meta[property='og:locale']").map(|l| (l.replace('_', "-"), "opengraph"))
        });
    if page.page_type.is_none() {
        page.page_type = guess_page_type(index, meta.headline.as_ref().map(|(h, _)| h.as_str()));
    }
    prefer_printed_people(&mut meta, site.as_deref());
    meta
}

/// Authors are people: when the metadata gives only a login handle or the site's own name
/// as the author and the page prints a byline that names someone, the byline is taken.
/// Without such a byline the metadata stays (a personal site's name is its author's).
fn prefer_printed_people(meta: &mut PageMeta, og_site: Option<&str>) {
    let sites: Vec<String> = [
        meta.page.site_name.as_ref().map(|(s, _)| s.as_str()),
        og_site,
    ]
    .into_iter()
    .flatten()
    .map(name_key)
    .collect();
    let not_a_person = |name: &String| is_handle(name) || sites.contains(&name_key(name));
    let printed = meta.byline.as_ref().is_some_and(|b| !b.authors.is_empty());
    if printed
        && meta
            .authors
            .as_ref()
            .is_some_and(|(a, _)| a.iter().all(not_a_person))
    {
        meta.authors = None;
    }
}

/// A name compared without case, punctuation or spacing.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "a, b; c" → ["a", "b", "c"].
fn split_keywords(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// What kind of page this is when JSON-LD did not say: OpenGraph's type, an error title,
/// or the shape of the page (many story links and little running text is an index).
fn guess_page_type(index: &PageIndex, headline: Option<&str>) -> Option<(PageType, &'static str)> {
    let title = Selection::from(index.all(Listed::Title).to_vec())
        .text()
        .to_lowercase();
    let heading = headline.unwrap_or("").to_lowercase();
    for t in [title.as_str(), heading.as_str()] {
        if t.contains("404")
            || t.contains("page not found")
            || t.contains("not found")
            || t.contains("error 500")
            || t.contains("page unavailable")
        {
            return Some((PageType::Error, "title"));
        }
    }
    match index
        .metas("meta[property='og:type']")
        .attr("content")
        .map(|t| t.to_lowercase())
        .as_deref()
    {
        Some("article") | Some("news") | Some("blog") => {
            return Some((PageType::Article, "opengraph"));
        }
        Some("product") | Some("og:product") | Some("product.item") => {
            return Some((PageType::Product, "opengraph"));
        }
        _ => {}
    }
    let paragraphs = index
        .all(Listed::Paragraph)
        .iter()
        .filter(|p| p.text().split_whitespace().count() >= 20)
        .count();
    let story_links = index
        .all(Listed::Anchor)
        .iter()
        .filter(|a| a.text().split_whitespace().count() >= 5)
        .count();
    if paragraphs >= 3 {
        Some((PageType::Article, "page-shape"))
    } else if story_links >= 15 {
        Some((PageType::Index, "page-shape"))
    } else {
        None
    }
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "WebPage",
];

/// Reads article fields from a JSON-LD value (objects, arrays and `@graph`s), bounded in depth.
fn read_json_ld(value: &Value, meta: &mut PageMeta, depth: usize, people: &PeopleIndex) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| read_json_ld(v, meta, depth + 1, people)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                read_json_ld(graph, meta, depth + 1, people);
            }
            let is_article = type_names(map.get("@type"))
                .iter()
                .any(|t| ARTICLE_TYPES.contains(&t.as_str()));
            let is_webpage_only = type_names(map.get("@type")) == ["WebPage"];
            let types = type_names(map.get("@type"));
            if meta.page.page_type.is_none() {
                if types.iter().any(|t| t == "Product") {
                    meta.page.page_type = Some((PageType::Product, "json-ld"));
                } else if types
                    .iter()
                    .any(|t| t == "CollectionPage" || t == "ItemList")
                {
                    meta.page.page_type = Some((PageType::Index, "json-ld"));
                }
            }
            if !is_article {
                return;
            }
            // A plain WebPage fills gaps only; an article type overrides it.
            let weak = is_webpage_only;
            // Fills `slot`; says whether it did.
            let set = |slot: &mut Option<(String, &'static str)>, v: Option<String>| {
                if let Some(v) = v.filter(|v| !v.is_empty())
                    && (slot.is_none() || !weak)
                    && slot.as_ref().is_none_or(|(_, from)| *from != "json-ld")
                {
                    *slot = Some((v, "json-ld"));
                    return true;
                }
                false
            };
            set(
                &mut meta.headline,
                map.get("headline")
                    .or(map.get("name"))
                    .and_then(Value::as_str)
                    .map(clean_text),
            );
            let published = map
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(iso_date);
            // An article node that states a date makes the page a dated story, whichever
            // node's date is kept.
            let dated_article = !weak && published.is_some();
            if set(&mut meta.published, published) || dated_article {
                meta.published_by_page_node = weak;
            }
            set(
                &mut meta.page.modified,
                map.get("dateModified")
                    .and_then(Value::as_str)
                    .and_then(iso_date),
            );
            set(
                &mut meta.page.section,
                match map.get("articleSection") {
                    Some(Value::String(s)) => Some(clean_text(s)),
                    Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(clean_text),
                    _ => None,
                },
            );
            set(
                &mut meta.page.site_name,
                map.get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                    .map(clean_text),
            );
            set(
                &mut meta.page.image,
                match map.get("image") {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Object(o)) => {
                        o.get("url").and_then(Value::as_str).map(str::to_string)
                    }
                    Some(Value::Array(a)) => a.first().and_then(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .or_else(|| i.get("url").and_then(Value::as_str).map(str::to_string))
                    }),
                    _ => None,
                }
                .filter(|i| i.starts_with("http")),
            );
            if meta.page.tags.is_none() {
                let tags = match map.get("keywords") {
                    Some(Value::String(s)) => split_keywords(s),
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                    _ => Vec::new(),
                };
                if !tags.is_empty() {
                    meta.page.tags = Some((tags, "json-ld"));
                }
            }
            if !weak {
                meta.page.page_type = Some((PageType::Article, "json-ld"));
            }
            set(
                &mut meta.description,
                map.get("description")
                    .and_then(Value::as_str)
                    .map(clean_text),
            );
            if meta.authors.is_none()
                || (!weak && meta.authors.as_ref().is_some_and(|(_, f)| *f != "json-ld"))
            {
                let authors = person_names(map.get("author"), people);
                if !authors.is_empty() {
                    meta.authors = Some((authors, "json-ld"));
                }
            }
        }
        _ => {}
    }
}

fn type_names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// Names of the people in a JSON-LD `author` value; organisations are left out.
fn person_names(value: Option<&Value>, people: &PeopleIndex) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        for n in split_author_list(name) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    };
    match value {
        Some(Value::String(s)) if !s.starts_with("http") => push(s),
        Some(Value::Object(map))
            if !type_names(map.get("@type"))
                .iter()
                .any(|t| t.contains("Organization")) =>
        {
            // A reference to a Person described elsewhere in the page's JSON-LD.
            let by_id = map
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| people.name(id));
            if let Some(name) = map.get("name").and_then(Value::as_str).or(by_id) {
                push(name);
            }
        }
        Some(Value::Array(items)) => {
            for item in items {
                for n in person_names(Some(item), people) {
                    push(&n);
                }
            }
        }
        _ => {}
    }
    out
}

/// "Jane Doe and John Roe" / "Jane Doe, John Roe" → two names.
pub(super) fn split_author_list(s: &str) -> Vec<String> {
    let s = clean_text(s);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(&s);
    s.split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn iso_date(s: &str) -> Option<String> {
    calendar::parse_iso(s)
        .or_else(|| calendar::find_date(s))
        .map(|stamp| stamp.to_string())
}

pub(super) fn clean_text(s: &str) -> String {
    visible_words(&decode_entities(s))
}

/// Decodes the few entities that survive in attribute values and JSON-LD strings.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&#8217;", "’")
        .replace("&#8216;", "‘")
        .replace("&#8220;", "“")
        .replace("&#8221;", "”")
}

/// Whether every word of `short` occurs in `long` (case-insensitively).
fn contains_words(long: &str, short: &str) -> bool {
    let long = long.to_lowercase();
    short
        .to_lowercase()
        .split_whitespace()
        .all(|w| long.contains(w))
}

/// Drops a " | Site Name" / " - Site" suffix from a page title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · ", " » "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()))
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3);
            if tail_is_site {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes() {
        assert_eq!(
            strip_site_suffix(
                "Storm hits the coast | Meridian Daily",
                Some("Meridian Daily")
            ),
            "Storm hits the coast"
        );
        assert_eq!(
            strip_site_suffix("Storm hits the coast - BBC News", None),
            "Storm hits the coast"
        );
        assert_eq!(
            strip_site_suffix("Jean-Luc - a life", None),
            "Jean-Luc - a life"
        );
    }

    #[test]
    fn json_ld_people_not_organisations() {
        let v: Value = serde_json::from_str(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"A &amp; B",
                "datePublished":"2024-05-14T08:30:00+03:00",
                "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"},
                          {"@type":"Organization","name":"Daily"}]}"#,
        )
        .unwrap();
        let mut meta = PageMeta::default();
        read_json_ld(&v, &mut meta, 0, &PeopleIndex::default());
        assert_eq!(meta.headline.unwrap().0, "A & B");
        assert_eq!(meta.authors.unwrap().0, ["Jane Doe", "John Roe"]);
        assert_eq!(meta.published.unwrap().0, "2024-05-14T08:30:00+03:00");
    }

    #[test]
    fn page_metadata_and_types() {
        let article = Document::from(
            r#"<html lang="en-GB"><head><title>Storm hits coast | Daily</title>
            <link rel="canonical" href="https://news.example/storm">
            <meta property="og:site_name" content="Daily"><meta property="og:type" content="article">
            <meta property="article:section" content="Weather"><meta property="article:tag" content="storms">
            <meta property="article:modified_time" content="2024-05-02T10:00:00Z"></head>
            <body><h1>Storm hits coast</h1><p>Text.</p></body></html>"#,
        );
        let meta = page_meta(&PageIndex::new(&article));
        let page = &meta.page;
        assert_eq!(page.site_name, Some(("Daily".into(), "opengraph")));
        assert_eq!(
            page.canonical_url,
            Some(("https://news.example/storm".into(), "link"))
        );
        assert_eq!(page.section, Some(("Weather".into(), "opengraph")));
        assert_eq!(page.tags, Some((vec!["storms".to_string()], "opengraph")));
        assert_eq!(
            page.modified,
            Some(("2024-05-02T10:00:00Z".into(), "opengraph"))
        );
        assert_eq!(page.language, Some(("en-GB".into(), "html")));
        assert_eq!(page.page_type, Some((PageType::Article, "opengraph")));
        let missing = Document::from(
            "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>",
        );
        assert_eq!(
            page_meta(&PageIndex::new(&missing)).page.page_type,
            Some((PageType::Error, "title"))
        );
        let product = Document::from(
            r#"<html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle"}</script></head><body><p>Buy.</p></body></html>"#,
        );
        assert_eq!(
            page_meta(&PageIndex::new(&product)).page.page_type,
            Some((PageType::Product, "json-ld"))
        );
        let links: String = (0..20)
            .map(|i| {
                format!("<li><a href='/s{i}'>Story number {i} about the local council</a></li>")
            })
            .collect();
        let index = Document::from(format!("<html><body><ul>{links}</ul></body></html>").as_str());
        assert_eq!(
            page_meta(&PageIndex::new(&index)).page.page_type,
            Some((PageType::Index, "page-shape"))
        );
    }

    #[test]
    fn update_dates_are_not_publication_dates() {
        let dates = |t: &str| -> Vec<(String, bool)> {
            printed_dates(t)
                .into_iter()
                .map(|(s, u)| (s.to_string(), u))
                .collect()
        };
        assert_eq!(
            dates("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026"),
            [
                ("2022-12-22".to_string(), false),
                ("2026-01-02".to_string(), true)
            ]
        );
        assert_eq!(
            dates("Last Updated: August 5, 2025"),
            [("2025-08-05".to_string(), true)]
        );
        assert_eq!(
            dates("Dec 17, 2025Julian K. Arni"),
            [("2025-12-17".to_string(), false)]
        );
        // Only an update date printed: the metadata's publication date stays.
        let page = "<html><head><title>Ten ways to rest</title>\
            <meta property='article:published_time' content='2024-02-27T00:00:00Z'></head>\
            <body><h1>Ten ways to rest</h1><p>Updated : December 04, 2025</p>\
            <p>Rest matters for health, and there are many ways to get more of it every day \
            of the week, whatever your work.</p></body></html>";
        let layout = lay_out_html(page, None);
        assert_eq!(
            layout.published,
            Some(("2024-02-27T00:00:00Z".to_string(), "opengraph"))
        );
        // A date element labelled as an update by its parent is not read as the page's
        // publication date; as the only date printed, it is the modified date and, read from
        // the text, also the best date the article gives.
        let page = "<html><body><h1>Best kettles</h1><div><span>Last Updated</span> \
            <span class='date'>Mar 11, 2026</span></div><p>We tested kettles for a month \
            and these are the ones worth buying for most kitchens today.</p></body></html>";
        let doc = Document::from(page);
        let dates = doc.select("span.date");
        let node = dates.nodes().first().expect("the date element");
        assert!(marked_as_update(node));
        assert_eq!(page_meta(&PageIndex::new(&doc)).published, None);
        let layout = lay_out_html(page, None);
        assert_eq!(
            layout.page.modified,
            Some(("2026-03-11".to_string(), "page-text"))
        );
        assert_eq!(
            layout.published,
            Some(("2026-03-11".to_string(), "page-text"))
        );
    }

    #[test]
    fn pages_dated_by_what_they_show() {
        let body = "<p>Rest matters for health, and there are many ways to get more of it \
            every day of the week, whatever your work.</p>";
        // Publication stated only in hidden JSON-LD, an update printed by the headline:
        // the page dates itself by the update.
        let json_ld = r#"<script type="application/ld+json">{"@type":"Article",
            "headline":"Ten ways to rest","datePublished":"2019-08-14T13:00:00Z",
            "dateModified":"2025-09-17T00:00:00Z"}</script>"#;
        let page = format!(
            "<html><head>{json_ld}</head><body><h1>Ten ways to rest</h1>\
             <p>Updated Sep 17, 2025</p>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published,
            Some(("2025-09-17".to_string(), "page-text"))
        );
        // The same with an OpenGraph publication time: the site states it twice, it stands.
        let og = "<meta property='article:published_time' content='2019-08-14T13:00:00Z'>";
        let page = format!(
            "<html><head>{json_ld}{og}</head><body><h1>Ten ways to rest</h1>\
             <p>Updated Sep 17, 2025</p>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published,
            Some(("2019-08-14T13:00:00Z".to_string(), "json-ld"))
        );
        // An unlabelled printed date that is the modification time is an update, too.
        let page = format!(
            "<html><head>{json_ld}{og}</head><body><h1>Ten ways to rest</h1>\
             <p>September 17, 2025</p>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published,
            Some(("2019-08-14T13:00:00Z".to_string(), "json-ld"))
        );
        // A label alone in its element, the date in the next, away from the headline.
        let page = format!(
            "<html><body><h1>Ten ways to rest</h1>{body}{body}{body}{body}{body}{body}\
             {body}{body}{body}{body}<div><span>Published</span></div>\
             <div><span>July 8, 2025</span></div></body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published,
            Some(("2025-07-08".to_string(), "page-text"))
        );
        // A site name as the metadata title: the date printed by the `<h1>` still counts.
        let menu: String = (0..12).map(|i| format!("<li>Section {i}</li>")).collect();
        let page = format!(
            "<html><head><meta property='og:title' content='Restwell'></head><body>\
             <ul><li>Restwell shop</li>{menu}</ul><h1>Ten ways to rest</h1><p>17.05.2021</p>\
             {body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published.map(|(d, _)| d),
            Some("2021-05-17".to_string())
        );
        // Today's date in the site header, above the headline, gives way to the story's.
        let page = format!(
            "<html><body><p>Friday, December 19, 2025</p><h1>Ten ways to rest</h1>\
             <p>By The Editors</p><p>12.12.2025</p>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None).published.map(|(d, _)| d),
            Some("2025-12-12".to_string())
        );
        // The permalink dates a page that states nothing else.
        let page = format!("<html><body><h1>Ten ways to rest</h1>{body}</body></html>");
        assert_eq!(
            lay_out_html(&page, Some("https://example.org/2023/10/03/rest")).published,
            Some(("2023-10-03".to_string(), "url"))
        );
    }

    #[test]
    fn page_node_dates_need_a_page_that_shows_them() {
        let body = "<p>Rest matters for health, and there are many ways to get more of it \
            every day of the week, whatever your work.</p>";
        let web_page = r#"<script type="application/ld+json">{"@type":"WebPage",
            "name":"Ten ways to rest","datePublished":"2019-08-14T13:00:00Z"}</script>"#;
        let published = |head: &str, shown: &str| {
            let page = format!(
                "<html><head>{head}</head><body><h1>Ten ways to rest</h1>{shown}{body}</body></html>"
            );
            lay_out_html(&page, None).published.map(|(d, _)| d)
        };
        // Only a `WebPage` node states it, and the page never shows it: no date.
        assert_eq!(published(web_page, ""), None);
        // Printed anywhere on the page, it stands.
        let footer = "<p>Rest is free.</p><p>First posted 14 August 2019</p>";
        assert_eq!(
            published(web_page, footer).as_deref(),
            Some("2019-08-14T13:00:00Z")
        );
        // Repeated by an OpenGraph tag, it stands.
        let og = "<meta property='article:published_time' content='2019-08-14T13:00:00Z'>";
        assert_eq!(
            published(&format!("{web_page}{og}"), "").as_deref(),
            Some("2019-08-14T13:00:00Z")
        );
        // An article node with a date makes the page a dated story, even when the page
        // node's date is the one kept.
        let article = r#"<script type="application/ld+json">{"@type":"BlogPosting",
            "headline":"Ten ways to rest","datePublished":"2019-08-13T00:00:00Z"}</script>"#;
        assert_eq!(
            published(&format!("{web_page}{article}"), "").as_deref(),
            Some("2019-08-14T13:00:00Z")
        );
    }

    #[test]
    fn dates_the_furniture_pass_hides() {
        let body = "<p>Rest matters for health, and there are many ways to get more of it \
            every day of the week, whatever your work.</p>";
        // The header (with the `<h1>` and its date) is marked as a promo box; the first
        // heading left is a list of other stories, whose dates are not this page's.
        let page = format!(
            "<html><body><div class='promo-header'><h1>Ten ways to rest</h1>\
             <p>12 November 2025</p></div>{body}<h2>More stories</h2><p>Eat well</p>\
             <h3>Soup recipes</h3><p>23 October 2025</p></body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None)
                .published
                .map(|(d, _)| d)
                .as_deref(),
            Some("2025-11-12")
        );
        // An author card marked as a share box holds the only date by the headline.
        let page = format!(
            "<html><body><h1>Ten ways to rest</h1><div class='share-card'><p>Ana Silva</p>\
             <p>2022-11-23T08:10+02:00</p></div>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None)
                .published
                .map(|(d, _)| d)
                .as_deref(),
            Some("2022-11-23T08:10:00+02:00")
        );
        // A date printed alone right after a byline far below the headline.
        let page = format!(
            "<html><body><h1>Ten ways to rest</h1>{body}{body}{body}{body}{body}{body}{body}\
             {body}{body}{body}<div><p>Written by <a href='/a'>Kim Lee</a></p>\
             <p>April 8, 2024</p></div></body></html>"
        );
        let layout = lay_out_html(&page, None);
        assert_eq!(layout.published, Some(("2024-04-08".to_string(), "byline")));
    }

    #[test]
    fn updates_told_in_prose_do_not_date_the_page() {
        assert!(tells_of_update_in_prose(
            "Editor's Note: We updated this article on February 2, 2026, to add picks."
        ));
        assert!(tells_of_update_in_prose(
            "This page was last updated Feb 26, 2026"
        ));
        assert!(!tells_of_update_in_prose("Last updated: Feb 26, 2026"));
        assert!(!tells_of_update_in_prose(
            "By Ana Silva Updated on July 9, 2025"
        ));
        let body = "<p>Rest matters for health, and there are many ways to get more of it \
            every day of the week, whatever your work.</p>";
        let page = format!(
            "<html><body><h1>Ten ways to rest</h1><p>We updated this guide on February 2, \
             2026.</p>{body}</body></html>"
        );
        assert_eq!(lay_out_html(&page, None).published, None);
        let page = format!(
            "<html><body><h1>Ten ways to rest</h1><p>Updated February 2, 2026</p>{body}</body></html>"
        );
        assert_eq!(
            lay_out_html(&page, None)
                .published
                .map(|(d, _)| d)
                .as_deref(),
            Some("2026-02-02")
        );
    }

    #[test]
    fn captions_kept_apart_from_the_body() {
        let doc = Document::from(
            "<article><p>Rescuers searched the rubble.</p><figure><img src=a.jpg>\
             <figcaption>A rescuer in Kyiv.  <span class=credit>Photo: J. Doe</span></figcaption>\
             </figure><div class='image-caption'>Smoke over the port.</div>\
             <span class=photo-credit>Getty</span><p>The search went on.</p></article>",
        );
        let walked = blocks_of(&doc);
        let texts: Vec<_> = walked.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Rescuers searched the rubble.", "The search went on."]
        );
        assert_eq!(
            walked.captions,
            ["A rescuer in Kyiv. Photo: J. Doe", "Smoke over the port."]
        );
    }

    #[test]
    fn blocks_from_markup() {
        let doc = Document::from(
            "<html><body><nav>Home | World</nav><h2>Sub</h2><p>One <b>bold</b>\n text.</p><ul><li>Item</li></ul><p>A<br>B</p><script>x()</script></body></html>",
        );
        let blocks = blocks_of(&doc).blocks;
        let texts: Vec<_> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(
            texts,
            [
                ("Sub", BlockKind::Heading(2)),
                ("One bold text.", BlockKind::Text),
                ("Item", BlockKind::Bullet),
                ("A", BlockKind::Text),
                ("B", BlockKind::Text),
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let layout = lay_out_html(&html, None);
        assert_eq!(layout.body.len(), 1);
    }
}

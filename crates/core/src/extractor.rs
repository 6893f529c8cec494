//! The public entry point: [`Extractor`] runs the stages in order on an [`Input`].

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::assemble::{Assembled, assemble};
use crate::decode::{self, Decoded};
use crate::layout::{self, Layout};
use crate::model::{
    Article, Byline, Dateline, Entity, EntityKind, Mention, PageMetadata, Quantity,
    QuantityCategory, Quote, QuoteCue, SCHEMA_VERSION, Section, SectionKind, Source, Span, Speaker,
    Time, TimeAnchor, Warning,
};
use crate::offsets::CharIndex;
use crate::{Error, calendar, entities, language, name_checks, quantities, quotes, segment, time};

/// Settings for an [`Extractor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Inputs larger than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: u64,
    /// Include token spans in the output ([`Article::tokens`]).
    pub tokens: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_bytes: 50 * 1024 * 1024,
            tokens: false,
        }
    }
}

/// How to read an input's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text as scraped from a page: layout and furniture removal apply.
    Text,
    /// An HTML page.
    Html,
    /// One body of plain text, taken as it is: the output `text` equals the decoded input
    /// and no layout or normalisation is applied (for evaluations).
    Verbatim,
}

/// One article to extract.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    /// The raw bytes, in any encoding.
    pub bytes: Vec<u8>,
    /// How to read the bytes; detected when `None`.
    pub format: Option<InputFormat>,
    /// A media type such as `text/html; charset=windows-1252` (from HTTP or the caller).
    /// Its charset is used for decoding; its type sets the format when `format` is `None`.
    pub media_type: Option<String>,
    /// URL of the page.
    pub url: Option<String>,
    /// Publication date the caller knows (ISO 8601); the reference date for later stages.
    pub published: Option<String>,
    /// File path, echoed in [`Source::path`].
    pub path: Option<String>,
    /// Caller's identifier, echoed in [`Source::id`].
    pub id: Option<String>,
    /// Outlet name, echoed in [`Source::name`].
    pub source_name: Option<String>,
}

impl Input {
    /// An input of `bytes` with everything else detected.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self {
            bytes,
            ..Self::default()
        }
    }
}

/// Runs the extraction pipeline. Build once, share freely (`Send + Sync`).
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    config: Config,
}

impl Extractor {
    /// An extractor with `config`.
    pub fn new(config: Config) -> Self {
        Self { config }
    }

    /// The configuration this extractor runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Extracts one article.
    pub fn extract(&self, input: &Input) -> Result<Article, Error> {
        let bytes = input.bytes.len() as u64;
        if bytes > self.config.max_bytes {
            return Err(Error::TooLarge {
                bytes,
                limit: self.config.max_bytes,
            });
        }
        let reference = input
            .published
            .as_deref()
            .map(|p| {
                calendar::parse_iso(p).ok_or_else(|| Error::InvalidOption {
                    field: "published",
                    problem: format!("{p:?} is not an ISO 8601 date such as 2022-03-22"),
                })
            })
            .transpose()?;
        let (declared_type, charset) = split_media_type(input.media_type.as_deref());
        let hinted = input.format.or(match declared_type.as_deref() {
            Some("text/html" | "application/xhtml+xml") => Some(InputFormat::Html),
            Some("text/plain") => Some(InputFormat::Text),
            _ => None,
        });
        let decoded = decode::decode(
            &input.bytes,
            charset.as_deref(),
            hinted != Some(InputFormat::Text) && hinted != Some(InputFormat::Verbatim),
        )?;
        let format = hinted.unwrap_or_else(|| {
            if decode::looks_like_html(&decoded.text) {
                InputFormat::Html
            } else {
                InputFormat::Text
            }
        });
        let (assembled, layout) = match format {
            InputFormat::Verbatim => {
                if decoded.text.trim().is_empty() {
                    return Err(Error::Empty);
                }
                (verbatim(&decoded.text), None)
            }
            InputFormat::Text => {
                let normalised = decode::normalize_invisible(&decoded.text);
                if normalised.trim().is_empty() {
                    return Err(Error::Empty);
                }
                let layout = layout::lay_out_text(&normalised);
                (assemble(&layout), Some(layout))
            }
            InputFormat::Html => {
                if decoded.text.trim().is_empty() {
                    return Err(Error::Empty);
                }
                let layout = layout::html::lay_out_html(&decoded.text, input.url.as_deref());
                (assemble(&layout), Some(layout))
            }
        };
        // Tokens are always needed by the entities stage; the output keeps them only on request.
        let segmentation = segment::segment(&assembled.text, &assembled.sections, true);
        // The embedded model is checked by tests; should it ever fail to load, the
        // entities stage is absent (an empty list) rather than the whole extraction failing.
        let found = entities::find(
            &assembled.text,
            &segmentation.sentences,
            &segmentation.tokens,
            landmarks(&assembled.sections, assembled.dateline.as_ref()),
        )
        .unwrap_or_default();
        let candidates = speaker_candidates(&found);
        let said = quotes::find_quotes(&quotes::QuoteInput {
            text: &assembled.text,
            sections: &assembled.sections,
            sentences: &segmentation.sentences,
            tokens: &segmentation.tokens,
            entities: &candidates,
        });
        // Relative dates resolve against the caller's date, else the one the page states.
        let reference_date = reference.map(|r| r.date).or_else(|| {
            layout
                .as_ref()
                .and_then(|l| l.published.as_ref())
                .and_then(|(p, _)| calendar::parse_iso(p))
                .map(|s| s.date)
        });
        let times = time::find_times(&assembled.text, &segmentation.sentences, reference_date);
        let figures = quantities::find_quantities(&assembled.text, &segmentation.sentences);
        let checks = quantities::figure_warnings(&assembled.text, &assembled.sections, &figures);
        Ok(self.article(
            (figures, times, checks, said),
            input,
            &decoded,
            format,
            assembled,
            layout,
            reference,
            segmentation,
            found,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn article(
        &self,
        (figures, times, checks, said): (
            Vec<quantities::QuantityMention>,
            Vec<time::TimeMention>,
            Vec<quantities::FigureWarning>,
            Vec<quotes::QuoteMention>,
        ),
        input: &Input,
        decoded: &Decoded,
        format: InputFormat,
        assembled: Assembled,
        layout: Option<Layout>,
        reference: Option<calendar::Stamp>,
        segmentation: segment::Segmentation,
        found: entities::Entities,
    ) -> Article {
        let layout = layout.unwrap_or_default();
        let media_type = match format {
            InputFormat::Text => "text/plain",
            InputFormat::Html => "text/html",
            InputFormat::Verbatim => "text/plain; verbatim",
        };
        let (published, published_from) = match (&layout.published, reference) {
            (Some((date, from)), _) => (Some(date.clone()), Some((*from).to_string())),
            (None, Some(stamp)) => (Some(stamp.to_string()), Some("input".to_string())),
            (None, None) => (None, None),
        };
        let mut authors = layout
            .byline
            .as_ref()
            .map(|b| b.authors.clone())
            .unwrap_or_default();
        if authors.is_empty() {
            authors = layout.meta_authors.clone();
        }
        let language_sample = if assembled.body.is_empty() {
            assembled.text.as_str()
        } else {
            assembled.body.as_str()
        };
        let language = language::detect(language_sample);
        // The figures and dates grammars read English; on other languages they would
        // misread words, so they report nothing.
        let english = language.as_deref().is_none_or(|l| l == "en");
        let (figures, times, checks, said) = if english {
            (figures, times, checks, said)
        } else {
            (Vec::new(), Vec::new(), Vec::new(), Vec::new())
        };
        let index = CharIndex::new(&assembled.text);
        let times = times
            .into_iter()
            .map(|t| time_model(&assembled.text, &index, t))
            .collect();
        let entities = entity_models(found);
        let bytes = CharToByte::new(&assembled.text, &said);
        let quotes: Vec<Quote> = said
            .iter()
            .map(|q| quote_model(&assembled.text, &bytes, &entities, q))
            .collect();
        let holders = QuoteHolders::new(&said);
        let places = Places::new(&assembled.sections, &segmentation.sentences, &entities);
        let quantities = figures
            .iter()
            .map(|q| {
                let mut m = quantity_model(&assembled.text, &index, q);
                m.source = holders.source(&said, &entities, m.start);
                // A place belongs to counts of people and things and to distances, not to
                // ordinals, sums or rates.
                if matches!(
                    m.category,
                    QuantityCategory::Casualties
                        | QuantityCategory::Displacement
                        | QuantityCategory::Damage
                        | QuantityCategory::Arrests
                        | QuantityCategory::Distance
                ) {
                    m.place = places.place(&m);
                }
                m
            })
            .collect();
        let mut warnings: Vec<Warning> = checks
            .into_iter()
            .map(|w| Warning {
                kind: w.kind,
                message: w.message,
                spans: [w.lead, w.body]
                    .iter()
                    .map(|&(s, e)| Span {
                        start: index.to_char(s),
                        end: index.to_char(e),
                    })
                    .collect(),
            })
            .collect();
        warnings.extend(name_checks::name_variant_warnings(&entities));
        let page = page_metadata(&layout, published_from.as_deref());
        Article {
            schema_version: SCHEMA_VERSION.to_string(),
            source: Source {
                id: input.id.clone(),
                path: input.path.clone(),
                name: input.source_name.clone(),
                url: input.url.clone(),
                media_type: media_type.to_string(),
                encoding: decoded.encoding.to_string(),
                encoding_from: decoded.encoding_from.to_string(),
                sha256: sha256_hex(&input.bytes),
                bytes: input.bytes.len() as u64,
            },
            language,
            headline: layout.headline,
            highlights: layout.highlights,
            standfirst: layout.standfirst,
            authors,
            byline: layout.byline.map(|b| Byline {
                text: b.text,
                agencies: b.agencies,
                roles: b.roles,
            }),
            page,
            published,
            published_from,
            dateline: assembled.dateline,
            body: assembled.body,
            text: assembled.text,
            sections: assembled.sections,
            removed: layout.removed,
            sentences: segmentation.sentences,
            tokens: self.config.tokens.then_some(segmentation.tokens),
            entities,
            quotes,
            quantities,
            times,
            warnings,
        }
    }
}

/// The page's statements about itself, each value with where it came from.
fn page_metadata(layout: &Layout, published_from: Option<&str>) -> PageMetadata {
    let page = &layout.page;
    let mut from = BTreeMap::new();
    let mut take = |field: &str, value: &Option<(String, &'static str)>| {
        value.as_ref().map(|(v, source)| {
            from.insert(field.to_string(), (*source).to_string());
            v.clone()
        })
    };
    let modified = take("modified", &page.modified);
    let description = take("description", &layout.description);
    let site_name = take("site_name", &page.site_name);
    let canonical_url = take("canonical_url", &page.canonical_url);
    let section = take("section", &page.section);
    let image = take("image", &page.image);
    let declared_language = take("declared_language", &page.language);
    let tags = match &page.tags {
        Some((tags, source)) => {
            from.insert("tags".into(), (*source).to_string());
            tags.clone()
        }
        None => Vec::new(),
    };
    let page_type = page.page_type.map(|(kind, source)| {
        from.insert("page_type".into(), source.to_string());
        kind.as_str().to_string()
    });
    if layout.headline.is_some()
        && let Some(source) = layout.headline_from
    {
        from.insert("headline".into(), source.to_string());
    }
    let has_authors = layout
        .byline
        .as_ref()
        .is_some_and(|b| !b.authors.is_empty())
        || !layout.meta_authors.is_empty();
    if has_authors && let Some(source) = layout.authors_from {
        from.insert("authors".into(), source.to_string());
    }
    if let Some(source) = published_from {
        from.insert("published".into(), source.to_string());
    }
    PageMetadata {
        modified,
        description,
        site_name,
        canonical_url,
        section,
        tags,
        image,
        declared_language,
        page_type,
        captions: layout.captions.clone(),
        metadata_from: from,
    }
}

/// A quantities stage mention as the model's [`Quantity`], spans in code points.
fn quantity_model(text: &str, index: &CharIndex, q: &quantities::QuantityMention) -> Quantity {
    Quantity {
        text: text[q.start..q.end].to_string(),
        start: index.to_char(q.start),
        end: index.to_char(q.end),
        value: q.value,
        value_max: q.value_max,
        bound: q.bound,
        change: q.change,
        unit: q.unit.map(str::to_string),
        object: q.object_text(text).map(str::to_string),
        category: q.category,
        event: q.event.map(|(s, e)| text[s..e].to_string()),
        place: None,
        source: None,
        cumulative: q.cumulative,
        ordinal: q.ordinal,
    }
}

/// Where a text's sections put its headline and dateline, as the entities stage takes them
/// (from an assembled text or an extracted article); public so that benchmarks can time
/// stages one by one.
pub fn landmarks(sections: &[Section], dateline: Option<&Dateline>) -> entities::Landmarks {
    entities::Landmarks {
        headline: sections
            .iter()
            .find(|s| s.kind == SectionKind::Headline)
            .map(|s| Span {
                start: s.start,
                end: s.end,
            }),
        dateline: dateline.map(|d| Span {
            start: d.start,
            end: d.end,
        }),
    }
}

/// The entities as the quotes stage sees them (index `i` is entity id `e{i+1}`): the one
/// conversion between the two stages, public so that benchmarks can time stages one by one.
pub fn speaker_candidates(found: &entities::Entities) -> Vec<quotes::SpeakerCandidate> {
    found
        .entities
        .iter()
        .map(|e| quotes::SpeakerCandidate {
            kind: match e.kind {
                entities::tags::Kind::Per => EntityKind::Person,
                entities::tags::Kind::Org => EntityKind::Organisation,
                entities::tags::Kind::Loc => EntityKind::Location,
                entities::tags::Kind::Misc => EntityKind::Misc,
            },
            name: e.name.clone(),
            role: e.role.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|m| Span {
                    start: m.start,
                    end: m.end,
                })
                .collect(),
        })
        .collect()
}

/// A quotes stage quote as the model's [`Quote`] (its spans are already code points).
fn quote_model(
    text: &str,
    bytes: &CharToByte,
    entities: &[Entity],
    q: &quotes::QuoteMention,
) -> Quote {
    let slice = |s: usize, e: usize| -> String {
        text.get(bytes.get(s)..bytes.get(e))
            .unwrap_or_default()
            .to_string()
    };
    let extent = q.extent();
    Quote {
        kind: q.kind,
        text: q
            .spans
            .iter()
            .map(|s| slice(s.start, s.end))
            .collect::<Vec<_>>()
            .join(" "),
        start: extent.start,
        end: extent.end,
        spans: if q.spans.len() > 1 {
            q.spans.clone()
        } else {
            Vec::new()
        },
        cue: q.cue.map(|c| QuoteCue {
            text: slice(c.start, c.end),
            start: c.start,
            end: c.end,
        }),
        speaker: q.speaker.map(|s| {
            let entity = s.entity.and_then(|i| entities.get(i));
            Speaker {
                text: slice(s.span.start, s.span.end),
                start: s.span.start,
                end: s.span.end,
                entity: entity.map(|e| e.id.clone()),
                name: entity.map(|e| e.name.clone()),
                resolved_by: s.resolved_by,
            }
        }),
    }
}

/// Byte offsets of the code-point offsets a set of quotes uses, found in one pass.
struct CharToByte {
    /// (code point, byte), sorted by code point.
    pairs: Vec<(usize, usize)>,
}

impl CharToByte {
    fn new(text: &str, said: &[quotes::QuoteMention]) -> Self {
        let mut wanted: Vec<usize> = Vec::with_capacity(said.len() * 6);
        for q in said {
            for s in &q.spans {
                wanted.extend([s.start, s.end]);
            }
            if let Some(c) = q.cue {
                wanted.extend([c.start, c.end]);
            }
            if let Some(sp) = q.speaker {
                wanted.extend([sp.span.start, sp.span.end]);
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        let mut pairs = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().copied().peekable();
        for (c, (b, _)) in text.char_indices().enumerate() {
            if next.peek().is_none() {
                break;
            }
            while let Some(w) = next.next_if(|&w| w <= c) {
                pairs.push((w, b));
            }
        }
        pairs.extend(next.map(|w| (w, text.len())));
        Self { pairs }
    }

    /// The byte offset of code point `c` (one of those asked for; else the text's end).
    fn get(&self, c: usize) -> usize {
        match self.pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => self.pairs.last().map_or(0, |p| p.1),
        }
    }
}

/// Quote content spans by position, to find the quotes holding a figure.
struct QuoteHolders {
    /// (start, end, quote index), sorted by start.
    spans: Vec<(usize, usize, usize)>,
}

impl QuoteHolders {
    fn new(said: &[quotes::QuoteMention]) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = said
            .iter()
            .enumerate()
            .flat_map(|(i, q)| q.spans.iter().map(move |s| (s.start, s.end, i)))
            .collect();
        spans.sort_unstable();
        Self { spans }
    }

    /// The speaker entity of the innermost quote whose content holds the figure at `start`.
    fn source(
        &self,
        said: &[quotes::QuoteMention],
        entities: &[Entity],
        start: usize,
    ) -> Option<String> {
        let i = self.spans.partition_point(|s| s.0 <= start);
        // Quotes nest a few deep at most; the innermost starts last.
        self.spans[..i]
            .iter()
            .rev()
            .take(8)
            .filter(|s| start < s.1)
            .min_by_key(|s| s.1 - s.0)
            .and_then(|s| said[s.2].speaker)
            .and_then(|s| s.entity)
            .and_then(|i| entities.get(i))
            .map(|e| e.id.clone())
    }
}

/// Location mentions by position, to tie figures to places.
struct Places<'a> {
    sections: &'a [Section],
    sentences: &'a [Span],
    /// (mention start, mention end, entity id), sorted by start.
    locations: Vec<(usize, usize, &'a str)>,
}

impl<'a> Places<'a> {
    fn new(sections: &'a [Section], sentences: &'a [Span], entities: &'a [Entity]) -> Self {
        let mut locations: Vec<(usize, usize, &str)> = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Location)
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.start, m.end, e.id.as_str()))
            })
            .collect();
        locations.sort_unstable();
        Self {
            sections,
            sentences,
            locations,
        }
    }

    /// Location mentions inside `span`.
    fn within(&self, span: Span) -> &[(usize, usize, &'a str)] {
        let a = self.locations.partition_point(|l| l.0 < span.start);
        let b = self.locations.partition_point(|l| l.0 < span.end);
        let found = &self.locations[a..b.max(a)];
        let keep = found.iter().take_while(|l| l.1 <= span.end).count();
        &found[..keep]
    }

    /// The place a figure is tied to: a location named in its sentence (the nearest); when
    /// the sentence names none, the first location of the closest earlier sentence of the
    /// same paragraph that names one, at most three sentences back (the paragraph's topic:
    /// "Port city Mariupol … So far at least 2,300 have died.").
    fn place(&self, q: &Quantity) -> Option<String> {
        let si = self
            .sentences
            .partition_point(|s| s.start <= q.start)
            .checked_sub(1)?;
        let sentence = self.sentences[si];
        let here = self.within(sentence);
        if !here.is_empty() {
            return here
                .iter()
                .min_by_key(|l| l.0.abs_diff(q.end))
                .map(|l| l.2.to_string());
        }
        let pi = self
            .sections
            .partition_point(|s| s.start <= q.start)
            .checked_sub(1)?;
        let paragraph = self.sections[pi];
        self.sentences[..si]
            .iter()
            .rev()
            .take(3)
            .take_while(|s| s.start >= paragraph.start)
            .find_map(|s| self.within(*s).first().map(|l| l.2.to_string()))
    }
}

/// A time stage mention as the model's [`Time`], spans in code points.
fn time_model(text: &str, index: &CharIndex, t: time::TimeMention) -> Time {
    Time {
        text: text[t.start..t.end].to_string(),
        start: index.to_char(t.start),
        end: index.to_char(t.end),
        kind: t.kind,
        value: t.value,
        modifier: t.modifier,
        anchor: t.anchor.map(|a| TimeAnchor {
            text: a.span.map(|(s, e)| text[s..e].to_string()),
            start: a.span.map(|(s, _)| index.to_char(s)),
            end: a.span.map(|(_, e)| index.to_char(e)),
            value: a.value,
        }),
    }
}

/// The entities stage's output in the model's shape, with ids in salience order.
fn entity_models(found: entities::Entities) -> Vec<Entity> {
    found
        .entities
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: format!("e{}", i + 1),
            kind: match e.kind {
                entities::tags::Kind::Per => EntityKind::Person,
                entities::tags::Kind::Org => EntityKind::Organisation,
                entities::tags::Kind::Loc => EntityKind::Location,
                entities::tags::Kind::Misc => EntityKind::Misc,
            },
            name: e.name,
            aliases: e.aliases,
            role: e.role,
            place: e.place,
            mentions: e
                .mentions
                .into_iter()
                .map(|m| Mention {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                })
                .collect(),
            salience: e.salience,
        })
        .collect()
}

/// Verbatim input: the text as it is, one paragraph section per blank-line-separated block.
fn verbatim(text: &str) -> Assembled {
    let mut sections = Vec::new();
    let mut chars = 0usize;
    let mut block_start: Option<usize> = None;
    let mut block_end = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let len = line.chars().count();
        if content.trim().is_empty() {
            if let Some(start) = block_start.take() {
                sections.push(paragraph(start, block_end));
            }
        } else {
            let lead = content.chars().take_while(|c| c.is_whitespace()).count();
            let visible = content.trim_end().chars().count();
            block_start.get_or_insert(chars + lead);
            block_end = chars + visible;
        }
        chars += len;
    }
    if let Some(start) = block_start {
        sections.push(paragraph(start, block_end));
    }
    Assembled {
        text: text.to_string(),
        sections,
        body: text.to_string(),
        dateline: None,
    }
}

fn paragraph(start: usize, end: usize) -> Section {
    Section {
        kind: SectionKind::Paragraph,
        start,
        end,
    }
}

/// Splits `text/html; charset=x` into the lower-cased type and the charset label.
fn split_media_type(media_type: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(mt) = media_type else {
        return (None, None);
    };
    let mut parts = mt.split(';');
    let kind = parts
        .next()
        .map(|k| k.trim().to_ascii_lowercase())
        .filter(|k| !k.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (kind, charset)
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn verbatim_text_is_untouched() {
        let text = "Line one.\r\n\r\n  Second\u{a0}para.  \n";
        let input = Input {
            format: Some(InputFormat::Verbatim),
            ..Input::new(text.as_bytes().to_vec())
        };
        let a = Extractor::default().extract(&input).unwrap();
        assert_eq!(a.text, text);
        let slices: Vec<String> = a
            .sections
            .iter()
            .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
            .collect();
        assert_eq!(slices, ["Line one.", "Second\u{a0}para."]);
    }

    #[test]
    fn errors_name_the_problem() {
        let e = Extractor::default();
        assert_eq!(e.extract(&Input::new(Vec::new())), Err(Error::Empty));
        assert_eq!(
            e.extract(&Input::new(" \n\u{a0}".as_bytes().to_vec())),
            Err(Error::Empty)
        );
        let small = Extractor::new(Config {
            max_bytes: 4,
            ..Config::default()
        });
        assert!(matches!(
            small.extract(&Input::new(b"hello".to_vec())),
            Err(Error::TooLarge { bytes: 5, limit: 4 })
        ));
        let bad_date = Input {
            published: Some("yesterday".into()),
            ..Input::new(b"Some text here.".to_vec())
        };
        assert!(matches!(
            e.extract(&bad_date),
            Err(Error::InvalidOption {
                field: "published",
                ..
            })
        ));
    }

    #[test]
    fn media_type_charset() {
        assert_eq!(
            split_media_type(Some("text/HTML; charset=\"windows-1252\"")),
            (Some("text/html".into()), Some("windows-1252".into()))
        );
    }
}

//! Human-readable views of an article: the terminal summary and Markdown.

use std::fmt::Write;

use gleaner_core::{Article, SectionKind};

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn label(&self, s: &str) -> String {
        self.paint("36", &format!("{s:<11}"))
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// The one-off-analysis view: headline, dateline, byline, date, highlights, body size, and
/// what was removed, aligned; coloured when `colour` is set.
pub fn summary(a: &Article, colour: bool) -> String {
    let st = Style { on: colour };
    let mut out = String::new();
    let headline = a.headline.as_deref().unwrap_or("(no headline)");
    let _ = writeln!(out, "{}", st.bold(headline));
    let _ = writeln!(
        out,
        "{}",
        st.dim(&"─".repeat(headline.chars().count().clamp(20, 78)))
    );
    let source = a
        .source
        .path
        .as_deref()
        .or(a.source.url.as_deref())
        .unwrap_or("<stdin>");
    let _ = writeln!(
        out,
        "{} {} {}",
        st.label("Source"),
        source,
        st.dim(&format!(
            "({}, {}, {} bytes)",
            a.source.media_type, a.source.encoding, a.source.bytes
        ))
    );
    if let Some(s) = &a.standfirst {
        let _ = writeln!(out, "{} {s}", st.label("Standfirst"));
    }
    let line = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "{} {value}", st.label(label));
    };
    line(
        &mut out,
        "Language",
        a.language.clone().unwrap_or_else(|| "—".into()),
    );
    line(
        &mut out,
        "Published",
        match (&a.published, &a.published_from) {
            (Some(p), Some(from)) => format!("{p} {}", st.dim(&format!("(from {from})"))),
            (Some(p), None) => p.clone(),
            _ => "—".into(),
        },
    );
    if let Some(m) = &a.page.modified {
        line(&mut out, "Modified", m.clone());
    }
    let mut page: Vec<String> = Vec::new();
    if let Some(kind) = &a.page.page_type {
        page.push(kind.clone());
    }
    page.extend(a.page.site_name.clone());
    page.extend(a.page.section.clone());
    if !page.is_empty() {
        line(&mut out, "Page", page.join(" · "));
    }
    if !a.page.captions.is_empty() {
        line(&mut out, "Captions", a.page.captions.len().to_string());
    }
    line(
        &mut out,
        "Dateline",
        a.dateline.as_ref().map_or("—".into(), |d| {
            let mut s = d.place.clone();
            if let Some(r) = &d.region {
                s.push_str(", ");
                s.push_str(r);
            }
            if let Some(ag) = &d.agency {
                s.push_str(&format!(" ({ag})"));
            }
            s
        }),
    );
    let mut byline = if a.authors.is_empty() {
        "—".to_string()
    } else {
        a.authors.join(", ")
    };
    if let Some(b) = &a.byline {
        let extra: Vec<&str> = b
            .agencies
            .iter()
            .chain(&b.roles)
            .map(String::as_str)
            .collect();
        if !extra.is_empty() {
            byline.push_str(&st.dim(&format!(" ({})", extra.join(", "))));
        }
    }
    line(&mut out, "Authors", byline);
    line(&mut out, "Highlights", a.highlights.len().to_string());
    for h in &a.highlights {
        let _ = writeln!(out, "{:11} • {h}", "");
    }
    let paragraphs = a
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Paragraph)
        .count();
    let words = a.body.split_whitespace().count();
    line(
        &mut out,
        "Body",
        format!(
            "{paragraphs} paragraphs, {} sentences, {words} words",
            a.sentences.len()
        ),
    );
    if let Some(first) = a.body.split("\n\n").next().filter(|p| !p.is_empty()) {
        let preview: String = first.chars().take(160).collect();
        let ellipsis = if first.chars().count() > 160 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(out, "{:11} {}", "", st.dim(&format!("{preview}{ellipsis}")));
    }
    line(&mut out, "Entities", a.entities.len().to_string());
    for e in &a.entities {
        let name: String = e.name.chars().take(40).collect();
        let mut notes: Vec<String> = Vec::new();
        if let Some(role) = &e.role {
            notes.push(role.clone());
        }
        if let Some(place) = &e.place {
            notes.push(format!("→ {place}"));
        }
        let others: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|x| *x != e.name)
            .collect();
        if !others.is_empty() {
            notes.push(format!("also {}", others.join(", ")));
        }
        let _ = writeln!(
            out,
            "{:11} {:<4} {name:<40} ×{:<3} {:.2}  {}",
            "",
            e.kind.label(),
            e.mentions.len(),
            e.salience,
            st.dim(&notes.join("; "))
        );
    }
    who_said_what(&mut out, a, &st);
    figures_and_dates(&mut out, a, &st);
    line(&mut out, "Removed", a.removed.len().to_string());
    for r in &a.removed {
        let reason = serde_json::to_value(r.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let text: String = r.text.chars().take(60).collect();
        let _ = writeln!(out, "{:11} {} {text}", "", st.dim(&format!("{reason:<17}")));
    }
    out
}

/// "Who said what": each quote's speaker (entity name, else the phrase), cue and content.
fn who_said_what(out: &mut String, a: &Article, st: &Style) {
    let _ = writeln!(out, "{} {}", st.label("Quotes"), a.quotes.len());
    for q in &a.quotes {
        let who = q.speaker.as_ref().map_or_else(
            || "?".to_string(),
            |s| {
                let name = s.name.clone().unwrap_or_else(|| s.text.clone());
                match s.resolved_by {
                    Some(how) if name != s.text => format!(
                        "{name} ({} {:?})",
                        serde_json::to_value(how)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        s.text
                    ),
                    _ => name,
                }
            },
        );
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
        let mut text: String = q.text.chars().take(70).collect();
        if q.text.chars().count() > 70 {
            text.push('…');
        }
        let _ = writeln!(
            out,
            "{:11} {who}: {}",
            "",
            st.dim(&format!("[{kind}, {cue:?}] {text}"))
        );
    }
}

/// The figures, dates and consistency warnings of the summary view.
fn figures_and_dates(out: &mut String, a: &Article, st: &Style) {
    let label = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let _ = writeln!(out, "{} {}", st.label("Figures"), a.quantities.len());
    for q in &a.quantities {
        let mut value = format_number(q.value);
        if let Some(max) = q.value_max {
            value = format!("{value}–{}", format_number(max));
        }
        if let Some(u) = &q.unit {
            value = format!("{value} {u}");
        }
        let mut notes: Vec<String> = vec![value];
        if let Some(o) = &q.object {
            notes.push(o.clone());
        }
        let category = label(serde_json::to_value(q.category));
        notes.push(match &q.event {
            Some(e) => format!("{category} ({e})"),
            None => category,
        });
        let bound = label(serde_json::to_value(q.bound));
        if bound != "exact" {
            notes.push(bound);
        }
        if let Some(c) = q.change {
            notes.push(format!("change {}", label(serde_json::to_value(c))));
        }
        if q.cumulative {
            notes.push("running total".into());
        }
        let name_of = |id: &str| {
            a.entities
                .iter()
                .find(|e| e.id == id)
                .map_or(id.to_string(), |e| e.name.clone())
        };
        if let Some(p) = &q.place {
            notes.push(format!("in {}", name_of(p)));
        }
        if let Some(s) = &q.source {
            notes.push(format!("per {}", name_of(s)));
        }
        let text: String = q.text.chars().take(28).collect();
        let _ = writeln!(out, "{:11} {text:<28} {}", "", st.dim(&notes.join(" · ")));
    }
    let _ = writeln!(out, "{} {}", st.label("Dates"), a.times.len());
    for t in &a.times {
        let mut notes = vec![label(serde_json::to_value(t.kind)), t.value.clone()];
        if let Some(m) = t.modifier {
            notes.push(label(serde_json::to_value(m)));
        }
        if let Some(anchor) = &t.anchor {
            let from = anchor.value.as_deref().unwrap_or("?");
            match &anchor.text {
                Some(text) => notes.push(format!("day 1 of {text}: {from}")),
                None => notes.push(format!("day 1: {from}")),
            }
        }
        let text: String = t.text.chars().take(28).collect();
        let _ = writeln!(out, "{:11} {text:<28} {}", "", st.dim(&notes.join(" ")));
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(out, "{} {}", st.label("Warnings"), a.warnings.len());
        for w in &a.warnings {
            let _ = writeln!(out, "{:11} ! {}", "", w.message);
        }
    }
}

/// A figure's value without a trailing ".0" and with thousands separators.
fn format_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The article as Markdown: headline, metadata line, highlights, body.
pub fn markdown(a: &Article) -> String {
    let mut out = String::new();
    if let Some(h) = &a.headline {
        let _ = writeln!(out, "# {h}\n");
    }
    if let Some(s) = &a.standfirst {
        let _ = writeln!(out, "_{s}_\n");
    }
    let mut meta = Vec::new();
    if !a.authors.is_empty() {
        meta.push(format!("By {}", a.authors.join(", ")));
    }
    if let Some(d) = &a.dateline {
        meta.push(d.place.clone());
    }
    if let Some(p) = &a.published {
        meta.push(p.clone());
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    if !a.highlights.is_empty() {
        for h in &a.highlights {
            let _ = writeln!(out, "- {h}");
        }
        out.push('\n');
    }
    let chars: Vec<char> = a.text.chars().collect();
    for s in a.sections.iter().filter(|s| s.kind.is_body()) {
        let text: String = chars[s.start.min(chars.len())..s.end.min(chars.len())]
            .iter()
            .collect();
        let _ = match s.kind {
            SectionKind::Subheading => writeln!(out, "## {text}\n"),
            SectionKind::ListItem => writeln!(out, "- {text}\n"),
            SectionKind::Blockquote => writeln!(out, "> {text}\n"),
            _ => writeln!(out, "{text}\n"),
        };
    }
    out
}

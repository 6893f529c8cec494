//! The tag set: BILOU tags over the four CoNLL types, and chunks decoded from tag sequences.

/// Entity types the tagger knows, in tag order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Places.
    Loc,
    /// Other names: nationalities, events, works, products.
    Misc,
}

impl Kind {
    /// All kinds, in tag order.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    /// The CoNLL label (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    /// The kind of a CoNLL label.
    pub fn from_label(label: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.label() == label)
    }

    fn index(self) -> u8 {
        self as u8
    }
}

/// Position of a token in its chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First of several.
    Begin,
    /// Inside, neither first nor last.
    Inside,
    /// Last of several.
    Last,
    /// A chunk of one token.
    Unit,
}

/// Number of tags: O plus B, I, L, U for each kind.
pub const TAG_COUNT: usize = 17;

/// The outside tag.
pub const OUTSIDE: u8 = 0;

/// The tag for `part` of a `kind` chunk.
pub fn tag(kind: Kind, part: Part) -> u8 {
    1 + 4 * kind.index() + part as u8
}

/// Kind and part of a tag; `None` for O (or an out-of-range value).
pub fn split(tag: u8) -> Option<(Kind, Part)> {
    if tag == OUTSIDE || usize::from(tag) >= TAG_COUNT {
        return None;
    }
    let k = Kind::ALL[usize::from((tag - 1) / 4)];
    let p = match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((k, p))
}

/// Printable name of a tag (`O`, `B-PER`, …).
pub fn name(tag: u8) -> String {
    match split(tag) {
        None => "O".to_string(),
        Some((k, p)) => {
            let p = match p {
                Part::Begin => "B",
                Part::Inside => "I",
                Part::Last => "L",
                Part::Unit => "U",
            };
            format!("{p}-{}", k.label())
        }
    }
}

/// Whether `next` may follow `prev` (`None` at a sentence start) in a well-formed sequence.
#[inline]
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    let open = prev.and_then(split).and_then(|(k, p)| match p {
        Part::Begin | Part::Inside => Some(k),
        _ => None,
    });
    match (open, split(next)) {
        (Some(k), Some((nk, Part::Inside | Part::Last))) => k == nk,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    }
}

/// A chunk: tokens `[start, end)` of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The chunk's kind.
    pub kind: Kind,
}

/// Chunks of a tag sequence; lenient about ill-formed sequences (an unfinished chunk ends
/// where its kind changes or an O comes).
pub fn chunks(tags: &[u8]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let cur = split(t);
        if let Some((start, kind)) = open {
            let continues = matches!(cur, Some((k, Part::Inside | Part::Last)) if k == kind);
            if !continues {
                out.push(Chunk {
                    start,
                    end: i,
                    kind,
                });
                open = None;
            }
        }
        match cur {
            None => {}
            Some((k, p)) => {
                if open.is_none() {
                    open = Some((i, k));
                }
                if matches!(p, Part::Last | Part::Unit)
                    && let Some((start, kind)) = open.take()
                {
                    out.push(Chunk {
                        start,
                        end: i + 1,
                        kind,
                    });
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        out.push(Chunk {
            start,
            end: tags.len(),
            kind,
        });
    }
    out
}

/// BILOU tags for chunks over `len` tokens.
pub fn from_chunks(len: usize, chunks: &[Chunk]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; len];
    for c in chunks {
        if c.end <= c.start || c.end > len {
            continue;
        }
        if c.end - c.start == 1 {
            tags[c.start] = tag(c.kind, Part::Unit);
        } else {
            tags[c.start] = tag(c.kind, Part::Begin);
            for t in &mut tags[c.start + 1..c.end - 1] {
                *t = tag(c.kind, Part::Inside);
            }
            tags[c.end - 1] = tag(c.kind, Part::Last);
        }
    }
    tags
}

/// Chunks of IOB1/IOB2 labels (`I-PER`, `B-LOC`, `O`), as conlleval reads them.
pub fn chunks_from_iob(labels: &[&str]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, label) in labels.iter().enumerate() {
        let (prefix, kind) = match label.split_once('-') {
            Some((p, k)) => (p, Kind::from_label(k)),
            None => ("O", None),
        };
        let starts = match (open, kind) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some((_, ok)), Some(k)) => prefix == "B" || prefix == "U" || k != ok,
        };
        if (kind.is_none() || starts)
            && let Some((s, k)) = open.take()
        {
            out.push(Chunk {
                start: s,
                end: i,
                kind: k,
            });
        }
        if starts {
            open = kind.map(|k| (i, k));
        }
        if matches!(prefix, "L" | "E" | "U" | "S")
            && let Some((s, k)) = open.take()
        {
            out.push(Chunk {
                start: s,
                end: i + 1,
                kind: k,
            });
        }
    }
    if let Some((s, k)) = open {
        out.push(Chunk {
            start: s,
            end: labels.len(),
            kind: k,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for t in 0..TAG_COUNT as u8 {
            match split(t) {
                None => assert_eq!(t, OUTSIDE),
                Some((k, p)) => assert_eq!(tag(k, p), t),
            }
        }
        assert_eq!(name(tag(Kind::Loc, Part::Unit)), "U-LOC");
    }

    #[test]
    fn iob1_chunks() {
        let labels = ["I-ORG", "O", "I-PER", "I-PER", "B-PER", "I-LOC", "O"];
        let c = chunks_from_iob(&labels);
        assert_eq!(
            c,
            [
                Chunk {
                    start: 0,
                    end: 1,
                    kind: Kind::Org
                },
                Chunk {
                    start: 2,
                    end: 4,
                    kind: Kind::Per
                },
                Chunk {
                    start: 4,
                    end: 5,
                    kind: Kind::Per
                },
                Chunk {
                    start: 5,
                    end: 6,
                    kind: Kind::Loc
                },
            ]
        );
        let tags = from_chunks(labels.len(), &c);
        assert_eq!(chunks(&tags), c);
    }

    #[test]
    fn transitions() {
        let b = tag(Kind::Per, Part::Begin);
        assert!(allowed(None, b));
        assert!(!allowed(None, tag(Kind::Per, Part::Last)));
        assert!(allowed(Some(b), tag(Kind::Per, Part::Last)));
        assert!(!allowed(Some(b), tag(Kind::Org, Part::Last)));
        assert!(!allowed(Some(b), OUTSIDE));
        assert!(allowed(Some(tag(Kind::Per, Part::Unit)), OUTSIDE));
    }
}

//! The metrics of `../shared/eval/quotes_eval.py`, ported: content word sets (`\w+`,
//! lower-cased, a leading "that" dropped), greedy one-to-one pairing by descending word
//! Jaccard, content P/R/F1 at loose (≥ 0.3) and strict (≥ 0.8) levels, source and cue
//! accuracy on the pairs, content+source F1, and the speech-verb subset.

use std::collections::{BTreeMap, BTreeSet};

/// Loose pairing threshold.
pub const LOOSE: f64 = 0.3;
/// Strict pairing threshold.
pub const STRICT: f64 = 0.8;

/// Cue words of the speech-verb subset (`SPEECH_CUES` of the reference scorer).
const SPEECH_CUES: &str = "say says said saying tell tells told telling add adds added adding \
state states stated stating claim claims claimed claiming report reports reported reporting \
according announce announces announced announcing write writes wrote written writing ask asks \
asked asking warn warns warned warning note notes noted noting explain explains explained \
explaining insist insists insisted insisting argue argues argued arguing declare declares \
declared declaring acknowledge acknowledges acknowledged acknowledging admit admits admitted \
admitting confirm confirms confirmed confirming deny denies denied denying suggest suggests \
suggested suggesting urge urges urged urging reply replies replied replying respond responds \
responded responding comment comments commented commenting remark remarks remarked remarking \
recall recalls recalled recalling describe describes described describing predict predicts \
predicted predicting estimate estimates estimated contend contends contended maintain \
maintains maintained testify testifies testified tweet tweets tweeted tweeting post posts \
posted quote quotes quoted stress stresses stressed emphasize emphasizes emphasized emphasise \
emphasises emphasised point points pointed indicate indicates indicated concede concedes \
conceded agree agrees agreed disclose discloses disclosed reveal reveals revealed allege \
alleges alleged complain complains complained promise promises promised vow vows vowed pledge \
pledges pledged boast boasts boasted joke jokes joked shout shouts shouted mention mentions \
mentioned reiterate reiterates reiterated assert asserts asserted counter counters countered \
retort retorts retorted caution cautions cautioned observe observes observed conclude \
concludes concluded continue continues continued add tells";

/// `[start, end)` code-point spans.
pub type Spans = Vec<(usize, usize)>;

/// One gold attribution or prediction, ready to score.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Content spans.
    pub content: Spans,
    /// Source (gold) or speaker (prediction) spans.
    pub source: Spans,
    /// Cue spans.
    pub cue: Spans,
    /// Content words.
    pub words: BTreeSet<String>,
    /// Gold: the cue holds a speech verb.
    pub speech: bool,
}

/// `\w+` tokens of `text`, lower-cased, with a leading "that" dropped.
pub fn words(text: &str) -> BTreeSet<String> {
    let lower = text.to_lowercase();
    let mut toks: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            toks.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        toks.push(cur);
    }
    if toks.first().is_some_and(|t| t == "that") {
        toks.remove(0);
    }
    toks.into_iter().collect()
}

/// Words of the union of `spans` in `chars`.
pub fn words_of(chars: &[char], spans: &Spans) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for &(a, b) in spans {
        let s: String = chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect();
        out.extend(words(&s));
    }
    out
}

/// Does any cue span hold a speech verb?
pub fn is_speech(chars: &[char], cue: &Spans) -> bool {
    let list: BTreeSet<&str> = SPEECH_CUES.split_whitespace().collect();
    cue.iter().any(|&(a, b)| {
        let s: String = chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect();
        tokens(&s.to_lowercase())
            .iter()
            .any(|w| list.contains(w.as_str()))
    })
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn overlaps(xs: &Spans, ys: &Spans) -> bool {
    xs.iter()
        .any(|&(a, b)| ys.iter().any(|&(c, d)| a.max(c) < b.min(d)))
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Greedy one-to-one pairing by descending Jaccard: (gold, pred, jaccard).
pub fn pair(gold: &[Item], pred: &[Item]) -> Vec<(usize, usize, f64)> {
    let mut cand = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (k, p) in pred.iter().enumerate() {
            let j = jaccard(&g.words, &p.words);
            if j > 0.0 {
                cand.push((j, i, k));
            }
        }
    }
    // Python sorts (-j, i, k) ascending.
    cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut ug, mut up, mut out) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    for (j, i, k) in cand {
        if ug.contains(&i) || up.contains(&k) {
            continue;
        }
        ug.insert(i);
        up.insert(k);
        out.push((i, k, j));
    }
    out
}

/// Counts of one scoring run.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Gold attributions counted.
    pub gold: usize,
    /// Predictions counted.
    pub pred: usize,
    /// True positives at loose and strict levels.
    pub tp: [usize; 2],
    /// Source right / source gold, per level.
    pub src: [(usize, usize); 2],
    /// Cue right / cue gold, per level.
    pub cue: [(usize, usize); 2],
    /// Content+source true positives.
    pub cs_tp: usize,
}

/// A scored pair: gold index, prediction index, Jaccard.
pub type Pair = (usize, usize, f64);

impl Tally {
    /// Scores one document; returns the kept pairs.
    pub fn add(&mut self, gold: &[Item], pred: &[Item], speech_only: bool) -> Vec<Pair> {
        let gold: Vec<&Item> = gold.iter().filter(|g| !g.words.is_empty()).collect();
        let pred: Vec<&Item> = pred.iter().filter(|p| !p.words.is_empty()).collect();
        let g_owned: Vec<Item> = gold.iter().map(|g| (*g).clone()).collect();
        let p_owned: Vec<Item> = pred.iter().map(|p| (*p).clone()).collect();
        let pairs = pair(&g_owned, &p_owned);
        let care: Vec<bool> = gold.iter().map(|g| !speech_only || g.speech).collect();
        let ignored = pairs
            .iter()
            .filter(|(i, _, j)| !care[*i] && *j >= LOOSE)
            .count();
        self.gold += care.iter().filter(|c| **c).count();
        self.pred += pred.len() - ignored;
        let mut kept = Vec::new();
        for &(i, k, j) in &pairs {
            if !care[i] {
                continue;
            }
            let (g, p) = (gold[i], pred[k]);
            kept.push((i, k, j));
            for (lvl, thr) in [LOOSE, STRICT].into_iter().enumerate() {
                if j >= thr {
                    self.tp[lvl] += 1;
                    if !g.source.is_empty() {
                        self.src[lvl].1 += 1;
                        self.src[lvl].0 += usize::from(overlaps(&g.source, &p.source));
                    }
                    if !g.cue.is_empty() {
                        self.cue[lvl].1 += 1;
                        self.cue[lvl].0 += usize::from(overlaps(&g.cue, &p.cue));
                    }
                }
            }
            let source_ok = if g.source.is_empty() {
                p.source.is_empty()
            } else {
                overlaps(&g.source, &p.source)
            };
            if j >= LOOSE && source_ok {
                self.cs_tp += 1;
            }
        }
        kept
    }

    /// The metrics under the reference scorer's JSON names (`loose.f1`, …).
    pub fn metrics(&self) -> BTreeMap<String, f64> {
        let prf = |tp: usize| {
            let p = if self.pred > 0 {
                tp as f64 / self.pred as f64
            } else {
                0.0
            };
            let r = if self.gold > 0 {
                tp as f64 / self.gold as f64
            } else {
                0.0
            };
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (p, r, f)
        };
        let ratio = |(a, b): (usize, usize)| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let mut m = BTreeMap::new();
        for (lvl, name) in ["loose", "strict"].into_iter().enumerate() {
            let (p, r, f) = prf(self.tp[lvl]);
            m.insert(format!("{name}.p"), p);
            m.insert(format!("{name}.r"), r);
            m.insert(format!("{name}.f1"), f);
            m.insert(format!("{name}.source_acc"), ratio(self.src[lvl]));
            m.insert(format!("{name}.cue_acc"), ratio(self.cue[lvl]));
        }
        let (p, r, f) = prf(self.cs_tp);
        m.insert("content_source.p".into(), p);
        m.insert("content_source.r".into(), r);
        m.insert("content_source.f1".into(), f);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_a_leading_that() {
        let w = words("That the vote, “was rigged”");
        assert_eq!(
            w.into_iter().collect::<Vec<_>>(),
            ["rigged", "the", "vote", "was"]
        );
    }

    #[test]
    fn pairing_is_greedy_one_to_one() {
        let item = |s: &str| Item {
            words: words(s),
            ..Item::default()
        };
        let gold = [item("a b c d"), item("a b")];
        let pred = [item("a b")];
        let pairs = pair(&gold, &pred);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (1, 0));
    }
}

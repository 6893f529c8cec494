//! Words around figures: bounds, events, changes, running totals, and the closed-class
//! words that end an object phrase.

use crate::model::{
    QuantityBound as Bound, QuantityCategory as Category, QuantityChange as Change,
};

/// A bound phrase ending right before a number, read backwards: `p[0]` is the word (or
/// symbol) right before the number, `p[1]` the one before it, and so on. Returns the bound
/// and how many tokens the phrase takes.
pub(super) fn bound_before(p: [&str; 5]) -> Option<(Bound, usize)> {
    use Bound::{Approx, AtLeast, AtMost, LessThan, MoreThan};
    let comparative_more =
        |w: &str| matches!(w, "more" | "greater" | "higher" | "larger" | "bigger");
    let comparative_less = |w: &str| matches!(w, "fewer" | "less" | "lower" | "smaller");
    // five and four words: "less than or equal to", "equal to or more than",
    // "bigger or equal than", "at least or equal to"
    match (p[4], p[3], p[2], p[1], p[0]) {
        (m, "than", "or", "equal", "to") if comparative_more(m) => return Some((AtLeast, 5)),
        (l, "than", "or", "equal", "to") if comparative_less(l) => return Some((AtMost, 5)),
        ("equal", "to", "or", m, "than") if comparative_more(m) => return Some((AtLeast, 5)),
        ("equal", "to", "or", l, "than") if comparative_less(l) => return Some((AtMost, 5)),
        ("at", "least", "or", "equal", "to") => return Some((AtLeast, 5)),
        ("at", "most", "or", "equal", "to") => return Some((AtMost, 5)),
        (_, m, "or", "equal", "than" | "to") if comparative_more(m) => return Some((AtLeast, 4)),
        (_, l, "or", "equal", "than" | "to") if comparative_less(l) => return Some((AtMost, 4)),
        _ => {}
    }
    Some(match (p[2], p[1], p[0]) {
        // "<>30" is "not equal", "=>30" a typo
        (_, "<" | "=", ">") | (_, "=", "<") => return None,
        ("no", "fewer" | "less", "than") => (AtLeast, 3),
        ("no", "more", "than") | ("not", "more", "than") => (AtMost, 3),
        ("a", "minimum", "of") => (AtLeast, 3),
        ("a", "maximum", "of") => (AtMost, 3),
        ("in", "excess", "of") => (MoreThan, 3),
        ("as", "many", "as") | ("as", "much", "as") => (AtMost, 3),
        ("as", "few", "as") | ("as", "little", "as") => (AtLeast, 3),
        (_, ">", "=") => (AtLeast, 2),
        (_, "<", "=") => (AtMost, 2),
        (_, "at", "least") => (AtLeast, 2),
        (_, "at", "most") => (AtMost, 2),
        (_, "up", "to") => (AtMost, 2),
        (_, m, "than") if comparative_more(m) => (MoreThan, 2),
        (_, l, "than") if comparative_less(l) => (LessThan, 2),
        (_, "just", "over") | (_, "just", "above") => (MoreThan, 2),
        (_, "just", "under") | (_, "just", "below") => (LessThan, 2),
        (_, "close", "to") => (Approx, 2),
        (_, "upwards", "of") => (MoreThan, 2),
        (_, "an" | "the", "estimated") => (Approx, 2),
        (
            _,
            _,
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some"
            | "circa" | "approx" | "estimated" | "~",
        ) => (Approx, 1),
        (
            _,
            _,
            "over" | "above" | "exceeding" | "exceeds" | "exceeded" | "exceed" | "surpass"
            | "surpasses" | "surpassing" | ">",
        ) => (MoreThan, 1),
        (_, _, "under" | "below" | "<") => (LessThan, 1),
        _ => return None,
    })
}

/// A bound phrase right after a number ("or more", "or so", "or greater").
pub(super) fn bound_after(next1: &str, next2: &str, next3: &str) -> Option<(Bound, usize)> {
    Some(match (next1, next2, next3) {
        ("or" | "and", "more" | "greater" | "higher", "than") => (Bound::AtLeast, 3),
        ("or" | "and", "less" | "fewer" | "lower", "than") => return None,
        ("or" | "and", "more" | "greater" | "higher" | "above", _) => (Bound::AtLeast, 2),
        ("plus", _, _) => (Bound::AtLeast, 1),
        ("or", "less" | "fewer" | "below" | "lower", _) => (Bound::AtMost, 2),
        ("or", "so", _) => (Bound::Approx, 2),
        _ => return None,
    })
}

/// What a predicate word says happened to what is counted.
pub(super) fn event(w: &str) -> Option<Category> {
    use Category::{Arrests, Casualties, Damage, Displacement};
    Some(match w {
        "killed" | "died" | "dead" | "deaths" | "death" | "perished" | "slain" | "murdered"
        | "executed" | "massacred" | "fatalities" | "drowned" | "shot" | "lives" | "toll"
        | "injured" | "wounded" | "hurt" | "injuries" | "hospitalised" | "hospitalized"
        | "missing" | "unaccounted" | "casualties" | "victims" | "die" | "dies" | "kill"
        | "kills" => Casualties,
        "displaced" | "fled" | "flee" | "fleeing" | "evacuated" | "homeless" | "refugees"
        | "uprooted" | "relocated" | "evacuees" => Displacement,
        "destroyed" | "damaged" | "gutted" | "razed" | "flattened" | "demolished" | "burned"
        | "burnt" | "levelled" | "leveled" | "collapsed" | "ruined" | "wrecked" => Damage,
        "arrested" | "detained" | "jailed" | "imprisoned" | "arrests" | "detentions"
        | "apprehended" | "captured" | "detainees" | "prisoners" => Arrests,
        _ => return None,
    })
}

/// Words that make a figure a change, and the direction.
pub(super) fn change_word(w: &str) -> Option<Change> {
    Some(match w {
        "rose" | "rise" | "rises" | "risen" | "rising" | "increased" | "increase" | "increases"
        | "grew" | "grow" | "grows" | "growth" | "gained" | "gain" | "gains" | "up" | "added"
        | "adds" | "add" | "jumped" | "jump" | "climbed" | "climb" | "surged" | "surge"
        | "soared" | "hike" | "hiked" | "boosted" | "raised" | "increasing" => Change::Up,
        "fell" | "fall" | "falls" | "fallen" | "dropped" | "drop" | "drops" | "declined"
        | "decline" | "declines" | "decreased" | "decrease" | "cut" | "cuts" | "slashed"
        | "lost" | "loses" | "lose" | "down" | "shed" | "sheds" | "plunged" | "plunge"
        | "slumped" | "slump" | "reduced" | "reduction" | "tumbled" | "sank" | "slid" | "dip"
        | "dipped" | "losses" | "loss" | "shrank" | "contracted" => Change::Down,
        _ => return None,
    })
}

/// Closed-class words and auxiliaries that end an object phrase.
pub(super) fn ends_object(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "for"
            | "with"
            | "by"
            | "as"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "since"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "where"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "do"
            | "does"
            | "did"
            | "not"
            | "so"
            | "far"
            | "more"
            | "less"
            | "each"
            | "per"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "they"
            | "he"
            | "she"
            | "we"
            | "i"
            | "you"
            | "into"
            | "over"
            | "under"
            | "about"
            | "around"
            | "across"
            | "between"
            | "against"
            | "through"
            | "within"
            | "without"
            | "if"
            | "also"
            | "still"
            | "only"
            | "just"
            | "all"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "last"
            | "ago"
            | "later"
            | "earlier"
            | "today"
            | "yesterday"
            | "now"
            | "then"
            | "here"
            | "there"
            | "out"
            | "up"
            | "down"
            | "off"
            | "again"
            | "away"
            | "back"
            | "apiece"
    )
}

/// Auxiliaries and adverbs skipped between an object and its predicate ("were reportedly
/// destroyed", "have now died").
pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "reportedly"
            | "also"
            | "all"
            | "now"
            | "already"
            | "since"
            | "either"
            | "allegedly"
            | "believed"
            | "feared"
            | "confirmed"
            | "said"
            | "reported"
            | "thought"
            | "to"
            | "later"
            | "so"
            | "far"
            | "will"
            | "would"
            | "may"
            | "might"
            | "could"
    )
}

/// Nouns that, ending a designator before a number, make the number an identifier
/// ("Article 5", "Flight 370", "Boeing 737").
pub(super) fn is_designator(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "section"
            | "resolution"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "chapter"
            | "room"
            | "apollo"
            | "boeing"
            | "airbus"
            | "channel"
            | "no"
            | "number"
            | "vol"
            | "volume"
            | "page"
            | "pages"
            | "part"
            | "phase"
            | "level"
            | "category"
            | "grade"
            | "model"
            | "version"
            | "class"
            | "type"
            | "series"
            | "episode"
            | "season"
            | "act"
            | "rule"
            | "item"
            | "table"
            | "figure"
            | "line"
            | "gate"
            | "platform"
            | "block"
            | "unit"
            | "division"
            | "brigade"
            | "regiment"
            | "battalion"
            | "corps"
            | "bus"
            | "tower"
            | "building"
            | "district"
            | "ward"
            | "zone"
            | "sector"
            | "lot"
            | "paragraph"
            | "clause"
            | "amendment"
            | "bill"
            | "proposition"
            | "prop"
            | "covid"
            | "windows"
            | "iphone"
            | "galaxy"
            | "formula"
            | "f"
            | "mig"
            | "su"
            | "t"
            | "g"
            | "opec"
            | "top"
            | "world"
            | "ii"
            | "pope"
    )
}

/// Running-total phrases in a sentence: whether the words at `i` start one.
pub(super) fn cumulative_at(w0: &str, w1: &str, w2: &str) -> bool {
    matches!(
        (w0, w1, w2),
        ("so", "far", _)
            | ("in", "total", _)
            | ("a", "total", "of")
            | ("to", "date", _)
            | ("in", "all", _)
            | ("altogether", _, _)
            | ("cumulative", _, _)
            | ("overall", _, _)
            | (
                "since",
                "the",
                "start" | "beginning" | "outbreak" | "invasion" | "war"
            )
            | ("since", "the", "conflict")
    )
}

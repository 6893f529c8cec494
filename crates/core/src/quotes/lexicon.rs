//! The quotes stage's word lists: speech and claim verbs with their lemma forms, and the
//! function words the cue and speaker rules read.
//!
//! How the verb lexicon is used: a word whose lower-case form is listed is a *cue candidate*.
//! Every form maps back to its lemma and a [`CueClass`]. Speech and claim verbs take their
//! content from a that-clause or a bare clause after them, or from the clause before them
//! when they are post-posed ("…, Zelenskyy added."). Weak verbs (belief and finding verbs such
//! as "think", "show") take content only from an explicit that-clause, since they are used
//! far more often without reporting anything. Object verbs ("criticized", "called",
//! "described") report their object and are read only before it; they were kept when most
//! of their uses in PolNeAR `train` are cues. Verbs marked `object` take a listener before
//! their content ("told reporters that …", "urged voters to …"), which is skipped.
//!
//! The lemmas were chosen from the cue words of PolNeAR `train` (the most frequent single-word
//! cues, which cover most attributions there) and from common news usage; nothing from the
//! dev or test data.

/// What kind of cue a verb is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Verbs of saying: "say", "tell", "add", "write".
    Speech,
    /// Verbs of claiming and reporting: "claim", "report", "insist", "deny".
    Claim,
    /// Weak cues that report only with a that-clause: "think", "believe", "show", "find".
    Weak,
    /// Verbs whose content is their object, read only before it: "criticized Trump for …",
    /// "called it “chaos”", "described the plan as …".
    Object,
}

/// One verb of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueVerb {
    /// Its lemma ("say" for "said").
    pub lemma: &'static str,
    /// Its class.
    pub class: CueClass,
    /// Takes a listener object before its content ("told reporters that").
    pub object: bool,
}

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use CueClass::{Claim, Object, Speech, Weak};

/// (lemma, class, takes an object, the inflected forms that are read as cues). Forms that are
/// mostly nouns or adjectives in news ("states", "written", "reports" after a determiner is
/// handled by the cue rules) are left out.
const VERBS: &[(&str, CueClass, bool, &str)] = &[
    ("say", Speech, false, "say says said saying"),
    ("tell", Speech, true, "tell tells told telling"),
    ("add", Speech, false, "add adds added adding"),
    ("state", Speech, false, "stated stating"),
    ("write", Speech, false, "write writes wrote writing"),
    ("ask", Speech, true, "ask asks asked asking"),
    (
        "announce",
        Speech,
        false,
        "announce announces announced announcing",
    ),
    (
        "declare",
        Speech,
        false,
        "declare declares declared declaring",
    ),
    (
        "explain",
        Speech,
        false,
        "explain explains explained explaining",
    ),
    ("reply", Speech, false, "reply replies replied replying"),
    ("respond", Speech, false, "responded responding"),
    ("comment", Speech, false, "commented"),
    ("remark", Speech, false, "remarked"),
    // "tweet"/"tweets" are mostly nouns.
    ("tweet", Speech, false, "tweeted tweeting"),
    ("repeat", Speech, false, "repeated repeats"),
    (
        "reiterate",
        Speech,
        false,
        "reiterate reiterates reiterated reiterating",
    ),
    ("stress", Speech, false, "stressed stresses stressing"),
    (
        "emphasise",
        Speech,
        false,
        "emphasised emphasized emphasises emphasizes emphasising emphasizing",
    ),
    ("mention", Speech, false, "mentioned"),
    ("note", Speech, false, "noted notes noting"),
    ("recall", Speech, false, "recalled recalls recalling"),
    (
        "testify",
        Speech,
        false,
        "testify testifies testified testifying",
    ),
    ("shout", Speech, false, "shouted"),
    ("joke", Speech, false, "joked jokes joking"),
    ("vow", Speech, false, "vow vows vowed vowing"),
    // "pledged" is mostly an adjective ("pledged delegates"): a cue only before "to",
    // "that" or a possessive (reported.rs).
    ("pledge", Speech, false, "pledges pledging pledged"),
    ("promise", Speech, false, "promised promises promising"),
    ("warn", Speech, true, "warn warns warned warning"),
    ("urge", Speech, true, "urge urges urged urging"),
    ("caution", Speech, false, "cautioned cautions"),
    (
        "complain",
        Speech,
        false,
        "complain complains complained complaining",
    ),
    ("boast", Speech, false, "boasted boasts"),
    ("continue", Speech, false, "continued continues"),
    ("quip", Speech, false, "quipped"),
    ("assure", Speech, true, "assured assures"),
    ("inform", Speech, true, "informed"),
    (
        "concede",
        Claim,
        false,
        "concede concedes conceded conceding",
    ),
    ("admit", Claim, false, "admit admits admitted admitting"),
    (
        "acknowledge",
        Claim,
        false,
        "acknowledge acknowledges acknowledged acknowledging",
    ),
    (
        "confirm",
        Claim,
        false,
        "confirm confirms confirmed confirming",
    ),
    ("deny", Claim, false, "deny denies denied denying"),
    ("reveal", Claim, false, "revealed reveals revealing"),
    ("disclose", Claim, false, "disclosed discloses"),
    ("insist", Claim, false, "insist insists insisted insisting"),
    ("argue", Claim, false, "argue argues argued arguing"),
    ("contend", Claim, false, "contend contends contended"),
    ("maintain", Claim, false, "maintains maintained"),
    ("assert", Claim, false, "assert asserts asserted asserting"),
    ("allege", Claim, false, "allege alleges alleged alleging"),
    ("claim", Claim, false, "claim claims claimed claiming"),
    ("counter", Claim, false, "countered counters"),
    ("retort", Claim, false, "retorted"),
    (
        "suggest",
        Claim,
        false,
        "suggest suggests suggested suggesting",
    ),
    (
        "predict",
        Claim,
        false,
        "predict predicts predicted predicting",
    ),
    ("estimate", Claim, false, "estimates estimated"),
    ("report", Claim, false, "report reports reported reporting"),
    ("observe", Claim, false, "observed"),
    ("conclude", Claim, false, "concluded concludes"),
    ("indicate", Claim, false, "indicated indicates"),
    ("point", Claim, false, "pointed"),
    ("signal", Claim, false, "signaled signalled"),
    // Verbs whose content is their object ("criticized Trump for …", "called it “chaos”",
    // "described the plan as …"): each is a cue in most of its uses in PolNeAR train.
    (
        "describe",
        Object,
        false,
        "describe describes described describing",
    ),
    ("mention", Object, false, "mention mentions mentioning"),
    (
        "criticize",
        Object,
        false,
        "criticized criticizes criticizing criticised criticises criticising",
    ),
    ("defend", Object, false, "defended defends"),
    ("praise", Object, false, "praised praises praising"),
    ("blast", Object, false, "blasted"),
    ("denounce", Object, false, "denounced denounces denouncing"),
    ("accuse", Object, false, "accused accuses accusing"),
    ("dismiss", Object, false, "dismissed dismissing"),
    ("reject", Object, false, "rejected"),
    ("question", Object, false, "questioned"),
    ("blame", Object, false, "blamed blames blaming"),
    ("cite", Object, false, "cited cites citing"),
    ("condemn", Object, false, "condemned condemns condemning"),
    ("slam", Object, false, "slammed slams"),
    ("mock", Object, false, "mocked"),
    ("tout", Object, false, "touted touts touting"),
    ("thank", Object, false, "thanked"),
    ("express", Object, false, "expressed"),
    ("order", Object, false, "ordered"),
    ("lament", Object, false, "lamented"),
    ("decry", Object, false, "decried"),
    ("hail", Object, false, "hailed"),
    ("wonder", Object, false, "wondered"),
    ("call", Object, false, "called calling calls"),
    ("refer", Object, false, "referring referred"),
    ("think", Weak, false, "think thinks thought"),
    ("believe", Weak, false, "believe believes believed"),
    ("hope", Weak, false, "hopes hoped"),
    ("fear", Weak, false, "fear fears feared"),
    ("worry", Weak, false, "worry worries worried"),
    ("feel", Weak, false, "feel feels felt"),
    ("know", Weak, false, "know knows knew"),
    ("show", Weak, false, "show shows showed shown"),
    ("find", Weak, false, "found finds"),
    ("learn", Weak, false, "learned learnt"),
    ("agree", Weak, false, "agree agrees agreed"),
    ("expect", Weak, false, "expect expects expected"),
    ("understand", Weak, false, "understands"),
    ("doubt", Weak, false, "doubt doubts doubted"),
    ("acknowledge", Weak, false, "recognized recognised"),
];

/// Verbs of attitude, intention and stance ("endorsed Trump", "wants to …", "declined to
/// comment", "seems to …"). PolNeAR annotates them as attributions; they are read only by
/// the reported-speech rules, never as the cue of a direct quote or as a boundary of a
/// speaker phrase, because most of their uses report nothing anyone said. Each form was kept
/// when, over PolNeAR `train`, at least 60% of the attributions the rules read for it match
/// a gold attribution (counts in docs/decisions.md): an unmatched one costs the speech-verb
/// figures as much as a wrong speech attribution.
const ATTITUDE_VERBS: &[(&str, CueClass, bool, &str)] = &[
    ("decline", Object, false, "declined"),
    ("refuse", Object, false, "refused refuses"),
    ("propose", Object, false, "proposed"),
    ("oppose", Object, false, "opposed"),
    ("attack", Object, false, "attacked"),
    ("seek", Object, false, "seeks"),
    ("discuss", Object, false, "discussed discuss"),
    ("threaten", Object, false, "threatened"),
    ("prefer", Object, false, "preferred"),
    ("consider", Object, false, "considers"),
    ("talk", Object, false, "talked talking spoke"),
];

/// Word form → verb, for one of the verb lists (the first entry of a form wins).
type VerbTable = HashMap<&'static str, CueVerb, BuildHasherDefault<Fnv>>;

/// FNV-1a, for the verb tables: every word of an article is looked up in them, the keys are
/// short words, and SipHash's per-hash setup cost several times the lookup. (The tables are
/// fixed, so a crafted input can only make a miss probe a few more of their few hundred
/// slots.)
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn verb_table(verbs: &'static [(&'static str, CueClass, bool, &'static str)]) -> VerbTable {
    let mut t = VerbTable::default();
    for &(lemma, class, object, forms) in verbs {
        for form in forms.split(' ') {
            t.entry(form).or_insert(CueVerb {
                lemma,
                class,
                object,
            });
        }
    }
    t
}

/// The attitude verb a lower-case word form is, if any (see [`ATTITUDE_VERBS`]).
pub fn attitude_verb(lower: &str) -> Option<CueVerb> {
    static TABLE: OnceLock<VerbTable> = OnceLock::new();
    TABLE
        .get_or_init(|| verb_table(ATTITUDE_VERBS))
        .get(lower)
        .copied()
}

/// The cue verb a lower-case word form is, if any.
pub fn cue_verb(lower: &str) -> Option<CueVerb> {
    static TABLE: OnceLock<VerbTable> = OnceLock::new();
    TABLE.get_or_init(|| verb_table(VERBS)).get(lower).copied()
}

/// Words that may stand between a speaker and the cue verb and belong to the cue:
/// auxiliaries, negation, and adverbs of reporting ("has also said", "was heard saying").
pub fn is_cue_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "never"
            | "also"
            | "later"
            | "previously"
            | "repeatedly"
            | "then"
            | "just"
            | "already"
            | "again"
            | "recently"
            | "earlier"
            | "further"
            | "separately"
            | "publicly"
            | "privately"
            | "reportedly"
            | "been"
            | "being"
            | "heard"
            | "quoted"
            | "as"
            | "once"
            | "often"
            | "frequently"
            | "flatly"
            | "firmly"
            | "openly"
            | "quickly"
            | "simply"
            | "still"
            | "even"
            | "only"
            | "explicitly"
            | "falsely"
            | "wrongly"
            | "correctly"
            | "reportedly’"
            | "’s"
            | "'s"
    )
}

/// A lower-case word that reads as an adverb in "-ly" ("defiantly", "angrily"), not a noun
/// or adjective that ends so ("family", "ally", "elderly").
pub fn is_manner_adverb(lower: &str) -> bool {
    lower.len() > 4
        && lower.ends_with("ly")
        && !matches!(
            lower,
            "family"
                | "assembly"
                | "rally"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "elderly"
                | "italy"
                | "july"
                | "bully"
                | "belly"
                | "jelly"
                | "reply"
                | "ugly"
                | "only"
        )
}

/// Words that open a clause or phrase before a subject and are not part of it.
pub fn is_clause_opener(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "so"
            | "yet"
            | "then"
            | "while"
            | "when"
            | "as"
            | "because"
            | "although"
            | "though"
            | "if"
            | "since"
            | "after"
            | "before"
            | "where"
            | "whereas"
            | "until"
            | "unless"
            | "that"
            | "which"
    )
}

/// Prepositions that end a speaker phrase after an inverted cue ("says X on Y"); "of" joins.
pub fn ends_inverted_speaker(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "about"
            | "after"
            | "before"
            | "during"
            | "to"
            | "for"
            | "with"
            | "from"
            | "when"
            | "while"
            | "as"
            | "who"
            | "which"
            | "that"
            | "and"
            | "but"
            | "told"
            | "yesterday"
            | "today"
            | "tonight"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "late"
            | "adding"
            | "saying"
            | "according"
    )
}

/// Words after a cue that start an adverbial, not content ("said on Monday", "said in a
/// statement", "said yesterday").
pub fn starts_adverbial(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "yesterday"
            | "today"
            | "tonight"
            | "later"
            | "earlier"
            | "last"
            | "this"
            | "recently"
            | "afterwards"
            | "again"
            | "previously"
            | "late"
            | "early"
            | "also"
            | "separately"
            | "via"
            | "through"
            | "over"
            | "by"
            | "to"
            | "told"
    ) || is_weekday(lower)
}

/// A day of the week, lower-cased.
pub fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Subject pronouns a speaker may be, with their number and gender.
pub fn pronoun(lower: &str) -> Option<Pronoun> {
    Some(match lower {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        "i" | "we" | "you" => Pronoun::Local,
        _ => return None,
    })
}

/// A speaker pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// "he": one male person.
    He,
    /// "she": one female person.
    She,
    /// "they": a group, an organisation, or a person of unknown gender.
    They,
    /// "it": an organisation or document.
    It,
    /// "I", "we", "you": the speaker of a surrounding quote; not resolved here.
    Local,
}

/// An article or a third-person possessive ("the", "a", "his", "its"): it opens a noun
/// phrase.
pub fn is_article_or_possessive(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an" | "his" | "her" | "their" | "its")
}

/// Heads of role descriptions used as speakers ("a Kremlin spokesperson", "officials",
/// "sources"); spokespeople as `roles` lists them.
pub fn is_role_noun(lower: &str) -> bool {
    crate::roles::is_spokesperson(lower)
        || matches!(
            lower,
            "official"
                | "officials"
                | "source"
                | "sources"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "minister"
                | "ministry"
                | "ministers"
                | "president"
                | "chief"
                | "director"
                | "secretary"
                | "spokesperson’s"
                | "analyst"
                | "analysts"
                | "expert"
                | "experts"
                | "police"
                | "authorities"
                | "witnesses"
                | "witness"
                | "residents"
                | "resident"
                | "lawyer"
                | "lawyers"
                | "attorney"
                | "prosecutors"
                | "prosecutor"
                | "officers"
                | "officer"
                | "representative"
                | "representatives"
                | "staff"
                | "team"
                | "campaign"
                | "governor"
                | "senator"
                | "leader"
                | "leaders"
                | "critics"
                | "supporters"
                | "statement"
                | "report"
                | "researchers"
                | "scientists"
                | "doctors"
                | "chairman"
                | "chairwoman"
                | "ambassador"
                | "envoy"
                | "diplomat"
                | "diplomats"
                | "commander"
                | "commanders"
                | "military"
                | "army"
                | "government"
                | "office"
                | "agency"
                | "department"
                | "board"
                | "committee"
                | "council"
                | "mayor"
                | "ceo"
                | "executive"
                | "executives"
                | "manager"
                | "people"
                | "person"
                | "mother"
                | "father"
                | "wife"
                | "husband"
                | "son"
                | "daughter"
                | "friend"
                | "friends"
                | "colleague"
                | "colleagues"
                | "voters"
                | "democrats"
                | "republicans"
                | "poll"
                | "polls"
                | "survey"
                | "study"
                | "data"
                | "paper"
                | "newspaper"
                | "website"
                | "group"
                | "groups"
                | "organisation"
                | "organization"
                | "union"
                | "company"
                | "firm"
                | "bank"
                | "court"
                | "judge"
                | "justice"
        )
}

/// A noun that refers back to an organisation ("the company said"): `Some(true)` when it
/// fits any organisation ("the group"), `Some(false)` when it fits a business, not an
/// institution ("the company", "the airline").
pub fn company_noun(lower: &str) -> Option<bool> {
    match lower {
        "group" | "organisation" | "organization" => Some(true),
        "company" | "firm" | "bank" | "airline" | "carrier" | "retailer" | "insurer" | "lender"
        | "operator" | "manufacturer" | "carmaker" | "automaker" | "utility" | "conglomerate"
        | "corporation" | "chain" | "startup" | "developer" | "supplier" => Some(false),
        _ => None,
    }
}

/// The last word of an institution's name, which "the company" does not refer to
/// ("Tasman University", "the Ellery Courier", "the Health Ministry").
pub fn is_institution_word(lower: &str) -> bool {
    matches!(
        lower,
        "university"
            | "college"
            | "school"
            | "institute"
            | "hospital"
            | "ministry"
            | "department"
            | "council"
            | "police"
            | "court"
            | "party"
            | "committee"
            | "commission"
            | "agency"
            | "authority"
            | "government"
            | "parliament"
            | "congress"
            | "senate"
            | "assembly"
            | "army"
            | "navy"
            | "union"
            | "times"
            | "post"
            | "courier"
            | "news"
            | "herald"
            | "journal"
            | "tribune"
            | "guardian"
            | "telegraph"
            | "gazette"
            | "press"
            | "reuters"
            | "observer"
            | "chronicle"
            | "independent"
    )
}

/// Role heads that are organisations, documents or groups (resolved like "they"/"it").
pub fn is_plural_or_body(lower: &str) -> bool {
    // "spoks"/"spox" name one spokesperson.
    (lower.ends_with('s') && lower != "spoks" && lower != "spox")
        || matches!(
            lower,
            "police"
                | "military"
                | "army"
                | "government"
                | "ministry"
                | "office"
                | "agency"
                | "department"
                | "board"
                | "committee"
                | "council"
                | "staff"
                | "team"
                | "campaign"
                | "company"
                | "firm"
                | "bank"
                | "court"
                | "group"
                | "union"
                | "organisation"
                | "organization"
                | "statement"
                | "report"
                | "study"
                | "data"
                | "paper"
                | "newspaper"
                | "website"
                | "poll"
                | "survey"
                | "people"
        )
}

/// Common given names with a clear gender in English-language news (for "he"/"she").
pub fn given_name_gender(word: &str) -> Option<Pronoun> {
    const MALE: &[&str] = &[
        "Alan",
        "Alex",
        "Alexander",
        "Andrew",
        "Anthony",
        "Ben",
        "Bernie",
        "Bill",
        "Bob",
        "Boris",
        "Brian",
        "Carlos",
        "Charles",
        "Chris",
        "Christopher",
        "Dan",
        "Daniel",
        "David",
        "Dmitry",
        "Donald",
        "Edward",
        "Emmanuel",
        "Eric",
        "Frank",
        "George",
        "Greg",
        "Harry",
        "Henry",
        "Ian",
        "Ivan",
        "Jack",
        "James",
        "Jeb",
        "Jeff",
        "Jim",
        "Joe",
        "John",
        "Jon",
        "Joseph",
        "Justin",
        "Kevin",
        "Mark",
        "Marco",
        "Martin",
        "Matt",
        "Matthew",
        "Michael",
        "Mike",
        "Mohammed",
        "Muhammad",
        "Narendra",
        "Nick",
        "Olaf",
        "Oleksiy",
        "Paul",
        "Peter",
        "Richard",
        "Rishi",
        "Robert",
        "Ron",
        "Sam",
        "Scott",
        "Sergei",
        "Sergey",
        "Stephen",
        "Steve",
        "Ted",
        "Thomas",
        "Tim",
        "Tom",
        "Tony",
        "Vladimir",
        "Volodymyr",
        "William",
        "Xi",
        "Yuri",
    ];
    const FEMALE: &[&str] = &[
        "Alice",
        "Amy",
        "Angela",
        "Ann",
        "Anna",
        "Anne",
        "Barbara",
        "Carly",
        "Catherine",
        "Elizabeth",
        "Ellen",
        "Emily",
        "Emma",
        "Hillary",
        "Jane",
        "Janet",
        "Jennifer",
        "Jill",
        "Julia",
        "Kamala",
        "Karen",
        "Kate",
        "Katherine",
        "Laura",
        "Linda",
        "Lisa",
        "Liz",
        "Margaret",
        "Maria",
        "Mary",
        "Melania",
        "Michelle",
        "Nancy",
        "Natalia",
        "Olena",
        "Olga",
        "Rachel",
        "Sarah",
        "Susan",
        "Theresa",
        "Ursula",
        "Victoria",
        "Yulia",
    ];
    if MALE.contains(&word) {
        Some(Pronoun::He)
    } else if FEMALE.contains(&word) {
        Some(Pronoun::She)
    } else {
        match word.trim_end_matches('.') {
            "Mr" | "Sir" | "King" | "Prince" | "Lord" => Some(Pronoun::He),
            "Mrs" | "Ms" | "Miss" | "Queen" | "Princess" | "Lady" | "Dame" => Some(Pronoun::She),
            _ => None,
        }
    }
}

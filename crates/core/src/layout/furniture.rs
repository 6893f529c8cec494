//! Page furniture recognised from a block's own text, without context.
//!
//! Precision matters more than recall here: a body sentence that merely contains "read more"
//! or "newsletter" must stay. Rules therefore match whole short lines, or a line's start
//! followed by a link-style separator. Context-dependent furniture (headlines under a
//! "Related" heading, author bios, text after an end mark) is the news pass's job.

use crate::model::RemovalReason;

/// The reason `line` is page furniture, if it is.
pub fn classify_line(line: &str) -> Option<RemovalReason> {
    let mut key = String::new();
    write_key(line, &mut key);
    classify_key(line, &key)
}

/// What a block's own text says about it, from one look at its key: the news pass asks
/// these questions of every block, several of them more than once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct LineFacts {
    /// [`classify_line`].
    pub furniture: Option<RemovalReason>,
    /// [`is_end_mark`].
    pub end_mark: bool,
    /// A section label or kicker printed above a headline.
    pub label: bool,
    /// The heading of a press release's contact block.
    pub contact_heading: bool,
    /// The label of a highlights list ("Story Highlights", "Key points").
    pub highlights_label: bool,
}

impl LineFacts {
    /// The facts of `line`; `key` is a buffer reused between lines.
    pub fn of(line: &str, key: &mut String) -> Self {
        write_key(line, key);
        let key = key.as_str();
        Self {
            furniture: classify_key(line, key),
            end_mark: is_end_mark(line),
            label: is_label_key(key),
            contact_heading: is_contact_heading_key(line, key),
            highlights_label: is_highlights_label_key(key),
        }
    }
}

/// The longest entry of the lists compared whole against a key, in bytes: a longer key
/// matches none of them.
const LONGEST_EXACT: usize = longest(&[
    BACK_TO_TOP,
    RELATED_HEADINGS,
    SHARE,
    SUBSCRIBE,
    COOKIE,
    ADVERTISEMENT,
    NAVIGATION,
    COMMENTS,
    CONTROLS,
    LABELS,
    HIGHLIGHT_LABELS,
]);

const fn longest(lists: &[&[&str]]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > max {
                max = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
}

/// Word counts above this are all alike to the rules (the largest limit is 80).
const WORD_CAP: usize = 81;

/// The word count of `s` up to `cap`, for rules that only ask whether a line is short (a long
/// paragraph is not counted to its end).
pub(super) fn count_words(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

/// [`classify_line`] given the line's key.
fn classify_key(line: &str, key: &str) -> Option<RemovalReason> {
    use RemovalReason as R;
    if key.is_empty() {
        return None;
    }
    // Capped: every rule below compares the count with a limit of at most 80.
    let words = count_words(key, WORD_CAP);
    let short = key.len() <= LONGEST_EXACT;
    let exact = |list: &[&str]| short && list.contains(&key);

    if exact(BACK_TO_TOP) {
        return Some(R::BackToTop);
    }
    if exact(RELATED_HEADINGS)
        || (words <= 5 && (key.starts_with("more from ") || key.starts_with("more on ")))
    {
        return Some(R::RelatedHeading);
    }
    if starts_with_link(key, line, READ_MORE) {
        return Some(R::ReadMore);
    }
    if exact(SHARE) || is_social_list(key) {
        return Some(R::Share);
    }
    if is_subscribe(key, words) {
        return Some(R::Subscribe);
    }
    if exact(COOKIE)
        || (words <= 80
            && key.contains("cookie")
            && [
                "use",
                "accept",
                "consent",
                "policy",
                "settings",
                "preferences",
            ]
            .iter()
            .any(|w| key.contains(w)))
    {
        return Some(R::Cookie);
    }
    if exact(ADVERTISEMENT) {
        return Some(R::Advertisement);
    }
    if is_photo_credit(key, words) {
        return Some(R::PhotoCredit);
    }
    if exact(NAVIGATION) || is_menu(line) {
        return Some(R::Navigation);
    }
    if exact(COMMENTS) || (words == 2 && is_comment_count(key)) {
        return Some(R::Comments);
    }
    if words <= 40
        && (line.trim_start().starts_with('©')
            || key.starts_with("copyright ")
            || key.starts_with("(c) ")
            || key.contains("all rights reserved"))
    {
        return Some(R::Copyright);
    }
    if is_credits(line, key, words) {
        return Some(R::Credits);
    }
    if words <= 30
        && (key.starts_with("the views expressed")
            || key.starts_with("views expressed")
            || key.starts_with("the opinions expressed")
            || key.starts_with("opinions expressed")
            || key.starts_with("disclaimer"))
    {
        return Some(R::Disclaimer);
    }
    if exact(CONTROLS)
        || (words <= 25
            && key.contains("javascript")
            && ["enable", "turn on", "activate", "requires", "switch on"]
                .iter()
                .any(|w| key.contains(w)))
    {
        return Some(R::Controls);
    }
    if words <= 40
        && [
            "tags:",
            "topics:",
            "filed under:",
            "categories:",
            "keywords:",
            "themen:",
            "schlagworte:",
            "temas:",
            "etiquetas:",
            "sujets:",
            "mots-clés:",
            "argomenti:",
        ]
        .iter()
        .any(|p| key.starts_with(p))
    {
        return Some(R::Tags);
    }
    None
}

/// Whether a line ends a press release or wire story ("###", "-30-", "- ENDS -").
fn is_end_mark(line: &str) -> bool {
    const MARKS: &[&[char]] = &[
        &['#', '#', '#'],
        &['-', '3', '0', '-'],
        &['–', '3', '0', '–'],
        &['-', 'e', 'n', 'd', 's', '-'],
        &['–', 'e', 'n', 'd', 's', '–'],
        &['e', 'n', 'd', 's'],
        &['*', '*', '*'],
        &['-', '#', '#', '#', '-'],
    ];
    // The line without whitespace, ASCII lower-cased; no mark is longer than six.
    let mut compact = ['\0'; 6];
    let mut len = 0;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        if len == compact.len() {
            return false;
        }
        compact[len] = c.to_ascii_lowercase();
        len += 1;
    }
    MARKS.contains(&&compact[..len])
}

/// Whether a line is a section label or kicker printed above a headline, given its key.
fn is_label_key(key: &str) -> bool {
    LABELS.contains(&key)
}

/// Whether a line opens a contact block in a press release, given its key.
fn is_contact_heading_key(line: &str, k: &str) -> bool {
    [
        "media contact",
        "media contacts",
        "press contact",
        "press contacts",
        "contact",
        "contacts",
        "media inquiries",
        "media enquiries",
        "investor contact",
        "investor relations contact",
        "for more information",
        "for further information",
    ]
    .iter()
    .any(|p| {
        k == *p || (k.starts_with(p) && line.contains(':') && k.split_whitespace().count() <= 25)
    })
}

/// Whether a line is the label of a highlights list ("Story Highlights", "Key points"), given
/// its key.
fn is_highlights_label_key(key: &str) -> bool {
    HIGHLIGHT_LABELS.contains(&key)
}

/// Writes the key of `line` into `out`, replacing what it held: the line lower-cased, without
/// surrounding decoration, for list look-ups.
fn write_key(line: &str, out: &mut String) {
    let trimmed = line
        .trim()
        .trim_start_matches(['↑', '▲', '^', '»', '›', '→', '|', '•', '-', '–', '—'])
        .trim_end_matches([
            ':', '.', '!', '»', '›', '→', '…', '>', '|', '-', '–', '—', '↑', '▲',
        ])
        .trim();
    out.clear();
    out.reserve(trimmed.len());
    // ASCII runs are copied whole; what other characters lower-case to is lower-case already,
    // so one ASCII pass at the end finishes the key.
    let mut rest = trimmed;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        out.push_str(&rest[..at]);
        let Some(c) = rest[at..].chars().next() else {
            break;
        };
        match c {
            '’' | '‘' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out.make_ascii_lowercase();
}

/// "Read more: …", "READ MORE »", "Also read | …" — a link-style start, not a sentence.
fn starts_with_link(key: &str, line: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let Some(rest) = key.strip_prefix(p) else {
            return false;
        };
        if rest.is_empty() {
            return true;
        }
        let rest_trim = rest.trim_start();
        let separator = rest_trim.starts_with([':', '»', '›', '|', '-', '–', '—', '>', '→']);
        // "Read more about the plan" as a short link line (no full stop).
        let short_link = key.split_whitespace().count() <= 12
            && rest.starts_with(" about")
            && !line.trim_end().ends_with('.');
        separator || short_link
    })
}

fn is_social_list(key: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "email",
        "e-mail",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "messenger",
        "print",
        "share",
        "copy",
        "link",
        "sms",
        "flipboard",
        "tumblr",
        "mail",
        "bluesky",
        "threads",
        "on",
        "via",
        "this",
        "article",
    ];
    // One pass that stops at the first word that is not a network's (prose stops at once).
    let mut words = 0;
    let mut networks = 0;
    for w in key
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == '/' || c == '·')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if words > 12 || !NETWORKS.contains(&w) {
            return false;
        }
        if matches!(
            w,
            "facebook"
                | "twitter"
                | "whatsapp"
                | "linkedin"
                | "reddit"
                | "pinterest"
                | "telegram"
                | "flipboard"
                | "bluesky"
        ) {
            networks += 1;
        }
    }
    networks >= 1
}

fn is_subscribe(key: &str, words: usize) -> bool {
    if SUBSCRIBE.contains(&key) {
        return true;
    }
    // Every rule below allows at most 40 words.
    if words > 40 {
        return false;
    }
    let newsletter = key.contains("newsletter")
        && [
            "sign up",
            "signup",
            "subscribe",
            "inbox",
            "get our",
            "delivered",
        ]
        .iter()
        .any(|w| key.contains(w));
    let prompt = (key.starts_with("subscribe") || key.starts_with("sign up")) && words <= 20;
    let inbox = key.contains("in your inbox") || key.contains("to your inbox");
    (newsletter || inbox) && words <= 40 || prompt
}

fn is_photo_credit(key: &str, words: usize) -> bool {
    const STARTS: &[&str] = &[
        "photo:",
        "photo by ",
        "photos:",
        "photograph:",
        "photograph by ",
        "photographs:",
        "image:",
        "image credit",
        "image source",
        "image copyright",
        "picture:",
        "pictures:",
        "credit:",
        "(photo",
        "[photo",
        "file photo",
        "illustration:",
        "illustration by ",
        "photo credit",
        "video:",
        "pic:",
        "(ap photo",
        "(image",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "ap photo",
        "reuters/",
        "afp via getty",
        "shutterstock",
        "epa-efe",
        "/afp",
        "/reuters",
        "/ap",
        "/epa",
        "istock",
        "alamy",
        "bloomberg via getty",
    ];
    (words <= 25 && STARTS.iter().any(|s| key.starts_with(s)))
        || (words <= 12 && AGENCIES.iter().any(|a| key.contains(a)))
        || ends_with_photo_credit(key)
}

/// A caption closed by its credit: "… in Denver. (AP Photo/David Zalubowski)".
fn ends_with_photo_credit(key: &str) -> bool {
    let Some(open) = key.rfind('(') else {
        return false;
    };
    let credit = &key[open..];
    credit.ends_with(')')
        && credit.split_whitespace().count() <= 8
        && [
            "photo",
            "getty",
            "reuters",
            "afp",
            "epa",
            "shutterstock",
            "image",
            "picture",
        ]
        .iter()
        .any(|w| credit.contains(w))
}

/// A menu: three or more short items separated by `|`, or a breadcrumb trail with `›`/`>`.
fn is_menu(line: &str) -> bool {
    for sep in ['|', '›', '»', '>', '/'] {
        let needed = if sep == '|' || sep == '/' { 3 } else { 2 };
        // A line without the separator is one item, too few for a menu.
        if !line.contains(sep) {
            continue;
        }
        let mut items = 0;
        let all_short = line.split(sep).map(str::trim).all(|i| {
            items += 1;
            !i.is_empty() && i.split_whitespace().nth(3).is_none() && !i.ends_with('.')
        });
        if all_short && items >= needed + usize::from(sep == '/') {
            return true;
        }
    }
    false
}

fn is_comment_count(key: &str) -> bool {
    // "comments (12)", "12 comments", "comments 12"
    let mut words = key.split_whitespace();
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let is_count = |w: &str| {
        w.trim_matches(|c| c == '(' || c == ')')
            .chars()
            .all(|c| c.is_ascii_digit())
    };
    (matches!(a, "comments" | "comment") && is_count(b))
        || (is_count(a) && matches!(b, "comments" | "comment"))
}

fn is_credits(line: &str, key: &str, words: usize) -> bool {
    // PR Newswire's closing "SOURCE Acme Corp" line.
    if line.trim_start().starts_with("SOURCE ") && words <= 12 {
        return true;
    }
    const STARTS: &[&str] = &[
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
        "edited by ",
        "compiled by ",
        "our standards:",
        "(reporting by ",
        "(additional reporting by ",
        "(editing by ",
    ];
    (words <= 45 && STARTS.iter().any(|s| key.starts_with(s)))
        || (words <= 30 && key.ends_with("contributed to this report"))
        || (words <= 30 && key.contains("thomson reuters trust principles"))
}

const BACK_TO_TOP: &[&str] = &[
    "back to top",
    "back to top button",
    "top",
    "return to top",
    "scroll to top",
    "go to top",
    "to top",
    "back to the top",
];

const RELATED_HEADINGS: &[&str] = &[
    "related articles",
    "related article",
    "related",
    "related stories",
    "related story",
    "related content",
    "related news",
    "related posts",
    "related coverage",
    "related links",
    "related reading",
    "related topics",
    "more stories",
    "more news",
    "more articles",
    "more headlines",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular now",
    "popular stories",
    "trending",
    "trending now",
    "trending stories",
    "read next",
    "what to read next",
    "up next",
    "also read",
    "see also",
    "further reading",
    "top stories",
    "latest news",
    "latest stories",
    "latest",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "in other news",
    "more on this story",
    "around the web",
    "sponsored stories",
    "from around the web",
    "in case you missed it",
    "other stories",
    "elsewhere on the site",
    "mehr zum thema",
    "lesen sie auch",
    "das könnte sie auch interessieren",
    "weitere artikel",
    "noticias relacionadas",
    "te puede interesar",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "leggi anche",
    "lees ook",
];

const READ_MORE: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "more",
    "watch",
    "listen",
    "recommended",
    "must read",
    "read the full story",
    "read full story",
    "read the full article",
    "continue reading",
    "click here",
    "read next",
    "also see",
    "lesen sie auch",
    "mehr zum thema",
    "lea también",
    "leer más",
    "lire aussi",
    "leggi anche",
    "lees ook",
];

const SHARE: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share article",
    "share story",
    "share page",
    "share full article",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "share via e-mail",
    "copy link",
    "link copied",
    "copy article link",
    "print",
    "print this article",
    "email",
    "e-mail",
    "tweet",
    "gift this article",
    "save",
    "save article",
    "bookmark",
    "share this with",
    "follow us",
    "follow us on social media",
    "x",
    "teilen",
    "artikel teilen",
    "compartir",
    "partager",
    "condividi",
    "delen",
];

const SUBSCRIBE: &[&str] = &[
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up now",
    "become a member",
    "already a subscriber? log in",
    "already a subscriber? sign in",
    "support our journalism",
    "get the app",
    "download the app",
];

const COOKIE: &[&str] = &[
    "accept all",
    "accept all cookies",
    "reject all",
    "manage preferences",
    "manage cookies",
    "cookie settings",
    "cookie policy",
    "i agree",
    "i accept",
];

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertisement - scroll to continue",
    "advertisement – scroll to continue",
    "scroll to continue",
    "ad",
    "ads",
    "advert",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "partner content",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "story continues below",
    "continue reading below",
    "content continues below",
    "skip advertisement",
    "advertise with us",
    "ad feedback",
    "supported by",
    "anzeige",
    "werbung",
    "publicidad",
    "publicité",
    "pubblicità",
    "advertentie",
];

const NAVIGATION: &[&str] = &[
    "home",
    "menu",
    "search",
    "sign in",
    "log in",
    "login",
    "log out",
    "register",
    "my account",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "skip to navigation",
    "close",
    "open menu",
    "close menu",
    "toggle navigation",
    "main menu",
    "navigation",
    "previous",
    "next",
    "previous article",
    "next article",
    "next story",
    "previous story",
    "zur startseite",
    "nach oben",
    "startseite",
    "volver arriba",
    "inicio",
    "retour en haut",
    "accueil",
    "torna su",
    "naar boven",
];

const COMMENTS: &[&str] = &[
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "show comments",
    "view comments",
    "hide comments",
    "join the conversation",
    "add a comment",
    "post a comment",
    "load comments",
    "comments are closed",
    "be the first to comment",
    "what do you think",
    "sign in to comment",
    "log in to comment",
    "login to comment",
    "kommentare",
    "comentarios",
    "commentaires",
    "commenti",
];

const CONTROLS: &[&str] = &[
    "load more",
    "load more posts",
    "load more updates",
    "show more",
    "refresh",
    "see more",
    "view more",
    "show latest updates",
    "new updates",
    "show all",
    "view all",
    "see all",
    "auto-refresh",
    "auto refresh",
    "autoupdate",
    "auto update",
    "key events",
    "pinned post",
    "pinned",
    "live updates",
    "expand",
    "collapse",
    "show key events only",
    "key events only",
    "show all updates",
    "latest updates",
];

const LABELS: &[&str] = &[
    "opinion",
    "analysis",
    "breaking",
    "breaking news",
    "exclusive",
    "live",
    "live updates",
    "editorial",
    "commentary",
    "review",
    "explainer",
    "for immediate release",
    "news release",
    "press release",
    "advertorial",
    "fact check",
    "interview",
    "obituary",
    "feature",
    "guest essay",
    "perspective",
    "news",
    "world",
    "politics",
    "business",
    "sport",
    "sports",
    "science",
    "health",
    "technology",
    "tech",
    "culture",
    "environment",
    "climate",
    "local",
    "local news",
    "national",
    "international",
    "economy",
    "markets",
    "column",
    "letters",
    "weather",
    "education",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle east",
    "uk",
    "us",
    "u.s.",
    "world news",
    "us news",
    "uk news",
];

const HIGHLIGHT_LABELS: &[&str] = &[
    "story highlights",
    "highlights",
    "key points",
    "key point",
    "key takeaways",
    "takeaways",
    "at a glance",
    "in brief",
    "in short",
    "the big picture",
    "what you need to know",
    "what we know",
    "summary",
    "quick read",
    "the gist",
    "tl;dr",
    "tldr",
    "why it matters",
    "key facts",
    "main points",
    "story at a glance",
    "top line",
    "bullet points",
];

#[cfg(test)]
mod tests {
    use super::*;
    use RemovalReason as R;

    #[test]
    fn words_counted_as_split_whitespace() {
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "a\u{a0}b\u{2009}c\u{b}d\u{1c}e",
            "ünï cödé’s  words\t\nhere",
        ] {
            for cap in [1, 2, 3, 81] {
                assert_eq!(
                    count_words(s, cap),
                    s.split_whitespace().take(cap).count(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn keys_lower_case_and_straighten_apostrophes() {
        let mut key = String::new();
        write_key("  » Don’t MISS: Ünïcode İ …", &mut key);
        assert_eq!(key, "don't miss: ünïcode i\u{307}");
        write_key("READ MORE", &mut key);
        assert_eq!(key, "read more");
    }

    #[test]
    fn seed_furniture() {
        assert_eq!(classify_line("Related Articles"), Some(R::RelatedHeading));
        assert_eq!(classify_line("Back to top button"), Some(R::BackToTop));
    }

    #[test]
    fn read_more_only_as_a_link() {
        assert_eq!(
            classify_line("Read more: Floods hit the valley"),
            Some(R::ReadMore)
        );
        assert_eq!(classify_line("READ MORE »"), Some(R::ReadMore));
        assert_eq!(
            classify_line("Parents who read more to their children see gains, the study found."),
            None
        );
        assert_eq!(
            classify_line("Read more books, the minister urged pupils on Monday."),
            None
        );
    }

    #[test]
    fn common_furniture() {
        assert_eq!(
            classify_line("Facebook Twitter WhatsApp Email"),
            Some(R::Share)
        );
        assert_eq!(
            classify_line("Home | World | Business | Sport"),
            Some(R::Navigation)
        );
        assert_eq!(classify_line("Comments (12)"), Some(R::Comments));
        assert_eq!(classify_line("Advertisement"), Some(R::Advertisement));
        assert_eq!(
            classify_line("Photo: Jane Smith/Getty Images"),
            Some(R::PhotoCredit)
        );
        assert_eq!(
            classify_line("Reporting by Jane Doe; Editing by John Roe"),
            Some(R::Credits)
        );
        assert_eq!(
            classify_line("© 2024 Example News. All rights reserved."),
            Some(R::Copyright)
        );
        assert_eq!(
            classify_line("Sign up for our morning newsletter to get the day's top stories."),
            Some(R::Subscribe)
        );
        assert_eq!(
            classify_line("We use cookies to improve your experience. Accept all"),
            Some(R::Cookie)
        );
    }

    #[test]
    fn prose_stays() {
        for line in [
            "The newsletter, which has 40,000 readers, was founded in 2012 by two teachers.",
            "Share prices fell 4% on Monday after the announcement.",
            "Home prices rose again in March, the agency said.",
            "Top officials met in Geneva.",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }
}

//! Requests → [`Input`]s, and [`Article`]s → the exact JSON the CLI prints.
//!
//! Synchronous and pure: everything here runs on an extraction worker, never on the async
//! runtime (parsing a 5 MB JSON body is CPU work too).

use gleaner_core::{Article, Extractor, Input, InputFormat};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::problem::{Problem, ProblemKind};

/// How to read an article; mirrors `gleaner extract --as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReadAs {
    /// Plain text scraped from a page: layout and furniture removal apply.
    Text,
    /// An HTML page.
    Html,
    /// Plain text taken as it is: `text` equals the input and spans map 1:1 onto it.
    Verbatim,
}

impl From<ReadAs> for InputFormat {
    fn from(value: ReadAs) -> Self {
        match value {
            ReadAs::Text => InputFormat::Text,
            ReadAs::Html => InputFormat::Html,
            ReadAs::Verbatim => InputFormat::Verbatim,
        }
    }
}

/// Query parameters of the extract endpoints; they mirror `gleaner extract`'s options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExtractQuery {
    /// How to read the body [default: from the Content-Type, else detect HTML vs text].
    #[serde(rename = "as")]
    pub read_as: Option<ReadAs>,
    /// Publication date (ISO 8601, e.g. `2022-03-22`): the reference date for relative
    /// dates. A JSON body's own `published` wins.
    pub published: Option<String>,
    /// URL of the page: recorded in `source.url`, never fetched.
    pub url: Option<String>,
    /// Include token spans (`tokens`) in the output.
    #[serde(default)]
    pub tokens: bool,
}

/// An article as JSON: the body of `POST /v1/extract` with `Content-Type: application/json`
/// and each line of a batch. The same shape as a line of the CLI's `.jsonl` input.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "story-1",
    "url": "https://example.org/story",
    "published": "2022-03-22",
    "text": "Storm hits coast\n\nLONDON (Reuters) - A storm hit the coast on Monday."
}))]
pub struct ArticleJson {
    /// Caller's identifier (string or number), echoed as `source.id`.
    #[schema(value_type = Option<String>)]
    pub id: Option<serde_json::Value>,
    /// URL of the page (never fetched).
    pub url: Option<String>,
    /// Publication date (ISO 8601).
    pub published: Option<String>,
    /// Outlet name, echoed as `source.name`.
    pub source: Option<String>,
    /// The article as plain text. Give `text` or `html`, not both.
    pub text: Option<String>,
    /// The article as an HTML page.
    pub html: Option<String>,
    /// How to read `text` (`text` or `verbatim`); `html` is always read as HTML.
    #[serde(rename = "as")]
    pub read_as: Option<ReadAs>,
}

/// An article body sent as it is (`text/plain`, `text/html`, any charset): the bytes and the
/// request's `Content-Type`, which the core uses for the charset and the format.
pub fn input_from_body(bytes: Vec<u8>, media_type: Option<String>, query: &ExtractQuery) -> Input {
    Input {
        bytes,
        format: query.read_as.map(InputFormat::from),
        media_type,
        url: query.url.clone(),
        published: query.published.clone(),
        ..Input::default()
    }
}

/// An article sent as JSON. Its own fields win over the query's.
pub fn input_from_json(json: &[u8], query: &ExtractQuery) -> Result<Input, Problem> {
    let article: ArticleJson = serde_json::from_slice(json).map_err(json_problem)?;
    input_from_article_json(article, query)
}

/// An [`ArticleJson`] as an [`Input`].
pub fn input_from_article_json(
    article: ArticleJson,
    query: &ExtractQuery,
) -> Result<Input, Problem> {
    let (bytes, format) = match (article.text, article.html) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "the article has both \"text\" and \"html\"; give one",
            ));
        }
        (Some(text), None) => {
            let read_as = article.read_as.or(query.read_as).unwrap_or(ReadAs::Text);
            (text.into_bytes(), InputFormat::from(read_as))
        }
        (None, Some(html)) => {
            if article.read_as.is_some_and(|a| a != ReadAs::Html) {
                return Err(invalid(
                    "\"html\" is always read as HTML; drop \"as\" or send \"text\"",
                ));
            }
            (html.into_bytes(), InputFormat::Html)
        }
        (None, None) => return Err(invalid("the article has neither \"text\" nor \"html\"")),
    };
    Ok(Input {
        bytes,
        format: Some(format),
        url: article.url.or_else(|| query.url.clone()),
        published: article.published.or_else(|| query.published.clone()),
        id: article.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        }),
        source_name: article.source,
        ..Input::default()
    })
}

/// Runs `extractor` on `input`, mapping its errors to problems.
pub fn extract(extractor: &Extractor, input: &Input) -> Result<Article, Problem> {
    extractor.extract(input).map_err(Problem::from)
}

/// The article exactly as `gleaner extract --format json` prints it: the core's one
/// serialisation and a newline.
pub fn article_json(article: &Article) -> String {
    let mut json = gleaner_core::json::to_pretty(article);
    json.push('\n');
    json
}

/// The article as one NDJSON line, as `gleaner extract --format jsonl` prints it.
pub fn article_json_line(article: &Article) -> String {
    let mut json = gleaner_core::json::to_line(article);
    json.push('\n');
    json
}

/// A JSON parse error: syntax → malformed JSON; well-formed but wrong fields → invalid.
pub fn json_problem(error: serde_json::Error) -> Problem {
    let kind = match error.classify() {
        serde_json::error::Category::Data => ProblemKind::InvalidRequest,
        _ => ProblemKind::MalformedJson,
    };
    Problem::new(kind, format!("the JSON body cannot be read: {error}"))
}

fn invalid(detail: &str) -> Problem {
    Problem::new(ProblemKind::InvalidRequest, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_fields_win_over_the_query() {
        let query = ExtractQuery {
            published: Some("2020-01-01".into()),
            url: Some("https://q.example".into()),
            read_as: Some(ReadAs::Verbatim),
            tokens: false,
        };
        let input = input_from_json(
            br#"{"id": 7, "text": "Hello there.", "published": "2022-03-22", "source": "AP"}"#,
            &query,
        )
        .unwrap();
        assert_eq!(input.published.as_deref(), Some("2022-03-22"));
        assert_eq!(input.url.as_deref(), Some("https://q.example"));
        assert_eq!(input.id.as_deref(), Some("7"));
        assert_eq!(input.source_name.as_deref(), Some("AP"));
        assert_eq!(input.format, Some(InputFormat::Verbatim));
        assert_eq!(input.bytes, b"Hello there.");
    }

    #[test]
    fn json_problems_are_classified() {
        let q = ExtractQuery::default();
        let kind = |body: &[u8]| input_from_json(body, &q).unwrap_err().kind;
        assert_eq!(kind(b"{\"text\": "), ProblemKind::MalformedJson);
        assert_eq!(kind(b"not json"), ProblemKind::MalformedJson);
        assert_eq!(kind(b"{\"text\": 5}"), ProblemKind::InvalidRequest);
        assert_eq!(kind(b"{}"), ProblemKind::InvalidRequest);
        assert_eq!(
            kind(b"{\"text\": \"a\", \"html\": \"b\"}"),
            ProblemKind::InvalidRequest
        );
        assert_eq!(
            kind(b"{\"html\": \"<p>a</p>\", \"as\": \"verbatim\"}"),
            ProblemKind::InvalidRequest
        );
    }

    #[test]
    fn rendering_matches_the_cli() {
        let input = input_from_body(
            "Storm hits coast\n\nA storm\u{2028}hit the coast."
                .as_bytes()
                .to_vec(),
            None,
            &ExtractQuery {
                read_as: Some(ReadAs::Verbatim),
                ..ExtractQuery::default()
            },
        );
        let extractor = Extractor::new(gleaner_core::Config {
            max_bytes: 1000,
            tokens: false,
        });
        let article = extract(&extractor, &input).unwrap();
        let pretty = article_json(&article);
        assert_eq!(
            pretty,
            format!("{}\n", gleaner_core::json::to_pretty(&article))
        );
        let line = article_json_line(&article);
        assert_eq!(line.lines().count(), 1);
        assert!(line.ends_with('\n'));
        assert!(line.contains("\\u2028"), "{line}");
        assert_eq!(
            extract(
                &Extractor::new(gleaner_core::Config {
                    max_bytes: 4,
                    tokens: false
                }),
                &input
            )
            .unwrap_err()
            .kind,
            ProblemKind::TooLarge
        );
    }
}

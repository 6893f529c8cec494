//! The archive over real extractions of the fixture articles.

use std::path::{Path, PathBuf};

use gleaner_archive::{
    AddOutcome, Archive, ArticleFilter, EntityQuery, Error, ExportFormat, FigureQuery, Page,
    Period, QuoteQuery, SearchQuery,
};
use gleaner_core::{Config, Extractor, Input, InputFormat};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_input() -> Input {
    Input {
        bytes: fixture("kyiv-talks.txt"),
        format: Some(InputFormat::Text),
        published: Some("2022-03-22".into()),
        source_name: Some("Seed Times".into()),
        url: Some("https://seed.example/kyiv-talks".into()),
        ..Input::default()
    }
}

fn text_input(text: &str, url: &str, source: &str, published: &str) -> Input {
    Input {
        bytes: text.as_bytes().to_vec(),
        format: Some(InputFormat::Text),
        published: Some(published.into()),
        source_name: Some(source.into()),
        url: Some(url.into()),
        ..Input::default()
    }
}

fn search(archive: &Archive, query: &str) -> Result<Vec<i64>, Error> {
    Ok(archive
        .search(&SearchQuery {
            query: query.into(),
            limit: 50,
            ..SearchQuery::default()
        })?
        .rows
        .into_iter()
        .map(|h| h.id)
        .collect())
}

#[test]
fn the_seed_is_found_and_adding_it_again_changes_nothing() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    let first = archive.add(&extractor, &seed_input())?;
    let AddOutcome::Added { id } = first else {
        panic!("expected Added, got {first:?}");
    };
    assert_eq!(
        archive.add(&extractor, &seed_input())?,
        AddOutcome::Unchanged { id }
    );
    assert_eq!(search(&archive, "\"security guarantees\"")?, vec![id]);
    assert_eq!(search(&archive, "title:zelensky")?, vec![id]);
    assert_eq!(search(&archive, "surrend*")?, vec![id]);
    assert!(search(&archive, "surrender NOT putin")?.is_empty());
    assert_eq!(search(&archive, "surrender OR nonexistentword")?, vec![id]);
    let hits = archive
        .search(&SearchQuery {
            query: "\"security guarantees\"".into(),
            highlight: ("<b>".into(), "</b>".into()),
            limit: 5,
            ..SearchQuery::default()
        })?
        .rows;
    assert!(
        hits[0].snippet.contains("<b>security guarantees</b>"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(hits[0].source.as_deref(), Some("Seed Times"));
    assert_eq!(hits[0].day.as_deref(), Some("2022-03-22"));

    let stats = archive.stats()?;
    assert_eq!((stats.articles, stats.revisions, stats.sources), (1, 0, 1));
    assert_eq!(stats.first.as_deref(), Some("2022-03-22"));
    let report = archive.check()?;
    assert!(report.ok, "{:?}", report.problems);

    // The stored extraction is the CLI's bytes.
    let record = archive.article(id)?;
    let article = extractor.extract(&seed_input())?;
    assert_eq!(record.extraction, gleaner_core::json::to_line(&article));
    assert_eq!(archive.raw(id)?, fixture("kyiv-talks.txt"));
    Ok(())
}

#[test]
fn a_url_with_new_content_is_a_revision() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    let url = "https://example.org/storm";
    let v1 = text_input(
        "Storm hits coast\n\nA storm hit the coast on Monday.",
        url,
        "Daily",
        "2024-03-18",
    );
    let v2 = text_input(
        "Storm hits coast, two dead\n\nA storm hit the coast on Monday, killing two.",
        url,
        "Daily",
        "2024-03-18",
    );
    let AddOutcome::Added { id: first } = archive.add(&extractor, &v1)? else {
        panic!("v1 not added")
    };
    let outcome = archive.add(&extractor, &v2)?;
    let AddOutcome::Revision {
        id: second,
        previous,
    } = outcome
    else {
        panic!("got {outcome:?}")
    };
    assert_eq!(previous, first);
    assert_eq!(
        search(&archive, "storm")?,
        vec![second],
        "only the newest revision is searched"
    );
    // The same through the filtered plan (which joins the articles for their columns).
    let filtered = archive.search(&SearchQuery {
        query: "storm".into(),
        filter: ArticleFilter {
            since: Some("2000-01-01".into()),
            ..ArticleFilter::default()
        },
        limit: 50,
        ..SearchQuery::default()
    })?;
    assert_eq!(
        filtered.rows.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![second]
    );
    assert_eq!(
        archive.add(&extractor, &v1)?,
        AddOutcome::Unchanged { id: first }
    );
    let stats = archive.stats()?;
    assert_eq!((stats.articles, stats.revisions), (1, 1));
    assert!(archive.article(first)?.revision_of.is_none());
    assert_eq!(archive.article(second)?.revision_of, Some(first));
    Ok(())
}

#[test]
fn spelling_variants_across_articles_are_one_person() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?; // "Zelenskyy" and "Zelensky"
    let other = text_input(
        "Zelensky addresses parliament\n\nKYIV (Reuters) - President Volodymyr Zelensky told \
         lawmakers on Monday that talks with Moscow would continue. Zelensky said Ukraine \
         needed air defence.",
        "https://example.org/zelensky",
        "Wire",
        "2022-03-28",
    );
    archive.add(&extractor, &other)?;
    let people = archive
        .entities(&EntityQuery {
            kind: Some("PER".into()),
            name: Some("Zelenskyy".into()),
            limit: 10,
            ..EntityQuery::default()
        })?
        .rows;
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].articles, 2);
    assert_eq!(people[0].name, "Volodymyr Zelensky");
    assert!(people[0].aliases.iter().any(|a| a == "Zelenskyy"));
    let putin = archive
        .entities(&EntityQuery {
            name: Some("Putin".into()),
            limit: 10,
            ..EntityQuery::default()
        })?
        .rows;
    assert_eq!(putin.len(), 1);
    assert_ne!(putin[0].id, people[0].id);

    let by_month = archive.timeline("Zelensky", Period::Month, &ArticleFilter::default())?;
    assert_eq!(by_month.matched, "entity");
    assert_eq!(by_month.rows.len(), 1);
    assert_eq!(
        (by_month.rows[0].period.as_str(), by_month.rows[0].articles),
        ("2022-03", 2)
    );
    let by_week = archive.timeline("Zelensky", Period::Week, &ArticleFilter::default())?;
    let weeks: Vec<&str> = by_week.rows.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(weeks, ["2022-W12", "2022-W13"]);

    let with = archive.cooccur("Zelensky", Period::Day, 50, &ArticleFilter::default())?;
    assert!(
        with.iter()
            .any(|r| r.name == "Vladimir Putin" && r.period == "2022-03-22")
    );
    assert!(with.iter().all(|r| r.entity_id != people[0].id));
    Ok(())
}

#[test]
fn the_seed_figure_has_its_bound_and_date() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    let id = archive.add(&extractor, &seed_input())?.id();
    let figures = archive
        .figures(&FigureQuery {
            category: Some("casualties".into()),
            limit: 10,
            ..FigureQuery::default()
        })?
        .rows;
    let died = figures
        .iter()
        .find(|f| f.value == 2300.0)
        .ok_or("no 2,300 figure")?;
    assert_eq!(died.bound, "at_least");
    assert_eq!(died.day.as_deref(), Some("2022-03-22"));
    assert_eq!(died.article_id, id);
    assert_eq!(died.event.as_deref(), Some("died"));
    let about = archive
        .figures(&FigureQuery {
            about: Some("residential".into()),
            limit: 10,
            ..FigureQuery::default()
        })?
        .rows;
    assert!(
        !about.is_empty() && about.iter().all(|f| f.value == 651.0),
        "{about:?}"
    );
    Ok(())
}

#[test]
fn disagreeing_sources_are_marked() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    for (source, n) in [("A", "2,300"), ("B", "2,500")] {
        let text = format!(
            "Toll rises in the city\n\nOfficials said on Tuesday that at least {n} people have \
             died in the city since the siege began, according to the mayor's office."
        );
        archive.add(
            &extractor,
            &text_input(
                &text,
                &format!("https://{source}.example/x"),
                source,
                "2022-03-22",
            ),
        )?;
    }
    let figures = archive
        .figures(&FigureQuery {
            category: Some("casualties".into()),
            limit: 10,
            ..FigureQuery::default()
        })?
        .rows;
    assert_eq!(figures.len(), 2, "{figures:?}");
    assert!(figures.iter().all(|f| f.disputed));
    Ok(())
}

#[test]
fn a_syndicated_copy_is_grouped_not_double_counted() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    let wire = String::from_utf8(fixture("wire-ap.txt"))?;
    let first = archive
        .add(
            &extractor,
            &text_input(&wire, "https://a.example/1", "A", "2024-03-18"),
        )?
        .id();
    let copy = format!("{wire}\n\nThis story was republished from the wire.");
    let second = archive
        .add(
            &extractor,
            &text_input(&copy, "https://b.example/1", "B", "2024-03-18"),
        )?
        .id();
    let clusters = archive.duplicates(10)?;
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].first.id, first);
    assert_eq!(
        clusters[0].copies.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![second]
    );
    assert_eq!(archive.article(second)?.dup_of, Some(first));
    let stats = archive.stats()?;
    assert_eq!(stats.duplicates, 1);
    Ok(())
}

#[test]
fn a_malformed_query_is_a_clear_error() -> TestResult {
    let archive = Archive::open_in_memory()?;
    let err = search(&archive, "\"unterminated").err().ok_or("no error")?;
    assert!(matches!(err, Error::InvalidQuery { .. }), "{err}");
    let err = archive
        .search(&SearchQuery {
            query: "x".into(),
            filter: ArticleFilter {
                since: Some("last week".into()),
                ..ArticleFilter::default()
            },
            limit: 1,
            ..SearchQuery::default()
        })
        .err()
        .ok_or("no error")?;
    assert!(err.to_string().contains("--since"), "{err}");
    Ok(())
}

fn temp_db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("test.db")
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    std::fs::write(&path, "my notes, not a database\n")?;
    let err = Archive::open(&path).err().ok_or("opened a text file")?;
    assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
    assert!(err.to_string().contains("not a Gleaner archive"));
    assert_eq!(
        std::fs::read_to_string(&path)?,
        "my notes, not a database\n"
    );
    assert!(!dir.path().join("test.db-wal").exists());
    Ok(())
}

#[test]
fn another_programs_database_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    rusqlite::Connection::open(&path)?.execute_batch("CREATE TABLE notes (body TEXT);")?;
    let err = Archive::open(&path)
        .err()
        .ok_or("opened a foreign database")?;
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err}");
    Ok(())
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    drop(Archive::open(&path)?);
    let newer = gleaner_archive::SCHEMA_VERSION + 1;
    rusqlite::Connection::open(&path)?.pragma_update(None, "user_version", newer)?;
    let err = Archive::open(&path).err().ok_or("opened a newer archive")?;
    assert!(
        matches!(err, Error::NewerSchema { found, .. } if found == newer),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade gleaner"), "{err}");
    Ok(())
}

#[test]
fn readers_query_while_a_writer_adds() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    let extractor = Extractor::new(Config::default());
    let mut writer = Archive::open(&path)?;
    let wire = String::from_utf8(fixture("wire-ap.txt"))?;
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| -> TestResult {
        let readers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| -> Result<usize, Error> {
                    let reader = Archive::open(&path)?;
                    let mut queries = 0;
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        search(&reader, "storm OR coast OR wire")?;
                        reader.stats()?;
                        queries += 1;
                    }
                    Ok(queries)
                })
            })
            .collect();
        for i in 0..40 {
            let text = format!("Story number {i}\n\n{wire}\n\nUpdate {i}: more to follow.");
            writer.add(
                &extractor,
                &text_input(&text, &format!("https://x.example/{i}"), "X", "2024-03-18"),
            )?;
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        for reader in readers {
            let queries = reader.join().map_err(|_| "reader panicked")??;
            assert!(queries > 0);
        }
        Ok(())
    })?;
    assert_eq!(writer.stats()?.articles, 40);
    Ok(())
}

#[test]
fn export_check_and_reindex() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut archive = Archive::open(temp_db(&dir))?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?;
    archive.add(
        &extractor,
        &Input {
            bytes: fixture("jsonld-article.html"),
            ..Input::default()
        },
    )?;
    let before = archive.stats()?;
    let tables = archive.export(&dir.path().join("out"), ExportFormat::Jsonl)?;
    let articles = tables
        .iter()
        .find(|t| t.table == "articles")
        .ok_or("no articles")?;
    assert_eq!(articles.rows, 2);
    let lines = std::fs::read_to_string(&articles.path)?;
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().ok_or("empty")?)?;
    let extraction: serde_json::Value =
        serde_json::from_str(first["extraction"].as_str().ok_or("no extraction")?)?;
    assert_eq!(extraction["schema_version"], "1");
    let quantities = tables
        .iter()
        .find(|t| t.table == "quantities")
        .ok_or("no quantities")?;
    assert_eq!(quantities.rows as i64, before.quantities);
    let csv = archive.export(&dir.path().join("csv"), ExportFormat::Csv)?;
    let entities = csv
        .iter()
        .find(|t| t.table == "entities")
        .ok_or("no entities")?;
    assert_eq!(
        std::fs::read_to_string(&entities.path)?.lines().count() as u64,
        entities.rows + 1
    );

    // Parquet, read back with the parquet crate: every table's row count, the schema's
    // types, and a value.
    let parquet_dir = dir.path().join("parquet");
    let exported = archive.export(&parquet_dir, ExportFormat::Parquet)?;
    assert_eq!(exported.len(), tables.len());
    let conn = rusqlite::Connection::open(temp_db(&dir))?;
    for table in &exported {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(std::fs::File::open(&table.path)?)?;
        let in_db: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {}", table.table), [], |r| {
                r.get(0)
            })?;
        let meta = reader.metadata().file_metadata();
        assert_eq!(meta.num_rows(), in_db, "{}", table.table);
        assert_eq!(table.rows as i64, in_db, "{}", table.table);
        if table.table == "quantities" {
            let fields = meta.schema_descr();
            let value = (0..fields.num_columns())
                .map(|i| fields.column(i))
                .find(|c| c.name() == "value")
                .ok_or("no value column")?;
            assert_eq!(value.physical_type(), parquet::basic::Type::DOUBLE);
            let mut values = Vec::new();
            for row in reader.get_row_iter(None)? {
                let row = row?;
                for (name, field) in row.get_column_iter() {
                    if name == "value"
                        && let parquet::record::Field::Double(v) = field
                    {
                        values.push(*v);
                    }
                }
            }
            assert_eq!(values.len() as i64, in_db);
            assert!(values.contains(&2300.0), "{values:?}");
        }
    }

    let report = archive.reindex(&extractor, |_, _| {})?;
    assert_eq!((report.reindexed, report.failed.len()), (2, 0));
    let after = archive.stats()?;
    assert_eq!(
        (after.articles, after.entities, after.quantities),
        (before.articles, before.entities, before.quantities)
    );
    assert!(archive.check()?.ok);
    Ok(())
}

/// Follows `next_cursor` from the first page to the last.
fn walk<T>(
    mut page: impl FnMut(Option<String>) -> Result<Page<T>, Error>,
) -> Result<Vec<T>, Error> {
    let mut all = Vec::new();
    let mut cursor = None;
    for _ in 0..1000 {
        let p = page(cursor)?;
        all.extend(p.rows);
        match p.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(all),
        }
    }
    panic!("no last page after 1000 pages");
}

fn zelensky_story(n: usize, published: &str) -> Input {
    text_input(
        &format!(
            "Zelensky addresses parliament, day {n}\n\nKYIV (Reuters) - President Volodymyr \
             Zelensky told lawmakers on Monday that talks with Moscow would continue, storm or \
             no storm. Zelensky said Ukraine needed air defence. Item {n}."
        ),
        &format!("https://example.org/zelensky-{n}"),
        if n.is_multiple_of(2) { "Wire" } else { "Daily" },
        published,
    )
}

#[test]
fn cursors_walk_every_list_without_gaps_or_repeats() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?;
    archive.add(
        &extractor,
        &Input {
            bytes: fixture("jsonld-article.html"),
            ..Input::default()
        },
    )?;
    for n in 0..7 {
        let day = format!("2022-03-{:02}", 20 + n % 3);
        archive.add(&extractor, &zelensky_story(n, &day))?;
    }

    let search = |limit, cursor| {
        archive.search(&SearchQuery {
            query: "zelensky OR storm OR talks".into(),
            limit,
            cursor,
            ..SearchQuery::default()
        })
    };
    let all = search(100, None)?;
    assert!(all.rows.len() >= 8 && all.next_cursor.is_none(), "{all:?}");
    let walked = walk(|c| search(3, c).map(Page::from))?;
    assert_eq!(walked, all.rows);

    let quotes = |limit, cursor| {
        archive.quotes(&QuoteQuery {
            limit,
            cursor,
            ..QuoteQuery::default()
        })
    };
    let all = quotes(1000, None)?.rows;
    assert!(all.len() >= 4, "{all:?}");
    assert_eq!(walk(|c| quotes(1, c))?, all);

    let figures = |limit, cursor| {
        archive.figures(&FigureQuery {
            limit,
            cursor,
            ..FigureQuery::default()
        })
    };
    let all = figures(1000, None)?.rows;
    assert!(all.len() >= 4, "{all:?}");
    let key = |f: &gleaner_archive::FigureRow| (f.article_id, f.idx);
    let walked: Vec<_> = walk(|c| figures(2, c))?.iter().map(key).collect();
    assert_eq!(walked, all.iter().map(key).collect::<Vec<_>>());

    for filter in [
        ArticleFilter::default(),
        ArticleFilter {
            since: Some("2022-03-21".into()),
            ..ArticleFilter::default()
        },
    ] {
        let entities = |limit, cursor| {
            archive.entities(&EntityQuery {
                filter: filter.clone(),
                limit,
                cursor,
                ..EntityQuery::default()
            })
        };
        let all = entities(10_000, None)?.rows;
        assert!(all.len() >= 10, "{all:?}");
        assert_eq!(walk(|c| entities(3, c))?, all);
        assert!(all.windows(2).all(|w| w[0].articles >= w[1].articles));
    }
    Ok(())
}

#[test]
fn a_cursor_not_made_for_the_query_is_an_invalid_cursor_error() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?;
    let page = archive.entities(&EntityQuery {
        limit: 1,
        ..EntityQuery::default()
    })?;
    let entities_cursor = page.next_cursor.ok_or("a second page")?;
    for bad in ["garbage!", "", "eyJ4Ijox", entities_cursor.as_str()] {
        let result = archive.search(&SearchQuery {
            query: "talks".into(),
            limit: 5,
            cursor: Some(bad.into()),
            ..SearchQuery::default()
        });
        assert!(
            matches!(result, Err(Error::InvalidCursor { .. })),
            "{bad:?}: {result:?}"
        );
    }
    let quotes = archive.quotes(&QuoteQuery {
        limit: 5,
        cursor: Some(entities_cursor),
        ..QuoteQuery::default()
    });
    let Err(e) = quotes else {
        panic!("accepted: {quotes:?}")
    };
    assert!(e.to_string().contains("entities"), "{e}");
    Ok(())
}

#[test]
fn entity_coverage_follows_revisions_copies_and_reindex() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    let zelensky = |archive: &Archive| -> Result<Option<(i64, i64, Option<String>)>, Error> {
        let rows = archive
            .entities(&EntityQuery {
                name: Some("Zelensky".into()),
                limit: 5,
                ..EntityQuery::default()
            })?
            .rows;
        Ok(rows
            .first()
            .map(|r| (r.articles, r.mentions, r.last.clone())))
    };
    archive.add(&extractor, &zelensky_story(1, "2022-03-20"))?;
    let later = archive
        .add(&extractor, &zelensky_story(2, "2022-03-25"))?
        .id();
    let (articles, mentions, last) = zelensky(&archive)?.ok_or("no Zelensky")?;
    assert_eq!((articles, last.as_deref()), (2, Some("2022-03-25")));
    // A syndicated copy (same body, another outlet) is one more article but not one
    // more story.
    let mut copy = zelensky_story(2, "2022-03-25");
    copy.url = Some("https://copy.example/z".into());
    copy.source_name = Some("Copier".into());
    copy.bytes.extend_from_slice(b" ");
    archive.add(&extractor, &copy)?;
    let (articles, more_mentions, _) = zelensky(&archive)?.ok_or("no Zelensky")?;
    assert_eq!(articles, 2);
    assert!(more_mentions > mentions);
    // A revision of the later story without him: it no longer counts, nor its day.
    let revision = text_input(
        "Storm hits coast\n\nA storm hit the coast on Monday, officials said.",
        "https://example.org/zelensky-2",
        "Wire",
        "2022-03-25",
    );
    let outcome = archive.add(&extractor, &revision)?;
    assert!(matches!(outcome, AddOutcome::Revision { previous, .. } if previous == later));
    let (articles, _, last) = zelensky(&archive)?.ok_or("no Zelensky")?;
    assert_eq!(
        articles, 2,
        "the copy still names him, as its own story now"
    );
    assert_eq!(last.as_deref(), Some("2022-03-25"));
    assert!(archive.check()?.ok, "{:?}", archive.check()?.problems);
    let before = archive.entities(&EntityQuery {
        limit: 1000,
        ..EntityQuery::default()
    })?;
    archive.reindex(&extractor, |_, _| {})?;
    let after = archive.entities(&EntityQuery {
        limit: 1000,
        ..EntityQuery::default()
    })?;
    assert_eq!(before, after);
    assert!(archive.check()?.ok, "{:?}", archive.check()?.problems);
    Ok(())
}

#[test]
fn check_finds_coverage_that_disagrees_with_the_articles() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    let mut archive = Archive::open(&path)?;
    archive.add(&Extractor::new(Config::default()), &seed_input())?;
    drop(archive);
    let conn = rusqlite::Connection::open(&path)?;
    conn.execute(
        "UPDATE entity_stats SET articles = articles + 1 WHERE entity_id = (SELECT min(entity_id) FROM entity_stats)",
        [],
    )?;
    drop(conn);
    let report = Archive::open(&path)?.check()?;
    assert!(!report.ok);
    assert!(
        report.problems.iter().any(|p| p.contains("entity_stats")),
        "{:?}",
        report.problems
    );
    Ok(())
}

/// `cooccur` (counted from the per-day story blobs) equals the same count written as one SQL
/// aggregation over the articles, for every period and filter, across a revision and a copy.
#[test]
fn cooccur_matches_a_plain_sql_count() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = temp_db(&dir);
    let mut archive = Archive::open(&path)?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?;
    for n in 0..6 {
        archive.add(
            &extractor,
            &zelensky_story(n, &format!("2022-03-{:02}", 20 + n % 3)),
        )?;
    }
    for n in 6..9 {
        archive.add(
            &extractor,
            &zelensky_story(n, &format!("2022-04-{:02}", 2 + n)),
        )?;
    }
    let mut copy = zelensky_story(1, "2022-03-21");
    copy.url = Some("https://copy.example/1".into());
    copy.bytes.extend_from_slice(b" ");
    archive.add(&extractor, &copy)?;
    // A revision naming the Kremlin instead of the lawmakers: only it counts.
    let mut revision = zelensky_story(7, "2022-04-09");
    revision.bytes =
        b"Zelensky addresses parliament, day 7\n\nKYIV (Reuters) - Volodymyr Zelensky \
        said the Kremlin had not answered. Item 7, updated."
            .to_vec();
    assert!(matches!(
        archive.add(&extractor, &revision)?,
        AddOutcome::Revision { .. }
    ));
    let conn = rusqlite::Connection::open(&path)?;
    let ids: String = conn.query_row(
        "SELECT json_group_array(DISTINCT entity_id) FROM entity_aliases WHERE key = 'zelensky'",
        [],
        |r| r.get(0),
    )?;
    let filters = [
        ArticleFilter::default(),
        ArticleFilter {
            source: Some("wire".into()),
            ..ArticleFilter::default()
        },
        ArticleFilter {
            since: Some("2022-03-21".into()),
            until: Some("2022-04-08T12:00:00Z".into()),
            ..ArticleFilter::default()
        },
        ArticleFilter {
            lang: Some("en".into()),
            ..ArticleFilter::default()
        },
        ArticleFilter {
            lang: Some("uk".into()),
            ..ArticleFilter::default()
        },
    ];
    let mut compared = 0;
    for (by, period) in [
        (Period::Day, "a.day"),
        (Period::Week, "strftime('%G-W%V', a.day)"),
        (Period::Month, "substr(a.day, 1, 7)"),
    ] {
        for filter in &filters {
            let got: Vec<(String, i64, i64)> = archive
                .cooccur("Zelensky", by, 1000, filter)?
                .into_iter()
                .map(|r| (r.period, r.entity_id, r.articles))
                .collect();
            let mut stmt = conn.prepare(&format!(
                "WITH target AS (SELECT DISTINCT article_id FROM article_entities
                                 WHERE entity_id IN (SELECT value FROM json_each(?1)))
                 SELECT {period}, o.entity_id, count(DISTINCT coalesce(a.dup_of, a.id)) AS n
                 FROM target t JOIN articles a ON a.id = t.article_id
                 JOIN article_entities o ON o.article_id = t.article_id
                 LEFT JOIN sources s ON s.id = a.source_id
                 WHERE a.latest = 1 AND a.day IS NOT NULL
                   AND o.entity_id NOT IN (SELECT value FROM json_each(?1))
                   AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= substr(?3, 1, 10))
                   AND (?4 IS NULL OR s.name = ?4 COLLATE NOCASE)
                   AND (?5 IS NULL OR a.language = ?5)
                 GROUP BY 1, 2 ORDER BY 1, n DESC, 2"
            ))?;
            let want: Vec<(String, i64, i64)> = stmt
                .query_map(
                    rusqlite::params![ids, filter.since, filter.until, filter.source, filter.lang],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?
                .collect::<rusqlite::Result<_>>()?;
            assert_eq!(got, want, "{by:?} {filter:?}");
            compared += want.len();
        }
    }
    assert!(compared > 60, "{compared}");
    // `top` keeps the head of each period's list.
    let all = archive.cooccur("Zelensky", Period::Month, 1000, &ArticleFilter::default())?;
    let top2 = archive.cooccur("Zelensky", Period::Month, 2, &ArticleFilter::default())?;
    let heads: Vec<_> = ["2022-03", "2022-04"]
        .iter()
        .flat_map(|p| all.iter().filter(move |r| r.period == *p).take(2))
        .cloned()
        .collect();
    assert_eq!(top2.len(), 4);
    assert_eq!(top2, heads);
    Ok(())
}

/// A search without filters (which skips the article rows when ranking) returns the same
/// pages — hits, scores, snippets, cursors — as the filtered plan with a filter that keeps
/// everything.
#[test]
fn search_without_filters_pages_like_the_filtered_plan() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    archive.add(&extractor, &seed_input())?;
    for n in 0..9 {
        archive.add(
            &extractor,
            &zelensky_story(n, &format!("2022-03-{:02}", 10 + n)),
        )?;
    }
    let mut revision = zelensky_story(4, "2022-03-14");
    revision
        .bytes
        .extend_from_slice(b" Updated with new details.");
    archive.add(&extractor, &revision)?;
    for query in [
        "zelensky",
        "talks OR storm",
        "title:parliament",
        "\"air defence\"",
    ] {
        let mut pages = Vec::new();
        for filter in [
            ArticleFilter::default(),
            ArticleFilter {
                until: Some("2100-01-01".into()),
                ..ArticleFilter::default()
            },
        ] {
            let mut cursor = None;
            let mut hits = Vec::new();
            loop {
                let page = archive.search(&SearchQuery {
                    query: query.into(),
                    filter: filter.clone(),
                    limit: 3,
                    cursor,
                    ..SearchQuery::default()
                })?;
                hits.extend(page.rows);
                match page.next_cursor {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            pages.push(hits);
        }
        assert!(!pages[0].is_empty(), "{query}");
        assert_eq!(pages[0], pages[1], "{query}");
    }
    Ok(())
}

/// When more articles match than the ranking window, a search ranks the most recently added
/// ones — on every page of its cursor — and says so; `rank_window: None` ranks them all, and
/// a filter is applied before the window is counted.
#[test]
fn a_search_ranks_the_newest_matches_when_more_match_than_its_window() -> TestResult {
    let mut archive = Archive::open_in_memory()?;
    let extractor = Extractor::new(Config::default());
    for n in 0..12 {
        archive.add(
            &extractor,
            &zelensky_story(n, &format!("2022-03-{:02}", 10 + n)),
        )?;
    }
    let walk = |window: Option<usize>,
                filter: ArticleFilter|
     -> Result<(Vec<i64>, Vec<Option<usize>>), Error> {
        let (mut ids, mut notes, mut cursor) = (Vec::new(), Vec::new(), None);
        loop {
            let page = archive.search(&SearchQuery {
                query: "zelensky".into(),
                filter: filter.clone(),
                limit: 2,
                cursor,
                rank_window: window,
                ..SearchQuery::default()
            })?;
            ids.extend(page.rows.iter().map(|h| h.id));
            notes.push(page.ranked_newest);
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        Ok((ids, notes))
    };
    let (all, notes) = walk(None, ArticleFilter::default())?;
    assert_eq!(all.len(), 12);
    assert!(notes.iter().all(Option::is_none));
    let mut newest = all.clone();
    newest.sort_unstable();
    let newest5: Vec<i64> = newest[7..].to_vec();

    let (windowed, notes) = walk(Some(5), ArticleFilter::default())?;
    let mut got = windowed.clone();
    got.sort_unstable();
    assert_eq!(
        got, newest5,
        "the five most recently added matches, each once"
    );
    assert!(notes.iter().all(|n| *n == Some(5)), "{notes:?}");
    // The window keeps the exact order among the matches it holds.
    let order: Vec<i64> = all
        .iter()
        .copied()
        .filter(|id| newest5.contains(id))
        .collect();
    assert_eq!(windowed, order);

    let (fits, notes) = walk(Some(12), ArticleFilter::default())?;
    assert_eq!(fits, all);
    assert!(
        notes.iter().all(Option::is_none),
        "all twelve fit the window"
    );

    // Only the six oldest pass the filter: the window counts among them, not among all.
    let early = ArticleFilter {
        until: Some("2022-03-15".into()),
        ..ArticleFilter::default()
    };
    let (filtered, notes) = walk(Some(4), early.clone())?;
    let (filtered_all, _) = walk(None, early)?;
    assert_eq!(filtered_all.len(), 6);
    let mut got = filtered.clone();
    got.sort_unstable();
    assert_eq!(got, newest[2..6].to_vec());
    assert!(notes.iter().all(|n| *n == Some(4)));
    Ok(())
}

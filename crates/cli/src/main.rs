//! `gleaner`: structured, attributable facts from news articles.

mod archive;
mod extract;
mod inputs;
mod render;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Gleaner turns news articles into structured, attributable facts: headline, highlights,
/// byline, dateline, clean body, and (as stages land) who is named, who said what, which
/// figures are claimed and when things happened — each with its exact span in the text.
#[derive(Debug, Parser)]
#[command(name = "gleaner", version, propagate_version = true)]
#[command(after_help = "Examples:\n  \
    gleaner extract article.txt                  # readable summary on a terminal\n  \
    gleaner extract page.html --format json      # the full JSON result\n  \
    gleaner extract articles/ --jobs 4 > out.jsonl\n  \
    curl -s https://example.org/story | gleaner extract - --as html\n\n\
    Run `gleaner extract --help` for every option.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract the structure of one or more articles (plain text or HTML).
    Extract(extract::ExtractArgs),
    /// Serve the HTTP API (extraction for apps) until SIGINT or SIGTERM.
    Serve(serve::ServeArgs),
    /// A local news corpus in one SQLite file: add, import, search, quotes, figures, …
    Archive(archive::ArchiveArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Serve(args) = &cli.command {
        serve::init_logging(args);
    } else {
        init_logging();
    }
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Archive(args) => archive::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("gleaner: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Warnings only, no timestamps: the CLI's stderr is read by a person, now.
fn init_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}

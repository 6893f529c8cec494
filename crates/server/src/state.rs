//! What every handler shares: the settings, the extraction pool, the metrics.

use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use gleaner_core::{Config, Extractor};

use crate::archive::ArchiveStore;
use crate::config::ServerConfig;
use crate::metrics::Metrics;
use crate::pool::ExtractPool;
use crate::request_id::RequestIds;

/// The state handlers receive; cloning is cheap (one `Arc`).
#[derive(Debug, Clone)]
pub struct AppState(Arc<Shared>);

/// The shared parts behind [`AppState`].
#[derive(Debug)]
pub struct Shared {
    /// The settings the server runs with.
    pub config: ServerConfig,
    /// Worker threads that run extractions.
    pub pool: ExtractPool,
    /// Counters and histograms for `/metrics`.
    pub metrics: Metrics,
    /// Makes request ids.
    pub ids: RequestIds,
    /// The archive, when the server was started with `--db`.
    pub archive: Option<Arc<ArchiveStore>>,
    /// Built once (the core's contract): without and with token spans.
    extractors: [Extractor; 2],
    draining: AtomicBool,
}

impl AppState {
    /// State for `config`; opens the archive (`config.db`) and starts the extraction
    /// workers.
    pub fn new(config: ServerConfig) -> std::io::Result<Self> {
        let archive = match &config.db {
            Some(path) => Some(Arc::new(ArchiveStore::open(path).map_err(|e| {
                std::io::Error::other(format!("cannot open the archive: {e}"))
            })?)),
            None => None,
        };
        let pool = ExtractPool::new(config.workers, config.queue, config.worker_nice)?;
        let extractor = |tokens| {
            Extractor::new(Config {
                max_bytes: config.max_body,
                tokens,
            })
        };
        let extractors = [extractor(false), extractor(true)];
        Ok(Self(Arc::new(Shared {
            config,
            extractors,
            pool,
            metrics: Metrics::default(),
            ids: RequestIds::default(),
            archive,
            draining: AtomicBool::new(false),
        })))
    }

    /// The extractor for a request: with token spans or without.
    pub fn extractor(&self, tokens: bool) -> &Extractor {
        &self.0.extractors[usize::from(tokens)]
    }

    /// Marks the server as shutting down: `/readyz` answers 503 from now on.
    pub fn start_draining(&self) {
        self.0.draining.store(true, Ordering::SeqCst);
    }

    /// Whether the server is shutting down.
    pub fn is_draining(&self) -> bool {
        self.0.draining.load(Ordering::SeqCst)
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

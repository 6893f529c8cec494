//! Running the server: bind, serve, and on a shutdown signal stop accepting, let in-flight
//! requests finish (up to [`ServerConfig::drain`]), then stop the workers.

use std::net::SocketAddr;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;

use crate::config::ServerConfig;
use crate::routes::router;
use crate::state::AppState;

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, not permitted).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The workers could not start, or the listener failed.
    #[error("server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Binds `config.addr` and serves until `shutdown` completes, then drains.
pub async fn serve(
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
    serve_on(listener, config, shutdown).await
}

/// Serves on an already bound `listener` (`config.addr` is ignored) until `shutdown`
/// completes; then refuses new connections, answers `/readyz` with 503, waits for in-flight
/// requests for at most `config.drain`, and joins the extraction workers.
pub async fn serve_on(
    listener: TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let addr = listener.local_addr()?;
    let drain = config.drain;
    let state = AppState::new(config)?;
    log_start(addr, &state);
    let app = router(state.clone());
    let (draining_tx, mut draining_rx) = tokio::sync::watch::channel(false);
    let signal_state = state.clone();
    let signal = async move {
        shutdown.await;
        signal_state.start_draining();
        tracing::info!("shutting down: no new connections, finishing in-flight requests");
        let _ = draining_tx.send(true);
    };
    let listener = listener.tap_io(|tcp| {
        // Responses are written whole; do not let Nagle hold their last segment back.
        let _ = tcp.set_nodelay(true);
    });
    let server = axum::serve(listener, app).with_graceful_shutdown(signal);
    let drain_limit = async move {
        let _ = draining_rx.wait_for(|draining| *draining).await;
        tokio::time::sleep(drain).await;
    };
    tokio::select! {
        result = server => result?,
        () = drain_limit => {
            tracing::warn!(drain_ms = drain.as_millis() as u64, "drain limit reached; closing the remaining connections");
        }
    }
    let pool_state = state.clone();
    let _ = tokio::task::spawn_blocking(move || pool_state.pool.shut_down()).await;
    tracing::info!("stopped");
    Ok(())
}

fn log_start(addr: SocketAddr, state: &AppState) {
    let config = &state.config;
    tracing::info!(
        %addr,
        workers = config.workers.max(1),
        queue = config.queue,
        max_body = config.max_body,
        timeout_ms = config.timeout.as_millis() as u64,
        token = config.token.is_some(),
        cors = !config.cors_origins.is_empty(),
        "listening"
    );
    if !addr.ip().is_loopback() {
        if config.token.is_some() {
            tracing::warn!(%addr, "listening beyond loopback");
        } else {
            tracing::warn!(%addr, "listening beyond loopback without a token: anyone who can reach it may use it");
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}

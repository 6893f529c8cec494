//! Request ids: taken from the client's `x-request-id` when it is sane, otherwise made here;
//! echoed in the response header, every log line of the request and every problem body.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};

/// The header that carries the id both ways.
pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static CURRENT: String;
}

/// The id of the request being handled by this task, if any.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

/// Runs `future` with `id` as the current request id.
pub async fn scope<F: Future>(id: String, future: F) -> F::Output {
    CURRENT.scope(id, future).await
}

/// Makes ids unique within a process and unlikely to repeat across restarts:
/// a random per-process prefix and a counter (`5f2c9a1e0b7d4c33-000042`).
#[derive(Debug)]
pub struct RequestIds {
    prefix: String,
    counter: AtomicU64,
}

impl Default for RequestIds {
    fn default() -> Self {
        // std seeds RandomState from the OS; hashing the pid and clock adds nothing to it
        // but keeps two RandomStates built in one instant apart.
        let seed = RandomState::new().hash_one((
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        ));
        Self {
            prefix: format!("{seed:016x}"),
            counter: AtomicU64::new(0),
        }
    }
}

impl RequestIds {
    /// The id for a request: the client's, when it sent a sane one, else a new one.
    pub fn for_request(&self, client_id: Option<&str>) -> String {
        match client_id {
            Some(id) if is_sane(id) => id.to_string(),
            _ => {
                let n = self.counter.fetch_add(1, Ordering::Relaxed) + 1;
                format!("{}-{n:06}", self.prefix)
            }
        }
    }
}

/// 1–64 characters of `[A-Za-z0-9._:-]`: safe in logs and headers.
fn is_sane(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_are_kept_only_when_sane() {
        let ids = RequestIds::default();
        assert_eq!(ids.for_request(Some("abc-123")), "abc-123");
        let made = ids.for_request(Some("bad id\nwith newline"));
        assert!(made.ends_with("-000001"), "{made}");
        assert_ne!(ids.for_request(None), made);
        assert!(!ids.for_request(Some(&"x".repeat(65))).starts_with('x'));
    }

    #[tokio::test]
    async fn current_id_is_scoped() {
        assert_eq!(current(), None);
        let inside = scope("r1".to_string(), async { current() }).await;
        assert_eq!(inside.as_deref(), Some("r1"));
    }
}

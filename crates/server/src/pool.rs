//! The extraction pool: a fixed number of worker threads and a bounded queue, so CPU-bound
//! extraction never runs on the async runtime and overload is refused at once.
//!
//! A caller first reserves a [`Slot`] — one of `workers + queue` — then hands the slot and a
//! job to [`ExtractPool::run`]. `try_reserve` fails immediately when every slot is taken (the
//! single-article endpoint sheds with 503); `reserve` waits (a batch applies back-pressure to
//! its own body instead). A job whose caller has gone (timed out, disconnected) before a
//! worker picks it up is skipped, so abandoned work does not pile up.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

type Job = Box<dyn FnOnce() + Send>;

/// Why a job gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// The pool was shut down.
    #[error("the extraction pool is shut down")]
    Closed,
    /// The job panicked; the worker survived and logged it.
    #[error("the extraction job panicked")]
    Panicked,
}

/// A reserved place in the pool, held from admission until the job finishes.
#[derive(Debug)]
pub struct Slot {
    /// Released on drop.
    _permit: OwnedSemaphorePermit,
}

/// How busy the pool is, for metrics and readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Worker threads.
    pub workers: usize,
    /// Jobs running now.
    pub running: usize,
    /// Slots taken: running, queued, or reserved by a request still reading its body.
    pub admitted: usize,
    /// Total slots (`workers + queue`).
    pub capacity: usize,
}

/// Fixed worker threads fed by a bounded queue. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct ExtractPool {
    sender: Mutex<Option<mpsc::SyncSender<Job>>>,
    slots: Arc<Semaphore>,
    capacity: usize,
    workers: Mutex<Vec<JoinHandle<()>>>,
    worker_count: usize,
    running: Arc<AtomicUsize>,
}

impl ExtractPool {
    /// Starts `workers` threads (at least one) behind a queue of `queue` waiting jobs. The
    /// workers run `nice` steps below normal priority (Linux; 0 leaves them alone).
    pub fn new(workers: usize, queue: usize, nice: i32) -> std::io::Result<Self> {
        let workers = workers.max(1);
        let capacity = workers + queue;
        // Never full: the slots admit at most `capacity` jobs.
        let (sender, receiver) = mpsc::sync_channel::<Job>(capacity);
        let receiver = Arc::new(Mutex::new(receiver));
        let running = Arc::new(AtomicUsize::new(0));
        let mut handles = Vec::with_capacity(workers);
        for i in 0..workers {
            let receiver = Arc::clone(&receiver);
            let running = Arc::clone(&running);
            let handle = std::thread::Builder::new()
                .name(format!("gleaner-extract-{i}"))
                .spawn(move || {
                    lower_priority(nice);
                    work(&receiver, &running);
                })?;
            handles.push(handle);
        }
        Ok(Self {
            sender: Mutex::new(Some(sender)),
            slots: Arc::new(Semaphore::new(capacity)),
            capacity,
            workers: Mutex::new(handles),
            worker_count: workers,
            running,
        })
    }

    /// A slot if one is free now, else `None` (the caller sheds the request).
    pub fn try_reserve(&self) -> Option<Slot> {
        Arc::clone(&self.slots)
            .try_acquire_owned()
            .ok()
            .map(|permit| Slot { _permit: permit })
    }

    /// A slot, waiting for one to free up; `None` once the pool is shut down.
    pub async fn reserve(&self) -> Option<Slot> {
        Arc::clone(&self.slots)
            .acquire_owned()
            .await
            .ok()
            .map(|permit| Slot { _permit: permit })
    }

    /// Runs `job` on a worker and waits for its result. The slot is released when the job
    /// ends (or is skipped because this future was dropped first).
    pub async fn run<T, F>(&self, slot: Slot, job: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let task: Job = Box::new(move || {
            if tx.is_closed() {
                return;
            }
            let result = std::panic::catch_unwind(AssertUnwindSafe(job));
            // Free the slot before the caller wakes up, so its next request finds it free.
            drop(slot);
            match result {
                Ok(value) => {
                    let _ = tx.send(value);
                }
                Err(_) => tracing::error!("extraction job panicked"),
            }
        });
        let sent = match self.sender.lock() {
            Ok(guard) => guard
                .as_ref()
                .is_some_and(|sender| sender.try_send(task).is_ok()),
            Err(_) => false,
        };
        if !sent {
            return Err(PoolError::Closed);
        }
        rx.await.map_err(|_| PoolError::Panicked)
    }

    /// How busy the pool is now.
    pub fn stats(&self) -> PoolStats {
        PoolStats {
            workers: self.worker_count,
            running: self.running.load(Ordering::Relaxed),
            admitted: self.capacity - self.slots.available_permits(),
            capacity: self.capacity,
        }
    }

    /// Whether the pool still takes jobs.
    pub fn is_open(&self) -> bool {
        !self.slots.is_closed()
    }

    /// Stops taking jobs, lets the workers finish what is queued, and joins them. Blocks:
    /// call it off the async runtime.
    pub fn shut_down(&self) {
        self.slots.close();
        if let Ok(mut sender) = self.sender.lock() {
            sender.take();
        }
        let handles = match self.workers.lock() {
            Ok(mut workers) => std::mem::take(&mut *workers),
            Err(_) => Vec::new(),
        };
        for handle in handles {
            if handle.join().is_err() {
                tracing::error!("an extraction worker ended by panic");
            }
        }
    }
}

/// Lowers the calling thread's priority by `nice` steps. Extraction is CPU-bound and the
/// async runtime is not: when both want a core, the runtime (accepting connections, shedding
/// with 503, writing responses) should win, or overload makes even refusals slow. Linux
/// gives each thread its own nice value.
#[cfg(target_os = "linux")]
fn lower_priority(nice: i32) {
    if nice <= 0 {
        return;
    }
    // SAFETY: plain integer arguments; affects only the calling thread's priority.
    let result = unsafe {
        libc::setpriority(
            libc::PRIO_PROCESS,
            libc::gettid() as libc::id_t,
            nice.min(19),
        )
    };
    if result != 0 {
        tracing::warn!(
            error = %std::io::Error::last_os_error(),
            "cannot lower an extraction worker's priority"
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority(_nice: i32) {}

/// A worker: takes jobs until the queue is closed and empty.
fn work(receiver: &Mutex<mpsc::Receiver<Job>>, running: &AtomicUsize) {
    loop {
        let job = match receiver.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        running.fetch_add(1, Ordering::Relaxed);
        job();
        running.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn runs_jobs_and_sheds_beyond_capacity() {
        let pool = Arc::new(ExtractPool::new(1, 1, 0).unwrap());
        assert_eq!(pool.stats().capacity, 2);
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let first = pool.try_reserve().unwrap();
        let blocked = {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move { pool.run(first, move || release_rx.recv().is_ok()).await })
        };
        let second = pool.try_reserve().unwrap();
        assert!(pool.try_reserve().is_none(), "a third slot was granted");
        release_tx.send(()).unwrap();
        assert_eq!(blocked.await.unwrap(), Ok(true));
        assert_eq!(pool.run(second, || 7).await, Ok(7));
        assert_eq!(pool.stats().admitted, 0);
        pool.shut_down();
        assert!(!pool.is_open());
        assert!(pool.try_reserve().is_none());
    }

    #[tokio::test]
    async fn a_panicking_job_is_reported_and_the_worker_survives() {
        let pool = ExtractPool::new(1, 0, 0).unwrap();
        let slot = pool.try_reserve().unwrap();
        let result: Result<(), _> = pool.run(slot, || panic!("boom")).await;
        assert_eq!(result, Err(PoolError::Panicked));
        let slot = pool.try_reserve().unwrap();
        assert_eq!(pool.run(slot, || 1).await, Ok(1));
        pool.shut_down();
    }

    #[tokio::test]
    async fn abandoned_jobs_are_skipped() {
        let pool = Arc::new(ExtractPool::new(1, 4, 10).unwrap());
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let slot = pool.try_reserve().unwrap();
        let blocker = {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move { pool.run(slot, move || release_rx.recv().is_ok()).await })
        };
        while pool.stats().running == 0 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let ran = Arc::new(AtomicUsize::new(0));
        let slot = pool.try_reserve().unwrap();
        let counter = Arc::clone(&ran);
        let abandoned = tokio::time::timeout(
            Duration::from_millis(20),
            pool.run(slot, move || counter.fetch_add(1, Ordering::SeqCst)),
        )
        .await;
        assert!(abandoned.is_err(), "the queued job should still be waiting");
        release_tx.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        pool.shut_down();
        assert_eq!(ran.load(Ordering::SeqCst), 0, "an abandoned job ran");
    }
}

//! Counters and histograms, rendered in the Prometheus text format for `GET /metrics`.
//!
//! Hand-rolled (a few atomics and one mutex-guarded map) rather than a metrics framework:
//! the set of series is small and fixed, and the format is simple. Route labels are the
//! route templates (`/v1/extract`), or `unmatched`, so cardinality stays bounded.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use crate::pool::PoolStats;

/// Upper bounds (seconds) of the latency buckets.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A cumulative-on-render latency histogram.
#[derive(Debug, Clone, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(i) = BUCKETS.iter().position(|&le| seconds <= le) {
            self.counts[i] += 1;
        }
        self.sum += seconds;
        self.count += 1;
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        let mut cumulative = 0;
        for (le, n) in BUCKETS.iter().zip(self.counts) {
            cumulative += n;
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels}{sep}le=\"{le}\"}} {cumulative}"
            );
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}",
            self.count
        );
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let _ = writeln!(out, "{name}_sum{braces} {}", self.sum);
        let _ = writeln!(out, "{name}_count{braces} {}", self.count);
    }
}

#[derive(Debug, Default)]
struct HttpSeries {
    /// route → its series (looked up by `&str`: no allocation once a route has been seen).
    routes: BTreeMap<String, RouteSeries>,
    extraction: Histogram,
}

#[derive(Debug, Clone, Default)]
struct RouteSeries {
    /// (method, status) → requests.
    requests: BTreeMap<(&'static str, u16), u64>,
    /// Latency until the response head.
    latency: Histogram,
}

/// The server's metrics. Shared by every request.
#[derive(Debug, Default)]
pub struct Metrics {
    series: Mutex<HttpSeries>,
    in_flight: AtomicI64,
    extractions_ok: AtomicU64,
    extractions_failed: AtomicU64,
    shed: AtomicU64,
    timeouts: AtomicU64,
}

/// What an extraction job ended with, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An article came out.
    Ok,
    /// The input was refused (empty, binary, malformed).
    Failed,
}

impl Metrics {
    /// A request started.
    pub fn request_started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request finished with `status` after `elapsed`.
    pub fn request_finished(
        &self,
        method: &'static str,
        route: &str,
        status: u16,
        elapsed: Duration,
    ) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        if let Ok(mut series) = self.series.lock() {
            if !series.routes.contains_key(route) {
                series
                    .routes
                    .insert(route.to_string(), RouteSeries::default());
            }
            if let Some(r) = series.routes.get_mut(route) {
                *r.requests.entry((method, status)).or_default() += 1;
                r.latency.observe(elapsed.as_secs_f64());
            }
        }
    }

    /// One extraction job took `elapsed` on a worker.
    pub fn extraction(&self, outcome: Outcome, elapsed: Duration) {
        match outcome {
            Outcome::Ok => &self.extractions_ok,
            Outcome::Failed => &self.extractions_failed,
        }
        .fetch_add(1, Ordering::Relaxed);
        if let Ok(mut series) = self.series.lock() {
            series.extraction.observe(elapsed.as_secs_f64());
        }
    }

    /// A request was refused because the pool was full.
    pub fn shed(&self) {
        self.shed.fetch_add(1, Ordering::Relaxed);
    }

    /// An extraction did not finish within the timeout.
    pub fn timeout(&self) {
        self.timeouts.fetch_add(1, Ordering::Relaxed);
    }

    /// Requests being handled now (until their response head is sent).
    pub fn in_flight(&self) -> i64 {
        self.in_flight.load(Ordering::Relaxed)
    }

    /// All series in the Prometheus text exposition format (version 0.0.4).
    pub fn render(&self, pool: &PoolStats) -> String {
        let mut out = String::with_capacity(4096);
        let (routes, extraction) = match self.series.lock() {
            Ok(s) => (s.routes.clone(), s.extraction.clone()),
            Err(_) => Default::default(),
        };

        header(
            &mut out,
            "gleaner_http_requests_total",
            "counter",
            "HTTP requests handled, by method, route and status.",
        );
        for (route, r) in &routes {
            for ((method, status), n) in &r.requests {
                let _ = writeln!(
                    out,
                    "gleaner_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        header(
            &mut out,
            "gleaner_http_request_duration_seconds",
            "histogram",
            "Time from request to response head, by route.",
        );
        for (route, r) in &routes {
            r.latency.render(
                &mut out,
                "gleaner_http_request_duration_seconds",
                &format!("route=\"{}\"", escape(route)),
            );
        }
        header(
            &mut out,
            "gleaner_http_requests_in_flight",
            "gauge",
            "Requests being handled now.",
        );
        let _ = writeln!(out, "gleaner_http_requests_in_flight {}", self.in_flight());
        header(
            &mut out,
            "gleaner_extraction_duration_seconds",
            "histogram",
            "Time one extraction takes on a worker (parse, extract, serialise).",
        );
        extraction.render(&mut out, "gleaner_extraction_duration_seconds", "");
        header(
            &mut out,
            "gleaner_extractions_total",
            "counter",
            "Extraction jobs run, by outcome.",
        );
        let ok = self.extractions_ok.load(Ordering::Relaxed);
        let failed = self.extractions_failed.load(Ordering::Relaxed);
        let _ = writeln!(out, "gleaner_extractions_total{{outcome=\"ok\"}} {ok}");
        let _ = writeln!(
            out,
            "gleaner_extractions_total{{outcome=\"failed\"}} {failed}"
        );
        header(
            &mut out,
            "gleaner_shed_total",
            "counter",
            "Requests refused with 503 because every worker was busy and the queue full.",
        );
        let _ = writeln!(
            out,
            "gleaner_shed_total {}",
            self.shed.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "gleaner_timeouts_total",
            "counter",
            "Extractions that did not finish within the timeout.",
        );
        let _ = writeln!(
            out,
            "gleaner_timeouts_total {}",
            self.timeouts.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "gleaner_pool_workers",
            "gauge",
            "Extraction worker threads.",
        );
        let _ = writeln!(out, "gleaner_pool_workers {}", pool.workers);
        header(
            &mut out,
            "gleaner_pool_running",
            "gauge",
            "Extractions running now.",
        );
        let _ = writeln!(out, "gleaner_pool_running {}", pool.running);
        header(
            &mut out,
            "gleaner_pool_admitted",
            "gauge",
            "Pool slots taken (running, queued or reading their body).",
        );
        let _ = writeln!(out, "gleaner_pool_admitted {}", pool.admitted);
        header(
            &mut out,
            "gleaner_pool_capacity",
            "gauge",
            "Pool slots (workers + queue).",
        );
        let _ = writeln!(out, "gleaner_pool_capacity {}", pool.capacity);
        out
    }
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// Escapes a label value (backslash, quote, newline).
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let metrics = Metrics::default();
        metrics.request_started();
        metrics.request_finished("POST", "/v1/extract", 200, Duration::from_millis(3));
        metrics.request_started();
        metrics.request_finished("POST", "/v1/extract", 200, Duration::from_millis(30));
        let text = metrics.render(&PoolStats {
            workers: 2,
            running: 0,
            admitted: 0,
            capacity: 130,
        });
        assert!(text.contains(
            "gleaner_http_requests_total{method=\"POST\",route=\"/v1/extract\",status=\"200\"} 2"
        ));
        assert!(text.contains(
            "gleaner_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"0.005\"} 1"
        ));
        assert!(text.contains(
            "gleaner_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"0.05\"} 2"
        ));
        assert!(text.contains("gleaner_http_requests_in_flight 0"));
        assert!(text.contains("gleaner_pool_capacity 130"));
    }
}

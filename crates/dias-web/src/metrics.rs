//! Prometheus metrics in the text exposition format.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct Metrics {
    pub requests: AtomicU64,
    pub responses_2xx: AtomicU64,
    pub responses_3xx: AtomicU64,
    pub responses_4xx: AtomicU64,
    pub responses_5xx: AtomicU64,
    /// Sum of response times in microseconds.
    pub duration_us: AtomicU64,
    /// Histogram buckets (≤ 5, 10, 25, 50, 100, 250, 1000 ms, +Inf).
    pub buckets: [AtomicU64; 8],
}

const BOUNDS_MS: [f64; 7] = [5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 1000.0];

impl Metrics {
    pub fn observe(&self, status: u16, micros: u64) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let counter = match status {
            200..=299 => &self.responses_2xx,
            300..=399 => &self.responses_3xx,
            400..=499 => &self.responses_4xx,
            _ => &self.responses_5xx,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        self.duration_us.fetch_add(micros, Ordering::Relaxed);
        let ms = micros as f64 / 1000.0;
        let slot = BOUNDS_MS
            .iter()
            .position(|b| ms <= *b)
            .unwrap_or(BOUNDS_MS.len());
        self.buckets[slot].fetch_add(1, Ordering::Relaxed);
    }

    /// The exposition text; `extra` adds gauges computed by the caller.
    pub fn render(&self, extra: &[(&str, &str, f64)]) -> String {
        use std::fmt::Write;
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP dias_http_responses_total HTTP responses by status class."
        );
        let _ = writeln!(out, "# TYPE dias_http_responses_total counter");
        for (class, counter) in [
            ("2xx", &self.responses_2xx),
            ("3xx", &self.responses_3xx),
            ("4xx", &self.responses_4xx),
            ("5xx", &self.responses_5xx),
        ] {
            let _ = writeln!(
                out,
                "dias_http_responses_total{{class=\"{class}\"}} {}",
                get(counter)
            );
        }
        let _ = writeln!(
            out,
            "# HELP dias_http_request_duration_seconds Response time."
        );
        let _ = writeln!(out, "# TYPE dias_http_request_duration_seconds histogram");
        let mut cumulative = 0;
        for (i, bound) in BOUNDS_MS.iter().enumerate() {
            cumulative += get(&self.buckets[i]);
            let _ = writeln!(
                out,
                "dias_http_request_duration_seconds_bucket{{le=\"{}\"}} {cumulative}",
                bound / 1000.0
            );
        }
        cumulative += get(&self.buckets[BOUNDS_MS.len()]);
        let _ = writeln!(
            out,
            "dias_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {cumulative}"
        );
        let _ = writeln!(
            out,
            "dias_http_request_duration_seconds_sum {}",
            get(&self.duration_us) as f64 / 1e6
        );
        let _ = writeln!(
            out,
            "dias_http_request_duration_seconds_count {}",
            get(&self.requests)
        );
        for (name, help, value) in extra {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {value}");
        }
        out
    }
}

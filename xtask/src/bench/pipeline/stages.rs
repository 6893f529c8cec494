//! Time per stage: the core's public stage functions called in the extractor's order on the
//! same inputs, so each stage's share of the pipeline and its growth with article length
//! can be seen. (The whole-pipeline figures always go through `Extractor`; a stage added
//! there shows up here once it is listed in [`STAGES`].)

use std::time::Duration;

use crate::bench::cpu::thread_cpu_time;

use gleaner_core::{
    InputFormat, assemble, decode, entities, landmarks, language, layout, quantities, quotes,
    segment, speaker_candidates, time,
};

/// Stage names in pipeline order.
pub const STAGES: &[&str] = &[
    "decode",
    "layout",
    "assemble",
    "segment",
    "entities",
    "quotes",
    "time",
    "quantities",
    "checks",
    "language",
];

/// Time spent in each of [`STAGES`].
#[derive(Debug, Clone, Default)]
pub struct StageTimes(pub [Duration; 10]);

impl StageTimes {
    /// Sum over all stages.
    pub fn total(&self) -> Duration {
        self.0.iter().sum()
    }

    /// Adds `other`'s times to these.
    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a += *b;
        }
    }
}

/// Runs every stage once on `bytes` read as `format`, timing each in thread CPU time.
pub fn time_stages(bytes: &[u8], format: InputFormat) -> StageTimes {
    let mut t = StageTimes::default();
    let mut clock = thread_cpu_time();
    let mut lap = |i: usize, clock: &mut Duration| {
        let now = thread_cpu_time();
        t.0[i] += now.saturating_sub(*clock);
        *clock = now;
    };
    let html = format == InputFormat::Html;
    let Ok(decoded) = decode::decode(bytes, None, html) else {
        return t;
    };
    let text = if html {
        decoded.text
    } else {
        decode::normalize_invisible(&decoded.text)
    };
    lap(0, &mut clock);
    let laid_out = if html {
        layout::html::lay_out_html(&text, None)
    } else {
        layout::lay_out_text(&text)
    };
    lap(1, &mut clock);
    let assembled = assemble::assemble(&laid_out);
    lap(2, &mut clock);
    let seg = segment::segment(&assembled.text, &assembled.sections, true);
    lap(3, &mut clock);
    let found = entities::find(
        &assembled.text,
        &seg.sentences,
        &seg.tokens,
        landmarks(&assembled.sections, assembled.dateline.as_ref()),
    );
    std::hint::black_box(&found);
    lap(4, &mut clock);
    let candidates = speaker_candidates(&found.unwrap_or_default());
    let said = quotes::find_quotes(&quotes::QuoteInput {
        text: &assembled.text,
        sections: &assembled.sections,
        sentences: &seg.sentences,
        tokens: &seg.tokens,
        entities: &candidates,
    });
    std::hint::black_box(&said);
    lap(5, &mut clock);
    let times = time::find_times(&assembled.text, &seg.sentences, None);
    std::hint::black_box(&times);
    lap(6, &mut clock);
    let figures = quantities::find_quantities(&assembled.text, &seg.sentences);
    lap(7, &mut clock);
    let checks = quantities::figure_warnings(&assembled.text, &assembled.sections, &figures);
    std::hint::black_box(&checks);
    lap(8, &mut clock);
    std::hint::black_box(language::detect(&assembled.body));
    lap(9, &mut clock);
    t
}

/// Stage times summed over `items`.
pub fn time_corpus(items: &[Vec<u8>], format: InputFormat) -> StageTimes {
    let mut total = StageTimes::default();
    for item in items {
        total.add(&time_stages(item, format));
    }
    total
}

/// Least-squares slope of `ln y` against `ln x`: the exponent of `y ∝ x^k`.
pub fn fitted_exponent(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    let n = logs.len() as f64;
    let mx = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = logs.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = logs.iter().map(|(x, _)| (x - mx).powi(2)).sum();
    sxy / sxx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponent_of_a_power_law() {
        let linear = [(1.0, 3.0), (4.0, 12.0), (16.0, 48.0)];
        assert!((fitted_exponent(&linear) - 1.0).abs() < 1e-9);
        let square = [(1.0, 2.0), (4.0, 32.0), (16.0, 512.0)];
        assert!((fitted_exponent(&square) - 2.0).abs() < 1e-9);
    }
}

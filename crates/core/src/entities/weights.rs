//! A hashed weight table: one row of [`TAG_COUNT`] weights per feature-hash bucket.
//!
//! [`StoredWeights`] is the on-disk form: only non-zero rows (row gaps as varints, a bfloat16
//! scale, 17 bytes of weights: 8 bits with a per-row scale). [`Weights`], the form the tagger
//! scores with, is built from it once per process and is dense, so that scoring is one
//! indexed load per feature, and each row holds the 16 tags' weights *minus the O tag's*, as
//! 16-bit integers with one scale for the whole table: only differences between tags decide
//! the best tag, so dropping O's column loses nothing, and integer rows of 32 bytes are added
//! with a few vector instructions instead of converting and scaling 17 floats per feature.

use super::LoadError;
use super::binary::{Reader, Writer};
use super::tags::{OUTSIDE, TAG_COUNT};

/// Tags other than O: the columns of a scoring row.
const COLUMNS: usize = TAG_COUNT - 1;

/// The largest magnitude a scoring weight is given. Coarser steps (8191) flipped close
/// decisions on one long document in twenty-five; at this one the tags match the
/// floating-point scoring on all but one in a hundred (see `docs/decisions.md`).
const LARGEST: f32 = 32767.0;

/// One row as stored: 8-bit weights for every tag and their scale.
#[derive(Debug, Clone, Copy)]
struct StoredRow {
    index: u32,
    weights: [i8; TAG_COUNT],
    scale: f32,
}

/// One scoring row: weights relative to O, in half a cache line so that a feature costs one
/// memory access.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Row([i16; COLUMNS]);

const EMPTY: Row = Row([0; COLUMNS]);

/// A weight table as stored: the non-zero rows of `2^bits`, 8-bit with a per-row scale.
/// Written by the trainer; read once per process and turned into [`Weights`].
#[derive(Debug, Clone)]
pub struct StoredWeights {
    bits: u32,
    rows: Vec<StoredRow>,
}

/// The scoring form of a [`StoredWeights`] table: `2^bits` dense rows.
#[derive(Debug, Clone)]
pub struct Weights {
    bits: u32,
    rows: Vec<Row>,
    /// What one unit of a scoring weight is worth.
    unit: f32,
}

impl StoredWeights {
    /// Quantises a dense `f32` table (`2^bits × TAG_COUNT`), dropping rows whose largest
    /// weight is below `prune`.
    pub fn quantise(bits: u32, dense: &[f32], prune: f32) -> Self {
        let n = 1usize << bits;
        let mut stored = Vec::new();
        for r in 0..n.min(dense.len() / TAG_COUNT) {
            let row = &dense[r * TAG_COUNT..(r + 1) * TAG_COUNT];
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            if max == 0.0 || max < prune {
                continue;
            }
            // bfloat16 on disk: round the scale the way it will be stored.
            let scale = bf16_round(max / 127.0);
            let mut weights = [0i8; TAG_COUNT];
            for (v, w) in weights.iter_mut().zip(row) {
                *v = (w / scale).round().clamp(-127.0, 127.0) as i8;
            }
            stored.push(StoredRow {
                index: r as u32,
                weights,
                scale,
            });
        }
        Self { bits, rows: stored }
    }

    /// Number of non-zero rows.
    pub fn rows_used(&self) -> usize {
        self.rows.len()
    }

    /// Appends the on-disk form.
    pub fn write(&self, w: &mut Writer) {
        w.u8(self.bits as u8);
        w.u32(self.rows.len() as u32);
        let mut last = 0usize;
        for row in &self.rows {
            let at = row.index as usize;
            write_varint(w, (at - last) as u64);
            last = at;
            w.u16((row.scale.to_bits() >> 16) as u16);
            for &v in &row.weights {
                w.u8(v as u8);
            }
        }
    }

    /// Reads the on-disk form.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, LoadError> {
        let bits = u32::from(r.u8()?);
        if !(8..=26).contains(&bits) {
            return Err(LoadError::BadHeader);
        }
        let n = 1usize << bits;
        let used = r.count(3 + TAG_COUNT)?;
        let mut stored = Vec::with_capacity(used);
        let mut at = 0usize;
        for i in 0..used {
            let gap = read_varint(r)? as usize;
            // Rows are stored in order, each after the last (the first may be row 0).
            if i > 0 && gap == 0 {
                return Err(LoadError::BadHeader);
            }
            at = at
                .checked_add(gap)
                .filter(|&x| x < n)
                .ok_or(LoadError::BadHeader)?;
            let scale = f32::from_bits(u32::from(r.u16()?) << 16);
            let mut weights = [0i8; TAG_COUNT];
            for (v, b) in weights.iter_mut().zip(r.take(TAG_COUNT)?) {
                *v = *b as i8;
            }
            stored.push(StoredRow {
                index: at as u32,
                weights,
                scale,
            });
        }
        Ok(Self { bits, rows: stored })
    }
}

impl From<&StoredWeights> for Weights {
    /// The scoring table of the stored rows.
    fn from(stored: &StoredWeights) -> Self {
        let relative = |row: &StoredRow, tag: usize| {
            row.scale * f32::from(i16::from(row.weights[tag]) - i16::from(row.weights[0]))
        };
        let largest = stored
            .rows
            .iter()
            .flat_map(|row| (1..TAG_COUNT).map(move |t| relative(row, t).abs()))
            .fold(0f32, f32::max);
        let unit = if largest > 0.0 {
            largest / LARGEST
        } else {
            1.0
        };
        let mut rows = vec![EMPTY; 1usize << stored.bits];
        for row in &stored.rows {
            let target = &mut rows[row.index as usize].0;
            for (t, v) in target.iter_mut().enumerate() {
                *v = (relative(row, t + 1) / unit).round() as i16;
            }
        }
        Self {
            bits: stored.bits,
            rows,
            unit,
        }
    }
}

impl Weights {
    /// Row-index bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Adds the rows of `features` (feature hashes) to `scores`, as the score of each tag
    /// over the O tag's (which gets nothing): only differences between tags are meaningful.
    #[inline]
    pub fn add(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        self.add_parts([features, &[]], scores);
    }

    /// [`Weights::add`] of the features of both lists, in one exact sum (as if they were one
    /// list, without copying them into one).
    #[inline]
    pub fn add_parts(&self, parts: [&[u64]; 2], scores: &mut [f32; TAG_COUNT]) {
        let shift = 64 - self.bits;
        // Exact 32-bit sums: a token's scores reach many times the largest weight.
        let mut sum = [0i32; COLUMNS];
        for part in parts {
            for &f in part {
                // No test for empty rows: their weights are zero, and a branch here mispredicts.
                let row = &self.rows[(f >> shift) as usize].0;
                for (s, &w) in sum.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
        for (s, &v) in scores.iter_mut().skip(usize::from(OUTSIDE) + 1).zip(&sum) {
            *s += self.unit * v as f32;
        }
    }

    /// Asks the processor to start fetching the rows of `features` into the cache, so that a
    /// later [`Weights::add`] of them need not wait for memory (the tagger's time is mostly
    /// those waits). Only a hint: it changes no result, and does nothing off x86-64.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let shift = 64 - self.bits;
            for &f in features {
                if let Some(row) = self.rows.get((f >> shift) as usize) {
                    let at: *const Row = row;
                    // SAFETY: a prefetch reads nothing a program can observe and cannot fault
                    // (here the address is a live row anyway); SSE is part of the x86-64
                    // baseline, so the instruction always exists.
                    unsafe { _mm_prefetch::<_MM_HINT_T0>(at.cast()) };
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = features;
    }
}

fn bf16_round(x: f32) -> f32 {
    let bits = x.to_bits();
    let rounded = bits.wrapping_add(0x7fff + ((bits >> 16) & 1)) & 0xffff_0000;
    let y = f32::from_bits(rounded);
    if y == 0.0 {
        f32::from_bits(0x0001_0000)
    } else {
        y
    }
}

fn write_varint(w: &mut Writer, mut v: u64) {
    while v >= 0x80 {
        w.u8((v as u8) | 0x80);
        v >>= 7;
    }
    w.u8(v as u8);
}

fn read_varint(r: &mut Reader<'_>) -> Result<u64, LoadError> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = r.u8()?;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(LoadError::BadHeader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantised_round_trip() {
        let bits = 8;
        let mut dense = vec![0f32; (1 << bits) * TAG_COUNT];
        dense[3 * TAG_COUNT + 2] = 1.5;
        dense[3 * TAG_COUNT + 5] = -0.75;
        dense[200 * TAG_COUNT] = 0.01;
        let w = StoredWeights::quantise(bits, &dense, 0.05);
        assert_eq!(w.rows_used(), 1);
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::from(&StoredWeights::read(&mut Reader::new(&out.bytes)).unwrap());
        let mut scores = [0f32; TAG_COUNT];
        back.add(&[3u64 << 56], &mut scores);
        // Scores are relative to O's, which was zero here.
        assert!((scores[2] - 1.5).abs() < 0.02, "{scores:?}");
        assert!((scores[5] + 0.75).abs() < 0.02, "{scores:?}");
        assert_eq!(scores[0], 0.0);
        assert_eq!(scores[1], 0.0);
    }

    #[test]
    fn scores_are_relative_to_the_outside_tag_and_exact_over_many_rows() {
        let bits = 8;
        let mut dense = vec![0f32; (1 << bits) * TAG_COUNT];
        // Row 5: O weighs 2.0, tag 3 weighs 3.0 and tag 4 weighs 1.0.
        dense[5 * TAG_COUNT] = 2.0;
        dense[5 * TAG_COUNT + 3] = 3.0;
        dense[5 * TAG_COUNT + 4] = 1.0;
        let w = Weights::from(&StoredWeights::quantise(bits, &dense, 0.0));
        // The same row many times over: far past what 16-bit sums could hold.
        let features = vec![5u64 << 56; 301];
        let mut scores = [0f32; TAG_COUNT];
        w.add(&features, &mut scores);
        let n = features.len() as f32;
        assert_eq!(scores[0], 0.0);
        assert!((scores[3] - n).abs() < 0.05 * n, "{scores:?}");
        assert!((scores[4] + n).abs() < 0.05 * n, "{scores:?}");
        assert!((scores[1] + 2.0 * n).abs() < 0.05 * n, "{scores:?}");
    }
}

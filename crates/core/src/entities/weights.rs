//! A hashed weight table: one row of [`TAG_COUNT`] weights per feature-hash bucket,
//! quantised to 8 bits with a per-row scale.
//!
//! On disk only non-zero rows are stored (row gaps as varints, a bfloat16 scale, 17 bytes of
//! weights); in memory the table is dense so that scoring is one indexed load per feature.

use super::LoadError;
use super::binary::{Reader, Writer};
use super::tags::TAG_COUNT;

/// One row: 8-bit weights and their scale, in half a cache line so that a feature costs
/// one memory access.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Row {
    weights: [i8; TAG_COUNT],
    scale: f32,
}

const EMPTY: Row = Row {
    weights: [0; TAG_COUNT],
    scale: 0.0,
};

/// A quantised weight table of `2^bits` rows.
#[derive(Debug, Clone)]
pub struct Weights {
    bits: u32,
    rows: Vec<Row>,
}

impl Weights {
    /// Quantises a dense `f32` table (`2^bits × TAG_COUNT`), dropping rows whose largest
    /// weight is below `prune`.
    pub fn quantise(bits: u32, dense: &[f32], prune: f32) -> Self {
        let n = 1usize << bits;
        let mut rows = vec![EMPTY; n];
        for r in 0..n.min(dense.len() / TAG_COUNT) {
            let row = &dense[r * TAG_COUNT..(r + 1) * TAG_COUNT];
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            if max == 0.0 || max < prune {
                continue;
            }
            // bfloat16 on disk: round the scale the way it will be stored.
            let scale = bf16_round(max / 127.0);
            rows[r].scale = scale;
            for (v, w) in rows[r].weights.iter_mut().zip(row) {
                *v = (w / scale).round().clamp(-127.0, 127.0) as i8;
            }
        }
        Self { bits, rows }
    }

    /// Row-index bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Number of non-zero rows.
    pub fn rows_used(&self) -> usize {
        self.rows.iter().filter(|r| r.scale != 0.0).count()
    }

    /// Adds the rows of `features` (feature hashes) to `scores`.
    #[inline]
    pub fn add(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        let shift = 64 - self.bits;
        for &f in features {
            // No test for empty rows: their weights are zero, and a branch here mispredicts.
            let row = &self.rows[(f >> shift) as usize];
            for (s, &w) in scores.iter_mut().zip(&row.weights) {
                *s += row.scale * f32::from(w);
            }
        }
    }

    /// Loads the rows of `features` without using them, so that they are in cache when
    /// [`Weights::add`] needs them: plain loads let the processor have many misses in flight
    /// at once, where the arithmetic of `add` fills its out-of-order window after a few.
    #[inline]
    pub fn touch(&self, features: &[u64]) {
        let shift = 64 - self.bits;
        let mut any = 0u32;
        for &f in features {
            any ^= self.rows[(f >> shift) as usize].scale.to_bits();
        }
        std::hint::black_box(any);
    }

    /// Appends the on-disk form.
    pub fn write(&self, w: &mut Writer) {
        w.u8(self.bits as u8);
        let used = self.rows_used();
        w.u32(used as u32);
        let mut last = 0usize;
        for (r, row) in self.rows.iter().enumerate() {
            if row.scale == 0.0 {
                continue;
            }
            write_varint(w, (r - last) as u64);
            last = r;
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
        let mut rows = vec![EMPTY; n];
        let mut at = 0usize;
        for _ in 0..used {
            at = at
                .checked_add(read_varint(r)? as usize)
                .filter(|&x| x < n)
                .ok_or(LoadError::BadHeader)?;
            let row = &mut rows[at];
            row.scale = f32::from_bits(u32::from(r.u16()?) << 16);
            for (v, b) in row.weights.iter_mut().zip(r.take(TAG_COUNT)?) {
                *v = *b as i8;
            }
        }
        Ok(Self { bits, rows })
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
        let w = Weights::quantise(bits, &dense, 0.05);
        assert_eq!(w.rows_used(), 1);
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.bytes)).unwrap();
        let mut scores = [0f32; TAG_COUNT];
        back.add(&[3u64 << 56], &mut scores);
        assert!((scores[2] - 1.5).abs() < 0.02, "{scores:?}");
        assert!((scores[5] + 0.75).abs() < 0.02, "{scores:?}");
        assert_eq!(scores[0], 0.0);
    }
}

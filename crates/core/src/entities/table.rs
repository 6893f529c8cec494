//! Open-addressing hash tables keyed by precomputed hashes: built once when a model is loaded,
//! then read on the hot path without hashing again or allocating.

/// A map from 64-bit hashes to small values (linear probing, power-of-two size). The top 32
/// bits of a key pick its slot and the low 32 bits (its fingerprint) are stored beside its
/// value: 8-byte slots, so that the tables stay small enough to be found in the processor's
/// caches, and a lookup costs one memory access. Two keys are confused only when both their
/// slot runs and fingerprints meet (about 2⁻³² per lookup of a key not in the table).
#[derive(Debug, Clone, Default)]
pub struct HashTable {
    slots: Vec<(u32, u32)>,
    mask: usize,
}

impl HashTable {
    /// A table holding `entries`; a later entry with the same key wins. Fingerprint 0 is
    /// reserved for empty slots, so a zero fingerprint is stored as 1.
    pub fn new(entries: impl ExactSizeIterator<Item = (u64, u32)>) -> Self {
        let capacity = (entries.len() * 2).max(16).next_power_of_two();
        let mut table = Self {
            slots: vec![(0, 0); capacity],
            mask: capacity - 1,
        };
        for (key, value) in entries {
            table.insert(key, value);
        }
        table
    }

    fn slot(&self, key: u64) -> usize {
        // Keys are already well-mixed hashes; the top bits pick the slot.
        (key >> 32) as usize & self.mask
    }

    fn insert(&mut self, key: u64, value: u32) {
        let print = fingerprint(key);
        let mut i = self.slot(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 || slot.0 == print {
                *slot = (print, value);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let print = fingerprint(key);
        let mut i = self.slot(key);
        loop {
            let (k, value) = self.slots[i];
            if k == print {
                return Some(value);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Asks the processor to start fetching the slot of `key` into the cache, for a
    /// [`HashTable::get`] soon after. Only a hint: it changes no result, and does nothing off
    /// x86-64.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            if self.slots.is_empty() {
                return;
            }
            let at = self.slots.as_ptr().wrapping_add(self.slot(key));
            // SAFETY: a prefetch reads nothing a program can observe and cannot fault;
            // SSE is part of the x86-64 baseline, so the instruction always exists.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(at.cast()) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// Number of slots in use.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|&&(k, _)| k != 0).count()
    }

    /// Whether the table holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The part of a key stored in its slot: its low 32 bits (the slot comes from the top 32),
/// never 0 (the empty slot).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_stored() {
        let t = HashTable::new(
            (1..1000u32)
                .map(u64::from)
                .collect::<Vec<_>>()
                .into_iter()
                .map(|k| (k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k as u32)),
        );
        for k in 1..1000u64 {
            assert_eq!(t.get(k.wrapping_mul(0x9E37_79B9_7F4A_7C15)), Some(k as u32));
        }
        assert_eq!(t.get(12345), None);
        assert_eq!(t.len(), 999);
        assert!(HashTable::default().get(5).is_none());
    }
}

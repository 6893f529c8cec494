//! Open-addressing hash tables keyed by precomputed hashes: built once when a model is loaded,
//! then read on the hot path without hashing again or allocating.

/// A map from non-zero 64-bit hashes to small values (linear probing, power-of-two size).
#[derive(Debug, Clone, Default)]
pub struct HashTable {
    keys: Vec<u64>,
    values: Vec<u32>,
    mask: usize,
}

impl HashTable {
    /// A table holding `entries`; a later entry with the same key wins. Key 0 is reserved
    /// for empty slots, so a zero key is stored as 1 (a 2⁻⁶⁴ chance of one collision).
    pub fn new(entries: impl ExactSizeIterator<Item = (u64, u32)>) -> Self {
        let capacity = (entries.len() * 2).max(16).next_power_of_two();
        let mut table = Self {
            keys: vec![0; capacity],
            values: vec![0; capacity],
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
        let key = key.max(1);
        let mut i = self.slot(key);
        loop {
            if self.keys[i] == 0 || self.keys[i] == key {
                self.keys[i] = key;
                self.values[i] = value;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let key = key.max(1);
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of slots in use.
    pub fn len(&self) -> usize {
        self.keys.iter().filter(|&&k| k != 0).count()
    }

    /// Whether the table holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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

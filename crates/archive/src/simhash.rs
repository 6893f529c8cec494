//! SimHash over word shingles: the near-duplicate signature computed at ingest.
//!
//! Syndicated copies of one wire story differ by a headline, a byline or a trimmed last
//! paragraph; their 64-bit SimHashes over lower-cased word 3-shingles stay within a few
//! bits. Two articles are near-duplicates when their hashes differ in at most
//! [`MAX_DISTANCE`] bits (the threshold Manku et al. use for 64-bit web-page SimHash).

/// Largest Hamming distance between near-duplicates.
pub const MAX_DISTANCE: u32 = 3;

/// Bodies with fewer shingles than this get no signature: too short to judge.
const MIN_SHINGLES: usize = 8;

/// Words per shingle.
const SHINGLE: usize = 3;

/// The SimHash of `body`, or `None` when it is too short.
pub fn simhash(body: &str) -> Option<u64> {
    // The lower-cased words, one after another in one buffer (`ends[i]` is where word `i`
    // ends): no allocation per word. An ASCII word lower-cases byte by byte, which is what
    // `str::to_lowercase` does to it.
    let mut words = String::with_capacity(body.len());
    let mut ends: Vec<usize> = Vec::with_capacity(body.len() / 4);
    for word in body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.is_ascii() {
            let start = words.len();
            words.push_str(word);
            words[start..].make_ascii_lowercase();
        } else {
            words.push_str(&word.to_lowercase());
        }
        ends.push(words.len());
    }
    if ends.len() < SHINGLE + MIN_SHINGLES - 1 {
        return None;
    }
    let word = |i: usize| {
        let start = if i == 0 { 0 } else { ends[i - 1] };
        &words.as_bytes()[start..ends[i]]
    };
    Some(signature((0..=ends.len() - SHINGLE).map(|first| {
        shingle_hash((first..first + SHINGLE).map(word))
    })))
}

/// The hash of one shingle: its words, each followed by a space.
fn shingle_hash<'w>(words: impl IntoIterator<Item = &'w [u8]>) -> u64 {
    let mut h = FNV_OFFSET;
    for word in words {
        h = fnv1a(h, word);
        h = fnv1a(h, b" ");
    }
    mix(h)
}

/// The SimHash of a body's shingle hashes: bit `b` is set when most shingles have it set.
fn signature(shingles: impl Iterator<Item = u64>) -> u64 {
    let mut counts = [0i32; 64];
    for h in shingles {
        for (bit, count) in counts.iter_mut().enumerate() {
            *count += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// The four 16-bit band keys of a hash (`band * 65536 + bits`): hashes within
/// [`MAX_DISTANCE`] bits share at least one.
pub fn band_keys(hash: u64) -> [i64; 4] {
    std::array::from_fn(|band| ((band as i64) << 16) | ((hash >> (16 * band)) & 0xffff) as i64)
}

/// Number of differing bits.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: FNV's low bits are weak, SimHash uses all 64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story of ordinary length (near-duplicate detection is for articles, not
    /// for single sentences).
    const STORY: &str = "The State Emergency Services of Ukraine claimed that nearly 651 \
        residential buildings and 3,780 houses were destroyed in the war so far. Russian \
        forces shelled the outskirts of the capital overnight, officials said on Tuesday, \
        and talks between the two delegations were due to resume later in the week. The \
        mayor said water and power had been restored to most districts by the morning, \
        though several neighbourhoods on the left bank remained without heating. Aid \
        agencies warned that supplies of medicine were running low in the besieged port, \
        where tens of thousands of residents are still sheltering in basements. A \
        spokesman for the regional administration said evacuation buses had left along \
        an agreed corridor, but that the convoy had been stopped twice at checkpoints. \
        Western governments announced a new package of sanctions on Monday, targeting \
        banks and the families of senior officials, and promised further military aid. \
        Negotiators are expected to discuss neutrality and security guarantees when they \
        meet again, according to people familiar with the preparations.";

    #[test]
    fn a_syndicated_copy_is_near() -> Result<(), String> {
        let a = simhash(STORY).ok_or("no hash")?;
        let b = simhash(&format!("{STORY} Reporting by the wire desk.")).ok_or("no hash")?;
        assert!(
            distance(a, b) <= MAX_DISTANCE,
            "distance {}",
            distance(a, b)
        );
        let shared = band_keys(a).iter().zip(band_keys(b)).any(|(x, y)| *x == y);
        assert!(shared);
        Ok(())
    }

    #[test]
    fn a_different_story_is_far() -> Result<(), String> {
        let a = simhash(STORY).ok_or("no hash")?;
        let other = "The central bank raised interest rates by half a point on Thursday, \
            its third increase this year, saying inflation was proving stickier than \
            expected and that further rises could not be ruled out by the committee.";
        let b = simhash(other).ok_or("no hash")?;
        assert!(distance(a, b) > 10, "distance {}", distance(a, b));
        Ok(())
    }

    /// The hash equals one computed the plain way (a `String` per lower-cased word), on
    /// text with non-ASCII words whose lower case depends on context (a final sigma).
    #[test]
    fn the_buffered_words_hash_like_owned_words() -> Result<(), String> {
        fn reference(body: &str) -> Option<u64> {
            let words: Vec<String> = body
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if words.len() < SHINGLE + MIN_SHINGLES - 1 {
                return None;
            }
            Some(signature(words.windows(SHINGLE).map(|shingle| {
                shingle_hash(shingle.iter().map(|w| w.as_bytes()))
            })))
        }
        let greek = "ΟΔΥΣΣΕΥΣ και ΟΔΟΣ'Α Ἀθῆναι ΣΟΦΟΣ İstanbul ŁÓDŹ Straße ÉCOLE";
        for body in [STORY, greek, &format!("{greek} {STORY} {greek}"), "a b c"] {
            assert_eq!(simhash(body), reference(body), "{body}");
        }
        if simhash(STORY).is_none() {
            return Err("no hash".into());
        }
        Ok(())
    }

    #[test]
    fn short_bodies_get_no_signature() {
        assert_eq!(simhash("Too short to judge."), None);
    }
}

//! zlib compression of stored blobs (raw inputs and extraction JSON).

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;

/// Compresses `bytes` (zlib level 1: ingest speed first; see docs/decisions.md).
pub fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::fast());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Decompresses what [`compress`] wrote.
pub fn decompress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    ZlibDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() -> std::io::Result<()> {
        let text = "Kyiv: Russia’s ferocity entered the 27th day. ".repeat(50);
        let packed = compress(text.as_bytes())?;
        assert!(packed.len() < text.len() / 5);
        assert_eq!(decompress(&packed)?, text.as_bytes());
        Ok(())
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(decompress(b"not zlib at all").is_err());
    }
}

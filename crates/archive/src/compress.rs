//! zlib compression of stored blobs (raw inputs and extraction JSON).

use std::io::Read;

use flate2::read::ZlibDecoder;
use flate2::{Compress, Compression, FlushCompress, Status};

/// Output written per call into the deflate state: the 32 KB chunk `flate2`'s `ZlibEncoder`
/// used. miniz_oxide's output depends on where its output space runs out, so writing in
/// these chunks keeps every blob byte-identical to what the encoder wrote.
const OUTPUT_CHUNK: usize = 32 * 1024;

/// Compresses blobs one after another with one deflate state, reset between blobs: building
/// a state allocates and zeroes ~200 KB, which was a third of compressing an article's two
/// blobs. zlib format, level 1 (ingest speed first; see docs/decisions.md).
#[derive(Debug)]
pub struct BlobCompressor {
    state: Compress,
    chunk: Vec<u8>,
}

impl Default for BlobCompressor {
    fn default() -> Self {
        Self::new()
    }
}

impl BlobCompressor {
    /// A compressor for zlib level 1.
    pub fn new() -> Self {
        Self {
            state: Compress::new(Compression::fast(), true),
            chunk: vec![0; OUTPUT_CHUNK],
        }
    }

    /// Compresses `bytes` into one complete zlib stream: all input without flushing, then
    /// the end of the stream, as `ZlibEncoder::write_all` and `finish` did.
    pub fn compress(&mut self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        self.state.reset();
        let mut out = Vec::with_capacity(bytes.len() / 3);
        loop {
            let consumed = usize::try_from(self.state.total_in()).unwrap_or(usize::MAX);
            let rest = bytes.get(consumed..).unwrap_or_default();
            let flush = if rest.is_empty() {
                FlushCompress::Finish
            } else {
                FlushCompress::None
            };
            let before = self.state.total_out();
            let status = self
                .state
                .compress(rest, &mut self.chunk, flush)
                .map_err(std::io::Error::other)?;
            let written = usize::try_from(self.state.total_out() - before).unwrap_or(0);
            out.extend_from_slice(self.chunk.get(..written).unwrap_or_default());
            if status == Status::StreamEnd {
                return Ok(out);
            }
            let progressed = written > 0 || self.state.total_in() > consumed as u64;
            if !progressed {
                return Err(std::io::Error::other("zlib compression made no progress"));
            }
        }
    }
}

/// Decompresses what [`BlobCompressor::compress`] wrote (any zlib stream).
pub fn decompress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    ZlibDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::ZlibEncoder;

    use super::*;

    /// The code path before the compressor was reused: one encoder per blob.
    fn compress_with_new_encoder(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut encoder =
            ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::fast());
        encoder.write_all(bytes)?;
        encoder.finish()
    }

    #[test]
    fn round_trip() -> std::io::Result<()> {
        let text = "Kyiv: Russia’s ferocity entered the 27th day. ".repeat(50);
        let packed = BlobCompressor::new().compress(text.as_bytes())?;
        assert!(packed.len() < text.len() / 5);
        assert_eq!(decompress(&packed)?, text.as_bytes());
        Ok(())
    }

    #[test]
    fn a_reused_compressor_writes_what_a_fresh_encoder_writes() -> std::io::Result<()> {
        // Blobs of several sizes (empty, tiny, beyond the 32 KB window and the 64 KB code
        // buffer, poorly compressible) through one compressor, in an order where each
        // follows a different one: the state left behind must not leak into the next.
        let mut noise = Vec::new();
        let mut x: u32 = 12_345;
        for _ in 0..100_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            noise.push((x >> 16) as u8);
        }
        let prose = "The mayor said on Tuesday that 1,200 homes had lost power. ".repeat(3_000);
        // Half a megabyte of words in pseudo-random order: its compressed form overflows
        // the 32 KB output chunk many times (where feeding differently changes the bytes).
        let words = [
            "the ",
            "mayor ",
            "said ",
            "power ",
            "homes ",
            "1,200 ",
            "on ",
            "Tuesday ",
            "a ",
            "storm ",
            "city ",
            "council ",
            "of ",
            "in ",
            "lost ",
            "“quote” ",
            "\n",
        ];
        let mut essay = String::new();
        while essay.len() < 500_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            essay.push_str(words[(x >> 16) as usize % words.len()]);
        }
        let blobs: [&[u8]; 7] = [
            prose.as_bytes(),
            b"",
            essay.as_bytes(),
            &noise,
            b"{}",
            prose.as_bytes(),
            &noise[..777],
        ];
        let mut compressor = BlobCompressor::new();
        for blob in blobs {
            let packed = compressor.compress(blob)?;
            assert_eq!(packed, compress_with_new_encoder(blob)?);
            assert_eq!(decompress(&packed)?, blob);
        }
        Ok(())
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(decompress(b"not zlib at all").is_err());
    }
}

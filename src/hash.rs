//! One hash for content: FNV-1a, 64 bits. Stable across platforms, Rust
//! versions and runs (unlike `std`'s hasher), which is what the JSON
//! summary's event hashes and the PDF's document ID need.

/// The standard FNV-1a offset basis.
pub const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, starting from `basis` ([`BASIS`] for the standard
/// hash; another basis gives an independent one).
pub fn fnv1a(bytes: &[u8], basis: u64) -> u64 {
    bytes.iter().fold(basis, |h, &b| step(h, b))
}

/// FNV-1a of `bytes` from two bases at once: two independent hashes in
/// one pass.
pub fn fnv1a_pair(bytes: &[u8], a: u64, b: u64) -> (u64, u64) {
    bytes.iter().fold((a, b), |(a, b), &byte| (step(a, byte), step(b, byte)))
}

/// FNV-1a fed in pieces: the same hash as [`fnv1a`] of the pieces joined,
/// without joining them.
#[derive(Clone, Copy, Debug)]
pub struct Fnv1a(u64);

impl Fnv1a {
    /// A hash starting from `basis` ([`BASIS`] for the standard one).
    pub fn new(basis: u64) -> Self {
        Fnv1a(basis)
    }

    /// Adds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(bytes, self.0);
    }

    /// The hash of everything written.
    pub fn finish(self) -> u64 {
        self.0
    }
}

fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_test_vectors() {
        assert_eq!(fnv1a(b"", BASIS), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a", BASIS), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar", BASIS), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a_pair(b"foobar", BASIS, 7), (fnv1a(b"foobar", BASIS), fnv1a(b"foobar", 7)));
        let mut pieces = Fnv1a::new(BASIS);
        pieces.write(b"foo");
        pieces.write(b"bar");
        assert_eq!(pieces.finish(), 0x8594_4171_f739_67e8);
    }
}

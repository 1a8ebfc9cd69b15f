//! LEB128 varints: the compact numbers of the bootstrap's cells and of the report's quote
//! spill. Seven bits a byte, low bits first, the top bit set on every byte but the last, so
//! that a number below 128 takes one byte.

/// Appends `x` to `out`.
#[inline]
pub fn put(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Reads a varint written by [`put`]; 0 at the end of the bytes (which a well-formed string
/// never reaches mid-number).
#[inline]
pub fn next(bytes: &mut std::slice::Iter<'_, u8>) -> u64 {
    let mut x = 0u64;
    let mut shift = 0u32;
    for &b in bytes.by_ref() {
        x |= u64::from(b & 0x7f) << shift.min(63);
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Varints read back what was written, at every width's edges.
    #[test]
    fn varints_round_trip() {
        let values = [
            0,
            1,
            127,
            128,
            255,
            16_383,
            16_384,
            1 << 35,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let mut bytes = Vec::new();
        for &v in &values {
            put(&mut bytes, v);
        }
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 6 + 5 + 10);
        let mut it = bytes.iter();
        let back: Vec<u64> = values.iter().map(|_| next(&mut it)).collect();
        assert_eq!(back, values);
        assert_eq!(it.next(), None);
    }
}

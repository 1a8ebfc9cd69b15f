//! Numbers as the tables print them: fixed decimals and four significant digits.
//!
//! Both print exactly what `format!` prints (bar the sign of zero), but a report prints
//! millions of them, and `format!` expands every float exactly. So each has a fast path by
//! integer arithmetic, taken only when the value is far enough from a rounding tie that the
//! float product cannot round the other way, and falls back to `format!` otherwise.

use std::fmt::Write as _;

const POW10: [u64; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

/// A number with fixed decimals, never printed as "-0.000": `format!("{x:.decimals$}")`.
pub fn fixed(x: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(24);
    fixed_into(&mut out, x, decimals);
    out
}

/// [`fixed`], appended to `out`.
pub fn fixed_into(out: &mut String, x: f64, decimals: usize) {
    if fixed_fast(out, x, decimals) {
        return;
    }
    let s = format!("{x:.decimals$}");
    if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
        out.push_str(&s[1..]);
    } else {
        out.push_str(&s);
    }
}

/// [`fixed_into`] by integer arithmetic; false (and `out` untouched) near a rounding tie.
fn fixed_fast(out: &mut String, x: f64, decimals: usize) -> bool {
    let Some(&scale) = POW10.get(decimals) else {
        return false;
    };
    let y = x.abs() * scale as f64;
    // Below 2^52 every product has a fractional part to test; the product's error is under
    // one part in 2^52, so a margin of 1e-6 around the tie is plenty.
    if !y.is_finite() || y >= (1u64 << 52) as f64 {
        return false;
    }
    let Some(n) = rounded(y) else {
        return false;
    };
    if x < 0.0 && n != 0 {
        out.push('-');
    }
    let (int, frac) = (n / scale, n % scale);
    push_int(out, int);
    if decimals > 0 {
        out.push('.');
        push_padded(out, frac, decimals);
    }
    true
}

/// `y` rounded to the nearest whole number, for a `y` from 0 to below 2^52; `None` within 1e-6
/// of a tie, where the caller's fast path gives way to `format!`. Below 2^52 the conversion to
/// an integer is exact and truncates, which is the floor there: `f64::floor` and `f64::round`
/// are calls into libm on x86-64's baseline, which has no rounding instruction (SSE4.1).
fn rounded(y: f64) -> Option<u64> {
    let whole = y as u64;
    let frac = y - whole as f64;
    ((frac - 0.5).abs() >= 1e-6).then_some(whole + u64::from(frac > 0.5))
}

/// A probability in scientific notation with four significant digits ("1.234e-5"), which
/// keeps the small p-values of keyness readable and parses in every notebook; 0 is "0".
pub fn sci(x: f64) -> String {
    let mut out = String::with_capacity(12);
    sci_into(&mut out, x);
    out
}

/// [`sci`], appended to `out`.
pub fn sci_into(out: &mut String, x: f64) {
    if x == 0.0 {
        out.push('0');
    } else if !sci_fast(out, x) {
        let _ = write!(out, "{x:.3e}");
    }
}

/// [`sci_into`] by integer arithmetic: the mantissa scaled to [1000, 10000), rounded half to
/// even as `format!` rounds the exact value, unless the scaled float is within a hair of a tie
/// (or the power of ten is out of the exact range of the scaling); false then.
fn sci_fast(out: &mut String, x: f64) -> bool {
    let a = x.abs();
    if !a.is_finite() || !(1e-280..1e280).contains(&a) {
        return false;
    }
    let mut exp = a.log10().floor() as i32;
    let mut y = scaled(a, 3 - exp);
    // log10 can land one off next to a power of ten.
    if y >= 10_000.0 {
        exp += 1;
        y = scaled(a, 3 - exp);
    } else if y < 1_000.0 {
        exp -= 1;
        y = scaled(a, 3 - exp);
    }
    // The scaling multiplies by a power of ten that may be inexact, and rounds twice: a few
    // parts in 10^15 of ~10^4, far inside the margin.
    if !(1_000.0..10_000.0).contains(&y) {
        return false;
    }
    let Some(mut m) = rounded(y) else {
        return false;
    };
    if m == 10_000 {
        m = 1_000;
        exp += 1;
    }
    if x < 0.0 {
        out.push('-');
    }
    push_int(out, m / 1000);
    out.push('.');
    push_padded(out, m % 1000, 3);
    out.push('e');
    out.push_str(itoa::Buffer::new().format(exp));
    true
}

/// A whole number in decimal, appended to `out`: what `write!(out, "{n}")` writes.
pub fn push_int(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// `n` in decimal, left-padded with zeros to `width` digits: `write!(out, "{n:0width$}")`.
fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// `a · 10^k`, multiplying or dividing by an exactly representable power where possible.
fn scaled(a: f64, k: i32) -> f64 {
    if k >= 0 {
        a * 10f64.powi(k)
    } else {
        a / 10f64.powi(-k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path prints what `format!` prints, over magnitudes from 1e-9 to 1e12, exact
    /// ties and values one unit in the last place either side of them.
    #[test]
    fn fixed_matches_format_everywhere() {
        let mut rng = slant_corpus::rng::SplitMix64::new(7);
        let mut checked = 0;
        for _ in 0..200_000 {
            let bits = rng.next_u64();
            let mantissa = (bits >> 11) as f64 / (1u64 << 53) as f64;
            let exp = (bits % 22) as i32 - 9;
            let sign = if bits & 1 == 1 { -1.0 } else { 1.0 };
            let decimals = (bits >> 5) as usize % 7;
            let tie = ((bits >> 8) % 1000) as f64 + 0.5;
            let tie = tie / 10f64.powi(decimals as i32);
            for x in [
                sign * mantissa * 10f64.powi(exp),
                tie,
                f64::from_bits(tie.to_bits() + 1),
                f64::from_bits(tie.to_bits() - 1),
            ] {
                let want = format!("{x:.decimals$}");
                let want =
                    if want.starts_with('-') && want[1..].bytes().all(|b| b == b'0' || b == b'.') {
                        want[1..].to_string()
                    } else {
                        want
                    };
                assert_eq!(fixed(x, decimals), want, "{x:e} with {decimals} decimals");
                checked += 1;
            }
        }
        assert_eq!(checked, 800_000);
    }

    /// The fast path prints what `format!("{x:.3e}")` prints: random magnitudes over the whole
    /// range of doubles, p-values as keyness computes them, exact ties of the fourth digit,
    /// powers of ten and their neighbours.
    #[test]
    fn sci_matches_format_everywhere() {
        let mut rng = slant_corpus::rng::SplitMix64::new(11);
        let mut checked = 0;
        let mut check = |x: f64| {
            let want = if x == 0.0 {
                "0".to_string()
            } else {
                format!("{x:.3e}")
            };
            assert_eq!(sci(x), want, "{x:e}");
            checked += 1;
        };
        for _ in 0..200_000 {
            let bits = rng.next_u64();
            check(f64::from_bits(bits));
            let mantissa = 1.0 + (bits >> 11) as f64 / (1u64 << 53) as f64 * 9.0;
            let exp = (bits % 700) as i32 - 350;
            check(mantissa * 10f64.powi(exp));
            check(slant_metrics::keyness::chi2_1df_p(
                mantissa * (bits % 60) as f64 * 10.0,
            ));
            let tie = ((bits >> 20) % 9000 + 1000) as f64 + 0.5;
            let tie = tie / 10f64.powi(3 + (bits % 12) as i32);
            for x in [
                tie,
                f64::from_bits(tie.to_bits() + 1),
                f64::from_bits(tie.to_bits() - 1),
            ] {
                check(x);
            }
        }
        for e in -320..310 {
            let p = format!("1e{e}").parse::<f64>().unwrap_or(0.0);
            for x in [
                p,
                f64::from_bits(p.to_bits() + 1),
                f64::from_bits(p.to_bits().saturating_sub(1)),
            ] {
                check(x);
                check(-x);
            }
        }
        assert!(checked > 1_200_000);
    }

    #[test]
    fn numbers_are_stable_text() {
        assert_eq!(fixed(-0.00001, 4), "0.0000");
        assert_eq!(fixed(0.5, 0), "0");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(1e300, 1).len(), 303);
        assert_eq!(fixed(-1.23456, 4), "-1.2346");
        assert_eq!(fixed(2.0, 3), "2.000");
        assert_eq!(sci(0.00001234), "1.234e-5");
        assert_eq!(sci(1.0), "1.000e0");
        assert_eq!(sci(0.99995), "1.000e0");
        assert_eq!(sci(0.0), "0");
        assert_eq!(sci(f64::NAN), "NaN");
    }
}

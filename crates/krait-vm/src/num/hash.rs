//! CPython's numeric hash (64-bit build), so that `hash(x) == hash(y)`
//! whenever `x == y` across int, bool, float and complex, and CPython's
//! (xxHash-based) tuple hash.
//!
//! A rational number `p/q` hashes to `p · q⁻¹ mod P` with `P = 2^61 − 1`,
//! negated for negative values; `-1` is reserved and becomes `-2`.

use num_bigint::BigInt;
use num_traits::Signed;

use super::int::IntValue;

/// The modulus, `2^61 − 1` (a Mersenne prime).
pub const MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314_159;
/// `hash(x) == 0` for NaN here. (CPython 3.10+ hashes NaN by object
/// identity; a constant keeps NaN usable as a key, and NaN never compares
/// equal anyway.)
pub const HASH_NAN: i64 = 0;
/// Multiplier of the imaginary part's hash in a complex hash.
pub const HASH_IMAG: u64 = 1_000_003;

/// `x mod P` for any `u64`.
#[inline]
fn reduce(x: u64) -> u64 {
    let r = (x & MODULUS) + (x >> 61);
    if r >= MODULUS {
        r - MODULUS
    } else {
        r
    }
}

/// `x · 2^k mod P` for `x < P`, `k < 61`: a 61-bit rotation.
#[inline]
fn mul_pow2(x: u64, k: u32) -> u64 {
    if k == 0 {
        x
    } else {
        ((x << k) & MODULUS) | (x >> (61 - k))
    }
}

/// Applies the sign and the `-1 → -2` rule to a reduced magnitude.
#[inline]
fn finish(mag: u64, negative: bool) -> i64 {
    let h = mag as i64; // mag < 2^61
    let h = if negative { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int (and bool: `hash(True) == 1`).
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    finish(reduce(v.unsigned_abs()), v < 0)
}

/// `hash(v)` for an int given as a `u64`.
#[inline]
pub fn hash_u64(v: u64) -> i64 {
    finish(reduce(v), false)
}

/// `hash(v)` for a big int, without allocating.
pub fn hash_bigint(v: &BigInt) -> i64 {
    // |v| = Σ d_i · 2^(64 i), and 2^64 ≡ 2^3 (mod P), so 2^(64 i) ≡ 2^(3 i mod 61).
    let mut acc: u64 = 0;
    let mut k: u32 = 0;
    for d in v.magnitude().iter_u64_digits() {
        acc = reduce(acc + mul_pow2(reduce(d), k));
        k = (k + 3) % 61;
    }
    finish(acc, v.is_negative())
}

/// `hash(v)` for an [`IntValue`].
pub fn hash_int(v: &IntValue) -> i64 {
    match v {
        IntValue::Small(v) => hash_i64(*v),
        IntValue::Big(b) => hash_bigint(b),
    }
}

/// `hash(x)` for a float: equals the hash of the int (or fraction) it equals.
pub fn hash_f64(x: f64) -> i64 {
    if !x.is_finite() {
        return if x.is_nan() {
            HASH_NAN
        } else if x > 0.0 {
            HASH_INF
        } else {
            -HASH_INF
        };
    }
    if x == 0.0 {
        return 0;
    }
    // |x| = m · 2^e with m < 2^53.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    // 2^e mod P = 2^(e mod 61) because 2^61 ≡ 1.
    let k = e.rem_euclid(61) as u32;
    finish(mul_pow2(m, k), x < 0.0)
}

/// `hash(complex(re, im))`.
pub fn hash_complex(re: f64, im: f64) -> i64 {
    let h = (hash_f64(re) as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_f64(im) as u64)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython's tuple hash, fed one item hash at a time (no allocation):
/// `TupleHasher::new()`, [`TupleHasher::add`] each item's hash, then [`TupleHasher::finish`].
#[derive(Clone, Debug)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl TupleHasher {
    pub fn new() -> TupleHasher {
        TupleHasher { acc: XXPRIME_5, len: 0 }
    }

    /// Mixes in the next item's hash.
    #[inline]
    pub fn add(&mut self, item_hash: i64) {
        self.acc = self.acc.wrapping_add((item_hash as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// The tuple's hash.
    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

/// `hash(tuple)` from its items' hashes.
pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut h = TupleHasher::new();
    for x in item_hashes {
        h.add(x);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Pow;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn ints() {
        // Expected values from CPython 3.11 (64-bit).
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64((1 << 61) - 2), 2305843009213693950);
        assert_eq!(hash_i64(-((1 << 61) - 2)), -2305843009213693950);
        assert_eq!(hash_i64(1 << 62), 2);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_u64(1 << 63), 4);
        assert_eq!(hash_u64(u64::MAX), 7);
        let two = BigInt::from(2);
        assert_eq!(hash_bigint(&Pow::pow(&two, 63u32)), 4);
        assert_eq!(hash_bigint(&Pow::pow(&two, 64u32)), 8);
        assert_eq!(hash_bigint(&Pow::pow(&two, 1000u32)), 16777216);
        assert_eq!(hash_bigint(&-Pow::pow(&two, 1000u32)), -16777216);
        assert_eq!(hash_bigint(&big("123456789012345678901234567890")), 248789772095949448);
        assert_eq!(hash_bigint(&big("-98765432109876543210987654321098765432109876543210")), -1422497586195018293);
        assert_eq!(hash_bigint(&(Pow::pow(&two, 122u32) - 1)), 0);
        assert_eq!(hash_bigint(&BigInt::from(-1)), -2);
        assert_eq!(hash_int(&IntValue::Small(5)), 5);
    }

    #[test]
    fn floats() {
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(0.5), 1152921504606846976);
        assert_eq!(hash_f64(1e300), 1224995262755759164);
        assert_eq!(hash_f64(5e-324), 16777216);
        assert_eq!(hash_f64(-1.0), -2);
        assert_eq!(hash_f64(1e-300), 482449582752280463);
        assert_eq!(hash_f64(0.1), 230584300921369408);
        assert_eq!(hash_f64(-0.0), 0);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
        assert_eq!(hash_f64(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_f64(f64::NAN), 0);
        assert_eq!(hash_f64(f64::MAX), 2234066890152476671);
        // Equal numbers hash equal.
        for v in [0i64, 1, -1, 7, -1 << 53, 1 << 62, i64::MIN] {
            assert_eq!(hash_f64(v as f64), hash_i64(v));
        }
        let two = BigInt::from(2);
        assert_eq!(hash_f64(2f64.powi(1000)), hash_bigint(&Pow::pow(&two, 1000u32)));
        assert_eq!(hash_f64(-2f64.powi(200) * 3.0), hash_bigint(&(Pow::pow(&two, 200u32) * -3)));
    }

    #[test]
    fn complexes() {
        assert_eq!(hash_complex(1.0, 2.0), 2000007);
        assert_eq!(hash_complex(0.0, 1.0), 1000003);
        assert_eq!(hash_complex(-1.0, 0.0), -2);
        assert_eq!(hash_complex(1.0, -1.0), -2000005);
        assert_eq!(hash_complex(1.5, 0.0), hash_f64(1.5));
        assert_eq!(hash_complex(0.5, 1e300), 7156960221843960756);
    }

    #[test]
    fn tuples() {
        assert_eq!(hash_tuple([1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple([]), 5740354900026072187);
        assert_eq!(hash_tuple([1]), -6644214454873602895);
        assert_eq!(hash_tuple([-2]), 8078679518589016365);
        let inner = [hash_tuple([1, 2]), hash_tuple([3, 4])];
        assert_eq!(hash_tuple(inner), -1467267874458550984);
        let two = BigInt::from(2);
        assert_eq!(hash_tuple([hash_f64(1.5), hash_bigint(&-Pow::pow(&two, 100u32))]), 4978716536191380914);
        let mut h = TupleHasher::default();
        h.add(1);
        h.add(2);
        assert_eq!(h.finish(), -3550055125485641917);
    }
}

//! Python `int` semantics: checked `i64` fast paths that return `None` when the
//! VM must fall back to [`BigInt`], the [`BigInt`] operations themselves, exact
//! int ↔ float conversions, `int(str, base)`, and radix strings.
//!
//! No limit is put on int ↔ str conversion length (CPython 3.11's 4300-digit
//! limit is not imposed; krait is a superset).

use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use super::{float, strip_py_space, Literal, NumError, NumResult, Real, MAX_INT_BITS};

const INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";
const DIV_TOO_LARGE_FOR_FLOAT: &str = "integer division result too large for a float";

/// A Python int: `Small` when it fits in an `i64`, else `Big`.
///
/// Values built by this module are normalised (a `Big` never holds a value that
/// fits in `i64`), but every function accepts non-normalised values too.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IntValue {
    Small(i64),
    Big(BigInt),
}

impl IntValue {
    /// Normalises: `Small` if the value fits in an `i64`.
    pub fn from_bigint(b: BigInt) -> IntValue {
        match b.to_i64() {
            Some(v) => IntValue::Small(v),
            None => IntValue::Big(b),
        }
    }

    /// From a `u64` (`Big` above `i64::MAX`).
    pub fn from_u64(v: u64) -> IntValue {
        match i64::try_from(v) {
            Ok(v) => IntValue::Small(v),
            Err(_) => IntValue::Big(BigInt::from(v)),
        }
    }

    /// From an `i128` (`Big` outside the `i64` range).
    pub fn from_i128(v: i128) -> IntValue {
        match i64::try_from(v) {
            Ok(v) => IntValue::Small(v),
            Err(_) => IntValue::Big(BigInt::from(v)),
        }
    }

    /// The value as a `BigInt` (allocates for `Small`).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntValue::Small(v) => BigInt::from(*v),
            IntValue::Big(b) => b.clone(),
        }
    }

    /// The value as a `BigInt`.
    pub fn into_bigint(self) -> BigInt {
        match self {
            IntValue::Small(v) => BigInt::from(v),
            IntValue::Big(b) => b,
        }
    }

    /// The value if it fits in an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntValue::Small(v) => Some(*v),
            IntValue::Big(b) => b.to_i64(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            IntValue::Small(v) => *v == 0,
            IntValue::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            IntValue::Big(b) => b.is_negative(),
        }
    }

    /// `float(self)`, correctly rounded; `OverflowError` "int too large to convert to float".
    pub fn to_f64(&self) -> NumResult<f64> {
        match self {
            IntValue::Small(v) => Ok(*v as f64),
            IntValue::Big(b) => bigint_to_f64(b),
        }
    }

    /// `int.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        match self {
            IntValue::Small(v) => i64_bit_length(*v),
            IntValue::Big(b) => bit_length(b),
        }
    }
}

impl From<i64> for IntValue {
    fn from(v: i64) -> IntValue {
        IntValue::Small(v)
    }
}

impl From<BigInt> for IntValue {
    fn from(b: BigInt) -> IntValue {
        IntValue::from_bigint(b)
    }
}

impl fmt::Display for IntValue {
    /// Decimal, as `str(int)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntValue::Small(v) => fmt::Display::fmt(v, f),
            IntValue::Big(b) => fmt::Display::fmt(b, f),
        }
    }
}

// ---------------------------------------------------------------------------
// i64 fast paths. Each returns `None` when the VM must redo the operation on
// BigInts (overflow, or an error case the BigInt function reports).
// ---------------------------------------------------------------------------

/// `a + b`, `None` on overflow.
#[inline]
pub fn i64_add(a: i64, b: i64) -> Option<i64> {
    a.checked_add(b)
}

/// `a - b`, `None` on overflow.
#[inline]
pub fn i64_sub(a: i64, b: i64) -> Option<i64> {
    a.checked_sub(b)
}

/// `a * b`, `None` on overflow.
#[inline]
pub fn i64_mul(a: i64, b: i64) -> Option<i64> {
    a.checked_mul(b)
}

/// `-a`, `None` for `i64::MIN`.
#[inline]
pub fn i64_neg(a: i64) -> Option<i64> {
    a.checked_neg()
}

/// `abs(a)`, `None` for `i64::MIN`.
#[inline]
pub fn i64_abs(a: i64) -> Option<i64> {
    a.checked_abs()
}

/// `a // b` (floor division). `None` when `b == 0` (the BigInt path raises
/// `ZeroDivisionError`) or on overflow (`i64::MIN // -1`).
#[inline]
pub fn i64_floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if a.wrapping_rem(b) != 0 && (a ^ b) < 0 {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` with the sign of `b`. `None` when `b == 0`.
#[inline]
pub fn i64_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && (r ^ b) < 0 {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// `divmod(a, b)`. `None` when `b == 0` or on overflow.
#[inline]
pub fn i64_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    Some((i64_floordiv(a, b)?, i64_mod(a, b)?))
}

/// `base ** exp` for `exp >= 0`. `None` on overflow or a negative exponent
/// (then [`pow`] gives the float result).
#[inline]
pub fn i64_pow(base: i64, exp: i64) -> Option<i64> {
    if exp < 0 {
        return None;
    }
    match base {
        0 => Some(i64::from(exp == 0)),
        1 => Some(1),
        -1 => Some(if exp & 1 == 0 { 1 } else { -1 }),
        _ if exp > 63 => None,
        _ => base.checked_pow(exp as u32),
    }
}

/// `a << n`. `None` on overflow or a negative count.
#[inline]
pub fn i64_shl(a: i64, n: i64) -> Option<i64> {
    if n < 0 {
        return None;
    }
    if a == 0 {
        return Some(0);
    }
    if n >= 64 {
        return None;
    }
    let r = a << n;
    if r >> n == a {
        Some(r)
    } else {
        None
    }
}

/// `a >> n` (arithmetic, rounds toward −∞). `None` for a negative count.
#[inline]
pub fn i64_shr(a: i64, n: i64) -> Option<i64> {
    if n < 0 {
        return None;
    }
    Some(a >> n.min(63))
}

/// `pow(base, exp, m)` for `exp >= 0`, `m != 0`; the result has the sign of
/// `m`. `None` for a negative exponent or zero modulus (use [`pow_mod`]).
pub fn i64_pow_mod(base: i64, exp: i64, m: i64) -> Option<i64> {
    if exp < 0 || m == 0 {
        return None;
    }
    let mm = u128::from(m.unsigned_abs());
    if mm == 1 {
        return Some(0);
    }
    let mut b = i128::from(base).rem_euclid(mm as i128) as u128;
    let mut e = exp as u64;
    let mut r: u128 = 1;
    while e > 0 {
        if e & 1 == 1 {
            r = r * b % mm;
        }
        b = b * b % mm;
        e >>= 1;
    }
    let r = r as i128;
    Some(if m < 0 && r != 0 { (r - mm as i128) as i64 } else { r as i64 })
}

/// `int.bit_length()`.
#[inline]
pub fn i64_bit_length(a: i64) -> u64 {
    u64::from(64 - a.unsigned_abs().leading_zeros())
}

/// `int.bit_count()` (ones in `abs(a)`).
#[inline]
pub fn i64_bit_count(a: i64) -> u64 {
    u64::from(a.unsigned_abs().count_ones())
}

/// `a / b`, correctly rounded. `ZeroDivisionError` "division by zero".
pub fn i64_true_div(a: i64, b: i64) -> NumResult<f64> {
    if b == 0 {
        return Err(NumError::ZeroDivision("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    let (am, bm) = (a.unsigned_abs(), b.unsigned_abs());
    if am <= EXACT && bm <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    let neg = (a < 0) != (b < 0);
    let mag = if am == 0 { 0.0 } else { div_u64(am, bm) };
    Ok(if neg { -mag } else { mag })
}

// ---------------------------------------------------------------------------
// Correctly rounded conversions to f64.
// ---------------------------------------------------------------------------

/// Rounds `(q + f) · 2^s` to the nearest double, ties to even, where `f` is a
/// fraction in `(0, 1)` when `sticky` and `0` otherwise. `None` on overflow.
pub(crate) fn round_scaled(q: u64, sticky: bool, s: i64) -> Option<f64> {
    if q == 0 {
        return Some(0.0);
    }
    let qbits = i64::from(64 - q.leading_zeros());
    let top = s.saturating_add(qbits); // the value is below 2^top
    if top > 1024 {
        return None;
    }
    // Exponent of the result's last significand bit (53 bits, or fewer when subnormal).
    let lsb = (top - 53).max(-1074);
    let extra = lsb - s; // low bits of q to round away
    let m = if extra <= 0 {
        q << -extra
    } else if extra > 64 {
        return Some(0.0);
    } else {
        let q = u128::from(q);
        let mut m = (q >> extra) as u64;
        let rem = q & ((1u128 << extra) - 1);
        let half = 1u128 << (extra - 1);
        if rem > half || (rem == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
        m
    };
    // m ≤ 2^53; the exponent field is lsb + 1075 for a full 53-bit m, and the
    // addition carries into it when m is subnormal-sized or rounded up to 2^53.
    let bits = (((lsb + 1074) as u64) << 52) + m;
    if bits >= 0x7ff0_0000_0000_0000 {
        None
    } else {
        Some(f64::from_bits(bits))
    }
}

/// `am / bm` for nonzero magnitudes below 2^64, correctly rounded.
fn div_u64(am: u64, bm: u64) -> f64 {
    let diff = i64::from(am.leading_zeros()) - i64::from(bm.leading_zeros());
    let diff = -diff; // bits(am) - bits(bm)
    let s = diff - 55;
    let (q, sticky) = if s >= 0 {
        let num = am >> s;
        let low = am & ((1u64 << s) - 1);
        (num / bm, low != 0 || !num.is_multiple_of(bm))
    } else {
        // bits(am) - s = bits(bm) + 55 <= 119, so this fits in u128.
        let num = u128::from(am) << -s;
        let bm = u128::from(bm);
        ((num / bm) as u64, num % bm != 0)
    };
    round_scaled(q, sticky, s).unwrap_or(f64::INFINITY)
}

/// The top 64 bits of `mag` (which has `bits > 64` bits), i.e. `mag >> (bits - 64)`.
fn top_u64(mag: &BigUint, bits: u64) -> u64 {
    let mut digits = mag.iter_u64_digits().rev();
    let hi = digits.next().unwrap_or(0);
    let lo = digits.next().unwrap_or(0);
    let hb = bits - 64 * (mag.iter_u64_digits().len() as u64 - 1); // bits in hi, 1..=64
    if hb == 64 {
        hi
    } else {
        (hi << (64 - hb)) | (lo >> hb)
    }
}

/// `float(a)`, correctly rounded (ties to even).
/// `OverflowError` "int too large to convert to float".
pub fn bigint_to_f64(a: &BigInt) -> NumResult<f64> {
    let mag = a.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        if bits > 1025 {
            return Err(NumError::Overflow(INT_TOO_LARGE_FOR_FLOAT));
        }
        let shift = bits - 64;
        let q = top_u64(mag, bits);
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        round_scaled(q, sticky, shift as i64).ok_or(NumError::Overflow(INT_TOO_LARGE_FOR_FLOAT))?
    };
    Ok(if a.is_negative() { -f } else { f })
}

/// `a / b` (true division), correctly rounded even for huge ints.
/// `ZeroDivisionError` "division by zero"; `OverflowError` "integer division
/// result too large for a float".
pub fn true_div(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::ZeroDivision("division by zero"));
    }
    let neg = a.is_negative() != b.is_negative();
    let (am, bm) = (a.magnitude(), b.magnitude());
    let (abits, bbits) = (am.bits(), bm.bits());
    let mag = if am.is_zero() {
        0.0
    } else if abits <= 64 && bbits <= 64 {
        let (x, y) = (am.to_u64().unwrap_or(0), bm.to_u64().unwrap_or(1));
        if x <= 1 << 53 && y <= 1 << 53 {
            x as f64 / y as f64
        } else {
            div_u64(x, y)
        }
    } else {
        let diff = abits as i64 - bbits as i64;
        if diff > 1025 {
            return Err(NumError::Overflow(DIV_TOO_LARGE_FOR_FLOAT));
        }
        if diff < -1076 {
            0.0
        } else {
            let s = diff - 55;
            let (q, r, low_sticky) = if s >= 0 {
                let s = s as u64;
                let num = am >> s;
                let low = am.trailing_zeros().is_some_and(|tz| tz < s);
                let (q, r) = num.div_rem(bm);
                (q, r, low)
            } else {
                let num = am << (-s) as u64;
                let (q, r) = num.div_rem(bm);
                (q, r, false)
            };
            let q = q.to_u64().unwrap_or(u64::MAX);
            round_scaled(q, low_sticky || !r.is_zero(), s).ok_or(NumError::Overflow(DIV_TOO_LARGE_FOR_FLOAT))?
        }
    };
    Ok(if neg { -mag } else { mag })
}

/// `int(x)` for a float: truncates toward zero. `ValueError` "cannot convert
/// float NaN to integer"; `OverflowError` "cannot convert float infinity to integer".
pub fn from_f64(x: f64) -> NumResult<IntValue> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        return Ok(IntValue::Small(t as i64));
    }
    // |t| >= 2^63: an integer m · 2^e with e >= 11.
    let bits = t.to_bits();
    let e = ((bits >> 52) & 0x7ff) - 1075;
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = BigInt::from(m) << e;
    Ok(IntValue::Big(if t < 0.0 { -mag } else { mag }))
}

// ---------------------------------------------------------------------------
// BigInt arithmetic with Python semantics.
// ---------------------------------------------------------------------------

fn int_zero_div() -> NumError {
    NumError::ZeroDivision("integer division or modulo by zero")
}

/// `a // b`. `ZeroDivisionError` "integer division or modulo by zero".
pub fn floordiv(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(int_zero_div());
    }
    Ok(div_mod_floor_parts(a, b, DivParts::Quotient).0)
}

/// `a % b`, with the sign of `b`. `ZeroDivisionError` "integer modulo by zero".
pub fn modulo(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(NumError::ZeroDivision("integer modulo by zero"));
    }
    Ok(div_mod_floor_parts(a, b, DivParts::Remainder).1)
}

/// `divmod(a, b)`. `ZeroDivisionError` "integer division or modulo by zero".
pub fn divmod(a: &BigInt, b: &BigInt) -> NumResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(int_zero_div());
    }
    Ok(div_mod_floor_parts(a, b, DivParts::Both))
}

// ---------------------------------------------------------------------------
// Floor division on 64-bit limbs.
//
// num-bigint switches to Burnikel–Ziegler division as soon as the dividend has
// 128 limbs and the divisor 64, whatever the quotient's length; for the short
// quotients of Euclid's algorithm or `(q*j + r) // (s*j + t)` that cost several
// times schoolbook division and a dozen temporary allocations per operation
// (gcd of a 48k-bit and an 80k-bit int: 5x slower than CPython). Schoolbook
// division costs O(len(divisor) · len(quotient)); it is used here whenever one
// of the two is short, in a reused scratch buffer, so that a division allocates
// only its results. Operands of equal length (a one-limb quotient) are divided
// without copying them at all, and `//` then allocates nothing but the quotient.
// ---------------------------------------------------------------------------

thread_local! {
    /// Working space of the limb routines, kept between calls.
    static SCRATCH: std::cell::Cell<Vec<u64>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Scratch buffers bigger than this (in limbs, 256 KB) are freed after use
/// rather than kept for the next operation.
const SCRATCH_KEEP: usize = 1 << 15;

/// Quotients and divisors longer than this (in limbs) both: num-bigint's
/// recursive division beats schoolbook division.
const SCHOOLBOOK_LIMIT: usize = 64;

fn with_scratch<R>(f: impl FnOnce(&mut Vec<u64>) -> R) -> R {
    SCRATCH.with(|cell| {
        let mut buf = cell.take();
        buf.clear();
        let r = f(&mut buf);
        if buf.capacity() <= SCRATCH_KEEP {
            cell.set(buf);
        }
        r
    })
}

/// A `BigUint` from 64-bit limbs, least significant first: one allocation of
/// the exact size.
fn biguint_from_limbs(limbs: &[u64]) -> BigUint {
    let len = limbs.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
    let limbs = &limbs[..len];
    #[cfg(target_endian = "little")]
    {
        // SAFETY: `u32` is no more strictly aligned than `u64` and every bit
        // pattern is a valid `u32`; the new slice covers exactly the bytes of
        // `limbs`, which it borrows. On a little-endian target the two halves of
        // limb i are base-2^32 digits 2i (low) and 2i+1 (high), least
        // significant first as `from_slice` expects.
        let digits = unsafe { std::slice::from_raw_parts(limbs.as_ptr().cast::<u32>(), limbs.len() * 2) };
        BigUint::from_slice(digits)
    }
    #[cfg(not(target_endian = "little"))]
    {
        let digits: Vec<u32> = limbs.iter().flat_map(|&d| [d as u32, (d >> 32) as u32]).collect();
        BigUint::new(digits)
    }
}

fn limb_count(m: &BigUint) -> usize {
    m.iter_u64_digits().len()
}

/// Writes `src << s` (`s < 64`) into `dst`, whose spare top limbs get the bits
/// shifted out and zeros.
fn shl_limbs_into(dst: &mut [u64], src: &BigUint, s: u32) {
    let mut carry = 0u64;
    let mut i = 0;
    for d in src.iter_u64_digits() {
        if s == 0 {
            dst[i] = d;
        } else {
            dst[i] = (d << s) | carry;
            carry = d >> (64 - s);
        }
        i += 1;
    }
    if let Some((first, rest)) = dst[i..].split_first_mut() {
        *first = carry;
        rest.fill(0);
    }
}

/// `(hi·2^64 + lo) / d` and its remainder, for `hi < d` (so the quotient fits
/// in a limb): one `div` instruction on x86-64 rather than a call to the
/// 128-bit division routine.
#[inline]
fn div_wide(hi: u64, lo: u64, d: u64) -> (u64, u64) {
    debug_assert!(hi < d);
    #[cfg(target_arch = "x86_64")]
    {
        let (q, r): (u64, u64);
        // SAFETY: `div` divides rdx:rax by `d`; `hi < d` means `d` is nonzero and
        // the quotient fits in 64 bits, so it cannot fault. It touches no memory.
        unsafe {
            std::arch::asm!("div {d}", d = in(reg) d, inout("rax") lo => q, inout("rdx") hi => r,
                options(pure, nomem, nostack));
        }
        (q, r)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let n = (u128::from(hi) << 64) | u128::from(lo);
        ((n / u128::from(d)) as u64, (n % u128::from(d)) as u64)
    }
}

/// Schoolbook division (Knuth, TAOCP 4.3.1, algorithm D) of `u` (length
/// m + n, with a zero limb on top: m + n + 1 limbs) by the normalised `v` (n >= 2
/// limbs, top bit set). Leaves the quotient's m + 1 limbs in `q` and the
/// remainder in `u[..n]` (the rest of `u` becomes zero).
fn knuth_divrem(u: &mut [u64], v: &[u64], q: &mut [u64]) {
    let n = v.len();
    for j in (0..u.len() - n).rev() {
        let ujn = u[j + n];
        // ujn <= v's top limb, since u[j+1..=j+n] < v.
        let qh = estimate_qhat(ujn, u[j + n - 1], u[j + n - 2], v[n - 1], v[n - 2]);
        // u[j..=j+n] -= qhat * v
        let mut carry = 0u64;
        let mut borrow = false;
        for (ui, &vi) in u[j..j + n].iter_mut().zip(v) {
            let p = u128::from(qh) * u128::from(vi) + u128::from(carry);
            carry = (p >> 64) as u64;
            let (t, b1) = ui.overflowing_sub(p as u64);
            let (t, b2) = t.overflowing_sub(u64::from(borrow));
            *ui = t;
            borrow = b1 | b2;
        }
        let (t, b1) = ujn.overflowing_sub(carry);
        let (t, b2) = t.overflowing_sub(u64::from(borrow));
        u[j + n] = t;
        let mut qd = qh;
        if b1 | b2 {
            // qhat was one too large (rare): add v back.
            qd -= 1;
            let mut c = false;
            for (ui, &vi) in u[j..j + n].iter_mut().zip(v) {
                let (s1, c1) = ui.overflowing_add(vi);
                let (s2, c2) = s1.overflowing_add(u64::from(c));
                *ui = s2;
                c = c1 | c2;
            }
            u[j + n] = u[j + n].wrapping_add(u64::from(c));
        }
        q[j] = qd;
    }
}

/// The top three limbs of `m`, most significant first (zeros below its end).
fn top3(m: &BigUint) -> [u64; 3] {
    let mut it = m.iter_u64_digits().rev();
    [it.next().unwrap_or(0), it.next().unwrap_or(0), it.next().unwrap_or(0)]
}

/// `|a| - q·|b|` in one pass over both (same length), kept in `out` when
/// `STORE`. Returns whether it is negative and whether it is nonzero.
fn sub_mul_pass<const STORE: bool>(am: &BigUint, bm: &BigUint, q: u64, out: &mut Vec<u64>) -> (bool, bool) {
    out.clear();
    let (mut carry, mut borrow, mut any) = (0u64, false, 0u64);
    for (a, b) in am.iter_u64_digits().zip(bm.iter_u64_digits()) {
        let p = u128::from(q) * u128::from(b) + u128::from(carry);
        carry = (p >> 64) as u64;
        let (t, b1) = a.overflowing_sub(p as u64);
        let (t, b2) = t.overflowing_sub(u64::from(borrow));
        borrow = b1 | b2;
        any |= t;
        if STORE {
            out.push(t);
        }
    }
    (carry != 0 || borrow, any != 0)
}

/// `|a| / |b|` when both have the same number (>= 2) of limbs, so that the
/// quotient is one limb: estimated from the top limbs (Knuth's q̂, refined
/// with the divisor's second limb, is at most one too large) and checked by one
/// pass computing `|a| - q·|b|`, which is left in `rem` when `STORE`. Nothing
/// is copied or shifted. Returns the quotient and whether the remainder is
/// nonzero.
fn div_same_len<const STORE: bool>(am: &BigUint, bm: &BigUint, rem: &mut Vec<u64>) -> (u64, bool) {
    let mut q = qhat_same_len(am, bm);
    loop {
        let (negative, nonzero) = sub_mul_pass::<STORE>(am, bm, q, rem);
        if !negative {
            return (q, nonzero);
        }
        q -= 1;
    }
}

/// Knuth's estimate q̂ of `|a| / |b|` for operands with the same number (>= 2)
/// of limbs, from their top limbs: the quotient or one more.
fn qhat_same_len(am: &BigUint, bm: &BigUint) -> u64 {
    let [a0, a1, a2] = top3(am);
    let [b0, b1, b2] = top3(bm);
    // The top limbs of a and b shifted so that b's top bit is set.
    let s = b0.leading_zeros();
    let sh = |hi: u64, lo: u64| if s == 0 { hi } else { (hi << s) | (lo >> (64 - s)) };
    let u0 = if s == 0 { 0 } else { a0 >> (64 - s) };
    estimate_qhat(u0, sh(a0, a1), sh(a1, a2), sh(b0, b1), sh(b1, b2))
}

/// Knuth's estimate q̂ of the quotient digit of `(u0, u1, u2)` by `(v1, v2)`
/// (limbs, most significant first; `v1` normalised, top bit set; `u0 <= v1`):
/// the digit or one more (TAOCP 4.3.1, algorithm D, step D3).
fn estimate_qhat(u0: u64, u1: u64, u2: u64, v1: u64, v2: u64) -> u64 {
    const B: u128 = 1 << 64;
    let (v1, v2) = (u128::from(v1), u128::from(v2));
    let num = (u128::from(u0) << 64) | u128::from(u1);
    let (mut qhat, mut rhat) = if u128::from(u0) >= v1 {
        (B - 1, num - (B - 1) * v1)
    } else {
        let (q, r) = div_wide(u0, u1, v1 as u64);
        (u128::from(q), u128::from(r))
    };
    while rhat < B && qhat * v2 > ((rhat << 64) | u128::from(u2)) {
        qhat -= 1;
        rhat += v1;
    }
    qhat as u64
}

/// Which results of a floor division are wanted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DivParts {
    Quotient,
    Remainder,
    Both,
}

impl DivParts {
    fn quotient(self) -> bool {
        self != DivParts::Remainder
    }
    fn remainder(self) -> bool {
        self != DivParts::Quotient
    }
}

/// Python's `(a // b, a % b)` (floor division; the remainder has the sign of
/// `b`) for `b != 0`. A part not asked for by `parts` is returned as 0.
pub fn div_mod_floor_parts(a: &BigInt, b: &BigInt, parts: DivParts) -> (BigInt, BigInt) {
    debug_assert!(!b.is_zero());
    let (am, bm) = (a.magnitude(), b.magnitude());
    // Floor division rounds a negative quotient down: when the signs differ and
    // the division is inexact, |q| grows by one and the remainder is |b| - |r|.
    let differ = a.is_negative() != b.is_negative() && !a.is_zero();
    let q_sign = if differ { Sign::Minus } else { Sign::Plus };
    let r_sign = b.sign();
    let (al, bl) = (limb_count(am), limb_count(bm));
    if al < bl || (al == bl && am < bm) {
        // |a| < |b|: the quotient is 0 or -1.
        return if !differ {
            (BigInt::zero(), if parts.remainder() { a.clone() } else { BigInt::zero() })
        } else {
            (BigInt::from(-1), if parts.remainder() { a + b } else { BigInt::zero() })
        };
    }
    if bl == 1 {
        let d = bm.iter_u64_digits().next().unwrap_or(1);
        if !parts.quotient() {
            if let Ok(d32) = u32::try_from(d) {
                // Borrows `a`: no quotient is built.
                let r = (am % d32).to_u64().unwrap_or(0);
                let r = if differ && r != 0 { u64::from(d32) - r } else { r };
                return (BigInt::zero(), BigInt::from_biguint(r_sign, BigUint::from(r)));
            }
        }
        // num-bigint divides by one limb in place in a copy of `a`.
        let (mut q, r) = am.div_rem(bm);
        let mut r = r.to_u64().unwrap_or(0);
        if differ && r != 0 {
            q += 1u32;
            r = d - r;
        }
        return (BigInt::from_biguint(q_sign, q), BigInt::from_biguint(r_sign, BigUint::from(r)));
    }
    if al == bl {
        if parts.remainder() && qhat_same_len(am, bm) == 1 {
            // |a| >= |b| and q̂ = 1, so the quotient is 1 (the most common
            // quotient in Euclid's algorithm): num-bigint's subtraction gives
            // the remainder without the repacking of a result built from limbs.
            let r = am - bm;
            let (q, r) = if differ && !r.is_zero() { (2u32, bm - r) } else { (1, r) };
            return (BigInt::from_biguint(q_sign, BigUint::from(q)), BigInt::from_biguint(r_sign, r));
        }
        return with_scratch(|buf| {
            let (q, nonzero) =
                if parts.remainder() { div_same_len::<true>(am, bm, buf) } else { div_same_len::<false>(am, bm, buf) };
            let mut q = u128::from(q);
            if differ && nonzero {
                q += 1;
                if parts.remainder() {
                    // r = |b| - r
                    let mut borrow = false;
                    for (ri, bi) in buf.iter_mut().zip(bm.iter_u64_digits()) {
                        let (t, b1) = bi.overflowing_sub(*ri);
                        let (t, b2) = t.overflowing_sub(u64::from(borrow));
                        *ri = t;
                        borrow = b1 | b2;
                    }
                }
            }
            let quotient = BigInt::from_biguint(q_sign, BigUint::from(q));
            let remainder =
                if parts.remainder() { BigInt::from_biguint(r_sign, biguint_from_limbs(buf)) } else { BigInt::zero() };
            (quotient, remainder)
        });
    }
    let ql = al - bl + 1;
    if bl > SCHOOLBOOK_LIMIT && ql > SCHOOLBOOK_LIMIT {
        let (mut q, mut r) = am.div_rem(bm);
        if differ && !r.is_zero() {
            q += 1u32;
            r = bm - r;
        }
        return (BigInt::from_biguint(q_sign, q), BigInt::from_biguint(r_sign, r));
    }
    with_scratch(|buf| {
        buf.resize(al + 1 + bl + ql + 1, 0);
        let (u, rest) = buf.split_at_mut(al + 1);
        let (v, q) = rest.split_at_mut(bl);
        let s = bm.iter_u64_digits().last().unwrap_or(1).leading_zeros();
        shl_limbs_into(v, bm, s);
        shl_limbs_into(u, am, s);
        q.fill(0);
        knuth_divrem(u, v, &mut q[..ql]);
        let r = &mut u[..bl];
        if differ && r.iter().any(|&d| d != 0) {
            // r = v - r (both still shifted left by s), q += 1.
            let mut borrow = false;
            for (ri, &vi) in r.iter_mut().zip(v.iter()) {
                let (t, b1) = vi.overflowing_sub(*ri);
                let (t, b2) = t.overflowing_sub(u64::from(borrow));
                *ri = t;
                borrow = b1 | b2;
            }
            for d in q.iter_mut() {
                *d = d.wrapping_add(1);
                if *d != 0 {
                    break;
                }
            }
        }
        let quotient =
            if parts.quotient() { BigInt::from_biguint(q_sign, biguint_from_limbs(q)) } else { BigInt::zero() };
        let remainder = if parts.remainder() {
            if s != 0 {
                for i in 0..bl {
                    let hi = if i + 1 < bl { r[i + 1] << (64 - s) } else { 0 };
                    r[i] = (r[i] >> s) | hi;
                }
            }
            BigInt::from_biguint(r_sign, biguint_from_limbs(r))
        } else {
            BigInt::zero()
        };
        (quotient, remainder)
    })
}

/// `base ** exp`. A negative exponent gives a float, computed as CPython does
/// (`float(base) ** float(exp)`, so `0 ** -1` is `ZeroDivisionError` "0.0
/// cannot be raised to a negative power"). A result past [`MAX_INT_BITS`] is
/// `MemoryError`. (For small operands with a negative exponent the VM can call
/// [`float::float_pow`]`(a as f64, b as f64)` directly.)
pub fn pow(base: &BigInt, exp: &BigInt) -> NumResult<Real> {
    if exp.is_negative() {
        let x = bigint_to_f64(base)?;
        let y = bigint_to_f64(exp)?;
        return float::float_pow(x, y).map(Real::Float);
    }
    if let (Some(b), Some(e)) = (base.to_i64(), exp.to_i64()) {
        if let Some(r) = i64_pow(b, e) {
            return Ok(Real::Int(IntValue::Small(r)));
        }
    }
    if exp.is_zero() || base.is_one() {
        return Ok(Real::Int(IntValue::Small(1)));
    }
    if base.is_zero() {
        return Ok(Real::Int(IntValue::Small(0)));
    }
    if base.magnitude().is_one() {
        // base == -1
        return Ok(Real::Int(IntValue::Small(if exp.is_even() { 1 } else { -1 })));
    }
    let e = exp.to_u64().ok_or(NumError::Memory)?;
    let min_bits = (base.bits() - 1).checked_mul(e).ok_or(NumError::Memory)?;
    if min_bits >= MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    Ok(Real::Int(IntValue::from_bigint(Pow::pow(base, e))))
}

/// `pow(base, exp, m)`: the result has the sign of `m` (or is 0). A negative
/// exponent uses the modular inverse of `base`. `ValueError` "pow() 3rd
/// argument cannot be 0" and "base is not invertible for the given modulus".
pub fn pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> NumResult<BigInt> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let mm = m.magnitude();
    let mut b: BigUint = base.mod_floor(&BigInt::from_biguint(Sign::Plus, mm.clone())).into_parts().1;
    if exp.is_negative() {
        if mm.is_one() {
            return Ok(BigInt::zero());
        }
        b = b.modinv(mm).ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
    }
    let r = b.modpow(exp.magnitude(), mm);
    let r = BigInt::from_biguint(Sign::Plus, r);
    Ok(if m.is_negative() && !r.is_zero() { r - BigInt::from_biguint(Sign::Plus, mm.clone()) } else { r })
}

/// A shift count that is not an `i64`.
fn shift_count(n: &BigInt) -> NumResult<Option<i64>> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    Ok(n.to_i64())
}

/// `a << n` for an int count. `ValueError` "negative shift count";
/// `OverflowError` "too many digits in integer" for an absurd count;
/// `MemoryError` past [`MAX_INT_BITS`].
pub fn shl(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    match shift_count(n)? {
        Some(n) => shl_by(a, n),
        None if a.is_zero() => Ok(BigInt::zero()),
        None => Err(NumError::Overflow("too many digits in integer")),
    }
}

/// `a << n` for an `i64` count; errors as [`shl`].
pub fn shl_by(a: &BigInt, n: i64) -> NumResult<BigInt> {
    if n < 0 {
        return Err(NumError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    if a.bits().saturating_add(n as u64) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    Ok(a << n as u64)
}

/// `a >> n` for an int count (rounds toward −∞). `ValueError` "negative shift count".
pub fn shr(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    match shift_count(n)? {
        Some(n) => shr_by(a, n),
        None => Ok(if a.is_negative() { -BigInt::one() } else { BigInt::zero() }),
    }
}

/// `a >> n` for an `i64` count; errors as [`shr`].
pub fn shr_by(a: &BigInt, n: i64) -> NumResult<BigInt> {
    if n < 0 {
        return Err(NumError::value("negative shift count"));
    }
    if n as u64 >= a.bits() {
        return Ok(if a.is_negative() { -BigInt::one() } else { BigInt::zero() });
    }
    Ok(a >> n as u64)
}

/// `a & b` (two's complement semantics for negative values).
pub fn bitand(a: &BigInt, b: &BigInt) -> BigInt {
    a & b
}

/// `a | b` (two's complement semantics for negative values).
pub fn bitor(a: &BigInt, b: &BigInt) -> BigInt {
    a | b
}

/// `a ^ b` (two's complement semantics for negative values).
pub fn bitxor(a: &BigInt, b: &BigInt) -> BigInt {
    a ^ b
}

/// `~a`, i.e. `-a - 1`.
pub fn invert(a: &BigInt) -> BigInt {
    -a - 1
}

/// `int.bit_length()`.
pub fn bit_length(a: &BigInt) -> u64 {
    a.bits()
}

/// `int.bit_count()`.
pub fn bit_count(a: &BigInt) -> u64 {
    a.magnitude().count_ones()
}

/// `round(v, ndigits)` for an int: `v` itself when `ndigits >= 0`, else the
/// nearest multiple of `10**-ndigits`, ties to even.
pub fn round_i64(v: i64, ndigits: i64) -> IntValue {
    if ndigits >= 0 {
        return IntValue::Small(v);
    }
    let k = ndigits.unsigned_abs();
    if k > 19 {
        // |v| < 10**19 / 2
        return IntValue::Small(0);
    }
    let p = 10i128.pow(k as u32);
    let v = i128::from(v);
    let mut q = v.div_euclid(p);
    let r = v.rem_euclid(p);
    if 2 * r > p || (2 * r == p && q & 1 == 1) {
        q += 1;
    }
    IntValue::from_i128(q * p)
}

/// `round(v, ndigits)` for a big int; see [`round_i64`].
pub fn round_bigint(v: &BigInt, ndigits: i64) -> IntValue {
    if ndigits >= 0 {
        return IntValue::from_bigint(v.clone());
    }
    if let Some(small) = v.to_i64() {
        return round_i64(small, ndigits);
    }
    let k = ndigits.unsigned_abs();
    // |v| < 2^bits <= 10^(bits·log10(2) + 1): far smaller than half of 10^k.
    if k > v.bits() * 30103 / 100_000 + 2 {
        return IntValue::Small(0);
    }
    let p: BigInt = Pow::pow(BigInt::from(10), k);
    let (mut q, r) = v.div_mod_floor(&p);
    let twice: BigInt = r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    IntValue::from_bigint(q * p)
}

// ---------------------------------------------------------------------------
// to_bytes / from_bytes
// ---------------------------------------------------------------------------

/// The `byteorder` argument of `int.to_bytes` / `int.from_bytes`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    /// `'little'` or `'big'`; else `ValueError` "byteorder must be either 'little' or 'big'".
    pub fn parse(s: &str) -> NumResult<ByteOrder> {
        match s {
            "little" => Ok(ByteOrder::Little),
            "big" => Ok(ByteOrder::Big),
            _ => Err(NumError::value("byteorder must be either 'little' or 'big'")),
        }
    }
}

/// `v.to_bytes(length, byteorder, signed=signed)`.
/// `ValueError` "length argument must be non-negative"; `OverflowError`
/// "can't convert negative int to unsigned" and "int too big to convert";
/// `MemoryError` for a length past [`MAX_INT_BITS`] / 8.
pub fn to_bytes(v: &BigInt, length: i64, order: ByteOrder, signed: bool) -> NumResult<Vec<u8>> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    if !signed && v.is_negative() {
        return Err(NumError::Overflow("can't convert negative int to unsigned"));
    }
    let length = length as u64;
    let needed = if v.is_zero() {
        Vec::new()
    } else if signed {
        let mut b = v.to_signed_bytes_le();
        // CPython lets -1 fit in zero bytes (its sign is implied).
        if b == [0xff] {
            b.clear();
        }
        b
    } else {
        v.magnitude().to_bytes_le()
    };
    if needed.len() as u64 > length {
        return Err(NumError::Overflow("int too big to convert"));
    }
    if length > MAX_INT_BITS / 8 {
        return Err(NumError::Memory);
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    let mut out = needed;
    out.resize(length as usize, fill);
    if order == ByteOrder::Big {
        out.reverse();
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn from_bytes(bytes: &[u8], order: ByteOrder, signed: bool) -> IntValue {
    if bytes.len() <= 8 {
        let mut v: u64 = 0;
        let mut push = |b: u8| v = (v << 8) | u64::from(b);
        match order {
            ByteOrder::Big => bytes.iter().copied().for_each(&mut push),
            ByteOrder::Little => bytes.iter().rev().copied().for_each(&mut push),
        }
        let n = bytes.len() as u32 * 8;
        if signed && n > 0 && (v >> (n - 1)) & 1 == 1 {
            // sign-extend
            let v = if n == 64 { v as i64 } else { (v | (u64::MAX << n)) as i64 };
            return IntValue::Small(v);
        }
        return IntValue::from_u64(v);
    }
    let b = match (order, signed) {
        (ByteOrder::Little, true) => BigInt::from_signed_bytes_le(bytes),
        (ByteOrder::Little, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
        (ByteOrder::Big, true) => BigInt::from_signed_bytes_be(bytes),
        (ByteOrder::Big, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
    };
    IntValue::from_bigint(b)
}

// ---------------------------------------------------------------------------
// Parsing: int(str, base)
// ---------------------------------------------------------------------------

/// `int(text, base)`: surrounding white space, a sign, `_` between digits,
/// base 0 (prefix decides; no leading zeros in decimal), bases 2–36, and the
/// `0x`/`0o`/`0b` prefix when it matches the base. ASCII digits only.
///
/// Errors: `ValueError` "int() base must be >= 2 and <= 36, or 0", and
/// [`NumError::InvalidLiteral`] (the message quotes `repr(text)`).
pub fn parse_int(text: &str, base: u32) -> NumResult<IntValue> {
    if base == 1 || base > 36 {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    parse_int_inner(strip_py_space(text).as_bytes(), base).ok_or(NumError::InvalidLiteral(Literal::Int { base }))
}

#[inline]
fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 99,
    }
}

fn parse_int_inner(s: &[u8], base: u32) -> Option<IntValue> {
    let (neg, mut rest) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut base = base;
    let mut prefixed = false;
    if rest.len() >= 2 && rest[0] == b'0' {
        let pb = match rest[1] | 0x20 {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            rest = &rest[2..];
            prefixed = true;
            // One underscore may follow the prefix ("0x_1f").
            if rest.first() == Some(&b'_') {
                rest = &rest[1..];
            }
        }
    }
    let decimal_auto = base == 0;
    if decimal_auto {
        base = 10;
    }
    // Validate: digits, with single underscores between them.
    if rest.is_empty() || rest[0] == b'_' || rest[rest.len() - 1] == b'_' {
        return None;
    }
    let mut acc: u64 = 0;
    let mut small = true;
    let mut ndigits = 0usize;
    let mut prev_us = false;
    for &c in rest {
        if c == b'_' {
            if prev_us {
                return None;
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        let d = digit_value(c);
        if d >= base {
            return None;
        }
        ndigits += 1;
        if small {
            match acc.checked_mul(u64::from(base)).and_then(|v| v.checked_add(u64::from(d))) {
                Some(v) => acc = v,
                None => small = false,
            }
        }
    }
    // Base 0 without a prefix: "0", "00", "0_0" but not "010".
    if decimal_auto && !prefixed && rest[0] == b'0' && rest.iter().any(|&c| c != b'0' && c != b'_') {
        return None;
    }
    if small {
        if neg {
            return Some(if acc <= 1 << 63 {
                IntValue::Small((acc as i64).wrapping_neg())
            } else {
                IntValue::Big(-BigInt::from(acc))
            });
        }
        return Some(IntValue::from_u64(acc));
    }
    let mut digits = Vec::with_capacity(ndigits);
    digits.extend(rest.iter().filter(|&&c| c != b'_').map(|&c| digit_value(c) as u8));
    let mag = BigUint::from_radix_be(&digits, base)?;
    Some(IntValue::from_bigint(BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, mag)))
}

// ---------------------------------------------------------------------------
// Radix strings
// ---------------------------------------------------------------------------

/// Appends the digits of `v` in `radix` (2..=36), lower- or upper-case.
/// (Inlined: formatting calls it with radix 10, which then divides by a constant.)
#[inline]
pub fn push_digits_u64(out: &mut String, mut v: u64, radix: u32, upper: bool) {
    let radix = u64::from(radix.clamp(2, 36));
    let alpha = if upper { b'A' } else { b'a' };
    let mut buf = [0u8; 64];
    let mut i = buf.len();
    loop {
        let d = (v % radix) as u8;
        i -= 1;
        buf[i] = if d < 10 { b'0' + d } else { alpha + d - 10 };
        v /= radix;
        if v == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| b as char));
}

/// Appends the digits of `v` in `radix` (2..=36), lower- or upper-case.
pub fn push_digits_big(out: &mut String, v: &BigUint, radix: u32, upper: bool) {
    let radix = radix.clamp(2, 36);
    if let Some(v) = v.to_u64() {
        return push_digits_u64(out, v, radix, upper);
    }
    let s = v.to_str_radix(radix);
    if upper {
        out.push_str(&s.to_ascii_uppercase());
    } else {
        out.push_str(&s);
    }
}

fn radix_prefix(radix: u32) -> &'static str {
    match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    }
}

/// `bin(v)`, `oct(v)`, `hex(v)` for radix 2, 8, 16 (`-0x1f`); decimal for 10.
pub fn i64_to_radix_string(v: i64, radix: u32) -> String {
    if radix == 10 {
        return v.to_string();
    }
    let mut s = String::with_capacity(24);
    if v < 0 {
        s.push('-');
    }
    s.push_str(radix_prefix(radix));
    push_digits_u64(&mut s, v.unsigned_abs(), radix, false);
    s
}

/// `bin(v)`, `oct(v)`, `hex(v)` for radix 2, 8, 16 (`-0x1f`); decimal for 10.
pub fn bigint_to_radix_string(v: &BigInt, radix: u32) -> String {
    if radix == 10 {
        return v.to_string();
    }
    let mut s = String::new();
    if v.is_negative() {
        s.push('-');
    }
    s.push_str(radix_prefix(radix));
    push_digits_big(&mut s, v.magnitude(), radix, false);
    s
}

/// As [`i64_to_radix_string`] / [`bigint_to_radix_string`].
pub fn to_radix_string(v: &IntValue, radix: u32) -> String {
    match v {
        IntValue::Small(v) => i64_to_radix_string(*v, radix),
        IntValue::Big(b) => bigint_to_radix_string(b, radix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn bs(v: &IntValue) -> String {
        v.to_string()
    }

    #[test]
    fn int_values() {
        assert_eq!(IntValue::from_bigint(big("-9223372036854775808")), IntValue::Small(i64::MIN));
        assert_eq!(IntValue::from_bigint(big("9223372036854775808")), IntValue::Big(big("9223372036854775808")));
        assert_eq!(IntValue::from_u64(u64::MAX), IntValue::Big(big("18446744073709551615")));
        assert_eq!(IntValue::from_u64(5), IntValue::Small(5));
        assert_eq!(IntValue::from_i128(-(1i128 << 64)), IntValue::Big(big("-18446744073709551616")));
        assert_eq!(IntValue::from_i128(-7), IntValue::Small(-7));
        assert_eq!(IntValue::Small(3).to_bigint(), BigInt::from(3));
        assert_eq!(IntValue::Big(big("12")).into_bigint(), BigInt::from(12));
        assert_eq!(IntValue::Big(big("12")).as_i64(), Some(12));
        assert_eq!(IntValue::Big(big("-18446744073709551616")).as_i64(), None);
        assert!(IntValue::Small(0).is_zero() && IntValue::Big(BigInt::zero()).is_zero());
        assert!(IntValue::Big(big("-18446744073709551616")).is_negative() && !IntValue::Small(1).is_negative());
        assert_eq!(IntValue::from(BigInt::from(4)), IntValue::Small(4));
        assert_eq!(IntValue::from(4i64).to_f64(), Ok(4.0));
        assert_eq!(IntValue::Big(big("-18446744073709551616")).bit_length(), 65);
        assert_eq!(format!("{:>6}", IntValue::Small(-12)), "   -12");
    }

    #[test]
    fn i64_fast_paths() {
        assert_eq!(i64_add(i64::MAX, 1), None);
        assert_eq!(i64_sub(i64::MIN, 1), None);
        assert_eq!(i64_mul(1 << 32, 1 << 31), None);
        assert_eq!(i64_mul(-(1 << 32), 1 << 31), Some(i64::MIN));
        assert_eq!(i64_neg(i64::MIN), None);
        assert_eq!(i64_abs(i64::MIN), None);
        // floor division and modulo, all sign combinations
        for &(a, b, q, r) in &[
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
            (6, 3, 2, 0),
            (-6, 3, -2, 0),
            (0, -5, 0, 0),
            (i64::MIN, 1, i64::MIN, 0),
            (i64::MIN, 2, -4611686018427387904, 0),
            (i64::MIN, 3, -3074457345618258603, 1),
            (i64::MAX, -2, -4611686018427387904, -1),
            (i64::MIN, i64::MAX, -2, 9223372036854775806),
        ] {
            assert_eq!(i64_floordiv(a, b), Some(q), "{a} // {b}");
            assert_eq!(i64_mod(a, b), Some(r), "{a} % {b}");
            assert_eq!(i64_divmod(a, b), Some((q, r)));
        }
        assert_eq!(i64_floordiv(i64::MIN, -1), None);
        assert_eq!(i64_mod(i64::MIN, -1), Some(0));
        assert_eq!(i64_floordiv(1, 0), None);
        assert_eq!(i64_mod(1, 0), None);
        assert_eq!(i64_divmod(1, 0), None);
        // pow
        assert_eq!(i64_pow(2, 62), Some(1 << 62));
        assert_eq!(i64_pow(2, 63), None);
        assert_eq!(i64_pow(-2, 63), Some(i64::MIN));
        assert_eq!(i64_pow(0, 0), Some(1));
        assert_eq!(i64_pow(0, 1 << 40), Some(0));
        assert_eq!(i64_pow(-1, (1 << 40) + 1), Some(-1));
        assert_eq!(i64_pow(1, i64::MAX), Some(1));
        assert_eq!(i64_pow(3, 1 << 40), None);
        assert_eq!(i64_pow(2, -1), None);
        assert_eq!(i64_pow(10, 18), Some(1_000_000_000_000_000_000));
        // shifts
        assert_eq!(i64_shl(1, 62), Some(1 << 62));
        assert_eq!(i64_shl(1, 63), None);
        assert_eq!(i64_shl(-1, 63), Some(i64::MIN));
        assert_eq!(i64_shl(0, 1000), Some(0));
        assert_eq!(i64_shl(1, -1), None);
        assert_eq!(i64_shl(3, 62), None);
        assert_eq!(i64_shr(-5, 1), Some(-3));
        assert_eq!(i64_shr(-5, 1000), Some(-1));
        assert_eq!(i64_shr(5, 1000), Some(0));
        assert_eq!(i64_shr(5, -1), None);
        // pow_mod
        assert_eq!(i64_pow_mod(3, 2, -5), Some(-1));
        assert_eq!(i64_pow_mod(-3, 3, 7), Some(1)); // pow(-3, 3, 7) == 1
        assert_eq!(i64_pow_mod(5, 0, -1), Some(0));
        assert_eq!(i64_pow_mod(0, 0, 7), Some(1));
        assert_eq!(i64_pow_mod(i64::MAX, i64::MAX, i64::MIN), Some(-1));
        assert_eq!(i64_pow_mod(123456789, 987654321, 1000000007), Some(652541198));
        assert_eq!(i64_pow_mod(2, -1, 7), None);
        assert_eq!(i64_pow_mod(2, 1, 0), None);
        // bit_length / bit_count
        assert_eq!(i64_bit_length(0), 0);
        assert_eq!(i64_bit_length(-1), 1);
        assert_eq!(i64_bit_length(255), 8);
        assert_eq!(i64_bit_length(i64::MIN), 64);
        assert_eq!(i64_bit_count(i64::MIN), 1);
        assert_eq!(i64_bit_count(-7), 3);
    }

    #[test]
    fn true_division() {
        // Expected values from CPython 3.11.
        let cases: &[(&str, &str, f64)] = &[
            ("1", "3", 0.3333333333333333),
            ("-1", "3", -0.3333333333333333),
            ("0", "-5", -0.0),
            ("0", "-1000000000000000000000000000000", -0.0),
            ("-1000000000000000000000000000000", "10000000000000000000000000000000", -0.1),
            ("9007199254740993", "1", 9007199254740992.0),
            ("9007199254740995", "1", 9007199254740996.0),
            ("9223372036854775807", "3", 3.0744573456182584e+18),
            ("-9223372036854775808", "7", -1.3176245766935393e+18),
            ("1", "9223372036854775807", 1.0842021724855044e-19),
            ("18446744073709551615", "18446744073709551614", 1.0),
            ("12345678901234567890123456789", "98765432109876543210", 124999998.8609375),
            ("1", "100000000000000000000000000000000000000000000000000000000000000", 1e-62),
            (
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                "1",
                1.7976931348623157e+308,
            ),
            ("1", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 0.0),
        ];
        for &(a, b, want) in cases {
            let got = true_div(&big(a), &big(b)).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{a} / {b}: {got:e}");
            if let (Ok(x), Ok(y)) = (a.parse::<i64>(), b.parse::<i64>()) {
                assert_eq!(i64_true_div(x, y).unwrap().to_bits(), want.to_bits(), "i64 {a} / {b}");
            }
        }
        // Subnormal results and the smallest ones, from CPython.
        let two = BigInt::from(2);
        let p = |e: u32| Pow::pow(&two, e);
        assert_eq!(true_div(&BigInt::one(), &p(1074)).unwrap(), 5e-324);
        assert_eq!(true_div(&BigInt::one(), &p(1075)).unwrap(), 0.0);
        assert_eq!(true_div(&BigInt::from(3), &p(1076)).unwrap(), 5e-324);
        assert_eq!(true_div(&BigInt::one(), &(p(1075) - 1)).unwrap(), 5e-324);
        assert_eq!(true_div(&BigInt::one(), &p(1080)).unwrap(), 0.0);
        assert_eq!(true_div(&BigInt::from(3), &p(1075)).unwrap(), 1e-323);
        assert_eq!(true_div(&(p(1024) - p(970) - 1), &BigInt::one()).unwrap(), f64::MAX);
        assert_eq!(
            true_div(&(p(1024) - p(970)), &BigInt::one()),
            Err(NumError::Overflow("integer division result too large for a float"))
        );
        assert_eq!(
            true_div(&Pow::pow(BigInt::from(10), 400u32), &BigInt::from(3)),
            Err(NumError::Overflow("integer division result too large for a float"))
        );
        assert_eq!(true_div(&Pow::pow(BigInt::from(10), 400u32), &Pow::pow(BigInt::from(10), 399u32)).unwrap(), 10.0);
        assert_eq!(true_div(&BigInt::one(), &BigInt::zero()), Err(NumError::ZeroDivision("division by zero")));
        assert_eq!(i64_true_div(1, 0), Err(NumError::ZeroDivision("division by zero")));
        // 2^1000 / 3 and 10^30 / 7: from CPython.
        assert_eq!(true_div(&p(1000), &BigInt::from(3)).unwrap(), 3.5716953572875575e+300);
        assert_eq!(
            true_div(&big("1000000000000000000000000000000"), &BigInt::from(7)).unwrap(),
            1.4285714285714285e+29
        );
    }

    #[test]
    fn to_float() {
        let cases: &[(&str, f64)] = &[
            ("9007199254740993", 9007199254740992.0),
            ("9007199254740995", 9007199254740996.0),
            ("-9223372036854775808", -9.223372036854776e+18),
            ("18446744073709551615", 1.8446744073709552e+19),
            ("18446744073709551617", 1.8446744073709552e+19),
            ("36893488147419107328", 3.6893488147419103e+19),
            ("36893488147419107329", 3.689348814741911e+19),
            ("36893488147419115520", 3.689348814741912e+19),
            ("36893488147419115519", 3.689348814741911e+19),
            ("9223372036854776832", 9.223372036854776e+18),
            ("9223372036854776833", 9.223372036854778e+18),
            ("9223372036854778880", 9.22337203685478e+18),
            ("-9223372036854778880", -9.22337203685478e+18),
            (
                "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376",
                1.0715086071862673e+301,
            ),
            (
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                1.7976931348623157e+308,
            ),
        ];
        for &(s, want) in cases {
            let v = big(s);
            assert_eq!(bigint_to_f64(&v).unwrap().to_bits(), want.to_bits(), "{s}");
            assert_eq!(IntValue::from_bigint(v).to_f64().unwrap().to_bits(), want.to_bits());
        }
        // 2^1024 - 2^970 rounds up to 2^1024: overflow.
        let two = BigInt::from(2);
        let v: BigInt = Pow::pow(&two, 1024u32) - Pow::pow(&two, 970u32);
        assert_eq!(bigint_to_f64(&v), Err(NumError::Overflow("int too large to convert to float")));
        assert_eq!(bigint_to_f64(&(v - 1)).unwrap(), f64::MAX);
        assert_eq!(
            bigint_to_f64(&-Pow::pow(&two, 5000u32)),
            Err(NumError::Overflow("int too large to convert to float"))
        );
        assert_eq!(bigint_to_f64(&BigInt::zero()).unwrap(), 0.0);
    }

    #[test]
    fn float_to_int() {
        assert_eq!(from_f64(1.9).unwrap(), IntValue::Small(1));
        assert_eq!(from_f64(-1.9).unwrap(), IntValue::Small(-1));
        assert_eq!(from_f64(-0.0).unwrap(), IntValue::Small(0));
        assert_eq!(from_f64(-9.223372036854776e18).unwrap(), IntValue::Small(i64::MIN));
        assert_eq!(bs(&from_f64(9.223372036854776e18).unwrap()), "9223372036854775808");
        assert_eq!(bs(&from_f64(1e300).unwrap()), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(bs(&from_f64(-1.5e19).unwrap()), "-15000000000000000000");
        assert_eq!(from_f64(f64::NAN), Err(NumError::value("cannot convert float NaN to integer")));
        assert_eq!(from_f64(f64::NEG_INFINITY), Err(NumError::Overflow("cannot convert float infinity to integer")));
    }

    #[test]
    fn floor_division_matches_num_bigint() {
        // Random and adversarial shapes through every path of
        // `div_mod_floor_parts`, checked against num-bigint's own floor division.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let patterns = [0u64, u64::MAX, 1 << 63, (1 << 63) - 1, 1];
        let mut make = |limbs: usize, mode: u64| -> BigInt {
            let mut digits = Vec::with_capacity(limbs * 2);
            for i in 0..limbs {
                let r = next();
                let d = match mode % 4 {
                    0 => r,
                    1 => patterns[(r % patterns.len() as u64) as usize],
                    2 if i + 1 == limbs => r >> (r % 64),
                    _ => {
                        if r % 3 == 0 {
                            u64::MAX
                        } else {
                            r
                        }
                    }
                };
                digits.push(d as u32);
                digits.push((d >> 32) as u32);
            }
            BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
        };
        let sizes = [
            (1, 1),
            (2, 1),
            (2, 2),
            (3, 2),
            (3, 3),
            (5, 4),
            (8, 8),
            (20, 3),
            (50, 49),
            (300, 300),
            (300, 250),
            (400, 100),
            (200, 70),
            (300, 150),
        ];
        for &(al, bl) in &sizes {
            for mode in 0..40u64 {
                let a = make(al, mode);
                let b = make(bl, mode / 4);
                if b.is_zero() {
                    continue;
                }
                for (sa, sb) in [(1i32, 1i32), (1, -1), (-1, 1), (-1, -1)] {
                    let (a, b): (BigInt, BigInt) = (&a * sa, &b * sb);
                    let want = a.div_mod_floor(&b);
                    assert_eq!(div_mod_floor_parts(&a, &b, DivParts::Both), want, "{a} / {b}");
                    assert_eq!(div_mod_floor_parts(&a, &b, DivParts::Quotient).0, want.0);
                    assert_eq!(div_mod_floor_parts(&a, &b, DivParts::Remainder).1, want.1);
                    // Multiples of b, and one off them, in both directions.
                    for k in [BigInt::from(1), BigInt::from(u64::MAX), make(2, mode)] {
                        for off in [-1i32, 0, 1] {
                            let x = &b * &k + off;
                            assert_eq!(div_mod_floor_parts(&x, &b, DivParts::Both), x.div_mod_floor(&b), "{x} / {b}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn division_by_one_limb() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let divisors = [
            1u64,
            2,
            3,
            7,
            10,
            1 << 32,
            (1 << 32) + 1,
            u32::MAX as u64,
            1 << 63,
            (1 << 63) + 1,
            u64::MAX,
            0x1234_5678_9abc_def1,
        ];
        for limbs in [1usize, 2, 3, 10, 100] {
            for round in 0..8 {
                let digits: Vec<u32> = (0..limbs * 2)
                    .map(|i| match round {
                        0 => u32::MAX,
                        1 if i + 1 == limbs * 2 => 1,
                        _ => next() as u32,
                    })
                    .collect();
                let a = BigInt::from_biguint(Sign::Plus, BigUint::new(digits));
                for &d in divisors.iter().chain([next(), next() >> 17].iter()) {
                    for (sa, sb) in [(1i32, 1i32), (1, -1), (-1, 1), (-1, -1)] {
                        let (x, y): (BigInt, BigInt) = (&a * sa, BigInt::from(d) * sb);
                        let want = x.div_mod_floor(&y);
                        assert_eq!(div_mod_floor_parts(&x, &y, DivParts::Both), want, "{x} / {y}");
                        assert_eq!(div_mod_floor_parts(&x, &y, DivParts::Quotient).0, want.0);
                        assert_eq!(div_mod_floor_parts(&x, &y, DivParts::Remainder).1, want.1);
                    }
                }
            }
        }
    }

    #[test]
    fn big_arith() {
        let a = big("-100000000000000000000000");
        let b = big("7");
        assert_eq!(floordiv(&a, &b).unwrap().to_string(), "-14285714285714285714286");
        assert_eq!(modulo(&a, &b).unwrap().to_string(), "2");
        assert_eq!(modulo(&-&a, &-&b).unwrap().to_string(), "-2");
        let (q, r) = divmod(&a, &-&b).unwrap();
        assert_eq!((q.to_string(), r.to_string()), ("14285714285714285714285".into(), "-5".into()));
        assert_eq!(floordiv(&a, &BigInt::zero()), Err(NumError::ZeroDivision("integer division or modulo by zero")));
        assert_eq!(divmod(&a, &BigInt::zero()), Err(NumError::ZeroDivision("integer division or modulo by zero")));
        assert_eq!(modulo(&a, &BigInt::zero()), Err(NumError::ZeroDivision("integer modulo by zero")));
    }

    #[test]
    fn powers() {
        let p = |a: i64, b: i64| pow(&BigInt::from(a), &BigInt::from(b));
        assert_eq!(p(2, -1).unwrap(), Real::Float(0.5));
        assert_eq!(p(-2, -1).unwrap(), Real::Float(-0.5));
        assert_eq!(p(10, -400).unwrap(), Real::Float(0.0));
        assert_eq!(p(0, -1), Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power")));
        assert_eq!(p(3, 0).unwrap(), Real::Int(IntValue::Small(1)));
        assert_eq!(p(-1, 1 << 62).unwrap(), Real::Int(IntValue::Small(1)));
        assert_eq!(p(0, i64::MAX).unwrap(), Real::Int(IntValue::Small(0)));
        match p(2, 100).unwrap() {
            Real::Int(v) => assert_eq!(v.to_string(), "1267650600228229401496703205376"),
            r => panic!("{r:?}"),
        }
        match p(-3, 41).unwrap() {
            Real::Int(v) => assert_eq!(v.to_string(), "-36472996377170786403"),
            r => panic!("{r:?}"),
        }
        assert_eq!(p(2, 1 << 40), Err(NumError::Memory));
        assert_eq!(pow(&BigInt::from(2), &big("100000000000000000000000")), Err(NumError::Memory));
        assert_eq!(pow(&BigInt::from(-1), &big("100000000000000000000001")).unwrap(), Real::Int(IntValue::Small(-1)));
        let huge = Pow::pow(BigInt::from(10), 400u32);
        assert_eq!(pow(&huge, &BigInt::from(-1)), Err(NumError::Overflow("int too large to convert to float")));
    }

    #[test]
    fn modular_powers() {
        let pm = |a: i64, b: i64, m: i64| pow_mod(&BigInt::from(a), &BigInt::from(b), &BigInt::from(m));
        assert_eq!(pm(3, 2, -5).unwrap(), BigInt::from(-1));
        assert_eq!(pm(3, -1, 7).unwrap(), BigInt::from(5));
        assert_eq!(pm(2, -1, -7).unwrap(), BigInt::from(-3));
        assert_eq!(pm(-2, -1, 7).unwrap(), BigInt::from(3));
        assert_eq!(pm(2, -1, 1).unwrap(), BigInt::from(0));
        assert_eq!(pm(0, 0, 1).unwrap(), BigInt::from(0));
        assert_eq!(pm(5, 0, -1).unwrap(), BigInt::from(0));
        assert_eq!(pm(0, 0, 7).unwrap(), BigInt::from(1));
        assert_eq!(pm(2, -1, 4), Err(NumError::value("base is not invertible for the given modulus")));
        assert_eq!(pm(0, -1, 5), Err(NumError::value("base is not invertible for the given modulus")));
        assert_eq!(pm(2, 3, 0), Err(NumError::value("pow() 3rd argument cannot be 0")));
        // pow(7, 10**30, 10**20 + 39) from CPython
        assert_eq!(
            pow_mod(&BigInt::from(7), &big("1000000000000000000000000000000"), &big("100000000000000000039"))
                .unwrap()
                .to_string(),
            "3569739706734575610"
        );
        assert_eq!(pm(-7, 3, 10).unwrap(), BigInt::from(7));
        assert_eq!(pm(-7, 3, -10).unwrap(), BigInt::from(-3));
    }

    #[test]
    fn shifts_and_bits() {
        let n = |v: i64| BigInt::from(v);
        assert_eq!(shl(&n(1), &n(-1)), Err(NumError::value("negative shift count")));
        assert_eq!(shr(&n(1), &n(-1)), Err(NumError::value("negative shift count")));
        assert_eq!(shl(&n(1), &big("100000000000000000000")), Err(NumError::Overflow("too many digits in integer")));
        assert_eq!(shl(&n(1), &n(1 << 40)), Err(NumError::Memory));
        assert_eq!(shl(&n(0), &big("100000000000000000000")).unwrap(), n(0));
        assert_eq!(shr(&n(-1), &big("100000000000000000000")).unwrap(), n(-1));
        assert_eq!(shr(&n(5), &big("100000000000000000000")).unwrap(), n(0));
        assert_eq!(shr(&n(-5), &n(1)).unwrap(), n(-3));
        assert_eq!(shr_by(&-Pow::pow(n(2), 70u32), 3).unwrap().to_string(), "-147573952589676412928");
        assert_eq!(shr_by(&big("-147573952589676412929"), 3).unwrap().to_string(), "-18446744073709551617");
        assert_eq!(shr_by(&big("-147573952589676412929"), 1000).unwrap(), n(-1));
        assert_eq!(shl_by(&n(-3), 100).unwrap().to_string(), "-3802951800684688204490109616128");
        // two's complement bitwise ops, from CPython
        let a = big("-12345678901234567890123");
        let b = big("98765432109876543210");
        assert_eq!(bitand(&a, &b).to_string(), "1729664867975313952");
        assert_eq!(bitor(&a, &b).to_string(), "-12248643133992666660865");
        assert_eq!(bitxor(&a, &b).to_string(), "-12250372798860641974817");
        assert_eq!(bitand(&a, &n(-1)), a);
        assert_eq!(bitand(&n(-8), &n(-3)), n(-8));
        assert_eq!(bitor(&n(-8), &n(3)), n(-5));
        assert_eq!(bitxor(&n(-8), &n(-3)), n(5));
        assert_eq!(invert(&a).to_string(), "12345678901234567890122");
        assert_eq!(invert(&n(0)), n(-1));
        assert_eq!(bit_length(&a), 74);
        assert_eq!(bit_count(&a), 35);
        assert_eq!(bit_length(&n(0)), 0);
        assert_eq!(IntValue::Small(-256).bit_length(), 9);
    }

    #[test]
    fn rounding() {
        let r = |v: i64, n: i64| round_i64(v, n).to_string();
        assert_eq!(r(-1250, -2), "-1200");
        assert_eq!(r(-1350, -2), "-1400");
        assert_eq!(r(i64::MAX, -1), "9223372036854775810");
        assert_eq!(r(15, -1), "20");
        assert_eq!(r(25, -1), "20");
        assert_eq!(r(-25, -1), "-20");
        assert_eq!(r(123, 5), "123");
        assert_eq!(r(i64::MIN, -18), "-9000000000000000000");
        assert_eq!(r(5_000_000_000_000_000_000, -19), "0");
        assert_eq!(r(-5_000_000_000_000_000_000, -19), "0");
        assert_eq!(r(6_000_000_000_000_000_000, -19), "10000000000000000000");
        assert_eq!(r(12345, i64::MIN), "0");
        let rb = |v: &str, n: i64| round_bigint(&big(v), n).to_string();
        assert_eq!(rb("1000000000000000000000000000005000000000", -10), "1000000000000000000000000000000000000000");
        assert_eq!(rb("1000000000000000000000000000015000000000", -10), "1000000000000000000000000000020000000000");
        assert_eq!(rb(&format!("1{}", "0".repeat(50)), -51), "0");
        assert_eq!(rb(&format!("-6{}", "0".repeat(50)), -51), format!("-1{}", "0".repeat(51)));
        assert_eq!(rb(&format!("-6{}", "0".repeat(50)), i64::MIN), "0");
        assert_eq!(rb("-123", -1), "-120");
        assert_eq!(rb("123456789012345678901234567890", 3), "123456789012345678901234567890");
    }

    #[test]
    fn bytes() {
        let n = |v: i64| BigInt::from(v);
        let tb = |v: i64, len: i64, o, s| to_bytes(&n(v), len, o, s);
        use ByteOrder::{Big, Little};
        assert_eq!(tb(1, -1, Big, false), Err(NumError::value("length argument must be non-negative")));
        assert_eq!(tb(256, 1, Big, false), Err(NumError::Overflow("int too big to convert")));
        assert_eq!(tb(-1, 1, Big, false), Err(NumError::Overflow("can't convert negative int to unsigned")));
        assert_eq!(tb(-129, 1, Big, true), Err(NumError::Overflow("int too big to convert")));
        assert_eq!(tb(128, 1, Big, true), Err(NumError::Overflow("int too big to convert")));
        assert_eq!(tb(-256, 1, Big, true), Err(NumError::Overflow("int too big to convert")));
        assert_eq!(tb(-2, 0, Big, true), Err(NumError::Overflow("int too big to convert")));
        assert_eq!(tb(0, 0, Big, false).unwrap(), b"");
        assert_eq!(tb(-1, 0, Big, true).unwrap(), b"");
        assert_eq!(tb(-128, 1, Big, true).unwrap(), b"\x80");
        assert_eq!(tb(255, 2, Little, false).unwrap(), b"\xff\x00");
        assert_eq!(tb(-2, 3, Big, true).unwrap(), b"\xff\xff\xfe");
        assert_eq!(tb(0x1234, 4, Big, false).unwrap(), b"\x00\x00\x12\x34");
        assert_eq!(tb(1, 1 << 40, Big, false), Err(NumError::Memory));
        assert_eq!(to_bytes(&big("-2361183241434822606848"), 9, Big, true).unwrap(), b"\x80\0\0\0\0\0\0\0\0");
        assert_eq!(ByteOrder::parse("middle"), Err(NumError::value("byteorder must be either 'little' or 'big'")));
        assert_eq!(from_bytes(b"\xff\x00", Little, true), IntValue::Small(255));
        assert_eq!(from_bytes(b"\xff\x00", Big, true), IntValue::Small(-256));
        assert_eq!(from_bytes(b"", Big, true), IntValue::Small(0));
        assert_eq!(from_bytes(b"\xff", Big, false), IntValue::Small(255));
        assert_eq!(from_bytes(b"\xff", Big, true), IntValue::Small(-1));
        assert_eq!(from_bytes(&[0xff; 8], Big, false).to_string(), "18446744073709551615");
        assert_eq!(from_bytes(&[0xff; 8], Big, true), IntValue::Small(-1));
        assert_eq!(from_bytes(b"\x80\0\0\0\0\0\0\0", Big, true), IntValue::Small(i64::MIN));
        assert_eq!(from_bytes(b"\x80\0\0\0\0\0\0\0\0", Big, true).to_string(), "-2361183241434822606848");
        assert_eq!(from_bytes(b"\x80\0\0\0\0\0\0\0\0", Big, false).to_string(), "2361183241434822606848");
        assert_eq!(from_bytes(b"\x01\0\0\0\0\0\0\0\0", Little, false), IntValue::Small(1));
    }

    #[test]
    fn parsing() {
        let ok = |s: &str, base: u32| parse_int(s, base).map(|v| v.to_string()).unwrap_or_else(|e| format!("{e:?}"));
        let bad = |s: &str, base: u32| parse_int(s, base) == Err(NumError::InvalidLiteral(Literal::Int { base }));
        assert_eq!(ok(" 1 ", 10), "1");
        assert_eq!(ok("0x_1f", 16), "31");
        assert_eq!(ok("0x1f", 0), "31");
        assert_eq!(ok("0X1F", 0), "31");
        assert_eq!(ok("0_0", 0), "0");
        assert_eq!(ok("00", 0), "0");
        assert_eq!(ok("z", 36), "35");
        assert_eq!(ok("0o17", 8), "15");
        assert_eq!(ok("0b1_0", 0), "2");
        assert_eq!(ok("+0x10", 0), "16");
        assert_eq!(ok("-0", 0), "0");
        assert_eq!(ok("0 ", 0), "0");
        assert_eq!(ok("\u{3000}5", 10), "5");
        assert_eq!(ok("\x0b1\x0c", 10), "1");
        assert_eq!(ok("1a", 16), "26");
        assert_eq!(ok("0b1", 16), "177");
        assert_eq!(ok("1_000_000", 10), "1000000");
        assert_eq!(ok("-9223372036854775808", 10), "-9223372036854775808");
        assert_eq!(parse_int("-9223372036854775808", 10).unwrap(), IntValue::Small(i64::MIN));
        assert_eq!(parse_int("9223372036854775808", 10).unwrap(), IntValue::Big(big("9223372036854775808")));
        assert_eq!(ok("18446744073709551615", 10), "18446744073709551615");
        assert_eq!(ok("-18446744073709551616", 10), "-18446744073709551616");
        assert_eq!(ok("-0xffff_ffff_ffff_ffff_f", 0), "-295147905179352825855");
        assert_eq!(ok("123456789012345678901234567890", 0), "123456789012345678901234567890");
        assert_eq!(ok("zzzzzzzzzzzzzzzz", 36), "7958661109946400884391935");
        let long = "9".repeat(5000);
        assert_eq!(ok(&long, 10), long);
        for (s, base) in [
            ("", 10),
            ("- 1", 10),
            ("1__0", 10),
            ("_1", 10),
            ("1_", 10),
            ("010", 0),
            ("0b", 0),
            ("0x", 16),
            ("0_b1", 0),
            ("\x1c5\x1f", 10),
            ("0x10", 10),
            ("12", 2),
            ("+", 10),
            ("-", 10),
            ("0x__1", 16),
            ("0x_", 16),
            ("٣", 10),
            ("1 2", 10),
            ("+-1", 10),
            ("0o8", 0),
        ] {
            assert!(bad(s, base), "{s:?} base {base}: {:?}", parse_int(s, base));
        }
        assert_eq!(parse_int("1", 37), Err(NumError::value("int() base must be >= 2 and <= 36, or 0")));
        assert_eq!(parse_int("1", 1), Err(NumError::value("int() base must be >= 2 and <= 36, or 0")));
    }

    #[test]
    fn radix_strings() {
        assert_eq!(i64_to_radix_string(31, 16), "0x1f");
        assert_eq!(i64_to_radix_string(-31, 16), "-0x1f");
        assert_eq!(i64_to_radix_string(0, 2), "0b0");
        assert_eq!(i64_to_radix_string(8, 8), "0o10");
        assert_eq!(i64_to_radix_string(i64::MIN, 16), "-0x8000000000000000");
        assert_eq!(i64_to_radix_string(i64::MIN, 10), "-9223372036854775808");
        assert_eq!(bigint_to_radix_string(&-Pow::pow(BigInt::from(2), 100u32), 16), "-0x10000000000000000000000000");
        assert_eq!(to_radix_string(&IntValue::Big(big("-18446744073709551617")), 8), "-0o2000000000000000000001");
        assert_eq!(to_radix_string(&IntValue::Small(5), 2), "0b101");
        let mut s = String::new();
        push_digits_big(&mut s, big("340282366920938463463374607431768211455").magnitude(), 16, true);
        assert_eq!(s, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        assert_eq!(
            IntValue::Big(big("-123456789012345678901234567890")).to_string(),
            "-123456789012345678901234567890"
        );
    }
}

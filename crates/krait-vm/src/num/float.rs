//! Python `float` semantics: `repr`, parsing, `round`, floor division and
//! modulo, `**`, `as_integer_ratio`, `hex`/`fromhex`, exact int/float
//! comparison, and the decimal-digit layouts shared with the formatters.

use std::cmp::Ordering;
use std::fmt::{self, Write as _};

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Pow, ToPrimitive};

use super::int::{self, IntValue};
use super::{strip_py_space, Literal, NumError, NumResult, Real};

// ---------------------------------------------------------------------------
// Decimal digits
// ---------------------------------------------------------------------------

/// A fixed-capacity byte buffer that `write!` can target without allocating.
struct StackBuf {
    buf: [u8; 32],
    len: usize,
}

impl StackBuf {
    fn new() -> StackBuf {
        StackBuf { buf: [0; 32], len: 0 }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The shortest round-tripping decimal digits of a finite `a >= 0`:
/// `a == 0.DIGITS × 10^decpt` (for zero: digits `"0"`, decpt 1).
pub(crate) struct Shortest {
    digits: [u8; 20],
    len: usize,
    pub(crate) decpt: i32,
}

impl Shortest {
    pub(crate) fn new(a: f64) -> Shortest {
        let mut b = StackBuf::new();
        // `{:e}` gives the shortest round-trip digits: "1.2345e-7", "1e16".
        let _ = write!(b, "{:e}", a);
        let s = b.bytes();
        let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
        let mut out = Shortest { digits: [0; 20], len: 0, decpt: 1 };
        for &c in &s[..epos] {
            if c.is_ascii_digit() && out.len < out.digits.len() {
                out.digits[out.len] = c;
                out.len += 1;
            }
        }
        out.decpt = parse_exp(&s[epos.min(s.len())..]) + 1;
        // When two shortest candidates are equally close to `a`, Rust rounds
        // the last digit up and CPython to even; an even digit already agrees.
        if out.len > 0 && out.digits[out.len - 1] & 1 == 1 && may_be_decimal_tie(a, out.len) {
            out.prefer_correctly_rounded(a);
        }
        out
    }

    /// Replaces the digits with `a` correctly rounded (ties to even) to the
    /// same number of digits, if that also round-trips.
    fn prefer_correctly_rounded(&mut self, a: f64) {
        let mut b = StackBuf::new();
        if write!(b, "{:.*e}", self.len - 1, a).is_err() {
            return;
        }
        let s = b.bytes();
        let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
        let mut digits = [0u8; 20];
        let mut len = 0;
        for &c in &s[..epos] {
            if c.is_ascii_digit() && len < digits.len() {
                digits[len] = c;
                len += 1;
            }
        }
        if digits[..len] == self.digits[..self.len] {
            return;
        }
        let round_trips = std::str::from_utf8(s).ok().and_then(|t| t.parse::<f64>().ok()) == Some(a);
        if round_trips && len == self.len {
            self.digits = digits;
            self.decpt = parse_exp(&s[epos..]) + 1;
        }
    }

    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

/// Whether the exact decimal value of a finite `a > 0` could have exactly
/// `n + 1` significant digits ending in 5 (a tie between two `n`-digit
/// candidates). Write `a = m · 2^e` with `m` odd: its significant digits are
/// `m · 5^-e` when `e < 0`, and end in 5 when `e >= 0` only if `5^(e+1)` divides `m`.
fn may_be_decimal_tie(a: f64, n: usize) -> bool {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    let sig: u128 = if e < 0 {
        if e < -25 {
            return false;
        }
        u128::from(m) * 5u128.pow(e.unsigned_abs())
    } else {
        if e > 22 || m % 5u64.pow(e as u32 + 1) != 0 {
            return false;
        }
        u128::from(m / 5u64.pow(e as u32))
    };
    // The number of digits of `sig` must be n + 1.
    let lo = 10u128.pow(n as u32);
    sig >= lo && sig < lo * 10
}

/// Parses the exponent after `e` in Rust's `{:e}` output ("e-7", "e16").
fn parse_exp(s: &[u8]) -> i32 {
    let s = s.strip_prefix(b"e").unwrap_or(s);
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let mut v: i32 = 0;
    for &c in s {
        v = v.saturating_mul(10).saturating_add(i32::from(c.wrapping_sub(b'0')));
    }
    if neg {
        -v
    } else {
        v
    }
}

/// The first `prec + 1` significant digits of a finite `a >= 0`, correctly
/// rounded (ties to even), with trailing zeros: `a ≈ 0.DIGITS × 10^decpt`.
fn exp_digits(a: f64, prec: usize) -> (Vec<u8>, i32) {
    let s = format!("{:.*e}", prec, a);
    let epos = s.rfind('e').unwrap_or(s.len());
    let decpt = parse_exp(&s.as_bytes()[epos..]) + 1;
    let mut d = s.into_bytes();
    d.truncate(epos);
    if d.len() > 1 && d[1] == b'.' {
        d.remove(1);
    }
    (d, decpt)
}

/// How a float's digits are chosen (the conversion types of `format`/`%`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Shortest round-trip digits, exponent when decpt < -3 or > 16 (`repr`, `''`).
    Repr,
    /// `f`: this many digits after the point.
    Fixed(usize),
    /// `e`: this many digits after the point.
    Exp(usize),
    /// `g`: this many significant digits (at least 1).
    General(usize),
}

/// Options for [`float_body`].
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct BodyOpts {
    /// `#`: always a decimal point; `g` keeps trailing zeros.
    pub alt: bool,
    /// Add `.0` to integral results without an exponent (`repr`, format type `''`);
    /// in `General` mode this also lowers the exponent threshold by one.
    pub add_dot_0: bool,
    /// `E`/`G`/`F`: upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Formats `a >= 0` (or NaN/inf) per `mode`. Returns the text and the length
/// of its leading integer-digits part (where thousands grouping applies; 0
/// for `inf`/`nan`).
pub(crate) fn float_body(a: f64, mode: Mode, o: BodyOpts) -> (String, usize) {
    if !a.is_finite() {
        let s = match (a.is_nan(), o.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        return (s.to_string(), 0);
    }
    match mode {
        Mode::Fixed(p) => {
            let mut s = format!("{:.*}", p, a);
            let int_len = s.find('.').unwrap_or(s.len());
            if o.alt && p == 0 {
                s.push('.');
            }
            (s, int_len)
        }
        Mode::Exp(p) => {
            let (d, decpt) = exp_digits(a, p);
            let mut s = String::with_capacity(d.len() + 7);
            s.push(d[0] as char);
            if d.len() > 1 || o.alt {
                s.push('.');
            }
            s.extend(d[1..].iter().map(|&c| c as char));
            push_exponent(&mut s, decpt - 1, o.upper);
            (s, 1)
        }
        Mode::General(p) => {
            let p = p.max(1);
            let (mut d, decpt) = exp_digits(a, p - 1);
            let limit = if o.add_dot_0 { p as i64 - 1 } else { p as i64 };
            let use_exp = decpt <= -4 || i64::from(decpt) > limit;
            if !o.alt {
                while d.len() > 1 && d.last() == Some(&b'0') {
                    d.pop();
                }
            }
            layout_digits(&d, decpt, use_exp, o)
        }
        Mode::Repr => {
            let sd = Shortest::new(a);
            let use_exp = sd.decpt <= -4 || sd.decpt > 16;
            layout_digits(sd.digits(), sd.decpt, use_exp, o)
        }
    }
}

/// Appends `e+XX` (at least two exponent digits).
fn push_exponent(s: &mut String, exp: i32, upper: bool) {
    s.push(if upper { 'E' } else { 'e' });
    s.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        s.push('0');
    }
    let _ = write!(s, "{e}");
}

/// Lays out `0.DIGITS × 10^decpt`, as fixed-point or with an exponent.
fn layout_digits(d: &[u8], decpt: i32, use_exp: bool, o: BodyOpts) -> (String, usize) {
    let (exp, decpt) = if use_exp { (Some(decpt - 1), 1) } else { (None, decpt) };
    let mut s = String::with_capacity(d.len() + 8 + decpt.unsigned_abs() as usize);
    let push = |s: &mut String, b: &[u8]| s.extend(b.iter().map(|&c| c as char));
    let int_len;
    let frac_start = s.len();
    if decpt <= 0 {
        s.push('0');
        int_len = 1;
        s.push('.');
        s.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        push(&mut s, d);
    } else {
        let dp = decpt as usize;
        if dp >= d.len() {
            push(&mut s, d);
            s.extend(std::iter::repeat_n('0', dp - d.len()));
            int_len = s.len() - frac_start;
            if o.add_dot_0 && exp.is_none() {
                s.push_str(".0");
            } else if o.alt {
                s.push('.');
            }
        } else {
            push(&mut s, &d[..dp]);
            int_len = dp;
            s.push('.');
            push(&mut s, &d[dp..]);
        }
    }
    if let Some(e) = exp {
        push_exponent(&mut s, e, o.upper);
    }
    (s, int_len)
}

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

/// `repr(x)` (and `str(x)`): shortest round-trip digits, `1.0`, `1e+16`,
/// `1e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    write_float_repr(&mut s, x);
    s
}

/// Appends `repr(x)` to `out` (no allocation beyond `out`'s growth).
pub fn write_float_repr(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let a = x.abs();
    if a.is_infinite() {
        out.push_str("inf");
        return;
    }
    let sd = Shortest::new(a);
    let d = sd.digits();
    let decpt = sd.decpt;
    let push = |out: &mut String, b: &[u8]| out.extend(b.iter().map(|&c| c as char));
    if decpt <= -4 || decpt > 16 {
        out.push(d[0] as char);
        if d.len() > 1 {
            out.push('.');
            push(out, &d[1..]);
        }
        push_exponent(out, decpt - 1, false);
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        push(out, d);
    } else {
        let dp = decpt as usize;
        if dp >= d.len() {
            push(out, d);
            out.extend(std::iter::repeat_n('0', dp - d.len()));
            out.push_str(".0");
        } else {
            push(out, &d[..dp]);
            out.push('.');
            push(out, &d[dp..]);
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// Case-insensitive ASCII prefix test.
fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Length of a run of digits with single underscores between them, starting at `s[0]`.
fn digit_run(s: &[u8]) -> usize {
    let mut i = 0;
    while i < s.len() {
        let underscore_ok = s[i] == b'_' && i > 0 && i + 1 < s.len() && s[i + 1].is_ascii_digit();
        if s[i].is_ascii_digit() || underscore_ok {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The longest prefix of `s` that is a float literal (optional sign, then
/// `inf`/`infinity`/`nan`, or digits with `_` between them, an optional
/// point, an optional exponent), with its value and length. Used by
/// [`parse_float`] and by `complex()` parsing.
pub(crate) fn scan_float(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &s[i..];
    let special = if starts_with_ci(rest, b"infinity") {
        Some((f64::INFINITY, 8))
    } else if starts_with_ci(rest, b"inf") {
        Some((f64::INFINITY, 3))
    } else if starts_with_ci(rest, b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, n)) = special {
        return Some((if neg { -v } else { v }, i + n));
    }
    let start = i;
    let int_len = digit_run(&s[i..]);
    i += int_len;
    let mut frac_len = 0;
    if s.get(i) == Some(&b'.') {
        frac_len = digit_run(&s[i + 1..]);
        if int_len == 0 && frac_len == 0 {
            return None;
        }
        i += 1 + frac_len;
    }
    if int_len == 0 && frac_len == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let n = digit_run(&s[j..]);
        if n > 0 {
            i = j + n;
        }
    }
    let lit = &s[..i];
    let v = if lit[start..].contains(&b'_') {
        let clean: String = lit.iter().filter(|&&c| c != b'_').map(|&c| c as char).collect();
        clean.parse::<f64>().ok()?
    } else {
        // Only ASCII sign, digits, '.', 'e' here.
        std::str::from_utf8(lit).ok()?.parse::<f64>().ok()?
    };
    Some((v, i))
}

/// `float(text)`: surrounding white space, a sign, `inf`/`infinity`/`nan`
/// (any case), `_` between digits; correctly rounded. Error:
/// [`NumError::InvalidLiteral`] (the message quotes `repr(text)`).
pub fn parse_float(text: &str) -> NumResult<f64> {
    let s = strip_py_space(text).as_bytes();
    match scan_float(s) {
        Some((v, n)) if n == s.len() => Ok(v),
        _ => Err(NumError::InvalidLiteral(Literal::Float)),
    }
}

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// `round(x)`: nearest integer, ties to even. `ValueError` "cannot convert
/// float NaN to integer"; `OverflowError` "cannot convert float infinity to integer".
pub fn round_to_int(x: f64) -> NumResult<IntValue> {
    int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`: `x` rounded to a multiple of `10**-ndigits`, using
/// the exact value of `x` (so `round(2.675, 2) == 2.67`), ties to even.
/// `OverflowError` "rounded value too large to represent".
pub fn round_digits(x: f64, ndigits: i64) -> NumResult<f64> {
    // Beyond these, the result is x itself or a signed zero (as CPython).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        // Rust's fixed-precision formatting is exact and rounds ties to even.
        let s = format!("{:.*}", ndigits as usize, x);
        return Ok(s.parse::<f64>().unwrap_or(x));
    }
    let k = ndigits.unsigned_abs() as u32; // 1..=308
    let a = x.abs();
    let fl = a.floor();
    let frac_nonzero = a > fl;
    let r = if fl < 9.0e18 && k <= 18 {
        let i = fl as u64 as i128;
        let p = 10i128.pow(k);
        let (mut q, r) = (i / p, i % p);
        if 2 * r > p || (2 * r == p && (frac_nonzero || q & 1 == 1)) {
            q += 1;
        }
        (q * p) as f64
    } else {
        let i = match int::from_f64(fl)? {
            IntValue::Small(v) => BigInt::from(v),
            IntValue::Big(b) => b,
        };
        let p: BigInt = Pow::pow(BigInt::from(10), k);
        let (mut q, r) = i.div_rem(&p);
        let twice: BigInt = r * 2;
        let up = match twice.cmp(&p) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => frac_nonzero || q.is_odd(),
        };
        if up {
            q += 1;
        }
        int::bigint_to_f64(&(q * p)).map_err(|_| NumError::Overflow("rounded value too large to represent"))?
    };
    Ok(r.copysign(x))
}

/// `round(x)` or `round(x, ndigits)`: an int without `ndigits`, else a float.
pub fn round_float(x: f64, ndigits: Option<i64>) -> NumResult<Real> {
    match ndigits {
        None => round_to_int(x).map(Real::Int),
        Some(n) => round_digits(x, n).map(Real::Float),
    }
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

/// `a / b`. `ZeroDivisionError` "float division by zero".
#[inline]
pub fn float_div(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::ZeroDivision("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b`, with the sign of `b`. `ZeroDivisionError` "float modulo".
#[inline]
pub fn float_mod(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::ZeroDivision("float modulo"));
    }
    let m = a % b; // fmod: exact
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// `divmod` without the zero check.
fn divmod_unchecked(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// `a // b`. `ZeroDivisionError` "float floor division by zero".
#[inline]
pub fn float_floordiv(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::ZeroDivision("float floor division by zero"));
    }
    Ok(divmod_unchecked(a, b).0)
}

/// `divmod(a, b)`. `ZeroDivisionError` "float divmod()".
#[inline]
pub fn float_divmod(a: f64, b: f64) -> NumResult<(f64, f64)> {
    if b == 0.0 {
        return Err(NumError::ZeroDivision("float divmod()"));
    }
    Ok(divmod_unchecked(a, b))
}

fn is_odd_integer(y: f64) -> bool {
    (y.abs() % 2.0) == 1.0
}

/// `x ** y` for floats, with CPython's special cases.
/// `ZeroDivisionError` "0.0 cannot be raised to a negative power";
/// [`NumError::ComplexResult`] for a negative `x` and non-integer `y`;
/// `OverflowError` "(34, 'Numerical result out of range')".
pub fn float_pow(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(NumError::ComplexResult);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(NumError::Overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// `float.is_integer()`.
#[inline]
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms
/// with a positive denominator. `OverflowError` "cannot convert Infinity to
/// integer ratio"; `ValueError` "cannot convert NaN to integer ratio".
pub fn as_integer_ratio(x: f64) -> NumResult<(IntValue, IntValue)> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((IntValue::Small(0), IntValue::Small(1)));
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let m = m as i64;
    let m = if x < 0.0 { -m } else { m };
    if e >= 0 {
        let n = match int::i64_shl(m, e) {
            Some(v) => IntValue::Small(v),
            None => IntValue::from_bigint(BigInt::from(m) << e as u64),
        };
        Ok((n, IntValue::Small(1)))
    } else {
        let d = match int::i64_shl(1, -e) {
            Some(v) => IntValue::Small(v),
            None => IntValue::from_bigint(BigInt::from(1) << (-e) as u64),
        };
        Ok((IntValue::Small(m), d))
    }
}

// ---------------------------------------------------------------------------
// hex / fromhex
// ---------------------------------------------------------------------------

/// `float.hex()`: `0x1.8000000000000p+0`, `-0x0.0p+0`, `0x0.0000000000001p-1022`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let frac = bits & ((1 << 52) - 1);
    if biased == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        let e = biased as i64 - 1023;
        format!("{sign}0x1.{frac:013x}p{e:+}")
    }
}

/// `float.fromhex(text)`, correctly rounded. `ValueError` "invalid
/// hexadecimal floating-point string"; `OverflowError` "hexadecimal value too
/// large to represent as a float".
pub fn float_fromhex(text: &str) -> NumResult<f64> {
    const INVALID: &str = "invalid hexadecimal floating-point string";
    let invalid = || NumError::value(INVALID);
    // Only ASCII white space here (as CPython).
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')).as_bytes();
    let (neg, mut s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |v: f64| if neg { -v } else { v };
    for (word, v) in [(&b"infinity"[..], f64::INFINITY), (b"inf", f64::INFINITY), (b"nan", f64::NAN)] {
        if s.eq_ignore_ascii_case(word) {
            return Ok(sign(v));
        }
    }
    if s.len() >= 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        s = &s[2..];
    }
    // Mantissa: hex digits with at most one point.
    let int_len = s.iter().take_while(|c| c.is_ascii_hexdigit()).count();
    let mut i = int_len;
    let mut frac_len = 0;
    if s.get(i) == Some(&b'.') {
        frac_len = s[i + 1..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
        i += 1 + frac_len;
    }
    if int_len + frac_len == 0 {
        return Err(invalid());
    }
    let mantissa = &s[..i];
    // Exponent: p, optional sign, decimal digits (saturated).
    let mut exp: i64 = 0;
    if matches!(s.get(i), Some(b'p' | b'P')) {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let n = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return Err(invalid());
        }
        for &c in &s[i..i + n] {
            exp = (exp * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        i += n;
        if eneg {
            exp = -exp;
        }
    }
    if i != s.len() {
        return Err(invalid());
    }
    // value = 0xDIGITS × 2^(exp - 4·frac_len); keep the top 16 significant hex digits.
    let digits = mantissa.iter().filter(|&&c| c != b'.').map(|&c| (c as char).to_digit(16).unwrap_or(0) as u64);
    let mut q: u64 = 0;
    let mut kept = 0usize;
    let mut dropped = 0i64;
    let mut sticky = false;
    for d in digits {
        if kept == 0 && d == 0 {
            continue;
        }
        if kept < 16 {
            q = (q << 4) | d;
            kept += 1;
        } else {
            dropped += 1;
            sticky |= d != 0;
        }
    }
    if q == 0 {
        return Ok(sign(0.0));
    }
    let s2 = exp - 4 * frac_len as i64 + 4 * dropped;
    match round_scaled_pub(q, sticky, s2) {
        Some(v) => Ok(sign(v)),
        None => Err(NumError::Overflow("hexadecimal value too large to represent as a float")),
    }
}

/// Rounds `(q + f) · 2^s` to a double, clamping absurd exponents.
fn round_scaled_pub(q: u64, sticky: bool, s: i64) -> Option<f64> {
    if s > 2000 {
        return None;
    }
    if s < -2000 {
        return Some(0.0);
    }
    int::round_scaled(q, sticky, s)
}

// ---------------------------------------------------------------------------
// Exact comparison of ints with floats
// ---------------------------------------------------------------------------

/// Compares an int with a float exactly (as CPython: `2**53 + 1 != 2.0**53`).
/// `None` when `f` is NaN.
pub fn cmp_i64_f64(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if i.unsigned_abs() <= 1 << 53 {
        return (i as f64).partial_cmp(&f);
    }
    if f >= 9_223_372_036_854_775_808.0 {
        return Some(Ordering::Less);
    }
    if f < -9_223_372_036_854_775_808.0 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i64)) {
        Ordering::Equal => 0.0.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Compares a big int with a float exactly. `None` when `f` is NaN.
pub fn cmp_bigint_f64(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if let Some(v) = i.to_i64() {
        return cmp_i64_f64(v, f);
    }
    if f.is_infinite() || i.bits() > 1025 {
        // |i| > 2^63 > |any f in i64 range|; infinities and huge ints decide by sign.
        return Some(if f.is_infinite() {
            if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        } else if i.sign() == Sign::Minus {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = f.trunc();
    let ti = match int::from_f64(t) {
        Ok(IntValue::Small(v)) => BigInt::from(v),
        Ok(IntValue::Big(b)) => b,
        Err(_) => return None,
    };
    match i.cmp(&ti) {
        Ordering::Equal => 0.0.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Compares an int with a float exactly. `None` when `f` is NaN.
pub fn cmp_int_f64(i: &IntValue, f: f64) -> Option<Ordering> {
    match i {
        IntValue::Small(v) => cmp_i64_f64(*v, f),
        IntValue::Big(b) => cmp_bigint_f64(b, f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.00012345, "0.00012345"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e19, "1.2345678901234567e+19"),
            (9999999999999998.0, "9999999999999998.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (1.5, "1.5"),
            (-2.5e-10, "-2.5e-10"),
            (123.456, "123.456"),
            (1e100, "1e+100"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(63), "9.223372036854776e+18"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e22, "1e+22"),
            (12345678.9, "12345678.9"),
            (-1565686912547818.2, "-1565686912547818.2"),
            (1329159678350931.2, "1329159678350931.2"),
            (999999999439297.2, "999999999439297.2"),
            (1565686912547818.8, "1565686912547818.8"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
        let mut s = String::from("x=");
        write_float_repr(&mut s, 2.5);
        assert_eq!(s, "x=2.5");
    }

    #[test]
    fn parsing() {
        let ok: &[(&str, f64)] = &[
            ("1_0.5_5e1_0", 105500000000.0),
            ("1.e5", 100000.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("-iNfInItY", f64::NEG_INFINITY),
            ("+inf", f64::INFINITY),
            (" 1.5\n", 1.5),
            ("\u{3000}1", 1.0),
            ("1e500", f64::INFINITY),
            ("-1e-500", -0.0),
            ("0.1", 0.1),
            ("-0", -0.0),
            ("1E+2", 100.0),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
            ("1e-99999999999999999999", 0.0),
            ("9007199254740993", 9007199254740992.0),
            ("1_2_3", 123.0),
            ("0001", 1.0),
        ];
        for &(s, want) in ok {
            let got = parse_float(s).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{s:?}");
        }
        assert!(parse_float("+nan").unwrap().is_nan());
        assert!(parse_float("-NaN").unwrap().is_sign_negative());
        for s in [
            " x ", "1._5", "1_.5", "1e_5", ".e5", "infinit", "1e", "1e+", "", "0x10", "in f", "1__0", "nan_", "_1",
            "1_", "\x1c1", "+", "-", ".", "1.5.", "1e5e5", "++1", "1 2", "inff", "١",
        ] {
            assert_eq!(parse_float(s), Err(NumError::InvalidLiteral(Literal::Float)), "{s:?}");
        }
        assert_eq!(scan_float(b"1e+j"), Some((1.0, 1)));
        assert_eq!(scan_float(b"-2.5e3j"), Some((-2500.0, 6)));
        assert_eq!(scan_float(b"1_j"), Some((1.0, 1)));
        assert_eq!(scan_float(b"+j"), None);
    }

    #[test]
    fn rounding() {
        let i = |x: f64| round_to_int(x).unwrap();
        assert_eq!(i(0.5), IntValue::Small(0));
        assert_eq!(i(1.5), IntValue::Small(2));
        assert_eq!(i(-0.5), IntValue::Small(0));
        assert_eq!(i(-2.5), IntValue::Small(-2));
        assert_eq!(i(2.0f64.powi(52) + 0.5), IntValue::Small(4503599627370496));
        assert_eq!(i(1e300).to_string(), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(round_to_int(f64::INFINITY), Err(NumError::Overflow("cannot convert float infinity to integer")));
        assert_eq!(round_to_int(f64::NAN), Err(NumError::value("cannot convert float NaN to integer")));
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (-0.4, 0, -0.0),
            (2.5, 0, 2.0),
            (1234.5, -2, 1200.0),
            (1250.0, -2, 1200.0),
            (1350.0, -2, 1400.0),
            (-1250.0, -2, -1200.0),
            (-1234.0, -5, -0.0),
            (5e307, -308, 1e308),
            (5e307, -309, 0.0),
            (-5e307, -309, -0.0),
            (1e-320, 323, 1e-320),
            (1e-320, 400, 1e-320),
            (1.5, 500, 1.5),
            (0.1, 1, 0.1),
            (f64::INFINITY, 2, f64::INFINITY),
            (-0.0, 2, -0.0),
            (0.0, -2, 0.0),
            (-0.0, -2, -0.0),
            (4.5e15, -16, 0.0),
            (5e15, -16, 0.0),
            (5.0000000001e15, -16, 1e16),
            (1.23456789e-5, 8, 1.235e-05),
            (1e22, -22, 1e22),
            (123.456, -1, 120.0),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (12345.0, i64::MIN, 0.0),
            (12345.0, i64::MAX, 12345.0),
            (1.5e22, -21, 1.5e22),
            (2.5e22, -22, 2e22),
            (3.5e300, -300, 3e300),
            (123456789.12345679, 5, 123456789.12346),
            (0.5, 0, 0.0),
            (-0.5, 0, -0.0),
            (9.5e18, -18, 1e19),
            (8.5e18, -18, 8e18),
        ];
        for &(x, n, want) in cases {
            let got = round_digits(x, n).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "round({x:e}, {n}) = {got:e}");
        }
        assert!(round_digits(f64::NAN, 2).unwrap().is_nan());
        assert_eq!(round_digits(1.7e308, -308), Err(NumError::Overflow("rounded value too large to represent")));
        assert_eq!(round_digits(1.5e308, -308), Err(NumError::Overflow("rounded value too large to represent")));
        assert_eq!(round_float(2.5, None).unwrap(), Real::Int(IntValue::Small(2)));
        assert_eq!(round_float(2.5, Some(0)).unwrap(), Real::Float(2.0));
    }

    #[test]
    fn arithmetic() {
        let dm = |a: f64, b: f64| float_divmod(a, b).unwrap();
        let same = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        let cases: &[(f64, f64, f64, f64)] = &[
            (5.0, f64::INFINITY, 0.0, 5.0),
            (-5.0, f64::INFINITY, -1.0, f64::INFINITY),
            (f64::INFINITY, 3.0, f64::NAN, f64::NAN),
            (-0.0, 5.0, -0.0, 0.0),
            (0.0, -5.0, -0.0, -0.0),
            (7.0, -2.0, -4.0, -1.0),
            (-7.0, 2.0, -4.0, 1.0),
            (1e308, 1e-308, f64::INFINITY, 3.498445546245627e-309),
            (f64::NAN, 1.0, f64::NAN, f64::NAN),
            (3.0, 0.1, 29.0, 0.09999999999999984),
            (1.0, 0.1, 9.0, 0.09999999999999995),
            (-1e-300, 1e300, -1.0, 1e300),
            (5.0, f64::NEG_INFINITY, -1.0, f64::NEG_INFINITY),
            (f64::INFINITY, f64::INFINITY, f64::NAN, f64::NAN),
            (6.0, 3.0, 2.0, 0.0),
            (-6.0, 3.0, -2.0, 0.0),
            (6.0, -3.0, -2.0, -0.0),
        ];
        for &(a, b, q, r) in cases {
            let (gq, gr) = dm(a, b);
            assert!(same(gq, q) && same(gr, r), "divmod({a}, {b}) = ({gq}, {gr})");
            assert!(same(float_floordiv(a, b).unwrap(), q));
            assert!(same(float_mod(a, b).unwrap(), r));
        }
        assert_eq!(float_div(1.0, 0.0), Err(NumError::ZeroDivision("float division by zero")));
        assert_eq!(float_div(1.0, -0.0), Err(NumError::ZeroDivision("float division by zero")));
        assert_eq!(float_floordiv(1.0, 0.0), Err(NumError::ZeroDivision("float floor division by zero")));
        assert_eq!(float_mod(1.0, 0.0), Err(NumError::ZeroDivision("float modulo")));
        assert_eq!(float_divmod(1.0, 0.0), Err(NumError::ZeroDivision("float divmod()")));
        assert_eq!(float_div(1.0, 4.0), Ok(0.25));
    }

    #[test]
    fn powers() {
        let same = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, f64, f64)] = &[
            (-inf, 0.5, inf),
            (-inf, 3.0, -inf),
            (-inf, -3.0, -0.0),
            (-inf, 2.0, inf),
            (-0.0, 3.0, -0.0),
            (-0.0, 0.5, 0.0),
            (0.0, -inf, inf),
            (-1.0, inf, 1.0),
            (nan, 0.0, 1.0),
            (1.0, nan, 1.0),
            (-1.0, nan, nan),
            (2.0, inf, inf),
            (0.5, inf, 0.0),
            (0.5, -inf, inf),
            (2.0, -1080.0, 0.0),
            (-2.0, -1075.0, -0.0),
            (-1.5, 2.0, 2.25),
            (nan, -1.0, nan),
            (inf, nan, nan),
            (-inf, -0.5, 0.0),
            (2.0, 0.5, std::f64::consts::SQRT_2),
            (10.0, -2.0, 0.01),
            (-2.0, 3.0, -8.0),
            (-1.0, 1e300, 1.0),
            (-1.0, 3.0, -1.0),
            (1.0000001, 1e9, 2.6881038582144647e+43),
        ];
        for &(x, y, want) in cases {
            let got = float_pow(x, y).unwrap();
            assert!(same(got, want), "{x} ** {y} = {got}");
        }
        let overflow = Err(NumError::Overflow("(34, 'Numerical result out of range')"));
        assert_eq!(float_pow(10.0, 400.0), overflow);
        assert_eq!(float_pow(-2.0, 1025.0), overflow);
        assert_eq!(float_pow(-2.0, 1024.0), overflow);
        assert_eq!(float_pow(10.0, 308.5), overflow);
        let zde = Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power"));
        assert_eq!(float_pow(0.0, -1.0), zde);
        assert_eq!(float_pow(-0.0, -3.0), zde);
        assert_eq!(float_pow(-0.0, -0.5), zde);
        assert_eq!(float_pow(-8.0, 0.5), Err(NumError::ComplexResult));
        assert_eq!(float_pow(-1e-300, 0.5), Err(NumError::ComplexResult));
    }

    #[test]
    fn ratios_and_hex() {
        let r = |x: f64| as_integer_ratio(x).map(|(n, d)| (n.to_string(), d.to_string()));
        assert_eq!(r(1.5).unwrap(), ("3".into(), "2".into()));
        assert_eq!(r(0.1).unwrap(), ("3602879701896397".into(), "36028797018963968".into()));
        assert_eq!(r(-0.0).unwrap(), ("0".into(), "1".into()));
        assert_eq!(r(-2.5).unwrap(), ("-5".into(), "2".into()));
        assert_eq!(r(1e300).unwrap().1, "1");
        assert_eq!(r(1e300).unwrap().0, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(r(5e-324).unwrap().0, "1");
        assert_eq!(r(5e-324).unwrap().1.len(), 324);
        assert_eq!(r(f64::INFINITY), Err(NumError::Overflow("cannot convert Infinity to integer ratio")));
        assert_eq!(r(f64::NAN), Err(NumError::value("cannot convert NaN to integer ratio")));
        assert!(is_integer(3.0) && is_integer(-0.0) && is_integer(1e300));
        assert!(!is_integer(0.5) && !is_integer(f64::INFINITY) && !is_integer(f64::NAN));

        let hex_cases: &[(f64, &str)] = &[
            (1.5, "0x1.8000000000000p+0"),
            (0.0, "0x0.0p+0"),
            (-0.0, "-0x0.0p+0"),
            (5e-324, "0x0.0000000000001p-1022"),
            (1.0, "0x1.0000000000000p+0"),
            (0.1, "0x1.999999999999ap-4"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (f64::MAX, "0x1.fffffffffffffp+1023"),
            (f64::MIN_POSITIVE, "0x1.0000000000000p-1022"),
            (2.225073858507201e-308, "0x0.fffffffffffffp-1022"),
            (-3.0, "-0x1.8000000000000p+1"),
        ];
        for &(x, want) in hex_cases {
            assert_eq!(float_hex(x), want);
            if x.is_finite() {
                assert_eq!(float_fromhex(want).unwrap().to_bits(), x.to_bits());
            }
        }
        let from: &[(&str, f64)] = &[
            ("0x1.8p0", 1.5),
            ("0X1.8P+0", 1.5),
            (" -0x1p-1074 ", -5e-324),
            ("0x1p-1075", 0.0),
            ("0x1.0000000000001p-1075", 5e-324),
            ("0x3p-1076", 5e-324),
            ("0x1.fffffffffffff7ffp1023", f64::MAX),
            ("1", 1.0),
            ("ff", 255.0),
            (".8", 0.5),
            ("0x.8", 0.5),
            ("0x8.", 8.0),
            ("-Infinity", f64::NEG_INFINITY),
            ("inf", f64::INFINITY),
            ("0x0p99999999999999999999", 0.0),
            ("0x1p-99999999999999999999", 0.0),
            ("0x00000000000000000001p0", 1.0),
            ("0x1.00000000000008p0", 1.0),
            ("0x1.00000000000018p0", 1.0000000000000004),
            ("0x1.000000000000080000000001p0", 1.0000000000000002),
            ("0x1.8p0\n", 1.5),
            ("0x1e", 30.0),
            ("-0x0p0", -0.0),
            ("0x123456789abcdef0123456789p-100", 0.07111111111111111),
            ("0x.0000000000000000000000001p0", 7.888609052210118e-31),
        ];
        for &(s, want) in from {
            let got = float_fromhex(s).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{s:?} -> {got:e}");
        }
        assert!(float_fromhex("nan").unwrap().is_nan());
        let too_big = Err(NumError::Overflow("hexadecimal value too large to represent as a float"));
        assert_eq!(float_fromhex("0x1p1024"), too_big);
        assert_eq!(float_fromhex("0x1.fffffffffffff8p1023"), too_big);
        assert_eq!(float_fromhex("0x1p99999999999999999999"), too_big);
        for s in
            ["0x.", "0x", "", "0x1p", "0x1p+", "0x1_0", "1.5 x", "\u{3000}0x1p0", "0x1.2.3", "--1", "0xg", "0x1p1.5"]
        {
            assert_eq!(float_fromhex(s), Err(NumError::value("invalid hexadecimal floating-point string")), "{s:?}");
        }
    }

    #[test]
    fn int_float_comparison() {
        use Ordering::*;
        let two53 = 9007199254740992i64;
        assert_eq!(cmp_i64_f64(two53 + 1, 9007199254740992.0), Some(Greater));
        assert_eq!(cmp_i64_f64(two53, 9007199254740992.0), Some(Equal));
        assert_eq!(cmp_i64_f64(i64::MAX, 9.223372036854776e18), Some(Less));
        assert_eq!(cmp_i64_f64(i64::MIN, -9.223372036854776e18), Some(Equal));
        assert_eq!(cmp_i64_f64(3, 3.5), Some(Less));
        assert_eq!(cmp_i64_f64(-3, -3.5), Some(Greater));
        assert_eq!(cmp_i64_f64(two53 * 4 + 1, (two53 * 4) as f64 + 0.0), Some(Greater));
        assert_eq!(cmp_i64_f64(1, f64::NAN), None);
        assert_eq!(cmp_i64_f64(i64::MAX, f64::INFINITY), Some(Less));
        let big: BigInt = BigInt::from(2).pow(1000u32);
        assert_eq!(cmp_bigint_f64(&big, 2f64.powi(1000)), Some(Equal));
        assert_eq!(cmp_bigint_f64(&(&big + 1), 2f64.powi(1000)), Some(Greater));
        assert_eq!(cmp_bigint_f64(&(&big - 1), 2f64.powi(1000)), Some(Less));
        assert_eq!(cmp_bigint_f64(&BigInt::from(2).pow(2000u32), f64::MAX), Some(Greater));
        assert_eq!(cmp_bigint_f64(&-BigInt::from(2).pow(2000u32), f64::MIN), Some(Less));
        assert_eq!(cmp_bigint_f64(&-BigInt::from(2).pow(2000u32), f64::NEG_INFINITY), Some(Greater));
        assert_eq!(cmp_bigint_f64(&BigInt::from(2).pow(64u32), 1.8446744073709552e19 + 0.0), Some(Equal));
        assert_eq!(cmp_int_f64(&IntValue::Small(1), 1.0), Some(Equal));
    }

    #[test]
    fn bodies() {
        let b =
            |a: f64, m: Mode, alt: bool, dot0: bool| float_body(a, m, BodyOpts { alt, add_dot_0: dot0, upper: false });
        assert_eq!(b(1234.5, Mode::Fixed(2), false, false), ("1234.50".into(), 4));
        assert_eq!(b(1.0, Mode::Fixed(0), true, false), ("1.".into(), 1));
        assert_eq!(b(1.5, Mode::Exp(0), true, false), ("2.e+00".into(), 1));
        assert_eq!(b(1e100, Mode::Exp(2), false, false), ("1.00e+100".into(), 1));
        assert_eq!(b(100.0, Mode::General(3), false, true), ("1e+02".into(), 1));
        assert_eq!(b(12.0, Mode::General(3), false, true), ("12.0".into(), 2));
        assert_eq!(b(1.0, Mode::General(6), true, false), ("1.00000".into(), 1));
        assert_eq!(b(100.0, Mode::General(3), true, false), ("100.".into(), 3));
        assert_eq!(b(1e16, Mode::Repr, true, true), ("1.e+16".into(), 1));
        assert_eq!(b(1.0, Mode::Repr, true, true), ("1.0".into(), 1));
        assert_eq!(b(0.0001, Mode::General(6), false, false), ("0.0001".into(), 1));
        assert_eq!(b(f64::INFINITY, Mode::General(6), false, false), ("inf".into(), 0));
    }
}

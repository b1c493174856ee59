//! `math`: MicroPython's math module with CPython's full set of functions and
//! CPython's error behaviour (`ValueError: math domain error`, `OverflowError:
//! math range error`). Float results are immediates, so the common functions
//! allocate nothing. `ceil`/`floor`/`trunc` return ints (big ints for huge floats).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use krait_syntax::ast::BinOp;
use krait_syntax::{q, Qstr};

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::ObjKind;
use crate::obj::str::as_str;
use crate::obj::ListObj;
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

// ---- argument helpers (shared with cmath, random and struct) ----

/// Check the positional argument count (MicroPython's wording) and that no
/// keywords were given.
pub(crate) fn check_args(vm: &mut Vm, args: &[Value], kw: &[Value], min: usize, max: usize) -> PyResult<()> {
    crate::obj::function::check_args(vm, args, kw, min, max, false)
}

/// A float argument: floats and ints directly, big ints converted (OverflowError
/// when too large), objects through `__float__` / `__index__`.
#[inline]
pub(crate) fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    float_arg_slow(vm, v)
}

#[cold]
fn float_arg_slow(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match as_num(&v) {
        Some(Num::Int(i)) => return Ok(i as f64),
        Some(Num::Float(f)) => return Ok(f),
        Some(Num::Big(b)) => {
            return match crate::num::int::bigint_to_f64(b) {
                Ok(f) => Ok(f),
                Err(e) => Err(vm.num_error(e, "")),
            }
        }
        None => {}
    }
    if matches!(v.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other)) {
        for name in [q::__float__, q::__index__] {
            if let Some(r) = user_special(vm, v, name)? {
                if name == q::__float__ && !r.is_float() {
                    return Err(vm.type_error(format!("__float__ returned non-float (type {})", vm.type_name(r))));
                }
                return float_arg(vm, r);
            }
        }
        let base = vm.builtin_receiver(v);
        if base != v {
            return float_arg(vm, base);
        }
    }
    Err(vm.type_error(format!("can't convert {} to float", vm.type_name(v))))
}

/// Call a special method the object's class defines in Python (not a builtin one).
fn user_special(vm: &mut Vm, v: Value, name: Qstr) -> PyResult<Option<Value>> {
    let t = vm.type_of(v);
    match t.lookup(name) {
        Some(m) if !m.is_kind(ObjKind::BuiltinFunction) || v.kind() == Some(ObjKind::Other) => {
            vm.call_dunder(m, v, &[]).map(Some)
        }
        _ => Ok(None),
    }
}

/// An integer argument (int, bool, or `__index__`), as a BigInt.
pub(crate) fn bigint_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match as_num(&v) {
        Some(Num::Int(i)) => return Ok(BigInt::from(i)),
        Some(Num::Big(b)) => return Ok(b.clone()),
        _ => {}
    }
    if !v.is_float() {
        if let Some(r) = vm.call_special(v, q::__index__, &[])? {
            match as_num(&r) {
                Some(Num::Int(i)) => return Ok(BigInt::from(i)),
                Some(Num::Big(b)) => return Ok(b.clone()),
                _ => return Err(vm.type_error("__index__ returned non-int")),
            }
        }
    }
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
}

/// An integer argument as an i64 when it fits (`None` for a big int).
fn small_int_arg(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    Ok(bigint_arg(vm, v)?.to_i64())
}

fn domain_error(vm: &mut Vm) -> crate::error::PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> crate::error::PyErr {
    vm.overflow_error("math range error")
}

/// CPython's checks on a one-argument libm result: a NaN from a non-NaN is a
/// domain error; an infinity from a finite input is a range error for functions
/// that can overflow and a domain error (a pole) for the others.
#[inline]
fn checked(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> R {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(Value::float(r))
}

#[inline]
fn one_float(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<f64> {
    if args.len() == 1 && kw.is_empty() {
        return float_arg(vm, args[0]);
    }
    check_args(vm, args, kw, 1, 1)?;
    float_arg(vm, args[0])
}

#[inline]
fn two_floats(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(f64, f64)> {
    check_args(vm, args, kw, 2, 2)?;
    Ok((float_arg(vm, args[0])?, float_arg(vm, args[1])?))
}

macro_rules! math_fn1 {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
                let x = one_float(vm, args, kw)?;
                let f: fn(f64) -> f64 = $f;
                checked(vm, x, f(x), $overflow)
            }
        )*
    };
}

math_fn1! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    cbrt => f64::cbrt, false;
    cos => f64::cos, false;
    sin => f64::sin, false;
    tan => f64::tan, false;
    acos => f64::acos, false;
    asin => f64::asin, false;
    atan => f64::atan, false;
    cosh => f64::cosh, true;
    sinh => f64::sinh, true;
    tanh => f64::tanh, false;
    acosh => acosh_f, false;
    asinh => asinh_f, false;
    atanh => atanh_f, false;
    fabs => f64::abs, false;
    erf => erf_f, false;
    erfc => erfc_f, false;
}

const LN2: f64 = std::f64::consts::LN_2;

pub(crate) fn asinh_f(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() || a < 1.0 / (1u64 << 28) as f64 {
        return x;
    }
    let r = if a > (1u64 << 28) as f64 {
        a.ln() + LN2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((a * a + 1.0).sqrt() + a)).ln()
    } else {
        let t = a * a;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    r.copysign(x)
}

fn acosh_f(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return x;
    }
    if x >= (1u64 << 28) as f64 {
        x.ln() + LN2
    } else if x > 2.0 {
        (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

fn atanh_f(x: f64) -> f64 {
    let a = x.abs();
    if a.is_nan() {
        return x;
    }
    if a > 1.0 {
        return f64::NAN;
    }
    if a < 1.0 / (1u64 << 28) as f64 {
        return x;
    }
    let r = if a < 0.5 {
        let t = a + a;
        0.5 * (t + t * a / (1.0 - a)).ln_1p()
    } else {
        0.5 * ((a + a) / (1.0 - a)).ln_1p()
    };
    r.copysign(x)
}

// ---- error and gamma functions ----

/// erf and erfc are the C library's (as CPython's are).
fn erf_f(x: f64) -> f64 {
    libm::erf(x)
}

fn erfc_f(x: f64) -> f64 {
    libm::erfc(x)
}

// Γ and ln Γ by the Lanczos approximation with the (g = 6.0247, n = 13) table
// that CPython uses, so results agree with it: Γ(x) ≈ L(x) · (x+g-½)^(x-½) / e^(x+g-½),
// where L is a rational function evaluated in x (small x) or 1/x (large x).
const LANCZOS_G: f64 = 6.024_680_040_776_73; // exactly 6.024680040776729583740234375
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];
/// The denominator x(x+1)…(x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(πx), exact at the integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0_f64.copysign(x) * r
}

/// Γ(x); `Err(true)` is a range error, `Err(false)` a domain error.
fn gamma_f(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(false);
    }
    if x == 0.0 {
        return Err(false);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(false);
        }
        if x <= 23.0 {
            // Exact factorials, rounded once.
            let mut f: u128 = 1;
            for k in 2..(x as u128) {
                f *= k;
            }
            return Ok(f as f64);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(true) } else { Ok(r) };
    }
    if ax > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(true) };
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // y = ax + g - ½ rounded; z corrects for the rounding error.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let sqrtpow = y.powf(ax / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let sqrtpow = y.powf(ax / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

/// ln |Γ(x)|; errors as for [`gamma_f`].
fn lgamma_f(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(false);
        }
        return Ok(0.0);
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        const LOG_PI: f64 = 1.144_729_885_849_400_2;
        r = LOG_PI - sinpi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

fn gamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    match gamma_f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(true) => Err(range_error(vm)),
        Err(false) => Err(domain_error(vm)),
    }
}

fn lgamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    match lgamma_f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(true) => Err(range_error(vm)),
        Err(false) => Err(domain_error(vm)),
    }
}

// ---- logarithms ----

/// `f(x)` for a log function `f`, accepting ints too large for a float.
fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(Num::Big(b)) = as_num(&v) {
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        if crate::num::int::bigint_to_f64(b).is_err() {
            // x = m * 2**e with 0.5 <= m < 1: f(x) = f(m) + f(2) * e.
            let shift = b.bits().saturating_sub(64);
            let top = (b >> shift).to_f64().unwrap_or(f64::MAX);
            let (m, e) = frexp_f(top);
            return Ok(f(m) + f(2.0) * (e as f64 + shift as f64));
        }
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let num = log_of(vm, args[0], f64::ln)?;
    let Some(&base) = args.get(1) else { return Ok(Value::float(num)) };
    let den = log_of(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(vm.zero_division("divide by zero"));
    }
    Ok(Value::float(num / den))
}

fn log2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    log_of(vm, args[0], f64::log2).map(Value::float)
}

fn log10(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    log_of(vm, args[0], f64::log10).map(Value::float)
}

fn log1p(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    if x <= -1.0 {
        return Err(domain_error(vm));
    }
    checked(vm, x, x.ln_1p(), false)
}

// ---- two-argument functions ----

fn pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (x, y) = two_floats(vm, args, kw)?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0_f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error(vm) } else { range_error(vm) });
        }
        r
    };
    Ok(Value::float(r))
}

fn atan2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (y, x) = two_floats(vm, args, kw)?;
    Ok(Value::float(y.atan2(x)))
}

fn fmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (x, y) = two_floats(vm, args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

fn copysign(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (x, y) = two_floats(vm, args, kw)?;
    Ok(Value::float(x.copysign(y)))
}

fn remainder(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (x, y) = two_floats(vm, args, kw)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Halfway: choose the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(Value::float(1.0_f64.copysign(x) * r))
}

fn nextafter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (x, y) = two_floats(vm, args, kw)?;
    Ok(Value::float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::float(x - next_after(x, 0.0)));
    }
    Ok(Value::float(x2 - x))
}

// ---- float decomposition ----

/// `frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1.
pub(crate) fn frexp_f(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut bits = x.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut adjust = 0;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let y = x * f64::from_bits(0x4350_0000_0000_0000); // 2**54
        bits = y.to_bits();
        exp = ((bits >> 52) & 0x7ff) as i32;
        adjust = -54;
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (0x3fe << 52));
    (m, exp - 0x3fe + adjust)
}

/// `x * 2**n` without intermediate overflow or double rounding in the normal range.
pub(crate) fn ldexp_f(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-2200, 2200) as i32;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2**1023
    let pm969 = f64::from_bits(0x0360_0000_0000_0000); // 2**-969 = 2**-1022 * 2**53
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn frexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    let (m, e) = frexp_f(x);
    vm.new_tuple_from(&[Value::float(m), Value::small_int(e as i64)])
}

fn ldexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let x = float_arg(vm, args[0])?;
    if args[1].is_float() {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let n = match small_int_arg(vm, args[1])? {
        Some(n) => n,
        None => {
            if bigint_arg(vm, args[1])?.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = ldexp_f(x, n);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

fn modf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    let (frac, int) = if x.is_infinite() {
        (0.0_f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    vm.new_tuple_from(&[Value::float(frac), Value::float(int)])
}

// ---- predicates and conversions ----

fn isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    Ok(Value::bool(one_float(vm, args, kw)?.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    Ok(Value::bool(one_float(vm, args, kw)?.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    Ok(Value::bool(one_float(vm, args, kw)?.is_nan()))
}

fn degrees(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = one_float(vm, args, kw)?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if args.len() != 2 {
        return Err(vm.type_error(format!("function takes 2 positional arguments but {} were given", args.len())));
    }
    for pair in kw.chunks_exact(2) {
        if !matches!(as_str(&pair[0]), Some("rel_tol" | "abs_tol")) {
            return Err(vm.type_error("isclose() got an unexpected keyword argument"));
        }
    }
    let a = float_arg(vm, args[0])?;
    let b = float_arg(vm, args[1])?;
    let rel_tol = match kwarg(kw, "rel_tol") {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

/// A float's integral value as an int (big when needed).
pub(crate) fn int_from_float(vm: &mut Vm, f: f64) -> R {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e15 {
        return vm.new_int(f as i64);
    }
    let b: BigInt = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
    vm.new_bigint(b)
}

fn rounding(vm: &mut Vm, args: &[Value], kw: &[Value], name: Qstr, f: fn(f64) -> f64) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let v = args[0];
    if let Some(x) = v.as_float() {
        return int_from_float(vm, f(x));
    }
    match as_num(&v) {
        Some(Num::Int(i)) => return vm.new_int(i),
        Some(Num::Big(_)) => return Ok(v),
        _ => {}
    }
    if let Some(r) = user_special(vm, v, name)? {
        return Ok(r);
    }
    if name.as_str() == "__trunc__" {
        let base = vm.builtin_receiver(v);
        if base != v {
            return rounding(vm, &[base], kw, name, f);
        }
        return Err(vm.type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(v))));
    }
    let x = float_arg(vm, v)?;
    int_from_float(vm, f(x))
}

fn ceil(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    rounding(vm, args, kw, Qstr::new("__ceil__"), f64::ceil)
}

fn floor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    rounding(vm, args, kw, Qstr::new("__floor__"), f64::floor)
}

fn trunc(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    rounding(vm, args, kw, Qstr::new("__trunc__"), f64::trunc)
}

// ---- integer functions ----

/// Largest int, in bits, that factorial/comb/perm may build.
fn check_result_bits(vm: &mut Vm, bits: f64) -> PyResult<()> {
    if bits > crate::num::MAX_INT_BITS as f64 {
        return Err(vm.alloc_failed_bytes(usize::MAX));
    }
    vm.charge((bits / 8.0) as usize)
}

/// The product of the integers in `lo..hi`, by binary splitting (fast for big results).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn factorial_of(vm: &mut Vm, n: &BigInt) -> R {
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n < (1 << 40)) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    if n <= 20 {
        return vm.new_int((1..=n as i64).product());
    }
    let nf = n as f64;
    check_result_bits(vm, nf * (nf.log2() - std::f64::consts::LOG2_E) + 64.0)?;
    let r = range_product(2, n + 1);
    vm.new_bigint(r)
}

fn factorial(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let n = bigint_arg(vm, args[0])?;
    factorial_of(vm, &n)
}

fn gcd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, usize::MAX)?;
    let mut small: Option<u64> = Some(0);
    let mut big = BigInt::zero();
    for &a in args {
        if let (Some(g), Some(i)) = (small, a.as_small_int()) {
            small = Some(g.gcd(&i.unsigned_abs()));
            continue;
        }
        if let Some(g) = small.take() {
            big = BigInt::from(g);
        }
        let b = bigint_arg(vm, a)?;
        big = big.gcd(&b);
    }
    match small {
        Some(g) => vm.new_int_i128(g as i128),
        None => vm.new_bigint(big),
    }
}

fn lcm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, usize::MAX)?;
    let mut acc = BigInt::one();
    for &a in args {
        let b = bigint_arg(vm, a)?;
        if acc.is_zero() || b.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&b);
        if acc.bits() > crate::num::MAX_INT_BITS {
            return Err(vm.alloc_failed_bytes(usize::MAX));
        }
    }
    vm.new_bigint(acc.abs())
}

fn nonneg_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    let n = bigint_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(n)
}

/// n! / (n-k)! for k <= n, both small enough.
fn falling_product(vm: &mut Vm, n: &BigInt, k: u64) -> PyResult<BigInt> {
    if let Some(nn) = n.to_u64() {
        let bits = k as f64 * (nn as f64).log2().max(1.0);
        check_result_bits(vm, bits)?;
        return Ok(range_product(nn - k + 1, nn + 1));
    }
    check_result_bits(vm, k as f64 * n.bits() as f64)?;
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    Ok(acc)
}

fn comb(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let n = nonneg_arg(vm, args[0], "n")?;
    let k = nonneg_arg(vm, args[1], "k")?;
    if k > n {
        return Ok(Value::small_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k < (1 << 40)) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    if let Some(nn) = n.to_u64() {
        // Small results by the multiplicative formula in u128.
        let mut r: u128 = 1;
        let mut ok = true;
        for i in 0..k {
            match r.checked_mul((nn - i) as u128) {
                Some(x) => r = x / (i as u128 + 1),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return vm.new_bigint(BigInt::from(r));
        }
    }
    let num = falling_product(vm, &n, k)?;
    let den = range_product(2, k + 1);
    vm.new_bigint(num / den)
}

fn perm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let n = nonneg_arg(vm, args[0], "n")?;
    let k = match args.get(1) {
        Some(&k) if !k.is_none() => nonneg_arg(vm, k, "k")?,
        _ => return factorial_of(vm, &n),
    };
    if k > n {
        return Ok(Value::small_int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k < (1 << 40)) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    let r = falling_product(vm, &n, k)?;
    vm.new_bigint(r)
}

fn isqrt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    if let Some(i) = args[0].as_small_int() {
        if i < 0 {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        let n = i as u64;
        let mut r = (n as f64).sqrt() as u64;
        while r * r > n {
            r -= 1;
        }
        while (r + 1) * (r + 1) <= n {
            r += 1;
        }
        return vm.new_int(r as i64);
    }
    let n = bigint_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    vm.new_bigint(n.sqrt())
}

/// Items of an iterable, kept reachable in a rooted list while Python code runs.
fn rooted_items(vm: &mut Vm, it: Value) -> PyResult<Value> {
    let items = vm.collect_iterable(it)?;
    vm.new_list(items)
}

fn list_items(l: Value) -> Vec<Value> {
    l.downcast::<ListObj>().map(|l| l.items.clone()).unwrap_or_default()
}

fn prod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if args.len() != 1 {
        return Err(vm.type_error(format!("function takes 1 positional arguments but {} were given", args.len())));
    }
    for pair in kw.chunks_exact(2) {
        if as_str(&pair[0]) != Some("start") {
            return Err(vm.type_error("prod() got an unexpected keyword argument"));
        }
    }
    let start = kwarg(kw, "start").unwrap_or(Value::small_int(1));
    let list = rooted_items(vm, args[0])?;
    vm.temp_roots.push(list);
    let base = vm.temp_roots.len();
    vm.temp_roots.push(start);
    let r = (|| {
        for x in list_items(list) {
            let acc = vm.temp_roots[base];
            let p = vm.binary_op(BinOp::Mult, acc, x)?;
            vm.temp_roots[base] = p;
        }
        Ok(vm.temp_roots[base])
    })();
    vm.temp_roots.truncate(base - 1);
    r
}

/// Exactly rounded sum of floats (Shewchuk's partials, as CPython's `fsum`).
fn fsum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let list = rooted_items(vm, args[0])?;
    vm.temp_roots.push(list);
    let r = fsum_items(vm, &list_items(list));
    vm.temp_roots.pop();
    r
}

fn fsum_items(vm: &mut Vm, items: &[Value]) -> R {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0;
    let mut inf_sum = 0.0;
    for &item in items {
        let mut x = float_arg(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials push past a tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

/// The Euclidean norm of `v` (already absolute values), accurately.
fn vector_norm(v: &[f64]) -> f64 {
    let mut max = 0.0_f64;
    let mut found_nan = false;
    for &x in v {
        if x.is_nan() {
            found_nan = true;
        }
        if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    if v.len() == 2 {
        return v[0].hypot(v[1]);
    }
    // Scale by a power of two near the maximum, then a compensated sum of squares.
    let (_, e) = frexp_f(max);
    let scale = ldexp_f(1.0, -(e as i64));
    let mut sum = 0.0;
    let mut comp = 0.0;
    for &x in v {
        let y = x * scale;
        let sq = y * y;
        let t = sum + sq;
        comp += if sum.abs() >= sq.abs() { (sum - t) + sq } else { (sq - t) + sum };
        sum = t;
    }
    let total = sum + comp;
    let mut h = total.sqrt();
    // One Newton step against the residual (exact through the fused multiply-add).
    if h > 0.0 {
        let residual = h.mul_add(h, -sum) - comp;
        h -= residual / (2.0 * h);
    }
    h / scale
}

fn hypot(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, usize::MAX)?;
    let mut v = Vec::with_capacity(args.len());
    for &a in args {
        v.push(float_arg(vm, a)?.abs());
    }
    Ok(Value::float(vector_norm(&v)))
}

fn sequence_floats(vm: &mut Vm, v: Value) -> PyResult<Vec<f64>> {
    // A rooted copy of the items: `__float__` may run code that changes the sequence.
    let list = rooted_items(vm, v)?;
    vm.temp_roots.push(list);
    let r = (|| {
        let items = list_items(list);
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(float_arg(vm, x)?);
        }
        Ok(out)
    })();
    vm.temp_roots.pop();
    r
}

fn dist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let p = sequence_floats(vm, args[0])?;
    let q = sequence_floats(vm, args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let d: Vec<f64> = p.iter().zip(&q).map(|(a, b)| (a - b).abs()).collect();
    Ok(Value::float(vector_norm(&d)))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "math",
        &[
            ("sqrt", sqrt),
            ("pow", pow),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("cbrt", cbrt),
            ("cos", cos),
            ("sin", sin),
            ("tan", tan),
            ("acos", acos),
            ("asin", asin),
            ("atan", atan),
            ("atan2", atan2),
            ("cosh", cosh),
            ("sinh", sinh),
            ("tanh", tanh),
            ("acosh", acosh),
            ("asinh", asinh),
            ("atanh", atanh),
            ("ceil", ceil),
            ("floor", floor),
            ("trunc", trunc),
            ("fabs", fabs),
            ("fmod", fmod),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("copysign", copysign),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("isclose", isclose),
            ("degrees", degrees),
            ("radians", radians),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("comb", comb),
            ("perm", perm),
            ("prod", prod),
            ("fsum", fsum),
            ("hypot", hypot),
            ("dist", dist),
            ("erf", erf),
            ("erfc", erfc),
            ("gamma", gamma),
            ("lgamma", lgamma),
            ("isqrt", isqrt),
            ("remainder", remainder),
            ("nextafter", nextafter),
            ("ulp", ulp),
        ],
    )?;
    let d = m.downcast::<crate::obj::ModuleObj>().map(|m| m.dict);
    if let Some(d) = d {
        let consts = [
            ("pi", std::f64::consts::PI),
            ("e", std::f64::consts::E),
            ("tau", std::f64::consts::TAU),
            ("inf", f64::INFINITY),
            ("nan", f64::NAN),
        ];
        for (name, x) in consts {
            d.get_mut().set_qstr(Qstr::new(name), Value::float(x));
        }
    }
    Ok(m)
}

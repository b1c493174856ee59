//! `cmath`: complex math. MicroPython's functions (`phase`, `polar`, `rect`,
//! `exp`, `log`, `log10`, `sqrt`, `cos`, `sin`) plus the rest of CPython's, with
//! CPython's algorithms for finite arguments (branch cuts and signed zeros as
//! CPython) and its errors: `ValueError: math domain error` at singularities,
//! `OverflowError: math range error` when a finite argument overflows.

use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::PyResult;
use crate::num::complex::Complex;
use crate::obj::complex::{new_complex, to_complex};
use crate::obj::str::as_str;
use crate::value::Value;
use crate::vm::Vm;

use super::math::{check_args, float_arg, ldexp_f};

type R = PyResult<Value>;

const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
/// Beyond this, squaring or adding may overflow: use the scaled formulas.
const LARGE: f64 = f64::MAX / 4.0;
const SQRT_LARGE: f64 = 6.703_903_964_971_298e153; // sqrt(LARGE)
const LOG_LARGE: f64 = 708.396_418_532_264_1; // ln(LARGE)
const SQRT_DBL_MIN: f64 = 1.491_668_146_240_041_3e-154;

fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

fn is_finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// Result of a function on `z`: errors as CPython raises them for finite input.
fn finish(vm: &mut Vm, z: Complex, r: Complex, overflow_ok: bool) -> R {
    let has_nan = |c: Complex| c.re.is_nan() || c.im.is_nan();
    if is_finite(z) && !is_finite(r) {
        if overflow_ok && (r.re.is_infinite() || r.im.is_infinite()) {
            return Err(vm.overflow_error("math range error"));
        }
        return Err(vm.value_error("math domain error"));
    }
    // An infinite argument whose result is undefined (a NaN from no NaN).
    if !is_finite(z) && !has_nan(z) && has_nan(r) {
        return Err(vm.value_error("math domain error"));
    }
    new_complex(vm, r.re, r.im)
}

fn c_sqrt(z: Complex) -> Complex {
    if z.re == 0.0 && z.im == 0.0 {
        return c(0.0, z.im);
    }
    if z.re.is_infinite() || z.im.is_infinite() || z.re.is_nan() || z.im.is_nan() {
        if z.im.is_infinite() {
            return c(f64::INFINITY, z.im);
        }
        if z.re.is_nan() || z.im.is_nan() {
            return if z.re == f64::INFINITY { c(z.re, f64::NAN) } else { c(f64::NAN, f64::NAN) };
        }
        // re infinite, im finite
        return if z.re > 0.0 { c(z.re, 0.0_f64.copysign(z.im)) } else { c(0.0, f64::INFINITY.copysign(z.im)) };
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Scale up subnormals to keep precision.
        ax = ldexp_f(ax, 53);
        ldexp_f((ax + ax.hypot(ldexp_f(ay, 53))).sqrt(), -27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    }
}

fn c_log(z: Complex) -> Option<Complex> {
    let (ax, ay) = (z.re.abs(), z.im.abs());
    if z.re.is_nan() || z.im.is_nan() {
        let re = if ax.is_infinite() || ay.is_infinite() { f64::INFINITY } else { f64::NAN };
        return Some(c(re, f64::NAN));
    }
    let re = if ax.is_infinite() || ay.is_infinite() {
        f64::INFINITY
    } else if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp_f(ax, 53).hypot(ldexp_f(ay, 53)).ln() - 53.0 * LN2
        } else {
            return None;
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Some(c(re, z.im.atan2(z.re)))
}

fn c_exp(z: Complex) -> Complex {
    if z.im == 0.0 && z.re.is_finite() {
        return c(z.re.exp(), z.im);
    }
    if !is_finite(z) {
        if z.re == f64::NEG_INFINITY {
            return if z.im.is_finite() { c(0.0 * z.im.cos(), 0.0 * z.im.sin()) } else { c(0.0, 0.0) };
        }
        if z.re == f64::INFINITY {
            if z.im == 0.0 {
                return c(z.re, z.im);
            }
            if z.im.is_finite() {
                return c(f64::INFINITY * z.im.cos(), f64::INFINITY * z.im.sin());
            }
            return c(f64::INFINITY, f64::NAN);
        }
        if z.re.is_nan() && z.im == 0.0 {
            return c(z.re, z.im);
        }
        return c(f64::NAN, f64::NAN);
    }
    if z.re > LOG_LARGE {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * std::f64::consts::E, l * z.im.sin() * std::f64::consts::E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    }
}

fn c_cosh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE && z.re.is_finite() {
        let x1 = z.re - 1.0_f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * std::f64::consts::E, z.im.sin() * x1.sinh() * std::f64::consts::E)
    } else if z.im == 0.0 {
        // Exact signed zeros (and no 0 * inf) on the real axis.
        let im = if z.re.is_sign_negative() && !z.re.is_nan() { -z.im } else { z.im };
        c(z.re.cosh(), im)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    }
}

fn c_sinh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE && z.re.is_finite() {
        let x1 = z.re - 1.0_f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * std::f64::consts::E, z.im.sin() * x1.cosh() * std::f64::consts::E)
    } else if z.im == 0.0 {
        c(z.re.sinh(), z.im)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    }
}

fn c_tanh(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE {
        let im = if z.im.is_finite() { 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp() } else { 0.0 };
        c(1.0_f64.copysign(z.re), im)
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    }
}

/// `f(i z) / i`: the circular functions from the hyperbolic ones.
fn rotate(z: Complex, f: fn(Complex) -> Complex) -> Complex {
    let s = f(c(-z.im, z.re));
    c(s.im, -s.re)
}

fn c_cos(z: Complex) -> Complex {
    c_cosh(c(-z.im, z.re))
}

fn c_asinh(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return c(re, z.im.atan2(z.re.abs()));
    }
    let s1 = c_sqrt(c(1.0 + z.im, -z.re));
    let s2 = c_sqrt(c(1.0 - z.im, z.re));
    c(super::math::asinh_f(s1.re * s2.im - s2.re * s1.im), z.im.atan2(s1.re * s2.re - s1.im * s2.im))
}

fn c_acos(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        return c(z.im.abs().atan2(z.re), im);
    }
    let s1 = c_sqrt(c(1.0 - z.re, -z.im));
    let s2 = c_sqrt(c(1.0 + z.re, z.im));
    c(2.0 * s1.re.atan2(s2.re), super::math::asinh_f(s2.re * s1.im - s2.im * s1.re))
}

fn c_acosh(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        return c((z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0, z.im.atan2(z.re));
    }
    let s1 = c_sqrt(c(z.re - 1.0, z.im));
    let s2 = c_sqrt(c(z.re + 1.0, z.im));
    c(super::math::asinh_f(s1.re * s2.re + s1.im * s2.im), 2.0 * s1.im.atan2(s2.re))
}

/// atanh; `None` at the singularities ±1.
fn c_atanh(z: Complex) -> Option<Complex> {
    if z.re < 0.0 {
        return c_atanh(c(-z.re, -z.im)).map(|r| c(-r.re, -r.im));
    }
    if z.re.is_infinite() || z.im.is_infinite() {
        let im = if z.im.is_nan() { f64::NAN } else { std::f64::consts::FRAC_PI_2.copysign(z.im) };
        return Some(c(0.0_f64.copysign(z.re), im));
    }
    let ay = z.im.abs();
    if z.re > SQRT_LARGE || ay > SQRT_LARGE {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Some(c(z.re / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2.copysign(-z.im))));
    }
    if z.re == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return None;
        }
        return Some(c(-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2.0_f64.atan2(-ay) / 2.0).copysign(z.im)));
    }
    let one_minus = 1.0 - z.re;
    Some(c(
        (4.0 * z.re / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.im).atan2(one_minus * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

fn arg1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Complex> {
    check_args(vm, args, kw, 1, 1)?;
    to_complex(vm, args[0])
}

macro_rules! cmath_fn {
    ($($name:ident => $f:expr, $overflow_ok:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
                let z = arg1(vm, args, kw)?;
                let f: fn(Complex) -> Complex = $f;
                finish(vm, z, f(z), $overflow_ok)
            }
        )*
    };
}

cmath_fn! {
    exp => c_exp, true;
    sqrt => c_sqrt, false;
    cos => c_cos, true;
    sin => |z| rotate(z, c_sinh), true;
    tan => |z| rotate(z, c_tanh), true;
    cosh => c_cosh, true;
    sinh => c_sinh, true;
    tanh => c_tanh, true;
    acos => c_acos, false;
    asin => |z| rotate(z, c_asinh), false;
    asinh => c_asinh, false;
    acosh => c_acosh, false;
}

fn atanh(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    match c_atanh(z) {
        Some(r) => finish(vm, z, r, false),
        None => Err(vm.value_error("math domain error")),
    }
}

fn atan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    match c_atanh(c(-z.im, z.re)) {
        Some(s) => finish(vm, z, c(s.im, -s.re), false),
        None => Err(vm.value_error("math domain error")),
    }
}

fn log_checked(vm: &mut Vm, z: Complex) -> PyResult<Complex> {
    match c_log(z) {
        Some(r) => Ok(r),
        None => Err(vm.value_error("math domain error")),
    }
}

fn log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let z = to_complex(vm, args[0])?;
    let mut r = log_checked(vm, z)?;
    if let Some(&b) = args.get(1) {
        let base = to_complex(vm, b)?;
        let lb = log_checked(vm, base)?;
        r = match r.try_div(lb) {
            Ok(q) => q,
            Err(_) => return Err(vm.value_error("math domain error")),
        };
    }
    new_complex(vm, r.re, r.im)
}

fn log10(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    let r = log_checked(vm, z)?;
    new_complex(vm, r.re / LN10, r.im / LN10)
}

fn phase(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    Ok(Value::float(z.im.atan2(z.re)))
}

fn polar(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    let r = match z.abs() {
        Ok(r) => r,
        Err(_) => return Err(vm.overflow_error("math range error")),
    };
    vm.new_tuple_from(&[Value::float(r), Value::float(z.im.atan2(z.re))])
}

fn rect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let r = float_arg(vm, args[0])?;
    let phi = float_arg(vm, args[1])?;
    if r.is_finite() && phi.is_infinite() {
        if r == 0.0 {
            return new_complex(vm, 0.0, 0.0);
        }
        return Err(vm.value_error("math domain error"));
    }
    let z = if phi == 0.0 { c(r, r * phi) } else { c(r * phi.cos(), r * phi.sin()) };
    new_complex(vm, z.re, z.im)
}

fn isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    Ok(Value::bool(is_finite(z)))
}

fn isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    Ok(Value::bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let z = arg1(vm, args, kw)?;
    Ok(Value::bool(z.re.is_nan() || z.im.is_nan()))
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
    let a = to_complex(vm, args[0])?;
    let b = to_complex(vm, args[1])?;
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
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (a - b).abs().unwrap_or(f64::INFINITY);
    let (ma, mb) = (a.abs().unwrap_or(f64::INFINITY), b.abs().unwrap_or(f64::INFINITY));
    Ok(Value::bool(diff <= rel_tol * mb || diff <= rel_tol * ma || diff <= abs_tol))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "cmath",
        &[
            ("phase", phase),
            ("polar", polar),
            ("rect", rect),
            ("exp", exp),
            ("log", log),
            ("log10", log10),
            ("sqrt", sqrt),
            ("cos", cos),
            ("sin", sin),
            ("tan", tan),
            ("acos", acos),
            ("asin", asin),
            ("atan", atan),
            ("cosh", cosh),
            ("sinh", sinh),
            ("tanh", tanh),
            ("acosh", acosh),
            ("asinh", asinh),
            ("atanh", atanh),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("isclose", isclose),
        ],
    )?;
    if let Some(d) = m.downcast::<crate::obj::ModuleObj>().map(|m| m.dict) {
        for (name, x) in [
            ("pi", std::f64::consts::PI),
            ("e", std::f64::consts::E),
            ("tau", std::f64::consts::TAU),
            ("inf", f64::INFINITY),
            ("nan", f64::NAN),
        ] {
            d.get_mut().set_qstr(Qstr::new(name), Value::float(x));
        }
        let infj = new_complex(vm, 0.0, f64::INFINITY)?;
        d.get_mut().set_qstr(Qstr::new("infj"), infj);
        let nanj = new_complex(vm, 0.0, f64::NAN)?;
        d.get_mut().set_qstr(Qstr::new("nanj"), nanj);
    }
    Ok(m)
}

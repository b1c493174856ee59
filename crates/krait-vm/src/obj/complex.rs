//! `complex`: a pair of floats on the heap. The arithmetic itself is the numeric
//! library's (`num::complex`, CPython's algorithms); this file holds the object,
//! its constructor and methods, and the hooks the protocols in `ops.rs` and
//! `repr.rs` call when an operand is complex.

use krait_syntax::ast::{BinOp, CmpOp};
use krait_syntax::{q, Qstr};

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::num::complex::{parse_complex, Complex};
use crate::obj::str::as_str;
use crate::obj::TypeObj;
use crate::ops::{as_num, num_cmp, Num};
use crate::value::Value;
use crate::vm::Vm;

pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

impl PyObj for ComplexObj {
    const KIND: ObjKind = ObjKind::Complex;
    fn trace(&self, _t: &mut Tracer) {}
    fn class(&self, vm: &Vm) -> Gc<TypeObj> {
        vm.types.complex
    }
}

pub fn new_complex(vm: &mut Vm, re: f64, im: f64) -> PyResult<Value> {
    Ok(vm.alloc(ComplexObj { re, im })?.value())
}

#[inline]
fn new_c(vm: &mut Vm, z: Complex) -> PyResult<Value> {
    new_complex(vm, z.re, z.im)
}

/// A `complex`, `float`, `int` or `bool` as a complex number (no user conversions).
pub fn as_complex(v: Value) -> Option<Complex> {
    if let Some(c) = v.downcast::<ComplexObj>() {
        return Some(Complex::new(c.re, c.im));
    }
    match as_num(&v)? {
        Num::Int(i) => Some(Complex::new(i as f64, 0.0)),
        Num::Float(f) => Some(Complex::new(f, 0.0)),
        Num::Big(b) => crate::num::int::bigint_to_f64(b).ok().map(|f| Complex::new(f, 0.0)),
    }
}

/// Any value a complex function accepts, as a complex number: numbers, and
/// objects with `__complex__`, `__float__` or `__index__` (as `cmath` and
/// `complex()` do). TypeError otherwise.
pub fn to_complex(vm: &mut Vm, v: Value) -> PyResult<Complex> {
    if let Some(c) = v.downcast::<ComplexObj>() {
        return Ok(Complex::new(c.re, c.im));
    }
    if let Some(n) = as_num(&v) {
        return match n {
            Num::Int(i) => Ok(Complex::new(i as f64, 0.0)),
            Num::Float(f) => Ok(Complex::new(f, 0.0)),
            Num::Big(b) => match crate::num::int::bigint_to_f64(b) {
                Ok(f) => Ok(Complex::new(f, 0.0)),
                Err(e) => Err(vm.num_error(e, "")),
            },
        };
    }
    if matches!(v.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other)) {
        if let Some(r) = user_conversion(vm, v, q::__complex__)? {
            return match r.downcast::<ComplexObj>() {
                Some(c) => Ok(Complex::new(c.re, c.im)),
                None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_name(r)))),
            };
        }
        for name in [q::__float__, q::__index__] {
            if let Some(r) = user_conversion(vm, v, name)? {
                return match as_complex(r) {
                    Some(z) if name == q::__index__ || r.is_float() => Ok(z),
                    _ => Err(vm.type_error(format!("{name} returned non-float (type {})", vm.type_name(r)))),
                };
            }
        }
        let base = vm.builtin_receiver(v);
        if base != v {
            return to_complex(vm, base);
        }
    }
    Err(vm.type_error(format!("can't convert {} to complex", vm.type_name(v))))
}

/// Call a conversion method defined by the object's class (not a builtin one).
fn user_conversion(vm: &mut Vm, v: Value, name: Qstr) -> PyResult<Option<Value>> {
    let t = vm.type_of(v);
    match t.lookup(name) {
        Some(m) if !m.is_kind(ObjKind::BuiltinFunction) || v.kind() == Some(ObjKind::Other) => {
            vm.call_dunder(m, v, &[]).map(Some)
        }
        _ => Ok(None),
    }
}

/// `abs(z)` for a complex `v`; `None` if `v` isn't complex.
pub fn complex_abs(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<ComplexObj>() else { return Ok(None) };
    match Complex::new(c.re, c.im).abs() {
        Ok(f) => Ok(Some(Value::float(f))),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

/// `(a + bj) ** (c + dj)`.
pub fn complex_pow_value(vm: &mut Vm, a: f64, b: f64, c: f64, d: f64) -> PyResult<Value> {
    match Complex::new(a, b).pow(Complex::new(c, d)) {
        Ok(z) => new_c(vm, z),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

#[inline]
fn is_complex(v: Value) -> bool {
    v.kind() == Some(ObjKind::Complex)
}

/// `a op b` when either operand is complex and the other a number; `None` to let
/// the caller try the other protocols (user special methods, then TypeError).
pub fn complex_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(a), as_complex(b)) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => Ok(x + y),
        BinOp::Sub => Ok(x - y),
        BinOp::Mult => Ok(x * y),
        BinOp::Div => x.try_div(y),
        BinOp::Pow => x.pow(y),
        _ => {
            let name = crate::ops::binop_dunder(op).0;
            return Err(vm.unsupported_binop(name, a, b));
        }
    };
    match r {
        Ok(z) => new_c(vm, z).map(Some),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

/// `a == b` / `a != b` when either operand is complex and the other a number;
/// `None` otherwise (so orderings fall through to the caller's TypeError).
pub fn complex_compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let _ = vm;
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Ok(None);
    }
    let (ca, cb) = (a.downcast::<ComplexObj>(), b.downcast::<ComplexObj>());
    let eq = match (ca, cb) {
        (Some(x), Some(y)) => x.re == y.re && x.im == y.im,
        (Some(c), None) | (None, Some(c)) => {
            let other = if ca.is_some() { b } else { a };
            let Some(n) = as_num(&other) else { return Ok(None) };
            // Exact comparison of the real part with an int (as CPython).
            c.im == 0.0 && num_cmp(&Num::Float(c.re), &n) == Some(std::cmp::Ordering::Equal)
        }
        (None, None) => return Ok(None),
    };
    Ok(Some(Value::bool(eq == (op == CmpOp::Eq))))
}

/// `bool(z)`.
pub fn complex_truthy(v: Value) -> bool {
    v.downcast::<ComplexObj>().is_some_and(|c| c.re != 0.0 || c.im != 0.0)
}

/// `hash(z)`, equal to the hash of an equal int or float.
pub fn complex_hash(v: Value) -> u64 {
    v.downcast::<ComplexObj>().map_or(0, |c| crate::num::hash::hash_complex(c.re, c.im) as u64)
}

/// `format(z, spec)` for a complex `v` (the caller parsed the spec).
pub fn complex_format_spec(v: Value, spec: &crate::num::format::FormatSpec) -> crate::num::NumResult<String> {
    let (re, im) = v.downcast::<ComplexObj>().map_or((0.0, 0.0), |c| (c.re, c.im));
    crate::num::complex::format_complex(re, im, spec)
}

/// `repr(z)`.
pub fn complex_repr_into(v: Value, out: &mut String) {
    if let Some(c) = v.downcast::<ComplexObj>() {
        out.push_str(&crate::num::complex::complex_repr(c.re, c.im));
    }
}

fn receiver(vm: &mut Vm, args: &[Value]) -> PyResult<Complex> {
    let v = match args.first() {
        Some(&v) => vm.builtin_receiver(v),
        None => return Err(vm.type_error("complex method needs an argument")),
    };
    match v.downcast::<ComplexObj>() {
        Some(c) => Ok(Complex::new(c.re, c.im)),
        None => {
            Err(vm.type_error(format!("descriptor requires a 'complex' object but received a '{}'", vm.type_name(v))))
        }
    }
}

fn complex_real(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(receiver(vm, args)?.re))
}

fn complex_imag(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(receiver(vm, args)?.im))
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    new_c(vm, z.conjugate())
}

fn complex_neg(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    new_c(vm, -z)
}

fn complex_pos(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    new_c(vm, z)
}

fn complex_abs_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    match z.abs() {
        Ok(f) => Ok(Value::float(f)),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

fn complex_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    Ok(Value::bool(z.re != 0.0 || z.im != 0.0))
}

fn complex_complex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    new_c(vm, z)
}

fn complex_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let z = receiver(vm, args)?;
    let spec = args.get(1).copied().unwrap_or(Value::qstr(q::EMPTY));
    let Some(spec) = crate::obj::str_surrogates::utf8(vm, &spec)?.map(str::to_owned) else {
        return Err(vm.type_error("format spec must be a str"));
    };
    if spec.is_empty() {
        let s = crate::num::complex::complex_repr(z.re, z.im);
        return vm.new_string(s);
    }
    let parsed = match crate::num::format::FormatSpec::parse(&spec) {
        Ok(p) => p,
        Err(e) => return Err(vm.num_error(e, "complex")),
    };
    match crate::num::complex::format_complex(z.re, z.im, &parsed) {
        Ok(s) => vm.new_string(s),
        Err(e) => Err(vm.num_error(e, "complex")),
    }
}

/// `complex(real=0, imag=0)` and `complex(string)`.
fn complex_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({} given)", args.len())));
    }
    for pair in kw.chunks_exact(2) {
        if !matches!(as_str(&pair[0]), Some("real" | "imag")) {
            let name = as_str(&pair[0]).unwrap_or("?").to_owned();
            return Err(vm.type_error(format!("complex() got an unexpected keyword argument '{name}'")));
        }
    }
    let real = args.first().copied().or_else(|| kwarg(kw, "real"));
    let imag = args.get(1).copied().or_else(|| kwarg(kw, "imag"));
    let Some(real) = real else {
        return match imag {
            None => new_complex(vm, 0.0, 0.0),
            Some(i) => {
                let ci = complex_operand(vm, i, "second")?;
                let re = if is_complexish(vm, i) { 0.0 - ci.im } else { 0.0 };
                new_complex(vm, re, ci.re)
            }
        };
    };
    if crate::obj::str::is_str(real) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        // (No number has lone surrogates.)
        let Some(s) = as_str(&real) else { return Err(vm.value_error("complex() arg is a malformed string")) };
        let s = s.to_owned();
        return match parse_complex(&s) {
            Ok(z) => new_c(vm, z),
            Err(e) => Err(vm.num_error(e, "")),
        };
    }
    if imag.is_none() {
        if let Some(c) = real.downcast::<ComplexObj>() {
            // complex(z) of an exact complex is z itself.
            let _ = c;
            return Ok(real);
        }
    }
    let cr = complex_operand(vm, real, "first")?;
    let Some(imag) = imag else { return new_c(vm, cr) };
    if crate::obj::str::is_str(imag) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let ci = complex_operand(vm, imag, "second")?;
    // real + imag * 1j, as CPython computes it (keeping signed zeros).
    let re = if is_complexish(vm, imag) { cr.re - ci.im } else { cr.re };
    let im = if is_complexish(vm, real) { ci.re + cr.im } else { ci.re };
    new_complex(vm, re, im)
}

/// A complex, or an object converting itself with `__complex__`.
fn is_complexish(vm: &Vm, v: Value) -> bool {
    is_complex(v) || (matches!(v.kind(), Some(ObjKind::Instance)) && vm.type_of(v).lookup(q::__complex__).is_some())
}

fn complex_operand(vm: &mut Vm, v: Value, which: &str) -> PyResult<Complex> {
    match to_complex(vm, v) {
        Ok(z) => Ok(z),
        Err(e) if vm.exc_matches(e, crate::error::ExcKind::TypeError) && as_num(&v).is_none() => {
            // Keep a conversion method's own error, else name the argument.
            let t = vm.type_of(v);
            if [q::__complex__, q::__float__, q::__index__].iter().any(|&n| t.lookup(n).is_some()) {
                return Err(e);
            }
            Err(vm.type_error(format!(
                "complex() {which} argument must be a string or a number, not '{}'",
                vm.type_name(v)
            )))
        }
        Err(e) => Err(e),
    }
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.complex;
    vm.set_make_new(t, complex_new);
    t.get_mut().native_base = Some(t);
    vm.add_methods(
        t,
        &[
            ("conjugate", complex_conjugate),
            ("__neg__", complex_neg),
            ("__pos__", complex_pos),
            ("__abs__", complex_abs_method),
            ("__bool__", complex_bool),
            ("__complex__", complex_complex),
            ("__format__", complex_format),
        ],
    )?;
    for (name, f) in [("real", complex_real as crate::obj::NativeFn), ("imag", complex_imag)] {
        let fget = vm.new_builtin_fn(name, f)?;
        let prop = vm.alloc(crate::obj::descriptor::PropertyObj {
            fget,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
        })?;
        vm.add_class_attr(t, name, prop.value());
    }
    Ok(())
}

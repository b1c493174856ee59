//! `complex`: a pair of floats on the heap.

use crate::error::PyResult;
use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;
use crate::vm::Vm;

pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

impl PyObj for ComplexObj {
    const KIND: ObjKind = ObjKind::Complex;
    fn trace(&self, _t: &mut Tracer) {}
    fn class(&self, vm: &Vm) -> crate::gc::Gc<crate::obj::TypeObj> {
        vm.types.complex
    }
}

pub fn new_complex(vm: &mut Vm, re: f64, im: f64) -> PyResult<Value> {
    Ok(vm.alloc(ComplexObj { re, im })?.value())
}

/// `abs(z)` for a complex `v`; `None` if `v` isn't complex.
pub fn complex_abs(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let _ = vm;
    Ok(v.downcast::<ComplexObj>().map(|c| Value::float(c.re.hypot(c.im))))
}

/// `(a + bj) ** (c + dj)`.
pub fn complex_pow_value(vm: &mut Vm, a: f64, b: f64, c: f64, d: f64) -> PyResult<Value> {
    // Until the complex type lands in full, reach the result through polar form.
    if a == 0.0 && b == 0.0 {
        if c == 0.0 && d == 0.0 {
            return new_complex(vm, 1.0, 0.0);
        }
        if c < 0.0 || d != 0.0 {
            return Err(vm.zero_division("0.0 to a negative or complex power"));
        }
        return new_complex(vm, 0.0, 0.0);
    }
    let (r, theta) = (a.hypot(b), b.atan2(a));
    let ln_r = r.ln();
    let mag = (c * ln_r - d * theta).exp();
    let ang = d * ln_r + c * theta;
    new_complex(vm, mag * ang.cos(), mag * ang.sin())
}

pub fn install(_vm: &mut Vm) -> PyResult<()> {
    Ok(())
}

//! `int` beyond the small-int range: heap big integers.
//!
//! Ints in `[-2^47, 2^47)` are immediates (`value.rs`); everything else is an
//! `IntObj`. Every constructor normalises, so an `IntObj` never holds a value that
//! would fit in a small int — equal ints thus have one representation.

use num_bigint::BigInt;

use crate::gc::{ObjKind, PyObj, Tracer};

pub struct IntObj {
    pub v: BigInt,
}

impl PyObj for IntObj {
    const KIND: ObjKind = ObjKind::Int;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        (self.v.bits() as usize).div_ceil(64) * 8
    }
}

pub fn install(_vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    Ok(())
}

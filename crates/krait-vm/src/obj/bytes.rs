//! `bytes` and `bytearray`: byte strings, immutable and mutable.

use crate::gc::{ObjKind, PyObj, Tracer};

/// The payload of both `bytes` (kind `Bytes`) and `bytearray` (kind `ByteArray`).
pub struct BytesObj {
    pub data: Vec<u8>,
}

impl PyObj for BytesObj {
    const KIND: ObjKind = ObjKind::Bytes;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.data.capacity()
    }
}

/// `bytearray`: same layout, separate kind so type checks stay one compare.
pub struct ByteArrayObj {
    pub data: Vec<u8>,
}

impl PyObj for ByteArrayObj {
    const KIND: ObjKind = ObjKind::ByteArray;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.data.capacity()
    }
}

pub fn install(_vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    Ok(())
}

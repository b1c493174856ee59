//! Code objects: compiled bytecode with its constants turned into values.

use std::rc::Rc;

use krait_compiler::Code;

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct CodeObj {
    pub code: Rc<Code>,
    /// `code.consts` as values (nested code constants become `CodeObj`s).
    pub consts: Box<[Value]>,
}

impl PyObj for CodeObj {
    const KIND: ObjKind = ObjKind::Code;
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.consts);
    }
    fn extra_size(&self) -> usize {
        self.consts.len() * 8 + self.code.code.len() * 4
    }
}

//! Exception instances (of `BaseException` and every subclass, built-in or not).

use krait_syntax::Qstr;

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::TypeObj;
use crate::value::Value;

/// One traceback line: where the exception passed through.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TbEntry {
    pub file: Qstr,
    pub line: u32,
    pub func: Qstr,
}

pub struct ExceptionObj {
    pub class: Gc<TypeObj>,
    /// The `args` tuple.
    pub args: Value,
    /// Innermost frame last (the order MicroPython prints them in).
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// Attributes set on the instance (and user-class fields), a dict or NULL.
    pub dict: Value,
}

impl PyObj for ExceptionObj {
    const KIND: ObjKind = ObjKind::Exception;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
        t.mark(self.args);
        t.mark(self.cause);
        t.mark(self.context);
        t.mark(self.dict);
    }
    fn extra_size(&self) -> usize {
        self.traceback.capacity() * std::mem::size_of::<TbEntry>()
    }
}

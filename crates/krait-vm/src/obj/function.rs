//! Callables: Python functions, built-in (Rust) functions, and bound methods.

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{CodeObj, DictObj};
use crate::value::Value;
use crate::vm::Vm;

/// A function written in Rust: `(vm, positional args, keyword pairs)`.
/// `kw` is flat: `[name0, value0, name1, value1, ...]`, each name an interned str.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

pub struct FunctionObj {
    pub code: Gc<CodeObj>,
    pub globals: Gc<DictObj>,
    pub name: Qstr,
    pub qualname: Qstr,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Value,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Value,
    /// Tuple of cells for free variables, or NULL.
    pub closure: Value,
    /// Function attributes (`f.x = 1`), a dict or NULL until first set.
    pub dict: Value,
    /// Machine code for this function, once an emitter has compiled it (opaque to the VM).
    pub native_entry: usize,
}

impl PyObj for FunctionObj {
    const KIND: ObjKind = ObjKind::Function;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.code);
        t.mark_gc(self.globals);
        t.mark(self.defaults);
        t.mark(self.kwdefaults);
        t.mark(self.closure);
        t.mark(self.dict);
    }
}

pub struct BuiltinFunctionObj {
    pub name: Qstr,
    pub f: NativeFn,
    /// The receiver when bound (`[].append`), else NULL.
    pub bound_self: Value,
    /// For functions, their module's name; EMPTY for methods of built-in types,
    /// which bind `self` when found on a class.
    pub module: Qstr,
}

impl BuiltinFunctionObj {
    /// A method of a built-in type (binds `self`), not a free function.
    #[inline]
    pub fn is_method(&self) -> bool {
        self.module == krait_syntax::q::EMPTY && self.bound_self.is_null()
    }
}

impl PyObj for BuiltinFunctionObj {
    const KIND: ObjKind = ObjKind::BuiltinFunction;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.bound_self);
    }
}

pub struct BoundMethodObj {
    pub func: Value,
    pub self_: Value,
}

impl PyObj for BoundMethodObj {
    const KIND: ObjKind = ObjKind::BoundMethod;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.self_);
    }
}

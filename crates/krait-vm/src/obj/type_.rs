//! `type`: classes, both built-in and user-defined.

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::DictObj;
use crate::value::Value;
use crate::vm::Vm;

/// Constructs an instance of a built-in type: `(vm, cls, positional, keyword pairs)`.
/// `cls` may be a user subclass; then the result becomes the instance's base value.
pub type MakeNewFn = fn(&mut Vm, Gc<TypeObj>, &[Value], &[Value]) -> PyResult<Value>;

pub mod flags {
    /// Defined in Rust (methods are `BuiltinFunctionObj`s, attributes read-only).
    pub const BUILTIN: u32 = 1;
    /// `BaseException` or a subclass: instances are `ExceptionObj`s.
    pub const EXCEPTION: u32 = 2;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 4;
}

pub struct TypeObj {
    pub name: Qstr,
    pub qualname: Qstr,
    /// Defining module's name (`builtins` for built-in types).
    pub module: Qstr,
    pub bases: Vec<Gc<TypeObj>>,
    /// Method resolution order (C3), starting with this type.
    pub mro: Vec<Gc<TypeObj>>,
    pub dict: Gc<DictObj>,
    /// The metaclass, or NULL for plain `type`.
    pub metaclass: Value,
    /// Built-in constructor, inherited by subclasses of built-in types.
    pub make_new: Option<MakeNewFn>,
    /// The built-in type (other than `object`) that instances of this user class
    /// carry as their base value (`class L(list)` → `list`), if any.
    pub native_base: Option<Gc<TypeObj>>,
    pub flags: u32,
    /// Cached special-method presence; recomputed when `slots_epoch` is stale.
    pub slots: std::cell::Cell<SlotCache>,
}

/// Which special methods a class (with its MRO) defines in Python code, so the
/// VM can skip lookups on the common path. Valid while `epoch` equals the VM's
/// class-mutation epoch.
#[derive(Copy, Clone, Default, Debug)]
pub struct SlotCache {
    pub epoch: u64,
    pub bits: u32,
}

pub mod slot {
    pub const GETATTR: u32 = 1;
    pub const SETATTR: u32 = 2;
    pub const DELATTR: u32 = 4;
    pub const GETATTRIBUTE: u32 = 8;
    /// Some class in the MRO has a data descriptor (property or `__set__`/`__delete__`).
    pub const DATA_DESCRIPTORS: u32 = 16;
    pub const EQ: u32 = 32;
    pub const HASH: u32 = 64;
    pub const BOOL: u32 = 128;
    pub const LEN: u32 = 256;
    pub const GET: u32 = 512;
}

impl TypeObj {
    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// Find `name` along the MRO: the value and the class that defines it.
    #[inline]
    pub fn lookup(&self, name: Qstr) -> Option<Value> {
        for t in &self.mro {
            if let Some(v) = t.dict.get_qstr(name) {
                return Some(v);
            }
        }
        None
    }

    /// Like `lookup`, but starting after `after` in the MRO (for `super`).
    pub fn lookup_after(&self, after: Gc<TypeObj>, name: Qstr) -> Option<Value> {
        let start = self.mro.iter().position(|&t| t == after).map(|i| i + 1).unwrap_or(self.mro.len());
        for t in &self.mro[start..] {
            if let Some(v) = t.dict.get_qstr(name) {
                return Some(v);
            }
        }
        None
    }

    /// True when `other` is this type or one of its ancestors.
    #[inline]
    pub fn is_subtype(&self, other: Gc<TypeObj>) -> bool {
        self.mro.iter().any(|&t| t == other)
    }
}

impl PyObj for TypeObj {
    const KIND: ObjKind = ObjKind::Type;
    fn trace(&self, t: &mut Tracer) {
        for &b in &self.bases {
            t.mark_gc(b);
        }
        for &b in &self.mro {
            t.mark_gc(b);
        }
        t.mark_gc(self.dict);
        t.mark(self.metaclass);
        if let Some(n) = self.native_base {
            t.mark_gc(n);
        }
    }
}

/// C3 linearisation of `bases` for a new class (the class itself is not included).
/// `None` when no consistent order exists.
pub fn c3_linearize(bases: &[Gc<TypeObj>]) -> Option<Vec<Gc<TypeObj>>> {
    let mut seqs: Vec<Vec<Gc<TypeObj>>> = bases.iter().map(|b| b.mro.clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|&c| !seqs.iter().any(|s| s[1..].contains(&c)))?;
        out.push(candidate);
        for s in &mut seqs {
            if s[0] == candidate {
                s.remove(0);
            }
        }
    }
}

//! `type`: classes, both built-in and user-defined.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use krait_syntax::fxhash::FxHashMap;
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
    /// Results of MRO lookups (`NULL` for "absent"), valid while the global class
    /// epoch is unchanged.
    pub cache: RefCell<LookupCache>,
}

/// A type's memo of `lookup` results. Any change to any class dict bumps the
/// global epoch (`bump_class_epoch`), which empties every memo on next use.
#[derive(Default)]
pub struct LookupCache {
    epoch: u64,
    map: FxHashMap<Qstr, Value>,
    /// Whether instances' attributes are plain (see `Vm::plain_instance_attrs`),
    /// once worked out in this epoch.
    plain: Option<bool>,
}

static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current class epoch (see `bump_class_epoch`).
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Relaxed)
}

/// Note that some class's attributes changed: every type's lookup memo is stale.
#[inline]
pub fn bump_class_epoch() {
    CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

impl TypeObj {
    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// Find `name` along the MRO (memoised per type).
    #[inline]
    pub fn lookup(&self, name: Qstr) -> Option<Value> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let mut cache = self.cache.borrow_mut();
        if cache.epoch != epoch {
            cache.map.clear();
            cache.plain = None;
            cache.epoch = epoch;
        } else if let Some(&v) = cache.map.get(&name) {
            return if v.is_null() { None } else { Some(v) };
        }
        let r = self.lookup_uncached(name);
        cache.map.insert(name, r.unwrap_or(Value::NULL));
        r
    }

    /// The memo of `Vm::plain_instance_attrs`, if worked out in this epoch.
    #[inline]
    pub fn plain_memo(&self) -> Option<bool> {
        let cache = self.cache.borrow();
        if cache.epoch == CLASS_EPOCH.load(Ordering::Relaxed) {
            cache.plain
        } else {
            None
        }
    }

    pub fn set_plain_memo(&self, plain: bool) {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let mut cache = self.cache.borrow_mut();
        if cache.epoch != epoch {
            cache.map.clear();
            cache.epoch = epoch;
        }
        cache.plain = Some(plain);
    }

    /// Find `name` along the MRO, without the memo.
    pub fn lookup_uncached(&self, name: Qstr) -> Option<Value> {
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
        self.mro.contains(&other)
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
        let candidate = seqs.iter().map(|s| s[0]).find(|&c| !seqs.iter().any(|s| s[1..].contains(&c)))?;
        out.push(candidate);
        for s in &mut seqs {
            if s[0] == candidate {
                s.remove(0);
            }
        }
    }
}

//! `type`: classes, both built-in and user-defined.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use krait_syntax::fxhash::FxHashMap;
use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::descriptor::PropertyObj;
use crate::obj::{BuiltinFunctionObj, DictObj, NativeFn};
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
    /// The class dict as materialised so far; read it through `dict()`, which
    /// first adds the `pending` attributes of a built-in type.
    pub dict_raw: Gc<DictObj>,
    /// Attributes registered for a built-in type but not yet in its dict (see
    /// `Pending`): the dict is, logically, `dict_raw` followed by these, in order.
    pub pending: RefCell<Vec<Pending>>,
    /// The metaclass, or NULL for plain `type`.
    pub metaclass: Value,
    /// Built-in constructor, inherited by subclasses of built-in types.
    pub make_new: Option<MakeNewFn>,
    /// The built-in type (other than `object`) that instances of this user class
    /// carry as their base value (`class L(list)` → `list`), if any.
    pub native_base: Option<Gc<TypeObj>>,
    pub flags: u32,
    /// For a class whose MRO defines `__slots__` all the way up (and none
    /// lists `__dict__`): every slot name; its instances may hold no other
    /// attribute. `None`: instances have a free `__dict__`.
    pub slots: Option<Box<[Qstr]>>,
    /// Results of MRO lookups (`NULL` for "absent"), valid while the global class
    /// epoch is unchanged.
    pub cache: RefCell<LookupCache>,
}

/// An attribute of a built-in type that start-up registers without making it.
///
/// Making ~600 method objects and filling every type's dict was most of `Vm::new`,
/// and a short program uses few of them. So `add_methods`, `add_property` and
/// `add_class_attr` only append here, and the type's dict gets them (in registration order, so
/// the dict is exactly what eager registration gave) the first time anything
/// reads it through `TypeObj::dict()`.
pub enum Pending {
    /// A built-in method; its object is made when the dict is materialised (see
    /// `rom_object`).
    Method(&'static str, NativeFn),
    /// A read-only property computed by `getter(self)`; its objects (property and
    /// getter function) are made when the dict is materialised, as `Method`'s.
    Property(&'static str, NativeFn),
    /// A ready value (class attribute, classmethod), traced meanwhile.
    Value(&'static str, Value),
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
    /// `Vm::plain_init_of` (NULL for none), once worked out in this epoch.
    plain_init: Option<Value>,
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
    /// The class dict, with every attribute registered so far (see `Pending`).
    /// All reads and writes of a class's attributes go through here.
    #[inline]
    pub fn dict(&self) -> Gc<DictObj> {
        if !self.pending.borrow().is_empty() {
            self.materialise();
        }
        self.dict_raw
    }

    /// Move the pending attributes into the dict. Allocates nothing on the GC
    /// heap (method and property objects are `rom_object`s), so it can run wherever a class
    /// attribute is read, with no `Vm` at hand, and never fails or collects.
    #[cold]
    fn materialise(&self) {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        let d = self.dict_raw.get_mut();
        for p in pending {
            match p {
                Pending::Method(name, f) => d.set_qstr(Qstr::from_static(name), rom_object(self, name, f, false)),
                Pending::Property(name, f) => d.set_qstr(Qstr::from_static(name), rom_object(self, name, f, true)),
                Pending::Value(name, v) => d.set_qstr(Qstr::from_static(name), v),
            }
        }
    }

    /// Pending attributes not yet in the dict (reserved for by `Vm::new`).
    pub fn pending_len(&self) -> usize {
        self.pending.borrow().len()
    }

    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// Find `name` along the MRO (memoised per type).
    #[inline]
    pub fn lookup(&self, name: Qstr) -> Option<Value> {
        let mut cache = self.current_cache();
        if let Some(&v) = cache.map.get(&name) {
            return if v.is_null() { None } else { Some(v) };
        }
        let r = self.lookup_uncached(name);
        cache.map.insert(name, r.unwrap_or(Value::NULL));
        r
    }

    /// `name` along the MRO when it is defined in Python (a user's `__setattr__`,
    /// `__init__`, ...), not a built-in method inherited from a built-in type.
    #[inline]
    pub fn lookup_python(&self, name: Qstr) -> Option<Value> {
        self.lookup(name).filter(|f| !f.is_kind(ObjKind::BuiltinFunction))
    }

    /// The lookup memo, emptied first if some class changed since it was filled.
    #[inline]
    fn current_cache(&self) -> std::cell::RefMut<'_, LookupCache> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let mut cache = self.cache.borrow_mut();
        if cache.epoch != epoch {
            cache.map.clear();
            cache.plain = None;
            cache.plain_init = None;
            cache.epoch = epoch;
        }
        cache
    }

    /// The memo of `Vm::plain_instance_attrs`, if worked out in this epoch.
    #[inline]
    pub fn plain_memo(&self) -> Option<bool> {
        self.current_cache().plain
    }

    pub fn set_plain_memo(&self, plain: bool) {
        self.current_cache().plain = Some(plain);
    }

    /// The memo of `Vm::plain_init_of`, if worked out in this epoch.
    #[inline]
    pub fn plain_init_memo(&self) -> Option<Value> {
        self.current_cache().plain_init
    }

    pub fn set_plain_init_memo(&self, init: Value) {
        self.current_cache().plain_init = Some(init);
    }

    /// Find `name` along the MRO, without the memo.
    pub fn lookup_uncached(&self, name: Qstr) -> Option<Value> {
        for t in &self.mro {
            if let Some(v) = t.dict().get_qstr(name) {
                return Some(v);
            }
        }
        None
    }

    /// Like `lookup`, but starting after `after` in the MRO (for `super`).
    pub fn lookup_after(&self, after: Gc<TypeObj>, name: Qstr) -> Option<Value> {
        let start = self.mro.iter().position(|&t| t == after).map(|i| i + 1).unwrap_or(self.mro.len());
        for t in &self.mro[start..] {
            if let Some(v) = t.dict().get_qstr(name) {
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
        t.mark_gc(self.dict_raw);
        for p in self.pending.borrow().iter() {
            if let Pending::Value(_, v) = *p {
                t.mark(v);
            }
        }
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

/// Identifies a built-in attribute: (type name, type module, attribute name,
/// function, whether a property).
type RomKey = (Qstr, Qstr, &'static str, usize, bool);

thread_local! {
    /// The attribute objects made so far on this thread.
    static ROM_OBJECTS: RefCell<FxHashMap<RomKey, Value>> = RefCell::default();
}

/// The object of built-in method `f` (or, if `property`, of the read-only
/// property whose getter is `f`), called `name`, of type `t`: made outside the
/// collected heap (`gc::new_rom`; MicroPython keeps these in ROM), once per
/// thread and shared by every `Vm` on it. Such an object is immutable (no bound
/// `self`; its name's qstr is the same for every `Vm` of the thread, the qstr
/// table being per-thread; a property's getter is such an object too), not
/// counted by the heap and never freed, so it needs no rooting and outlives any
/// type that holds it. One object per type and attribute, as eager registration
/// made, so `list.__len__ is tuple.__len__` stays False even where both wrap one
/// function. Bounded: one per built-in attribute per thread.
fn rom_object(t: &TypeObj, name: &'static str, f: NativeFn, property: bool) -> Value {
    let key = (t.name, t.module, name, f as usize, property);
    if let Some(v) = ROM_OBJECTS.with(|m| m.borrow().get(&key).copied()) {
        return v;
    }
    let q = Qstr::from_static(name);
    let v = if property {
        let fget = crate::gc::new_rom(BuiltinFunctionObj {
            name: q,
            f,
            bound_self: Value::NULL,
            module: Qstr::from_static("builtins"),
        })
        .value();
        crate::gc::new_rom(PropertyObj { fget, fset: Value::NONE, fdel: Value::NONE, doc: Value::NONE }).value()
    } else {
        crate::gc::new_rom(BuiltinFunctionObj { name: q, f, bound_self: Value::NULL, module: krait_syntax::q::EMPTY })
            .value()
    };
    ROM_OBJECTS.with(|m| m.borrow_mut().insert(key, v));
    v
}

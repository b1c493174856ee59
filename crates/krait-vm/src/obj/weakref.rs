//! Weak references: `weakref.ref` and `weakref.finalize` objects, and the table
//! through which the collector clears them.
//!
//! A weak reference holds its referent as a value the collector does not trace.
//! Objects that are never weakly referenced pay nothing for the feature (no
//! header field, no check): the heap learns of weak references from a side
//! table, [`WeakTable`], which it looks at between marking and sweeping:
//!
//! - a weak reference that was not marked is garbage itself and is forgotten:
//!   its callback never runs (as in CPython, where a callback runs only if the
//!   weak reference object is still alive);
//! - one whose referent was marked stays in the table;
//! - one whose referent was not marked is cleared (calling it gives `None` from
//!   then on) and, when it has a callback or is a finalizer, queued.
//!
//! The queue is a root: the weak references on it (and, through them, their
//! callbacks) live until the VM runs the callbacks as Python code at the
//! safepoint after the collection ([`Vm::run_weak_callbacks`]), never inside the
//! sweep, and never while the heap is locked. Nothing can reach a dead referent
//! again: the callback of a `ref` gets the (cleared) weak reference, and a
//! finalizer's function and arguments are held strongly, so a referent among
//! them is never collected (CPython's rule: they must not refer to it).
//!
//! A live finalizer is a root itself, as CPython's registry of finalizers holds
//! them: `weakref.finalize(obj, f)` works with its result dropped. At the end of
//! the program the finalizers still alive whose `atexit` is true run, newest
//! first ([`Vm::run_exit_finalizers`]); after that no callback runs any more.
//!
//! When one collection clears several weak references, their callbacks run
//! newest first, the order CPython documents for the references of one object.
//! An exception a callback raises is printed, MicroPython's way
//! (`Unhandled exception in weakref callback:` and the traceback, on stderr),
//! and goes no further; one from a finalizer run at exit prints its traceback
//! alone, as CPython's `atexit` handlers do.

use std::collections::VecDeque;

use krait_syntax::q;

use crate::error::{PyErr, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::type_::flags;
use crate::obj::{InstanceObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

/// A `weakref.ref` or a `weakref.finalize` object (told apart by `finalizer`).
pub struct WeakRefObj {
    /// The referent, not traced; `None` once it has been collected (and, for a
    /// finalizer, once it has been called or detached).
    referent: Value,
    /// A ref's callback (`None`: none), or a finalizer's function.
    callback: Value,
    /// A finalizer's positional arguments (a tuple) and keyword arguments (a
    /// dict, or NULL for none); NULL for a ref.
    args: Value,
    kwargs: Value,
    /// The instance of a Python subclass this object is the built-in part of
    /// (NULL: none): what a callback is given, as it is what the program holds.
    owner: Value,
    /// A ref's hash, once computed (it must outlive the referent, as CPython's).
    hash: Option<u64>,
    finalizer: bool,
    /// `finalize.atexit`: whether the program's end runs it while it is alive.
    atexit: bool,
    class: Gc<TypeObj>,
}

impl PyObj for WeakRefObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        // Not the referent: that is the point.
        t.mark(self.callback);
        t.mark(self.args);
        t.mark(self.kwargs);
        t.mark(self.owner);
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

impl WeakRefObj {
    /// A finalizer that has neither run nor been detached, with its referent alive.
    fn finalizer_alive(&self) -> bool {
        self.finalizer && !self.referent.is_none()
    }

    /// Whether clearing this reference has something to run.
    fn has_callback(&self) -> bool {
        self.finalizer || !self.callback.is_none()
    }
}

/// The heap's table of weak references (see the module documentation).
#[derive(Default)]
pub struct WeakTable {
    /// Every weak reference whose referent was alive at the last collection (or
    /// made since), in order of creation. Entries are not roots (except live
    /// finalizers): the collector drops those it did not mark.
    refs: Vec<Gc<WeakRefObj>>,
    /// Cleared references whose callbacks have yet to run, in the order to run
    /// them. A root.
    pending: VecDeque<Gc<WeakRefObj>>,
    /// Callbacks are running (those queued meanwhile join the same run).
    running: bool,
    /// The program has ended: no callback runs any more.
    shut_down: bool,
}

impl WeakTable {
    /// Mark what the table keeps alive: live finalizers and queued references.
    pub(crate) fn trace_roots(&self, t: &mut Tracer) {
        for &w in &self.refs {
            if w.finalizer_alive() {
                t.mark_gc(w);
            }
        }
        for &w in &self.pending {
            t.mark_gc(w);
        }
    }

    /// After marking, before sweeping (`survives` tells whether a value's object
    /// was marked): forget dead weak references, clear those whose referent is
    /// dead, and queue their callbacks.
    pub(crate) fn clear_dead(&mut self, survives: impl Fn(Value) -> bool) {
        if self.refs.is_empty() {
            return;
        }
        let mut cleared = Vec::new();
        self.refs.retain(|&w| {
            if !survives(w.value()) || w.referent.is_none() {
                return false;
            }
            if survives(w.referent) {
                return true;
            }
            w.get_mut().referent = Value::NONE;
            if w.has_callback() {
                cleared.push(w);
            }
            false
        });
        // Newest first, as CPython calls the callbacks of one object's references.
        self.pending.extend(cleared.into_iter().rev());
    }

    pub(crate) fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

/// The built-in `weakref.ref` or `weakref.finalize` object behind `v` (seeing
/// through a Python subclass's instance).
fn weak_of(vm: &Vm, v: Value) -> Option<Gc<WeakRefObj>> {
    vm.builtin_receiver(v).downcast::<WeakRefObj>()
}

fn this(vm: &mut Vm, args: &[Value], finalizer: bool) -> PyResult<Gc<WeakRefObj>> {
    match args.first().and_then(|&v| weak_of(vm, v)) {
        Some(w) if w.finalizer == finalizer => Ok(w),
        _ => {
            let name = if finalizer { "finalize" } else { "weakref.ReferenceType" };
            Err(vm.type_error(format!("descriptor requires a '{name}' object")))
        }
    }
}

/// A Python subclass's instance was made around the built-in object `base`: if
/// that is a weak reference, callbacks get the instance.
pub(crate) fn adopt(base: Value, instance: Gc<InstanceObj>) {
    if let Some(w) = base.downcast::<WeakRefObj>() {
        w.get_mut().owner = instance.value();
    }
}

/// Whether `v` may be weakly referenced, as in CPython: not ints, strs, bytes,
/// tuples, lists, dicts, ranges, slices, iterators of built-in containers, plain
/// `object()`s, built-in exceptions, `ref` or `finalize` objects; instances of Python
/// classes, functions, methods, classes, modules, sets, generators, code
/// objects and the objects of krait's modules may.
fn can_be_referenced(vm: &Vm, v: Value) -> bool {
    match v.kind() {
        None => false,
        Some(
            ObjKind::Set
            | ObjKind::FrozenSet
            | ObjKind::Type
            | ObjKind::Function
            | ObjKind::BuiltinFunction
            | ObjKind::BoundMethod
            | ObjKind::Code
            | ObjKind::Module
            | ObjKind::Generator
            | ObjKind::MemoryView
            | ObjKind::Array,
        ) => true,
        Some(ObjKind::Instance) => vm.type_of(v) != vm.types.object,
        Some(ObjKind::Exception) => !vm.type_of(v).has_flag(flags::BUILTIN),
        Some(ObjKind::Other) => v.downcast::<WeakRefObj>().is_none(),
        Some(_) => false,
    }
}

fn check_referent(vm: &mut Vm, v: Value) -> PyResult<()> {
    if can_be_referenced(vm, v) {
        Ok(())
    } else {
        Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(v))))
    }
}

fn register(vm: &mut Vm, w: Gc<WeakRefObj>) {
    vm.heap.weak.refs.push(w);
}

// ---- ref ----

/// `weakref.ref(object[, callback])`
pub fn ref_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    match args.len() {
        0 => return Err(vm.type_error("__new__ expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {n}"))),
    }
    check_referent(vm, args[0])?;
    let w = vm.alloc(WeakRefObj {
        referent: args[0],
        callback: args.get(1).copied().unwrap_or(Value::NONE),
        args: Value::NULL,
        kwargs: Value::NULL,
        owner: Value::NULL,
        hash: None,
        finalizer: false,
        atexit: false,
        class: cls,
    })?;
    register(vm, w);
    Ok(w.value())
}

/// `r()`: the referent, or None once it has been collected.
fn ref_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(this(vm, args, false)?.referent)
}

fn ref_callback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(this(vm, args, false)?.callback)
}

/// The hash of the referent, kept once computed; a reference whose referent died
/// before anyone asked has none.
fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, false)?;
    let h = match w.hash {
        Some(h) => h,
        None if w.referent.is_none() => return Err(vm.type_error("weak object has gone away")),
        None => {
            let h = vm.hash(w.referent)?;
            w.get_mut().hash = Some(h);
            h
        }
    };
    vm.new_int(h as i64)
}

/// `r1 == r2`: the referents compared when both are alive, else identity.
fn ref_compare(vm: &mut Vm, args: &[Value], equal: bool) -> R {
    let w = this(vm, args, false)?;
    let Some(other) = args.get(1).and_then(|&v| weak_of(vm, v)).filter(|o| !o.finalizer) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (a, b) = (w.referent, other.referent);
    if a.is_none() || b.is_none() {
        return Ok(Value::bool((w == other) == equal));
    }
    let same = vm.eq(a, b)?;
    Ok(Value::bool(same == equal))
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    ref_compare(vm, args, true)
}

fn ref_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    ref_compare(vm, args, false)
}

/// The address part of a repr (`id()` of the object).
fn addr(v: Value) -> u64 {
    v.bits() & 0xffff_ffff_ffff
}

/// `<weakref at 0x…; to 'A' at 0x…>`, with the referent's `__name__` when it
/// has one (as CPython), or `<weakref at 0x…; dead>`.
fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, false)?;
    let me = addr(w.value());
    let r = w.referent;
    if r.is_none() {
        return vm.new_string(format!("<weakref at {me:#x}; dead>"));
    }
    let mut s = format!("<weakref at {me:#x}; to '{}' at {:#x}", vm.type_name(r), addr(r));
    let name = vm.with_roots(&[r], |vm| vm.get_attr_opt(r, q::__name__))?;
    if let Some(n) = name.as_ref().and_then(crate::obj::str::as_str) {
        s.push_str(&format!(" ({n})"));
    }
    s.push('>');
    vm.new_string(s)
}

// ---- finalize ----

/// `weakref.finalize(object, func, /, *args, **kwargs)`
pub fn finalize_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if args.len() < 2 {
        let missing = if args.is_empty() {
            "2 required positional arguments: 'obj' and"
        } else {
            "1 required positional argument:"
        };
        return Err(vm.type_error(format!("finalize.__init__() missing {missing} 'func'")));
    }
    check_referent(vm, args[0])?;
    let pos = vm.new_tuple_from(&args[2..])?;
    let kwargs = if kw.is_empty() {
        Value::NULL
    } else {
        let d = vm.new_dict()?;
        for pair in kw.chunks_exact(2) {
            vm.dict_set(d, pair[0], pair[1])?;
        }
        d.value()
    };
    let w = vm.alloc(WeakRefObj {
        referent: args[0],
        callback: args[1],
        args: pos,
        kwargs,
        owner: Value::NULL,
        hash: None,
        finalizer: true,
        atexit: true,
        class: cls,
    })?;
    register(vm, w);
    Ok(w.value())
}

/// Mark a live finalizer dead and hand back its function and arguments, which
/// it no longer holds.
fn take_finalizer(w: Gc<WeakRefObj>) -> (Value, Value, Value) {
    let o = w.get_mut();
    o.referent = Value::NONE;
    let taken = (o.callback, o.args, o.kwargs);
    o.callback = Value::NONE;
    o.args = Value::NULL;
    o.kwargs = Value::NULL;
    taken
}

fn call_finalizer(vm: &mut Vm, w: Gc<WeakRefObj>) -> R {
    let (f, pos, kwargs) = take_finalizer(w);
    vm.with_roots(&[f, pos, kwargs], |vm| vm.call_ex(f, pos, kwargs))
}

/// `f()`: if alive, mark it dead and return `func(*args, **kwargs)`; else None.
fn finalize_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, true)?;
    if !w.finalizer_alive() {
        return Ok(Value::NONE);
    }
    call_finalizer(vm, w)
}

/// `(object, func, args, kwargs)` of a live finalizer, else None.
fn info_tuple(vm: &mut Vm, w: Gc<WeakRefObj>) -> R {
    if !w.finalizer_alive() {
        return Ok(Value::NONE);
    }
    let kwargs = match w.kwargs {
        k if k.is_null() => vm.new_dict()?.value(),
        k => k,
    };
    vm.new_tuple_from(&[w.referent, w.callback, w.args, kwargs])
}

fn finalize_peek(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, true)?;
    info_tuple(vm, w)
}

/// As `peek`, and the finalizer is dead afterwards.
fn finalize_detach(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, true)?;
    let info = info_tuple(vm, w)?;
    if !info.is_none() {
        take_finalizer(w);
    }
    Ok(info)
}

fn finalize_alive(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::bool(this(vm, args, true)?.finalizer_alive()))
}

fn finalize_atexit_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::bool(this(vm, args, true)?.atexit))
}

fn finalize_atexit_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let w = this(vm, args, true)?;
    let on = vm.truthy(args[1])?;
    w.get_mut().atexit = on;
    Ok(Value::NONE)
}

/// `<finalize object at 0x…; for 'A' at 0x…>` or `<finalize object at 0x…; dead>`.
fn finalize_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let name = vm.type_of(args[0]).name;
    let w = this(vm, args, true)?;
    let me = addr(args[0]);
    let s = if w.finalizer_alive() {
        format!("<{name} object at {me:#x}; for '{}' at {:#x}>", vm.type_name(w.referent), addr(w.referent))
    } else {
        format!("<{name} object at {me:#x}; dead>")
    };
    vm.new_string(s)
}

// ---- the types ----

/// Make `weakref.ref` and `weakref.finalize`.
pub fn make_types(vm: &mut Vm) -> PyResult<(Gc<TypeObj>, Gc<TypeObj>)> {
    let r = vm.new_builtin_type("ReferenceType", "weakref", &[])?;
    vm.set_make_new(r, ref_new);
    vm.add_methods(
        r,
        &[
            ("__call__", crate::sig!(ref_call, 1)),
            ("__hash__", crate::sig!(ref_hash, 1)),
            ("__eq__", crate::sig!(ref_eq, 2)),
            ("__ne__", crate::sig!(ref_ne, 2)),
            ("__repr__", crate::sig!(ref_repr, 1)),
        ],
    )?;
    vm.add_property(r, "__callback__", ref_callback)?;

    let f = vm.new_builtin_type("finalize", "weakref", &[])?;
    vm.set_make_new(f, finalize_new);
    vm.add_methods(
        f,
        &[
            ("__call__", crate::sig!(finalize_call, 1..=2)),
            ("peek", crate::sig!(finalize_peek, 1)),
            ("detach", crate::sig!(finalize_detach, 1)),
            ("__repr__", crate::sig!(finalize_repr, 1)),
        ],
    )?;
    vm.add_property(f, "alive", finalize_alive)?;
    // `atexit` may be set: a property with a setter.
    let fget = vm.new_builtin_method("atexit", crate::sig!(finalize_atexit_get, 1))?;
    let fset = vm.new_builtin_method("atexit", crate::sig!(finalize_atexit_set, 2))?;
    let prop = vm.alloc(crate::obj::descriptor::PropertyObj { fget, fset, fdel: Value::NULL, doc: Value::NONE })?;
    vm.add_class_attr(f, "atexit", prop.value());
    Ok((r, f))
}

// ---- running callbacks ----

impl Vm {
    /// Run the callbacks of the weak references the collector cleared, oldest
    /// collection first, as Python code. Called at safepoints after a collection
    /// (and by `gc.collect()`); does nothing while the heap is locked (they wait
    /// for `heap_unlock`), while callbacks already run (those queued meanwhile
    /// join that run) or after the program's end.
    #[cold]
    pub fn run_weak_callbacks(&mut self) {
        let weak = &self.heap.weak;
        if weak.running || weak.shut_down || self.heap.lock_depth > 0 {
            return;
        }
        self.heap.weak.running = true;
        while let Some(w) = self.heap.weak.pending.pop_front() {
            let r = self.with_roots(&[w.value()], |vm| fire(vm, w));
            if let Err(e) = r {
                self.report_callback_error(e);
            }
            if self.heap.lock_depth > 0 {
                // A callback locked the heap: the rest wait for the unlock.
                break;
            }
        }
        self.heap.weak.running = false;
    }

    /// Whether cleared weak references wait for their callbacks.
    #[inline]
    pub fn weak_callbacks_pending(&self) -> bool {
        self.heap.weak.has_pending()
    }

    fn report_callback_error(&mut self, e: PyErr) {
        let mut text = String::from("Unhandled exception in weakref callback:\n");
        text.push_str(&self.format_exception(e.0));
        self.write_stderr(text.as_bytes());
    }

    /// At the program's end (after `sys.atexit`'s function): run the callbacks
    /// still queued, then every live finalizer whose `atexit` is true, newest
    /// first (those made meanwhile included), with automatic collection off, as
    /// CPython does; no callback runs after that.
    pub fn run_exit_finalizers(&mut self) {
        self.run_weak_callbacks();
        let enabled = std::mem::replace(&mut self.heap.enabled, false);
        while let Some(&w) = self.heap.weak.refs.iter().rev().find(|w| w.finalizer_alive() && w.atexit) {
            let r = self.with_roots(&[w.value()], |vm| call_finalizer(vm, w));
            if let Err(e) = r {
                let text = self.format_exception(e.0);
                self.write_stderr(text.as_bytes());
            }
        }
        self.heap.enabled = enabled;
        self.heap.weak.shut_down = true;
        self.heap.weak.pending.clear();
    }
}

/// Run the callback of the cleared reference `w` (rooted by the caller).
fn fire(vm: &mut Vm, w: Gc<WeakRefObj>) -> PyResult<()> {
    if w.finalizer {
        // Its referent is gone, but it still holds its function and arguments.
        return call_finalizer(vm, w).map(drop);
    }
    // CPython clears `__callback__` as the callback is called.
    let cb = std::mem::replace(&mut w.get_mut().callback, Value::NONE);
    let arg = if w.owner.is_null() { w.value() } else { w.owner };
    vm.with_roots(&[cb], |vm| vm.call_value(cb, &[arg], &[])).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_set(vm: &mut Vm) -> Value {
        vm.new_set(false).expect("set").value()
    }

    #[test]
    fn collection_clears_dead_referents_and_queues_callbacks_newest_first() {
        let mut vm = Vm::new(Default::default());
        let (ref_type, fin_type) = make_types(&mut vm).expect("types");
        vm.temp_roots.extend([ref_type.value(), fin_type.value()]);
        let kept = new_set(&mut vm);
        let dropped = new_set(&mut vm);
        let callback = vm.new_builtin_fn("callback", |_, _, _| Ok(Value::NONE)).expect("callback");
        vm.temp_roots.extend([kept, callback]);
        let to_kept = ref_new(&mut vm, ref_type, &[kept, callback], &[]).expect("ref");
        let first = ref_new(&mut vm, ref_type, &[dropped, callback], &[]).expect("ref");
        let plain = ref_new(&mut vm, ref_type, &[dropped], &[]).expect("ref");
        let second = ref_new(&mut vm, ref_type, &[dropped, callback], &[]).expect("ref");
        // A reference nobody holds: garbage itself, so its callback never runs.
        ref_new(&mut vm, ref_type, &[dropped, callback], &[]).expect("ref");
        // A finalizer nobody holds is kept alive by the table until it runs.
        let finalizer = finalize_new(&mut vm, fin_type, &[dropped, callback], &[]).expect("finalize");
        vm.temp_roots.extend([to_kept, first, plain, second]);
        vm.collect_garbage();
        let referent = |v: Value| v.downcast::<WeakRefObj>().expect("weakref").referent;
        assert_eq!(referent(to_kept), kept);
        assert!(referent(first).is_none() && referent(plain).is_none() && referent(second).is_none());
        let queued: Vec<Value> = vm.heap.weak.pending.iter().map(|w| w.value()).collect();
        assert_eq!(queued, [finalizer, second, first]);
        assert_eq!(vm.heap.weak.refs.len(), 1, "only the live referent's reference stays");
        // Queued references are roots until their callbacks have run.
        vm.collect_garbage();
        assert_eq!(vm.heap.weak.pending.len(), 3);
        vm.run_weak_callbacks();
        assert!(!vm.weak_callbacks_pending());
        assert!(referent(finalizer).is_none());
    }

    #[test]
    fn a_locked_heap_holds_callbacks_back() {
        let mut vm = Vm::new(Default::default());
        let (ref_type, _) = make_types(&mut vm).expect("types");
        vm.temp_roots.push(ref_type.value());
        let dropped = new_set(&mut vm);
        let callback = vm.new_builtin_fn("callback", |_, _, _| Ok(Value::NONE)).expect("callback");
        vm.temp_roots.push(callback);
        let r = ref_new(&mut vm, ref_type, &[dropped, callback], &[]).expect("ref");
        vm.temp_roots.push(r);
        vm.heap.lock();
        vm.collect_garbage();
        vm.run_weak_callbacks();
        assert!(vm.weak_callbacks_pending());
        vm.heap.unlock();
        vm.run_weak_callbacks();
        assert!(!vm.weak_callbacks_pending());
        assert!(r.downcast::<WeakRefObj>().expect("weakref").callback.is_none());
    }
}

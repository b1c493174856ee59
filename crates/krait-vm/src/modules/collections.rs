//! `collections`: `deque` (native), `namedtuple` (classes deriving from `tuple`,
//! built natively), and `OrderedDict`, `defaultdict` and `Counter` (classes
//! deriving from `dict`, written in Python over native helpers).
//!
//! `deque` accepts both CPython's `deque(iterable=(), maxlen=None)` and
//! MicroPython's `deque(iterable, maxlen[, flags])`; with a true `flags`,
//! appending to a full deque raises `IndexError` as on MicroPython instead of
//! discarding from the other end.

use std::collections::VecDeque;

use krait_syntax::ast::CmpOp;
use krait_syntax::{q, Qstr};

use crate::class::{arg, kwarg};
use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::descriptor::{ClassMethodObj, PropertyObj, StaticMethodObj};
use crate::obj::str::as_str;
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

const T_DEQUE_ITER: usize = 0;

// ---- deque ----

pub struct DequeObj {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// MicroPython's `flags`: raise on overflow instead of discarding.
    pub checked: bool,
    /// Bumped by every change, so iterators notice mutation.
    pub state: u64,
    pub class: Gc<TypeObj>,
}

impl PyObj for DequeObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        for &v in &self.items {
            t.mark(v);
        }
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.items.capacity() * 8
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

pub struct DequeIterObj {
    deque: Gc<DequeObj>,
    index: usize,
    state: u64,
    reverse: bool,
    class: Gc<TypeObj>,
}

impl PyObj for DequeIterObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.deque);
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn deque_of(vm: &mut Vm, v: Value) -> Option<Gc<DequeObj>> {
    vm.builtin_receiver(v).downcast::<DequeObj>()
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<DequeObj>> {
    match args.first().and_then(|&v| deque_of(vm, v)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'collections.deque' object")),
    }
}

/// Grow the deque's buffer for `extra` more items, charging the heap.
fn reserve(vm: &mut Vm, d: Gc<DequeObj>, extra: usize) -> PyResult<()> {
    let o = d.get_mut();
    let before = o.items.capacity();
    if o.items.len() + extra <= before {
        return Ok(());
    }
    if o.items.try_reserve(extra).is_err() {
        return Err(vm.alloc_failed_bytes(extra.saturating_mul(8)));
    }
    let grown = (o.items.capacity() - before) * 8;
    vm.charge(grown)
}

fn push(vm: &mut Vm, d: Gc<DequeObj>, v: Value, left: bool) -> PyResult<()> {
    if let Some(m) = d.maxlen {
        if d.items.len() >= m {
            if d.checked {
                return Err(vm.index_error("full"));
            }
            if m == 0 {
                return Ok(());
            }
            let o = d.get_mut();
            if left {
                o.items.pop_back();
            } else {
                o.items.pop_front();
            }
        }
    }
    reserve(vm, d, 1)?;
    let o = d.get_mut();
    if left {
        o.items.push_front(v);
    } else {
        o.items.push_back(v);
    }
    o.state = o.state.wrapping_add(1);
    Ok(())
}

fn extend(vm: &mut Vm, d: Gc<DequeObj>, it: Value, left: bool) -> PyResult<()> {
    let items = if deque_of(vm, it) == Some(d) { d.items.iter().copied().collect() } else { vm.collect_iterable(it)? };
    vm.temp_roots.extend_from_slice(&items);
    let n = items.len();
    let r = (|| {
        for &v in &items {
            push(vm, d, v, left)?;
        }
        Ok(())
    })();
    vm.temp_roots.truncate(vm.temp_roots.len() - n);
    r
}

fn maxlen_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if !v.is_small_int() && crate::ops::as_num(&v).is_none() {
                return Err(vm.type_error("an integer is required"));
            }
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn new_deque(vm: &mut Vm, cls: Gc<TypeObj>, maxlen: Option<usize>, checked: bool) -> PyResult<Gc<DequeObj>> {
    vm.alloc(DequeObj { items: VecDeque::new(), maxlen, checked, state: 0, class: cls })
}

fn deque_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if args.len() > 3 {
        return Err(vm.type_error(format!("deque expected at most 3 arguments, got {}", args.len())));
    }
    for p in kw.chunks_exact(2) {
        if !matches!(as_str(&p[0]), Some("iterable" | "maxlen")) {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for deque()",
                crate::obj::str_surrogates::kw_name(&p[0])
            )));
        }
    }
    let iterable = args.first().copied().or_else(|| kwarg(kw, "iterable"));
    let maxlen = maxlen_arg(vm, args.get(1).copied().or_else(|| kwarg(kw, "maxlen")))?;
    let checked = match args.get(2) {
        Some(&f) => vm.truthy(f)?,
        None => false,
    };
    let d = new_deque(vm, cls, maxlen, checked)?;
    if let Some(it) = iterable {
        if !it.is_none() {
            vm.temp_roots.push(d.value());
            let r = extend(vm, d, it, false);
            vm.temp_roots.pop();
            r?;
        }
    }
    Ok(d.value())
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let v = arg(vm, args, 1, "append")?;
    push(vm, d, v, false)?;
    Ok(Value::NONE)
}

fn appendleft(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let v = arg(vm, args, 1, "appendleft")?;
    push(vm, d, v, true)?;
    Ok(Value::NONE)
}

fn pop_end(vm: &mut Vm, args: &[Value], left: bool) -> R {
    let d = this(vm, args)?;
    let o = d.get_mut();
    let v = if left { o.items.pop_front() } else { o.items.pop_back() };
    match v {
        Some(v) => {
            o.state = o.state.wrapping_add(1);
            Ok(v)
        }
        None => Err(if d.checked { vm.index_error("empty") } else { vm.index_error("pop from an empty deque") }),
    }
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    pop_end(vm, args, false)
}

fn popleft(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    pop_end(vm, args, true)
}

fn extend_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let it = arg(vm, args, 1, "extend")?;
    extend(vm, d, it, false)?;
    Ok(Value::NONE)
}

fn extendleft(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let it = arg(vm, args, 1, "extendleft")?;
    extend(vm, d, it, true)?;
    Ok(Value::NONE)
}

fn rotate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let n = match args.get(1) {
        Some(&v) => vm.to_index(v)?,
        None => 1,
    };
    let o = d.get_mut();
    let len = o.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        o.items.rotate_right(k);
        o.state = o.state.wrapping_add(1);
    }
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let o = d.get_mut();
    o.items.clear();
    o.state = o.state.wrapping_add(1);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let nd = new_deque(vm, d.class, d.maxlen, d.checked)?;
    reserve(vm, nd, d.items.len())?;
    let items = d.items.clone();
    nd.get_mut().items = items;
    Ok(nd.value())
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let x = arg(vm, args, 1, "count")?;
    let mut n = 0;
    let state = d.state;
    let mut i = 0;
    while let Some(&v) = d.items.get(i) {
        if v == x || vm.eq(v, x)? {
            n += 1;
        }
        if d.state != state {
            return Err(vm.new_exception(ExcKind::RuntimeError, "deque mutated during iteration"));
        }
        i += 1;
    }
    vm.new_int(n)
}

fn find(vm: &mut Vm, d: Gc<DequeObj>, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = d.state;
    let mut i = start;
    while i < stop {
        let Some(&v) = d.items.get(i) else { break };
        if v == x || vm.eq(v, x)? {
            return Ok(Some(i));
        }
        if d.state != state {
            return Err(vm.new_exception(ExcKind::RuntimeError, "deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let x = arg(vm, args, 1, "index")?;
    let (start, stop) = crate::obj::list::index_range(vm, args, 2, d.items.len())?;
    match find(vm, d, x, start, stop)? {
        Some(i) => vm.new_int(i as i64),
        None => {
            let r = vm.repr(x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let x = arg(vm, args, 1, "remove")?;
    match find(vm, d, x, 0, usize::MAX)? {
        Some(i) => {
            let o = d.get_mut();
            o.items.remove(i);
            o.state = o.state.wrapping_add(1);
            Ok(Value::NONE)
        }
        None => {
            let r = vm.repr(x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let i = arg(vm, args, 1, "insert")?;
    let x = arg(vm, args, 2, "insert")?;
    let i = vm.to_index(i)?;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let len = d.items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    reserve(vm, d, 1)?;
    let o = d.get_mut();
    o.items.insert(at, x);
    o.state = o.state.wrapping_add(1);
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let o = d.get_mut();
    o.items.make_contiguous().reverse();
    o.state = o.state.wrapping_add(1);
    Ok(Value::NONE)
}

fn maxlen(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    match d.maxlen {
        Some(m) => vm.new_int(m as i64),
        None => Ok(Value::NONE),
    }
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    vm.new_int(d.items.len() as i64)
}

fn bool_(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    Ok(Value::bool(!d.items.is_empty()))
}

fn item_index(vm: &mut Vm, d: Gc<DequeObj>, key: Value) -> PyResult<usize> {
    if key.is_kind(ObjKind::Slice) || (!key.is_small_int() && crate::ops::as_num(&key).is_none() && !key.is_ptr()) {
        return Err(vm.type_error(format!("sequence index must be integer, not '{}'", vm.type_name(key))));
    }
    if key.is_float() {
        return Err(vm.type_error("sequence index must be integer, not 'float'"));
    }
    let i = vm.to_index(key)?;
    let n = d.items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let k = arg(vm, args, 1, "__getitem__")?;
    let i = item_index(vm, d, k)?;
    Ok(d.items[i])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let k = arg(vm, args, 1, "__setitem__")?;
    let v = arg(vm, args, 2, "__setitem__")?;
    let i = item_index(vm, d, k)?;
    d.get_mut().items[i] = v;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let k = arg(vm, args, 1, "__delitem__")?;
    let i = item_index(vm, d, k)?;
    let o = d.get_mut();
    o.items.remove(i);
    o.state = o.state.wrapping_add(1);
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let x = arg(vm, args, 1, "__contains__")?;
    Ok(Value::bool(find(vm, d, x, 0, usize::MAX)?.is_some()))
}

fn iter_of(vm: &mut Vm, args: &[Value], reverse: bool) -> R {
    let d = this(vm, args)?;
    let class = crate::modules::io::module_type(vm, "collections", T_DEQUE_ITER)?;
    let index = if reverse { d.items.len() } else { 0 };
    Ok(vm.alloc(DequeIterObj { deque: d, index, state: d.state, reverse, class })?.value())
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    iter_of(vm, args, false)
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    iter_of(vm, args, true)
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let Some(it) = args.first().and_then(|v| v.downcast::<DequeIterObj>()) else {
        return Err(vm.type_error("__next__ needs a deque iterator"));
    };
    let d = it.deque;
    if d.state != it.state {
        return Err(vm.new_exception(ExcKind::RuntimeError, "deque mutated during iteration"));
    }
    let o = it.get_mut();
    let item = if o.reverse {
        if o.index == 0 {
            None
        } else {
            o.index -= 1;
            d.items.get(o.index).copied()
        }
    } else {
        let v = d.items.get(o.index).copied();
        if v.is_some() {
            o.index += 1;
        }
        v
    };
    match item {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    arg(vm, args, 0, "__iter__")
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let me = args[0];
    if vm.temp_roots.iter().rev().take(64).any(|&x| x == d.value()) {
        return vm.new_str("[...]");
    }
    if vm.repr_depth > 200 {
        return Err(vm.recursion_error());
    }
    let name = vm.type_of(me).name;
    let mut s = format!("{name}([");
    vm.repr_depth += 1;
    vm.temp_roots.push(d.value());
    let r = (|| {
        let mut i = 0;
        while let Some(&v) = d.items.get(i) {
            if i > 0 {
                s.push_str(", ");
            }
            vm.repr_into(v, &mut s)?;
            i += 1;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    vm.repr_depth -= 1;
    r?;
    s.push(']');
    if let Some(m) = d.maxlen {
        s.push_str(&format!(", maxlen={m}"));
    }
    s.push(')');
    vm.new_string(s)
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> R {
    let d = this(vm, args)?;
    let other = arg(vm, args, 1, "compare")?;
    let Some(e) = deque_of(vm, other) else { return Ok(Value::NOT_IMPLEMENTED) };
    // Compare as lists (snapshot, rooted through temporary lists).
    let a = vm.new_list(d.items.iter().copied().collect())?;
    vm.temp_roots.push(a);
    let b = vm.new_list(e.items.iter().copied().collect());
    let r = b.and_then(|b| {
        vm.temp_roots.push(b);
        let r = vm.compare(op, a, b);
        vm.temp_roots.pop();
        r
    });
    vm.temp_roots.pop();
    r
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::NotEq)
}
fn lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::Lt)
}
fn le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::LtE)
}
fn gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, CmpOp::GtE)
}

fn add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let other = arg(vm, args, 1, "__add__")?;
    let Some(e) = deque_of(vm, other) else {
        return Err(vm.type_error(format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(other))));
    };
    let nd = new_deque(vm, d.class, d.maxlen, false)?;
    vm.temp_roots.push(nd.value());
    let r = (|| {
        let items: Vec<Value> = d.items.iter().chain(e.items.iter()).copied().collect();
        for v in items {
            push(vm, nd, v, false)?;
        }
        Ok(nd.value())
    })();
    vm.temp_roots.pop();
    r
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let other = arg(vm, args, 1, "__iadd__")?;
    extend(vm, d, other, false)?;
    Ok(args[0])
}

fn repeat_into(vm: &mut Vm, d: Gc<DequeObj>, items: &[Value], n: i64) -> PyResult<()> {
    for _ in 0..n.max(0) {
        for &v in items {
            push(vm, d, v, false)?;
        }
    }
    Ok(())
}

fn mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let n = arg(vm, args, 1, "__mul__")?;
    if crate::ops::as_num(&n).is_none() || n.is_float() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let n = vm.to_index(n)?;
    let items: Vec<Value> = d.items.iter().copied().collect();
    let nd = new_deque(vm, d.class, d.maxlen, false)?;
    vm.temp_roots.push(nd.value());
    let r = repeat_into(vm, nd, &items, n);
    vm.temp_roots.pop();
    r?;
    Ok(nd.value())
}

fn imul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let d = this(vm, args)?;
    let n = arg(vm, args, 1, "__imul__")?;
    let n = vm.to_index(n)?;
    let items: Vec<Value> = d.items.iter().copied().collect();
    {
        let o = d.get_mut();
        o.items.clear();
        o.state = o.state.wrapping_add(1);
    }
    vm.temp_roots.extend_from_slice(&items);
    let r = repeat_into(vm, d, &items, n);
    vm.temp_roots.truncate(vm.temp_roots.len() - items.len());
    r?;
    Ok(args[0])
}

fn install_deque(vm: &mut Vm) -> PyResult<(Gc<TypeObj>, Gc<TypeObj>)> {
    let t = vm.new_builtin_type("deque", "collections", &[])?;
    vm.set_make_new(t, deque_new);
    vm.add_methods(
        t,
        &[
            ("append", append),
            ("appendleft", appendleft),
            ("pop", pop),
            ("popleft", popleft),
            ("extend", extend_m),
            ("extendleft", extendleft),
            ("rotate", rotate),
            ("clear", clear),
            ("copy", copy),
            ("__copy__", copy),
            ("count", count),
            ("index", index),
            ("remove", remove),
            ("insert", insert),
            ("reverse", reverse),
            ("__len__", len),
            ("__bool__", bool_),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
        ],
    )?;
    vm.add_class_attr(t, "__hash__", Value::NONE);
    vm.add_property(t, "maxlen", maxlen)?;
    let it = vm.new_builtin_type("_deque_iterator", "collections", &[])?;
    it.get_mut().make_new = None;
    vm.add_methods(it, &[("__next__", iter_next), ("__iter__", iter_self)])?;
    Ok((t, it))
}

// ---- namedtuple ----

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`
fn namedtuple(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let typename = arg(vm, args, 0, "namedtuple")?;
    let fields_v = match args.get(1).copied().or_else(|| kwarg(kw, "field_names")) {
        Some(f) => f,
        None => return Err(vm.type_error("namedtuple() missing 1 required positional argument: 'field_names'")),
    };
    for p in kw.chunks_exact(2) {
        if !matches!(as_str(&p[0]), Some("field_names" | "rename" | "defaults" | "module")) {
            return Err(vm.type_error(format!(
                "namedtuple() got an unexpected keyword argument '{}'",
                crate::obj::str_surrogates::kw_name(&p[0])
            )));
        }
    }
    let rename = match kwarg(kw, "rename") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // (Names are identifiers: lone surrogates are `UnicodeEncodeError`.)
    let Some(tname) = crate::obj::str_surrogates::utf8(vm, &typename)?.map(str::to_owned) else {
        return Err(vm.type_error("namedtuple() typename must be a str"));
    };
    let mut names: Vec<String> = Vec::new();
    if let Some(s) = crate::obj::str_surrogates::utf8(vm, &fields_v)? {
        names.extend(s.replace(',', " ").split_whitespace().map(str::to_owned));
    } else {
        let fields = vm.collect_iterable(fields_v)?;
        // A field's `__str__` can collect: the fields after it stay rooted.
        vm.with_roots(&fields, |vm| {
            for &f in &fields {
                let s = vm.str_of(f)?;
                names.push(s);
            }
            Ok(())
        })?;
    }
    if rename {
        let mut seen = std::collections::HashSet::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !is_identifier(n) || KEYWORDS.contains(&n.as_str()) || n.starts_with('_') || !seen.insert(n.clone()) {
                *n = format!("_{i}");
            }
        }
    }
    for n in std::iter::once(&tname).chain(names.iter()) {
        if !is_identifier(n) {
            return Err(vm.value_error(format!("Type names and field names must be valid identifiers: '{n}'")));
        }
        if KEYWORDS.contains(&n.as_str()) {
            return Err(vm.value_error(format!("Type names and field names cannot be a keyword: '{n}'")));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for n in &names {
        if n.starts_with('_') && !rename {
            return Err(vm.value_error(format!("Field names cannot start with an underscore: '{n}'")));
        }
        if !seen.insert(n.as_str()) {
            return Err(vm.value_error(format!("Encountered duplicate field name: '{n}'")));
        }
    }
    let defaults = match kwarg(kw, "defaults") {
        Some(d) if !d.is_none() => vm.collect_iterable(d)?,
        _ => Vec::new(),
    };
    if defaults.len() > names.len() {
        return Err(vm.type_error("Got more default values than field names"));
    }

    let ns = vm.new_dict()?;
    vm.temp_roots.push(ns.value());
    let r = (|| {
        let field_vals: Vec<Value> = names.iter().map(|n| Value::qstr(Qstr::new(n))).collect();
        let fields_t = vm.new_tuple(field_vals.clone())?;
        let fd = vm.new_dict()?;
        let first_default = names.len() - defaults.len();
        for (i, &dv) in defaults.iter().enumerate() {
            fd.get_mut().set_qstr(Qstr::new(&names[first_default + i]), dv);
        }
        let nsm = ns.get_mut();
        nsm.set_qstr(Qstr::new("_fields"), fields_t);
        nsm.set_qstr(Qstr::new("__match_args__"), fields_t);
        nsm.set_qstr(Qstr::new("_field_defaults"), fd.value());
        nsm.set_qstr(q::__doc__, Value::NONE);
        let newf = vm.new_builtin_fn("__new__", nt_new)?;
        let sm = vm.alloc(StaticMethodObj { func: newf })?;
        ns.get_mut().set_qstr(q::__new__, sm.value());
        let makef = vm.new_builtin_fn("_make", nt_make)?;
        let cm = vm.alloc(ClassMethodObj { func: makef })?;
        ns.get_mut().set_qstr(Qstr::new("_make"), cm.value());
        for (i, n) in names.iter().enumerate() {
            let getter = vm.alloc(BuiltinFunctionObj {
                name: Qstr::new(n),
                f: nt_getfield,
                bound_self: Value::small_int(i as i64),
                module: Qstr::new("collections"),
            })?;
            let p =
                vm.alloc(PropertyObj { fget: getter.value(), fset: Value::NONE, fdel: Value::NONE, doc: Value::NONE })?;
            ns.get_mut().set_qstr(Qstr::new(n), p.value());
        }
        // Instance methods written in Python (they need the instance, not its tuple).
        let cd = crate::modules::io::builtin_module_dict(vm, "collections")?;
        for (slot, helper) in [
            ("__repr__", "_nt_repr"),
            ("_replace", "_nt_replace"),
            ("_asdict", "_nt_asdict"),
            ("__getnewargs__", "_nt_getnewargs"),
        ] {
            if let Some(f) = cd.get_qstr(Qstr::new(helper)) {
                ns.get_mut().set_qstr(Qstr::new(slot), f);
            }
        }
        if let Some(m) = kwarg(kw, "module").filter(|m| !m.is_none()) {
            ns.get_mut().set_qstr(q::__module__, m);
        }
        let tuple_t = vm.types.tuple;
        let cls = vm.create_class(Value::NULL, Qstr::new(&tname), vec![tuple_t], ns, &[])?;
        Ok(cls.value())
    })();
    vm.temp_roots.pop();
    r
}

/// The `_fields` of a namedtuple class, and its default values (for the last fields).
fn nt_spec(vm: &mut Vm, cls: Gc<TypeObj>) -> PyResult<(Vec<Value>, Option<Gc<DictObj>>)> {
    let fields = cls.lookup(Qstr::new("_fields")).and_then(|f| f.downcast::<TupleObj>());
    let Some(fields) = fields else { return Err(vm.type_error("namedtuple class has no _fields")) };
    let defaults = cls.lookup(Qstr::new("_field_defaults")).and_then(|d| d.downcast::<DictObj>());
    Ok((fields.items().to_vec(), defaults.filter(|d| !d.is_empty())))
}

fn nt_instance(vm: &mut Vm, cls: Gc<TypeObj>, items: Vec<Value>) -> R {
    let t = vm.new_tuple(items)?;
    let dict = vm.new_dict()?;
    Ok(vm.alloc(InstanceObj { class: cls, dict, base: t })?.value())
}

fn nt_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let Some(cls) = args.first().and_then(|c| c.downcast::<TypeObj>()) else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let (fields, defaults) = nt_spec(vm, cls)?;
    let pos = &args[1..];
    let n = fields.len();
    if pos.len() > n {
        let ndef = defaults.map_or(0, |d| d.len());
        let takes = if ndef > 0 { format!("from {} to {}", n - ndef + 1, n + 1) } else { (n + 1).to_string() };
        return Err(vm.type_error(format!(
            "{}.__new__() takes {takes} positional arguments but {} were given",
            cls.name,
            pos.len() + 1
        )));
    }
    let mut items: Vec<Value> = Vec::with_capacity(n);
    items.extend_from_slice(pos);
    items.resize(n, Value::NULL);
    for p in kw.chunks_exact(2) {
        let name = crate::obj::str_surrogates::kw_name(&p[0]);
        match fields.iter().position(|f| as_str(f) == Some(&*name)) {
            Some(i) if items[i].is_null() => items[i] = p[1],
            Some(_) => {
                return Err(vm.type_error(format!("{}.__new__() got multiple values for argument '{name}'", cls.name)))
            }
            None => {
                return Err(vm.type_error(format!("{}.__new__() got an unexpected keyword argument '{name}'", cls.name)))
            }
        }
    }
    let mut missing = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        if item.is_null() {
            let dv = match defaults {
                Some(d) => d.get_qstr(Qstr::new(as_str(&fields[i]).unwrap_or(""))),
                None => None,
            };
            match dv {
                Some(v) => *item = v,
                None => missing.push(format!("'{}'", as_str(&fields[i]).unwrap_or(""))),
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!("{}, and {}", missing[..missing.len() - 1].join(", "), missing[missing.len() - 1]),
        };
        return Err(vm.type_error(format!(
            "{}.__new__() missing {} required positional argument{}: {list}",
            cls.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    nt_instance(vm, cls, items)
}

fn nt_make(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let Some(cls) = args.first().and_then(|c| c.downcast::<TypeObj>()) else {
        return Err(vm.type_error("_make() needs a class"));
    };
    let it = arg(vm, args, 1, "_make")?;
    let (fields, _) = nt_spec(vm, cls)?;
    let items = vm.collect_iterable(it)?;
    if items.len() != fields.len() {
        return Err(vm.type_error(format!("Expected {} arguments, got {}", fields.len(), items.len())));
    }
    nt_instance(vm, cls, items)
}

fn nt_getfield(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let i = args.first().and_then(|v| v.as_small_int()).unwrap_or(0) as usize;
    let obj = arg(vm, args, 1, "namedtuple field")?;
    let base = vm.builtin_receiver(obj);
    match base.downcast::<TupleObj>().and_then(|t| t.items().get(i).copied()) {
        Some(v) => Ok(v),
        None => {
            Err(vm.type_error(format!("descriptor for field {i} doesn't apply to a '{}' object", vm.type_name(obj))))
        }
    }
}

// ---- helpers for the Python-level classes ----

/// `OrderedDict.move_to_end(key, last=True)` on the dict itself.
fn od_move_to_end(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let Some(d) = args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<DictObj>()) else {
        return Err(vm.type_error("move_to_end() needs an OrderedDict"));
    };
    let key = arg(vm, args, 1, "move_to_end")?;
    let last = match args.get(2).copied().or_else(|| kwarg(kw, "last")) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let h = vm.hash(key)?;
    let Some(i) = DictObj::find(d, h, key, &mut |a, b| vm.eq(a, b))? else {
        return Err(vm.key_error(key));
    };
    let Some((k, v)) = d.entry_at(i) else { return Err(vm.key_error(key)) };
    let version = d.version;
    if last {
        let dm = d.get_mut();
        dm.remove_at(i);
        dm.insert_new(h, k, v);
    } else {
        let mut nd = DictObj::with_capacity(d.len());
        nd.insert_new(h, k, v);
        for e in d.raw_entries() {
            if !e.key.is_null() && e.key != k {
                nd.insert_new(e.hash, e.key, e.value);
            }
        }
        nd.version = version.wrapping_add(nd.version).wrapping_add(1);
        *d.get_mut() = nd;
    }
    Ok(Value::NONE)
}

/// `OrderedDict.popitem(last=True)` on the dict itself.
fn od_popitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let Some(d) = args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<DictObj>()) else {
        return Err(vm.type_error("popitem() needs an OrderedDict"));
    };
    let last = match args.get(1).copied().or_else(|| kwarg(kw, "last")) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let kv = if last {
        d.get_mut().pop_last()
    } else {
        match d.raw_entries().iter().position(|e| !e.key.is_null()) {
            Some(i) => {
                let k = d.raw_entries()[i].key;
                let v = d.get_mut().remove_at(i);
                Some((k, v))
            }
            None => None,
        }
    };
    match kv {
        Some((k, v)) => vm.new_tuple_from(&[k, v]),
        None => Err(vm.new_exception(ExcKind::KeyError, "dictionary is empty")),
    }
}

/// `_count_elements(counter, iterable)`: add one per element to a dict's counts.
fn count_elements(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let target = arg(vm, args, 0, "_count_elements")?;
    let it = arg(vm, args, 1, "_count_elements")?;
    let Some(d) = vm.builtin_receiver(target).downcast::<DictObj>() else {
        return Err(vm.type_error("_count_elements() needs a dict"));
    };
    let iter = vm.get_iter(it)?;
    vm.temp_roots.push(iter);
    let r = (|| {
        while let Some(x) = vm.iter_next(iter)? {
            // `x` (perhaps made by the iterator) outlives Python code run by its
            // hashing and by a count's `__add__`.
            vm.with_roots(&[x], |vm| {
                let one = Value::small_int(1);
                let n = match vm.dict_get(d, x)? {
                    Some(c) => vm.binary_op(krait_syntax::ast::BinOp::Add, c, one)?,
                    None => one,
                };
                vm.dict_set(d, x, n)
            })?;
        }
        Ok(Value::NONE)
    })();
    vm.temp_roots.pop();
    r
}

/// The Python-level parts of the module.
const COLLECTIONS_PY: &str = r#"
def _nt_repr(self):
    return self.__class__.__name__ + "(" + ", ".join([f + "=" + repr(v) for f, v in zip(self._fields, self)]) + ")"

def _nt_replace(self, /, **kwds):
    values = [kwds.pop(f) if f in kwds else v for f, v in zip(self._fields, self)]
    if kwds:
        raise ValueError("Got unexpected field names: %r" % list(kwds))
    return self._make(values)

def _nt_asdict(self):
    return dict(zip(self._fields, self))

def _nt_getnewargs(self):
    return tuple(self)

class OrderedDict(dict):
    move_to_end = _od_move_to_end
    popitem = _od_popitem

    def __repr__(self):
        # MicroPython's form (CPython 3.12's too, except that it shows an empty one as `OrderedDict()`).
        return self.__class__.__name__ + "(" + dict.__repr__(self) + ")"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def __reversed__(self):
        return reversed(list(self))

    def copy(self):
        return self.__class__(self)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        if args or kwargs:
            dict.update(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        return "%s(%s, %s)" % (self.__class__.__name__, "None" if f is None else repr(f), dict.__repr__(self))

    def copy(self):
        return self.__class__(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + "()"
        return self.__class__.__name__ + "({" + ", ".join([repr(k) + ": " + repr(v) for k, v in self.most_common()]) + "})"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for k in self:
            if self[k] != other[k]:
                return False
        for k in other:
            if self[k] != other[k]:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
"#;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "collections",
        &[("namedtuple", namedtuple), ("_count_elements", count_elements)],
    )?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;
    let (dq, dqi) = install_deque(vm)?;
    md.get_mut().set_qstr(Qstr::new("deque"), dq.value());
    crate::modules::io::set_module_types(vm, m, &[dqi])?;
    // Methods (binding `self`, seeing through to the dict) for OrderedDict's class body.
    let mte = vm.new_builtin_method("move_to_end", od_move_to_end)?;
    md.get_mut().set_qstr(Qstr::new("_od_move_to_end"), mte);
    let pi = vm.new_builtin_method("popitem", od_popitem)?;
    md.get_mut().set_qstr(Qstr::new("_od_popitem"), pi);
    vm.temp_roots.push(m);
    let r = crate::modules::io::run_module_source(vm, md, COLLECTIONS_PY, "<collections>");
    vm.temp_roots.pop();
    r?;
    // The helpers stay reachable through the classes; drop the scaffolding names.
    for name in ["_od_move_to_end", "_od_popitem"] {
        md.get_mut().remove_qstr(Qstr::new(name));
    }
    Ok(m)
}

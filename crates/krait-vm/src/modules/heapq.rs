//! `heapq`: binary min-heaps on lists (`heappush`, `heappop`, `heapify`,
//! `heapreplace`, `heappushpop`) and CPython's `nlargest`, `nsmallest` and
//! `merge`. Items are compared with `<` (`Vm::compare`), which may run Python
//! code: every item held outside the list meanwhile is rooted, and a list that
//! changes size under us raises `RuntimeError` instead of indexing out of bounds.

use krait_syntax::ast::CmpOp;
use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::str::as_str;
use crate::obj::{ListObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::math::check_args;

type R = PyResult<Value>;

/// `a < b`, with the common number cases inline.
#[inline]
fn lt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if Value::both_small_ints(a, b) {
        return Ok(a.as_small_int_unchecked() < b.as_small_int_unchecked());
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(x < y);
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    match r {
        Value::TRUE => Ok(true),
        Value::FALSE => Ok(false),
        _ => vm.truthy(r),
    }
}

fn heap_arg(vm: &mut Vm, v: Value) -> PyResult<Gc<ListObj>> {
    match vm.builtin_receiver(v).downcast::<ListObj>() {
        Some(l) => Ok(l),
        None => Err(vm.type_error("heap must be a list")),
    }
}

fn changed(vm: &mut Vm) -> crate::error::PyErr {
    vm.new_exception(ExcKind::RuntimeError, "list changed size during iteration")
}

fn get(vm: &mut Vm, h: Gc<ListObj>, i: usize, len: usize) -> PyResult<Value> {
    match h.items.get(i) {
        Some(&v) if h.items.len() == len => Ok(v),
        _ => Err(changed(vm)),
    }
}

fn set(vm: &mut Vm, h: Gc<ListObj>, i: usize, v: Value, len: usize) -> PyResult<()> {
    let items = &mut h.get_mut().items;
    if items.len() != len || i >= len {
        return Err(changed(vm));
    }
    items[i] = v;
    Ok(())
}

/// Move the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm, h: Gc<ListObj>, start: usize, mut pos: usize) -> PyResult<()> {
    let len = h.items.len();
    let item = get(vm, h, pos, len)?;
    vm.temp_roots.push(item);
    let r = (|| {
        while pos > start {
            let parent_pos = (pos - 1) >> 1;
            let parent = get(vm, h, parent_pos, len)?;
            if !lt(vm, item, parent)? {
                break;
            }
            set(vm, h, pos, parent, len)?;
            pos = parent_pos;
        }
        set(vm, h, pos, item, len)
    })();
    vm.temp_roots.pop();
    r
}

/// Move the smaller child up until a leaf is reached, put the item at `pos` there
/// and sift it back up (CPython's bottom-up variant: fewer comparisons).
fn sift_up(vm: &mut Vm, h: Gc<ListObj>, mut pos: usize) -> PyResult<()> {
    let len = h.items.len();
    let start = pos;
    let item = get(vm, h, pos, len)?;
    vm.temp_roots.push(item);
    let r = (|| {
        let mut child = 2 * pos + 1;
        while child < len {
            let right = child + 1;
            if right < len {
                let (a, b) = (get(vm, h, child, len)?, get(vm, h, right, len)?);
                if !lt(vm, a, b)? {
                    child = right;
                }
            }
            let c = get(vm, h, child, len)?;
            set(vm, h, pos, c, len)?;
            pos = child;
            child = 2 * pos + 1;
        }
        set(vm, h, pos, item, len)?;
        sift_down(vm, h, start, pos)
    })();
    vm.temp_roots.pop();
    r
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let h = heap_arg(vm, args[0])?;
    vm.charge(8)?;
    h.get_mut().items.push(args[1]);
    let n = h.items.len();
    sift_down(vm, h, 0, n - 1)?;
    Ok(Value::NONE)
}

fn pop_last(vm: &mut Vm, h: Gc<ListObj>) -> R {
    match h.get_mut().items.pop() {
        Some(v) => Ok(v),
        None => Err(vm.index_error("empty heap")),
    }
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let h = heap_arg(vm, args[0])?;
    let last = pop_last(vm, h)?;
    if h.items.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut h.get_mut().items[0], last);
    vm.temp_roots.push(top);
    let r = sift_up(vm, h, 0);
    vm.temp_roots.pop();
    r.map(|_| top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let h = heap_arg(vm, args[0])?;
    let Some(slot) = h.get_mut().items.first_mut() else { return Err(vm.index_error("empty heap")) };
    let top = std::mem::replace(slot, args[1]);
    vm.temp_roots.push(top);
    let r = sift_up(vm, h, 0);
    vm.temp_roots.pop();
    r.map(|_| top)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let h = heap_arg(vm, args[0])?;
    let item = args[1];
    let Some(&top) = h.items.first() else { return Ok(item) };
    if !lt(vm, top, item)? {
        return Ok(item);
    }
    let Some(slot) = h.get_mut().items.first_mut() else { return Err(changed(vm)) };
    let top = std::mem::replace(slot, item);
    vm.temp_roots.push(top);
    let r = sift_up(vm, h, 0);
    vm.temp_roots.pop();
    r.map(|_| top)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let h = heap_arg(vm, args[0])?;
    let n = h.items.len();
    for i in (0..n / 2).rev() {
        sift_up(vm, h, i)?;
    }
    Ok(Value::NONE)
}

/// `nlargest` / `nsmallest`: `sorted(iterable, key=key, reverse=…)[:n]`, stable.
fn n_best(vm: &mut Vm, args: &[Value], kw: &[Value], reverse: bool) -> R {
    if args.len() != 2 {
        return Err(vm.type_error(format!("function takes 2 positional arguments but {} were given", args.len())));
    }
    let n = vm.to_index(args[0])?;
    let items = vm.collect_iterable(args[1])?;
    let list = vm.new_list(items)?;
    if n <= 0 {
        return vm.new_list(Vec::new());
    }
    vm.temp_roots.push(list);
    let mut skw = vec![Value::qstr(Qstr::new("reverse")), Value::bool(reverse)];
    if let Some(k) = kwarg(kw, "key").filter(|k| !k.is_none()) {
        skw.push(Value::qstr(Qstr::new("key")));
        skw.push(k);
    }
    let r = crate::sort::list_sort(vm, list, &skw);
    vm.temp_roots.pop();
    r?;
    let l = Gc::<ListObj>::from_value_unchecked(list);
    l.get_mut().items.truncate(n as usize);
    Ok(list)
}

fn nlargest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    n_best(vm, args, kw, true)
}

fn nsmallest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    n_best(vm, args, kw, false)
}

// ---- merge ----

/// The lazy iterator `heapq.merge` returns.
pub struct MergeObj {
    /// The input iterators (NULL once exhausted).
    iters: Vec<Value>,
    /// For each input: its current (key, value), or NULLs when it has none.
    heads: Vec<(Value, Value)>,
    key: Value,
    reverse: bool,
    started: bool,
    class: Gc<TypeObj>,
}

impl PyObj for MergeObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.iters);
        for &(k, v) in &self.heads {
            t.mark(k);
            t.mark(v);
        }
        t.mark(self.key);
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.iters.capacity() * 8 + self.heads.capacity() * 16
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn merge_type(vm: &mut Vm) -> PyResult<Gc<TypeObj>> {
    let module = vm.modules.get_qstr(Qstr::new("heapq")).and_then(|m| m.downcast::<crate::obj::ModuleObj>());
    if let Some(t) = module.and_then(|m| m.dict.get_qstr(Qstr::new("_merge"))).and_then(|t| t.downcast::<TypeObj>()) {
        return Ok(t);
    }
    let t = vm.new_builtin_type("merge", "heapq", &[])?;
    vm.add_methods(t, &[("__iter__", merge_iter), ("__next__", merge_next)])?;
    if let Some(m) = module {
        m.dict.get_mut().set_qstr(Qstr::new("_merge"), t.value());
    }
    Ok(t)
}

fn merge(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    for pair in kw.chunks_exact(2) {
        if !matches!(as_str(&pair[0]), Some("key" | "reverse")) {
            return Err(vm.type_error("merge() got an unexpected keyword argument"));
        }
    }
    let key = kwarg(kw, "key").filter(|k| !k.is_none()).unwrap_or(Value::NULL);
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let class = merge_type(vm)?;
    let m = vm.alloc(MergeObj {
        iters: Vec::with_capacity(args.len()),
        heads: vec![(Value::NULL, Value::NULL); args.len()],
        key,
        reverse,
        started: false,
        class,
    })?;
    vm.temp_roots.push(m.value());
    let r = (|| {
        for &a in args {
            let it = vm.get_iter(a)?;
            m.get_mut().iters.push(it);
        }
        Ok(m.value())
    })();
    vm.temp_roots.pop();
    r
}

fn merge_this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<MergeObj>> {
    match args.first().and_then(|v| v.downcast::<MergeObj>()) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("merge method needs a merge object")),
    }
}

fn merge_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(merge_this(vm, args)?.value())
}

/// Fetch the next item of input `i` into its head slot (or mark it exhausted).
fn advance(vm: &mut Vm, m: Gc<MergeObj>, i: usize) -> PyResult<()> {
    let it = m.iters[i];
    if it.is_null() {
        return Ok(());
    }
    match vm.iter_next(it)? {
        Some(v) => {
            m.get_mut().heads[i] = (v, v);
            if !m.key.is_null() {
                let k = vm.call_value(m.key, &[v], &[])?;
                m.get_mut().heads[i] = (k, v);
            }
        }
        None => {
            let mm = m.get_mut();
            mm.iters[i] = Value::NULL;
            mm.heads[i] = (Value::NULL, Value::NULL);
        }
    }
    Ok(())
}

fn merge_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = merge_this(vm, args)?;
    if !m.started {
        m.get_mut().started = true;
        for i in 0..m.iters.len() {
            advance(vm, m, i)?;
        }
    }
    // The smallest head (largest when reversed); ties go to the earliest input.
    let mut best: Option<usize> = None;
    for i in 0..m.heads.len() {
        let (k, _) = m.heads[i];
        if k.is_null() {
            continue;
        }
        best = match best {
            None => Some(i),
            Some(b) => {
                let bk = m.heads[b].0;
                // Keep both keys alive even if the comparison re-enters the merge.
                vm.temp_roots.push(bk);
                vm.temp_roots.push(k);
                let better = if m.reverse { lt(vm, bk, k) } else { lt(vm, k, bk) };
                vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                let better = better?;
                if better {
                    Some(i)
                } else {
                    Some(b)
                }
            }
        };
    }
    let Some(b) = best else { return Err(vm.stop_iteration(Value::NONE)) };
    let v = m.heads[b].1;
    vm.temp_roots.push(v);
    let r = advance(vm, m, b);
    vm.temp_roots.pop();
    r.map(|_| v)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("nlargest", nlargest),
            ("nsmallest", nsmallest),
            ("merge", merge),
        ],
    )?;
    merge_type(vm)?;
    Ok(m)
}

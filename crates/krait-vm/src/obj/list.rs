//! `list`: a growable sequence.

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct ListObj {
    pub items: Vec<Value>,
}

impl PyObj for ListObj {
    const KIND: ObjKind = ObjKind::List;
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.items);
    }
    fn extra_size(&self) -> usize {
        self.items.capacity() * 8
    }
}

use crate::class::arg;
use crate::error::PyResult;
use crate::gc::Gc;
use crate::sig;
use crate::vm::Vm;

type R = PyResult<Value>;

/// The list behind `self` (a list, or a user subclass's base list).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<ListObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<ListObj>()) {
        Some(l) => Ok(l),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'list' object"))),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "append")?;
    let v = arg(vm, args, 1, "append")?;
    vm.list_append(l.value(), v)?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "extend")?;
    let v = arg(vm, args, 1, "extend")?;
    vm.list_extend(l.value(), v)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "insert")?;
    let i = arg(vm, args, 1, "insert")?;
    let v = arg(vm, args, 2, "insert")?;
    let i = vm.to_index(i)?;
    let n = l.items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    vm.charge(8)?;
    l.get_mut().items.insert(pos, v);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "pop")?;
    if l.items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&v) => vm.to_index(v)?,
        None => -1,
    };
    // (The length is read after `__index__`, which may change the list.)
    let n = l.items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.get_mut().items.remove(j as usize))
}

fn find_index(vm: &mut Vm, l: Gc<ListObj>, v: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(l.items.len()) {
        let x = l.items[i];
        if x == v || vm.eq(x, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "remove")?;
    let v = arg(vm, args, 1, "remove")?;
    match find_index(vm, l, v, 0, usize::MAX)? {
        Some(i) => {
            // (`__eq__` may have shrunk the list meanwhile: as CPython's, the
            // deletion is then of an empty slice.)
            if i < l.items.len() {
                l.get_mut().items.remove(i);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// `start`/`stop` arguments of `index`, clamped to `0..=len`.
pub fn index_range(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        let n = len as i64;
        (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize
    };
    let start = match args.get(from) {
        Some(&v) => clamp(vm.to_index(v)?),
        None => 0,
    };
    let stop = match args.get(from + 1) {
        Some(&v) => clamp(vm.to_index(v)?),
        None => len,
    };
    Ok((start, stop))
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "index")?;
    let v = arg(vm, args, 1, "index")?;
    let (start, stop) = index_range(vm, args, 2, l.items.len())?;
    match find_index(vm, l, v, start, stop)? {
        Some(i) => vm.new_int(i as i64),
        None => Err(vm.value_error("object not in sequence")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "count")?;
    let v = arg(vm, args, 1, "count")?;
    let mut n = 0;
    let mut i = 0;
    while i < l.items.len() {
        let x = l.items[i];
        if x == v || vm.eq(x, v)? {
            n += 1;
        }
        i += 1;
    }
    vm.new_int(n)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "reverse")?;
    l.get_mut().items.reverse();
    Ok(Value::NONE)
}

fn sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let l = this(vm, args, "sort")?;
    crate::sort::list_sort(vm, l.value(), kw)?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "copy")?;
    let items = l.items.clone();
    vm.new_list(items)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "clear")?;
    l.get_mut().items.clear();
    Ok(Value::NONE)
}

fn init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let l = this(vm, args, "__init__")?;
    let items = match args.get(1) {
        Some(&v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    l.get_mut().items = items;
    Ok(Value::NONE)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.list;
    vm.add_methods(
        t,
        &[
            ("append", sig!(append, 2)),
            ("extend", sig!(extend, 2)),
            ("insert", sig!(insert, 3)),
            ("pop", sig!(pop, 1..=2)),
            ("remove", sig!(remove, 2)),
            ("index", sig!(index, 2..=4)),
            ("count", sig!(count, 2)),
            ("reverse", sig!(reverse, 1)),
            ("sort", sig!(sort, 1, kw)),
            ("copy", sig!(copy, 1)),
            ("clear", sig!(clear, 1)),
            ("__init__", sig!(init, 1..=2)),
        ],
    )
}

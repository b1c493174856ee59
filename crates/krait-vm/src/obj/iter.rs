//! Built-in iterators: over sequences, ranges, dicts and sets, and the lazy
//! builtins (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`).

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub enum IterState {
    /// list, tuple, bytes, bytearray, or any object with `__getitem__`: index until IndexError.
    Seq {
        seq: Value,
        index: usize,
    },
    /// A str: iterates characters; `pos` is a byte offset.
    Str {
        s: Value,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a dict (`what`: 0 keys, 1 values, 2 items) or a set (keys); `index` is
    /// an entry position; `len` the size when iteration started (change → RuntimeError).
    Dict {
        dict: Value,
        index: usize,
        what: u8,
        len: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    /// Backwards over a sequence; `index` counts down to 0.
    Reversed {
        seq: Value,
        index: usize,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

pub struct IterObj {
    pub state: IterState,
}

impl PyObj for IterObj {
    const KIND: ObjKind = ObjKind::Iterator;
    fn trace(&self, t: &mut Tracer) {
        match &self.state {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => t.mark(*seq),
            IterState::Str { s, .. } => t.mark(*s),
            IterState::Range { .. } | IterState::Exhausted => {}
            IterState::Dict { dict, .. } => t.mark(*dict),
            IterState::Enumerate { it, count } => {
                t.mark(*it);
                t.mark(*count);
            }
            IterState::Zip { its, .. } => t.mark_all(its),
            IterState::Map { func, its } => {
                t.mark(*func);
                t.mark_all(its);
            }
            IterState::Filter { func, it } => {
                t.mark(*func);
                t.mark(*it);
            }
            IterState::Callable { func, sentinel } => {
                t.mark(*func);
                t.mark(*sentinel);
            }
        }
    }
}

fn iter_self(vm: &mut crate::vm::Vm, args: &[Value], _kw: &[Value]) -> crate::error::PyResult<Value> {
    crate::class::arg(vm, args, 0, "__iter__")
}

fn iter_next(vm: &mut crate::vm::Vm, args: &[Value], _kw: &[Value]) -> crate::error::PyResult<Value> {
    let it = crate::class::arg(vm, args, 0, "__next__")?;
    let it = vm.builtin_receiver(it);
    vm.iter_next_raw(it)
}

pub fn install(vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    let t = &vm.types;
    for ty in [t.iterator, t.enumerate, t.zip, t.map, t.filter, t.reversed] {
        vm.add_methods(ty, &[("__iter__", iter_self), ("__next__", iter_next)])?;
    }
    Ok(())
}

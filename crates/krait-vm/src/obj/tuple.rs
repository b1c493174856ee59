//! `tuple`: an immutable sequence.

use crate::gc::{ObjKind, PyObj, Tracer};

use crate::value::Value;

pub struct TupleObj {
    pub items: Box<[Value]>,
}

impl PyObj for TupleObj {
    const KIND: ObjKind = ObjKind::Tuple;
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(&self.items);
    }
    fn extra_size(&self) -> usize {
        self.items.len() * 8
    }
}

use crate::class::arg;
use crate::error::PyResult;
use crate::gc::Gc;
use crate::sig;
use crate::vm::Vm;

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<TupleObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<TupleObj>()) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'tuple' object"))),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args, "index")?;
    let v = arg(vm, args, 1, "index")?;
    let (start, stop) = crate::obj::list::index_range(vm, args, 2, t.items.len())?;
    for i in start..stop {
        let x = t.items[i];
        if x == v || vm.eq(x, v)? {
            return vm.new_int(i as i64);
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args, "count")?;
    let v = arg(vm, args, 1, "count")?;
    let mut n = 0;
    for &x in t.items.iter() {
        if x == v || vm.eq(x, v)? {
            n += 1;
        }
    }
    vm.new_int(n)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.tuple;
    vm.add_methods(t, &[("index", sig!(index, 2..=4)), ("count", sig!(count, 2))])
}

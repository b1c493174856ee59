//! Special methods of the built-in containers as callable attributes
//! (`dict.__setitem__(d, k, v)`, `super().__getitem__(i)` in a subclass of list).
//! They forward to the protocols in `ops.rs`, on the built-in base of `self`.

use krait_syntax::ast::{BinOp, CmpOp};

use crate::class::arg;
use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let v = arg(vm, args, 0, name)?;
    Ok(vm.builtin_receiver(v))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__getitem__")?;
    let k = arg(vm, args, 1, "__getitem__")?;
    vm.getitem(o, k)
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__setitem__")?;
    let k = arg(vm, args, 1, "__setitem__")?;
    let v = arg(vm, args, 2, "__setitem__")?;
    vm.setitem(o, k, v)?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__delitem__")?;
    let k = arg(vm, args, 1, "__delitem__")?;
    vm.delitem(o, k)?;
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__len__")?;
    let n = vm.len(o)?;
    vm.new_int(n as i64)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__contains__")?;
    let k = arg(vm, args, 1, "__contains__")?;
    Ok(Value::bool(vm.contains(o, k)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__iter__")?;
    vm.get_iter(o)
}

fn binop(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> R {
    let o = recv(vm, args, name)?;
    let x = arg(vm, args, 1, name)?;
    match vm.binary_op(op, o, x) {
        Ok(v) => Ok(v),
        Err(e) if vm.exc_matches(e, crate::error::ExcKind::TypeError) => Ok(Value::NOT_IMPLEMENTED),
        Err(e) => Err(e),
    }
}

fn add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    binop(vm, args, BinOp::Add, "__add__")
}

fn mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    binop(vm, args, BinOp::Mult, "__mul__")
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> R {
    let o = recv(vm, args, name)?;
    let x = arg(vm, args, 1, name)?;
    let x = vm.builtin_receiver(x);
    vm.compare(op, o, x)
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::Eq, "__eq__")
}
fn ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::NotEq, "__ne__")
}
fn lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::Lt, "__lt__")
}
fn le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::LtE, "__le__")
}
fn gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::Gt, "__gt__")
}
fn ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    cmp(vm, args, CmpOp::GtE, "__ge__")
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__hash__")?;
    let h = vm.hash(o)? as i64;
    vm.new_int(h)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__repr__")?;
    vm.repr_value(o)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.clone();
    let seq_read: &[(&str, crate::obj::NativeFn)] =
        &[("__getitem__", getitem), ("__len__", len), ("__contains__", contains), ("__iter__", iter)];
    let compare: &[(&str, crate::obj::NativeFn)] = &[
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__repr__", repr),
    ];
    for ty in [t.list, t.tuple, t.dict, t.str_, t.bytes, t.bytearray, t.range] {
        vm.add_methods(ty, seq_read)?;
    }
    for ty in [t.set, t.frozenset] {
        vm.add_methods(ty, &[("__len__", len), ("__contains__", contains), ("__iter__", iter)])?;
    }
    for ty in [t.list, t.dict, t.bytearray] {
        vm.add_methods(ty, &[("__setitem__", setitem), ("__delitem__", delitem)])?;
    }
    for ty in [t.list, t.tuple, t.str_, t.bytes, t.bytearray] {
        vm.add_methods(ty, &[("__add__", add), ("__mul__", mul)])?;
    }
    for ty in [t.list, t.tuple, t.dict, t.set, t.frozenset, t.str_, t.bytes, t.bytearray, t.int, t.float] {
        vm.add_methods(ty, compare)?;
    }
    for ty in [t.tuple, t.str_, t.bytes, t.int, t.float, t.frozenset] {
        vm.add_methods(ty, &[("__hash__", hash)])?;
    }
    Ok(())
}

//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.

use crate::class::arg;
use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::iter::{IterObj, IterState};
use crate::obj::{DictObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

pub const KEYS: u8 = 0;
pub const VALUES: u8 = 1;
pub const ITEMS: u8 = 2;

pub struct DictViewObj {
    pub dict: Gc<DictObj>,
    pub what: u8,
}

impl PyObj for DictViewObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.dict);
    }
    fn class(&self, vm: &Vm) -> Gc<TypeObj> {
        match self.what {
            KEYS => vm.types.dict_keys,
            VALUES => vm.types.dict_values,
            _ => vm.types.dict_items,
        }
    }
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<DictViewObj>> {
    match args.first().and_then(|v| v.downcast::<DictViewObj>()) {
        Some(v) => Ok(v),
        None => Err(vm.type_error("dict view method needs a dict view")),
    }
}

fn view_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(vm, args)?;
    let st = IterState::Dict { dict: v.dict.value(), index: 0, what: v.what, len: v.dict.len() };
    Ok(vm.alloc(IterObj { state: st })?.value())
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(vm, args)?;
    vm.new_int(v.dict.len() as i64)
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(vm, args)?;
    let x = arg(vm, args, 1, "__contains__")?;
    let d = v.dict;
    let r = match v.what {
        KEYS => vm.dict_get(d, x)?.is_some(),
        VALUES => {
            let mut found = false;
            for (_, val) in d.iter().collect::<Vec<_>>() {
                if val == x || vm.eq(val, x)? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => match x.downcast::<crate::obj::TupleObj>() {
            Some(t) if t.items().len() == 2 => {
                let (k, val) = (t.items()[0], t.items()[1]);
                match vm.dict_get(d, k)? {
                    Some(w) => w == val || vm.eq(w, val)?,
                    None => false,
                }
            }
            _ => false,
        },
    };
    Ok(Value::bool(r))
}

/// A view's contents as a set, for the set operators on key and item views.
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = vm.new_set(false)?;
    vm.temp_roots.push(s.value());
    let r = vm.set_update(s, v);
    vm.temp_roots.pop();
    r?;
    Ok(s.value())
}

fn view_setop(vm: &mut Vm, args: &[Value], op: krait_syntax::ast::BinOp) -> PyResult<Value> {
    let a = arg(vm, args, 0, "set operation")?;
    let b = arg(vm, args, 1, "set operation")?;
    let sa = as_set(vm, a)?;
    vm.temp_roots.push(sa);
    let sb = as_set(vm, b);
    let r = sb.and_then(|sb| vm.with_roots(&[sb], |vm| vm.binary_op(op, sa, sb)));
    vm.temp_roots.pop();
    r
}

fn view_and(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, krait_syntax::ast::BinOp::BitAnd)
}
fn view_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, krait_syntax::ast::BinOp::BitOr)
}
fn view_sub(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, krait_syntax::ast::BinOp::Sub)
}
fn view_xor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view_setop(vm, args, krait_syntax::ast::BinOp::BitXor)
}

fn view_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(vm, args)?;
    let other = arg(vm, args, 1, "__eq__")?;
    if v.what == VALUES {
        return Ok(Value::bool(args[0] == other));
    }
    let sa = as_set(vm, args[0])?;
    vm.temp_roots.push(sa);
    let r = if other.is_kind(ObjKind::Set) || other.downcast::<DictViewObj>().is_some() {
        // A set made here is referenced from nowhere else while user `__eq__` runs.
        as_set(vm, other).and_then(|sb| vm.with_roots(&[sb], |vm| vm.eq(sa, sb)))
    } else {
        Ok(false)
    };
    vm.temp_roots.pop();
    Ok(Value::bool(r?))
}

fn view_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(vm, args)?;
    let name = match v.what {
        KEYS => "dict_keys",
        VALUES => "dict_values",
        _ => "dict_items",
    };
    let items = vm.collect_iterable(args[0])?;
    let l = vm.new_list(items)?;
    let inner = vm.repr(l)?;
    vm.new_string(format!("{name}({inner})"))
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    for t in [vm.types.dict_keys, vm.types.dict_values, vm.types.dict_items] {
        vm.add_methods(
            t,
            &[("__iter__", view_iter), ("__len__", view_len), ("__contains__", view_contains), ("__repr__", view_repr)],
        )?;
    }
    for t in [vm.types.dict_keys, vm.types.dict_items] {
        // These views compare by contents (like sets), so they aren't hashable;
        // a values view compares (and hashes) by identity.
        vm.add_class_attr(t, "__hash__", Value::NONE);
    }
    for t in [vm.types.dict_keys, vm.types.dict_items] {
        vm.add_methods(
            t,
            &[
                ("__and__", view_and),
                ("__or__", view_or),
                ("__sub__", view_sub),
                ("__xor__", view_xor),
                ("__eq__", view_eq),
            ],
        )?;
    }
    Ok(())
}

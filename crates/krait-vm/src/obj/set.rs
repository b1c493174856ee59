//! `set` and `frozenset`: hash sets, stored as a dict whose values are unused.
//! A frozenset is a `SetObj` with the `FROZEN` header flag.

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::DictObj;

pub struct SetObj {
    pub map: DictObj,
}

/// Header flag marking a `frozenset`.
pub const FROZEN: u16 = 1;

impl SetObj {
    pub fn is_frozen(g: Gc<SetObj>) -> bool {
        g.header().flags.get() & FROZEN != 0
    }
}

impl PyObj for SetObj {
    const KIND: ObjKind = ObjKind::Set;
    fn trace(&self, t: &mut Tracer) {
        self.map.trace(t);
    }
    fn extra_size(&self) -> usize {
        self.map.extra_size()
    }
}

mod methods {
    use super::SetObj;
    use crate::class::arg;
    use crate::error::PyResult;
    use crate::gc::Gc;
    use crate::sig;
    use crate::value::Value;
    use crate::vm::Vm;
    use krait_syntax::ast::BinOp;

    type R = PyResult<Value>;

    fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<SetObj>> {
        match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<SetObj>()) {
            Some(s) => Ok(s),
            None => Err(vm.type_error(format!("descriptor '{name}' requires a 'set' object"))),
        }
    }

    fn mutable(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<SetObj>> {
        let s = this(vm, args, name)?;
        if SetObj::is_frozen(s) {
            return Err(vm.attribute_error(format!("'frozenset' object has no attribute '{name}'")));
        }
        Ok(s)
    }

    /// Any iterable as a set value (sets pass through).
    fn to_set(vm: &mut Vm, v: Value) -> PyResult<Gc<SetObj>> {
        if let Some(s) = v.downcast::<SetObj>() {
            return Ok(s);
        }
        let s = vm.new_set(false)?;
        vm.temp_roots.push(s.value());
        let r = vm.set_update(s, v);
        vm.temp_roots.pop();
        r?;
        Ok(s)
    }

    fn add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "add")?;
        let v = arg(vm, args, 1, "add")?;
        vm.set_add(s, v)?;
        Ok(Value::NONE)
    }

    fn remove(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "remove")?;
        let v = arg(vm, args, 1, "remove")?;
        if !vm.set_remove(s, v)? {
            return Err(vm.key_error(v));
        }
        Ok(Value::NONE)
    }

    fn discard(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "discard")?;
        let v = arg(vm, args, 1, "discard")?;
        vm.set_remove(s, v)?;
        Ok(Value::NONE)
    }

    fn pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "pop")?;
        let first = s.map.raw_entries().iter().position(|e| !e.key.is_null());
        match first {
            Some(i) => {
                let k = s.map.raw_entries()[i].key;
                s.get_mut().map.remove_at(i);
                Ok(k)
            }
            None => {
                let msg = vm.new_str("pop from an empty set")?;
                Err(vm.key_error(msg))
            }
        }
    }

    fn clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "clear")?;
        s.get_mut().map.clear();
        Ok(Value::NONE)
    }

    fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "copy")?;
        let frozen = SetObj::is_frozen(s);
        let n = vm.new_set(frozen)?;
        n.get_mut().map = s.map.clone_contents();
        Ok(n.value())
    }

    fn update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = mutable(vm, args, "update")?;
        for &o in &args[1..] {
            vm.set_update(s, o)?;
        }
        Ok(Value::NONE)
    }

    fn fold(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> R {
        let s = this(vm, args, name)?;
        let mut acc = s.value();
        for &o in &args[1..] {
            // `acc` may be a set made by the last step, and `os` by `to_set`: both
            // stay rooted while the next step runs user `__hash__`/`__eq__`.
            vm.temp_roots.push(acc);
            let r = to_set(vm, o).and_then(|os| vm.with_roots(&[os.value()], |vm| vm.binary_op(op, acc, os.value())));
            vm.temp_roots.pop();
            acc = r?;
        }
        if acc == s.value() {
            return copy(vm, args, &[]);
        }
        Ok(acc)
    }

    fn union(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold(vm, args, BinOp::BitOr, "union")
    }
    fn intersection(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold(vm, args, BinOp::BitAnd, "intersection")
    }
    fn difference(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold(vm, args, BinOp::Sub, "difference")
    }
    fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold(vm, args, BinOp::BitXor, "symmetric_difference")
    }

    fn fold_update(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> R {
        let s = mutable(vm, args, name)?;
        let r = fold(vm, args, op, name)?;
        let contents = Gc::<SetObj>::from_value_unchecked(r).map.clone_contents();
        s.get_mut().map = contents;
        Ok(Value::NONE)
    }

    fn intersection_update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold_update(vm, args, BinOp::BitAnd, "intersection_update")
    }
    fn difference_update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold_update(vm, args, BinOp::Sub, "difference_update")
    }
    fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        fold_update(vm, args, BinOp::BitXor, "symmetric_difference_update")
    }

    fn issubset(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "issubset")?;
        let o = arg(vm, args, 1, "issubset")?;
        let o = to_set(vm, o)?;
        // A set `to_set` made is referenced from nowhere else while user
        // `__eq__` runs.
        vm.with_roots(&[o.value()], |vm| vm.compare(krait_syntax::ast::CmpOp::LtE, s.value(), o.value()))
    }

    fn issuperset(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "issuperset")?;
        let o = arg(vm, args, 1, "issuperset")?;
        let o = to_set(vm, o)?;
        // A set `to_set` made is referenced from nowhere else while user
        // `__eq__` runs.
        vm.with_roots(&[o.value()], |vm| vm.compare(krait_syntax::ast::CmpOp::GtE, s.value(), o.value()))
    }

    fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "isdisjoint")?;
        let o = arg(vm, args, 1, "isdisjoint")?;
        let items = vm.collect_iterable(o)?;
        // User `__hash__`/`__eq__` can collect: the items (a generator's, say) stay rooted.
        vm.with_roots(&items, |vm| {
            for &k in &items {
                if vm.set_contains(s, k)? {
                    return Ok(Value::FALSE);
                }
            }
            Ok(Value::TRUE)
        })
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let common: &[(&str, crate::obj::NativeFn)] = &[
            ("copy", sig!(copy, 1)),
            ("union", sig!(union, 1..)),
            ("intersection", sig!(intersection, 1..)),
            ("difference", sig!(difference, 1..)),
            ("symmetric_difference", sig!(symmetric_difference, 2)),
            ("issubset", sig!(issubset, 2)),
            ("issuperset", sig!(issuperset, 2)),
            ("isdisjoint", sig!(isdisjoint, 2)),
        ];
        let (s, fs) = (vm.types.set, vm.types.frozenset);
        vm.add_methods(s, common)?;
        vm.add_methods(fs, common)?;
        vm.add_methods(
            s,
            &[
                ("add", sig!(add, 2)),
                ("remove", sig!(remove, 2)),
                ("discard", sig!(discard, 2)),
                ("pop", sig!(pop, 1)),
                ("clear", sig!(clear, 1)),
                ("update", sig!(update, 1..)),
                ("intersection_update", sig!(intersection_update, 1..)),
                ("difference_update", sig!(difference_update, 1..)),
                ("symmetric_difference_update", sig!(symmetric_difference_update, 2)),
            ],
        )
    }
}

pub use methods::install;

//! Special methods of the built-in containers as callable attributes
//! (`dict.__setitem__(d, k, v)`, `super().__getitem__(i)` in a subclass of list).
//! They forward to the protocols in `ops.rs`, on the built-in base of `self`.

use krait_syntax::ast::{BinOp, CmpOp, UnaryOp};

use crate::class::arg;
use crate::error::PyResult;
use crate::ops::{as_num, Num};
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

/// `list.__iadd__` / `__imul__` (and bytearray's): in place, returning `self`.
fn inplace(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> R {
    let o = recv(vm, args, name)?;
    let x = arg(vm, args, 1, name)?;
    let r = vm.inplace_op(op, o, x)?;
    Ok(if r == o { args[0] } else { r })
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    inplace(vm, args, BinOp::Add, "__iadd__")
}

fn imul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    inplace(vm, args, BinOp::Mult, "__imul__")
}

fn to_int(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__int__")?;
    let t = vm.types.int;
    vm.call_type(t, &[o], &[])
}

fn to_float(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__float__")?;
    let t = vm.types.float;
    vm.call_type(t, &[o], &[])
}

fn rmul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    binop(vm, args, BinOp::Mult, "__rmul__")
}

fn mod_(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    binop(vm, args, BinOp::Mod, "__mod__")
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

// ---- the arithmetic of int and float (`int.__add__`, `super().__mul__(x)` in a
// subclass of float); the operators themselves never go through these ----

/// `self` of a numeric dunder: the int or float (the base of a subclass instance).
fn num_recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let v = recv(vm, args, name)?;
    if as_num(&v).is_none() {
        return Err(vm.type_error(format!("descriptor '{name}' requires a number, not '{}'", vm.type_name(v))));
    }
    Ok(v)
}

/// `self.__op__(other)` (or `other op self` when `reflected`): an int takes ints
/// only and a float ints and floats; anything else is `NotImplemented`, as in CPython.
fn num_binop(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool, name: &str) -> R {
    let a = num_recv(vm, args, name)?;
    let b = arg(vm, args, 1, name)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("{name}() takes 2 positional arguments but {} were given", args.len())));
    }
    let b = vm.builtin_receiver(b);
    let ok = match as_num(&b) {
        Some(Num::Float(_)) => a.is_float(),
        Some(_) => true,
        None => false,
    };
    if !ok {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if reflected {
        vm.binary_op(op, b, a)
    } else {
        vm.binary_op(op, a, b)
    }
}

macro_rules! num_binops {
    ($($fwd:ident $rev:ident $op:ident $fname:literal $rname:literal;)*) => {
        $(
            fn $fwd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
                num_binop(vm, args, BinOp::$op, false, $fname)
            }
            fn $rev(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
                num_binop(vm, args, BinOp::$op, true, $rname)
            }
        )*
        /// The binary operators both int and float have.
        const NUM_BINOPS: &[(&str, crate::obj::NativeFn)] = &[$(($fname, $fwd), ($rname, $rev)),*];
    };
}

num_binops! {
    num_add num_radd Add "__add__" "__radd__";
    num_sub num_rsub Sub "__sub__" "__rsub__";
    num_mul num_rmul Mult "__mul__" "__rmul__";
    num_truediv num_rtruediv Div "__truediv__" "__rtruediv__";
    num_floordiv num_rfloordiv FloorDiv "__floordiv__" "__rfloordiv__";
    num_mod num_rmod Mod "__mod__" "__rmod__";
}

macro_rules! int_binops {
    ($($fwd:ident $rev:ident $op:ident $fname:literal $rname:literal;)*) => {
        $(
            fn $fwd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
                num_binop(vm, args, BinOp::$op, false, $fname)
            }
            fn $rev(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
                num_binop(vm, args, BinOp::$op, true, $rname)
            }
        )*
        /// The binary operators only int has.
        const INT_BINOPS: &[(&str, crate::obj::NativeFn)] = &[$(($fname, $fwd), ($rname, $rev)),*];
    };
}

int_binops! {
    int_and int_rand BitAnd "__and__" "__rand__";
    int_or int_ror BitOr "__or__" "__ror__";
    int_xor int_rxor BitXor "__xor__" "__rxor__";
    int_lshift int_rlshift LShift "__lshift__" "__rlshift__";
    int_rshift int_rrshift RShift "__rshift__" "__rrshift__";
}

/// `__pow__(self, other, mod=None)` / `__rpow__(self, other, mod=None)`.
fn num_pow_impl(vm: &mut Vm, args: &[Value], reflected: bool, name: &str) -> R {
    let modulus = args.get(2).copied().filter(|m| !m.is_none());
    let Some(m) = modulus else {
        return num_binop(vm, &args[..args.len().min(2)], BinOp::Pow, reflected, name);
    };
    let a = num_recv(vm, args, name)?;
    let b = vm.builtin_receiver(args[1]);
    let m = vm.builtin_receiver(m);
    let ints = [a, b, m].iter().all(|v| matches!(as_num(v), Some(Num::Int(_) | Num::Big(_))));
    if !ints {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    crate::builtins::builtin_pow(vm, &[x, y, m], &[])
}

fn num_pow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_pow_impl(vm, args, false, "__pow__")
}

fn num_rpow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_pow_impl(vm, args, true, "__rpow__")
}

fn num_divmod_impl(vm: &mut Vm, args: &[Value], reflected: bool, name: &str) -> R {
    let q = num_binop(vm, args, BinOp::FloorDiv, reflected, name)?;
    if q == Value::NOT_IMPLEMENTED {
        return Ok(q);
    }
    let r = num_binop(vm, args, BinOp::Mod, reflected, name)?;
    vm.new_tuple(vec![q, r])
}

fn num_divmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_divmod_impl(vm, args, false, "__divmod__")
}

fn num_rdivmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_divmod_impl(vm, args, true, "__rdivmod__")
}

fn num_unary(vm: &mut Vm, args: &[Value], op: UnaryOp, name: &str) -> R {
    let a = num_recv(vm, args, name)?;
    vm.unary_op(op, a)
}

fn num_neg(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_unary(vm, args, UnaryOp::USub, "__neg__")
}

fn num_pos(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_unary(vm, args, UnaryOp::UAdd, "__pos__")
}

fn int_invert(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    num_unary(vm, args, UnaryOp::Invert, "__invert__")
}

fn num_abs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = num_recv(vm, args, "__abs__")?;
    match as_num(&a) {
        Some(Num::Float(f)) => Ok(Value::float(f.abs())),
        _ => {
            let neg = vm.compare(CmpOp::Lt, a, Value::small_int(0))?;
            if neg == Value::TRUE {
                vm.unary_op(UnaryOp::USub, a)
            } else {
                vm.unary_op(UnaryOp::UAdd, a)
            }
        }
    }
}

fn num_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = num_recv(vm, args, "__bool__")?;
    Ok(Value::bool(vm.truthy(a)?))
}

fn num_round(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = num_recv(vm, args, "__round__")?;
    crate::format::round_value(vm, a, args.get(1).copied().filter(|n| !n.is_none()))
}

/// `int.__trunc__`, `__floor__`, `__ceil__`: the int itself (a plain int for a subclass).
fn int_self(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = num_recv(vm, args, "__trunc__")?;
    vm.unary_op(UnaryOp::UAdd, a)
}

fn float_rounding(vm: &mut Vm, args: &[Value], f: fn(f64) -> f64, name: &str) -> R {
    let a = num_recv(vm, args, name)?;
    let x = match as_num(&a) {
        Some(Num::Float(x)) => x,
        _ => return vm.unary_op(UnaryOp::UAdd, a),
    };
    match crate::num::int::from_f64(f(x)) {
        Ok(crate::num::IntValue::Small(i)) => vm.new_int(i),
        Ok(crate::num::IntValue::Big(b)) => vm.new_bigint(b),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    float_rounding(vm, args, f64::floor, "__floor__")
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    float_rounding(vm, args, f64::ceil, "__ceil__")
}

/// `int.__format__`, `float.__format__`, `str.__format__` (`super().__format__(spec)`
/// in a subclass's own `__format__`).
fn format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let o = recv(vm, args, "__format__")?;
    let spec = arg(vm, args, 1, "__format__")?;
    let Some(spec) = crate::obj::str_surrogates::utf8(vm, &spec)?.map(str::to_owned) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(spec))));
    };
    if spec.is_empty() {
        return vm.str_value(args[0]);
    }
    let s = crate::format::format_buf(vm, o, &spec)?;
    vm.new_wtf8_buf(s)
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
    for ty in [t.list, t.bytearray] {
        vm.add_methods(ty, &[("__iadd__", iadd), ("__imul__", imul)])?;
    }
    for ty in [t.list, t.tuple, t.dict, t.set, t.frozenset, t.str_, t.bytes, t.bytearray, t.int, t.float] {
        vm.add_methods(ty, compare)?;
    }
    for ty in [t.tuple, t.str_, t.bytes, t.int, t.float, t.frozenset] {
        vm.add_methods(ty, &[("__hash__", hash)])?;
    }
    let num_common: &[(&str, crate::obj::NativeFn)] = &[
        ("__pow__", num_pow),
        ("__rpow__", num_rpow),
        ("__divmod__", num_divmod),
        ("__rdivmod__", num_rdivmod),
        ("__neg__", num_neg),
        ("__pos__", num_pos),
        ("__abs__", num_abs),
        ("__bool__", num_bool),
        ("__round__", num_round),
    ];
    for ty in [t.int, t.float] {
        vm.add_methods(ty, NUM_BINOPS)?;
        vm.add_methods(ty, num_common)?;
    }
    vm.add_methods(t.int, INT_BINOPS)?;
    vm.add_methods(
        t.int,
        &[("__invert__", int_invert), ("__trunc__", int_self), ("__floor__", int_self), ("__ceil__", int_self)],
    )?;
    vm.add_methods(t.float, &[("__floor__", float_floor), ("__ceil__", float_ceil)])?;
    for ty in [t.int, t.float, t.str_] {
        vm.add_methods(ty, &[("__format__", format)])?;
    }
    for ty in [t.int, t.float] {
        vm.add_methods(ty, &[("__int__", to_int), ("__float__", to_float)])?;
    }
    vm.add_methods(t.int, &[("__index__", num_pos)])?;
    for ty in [t.list, t.tuple, t.str_, t.bytes, t.bytearray] {
        vm.add_methods(ty, &[("__rmul__", rmul)])?;
    }
    for ty in [t.str_, t.bytes, t.bytearray] {
        vm.add_methods(ty, &[("__mod__", mod_)])?;
    }
    Ok(())
}

//! `float` methods. Floats are immediates (see `value.rs`): there is no payload
//! type, only the methods of the `float` class.

use crate::class::arg;
use crate::error::PyResult;
use crate::sig;
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    let v = args.first().map(|&v| vm.builtin_receiver(v)).unwrap_or(Value::NONE);
    match v.as_float() {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'float' object"))),
    }
}

fn int_value(vm: &mut Vm, v: crate::num::IntValue) -> R {
    match v {
        crate::num::IntValue::Small(i) => vm.new_int(i),
        crate::num::IntValue::Big(b) => vm.new_bigint(b),
    }
}

fn is_integer(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "is_integer")?;
    Ok(Value::bool(crate::num::float::is_integer(f)))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "hex")?;
    vm.new_string(crate::num::float::float_hex(f))
}

fn fromhex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let s = arg(vm, args, 1, "fromhex")?;
    let Some(text) = crate::obj::str::as_str(&s).map(str::to_owned) else {
        if crate::obj::str::is_str(s) {
            // (No hexadecimal float has lone surrogates.)
            return Err(vm.value_error("invalid hexadecimal floating-point string"));
        }
        return Err(vm.type_error("fromhex() argument must be str"));
    };
    match crate::num::float::float_fromhex(&text) {
        Ok(f) => Ok(Value::float(f)),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "as_integer_ratio")?;
    match crate::num::float::as_integer_ratio(f) {
        Ok((n, d)) => {
            let n = int_value(vm, n)?;
            let d = int_value(vm, d)?;
            vm.new_tuple_from(&[n, d])
        }
        Err(e) => Err(vm.num_error(e, "")),
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "conjugate")?;
    Ok(Value::float(f))
}

fn get_imag(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::float(0.0))
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "__trunc__")?;
    match crate::num::int::from_f64(f) {
        Ok(v) => int_value(vm, v),
        Err(e) => Err(vm.num_error(e, "")),
    }
}

fn float_dunder(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = this(vm, args, "__float__")?;
    Ok(Value::float(f))
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.float;
    vm.add_methods(
        t,
        &[
            ("is_integer", sig!(is_integer, 1)),
            ("hex", sig!(hex, 1)),
            ("as_integer_ratio", sig!(as_integer_ratio, 1)),
            ("conjugate", sig!(conjugate, 1)),
            ("__trunc__", sig!(trunc, 1)),
            ("__int__", sig!(trunc, 1)),
            ("__float__", sig!(float_dunder, 1)),
        ],
    )?;
    let f = vm.new_builtin_fn("fromhex", sig!(fromhex, 2))?;
    let cm = vm.alloc(crate::obj::descriptor::ClassMethodObj { func: f })?;
    vm.add_class_attr(t, "fromhex", cm.value());
    for (name, getter) in [("real", float_dunder as crate::obj::NativeFn), ("imag", get_imag)] {
        vm.add_property(t, name, getter)?;
    }
    Ok(())
}

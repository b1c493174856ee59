//! `string.templatelib.Interpolation` (PEP 750): one replacement field of a
//! t-string, with its value evaluated and its conversion and format spec
//! recorded (not applied: that is for whoever processes the template).

use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::str::{as_str, is_str};
use crate::obj::TypeObj;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy)]
pub struct InterpolationObj {
    pub value: Value,
    /// The field's source text (a str).
    pub expression: Value,
    /// `None`, or one of the strs `'s'`, `'r'`, `'a'`.
    pub conversion: Value,
    /// The format spec (a str, `''` when there is none).
    pub format_spec: Value,
}

impl PyObj for InterpolationObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.value);
        t.mark(self.expression);
        t.mark(self.conversion);
        t.mark(self.format_spec);
    }
    fn class(&self, vm: &Vm) -> Gc<TypeObj> {
        vm.types.interpolation
    }
}

/// The conversion `BuildInterpolation` and `FormatValue` encode as `code`
/// (0 none, 1 `'s'`, 2 `'r'`, 3 `'a'`), as the `conversion` attribute holds it.
pub fn conversion_value(code: u32) -> Value {
    match code {
        1 => Value::qstr(Qstr::ascii_char(b's')),
        2 => Value::qstr(Qstr::ascii_char(b'r')),
        3 => Value::qstr(Qstr::ascii_char(b'a')),
        _ => Value::NONE,
    }
}

/// The code of a valid `conversion` attribute (see `conversion_value`).
pub fn conversion_code(conversion: Value) -> Option<u8> {
    if conversion.is_none() {
        return Some(0);
    }
    match as_str(&conversion)? {
        "s" => Some(1),
        "r" => Some(2),
        "a" => Some(3),
        _ => None,
    }
}

/// A new interpolation from Python-supplied fields, checked as CPython checks
/// them. The object is allocated before the fields are looked at, as
/// MicroPython does, so that on a locked or full heap a call reports
/// `MemoryError` there as it does on the board.
pub fn new_checked(vm: &mut Vm, fields: [Value; 4]) -> PyResult<Value> {
    let [value, expression, conversion, format_spec] = fields;
    let i = vm.alloc(InterpolationObj { value, expression, conversion, format_spec })?;
    for (name, v) in [("expression", expression), ("format_spec", format_spec)] {
        if !is_str(vm.builtin_receiver(v)) {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("Interpolation() argument '{name}' must be str, not {t}")));
        }
    }
    if !conversion.is_none() && !is_str(vm.builtin_receiver(conversion)) {
        let t = vm.type_name(conversion);
        return Err(vm.type_error(format!("Interpolation() argument 'conversion' must be str, not {t}")));
    }
    if conversion_code(vm.builtin_receiver(conversion)).is_none() {
        return Err(vm.new_exception(
            ExcKind::ValueError,
            "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
        ));
    }
    Ok(i.value())
}

/// The parameters of `Interpolation(value, expression='', conversion=None, format_spec='')`.
const PARAMS: [&str; 4] = ["value", "expression", "conversion", "format_spec"];

fn interpolation_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::obj::function::check_args(vm, args, kw, 0, PARAMS.len(), true)?;
    let mut fields = [Value::NULL, Value::qstr(q::EMPTY), Value::NONE, Value::qstr(q::EMPTY)];
    fields[..args.len()].copy_from_slice(args);
    for pair in kw.chunks_exact(2) {
        let name = as_str(&pair[0]).unwrap_or("");
        let Some(k) = PARAMS.iter().position(|&p| p == name) else {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for Interpolation()")));
        };
        if k < args.len() {
            return Err(vm.type_error(format!(
                "argument for Interpolation() given by name ('{name}') and position ({})",
                k + 1
            )));
        }
        fields[k] = pair[1];
    }
    if fields[0].is_null() {
        return Err(vm.type_error("Interpolation() missing required argument 'value' (pos 1)"));
    }
    new_checked(vm, fields)
}

fn this(vm: &mut Vm, v: Value) -> PyResult<Gc<InterpolationObj>> {
    match v.downcast::<InterpolationObj>() {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!("descriptor requires an 'Interpolation' object, not '{}'", vm.type_name(v)))),
    }
}

fn value(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.value)
}

fn expression(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.expression)
}

fn conversion(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.conversion)
}

fn format_spec(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.format_spec)
}

/// `Interpolation(value, expression, conversion, format_spec)`, each part's repr.
fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let i = this(vm, args[0])?;
    let mut s = String::from("Interpolation(");
    for (k, part) in [i.value, i.expression, i.conversion, i.format_spec].into_iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        vm.repr_into(part, &mut s)?;
    }
    s.push(')');
    vm.new_string(s)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.interpolation;
    t.get_mut().module = Qstr::from_static("string.templatelib");
    vm.set_make_new(t, interpolation_new);
    vm.add_methods(t, &[("__repr__", crate::sig!(repr, 1))])?;
    for (name, getter) in [
        ("value", crate::sig!(value, 1) as crate::obj::NativeFn),
        ("expression", crate::sig!(expression, 1)),
        ("conversion", crate::sig!(conversion, 1)),
        ("format_spec", crate::sig!(format_spec, 1)),
    ] {
        vm.add_property(t, name, getter)?;
    }
    let names: Vec<Value> = PARAMS.iter().map(|p| Value::qstr(Qstr::from_static(p))).collect();
    let match_args = vm.new_tuple(names)?;
    vm.add_class_attr(t, "__match_args__", match_args);
    Ok(())
}

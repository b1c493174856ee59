//! `string.templatelib` (PEP 750, Python 3.14): the types t-strings evaluate to,
//! `Template` and `Interpolation` (`obj/template.rs`, `obj/interpolation.rs`;
//! the VM has them from the start), and `convert`.

use krait_syntax::Qstr;

use crate::error::{ExcKind, PyResult};
use crate::obj::interpolation::conversion_code;
use crate::value::Value;
use crate::vm::Vm;

/// `convert(obj, /, conversion)`: `obj` converted as an f-string field with that
/// conversion (`None`, `'s'`, `'r'` or `'a'`) would convert it.
fn convert(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (obj, conversion) = (args[0], args[1]);
    match conversion_code(conversion) {
        Some(code) => vm.convert_value(obj, code),
        None => {
            let shown = vm.str_of(conversion)?;
            Err(vm.new_exception(ExcKind::ValueError, format!("invalid conversion specifier: {shown}")))
        }
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "string.templatelib", &[("convert", crate::sig!(convert, 2))])?;
    if let Some(module) = m.downcast::<crate::obj::ModuleObj>() {
        let d = module.dict.get_mut();
        d.set_qstr(Qstr::from_static("Template"), vm.types.template.value());
        d.set_qstr(Qstr::from_static("Interpolation"), vm.types.interpolation.value());
    }
    Ok(m)
}

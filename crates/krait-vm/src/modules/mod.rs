//! Built-in modules. Each is made on first import (`make_builtin_module`), except
//! `sys` and `builtins`, which exist from the start.

pub mod gc;
pub mod micropython;
pub mod sys;
pub mod time;

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::obj::NativeFn;
use crate::value::Value;
use crate::vm::Vm;

/// Create the modules that exist before any import.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    sys::install(vm)?;
    let b = vm.builtins_module;
    let key = Value::qstr(Qstr::new("builtins"));
    vm.dict_set(vm.modules, key, b)?;
    Ok(())
}

/// A new built-in module with the given functions.
pub fn new_native_module(vm: &mut Vm, name: &str, funcs: &[(&str, NativeFn)]) -> PyResult<Value> {
    let m = vm.new_module(name)?;
    let mq = Qstr::new(name);
    for &(fname, f) in funcs {
        let fv = vm.alloc(crate::obj::BuiltinFunctionObj { name: Qstr::new(fname), f, bound_self: Value::NULL, module: mq })?;
        m.dict.get_mut().set_qstr(Qstr::new(fname), fv.value());
    }
    Ok(m.value())
}

/// Make the built-in module `name`, if there is one.
pub fn make_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "micropython" => micropython::make(vm)?,
        "gc" => gc::make(vm)?,
        "time" | "utime" => time::make(vm)?,
        _ => return Ok(None),
    };
    Ok(Some(m))
}

//! Built-in modules. Each is made on first import (`make_builtin_module`), except
//! `sys` and `builtins`, which exist from the start.

pub mod array;
pub mod binascii;
pub mod cmath;
pub mod collections;
pub mod errno;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod json;
pub mod math;
pub mod micropython;
pub mod os;
pub mod platform;
pub mod random;
pub mod re;
pub mod struct_;
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
        let fv = vm.alloc(crate::obj::BuiltinFunctionObj {
            name: Qstr::new(fname),
            f,
            bound_self: Value::NULL,
            module: mq,
        })?;
        m.dict.get_mut().set_qstr(Qstr::new(fname), fv.value());
    }
    Ok(m.value())
}

/// Modules written in Python and frozen into the binary: (name, source).
const FROZEN: &[(&str, &str)] = &[("unittest", include_str!("frozen/unittest.py"))];

/// Make the built-in module `name`, if there is one.
pub fn make_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    if let Some(&(_, source)) = FROZEN.iter().find(|(n, _)| *n == name) {
        let filename = format!("<frozen {name}>");
        return vm.exec_module_source(name, source, &filename).map(|m| Some(m.value()));
    }
    let m = match name {
        "micropython" => micropython::make(vm)?,
        "gc" => gc::make(vm)?,
        "io" => io::make(vm)?,
        "uio" => io::canonical_module(vm, "io", io::make)?,
        "ujson" => io::canonical_module(vm, "json", json::make)?,
        "collections" => collections::make(vm)?,
        "ucollections" => io::canonical_module(vm, "collections", collections::make)?,
        "json" => json::make(vm)?,
        "re" => re::make(vm)?,
        "ure" => io::canonical_module(vm, "re", re::make)?,
        "array" => array::make(vm)?,
        "time" | "utime" => time::make(vm)?,
        "math" => math::make(vm)?,
        "cmath" => cmath::make(vm)?,
        "struct" | "ustruct" => struct_::make(vm)?,
        "errno" | "uerrno" => errno::make(vm)?,
        "binascii" | "ubinascii" => binascii::make(vm)?,
        "hashlib" | "uhashlib" => hashlib::make(vm)?,
        "heapq" | "uheapq" => heapq::make(vm)?,
        "random" | "urandom" => random::make(vm)?,
        "platform" | "uplatform" => platform::make(vm)?,
        "os" | "uos" => os::make(vm)?,
        _ => return Ok(None),
    };
    Ok(Some(m))
}

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
pub mod select;
pub mod socket;
pub mod struct_;
pub mod sys;
pub mod templatelib;
pub mod time;
pub mod weakref;

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
    let made = vm.new_dict()?;
    vm.sys_dict.get_mut().set_qstr(Qstr::new(MADE), made.value());
    made.get_mut().set_qstr(Qstr::new("builtins"), b);
    if let Some(s) = vm.modules.get_qstr(Qstr::new("sys")) {
        made.get_mut().set_qstr(Qstr::new("sys"), s);
    }
    Ok(())
}

/// Where (in `sys`'s dict) the built-in modules made so far are kept, by their
/// canonical names, so that every name one goes by (`time`, `utime`) and every
/// import of it share one module, whatever `sys.modules` holds.
const MADE: &str = "__krait_modules__";

/// MicroPython's extensible built-in modules: a module of the same name on
/// `sys.path` is found first (and may extend the built-in by importing it as
/// `u<name>`). Every other built-in module always wins over the file system.
const EXTENSIBLE: &[&str] = &[
    "array",
    "binascii",
    "collections",
    "errno",
    "hashlib",
    "heapq",
    "io",
    "json",
    "os",
    "platform",
    "random",
    "re",
    "select",
    "socket",
    "struct",
    "time",
];

/// Built-in submodules of modules that are not packages on disk (CPython's
/// `string` is a package; krait's is a frozen module).
const SUBMODULES: &[&str] = &["string.templatelib"];

/// Whether `name` (dotted) is a built-in submodule.
pub fn is_builtin_submodule(name: &str) -> bool {
    SUBMODULES.contains(&name)
}

/// Whether `name` is found on `sys.path` before the built-in module of that name.
pub fn is_extensible(name: &str) -> bool {
    EXTENSIBLE.contains(&name) || FROZEN.iter().any(|(n, _)| *n == name)
}

/// The built-in module `name` stands for: itself, or for `u<name>` (`usys`,
/// `ujson`, …) the built-in `<name>`.
fn canonical_name(name: &str) -> &str {
    match name.strip_prefix('u') {
        Some(rest) if rest == "sys" || rest == "asyncio" || EXTENSIBLE.contains(&rest) => rest,
        _ => name,
    }
}

/// A new built-in module with the given functions.
pub fn new_native_module(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)]) -> PyResult<Value> {
    let m = vm.new_module(name)?;
    let mq = Qstr::new(name);
    for &(fname, f) in funcs {
        let fq = Qstr::from_static(fname);
        let fv = vm.alloc(crate::obj::BuiltinFunctionObj { name: fq, f, bound_self: Value::NULL, module: mq })?;
        m.dict.get_mut().set_qstr(fq, fv.value());
    }
    Ok(m.value())
}

/// Modules written in Python and frozen into the binary: (name, source).
const FROZEN: &[(&str, &str)] = &[
    ("unittest", include_str!("frozen/unittest.py")),
    ("functools", include_str!("frozen/functools.py")),
    ("itertools", include_str!("frozen/itertools.py")),
    ("operator", include_str!("frozen/operator.py")),
    ("bisect", include_str!("frozen/bisect.py")),
    ("copy", include_str!("frozen/copy.py")),
    ("contextlib", include_str!("frozen/contextlib.py")),
    ("asyncio", include_str!("frozen/asyncio.py")),
    ("enum", include_str!("frozen/enum.py")),
    ("abc", include_str!("frozen/abc.py")),
    ("string", include_str!("frozen/string.py")),
    ("typing", include_str!("frozen/typing.py")),
    ("__future__", include_str!("frozen/__future__.py")),
    ("dataclasses", include_str!("frozen/dataclasses.py")),
];

/// The built-in module `name` (or the one `u<name>` stands for), if there is one:
/// made on first use, the same module after that.
pub fn make_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let name = canonical_name(name);
    let made = vm.sys_dict.get_qstr(Qstr::new(MADE)).and_then(|d| d.downcast::<crate::obj::DictObj>());
    if let Some(m) = made.and_then(|d| d.get_qstr(Qstr::new(name))) {
        return Ok(Some(m));
    }
    let m = if let Some(&(_, source)) = FROZEN.iter().find(|(n, _)| *n == name) {
        let filename = format!("<frozen {name}>");
        vm.exec_module_source(name, source, &filename)?.value()
    } else {
        match name {
            "micropython" => micropython::make(vm)?,
            "gc" => gc::make(vm)?,
            "io" => io::make(vm)?,
            "collections" => collections::make(vm)?,
            "json" => json::make(vm)?,
            "re" => re::make(vm)?,
            "array" => array::make(vm)?,
            "time" => time::make(vm)?,
            "math" => math::make(vm)?,
            "cmath" => cmath::make(vm)?,
            "struct" => struct_::make(vm)?,
            "errno" => errno::make(vm)?,
            "binascii" => binascii::make(vm)?,
            "hashlib" => hashlib::make(vm)?,
            "heapq" => heapq::make(vm)?,
            "random" => random::make(vm)?,
            "platform" => platform::make(vm)?,
            "os" => os::make(vm)?,
            "select" => select::make(vm)?,
            "socket" => socket::make(vm)?,
            "string.templatelib" => templatelib::make(vm)?,
            "weakref" => weakref::make(vm)?,
            _ => return Ok(None),
        }
    };
    if let Some(d) = made {
        d.get_mut().set_qstr(Qstr::new(name), m);
    }
    Ok(Some(m))
}

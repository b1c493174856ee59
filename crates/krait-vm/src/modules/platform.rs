//! `platform`: MicroPython's `platform()`, `python_compiler()` and `libc_ver()`,
//! plus CPython's `system()`, `machine()`, `release()`, `version()`, `node()`,
//! `processor()`, `uname()`, `python_implementation()` (`'MicroPython'`, the
//! dialect krait implements, matching `sys.implementation.name`) and
//! `python_version()` / `python_version_tuple()` (the language version krait
//! reports in `sys.version_info`).

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

use super::math::check_args;

type R = PyResult<Value>;

fn system_name() -> &'static str {
    match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "Darwin",
        "windows" => "Windows",
        "freebsd" => "FreeBSD",
        "android" => "Android",
        other => other,
    }
}

fn machine_name() -> &'static str {
    std::env::consts::ARCH
}

/// A line of a `/proc/sys/kernel` file (Linux), or "".
fn kernel_info(name: &str) -> String {
    std::fs::read_to_string(format!("/proc/sys/kernel/{name}")).map(|s| s.trim().to_owned()).unwrap_or_default()
}

fn libc() -> (&'static str, &'static str) {
    if cfg!(target_env = "gnu") {
        ("glibc", "")
    } else if cfg!(target_env = "musl") {
        ("musl", "")
    } else {
        ("libc", "")
    }
}

fn compiler() -> String {
    format!("rustc {}", env!("CARGO_PKG_RUST_VERSION"))
}

fn platform(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    let (lib, ver) = libc();
    let s = format!(
        "{}-{}-{}-{}-with-{}{}",
        system_name(),
        env!("CARGO_PKG_VERSION"),
        machine_name(),
        kernel_info("osrelease"),
        lib,
        ver
    );
    vm.new_string(s)
}

fn python_compiler(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_string(compiler())
}

fn libc_ver(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    let (lib, ver) = libc();
    let (a, b) = (vm.new_str(lib)?, vm.new_str(ver)?);
    vm.new_tuple_from(&[a, b])
}

fn system(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_str(system_name())
}

fn machine(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_str(machine_name())
}

fn processor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_str(machine_name())
}

fn release(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_string(kernel_info("osrelease"))
}

fn version(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_string(kernel_info("version"))
}

fn node(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_string(kernel_info("hostname"))
}

fn python_implementation(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_str("MicroPython")
}

/// The language version krait reports (`sys.version_info`).
fn language_version(vm: &mut Vm) -> Vec<String> {
    let vi = vm.sys_dict.get_qstr(Qstr::new("version_info"));
    let items = vi.and_then(|t| t.downcast::<crate::obj::TupleObj>()).map(|t| t.items().to_vec()).unwrap_or_default();
    let parts: Vec<String> =
        items.iter().take(3).map(|v| v.as_small_int().map(|i| i.to_string()).unwrap_or_default()).collect();
    if parts.len() == 3 {
        parts
    } else {
        vec!["3".into(), "4".into(), "0".into()]
    }
}

fn python_version(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    let v = language_version(vm).join(".");
    vm.new_string(v)
}

fn python_version_tuple(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    let mut items = Vec::new();
    for p in language_version(vm) {
        items.push(vm.new_string(p)?);
    }
    vm.new_tuple(items)
}

/// `uname()`: an attribute tuple (`system`, `node`, `release`, `version`,
/// `machine`, `processor`).
fn uname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    let texts = [
        system_name().to_owned(),
        kernel_info("hostname"),
        kernel_info("osrelease"),
        kernel_info("version"),
        machine_name().to_owned(),
        machine_name().to_owned(),
    ];
    let mut values = Vec::with_capacity(6);
    for t in texts {
        values.push(vm.new_string(t)?);
    }
    let fields = ["system", "node", "release", "version", "machine", "processor"];
    super::os::attrtuple(vm, "platform", "uname_result", &fields, values)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "platform",
        &[
            ("platform", platform),
            ("python_compiler", python_compiler),
            ("libc_ver", libc_ver),
            ("system", system),
            ("machine", machine),
            ("processor", processor),
            ("release", release),
            ("version", version),
            ("node", node),
            ("uname", uname),
            ("python_implementation", python_implementation),
            ("python_version", python_version),
            ("python_version_tuple", python_version_tuple),
        ],
    )?;
    Ok(m)
}

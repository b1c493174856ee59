//! `errno`: the host's error numbers (MicroPython's set and the other common
//! POSIX ones, with Linux values) and `errorcode`, the number-to-name dict.
//!
//! Also the helper the other built-in modules use to register MicroPython's
//! `u`-prefixed aliases (`ustruct`, `uos`, …).

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::obj::ModuleObj;
use crate::value::Value;
use crate::vm::Vm;

/// (name, value), in the order `errorcode` prefers names for shared values.
pub const ERRNO: &[(&str, i64)] = &[
    ("EPERM", 1),
    ("ENOENT", 2),
    ("ESRCH", 3),
    ("EINTR", 4),
    ("EIO", 5),
    ("ENXIO", 6),
    ("E2BIG", 7),
    ("ENOEXEC", 8),
    ("EBADF", 9),
    ("ECHILD", 10),
    ("EAGAIN", 11),
    ("EWOULDBLOCK", 11),
    ("ENOMEM", 12),
    ("EACCES", 13),
    ("EFAULT", 14),
    ("ENOTBLK", 15),
    ("EBUSY", 16),
    ("EEXIST", 17),
    ("EXDEV", 18),
    ("ENODEV", 19),
    ("ENOTDIR", 20),
    ("EISDIR", 21),
    ("EINVAL", 22),
    ("ENFILE", 23),
    ("EMFILE", 24),
    ("ENOTTY", 25),
    ("ETXTBSY", 26),
    ("EFBIG", 27),
    ("ENOSPC", 28),
    ("ESPIPE", 29),
    ("EROFS", 30),
    ("EMLINK", 31),
    ("EPIPE", 32),
    ("EDOM", 33),
    ("ERANGE", 34),
    ("EDEADLK", 35),
    ("ENAMETOOLONG", 36),
    ("ENOLCK", 37),
    ("ENOSYS", 38),
    ("ENOTEMPTY", 39),
    ("ELOOP", 40),
    ("ENOTSOCK", 88),
    ("EDESTADDRREQ", 89),
    ("EMSGSIZE", 90),
    ("EPROTOTYPE", 91),
    ("ENOPROTOOPT", 92),
    ("EPROTONOSUPPORT", 93),
    ("EOPNOTSUPP", 95),
    ("EAFNOSUPPORT", 97),
    ("EADDRINUSE", 98),
    ("EADDRNOTAVAIL", 99),
    ("ENETDOWN", 100),
    ("ENETUNREACH", 101),
    ("ENETRESET", 102),
    ("ECONNABORTED", 103),
    ("ECONNRESET", 104),
    ("ENOBUFS", 105),
    ("EISCONN", 106),
    ("ENOTCONN", 107),
    ("ESHUTDOWN", 108),
    ("ETIMEDOUT", 110),
    ("ECONNREFUSED", 111),
    ("EHOSTDOWN", 112),
    ("EHOSTUNREACH", 113),
    ("EALREADY", 114),
    ("EINPROGRESS", 115),
];

/// The symbolic name of an error number (`ENOENT`), if there is one.
pub fn errno_name(code: i64) -> Option<&'static str> {
    ERRNO.iter().find(|&&(_, v)| v == code).map(|&(n, _)| n)
}

/// Register module `m` in `sys.modules` under each of `names` (a module and its
/// MicroPython `u`-prefixed alias), so both imports give the same object.
pub(crate) fn register_aliases(vm: &mut Vm, m: Value, names: &[&str]) -> PyResult<()> {
    for name in names {
        let key = Value::qstr(Qstr::new(name));
        vm.dict_set(vm.modules, key, m)?;
    }
    Ok(())
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "errno", &[])?;
    let Some(module) = m.downcast::<ModuleObj>() else { return Ok(m) };
    let codes = vm.new_dict()?;
    for &(name, v) in ERRNO {
        module.dict.get_mut().set_qstr(Qstr::new(name), Value::small_int(v));
        let key = Value::small_int(v);
        if vm.dict_get(codes, key)?.is_none() {
            vm.dict_set(codes, key, Value::qstr(Qstr::new(name)))?;
        }
    }
    module.dict.get_mut().set_qstr(Qstr::new("errorcode"), codes.value());
    Ok(m)
}

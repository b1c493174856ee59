//! `os`: the file system and process environment, as MicroPython's unix port
//! has them: `getcwd`, `chdir`, `listdir`, `ilistdir` (MicroPython's
//! `(name, type, inode)` tuples), `stat` (a 10-tuple), `remove`/`unlink`,
//! `rename`, `mkdir`, `rmdir`, `getenv`, `putenv`, `unsetenv`, `system`,
//! `urandom`, `uname`, `sep`, plus CPython's `environ`, `lstat`, `getpid`,
//! `curdir`/`pardir`/`linesep`, and the `os.path` submodule (`join`, `exists`,
//! `isdir`, `isfile`, `islink`, `isabs`, `basename`, `dirname`, `split`,
//! `splitext`, `abspath`, `normpath`, `getsize`).
//!
//! Errors from the OS are raised exactly as `open()` raises them
//! (`modules::io::io_error`): the `OSError` subclass for the errno, with the
//! errno as `args[0]` / `.errno`.

use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{DirEntryExt, FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::ObjKind;
use crate::obj::{BytesObj, ModuleObj};
use crate::value::Value;
use crate::vm::Vm;

use super::math::check_args;

type R = PyResult<Value>;

/// A path argument: its bytes, and whether it was given as bytes (results follow).
struct PathArg {
    bytes: Vec<u8>,
    is_bytes: bool,
}

impl PathArg {
    fn path(&self) -> PathBuf {
        PathBuf::from(std::ffi::OsStr::from_bytes(&self.bytes))
    }
}

fn path_arg(vm: &mut Vm, v: Value) -> PyResult<PathArg> {
    if let Some(bytes) = crate::obj::str_surrogates::fs_encode(vm, v)? {
        if bytes.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(PathArg { bytes, is_bytes: false });
    }
    if let Some(b) = v.downcast::<BytesObj>() {
        if b.data.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(PathArg { bytes: b.data.clone(), is_bytes: true });
    }
    if matches!(v.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other)) {
        if let Some(r) = vm.call_special(v, Qstr::new("__fspath__"), &[])? {
            if crate::obj::str::is_str(r) || r.downcast::<BytesObj>().is_some() {
                return path_arg(vm, r);
            }
        }
    }
    Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v))))
}

/// A file name as the caller's type: str (bytes that aren't UTF-8 as lone
/// surrogates, as CPython's `os.fsdecode`) or bytes.
fn name_value(vm: &mut Vm, bytes: &[u8], as_bytes: bool) -> R {
    if as_bytes {
        return vm.new_bytes(bytes.to_vec());
    }
    crate::obj::str_surrogates::fs_decode(vm, bytes)
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> crate::error::PyErr {
    super::io::io_error(vm, &e)
}

/// The OSError for a failed operation on a path (CPython's `filename`, `filename2`).
fn io_err_at(vm: &mut Vm, e: std::io::Error, path: Value, path2: Option<Value>) -> crate::error::PyErr {
    let err = super::io::io_error(vm, &e);
    super::io::set_filename(vm, err, path, path2)
}

fn opt_path(vm: &mut Vm, args: &[Value]) -> PyResult<PathArg> {
    match args.first() {
        Some(&v) => path_arg(vm, v),
        None => Ok(PathArg { bytes: b".".to_vec(), is_bytes: false }),
    }
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => name_value(vm, p.as_os_str().as_bytes(), false),
        Err(e) => Err(io_err(vm, e)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::env::set_current_dir(p.path()) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

/// The entries of a directory (without `.` and `..`), as (name bytes, st_mode type bits, inode).
fn read_dir(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<(Vec<u8>, i64, u64)>> {
    let dir = if p.bytes.is_empty() { PathBuf::from(".") } else { p.path() };
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return Err(io_err(vm, e)),
    };
    let mut out = Vec::new();
    for entry in rd {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Err(io_err(vm, e)),
        };
        let name = entry.file_name().into_vec();
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => 0o040000,
            Ok(t) if t.is_file() => 0o100000,
            Ok(t) if t.is_symlink() => 0o120000,
            Ok(t) if t.is_block_device() => 0o060000,
            Ok(t) if t.is_char_device() => 0o020000,
            Ok(t) if t.is_fifo() => 0o010000,
            Ok(t) if t.is_socket() => 0o140000,
            _ => 0,
        };
        vm.charge(name.len() + 32)?;
        out.push((name, kind, entry.ino()));
    }
    Ok(out)
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 1)?;
    let p = opt_path(vm, args)?;
    let entries = read_dir(vm, &p)?;
    let list = vm.new_list(Vec::with_capacity(entries.len()))?;
    for (name, _, _) in entries {
        let v = name_value(vm, &name, p.is_bytes)?;
        vm.list_append(list, v)?;
    }
    Ok(list)
}

fn ilistdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 1)?;
    let p = opt_path(vm, args)?;
    let entries = read_dir(vm, &p)?;
    let list = vm.new_list(Vec::with_capacity(entries.len()))?;
    for (name, kind, ino) in entries {
        let n = name_value(vm, &name, p.is_bytes)?;
        let ino = vm.new_int_i128(ino as i128)?;
        let t = vm.new_tuple_from(&[n, Value::small_int(kind), ino])?;
        vm.list_append(list, t)?;
    }
    vm.get_iter(list)
}

fn stat_tuple(vm: &mut Vm, md: &std::fs::Metadata) -> R {
    let fields: [i128; 10] = [
        md.mode() as i128,
        md.ino() as i128,
        md.dev() as i128,
        md.nlink() as i128,
        md.uid() as i128,
        md.gid() as i128,
        md.size() as i128,
        md.atime() as i128,
        md.mtime() as i128,
        md.ctime() as i128,
    ];
    let mut items = Vec::with_capacity(10);
    for f in fields {
        items.push(vm.new_int_i128(f)?);
    }
    named_tuple_result(vm, "os", "stat_result", &STAT_FIELDS, items)
}

const STAT_FIELDS: [&str; 10] =
    ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];

fn stat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::fs::metadata(p.path()) {
        Ok(md) => stat_tuple(vm, &md),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

fn lstat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::fs::symlink_metadata(p.path()) {
        Ok(md) => stat_tuple(vm, &md),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::fs::remove_file(p.path()) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

fn rename(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let a = path_arg(vm, args[0])?;
    let b = path_arg(vm, args[1])?;
    match std::fs::rename(a.path(), b.path()) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err_at(vm, e, args[0], Some(args[1]))),
    }
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let p = path_arg(vm, args[0])?;
    let mode = match args.get(1) {
        Some(&m) => vm.to_index(m)? as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new().mode(mode).create(p.path()) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::fs::remove_dir(p.path()) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err_at(vm, e, args[0], None)),
    }
}

/// Environment text (`fs_encode`: lone surrogates stand for the bytes they
/// were decoded from).
fn env_text(vm: &mut Vm, v: Value) -> PyResult<std::ffi::OsString> {
    match crate::obj::str_surrogates::fs_encode(vm, v)? {
        Some(b) => Ok(std::ffi::OsString::from_vec(b)),
        None => Err(vm.type_error(format!("str expected, not {}", vm.type_name(v)))),
    }
}

fn env_key(vm: &mut Vm, v: Value) -> PyResult<std::ffi::OsString> {
    let k = env_text(vm, v)?;
    if k.is_empty() || k.as_bytes().iter().any(|&b| b == b'=' || b == 0) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    Ok(k)
}

fn getenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let key = env_text(vm, args[0])?;
    match std::env::var_os(&key) {
        Some(v) => name_value(vm, v.as_bytes(), false),
        None => Ok(args.get(1).copied().unwrap_or(Value::NONE)),
    }
}

fn putenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let key = env_key(vm, args[0])?;
    let val = env_text(vm, args[1])?;
    if val.as_bytes().contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(key, val);
    Ok(Value::NONE)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let key = env_key(vm, args[0])?;
    std::env::remove_var(key);
    Ok(Value::NONE)
}

fn system(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let cmd = env_text(vm, args[0])?;
    vm.flush_stdout();
    match std::process::Command::new("/bin/sh").arg("-c").arg(cmd).status() {
        // The wait status, as C's system() returns it.
        Ok(st) => {
            use std::os::unix::process::ExitStatusExt;
            vm.new_int(st.into_raw() as i64)
        }
        Err(e) => Err(io_err(vm, e)),
    }
}

fn urandom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let n = vm.to_index(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    vm.charge(n as usize)?;
    let mut buf = vec![0u8; n as usize];
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
    if let Err(e) = r {
        return Err(io_err(vm, e));
    }
    vm.new_bytes(buf)
}

fn getpid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    vm.new_int(std::process::id() as i64)
}

fn kernel_info(name: &str) -> String {
    std::fs::read_to_string(format!("/proc/sys/kernel/{name}")).map(|s| s.trim().to_owned()).unwrap_or_default()
}

/// A tuple subclass whose items are also attributes, printed as MicroPython
/// prints its attribute tuples: `(sysname='Linux', nodename=…)`. The class is
/// made once per module (kept in the module's dict as `_<name>`).
pub(crate) fn attrtuple(vm: &mut Vm, module: &str, name: &str, fields: &[&str], values: Vec<Value>) -> R {
    // The values must survive the Python code that makes the class.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&values);
    let r = attrtuple_rooted(vm, module, name, fields, values, true);
    vm.temp_roots.truncate(mark);
    r
}

/// A tuple (printed as a plain tuple, as MicroPython returns one) whose first
/// items can also be read by CPython's attribute names: `os.stat(p).st_size`,
/// `time.localtime().tm_year`. `fields` may name fewer items than there are.
pub(crate) fn named_tuple_result(vm: &mut Vm, module: &str, name: &str, fields: &[&str], values: Vec<Value>) -> R {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&values);
    let r = attrtuple_rooted(vm, module, name, fields, values, false);
    vm.temp_roots.truncate(mark);
    r
}

fn attrtuple_rooted(vm: &mut Vm, module: &str, name: &str, fields: &[&str], values: Vec<Value>, named_repr: bool) -> R {
    let hidden = Qstr::new(&format!("_{name}"));
    let mdict = vm.modules.get_qstr(Qstr::new(module)).and_then(|m| m.downcast::<ModuleObj>()).map(|m| m.dict);
    let mut cls = mdict.and_then(|d| d.get_qstr(hidden));
    if cls.is_none() {
        let quoted: Vec<String> = fields.iter().map(|f| format!("'{f}'")).collect();
        let repr = if named_repr {
            "\x20   def __repr__(self):\n\
             \x20       return '(' + ', '.join([f + '=' + repr(v) for f, v in zip(self._fields, self)]) + ')'\n"
        } else {
            ""
        };
        let src = format!(
            "class {name}(tuple):\n\
             \x20   _fields = ({},)\n\
             {repr}\
             for _i, _f in enumerate({name}._fields):\n\
             \x20   setattr({name}, _f, property(lambda self, _i=_i: self[_i]))\n",
            quoted.join(", ")
        );
        let code = vm.compile(&src, "<attrtuple>", krait_syntax::Mode::File)?;
        vm.temp_roots.push(code.value());
        let r = vm.new_module(module).and_then(|m| {
            vm.temp_roots.push(m.value());
            let r = vm.run_code(code, m.dict, Value::NULL).map(|_| m.dict.get_qstr(Qstr::new(name)));
            vm.temp_roots.pop();
            r
        });
        vm.temp_roots.pop();
        cls = r?;
        if let (Some(d), Some(c)) = (mdict, cls) {
            d.get_mut().set_qstr(hidden, c);
        }
    }
    let Some(cls) = cls else { return vm.new_tuple(values) };
    vm.temp_roots.push(cls);
    let r = vm.new_tuple(values).and_then(|t| vm.call_value(cls, &[t], &[]));
    vm.temp_roots.pop();
    r
}

/// `uname()`: MicroPython's attribute tuple (`sysname`, `nodename`, `release`,
/// `version`, `machine`).
fn uname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    let sysname = match std::env::consts::OS {
        "linux" => "Linux".to_owned(),
        "macos" => "Darwin".to_owned(),
        other => other.to_owned(),
    };
    let texts = [
        sysname,
        kernel_info("hostname"),
        kernel_info("osrelease"),
        kernel_info("version"),
        std::env::consts::ARCH.to_owned(),
    ];
    let mut values = Vec::with_capacity(5);
    for t in texts {
        values.push(vm.new_string(t)?);
    }
    attrtuple(vm, "os", "uname_result", &["sysname", "nodename", "release", "version", "machine"], values)
}

// ---- os.path (POSIX rules, as CPython's posixpath) ----

fn path_result(vm: &mut Vm, bytes: &[u8], as_bytes: bool) -> R {
    name_value(vm, bytes, as_bytes)
}

fn split_bytes(p: &[u8]) -> (&[u8], &[u8]) {
    let i = p.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
    let (mut head, tail) = p.split_at(i);
    if !head.is_empty() && head.iter().any(|&c| c != b'/') {
        while head.last() == Some(&b'/') {
            head = &head[..head.len() - 1];
        }
    }
    (head, tail)
}

fn join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, usize::MAX)?;
    let first = path_arg(vm, args[0])?;
    let mut out = first.bytes.clone();
    for &a in &args[1..] {
        let p = path_arg(vm, a)?;
        if p.is_bytes != first.is_bytes {
            return Err(vm.type_error("Can't mix strings and bytes in path components"));
        }
        if p.bytes.first() == Some(&b'/') {
            out = p.bytes;
        } else if out.is_empty() || out.last() == Some(&b'/') {
            out.extend_from_slice(&p.bytes);
        } else {
            out.push(b'/');
            out.extend_from_slice(&p.bytes);
        }
    }
    path_result(vm, &out, first.is_bytes)
}

fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let (head, tail) = split_bytes(&p.bytes);
    let h = path_result(vm, head, p.is_bytes)?;
    let t = path_result(vm, tail, p.is_bytes)?;
    vm.new_tuple_from(&[h, t])
}

fn basename(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let (_, tail) = split_bytes(&p.bytes);
    path_result(vm, tail, p.is_bytes)
}

fn dirname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let (head, _) = split_bytes(&p.bytes);
    path_result(vm, head, p.is_bytes)
}

fn splitext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let b = &p.bytes;
    let sep = b.iter().rposition(|&c| c == b'/').map_or(-1, |i| i as i64);
    let dot = b.iter().rposition(|&c| c == b'.').map_or(-1, |i| i as i64);
    let mut cut = b.len();
    if dot > sep {
        // A leading run of dots (".bashrc") is not an extension.
        let start = (sep + 1) as usize;
        if b[start..dot as usize].iter().any(|&c| c != b'.') {
            cut = dot as usize;
        }
    }
    let root = path_result(vm, &b[..cut], p.is_bytes)?;
    let ext = path_result(vm, &b[cut..], p.is_bytes)?;
    vm.new_tuple_from(&[root, ext])
}

fn normpath_bytes(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let initial = if p.starts_with(b"/") {
        if p.starts_with(b"//") && !p.starts_with(b"///") {
            2
        } else {
            1
        }
    } else {
        0
    };
    let mut comps: Vec<&[u8]> = Vec::new();
    for comp in p.split(|&c| c == b'/') {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp != b".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&&b".."[..]) {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = vec![b'/'; initial];
    out.extend_from_slice(&comps.join(&b'/'));
    if out.is_empty() {
        out.push(b'.');
    }
    out
}

fn normpath(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let out = normpath_bytes(&p.bytes);
    path_result(vm, &out, p.is_bytes)
}

fn abspath(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    let mut full = p.bytes.clone();
    if !full.starts_with(b"/") {
        let cwd = match std::env::current_dir() {
            Ok(c) => c.into_os_string().into_vec(),
            Err(e) => return Err(io_err(vm, e)),
        };
        let mut joined = cwd;
        if !joined.ends_with(b"/") {
            joined.push(b'/');
        }
        joined.extend_from_slice(&full);
        full = joined;
    }
    let out = normpath_bytes(&full);
    path_result(vm, &out, p.is_bytes)
}

fn isabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    Ok(Value::bool(p.bytes.starts_with(b"/")))
}

/// Metadata for a path predicate; any error (including a bad path) is "no".
fn metadata_of(vm: &mut Vm, v: Value, follow: bool) -> PyResult<Option<std::fs::Metadata>> {
    let p = match path_arg(vm, v) {
        Ok(p) => p,
        Err(e) if vm.exc_matches(e, crate::error::ExcKind::ValueError) => return Ok(None),
        Err(e) => return Err(e),
    };
    let path: &Path = &p.path();
    Ok(if follow { std::fs::metadata(path) } else { std::fs::symlink_metadata(path) }.ok())
}

fn exists(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    Ok(Value::bool(metadata_of(vm, args[0], true)?.is_some()))
}

fn isdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    Ok(Value::bool(metadata_of(vm, args[0], true)?.is_some_and(|m| m.is_dir())))
}

fn isfile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    Ok(Value::bool(metadata_of(vm, args[0], true)?.is_some_and(|m| m.is_file())))
}

fn islink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    Ok(Value::bool(metadata_of(vm, args[0], false)?.is_some_and(|m| m.file_type().is_symlink())))
}

fn getsize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let p = path_arg(vm, args[0])?;
    match std::fs::metadata(p.path()) {
        Ok(md) => vm.new_int_i128(md.len() as i128),
        Err(e) => Err(io_err(vm, e)),
    }
}

fn make_path_module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "os.path",
        &[
            ("join", join),
            ("split", split),
            ("basename", basename),
            ("dirname", dirname),
            ("splitext", splitext),
            ("normpath", normpath),
            ("abspath", abspath),
            ("isabs", isabs),
            ("exists", exists),
            ("isdir", isdir),
            ("isfile", isfile),
            ("islink", islink),
            ("getsize", getsize),
        ],
    )?;
    if let Some(module) = m.downcast::<ModuleObj>() {
        module.dict.get_mut().set_qstr(Qstr::new("sep"), Value::qstr(Qstr::new("/")));
    }
    Ok(m)
}

/// `os.environ`'s class, run in the module's namespace: a dict (the snapshot taken at import)
/// whose changes also go to the process environment through `putenv` / `unsetenv`. As in
/// CPython, `putenv` and `unsetenv` called directly leave `environ` as it is.
const ENVIRON_SOURCE: &str = "
class _Environ(dict):
    def __setitem__(self, key, value):
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        unsetenv(key)

    def pop(self, key, *default):
        had = key in self
        value = dict.pop(self, key, *default)
        if had:
            unsetenv(key)
        return value

    def popitem(self):
        key, value = dict.popitem(self)
        unsetenv(key)
        return key, value

    def clear(self):
        for key in list(self):
            unsetenv(key)
        dict.clear(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def copy(self):
        return dict(self)

environ = _Environ(environ)
";

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "os",
        &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("ilistdir", ilistdir),
            ("stat", stat),
            ("lstat", lstat),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("getenv", getenv),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("system", system),
            ("urandom", urandom),
            ("getpid", getpid),
            ("uname", uname),
        ],
    )?;
    let Some(module) = m.downcast::<ModuleObj>() else { return Ok(m) };
    let d = module.dict;
    for (k, v) in [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("linesep", "\n"), ("name", "posix")] {
        d.get_mut().set_qstr(Qstr::new(k), Value::qstr(Qstr::new(v)));
    }
    // `environ`: the environment at import (kept in step by its own changes; see below).
    let env = vm.new_dict()?;
    for (k, v) in std::env::vars_os() {
        let kv = name_value(vm, k.as_bytes(), false)?;
        let vv = name_value(vm, v.as_bytes(), false)?;
        vm.dict_set(env, kv, vv)?;
    }
    d.get_mut().set_qstr(Qstr::new("environ"), env.value());
    // Wrapped, as CPython's is, so that storing into it or deleting from it changes the
    // process environment too (what `getenv` and `system`'s children see).
    vm.temp_roots.push(m);
    let made =
        vm.compile(ENVIRON_SOURCE, "<os>", krait_syntax::Mode::File).and_then(|code| vm.run_code(code, d, Value::NULL));
    vm.temp_roots.pop();
    made?;
    let path = make_path_module(vm)?;
    d.get_mut().set_qstr(Qstr::new("path"), path);
    super::errno::register_aliases(vm, path, &["os.path"])?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normpath_rules() {
        let n = |p: &str| String::from_utf8(normpath_bytes(p.as_bytes())).unwrap();
        assert_eq!(n(""), ".");
        assert_eq!(n("a/./b/../c"), "a/c");
        assert_eq!(n("/../a"), "/a");
        assert_eq!(n("../a/.."), "..");
        assert_eq!(n("//a//b/"), "//a/b");
        assert_eq!(n("///a"), "/a");
        assert_eq!(n("a/.."), ".");
    }

    #[test]
    fn split_rules() {
        assert_eq!(split_bytes(b"/a/b"), (&b"/a"[..], &b"b"[..]));
        assert_eq!(split_bytes(b"/a"), (&b"/"[..], &b"a"[..]));
        assert_eq!(split_bytes(b"a"), (&b""[..], &b"a"[..]));
        assert_eq!(split_bytes(b"a//b"), (&b"a"[..], &b"b"[..]));
        assert_eq!(split_bytes(b"//"), (&b"//"[..], &b""[..]));
    }
}

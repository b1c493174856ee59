//! `io`: in-memory streams (`StringIO`, `BytesIO`), files (`open()` returning a
//! `TextIOWrapper` or a binary `FileIO`), `IOBase` for user streams, and
//! MicroPython's `BufferedWriter`.
//!
//! Files have a read-ahead buffer; writes go straight to the OS, as on MicroPython
//! (so what a program wrote is visible to it at once, closed or not). Text files decode
//! UTF-8 (or ASCII / Latin-1) and count `read(n)` in characters; newlines are not
//! translated, as on MicroPython. Errors from the OS are `OSError` subclasses chosen
//! by errno (`FileNotFoundError` for ENOENT, ...) with `args == (errno,)`, as
//! MicroPython gives them.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

use krait_syntax::Qstr;

use crate::class::{arg, kwarg};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::str::{as_str, as_wtf8, Codec};
use crate::obj::{BytesObj, DictObj, ModuleObj, TupleObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

// ---- errno ----

/// Linux errno names, for MicroPython's `[Errno 2] ENOENT` messages.
const ERRNO_NAMES: &[(i64, &str)] = &[
    (1, "EPERM"),
    (2, "ENOENT"),
    (3, "ESRCH"),
    (4, "EINTR"),
    (5, "EIO"),
    (6, "ENXIO"),
    (7, "E2BIG"),
    (8, "ENOEXEC"),
    (9, "EBADF"),
    (10, "ECHILD"),
    (11, "EAGAIN"),
    (12, "ENOMEM"),
    (13, "EACCES"),
    (14, "EFAULT"),
    (16, "EBUSY"),
    (17, "EEXIST"),
    (18, "EXDEV"),
    (19, "ENODEV"),
    (20, "ENOTDIR"),
    (21, "EISDIR"),
    (22, "EINVAL"),
    (23, "ENFILE"),
    (24, "EMFILE"),
    (25, "ENOTTY"),
    (26, "ETXTBSY"),
    (27, "EFBIG"),
    (28, "ENOSPC"),
    (29, "ESPIPE"),
    (30, "EROFS"),
    (31, "EMLINK"),
    (32, "EPIPE"),
    (33, "EDOM"),
    (34, "ERANGE"),
    (36, "ENAMETOOLONG"),
    (39, "ENOTEMPTY"),
    (40, "ELOOP"),
    (95, "EOPNOTSUPP"),
    (98, "EADDRINUSE"),
    (103, "ECONNABORTED"),
    (104, "ECONNRESET"),
    (105, "ENOBUFS"),
    (107, "ENOTCONN"),
    (110, "ETIMEDOUT"),
    (111, "ECONNREFUSED"),
    (113, "EHOSTUNREACH"),
    (114, "EALREADY"),
    (115, "EINPROGRESS"),
];

/// The symbolic name of an errno value (`ENOENT`), if krait knows it.
pub fn errno_name(errno: i64) -> Option<&'static str> {
    ERRNO_NAMES.iter().find(|&&(n, _)| n == errno).map(|&(_, s)| s)
}

pub const EAGAIN: i64 = 11;
pub const EBADF: i64 = 9;
pub const EINVAL: i64 = 22;

/// The subclass of OSError CPython picks for an errno (of those krait has).
pub fn os_error_kind(errno: i64) -> ExcKind {
    match errno {
        2 => ExcKind::FileNotFoundError,
        17 => ExcKind::FileExistsError,
        1 | 13 => ExcKind::PermissionError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        110 => ExcKind::TimeoutError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 115 => ExcKind::BlockingIOError,
        32 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        111 => ExcKind::ConnectionRefusedError,
        _ => ExcKind::OSError,
    }
}

/// `OSError(errno)`, as the subclass CPython picks for that errno
/// (`FileNotFoundError` for ENOENT, ...), with MicroPython's `args == (errno,)`.
pub fn os_error(vm: &mut Vm, errno: i64) -> PyErr {
    let class = vm.types.exc(os_error_kind(errno));
    match vm.new_tuple_from(&[Value::small_int(errno)]) {
        Ok(args) => vm.new_exception_args(class, args),
        Err(e) => e,
    }
}

/// The text of an OSError carrying an errno, as MicroPython prints it: `[Errno 2]
/// ENOENT`, or `[Errno 2] ENOENT: <strerror>` with a second argument (CPython's
/// `[Errno 2] <strerror>` for an errno krait has no name for). `None` for other
/// exceptions (and for user subclasses of OSError). The texts may hold lone
/// surrogates (a file name decoded from bytes, say).
pub fn errno_message(vm: &Vm, e: Gc<crate::obj::ExceptionObj>) -> Option<krait_syntax::wtf8::Wtf8Buf> {
    let os = vm.types.exc(ExcKind::OSError);
    if !e.class.is_subtype(os) || !e.class.has_flag(crate::obj::type_::flags::BUILTIN) {
        return None;
    }
    let t = e.args.downcast::<TupleObj>()?;
    let n = t.items().first()?.as_small_int()?;
    match t.items().len() {
        1 => errno_name(n).map(|name| format!("[Errno {n}] {name}").into()),
        2 => as_wtf8(&t.items()[1]).map(|s| {
            let mut m = krait_syntax::wtf8::Wtf8Buf::from(match errno_name(n) {
                Some(name) => format!("[Errno {n}] {name}: "),
                None => format!("[Errno {n}] "),
            });
            m.push_wtf8(s);
            // CPython's `: 'name'` (`-> 'name2'`) after the text for OSError(errno, text, filename, ...).
            let d = e.dict.downcast::<DictObj>();
            let mut r = String::new();
            if let Some(f) = d.and_then(|d| d.get_qstr(Qstr::new("filename"))) {
                if let Some(fs) = as_wtf8(&f) {
                    r.push_str(": ");
                    crate::repr::repr_wtf8_into(fs, &mut r);
                }
                if let Some(f2) = d.and_then(|d| d.get_qstr(Qstr::new("filename2"))) {
                    if let Some(fs) = as_wtf8(&f2) {
                        r.push_str(" -> ");
                        crate::repr::repr_wtf8_into(fs, &mut r);
                    }
                }
            }
            m.push_str(&r);
            m
        }),
        _ => None,
    }
}

/// Record the file name(s) an OSError is about (its `filename` and `filename2`).
pub fn set_filename(vm: &mut Vm, err: PyErr, path: Value, path2: Option<Value>) -> PyErr {
    let Some(e) = err.0.downcast::<crate::obj::ExceptionObj>() else { return err };
    if !e.class.is_subtype(vm.types.exc(ExcKind::OSError)) {
        return err;
    }
    let d = match e.dict.downcast::<DictObj>() {
        Some(d) => d,
        None => match vm.new_dict() {
            Ok(d) => {
                e.get_mut().dict = d.value();
                d
            }
            Err(_) => return err,
        },
    };
    d.get_mut().set_qstr(Qstr::new("filename"), path);
    if let Some(p2) = path2 {
        d.get_mut().set_qstr(Qstr::new("filename2"), p2);
    }
    err
}

/// A Rust I/O error as the Python exception.
pub fn io_error(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    match e.raw_os_error() {
        Some(n) => os_error(vm, n as i64),
        None => match e.kind() {
            std::io::ErrorKind::NotFound => os_error(vm, 2),
            std::io::ErrorKind::PermissionDenied => os_error(vm, 13),
            std::io::ErrorKind::AlreadyExists => os_error(vm, 17),
            std::io::ErrorKind::InvalidInput => os_error(vm, EINVAL),
            std::io::ErrorKind::OutOfMemory => vm.alloc_failed_bytes(usize::MAX),
            _ => vm.new_exception(ExcKind::OSError, e.to_string()),
        },
    }
}

// ---- finding this module's types from anywhere ----

/// The dict of the built-in module `name`, importing it first if needed.
pub fn builtin_module_dict(vm: &mut Vm, name: &str) -> PyResult<Gc<DictObj>> {
    let q = Qstr::new(name);
    if let Some(m) = vm.modules.get_qstr(q).and_then(|m| m.downcast::<ModuleObj>()) {
        if m.dict.get_qstr(Qstr::new(HIDDEN_TYPES)).is_some() {
            return Ok(m.dict);
        }
    }
    let Some(m) = super::make_builtin_module(vm, name)? else {
        return Err(vm.new_exception(ExcKind::ImportError, format!("no module named '{name}'")));
    };
    if vm.modules.get_qstr(q).is_none() {
        vm.dict_set(vm.modules, Value::qstr(q), m)?;
    }
    match m.downcast::<ModuleObj>() {
        Some(m) => Ok(m.dict),
        None => Err(vm.new_exception(ExcKind::ImportError, format!("no module named '{name}'"))),
    }
}

/// A built-in module under an alias (`ucollections`): the one registered under its
/// canonical name, made first if needed.
pub fn canonical_module(vm: &mut Vm, name: &str, make: fn(&mut Vm) -> PyResult<Value>) -> PyResult<Value> {
    let q = Qstr::new(name);
    if let Some(m) = vm.modules.get_qstr(q).and_then(|m| m.downcast::<ModuleObj>()) {
        if m.dict.get_qstr(Qstr::new(HIDDEN_TYPES)).is_some() {
            return Ok(m.value());
        }
    }
    let m = make(vm)?;
    vm.dict_set(vm.modules, Value::qstr(q), m)?;
    Ok(m)
}

/// Where a built-in module keeps the types its functions construct (a tuple), so
/// that rebinding the public names doesn't break the module.
pub const HIDDEN_TYPES: &str = "__krait_types__";

/// Type number `i` of built-in module `module` (see `HIDDEN_TYPES`).
pub fn module_type(vm: &mut Vm, module: &str, i: usize) -> PyResult<Gc<TypeObj>> {
    let d = builtin_module_dict(vm, module)?;
    let t = d
        .get_qstr(Qstr::new(HIDDEN_TYPES))
        .and_then(|t| t.downcast::<TupleObj>())
        .and_then(|t| t.items().get(i).copied())
        .and_then(|t| t.downcast::<TypeObj>());
    match t {
        Some(t) => Ok(t),
        None => Err(vm.new_exception(ExcKind::ImportError, format!("module '{module}' is damaged"))),
    }
}

/// Register `types` as a module's hidden type table.
pub fn set_module_types(vm: &mut Vm, m: Value, types: &[Gc<TypeObj>]) -> PyResult<()> {
    let items: Vec<Value> = types.iter().map(|t| t.value()).collect();
    let t = vm.new_tuple(items)?;
    if let Some(m) = m.downcast::<ModuleObj>() {
        m.dict.get_mut().set_qstr(Qstr::new(HIDDEN_TYPES), t);
    }
    Ok(())
}

/// Indices into io's hidden type table.
const T_TEXTIO: usize = 0;
const T_FILEIO: usize = 1;
const T_UNSUPPORTED: usize = 2;

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match module_type(vm, "io", T_UNSUPPORTED) {
        Ok(t) => vm.new_exception_of(t, msg),
        Err(e) => e,
    }
}

fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// An optional size argument: absent, None or negative mean "all".
/// A stream's optional size argument: `None`, absent or negative mean "all".
pub(crate) fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let n = vm.to_index(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// Byte offset after `n` characters of UTF-8 starting at `from` (clamped to the end).
fn advance_chars(buf: &[u8], from: usize, n: usize) -> usize {
    if from >= buf.len() {
        return from;
    }
    let end = from.saturating_add(n).min(buf.len());
    if buf[from..end].is_ascii() && (end == buf.len() || buf[end] & 0xc0 != 0x80) {
        return end;
    }
    let mut i = from;
    let mut c = 0;
    while i < buf.len() {
        if buf[i] & 0xc0 != 0x80 {
            if c == n {
                break;
            }
            c += 1;
        }
        i += 1;
    }
    i
}

fn count_chars(b: &[u8]) -> usize {
    if b.is_ascii() {
        return b.len();
    }
    b.iter().filter(|&&x| x & 0xc0 != 0x80).count()
}

fn bytes_arg_for_write(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if crate::obj::str::is_str(v) {
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))));
    }
    match crate::buffer::buffer_bytes(vm, v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

/// MicroPython's extended `write(buf, len)` / `write(buf, off, len)`: the part of
/// `data` to write.
fn write_window(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    match args.len() {
        0..=2 => Ok((0, len)),
        3 => {
            let n = vm.to_index(args[2])?.max(0) as usize;
            Ok((0, n.min(len)))
        }
        _ => {
            let off = (vm.to_index(args[2])?.max(0) as usize).min(len);
            let n = vm.to_index(args[3])?.max(0) as usize;
            Ok((off, off + n.min(len - off)))
        }
    }
}

// ---- StringIO and BytesIO ----

/// An in-memory stream. For `StringIO` (`text`), the contents are UTF-8 text and
/// `pos` a byte offset on a character boundary (or past the end, where each missing
/// character is one NUL byte once written).
///
/// A stream made from a `bytes` (`BytesIO`) or `str` (`StringIO`) object shares that
/// immutable object (`init`) instead of copying it, until the stream is first
/// changed (copy on write, as MicroPython does): making one allocates only the
/// stream, and `getvalue()` (or a `read()` of everything) of an unchanged stream
/// returns the object itself, allocating nothing.
pub struct MemIOObj {
    /// The contents once the stream owns them (empty while `init` is set).
    buf: Vec<u8>,
    /// The shared initial `bytes`/`str` object, or NULL once copied (or never given).
    init: Value,
    pub pos: usize,
    pub closed: bool,
    pub text: bool,
    /// A `StringIO`'s `newline=` mode (`'\n'` unless given).
    newline: Newline,
    pub class: Gc<TypeObj>,
}

/// Text written to a `StringIO` as its `newline=` mode stores it: `None` turns
/// `\r\n` and `\r` into `\n`; `'\r'` and `'\r\n'` turn `\n` into themselves.
///
/// Works on a str's bytes (UTF-8, or generalized UTF-8 with lone surrogates):
/// line endings are ASCII bytes, which occur in no other character.
fn translate_newlines(s: &[u8], nl: Newline) -> Option<Vec<u8>> {
    let (from, to): (u8, &[u8]) = match nl {
        Newline::Universal if s.contains(&b'\r') => (b'\r', b"\n"),
        Newline::Cr if s.contains(&b'\n') => (b'\n', b"\r"),
        Newline::CrLf if s.contains(&b'\n') => (b'\n', b"\r\n"),
        _ => return None,
    };
    let mut out = Vec::with_capacity(s.len() + s.len() / 8);
    let mut i = 0;
    while i < s.len() {
        if s[i] == from {
            out.extend_from_slice(to);
            // Universal newlines: `\r\n` is one line ending.
            if nl == Newline::Universal && s.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(s[i]);
        }
        i += 1;
    }
    Some(out)
}

/// Where the line starting at `d[0]` ends (after its line ending), within `d`.
fn line_end(d: &[u8], nl: Newline) -> Option<usize> {
    match nl {
        Newline::Untranslated => {
            let i = d.iter().position(|&b| b == b'\n' || b == b'\r')?;
            // A `\r` at the end of what is looked at might be half of a `\r\n`:
            // the caller's slice is the whole rest of the stream or a size limit.
            Some(if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 })
        }
        Newline::Cr => d.iter().position(|&b| b == b'\r').map(|i| i + 1),
        Newline::CrLf => d.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
        _ => d.iter().position(|&b| b == b'\n').map(|i| i + 1),
    }
}

impl MemIOObj {
    /// Run `f` on the stream's contents.
    fn with_data<T>(&self, f: impl FnOnce(&[u8]) -> T) -> T {
        if self.init.is_null() {
            return f(&self.buf);
        }
        if let Some(s) = as_wtf8(&self.init) {
            return f(s);
        }
        match self.init.downcast::<BytesObj>() {
            Some(b) => f(&b.data),
            None => f(&[]),
        }
    }

    fn len(&self) -> usize {
        self.with_data(<[u8]>::len)
    }
}

/// Give the stream its own copy of a shared initial object (charging the heap)
/// before it is changed.
fn own(vm: &mut Vm, m: Gc<MemIOObj>) -> PyResult<()> {
    if m.init.is_null() {
        return Ok(());
    }
    let n = m.len();
    let mut buf = crate::obj::str::vec_with_room(vm, n)?;
    vm.charge(buf.capacity())?;
    m.with_data(|d| buf.extend_from_slice(d));
    let o = m.get_mut();
    o.buf = buf;
    o.init = Value::NULL;
    Ok(())
}

impl PyObj for MemIOObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
        t.mark(self.init);
    }
    fn extra_size(&self) -> usize {
        self.buf.capacity()
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn mem(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<MemIOObj>> {
    let r = args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<MemIOObj>());
    match r {
        Some(m) if !m.closed => Ok(m),
        // CPython's StringIO says it without the full stop.
        Some(m) if m.text => Err(vm.value_error("I/O operation on closed file")),
        Some(_) => Err(closed_error(vm)),
        None => Err(vm.type_error("StringIO/BytesIO method needs a stream")),
    }
}

/// Grow `buf` to hold `extra` more bytes, charging the heap.
fn reserve(vm: &mut Vm, buf: &mut Vec<u8>, extra: usize) -> PyResult<()> {
    let before = buf.capacity();
    if buf.len() + extra <= before {
        return Ok(());
    }
    crate::obj::str::check_room(vm, extra)?;
    if let Err(e) = vm.heap.check_fits(extra) {
        return Err(vm.alloc_failed(e));
    }
    if buf.try_reserve(extra).is_err() {
        return Err(vm.alloc_failed_bytes(extra));
    }
    vm.charge(buf.capacity() - before)
}

fn memio_make(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value], text: bool) -> R {
    let init = args.first().copied().or_else(|| kwarg(kw, if text { "initial_value" } else { "initial_bytes" }));
    let mut buf = Vec::new();
    let mut shared = Value::NULL;
    if let Some(v) = init {
        if v.is_none() {
        } else if text {
            match as_wtf8(&v) {
                Some(s) if !s.is_empty() => shared = v,
                Some(_) => {}
                None => {
                    // MicroPython: StringIO(n) preallocates.
                    if v.is_small_int() {
                        let n = vm.to_index(v)?.max(0) as usize;
                        reserve(vm, &mut buf, n.min(1 << 20))?;
                    } else {
                        return Err(
                            vm.type_error(format!("initial_value must be str or None, not {}", vm.type_name(v)))
                        );
                    }
                }
            }
        } else if v.is_small_int() {
            let n = vm.to_index(v)?.max(0) as usize;
            reserve(vm, &mut buf, n.min(1 << 20))?;
        } else if v.is_kind(ObjKind::Bytes) {
            shared = v;
        } else {
            buf = bytes_arg_for_write(vm, v)?;
        }
    }
    let mut newline = Newline::Lf;
    if let Some(nl) = args.get(1).copied().or_else(|| kwarg(kw, "newline")) {
        newline = match as_str(&nl) {
            _ if nl.is_none() => Newline::Universal,
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            _ => return Err(vm.value_error("illegal newline value")),
        };
    }
    if !shared.is_null() && text {
        if let Some(t) = as_wtf8(&shared).and_then(|s| translate_newlines(s, newline)) {
            shared = Value::NULL;
            buf = t;
        }
    }
    Ok(vm.alloc(MemIOObj { buf, init: shared, pos: 0, closed: false, text, newline, class: cls })?.value())
}

fn stringio_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    memio_make(vm, cls, args, kw, true)
}

fn bytesio_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    memio_make(vm, cls, args, kw, false)
}

/// Bytes `start..end` of a stream's contents as the stream's value type: the shared
/// initial object itself when that is all of it (nothing is allocated).
fn mem_result(vm: &mut Vm, m: Gc<MemIOObj>, start: usize, end: usize) -> R {
    if !m.init.is_null() && start == 0 && end == m.len() {
        return Ok(m.init);
    }
    let text = m.text;
    let mut piece = crate::obj::str::vec_with_room(vm, end - start)?;
    m.with_data(|d| piece.extend_from_slice(&d[start..end]));
    if text {
        match String::from_utf8(piece) {
            Ok(s) => vm.new_string(s),
            // Text written with lone surrogates, unless a seek cut a character.
            Err(e) if krait_syntax::wtf8::is_well_formed(e.as_bytes()) => vm.new_wtf8(e.as_bytes()),
            Err(e) => crate::obj::str::decode(vm, e.as_bytes(), "utf-8", Some("replace")),
        }
    } else {
        vm.new_bytes(piece)
    }
}

/// The range `read(n)` (or `readline(n)` with `line`) takes from the stream position.
fn read_range(m: &MemIOObj, n: Option<usize>, line: bool) -> (usize, usize) {
    m.with_data(|d| {
        let start = m.pos.min(d.len());
        let limit = match n {
            None => d.len(),
            Some(n) if m.text => advance_chars(d, start, n),
            Some(n) => start.saturating_add(n).min(d.len()),
        };
        let end = match line_end(&d[start..limit], m.newline) {
            Some(i) if line => start + i,
            _ => limit,
        };
        (start, end)
    })
}

fn memio_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let n = size_arg(vm, args.get(1).copied().or_else(|| kwarg(kw, "size")))?;
    let (start, end) = read_range(&m, n, false);
    let r = mem_result(vm, m, start, end)?;
    let o = m.get_mut();
    o.pos = o.pos.max(end);
    Ok(r)
}

fn memio_readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let n = size_arg(vm, args.get(1).copied().or_else(|| kwarg(kw, "size")))?;
    let (start, end) = read_range(&m, n, true);
    let r = mem_result(vm, m, start, end)?;
    let o = m.get_mut();
    o.pos = o.pos.max(end);
    Ok(r)
}

fn memio_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&h| h > 0);
    let list = vm.new_list(Vec::new())?;
    let mut total = 0;
    loop {
        let (start, end) = read_range(&m, None, true);
        if start == end {
            break;
        }
        let line = mem_result(vm, m, start, end)?;
        let o = m.get_mut();
        o.pos = o.pos.max(end);
        vm.list_append(list, line)?;
        total += end - start;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(list)
}

fn memio_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let line = memio_readline(vm, &args[..1.min(args.len())], &[])?;
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}

/// Write `data` at the stream position (overwriting, or padding with NULs past the end).
fn mem_write_bytes(vm: &mut Vm, m: Gc<MemIOObj>, data: &[u8]) -> PyResult<()> {
    own(vm, m)?;
    let o = m.get_mut();
    let pos = o.pos;
    let len = o.buf.len();
    if pos == len {
        reserve(vm, &mut o.buf, data.len())?;
        o.buf.extend_from_slice(data);
        o.pos += data.len();
        return Ok(());
    }
    if pos > len {
        reserve(vm, &mut o.buf, pos - len + data.len())?;
        o.buf.resize(pos, 0);
        o.buf.extend_from_slice(data);
        o.pos += data.len();
        return Ok(());
    }
    // Overwrite: bytes for BytesIO, characters for StringIO.
    let end = if o.text { advance_chars(&o.buf, pos, count_chars(data)) } else { (pos + data.len()).min(len) };
    if end - pos < data.len() {
        reserve(vm, &mut o.buf, data.len() - (end - pos))?;
    }
    o.buf.splice(pos..end, data.iter().copied());
    o.pos = pos + data.len();
    Ok(())
}

fn memio_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let v = arg(vm, args, 1, "write")?;
    if m.text {
        // (A str's bytes: text with lone surrogates is kept as it is.)
        let Some(s) = as_wtf8(&v) else {
            return Err(vm.type_error(format!("string argument expected, got '{}'", vm.type_name(v))));
        };
        let n = if args.len() > 2 {
            // MicroPython's write(buf, len) / write(buf, off, len), in bytes of the text.
            let (a, b) = write_window(vm, args, s.len())?;
            let s = as_wtf8(&v).unwrap_or_default();
            let piece = s[a..b].to_vec();
            mem_write_bytes(vm, m, &piece)?;
            return vm.new_int(count_chars(&piece) as i64);
        } else {
            let s = as_wtf8(&v).unwrap_or_default();
            let n = crate::obj::str::str_char_len(v).unwrap_or(s.len());
            if let Some(t) = translate_newlines(s, m.newline) {
                mem_write_bytes(vm, m, &t)?;
                return vm.new_int(n as i64);
            }
            // `s` borrows `v`, which the caller roots; no Python code runs below.
            mem_write_bytes(vm, m, s)?;
            n
        };
        return vm.new_int(n as i64);
    }
    if let Some(b) = v.downcast::<crate::obj::BytesObj>() {
        if args.len() <= 2 {
            let n = b.data.len();
            mem_write_bytes(vm, m, &b.data)?;
            return vm.new_int(n as i64);
        }
    }
    let data = bytes_arg_for_write(vm, v)?;
    let (a, b) = write_window(vm, args, data.len())?;
    mem_write_bytes(vm, m, &data[a..b])?;
    vm.new_int((b - a) as i64)
}

fn memio_writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = mem(vm, args)?;
    let lines = arg(vm, args, 1, "writelines")?;
    let items = vm.collect_iterable(lines)?;
    vm.temp_roots.extend_from_slice(&items);
    let n = items.len();
    let r = (|| {
        for &line in &items {
            memio_write(vm, &[args[0], line], &[])?;
        }
        Ok(Value::NONE)
    })();
    vm.temp_roots.truncate(vm.temp_roots.len() - n);
    r
}

fn memio_getvalue(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let n = m.len();
    mem_result(vm, m, 0, n)
}

/// The stream position in characters (text) or bytes.
fn mem_tell(m: &MemIOObj) -> usize {
    if !m.text {
        return m.pos;
    }
    m.with_data(|d| if m.pos <= d.len() { count_chars(&d[..m.pos]) } else { count_chars(d) + (m.pos - d.len()) })
}

fn memio_tell(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let n = mem_tell(&m);
    vm.new_int(n as i64)
}

fn seek_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(i64, i64)> {
    let off = args.get(1).copied().or_else(|| kwarg(kw, "pos")).or_else(|| kwarg(kw, "offset"));
    let Some(off) = off else { return Err(vm.type_error("seek() missing required argument 'pos'")) };
    if off.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let off = vm.to_index(off)?;
    let whence = match args.get(2).copied().or_else(|| kwarg(kw, "whence")) {
        Some(w) => vm.to_index(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    Ok((off, whence))
}

fn memio_seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let (off, whence) = seek_args(vm, args, kw)?;
    let text = m.text;
    // Positions are in characters for text: convert the reference point.
    let cur_chars = mem_tell(&m) as i64;
    let len_chars = if text { m.with_data(count_chars) } else { m.len() } as i64;
    // A negative absolute position is OSError(EINVAL), as for a real file: one
    // stream interface, as MicroPython has it (CPython raises ValueError here). A
    // text stream seeks relative to the current position or the end only by 0.
    if text && whence != 0 && off != 0 {
        let msg =
            if whence == 1 { "Can't do nonzero cur-relative seeks" } else { "Can't do nonzero end-relative seeks" };
        return Err(vm.new_exception(ExcKind::OSError, msg));
    }
    let target = match whence {
        0 => {
            if off < 0 {
                return Err(os_error(vm, EINVAL));
            }
            off
        }
        1 => (cur_chars.saturating_add(off)).max(0),
        _ => (len_chars.saturating_add(off)).max(0),
    };
    let pos = if text {
        if target <= len_chars {
            m.with_data(|d| advance_chars(d, 0, target as usize))
        } else {
            m.len() + (target - len_chars) as usize
        }
    } else {
        target as usize
    };
    m.get_mut().pos = pos;
    vm.new_int(target)
}

fn memio_truncate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    // The new size, in characters (text) or bytes, and as a byte offset.
    let (n, size) = match args.get(1) {
        Some(&v) if !v.is_none() => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error(format!("negative size value {n}")));
            }
            let n = n as usize;
            (n, if m.text { m.with_data(|d| advance_chars(d, 0, n)) } else { n })
        }
        _ => (mem_tell(&m), m.pos),
    };
    if size < m.len() {
        own(vm, m)?;
        m.get_mut().buf.truncate(size);
    }
    vm.new_int(n as i64)
}

fn memio_readinto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = mem(vm, args)?;
    let target = arg(vm, args, 1, "readinto")?;
    let limit = match args.get(2) {
        Some(&v) => Some(vm.to_index(v)?.max(0) as usize),
        None => None,
    };
    let start = m.pos.min(m.len());
    let got = m.with_data(|d| {
        let src = &d[start..];
        crate::buffer::with_buffer_mut(vm, target, |dst| {
            let n = dst.len().min(src.len()).min(limit.unwrap_or(usize::MAX));
            dst[..n].copy_from_slice(&src[..n]);
            n
        })
    });
    match got {
        Some(n) => {
            m.get_mut().pos = start + n;
            vm.new_int(n as i64)
        }
        None => Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        ))),
    }
}

fn memio_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "close")?;
    if let Some(m) = vm.builtin_receiver(v).downcast::<MemIOObj>() {
        let o = m.get_mut();
        o.closed = true;
        o.buf = Vec::new();
        o.init = Value::NULL;
        o.pos = 0;
    }
    Ok(Value::NONE)
}

fn memio_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "closed")?;
    Ok(Value::bool(vm.builtin_receiver(v).downcast::<MemIOObj>().is_none_or(|m| m.closed)))
}

fn memio_flush(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = mem(vm, args)?;
    Ok(Value::NONE)
}

fn memio_true(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = mem(vm, args)?;
    Ok(Value::TRUE)
}

fn memio_false(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = mem(vm, args)?;
    Ok(Value::FALSE)
}

fn memio_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "__repr__")?;
    let name = vm.type_of(v).name;
    vm.new_string(format!("<_io.{name} object at {:#x}>", v.bits() & 0xffff_ffff_ffff))
}

fn return_self(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    arg(vm, args, 0, "__enter__")
}

fn memio_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = mem(vm, args)?;
    arg(vm, args, 0, "__iter__")
}

fn exit_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "__exit__")?;
    vm.call_method(v, Qstr::new("close"), &[])?;
    Ok(Value::NONE)
}

// ---- files ----

const FILE_BUF: usize = 8192;

/// The `newline` argument of a text file.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Newline {
    /// `None` (the default): a line ends at `\n`, `\r\n` or `\r`, read as `\n`.
    Universal,
    /// `''`: a line ends at any of the three, kept as it is.
    Untranslated,
    /// `'\n'`.
    Lf,
    /// `'\r'`: lines end at `\r`; `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`: lines end at `\r\n`; `\n` is written as `\r\n`.
    CrLf,
}

/// An open file: binary (`FileIO`) or text (`TextIOWrapper`).
pub struct FileObj {
    file: Option<File>,
    pub text: bool,
    readable: bool,
    writable: bool,
    codec: Codec,
    newline: Newline,
    /// The `errors` argument of a text file (`None`: strict).
    errors: Option<Box<str>>,
    /// utf-8-sig: the byte order mark is still to be written (by the first write
    /// at the start of the file).
    sig_pending: bool,
    pub name: Value,
    pub mode: Value,
    /// The encoding as given to `open()` (CPython reports the locale's `UTF-8` by default).
    pub encoding: Value,
    /// Read-ahead: bytes `rbuf[rpos..]` come before the OS file position.
    rbuf: Vec<u8>,
    rpos: usize,
    pub class: Gc<TypeObj>,
}

impl PyObj for FileObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        t.mark(self.mode);
        t.mark(self.encoding);
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.rbuf.capacity()
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

impl FileObj {
    /// Writes go straight to the OS (as on MicroPython), so data written through
    /// a file object nobody closed is visible at once; there is nothing to flush.
    fn flush_writes(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }

    /// Give back read-ahead to the OS position (before writing or seeking).
    fn drop_readahead(&mut self) -> std::io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// Make read-ahead available; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        let Some(f) = self.file.as_mut() else { return Ok(false) };
        self.rbuf.resize(FILE_BUF, 0);
        self.rpos = 0;
        loop {
            match f.read(&mut self.rbuf) {
                Ok(n) => {
                    self.rbuf.truncate(n);
                    return Ok(n > 0);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.clear();
                    return Err(e);
                }
            }
        }
    }

    /// Read up to `limit` units (bytes, or characters when `chars`), stopping after
    /// a newline when `line`.
    fn read_until(&mut self, line: bool, limit: Option<usize>, chars: bool) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        if limit == Some(0) {
            return Ok(out);
        }
        let mut count = 0usize;
        loop {
            if !self.fill()? {
                break;
            }
            let avail = &self.rbuf[self.rpos..];
            let mut done = false;
            let end;
            if !chars {
                let mut e = avail.len();
                if let Some(l) = limit {
                    if l - count <= e {
                        e = l - count;
                        done = true;
                    }
                }
                if line {
                    if let Some(i) = avail[..e].iter().position(|&b| b == b'\n') {
                        e = i + 1;
                        done = true;
                    }
                }
                count += e;
                end = e;
            } else {
                let mut i = 0;
                while i < avail.len() {
                    let b = avail[i];
                    if b & 0xc0 != 0x80 {
                        if limit == Some(count) {
                            done = true;
                            break;
                        }
                        count += 1;
                    }
                    i += 1;
                    if line && b == b'\n' {
                        done = true;
                        break;
                    }
                }
                end = i;
            }
            out.extend_from_slice(&avail[..end]);
            self.rpos += end;
            if done {
                break;
            }
            if limit.is_none() && !line && self.rpos == self.rbuf.len() {
                // Everything: read the rest straight into `out`.
                if let Some(f) = self.file.as_mut() {
                    f.read_to_end(&mut out)?;
                }
                break;
            }
        }
        Ok(out)
    }

    /// Text: read up to `limit` characters, stopping after a line end when
    /// `line`, as the file's `newline` says (universal newlines are read as `\n`).
    fn read_text(&mut self, line: bool, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let nl = self.newline;
        if nl == Newline::Lf {
            return self.read_until(line, limit, true);
        }
        let any_end = matches!(nl, Newline::Universal | Newline::Untranslated);
        let mut out = Vec::new();
        if limit == Some(0) {
            return Ok(out);
        }
        if !line && limit.is_none() {
            out = self.read_until(false, None, false)?;
        } else {
            let mut count = 0usize;
            loop {
                if !self.fill()? {
                    break;
                }
                let avail = &self.rbuf[self.rpos..];
                let mut i = 0;
                let mut done = false;
                let mut cr = false;
                if limit.is_none() && any_end {
                    // A line of unbounded length: no characters to count, so jump
                    // straight to the next line end.
                    i = avail.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(avail.len());
                }
                while i < avail.len() {
                    let b = avail[i];
                    if b & 0xc0 != 0x80 {
                        if limit == Some(count) {
                            done = true;
                            break;
                        }
                        count += 1;
                    }
                    i += 1;
                    if b == b'\r' && any_end {
                        cr = true;
                        break;
                    }
                    let ends = match nl {
                        Newline::Cr => b == b'\r',
                        Newline::CrLf => {
                            b == b'\n'
                                && (if i >= 2 { avail[i - 2] } else { out.last().copied().unwrap_or(0) }) == b'\r'
                        }
                        _ => b == b'\n',
                    };
                    if line && ends {
                        done = true;
                        break;
                    }
                }
                out.extend_from_slice(&avail[..i]);
                self.rpos += i;
                if cr {
                    // `\r\n` is one line end (and one character once translated),
                    // wherever the read-ahead buffer happens to split it.
                    if self.fill()? && self.rbuf[self.rpos] == b'\n' {
                        let counts = nl == Newline::Untranslated;
                        if !(counts && limit == Some(count)) {
                            out.push(b'\n');
                            self.rpos += 1;
                            count += usize::from(counts);
                        }
                    }
                    done = line;
                }
                if done {
                    break;
                }
            }
        }
        if nl == Newline::Universal && out.contains(&b'\r') {
            let mut t = Vec::with_capacity(out.len());
            let mut k = 0;
            while k < out.len() {
                if out[k] == b'\r' {
                    t.push(b'\n');
                    if out.get(k + 1) == Some(&b'\n') {
                        k += 1;
                    }
                } else {
                    t.push(out[k]);
                }
                k += 1;
            }
            out = t;
        }
        Ok(out)
    }

    /// Read a line: text by the file's newline rules, bytes up to `\n`.
    fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        if self.text {
            self.read_text(true, limit)
        } else {
            self.read_until(true, limit, false)
        }
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        let unread = (self.rbuf.len() - self.rpos) as u64;
        match self.file.as_mut() {
            Some(f) => Ok(f.stream_position()? - unread),
            None => Ok(0),
        }
    }

    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.drop_readahead()?;
        match self.file.as_mut() {
            Some(f) => f.seek(pos),
            None => Ok(0),
        }
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        if self.rpos < self.rbuf.len() || !self.rbuf.is_empty() {
            self.drop_readahead()?;
        }
        match self.file.as_mut() {
            Some(f) => f.write_all(data),
            None => Ok(()),
        }
    }
}

fn file_obj(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<FileObj>> {
    let r = args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<FileObj>());
    match r {
        Some(f) if f.file.is_some() => Ok(f),
        Some(_) => Err(closed_error(vm)),
        None => Err(vm.type_error("file method needs a file")),
    }
}

fn readable_file(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<FileObj>> {
    let f = file_obj(vm, args)?;
    if !f.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(f)
}

fn file_result(vm: &mut Vm, f: Gc<FileObj>, data: Vec<u8>) -> R {
    if f.text {
        if f.codec == Codec::Utf8 {
            if let Ok(s) = String::from_utf8(data.clone()) {
                return vm.new_string(s);
            }
        }
        let name = f.codec.name();
        let errors = f.errors.as_deref().map(str::to_owned);
        crate::obj::str::decode(vm, &data, name, errors.as_deref())
    } else {
        vm.new_bytes(data)
    }
}

fn file_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let f = readable_file(vm, args)?;
    let n = size_arg(vm, args.get(1).copied().or_else(|| kwarg(kw, "size")))?;
    let r = if f.text { f.get_mut().read_text(false, n) } else { f.get_mut().read_until(false, n, false) };
    match r {
        Ok(data) => file_result(vm, f, data),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let f = readable_file(vm, args)?;
    let n = size_arg(vm, args.get(1).copied().or_else(|| kwarg(kw, "size")))?;
    match f.get_mut().read_line(n) {
        Ok(data) => file_result(vm, f, data),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = readable_file(vm, args)?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&h| h > 0);
    let list = vm.new_list(Vec::new())?;
    let mut total = 0;
    loop {
        let data = match f.get_mut().read_line(None) {
            Ok(d) => d,
            Err(e) => return Err(io_error(vm, &e)),
        };
        if data.is_empty() {
            break;
        }
        total += data.len();
        let line = file_result(vm, f, data)?;
        vm.list_append(list, line)?;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(list)
}

fn file_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = readable_file(vm, args)?;
    let data = match f.get_mut().read_line(None) {
        Ok(d) => d,
        Err(e) => return Err(io_error(vm, &e)),
    };
    if data.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    file_result(vm, f, data)
}

fn file_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = file_obj(vm, args)?;
    arg(vm, args, 0, "__iter__")
}

/// The arguments of a stream's `readinto(buf[, n])`: the writable buffer and how
/// many bytes to read into it (MicroPython's `n` caps it at `n`).
pub fn readinto_args(vm: &mut Vm, args: &[Value]) -> PyResult<(Value, usize)> {
    let target = arg(vm, args, 1, "readinto")?;
    let Some(cap) = crate::buffer::with_buffer_mut(vm, target, |d| d.len()) else {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        )));
    };
    let n = match args.get(2) {
        Some(&v) => (vm.to_index(v)?.max(0) as usize).min(cap),
        None => cap,
    };
    Ok((target, n))
}

fn file_readinto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = readable_file(vm, args)?;
    let (target, n) = readinto_args(vm, args)?;
    let data = match f.get_mut().read_until(false, Some(n), false) {
        Ok(d) => d,
        Err(e) => return Err(io_error(vm, &e)),
    };
    crate::buffer::copy_into(vm, target, &data);
    vm.new_int(data.len() as i64)
}

fn file_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    if !f.writable {
        return Err(unsupported(vm, "not writable"));
    }
    let v = arg(vm, args, 1, "write")?;
    let (data, n) = if f.text {
        let Some(s) = as_wtf8(&v) else {
            return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(v))));
        };
        let surrogates = crate::obj::str::has_surrogates(v);
        let n = crate::obj::str::str_char_len(v).unwrap_or(0);
        let translated = match f.newline {
            Newline::Cr | Newline::CrLf => translate_newlines(s, f.newline),
            _ => None,
        };
        let s = translated.as_deref().unwrap_or(s);
        if f.codec == Codec::Utf8 && !surrogates {
            let bytes = s.to_vec();
            (bytes, n)
        } else {
            // Lone surrogates go through the codec and its error handler, as in CPython
            // (strict UTF-8 raises `UnicodeEncodeError`).
            let s = s.to_owned();
            let codec = f.codec.name();
            let errors = f.errors.as_deref().map(str::to_owned);
            (crate::obj::str::encode(vm, &s, surrogates, codec, errors.as_deref())?, n)
        }
    } else {
        let d = bytes_arg_for_write(vm, v)?;
        let (a, b) = write_window(vm, args, d.len())?;
        let piece = d[a..b].to_vec();
        let n = piece.len();
        (piece, n)
    };
    if f.sig_pending {
        let o = f.get_mut();
        o.sig_pending = false;
        let at_start = o.tell().is_ok_and(|p| p == 0);
        if at_start && !data.is_empty() {
            if let Err(e) = o.write(b"\xef\xbb\xbf") {
                return Err(io_error(vm, &e));
            }
        }
    }
    match f.get_mut().write(&data) {
        Ok(()) => vm.new_int(n as i64),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = file_obj(vm, args)?;
    let lines = arg(vm, args, 1, "writelines")?;
    let items = vm.collect_iterable(lines)?;
    vm.temp_roots.extend_from_slice(&items);
    let n = items.len();
    let r = (|| {
        for &line in &items {
            file_write(vm, &[args[0], line], &[])?;
        }
        Ok(Value::NONE)
    })();
    vm.temp_roots.truncate(vm.temp_roots.len() - n);
    r
}

fn file_seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    let (off, whence) = seek_args(vm, args, kw)?;
    let pos = match whence {
        0 => {
            if off < 0 {
                return Err(os_error(vm, EINVAL));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        _ => SeekFrom::End(off),
    };
    match f.get_mut().seek(pos) {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_tell(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    match f.get_mut().tell() {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_flush(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    match f.get_mut().flush_writes() {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_truncate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    if !f.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match args.get(1) {
        Some(&v) if !v.is_none() => Some(vm.to_index(v)?),
        _ => None,
    };
    let o = f.get_mut();
    let r = (|| -> std::io::Result<u64> {
        o.flush_writes()?;
        let size = match size {
            Some(n) => n.max(0) as u64,
            None => o.tell()?,
        };
        o.drop_readahead()?;
        if let Some(file) = o.file.as_mut() {
            file.set_len(size)?;
        }
        Ok(size)
    })();
    match r {
        Ok(n) => vm.new_int(n as i64),
        Err(e) => Err(io_error(vm, &e)),
    }
}

fn file_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "close")?;
    if let Some(f) = vm.builtin_receiver(v).downcast::<FileObj>() {
        let o = f.get_mut();
        let r = o.flush_writes();
        o.file = None;
        o.rbuf = Vec::new();
        o.rpos = 0;
        if let Err(e) = r {
            return Err(io_error(vm, &e));
        }
    }
    Ok(Value::NONE)
}

/// Whether `v` is a file holding read-ahead not yet read (ready to read
/// whatever its descriptor says).
pub fn has_readahead(v: Value) -> bool {
    v.downcast::<FileObj>().is_some_and(|f| f.rpos < f.rbuf.len())
}

fn file_fileno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let fd = f.file.as_ref().map_or(-1, |f| f.as_raw_fd());
        vm.new_int(fd as i64)
    }
    #[cfg(not(unix))]
    {
        let _ = f;
        Err(unsupported(vm, "fileno"))
    }
}

fn file_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "closed")?;
    Ok(Value::bool(vm.builtin_receiver(v).downcast::<FileObj>().is_none_or(|f| f.file.is_none())))
}

fn file_name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "name")?;
    Ok(vm.builtin_receiver(v).downcast::<FileObj>().map_or(Value::NONE, |f| f.name))
}

fn file_mode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "mode")?;
    Ok(vm.builtin_receiver(v).downcast::<FileObj>().map_or(Value::NONE, |f| f.mode))
}

fn file_encoding(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "encoding")?;
    Ok(vm.builtin_receiver(v).downcast::<FileObj>().map_or(Value::NONE, |f| f.encoding))
}

fn file_readable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    Ok(Value::bool(f.readable))
}

fn file_writable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    Ok(Value::bool(f.writable))
}

fn file_seekable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let f = file_obj(vm, args)?;
    let ok = f.get_mut().file.as_mut().is_some_and(|f| f.stream_position().is_ok());
    Ok(Value::bool(ok))
}

fn file_isatty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let _ = file_obj(vm, args)?;
    Ok(Value::FALSE)
}

fn file_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "__repr__")?;
    let Some(f) = vm.builtin_receiver(v).downcast::<FileObj>() else { return vm.repr_value(v) };
    let name = f.name;
    let mode = f.mode;
    let text = f.text;
    let mut s = String::from(if text { "<_io.TextIOWrapper name=" } else { "<_io.FileIO name=" });
    vm.repr_into(name, &mut s)?;
    s.push_str(" mode=");
    vm.repr_into(mode, &mut s)?;
    if text {
        s.push_str(" encoding='");
        s.push_str(f.codec.name());
        s.push('\'');
    }
    s.push('>');
    vm.new_string(s)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`
pub fn builtin_open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    const NAMES: [&str; 8] = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    if args.len() > NAMES.len() {
        return Err(vm.type_error(format!("open() takes at most 8 arguments ({} given)", args.len())));
    }
    let mut vals: [Option<Value>; 8] = [None; 8];
    for (i, &a) in args.iter().enumerate() {
        vals[i] = Some(a);
    }
    for p in kw.chunks_exact(2) {
        let name = crate::obj::str_surrogates::kw_name(&p[0]);
        match NAMES.iter().position(|&n| n == name) {
            Some(i) if vals[i].is_none() => vals[i] = Some(p[1]),
            Some(_) => return Err(vm.type_error(format!("argument for open() given by name ('{name}') and position"))),
            None => return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for open()"))),
        }
    }
    let Some(file) = vals[0] else { return Err(vm.type_error("open() missing required argument 'file' (pos 1)")) };
    // (A str name's lone surrogates stand for the bytes they were decoded from,
    // as CPython's `os.fsencode`.)
    let path: Vec<u8> = if let Some(b) = crate::obj::str_surrogates::fs_encode(vm, file)? {
        b
    } else if let Some(b) = file.downcast::<crate::obj::BytesObj>() {
        b.data.clone()
    } else if let Some(fd) = file.as_small_int() {
        // A file descriptor: reopened through /dev/fd (without `unsafe`), so it gets
        // its own file position.
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        format!("/dev/fd/{fd}").into_bytes()
    } else {
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(file))));
    };
    let mode_v = vals[1].unwrap_or(Value::qstr(Qstr::new("r")));
    let Some(mode) = crate::obj::str_surrogates::utf8(vm, &mode_v)?.map(str::to_owned) else {
        return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", vm.type_name(mode_v))));
    };
    let (mut r, mut w, mut a, mut x, mut plus, mut b, mut t) = (0, 0, 0, 0, 0, 0, 0);
    for c in mode.chars() {
        match c {
            'r' => r += 1,
            'w' => w += 1,
            'a' => a += 1,
            'x' => x += 1,
            '+' => plus += 1,
            'b' => b += 1,
            't' => t += 1,
            _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    if r + w + a + x + plus + b + t != mode.chars().count() || [r, w, a, x, plus, b, t].iter().any(|&n| n > 1) {
        return Err(vm.value_error(format!("invalid mode: '{mode}'")));
    }
    if b == 1 && t == 1 {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if r + w + a + x > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if r + w + a + x == 0 {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    let binary = b == 1;
    let codec = match vals[3] {
        Some(e) if !e.is_none() => {
            if binary {
                return Err(vm.value_error("binary mode doesn't take an encoding argument"));
            }
            let Some(name) = crate::obj::str_surrogates::utf8(vm, &e)? else {
                return Err(vm.type_error("open() argument 'encoding' must be str or None"));
            };
            match Codec::lookup(name) {
                Some(c) if !c.ascii_compatible() => {
                    return Err(vm.new_exception(
                        ExcKind::NotImplementedError,
                        format!("open() of a text file in {name} is not supported (read bytes and decode them)"),
                    ))
                }
                Some(c) => c,
                None => return Err(vm.new_exception(ExcKind::LookupError, format!("unknown encoding: {name}"))),
            }
        }
        _ => Codec::Utf8,
    };
    let newline = match vals[5] {
        Some(v) if !v.is_none() => {
            if binary {
                return Err(vm.value_error("binary mode doesn't take a newline argument"));
            }
            match crate::obj::str_surrogates::utf8(vm, &v)? {
                Some("") => Newline::Untranslated,
                Some("\n") => Newline::Lf,
                Some("\r") => Newline::Cr,
                Some("\r\n") => Newline::CrLf,
                Some(other) => return Err(vm.value_error(format!("illegal newline value: {other}"))),
                None => {
                    return Err(vm
                        .type_error(format!("open() argument 'newline' must be str or None, not {}", vm.type_name(v))))
                }
            }
        }
        _ => Newline::Universal,
    };
    let errors: Option<Box<str>> = match vals[4] {
        Some(v) if !v.is_none() => {
            if binary {
                return Err(vm.value_error("binary mode doesn't take an errors argument"));
            }
            match crate::obj::str_surrogates::utf8(vm, &v)? {
                Some(e) => Some(e.into()),
                None => {
                    return Err(
                        vm.type_error(format!("open() argument 'errors' must be str or None, not {}", vm.type_name(v)))
                    )
                }
            }
        }
        _ => None,
    };
    let mut opts = std::fs::OpenOptions::new();
    let readable = r == 1 || plus == 1;
    let writable = w == 1 || a == 1 || x == 1 || plus == 1;
    opts.read(readable);
    if w == 1 {
        opts.write(true).create(true).truncate(true);
    } else if a == 1 {
        opts.append(true).create(true);
    } else if x == 1 {
        opts.write(true).create_new(true);
    } else if plus == 1 {
        opts.write(true);
    }
    let fh = match opts.open(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&path)) {
        Ok(f) => f,
        Err(e) => {
            let err = io_error(vm, &e);
            return Err(set_filename(vm, err, file, None));
        }
    };
    if fh.metadata().is_ok_and(|m| m.is_dir()) {
        let err = os_error(vm, 21);
        return Err(set_filename(vm, err, file, None));
    }
    let mut fh = fh;
    if a == 1 {
        // Appending starts at the end (what `tell()` and an `a+` read see).
        if let Err(e) = fh.seek(SeekFrom::End(0)) {
            return Err(io_error(vm, &e));
        }
    }
    if codec == Codec::Utf8Sig && readable && a == 0 {
        // Skip the byte order mark at the start of the file.
        let mut head = [0u8; 3];
        let n = (&fh).take(3).read(&mut head).unwrap_or(0);
        if head[..n] != *b"\xef\xbb\xbf" {
            if let Err(e) = fh.seek(SeekFrom::Start(0)) {
                return Err(io_error(vm, &e));
            }
        }
    }
    let class = module_type(vm, "io", if binary { T_FILEIO } else { T_TEXTIO })?;
    let obj = FileObj {
        file: Some(fh),
        text: !binary,
        readable,
        writable,
        codec,
        newline,
        errors,
        sig_pending: codec == Codec::Utf8Sig && writable,
        name: file,
        mode: mode_v,
        encoding: vals[3].filter(|e| !e.is_none()).unwrap_or(Value::qstr(Qstr::new("UTF-8"))),
        rbuf: Vec::new(),
        rpos: 0,
        class,
    };
    // The read buffer grows to FILE_BUF bytes on first use.
    vm.charge(FILE_BUF)?;
    Ok(vm.alloc(obj)?.value())
}

// ---- IOBase ----

const IOBASE_CLOSED: &str = "__IOBase_closed";

fn iobase_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "close")?;
    if let Some(inst) = v.downcast::<crate::obj::InstanceObj>() {
        inst.dict.get_mut().set_qstr(Qstr::new(IOBASE_CLOSED), Value::TRUE);
    }
    Ok(Value::NONE)
}

fn iobase_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "closed")?;
    let closed = v.downcast::<crate::obj::InstanceObj>().and_then(|i| i.dict.get_qstr(Qstr::new(IOBASE_CLOSED)));
    Ok(Value::bool(closed.is_some()))
}

fn iobase_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "readlines")?;
    let list = vm.new_list(Vec::new())?;
    vm.temp_roots.push(list);
    let r = (|| loop {
        let line = vm.call_method(v, Qstr::new("readline"), &[])?;
        if vm.len(line)? == 0 {
            return Ok(list);
        }
        vm.list_append(list, line)?;
    })();
    vm.temp_roots.pop();
    r
}

fn iobase_writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = arg(vm, args, 0, "writelines")?;
    let lines = arg(vm, args, 1, "writelines")?;
    let items = vm.collect_iterable(lines)?;
    vm.temp_roots.extend_from_slice(&items);
    let n = items.len();
    let r = (|| {
        for &line in &items {
            vm.call_method(v, Qstr::new("write"), &[line])?;
        }
        Ok(Value::NONE)
    })();
    vm.temp_roots.truncate(vm.temp_roots.len() - n);
    r
}

fn iobase_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::FALSE)
}

fn iobase_none(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::NONE)
}

/// Python-level parts of the module: MicroPython's `BufferedWriter` over any stream.
const IO_PY: &str = r#"
def _iobase_iter(self):
    return self

def _iobase_next(self):
    line = self.readline()
    if not line:
        raise StopIteration
    return line

def _write_exactly(stream, data):
    n = stream.write(data)
    if n is None:
        raise OSError(11)
    while n < len(data):
        data = data[n:]
        n = stream.write(data)
        if n is None:
            raise OSError(11)

class BufferedWriter(IOBase):
    def __init__(self, raw, buffer_size=8192):
        self.raw = raw
        self._size = buffer_size
        self._buf = bytearray()

    def write(self, b):
        data = bytes(b)
        total = len(data)
        i = 0
        size = self._size
        while True:
            rem = size - len(self._buf)
            if total - i < rem:
                self._buf.extend(data[i:])
                return total
            self._buf.extend(data[i:i + rem])
            i += rem
            buf = self._buf
            _write_exactly(self.raw, buf)
            self._buf = bytearray()

    def flush(self):
        if self._buf:
            _write_exactly(self.raw, self._buf)
            self._buf = bytearray()
"#;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "io", &[("open", builtin_open)])?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;

    let iobase = vm.new_builtin_type("IOBase", "io", &[])?;
    // Not `object`'s constructor: user streams deriving from IOBase are plain instances.
    iobase.get_mut().make_new = None;
    vm.add_methods(
        iobase,
        &[
            ("__enter__", return_self),
            ("__exit__", exit_close),
            ("readlines", iobase_readlines),
            ("writelines", iobase_writelines),
            ("close", iobase_close),
            ("flush", iobase_none),
            ("readable", iobase_false),
            ("writable", iobase_false),
            ("seekable", iobase_false),
            ("isatty", iobase_false),
        ],
    )?;

    vm.add_property(iobase, "closed", iobase_closed)?;

    let common: &[(&str, crate::obj::NativeFn)] = &[
        ("read", memio_read),
        ("readline", memio_readline),
        ("readlines", memio_readlines),
        ("write", memio_write),
        ("writelines", memio_writelines),
        ("getvalue", memio_getvalue),
        ("seek", memio_seek),
        ("tell", memio_tell),
        ("truncate", memio_truncate),
        ("flush", memio_flush),
        ("close", memio_close),
        ("readable", memio_true),
        ("writable", memio_true),
        ("seekable", memio_true),
        ("isatty", memio_false),
        ("__enter__", return_self),
        ("__exit__", exit_close),
        ("__iter__", memio_iter),
        ("__next__", memio_next),
        ("__repr__", memio_repr),
    ];
    let stringio = vm.new_builtin_type("StringIO", "io", &[iobase])?;
    vm.set_make_new(stringio, stringio_new);
    vm.add_methods(stringio, common)?;
    vm.add_property(stringio, "closed", memio_closed)?;
    let bytesio = vm.new_builtin_type("BytesIO", "io", &[iobase])?;
    vm.set_make_new(bytesio, bytesio_new);
    vm.add_methods(bytesio, common)?;
    vm.add_methods(bytesio, &[("readinto", memio_readinto)])?;
    vm.add_property(bytesio, "closed", memio_closed)?;

    let file_methods: &[(&str, crate::obj::NativeFn)] = &[
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("write", file_write),
        ("writelines", file_writelines),
        ("seek", file_seek),
        ("tell", file_tell),
        ("flush", file_flush),
        ("truncate", file_truncate),
        ("close", file_close),
        ("fileno", file_fileno),
        ("readable", file_readable),
        ("writable", file_writable),
        ("seekable", file_seekable),
        ("isatty", file_isatty),
        ("__enter__", return_self),
        ("__exit__", exit_close),
        ("__iter__", file_iter),
        ("__next__", file_next),
        ("__repr__", file_repr),
    ];
    let textio = vm.new_builtin_type("TextIOWrapper", "io", &[iobase])?;
    let fileio = vm.new_builtin_type("FileIO", "io", &[iobase])?;
    for t in [textio, fileio] {
        vm.add_methods(t, file_methods)?;
        vm.add_property(t, "closed", file_closed)?;
        vm.add_property(t, "name", file_name)?;
        vm.add_property(t, "mode", file_mode)?;
    }
    vm.add_property(textio, "encoding", file_encoding)?;
    vm.add_methods(fileio, &[("readinto", file_readinto)])?;

    // CPython's `io.UnsupportedOperation` is both an OSError and a ValueError.
    let unsup = {
        let os = vm.types.exc(ExcKind::OSError);
        let ve = vm.types.exc(ExcKind::ValueError);
        let ns = vm.new_dict()?;
        ns.get_mut().set_qstr(Qstr::new("__module__"), Value::qstr(Qstr::new("io")));
        vm.create_class(Value::NULL, Qstr::new("UnsupportedOperation"), vec![os, ve], ns, &[])?
    };

    let d = md.get_mut();
    for (name, t) in [
        ("IOBase", iobase),
        ("StringIO", stringio),
        ("BytesIO", bytesio),
        ("TextIOWrapper", textio),
        ("FileIO", fileio),
        ("UnsupportedOperation", unsup),
    ] {
        d.set_qstr(Qstr::new(name), t.value());
    }
    // `io.open is open`, as in CPython.
    if let Some(o) = vm.builtins.get_qstr(Qstr::new("open")) {
        d.set_qstr(Qstr::new("open"), o);
    }
    d.set_qstr(Qstr::new("SEEK_SET"), Value::small_int(0));
    d.set_qstr(Qstr::new("SEEK_CUR"), Value::small_int(1));
    d.set_qstr(Qstr::new("SEEK_END"), Value::small_int(2));
    d.set_qstr(Qstr::new("DEFAULT_BUFFER_SIZE"), Value::small_int(FILE_BUF as i64));
    set_module_types(vm, m, &[textio, fileio, unsup])?;

    vm.temp_roots.push(m);
    let r = run_module_source(vm, md, IO_PY, "<io>");
    vm.temp_roots.pop();
    r?;
    // User streams (instances deriving from IOBase) iterate through Python-level
    // methods: the VM honours built-in special methods only on built-in objects.
    for (slot, helper) in [("__iter__", "_iobase_iter"), ("__next__", "_iobase_next")] {
        if let Some(f) = md.get_mut().remove_qstr(Qstr::new(helper)) {
            iobase.dict().get_mut().set_qstr(Qstr::new(slot), f);
        }
    }
    Ok(m)
}

/// Run Python source in a built-in module's namespace (its Python-level parts).
pub fn run_module_source(vm: &mut Vm, dict: Gc<DictObj>, source: &str, filename: &str) -> PyResult<()> {
    let code = vm.compile(source, filename, krait_syntax::Mode::File)?;
    vm.temp_roots.push(code.value());
    let r = vm.run_code(code, dict, Value::NULL);
    vm.temp_roots.pop();
    r.map(|_| ())
}

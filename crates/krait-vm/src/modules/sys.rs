//! `sys`: the interpreter's own state (argv, path, modules, standard streams,
//! exit, and MicroPython's `print_exception`).

use std::io::Read;

use krait_syntax::{q, Qstr};

use crate::class::{arg, kwarg};
use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::exception::ExceptionObj;
use crate::obj::str::as_str;
use crate::obj::{InstanceObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// A standard stream: `sys.stdin` (0), `sys.stdout` (1), `sys.stderr` (2), in text
/// mode or as its binary `.buffer`.
pub struct StdStreamObj {
    pub fd: u8,
    pub binary: bool,
    pub class: Gc<TypeObj>,
}

impl PyObj for StdStreamObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn stream(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<StdStreamObj>> {
    match args.first().and_then(|v| v.downcast::<StdStreamObj>()) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("stream method needs a stream")),
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let v = arg(vm, args, 1, "write")?;
    let data: Vec<u8> = if s.binary {
        vm.buffer_bytes(v)?
    } else {
        match as_str(&v) {
            Some(t) => t.as_bytes().to_vec(),
            // Lone surrogates: stdout is strict UTF-8; stderr writes them
            // backslash-escaped (CPython's `errors='backslashreplace'` there).
            None if crate::obj::str::has_surrogates(v) && s.fd == 2 => {
                crate::obj::str_surrogates::backslash_escaped(crate::obj::str::as_wtf8(&v).unwrap_or_default())
                    .into_bytes()
            }
            None if crate::obj::str::has_surrogates(v) => return Err(crate::obj::str_surrogates::not_utf8(vm, v)),
            None => return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(v)))),
        }
    };
    let n = if s.binary { data.len() } else { crate::obj::str::str_char_len(v).unwrap_or(0) };
    match s.fd {
        1 => vm.write_stdout(&data),
        2 => vm.write_stderr(&data),
        _ => return Err(vm.new_exception(ExcKind::OSError, "stream not writable")),
    }
    vm.new_int(n as i64)
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.flush_stdout();
    Ok(Value::NONE)
}

// ---- reading standard input ----
//
// krait keeps its own read-ahead of stdin (shared by `sys.stdin`, its `buffer`
// and `input()`), so that `select.poll` can tell that a line is already there
// to read when the descriptor has nothing more. Reads into it ask for at least
// std's buffer size, which std then hands straight to the OS, so std's own
// stdin buffer stays empty.

struct StdinBuf {
    data: Vec<u8>,
    pos: usize,
}

thread_local! {
    static STDIN: std::cell::RefCell<StdinBuf> = const { std::cell::RefCell::new(StdinBuf { data: Vec::new(), pos: 0 }) };
}

const STDIN_CHUNK: usize = 16 * 1024;

/// Whether krait holds stdin data the program has not read yet.
pub fn stdin_buffered() -> bool {
    STDIN.with(|b| {
        let b = b.borrow();
        b.pos < b.data.len()
    })
}

impl StdinBuf {
    fn unread(&self) -> &[u8] {
        &self.data[self.pos..]
    }

    /// Read more from the OS (blocking); false at end of input.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.pos > 0 {
            self.data.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.data.len();
        self.data.resize(old + STDIN_CHUNK, 0);
        let r = loop {
            match std::io::stdin().lock().read(&mut self.data[old..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r,
            }
        };
        let n = *r.as_ref().unwrap_or(&0);
        self.data.truncate(old + n);
        r.map(|n| n > 0)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.data[self.pos..self.pos + n].to_vec();
        self.take_n(n);
        out
    }

    /// Up to and including the next newline, or what is left at end of input.
    fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut searched = 0;
        loop {
            if let Some(i) = self.unread()[searched..].iter().position(|&c| c == b'\n') {
                return Ok(self.take(searched + i + 1));
            }
            searched = self.unread().len();
            if !self.fill()? {
                return Ok(self.take(self.unread().len()));
            }
        }
    }

    /// `n` bytes (fewer at end of input), or everything up to the end.
    fn read(&mut self, n: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let have = self.unread().len();
            if let Some(n) = n {
                if have >= n {
                    return Ok(self.take(n));
                }
            }
            if !self.fill()? {
                return Ok(self.take(have));
            }
        }
    }
}

impl StdinBuf {
    /// Fill `dst` (fewer bytes only at end of input): what is buffered first,
    /// then straight from the OS into `dst`, with no copy in between.
    fn read_into(&mut self, dst: &mut [u8]) -> std::io::Result<usize> {
        let k = self.unread().len().min(dst.len());
        dst[..k].copy_from_slice(&self.data[self.pos..self.pos + k]);
        self.take_n(k);
        let mut got = k;
        while got < dst.len() {
            match std::io::stdin().lock().read(&mut dst[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(got)
    }

    /// Drop the next `n` buffered bytes.
    fn take_n(&mut self, n: usize) {
        self.pos += n;
        if self.pos == self.data.len() {
            self.data.clear();
            self.pos = 0;
        }
    }
}

/// A line of stdin (with its newline, if it has one; empty at end of input).
pub fn stdin_read_line() -> std::io::Result<Vec<u8>> {
    STDIN.with(|b| b.borrow_mut().read_line())
}

fn stream_read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    if s.fd != 0 {
        return Err(vm.new_exception(ExcKind::OSError, "stream not readable"));
    }
    vm.flush_stdout();
    let n = match args.get(1) {
        Some(&v) if !v.is_none() => vm.to_index(v)?,
        _ => -1,
    };
    let want = usize::try_from(n).ok();
    let buf = match STDIN.with(|b| b.borrow_mut().read(want)) {
        Ok(buf) => buf,
        Err(e) => return Err(vm.new_exception(ExcKind::OSError, e.to_string())),
    };
    if s.binary {
        vm.new_bytes(buf)
    } else {
        crate::obj::str::decode_utf8(vm, &buf, None)
    }
}

/// `readinto(buf[, n])` on standard input: fills the buffer (or its first `n`
/// bytes) in place, stopping early only at end of input; gives the count.
fn stream_readinto(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    if s.fd != 0 {
        return Err(vm.new_exception(ExcKind::OSError, "stream not readable"));
    }
    let (target, n) = crate::modules::io::readinto_args(vm, args)?;
    vm.flush_stdout();
    // Read straight into the buffer: the program's own memory, nothing allocated.
    let r = crate::buffer::with_buffer_mut(vm, target, |d| {
        let end = n.min(d.len());
        STDIN.with(|b| b.borrow_mut().read_into(&mut d[..end]))
    });
    match r {
        Some(Ok(got)) => Ok(Value::small_int(got as i64)),
        Some(Err(e)) => Err(vm.new_exception(ExcKind::OSError, e.to_string())),
        None => Err(vm.type_error("readinto() argument must be read-write bytes-like object")),
    }
}

fn stream_readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    if s.fd != 0 {
        return Err(vm.new_exception(ExcKind::OSError, "stream not readable"));
    }
    vm.flush_stdout();
    let line = match stdin_read_line() {
        Ok(l) => l,
        Err(e) => return Err(vm.new_exception(ExcKind::OSError, e.to_string())),
    };
    if s.binary {
        vm.new_bytes(line)
    } else {
        crate::obj::str::decode_utf8(vm, &line, None)
    }
}

fn stdin_stream(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<StdStreamObj>> {
    let s = stream(vm, args)?;
    if s.fd != 0 {
        return Err(vm.new_exception(ExcKind::OSError, "stream not readable"));
    }
    vm.flush_stdout();
    Ok(s)
}

fn stdin_line_value(vm: &mut Vm, binary: bool, line: Vec<u8>) -> PyResult<Value> {
    if binary {
        vm.new_bytes(line)
    } else {
        crate::obj::str::decode_utf8(vm, &line, None)
    }
}

/// `sys.stdin.__next__()`: the next line, as `for line in sys.stdin` reads them.
fn stream_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stdin_stream(vm, args)?;
    let line = match stdin_read_line() {
        Ok(l) => l,
        Err(e) => return Err(vm.new_exception(ExcKind::OSError, e.to_string())),
    };
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    stdin_line_value(vm, s.binary, line)
}

fn stream_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(args[0])
}

/// `sys.stdin.readlines()`: the remaining lines.
fn stream_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stdin_stream(vm, args)?;
    let list = vm.new_list(Vec::new())?;
    loop {
        let line = match stdin_read_line() {
            Ok(l) => l,
            Err(e) => return Err(vm.new_exception(ExcKind::OSError, e.to_string())),
        };
        if line.is_empty() {
            break;
        }
        let v = stdin_line_value(vm, s.binary, line)?;
        vm.list_append(list, v)?;
    }
    Ok(list)
}

fn stream_fileno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    Ok(Value::small_int(s.fd as i64))
}

fn stream_writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = arg(vm, args, 0, "writelines")?;
    let lines = arg(vm, args, 1, "writelines")?;
    for line in vm.collect_iterable(lines)? {
        stream_write(vm, &[s, line], &[])?;
    }
    Ok(Value::NONE)
}

/// `closed`: the standard streams stay open.
fn stream_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(Value::FALSE)
}

/// `encoding` of the text streams.
fn stream_encoding(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(Value::qstr(Qstr::new("utf-8")))
}

fn stream_isatty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    use std::io::IsTerminal;
    let s = stream(vm, args)?;
    let tty = match s.fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(Value::bool(tty))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let class = vm.types.exc(ExcKind::SystemExit);
    let a = vm.new_tuple_from(args)?;
    Err(vm.new_exception_args(class, a))
}

/// `sys.atexit(func)`: `func` (or None) is called when the program ends, after the
/// main program or the REPL; gives the function registered before.
fn atexit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::obj::function::check_args(vm, args, kw, 1, 1, false)?;
    Ok(std::mem::replace(&mut vm.exit_func, args[0]))
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = vm.handled_exc;
    if e.is_none() || e.is_null() {
        return vm.new_tuple_from(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = vm.type_of(e).value();
    vm.new_tuple_from(&[t, e, Value::NONE])
}

fn print_exception(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let e = arg(vm, args, 0, "print_exception")?;
    let file = args.get(1).copied().or_else(|| kwarg(kw, "file"));
    // Like MicroPython, refuse a non-stream before printing anything.
    let write = match file {
        Some(f) if f.downcast::<StdStreamObj>().is_none() => match vm.get_attr_opt(f, Qstr::new("write"))? {
            Some(w) => Some(w),
            None => return Err(vm.new_exception(ExcKind::OSError, "stream operation not supported")),
        },
        _ => None,
    };
    let text = vm.format_exception(e);
    match file {
        None => vm.write_stdout(text.as_bytes()),
        Some(f) => {
            if let Some(s) = f.downcast::<StdStreamObj>() {
                if s.fd == 2 {
                    vm.write_stderr(text.as_bytes());
                } else {
                    vm.write_stdout(text.as_bytes());
                }
            } else if let Some(w) = write {
                let s = vm.new_string(text)?;
                vm.call_value(w, &[s], &[])?;
            }
        }
    }
    Ok(Value::NONE)
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.new_int(vm.options.recursion_limit as i64)
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "setrecursionlimit")?;
    let n = vm.to_index(v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.options.recursion_limit = (n as usize).min(200_000);
    Ok(Value::NONE)
}

fn getsizeof(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "getsizeof")?;
    let n = crate::gc::object_size(v);
    vm.new_int(n as i64)
}

fn intern(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "intern")?;
    // (Interned strs are UTF-8: one with lone surrogates is `UnicodeEncodeError`.)
    match crate::obj::str_surrogates::utf8(vm, &v)? {
        Some(s) => Ok(Value::qstr(Qstr::new(s))),
        None => Err(vm.type_error("intern() argument must be str")),
    }
}

impl Vm {
    /// The traceback and message of an exception, in MicroPython's layout.
    pub fn format_exception(&mut self, e: Value) -> String {
        let mut out = String::new();
        if let Some(x) = e.downcast::<ExceptionObj>() {
            // `sys.tracebacklimit`, as MicroPython applies it: the outermost entries
            // are kept, and with none left there is no "Traceback" line either.
            let limit = match self.sys_dict.get_qstr(Qstr::new("tracebacklimit")) {
                Some(v) => match crate::ops::as_num(&v) {
                    Some(crate::ops::Num::Int(n)) => n.clamp(0, i64::MAX) as usize,
                    Some(crate::ops::Num::Big(b)) => {
                        if b.sign() == num_bigint::Sign::Minus {
                            0
                        } else {
                            usize::MAX
                        }
                    }
                    _ => usize::MAX,
                },
                None => usize::MAX,
            };
            let shown = x.traceback.len().min(limit);
            if shown > 0 {
                out.push_str("Traceback (most recent call last):\n");
                for entry in x.traceback.iter().rev().take(shown) {
                    if entry.func == q::EMPTY {
                        out.push_str(&format!("  File \"{}\", line {}\n", entry.file, entry.line));
                    } else {
                        out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.file, entry.line, entry.func));
                    }
                }
            }
            // An errno-carrying OSError prints as MicroPython's `OSError: [Errno 2] ENOENT`
            // whichever built-in subclass (FileNotFoundError, ...) it is.
            let errno_msg = crate::modules::io::errno_message(self, x).map(|m| match m.into_string() {
                Ok(m) => m,
                // As CPython's stderr: lone surrogates backslash-escaped.
                Err(b) => crate::obj::str_surrogates::backslash_escaped(&b),
            });
            out.push_str(if errno_msg.is_some() { "OSError" } else { x.class.name.as_str() });
            out.push_str(": ");
            // MicroPython's layout: the single argument as str() (so a KeyError
            // shows its key unquoted), nothing for none, the tuple for several.
            let user_str = x.class.lookup_python(q::__str__);
            let args = x.args.downcast::<crate::obj::TupleObj>();
            let msg = match (user_str, args) {
                (None, _) if errno_msg.is_some() => errno_msg.unwrap_or_default(),
                (Some(_), _) => self.exception_message(e),
                (None, Some(t)) if t.items().is_empty() => String::new(),
                (None, Some(t)) if t.items().len() == 1 => {
                    let a = t.items()[0];
                    match crate::obj::str::as_wtf8(&a).filter(|_| crate::obj::str::has_surrogates(a)) {
                        // As CPython's stderr: lone surrogates backslash-escaped.
                        Some(b) => crate::obj::str_surrogates::backslash_escaped(b),
                        None => self.str_of(a).unwrap_or_default(),
                    }
                }
                (None, Some(t)) => {
                    let tv = t.value();
                    self.repr(tv).unwrap_or_default()
                }
                (None, None) => String::new(),
            };
            out.push_str(&msg);
        } else {
            out.push_str(self.type_name(e));
            let msg = self.exception_message(e);
            if !msg.is_empty() {
                out.push_str(": ");
                out.push_str(&msg);
            }
        }
        out.push('\n');
        out
    }
}

fn new_stream(vm: &mut Vm, class: Gc<TypeObj>, fd: u8, binary: bool) -> PyResult<Value> {
    Ok(vm.alloc(StdStreamObj { fd, binary, class })?.value())
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let d = vm.sys_dict;
    let m = vm.new_module("sys")?;
    m.get_mut().dict = d;
    d.get_mut().set_qstr(q::__name__, Value::qstr(Qstr::new("sys")));
    let funcs: &[(&str, crate::obj::NativeFn)] = &[
        ("exit", exit),
        ("atexit", atexit),
        ("exc_info", exc_info),
        ("print_exception", print_exception),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("getsizeof", getsizeof),
        ("intern", intern),
    ];
    let mq = Qstr::new("sys");
    for &(name, f) in funcs {
        let fv =
            vm.alloc(crate::obj::BuiltinFunctionObj { name: Qstr::new(name), f, bound_self: Value::NULL, module: mq })?;
        d.get_mut().set_qstr(Qstr::new(name), fv.value());
    }
    // Streams.
    let text_t = vm.new_builtin_type("TextIOWrapper", "io", &[])?;
    let bin_t = vm.new_builtin_type("FileIO", "io", &[])?;
    for t in [text_t, bin_t] {
        vm.add_methods(
            t,
            &[
                ("write", stream_write),
                ("flush", stream_flush),
                ("read", stream_read),
                ("readinto", stream_readinto),
                ("readline", stream_readline),
                ("readlines", stream_readlines),
                ("__iter__", stream_iter),
                ("__next__", stream_next),
                ("fileno", stream_fileno),
                ("isatty", stream_isatty),
                ("writelines", stream_writelines),
            ],
        )?;
        vm.add_property(t, "closed", stream_closed)?;
    }
    for (name, fd) in [("stdin", 0u8), ("stdout", 1), ("stderr", 2)] {
        let s = new_stream(vm, text_t, fd, false)?;
        let b = new_stream(vm, bin_t, fd, true)?;
        // `sys.stdout.buffer`: the binary stream, reached as an attribute of the text one.
        let _ = b;
        d.get_mut().set_qstr(Qstr::new(name), s);
        d.get_mut().set_qstr(Qstr::new(&format!("__{name}_buffer")), b);
    }
    vm.add_class_attr(text_t, "buffer", Value::NONE);
    let buffer_prop = vm.new_builtin_fn("buffer", stream_buffer)?;
    let prop = vm.alloc(crate::obj::descriptor::PropertyObj {
        fget: buffer_prop,
        fset: Value::NONE,
        fdel: Value::NONE,
        doc: Value::NONE,
    })?;
    vm.add_class_attr(text_t, "buffer", prop.value());
    vm.add_property(text_t, "encoding", stream_encoding)?;

    // argv and path.
    let argv: Vec<String> = vm.options.argv.clone();
    let mut items = Vec::new();
    for a in argv {
        items.push(vm.new_string(a)?);
    }
    let argv = vm.new_list(items)?;
    d.get_mut().set_qstr(Qstr::new("argv"), argv);
    let path_strs = vm.options.path.clone();
    let mut items = Vec::new();
    for p in path_strs {
        items.push(vm.new_string(p)?);
    }
    let path = vm.new_list(items)?;
    d.get_mut().set_qstr(Qstr::new("path"), path);
    d.get_mut().set_qstr(Qstr::new("modules"), vm.modules.value());
    let maxsize = vm.new_int(i64::MAX)?;
    d.get_mut().set_qstr(Qstr::new("maxsize"), maxsize);
    d.get_mut().set_qstr(Qstr::new("byteorder"), Value::qstr(Qstr::new("little")));
    d.get_mut().set_qstr(Qstr::new("platform"), Value::qstr(Qstr::new("linux")));
    let version = vm.new_str(concat!("3.4.0; krait ", env!("CARGO_PKG_VERSION")))?;
    d.get_mut().set_qstr(Qstr::new("version"), version);
    // version_info: MicroPython's tuple (3, 4, 0), a tuple subclass that also has CPython's
    // `major`, `minor` and `micro` (its repr and comparisons are the tuple's).
    let vi_t = vm.new_builtin_type("version_info", "sys", &[vm.types.tuple])?;
    vm.add_property(vi_t, "major", version_major)?;
    vm.add_property(vi_t, "minor", version_minor)?;
    vm.add_property(vi_t, "micro", version_micro)?;
    let vi = vm.new_tuple_from(&[Value::small_int(3), Value::small_int(4), Value::small_int(0)])?;
    let vi_dict = vm.new_dict()?;
    let vi = vm.alloc(InstanceObj { class: vi_t, dict: vi_dict, base: vi })?;
    d.get_mut().set_qstr(Qstr::new("version_info"), vi.value());
    // sys.implementation: MicroPython's dialect name, krait's own version.
    let impl_t = vm.new_builtin_type("implementation", "sys", &[])?;
    let idict = vm.new_dict()?;
    idict.get_mut().set_qstr(Qstr::new("name"), Value::qstr(Qstr::new("micropython")));
    let (maj, min, pat) = krait_version();
    let iv = vm.new_tuple_from(&[Value::small_int(maj), Value::small_int(min), Value::small_int(pat)])?;
    idict.get_mut().set_qstr(Qstr::new("version"), iv);
    idict.get_mut().set_qstr(Qstr::new("_machine"), Value::qstr(Qstr::new("krait on linux")));
    // Architecture x64 (2) in bits 10-13, as MicroPython encodes it, and .mpy version 6.
    idict.get_mut().set_qstr(Qstr::new("_mpy"), Value::small_int((2 << 10) | 6));
    idict.get_mut().set_qstr(Qstr::new("_build"), Value::qstr(Qstr::new("standard")));
    // MicroPython's marker of its version-2 semantics, which krait has where they
    // are CPython's: out-of-range values for array/struct items raise OverflowError,
    // code objects have no `co_lnotab`.
    idict.get_mut().set_qstr(Qstr::new("_v2"), Value::TRUE);
    idict.get_mut().set_qstr(Qstr::new("krait_version"), Value::qstr(Qstr::new(env!("CARGO_PKG_VERSION"))));
    vm.add_methods(impl_t, &[("__repr__", attrtuple_repr)])?;
    let imp = vm.alloc(InstanceObj { class: impl_t, dict: idict, base: Value::NULL })?;
    d.get_mut().set_qstr(Qstr::new("implementation"), imp.value());
    let key = Value::qstr(Qstr::new("sys"));
    vm.dict_set(vm.modules, key, m.value())?;
    Ok(())
}

/// Item `i` of `sys.version_info`.
fn version_item(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    let obj = arg(vm, args, 0, "version_info field")?;
    let base = vm.builtin_receiver(obj);
    match base.downcast::<crate::obj::TupleObj>().and_then(|t| t.items().get(i).copied()) {
        Some(v) => Ok(v),
        None => Err(vm.type_error("version_info field needs a version_info")),
    }
}

fn version_major(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    version_item(vm, args, 0)
}

fn version_minor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    version_item(vm, args, 1)
}

fn version_micro(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    version_item(vm, args, 2)
}

/// `repr(sys.implementation)`: MicroPython's attrtuple layout, `(name=..., ...)`.
fn attrtuple_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(inst) = args.first().and_then(|v| v.downcast::<InstanceObj>()) else {
        return Err(vm.type_error("__repr__ needs an attrtuple"));
    };
    let mut out = String::from("(");
    for (i, (k, v)) in inst.dict.iter().collect::<Vec<_>>().into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(as_str(&k).unwrap_or("?"));
        out.push('=');
        vm.repr_into(v, &mut out)?;
    }
    out.push(')');
    vm.new_string(out)
}

fn stream_buffer(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let name = match s.fd {
        0 => "__stdin_buffer",
        1 => "__stdout_buffer",
        _ => "__stderr_buffer",
    };
    Ok(vm.sys_dict.get_qstr(Qstr::new(name)).unwrap_or(Value::NONE))
}

fn krait_version() -> (i64, i64, i64) {
    let mut parts = env!("CARGO_PKG_VERSION").split('.').map(|p| p.parse::<i64>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

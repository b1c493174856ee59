//! Every name of every standard module has a test under `tests/py/` (issue 3).
//!
//! The list below holds, for each built-in module, every public name krait's module exposes
//! (`modules/*.rs`), plus the methods of the objects those modules make (match objects, streams,
//! deques, …) and every `struct` format character and byte-order prefix.
//!
//! - `mod.name` is covered when some `tests/py/**/*.py` file uses `mod.name` (after `import mod`,
//!   `import mod as m` or `import umod as m`), or imports it with `from mod import name [as n]`
//!   and then uses that name. Dotted names (`stdout.buffer`) must appear whole. A name of
//!   `builtins` is also covered by a bare use of it (`abs(...)`).
//! - A method `name` of an object a module makes is covered when a file that imports the module
//!   uses `.name` (attribute access on any object).
//! - A `struct` format character is covered when it appears in a string literal that reads as a
//!   struct format (`"<2hI"`) in a file that imports `struct`.
//!
//! Comments do not count. `module_list_matches_krait` runs the built binary once and checks that
//! the list still names everything each module has (and nothing it lacks), so the list cannot
//! fall behind the code.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Module -> every public name it has.
const MODULES: &[(&str, &[&str])] = &[
    (
        "sys",
        &[
            "argv",
            "atexit",
            "byteorder",
            "exc_info",
            "exit",
            "getrecursionlimit",
            "getsizeof",
            "implementation",
            "intern",
            "maxsize",
            "modules",
            "path",
            "platform",
            "print_exception",
            "setrecursionlimit",
            "stderr",
            "stdin",
            "stdout",
            "version",
            "version_info",
            // Beyond the module's own names: the streams' byte buffers and implementation fields.
            "stdin.buffer",
            "stdout.buffer",
            "stderr.buffer",
            "implementation.name",
            "implementation.version",
        ],
    ),
    (
        "math",
        &[
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atan2",
            "atanh",
            "cbrt",
            "ceil",
            "comb",
            "copysign",
            "cos",
            "cosh",
            "degrees",
            "dist",
            "e",
            "erf",
            "erfc",
            "exp",
            "exp2",
            "expm1",
            "fabs",
            "factorial",
            "floor",
            "fmod",
            "frexp",
            "fsum",
            "gamma",
            "gcd",
            "hypot",
            "inf",
            "isclose",
            "isfinite",
            "isinf",
            "isnan",
            "isqrt",
            "lcm",
            "ldexp",
            "lgamma",
            "log",
            "log10",
            "log1p",
            "log2",
            "modf",
            "nan",
            "nextafter",
            "perm",
            "pi",
            "pow",
            "prod",
            "radians",
            "remainder",
            "sin",
            "sinh",
            "sqrt",
            "tan",
            "tanh",
            "tau",
            "trunc",
            "ulp",
        ],
    ),
    (
        "cmath",
        &[
            "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "e", "exp", "inf", "infj", "isclose",
            "isfinite", "isinf", "isnan", "log", "log10", "nan", "nanj", "phase", "pi", "polar", "rect", "sin", "sinh",
            "sqrt", "tan", "tanh", "tau",
        ],
    ),
    ("struct", &["Struct", "calcsize", "error", "iter_unpack", "pack", "pack_into", "unpack", "unpack_from"]),
    ("collections", &["Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"]),
    ("string.templatelib", &["Interpolation", "Template", "convert"]),
    ("json", &["JSONDecodeError", "dump", "dumps", "load", "loads"]),
    (
        "re",
        &[
            "A",
            "ASCII",
            "DOTALL",
            "I",
            "IGNORECASE",
            "L",
            "LOCALE",
            "M",
            "MULTILINE",
            "Match",
            "NOFLAG",
            "Pattern",
            "S",
            "T",
            "TEMPLATE",
            "U",
            "UNICODE",
            "VERBOSE",
            "X",
            "compile",
            "error",
            "escape",
            "findall",
            "finditer",
            "fullmatch",
            "match",
            "purge",
            "search",
            "split",
            "sub",
            "subn",
        ],
    ),
    (
        "io",
        &[
            "BufferedWriter",
            "BytesIO",
            "DEFAULT_BUFFER_SIZE",
            "FileIO",
            "IOBase",
            "SEEK_CUR",
            "SEEK_END",
            "SEEK_SET",
            "StringIO",
            "TextIOWrapper",
            "UnsupportedOperation",
            "open",
        ],
    ),
    (
        "os",
        &[
            "chdir", "curdir", "environ", "getcwd", "getenv", "getpid", "ilistdir", "linesep", "listdir", "lstat",
            "mkdir", "name", "pardir", "path", "putenv", "remove", "rename", "rmdir", "sep", "stat", "system", "uname",
            "unlink", "unsetenv", "urandom",
        ],
    ),
    (
        "errno",
        &[
            "E2BIG",
            "EACCES",
            "EADDRINUSE",
            "EADDRNOTAVAIL",
            "EAFNOSUPPORT",
            "EAGAIN",
            "EALREADY",
            "EBADF",
            "EBUSY",
            "ECHILD",
            "ECONNABORTED",
            "ECONNREFUSED",
            "ECONNRESET",
            "EDEADLK",
            "EDESTADDRREQ",
            "EDOM",
            "EEXIST",
            "EFAULT",
            "EFBIG",
            "EHOSTDOWN",
            "EHOSTUNREACH",
            "EINPROGRESS",
            "EINTR",
            "EINVAL",
            "EIO",
            "EISCONN",
            "EISDIR",
            "ELOOP",
            "EMFILE",
            "EMLINK",
            "EMSGSIZE",
            "ENAMETOOLONG",
            "ENETDOWN",
            "ENETRESET",
            "ENETUNREACH",
            "ENFILE",
            "ENOBUFS",
            "ENODEV",
            "ENOENT",
            "ENOEXEC",
            "ENOLCK",
            "ENOMEM",
            "ENOPROTOOPT",
            "ENOSPC",
            "ENOSYS",
            "ENOTBLK",
            "ENOTCONN",
            "ENOTDIR",
            "ENOTEMPTY",
            "ENOTSOCK",
            "ENOTTY",
            "ENXIO",
            "EOPNOTSUPP",
            "EPERM",
            "EPIPE",
            "EPROTONOSUPPORT",
            "EPROTOTYPE",
            "ERANGE",
            "EROFS",
            "ESHUTDOWN",
            "ESPIPE",
            "ESRCH",
            "ETIMEDOUT",
            "ETXTBSY",
            "EWOULDBLOCK",
            "EXDEV",
            "errorcode",
        ],
    ),
    ("binascii", &["Error", "a2b_base64", "a2b_hex", "b2a_base64", "b2a_hex", "crc32", "hexlify", "unhexlify"]),
    ("hashlib", &["algorithms_available", "algorithms_guaranteed", "md5", "new", "sha1", "sha256"]),
    ("heapq", &["heapify", "heappop", "heappush", "heappushpop", "heapreplace", "merge", "nlargest", "nsmallest"]),
    (
        "weakref",
        &["KeyedRef", "ReferenceType", "WeakKeyDictionary", "WeakSet", "WeakValueDictionary", "finalize", "ref"],
    ),
    (
        "asyncio",
        &[
            "CancelledError",
            "Event",
            "Lock",
            "Loop",
            "Server",
            "Stream",
            "StreamReader",
            "StreamWriter",
            "Task",
            "ThreadSafeFlag",
            "TimeoutError",
            "create_task",
            "current_task",
            "gather",
            "get_event_loop",
            "new_event_loop",
            "open_connection",
            "run",
            "run_until_complete",
            "sleep",
            "sleep_ms",
            "start_server",
            "wait_for",
            "wait_for_ms",
        ],
    ),
    ("select", &["POLLERR", "POLLHUP", "POLLIN", "POLLOUT", "poll", "select"]),
    (
        "socket",
        &[
            "AF_INET",
            "AF_INET6",
            "AF_UNIX",
            "AF_UNSPEC",
            "AI_CANONNAME",
            "AI_NUMERICHOST",
            "AI_PASSIVE",
            "IPPROTO_IP",
            "IPPROTO_TCP",
            "IPPROTO_UDP",
            "MSG_DONTWAIT",
            "MSG_PEEK",
            "SHUT_RD",
            "SHUT_RDWR",
            "SHUT_WR",
            "SOCK_DGRAM",
            "SOCK_RAW",
            "SOCK_STREAM",
            "SOL_SOCKET",
            "SO_BROADCAST",
            "SO_ERROR",
            "SO_KEEPALIVE",
            "SO_RCVBUF",
            "SO_REUSEADDR",
            "SO_SNDBUF",
            "TCP_NODELAY",
            "error",
            "getaddrinfo",
            "inet_ntop",
            "inet_pton",
            "socket",
            "timeout",
        ],
    ),
    (
        "random",
        &[
            "choice",
            "choices",
            "expovariate",
            "gauss",
            "getrandbits",
            "normalvariate",
            "randbytes",
            "randint",
            "random",
            "randrange",
            "sample",
            "seed",
            "shuffle",
            "triangular",
            "uniform",
        ],
    ),
    (
        "time",
        &[
            "gmtime",
            "localtime",
            "mktime",
            "monotonic",
            "monotonic_ns",
            "perf_counter",
            "perf_counter_ns",
            "sleep",
            "sleep_ms",
            "sleep_us",
            "ticks_add",
            "ticks_cpu",
            "ticks_diff",
            "ticks_ms",
            "ticks_us",
            "time",
            "time_ns",
        ],
    ),
    (
        "platform",
        &[
            "libc_ver",
            "machine",
            "node",
            "platform",
            "processor",
            "python_compiler",
            "python_implementation",
            "python_version",
            "python_version_tuple",
            "release",
            "system",
            "uname",
            "version",
        ],
    ),
    (
        "builtins",
        &[
            "ArithmeticError",
            "AssertionError",
            "AttributeError",
            "BaseException",
            "BlockingIOError",
            "BrokenPipeError",
            "BufferError",
            "BytesWarning",
            "ChildProcessError",
            "ConnectionAbortedError",
            "ConnectionError",
            "ConnectionRefusedError",
            "ConnectionResetError",
            "DeprecationWarning",
            "EOFError",
            "Ellipsis",
            "EncodingWarning",
            "EnvironmentError",
            "Exception",
            "FileExistsError",
            "FileNotFoundError",
            "FloatingPointError",
            "FutureWarning",
            "GeneratorExit",
            "IOError",
            "ImportError",
            "ImportWarning",
            "IndentationError",
            "IndexError",
            "InterruptedError",
            "IsADirectoryError",
            "KeyError",
            "KeyboardInterrupt",
            "LookupError",
            "MemoryError",
            "ModuleNotFoundError",
            "NameError",
            "NotADirectoryError",
            "NotImplemented",
            "NotImplementedError",
            "OSError",
            "OverflowError",
            "PendingDeprecationWarning",
            "PermissionError",
            "ProcessLookupError",
            "RecursionError",
            "ReferenceError",
            "ResourceWarning",
            "RuntimeError",
            "RuntimeWarning",
            "StopAsyncIteration",
            "StopIteration",
            "SyntaxError",
            "SyntaxWarning",
            "SystemError",
            "SystemExit",
            "TabError",
            "TimeoutError",
            "TypeError",
            "UnboundLocalError",
            "UnicodeDecodeError",
            "UnicodeEncodeError",
            "UnicodeError",
            "UnicodeTranslateError",
            "UnicodeWarning",
            "UserWarning",
            "ValueError",
            "Warning",
            "ZeroDivisionError",
            "abs",
            "all",
            "any",
            "ascii",
            "bin",
            "bool",
            "bytearray",
            "bytes",
            "callable",
            "chr",
            "classmethod",
            "compile",
            "complex",
            "delattr",
            "dict",
            "dir",
            "divmod",
            "enumerate",
            "eval",
            "exec",
            "filter",
            "float",
            "format",
            "frozenset",
            "getattr",
            "globals",
            "hasattr",
            "hash",
            "hex",
            "id",
            "input",
            "int",
            "isinstance",
            "issubclass",
            "iter",
            "len",
            "list",
            "locals",
            "map",
            "max",
            "memoryview",
            "min",
            "next",
            "object",
            "oct",
            "open",
            "ord",
            "pow",
            "print",
            "property",
            "range",
            "repr",
            "reversed",
            "round",
            "set",
            "setattr",
            "slice",
            "sorted",
            "staticmethod",
            "str",
            "sum",
            "super",
            "tuple",
            "type",
            "vars",
            "zip",
        ],
    ),
    (
        "micropython",
        &[
            "alloc_emergency_exception_buf",
            "bytecode",
            "const",
            "heap_lock",
            "heap_locked",
            "heap_unlock",
            "kbd_intr",
            "mem_current",
            "mem_info",
            "mem_peak",
            "mem_total",
            "native",
            "opt_level",
            "qstr_info",
            "schedule",
            "stack_use",
            "viper",
        ],
    ),
    ("gc", &["collect", "disable", "enable", "isenabled", "mem_alloc", "mem_free", "threshold"]),
];

/// Methods and attributes of the objects a module makes: (module, object, names).
const METHODS: &[(&str, &str, &[&str])] = &[
    ("select", "poll", &["ipoll", "modify", "poll", "register", "unregister"]),
    (
        "socket",
        "socket",
        &[
            "accept",
            "bind",
            "close",
            "connect",
            "family",
            "fileno",
            "getpeername",
            "getsockname",
            "getsockopt",
            "gettimeout",
            "listen",
            "makefile",
            "proto",
            "read",
            "readinto",
            "readline",
            "recv",
            "recv_into",
            "recvfrom",
            "send",
            "sendall",
            "sendto",
            "setblocking",
            "setsockopt",
            "settimeout",
            "shutdown",
            "type",
            "write",
        ],
    ),
    ("asyncio", "Server", &["close", "sockets", "wait_closed"]),
    ("asyncio", "Task", &["cancel", "done"]),
    ("asyncio", "Event", &["clear", "is_set", "set", "wait"]),
    ("asyncio", "Lock", &["acquire", "locked", "release"]),
    (
        "asyncio",
        "Loop",
        &[
            "call_exception_handler",
            "close",
            "create_task",
            "default_exception_handler",
            "get_exception_handler",
            "run_forever",
            "run_until_complete",
            "set_exception_handler",
            "stop",
        ],
    ),
    (
        "asyncio",
        "Stream",
        &[
            "aclose",
            "awrite",
            "close",
            "drain",
            "get_extra_info",
            "read",
            "readexactly",
            "readinto",
            "readline",
            "wait_closed",
            "write",
        ],
    ),
    (
        "re",
        "Match",
        &[
            "end",
            "endpos",
            "expand",
            "group",
            "groupdict",
            "groups",
            "lastgroup",
            "lastindex",
            "pos",
            "re",
            "regs",
            "span",
            "start",
            "string",
        ],
    ),
    (
        "re",
        "Pattern",
        &[
            "findall",
            "finditer",
            "flags",
            "fullmatch",
            "groupindex",
            "groups",
            "match",
            "pattern",
            "search",
            "split",
            "sub",
            "subn",
        ],
    ),
    (
        "io",
        "stream",
        &[
            "close",
            "closed",
            "fileno",
            "flush",
            "getvalue",
            "isatty",
            "read",
            "readable",
            "readinto",
            "readline",
            "readlines",
            "seek",
            "seekable",
            "tell",
            "truncate",
            "writable",
            "write",
            "writelines",
        ],
    ),
    (
        "collections",
        "deque",
        &[
            "append",
            "appendleft",
            "clear",
            "copy",
            "count",
            "extend",
            "extendleft",
            "index",
            "insert",
            "maxlen",
            "pop",
            "popleft",
            "remove",
            "reverse",
            "rotate",
        ],
    ),
    ("collections", "OrderedDict", &["move_to_end", "popitem", "fromkeys", "setdefault"]),
    ("collections", "namedtuple", &["_asdict", "_fields", "_make", "_replace", "_field_defaults"]),
    ("collections", "Counter", &["elements", "most_common", "subtract", "total"]),
    ("struct", "Struct", &["format", "iter_unpack", "pack", "pack_into", "size", "unpack", "unpack_from"]),
    ("string.templatelib", "Template", &["interpolations", "strings", "values"]),
    ("string.templatelib", "Interpolation", &["conversion", "expression", "format_spec", "value"]),
    ("hashlib", "hash", &["block_size", "copy", "digest", "digest_size", "hexdigest", "name", "update"]),
    ("weakref", "ref", &["__callback__"]),
    ("weakref", "finalize", &["alive", "atexit", "detach", "peek"]),
    ("weakref", "KeyedRef", &["key"]),
    (
        "weakref",
        "WeakValueDictionary",
        &[
            "clear",
            "copy",
            "get",
            "items",
            "itervaluerefs",
            "keys",
            "pop",
            "popitem",
            "setdefault",
            "update",
            "valuerefs",
            "values",
        ],
    ),
    (
        "weakref",
        "WeakKeyDictionary",
        &["clear", "copy", "get", "items", "keyrefs", "keys", "pop", "popitem", "setdefault", "update", "values"],
    ),
    (
        "weakref",
        "WeakSet",
        &[
            "add",
            "clear",
            "copy",
            "difference",
            "difference_update",
            "discard",
            "intersection",
            "intersection_update",
            "isdisjoint",
            "issubset",
            "issuperset",
            "pop",
            "remove",
            "symmetric_difference",
            "symmetric_difference_update",
            "union",
            "update",
        ],
    ),
];

/// Statements a module's objects must appear in: (module, what, text). Covered when a file that
/// imports the module (any file, for `builtins`) contains the text.
const FORMS: &[(&str, &str, &str)] = &[
    ("io", "StringIO as a context manager", "with io.StringIO("),
    ("io", "BytesIO as a context manager", "with io.BytesIO("),
    ("io", "io.open as a context manager", "with io.open("),
    ("builtins", "open as a context manager", "with open("),
];

/// `struct` format characters and byte-order prefixes.
const STRUCT_FORMAT_CHARS: &str = "@=<>!xcbB?hHiIlLqQnNefdspP";

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/py")
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_py(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The source with comments removed (a `#` outside a string literal starts one). String
/// literals are kept; triple-quoted strings are followed across lines.
fn strip_comments(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    // The open quote: its character and whether it is tripled.
    let mut quote: Option<(u8, bool)> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some((q, triple)) => {
                if c == b'\\' && i + 1 < b.len() {
                    out.extend_from_slice(&b[i..i + 2]);
                    i += 2;
                    continue;
                }
                if c == q && (!triple || b[i..].starts_with(&[q, q, q])) {
                    let n = if triple { 3 } else { 1 };
                    out.extend_from_slice(&b[i..i + n]);
                    i += n;
                    quote = None;
                    continue;
                }
                if c == b'\n' && !triple {
                    quote = None;
                }
                out.push(c);
                i += 1;
            }
            None => {
                if c == b'#' {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                if c == b'"' || c == b'\'' {
                    let triple = b[i..].starts_with(&[c, c, c]);
                    let n = if triple { 3 } else { 1 };
                    out.extend_from_slice(&b[i..i + n]);
                    i += n;
                    quote = Some((c, triple));
                    continue;
                }
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `word` occurs in `text` as a whole name, not as an attribute (`x.word`) unless
/// `after_dot` allows it. A `word` that starts with `.` is an attribute of whatever precedes it.
fn has_word(text: &str, word: &str, after_dot: bool) -> bool {
    let t = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let at = from + pos;
        let end = at + word.len();
        let before_ok = word.starts_with('.') || at == 0 || (!is_ident(t[at - 1]) && (after_dot || t[at - 1] != b'.'));
        let after_ok = end >= t.len() || !is_ident(t[end]);
        if before_ok && after_ok {
            return true;
        }
        from = at + 1;
    }
    false
}

/// What one test file imports and uses.
struct FileUses {
    /// Module name (without a `u` prefix) -> the local names it is bound to.
    aliases: BTreeMap<String, BTreeSet<String>>,
    /// Module name -> (imported name, local name) from `from mod import name [as local]`.
    from_names: BTreeMap<String, Vec<(String, String)>>,
    /// Modules imported with `from mod import *`.
    star: BTreeSet<String>,
    /// The source without comments and without its import statements.
    body: String,
    /// Every module the file imports in any form.
    imported: BTreeSet<String>,
    /// The characters of the string literals that read as struct formats.
    struct_chars: BTreeSet<char>,
}

fn canonical(module: &str) -> String {
    let known = |m: &str| MODULES.iter().any(|(n, _)| *n == m);
    match module.strip_prefix('u') {
        Some(rest) if !known(module) && known(rest) => rest.to_string(),
        _ => module.to_string(),
    }
}

/// Joins the lines of parenthesised `from x import (a,\n b)` statements.
fn logical_lines(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in src.lines() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(line);
        let t = cur.trim_start();
        let open =
            t.starts_with("from ") && t.contains("import") && cur.matches('(').count() > cur.matches(')').count();
        if !open {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn analyse(src: &str) -> FileUses {
    let src = strip_comments(src);
    let mut uses = FileUses {
        aliases: BTreeMap::new(),
        from_names: BTreeMap::new(),
        star: BTreeSet::new(),
        body: String::new(),
        imported: BTreeSet::new(),
        struct_chars: BTreeSet::new(),
    };
    for line in logical_lines(&src) {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("import ") {
            for part in rest.split(',') {
                let mut words = part.split_whitespace();
                let Some(module) = words.next() else { continue };
                let local = match (words.next(), words.next()) {
                    (Some("as"), Some(alias)) => alias.to_string(),
                    _ => module.to_string(),
                };
                let m = canonical(module);
                uses.imported.insert(m.clone());
                uses.aliases.entry(m).or_default().insert(local);
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("from ") {
            if let Some((module, names)) = rest.split_once(" import ") {
                let m = canonical(module.trim());
                uses.imported.insert(m.clone());
                let names = names.replace(['(', ')'], " ");
                for part in names.split(',') {
                    let mut words = part.split_whitespace();
                    let Some(name) = words.next() else { continue };
                    if name == "*" {
                        uses.star.insert(m.clone());
                        continue;
                    }
                    let local = match (words.next(), words.next()) {
                        (Some("as"), Some(alias)) => alias.to_string(),
                        _ => name.to_string(),
                    };
                    uses.from_names.entry(m.clone()).or_default().push((name.to_string(), local));
                }
                continue;
            }
        }
        uses.body.push_str(&line);
        uses.body.push('\n');
    }
    // `__import__("x")` and `importlib`-free dynamic imports bind nothing we can follow; ignore.
    if uses.imported.contains("struct") {
        for lit in string_literals(&uses.body) {
            if is_struct_format(&lit) {
                uses.struct_chars.extend(lit.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()));
            }
        }
    }
    uses
}

/// The contents of the single-line string literals in `src` (prefixes other than `b` ignored).
fn string_literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'\'' {
            let mut j = i + 1;
            while j < b.len() && b[j] != c && b[j] != b'\n' {
                if b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            if j < b.len() && b[j] == c {
                out.push(String::from_utf8_lossy(&b[i + 1..j]).into_owned());
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a literal reads as a struct format: an optional byte order, then at least one code.
fn is_struct_format(s: &str) -> bool {
    let s = s.trim();
    let body = s.strip_prefix(['@', '=', '<', '>', '!']).unwrap_or(s);
    let mut saw_code = false;
    for c in body.chars() {
        if c.is_ascii_digit() || c == ' ' {
            continue;
        }
        if !"xcbB?hHiIlLqQnNefdspP".contains(c) {
            return false;
        }
        saw_code = true;
    }
    saw_code
}

fn covers_attr(uses: &FileUses, module: &str, name: &str) -> bool {
    if let Some(locals) = uses.aliases.get(module) {
        if locals.iter().any(|a| has_word(&uses.body, &format!("{a}.{name}"), false)) {
            return true;
        }
    }
    let first = name.split('.').next().unwrap();
    let rest = &name[first.len()..];
    if let Some(names) = uses.from_names.get(module) {
        for (imported, local) in names {
            if imported == first && has_word(&uses.body, &format!("{local}{rest}"), false) {
                return true;
            }
        }
    }
    if (uses.star.contains(module) || module == "builtins") && has_word(&uses.body, name, false) {
        return true;
    }
    false
}

fn covers_method(uses: &FileUses, module: &str, name: &str) -> bool {
    uses.imported.contains(module) && has_word(&uses.body, &format!(".{name}"), true)
}

fn load_corpus() -> Vec<(String, FileUses)> {
    let root = corpus_root();
    let mut files = Vec::new();
    collect_py(&root, &mut files);
    assert!(!files.is_empty(), "no tests under {}", root.display());
    files
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap_or(p).to_string_lossy().into_owned();
            (rel, analyse(&fs::read_to_string(p).unwrap_or_default()))
        })
        .collect()
}

#[test]
fn every_module_name_has_a_test() {
    let corpus = load_corpus();
    let mut total = 0;
    let mut gaps: Vec<String> = Vec::new();
    for (module, names) in MODULES {
        for name in *names {
            total += 1;
            if !corpus.iter().any(|(_, u)| covers_attr(u, module, name)) {
                gaps.push(format!("{module}.{name}"));
            }
        }
    }
    for (module, object, names) in METHODS {
        for name in *names {
            total += 1;
            if !corpus.iter().any(|(_, u)| covers_method(u, module, name)) {
                gaps.push(format!("{module}: {object}.{name}"));
            }
        }
    }
    for (module, what, text) in FORMS {
        total += 1;
        let covered = |u: &FileUses| (*module == "builtins" || u.imported.contains(*module)) && u.body.contains(text);
        if !corpus.iter().any(|(_, u)| covered(u)) {
            gaps.push(format!("{module}: {what} (`{text}`)"));
        }
    }
    let struct_chars: BTreeSet<char> = corpus.iter().flat_map(|(_, u)| u.struct_chars.iter().copied()).collect();
    for c in STRUCT_FORMAT_CHARS.chars() {
        total += 1;
        if !struct_chars.contains(&c) {
            gaps.push(format!("struct format {c:?}"));
        }
    }
    eprintln!("module coverage: {} of {total} names have a test", total - gaps.len());
    assert!(gaps.is_empty(), "{} names have no test under tests/py:\n  {}", gaps.len(), gaps.join("\n  "));
}

/// The list above is exactly what krait's modules expose (public names, per `dir()`).
#[test]
fn module_list_matches_krait() {
    let mut script = String::from("for m in (");
    for (module, _) in MODULES {
        script.push_str(&format!("'{module}',"));
    }
    // (A non-empty fromlist makes `__import__` return a dotted name's last module.)
    script.push_str(
        "):\n    print(m, *sorted(n for n in dir(__import__(m, None, None, ['*'])) if not n.startswith('_')))\n",
    );
    // Run where no file can shadow a built-in module, with no search path from the caller.
    let out = Command::new(env!("CARGO_BIN_EXE_krait"))
        .arg("-c")
        .arg(&script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("MICROPYPATH")
        .env_remove("PYTHONPATH")
        .output()
        .expect("run krait");
    assert!(out.status.success(), "krait failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut problems = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(module) = words.next() else { continue };
        let actual: BTreeSet<&str> = words.collect();
        let listed: BTreeSet<&str> = MODULES
            .iter()
            .find(|(m, _)| *m == module)
            .map(|(_, names)| names.iter().copied().filter(|n| !n.contains('.')).collect())
            .unwrap_or_default();
        for missing in actual.difference(&listed) {
            problems.push(format!("{module}.{missing} exists but is not in the list"));
        }
        for extra in listed.difference(&actual) {
            problems.push(format!("{module}.{extra} is listed but krait's module lacks it"));
        }
    }
    assert_eq!(text.lines().count(), MODULES.len(), "unexpected output: {text}");
    assert!(problems.is_empty(), "update MODULES in module_coverage.rs:\n  {}", problems.join("\n  "));
}

#[test]
fn coverage_rules() {
    let u =
        analyse("import utime as t\nfrom math import sqrt as root, pi\n# math.cos(1)\nprint(t.ticks_ms(), root(2))\n");
    assert!(covers_attr(&u, "time", "ticks_ms"));
    assert!(covers_attr(&u, "math", "sqrt"));
    assert!(!covers_attr(&u, "math", "pi"), "imported but unused");
    assert!(!covers_attr(&u, "math", "cos"), "only in a comment");
    let u = analyse("import sys\nsys.stdout.buffer.write(b'x')\nx.sys.argv\n");
    assert!(covers_attr(&u, "sys", "stdout.buffer"));
    assert!(!covers_attr(&u, "sys", "argv"));
    let u = analyse("import struct\nstruct.pack('<2hI', 1, 2, 3)\nprint('hello')\n");
    assert!(u.struct_chars.contains(&'<') && u.struct_chars.contains(&'I'));
    assert!(!u.struct_chars.contains(&'e'));
    let u = analyse("print(abs(-1))\n");
    assert!(covers_attr(&u, "builtins", "abs"));
}

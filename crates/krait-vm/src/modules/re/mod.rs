//! `re`: regular expressions, with krait's own engine (`parse` → `compile` →
//! `exec`, a backtracking matcher with CPython's semantics).
//!
//! Beyond MicroPython's subset (`compile`, `match`, `search`, `sub`, `split`, match
//! `group`/`groups`/`span`/`start`/`end`) it has what CPython programs commonly use:
//! `fullmatch`, `findall`, `finditer`, `subn`, `escape`, named groups, lookarounds,
//! backreferences, flags (`I`, `M`, `S`, `X`, `A`) and bytes patterns. Catastrophic
//! backtracking is bounded by a step budget (proportional to pattern size × text
//! length, at least 5·10⁷ steps): beyond it the match raises `RuntimeError`.
//! Module-level functions cache the patterns they compile.

pub mod compile;
pub mod exec;
pub mod parse;

use std::fmt::Write as _;
use std::rc::Rc;

use krait_syntax::Qstr;

use crate::class::{arg, kwarg};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::modules::io::{builtin_module_dict, module_type, set_module_types};
use crate::obj::str::as_str;
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

use exec::{Matcher, UNSET};

type R = PyResult<Value>;

pub mod flags {
    pub const TEMPLATE: i64 = 1;
    pub const IGNORECASE: i64 = 2;
    pub const LOCALE: i64 = 4;
    pub const MULTILINE: i64 = 8;
    pub const DOTALL: i64 = 16;
    pub const UNICODE: i64 = 32;
    pub const VERBOSE: i64 = 64;
    pub const ASCII: i64 = 256;
}

const T_PATTERN: usize = 0;
const T_MATCH: usize = 1;
const T_ERROR: usize = 2;
const T_SCANNER: usize = 3;

const CACHE_KEY: &str = "__krait_re_cache__";
const CACHE_MAX: usize = 128;

/// A compiled pattern.
pub struct Regex {
    prog: compile::Program,
    groups: usize,
    names: Vec<(String, usize)>,
    bytes: bool,
    flags: i64,
    prefix: Vec<u8>,
    anchored_start: bool,
}

pub struct PatternObj {
    pub regex: Rc<Regex>,
    pub pattern: Value,
    pub class: Gc<TypeObj>,
    pub match_class: Gc<TypeObj>,
}

impl PyObj for PatternObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark_gc(self.class);
        t.mark_gc(self.match_class);
    }
    fn extra_size(&self) -> usize {
        self.regex.prog.insts.len() * 24
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

pub struct MatchObj {
    regex: Rc<Regex>,
    pattern: Value,
    string: Value,
    /// Group boundaries as byte offsets into the subject (`UNSET` when unmatched).
    slots: Box<[usize]>,
    pos: usize,
    endpos: usize,
    class: Gc<TypeObj>,
}

impl PyObj for MatchObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark(self.string);
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.slots.len() * 8
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

/// The lazy iterator `finditer` returns.
pub struct ScannerObj {
    regex: Rc<Regex>,
    pattern: Value,
    string: Value,
    /// Byte offset to search from, end of the subject, and whether the next match must advance.
    next: usize,
    end: usize,
    must_advance: bool,
    done: bool,
    pos: usize,
    endpos: usize,
    class: Gc<TypeObj>,
}

impl PyObj for ScannerObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pattern);
        t.mark(self.string);
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

// ---- compiling ----

fn re_error(vm: &mut Vm, msg: &str, pattern: Value, pos: Option<usize>) -> PyErr {
    let full = match pos {
        Some(p) => format!("{msg} at position {p}"),
        None => msg.to_owned(),
    };
    let class = match module_type(vm, "re", T_ERROR) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let e = vm.new_exception_of(class, &full);
    let r: PyResult<()> = (|| {
        let m = vm.new_str(msg)?;
        vm.set_attr(e.0, Qstr::new("msg"), m)?;
        vm.set_attr(e.0, Qstr::new("pattern"), pattern)?;
        let p = match pos {
            Some(p) => vm.new_int(p as i64)?,
            None => Value::NONE,
        };
        vm.set_attr(e.0, Qstr::new("pos"), p)
    })();
    match r {
        Ok(()) => e,
        Err(x) => x,
    }
}

/// A pattern holding lone surrogates (generalized UTF-8), written with `\udXXX`
/// escapes instead, which mean the same code points to the parser (a surrogate
/// after a backslash was a literal too).
fn surrogates_escaped(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 8);
    for (_, cp) in krait_syntax::wtf8::code_points(b) {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                let escaped = out.bytes().rev().take_while(|&c| c == b'\\').count() % 2 == 1;
                if escaped {
                    out.pop();
                }
                crate::repr::push_code_escape_u32(&mut out, cp);
            }
        }
    }
    out
}

fn compile_regex(vm: &mut Vm, pattern: Value, flags_in: i64) -> PyResult<Regex> {
    let (text, bytes) = if let Some(s) = as_str(&pattern) {
        (s.to_owned(), false)
    } else if let Some(b) = crate::obj::str::as_wtf8(&pattern) {
        (surrogates_escaped(b), false)
    } else if let Some(d) = vm.bytes_data(pattern) {
        (d.iter().map(|&b| b as char).collect::<String>(), true)
    } else {
        return Err(vm.type_error("first argument must be string or compiled pattern"));
    };
    let mut fl = flags_in;
    if bytes && fl & flags::UNICODE != 0 {
        return Err(vm.value_error("cannot use UNICODE flag with a bytes pattern"));
    }
    if !bytes && fl & flags::LOCALE != 0 {
        return Err(vm.value_error("cannot use LOCALE flag with a str pattern"));
    }
    if fl & flags::ASCII != 0 && fl & flags::UNICODE != 0 {
        return Err(vm.value_error("ASCII and UNICODE flags are incompatible"));
    }
    let parsed = match parse::parse(&text, fl, bytes) {
        Ok(p) => p,
        // CPython raises these two as OverflowError and RecursionError.
        Err(e) if e.msg == parse::TOO_LARGE => return Err(vm.overflow_error(parse::TOO_LARGE)),
        Err(e) if e.msg == parse::TOO_DEEP => return Err(vm.recursion_error()),
        Err(e) => return Err(re_error(vm, &e.msg, pattern, e.pos)),
    };
    fl = parsed.flags;
    if !bytes && fl & flags::ASCII == 0 {
        fl |= flags::UNICODE;
    }
    let prog = match compile::compile(&parsed.node, bytes) {
        Ok(p) => p,
        Err(msg) => return Err(re_error(vm, &msg, pattern, None)),
    };
    let prefix = compile::literal_prefix(&parsed.node, bytes);
    let anchored_start = compile::anchored_start(&parsed.node);
    Ok(Regex { prog, groups: parsed.groups, names: parsed.names, bytes, flags: fl, prefix, anchored_start })
}

fn flags_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) if v.is_none() => Ok(0),
        Some(v) => vm.to_index(v),
    }
}

/// `re.compile(pattern, flags)`, through the module's cache of compiled patterns.
fn compile_cached(vm: &mut Vm, pattern: Value, flags_in: i64) -> PyResult<Gc<PatternObj>> {
    if let Some(p) = pattern.downcast::<PatternObj>() {
        if flags_in != 0 {
            return Err(vm.value_error("cannot process flags argument with a compiled pattern"));
        }
        return Ok(p);
    }
    let md = builtin_module_dict(vm, "re")?;
    let cache = match md.get_qstr(Qstr::new(CACHE_KEY)).and_then(|c| c.downcast::<DictObj>()) {
        Some(c) => c,
        None => {
            let c = vm.new_dict()?;
            md.get_mut().set_qstr(Qstr::new(CACHE_KEY), c.value());
            c
        }
    };
    let is_text = crate::obj::str::is_str(pattern);
    let cacheable = is_text || pattern.is_kind(ObjKind::Bytes);
    let key = if !cacheable {
        Value::NULL
    } else if flags_in == 0 {
        pattern
    } else {
        let f = vm.new_int(flags_in)?;
        vm.new_tuple_from(&[pattern, f])?
    };
    if !key.is_null() {
        // A str and a bytes pattern with the same text are different keys (str != bytes).
        if let Some(p) = vm.dict_get(cache, key)?.and_then(|p| p.downcast::<PatternObj>()) {
            if p.regex.bytes != is_text {
                return Ok(p);
            }
        }
    }
    vm.temp_roots.push(key);
    let r = new_pattern(vm, pattern, flags_in);
    vm.temp_roots.pop();
    let p = r?;
    if !key.is_null() {
        if cache.len() >= CACHE_MAX {
            cache.get_mut().clear();
        }
        vm.dict_set(cache, key, p.value())?;
    }
    Ok(p)
}

fn new_pattern(vm: &mut Vm, pattern: Value, flags_in: i64) -> PyResult<Gc<PatternObj>> {
    let regex = compile_regex(vm, pattern, flags_in)?;
    let class = module_type(vm, "re", T_PATTERN)?;
    let match_class = module_type(vm, "re", T_MATCH)?;
    vm.alloc(PatternObj { regex: Rc::new(regex), pattern, class, match_class })
}

// ---- subjects ----

/// The bytes of a subject, whether they are UTF-8 text, and whether it is ASCII
/// (character and byte offsets agree).
struct Subject<'a> {
    data: std::borrow::Cow<'a, [u8]>,
    utf8: bool,
    ascii: bool,
}

fn subject<'a>(vm: &mut Vm, re: &Regex, v: &'a Value) -> PyResult<Subject<'a>> {
    // (A str's bytes: generalized UTF-8 when it holds lone surrogates, which the
    // matcher decodes like any other character.)
    if let Some(s) = crate::obj::str::as_wtf8(v) {
        if re.bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        let ascii = match v.downcast::<StrObj>() {
            Some(o) => o.is_ascii(),
            None => s.is_ascii(),
        };
        return Ok(Subject { data: std::borrow::Cow::Borrowed(s), utf8: true, ascii });
    }
    if let Some(d) = crate::buffer::buffer_bytes(vm, *v) {
        if !re.bytes {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        return Ok(Subject { data: std::borrow::Cow::Owned(d), utf8: false, ascii: true });
    }
    Err(vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_name(*v))))
}

impl Subject<'_> {
    fn char_to_byte(&self, ci: usize) -> usize {
        if self.ascii {
            return ci.min(self.data.len());
        }
        let mut n = 0;
        for (i, &b) in self.data.iter().enumerate() {
            if b & 0xc0 != 0x80 {
                if n == ci {
                    return i;
                }
                n += 1;
            }
        }
        self.data.len()
    }

    fn char_len(&self) -> usize {
        if self.ascii {
            self.data.len()
        } else {
            self.data.iter().filter(|&&b| b & 0xc0 != 0x80).count()
        }
    }
}

fn byte_to_char(data: &[u8], ascii: bool, bi: usize) -> usize {
    if ascii {
        bi
    } else {
        data[..bi.min(data.len())].iter().filter(|&&b| b & 0xc0 != 0x80).count()
    }
}

/// Normalise `pos`/`endpos` (characters) to byte offsets; `None` when empty-crossed.
fn bounds(sub: &Subject, pos: Option<i64>, endpos: Option<i64>) -> Option<(usize, usize, usize, usize)> {
    let len = sub.char_len() as i64;
    let p = pos.unwrap_or(0).clamp(0, len);
    let e = endpos.unwrap_or(len).clamp(0, len);
    if e < p {
        return None;
    }
    Some((sub.char_to_byte(p as usize), sub.char_to_byte(e as usize), p as usize, e as usize))
}

fn budget_error(vm: &mut Vm) -> PyErr {
    vm.new_exception(ExcKind::RuntimeError, "re: backtracking limit exceeded (pattern too complex for this input)")
}

fn pos_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => vm.to_index(v).map(Some),
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    Match,
    Search,
    Full,
}

fn do_match(vm: &mut Vm, pat: Gc<PatternObj>, string: Value, pos: Option<i64>, endpos: Option<i64>, mode: Mode) -> R {
    let re = pat.regex.clone();
    let sub = subject(vm, &re, &string)?;
    let Some((start, end, pc, ec)) = bounds(&sub, pos, endpos) else { return Ok(Value::NONE) };
    let mut slots = vec![UNSET; 2 * (re.groups + 1) + 1];
    let found = {
        let mut m = Matcher::new(&re.prog, &sub.data, end, sub.utf8);
        m.search(start, mode != Mode::Search, mode == Mode::Full, false, &re.prefix, re.anchored_start, &mut slots)
    };
    match found {
        Err(_) => Err(budget_error(vm)),
        Ok(false) => Ok(Value::NONE),
        Ok(true) => {
            drop(sub);
            new_match(vm, &re, pat.value(), string, slots, pc, ec)
        }
    }
}

fn new_match(
    vm: &mut Vm,
    re: &Rc<Regex>,
    pattern: Value,
    string: Value,
    slots: Vec<usize>,
    pos: usize,
    endpos: usize,
) -> R {
    let class = match pattern.downcast::<PatternObj>() {
        Some(p) => p.match_class,
        None => module_type(vm, "re", T_MATCH)?,
    };
    let m = MatchObj { regex: re.clone(), pattern, string, slots: slots.into_boxed_slice(), pos, endpos, class };
    Ok(vm.alloc(m)?.value())
}

/// What `scan` calls for each match: `(vm, subject bytes, slots)`.
type Each<'a> = &'a mut dyn FnMut(&mut Vm, &[u8], &[usize]) -> PyResult<()>;

/// Call `each(vm, subject bytes, slots)` for successive matches (at most `count`
/// when nonzero) of the pattern in `string[pos:endpos]`. The subject bytes stay
/// valid across calls into Python (a str is immutable and rooted by the caller;
/// other subjects are copied).
fn scan(
    vm: &mut Vm,
    re: &Rc<Regex>,
    string: Value,
    pos: Option<i64>,
    endpos: Option<i64>,
    count: usize,
    each: Each,
) -> PyResult<()> {
    let sub = subject(vm, re, &string)?;
    let Some((mut at, end, _, _)) = bounds(&sub, pos, endpos) else { return Ok(()) };
    let mut must_advance = false;
    let mut slots = vec![UNSET; 2 * (re.groups + 1) + 1];
    let mut n = 0;
    let mut m = Matcher::new(&re.prog, &sub.data, end, sub.utf8);
    loop {
        if at > end || (count > 0 && n >= count) {
            return Ok(());
        }
        let found = m.search(at, false, false, must_advance, &re.prefix, re.anchored_start, &mut slots);
        match found {
            Err(_) => return Err(budget_error(vm)),
            Ok(false) => return Ok(()),
            Ok(true) => {
                n += 1;
                each(vm, &sub.data, &slots)?;
                must_advance = slots[1] == slots[0];
                at = slots[1];
            }
        }
    }
}

/// A piece of the subject as a str or bytes value.
fn piece(vm: &mut Vm, bytes: bool, data: &[u8], a: usize, b: usize) -> R {
    if bytes {
        vm.new_bytes(data[a..b].to_vec())
    } else {
        match std::str::from_utf8(&data[a..b]) {
            Ok(s) => vm.new_str(s),
            Err(_) => vm.new_wtf8(&data[a..b]),
        }
    }
}

fn group_value(vm: &mut Vm, bytes: bool, data: &[u8], slots: &[usize], g: usize, default: Value) -> R {
    let (a, b) = (slots[2 * g], slots[2 * g + 1]);
    if a == UNSET || b == UNSET {
        return Ok(default);
    }
    piece(vm, bytes, data, a, b)
}

// ---- module functions and Pattern methods ----

fn pattern_of(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<PatternObj>> {
    match args.first().and_then(|v| v.downcast::<PatternObj>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 're.Pattern' object")),
    }
}

/// The positional-or-keyword argument `name` at index `i`.
fn opt(args: &[Value], kw: &[Value], i: usize, name: &str) -> Option<Value> {
    args.get(i).copied().or_else(|| kwarg(kw, name))
}

fn need(vm: &mut Vm, args: &[Value], kw: &[Value], i: usize, name: &str, fname: &str) -> PyResult<Value> {
    match opt(args, kw, i, name) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1))),
    }
}

fn re_compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "compile")?;
    let f = flags_arg(vm, opt(args, kw, 1, "flags"))?;
    Ok(compile_cached(vm, pattern, f)?.value())
}

fn module_matcher(vm: &mut Vm, args: &[Value], kw: &[Value], fname: &str, mode: Mode) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", fname)?;
    let string = need(vm, args, kw, 1, "string", fname)?;
    let f = flags_arg(vm, opt(args, kw, 2, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    do_match(vm, p, string, None, None, mode)
}

fn re_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    module_matcher(vm, args, kw, "match", Mode::Match)
}

fn re_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    module_matcher(vm, args, kw, "search", Mode::Search)
}

fn re_fullmatch(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    module_matcher(vm, args, kw, "fullmatch", Mode::Full)
}

fn pattern_matcher(vm: &mut Vm, args: &[Value], kw: &[Value], fname: &str, mode: Mode) -> R {
    let p = pattern_of(vm, args)?;
    let string = need(vm, &args[1..], kw, 0, "string", fname)?;
    let pos = pos_arg(vm, opt(&args[1..], kw, 1, "pos"))?;
    let endpos = pos_arg(vm, opt(&args[1..], kw, 2, "endpos"))?;
    do_match(vm, p, string, pos, endpos, mode)
}

fn pat_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pattern_matcher(vm, args, kw, "match", Mode::Match)
}

fn pat_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pattern_matcher(vm, args, kw, "search", Mode::Search)
}

fn pat_fullmatch(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pattern_matcher(vm, args, kw, "fullmatch", Mode::Full)
}

// -- sub --

enum Piece {
    Lit(Vec<u8>),
    Group(usize),
}

/// Parse a replacement template (`\1`, `\g<name>`, escapes).
fn parse_template(vm: &mut Vm, re: &Regex, pattern: Value, t: &[u8]) -> PyResult<Vec<Piece>> {
    let mut out: Vec<Piece> = Vec::new();
    let mut lit: Vec<u8> = Vec::new();
    let mut i = 0;
    let flush = |lit: &mut Vec<u8>, out: &mut Vec<Piece>| {
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(lit)));
        }
    };
    while i < t.len() {
        let b = t[i];
        if b != b'\\' {
            lit.push(b);
            i += 1;
            continue;
        }
        let Some(&e) = t.get(i + 1) else {
            return Err(re_error(vm, "bad escape (end of pattern)", pattern, Some(i)));
        };
        match e {
            b'g' => {
                if t.get(i + 2) != Some(&b'<') {
                    return Err(re_error(vm, "missing <", pattern, Some(i + 2)));
                }
                let close = match t[i + 3..].iter().position(|&c| c == b'>') {
                    Some(k) => i + 3 + k,
                    None => return Err(re_error(vm, "missing >, unterminated name", pattern, Some(i + 3))),
                };
                let name = String::from_utf8_lossy(&t[i + 3..close]).into_owned();
                if name.is_empty() {
                    return Err(re_error(vm, "missing group name", pattern, Some(i + 3)));
                }
                let g = if name.bytes().all(|c| c.is_ascii_digit()) {
                    match name.parse::<usize>() {
                        Ok(g) if g <= re.groups => g,
                        _ => {
                            return Err(re_error(vm, &format!("invalid group reference {name}"), pattern, Some(i + 3)))
                        }
                    }
                } else {
                    match re.names.iter().find(|(n, _)| *n == name) {
                        Some(&(_, g)) => g,
                        None => {
                            let ok = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
                                && name.chars().all(|c| c.is_alphanumeric() || c == '_');
                            if !ok {
                                return Err(re_error(
                                    vm,
                                    &format!("bad character in group name '{name}'"),
                                    pattern,
                                    Some(i + 3),
                                ));
                            }
                            return Err(vm.index_error(format!("unknown group name '{name}'")));
                        }
                    }
                };
                flush(&mut lit, &mut out);
                out.push(Piece::Group(g));
                i = close + 1;
            }
            b'0'..=b'9' => {
                // Octal escape (\0, or three octal digits), else a group number.
                let d = |k: usize| t.get(k).copied().filter(|c| c.is_ascii_digit());
                let is_oct = |c: u8| (b'0'..=b'7').contains(&c);
                if e == b'0' {
                    let mut v = 0u32;
                    let mut k = i + 1;
                    let mut n = 0;
                    while n < 3 && t.get(k).is_some_and(|&c| is_oct(c)) {
                        v = v * 8 + (t[k] - b'0') as u32;
                        k += 1;
                        n += 1;
                    }
                    push_char(&mut lit, v, re.bytes);
                    i = k;
                } else if is_oct(e) && d(i + 2).is_some_and(is_oct) && d(i + 3).is_some_and(is_oct) {
                    let v = (e - b'0') as u32 * 64 + (t[i + 2] - b'0') as u32 * 8 + (t[i + 3] - b'0') as u32;
                    if v > 0o377 {
                        return Err(re_error(vm, "octal escape value outside of range 0-0o377", pattern, Some(i)));
                    }
                    push_char(&mut lit, v, re.bytes);
                    i += 4;
                } else {
                    let mut g = (e - b'0') as usize;
                    let mut k = i + 2;
                    if let Some(c) = d(k) {
                        g = g * 10 + (c - b'0') as usize;
                        k += 1;
                    }
                    if g > re.groups {
                        return Err(re_error(vm, &format!("invalid group reference {g}"), pattern, Some(i + 1)));
                    }
                    flush(&mut lit, &mut out);
                    out.push(Piece::Group(g));
                    i = k;
                }
            }
            b'n' => {
                lit.push(b'\n');
                i += 2;
            }
            b't' => {
                lit.push(b'\t');
                i += 2;
            }
            b'r' => {
                lit.push(b'\r');
                i += 2;
            }
            b'f' => {
                lit.push(0x0c);
                i += 2;
            }
            b'v' => {
                lit.push(0x0b);
                i += 2;
            }
            b'a' => {
                lit.push(0x07);
                i += 2;
            }
            b'b' => {
                lit.push(0x08);
                i += 2;
            }
            b'\\' => {
                lit.push(b'\\');
                i += 2;
            }
            c if c.is_ascii_alphabetic() => {
                return Err(re_error(vm, &format!("bad escape \\{}", c as char), pattern, Some(i)));
            }
            _ => {
                lit.push(b'\\');
                i += 1;
            }
        }
    }
    flush(&mut lit, &mut out);
    Ok(out)
}

fn push_char(out: &mut Vec<u8>, v: u32, bytes: bool) {
    if bytes {
        out.push(v as u8);
    } else if let Some(c) = char::from_u32(v) {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

fn subn_impl(vm: &mut Vm, p: Gc<PatternObj>, repl: Value, string: Value, count: usize) -> PyResult<(Value, usize)> {
    let re = p.regex.clone();
    let pv = p.value();
    let callable = !crate::obj::str::is_str(repl) && vm.bytes_data(repl).is_none();
    let template = if callable {
        None
    } else {
        let t: Vec<u8> = match crate::obj::str::as_wtf8(&repl) {
            Some(s) => {
                if re.bytes {
                    return Err(vm.type_error(format!("expected a bytes-like object, {} found", vm.type_name(repl))));
                }
                s.to_vec()
            }
            None => {
                if !re.bytes {
                    return Err(vm.type_error(format!("expected str instance, {} found", vm.type_name(repl))));
                }
                vm.bytes_data(repl).unwrap_or_default()
            }
        };
        Some(if t.contains(&b'\\') { parse_template(vm, &re, repl, &t)? } else { vec![Piece::Lit(t)] })
    };
    let mut out: Vec<u8> = Vec::new();
    let mut last = 0usize;
    let mut n = 0usize;
    {
        let mut each = |vm: &mut Vm, data: &[u8], slots: &[usize]| -> PyResult<()> {
            out.extend_from_slice(&data[last..slots[0]]);
            match &template {
                Some(pieces) => {
                    for pc in pieces {
                        match pc {
                            Piece::Lit(b) => out.extend_from_slice(b),
                            Piece::Group(g) => {
                                let (a, b) = (slots[2 * g], slots[2 * g + 1]);
                                if a != UNSET && b != UNSET {
                                    out.extend_from_slice(&data[a..b]);
                                }
                            }
                        }
                    }
                }
                None => {
                    let m = new_match(vm, &re, pv, string, slots.to_vec(), 0, usize::MAX)?;
                    vm.temp_roots.push(m);
                    let r = vm.call_value(repl, &[m], &[]);
                    vm.temp_roots.pop();
                    let r = r?;
                    if re.bytes {
                        match vm.bytes_data(r) {
                            Some(b) => out.extend_from_slice(&b),
                            None => {
                                return Err(
                                    vm.type_error(format!("expected a bytes-like object, {} found", vm.type_name(r)))
                                )
                            }
                        }
                    } else {
                        match crate::obj::str::as_wtf8(&r) {
                            Some(s) => out.extend_from_slice(s),
                            None => {
                                return Err(vm.type_error(format!("expected str instance, {} found", vm.type_name(r))))
                            }
                        }
                    }
                }
            }
            last = slots[1];
            n += 1;
            Ok(())
        };
        // The pattern may be held only by the module's cache, which `repl` could clear.
        vm.temp_roots.push(pv);
        let r = scan(vm, &re, string, None, None, count, &mut each);
        vm.temp_roots.pop();
        r?;
    }
    let sub = subject(vm, &re, &string)?;
    let sub_len = sub.data.len();
    if n == 0 {
        // Nothing replaced: the subject itself (as its exact type for str/bytes).
        if crate::obj::str::is_str(string) || string.is_kind(ObjKind::Bytes) {
            return Ok((string, 0));
        }
    }
    out.extend_from_slice(&sub.data[last..sub_len]);
    drop(sub);
    let v = if re.bytes {
        vm.new_bytes(out)?
    } else {
        match String::from_utf8(out) {
            Ok(s) => vm.new_string(s)?,
            // Lone surrogates from the subject or the replacement.
            Err(e) => vm.new_wtf8(e.as_bytes())?,
        }
    };
    Ok((v, n))
}

fn count_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<usize> {
    match v {
        None => Ok(0),
        Some(v) => Ok(vm.to_index(v)?.max(0) as usize),
    }
}

fn re_sub(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "sub")?;
    let repl = need(vm, args, kw, 1, "repl", "sub")?;
    let string = need(vm, args, kw, 2, "string", "sub")?;
    let count = count_arg(vm, opt(args, kw, 3, "count"))?;
    let f = flags_arg(vm, opt(args, kw, 4, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    Ok(subn_impl(vm, p, repl, string, count)?.0)
}

fn re_subn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "subn")?;
    let repl = need(vm, args, kw, 1, "repl", "subn")?;
    let string = need(vm, args, kw, 2, "string", "subn")?;
    let count = count_arg(vm, opt(args, kw, 3, "count"))?;
    let f = flags_arg(vm, opt(args, kw, 4, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    let (s, n) = subn_impl(vm, p, repl, string, count)?;
    let nv = vm.new_int(n as i64)?;
    vm.new_tuple_from(&[s, nv])
}

fn pat_sub(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let repl = need(vm, &args[1..], kw, 0, "repl", "sub")?;
    let string = need(vm, &args[1..], kw, 1, "string", "sub")?;
    let count = count_arg(vm, opt(&args[1..], kw, 2, "count"))?;
    Ok(subn_impl(vm, p, repl, string, count)?.0)
}

fn pat_subn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let repl = need(vm, &args[1..], kw, 0, "repl", "subn")?;
    let string = need(vm, &args[1..], kw, 1, "string", "subn")?;
    let count = count_arg(vm, opt(&args[1..], kw, 2, "count"))?;
    let (s, n) = subn_impl(vm, p, repl, string, count)?;
    let nv = vm.new_int(n as i64)?;
    vm.new_tuple_from(&[s, nv])
}

// -- split, findall, finditer --

fn split_impl(vm: &mut Vm, p: Gc<PatternObj>, string: Value, maxsplit: usize) -> R {
    let re = p.regex.clone();
    let list = vm.new_list(Vec::new())?;
    vm.temp_roots.push(list);
    let mut last = 0usize;
    let r = (|| {
        let mut each = |vm: &mut Vm, data: &[u8], slots: &[usize]| -> PyResult<()> {
            let s = piece(vm, re.bytes, data, last, slots[0])?;
            vm.list_append(list, s)?;
            for g in 1..=re.groups {
                let v = group_value(vm, re.bytes, data, slots, g, Value::NONE)?;
                vm.list_append(list, v)?;
            }
            last = slots[1];
            Ok(())
        };
        scan(vm, &re, string, None, None, maxsplit, &mut each)?;
        let sub = subject(vm, &re, &string)?;
        let tail = piece(vm, re.bytes, &sub.data, last, sub.data.len())?;
        drop(sub);
        vm.list_append(list, tail)?;
        Ok(list)
    })();
    vm.temp_roots.pop();
    r
}

fn re_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "split")?;
    let string = need(vm, args, kw, 1, "string", "split")?;
    let maxsplit = count_arg(vm, opt(args, kw, 2, "maxsplit"))?;
    let f = flags_arg(vm, opt(args, kw, 3, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    split_impl(vm, p, string, maxsplit)
}

fn pat_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let string = need(vm, &args[1..], kw, 0, "string", "split")?;
    let maxsplit = count_arg(vm, opt(&args[1..], kw, 1, "maxsplit"))?;
    split_impl(vm, p, string, maxsplit)
}

fn findall_impl(vm: &mut Vm, p: Gc<PatternObj>, string: Value, pos: Option<i64>, endpos: Option<i64>) -> R {
    let re = p.regex.clone();
    let list = vm.new_list(Vec::new())?;
    vm.temp_roots.push(list);
    let r = (|| {
        let empty = if re.bytes { vm.new_bytes(Vec::new())? } else { Value::qstr(Qstr::new("")) };
        let mut each = |vm: &mut Vm, data: &[u8], slots: &[usize]| -> PyResult<()> {
            let v = match re.groups {
                0 => piece(vm, re.bytes, data, slots[0], slots[1])?,
                1 => group_value(vm, re.bytes, data, slots, 1, empty)?,
                n => {
                    let mut items = Vec::with_capacity(n);
                    for g in 1..=n {
                        let v = group_value(vm, re.bytes, data, slots, g, empty)?;
                        vm.temp_roots.push(v);
                        items.push(v);
                    }
                    vm.temp_roots.truncate(vm.temp_roots.len() - n);
                    vm.new_tuple(items)?
                }
            };
            vm.list_append(list, v)
        };
        vm.temp_roots.push(empty);
        let r = scan(vm, &re, string, pos, endpos, 0, &mut each);
        vm.temp_roots.pop();
        r?;
        Ok(list)
    })();
    vm.temp_roots.pop();
    r
}

fn re_findall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "findall")?;
    let string = need(vm, args, kw, 1, "string", "findall")?;
    let f = flags_arg(vm, opt(args, kw, 2, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    findall_impl(vm, p, string, None, None)
}

fn pat_findall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let string = need(vm, &args[1..], kw, 0, "string", "findall")?;
    let pos = pos_arg(vm, opt(&args[1..], kw, 1, "pos"))?;
    let endpos = pos_arg(vm, opt(&args[1..], kw, 2, "endpos"))?;
    findall_impl(vm, p, string, pos, endpos)
}

fn finditer_impl(vm: &mut Vm, p: Gc<PatternObj>, string: Value, pos: Option<i64>, endpos: Option<i64>) -> R {
    let re = p.regex.clone();
    let sub = subject(vm, &re, &string)?;
    let (next, end, pc, ec, done) = match bounds(&sub, pos, endpos) {
        Some((a, b, pc, ec)) => (a, b, pc, ec, false),
        None => (0, 0, 0, 0, true),
    };
    drop(sub);
    // Non-str subjects are scanned from a snapshot, like CPython's buffer view.
    let string = if crate::obj::str::is_str(string) || string.is_kind(ObjKind::Bytes) {
        string
    } else {
        let d = vm.buffer_bytes(string)?;
        vm.new_bytes(d)?
    };
    let class = module_type(vm, "re", T_SCANNER)?;
    let s = ScannerObj {
        regex: re,
        pattern: p.value(),
        string,
        next,
        end,
        must_advance: false,
        done,
        pos: pc,
        endpos: ec,
        class,
    };
    Ok(vm.alloc(s)?.value())
}

fn re_finditer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let pattern = need(vm, args, kw, 0, "pattern", "finditer")?;
    let string = need(vm, args, kw, 1, "string", "finditer")?;
    let f = flags_arg(vm, opt(args, kw, 2, "flags"))?;
    let p = compile_cached(vm, pattern, f)?;
    finditer_impl(vm, p, string, None, None)
}

fn pat_finditer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let string = need(vm, &args[1..], kw, 0, "string", "finditer")?;
    let pos = pos_arg(vm, opt(&args[1..], kw, 1, "pos"))?;
    let endpos = pos_arg(vm, opt(&args[1..], kw, 2, "endpos"))?;
    finditer_impl(vm, p, string, pos, endpos)
}

fn scanner_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let Some(s) = args.first().and_then(|v| v.downcast::<ScannerObj>()) else {
        return Err(vm.type_error("__next__ needs a match iterator"));
    };
    if s.done || s.next > s.end {
        s.get_mut().done = true;
        return Err(vm.stop_iteration(Value::NONE));
    }
    let re = s.regex.clone();
    let string = s.string;
    let sub = subject(vm, &re, &string)?;
    let mut slots = vec![UNSET; 2 * (re.groups + 1) + 1];
    let found = {
        let mut m = Matcher::new(&re.prog, &sub.data, s.end, sub.utf8);
        m.search(s.next, false, false, s.must_advance, &re.prefix, re.anchored_start, &mut slots)
    };
    drop(sub);
    match found {
        Err(_) => Err(budget_error(vm)),
        Ok(false) => {
            s.get_mut().done = true;
            Err(vm.stop_iteration(Value::NONE))
        }
        Ok(true) => {
            let o = s.get_mut();
            o.must_advance = slots[1] == slots[0];
            o.next = slots[1];
            let (pattern, pos, endpos) = (s.pattern, s.pos, s.endpos);
            new_match(vm, &re, pattern, string, slots, pos, endpos)
        }
    }
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    arg(vm, args, 0, "__iter__")
}

fn re_escape(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = arg(vm, args, 0, "escape")?;
    const SPECIAL: &[u8] = b"()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    if let Some(s) = as_str(&p) {
        let mut out = String::with_capacity(s.len() * 2);
        for c in s.chars() {
            if c.is_ascii() && SPECIAL.contains(&(c as u8)) {
                out.push('\\');
            }
            out.push(c);
        }
        return vm.new_string(out);
    }
    if let Some(b) = crate::obj::str::as_wtf8(&p) {
        // Lone surrogates: the special characters are ASCII, so escape bytewise.
        let mut out = Vec::with_capacity(b.len() * 2);
        for &c in b {
            if SPECIAL.contains(&c) {
                out.push(b'\\');
            }
            out.push(c);
        }
        return vm.new_wtf8(&out);
    }
    match vm.bytes_data(p) {
        Some(d) => {
            let mut out = Vec::with_capacity(d.len() * 2);
            for b in d {
                if SPECIAL.contains(&b) {
                    out.push(b'\\');
                }
                out.push(b);
            }
            vm.new_bytes(out)
        }
        None => Err(vm.type_error("escape() argument must be str or bytes")),
    }
}

fn re_purge(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    let md = builtin_module_dict(vm, "re")?;
    if let Some(c) = md.get_qstr(Qstr::new(CACHE_KEY)).and_then(|c| c.downcast::<DictObj>()) {
        c.get_mut().clear();
    }
    Ok(Value::NONE)
}

// -- Pattern attributes --

fn pat_pattern(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(pattern_of(vm, args)?.pattern)
}

fn pat_flags(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    vm.new_int(p.regex.flags)
}

fn pat_groups(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    vm.new_int(p.regex.groups as i64)
}

fn groupindex_dict(vm: &mut Vm, re: &Regex) -> R {
    let d = vm.new_dict()?;
    for (name, g) in &re.names {
        let k = vm.new_str(name)?;
        vm.dict_set(d, k, Value::small_int(*g as i64))?;
    }
    Ok(d.value())
}

fn pat_groupindex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let re = p.regex.clone();
    groupindex_dict(vm, &re)
}

fn flag_names(flags_v: i64, bytes: bool) -> String {
    let names = [
        (flags::TEMPLATE, "re.TEMPLATE"),
        (flags::IGNORECASE, "re.IGNORECASE"),
        (flags::LOCALE, "re.LOCALE"),
        (flags::MULTILINE, "re.MULTILINE"),
        (flags::DOTALL, "re.DOTALL"),
        (flags::UNICODE, "re.UNICODE"),
        (flags::VERBOSE, "re.VERBOSE"),
        (flags::ASCII, "re.ASCII"),
    ];
    let mut f = flags_v;
    if !bytes {
        f &= !flags::UNICODE;
    }
    let parts: Vec<&str> = names.iter().filter(|(b, _)| f & b != 0).map(|&(_, n)| n).collect();
    parts.join("|")
}

fn pat_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let pv = p.pattern;
    let mut s = String::from("re.compile(");
    vm.repr_into(pv, &mut s)?;
    let names = flag_names(p.regex.flags, p.regex.bytes);
    if !names.is_empty() {
        s.push_str(", ");
        s.push_str(&names);
    }
    s.push(')');
    vm.new_string(s)
}

fn pat_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let Some(o) = args.get(1).and_then(|v| v.downcast::<PatternObj>()) else { return Ok(Value::NOT_IMPLEMENTED) };
    if p.regex.flags != o.regex.flags {
        return Ok(Value::FALSE);
    }
    let (a, b) = (p.pattern, o.pattern);
    Ok(Value::bool(a.is_kind(ObjKind::Bytes) == b.is_kind(ObjKind::Bytes) && vm.eq(a, b)?))
}

fn pat_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = pattern_of(vm, args)?;
    let pv = p.pattern;
    let h = vm.hash(pv)? ^ (p.regex.flags as u64).wrapping_mul(0x9e37_79b9);
    vm.new_int((h >> 2) as i64)
}

// ---- Match methods ----

fn match_of(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<MatchObj>> {
    match args.first().and_then(|v| v.downcast::<MatchObj>()) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 're.Match' object")),
    }
}

/// A group reference (index or name) as a group number.
fn group_index(vm: &mut Vm, m: Gc<MatchObj>, g: Value) -> PyResult<usize> {
    if let Some(name) = as_str(&g) {
        if let Some(&(_, i)) = m.regex.names.iter().find(|(n, _)| n == name) {
            return Ok(i);
        }
        return Err(vm.index_error("no such group"));
    }
    if (g.is_float() || crate::ops::as_num(&g).is_none())
        && (vm.builtin_receiver(g) == g || !g.is_kind(ObjKind::Instance))
    {
        return Err(vm.index_error("no such group"));
    }
    let i = vm.to_index(g)?;
    if i < 0 || i as usize > m.regex.groups {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

fn match_group_value(vm: &mut Vm, m: Gc<MatchObj>, g: usize, default: Value) -> R {
    let string = m.string;
    let re = m.regex.clone();
    let sub = subject(vm, &re, &string)?;
    group_value(vm, re.bytes, &sub.data, &m.slots, g, default)
}

fn m_group(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    if args.len() <= 1 {
        return match_group_value(vm, m, 0, Value::NONE);
    }
    if args.len() == 2 {
        let g = group_index(vm, m, args[1])?;
        return match_group_value(vm, m, g, Value::NONE);
    }
    let mut items = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        let g = group_index(vm, m, a)?;
        let v = match_group_value(vm, m, g, Value::NONE)?;
        vm.temp_roots.push(v);
        items.push(v);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - items.len());
    vm.new_tuple(items)
}

fn m_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let g = arg(vm, args, 1, "__getitem__")?;
    let g = group_index(vm, m, g)?;
    match_group_value(vm, m, g, Value::NONE)
}

fn m_groups(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let default = opt(&args[1..], kw, 0, "default").unwrap_or(Value::NONE);
    let n = m.regex.groups;
    let mut items = Vec::with_capacity(n);
    for g in 1..=n {
        let v = match_group_value(vm, m, g, default)?;
        vm.temp_roots.push(v);
        items.push(v);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - n);
    vm.new_tuple(items)
}

fn m_groupdict(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let default = opt(&args[1..], kw, 0, "default").unwrap_or(Value::NONE);
    let d = vm.new_dict()?;
    vm.temp_roots.push(d.value());
    let r = (|| {
        let names = m.regex.names.clone();
        for (name, g) in names {
            let v = match_group_value(vm, m, g, default)?;
            let k = vm.new_str(&name)?;
            vm.dict_set(d, k, v)?;
        }
        Ok(d.value())
    })();
    vm.temp_roots.pop();
    r
}

/// Start and end of group `g` in characters (-1 when it didn't match).
fn span_of(vm: &mut Vm, m: Gc<MatchObj>, g: usize) -> PyResult<(i64, i64)> {
    let (a, b) = (m.slots[2 * g], m.slots[2 * g + 1]);
    if a == UNSET || b == UNSET {
        return Ok((-1, -1));
    }
    let string = m.string;
    let re = m.regex.clone();
    let sub = subject(vm, &re, &string)?;
    let ca = byte_to_char(&sub.data, sub.ascii, a);
    let cb = ca + byte_to_char(&sub.data[a..], sub.ascii, b - a);
    Ok((ca as i64, cb as i64))
}

fn group_arg(vm: &mut Vm, m: Gc<MatchObj>, args: &[Value]) -> PyResult<usize> {
    match args.get(1) {
        Some(&g) => group_index(vm, m, g),
        None => Ok(0),
    }
}

fn m_start(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let g = group_arg(vm, m, args)?;
    let (a, _) = span_of(vm, m, g)?;
    vm.new_int(a)
}

fn m_end(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let g = group_arg(vm, m, args)?;
    let (_, b) = span_of(vm, m, g)?;
    vm.new_int(b)
}

fn m_span(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let g = group_arg(vm, m, args)?;
    let (a, b) = span_of(vm, m, g)?;
    let (a, b) = (vm.new_int(a)?, vm.new_int(b)?);
    vm.new_tuple_from(&[a, b])
}

fn m_regs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let mut items = Vec::new();
    for g in 0..=m.regex.groups {
        let (a, b) = span_of(vm, m, g)?;
        let (a, b) = (vm.new_int(a)?, vm.new_int(b)?);
        let t = vm.new_tuple_from(&[a, b])?;
        vm.temp_roots.push(t);
        items.push(t);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - items.len());
    vm.new_tuple(items)
}

fn m_expand(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let t = arg(vm, args, 1, "expand")?;
    let re = m.regex.clone();
    let tb: Vec<u8> = match crate::obj::str::as_wtf8(&t) {
        Some(s) => s.to_vec(),
        None => vm.buffer_bytes(t)?,
    };
    let pieces = parse_template(vm, &re, t, &tb)?;
    let string = m.string;
    let sub = subject(vm, &re, &string)?;
    let mut out = Vec::new();
    for p in &pieces {
        match p {
            Piece::Lit(b) => out.extend_from_slice(b),
            Piece::Group(g) => {
                let (a, b) = (m.slots[2 * g], m.slots[2 * g + 1]);
                if a != UNSET && b != UNSET {
                    out.extend_from_slice(&sub.data[a..b]);
                }
            }
        }
    }
    drop(sub);
    if re.bytes {
        vm.new_bytes(out)
    } else {
        vm.new_wtf8(&out)
    }
}

fn last_index(m: &MatchObj) -> Option<usize> {
    // The matcher keeps the group closed most recently in the last slot.
    match m.slots.last() {
        Some(&g) if g != UNSET && g > 0 => Some(g),
        _ => None,
    }
}

fn m_lastindex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    Ok(last_index(&m).map_or(Value::NONE, |g| Value::small_int(g as i64)))
}

fn m_lastgroup(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let Some(g) = last_index(&m) else { return Ok(Value::NONE) };
    match m.regex.names.iter().find(|(_, i)| *i == g) {
        Some((n, _)) => {
            let n = n.clone();
            vm.new_str(&n)
        }
        None => Ok(Value::NONE),
    }
}

fn m_string(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(match_of(vm, args)?.string)
}

fn m_re(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(match_of(vm, args)?.pattern)
}

fn m_pos(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    vm.new_int(m.pos as i64)
}

fn m_endpos(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    if m.endpos == usize::MAX {
        let string = m.string;
        let n = vm.len(string)?;
        return vm.new_int(n as i64);
    }
    vm.new_int(m.endpos as i64)
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = match_of(vm, args)?;
    let (a, b) = span_of(vm, m, 0)?;
    let g = match_group_value(vm, m, 0, Value::NONE)?;
    let mut s = String::new();
    let _ = write!(s, "<re.Match object; span=({a}, {b}), match=");
    vm.repr_into(g, &mut s)?;
    s.push('>');
    vm.new_string(s)
}

fn m_bool(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::TRUE)
}

fn prop(vm: &mut Vm, t: Gc<TypeObj>, name: &'static str, f: NativeFn) -> PyResult<()> {
    vm.add_property(t, name, f)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "re",
        &[
            ("compile", re_compile),
            ("match", re_match),
            ("search", re_search),
            ("fullmatch", re_fullmatch),
            ("sub", re_sub),
            ("subn", re_subn),
            ("split", re_split),
            ("findall", re_findall),
            ("finditer", re_finditer),
            ("escape", re_escape),
            ("purge", re_purge),
        ],
    )?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;

    let pat = vm.new_builtin_type("Pattern", "re", &[])?;
    pat.get_mut().make_new = None;
    vm.add_methods(
        pat,
        &[
            ("match", pat_match),
            ("search", pat_search),
            ("fullmatch", pat_fullmatch),
            ("sub", pat_sub),
            ("subn", pat_subn),
            ("split", pat_split),
            ("findall", pat_findall),
            ("finditer", pat_finditer),
            ("__repr__", pat_repr),
            ("__eq__", pat_eq),
            ("__hash__", pat_hash),
        ],
    )?;
    prop(vm, pat, "pattern", pat_pattern)?;
    prop(vm, pat, "flags", pat_flags)?;
    prop(vm, pat, "groups", pat_groups)?;
    prop(vm, pat, "groupindex", pat_groupindex)?;

    let mt = vm.new_builtin_type("Match", "re", &[])?;
    mt.get_mut().make_new = None;
    vm.add_methods(
        mt,
        &[
            ("group", m_group),
            ("groups", m_groups),
            ("groupdict", m_groupdict),
            ("start", m_start),
            ("end", m_end),
            ("span", m_span),
            ("expand", m_expand),
            ("__getitem__", m_getitem),
            ("__repr__", m_repr),
            ("__bool__", m_bool),
        ],
    )?;
    prop(vm, mt, "lastindex", m_lastindex)?;
    prop(vm, mt, "lastgroup", m_lastgroup)?;
    prop(vm, mt, "string", m_string)?;
    prop(vm, mt, "re", m_re)?;
    prop(vm, mt, "pos", m_pos)?;
    prop(vm, mt, "endpos", m_endpos)?;
    prop(vm, mt, "regs", m_regs)?;

    let sc = vm.new_builtin_type("callable_iterator", "re", &[])?;
    sc.get_mut().make_new = None;
    vm.add_methods(sc, &[("__next__", scanner_next), ("__iter__", iter_self)])?;

    let exc = vm.types.exc(ExcKind::Exception);
    let ns = vm.new_dict()?;
    ns.get_mut().set_qstr(Qstr::new("__module__"), Value::qstr(Qstr::new("re")));
    let err = vm.create_class(Value::NULL, Qstr::new("error"), vec![exc], ns, &[])?;

    let d = md.get_mut();
    d.set_qstr(Qstr::new("Pattern"), pat.value());
    d.set_qstr(Qstr::new("Match"), mt.value());
    d.set_qstr(Qstr::new("error"), err.value());
    for (name, v) in [
        ("NOFLAG", 0),
        ("T", flags::TEMPLATE),
        ("TEMPLATE", flags::TEMPLATE),
        ("I", flags::IGNORECASE),
        ("IGNORECASE", flags::IGNORECASE),
        ("L", flags::LOCALE),
        ("LOCALE", flags::LOCALE),
        ("M", flags::MULTILINE),
        ("MULTILINE", flags::MULTILINE),
        ("S", flags::DOTALL),
        ("DOTALL", flags::DOTALL),
        ("U", flags::UNICODE),
        ("UNICODE", flags::UNICODE),
        ("X", flags::VERBOSE),
        ("VERBOSE", flags::VERBOSE),
        ("A", flags::ASCII),
        ("ASCII", flags::ASCII),
    ] {
        d.set_qstr(Qstr::new(name), Value::small_int(v));
    }
    set_module_types(vm, m, &[pat, mt, err, sc])?;
    Ok(m)
}

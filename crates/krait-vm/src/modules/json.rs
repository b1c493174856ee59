//! `json`: `dumps`/`dump` and `loads`/`load`.
//!
//! The encoder writes into one `String`; the decoder is iterative (an explicit
//! stack of open containers), so neither can overflow the native stack. Nesting
//! deeper than the recursion limit is a `RecursionError`-style `RuntimeError`, as
//! in CPython. Decoding errors raise `json.JSONDecodeError`, a `ValueError`
//! subclass (MicroPython raises plain `ValueError`) with CPython's messages and
//! `msg`/`doc`/`pos`/`lineno`/`colno` attributes.

use std::collections::HashSet;
use std::fmt::Write as _;

use krait_syntax::Qstr;

use crate::class::{arg, kwarg};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::obj::bytes::ByteArrayObj;
use crate::obj::str::as_str;
use crate::obj::*;
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;
use krait_syntax::wtf8::Wtf8Buf;

type R = PyResult<Value>;

const T_DECODE_ERROR: usize = 0;

// ---- encoding ----

struct Encoder {
    out: String,
    /// Lone surrogates written raw (`ensure_ascii=False`): each goes at its byte
    /// offset in `out`, which, being a `String`, can't hold them; `finish` puts
    /// them in.
    raw: Vec<(usize, [u8; 3])>,
    item_sep: String,
    key_sep: String,
    indent: Option<String>,
    sort_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    skipkeys: bool,
    check_circular: bool,
    default: Option<Value>,
    depth: usize,
    max_depth: usize,
    active: HashSet<u64>,
}

/// Append a str holding lone surrogates (generalized UTF-8 `b`) as a JSON
/// string literal: as `encode_str`, a surrogate being `\udXXX` with
/// `ensure_ascii`, else itself (kept in `raw`, see `Encoder`).
fn encode_wtf8_str(out: &mut String, raw: &mut Vec<(usize, [u8; 3])>, b: &[u8], ensure_ascii: bool) {
    out.push('"');
    let mut run = String::new();
    for (i, cp) in krait_syntax::wtf8::code_points(b) {
        match char::from_u32(cp) {
            Some(c) => run.push(c),
            None => {
                encode_str_body(out, &run, ensure_ascii);
                run.clear();
                if ensure_ascii {
                    let _ = write!(out, "\\u{cp:04x}");
                } else {
                    raw.push((out.len(), [b[i], b[i + 1], b[i + 2]]));
                }
            }
        }
    }
    encode_str_body(out, &run, ensure_ascii);
    out.push('"');
}

/// Append `s` as a JSON string literal.
fn encode_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    encode_str_body(out, s, ensure_ascii);
    out.push('"');
}

/// `encode_str` without the quotes.
fn encode_str_body(out: &mut String, s: &str, ensure_ascii: bool) {
    // CPython's ensure_ascii escapes everything outside ' '..='~', DEL included.
    if ensure_ascii && s.bytes().any(|b| b >= 0x7f) {
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 || c == '\u{7f}' => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c if c.is_ascii() => out.push(c),
                c => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        let _ = write!(out, "\\u{:04x}", u);
                    }
                }
            }
        }
        return;
    }
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

impl Encoder {
    fn newline_indent(&mut self) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(ind);
            }
        }
    }

    fn float(&mut self, vm: &mut Vm, f: f64) -> PyResult<()> {
        if f.is_finite() {
            crate::num::float::write_float_repr(&mut self.out, f);
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn enter(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if self.depth >= self.max_depth {
            return Err(vm.recursion_error());
        }
        if self.check_circular && !self.active.insert(v.bits()) {
            return Err(vm.value_error("Circular reference detected"));
        }
        vm.temp_roots.push(v);
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self, vm: &mut Vm, v: Value) {
        self.depth -= 1;
        vm.temp_roots.pop();
        if self.check_circular {
            self.active.remove(&v.bits());
        }
    }

    fn encode(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if let Some(i) = v.as_small_int() {
            let _ = write!(self.out, "{i}");
            return Ok(());
        }
        if let Some(s) = as_str(&v) {
            encode_str(&mut self.out, s, self.ensure_ascii);
            return Ok(());
        }
        if crate::obj::str::has_surrogates(v) {
            let b = crate::obj::str::as_wtf8(&v).unwrap_or_default();
            encode_wtf8_str(&mut self.out, &mut self.raw, b, self.ensure_ascii);
            return Ok(());
        }
        if let Some(f) = v.as_float() {
            return self.float(vm, f);
        }
        match v {
            Value::NONE => {
                self.out.push_str("null");
                return Ok(());
            }
            Value::TRUE => {
                self.out.push_str("true");
                return Ok(());
            }
            Value::FALSE => {
                self.out.push_str("false");
                return Ok(());
            }
            _ => {}
        }
        match v.kind() {
            Some(ObjKind::Int) => {
                let _ = write!(self.out, "{}", Gc::<IntObj>::from_value_unchecked(v).big());
                Ok(())
            }
            Some(ObjKind::List) | Some(ObjKind::Tuple) => self.encode_seq(vm, v),
            Some(ObjKind::Dict) => self.encode_dict(vm, v),
            Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                // MicroPython writes bytes as a string (CPython refuses them).
                let data = match v.downcast::<BytesObj>() {
                    Some(b) => String::from_utf8_lossy(&b.data).into_owned(),
                    None => String::from_utf8_lossy(&Gc::<ByteArrayObj>::from_value_unchecked(v).data).into_owned(),
                };
                encode_str(&mut self.out, &data, self.ensure_ascii);
                Ok(())
            }
            Some(ObjKind::Instance) => {
                let base = vm.builtin_receiver(v);
                if base != v {
                    // Subclasses of built-in types (namedtuple, OrderedDict, str subclasses...).
                    vm.temp_roots.push(v);
                    let r = self.encode(vm, base);
                    vm.temp_roots.pop();
                    return r;
                }
                self.encode_other(vm, v)
            }
            _ => self.encode_other(vm, v),
        }
    }

    fn encode_other(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let Some(default) = self.default else {
            return Err(vm.type_error(format!("Object of type {} is not JSON serializable", vm.type_name(v))));
        };
        self.enter(vm, v)?;
        self.depth -= 1;
        let r = vm.call_value(default, &[v], &[]);
        let r = r.and_then(|x| {
            vm.temp_roots.push(x);
            let r = self.encode(vm, x);
            vm.temp_roots.pop();
            r
        });
        self.depth += 1;
        self.leave(vm, v);
        r
    }

    fn encode_seq(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let len = match v.downcast::<ListObj>() {
            Some(l) => l.items.len(),
            None => Gc::<TupleObj>::from_value_unchecked(v).items().len(),
        };
        if len == 0 {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v)?;
        self.out.push('[');
        let mut i = 0;
        let r = loop {
            // Re-read each item: `default` may have changed the list.
            let item = match v.downcast::<ListObj>() {
                Some(l) => l.items.get(i).copied(),
                None => Gc::<TupleObj>::from_value_unchecked(v).items().get(i).copied(),
            };
            let Some(item) = item else { break Ok(()) };
            if i > 0 {
                self.out.push_str(&self.item_sep);
            }
            self.newline_indent();
            if let Err(e) = self.encode(vm, item) {
                break Err(e);
            }
            i += 1;
        };
        self.leave(vm, v);
        r?;
        if self.indent.is_some() {
            self.newline_indent();
        }
        self.out.push(']');
        Ok(())
    }

    /// A dict key as JSON text, or `None` to skip it (`skipkeys`).
    fn key(&mut self, vm: &mut Vm, k: Value) -> PyResult<Option<()>> {
        if let Some(s) = as_str(&k) {
            encode_str(&mut self.out, s, self.ensure_ascii);
            return Ok(Some(()));
        }
        if crate::obj::str::has_surrogates(k) {
            let b = crate::obj::str::as_wtf8(&k).unwrap_or_default();
            encode_wtf8_str(&mut self.out, &mut self.raw, b, self.ensure_ascii);
            return Ok(Some(()));
        }
        let text: String = match k {
            Value::TRUE => "true".into(),
            Value::FALSE => "false".into(),
            Value::NONE => "null".into(),
            _ => match as_num(&k) {
                Some(Num::Int(i)) => i.to_string(),
                Some(Num::Big(b)) => b.to_string(),
                Some(Num::Float(f)) => {
                    let mut s = String::new();
                    std::mem::swap(&mut s, &mut self.out);
                    let r = self.float(vm, f);
                    std::mem::swap(&mut s, &mut self.out);
                    r?;
                    s
                }
                None => {
                    let base = vm.builtin_receiver(k);
                    if base != k {
                        return self.key(vm, base);
                    }
                    if self.skipkeys {
                        return Ok(None);
                    }
                    return Err(
                        vm.type_error(format!("keys must be str, int, float, bool or None, not {}", vm.type_name(k)))
                    );
                }
            },
        };
        self.out.push('"');
        self.out.push_str(&text);
        self.out.push('"');
        Ok(Some(()))
    }

    fn encode_dict(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let d = Gc::<DictObj>::from_value_unchecked(v);
        if d.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v)?;
        self.out.push('{');
        let r = if self.sort_keys { self.dict_items_sorted(vm, d) } else { self.dict_items(vm, d) };
        self.leave(vm, v);
        r?;
        if self.indent.is_some() {
            self.newline_indent();
        }
        self.out.push('}');
        Ok(())
    }

    fn dict_item(&mut self, vm: &mut Vm, first: &mut bool, k: Value, x: Value) -> PyResult<()> {
        let mark = self.out.len();
        if !*first {
            self.out.push_str(&self.item_sep);
        }
        self.newline_indent();
        if self.key(vm, k)?.is_none() {
            // (A skipped key wrote nothing, raw surrogates included.)
            self.out.truncate(mark);
            return Ok(());
        }
        *first = false;
        self.out.push_str(&self.key_sep);
        self.encode(vm, x)
    }

    fn dict_items(&mut self, vm: &mut Vm, d: Gc<DictObj>) -> PyResult<()> {
        let len0 = d.len();
        let mut first = true;
        let mut i = 0;
        while i < d.raw_entries().len() {
            if let Some((k, x)) = d.entry_at(i) {
                self.dict_item(vm, &mut first, k, x)?;
                if d.len() != len0 {
                    return Err(vm.new_exception(ExcKind::RuntimeError, "dictionary changed size during iteration"));
                }
            }
            i += 1;
        }
        Ok(())
    }

    fn dict_items_sorted(&mut self, vm: &mut Vm, d: Gc<DictObj>) -> PyResult<()> {
        let keys = vm.new_list(d.keys())?;
        vm.temp_roots.push(keys);
        let r = (|| {
            crate::sort::list_sort(vm, keys, &[])?;
            let mut first = true;
            let mut i = 0;
            while let Some(k) = Gc::<ListObj>::from_value_unchecked(keys).items.get(i).copied() {
                if let Some(x) = vm.dict_get(d, k)? {
                    self.dict_item(vm, &mut first, k, x)?;
                }
                i += 1;
            }
            Ok(())
        })();
        vm.temp_roots.pop();
        r
    }
}

const DUMPS_KW: &[&str] =
    &["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"];

fn make_encoder(vm: &mut Vm, kw: &[Value]) -> PyResult<Encoder> {
    for p in kw.chunks_exact(2) {
        let name = crate::obj::str_surrogates::kw_name(&p[0]);
        let name = &*name;
        if !DUMPS_KW.contains(&name) {
            return Err(vm.type_error(format!("dumps() got an unexpected keyword argument '{name}'")));
        }
    }
    let flag = |vm: &mut Vm, name: &str, default: bool| -> PyResult<bool> {
        match kwarg(kw, name) {
            Some(v) => vm.truthy(v),
            None => Ok(default),
        }
    };
    let skipkeys = flag(vm, "skipkeys", false)?;
    let ensure_ascii = flag(vm, "ensure_ascii", true)?;
    let check_circular = flag(vm, "check_circular", true)?;
    let allow_nan = flag(vm, "allow_nan", true)?;
    let sort_keys = flag(vm, "sort_keys", false)?;
    let indent = match kwarg(kw, "indent") {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match crate::obj::str_surrogates::utf8(vm, &v)? {
            Some(s) => Some(s.to_owned()),
            None => {
                if v.is_float() {
                    return Err(vm.type_error("indent must be an int or a str"));
                }
                let n = vm.to_index(v)?;
                Some(" ".repeat(n.clamp(0, 1 << 16) as usize))
            }
        },
    };
    let (mut item_sep, mut key_sep) =
        if indent.is_some() { (",".to_owned(), ": ".to_owned()) } else { (", ".to_owned(), ": ".to_owned()) };
    if let Some(seps) = kwarg(kw, "separators") {
        if !seps.is_none() {
            let seq = match seps.kind() {
                Some(ObjKind::List) | Some(ObjKind::Tuple) => vm.collect_iterable(seps)?,
                Some(ObjKind::Dict) => {
                    return Err(vm.value_error("separators must be a pair of strings"));
                }
                _ => {
                    if vm.has_attr(seps, Qstr::new("__iter__"))? {
                        vm.collect_iterable(seps)?
                    } else {
                        return Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(seps))));
                    }
                }
            };
            if seq.len() != 2 {
                return Err(vm.value_error(format!("expected 2 separators, got {}", seq.len())));
            }
            match (crate::obj::str_surrogates::utf8(vm, &seq[0])?, crate::obj::str_surrogates::utf8(vm, &seq[1])?) {
                (Some(a), Some(b)) => {
                    item_sep = a.to_owned();
                    key_sep = b.to_owned();
                }
                _ => return Err(vm.type_error("separators must be strings")),
            }
        }
    }
    let default = kwarg(kw, "default").filter(|d| !d.is_none());
    let max_depth = vm.options.recursion_limit.clamp(100, 20_000);
    Ok(Encoder {
        out: String::new(),
        raw: Vec::new(),
        item_sep,
        key_sep,
        indent,
        sort_keys,
        ensure_ascii,
        allow_nan,
        skipkeys,
        check_circular,
        default,
        depth: 0,
        max_depth,
        active: HashSet::new(),
    })
}

/// The JSON text of `obj` as a str.
fn encode_to_value(vm: &mut Vm, obj: Value, kw: &[Value]) -> PyResult<Value> {
    let mut enc = make_encoder(vm, kw)?;
    let roots = vm.temp_roots.len();
    let r = enc.encode(vm, obj);
    vm.temp_roots.truncate(roots);
    r?;
    if enc.raw.is_empty() {
        return vm.new_string(enc.out);
    }
    // Put the raw surrogates in where they were written.
    let mut out = Vec::with_capacity(enc.out.len() + 3 * enc.raw.len());
    let mut at = 0;
    for (pos, b) in &enc.raw {
        out.extend_from_slice(&enc.out.as_bytes()[at..*pos]);
        out.extend_from_slice(b);
        at = *pos;
    }
    out.extend_from_slice(&enc.out.as_bytes()[at..]);
    vm.new_wtf8(&out)
}

fn dumps(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let obj = arg(vm, args, 0, "dumps")?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("dumps() takes 1 positional argument but {} were given", args.len())));
    }
    encode_to_value(vm, obj, kw)
}

fn dump(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let obj = arg(vm, args, 0, "dump")?;
    let fp = arg(vm, args, 1, "dump")?;
    let s = encode_to_value(vm, obj, kw)?;
    vm.call_method(fp, Qstr::new("write"), &[s])?;
    Ok(Value::NONE)
}

// ---- decoding ----

enum Frame {
    List(Value),
    /// A dict and the key whose value is being parsed (NULL between entries).
    Dict(Value, Value),
}

struct Decoder<'a> {
    s: &'a [u8],
    text: &'a str,
    /// For a document holding lone surrogates: `text` is its copy with private-use
    /// stand-ins (`SurrogateMap`), put back in every str made.
    map: Option<crate::obj::str_surrogates::SurrogateMap>,
    pos: usize,
    object_hook: Option<Value>,
    /// Object keys already made in this document (a JSON array of records repeats
    /// them), kept alive by `memo_list`.
    memo: std::collections::HashMap<&'a str, Value>,
    memo_list: Value,
}

/// A decoding failure: CPython's message and where (byte offset).
struct DecodeErr(&'static str, usize);

impl<'a> Decoder<'a> {
    #[inline]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.s.get(self.pos) {
            if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.s.get(at..at + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        Some(v)
    }

    /// A str of document text (its surrogates put back, see `map`).
    #[inline]
    fn new_str(&self, vm: &mut Vm, t: &str) -> PyResult<Value> {
        match self.map.and_then(|m| m.unmap(t)) {
            Some(b) => vm.new_wtf8(&b),
            None => vm.new_str(t),
        }
    }

    /// Append document text to a str being built.
    #[inline]
    fn push_text(&self, out: &mut Wtf8Buf, t: &str) {
        match self.map {
            Some(m) => m.unmap_into(t, out),
            None => out.push_str(t),
        }
    }

    /// Parse a string starting at the opening quote.
    fn string(&mut self, vm: &mut Vm) -> Result<PyResult<Value>, DecodeErr> {
        let start = self.pos;
        let mut i = self.pos + 1;
        // Fast path: no escapes.
        while let Some(&b) = self.s.get(i) {
            if b == b'"' {
                self.pos = i + 1;
                return Ok(self.new_str(vm, &self.text[start + 1..i]));
            }
            if b == b'\\' || b < 0x20 {
                break;
            }
            i += 1;
        }
        let mut out = Wtf8Buf::new();
        self.push_text(&mut out, &self.text[start + 1..i]);
        loop {
            let Some(&b) = self.s.get(i) else {
                return Err(DecodeErr("Unterminated string starting at", start));
            };
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(vm.new_wtf8_buf(out));
                }
                b'\\' => {
                    let Some(&e) = self.s.get(i + 1) else {
                        return Err(DecodeErr("Unterminated string starting at", start));
                    };
                    i += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let Some(mut c) = self.hex4(i) else {
                                return Err(DecodeErr("Invalid \\uXXXX escape", i - 1));
                            };
                            i += 4;
                            if (0xd800..0xdc00).contains(&c)
                                && self.s.get(i) == Some(&b'\\')
                                && self.s.get(i + 1) == Some(&b'u')
                            {
                                if let Some(lo) = self.hex4(i + 2) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
                                        i += 6;
                                    }
                                }
                            }
                            // (An escaped pair is one character; a lone surrogate stays one.)
                            out.push_code_point(c);
                        }
                        _ => return Err(DecodeErr("Invalid \\escape", i - 2)),
                    }
                }
                b if b < 0x20 => return Err(DecodeErr("Invalid control character at", i)),
                _ => {
                    // Copy a run of ordinary bytes (whole UTF-8 characters).
                    let run_start = i;
                    while let Some(&c) = self.s.get(i) {
                        if c == b'"' || c == b'\\' || c < 0x20 {
                            break;
                        }
                        i += 1;
                    }
                    self.push_text(&mut out, &self.text[run_start..i]);
                }
            }
        }
    }

    fn number(&mut self, vm: &mut Vm) -> Result<PyResult<Value>, DecodeErr> {
        let start = self.pos;
        let s = self.s;
        let mut i = start;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while s.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            _ => {
                if s[i..].starts_with(b"Infinity") && i > start {
                    self.pos = i + 8;
                    return Ok(Ok(Value::float(f64::NEG_INFINITY)));
                }
                return Err(DecodeErr("Expecting value", start));
            }
        }
        let int_end = i;
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            i += 1;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if s.get(j).is_some_and(u8::is_ascii_digit) {
                while s.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        self.pos = i;
        let text = &self.text[start..i];
        if is_float {
            return Ok(Ok(Value::float(text.parse::<f64>().unwrap_or(f64::NAN))));
        }
        let digits = &self.text[start..int_end];
        if digits.len() <= 18 {
            if let Ok(n) = digits.parse::<i64>() {
                return Ok(vm.new_int(n));
            }
        }
        Ok(match crate::num::int::parse_int(digits, 10) {
            Ok(crate::num::IntValue::Small(n)) => vm.new_int(n),
            Ok(crate::num::IntValue::Big(b)) => vm.new_bigint(b),
            Err(e) => Err(vm.num_error(e, digits)),
        })
    }

    /// Parse one scalar, or open a container (returned as the frame to push).
    fn value(&mut self, vm: &mut Vm) -> Result<PyResult<Result<Value, Frame>>, DecodeErr> {
        self.skip_ws();
        let Some(b) = self.peek() else { return Err(DecodeErr("Expecting value", self.pos)) };
        let lit = |d: &mut Self, word: &[u8], v: Value| -> Result<PyResult<Result<Value, Frame>>, DecodeErr> {
            if d.s[d.pos..].starts_with(word) {
                d.pos += word.len();
                Ok(Ok(Ok(v)))
            } else {
                Err(DecodeErr("Expecting value", d.pos))
            }
        };
        match b {
            b'"' => Ok(self.string(vm)?.map(Ok)),
            b'{' => {
                self.pos += 1;
                Ok(vm.new_dict().map(|d| Err(Frame::Dict(d.value(), Value::NULL))))
            }
            b'[' => {
                self.pos += 1;
                Ok(vm.new_list(Vec::new()).map(|l| Err(Frame::List(l))))
            }
            b'n' => lit(self, b"null", Value::NONE),
            b't' => lit(self, b"true", Value::TRUE),
            b'f' => lit(self, b"false", Value::FALSE),
            b'N' => lit(self, b"NaN", Value::float(f64::NAN)),
            b'I' => lit(self, b"Infinity", Value::float(f64::INFINITY)),
            b'-' | b'0'..=b'9' => Ok(self.number(vm)?.map(Ok)),
            _ => Err(DecodeErr("Expecting value", self.pos)),
        }
    }

    /// After `{` or `,` in an object: the next key and its colon.
    fn object_key(&mut self, vm: &mut Vm) -> Result<PyResult<Value>, DecodeErr> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return Err(DecodeErr("Expecting property name enclosed in double quotes", self.pos));
        }
        // Fast path: a key without escapes, shared with earlier equal keys.
        let start = self.pos + 1;
        let end = self.s[start..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|k| start + k);
        let k = match end {
            Some(e) if self.s[e] == b'"' => {
                let text: &'a str = self.text;
                let key = &text[start..e];
                self.pos = e + 1;
                match self.memo.get(key) {
                    Some(&v) => Ok(v),
                    None => match self.new_str(vm, key) {
                        Ok(v) => {
                            if self.memo.len() < 4096 {
                                if let Err(err) = vm.list_append(self.memo_list, v) {
                                    return Ok(Err(err));
                                }
                                self.memo.insert(key, v);
                            }
                            Ok(v)
                        }
                        Err(err) => Err(err),
                    },
                }
            }
            _ => self.string(vm)?,
        };
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(DecodeErr("Expecting ':' delimiter", self.pos));
        }
        self.pos += 1;
        Ok(k)
    }
}

fn decode_error(vm: &mut Vm, text: &str, doc: Value, err: DecodeErr) -> PyErr {
    let DecodeErr(msg, byte_pos) = err;
    let byte_pos = byte_pos.min(text.len());
    let before = &text.as_bytes()[..byte_pos];
    let pos = before.iter().filter(|&&b| b & 0xc0 != 0x80).count();
    let lineno = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let colno = match before.iter().rposition(|&b| b == b'\n') {
        Some(nl) => before[nl + 1..].iter().filter(|&&b| b & 0xc0 != 0x80).count() + 1,
        None => pos + 1,
    };
    let full = format!("{msg}: line {lineno} column {colno} (char {pos})");
    let class = match crate::modules::io::module_type(vm, "json", T_DECODE_ERROR) {
        Ok(c) => c,
        Err(_) => vm.types.exc(ExcKind::ValueError),
    };
    let e = vm.new_exception_of(class, &full);
    let attrs: PyResult<()> = (|| {
        let m = vm.new_str(msg)?;
        vm.set_attr(e.0, Qstr::new("msg"), m)?;
        vm.set_attr(e.0, Qstr::new("doc"), doc)?;
        let p = vm.new_int(pos as i64)?;
        vm.set_attr(e.0, Qstr::new("pos"), p)?;
        let l = vm.new_int(lineno as i64)?;
        vm.set_attr(e.0, Qstr::new("lineno"), l)?;
        let c = vm.new_int(colno as i64)?;
        vm.set_attr(e.0, Qstr::new("colno"), c)?;
        Ok(())
    })();
    match attrs {
        Ok(()) => e,
        Err(other) => other,
    }
}

/// Decode the JSON document `text`; `map`: its surrogates stand in as
/// private-use characters (see `Decoder::map`).
fn decode_text(
    vm: &mut Vm,
    text: &str,
    map: Option<crate::obj::str_surrogates::SurrogateMap>,
    doc: Value,
    object_hook: Option<Value>,
) -> R {
    let roots = vm.temp_roots.len();
    let memo_list = vm.new_list(Vec::new())?;
    vm.temp_roots.push(memo_list);
    let mut d = Decoder {
        s: text.as_bytes(),
        text,
        map,
        pos: 0,
        object_hook,
        memo: std::collections::HashMap::new(),
        memo_list,
    };
    let r = decode_loop(vm, &mut d);
    vm.temp_roots.truncate(roots);
    match r {
        Ok(r) => r,
        Err(e) => Err(decode_error(vm, text, doc, e)),
    }
}

fn decode_loop(vm: &mut Vm, d: &mut Decoder) -> Result<PyResult<Value>, DecodeErr> {
    macro_rules! tryp {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            }
        };
    }
    let max_depth = vm.options.recursion_limit.clamp(100, 100_000);
    let mut stack: Vec<Frame> = Vec::new();
    // The value just completed, to be stored into the frame on top (or returned).
    let mut done: Value;
    let mut next = tryp!(d.value(vm)?);
    loop {
        match next {
            Ok(v) => done = v,
            Err(frame) => {
                if stack.len() >= max_depth {
                    return Ok(Err(vm.recursion_error()));
                }
                // Open container: rooted while it is being filled.
                let c = match &frame {
                    Frame::List(l) => *l,
                    Frame::Dict(dv, _) => *dv,
                };
                vm.temp_roots.push(c);
                vm.temp_roots.push(Value::NONE);
                d.skip_ws();
                let empty_close = match frame {
                    Frame::List(_) => d.peek() == Some(b']'),
                    Frame::Dict(..) => d.peek() == Some(b'}'),
                };
                stack.push(frame);
                if empty_close {
                    d.pos += 1;
                    done = tryp!(close(vm, d, &mut stack));
                } else {
                    if let Some(Frame::Dict(_, key)) = stack.last_mut() {
                        let k = tryp!(d.object_key(vm)?);
                        *key = k;
                        let n = vm.temp_roots.len();
                        vm.temp_roots[n - 1] = k;
                    }
                    next = tryp!(d.value(vm)?);
                    continue;
                }
            }
        }
        // Store `done` into the innermost container, then find what comes next.
        loop {
            let Some(top) = stack.last_mut() else {
                d.skip_ws();
                if d.pos != d.s.len() {
                    return Err(DecodeErr("Extra data", d.pos));
                }
                return Ok(Ok(done));
            };
            match top {
                Frame::List(l) => {
                    let l = *l;
                    tryp!(vm.list_append(l, done));
                    d.skip_ws();
                    match d.peek() {
                        Some(b',') => {
                            d.pos += 1;
                            next = tryp!(d.value(vm)?);
                            break;
                        }
                        Some(b']') => {
                            d.pos += 1;
                            done = tryp!(close(vm, d, &mut stack));
                        }
                        _ => return Err(DecodeErr("Expecting ',' delimiter", d.pos)),
                    }
                }
                Frame::Dict(dv, key) => {
                    let (dv, k) = (*dv, *key);
                    tryp!(vm.dict_set(Gc::from_value_unchecked(dv), k, done));
                    d.skip_ws();
                    match d.peek() {
                        Some(b',') => {
                            d.pos += 1;
                            let k = tryp!(d.object_key(vm)?);
                            if let Some(Frame::Dict(_, key)) = stack.last_mut() {
                                *key = k;
                            }
                            let n = vm.temp_roots.len();
                            vm.temp_roots[n - 1] = k;
                            next = tryp!(d.value(vm)?);
                            break;
                        }
                        Some(b'}') => {
                            d.pos += 1;
                            done = tryp!(close(vm, d, &mut stack));
                        }
                        _ => return Err(DecodeErr("Expecting ',' delimiter", d.pos)),
                    }
                }
            }
        }
    }
}

/// Pop the innermost container (its closing bracket consumed) and give its value.
fn close(vm: &mut Vm, d: &mut Decoder, stack: &mut Vec<Frame>) -> PyResult<Value> {
    let frame = stack.pop();
    let n = vm.temp_roots.len();
    let v = match frame {
        Some(Frame::List(l)) => l,
        Some(Frame::Dict(dv, _)) => match d.object_hook {
            Some(hook) => {
                let r = vm.call_value(hook, &[dv], &[]);
                vm.temp_roots.truncate(n - 2);
                return r;
            }
            None => dv,
        },
        None => Value::NONE,
    };
    vm.temp_roots.truncate(n - 2);
    Ok(v)
}

const LOADS_KW: &[&str] =
    &["cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"];

fn loads_impl(vm: &mut Vm, s: Value, kw: &[Value]) -> R {
    for p in kw.chunks_exact(2) {
        let name = crate::obj::str_surrogates::kw_name(&p[0]);
        let name = &*name;
        if !LOADS_KW.contains(&name) {
            return Err(vm.type_error(format!("loads() got an unexpected keyword argument '{name}'")));
        }
        if !p[1].is_none() && !matches!(name, "object_hook" | "cls" | "strict") {
            return Err(vm.not_implemented(&format!("json.loads() argument '{name}' is not supported")));
        }
    }
    let hook = kwarg(kw, "object_hook").filter(|h| !h.is_none());
    if crate::obj::str::is_str(s) {
        return decode_doc(vm, s, hook);
    }
    let data = match s.kind() {
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => vm.bytes_data(s).unwrap_or_default(),
        _ => {
            let base = vm.builtin_receiver(s);
            if base != s && (as_str(&base).is_some() || vm.bytes_data(base).is_some()) {
                return loads_impl(vm, base, kw);
            }
            return Err(
                vm.type_error(format!("the JSON object must be str, bytes or bytearray, not {}", vm.type_name(s)))
            );
        }
    };
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&data).to_vec();
    // (As CPython, encoded surrogates decode as themselves.)
    let doc = crate::obj::str::decode(vm, &data, "utf-8", Some("surrogatepass"))?;
    vm.temp_roots.push(doc);
    let r = decode_doc(vm, doc, hook);
    vm.temp_roots.pop();
    r
}

/// Decode the JSON document in str `s` (rooted by the caller).
fn decode_doc(vm: &mut Vm, s: Value, hook: Option<Value>) -> R {
    if let Some(text) = as_str(&s) {
        // `text` borrows `s`; decoding allocates but never moves it.
        return decode_text(vm, text, None, s, hook);
    }
    // Lone surrogates in the document (legal only inside its strings).
    let b = crate::obj::str::as_wtf8(&s).unwrap_or_default();
    let Some(map) = crate::obj::str_surrogates::SurrogateMap::avoiding([b]) else {
        return Err(vm.value_error("JSON document: too many private-use characters to handle lone surrogates"));
    };
    let text = map.map(b);
    decode_text(vm, &text, Some(map), s, hook)
}

fn loads(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let s = arg(vm, args, 0, "loads")?;
    loads_impl(vm, s, kw)
}

fn load(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let fp = arg(vm, args, 0, "load")?;
    let text = vm.call_method(fp, Qstr::new("read"), &[])?;
    vm.temp_roots.push(text);
    let r = loads_impl(vm, text, kw);
    vm.temp_roots.pop();
    r
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m =
        super::new_native_module(vm, "json", &[("dumps", dumps), ("dump", dump), ("loads", loads), ("load", load)])?;
    let ve = vm.types.exc(ExcKind::ValueError);
    let ns = vm.new_dict()?;
    ns.get_mut().set_qstr(Qstr::new("__module__"), Value::qstr(Qstr::new("json")));
    let de = vm.create_class(Value::NULL, Qstr::new("JSONDecodeError"), vec![ve], ns, &[])?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;
    md.get_mut().set_qstr(Qstr::new("JSONDecodeError"), de.value());
    crate::modules::io::set_module_types(vm, m, &[de])?;
    Ok(m)
}

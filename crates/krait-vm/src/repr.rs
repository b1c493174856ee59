//! `repr()` and `str()` for every type.

use std::fmt::Write;

use krait_syntax::q;

use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::obj::bytes::ByteArrayObj;
use crate::obj::descriptor::PropertyObj;
use crate::obj::exception::ExceptionObj;
use crate::obj::str::as_str;
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;
use krait_syntax::wtf8::Wtf8Buf;

/// Append the Python `repr` of a str to `out` (quotes chosen as CPython does).
pub fn repr_str_into(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        push_repr_char(out, c, quote);
    }
    out.push(quote);
}

/// `repr_str_into` of a str holding lone surrogates (generalized UTF-8, see
/// `krait_syntax::wtf8`): each surrogate is written `\udXXX`, so the repr is
/// UTF-8 like any other.
pub fn repr_wtf8_into(s: &[u8], out: &mut String) {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') { '"' } else { '\'' };
    out.push(quote);
    for (_, cp) in krait_syntax::wtf8::code_points(s) {
        match char::from_u32(cp) {
            Some(c) => push_repr_char(out, c, quote),
            None => push_code_escape_u32(out, cp),
        }
    }
    out.push(quote);
}

/// One character of a str's repr inside `quote`s.
#[inline]
fn push_repr_char(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if !is_printable(c) => push_code_escape(out, c),
        c => out.push(c),
    }
}

/// `c` as Python writes it in an escape: `\\xNN`, `\\uNNNN` or `\\UNNNNNNNN`.
pub fn push_code_escape(out: &mut String, c: char) {
    push_code_escape_u32(out, c as u32)
}

/// `push_code_escape` of any code point (a lone surrogate included).
pub fn push_code_escape_u32(out: &mut String, n: u32) {
    let _ = if n < 0x100 {
        write!(out, "\\x{n:02x}")
    } else if n < 0x10000 {
        write!(out, "\\u{n:04x}")
    } else {
        write!(out, "\\U{n:08x}")
    };
}

/// `ascii()` of a repr: every non-ASCII character escaped.
pub fn ascii_escaped(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_code_escape(&mut out, c);
        }
    }
    out
}

/// Python's notion of a printable character (`str.isprintable`).
fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x7f {
        return n >= 0x20;
    }
    // `str.isprintable`'s table (generated from CPython's unicodedata).
    crate::obj::str_tables::in_table(crate::obj::str_tables::PRINTABLE, c)
}

/// Append the Python `repr` of bytes to `out`, as `b'...'`.
pub fn repr_bytes_into(data: &[u8], out: &mut String) {
    repr_bytes_quoted(data, out, false)
}

/// `repr_bytes_into`, escaping `'` even inside double quotes when
/// `escape_sq` (CPython's `repr(bytearray(b"a'"))` is `bytearray(b"a\'")`).
fn repr_bytes_quoted(data: &[u8], out: &mut String, escape_sq: bool) {
    let has_sq = data.contains(&b'\'');
    let quote = if has_sq && !data.contains(&b'"') { b'"' } else { b'\'' };
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote || (escape_sq && b == b'\'') => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push(quote as char);
}

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut s = String::new();
        self.repr_into(v, &mut s)?;
        Ok(s)
    }

    /// `repr(v)` as a Python str.
    pub fn repr_value(&mut self, v: Value) -> PyResult<Value> {
        let s = self.repr(v)?;
        self.new_string(s)
    }

    /// `str(v)` as a Rust string.
    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = as_str(&v) {
            return Ok(s.to_owned());
        }
        let mut s = String::new();
        self.str_into(v, &mut s)?;
        Ok(s)
    }

    /// `str(v)` as a Python str (the value itself when it already is one).
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if crate::obj::str::is_str(v) {
            return Ok(v);
        }
        if matches!(v.kind(), Some(ObjKind::Exception | ObjKind::Instance | ObjKind::Other)) {
            // Their text may come from strs with lone surrogates.
            let mut b = Wtf8Buf::new();
            self.str_into_wtf8(v, &mut b)?;
            return self.new_wtf8_buf(b);
        }
        let s = self.str_of(v)?;
        self.new_string(s)
    }

    /// `str(v)` appended to `out`, which must stay UTF-8: text with lone
    /// surrogates raises `UnicodeEncodeError` (see `str_into_wtf8`).
    pub fn str_into(&mut self, v: Value, out: &mut String) -> PyResult<()> {
        if let Some(s) = as_str(&v) {
            out.push_str(s);
            return Ok(());
        }
        match v.kind() {
            Some(ObjKind::Str) => Err(crate::obj::str_surrogates::not_utf8(self, v)),
            Some(ObjKind::Exception) => {
                let e = Gc::<ExceptionObj>::from_value_unchecked(v);
                if let Some(r) = self.user_method_result(v, q::__str__)? {
                    return self.str_into(r, out);
                }
                self.exception_default_str(e, out)
            }
            Some(ObjKind::Instance) | Some(ObjKind::Other) => {
                if let Some(r) = self.user_method_result(v, q::__str__)? {
                    return self.str_into(r, out);
                }
                // An instance of a str subclass without its own `__repr__` prints its text.
                let base = self.builtin_receiver(v);
                if base != v && crate::obj::str::is_str(base) {
                    let t = self.type_of(v);
                    if t.lookup_python(q::__repr__).is_none() {
                        return self.str_into(base, out);
                    }
                }
                self.repr_into(v, out)
            }
            _ => self.repr_into(v, out),
        }
    }

    /// `str(v)` appended to `out`, lone surrogates and all.
    #[inline]
    pub fn str_into_wtf8(&mut self, v: Value, out: &mut Wtf8Buf) -> PyResult<()> {
        // Only strs and objects with their own `__str__` can give surrogates.
        let plain = match v.kind() {
            Some(ObjKind::Str) => !crate::obj::str::has_surrogates(v),
            Some(ObjKind::Exception | ObjKind::Instance | ObjKind::Other) => false,
            _ => true,
        };
        match out.as_mut_string() {
            Some(s) if plain => self.str_into(v, s),
            _ => self.str_into_wtf8_slow(v, out),
        }
    }

    fn str_into_wtf8_slow(&mut self, v: Value, out: &mut Wtf8Buf) -> PyResult<()> {
        if let Some(s) = as_str(&v) {
            out.push_str(s);
            return Ok(());
        }
        let text_of = |vm: &mut Vm, r: Value, out: &mut Wtf8Buf| match crate::obj::str::as_wtf8(&r) {
            Some(b) => {
                out.push_wtf8(b);
                Ok(())
            }
            None => vm.str_into_wtf8(r, out),
        };
        match v.kind() {
            Some(ObjKind::Str) => text_of(self, v, out),
            Some(ObjKind::Exception) => {
                if let Some(r) = self.user_method_result(v, q::__str__)? {
                    return text_of(self, r, out);
                }
                let e = Gc::<ExceptionObj>::from_value_unchecked(v);
                if let Some(m) = crate::modules::io::errno_message(self, e) {
                    out.push_buf(&m);
                    return Ok(());
                }
                // One str argument is the message itself (BaseException.__str__).
                let only = e.args.downcast::<TupleObj>().filter(|t| t.items().len() == 1).map(|t| t.items()[0]);
                if let Some(a) = only.filter(|&a| crate::obj::str::has_surrogates(a)) {
                    if !e.class.is_subtype(self.types.exc(ExcKind::KeyError)) {
                        return text_of(self, a, out);
                    }
                }
                match out.as_mut_string() {
                    Some(s) => self.exception_default_str(e, s),
                    None => {
                        let mut s = String::new();
                        self.exception_default_str(e, &mut s)?;
                        out.push_str(&s);
                        Ok(())
                    }
                }
            }
            Some(ObjKind::Instance) | Some(ObjKind::Other) => {
                if let Some(r) = self.user_method_result(v, q::__str__)? {
                    return text_of(self, r, out);
                }
                let base = self.builtin_receiver(v);
                if base != v
                    && crate::obj::str::has_surrogates(base)
                    && self.type_of(v).lookup_python(q::__repr__).is_none()
                {
                    return text_of(self, base, out);
                }
                self.str_into_buf(v, out)
            }
            _ => self.str_into_buf(v, out),
        }
    }

    /// `str_into` writing to a `Wtf8Buf`.
    fn str_into_buf(&mut self, v: Value, out: &mut Wtf8Buf) -> PyResult<()> {
        match out.as_mut_string() {
            Some(s) => self.str_into(v, s),
            None => {
                let mut s = String::new();
                self.str_into(v, &mut s)?;
                out.push_str(&s);
                Ok(())
            }
        }
    }

    /// `BaseException.__str__`: the text of an exception from its args (no user `__str__`).
    pub(crate) fn exception_default_str(&mut self, e: Gc<ExceptionObj>, out: &mut String) -> PyResult<()> {
        if let Some(m) = crate::modules::io::errno_message(self, e) {
            return match m.into_string() {
                Ok(m) => {
                    out.push_str(&m);
                    Ok(())
                }
                Err(b) => Err(crate::obj::str_surrogates::not_utf8_bytes(self, &b)),
            };
        }
        let args = e.args;
        match args.downcast::<TupleObj>() {
            Some(t) if t.items().is_empty() => {}
            Some(t) if t.items().len() == 1 => {
                let a = t.items()[0];
                if e.class.is_subtype(self.types.exc(ExcKind::KeyError)) && Value::NULL != a {
                    self.repr_into(a, out)?;
                } else {
                    self.str_into(a, out)?;
                }
            }
            Some(_) => self.repr_into(args, out)?,
            None => {}
        }
        Ok(())
    }

    /// `BaseException.__repr__`, in MicroPython's form (decision 7, like its
    /// traceback layout): the class name and the repr of the args tuple, so one
    /// argument keeps the tuple's comma (`ValueError('x',)`), as on the board.
    pub(crate) fn exception_default_repr(&mut self, e: Gc<ExceptionObj>, out: &mut String) -> PyResult<()> {
        out.push_str(e.class.name.as_str());
        let args = e.args;
        match args.downcast::<TupleObj>() {
            Some(_) => self.repr_into(args, out)?,
            None => out.push_str("()"),
        }
        Ok(())
    }

    /// Call a special method that must return a str, unless it is `object`'s default.
    fn user_method_result(&mut self, v: Value, name: krait_syntax::Qstr) -> PyResult<Option<Value>> {
        let t = self.type_of(v);
        let default = self.types.object.dict().get_qstr(name);
        match t.lookup(name) {
            Some(m)
                if Some(m) != default
                    && (!m.is_kind(ObjKind::BuiltinFunction)
                        || matches!(v.kind(), Some(ObjKind::Other) | Some(ObjKind::Instance))) =>
            {
                let r = self.call_dunder(m, v, &[])?;
                if crate::obj::str::is_str(r) {
                    Ok(Some(r))
                } else {
                    Err(self.type_error(format!("{name} returned non-string (type {})", self.type_name(r))))
                }
            }
            _ => Ok(None),
        }
    }

    pub fn repr_into(&mut self, v: Value, out: &mut String) -> PyResult<()> {
        if let Some(i) = v.as_small_int() {
            let _ = write!(out, "{i}");
            return Ok(());
        }
        if let Some(f) = v.as_float() {
            out.push_str(&crate::num::float::float_repr(f));
            return Ok(());
        }
        if let Some(s) = as_str(&v) {
            repr_str_into(s, out);
            return Ok(());
        }
        if !v.is_ptr() {
            out.push_str(match v {
                Value::NONE => "None",
                Value::TRUE => "True",
                Value::FALSE => "False",
                Value::ELLIPSIS => "Ellipsis",
                Value::NOT_IMPLEMENTED => "NotImplemented",
                _ => "<NULL>",
            });
            return Ok(());
        }
        // Self-referencing containers print as `[...]`.
        let kind = v.kind().unwrap_or(ObjKind::Other);
        if matches!(kind, ObjKind::List | ObjKind::Dict | ObjKind::Tuple | ObjKind::Set | ObjKind::Instance) {
            if kind != ObjKind::Instance
                && self.repr_depth > 0
                && self.temp_roots.iter().rev().take(64).any(|&x| x == v)
            {
                out.push_str(match kind {
                    ObjKind::Dict => "{...}",
                    ObjKind::Tuple => "(...)",
                    ObjKind::Set => "{...}",
                    _ => "[...]",
                });
                return Ok(());
            }
            if self.repr_depth > 200 {
                return Err(self.recursion_error());
            }
            self.repr_depth += 1;
            self.temp_roots.push(v);
            let r = self.repr_container(v, kind, out);
            self.temp_roots.pop();
            self.repr_depth -= 1;
            return r;
        }
        match kind {
            // (`as_str` took every str but those holding lone surrogates.)
            ObjKind::Str => repr_wtf8_into(crate::obj::str::as_wtf8(&v).unwrap_or_default(), out),
            ObjKind::Int => {
                let io = Gc::<IntObj>::from_value_unchecked(v);
                match io.wide() {
                    Some(w) => {
                        let _ = write!(out, "{w}");
                    }
                    None => {
                        let _ = write!(out, "{}", io.big());
                    }
                }
            }
            ObjKind::Bytes => repr_bytes_into(&Gc::<BytesObj>::from_value_unchecked(v).data, out),
            ObjKind::ByteArray => {
                out.push_str("bytearray(");
                repr_bytes_quoted(&Gc::<ByteArrayObj>::from_value_unchecked(v).data, out, true);
                out.push(')');
            }
            ObjKind::Range => {
                let r = Gc::<RangeObj>::from_value_unchecked(v);
                if r.step == 1 {
                    let _ = write!(out, "range({}, {})", r.start, r.stop);
                } else {
                    let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
                }
            }
            ObjKind::Slice => {
                let s = Gc::<SliceObj>::from_value_unchecked(v);
                let (a, b, c) = (s.start, s.stop, s.step);
                out.push_str("slice(");
                self.repr_into(a, out)?;
                out.push_str(", ");
                self.repr_into(b, out)?;
                out.push_str(", ");
                self.repr_into(c, out)?;
                out.push(')');
            }
            ObjKind::Type => {
                let t = Gc::<TypeObj>::from_value_unchecked(v);
                if let Some(r) = self.metaclass_repr(v)? {
                    out.push_str(&r);
                } else {
                    // MicroPython prints classes without their module.
                    let _ = write!(out, "<class '{}'>", t.qualname);
                }
            }
            ObjKind::Function => {
                let f = Gc::<FunctionObj>::from_value_unchecked(v);
                let _ = write!(out, "<function {} at {:#x}>", f.qualname, v.bits() & 0xffff_ffff_ffff);
            }
            ObjKind::BuiltinFunction => {
                let b = Gc::<BuiltinFunctionObj>::from_value_unchecked(v);
                if b.bound_self.is_null() {
                    let _ = write!(out, "<built-in function {}>", b.name);
                } else {
                    let _ = write!(
                        out,
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        self.type_name(b.bound_self),
                        b.bound_self.bits() & 0xffff_ffff_ffff
                    );
                }
            }
            ObjKind::BoundMethod => {
                let m = Gc::<BoundMethodObj>::from_value_unchecked(v);
                let (func, self_) = (m.func, m.self_);
                let fname = match func.downcast::<FunctionObj>() {
                    Some(f) => f.qualname.as_str().to_owned(),
                    None => self.str_of(func)?,
                };
                out.push_str("<bound method ");
                out.push_str(&fname);
                out.push_str(" of ");
                self.repr_into(self_, out)?;
                out.push('>');
            }
            ObjKind::Module => {
                let m = Gc::<ModuleObj>::from_value_unchecked(v);
                match m.dict.get_qstr(q::__file__).and_then(|f| as_str(&f).map(str::to_owned)) {
                    Some(file) => {
                        let _ = write!(out, "<module '{}' from '{file}'>", m.name);
                    }
                    None => {
                        let _ = write!(out, "<module '{}'>", m.name);
                    }
                }
            }
            ObjKind::Exception => {
                let e = Gc::<ExceptionObj>::from_value_unchecked(v);
                if let Some(r) = self.user_method_result(v, q::__repr__)? {
                    // (A str: UTF-8 text goes in; lone surrogates can't.)
                    return self.str_into(r, out);
                }
                self.exception_default_repr(e, out)?;
            }
            ObjKind::Generator => {
                let g = Gc::<GeneratorObj>::from_value_unchecked(v);
                let _ = write!(out, "<generator object '{}' at {:#x}>", g.code.code.name, v.bits() & 0xffff_ffff_ffff);
            }
            ObjKind::Complex => crate::obj::complex::complex_repr_into(v, out),
            ObjKind::Cell => out.push_str("<cell>"),
            ObjKind::Super => {
                let s = Gc::<crate::obj::descriptor::SuperObj>::from_value_unchecked(v);
                let (t, obj) = (s.type_.value(), s.obj);
                out.push_str("<super: ");
                self.repr_into(t, out)?;
                // CPython's layout: the object shown by its type's name only.
                let _ = write!(out, ", <{} object>>", self.type_of(obj).name);
            }
            ObjKind::Code => {
                let c = Gc::<CodeObj>::from_value_unchecked(v);
                let _ = write!(out, "<code object {} at {:#x}>", c.code.name, v.bits() & 0xffff_ffff_ffff);
            }
            ObjKind::Property => {
                let _ = Gc::<PropertyObj>::from_value_unchecked(v);
                let _ = write!(out, "<property object at {:#x}>", v.bits() & 0xffff_ffff_ffff);
            }
            _ => {
                if let Some(r) = self.user_method_result(v, q::__repr__)? {
                    // (A str: UTF-8 text goes in; lone surrogates can't.)
                    return self.str_into(r, out);
                }
                let t = self.type_of(v);
                let _ = write!(out, "<{} object at {:#x}>", t.name, v.bits() & 0xffff_ffff_ffff);
            }
        }
        Ok(())
    }

    fn metaclass_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        let t = Gc::<TypeObj>::from_value_unchecked(v);
        if t.metaclass.is_null() {
            return Ok(None);
        }
        match self.user_method_result(v, q::__repr__)? {
            Some(r) => {
                let mut s = String::new();
                self.str_into(r, &mut s)?;
                Ok(Some(s))
            }
            None => Ok(None),
        }
    }

    fn repr_container(&mut self, v: Value, kind: ObjKind, out: &mut String) -> PyResult<()> {
        match kind {
            ObjKind::List => {
                out.push('[');
                let mut i = 0;
                while let Some(&x) = Gc::<ListObj>::from_value_unchecked(v).items.get(i) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(x, out)?;
                    i += 1;
                }
                out.push(']');
            }
            ObjKind::Tuple => {
                let t = Gc::<TupleObj>::from_value_unchecked(v);
                out.push('(');
                for (i, &x) in t.items().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(x, out)?;
                }
                if t.items().len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            ObjKind::Dict => {
                out.push('{');
                // Entries are read from the dict as they come, not from a snapshot
                // whose items a `__repr__` changing the dict could leave unrooted.
                // (What `repr_into` works on is rooted: a container by itself, an
                // instance as the receiver of its `__repr__`.)
                let d = Gc::<DictObj>::from_value_unchecked(v);
                let (mut i, mut first) = (0, true);
                while i < d.raw_entries().len() {
                    if let Some((k, _)) = d.entry_at(i) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.repr_into(k, out)?;
                        out.push_str(": ");
                        match d.entry_at(i) {
                            Some((_, x)) => self.repr_into(x, out)?,
                            None => {
                                let msg = "dictionary changed size during iteration";
                                return Err(self.new_exception(ExcKind::RuntimeError, msg));
                            }
                        }
                    }
                    i += 1;
                }
                out.push('}');
            }
            ObjKind::Set => {
                let s = Gc::<SetObj>::from_value_unchecked(v);
                let frozen = SetObj::is_frozen(s);
                if s.map.is_empty() {
                    out.push_str(if frozen { "frozenset()" } else { "set()" });
                    return Ok(());
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                // Read as they come (see the dict's case above).
                let (mut i, mut first) = (0, true);
                while i < s.map.raw_entries().len() {
                    if let Some((k, _)) = s.map.entry_at(i) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.repr_into(k, out)?;
                    }
                    i += 1;
                }
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
            _ => {
                // Instances.
                if let Some(r) = self.user_method_result(v, q::__repr__)? {
                    // (A str: UTF-8 text goes in; lone surrogates can't.)
                    return self.str_into(r, out);
                }
                let inst = Gc::<InstanceObj>::from_value_unchecked(v);
                if !inst.base.is_null() {
                    let base = inst.base;
                    return self.repr_into(base, out);
                }
                let t = inst.class;
                let _ = write!(out, "<{} object at {:#x}>", t.qualname, v.bits() & 0xffff_ffff_ffff);
            }
        }
        Ok(())
    }
}

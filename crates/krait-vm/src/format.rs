//! String formatting at the VM level: `format()`, f-string fields, `str.format`
//! templates and `%`-formatting. The number and text layout itself is the numeric
//! library's (`num::format`); this file finds the values and dispatches.

use krait_syntax::{q, Qstr};

use crate::error::PyResult;
use crate::gc::ObjKind;
use krait_syntax::wtf8::Wtf8Buf;

use crate::obj::str::{as_str, as_wtf8, has_surrogates};
use crate::obj::str_surrogates::{not_utf8_bytes, SurrogateMap};
use crate::obj::TupleObj;
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

/// `format(v, spec)` as a Rust string (`UnicodeEncodeError` for text with lone
/// surrogates: see `format_buf`).
pub fn format_to_string(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    // A user-defined `__format__` wins.
    if matches!(v.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other)) {
        let t = vm.type_of(v);
        if let Some(m) = t.lookup(q::__format__) {
            if !m.is_kind(ObjKind::BuiltinFunction) || v.kind() == Some(ObjKind::Other) {
                let sv = vm.new_str(spec)?;
                let r = vm.call_dunder(m, v, &[sv])?;
                return match as_str(&r) {
                    Some(s) => Ok(s.to_owned()),
                    None if has_surrogates(r) => Err(crate::obj::str_surrogates::not_utf8(vm, r)),
                    None => Err(vm.type_error("__format__ must return a str")),
                };
            }
        }
        let base = vm.builtin_receiver(v);
        if base != v && spec.is_empty() {
            return vm.str_of(v);
        }
        if base != v {
            return format_to_string(vm, base, spec);
        }
    }
    let type_name = vm.type_name(v);
    let parsed = match crate::num::format::FormatSpec::parse(spec) {
        Ok(p) => p,
        Err(e) => return Err(vm.num_error(e, type_name)),
    };
    let r = match as_num(&v) {
        Some(Num::Int(i)) if !v.is_bool() || !spec.is_empty() => crate::num::format::format_i64(i, &parsed),
        Some(Num::Big(b)) => crate::num::format::format_bigint(b, &parsed),
        Some(Num::Float(f)) => crate::num::format::format_float(f, &parsed),
        _ if v.kind() == Some(ObjKind::Complex) => crate::obj::complex::complex_format_spec(v, &parsed),
        _ => {
            if let Some(s) = as_str(&v) {
                crate::num::format::format_str(s, &parsed)
            } else if spec.is_empty() {
                // (A str with lone surrogates is `UnicodeEncodeError` here.)
                return vm.str_of(v);
            } else if has_surrogates(v) {
                return Err(crate::obj::str_surrogates::not_utf8(vm, v));
            } else {
                return Err(vm.type_error(format!("unsupported format string passed to {type_name}.__format__")));
            }
        }
    };
    match r {
        Ok(s) => Ok(s),
        Err(e) => Err(vm.num_error(e, type_name)),
    }
}

/// Might `format(v, ...)` give text with lone surrogates? (A str holding them,
/// or an object whose `__format__`/`__str__` could return one.)
#[inline(always)]
fn may_format_surrogates(v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::Str) => has_surrogates(v),
        Some(ObjKind::Instance | ObjKind::Other | ObjKind::Exception) => true,
        _ => false,
    }
}

/// `format(v, spec)`, lone surrogates and all.
pub fn format_buf(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Wtf8Buf> {
    if !may_format_surrogates(v) {
        return format_to_string(vm, v, spec).map(Wtf8Buf::from);
    }
    if has_surrogates(v) {
        let parsed = match crate::num::format::FormatSpec::parse(spec) {
            Ok(p) => p,
            Err(e) => return Err(vm.num_error(e, "str")),
        };
        let b = as_wtf8(&v).unwrap_or_default();
        return match crate::num::format::format_str_wtf8(b, &parsed) {
            Ok(t) => {
                let mut out = Wtf8Buf::new();
                out.push_wtf8(&t);
                Ok(out)
            }
            Err(e) => Err(vm.num_error(e, "str")),
        };
    }
    // A user-defined `__format__`, whose result may hold surrogates.
    let t = vm.type_of(v);
    if let Some(m) = t.lookup(q::__format__) {
        if !m.is_kind(ObjKind::BuiltinFunction) || v.kind() == Some(ObjKind::Other) {
            let sv = vm.new_str(spec)?;
            let r = vm.call_dunder(m, v, &[sv])?;
            let mut out = Wtf8Buf::new();
            match (as_str(&r), as_wtf8(&r)) {
                (Some(s), _) => out.push_str(s),
                (None, Some(b)) => out.push_wtf8(b),
                _ => return Err(vm.type_error("__format__ must return a str")),
            }
            return Ok(out);
        }
    }
    let base = vm.builtin_receiver(v);
    if spec.is_empty() && (base != v || v.kind() == Some(ObjKind::Exception)) {
        let mut out = Wtf8Buf::new();
        vm.str_into_wtf8(v, &mut out)?;
        return Ok(out);
    }
    if base != v {
        return format_buf(vm, base, spec);
    }
    format_to_string(vm, v, spec).map(Wtf8Buf::from)
}

/// `format(v, spec)` builtin.
pub fn format_builtin(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let Some(spec) = as_str(&spec).map(str::to_owned) else {
        // (A spec with lone surrogates is `UnicodeEncodeError`: specs are UTF-8 here.)
        crate::obj::str_surrogates::utf8(vm, &spec)?;
        return Err(vm.type_error("format() argument 2 must be str"));
    };
    if may_format_surrogates(v) {
        let s = format_buf(vm, v, &spec)?;
        return vm.new_wtf8_buf(s);
    }
    let s = format_to_string(vm, v, &spec)?;
    vm.new_string(s)
}

impl Vm {
    /// `FormatValue`: an f-string field with conversion (0 none, 1 `!s`, 2 `!r`,
    /// 3 `!a`) and an optional spec (NULL when absent).
    pub fn format_value(&mut self, v: Value, conv: u8, spec: Value) -> PyResult<Value> {
        let v = self.convert_value(v, conv)?;
        if spec.is_null() {
            if crate::obj::str::is_str(v) {
                return Ok(v);
            }
            if may_format_surrogates(v) {
                let s = format_buf(self, v, "")?;
                return self.new_wtf8_buf(s);
            }
            let s = format_to_string(self, v, "")?;
            return self.new_string(s);
        }
        format_builtin(self, v, spec)
    }

    /// An f-string field's conversion of `v`: 0 none (`v` itself), 1 `str`,
    /// 2 `repr`, 3 `ascii` (also `string.templatelib.convert`).
    pub fn convert_value(&mut self, v: Value, conv: u8) -> PyResult<Value> {
        match conv {
            1 => self.str_value(v),
            2 => self.repr_value(v),
            3 => {
                let f = self.builtins.get_qstr(Qstr::new("ascii")).unwrap_or(Value::NONE);
                self.call_value(f, &[v], &[])
            }
            _ => Ok(v),
        }
    }
}

/// `round(x[, ndigits])`.
pub fn round_value(vm: &mut Vm, x: Value, nd: Option<Value>) -> PyResult<Value> {
    let nd = match nd {
        Some(n) => Some(vm.to_index(n)?),
        None => None,
    };
    match as_num(&x) {
        Some(Num::Float(f)) => match nd {
            None => match crate::num::float::round_to_int(f) {
                Ok(crate::num::IntValue::Small(i)) => vm.new_int(i),
                Ok(crate::num::IntValue::Big(b)) => vm.new_bigint(b),
                Err(e) => Err(vm.num_error(e, "")),
            },
            Some(n) => match crate::num::float::round_digits(f, n) {
                Ok(r) => Ok(Value::float(r)),
                Err(e) => Err(vm.num_error(e, "")),
            },
        },
        Some(Num::Int(i)) => match nd {
            None => vm.new_int(i),
            Some(n) if n >= 0 => vm.new_int(i),
            Some(n) => {
                let b = num_bigint::BigInt::from(i);
                let r = round_int_half_even(&b, n);
                vm.new_bigint(r)
            }
        },
        Some(Num::Big(b)) => match nd {
            None => Ok(x),
            Some(n) if n >= 0 => Ok(x),
            Some(n) => {
                let b = b.clone();
                let r = round_int_half_even(&b, n);
                vm.new_bigint(r)
            }
        },
        None => {
            let args: Vec<Value> = match nd {
                Some(n) => vec![vm.new_int(n)?],
                None => vec![],
            };
            match vm.call_special(x, q::__round__, &args)? {
                Some(r) => Ok(r),
                None => Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(x)))),
            }
        }
    }
}

/// Where `str.format` finds named fields: the keyword arguments (flat
/// `[name, value, …]`) of `format`, or the mapping given to `format_map`.
#[derive(Clone, Copy)]
enum Named<'a> {
    Kw(&'a [Value]),
    Map(Value),
}

/// A `str.format` template: a str's bytes, and its text when it is UTF-8
/// (`None`: generalized UTF-8 with lone surrogates, see `krait_syntax::wtf8`).
#[derive(Clone, Copy)]
pub struct Template<'a> {
    bytes: &'a [u8],
    utf8: Option<&'a str>,
}

impl<'a> Template<'a> {
    pub fn new(bytes: &'a [u8], utf8: Option<&'a str>) -> Template<'a> {
        Template { bytes, utf8 }
    }

    fn utf8(s: &'a str) -> Template<'a> {
        Template { bytes: s.as_bytes(), utf8: Some(s) }
    }

    /// Append the literal text `a..b` (cut at ASCII braces, so on character boundaries).
    fn push_literal(self, a: usize, b: usize, out: &mut Wtf8Buf) {
        match self.utf8 {
            Some(s) => out.push_str(&s[a..b]),
            None => out.push_wtf8(&self.bytes[a..b]),
        }
    }

    /// The replacement field `a..b`: UTF-8, as names and specs are here.
    fn field(self, vm: &mut Vm, a: usize, b: usize) -> PyResult<&'a str> {
        match self.utf8 {
            Some(s) => Ok(&s[a..b]),
            None => std::str::from_utf8(&self.bytes[a..b]).map_err(|_| not_utf8_bytes(vm, &self.bytes[a..b])),
        }
    }
}

/// `template.format(*args, **kw)`.
pub fn str_format(vm: &mut Vm, template: Template<'_>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut out = Wtf8Buf::with_capacity(template.bytes.len() + 16);
    let mut auto = 0usize;
    let mut manual = false;
    format_template(vm, template, args, Named::Kw(kw), &mut out, &mut auto, &mut manual, 0)?;
    vm.new_wtf8_buf(out)
}

/// `template.format_map(mapping)`: named fields are `mapping[name]`, so a dict
/// subclass's `__missing__` and any object with `__getitem__` work.
pub fn str_format_map(vm: &mut Vm, template: Template<'_>, mapping: Value) -> PyResult<Value> {
    let mut out = Wtf8Buf::with_capacity(template.bytes.len() + 16);
    let mut auto = 0usize;
    let mut manual = false;
    format_template(vm, template, &[], Named::Map(mapping), &mut out, &mut auto, &mut manual, 0)?;
    vm.new_wtf8_buf(out)
}

#[allow(clippy::too_many_arguments)]
fn format_template(
    vm: &mut Vm,
    template: Template<'_>,
    args: &[Value],
    kw: Named<'_>,
    out: &mut Wtf8Buf,
    auto: &mut usize,
    manual: &mut bool,
    depth: u32,
) -> PyResult<()> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = template.bytes;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'{' {
            if b.get(i + 1) == Some(&b'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (the spec may nest one level of braces).
            let mut level = 1;
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'{' => level += 1,
                    b'}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= b.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let field = template.field(vm, i + 1, j)?;
            format_field(vm, field, args, kw, out, auto, manual, depth)?;
            i = j + 1;
        } else if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            let start = i;
            while i < b.len() && b[i] != b'{' && b[i] != b'}' {
                i += 1;
            }
            template.push_literal(start, i, out);
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn format_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    kw: Named<'_>,
    out: &mut Wtf8Buf,
    auto: &mut usize,
    manual: &mut bool,
    depth: u32,
) -> PyResult<()> {
    // field_name[!conv][:spec]
    let (name_part, rest) = match field.find(['!', ':']) {
        Some(p) => (&field[..p], &field[p..]),
        None => (field, ""),
    };
    let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
        let (c, s) = match r.find(':') {
            Some(p) => (&r[..p], &r[p + 1..]),
            None => (r, ""),
        };
        if c.len() != 1 {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
        (c.chars().next(), s)
    } else if let Some(s) = rest.strip_prefix(':') {
        (None, s)
    } else {
        (None, "")
    };
    // The first component: index, name, or empty (automatic numbering).
    let first_end = name_part.find(['.', '[']).unwrap_or(name_part.len());
    let first = &name_part[..first_end];
    if matches!(kw, Named::Map(_)) && (first.is_empty() || first.bytes().all(|c| c.is_ascii_digit())) {
        return Err(vm.value_error("Format string contains positional fields"));
    }
    let mut v = if first.is_empty() {
        if *manual {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let idx = *auto;
        *auto += 1;
        match args.get(idx) {
            Some(&v) => v,
            None => {
                return Err(vm.index_error(format!("Replacement index {idx} out of range for positional args tuple")))
            }
        }
    } else if let Some(idx) = first.bytes().all(|c| c.is_ascii_digit()).then(|| first.parse::<usize>().ok()).flatten() {
        if *auto > 0 {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *manual = true;
        match args.get(idx) {
            Some(&v) => v,
            None => {
                return Err(vm.index_error(format!("Replacement index {idx} out of range for positional args tuple")))
            }
        }
    } else {
        match kw {
            Named::Kw(kw) => match crate::class::kwarg(kw, first) {
                Some(v) => v,
                None => {
                    let k = vm.new_str(first)?;
                    return Err(vm.key_error(k));
                }
            },
            Named::Map(m) => {
                let k = vm.new_str(first)?;
                vm.getitem(m, k)?
            }
        }
    };
    // Attribute and index accessors.
    let mut rest = &name_part[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = vm.get_attr(v, Qstr::new(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key_s = &r[..end];
            // As in CPython, only an all-digits key is an index.
            let key = match key_s.bytes().all(|c| c.is_ascii_digit()).then(|| key_s.parse::<i64>().ok()).flatten() {
                Some(n) => vm.new_int(n)?,
                None => vm.new_str(key_s)?,
            };
            v = vm.getitem(v, key)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let v = match conv {
        None => v,
        Some('s') => vm.str_value(v)?,
        Some('r') => vm.repr_value(v)?,
        Some('a') => {
            let f = vm.builtins.get_qstr(Qstr::new("ascii")).unwrap_or(Value::NONE);
            vm.call_value(f, &[v], &[])?
        }
        Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = if spec.contains('{') {
        // The nested fields' `__format__`/`__str__` can collect: `v` (made by an
        // accessor or a conversion, perhaps) stays rooted meanwhile.
        let mut s = Wtf8Buf::new();
        vm.with_roots(&[v], |vm| format_template(vm, Template::utf8(spec), args, kw, &mut s, auto, manual, depth + 1))?;
        match s.into_string() {
            Ok(s) => s,
            Err(b) => return Err(not_utf8_bytes(vm, &b)),
        }
    } else {
        spec.to_owned()
    };
    if may_format_surrogates(v) {
        let s = format_buf(vm, v, &spec)?;
        out.push_buf(&s);
    } else {
        let s = format_to_string(vm, v, &spec)?;
        out.push_str(&s);
    }
    Ok(())
}

/// `str % args`
pub fn percent_format_str(vm: &mut Vm, template: Value, args: Value) -> PyResult<Value> {
    if let Some(t) = as_str(&template) {
        let t = t.to_owned();
        let s = percent_format(vm, &t, None, args, false)?;
        return vm.new_wtf8_buf(s);
    }
    // A template with lone surrogates: they can only be literal text or part of
    // a `%(key)`, so it is parsed with them standing in as private-use characters
    // (`SurrogateMap`) and they are put back in the literals and keys.
    let b = as_wtf8(&template).unwrap_or_default();
    let Some(map) = SurrogateMap::avoiding([b]) else {
        return Err(vm.value_error("format string: too many private-use characters to handle lone surrogates"));
    };
    let t = map.map(b);
    let s = percent_format(vm, &t, Some(map), args, false)?;
    vm.new_wtf8_buf(s)
}

/// `bytes % args`
pub fn percent_format_bytes(vm: &mut Vm, template: Value, args: Value) -> PyResult<Value> {
    // Bytes are formatted as Latin-1 text (one char per byte) and mapped back, so
    // non-ASCII bytes in the template and in `%s`/`%c` arguments pass through intact.
    let data = vm.bytes_data(template).unwrap_or_default();
    let t: String = data.iter().map(|&b| b as char).collect();
    let s = percent_format(vm, &t, None, args, true)?;
    // (Bytes in, bytes out: no surrogate can come in; `?` stands for anything else.)
    let s = s.into_string().unwrap_or_default();
    let out: Vec<u8> = s.chars().map(|c| if (c as u32) < 0x100 { c as u32 as u8 } else { b'?' }).collect();
    if template.is_kind(ObjKind::Bytes) {
        vm.new_bytes(out)
    } else {
        vm.new_bytearray(out)
    }
}

/// `template % args`; `map` says which characters of `template` stand for lone
/// surrogates.
fn percent_format(
    vm: &mut Vm,
    template: &str,
    map: Option<SurrogateMap>,
    args: Value,
    bytes_mode: bool,
) -> PyResult<Wtf8Buf> {
    use crate::num::format::{Count, Piece};
    let pieces = match crate::num::format::parse_percent_template(template) {
        Ok(p) => p,
        Err(crate::num::NumError::Value(msg)) if map.is_some() => {
            return Err(vm.value_error(name_surrogate(&msg, map)));
        }
        Err(e) => return Err(vm.num_error(e, "")),
    };
    // A tuple subclass (a namedtuple, say) supplies its items too.
    let (items, is_tuple): (Vec<Value>, bool) = match vm.builtin_receiver(args).downcast::<TupleObj>() {
        Some(t) => (t.items().to_vec(), true),
        None => (vec![args], false),
    };
    // As CPython's `PyMapping_Check`: anything subscriptable but a tuple or the
    // template's own type may supply `%(key)s` (so `"text" % []` is fine too).
    let base = vm.builtin_receiver(args);
    let mapping = !is_tuple
        && match base.kind() {
            Some(ObjKind::Dict | ObjKind::List | ObjKind::ByteArray | ObjKind::Range) => true,
            Some(ObjKind::Bytes) => !bytes_mode,
            Some(ObjKind::Str) => bytes_mode,
            None => base.is_qstr() && bytes_mode,
            _ => vm.type_of(args).lookup(q::__getitem__).is_some(),
        };
    let mut next = 0usize;
    let mut out = Wtf8Buf::new();
    let mut used_mapping = false;
    for piece in pieces {
        match piece {
            Piece::Literal(s) => match map {
                Some(m) => m.unmap_into(s, &mut out),
                None => out.push_str(s),
            },
            Piece::Spec(mut spec) => {
                let mut take = |vm: &mut Vm| -> PyResult<Value> {
                    match items.get(next) {
                        Some(&v) => {
                            next += 1;
                            Ok(v)
                        }
                        None => Err(vm.type_error("format string needs more arguments")),
                    }
                };
                if spec.width == Some(Count::Star) {
                    let w = take(vm)?;
                    let w = vm.to_index(w)?;
                    spec.set_star_width(w);
                }
                if spec.precision == Some(Count::Star) {
                    let p = take(vm)?;
                    let p = vm.to_index(p)?;
                    spec.set_star_precision(p);
                }
                let v = match spec.key {
                    Some(k) => {
                        if !mapping {
                            return Err(vm.type_error("format requires a mapping"));
                        }
                        used_mapping = true;
                        // As in CPython, no positional conversion may follow a keyed one.
                        next = items.len();
                        let kv = if bytes_mode {
                            // `b"%(key)s"` looks the key up as bytes.
                            vm.new_bytes(k.chars().map(|c| c as u32 as u8).collect())?
                        } else {
                            match map.and_then(|m| m.unmap(k)) {
                                Some(b) => vm.new_wtf8(&b)?,
                                None => vm.new_str(k)?,
                            }
                        };
                        vm.getitem(args, kv)?
                    }
                    None => take(vm)?,
                };
                percent_one(vm, &spec, v, bytes_mode, &mut out)?;
            }
        }
    }
    if next < items.len() && !used_mapping && !(mapping && next == 0) {
        return Err(vm.type_error("format string needs fewer arguments"));
    }
    Ok(out)
}

/// A template error "unsupported format character '?' (0xf0000) ..." about a
/// surrogate's stand-in (see `percent_format_str`), naming the surrogate.
fn name_surrogate(msg: &str, map: Option<SurrogateMap>) -> String {
    let (Some(map), Some(i)) = (map, msg.find("(0x")) else { return msg.to_owned() };
    let hex = &msg[i + 3..];
    let Some(n) = hex.find(')') else { return msg.to_owned() };
    match u32::from_str_radix(&hex[..n], 16) {
        Ok(cp) => format!("{}(0x{:x}{}", &msg[..i], map.unmap_code_point(cp), &hex[n..]),
        Err(_) => msg.to_owned(),
    }
}

/// One `%` conversion of `v`, appended to `out`.
fn percent_one(
    vm: &mut Vm,
    spec: &crate::num::format::PercentSpec<'_>,
    v: Value,
    bytes_mode: bool,
    out: &mut Wtf8Buf,
) -> PyResult<()> {
    use crate::num::format as nf;
    let conv = spec.conv;
    if !bytes_mode && matches!(conv, 's' | 'c') {
        // Text with lone surrogates (a str, or the str of an object).
        let sv = match conv {
            's' if has_surrogates(v) || matches!(v.kind(), Some(ObjKind::Exception | ObjKind::Instance)) => {
                vm.str_value(v)?
            }
            _ => v,
        };
        if has_surrogates(sv) {
            let b = as_wtf8(&sv).unwrap_or_default();
            if conv == 'c' && krait_syntax::wtf8::count_chars(b) != 1 {
                return Err(vm.type_error("%c requires int or char"));
            }
            return match nf::percent_format_str_wtf8(b, spec) {
                Ok(t) => {
                    out.push_wtf8(&t);
                    Ok(())
                }
                Err(e) => Err(vm.num_error(e, vm.type_name(v))),
            };
        }
        if sv != v {
            return percent_one(vm, spec, sv, bytes_mode, out);
        }
    }
    let r = match conv {
        // `%b` is for bytes only (the template parser accepts it for both).
        'b' if !bytes_mode => {
            return Err(vm.value_error("unsupported format character 'b' (0x62)"));
        }
        's' | 'r' | 'a' | 'b' => {
            let text = if conv == 's' && !bytes_mode {
                vm.str_of(v)?
            } else if (conv == 'b' || conv == 's') && bytes_mode {
                match crate::buffer::buffer_bytes(vm, v) {
                    Some(d) => d.iter().map(|&b| b as char).collect(),
                    None => match vm.call_special(v, krait_syntax::Qstr::new("__bytes__"), &[])? {
                        Some(r) if r.is_kind(ObjKind::Bytes) => {
                            vm.bytes_data(r).unwrap_or_default().iter().map(|&b| b as char).collect()
                        }
                        _ => {
                            return Err(vm.type_error(format!(
                                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                vm.type_name(v)
                            )))
                        }
                    },
                }
            } else if conv == 'a' || bytes_mode {
                // `ascii()`: the repr with non-ASCII characters escaped.
                crate::repr::ascii_escaped(&vm.repr(v)?)
            } else {
                vm.repr(v)?
            };
            nf::percent_format_str(&text, spec)
        }
        'c' if bytes_mode => {
            // An int in range(256) or a single byte.
            let b = match crate::buffer::buffer_bytes(vm, v) {
                Some(d) if d.len() == 1 => d[0],
                Some(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                None => match vm.to_index(v) {
                    Ok(i) if (0..256).contains(&i) => i as u8,
                    Ok(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                    Err(_) => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                },
            };
            nf::percent_format_str(&(b as char).to_string(), spec)
        }
        'c' => {
            let text = if let Some(s) = as_str(&v) {
                if s.chars().count() != 1 {
                    return Err(vm.type_error("%c requires int or char"));
                }
                s.to_owned()
            } else {
                let i = vm.to_index(v)?;
                match u32::try_from(i).ok().filter(|&c| c < 0x110000) {
                    Some(c) => match char::from_u32(c) {
                        Some(c) => c.to_string(),
                        None => {
                            // `'%c' % 0xd800`: a lone surrogate.
                            let mut b = Vec::new();
                            krait_syntax::wtf8::push_code_point(&mut b, c);
                            return match nf::percent_format_str_wtf8(&b, spec) {
                                Ok(t) => {
                                    out.push_wtf8(&t);
                                    Ok(())
                                }
                                Err(e) => Err(vm.num_error(e, vm.type_name(v))),
                            };
                        }
                    },
                    None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                }
            };
            nf::percent_format_str(&text, spec)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match as_num(&v) {
            Some(Num::Int(i)) => nf::percent_format_i64(i, spec),
            Some(Num::Big(b)) => nf::percent_format_bigint(b, spec),
            Some(Num::Float(f)) if matches!(conv, 'd' | 'i' | 'u') => match crate::num::int::from_f64(f) {
                Ok(iv) => nf::percent_format_int(&iv, spec),
                Err(e) => Err(e),
            },
            _ => {
                let i = match vm.to_index(v) {
                    Ok(i) => i,
                    // `%d` also takes an object with only `__int__`, as CPython does.
                    Err(_) if matches!(conv, 'd' | 'i' | 'u') && vm.type_of(v).lookup(q::__int__).is_some() => {
                        let r = vm.call_special(v, q::__int__, &[])?.unwrap_or(Value::NONE);
                        return percent_one(vm, spec, r, bytes_mode, out);
                    }
                    Err(_) => {
                        return Err(
                            vm.type_error(format!("%{conv} format: a number is required, not {}", vm.type_name(v)))
                        )
                    }
                };
                nf::percent_format_i64(i, spec)
            }
        },
        _ => {
            let f = match as_num(&v) {
                Some(Num::Float(f)) => f,
                Some(Num::Int(i)) => i as f64,
                Some(Num::Big(b)) => match crate::num::int::bigint_to_f64(b) {
                    Ok(f) => f,
                    Err(e) => return Err(vm.num_error(e, "")),
                },
                None => match vm.call_special(v, q::__float__, &[])? {
                    Some(r) if r.is_float() => r.as_float_unchecked(),
                    _ => return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
                },
            };
            nf::percent_format_float(f, spec)
        }
    };
    match r {
        Ok(s) => {
            out.push_str(&s);
            Ok(())
        }
        Err(e) => Err(vm.num_error(e, vm.type_name(v))),
    }
}

/// `round(int, ndigits)` for negative `ndigits`: round half to even at 10**-ndigits.
fn round_int_half_even(v: &num_bigint::BigInt, ndigits: i64) -> num_bigint::BigInt {
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    if !(-10000..0).contains(&ndigits) {
        return if ndigits < -10000 { num_bigint::BigInt::zero() } else { v.clone() };
    }
    let p = num_traits::pow(num_bigint::BigInt::from(10), (-ndigits) as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice: num_bigint::BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
    };
    let _ = v.is_negative();
    q * p
}

impl Vm {
    /// Message for an exception, as `str(e)` (used by the traceback printer),
    /// lone surrogates backslash-escaped as CPython's stderr writes them.
    pub fn exception_message(&mut self, e: Value) -> String {
        let mut b = Wtf8Buf::new();
        match self.str_into_wtf8(e, &mut b) {
            Ok(()) => match b.into_string() {
                Ok(s) => s,
                Err(b) => crate::obj::str_surrogates::backslash_escaped(&b),
            },
            Err(_) => String::new(),
        }
    }
}

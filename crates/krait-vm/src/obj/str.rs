//! `str`: immutable Unicode text, stored as UTF-8.
//!
//! A `str` value is either an interned qstr (an immediate, see `value.rs`) or a
//! heap `StrObj`. Both hash with `qstr::str_hash`, and compare by text, so the two
//! forms are interchangeable everywhere.

use std::cell::Cell;

use krait_syntax::qstr::str_hash;

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct StrObj {
    pub s: Box<str>,
    /// Cached `str_hash`, or `u64::MAX` before first use.
    hash: Cell<u64>,
    /// Number of characters (== byte length when ASCII), or `usize::MAX` before first use.
    chars: Cell<usize>,
}

impl StrObj {
    pub fn new(s: Box<str>) -> StrObj {
        StrObj { s, hash: Cell::new(u64::MAX), chars: Cell::new(usize::MAX) }
    }

    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != u64::MAX {
            return h;
        }
        let h = str_hash(self.s.as_bytes());
        self.hash.set(h);
        h
    }

    /// Length in characters (what Python's `len()` gives).
    #[inline]
    pub fn char_len(&self) -> usize {
        let n = self.chars.get();
        if n != usize::MAX {
            return n;
        }
        let n = if self.s.is_ascii() { self.s.len() } else { self.s.chars().count() };
        self.chars.set(n);
        n
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len() == self.s.len()
    }
}

impl PyObj for StrObj {
    const KIND: ObjKind = ObjKind::Str;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.s.len()
    }
}

/// The text of a `str` value (interned or heap), or `None` if it isn't a str.
///
/// The borrow is tied to the caller's `Value` variable; don't hold it across a
/// call that can run Python code.
#[inline]
pub fn as_str(v: &Value) -> Option<&str> {
    if let Some(q) = v.as_qstr() {
        return Some(q.as_str());
    }
    v.downcast::<StrObj>().map(|g| {
        let s: &str = &g.s;
        // SAFETY-free lifetime shortening: the object is live while `v` is rooted;
        // the returned borrow is bounded by the borrow of `v`.
        unsafe_extend(s)
    })
}

#[inline(always)]
fn unsafe_extend<'a>(s: &str) -> &'a str {
    // SAFETY: heap strings are immutable and never move; the object stays alive as
    // long as the value referring to it is reachable, which the caller guarantees
    // for the duration of the borrow (see `as_str`).
    unsafe { &*(s as *const str) }
}

/// True when `v` is a `str` (interned or heap).
#[inline]
pub fn is_str(v: Value) -> bool {
    v.is_qstr() || v.is_kind(ObjKind::Str)
}

/// Python `hash()` of a str value.
#[inline]
pub fn str_value_hash(v: Value) -> Option<u64> {
    if let Some(q) = v.as_qstr() {
        return Some(q.hash());
    }
    v.downcast::<StrObj>().map(|g| g.hash())
}

/// Length in characters of a str value.
#[inline]
pub fn str_char_len(v: Value) -> Option<usize> {
    if let Some(q) = v.as_qstr() {
        let s = q.as_str();
        return Some(if s.is_ascii() { s.len() } else { s.chars().count() });
    }
    v.downcast::<StrObj>().map(|g| g.char_len())
}

/// Decode UTF-8 bytes into a str (`errors` as for `bytes.decode`).
pub fn decode_utf8(vm: &mut crate::vm::Vm, data: &[u8], errors: Option<Value>) -> crate::error::PyResult<Value> {
    match std::str::from_utf8(data) {
        Ok(s) => vm.new_str(s),
        Err(e) => {
            let mode = errors.and_then(|v| as_str(&v).map(str::to_owned)).unwrap_or_else(|| "strict".into());
            match mode.as_str() {
                "replace" => {
                    let s = String::from_utf8_lossy(data).into_owned();
                    vm.new_string(s)
                }
                "ignore" => {
                    let mut out = String::new();
                    let mut rest = data;
                    loop {
                        match std::str::from_utf8(rest) {
                            Ok(s) => {
                                out.push_str(s);
                                break;
                            }
                            Err(e) => {
                                let (good, bad) = rest.split_at(e.valid_up_to());
                                out.push_str(std::str::from_utf8(good).unwrap_or(""));
                                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                                rest = &bad[skip.min(bad.len())..];
                            }
                        }
                    }
                    vm.new_string(out)
                }
                _ => Err(vm.new_exception(
                    crate::error::ExcKind::UnicodeDecodeError,
                    format!("'utf-8' codec can't decode byte at position {}: invalid start byte", e.valid_up_to()),
                )),
            }
        }
    }
}

mod methods {
    use super::as_str;
    use crate::class::arg;
    use crate::error::PyResult;
    use crate::value::Value;
    use crate::vm::Vm;

    type R = PyResult<Value>;

    /// The text of `self` (a str or a user subclass's base str), owned so Python
    /// code may run while it is in use.
    fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<String> {
        let v = args.first().map(|&v| vm.builtin_receiver(v));
        match v.as_ref().and_then(as_str) {
            Some(s) => Ok(s.to_owned()),
            None => Err(vm.type_error(format!("descriptor '{name}' requires a 'str' object"))),
        }
    }

    fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
        match as_str(&v) {
            Some(s) => Ok(s.to_owned()),
            None => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
        }
    }

    fn join(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let sep = this(vm, args, "join")?;
        let it = arg(vm, args, 1, "join")?;
        let items = vm.collect_iterable(it)?;
        let mut out = String::new();
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match as_str(v) {
                Some(s) => out.push_str(s),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        vm.type_name(*v)
                    )))
                }
            }
        }
        vm.new_string(out)
    }

    fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let s = this(vm, args, "format")?;
        crate::format::str_format(vm, &s, &args[1..], kw)
    }

    fn encode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "encode")?;
        vm.new_bytes(s.into_bytes())
    }

    fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let s = this(vm, args, "split")?;
        let sep = args.get(1).copied().or_else(|| crate::class::kwarg(kw, "sep")).filter(|v| !v.is_none());
        let maxsplit = match args.get(2).copied().or_else(|| crate::class::kwarg(kw, "maxsplit")) {
            Some(m) => vm.to_index(m)?,
            None => -1,
        };
        let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
        let parts: Vec<String> = match sep {
            None => {
                let mut out = Vec::new();
                let mut rest = s.trim_start();
                while !rest.is_empty() {
                    if out.len() == limit {
                        out.push(rest.to_owned());
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_owned());
                    rest = rest[end..].trim_start();
                }
                out
            }
            Some(sepv) => {
                let sep = str_arg(vm, sepv, "sep")?;
                if sep.is_empty() {
                    return Err(vm.value_error("empty separator"));
                }
                s.splitn(limit.saturating_add(1), sep.as_str()).map(str::to_owned).collect()
            }
        };
        let mut items = Vec::with_capacity(parts.len());
        for p in parts {
            let v = vm.new_string(p)?;
            vm.temp_roots.push(v);
            items.push(v);
        }
        vm.temp_roots.truncate(vm.temp_roots.len() - items.len());
        vm.new_list(items)
    }

    fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> R {
        let s = this(vm, args, name)?;
        let chars = match args.get(1).copied().filter(|v| !v.is_none()) {
            Some(c) => Some(str_arg(vm, c, "strip arg")?),
            None => None,
        };
        let pred = |c: char| match &chars {
            Some(set) => set.contains(c),
            None => c.is_whitespace(),
        };
        let mut r: &str = &s;
        if left {
            r = r.trim_start_matches(pred);
        }
        if right {
            r = r.trim_end_matches(pred);
        }
        if r.len() == s.len() {
            return Ok(args[0]);
        }
        let r = r.to_owned();
        vm.new_string(r)
    }

    fn strip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        strip_impl(vm, args, "strip", true, true)
    }
    fn lstrip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        strip_impl(vm, args, "lstrip", true, false)
    }
    fn rstrip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        strip_impl(vm, args, "rstrip", false, true)
    }

    fn affix(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> R {
        let s = this(vm, args, name)?;
        let a = arg(vm, args, 1, name)?;
        let cands: Vec<Value> = match a.downcast::<crate::obj::TupleObj>() {
            Some(t) => t.items.to_vec(),
            None => vec![a],
        };
        for c in cands {
            let c = str_arg(vm, c, name)?;
            if (prefix && s.starts_with(c.as_str())) || (!prefix && s.ends_with(c.as_str())) {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    }

    fn startswith(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        affix(vm, args, "startswith", true)
    }
    fn endswith(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        affix(vm, args, "endswith", false)
    }

    fn replace(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "replace")?;
        let old = arg(vm, args, 1, "replace")?;
        let old = str_arg(vm, old, "replace() argument 1")?;
        let new = arg(vm, args, 2, "replace")?;
        let new = str_arg(vm, new, "replace() argument 2")?;
        let count = match args.get(3) {
            Some(&c) => vm.to_index(c)?,
            None => -1,
        };
        let r = if count < 0 { s.replace(&old, &new) } else { s.replacen(&old, &new, count as usize) };
        vm.new_string(r)
    }

    fn upper(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "upper")?;
        vm.new_string(s.to_uppercase())
    }
    fn lower(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "lower")?;
        vm.new_string(s.to_lowercase())
    }

    fn find(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let s = this(vm, args, "find")?;
        let sub = arg(vm, args, 1, "find")?;
        let sub = str_arg(vm, sub, "find() argument")?;
        match s.find(sub.as_str()) {
            Some(b) => vm.new_int(s[..b].chars().count() as i64),
            None => Ok(Value::small_int(-1)),
        }
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let t = vm.types.str_;
        vm.add_methods(
            t,
            &[
                ("join", join),
                ("format", format),
                ("encode", encode),
                ("split", split),
                ("strip", strip),
                ("lstrip", lstrip),
                ("rstrip", rstrip),
                ("startswith", startswith),
                ("endswith", endswith),
                ("replace", replace),
                ("upper", upper),
                ("lower", lower),
                ("find", find),
            ],
        )
    }
}

pub use methods::install;

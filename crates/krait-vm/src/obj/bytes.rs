//! `bytes` and `bytearray`: byte strings, immutable and mutable.
//!
//! Both types share every text-like method (`find`, `split`, `strip`, `replace`,
//! `hex`, `decode`, ...; ASCII semantics for the case and class predicates);
//! `bytearray` adds the mutators (`append`, `extend`, `insert`, `pop`, ...). A
//! method of a `bytearray` returns a new `bytearray`; one of `bytes` returns the
//! object itself when nothing changes.

use crate::error::{PyErr, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::array::reserve_bytes;
use crate::obj::str::{adjust_range, arg_or_kw, as_str, check_args, is_str, opt_index, vec_with_room};
use crate::obj::{ListObj, TupleObj, TypeObj};
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

/// The payload of both `bytes` (kind `Bytes`) and `bytearray` (kind `ByteArray`).
pub struct BytesObj {
    pub data: Vec<u8>,
}

impl PyObj for BytesObj {
    const KIND: ObjKind = ObjKind::Bytes;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.data.capacity()
    }
}

/// `bytearray`: same layout, separate kind so type checks stay one compare.
pub struct ByteArrayObj {
    pub data: Vec<u8>,
}

impl PyObj for ByteArrayObj {
    const KIND: ObjKind = ObjKind::ByteArray;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.data.capacity()
    }
}

// ---- byte-string algorithms (also used by other buffer types) ----

/// First occurrence of `n` in `h`.
pub fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    match n.len() {
        0 => return Some(0),
        1 => return h.iter().position(|&b| b == n[0]),
        k if k > h.len() => return None,
        _ => {}
    }
    let (first, rest) = (n[0], &n[1..]);
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(p) => {
                i += p;
                if &h[i + 1..i + n.len()] == rest {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

/// Last occurrence of `n` in `h`.
pub fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    let mut end = h.len() - n.len() + 1;
    while end > 0 {
        match h[..end].iter().rposition(|&b| b == first) {
            None => return None,
            Some(i) => {
                if &h[i..i + n.len()] == n {
                    return Some(i);
                }
                end = i;
            }
        }
    }
    None
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, at most `max`.
pub fn count_sub(h: &[u8], n: &[u8], max: usize) -> usize {
    let (mut c, mut i) = (0, 0);
    while c < max {
        match find_sub(&h[i..], n) {
            Some(p) => {
                c += 1;
                i += p + n.len();
            }
            None => break,
        }
    }
    c
}

/// `bytes.isspace` for one byte.
#[inline]
pub fn bspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ---- receivers and arguments ----

#[derive(Copy, Clone)]
enum Recv {
    Bytes(Gc<BytesObj>),
    Array(Gc<ByteArrayObj>),
}

impl Recv {
    #[inline]
    fn data(&self) -> &[u8] {
        match self {
            Recv::Bytes(b) => &b.data,
            Recv::Array(b) => &b.data,
        }
    }

    fn value(&self) -> Value {
        match self {
            Recv::Bytes(b) => b.value(),
            Recv::Array(b) => b.value(),
        }
    }

    fn is_array(&self) -> bool {
        matches!(self, Recv::Array(_))
    }

    /// A new object of the receiver's type.
    fn make(&self, vm: &mut Vm, data: Vec<u8>) -> PyResult<Value> {
        match self {
            Recv::Bytes(_) => vm.new_bytes(data),
            Recv::Array(_) => vm.new_bytearray(data),
        }
    }

    /// A part of the receiver's data as a new object (the receiver itself for an
    /// unchanged `bytes`).
    fn part(&self, vm: &mut Vm, part: &[u8]) -> PyResult<Value> {
        if !self.is_array() && part.len() == self.data().len() {
            return Ok(self.value());
        }
        self.make(vm, part.to_vec())
    }
}

fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Recv> {
    let v = match args.first() {
        Some(&v) => vm.builtin_receiver(v),
        None => return Err(vm.type_error(format!("unbound method {name}() needs an argument"))),
    };
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(Recv::Bytes(b));
    }
    if let Some(b) = v.downcast::<ByteArrayObj>() {
        return Ok(Recv::Array(b));
    }
    Err(vm.type_error(format!("descriptor '{name}' requires a 'bytes' object but received a '{}'", vm.type_name(v))))
}

fn not_bytes(vm: &mut Vm, v: Value) -> PyErr {
    if is_str(v) {
        return vm.type_error("can't convert 'str' object to bytes implicitly");
    }
    vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))
}

/// A bytes-like argument's bytes (copied).
fn buf_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::buffer::buffer_bytes(vm, v) {
        Some(d) => Ok(d),
        None => Err(not_bytes(vm, v)),
    }
}

/// A byte value 0..=255 from an int.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = match as_num(&v) {
        Some(Num::Int(i)) if !v.is_float() => i,
        Some(Num::Big(_)) => i64::MAX,
        _ => {
            if v.is_float() || is_str(v) || !v.is_kind(ObjKind::Instance) {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
            }
            vm.to_index(v)?
        }
    };
    if !(0..=255).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The `sub` argument of `find`/`count`/...: bytes-like or an int byte value.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if matches!(as_num(&v), Some(Num::Int(_) | Num::Big(_))) && !v.is_float() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    buf_arg(vm, v)
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("can't convert float to int"));
    }
    vm.to_index(v)
}

type R = PyResult<Value>;

// ---- searching ----

/// `(sub, start, end)` arguments of the search methods; `None` for an empty range.
fn search_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Vec<u8>, usize, usize, bool)> {
    check_args(vm, args, kw, 2, 4, false)?;
    let sub = sub_arg(vm, args[1])?;
    let start = opt_index(vm, args.get(2).copied())?;
    let end = opt_index(vm, args.get(3).copied())?;
    let r = recv(vm, args, "find")?;
    let (s, e) = adjust_range(start, end, r.data().len());
    Ok((sub, s, e, s <= e))
}

fn find_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool, raise: bool) -> R {
    let (sub, s, e, ok) = search_args(vm, args, kw)?;
    let r = recv(vm, args, name)?;
    let found = if ok {
        let hay = &r.data()[s..e];
        if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) }.map(|p| s + p)
    } else {
        None
    };
    match found {
        Some(i) => vm.new_int(i as i64),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::small_int(-1)),
    }
}

fn find(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    find_impl(vm, args, kw, "find", false, false)
}
fn rfind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    find_impl(vm, args, kw, "rfind", true, false)
}
fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    find_impl(vm, args, kw, "index", false, true)
}
fn rindex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    find_impl(vm, args, kw, "rindex", true, true)
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (sub, s, e, ok) = search_args(vm, args, kw)?;
    let r = recv(vm, args, "count")?;
    let n = match ok {
        false => 0,
        true if sub.is_empty() => e - s + 1,
        true => count_sub(&r.data()[s..e], &sub, usize::MAX),
    };
    vm.new_int(n as i64)
}

fn tailmatch(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, at_end: bool) -> R {
    check_args(vm, args, kw, 2, 4, false)?;
    let a = args[1];
    let cands: Vec<Vec<u8>> = if let Some(t) = a.downcast::<TupleObj>() {
        let mut out = Vec::with_capacity(t.items().len());
        for &x in t.items().iter() {
            out.push(buf_arg(vm, x)?);
        }
        out
    } else if crate::buffer::is_buffer(vm, a) {
        vec![buf_arg(vm, a)?]
    } else {
        return Err(
            vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(a)))
        );
    };
    let start = opt_index(vm, args.get(2).copied())?;
    let end = opt_index(vm, args.get(3).copied())?;
    let r = recv(vm, args, name)?;
    let (s, e) = adjust_range(start, end, r.data().len());
    if s > e {
        return Ok(Value::FALSE);
    }
    let hay = &r.data()[s..e];
    let hit = cands.iter().any(|c| if at_end { hay.ends_with(c) } else { hay.starts_with(c) });
    Ok(Value::bool(hit))
}

fn startswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    tailmatch(vm, args, kw, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    tailmatch(vm, args, kw, "endswith", true)
}

// ---- splitting and joining ----

fn split_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Option<Vec<u8>>, usize)> {
    check_args(vm, args, kw, 1, 3, true)?;
    let sep = match arg_or_kw(args, kw, 1, "sep").filter(|v| !v.is_none()) {
        Some(v) => {
            let s = buf_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        None => None,
    };
    let maxsplit = match arg_or_kw(args, kw, 2, "maxsplit") {
        Some(m) => int_arg(vm, m)?,
        None => -1,
    };
    Ok((sep, if maxsplit < 0 { usize::MAX } else { maxsplit as usize }))
}

fn list_of_parts(vm: &mut Vm, r: Recv, spans: &[(usize, usize)]) -> R {
    let mut items = Vec::with_capacity(spans.len());
    for &(a, b) in spans {
        let v = r.part(vm, &r.data()[a..b])?;
        items.push(v);
    }
    vm.new_list(items)
}

fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (sep, limit) = split_args(vm, args, kw)?;
    let r = recv(vm, args, "split")?;
    let d = r.data();
    let mut spans = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            while i < d.len() {
                while i < d.len() && bspace(d[i]) {
                    i += 1;
                }
                if i == d.len() {
                    break;
                }
                if spans.len() == limit {
                    spans.push((i, d.len()));
                    break;
                }
                let j = i;
                while i < d.len() && !bspace(d[i]) {
                    i += 1;
                }
                spans.push((j, i));
            }
        }
        Some(sep) => {
            let mut i = 0;
            while spans.len() < limit {
                match find_sub(&d[i..], &sep) {
                    Some(p) => {
                        spans.push((i, i + p));
                        i += p + sep.len();
                    }
                    None => break,
                }
            }
            spans.push((i, d.len()));
        }
    }
    list_of_parts(vm, r, &spans)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (sep, limit) = split_args(vm, args, kw)?;
    let r = recv(vm, args, "rsplit")?;
    let d = r.data();
    let mut spans = Vec::new();
    match sep {
        None => {
            let mut i = d.len();
            while i > 0 {
                while i > 0 && bspace(d[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if spans.len() == limit {
                    spans.push((0, i));
                    break;
                }
                let j = i;
                while i > 0 && !bspace(d[i - 1]) {
                    i -= 1;
                }
                spans.push((i, j));
            }
        }
        Some(sep) => {
            let mut end = d.len();
            while spans.len() < limit {
                match rfind_sub(&d[..end], &sep) {
                    Some(p) => {
                        spans.push((p + sep.len(), end));
                        end = p;
                    }
                    None => break,
                }
            }
            spans.push((0, end));
        }
    }
    spans.reverse();
    list_of_parts(vm, r, &spans)
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2, true)?;
    let keepends = match arg_or_kw(args, kw, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let r = recv(vm, args, "splitlines")?;
    let d = r.data();
    let mut spans = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        let n = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if n == 0 {
            i += 1;
            continue;
        }
        spans.push((start, if keepends { i + n } else { i }));
        i += n;
        start = i;
    }
    if start < d.len() {
        spans.push((start, d.len()));
    }
    list_of_parts(vm, r, &spans)
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let sep = buf_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let r = recv(vm, args, name)?;
    let d = r.data();
    let found = if rev { rfind_sub(d, &sep) } else { find_sub(d, &sep) };
    let items = match found {
        Some(i) => {
            let a = r.make(vm, d[..i].to_vec())?;
            let s = r.make(vm, sep.clone())?;
            let c = r.make(vm, d[i + sep.len()..].to_vec())?;
            vec![a, s, c]
        }
        None => {
            let whole = r.part(vm, d)?;
            let e1 = r.make(vm, Vec::new())?;
            let e2 = r.make(vm, Vec::new())?;
            if rev {
                vec![e1, e2, whole]
            } else {
                vec![whole, e1, e2]
            }
        }
    };
    vm.new_tuple(items)
}

fn partition(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    partition_impl(vm, args, kw, "partition", false)
}
fn rpartition(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let it = args[1];
    let items: Vec<Value> = if let Some(l) = it.downcast::<ListObj>() {
        l.items.clone()
    } else if let Some(t) = it.downcast::<TupleObj>() {
        t.items().to_vec()
    } else {
        vm.collect_iterable(it)?
    };
    let r = recv(vm, args, "join")?;
    let sep_len = r.data().len();
    let mut total = sep_len.saturating_mul(items.len().saturating_sub(1));
    for &v in &items {
        match crate::buffer::buffer_len(vm, v) {
            Some(n) if !is_str(v) => total = total.saturating_add(n),
            _ => {
                return Err(vm.type_error("join expects a list of str/bytes objects consistent with self object"));
            }
        }
    }
    let mut out = vec_with_room(vm, total)?;
    for (i, &v) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(r.data());
        }
        crate::buffer::with_buffer(vm, v, |d| out.extend_from_slice(d));
    }
    r.make(vm, out)
}

// ---- stripping, padding, replacing ----

fn strip_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, left: bool, right: bool) -> R {
    check_args(vm, args, kw, 1, 2, false)?;
    let set = match args.get(1).copied().filter(|v| !v.is_none()) {
        Some(v) => Some(buf_arg(vm, v)?),
        None => None,
    };
    let r = recv(vm, args, name)?;
    let d = r.data();
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => bspace(b),
    };
    let (mut i, mut j) = (0, d.len());
    if left {
        while i < j && strip(d[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(d[j - 1]) {
            j -= 1;
        }
    }
    r.part(vm, &d[i..j])
}

fn strip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    strip_impl(vm, args, kw, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    strip_impl(vm, args, kw, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn removeaffix(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, prefix: bool) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = buf_arg(vm, args[1])?;
    let r = recv(vm, args, name)?;
    let d = r.data();
    let rest = if prefix { d.strip_prefix(a.as_slice()) } else { d.strip_suffix(a.as_slice()) };
    r.part(vm, rest.unwrap_or(d))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    removeaffix(vm, args, kw, "removeprefix", true)
}
fn removesuffix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    removeaffix(vm, args, kw, "removesuffix", false)
}

/// `center` (`how` 0), `ljust` (< 0), `rjust` (> 0).
fn justify(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, how: i8) -> R {
    check_args(vm, args, kw, 2, 3, false)?;
    let width = int_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&f) => match crate::buffer::buffer_bytes(vm, f) {
            Some(d) if d.len() == 1 && !is_str(f) => d[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )))
            }
        },
    };
    let r = recv(vm, args, name)?;
    let n = r.data().len();
    if width <= n as i64 {
        return r.part(vm, r.data());
    }
    let marg = width as usize - n;
    let (left, right) = match how {
        0 => {
            let l = marg / 2 + (marg & width as usize & 1);
            (l, marg - l)
        }
        h if h < 0 => (0, marg),
        _ => (marg, 0),
    };
    let mut out = vec_with_room(vm, width as usize)?;
    out.resize(left, fill);
    out.extend_from_slice(r.data());
    out.resize(left + n + right, fill);
    r.make(vm, out)
}

fn center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    justify(vm, args, kw, "center", 0)
}
fn ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    justify(vm, args, kw, "ljust", -1)
}
fn rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    justify(vm, args, kw, "rjust", 1)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let width = int_arg(vm, args[1])?;
    let r = recv(vm, args, "zfill")?;
    let d = r.data();
    if width <= d.len() as i64 {
        return r.part(vm, d);
    }
    let fill = width as usize - d.len();
    let mut out = vec_with_room(vm, width as usize)?;
    let (sign, rest) = match d.first() {
        Some(b'+') | Some(b'-') => d.split_at(1),
        _ => (&d[..0], d),
    };
    out.extend_from_slice(sign);
    out.resize(sign.len() + fill, b'0');
    out.extend_from_slice(rest);
    r.make(vm, out)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2, true)?;
    let tab = match arg_or_kw(args, kw, 1, "tabsize") {
        Some(v) => int_arg(vm, v)?.max(0) as usize,
        None => 8,
    };
    let r = recv(vm, args, "expandtabs")?;
    let d = r.data();
    let (mut col, mut total) = (0usize, 0usize);
    for &b in d {
        match b {
            b'\t' if tab > 0 => {
                let k = tab - col % tab;
                col += k;
                total = total.saturating_add(k);
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                col = 0;
                total += 1;
            }
            _ => {
                col += 1;
                total += 1;
            }
        }
    }
    let mut out = vec_with_room(vm, total)?;
    col = 0;
    for &b in d {
        match b {
            b'\t' if tab > 0 => {
                let k = tab - col % tab;
                col += k;
                out.resize(out.len() + k, b' ');
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                col = 0;
                out.push(b);
            }
            _ => {
                col += 1;
                out.push(b);
            }
        }
    }
    r.make(vm, out)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 4, true)?;
    let old = buf_arg(vm, args[1])?;
    let new = buf_arg(vm, args[2])?;
    let count = match arg_or_kw(args, kw, 3, "count") {
        Some(c) => int_arg(vm, c)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let r = recv(vm, args, "replace")?;
    let d = r.data();
    if old.is_empty() {
        let k = limit.min(d.len() + 1);
        if k == 0 {
            return r.part(vm, d);
        }
        let mut out = vec_with_room(vm, d.len().saturating_add(k.saturating_mul(new.len())))?;
        for (i, &b) in d.iter().enumerate() {
            if i < k {
                out.extend_from_slice(&new);
            }
            out.push(b);
        }
        if k > d.len() {
            out.extend_from_slice(&new);
        }
        return r.make(vm, out);
    }
    let m = count_sub(d, &old, limit);
    if m == 0 {
        return r.part(vm, d);
    }
    let size = (d.len() - m * old.len()).saturating_add(m.saturating_mul(new.len()));
    let mut out = vec_with_room(vm, size)?;
    let mut i = 0;
    for _ in 0..m {
        let Some(p) = find_sub(&d[i..], &old) else { break };
        out.extend_from_slice(&d[i..i + p]);
        out.extend_from_slice(&new);
        i += p + old.len();
    }
    out.extend_from_slice(&d[i..]);
    r.make(vm, out)
}

// ---- case and classes (ASCII) ----

fn map_bytes(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let r = recv(vm, args, name)?;
    let out = f(r.data());
    if !r.is_array() && out == r.data() {
        return Ok(r.value());
    }
    r.make(vm, out)
}

fn lower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    map_bytes(vm, args, kw, "lower", |d| d.to_ascii_lowercase())
}
fn upper(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    map_bytes(vm, args, kw, "upper", |d| d.to_ascii_uppercase())
}
fn swapcase(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    map_bytes(vm, args, kw, "swapcase", |d| {
        d.iter()
            .map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
            .collect()
    })
}
fn capitalize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    map_bytes(vm, args, kw, "capitalize", |d| {
        let mut out = d.to_ascii_lowercase();
        if let Some(f) = out.first_mut() {
            *f = f.to_ascii_uppercase();
        }
        out
    })
}
fn title(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    map_bytes(vm, args, kw, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&b| {
                let o = if prev { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev = b.is_ascii_alphabetic();
                o
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(&[u8]) -> bool) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let r = recv(vm, args, name)?;
    Ok(Value::bool(f(r.data())))
}

fn isalpha(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
fn isalnum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
fn isdigit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
fn isspace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isspace", |d| !d.is_empty() && d.iter().all(|&b| bspace(b)))
}
fn isascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isascii", |d| d.is_ascii())
}
fn islower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
fn isupper(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
fn istitle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    pred(vm, args, kw, "istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

// ---- hex, decode, translate ----

/// `hex([sep[, bytes_per_sep]])` of `data` (shared with memoryview).
pub fn hex_impl(vm: &mut Vm, data: &[u8], args: &[Value], kw: &[Value]) -> R {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match arg_or_kw(args, kw, 0, "sep") {
        None => None,
        Some(v) => {
            let s = if let Some(s) = crate::obj::str::as_wtf8(&v) {
                s.to_vec()
            } else {
                match crate::buffer::buffer_bytes(vm, v) {
                    Some(d) => d,
                    None => return Err(vm.type_error("sep must be str or bytes.")),
                }
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match arg_or_kw(args, kw, 1, "bytes_per_sep") {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let group = per.unsigned_abs() as usize;
    let seps = match (sep, group) {
        (Some(_), g) if g > 0 && !data.is_empty() => (data.len() - 1) / g,
        _ => 0,
    };
    let mut out = crate::obj::str::string_with_room(vm, data.len().saturating_mul(2).saturating_add(seps))?;
    let n = data.len();
    for (i, &b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, group > 0 && i > 0) {
            // Groups are counted from the right for a positive `bytes_per_sep`.
            let boundary = if per > 0 { (n - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(s as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    vm.new_string(out)
}

fn hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 3, true)?;
    let r = recv(vm, args, "hex")?;
    let d = r.data().to_vec();
    hex_impl(vm, &d, &args[1..], kw)
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)` (a class method).
fn fromhex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let sv = args[1];
    // (Lone surrogates are just not hex digits.)
    let Some(b) = crate::obj::str::as_wtf8(&sv) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(sv))));
    };
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < b.len() {
        if b[i].is_ascii_whitespace() || b[i] == 0x0b {
            i += 1;
            continue;
        }
        match (digit(b[i]), b.get(i + 1).and_then(|&c| digit(c))) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(vm.value_error("non-hex digit")),
        }
        i += 2;
    }
    let cls = args[0].downcast::<TypeObj>();
    match cls {
        Some(t) if t == vm.types.bytearray => vm.new_bytearray(out),
        Some(t) if t == vm.types.bytes => vm.new_bytes(out),
        Some(t) => {
            let is_ba = t.is_subtype(vm.types.bytearray);
            let v = if is_ba { vm.new_bytearray(out)? } else { vm.new_bytes(out)? };
            vm.call_type(t, &[v], &[])
        }
        None => vm.new_bytes(out),
    }
}

fn decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 3, true)?;
    let enc = match arg_or_kw(args, kw, 1, "encoding") {
        Some(e) => match crate::obj::str_surrogates::utf8(vm, &e)? {
            Some(s) => s.to_owned(),
            None => {
                return Err(vm.type_error(format!("decode() argument 'encoding' must be str, not {}", vm.type_name(e))))
            }
        },
        None => "utf-8".to_owned(),
    };
    let errors = match arg_or_kw(args, kw, 2, "errors") {
        Some(e) => match crate::obj::str_surrogates::utf8(vm, &e)? {
            Some(s) => Some(s.to_owned()),
            None => {
                return Err(vm.type_error(format!("decode() argument 'errors' must be str, not {}", vm.type_name(e))))
            }
        },
        None => None,
    };
    let r = recv(vm, args, "decode")?;
    let d = r.data().to_vec();
    crate::obj::str::decode(vm, &d, &enc, errors.as_deref())
}

fn translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 3, true)?;
    let table = match args[1] {
        t if t.is_none() => None,
        t => {
            let d = buf_arg(vm, t)?;
            if d.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(d)
        }
    };
    let delete = match arg_or_kw(args, kw, 2, "delete") {
        Some(v) => buf_arg(vm, v)?,
        None => Vec::new(),
    };
    let r = recv(vm, args, "translate")?;
    let mut del = [false; 256];
    for &b in &delete {
        del[b as usize] = true;
    }
    let out: Vec<u8> = r
        .data()
        .iter()
        .filter(|&&b| !del[b as usize])
        .map(|&b| match &table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    if !r.is_array() && out == r.data() {
        return Ok(r.value());
    }
    r.make(vm, out)
}

/// `bytes.maketrans(from, to)` (a static method).
fn maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let from = buf_arg(vm, args[0])?;
    let to = buf_arg(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (&a, &b) in from.iter().zip(to.iter()) {
        t[a as usize] = b;
    }
    vm.new_bytes(t)
}

// ---- bytearray mutators ----

fn this_ba(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<ByteArrayObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<ByteArrayObj>()) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object"))),
    }
}

/// Grow a bytearray by `bytes` at position `at` (the end when `None`), charging the heap.
fn ba_insert(vm: &mut Vm, b: Gc<ByteArrayObj>, at: Option<usize>, bytes: &[u8]) -> PyResult<()> {
    let mut data = std::mem::take(&mut b.get_mut().data);
    let r = reserve_bytes(vm, &mut data, bytes.len());
    if r.is_ok() {
        match at {
            None => data.extend_from_slice(bytes),
            Some(i) => {
                let i = i.min(data.len());
                data.splice(i..i, bytes.iter().copied());
            }
        }
    }
    b.get_mut().data = data;
    r
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let b = this_ba(vm, args, "append")?;
    let x = byte_value(vm, args[1])?;
    ba_insert(vm, b, None, &[x])?;
    Ok(Value::NONE)
}

/// Bytes from a buffer or an iterable of ints (`extend`, `bytearray(...)`).
pub fn bytes_from(vm: &mut Vm, src: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = crate::buffer::buffer_bytes(vm, src) {
        return Ok(d);
    }
    if is_str(src) {
        return Err(vm.type_error("can't extend bytearray with str"));
    }
    let items = vm.collect_iterable(src)?;
    let mut out = vec_with_room(vm, items.len())?;
    // An item's `__index__` may run Python code (and collect): keep the items rooted.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = (|| {
        for &v in &items {
            out.push(match byte_value(vm, v) {
                Ok(b) => b,
                Err(e) if vm.exc_matches(e, crate::error::ExcKind::ValueError) => {
                    return Err(vm.value_error("bytes must be in range(0, 256)"))
                }
                Err(e) => return Err(e),
            });
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r?;
    Ok(out)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let b = this_ba(vm, args, "extend")?;
    let d = bytes_from(vm, args[1])?;
    ba_insert(vm, b, None, &d)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 3, false)?;
    let b = this_ba(vm, args, "insert")?;
    let i = int_arg(vm, args[1])?;
    let x = byte_value(vm, args[2])?;
    let n = b.data.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    ba_insert(vm, b, Some(pos), &[x])?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2, false)?;
    let b = this_ba(vm, args, "pop")?;
    let i = match args.get(1) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let n = b.data.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::small_int(b.get_mut().data.remove(j as usize) as i64))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let b = this_ba(vm, args, "remove")?;
    let x = byte_value(vm, args[1])?;
    match b.data.iter().position(|&y| y == x) {
        Some(i) => {
            b.get_mut().data.remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let b = this_ba(vm, args, "clear")?;
    b.get_mut().data.clear();
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let b = this_ba(vm, args, "copy")?;
    let d = b.data.clone();
    vm.new_bytearray(d)
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let b = this_ba(vm, args, "reverse")?;
    b.get_mut().data.reverse();
    Ok(Value::NONE)
}

fn ba_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let b = this_ba(vm, args, "__init__")?;
    let d = init_data(vm, &args[1..], kw, "bytearray")?;
    let old = b.data.capacity();
    vm.charge(d.capacity().saturating_sub(old))?;
    b.get_mut().data = d;
    Ok(Value::NONE)
}

// ---- constructors ----

/// The initial contents of `bytes(...)` / `bytearray(...)`.
pub fn init_data(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<Vec<u8>> {
    if args.len() + kw.len() / 2 > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({} given)", args.len() + kw.len() / 2)));
    }
    for p in kw.chunks_exact(2) {
        if !matches!(as_str(&p[0]), Some("source" | "encoding" | "errors")) {
            let k = crate::obj::str_surrogates::kw_name(&p[0]).into_owned();
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    let src = arg_or_kw(args, kw, 0, "source");
    let encoding = arg_or_kw(args, kw, 1, "encoding");
    let errors = arg_or_kw(args, kw, 2, "errors");
    let Some(src) = src else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = crate::obj::str::as_wtf8(&src) {
        let Some(e) = encoding else { return Err(vm.type_error("string argument without an encoding")) };
        let Some(enc) = crate::obj::str_surrogates::utf8(vm, &e)? else {
            return Err(vm.type_error(format!("{name}() argument 'encoding' must be str, not {}", vm.type_name(e))));
        };
        let errs = match errors {
            Some(v) => crate::obj::str_surrogates::utf8(vm, &v)?.map(str::to_owned),
            None => None,
        };
        let (s, enc) = (s.to_owned(), enc.to_owned());
        return crate::obj::str::encode(vm, &s, crate::obj::str::has_surrogates(src), &enc, errs.as_deref());
    }
    if encoding.is_some() || errors.is_some() {
        return Err(vm.type_error(if encoding.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        }));
    }
    match as_num(&src) {
        Some(Num::Float(_)) => {
            return Err(vm.type_error(format!("cannot convert 'float' object to {name}")));
        }
        Some(Num::Int(n)) => {
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            let mut v = vec_with_room(vm, n as usize)?;
            v.resize(n as usize, 0);
            return Ok(v);
        }
        Some(Num::Big(_)) => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        None => {}
    }
    if let Some(d) = crate::buffer::buffer_bytes(vm, src) {
        return Ok(d);
    }
    if name == "bytes" {
        if let Some(r) = vm.call_special(src, krait_syntax::Qstr::new("__bytes__"), &[])? {
            return match vm.bytes_data(r) {
                Some(d) if r.is_kind(ObjKind::Bytes) => Ok(d),
                _ => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(r)))),
            };
        }
    }
    // An int-like object (`__index__`) is a count; anything else must be iterable.
    if src.is_kind(ObjKind::Instance) {
        if let Some(ix) = vm.call_special(src, krait_syntax::q::__index__, &[])? {
            return init_data(vm, &[ix], &[], name);
        }
    }
    if vm.type_of(src).lookup(krait_syntax::q::__iter__).is_none()
        && !matches!(
            src.kind(),
            Some(
                ObjKind::List
                    | ObjKind::Tuple
                    | ObjKind::Dict
                    | ObjKind::Set
                    | ObjKind::Iterator
                    | ObjKind::Generator
                    | ObjKind::Range
            )
        )
        && vm.type_of(src).lookup(krait_syntax::q::__getitem__).is_none()
        && !src.is_kind(ObjKind::Instance)
    {
        return Err(vm.type_error(format!("cannot convert '{}' object to {name}", vm.type_name(src))));
    }
    bytes_from(vm, src)
}

fn bytes_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if args.len() == 1 && kw.is_empty() && args[0].is_kind(ObjKind::Bytes) {
        return Ok(args[0]);
    }
    let d = init_data(vm, args, kw, "bytes")?;
    vm.new_bytes(d)
}

fn bytearray_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let d = init_data(vm, args, kw, "bytearray")?;
    vm.new_bytearray(d)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let shared: &[(&str, crate::obj::NativeFn)] = &[
        ("capitalize", capitalize),
        ("center", center),
        ("count", count),
        ("decode", decode),
        ("endswith", endswith),
        ("expandtabs", expandtabs),
        ("find", find),
        ("hex", hex),
        ("index", index),
        ("isalnum", isalnum),
        ("isalpha", isalpha),
        ("isascii", isascii),
        ("isdigit", isdigit),
        ("islower", islower),
        ("isspace", isspace),
        ("istitle", istitle),
        ("isupper", isupper),
        ("join", join),
        ("ljust", ljust),
        ("lower", lower),
        ("lstrip", lstrip),
        ("partition", partition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("replace", replace),
        ("rfind", rfind),
        ("rindex", rindex),
        ("rjust", rjust),
        ("rpartition", rpartition),
        ("rsplit", rsplit),
        ("rstrip", rstrip),
        ("split", split),
        ("splitlines", splitlines),
        ("startswith", startswith),
        ("strip", strip),
        ("swapcase", swapcase),
        ("title", title),
        ("translate", translate),
        ("upper", upper),
        ("zfill", zfill),
    ];
    let (tb, tba) = (vm.types.bytes, vm.types.bytearray);
    for t in [tb, tba] {
        vm.add_methods(t, shared)?;
        let f = vm.new_builtin_fn("fromhex", fromhex)?;
        let cm = vm.alloc(crate::obj::descriptor::ClassMethodObj { func: f })?;
        vm.add_class_attr(t, "fromhex", cm.value());
        let f = vm.new_builtin_fn("maketrans", maketrans)?;
        let sm = vm.alloc(crate::obj::descriptor::StaticMethodObj { func: f })?;
        vm.add_class_attr(t, "maketrans", sm.value());
    }
    vm.add_methods(
        tba,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("clear", clear),
            ("copy", copy),
            ("reverse", reverse),
            ("__init__", ba_init),
        ],
    )?;
    vm.set_make_new(tb, bytes_new);
    vm.set_make_new(tba, bytearray_new);
    Ok(())
}

//! Lone surrogates in `str`: the operations on strs that hold them, kept apart
//! from the UTF-8 paths so that those cost what they did before.
//!
//! Such a str keeps generalized UTF-8 (`krait_syntax::wtf8`) and is marked in
//! its `StrObj`; `obj::str::as_str` gives `None` for it, and the code below
//! works on its bytes (`as_wtf8`). Where a str must be UTF-8 (a name, a path, an
//! encoding, text written to a UTF-8 stream), a surrogate raises
//! `UnicodeEncodeError` ("surrogates not allowed"), as CPython does wherever it
//! converts a str to UTF-8.

use krait_syntax::wtf8::{self, Wtf8Buf};

use crate::error::{PyErr, PyResult};
use crate::obj::str::{as_str, as_wtf8, has_surrogates, unicode_error, CodecInput};
use crate::value::Value;
use crate::vm::Vm;

/// `a + b` for strs of bytes `x` and `y`, one of which holds surrogates.
pub fn concat(vm: &mut Vm, a: Value, b: Value, x: &[u8], y: &[u8]) -> PyResult<Value> {
    if y.is_empty() {
        return Ok(a);
    }
    if x.is_empty() {
        return Ok(b);
    }
    crate::obj::str::check_room(vm, x.len().saturating_add(y.len()))?;
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    vm.new_wtf8(&v)
}

/// The strs `items` concatenated (`BuildString`), when one holds surrogates.
pub fn concat_all(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let mut out = Wtf8Buf::new();
    for v in items {
        match as_str(v) {
            Some(s) => out.push_str(s),
            None => out.push_wtf8(as_wtf8(v).unwrap_or_default()),
        }
    }
    vm.new_wtf8_buf(out)
}

/// The text of str `v`, as UTF-8: `UnicodeEncodeError` if it holds a lone
/// surrogate, `None` if it isn't a str. For arguments that must be UTF-8
/// (names, paths, encodings), as CPython's `PyUnicode_AsUTF8` requires.
#[inline]
pub fn utf8<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Option<&'a str>> {
    match as_str(v) {
        Some(s) => Ok(Some(s)),
        None if has_surrogates(*v) => Err(not_utf8(vm, *v)),
        None => Ok(None),
    }
}

/// `UnicodeEncodeError` for str `v`, which holds a lone surrogate, given where
/// UTF-8 is needed: "'utf-8' codec can't encode character '\ud800' in position
/// 0: surrogates not allowed".
pub fn not_utf8(vm: &mut Vm, v: Value) -> PyErr {
    not_utf8_bytes(vm, as_wtf8(&v).unwrap_or_default())
}

/// `not_utf8` of a str's bytes.
pub fn not_utf8_bytes(vm: &mut Vm, b: &[u8]) -> PyErr {
    let (start, end) = first_surrogate_run(b).unwrap_or((0, 0));
    unicode_error(vm, "utf-8", CodecInput::Str(b), start, end, "surrogates not allowed")
}

/// Text `b` with each lone surrogate written as its `\udXXX` escape (CPython's
/// `backslashreplace`, which its stderr uses).
pub fn backslash_escaped(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 4);
    for (_, cp) in wtf8::code_points(b) {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => crate::repr::push_code_escape_u32(&mut out, cp),
        }
    }
    out
}

/// A str as a file system name or environment text: UTF-8, lone surrogates
/// `U+DC80..U+DCFF` standing for the bytes `0x80..0xFF` they were decoded from
/// (CPython's `os.fsencode`, `surrogateescape`); any other surrogate is
/// `UnicodeEncodeError`. `None` if `v` isn't a str.
pub fn fs_encode(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(s) = as_str(&v) {
        return Ok(Some(s.as_bytes().to_vec()));
    }
    match as_wtf8(&v) {
        Some(b) => {
            let b = b.to_vec();
            crate::obj::str::encode(vm, &b, true, "utf-8", Some("surrogateescape")).map(Some)
        }
        None => Ok(None),
    }
}

/// `fs_encode` without a VM: `None` for a non-str or an unencodable surrogate.
pub fn fs_bytes(v: &Value) -> Option<Vec<u8>> {
    if let Some(s) = as_str(v) {
        return Some(s.as_bytes().to_vec());
    }
    let b = as_wtf8(v)?;
    let mut out = Vec::with_capacity(b.len());
    for (i, cp) in wtf8::code_points(b) {
        match cp {
            0xDC80..=0xDCFF => out.push((cp - 0xDC00) as u8),
            _ if wtf8::is_surrogate(cp) => return None,
            _ => out.extend_from_slice(&b[i..i + wtf8::char_width(b[i])]),
        }
    }
    Some(out)
}

/// A file system name or environment text as a str: bytes that aren't UTF-8
/// become lone surrogates `U+DC80..U+DCFF` (`os.fsdecode`), so `fs_encode`
/// gives them back.
pub fn fs_decode(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    match std::str::from_utf8(b) {
        Ok(s) => vm.new_str(s),
        Err(_) => crate::obj::str::decode(vm, b, "utf-8", Some("surrogateescape")),
    }
}

/// `TypeError` "`before`'`name`'`after`" about keyword `name`, which holds lone
/// surrogates: the message is a str holding them too, as CPython's.
pub fn keyword_error(vm: &mut Vm, before: &str, name: Value, after: &str) -> PyErr {
    let mut msg = Wtf8Buf::from(before);
    msg.push('\'');
    msg.push_wtf8(as_wtf8(&name).unwrap_or_default());
    msg.push('\'');
    msg.push_str(after);
    let class = vm.types.exc(crate::error::ExcKind::TypeError);
    match vm.new_wtf8_buf(msg).and_then(|m| vm.new_tuple_from(&[m])) {
        Ok(args) => vm.new_exception_args(class, args),
        Err(e) => e,
    }
}

/// A keyword name for a message: its text, lone surrogates backslash-escaped
/// ("" if it isn't a str).
pub fn kw_name(v: &Value) -> std::borrow::Cow<'_, str> {
    match as_str(v) {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(as_wtf8(v).map(backslash_escaped).unwrap_or_default()),
    }
}

/// The first run of surrogates in `b`, as character positions `start..end`.
pub fn first_surrogate_run(b: &[u8]) -> Option<(usize, usize)> {
    let mut start = None;
    for (ci, (_, cp)) in wtf8::code_points(b).enumerate() {
        match (start, wtf8::is_surrogate(cp)) {
            (None, true) => start = Some(ci),
            (Some(s), false) => return Some((s, ci)),
            _ => {}
        }
    }
    start.map(|s| (s, wtf8::count_chars(b)))
}

// ---- str methods on text with surrogates ----
//
// Most str methods never look at a surrogate except as an opaque character: it
// isn't cased, a space, a digit, alphanumeric, printable, part of an identifier
// or a line break, and has no case mapping. Private-use characters of planes 15
// and 16 are all of that too. So a method called with surrogates runs on a copy
// of its text in which each surrogate U+D800+k is the private-use character
// BASE+k, for a 2048-character window at BASE that none of the texts involved
// uses; the method's str results are mapped back. One character stays one
// character, so indices and lengths carry over unchanged.

/// A window of 2048 private-use code points standing for the surrogates.
#[derive(Copy, Clone)]
pub struct SurrogateMap {
    base: u32,
}

/// Where the windows start: planes 15 and 16 (64 windows).
const PRIVATE_USE: u32 = 0xF0000;
const WINDOW: u32 = 0x800;

impl SurrogateMap {
    /// A window none of `texts` uses, or `None` if they use all 64 (which takes
    /// at least 64 characters of planes 15-16 spread over every window).
    pub fn avoiding<'a>(texts: impl IntoIterator<Item = &'a [u8]>) -> Option<SurrogateMap> {
        let mut used = 0u64;
        for t in texts {
            mark_windows(t, &mut used);
        }
        let k = (!used).trailing_zeros();
        (k < 64).then(|| SurrogateMap { base: PRIVATE_USE + k * WINDOW })
    }

    /// The text `b` with its surrogates replaced: UTF-8.
    pub fn map(self, b: &[u8]) -> String {
        let mut out = String::with_capacity(b.len() + b.len() / 3);
        for (_, cp) in wtf8::code_points(b) {
            let cp = if wtf8::is_surrogate(cp) { self.base + (cp - 0xD800) } else { cp };
            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
        }
        out
    }

    /// Does `cp` stand for a surrogate?
    #[inline]
    fn stands_for_surrogate(self, cp: u32) -> bool {
        (self.base..self.base + WINDOW).contains(&cp)
    }

    /// The surrogate `cp` stands for, or `cp` itself.
    #[inline]
    pub fn unmap_code_point(self, cp: u32) -> u32 {
        if self.stands_for_surrogate(cp) {
            cp - self.base + 0xD800
        } else {
            cp
        }
    }

    /// `s` with the surrogates put back, or `None` if it holds none.
    pub fn unmap(self, s: &str) -> Option<Vec<u8>> {
        // The window's characters all start with the same first two bytes.
        let mut lead = [0u8; 4];
        let lead = char::from_u32(self.base).map(|c| c.encode_utf8(&mut lead).as_bytes()[..2].to_vec())?;
        if !s.as_bytes().windows(2).any(|w| w == lead.as_slice()) {
            return None;
        }
        let mut out = Vec::with_capacity(s.len());
        for c in s.chars() {
            wtf8::push_code_point(&mut out, self.unmap_code_point(c as u32));
        }
        Some(out)
    }

    /// `unmap` into a `Wtf8Buf`.
    pub fn unmap_into(self, s: &str, out: &mut Wtf8Buf) {
        match self.unmap(s) {
            Some(b) => out.push_wtf8(&b),
            None => out.push_str(s),
        }
    }
}

/// Mark in `used` the windows that characters of `b` fall in.
fn mark_windows(b: &[u8], used: &mut u64) {
    // Planes 15 and 16 start with `F3 B0..BF` and `F4 80..8F`.
    for (i, w) in b.windows(2).enumerate() {
        if matches!(w, [0xF3, 0xB0..=0xBF] | [0xF4, 0x80..=0x8F]) {
            let (cp, _) = wtf8::code_point_at(b, i);
            *used |= 1 << ((cp - PRIVATE_USE) / WINDOW);
        }
    }
}

/// Might argument `v` of a str method hold a lone surrogate? (A str, a str
/// subclass instance's str, or a tuple of them, as `startswith` takes.)
fn arg_has_surrogates(v: Value) -> bool {
    use crate::gc::ObjKind;
    match v.kind() {
        Some(ObjKind::Str) => has_surrogates(v),
        Some(ObjKind::Tuple) => {
            v.downcast::<crate::obj::TupleObj>().is_some_and(|t| t.items().iter().any(|&x| arg_has_surrogates(x)))
        }
        Some(ObjKind::Instance) => v.downcast::<crate::obj::InstanceObj>().is_some_and(|i| has_surrogates(i.base)),
        _ => false,
    }
}

/// A builtin method's signature.
pub type Method = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

/// Refuse str `v`, which holds lone surrogates, in a str method that reads
/// text as UTF-8: the method returns this error at once, and `call_native`,
/// seeing `Vm::surrogate_retry`, runs it again on mapped text (`call_mapped`).
/// So the methods cost nothing extra when no surrogate is involved: this is
/// where they found no UTF-8 text, a branch they had anyway.
#[cold]
pub fn refuse(vm: &mut Vm, v: Value) -> PyErr {
    vm.surrogate_retry = true;
    not_utf8(vm, v)
}

/// Call native function `f` (every call of a builtin goes through here): a str
/// method that refused lone surrogates (`refuse`) is run again on mapped text.
#[inline(always)]
pub fn call_native(vm: &mut Vm, f: Method, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match f(vm, args, kw) {
        Err(e) if vm.surrogate_retry => retry_mapped(vm, e, f, args, kw),
        r => r,
    }
}

#[cold]
#[inline(never)]
fn retry_mapped(vm: &mut Vm, e: PyErr, f: Method, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.surrogate_retry = false;
    // (The refusal is always for one of the call's own arguments.)
    let involved = args.iter().chain(kw.iter().skip(1).step_by(2)).any(|&v| arg_has_surrogates(v));
    if !involved {
        return Err(e);
    }
    call_mapped(vm, args, kw, f)
}

/// Every text a method may read among `values`, for choosing a window.
fn texts_of(values: &[Value], out: &mut Vec<Value>) {
    use crate::gc::ObjKind;
    for &v in values {
        match v.kind() {
            Some(ObjKind::Tuple) => {
                if let Some(t) = v.downcast::<crate::obj::TupleObj>() {
                    texts_of(t.items(), out);
                }
            }
            Some(ObjKind::Instance) => {
                if let Some(i) = v.downcast::<crate::obj::InstanceObj>() {
                    texts_of(&[i.base], out);
                }
            }
            _ if v.is_qstr() || v.is_kind(ObjKind::Str) => out.push(v),
            _ => {}
        }
    }
}

/// `v` as the method sees it: strs with surrogates mapped (a str subclass
/// instance as its mapped str), tuples of them rebuilt.
fn map_arg(vm: &mut Vm, map: SurrogateMap, v: Value) -> PyResult<Value> {
    use crate::gc::ObjKind;
    match v.kind() {
        Some(ObjKind::Str) if has_surrogates(v) => {
            let s = map.map(as_wtf8(&v).unwrap_or_default());
            vm.new_string(s)
        }
        Some(ObjKind::Instance) => match v.downcast::<crate::obj::InstanceObj>() {
            Some(i) if has_surrogates(i.base) => map_arg(vm, map, i.base),
            _ => Ok(v),
        },
        Some(ObjKind::Tuple) if arg_has_surrogates(v) => {
            let items = v.downcast::<crate::obj::TupleObj>().map(|t| t.items().to_vec()).unwrap_or_default();
            let mut mapped = Vec::with_capacity(items.len());
            for x in items {
                let m = map_arg(vm, map, x)?;
                vm.temp_roots.push(m);
                mapped.push(m);
            }
            vm.temp_roots.truncate(vm.temp_roots.len() - mapped.len());
            vm.new_tuple(mapped)
        }
        _ => Ok(v),
    }
}

/// A method's result with the surrogates put back in its strs (and in those of
/// a list or tuple of them); `receiver` if it is the receiver's mapped text.
fn unmap_result(vm: &mut Vm, map: SurrogateMap, r: Value, mapped_receiver: Value, receiver: Value) -> PyResult<Value> {
    use crate::gc::ObjKind;
    if r == mapped_receiver {
        return Ok(receiver);
    }
    match r.kind() {
        Some(ObjKind::Str) => match as_str(&r).and_then(|s| map.unmap(s)) {
            Some(b) => vm.new_wtf8(&b),
            None => Ok(r),
        },
        Some(ObjKind::List) => {
            // A fresh list the method made (split and friends): fixed in place.
            let Some(l) = r.downcast::<crate::obj::ListObj>() else { return Ok(r) };
            vm.temp_roots.push(r);
            for i in 0..l.items.len() {
                let x = l.items[i];
                let y = unmap_result(vm, map, x, mapped_receiver, receiver);
                match y {
                    Ok(y) => l.get_mut().items[i] = y,
                    Err(e) => {
                        vm.temp_roots.pop();
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.pop();
            Ok(r)
        }
        Some(ObjKind::Tuple) => {
            let items = r.downcast::<crate::obj::TupleObj>().map(|t| t.items().to_vec()).unwrap_or_default();
            vm.temp_roots.push(r);
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                match unmap_result(vm, map, x, mapped_receiver, receiver) {
                    Ok(y) => {
                        vm.temp_roots.push(y);
                        out.push(y);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(vm.temp_roots.len() - out.len() - 1);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(vm.temp_roots.len() - out.len() - 1);
            vm.new_tuple(out)
        }
        _ => Ok(r),
    }
}

/// Call str method `f` on mapped texts (see above) and map its result back.
fn call_mapped(vm: &mut Vm, args: &[Value], kw: &[Value], f: Method) -> PyResult<Value> {
    let mut texts = Vec::new();
    texts_of(args, &mut texts);
    for p in kw.chunks_exact(2) {
        texts_of(&p[1..], &mut texts);
    }
    let Some(map) = SurrogateMap::avoiding(texts.iter().map(|v| as_wtf8(v).unwrap_or_default())) else {
        return Err(vm.value_error("str method: too many private-use characters to handle lone surrogates"));
    };
    let base = vm.temp_roots.len();
    let r = (|| {
        let mut margs = Vec::with_capacity(args.len());
        for &a in args {
            let m = map_arg(vm, map, a)?;
            vm.temp_roots.push(m);
            margs.push(m);
        }
        let mut mkw = Vec::with_capacity(kw.len());
        for p in kw.chunks_exact(2) {
            let m = map_arg(vm, map, p[1])?;
            vm.temp_roots.push(m);
            mkw.extend_from_slice(&[p[0], m]);
        }
        let r = f(vm, &margs, &mkw)?;
        vm.temp_roots.push(r);
        let receiver = args.first().map_or(Value::NULL, |&v| vm.builtin_receiver(v));
        unmap_result(vm, map, r, margs.first().copied().unwrap_or(Value::NULL), receiver)
    })();
    vm.temp_roots.truncate(base);
    r
}

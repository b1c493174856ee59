//! `str`: immutable Unicode text, stored as UTF-8.
//!
//! A `str` value is either an interned qstr (an immediate, see `value.rs`) or a
//! heap `StrObj`. Both hash with `qstr::str_hash`, and compare by text, so the two
//! forms are interchangeable everywhere.
//!
//! A str holding lone surrogates (`chr(0xd800)`) is a heap `StrObj` whose bytes
//! are generalized UTF-8 (`krait_syntax::wtf8`), marked `SURROGATES`. Such text
//! is not a Rust `str`: `as_str` gives `None` for it, and code that handles any
//! str reads its bytes with `as_wtf8`. Every other str is plain UTF-8, and
//! reading one costs what it did before surrogates existed.

use std::cell::Cell;
use std::mem::ManuallyDrop;

use krait_syntax::qstr::str_hash;

use crate::gc::{AllocError, Gc, Heap, ObjKind, PyObj, Tracer, GRANULE, MAX_CELL};
use crate::value::Value;

/// A heap string.
///
/// Text of up to [`MAX_IN_CELL`] bytes is kept in the object's own cell: it starts
/// in `body` and runs on into the rest of a cell chosen to fit it (a 48-byte cell
/// holds 24 bytes, a 64-byte one 40, ..., a 512-byte one 488; see
/// `Heap::alloc_in_cell`). Such a string costs one cell and no `malloc` block,
/// which is most of the cost of making and collecting strings: slices, split
/// pieces, concatenations, words and keys (CPython's `str` of a few characters
/// takes 50-60 bytes). Longer text has a boxed buffer of its own.
///
/// Its text is reached through the `Gc<StrObj>` (`g.utf8()`, `g.wtf8()`), whose pointer
/// covers the whole cell; a `&StrObj` covers only the struct.
#[repr(C)]
pub struct StrObj {
    /// `hash` (46 bits), the `HASHED`, `BOXED`, `ASCII` and `SURROGATES` flags,
    /// and the length of text kept in the cell (from `LEN_SHIFT`).
    meta: Cell<u64>,
    body: Body,
}

#[repr(C)]
union Body {
    /// The first bytes of text kept in the cell (the rest follow the object).
    inline: [u8; IN_BODY],
    boxed: ManuallyDrop<Boxed>,
}

#[repr(C)]
struct Boxed {
    /// Length in characters, or `u32::MAX` before first use.
    chars: Cell<u32>,
    /// UTF-8, or generalized UTF-8 when the str is marked `SURROGATES`.
    s: Box<[u8]>,
}

/// Bytes of text inside the struct itself.
const IN_BODY: usize = 24;
/// Header plus `meta`: where the text of a string kept in its cell starts.
const TEXT_OFFSET: usize = std::mem::size_of::<crate::gc::ObjHeader>() + 8;
/// The longest text kept in the object's cell.
pub const MAX_IN_CELL: usize = MAX_CELL - TEXT_OFFSET;
/// The cell of a `StrObj` with nothing past the struct.
const BASE_CELL: usize = TEXT_OFFSET + IN_BODY;

const HASH_MASK: u64 = (1 << 46) - 1;
const HASHED: u64 = 1 << 46;
const BOXED: u64 = 1 << 47;
/// Text kept in the cell that is all ASCII (set when it is made).
const ASCII: u64 = 1 << 48;
/// The text holds a lone surrogate, so its bytes are generalized UTF-8, not
/// UTF-8 (set when it is made, for text in the cell or boxed).
const SURROGATES: u64 = 1 << 49;
const LEN_SHIFT: u32 = 52;

const _: () = assert!(std::mem::size_of::<StrObj>() == 32);
const _: () = assert!(std::mem::offset_of!(StrObj, body) == 8);
const _: () = assert!(BASE_CELL == 48 && BASE_CELL.is_multiple_of(GRANULE));
const _: () = assert!(MAX_IN_CELL < 1 << (64 - LEN_SHIFT));
// `str_hash` values fit the hash bits.
const _: () = assert!(0x0000_3fff_ffff_ffff == HASH_MASK);

/// The cell that keeps `len` bytes of text.
#[inline(always)]
fn cell_for(len: usize) -> usize {
    (TEXT_OFFSET + len.max(IN_BODY)).div_ceil(GRANULE) * GRANULE
}

impl Drop for StrObj {
    fn drop(&mut self) {
        if self.meta.get() & BOXED != 0 {
            // SAFETY: `BOXED` says `body` holds a `Boxed`, dropped only here.
            unsafe { ManuallyDrop::drop(&mut self.body.boxed) }
        }
    }
}

impl StrObj {
    #[inline(always)]
    fn boxed(&self) -> Option<&Boxed> {
        if self.meta.get() & BOXED != 0 {
            // SAFETY: `BOXED` says `body` holds a `Boxed`.
            Some(unsafe { &self.body.boxed })
        } else {
            None
        }
    }

    /// A str of `len` bytes written by `fill` into the cell (`len <= MAX_IN_CELL`).
    /// `fill` must write valid UTF-8 to the whole slice, or generalized UTF-8
    /// holding a surrogate when `flags` is `SURROGATES`.
    #[inline]
    fn alloc_in_cell(
        heap: &mut Heap,
        len: usize,
        flags: u64,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<Gc<StrObj>, AllocError> {
        debug_assert!(len <= MAX_IN_CELL);
        let obj = StrObj { meta: Cell::new(((len as u64) << LEN_SHIFT) | flags), body: Body { inline: [0; IN_BODY] } };
        let g = heap.alloc_in_cell(obj, cell_for(len))?;
        // SAFETY: the cell is `cell_for(len)` bytes, so the `len` bytes from `body`
        // lie inside it; the pointer comes from the cell (`payload_ptr`), and the
        // object is new, so nothing else refers to those bytes.
        let text = unsafe { std::slice::from_raw_parts_mut((g.payload_ptr() as *mut u8).add(8), len) };
        fill(text);
        // Knowing a str is ASCII makes its indexing and slicing O(1); the text was
        // just written, so checking it is cheap.
        if text.is_ascii() {
            g.meta.set(g.meta.get() | ASCII);
        }
        Ok(g)
    }

    /// A heap str holding a copy of `s`.
    #[inline]
    pub fn alloc_copy(heap: &mut Heap, s: &str) -> Result<Gc<StrObj>, AllocError> {
        if s.len() <= MAX_IN_CELL {
            return StrObj::alloc_in_cell(heap, s.len(), 0, |t| t.copy_from_slice(s.as_bytes()));
        }
        StrObj::alloc_boxed(heap, Box::from(s.as_bytes()), 0)
    }

    /// A heap str holding a copy of generalized UTF-8 `b` that holds a surrogate
    /// (`wtf8::has_surrogates(b)`).
    pub fn alloc_surrogates(heap: &mut Heap, b: &[u8]) -> Result<Gc<StrObj>, AllocError> {
        debug_assert!(krait_syntax::wtf8::has_surrogates(b));
        if b.len() <= MAX_IN_CELL {
            return StrObj::alloc_in_cell(heap, b.len(), SURROGATES, |t| t.copy_from_slice(b));
        }
        StrObj::alloc_boxed(heap, Box::from(b), SURROGATES)
    }

    /// A heap str of `len` bytes written by `fill`, in the object's cell when it fits.
    ///
    /// # Safety
    /// `fill` must fill the whole slice it is given with valid UTF-8.
    pub unsafe fn alloc_with(
        heap: &mut Heap,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<Gc<StrObj>, AllocError> {
        if len <= MAX_IN_CELL {
            return StrObj::alloc_in_cell(heap, len, 0, fill);
        }
        let mut v = vec![0u8; len];
        // The caller's promise makes it UTF-8.
        fill(&mut v);
        StrObj::alloc_boxed(heap, v.into_boxed_slice(), 0)
    }

    /// A heap str holding `a` followed by `b`.
    #[inline]
    pub fn alloc_concat(heap: &mut Heap, a: &str, b: &str) -> Result<Gc<StrObj>, AllocError> {
        let n = a.len() + b.len();
        if n <= MAX_IN_CELL {
            return StrObj::alloc_in_cell(heap, n, 0, |t| {
                t[..a.len()].copy_from_slice(a.as_bytes());
                t[a.len()..].copy_from_slice(b.as_bytes());
            });
        }
        let mut s = String::with_capacity(n);
        s.push_str(a);
        s.push_str(b);
        StrObj::alloc_boxed(heap, s.into_bytes().into_boxed_slice(), 0)
    }

    /// A heap str of `s`, adopting its buffer when the text is too long for the cell.
    #[inline]
    pub fn alloc_string(heap: &mut Heap, s: String) -> Result<Gc<StrObj>, AllocError> {
        if s.len() <= MAX_IN_CELL {
            return StrObj::alloc_copy(heap, &s);
        }
        StrObj::alloc_boxed(heap, s.into_bytes().into_boxed_slice(), 0)
    }

    /// A heap str of generalized UTF-8 `b` holding a surrogate, adopting its
    /// buffer when the text is too long for the cell.
    pub fn alloc_surrogates_vec(heap: &mut Heap, b: Vec<u8>) -> Result<Gc<StrObj>, AllocError> {
        if b.len() <= MAX_IN_CELL {
            return StrObj::alloc_surrogates(heap, &b);
        }
        debug_assert!(krait_syntax::wtf8::has_surrogates(&b));
        StrObj::alloc_boxed(heap, b.into_boxed_slice(), SURROGATES)
    }

    /// `flags` is 0 for UTF-8 `s`, or `SURROGATES`.
    fn alloc_boxed(heap: &mut Heap, s: Box<[u8]>, flags: u64) -> Result<Gc<StrObj>, AllocError> {
        let boxed = Boxed { chars: Cell::new(u32::MAX), s };
        heap.alloc(StrObj { meta: Cell::new(BOXED | flags), body: Body { boxed: ManuallyDrop::new(boxed) } })
    }
}

impl Gc<StrObj> {
    /// The text, unless it holds a lone surrogate. The borrow must not outlive
    /// the object: hold the value that refers to it (see `as_str`).
    #[inline(always)]
    pub fn utf8<'a>(self) -> Option<&'a str> {
        let meta = self.meta.get();
        // One test covers both the boxed and the surrogate case, so UTF-8 text in
        // the cell costs what it did before surrogates existed.
        if meta & (BOXED | SURROGATES) != 0 {
            return self.utf8_slow(meta);
        }
        let len = (meta >> LEN_SHIFT) as usize;
        // SAFETY: text kept in the cell without `SURROGATES`: `len` bytes of valid
        // UTF-8 from `body`, inside the cell (see `StrObj::alloc_in_cell`); the
        // pointer comes from the cell; the object is immutable and alive while
        // the caller holds it.
        unsafe {
            let p = (self.payload_ptr() as *const u8).add(8);
            Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, len)))
        }
    }

    /// `utf8` of a long str or one with surrogates (kept out of line: `utf8` is
    /// inlined everywhere).
    #[inline(never)]
    fn utf8_slow<'a>(self, meta: u64) -> Option<&'a str> {
        if meta & SURROGATES != 0 {
            return None;
        }
        // SAFETY: without `SURROGATES` the bytes are UTF-8 (every constructor
        // that doesn't set the flag is given a `str` or, `alloc_with`, promised
        // UTF-8).
        Some(unsafe { std::str::from_utf8_unchecked(self.wtf8()) })
    }

    /// The text's bytes: UTF-8, or generalized UTF-8 when it holds a lone
    /// surrogate (`has_surrogates`). The borrow must not outlive the object.
    #[inline(always)]
    pub fn wtf8<'a>(self) -> &'a [u8] {
        let meta = self.meta.get();
        if meta & BOXED != 0 {
            return self.boxed_bytes();
        }
        let len = (meta >> LEN_SHIFT) as usize;
        // SAFETY: text kept in the cell: `len` bytes from `body`, inside the cell
        // (see `StrObj::alloc_in_cell`); the pointer comes from the cell; the
        // object is immutable and alive while the caller holds it.
        unsafe { std::slice::from_raw_parts((self.payload_ptr() as *const u8).add(8), len) }
    }

    /// The bytes of a long str (kept out of line: `wtf8` is inlined everywhere).
    #[inline(never)]
    fn boxed_bytes<'a>(self) -> &'a [u8] {
        // Heap strings are immutable and never move, and the caller keeps the
        // object alive.
        self.boxed().map_or(&[], |b| unsafe_extend_bytes(&b.s))
    }

    /// Does the text hold a lone surrogate?
    #[inline(always)]
    pub fn has_surrogates(self) -> bool {
        self.meta.get() & SURROGATES != 0
    }

    /// Python `hash()`, computed once.
    #[inline]
    pub fn hash(self) -> u64 {
        let m = self.meta.get();
        if m & HASHED != 0 {
            return m & HASH_MASK;
        }
        let h = str_hash(self.wtf8());
        self.meta.set(m | HASHED | h);
        h
    }

    /// Length in characters (what Python's `len()` gives).
    #[inline]
    pub fn char_len(self) -> usize {
        let m = self.meta.get();
        if m & ASCII != 0 {
            return (m >> LEN_SHIFT) as usize;
        }
        match self.boxed() {
            None => count_chars(self.wtf8()),
            Some(b) => {
                let n = b.chars.get();
                if n != u32::MAX {
                    return n as usize;
                }
                let s = &b.s;
                let n = if s.is_ascii() { s.len() } else { count_chars(s) };
                if let Ok(c) = u32::try_from(n) {
                    b.chars.set(c);
                }
                n
            }
        }
    }

    #[inline]
    pub fn is_ascii(self) -> bool {
        self.meta.get() & ASCII != 0 || self.char_len() == self.wtf8().len()
    }
}

/// Characters in UTF-8 bytes (count of non-continuation bytes).
#[inline]
fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

impl PyObj for StrObj {
    const KIND: ObjKind = ObjKind::Str;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        match self.boxed() {
            Some(b) => b.s.len(),
            // The rest of the cell past the struct's own.
            None => cell_for((self.meta.get() >> LEN_SHIFT) as usize) - BASE_CELL,
        }
    }
}

/// The text of a `str` value (interned or heap), or `None` if it isn't a str
/// or holds a lone surrogate (see `as_wtf8` and `has_surrogates`).
///
/// The borrow is tied to the caller's `Value` variable; don't hold it across a
/// call that can run Python code.
#[inline]
pub fn as_str(v: &Value) -> Option<&str> {
    if let Some(q) = v.as_qstr() {
        return Some(q.as_str());
    }
    // The object is live while `v` is rooted; the returned borrow is bounded by
    // the borrow of `v`.
    v.downcast::<StrObj>().and_then(|g| g.utf8())
}

/// The bytes of any `str` value: UTF-8, or generalized UTF-8 when it holds a
/// lone surrogate (`krait_syntax::wtf8`). Comparing them compares the strs.
#[inline]
pub fn as_wtf8(v: &Value) -> Option<&[u8]> {
    if let Some(q) = v.as_qstr() {
        return Some(q.as_str().as_bytes());
    }
    v.downcast::<StrObj>().map(|g| g.wtf8())
}

/// Is `v` a str holding a lone surrogate? (Interned strs never do.)
#[inline]
pub fn has_surrogates(v: Value) -> bool {
    v.downcast::<StrObj>().is_some_and(|g| g.has_surrogates())
}

#[inline(always)]
fn unsafe_extend<'a>(s: &str) -> &'a str {
    // SAFETY: heap strings are immutable and never move; the object stays alive as
    // long as the value referring to it is reachable, which the caller guarantees
    // for the duration of the borrow (see `as_str`).
    unsafe { &*(s as *const str) }
}

#[inline(always)]
fn unsafe_extend_bytes<'a>(s: &[u8]) -> &'a [u8] {
    // SAFETY: as `unsafe_extend`.
    unsafe { &*(s as *const [u8]) }
}

/// The character at byte `pos` of str `s` when it is ASCII (an interned
/// one-character str: no allocation), for iteration over a str; `None` at the end
/// or at a multi-byte character.
#[inline(always)]
pub fn ascii_char_at(s: &Value, pos: usize) -> Option<Value> {
    let b = *as_wtf8(s)?.get(pos)?;
    if b < 0x80 {
        Some(Value::qstr(krait_syntax::Qstr::ascii_char(b)))
    } else {
        None
    }
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
    let errors = errors.and_then(|v| as_str(&v).map(str::to_owned));
    decode(vm, data, "utf-8", errors.as_deref())
}

// ---- codecs ----

/// The codecs krait knows, by the canonical name CPython reports in errors.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-8 with a byte order mark: written first, skipped when reading.
    Utf8Sig,
    /// UTF-16 / UTF-32: `big` for the `-be` variants; `bom` for the plain names
    /// (encoding writes a little-endian BOM, decoding honours one).
    Utf16 {
        big: bool,
        bom: bool,
    },
    Utf32 {
        big: bool,
        bom: bool,
    },
}

impl Codec {
    pub fn name(self) -> &'static str {
        match self {
            // CPython's utf-8-sig reports its errors as utf-8's.
            Codec::Utf8 | Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { bom: true, .. } => "utf-16",
            Codec::Utf16 { big: false, .. } => "utf-16-le",
            Codec::Utf16 { big: true, .. } => "utf-16-be",
            Codec::Utf32 { bom: true, .. } => "utf-32",
            Codec::Utf32 { big: false, .. } => "utf-32-le",
            Codec::Utf32 { big: true, .. } => "utf-32-be",
        }
    }

    /// Is a byte `b'\n'` a line feed in this encoding (so text can be split into
    /// lines before decoding)?
    pub fn ascii_compatible(self) -> bool {
        !matches!(self, Codec::Utf16 { .. } | Codec::Utf32 { .. })
    }

    /// Look an encoding name up as Python's codec registry would (case and `-`/`_` insensitive).
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String =
            name.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
        match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
            "ascii" | "us-ascii" | "646" => Some(Codec::Ascii),
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" | "latin" => {
                Some(Codec::Latin1)
            }
            _ => match n.replace('-', "").as_str() {
                "utf8sig" => Some(Codec::Utf8Sig),
                "utf16" | "u16" => Some(Codec::Utf16 { big: false, bom: true }),
                "utf16le" => Some(Codec::Utf16 { big: false, bom: false }),
                "utf16be" => Some(Codec::Utf16 { big: true, bom: false }),
                "utf32" | "u32" => Some(Codec::Utf32 { big: false, bom: true }),
                "utf32le" => Some(Codec::Utf32 { big: false, bom: false }),
                "utf32be" => Some(Codec::Utf32 { big: true, bom: false }),
                _ => None,
            },
        }
    }
}

/// The object a `UnicodeError` describes: the bytes being decoded or the str
/// being encoded (its generalized UTF-8, see `krait_syntax::wtf8`).
pub enum CodecInput<'a> {
    Bytes(&'a [u8]),
    Str(&'a [u8]),
}

/// A `UnicodeDecodeError` / `UnicodeEncodeError` with CPython's message and its
/// `encoding`, `object`, `start`, `end` and `reason` attributes (`start..end`
/// is the bad part: byte offsets into bytes, character offsets into a str).
pub fn unicode_error(
    vm: &mut crate::vm::Vm,
    encoding: &str,
    input: CodecInput<'_>,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::error::PyErr {
    use crate::error::ExcKind;
    let (kind, msg) = match input {
        CodecInput::Bytes(data) => {
            let msg = if end == start + 1 {
                format!("'{encoding}' codec can't decode byte {:#04x} in position {start}: {reason}", data[start])
            } else {
                format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
            };
            (ExcKind::UnicodeDecodeError, msg)
        }
        CodecInput::Str(s) => {
            let msg = match krait_syntax::wtf8::code_points(s).nth(start) {
                Some((_, n)) if end == start + 1 => {
                    let ch = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    format!("'{encoding}' codec can't encode character '{ch}' in position {start}: {reason}")
                }
                _ => format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
            };
            (ExcKind::UnicodeEncodeError, msg)
        }
    };
    let err = vm.new_exception(kind, msg);
    // The attributes live in the instance dict; without room for them the
    // exception is still raised, with its message.
    let attrs = (|| -> crate::error::PyResult<[(&str, Value); 5]> {
        let object = match input {
            CodecInput::Bytes(d) => vm.new_bytes(d.to_vec())?,
            CodecInput::Str(s) => vm.new_wtf8(s)?,
        };
        Ok([
            ("encoding", vm.new_str(encoding)?),
            ("object", object),
            ("start", vm.new_int(start as i64)?),
            ("end", vm.new_int(end as i64)?),
            ("reason", vm.new_str(reason)?),
        ])
    })();
    if let (Ok(attrs), Some(e)) = (attrs, err.0.downcast::<crate::obj::ExceptionObj>()) {
        if let Ok(d) = vm.new_dict() {
            for (k, v) in attrs {
                d.get_mut().set_qstr(krait_syntax::Qstr::new(k), v);
            }
            e.get_mut().dict = d.value();
        }
    }
    err
}

fn unknown_encoding(vm: &mut crate::vm::Vm, name: &str) -> crate::error::PyErr {
    vm.new_exception(crate::error::ExcKind::LookupError, format!("unknown encoding: {name}"))
}

fn unknown_handler(vm: &mut crate::vm::Vm, name: &str) -> crate::error::PyErr {
    vm.new_exception(crate::error::ExcKind::LookupError, format!("unknown error handler name '{name}'"))
}

/// `bytes.decode(encoding, errors)`: `errors` is `strict` (default), `replace`,
/// `ignore`, `backslashreplace`, `surrogateescape` (an undecodable byte `0xNN`
/// becomes the lone surrogate `U+DCNN`) or `surrogatepass` (UTF-8, UTF-16 and
/// UTF-32 surrogates decode as themselves).
pub fn decode(
    vm: &mut crate::vm::Vm,
    data: &[u8],
    encoding: &str,
    errors: Option<&str>,
) -> crate::error::PyResult<Value> {
    use krait_syntax::wtf8::Wtf8Buf;
    let Some(codec) = Codec::lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    let errors = errors.unwrap_or("strict");
    // A byte order mark decides (and a missing one leaves little-endian); errors
    // then name the byte order, as CPython's do.
    let (codec, data, start) = match codec {
        Codec::Utf8Sig => (Codec::Utf8, data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data), 0),
        Codec::Utf16 { bom: true, .. } => match data {
            [0xfe, 0xff, ..] => (Codec::Utf16 { big: true, bom: false }, data, 2),
            [0xff, 0xfe, ..] => (Codec::Utf16 { big: false, bom: false }, data, 2),
            _ => (Codec::Utf16 { big: false, bom: false }, data, 0),
        },
        Codec::Utf32 { bom: true, .. } => match data {
            [0, 0, 0xfe, 0xff, ..] => (Codec::Utf32 { big: true, bom: false }, data, 4),
            [0xff, 0xfe, 0, 0, ..] => (Codec::Utf32 { big: false, bom: false }, data, 4),
            _ => (Codec::Utf32 { big: false, bom: false }, data, 0),
        },
        c => (c, data, 0),
    };
    let limit: u32 = match codec {
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(data) {
                return vm.new_str(s);
            }
            0
        }
        Codec::Ascii => 0x80,
        _ => 0x100,
    };
    let mut out = Wtf8Buf::new();
    if out.try_reserve(data.len()).is_err() {
        return Err(vm.alloc_failed_bytes(data.len()));
    }
    // `bytes` at `pos` can't be decoded (`surrogatepass` was handled by the caller).
    let bad = |vm: &mut crate::vm::Vm, out: &mut Wtf8Buf, bytes: &[u8], pos: usize, reason: &str| {
        let strict = |vm: &mut crate::vm::Vm| {
            Err(unicode_error(vm, codec.name(), CodecInput::Bytes(data), pos, pos + bytes.len(), reason))
        };
        match errors {
            "replace" => out.push('\u{fffd}'),
            "ignore" => {}
            "backslashreplace" => {
                for b in bytes {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            // Only bytes above ASCII can be smuggled through as surrogates.
            "surrogateescape" if bytes.iter().all(|&b| b >= 0x80) => {
                for &b in bytes {
                    out.push_code_point(0xdc00 + u32::from(b));
                }
            }
            "strict" | "surrogateescape" | "surrogatepass" => return strict(vm),
            other => return Err(unknown_handler(vm, other)),
        }
        Ok(())
    };
    let pass = errors == "surrogatepass";
    if codec == Codec::Utf8 {
        let mut rest = data;
        let mut pos = 0;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                    // `ED A0..BF 80..BF` is a surrogate's generalized UTF-8.
                    if pass && matches!(rest[good..], [0xed, 0xa0..=0xbf, 0x80..=0xbf, ..]) {
                        out.push_wtf8(&rest[good..good + 3]);
                        rest = &rest[good + 3..];
                        pos += good + 3;
                        continue;
                    }
                    let (n, reason) = match e.error_len() {
                        Some(n) => {
                            let b = rest[good];
                            let invalid_start = !(0xc2..=0xf4).contains(&b);
                            (n, if invalid_start { "invalid start byte" } else { "invalid continuation byte" })
                        }
                        None => (rest.len() - good, "unexpected end of data"),
                    };
                    bad(vm, &mut out, &rest[good..good + n], pos + good, reason)?;
                    rest = &rest[good + n..];
                    pos += good + n;
                }
            }
        }
    } else if let Codec::Utf16 { big, .. } = codec {
        let mut pos = start;
        let unit = |i: usize| {
            let b = [data[i], data[i + 1]];
            if big {
                u16::from_be_bytes(b)
            } else {
                u16::from_le_bytes(b)
            }
        };
        while pos < data.len() {
            if pos + 2 > data.len() {
                bad(vm, &mut out, &data[pos..], pos, "truncated data")?;
                break;
            }
            let u = unit(pos);
            match u {
                0xd800..=0xdbff => {
                    let lo = if pos + 4 <= data.len() { Some(unit(pos + 2)) } else { None };
                    match lo {
                        Some(lo @ 0xdc00..=0xdfff) => {
                            out.push_code_point(0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00));
                            pos += 4;
                            continue;
                        }
                        _ if pass => out.push_code_point(u32::from(u)),
                        None => {
                            bad(vm, &mut out, &data[pos..], pos, "unexpected end of data")?;
                            break;
                        }
                        Some(_) => bad(vm, &mut out, &data[pos..pos + 2], pos, "illegal UTF-16 surrogate")?,
                    }
                    pos += 2;
                }
                0xdc00..=0xdfff => {
                    if pass {
                        out.push_code_point(u32::from(u));
                    } else {
                        bad(vm, &mut out, &data[pos..pos + 2], pos, "illegal encoding")?;
                    }
                    pos += 2;
                }
                _ => {
                    out.push_code_point(u32::from(u));
                    pos += 2;
                }
            }
        }
    } else if let Codec::Utf32 { big, .. } = codec {
        let mut pos = start;
        while pos < data.len() {
            if pos + 4 > data.len() {
                bad(vm, &mut out, &data[pos..], pos, "truncated data")?;
                break;
            }
            let b = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
            let c = if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
            let surrogate = krait_syntax::wtf8::is_surrogate(c);
            if c < 0x110000 && (!surrogate || pass) {
                out.push_code_point(c);
            } else {
                let reason = if surrogate {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                } else {
                    "code point not in range(0x110000)"
                };
                bad(vm, &mut out, &data[pos..pos + 4], pos, reason)?;
            }
            pos += 4;
        }
    } else {
        for (i, &b) in data.iter().enumerate() {
            if (b as u32) < limit {
                out.push(b as char);
            } else {
                bad(vm, &mut out, &[b], i, "ordinal not in range(128)")?;
            }
        }
    }
    vm.new_wtf8_buf(out)
}

/// `str.encode(encoding, errors)` of a str's bytes `s` (generalized UTF-8 when
/// `surrogates`, see `krait_syntax::wtf8`). `errors`: `strict` (default),
/// `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`,
/// `surrogateescape` (`U+DC80..U+DCFF` become the bytes `0x80..0xFF`) or
/// `surrogatepass` (UTF-8, UTF-16 and UTF-32 encode surrogates like other code
/// points).
pub fn encode(
    vm: &mut crate::vm::Vm,
    s: &[u8],
    surrogates: bool,
    encoding: &str,
    errors: Option<&str>,
) -> crate::error::PyResult<Vec<u8>> {
    use krait_syntax::wtf8;
    let Some(codec) = Codec::lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    let bom: &[u8] = match codec {
        Codec::Utf8Sig => b"\xef\xbb\xbf",
        Codec::Utf16 { bom: true, .. } => b"\xff\xfe",
        Codec::Utf32 { bom: true, .. } => b"\xff\xfe\0\0",
        _ => b"",
    };
    let (wide, big) = match codec {
        Codec::Utf16 { big, .. } => (2, big),
        Codec::Utf32 { big, .. } => (4, big),
        _ => (1, false),
    };
    let n = s.len().saturating_mul(wide).saturating_add(bom.len());
    let mut out = vec_with_room(vm, n)?;
    out.extend_from_slice(bom);
    if matches!(codec, Codec::Utf8 | Codec::Utf8Sig) && !surrogates {
        out.extend_from_slice(s);
        return Ok(out);
    }
    // The first code point (`limit` and up, or a surrogate for the Unicode codecs)
    // this codec can't encode.
    let limit: u32 = match codec {
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        _ => 0x110000,
    };
    let encodable = |cp: u32| cp < limit && !wtf8::is_surrogate(cp);
    let put = |out: &mut Vec<u8>, cp: u32| match wide {
        1 if limit == 0x110000 => wtf8::push_code_point(out, cp),
        1 => out.push(cp as u8),
        2 => {
            let mut units = [cp as u16, 0];
            let units: &[u16] = match char::from_u32(cp) {
                Some(c) => c.encode_utf16(&mut units),
                // A surrogate (`surrogatepass`) is its own unit.
                None => &units[..1],
            };
            for &u in units {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        _ => out.extend_from_slice(&if big { cp.to_be_bytes() } else { cp.to_le_bytes() }),
    };
    let reason = match limit {
        0x80 => "ordinal not in range(128)",
        0x100 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    };
    let mut cps = wtf8::code_points(s).map(|(_, cp)| cp).enumerate().peekable();
    while let Some((i, cp)) = cps.next() {
        if encodable(cp) {
            put(&mut out, cp);
            continue;
        }
        // As CPython, the error covers the whole run the codec can't encode
        // (UTF-16 and UTF-32 report one character at a time).
        let mut run = vec![cp];
        if wide == 1 {
            while let Some((_, c)) = cps.next_if(|&(_, c)| !encodable(c)) {
                run.push(c);
            }
        }
        let end = i + run.len();
        let err = |vm: &mut crate::vm::Vm, start: usize| {
            Err(unicode_error(vm, codec.name(), CodecInput::Str(s), start, end, reason))
        };
        match errors.unwrap_or("strict") {
            "ignore" => {}
            "replace" => run.iter().for_each(|_| put(&mut out, u32::from(b'?'))),
            "backslashreplace" | "xmlcharrefreplace" => {
                for &c in &run {
                    let mut esc = String::new();
                    if errors == Some("backslashreplace") {
                        crate::repr::push_code_escape_u32(&mut esc, c);
                    } else {
                        esc = format!("&#{c};");
                    }
                    esc.bytes().for_each(|b| put(&mut out, u32::from(b)));
                }
            }
            "surrogatepass" if limit == 0x110000 => {
                // Only surrogates are unencodable here, and this passes them.
                run.iter().for_each(|&c| put(&mut out, c));
            }
            "surrogateescape" if wide == 1 => {
                // Escaped bytes come back; the error starts at the first that isn't one.
                for (k, &c) in run.iter().enumerate() {
                    match c {
                        0xdc80..=0xdcff => out.push((c - 0xdc00) as u8),
                        _ => return err(vm, i + k),
                    }
                }
            }
            "strict" | "surrogatepass" | "surrogateescape" => return err(vm, i),
            other => return Err(unknown_handler(vm, other)),
        }
    }
    Ok(out)
}

// ---- helpers shared with `bytes` ----

/// CPython's `ADJUST_INDICES` for the `start`/`end` arguments of `find`, `count`,
/// `startswith`, ...: negative values count from the end and `end` is clamped to `len`;
/// `start` may stay beyond `len` (callers treat `start > end` as an empty range).
pub fn adjust_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = (s + n).max(0);
    }
    (s as usize, e as usize)
}

/// Python's `str.isspace` for one character (also what `str.split()` splits on).
#[inline]
pub fn py_isspace(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// An ASCII byte for which `str.isspace` holds.
#[inline]
pub fn ascii_isspace(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')
}

/// Fail with `MemoryError` up front when a result of `n` bytes can't fit the heap (a
/// fixed heap's capacity, `heap_lock`, or an absurd size), before building it.
pub fn check_room(vm: &mut crate::vm::Vm, n: usize) -> crate::error::PyResult<()> {
    let too_big = n > (isize::MAX as usize) / 4
        || (vm.heap.lock_depth > 0 && n > 0)
        || vm.heap.capacity().is_some_and(|c| vm.heap.allocated().saturating_add(n) > c);
    if too_big {
        return Err(vm.alloc_failed_bytes(n));
    }
    Ok(())
}

/// A `String` with room for `n` bytes, or `MemoryError`.
pub fn string_with_room(vm: &mut crate::vm::Vm, n: usize) -> crate::error::PyResult<String> {
    check_room(vm, n)?;
    let mut s = String::new();
    if s.try_reserve_exact(n).is_err() {
        return Err(vm.alloc_failed_bytes(n));
    }
    Ok(s)
}

/// A `Vec<u8>` with room for `n` bytes, or `MemoryError`.
pub fn vec_with_room(vm: &mut crate::vm::Vm, n: usize) -> crate::error::PyResult<Vec<u8>> {
    check_room(vm, n)?;
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(vm.alloc_failed_bytes(n));
    }
    Ok(v)
}

pub use crate::obj::function::check_args;

/// Positional argument `i` or keyword `name` (for methods that accept either).
pub fn arg_or_kw(args: &[Value], kw: &[Value], i: usize, name: &str) -> Option<Value> {
    args.get(i).copied().or_else(|| crate::class::kwarg(kw, name))
}

/// An optional `start`/`end`-style index argument (`None` or absent means "not given").
pub fn opt_index(vm: &mut crate::vm::Vm, v: Option<Value>) -> crate::error::PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match crate::ops::as_num(&v) {
            Some(crate::ops::Num::Big(b)) => {
                use num_traits::Signed;
                Ok(Some(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }))
            }
            _ => {
                if v.is_float() {
                    return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
                }
                vm.to_index(v).map(Some)
            }
        },
    }
}

mod methods {
    use super::{
        adjust_range, arg_or_kw, as_str, check_args, check_room, is_str, opt_index, py_isspace, str_char_len,
        string_with_room, StrObj,
    };
    use crate::error::{ExcKind, PyErr, PyResult};
    use crate::gc::Gc;
    use crate::obj::str_tables as tables;
    use crate::obj::{DictObj, ListObj, TupleObj, TypeObj};
    use crate::ops::{as_num, Num};
    use crate::value::Value;
    use crate::vm::Vm;

    type R = PyResult<Value>;

    // ---- receivers and arguments ----

    /// `self` as a str value (seeing through a user subclass to its base str).
    /// Text with lone surrogates is refused (`str_surrogates::refuse`): the
    /// method is run again on mapped text.
    fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
        let v = recv_any(vm, args, name)?;
        if super::has_surrogates(v) {
            return Err(crate::obj::str_surrogates::refuse(vm, v));
        }
        Ok(v)
    }

    /// `recv` for the methods that handle lone surrogates themselves.
    fn recv_any(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
        let v = match args.first() {
            Some(&v) => vm.builtin_receiver(v),
            None => return Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
        };
        if is_str(v) {
            Ok(v)
        } else {
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'str' object but received a '{}'",
                vm.type_name(v)
            )))
        }
    }

    /// The text of a value known to be a str without lone surrogates (`recv`
    /// and `str_arg` refuse those, and the other methods handle them before
    /// reading text this way).
    #[inline]
    fn text(v: &Value) -> &str {
        debug_assert!(!super::has_surrogates(*v), "str method read text with lone surrogates as UTF-8");
        as_str(v).unwrap_or("")
    }

    fn not_str(vm: &mut Vm, v: Value) -> PyErr {
        let t = vm.type_name(v);
        let to = if t == "str" { "bytes" } else { "str" };
        vm.type_error(format!("can't convert '{t}' object to {to} implicitly"))
    }

    /// A str argument's text.
    fn str_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a str> {
        match as_str(v) {
            Some(s) => Ok(s),
            None => {
                let base = vm.builtin_receiver(*v);
                if base != *v && as_str(&base).is_some() {
                    // The base str of a user subclass instance lives as long as the instance.
                    return Ok(super::unsafe_extend(text(&base)));
                }
                // Text with lone surrogates: the method is run again on mapped text.
                if super::has_surrogates(*v) || super::has_surrogates(base) {
                    return Err(crate::obj::str_surrogates::refuse(vm, if is_str(*v) { *v } else { base }));
                }
                Err(not_str(vm, *v))
            }
        }
    }

    /// A str's text with what the methods need to know about it.
    #[derive(Copy, Clone)]
    struct Text<'a> {
        s: &'a str,
        ascii: bool,
        /// Length in characters.
        n: usize,
    }

    fn info(v: &Value) -> Text<'_> {
        let s = text(v);
        match v.downcast::<StrObj>() {
            Some(g) => Text { s, ascii: g.is_ascii(), n: g.char_len() },
            None => {
                let n = str_char_len(*v).unwrap_or(0);
                Text { s, ascii: n == s.len(), n }
            }
        }
    }

    impl<'a> Text<'a> {
        /// Byte offset of character `ci` (`ci <= n`).
        #[inline]
        fn byte_at(&self, ci: usize) -> usize {
            if self.ascii {
                return ci.min(self.s.len());
            }
            if ci >= self.n {
                return self.s.len();
            }
            self.s.char_indices().nth(ci).map_or(self.s.len(), |(b, _)| b)
        }

        /// Characters in the byte range `a..b` (both on character boundaries).
        #[inline]
        fn chars_in(&self, a: usize, b: usize) -> usize {
            if self.ascii {
                b - a
            } else {
                count_chars(&self.s.as_bytes()[a..b])
            }
        }

        /// The byte range of the characters `start..end` (after `adjust_range`), or
        /// `None` when the range is empty because `start > end`.
        fn range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
            if start > end {
                return None;
            }
            if self.ascii {
                return Some((start, end));
            }
            let a = self.byte_at(start);
            let b = if end >= self.n { self.s.len() } else { a + byte_len_of_chars(&self.s[a..], end - start) };
            Some((a, b))
        }
    }

    /// Characters in UTF-8 bytes (count of non-continuation bytes).
    #[inline]
    fn count_chars(b: &[u8]) -> usize {
        b.iter().filter(|&&x| (x as i8) >= -0x40).count()
    }

    /// Bytes taken by the first `k` characters of `s`.
    fn byte_len_of_chars(s: &str, k: usize) -> usize {
        s.char_indices().nth(k).map_or(s.len(), |(b, _)| b)
    }

    /// A one-byte (ASCII) needle as a `char`, which std searches with `memchr`
    /// rather than the general substring searcher.
    #[inline]
    fn one_char(sub: &str) -> Option<char> {
        if sub.len() == 1 {
            sub.chars().next()
        } else {
            None
        }
    }

    fn new_str_from(vm: &mut Vm, whole: Value, s: &str) -> R {
        if s.len() == text(&whole).len() {
            return Ok(whole);
        }
        vm.new_str(s)
    }

    fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
        if v.is_float() {
            return Err(vm.type_error("can't convert float to int"));
        }
        vm.to_index(v)
    }

    // ---- searching ----

    /// `find`, `rfind`, `index`, `rindex`.
    fn find_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool, raise: bool) -> R {
        check_args(vm, args, kw, 2, 4, false)?;
        let sv = recv(vm, args, name)?;
        let sub_v = args[1];
        let sub = str_arg(vm, &sub_v)?;
        let start = opt_index(vm, args.get(2).copied())?;
        let end = opt_index(vm, args.get(3).copied())?;
        let t = info(&sv);
        let (s, e) = adjust_range(start, end, t.n);
        let found = t.range(s, e).and_then(|(a, b)| {
            let hay = &t.s[a..b];
            let p = match (one_char(sub), rev) {
                (Some(c), false) => hay.find(c),
                (Some(c), true) => hay.rfind(c),
                (None, false) => hay.find(sub),
                (None, true) => hay.rfind(sub),
            };
            p.map(|p| s + t.chars_in(a, a + p))
        });
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
        check_args(vm, args, kw, 2, 4, false)?;
        let sv = recv(vm, args, "count")?;
        let sub_v = args[1];
        let sub = str_arg(vm, &sub_v)?;
        let start = opt_index(vm, args.get(2).copied())?;
        let end = opt_index(vm, args.get(3).copied())?;
        let t = info(&sv);
        let (s, e) = adjust_range(start, end, t.n);
        let n = match t.range(s, e) {
            None => 0,
            Some(_) if sub.is_empty() => e - s + 1,
            Some((a, b)) => match one_char(sub) {
                Some(c) => t.s[a..b].matches(c).count(),
                None => t.s[a..b].matches(sub).count(),
            },
        };
        vm.new_int(n as i64)
    }

    /// The candidates of `startswith`/`endswith`: one str or a tuple of them (a
    /// non-str item raises when the search reaches it).
    fn affixes(vm: &mut Vm, v: Value, name: &str) -> PyResult<Vec<Value>> {
        if is_str(v) {
            return Ok(vec![v]);
        }
        if let Some(t) = v.downcast::<TupleObj>() {
            return Ok(t.items().to_vec());
        }
        let base = vm.builtin_receiver(v);
        if base != v && is_str(base) {
            return Ok(vec![base]);
        }
        Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(v))))
    }

    fn tailmatch(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, at_end: bool) -> R {
        check_args(vm, args, kw, 2, 4, false)?;
        let sv = recv(vm, args, name)?;
        let cands = affixes(vm, args[1], name)?;
        let start = opt_index(vm, args.get(2).copied())?;
        let end = opt_index(vm, args.get(3).copied())?;
        let t = info(&sv);
        let (s, e) = adjust_range(start, end, t.n);
        let Some((a, b)) = t.range(s, e) else { return Ok(Value::FALSE) };
        let hay = &t.s[a..b];
        for c in cands {
            let c = vm.builtin_receiver(c);
            let Some(p) = as_str(&c) else {
                if super::has_surrogates(c) {
                    return Err(crate::obj::str_surrogates::refuse(vm, c));
                }
                return Err(not_str(vm, c));
            };
            let hit = if at_end { hay.ends_with(p) } else { hay.starts_with(p) };
            if hit {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    }

    fn startswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        tailmatch(vm, args, kw, "startswith", false)
    }
    fn endswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        tailmatch(vm, args, kw, "endswith", true)
    }

    // ---- splitting and joining ----

    fn split_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Option<Value>, usize)> {
        check_args(vm, args, kw, 1, 3, true)?;
        for p in kw.chunks_exact(2) {
            if !matches!(as_str(&p[0]), Some("sep" | "maxsplit")) {
                let k = crate::obj::str_surrogates::kw_name(&p[0]).into_owned();
                return Err(vm.type_error(format!("unexpected keyword argument '{k}'")));
            }
        }
        let sep = arg_or_kw(args, kw, 1, "sep").filter(|v| !v.is_none());
        let maxsplit = match arg_or_kw(args, kw, 2, "maxsplit") {
            Some(m) => int_arg(vm, m)?,
            None => -1,
        };
        Ok((sep, if maxsplit < 0 { usize::MAX } else { maxsplit as usize }))
    }

    fn list_of_pieces<'a>(vm: &mut Vm, whole: Value, pieces: impl Iterator<Item = &'a str>) -> R {
        let mut items = Vec::new();
        for p in pieces {
            items.push(new_str_from(vm, whole, p)?);
        }
        vm.new_list(items)
    }

    /// Whitespace splitting, CPython's rules: runs of whitespace separate, ends are ignored,
    /// and after `limit` splits the rest (its leading whitespace skipped) is the last item.
    fn split_whitespace(s: &str, ascii: bool, limit: usize) -> Vec<&str> {
        let mut out = Vec::new();
        if ascii {
            let b = s.as_bytes();
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && super::ascii_isspace(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if out.len() == limit {
                    out.push(&s[i..]);
                    return out;
                }
                let j = i;
                while i < b.len() && !super::ascii_isspace(b[i]) {
                    i += 1;
                }
                out.push(&s[j..i]);
            }
            return out;
        }
        let mut rest = s;
        loop {
            rest = rest.trim_start_matches(py_isspace);
            if rest.is_empty() {
                break;
            }
            if out.len() == limit {
                out.push(rest);
                break;
            }
            let end = rest.find(py_isspace).unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
        out
    }

    fn rsplit_whitespace(s: &str, limit: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = s;
        loop {
            rest = rest.trim_end_matches(py_isspace);
            if rest.is_empty() {
                break;
            }
            if out.len() == limit {
                out.push(rest);
                break;
            }
            let start = rest.rfind(py_isspace).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
            out.push(&rest[start..]);
            rest = &rest[..start];
        }
        out.reverse();
        out
    }

    fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let sv = recv(vm, args, "split")?;
        let (sep, limit) = split_args(vm, args, kw)?;
        let t = info(&sv);
        match sep {
            None => {
                let parts = split_whitespace(t.s, t.ascii, limit);
                list_of_pieces(vm, sv, parts.into_iter())
            }
            Some(sep_v) => {
                let sep = str_arg(vm, &sep_v)?;
                if sep.is_empty() {
                    return Err(vm.value_error("empty separator"));
                }
                match one_char(sep) {
                    Some(c) => list_of_pieces(vm, sv, t.s.splitn(limit.saturating_add(1), c)),
                    None => list_of_pieces(vm, sv, t.s.splitn(limit.saturating_add(1), sep)),
                }
            }
        }
    }

    fn rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let sv = recv(vm, args, "rsplit")?;
        let (sep, limit) = split_args(vm, args, kw)?;
        let t = info(&sv);
        let mut parts: Vec<&str> = match sep {
            None => {
                let parts = rsplit_whitespace(t.s, limit);
                return list_of_pieces(vm, sv, parts.into_iter());
            }
            Some(sep_v) => {
                let sep = str_arg(vm, &sep_v)?;
                if sep.is_empty() {
                    return Err(vm.value_error("empty separator"));
                }
                match one_char(sep) {
                    Some(c) => t.s.rsplitn(limit.saturating_add(1), c).collect(),
                    None => t.s.rsplitn(limit.saturating_add(1), sep).collect(),
                }
            }
        };
        parts.reverse();
        list_of_pieces(vm, sv, parts.into_iter())
    }

    /// Length of the line break starting at `b[i]` (0 if none), for `str.splitlines`.
    fn line_break_len(s: &str, i: usize) -> usize {
        let b = s.as_bytes();
        match b[i] {
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            b'\n' | 0x0b | 0x0c | 0x1c..=0x1e => 1,
            0xc2 if b.get(i + 1) == Some(&0x85) => 2,
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(&0xa8) | Some(&0xa9)) => 3,
            _ => 0,
        }
    }

    fn splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 2, true)?;
        let sv = recv(vm, args, "splitlines")?;
        let keepends = match arg_or_kw(args, kw, 1, "keepends") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let s = text(&sv);
        let mut parts = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < s.len() {
            let n = line_break_len(s, i);
            if n == 0 {
                i += 1;
                continue;
            }
            parts.push(&s[start..if keepends { i + n } else { i }]);
            i += n;
            start = i;
        }
        if start < s.len() {
            parts.push(&s[start..]);
        }
        list_of_pieces(vm, sv, parts.into_iter())
    }

    fn partition_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool) -> R {
        check_args(vm, args, kw, 2, 2, false)?;
        let sv = recv(vm, args, name)?;
        let sep_v = args[1];
        let sep = str_arg(vm, &sep_v)?;
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let s = text(&sv);
        let empty = Value::qstr(krait_syntax::q::EMPTY);
        let found = if rev { s.rfind(sep) } else { s.find(sep) };
        let items = match found {
            Some(i) => {
                let a = vm.new_str(&s[..i])?;
                let c = vm.new_str(&s[i + sep.len()..])?;
                let sep_val = if is_str(sep_v) { sep_v } else { vm.new_str(sep)? };
                vec![a, sep_val, c]
            }
            None if rev => vec![empty, empty, sv],
            None => vec![sv, empty, empty],
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
        let sv = recv_any(vm, args, "join")?;
        let it = args[1];
        // A list or tuple is read in place: nothing below runs Python code, so it
        // can't change under us.
        let (list, tuple, collected);
        let items: &[Value] = if let Some(l) = it.downcast::<ListObj>() {
            list = l;
            &list.items
        } else if let Some(t) = it.downcast::<TupleObj>() {
            tuple = t;
            tuple.items()
        } else {
            collected = vm.collect_iterable(it)?;
            &collected
        };
        // Instances of str subclasses join as their str value.
        // (`Vm::builtin_receiver`, without borrowing the VM.)
        let piece = |v: Value| match v.downcast::<crate::obj::InstanceObj>() {
            Some(inst) if !inst.base.is_null() => inst.base,
            _ => v,
        };
        // Lone surrogates in the separator or a piece: joined as bytes (below).
        let mut surrogates = super::has_surrogates(sv);
        let sep = as_str(&sv).unwrap_or("");
        let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
        for &v in items {
            let v = piece(v);
            match as_str(&v) {
                Some(s) => total = total.saturating_add(s.len()),
                None if super::has_surrogates(v) => surrogates = true,
                None => {
                    return Err(vm.type_error("join expects a list of str/bytes objects consistent with self object"))
                }
            }
        }
        if items.len() == 1 {
            return Ok(piece(items[0]));
        }
        if surrogates {
            let sep = super::as_wtf8(&sv).unwrap_or_default();
            let mut out = Vec::new();
            for (i, &v) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(sep);
                }
                out.extend_from_slice(super::as_wtf8(&piece(v)).unwrap_or_default());
                check_room(vm, out.len())?;
            }
            return vm.new_wtf8(&out);
        }
        let fill = |out: &mut [u8]| {
            let mut at = 0;
            for (i, &v) in items.iter().enumerate() {
                let v = piece(v);
                if i > 0 {
                    out[at..at + sep.len()].copy_from_slice(sep.as_bytes());
                    at += sep.len();
                }
                let s = text(&v).as_bytes();
                out[at..at + s.len()].copy_from_slice(s);
                at += s.len();
            }
        };
        // SAFETY: the pieces and separator are strs, so their concatenation is
        // valid UTF-8, and they add up to `total` bytes (measured above; nothing
        // changed them since), filling the whole buffer.
        unsafe { vm.new_str_with(total, fill) }
    }

    // ---- stripping, padding, replacing ----

    fn strip_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, left: bool, right: bool) -> R {
        check_args(vm, args, kw, 1, 2, false)?;
        let sv = recv(vm, args, name)?;
        let s = text(&sv);
        let chars_v = args.get(1).copied().filter(|v| !v.is_none());
        let r: &str = match chars_v {
            None => {
                let mut r = s;
                if left {
                    r = r.trim_start_matches(py_isspace);
                }
                if right {
                    r = r.trim_end_matches(py_isspace);
                }
                r
            }
            Some(cv) => {
                let set = str_arg(vm, &cv)?;
                let mut r = s;
                if set.is_ascii() {
                    let set = set.as_bytes();
                    let b = r.as_bytes();
                    let (mut i, mut j) = (0, b.len());
                    if left {
                        while i < j && set.contains(&b[i]) {
                            i += 1;
                        }
                    }
                    if right {
                        while j > i && set.contains(&b[j - 1]) {
                            j -= 1;
                        }
                    }
                    // Only ASCII bytes were removed, so both ends are character boundaries.
                    r = &r[i..j];
                } else {
                    if left {
                        r = r.trim_start_matches(|c| set.contains(c));
                    }
                    if right {
                        r = r.trim_end_matches(|c| set.contains(c));
                    }
                }
                r
            }
        };
        new_str_from(vm, sv, r)
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
        let sv = recv(vm, args, name)?;
        let a = args[1];
        let a = str_arg(vm, &a)?;
        let s = text(&sv);
        let r = if prefix { s.strip_prefix(a) } else { s.strip_suffix(a) };
        match r {
            Some(r) if !a.is_empty() => vm.new_str(r),
            _ => Ok(sv),
        }
    }

    fn removeprefix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        removeaffix(vm, args, kw, "removeprefix", true)
    }
    fn removesuffix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        removeaffix(vm, args, kw, "removesuffix", false)
    }

    /// The fill character argument of `center`/`ljust`/`rjust`.
    fn fill_char(vm: &mut Vm, v: Option<Value>) -> PyResult<char> {
        let Some(v) = v else { return Ok(' ') };
        let s = str_arg(vm, &v)?;
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(vm.type_error("The fill character must be exactly one character long")),
        }
    }

    fn pad(vm: &mut Vm, sv: Value, left: usize, right: usize, fill: char) -> R {
        let s = text(&sv);
        let total = s.len().saturating_add((left.saturating_add(right)).saturating_mul(fill.len_utf8()));
        let mut out = string_with_room(vm, total)?;
        for _ in 0..left {
            out.push(fill);
        }
        out.push_str(s);
        for _ in 0..right {
            out.push(fill);
        }
        vm.new_string(out)
    }

    /// `center`, `ljust` (`how` < 0), `rjust` (`how` > 0).
    fn justify(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, how: i8) -> R {
        check_args(vm, args, kw, 2, 3, false)?;
        let sv = recv(vm, args, name)?;
        let width = int_arg(vm, args[1])?;
        let fill = fill_char(vm, args.get(2).copied())?;
        let n = info(&sv).n;
        if width <= n as i64 {
            return Ok(sv);
        }
        let marg = width as usize - n;
        let (l, r) = match how {
            0 => {
                let l = marg / 2 + (marg & width as usize & 1);
                (l, marg - l)
            }
            h if h < 0 => (0, marg),
            _ => (marg, 0),
        };
        pad(vm, sv, l, r, fill)
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
        let sv = recv(vm, args, "zfill")?;
        let width = int_arg(vm, args[1])?;
        let t = info(&sv);
        if width <= t.n as i64 {
            return Ok(sv);
        }
        let fill = width as usize - t.n;
        let mut out = string_with_room(vm, t.s.len().saturating_add(fill))?;
        let (sign, rest) = match t.s.as_bytes().first() {
            Some(b'+') | Some(b'-') => t.s.split_at(1),
            _ => ("", t.s),
        };
        out.push_str(sign);
        for _ in 0..fill {
            out.push('0');
        }
        out.push_str(rest);
        vm.new_string(out)
    }

    fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 2, true)?;
        let sv = recv(vm, args, "expandtabs")?;
        let tabsize = match arg_or_kw(args, kw, 1, "tabsize") {
            Some(v) => int_arg(vm, v)?,
            None => 8,
        };
        let s = text(&sv);
        if !s.contains('\t') {
            return Ok(sv);
        }
        // First pass: the result's size.
        let tab = tabsize.max(0) as usize;
        let (mut col, mut total) = (0usize, 0usize);
        for c in s.chars() {
            match c {
                '\t' => {
                    if tab > 0 {
                        let k = tab - col % tab;
                        col += k;
                        total = total.saturating_add(k);
                    }
                }
                '\n' | '\r' => {
                    col = 0;
                    total += 1;
                }
                c => {
                    col += 1;
                    total += c.len_utf8();
                }
            }
        }
        let mut out = string_with_room(vm, total)?;
        col = 0;
        for c in s.chars() {
            match c {
                '\t' => {
                    if tab > 0 {
                        let k = tab - col % tab;
                        col += k;
                        for _ in 0..k {
                            out.push(' ');
                        }
                    }
                }
                '\n' | '\r' => {
                    col = 0;
                    out.push(c);
                }
                c => {
                    col += 1;
                    out.push(c);
                }
            }
        }
        vm.new_string(out)
    }

    fn replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 3, 4, true)?;
        let sv = recv(vm, args, "replace")?;
        let (old_v, new_v) = (args[1], args[2]);
        let old = str_arg(vm, &old_v)?;
        let new = str_arg(vm, &new_v)?;
        let count = match arg_or_kw(args, kw, 3, "count") {
            Some(c) => int_arg(vm, c)?,
            None => -1,
        };
        let limit = if count < 0 { usize::MAX } else { count as usize };
        let t = info(&sv);
        let s = t.s;
        if old.is_empty() {
            // Insert `new` before every character and at the end, `limit` times at most.
            let k = limit.min(t.n + 1);
            if k == 0 || new.is_empty() {
                return Ok(sv);
            }
            let mut out = string_with_room(vm, s.len().saturating_add(k.saturating_mul(new.len())))?;
            let mut done = 0;
            for c in s.chars() {
                if done < k {
                    out.push_str(new);
                    done += 1;
                }
                out.push(c);
            }
            if done < k {
                out.push_str(new);
            }
            return vm.new_string(out);
        }
        // A one-byte needle is searched with `memchr`; the general searcher's set-up
        // costs more than the whole search on text of a few hundred bytes.
        match one_char(old) {
            Some(c) => replace_matches(vm, sv, s, s.match_indices(c), old.len(), new, limit),
            None => replace_matches(vm, sv, s, s.match_indices(old), old.len(), new, limit),
        }
    }

    /// `str.replace` for a non-empty needle of `old_len` bytes found at `hits`.
    fn replace_matches<'a>(
        vm: &mut Vm,
        sv: Value,
        s: &'a str,
        hits: impl Iterator<Item = (usize, &'a str)> + Clone,
        old_len: usize,
        new: &str,
        limit: usize,
    ) -> R {
        if limit == 0 {
            return Ok(sv);
        }
        let Some((first, _)) = hits.clone().next() else { return Ok(sv) };
        // (There can't be more matches than bytes: a larger count is no limit.)
        if old_len == 1 && new.len() == 1 && limit >= s.len() {
            // One ASCII byte for another, everywhere: copy and substitute in place,
            // a loop the compiler vectorises. An ASCII byte never occurs inside a
            // multi-byte UTF-8 sequence, so the result is valid UTF-8.
            let (o, n) = (s.as_bytes()[first], new.as_bytes()[0]);
            let fill = |out: &mut [u8]| {
                out.copy_from_slice(s.as_bytes());
                for b in &mut out[first..] {
                    if *b == o {
                        *b = n;
                    }
                }
            };
            // SAFETY: see above; `o` and `n` are both ASCII (one-byte strs), and the
            // whole buffer is written (a copy of `s`, of its length).
            return unsafe { vm.new_str_with(s.len(), fill) };
        }
        let m = hits.clone().take(limit).count();
        let size = (s.len() - m * old_len).saturating_add(m.saturating_mul(new.len()));
        let mut out = string_with_room(vm, size)?;
        let mut last = 0;
        for (i, _) in hits.take(m) {
            out.push_str(&s[last..i]);
            out.push_str(new);
            last = i + old_len;
        }
        out.push_str(&s[last..]);
        vm.new_string(out)
    }

    // ---- case ----

    fn is_titlecase(c: char) -> bool {
        (c as u32) >= 0x1c5 && tables::in_table(tables::TITLECASE, c)
    }

    fn is_cased(c: char) -> bool {
        c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
    }

    /// Characters skipped when deciding whether a capital sigma ends a word.
    fn case_ignorable(c: char) -> bool {
        matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}' | '\u{300}'..='\u{36f}')
    }

    /// Is the capital sigma at byte `i` of `s` word-final (lowercases to `ς`)?
    fn final_sigma(s: &str, i: usize) -> bool {
        let before = s[..i].chars().rev().find(|&c| !case_ignorable(c));
        let after = s[i + 'Σ'.len_utf8()..].chars().find(|&c| !case_ignorable(c));
        before.is_some_and(is_cased) && !after.is_some_and(is_cased)
    }

    fn push_lower(out: &mut String, s: &str, i: usize, c: char) {
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            out.extend(c.to_lowercase());
        }
    }

    fn push_title(out: &mut String, c: char) {
        match tables::lookup_map(tables::TITLE_MAP, c) {
            Some(t) => out.push_str(t),
            None => out.extend(c.to_uppercase()),
        }
    }

    /// Map every byte of ASCII text (returning `sv` itself if nothing changes).
    fn ascii_map(vm: &mut Vm, sv: Value, f: impl Fn(u8) -> u8) -> R {
        let s = text(&sv);
        let b = s.as_bytes();
        let Some(first) = b.iter().position(|&x| f(x) != x) else { return Ok(sv) };
        let mut out = Vec::with_capacity(b.len());
        out.extend_from_slice(&b[..first]);
        out.extend(b[first..].iter().map(|&x| f(x)));
        // ASCII in, ASCII out.
        vm.new_string(String::from_utf8(out).unwrap_or_default())
    }

    fn finish(vm: &mut Vm, sv: Value, out: String) -> R {
        if out == text(&sv) {
            return Ok(sv);
        }
        vm.new_string(out)
    }

    fn lower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "lower")?;
        if info(&sv).ascii {
            return ascii_map(vm, sv, |b| b.to_ascii_lowercase());
        }
        let out = text(&sv).to_lowercase();
        finish(vm, sv, out)
    }

    fn upper(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "upper")?;
        if info(&sv).ascii {
            return ascii_map(vm, sv, |b| b.to_ascii_uppercase());
        }
        let out = text(&sv).to_uppercase();
        finish(vm, sv, out)
    }

    fn casefold(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "casefold")?;
        if info(&sv).ascii {
            return ascii_map(vm, sv, |b| b.to_ascii_lowercase());
        }
        let s = text(&sv);
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match tables::lookup_map(tables::CASEFOLD_MAP, c) {
                Some(f) => out.push_str(f),
                None => out.extend(c.to_lowercase()),
            }
        }
        finish(vm, sv, out)
    }

    fn swapcase(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "swapcase")?;
        if info(&sv).ascii {
            return ascii_map(vm, sv, |b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            });
        }
        let s = text(&sv);
        let mut out = String::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            if c.is_uppercase() {
                push_lower(&mut out, s, i, c);
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        finish(vm, sv, out)
    }

    fn title(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "title")?;
        let s = text(&sv);
        if info(&sv).ascii {
            let mut prev_cased = false;
            let mut out = Vec::with_capacity(s.len());
            for &b in s.as_bytes() {
                out.push(if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() });
                prev_cased = b.is_ascii_alphabetic();
            }
            let out = String::from_utf8(out).unwrap_or_default();
            return finish(vm, sv, out);
        }
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, c) in s.char_indices() {
            if prev_cased {
                push_lower(&mut out, s, i, c);
            } else {
                push_title(&mut out, c);
            }
            prev_cased = is_cased(c);
        }
        finish(vm, sv, out)
    }

    fn capitalize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "capitalize")?;
        let s = text(&sv);
        if info(&sv).ascii {
            let mut out = s.as_bytes().to_ascii_lowercase();
            if let Some(f) = out.first_mut() {
                *f = f.to_ascii_uppercase();
            }
            let out = String::from_utf8(out).unwrap_or_default();
            return finish(vm, sv, out);
        }
        let mut out = String::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            if i == 0 {
                push_title(&mut out, c);
            } else {
                push_lower(&mut out, s, i, c);
            }
        }
        finish(vm, sv, out)
    }

    // ---- predicates ----

    fn pred(
        vm: &mut Vm,
        args: &[Value],
        kw: &[Value],
        name: &str,
        ascii_ok: fn(u8) -> bool,
        char_ok: fn(char) -> bool,
    ) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, name)?;
        let t = info(&sv);
        if t.s.is_empty() {
            return Ok(Value::FALSE);
        }
        let r = if t.ascii { t.s.bytes().all(ascii_ok) } else { t.s.chars().all(char_ok) };
        Ok(Value::bool(r))
    }

    fn u_alpha(c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            tables::in_table(tables::ALPHA, c)
        }
    }
    fn u_decimal(c: char) -> bool {
        c.is_ascii_digit() || (!c.is_ascii() && tables::in_table(tables::DECIMAL, c))
    }
    fn u_digit(c: char) -> bool {
        c.is_ascii_digit() || (!c.is_ascii() && tables::in_table(tables::DIGIT, c))
    }
    fn u_numeric(c: char) -> bool {
        c.is_ascii_digit() || (!c.is_ascii() && tables::in_table(tables::NUMERIC, c))
    }
    fn u_alnum(c: char) -> bool {
        u_alpha(c) || u_numeric(c)
    }

    fn isalpha(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isalpha", |b| b.is_ascii_alphabetic(), u_alpha)
    }
    fn isalnum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isalnum", |b| b.is_ascii_alphanumeric(), u_alnum)
    }
    fn isdigit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isdigit", |b| b.is_ascii_digit(), u_digit)
    }
    fn isdecimal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isdecimal", |b| b.is_ascii_digit(), u_decimal)
    }
    fn isnumeric(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isnumeric", |b| b.is_ascii_digit(), u_numeric)
    }
    fn isspace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        pred(vm, args, kw, "isspace", super::ascii_isspace, py_isspace)
    }

    fn isascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "isascii")?;
        Ok(Value::bool(info(&sv).ascii))
    }

    fn isprintable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "isprintable")?;
        let t = info(&sv);
        let r = if t.ascii {
            t.s.bytes().all(|b| (0x20..0x7f).contains(&b))
        } else {
            t.s.chars().all(|c| tables::in_table(tables::PRINTABLE, c))
        };
        Ok(Value::bool(r))
    }

    fn isidentifier(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "isidentifier")?;
        let s = text(&sv);
        let mut it = s.chars();
        let r = match it.next() {
            None => false,
            Some(c) => {
                let start = if c.is_ascii() {
                    c == '_' || c.is_ascii_alphabetic()
                } else {
                    tables::in_table(tables::ID_START, c)
                };
                start
                    && it.all(|c| {
                        if c.is_ascii() {
                            c == '_' || c.is_ascii_alphanumeric()
                        } else {
                            tables::in_table(tables::ID_CONTINUE, c)
                        }
                    })
            }
        };
        Ok(Value::bool(r))
    }

    /// `islower` (`want_lower`) and `isupper`: some cased character, none of the other case.
    fn case_pred(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, want_lower: bool) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, name)?;
        let t = info(&sv);
        let mut cased = false;
        if t.ascii {
            for b in t.s.bytes() {
                if (want_lower && b.is_ascii_uppercase()) || (!want_lower && b.is_ascii_lowercase()) {
                    return Ok(Value::FALSE);
                }
                cased |= b.is_ascii_alphabetic();
            }
        } else {
            for c in t.s.chars() {
                let (same, other) = if want_lower {
                    (c.is_lowercase(), c.is_uppercase())
                } else {
                    (c.is_uppercase(), c.is_lowercase())
                };
                if other || is_titlecase(c) {
                    return Ok(Value::FALSE);
                }
                cased |= same;
            }
        }
        Ok(Value::bool(cased))
    }

    fn islower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        case_pred(vm, args, kw, "islower", true)
    }
    fn isupper(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        case_pred(vm, args, kw, "isupper", false)
    }

    fn istitle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 1, false)?;
        let sv = recv(vm, args, "istitle")?;
        let (mut cased, mut prev_cased) = (false, false);
        for c in text(&sv).chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev_cased {
                    return Ok(Value::FALSE);
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return Ok(Value::FALSE);
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        Ok(Value::bool(cased))
    }

    // ---- formatting and encoding ----

    /// The text of str `sv` as a `str.format` template, for as long as `sv` is
    /// rooted (heap strings never move).
    fn template_of(sv: &Value) -> crate::format::Template<'static> {
        let utf8 = as_str(sv).map(super::unsafe_extend);
        crate::format::Template::new(super::unsafe_extend_bytes(super::as_wtf8(sv).unwrap_or_default()), utf8)
    }

    fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let sv = recv_any(vm, args, "format")?;
        // `sv` is rooted through `args[0]` (or the instance it is the base of) while
        // `str_format` runs Python code, and heap strings never move.
        let template = template_of(&sv);
        crate::format::str_format(vm, template, &args[1..], kw)
    }

    fn format_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 2, 2, false)?;
        let sv = recv_any(vm, args, "format_map")?;
        // `sv` and the mapping are rooted through `args` while Python code runs.
        let template = template_of(&sv);
        crate::format::str_format_map(vm, template, args[1])
    }

    fn encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 3, true)?;
        let sv = recv_any(vm, args, "encode")?;
        let enc = match arg_or_kw(args, kw, 1, "encoding") {
            Some(e) => match crate::obj::str_surrogates::utf8(vm, &e)? {
                Some(s) => Some(s.to_owned()),
                None => return Err(not_str(vm, e)),
            },
            None => None,
        };
        let errors = match arg_or_kw(args, kw, 2, "errors") {
            Some(e) => crate::obj::str_surrogates::utf8(vm, &e)?.map(str::to_owned),
            None => None,
        };
        let (s, surrogates) = (super::as_wtf8(&sv).unwrap_or_default(), super::has_surrogates(sv));
        let data = super::encode(vm, s, surrogates, enc.as_deref().unwrap_or("utf-8"), errors.as_deref())?;
        vm.new_bytes(data)
    }

    // ---- translate ----

    /// What `table[ord(c)]` says to do with a character (a code point: lone
    /// surrogates come and go like any other).
    enum Tr {
        Keep,
        Delete,
        Char(u32),
        Str(Value),
    }

    fn lookup_tr(vm: &mut Vm, table: Value, c: u32) -> PyResult<Tr> {
        let key = Value::small_int(c as i64);
        let r = if let Some(d) = table.downcast::<DictObj>() {
            match vm.dict_get(d, key)? {
                Some(v) => v,
                None => return Ok(Tr::Keep),
            }
        } else {
            match vm.getitem(table, key) {
                Ok(v) => v,
                Err(e) if vm.exc_matches(e, ExcKind::LookupError) => return Ok(Tr::Keep),
                Err(e) => return Err(e),
            }
        };
        if r.is_none() {
            return Ok(Tr::Delete);
        }
        if let Some(Num::Int(i)) = as_num(&r).filter(|_| !r.is_float()) {
            return match u32::try_from(i).ok().filter(|&c| c < 0x110000) {
                Some(ch) => Ok(Tr::Char(ch)),
                None => Err(vm.value_error("character mapping must be in range(0x110000)")),
            };
        }
        if is_str(r) {
            return Ok(Tr::Str(r));
        }
        Err(vm.type_error("character mapping must return integer, None or str"))
    }

    fn translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 2, 2, false)?;
        let sv = recv_any(vm, args, "translate")?;
        let table = args[1];
        // `sv` is rooted through `args` while the table's `__getitem__` runs.
        let s = super::unsafe_extend_bytes(super::as_wtf8(&sv).unwrap_or_default());
        let mut out = krait_syntax::wtf8::Wtf8Buf::with_capacity(s.len());
        let mut changed = false;
        // Results for ASCII characters, looked up once each.
        let mut cache: [Option<Option<u32>>; 128] = [None; 128];
        let mut extra: Vec<Value> = Vec::new();
        for (_, c) in krait_syntax::wtf8::code_points(s) {
            if c < 0x80 {
                if let Some(r) = cache[c as usize] {
                    if let Some(ch) = r {
                        out.push_code_point(ch);
                    }
                    changed |= r != Some(c);
                    continue;
                }
            }
            match lookup_tr(vm, table, c)? {
                Tr::Keep => {
                    out.push_code_point(c);
                    if c < 0x80 {
                        cache[c as usize] = Some(Some(c));
                    }
                }
                Tr::Delete => {
                    changed = true;
                    if c < 0x80 {
                        cache[c as usize] = Some(None);
                    }
                }
                Tr::Char(ch) => {
                    out.push_code_point(ch);
                    changed |= ch != c;
                    if c < 0x80 {
                        cache[c as usize] = Some(Some(ch));
                    }
                }
                Tr::Str(v) => {
                    match as_str(&v) {
                        Some(t) => out.push_str(t),
                        None => out.push_wtf8(super::as_wtf8(&v).unwrap_or_default()),
                    }
                    changed = true;
                    // Keep the replacement alive across later lookups.
                    vm.temp_roots.push(v);
                    extra.push(v);
                }
            }
            check_room(vm, out.len())?;
        }
        vm.temp_roots.truncate(vm.temp_roots.len() - extra.len());
        if !changed {
            return Ok(sv);
        }
        vm.new_wtf8_buf(out)
    }

    /// `str.maketrans(x[, y[, z]])`
    fn maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        check_args(vm, args, kw, 1, 3, false)?;
        let d = vm.new_dict()?;
        if args.len() == 1 {
            let Some(src) = vm.builtin_receiver(args[0]).downcast::<DictObj>() else {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in src.iter().collect::<Vec<_>>() {
                let key = if let Some(s) = super::as_wtf8(&k) {
                    let mut it = krait_syntax::wtf8::code_points(s);
                    match (it.next(), it.next()) {
                        (Some((_, c)), None) => Value::small_int(c as i64),
                        _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    }
                } else if matches!(as_num(&k), Some(Num::Int(_) | Num::Big(_))) {
                    k
                } else {
                    return Err(vm.type_error("keys in translate table must be strings or integers"));
                };
                vm.dict_set(d, key, v)?;
            }
            return Ok(d.value());
        }
        // (Code points: lone surrogates map like any other.)
        use krait_syntax::wtf8::{code_points, count_chars};
        let (xv, yv) = (args[0], args[1]);
        let (Some(x), Some(y)) = (super::as_wtf8(&xv), super::as_wtf8(&yv)) else {
            return Err(vm.type_error("maketrans() arguments must be strs"));
        };
        if count_chars(x) != count_chars(y) {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for ((_, a), (_, b)) in code_points(x).zip(code_points(y)) {
            vm.dict_set(d, Value::small_int(a as i64), Value::small_int(b as i64))?;
        }
        if let Some(&zv) = args.get(2) {
            let Some(z) = super::as_wtf8(&zv) else { return Err(vm.type_error("maketrans() argument 3 must be str")) };
            for (_, c) in code_points(z) {
                vm.dict_set(d, Value::small_int(c as i64), Value::NONE)?;
            }
        }
        Ok(d.value())
    }

    // ---- the constructor ----

    /// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`
    fn str_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
        if args.len() + kw.len() / 2 > 3 {
            return Err(
                vm.type_error(format!("function expected at most 3 arguments, got {}", args.len() + kw.len() / 2))
            );
        }
        for p in kw.chunks_exact(2) {
            if !matches!(as_str(&p[0]), Some("object" | "encoding" | "errors")) {
                let k = crate::obj::str_surrogates::kw_name(&p[0]).into_owned();
                return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for str()")));
            }
        }
        let obj = arg_or_kw(args, kw, 0, "object");
        let encoding = arg_or_kw(args, kw, 1, "encoding");
        let errors = arg_or_kw(args, kw, 2, "errors");
        let Some(obj) = obj else { return Ok(Value::qstr(krait_syntax::q::EMPTY)) };
        if encoding.is_none() && errors.is_none() {
            return vm.str_value(obj);
        }
        let enc = match encoding {
            Some(e) => match crate::obj::str_surrogates::utf8(vm, &e)? {
                Some(s) => s.to_owned(),
                None => {
                    return Err(vm.type_error(format!("str() argument 'encoding' must be str, not {}", vm.type_name(e))))
                }
            },
            None => "utf-8".to_owned(),
        };
        let errs = match errors {
            Some(e) => match crate::obj::str_surrogates::utf8(vm, &e)? {
                Some(s) => Some(s.to_owned()),
                None => {
                    return Err(vm.type_error(format!("str() argument 'errors' must be str, not {}", vm.type_name(e))))
                }
            },
            None => None,
        };
        if is_str(obj) {
            return Err(vm.type_error("decoding str is not supported"));
        }
        let data = match vm.buffer_bytes(obj) {
            Ok(d) => d,
            Err(_) => {
                return Err(
                    vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(obj)))
                )
            }
        };
        super::decode(vm, &data, &enc, errs.as_deref())
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let t = vm.types.str_;
        // `encode`, `format`, `format_map`, `join` and `translate` handle lone
        // surrogates themselves; the rest refuse them (`recv`, `str_arg`) and
        // are run again on mapped text (`str_surrogates::call_native`).
        vm.add_methods(
            t,
            &[
                ("capitalize", capitalize),
                ("casefold", casefold),
                ("center", center),
                ("count", count),
                ("encode", encode),
                ("endswith", endswith),
                ("expandtabs", expandtabs),
                ("find", find),
                ("format", format),
                ("format_map", format_map),
                ("index", index),
                ("isalnum", isalnum),
                ("isalpha", isalpha),
                ("isascii", isascii),
                ("isdecimal", isdecimal),
                ("isdigit", isdigit),
                ("isidentifier", isidentifier),
                ("islower", islower),
                ("isnumeric", isnumeric),
                ("isprintable", isprintable),
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
            ],
        )?;
        let f = vm.new_builtin_fn("maketrans", maketrans)?;
        let sm = vm.alloc(crate::obj::descriptor::StaticMethodObj { func: f })?;
        vm.add_class_attr(t, "maketrans", sm.value());
        // The constructor, with decoding (`str(b, 'utf-8', 'ignore')`).
        vm.set_make_new(t, str_new);
        Ok(())
    }
}

pub use methods::install;

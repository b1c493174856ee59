//! `array.array`: a compact typed sequence of numbers (the `array` module's type).
//!
//! The items are kept as raw native little-endian bytes, so the array is a buffer
//! (`bytes(a)`, `memoryview(a)`, `f.readinto(a)`) with no conversion, and item
//! access packs and unpacks one value. Typecodes: `b B h H i I l L q Q f d`
//! (`i`/`I` are 4 bytes, `l`/`L` and `q`/`Q` 8, as on a 64-bit CPython).

use num_traits::{Signed, ToPrimitive};

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::str::{check_args, vec_with_room};
use crate::obj::{SliceObj, TypeObj};
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

pub struct ArrayObj {
    pub typecode: u8,
    /// The items, `itemsize` bytes each, native (little-endian) layout.
    pub data: Vec<u8>,
    /// The `array` type (kept here: the module that defines it may be gone).
    pub class: Gc<TypeObj>,
}

impl PyObj for ArrayObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.data.capacity()
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

impl ArrayObj {
    #[inline]
    pub fn itemsize(&self) -> usize {
        itemsize_of(self.typecode).unwrap_or(1)
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.data.len() / self.itemsize()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}

// ---- item encoding (shared with memoryview) ----

/// Bytes per item of a typecode / struct format character, or `None` if unknown.
pub fn itemsize_of(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' | b'n' | b'N' | b'P' => 8,
        _ => return None,
    })
}

/// Typecodes `array.array` accepts.
pub fn is_array_typecode(code: u8) -> bool {
    matches!(code, b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'f' | b'd')
}

#[inline]
fn is_float_code(code: u8) -> bool {
    matches!(code, b'f' | b'd')
}

/// An item's value as a number: ints (up to 64 bits, signed or not) and floats.
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd)]
pub enum Item {
    Int(i128),
    Float(f64),
}

impl Item {
    pub fn as_f64(self) -> f64 {
        match self {
            Item::Int(i) => i as f64,
            Item::Float(f) => f,
        }
    }

    /// Python equality of two numbers.
    pub fn py_eq(self, other: Item) -> bool {
        match (self, other) {
            (Item::Int(a), Item::Int(b)) => a == b,
            (a, b) => a.as_f64() == b.as_f64(),
        }
    }

    pub fn py_cmp(self, other: Item) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Item::Int(a), Item::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    pub fn to_value(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Item::Int(i) => vm.new_int_i128(i),
            Item::Float(f) => Ok(Value::float(f)),
        }
    }
}

/// Decode one item (`b.len()` is the item size of `code`).
pub fn decode_item(code: u8, b: &[u8]) -> Item {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    match code {
        b'b' => Item::Int(w[0] as i8 as i128),
        b'B' | b'c' => Item::Int(w[0] as i128),
        b'?' => Item::Int((w[0] != 0) as i128),
        b'h' => Item::Int(i16::from_le_bytes([w[0], w[1]]) as i128),
        b'H' => Item::Int(u16::from_le_bytes([w[0], w[1]]) as i128),
        b'i' => Item::Int(i32::from_le_bytes([w[0], w[1], w[2], w[3]]) as i128),
        b'I' => Item::Int(u32::from_le_bytes([w[0], w[1], w[2], w[3]]) as i128),
        b'f' => Item::Float(f32::from_le_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'd' => Item::Float(f64::from_le_bytes(w)),
        b'l' | b'q' | b'n' => Item::Int(i64::from_le_bytes(w) as i128),
        _ => Item::Int(u64::from_le_bytes(w) as i128),
    }
}

/// Decode one item as a Python value.
pub fn get_item(vm: &mut Vm, code: u8, b: &[u8]) -> PyResult<Value> {
    decode_item(code, b).to_value(vm)
}

/// The inclusive range of an integer typecode.
fn int_range(code: u8) -> (i128, i128) {
    match code {
        b'b' => (i8::MIN as i128, i8::MAX as i128),
        b'B' | b'c' => (0, u8::MAX as i128),
        b'h' => (i16::MIN as i128, i16::MAX as i128),
        b'H' => (0, u16::MAX as i128),
        b'i' => (i32::MIN as i128, i32::MAX as i128),
        b'I' => (0, u32::MAX as i128),
        b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
        _ => (0, u64::MAX as i128),
    }
}

/// CPython's overflow message for an out-of-range value of typecode `code`.
fn overflow_message(code: u8, negative: bool, huge: bool) -> &'static str {
    if huge && !(negative && matches!(code, b'I' | b'L' | b'Q')) {
        return match code {
            b'q' | b'Q' => "int too big to convert",
            b'I' | b'L' => "Python int too large to convert to C unsigned long",
            _ => "Python int too large to convert to C long",
        };
    }
    match (code, negative) {
        (b'b', true) => "signed char is less than minimum",
        (b'b', false) => "signed char is greater than maximum",
        (b'B', true) => "unsigned byte integer is less than minimum",
        (b'B', false) => "unsigned byte integer is greater than maximum",
        (b'h', true) => "signed short integer is less than minimum",
        (b'h', false) => "signed short integer is greater than maximum",
        (b'H', true) => "unsigned short is less than minimum",
        (b'H', false) => "unsigned short is greater than maximum",
        (b'i', true) => "signed integer is less than minimum",
        (b'i', false) => "signed integer is greater than maximum",
        (b'I' | b'L', true) => "can't convert negative value to unsigned int",
        (b'I', false) => "unsigned int is greater than maximum",
        (b'Q', true) => "can't convert negative int to unsigned",
        (b'q' | b'Q', false) => "int too big to convert",
        (_, _) => "Python int too large to convert to C long",
    }
}

/// Why a value can't be stored as an item.
pub enum PackError {
    /// Not a number of the right kind (TypeError).
    Type,
    /// An int out of the typecode's range (OverflowError with this message).
    Range(&'static str),
}

/// Convert `v` to an item of typecode `code` without raising (no Python code runs
/// except an `__index__` method, through `vm`).
pub fn to_item(vm: &mut Vm, code: u8, v: Value) -> PyResult<Result<Item, PackError>> {
    if is_float_code(code) {
        return Ok(match as_num(&v) {
            Some(Num::Float(f)) => Ok(Item::Float(f)),
            Some(Num::Int(i)) => Ok(Item::Float(i as f64)),
            Some(Num::Big(b)) => match b.to_f64().filter(|f| f.is_finite()) {
                Some(f) => Ok(Item::Float(f)),
                None => Err(PackError::Range("int too large to convert to float")),
            },
            None => Err(PackError::Type),
        });
    }
    let i: i128 = match as_num(&v) {
        Some(Num::Int(i)) => i as i128,
        Some(Num::Big(b)) => match b.to_i128() {
            Some(i) if (-(1i128 << 64)..(1i128 << 64)).contains(&i) => i,
            _ => return Ok(Err(PackError::Range(overflow_message(code, b.is_negative(), true)))),
        },
        Some(Num::Float(_)) => return Ok(Err(PackError::Type)),
        None => {
            // Objects with `__index__`.
            if v.is_ptr() && matches!(v.kind(), Some(ObjKind::Instance)) {
                if let Ok(i) = vm.to_index(v) {
                    i as i128
                } else {
                    return Ok(Err(PackError::Type));
                }
            } else {
                return Ok(Err(PackError::Type));
            }
        }
    };
    let (lo, hi) = int_range(code);
    if i < lo || i > hi {
        let huge =
            i < i64::MIN as i128 || i > u64::MAX as i128 || (i > i64::MAX as i128 && !matches!(code, b'Q' | b'L'));
        return Ok(Err(PackError::Range(overflow_message(code, i < 0, huge))));
    }
    Ok(Ok(Item::Int(i)))
}

/// Encode an item into `out` (of the item size of `code`).
pub fn encode_item(code: u8, item: Item, out: &mut [u8]) {
    match code {
        b'f' => out.copy_from_slice(&(item.as_f64() as f32).to_le_bytes()),
        b'd' => out.copy_from_slice(&item.as_f64().to_le_bytes()),
        _ => {
            let i = match item {
                Item::Int(i) => i,
                Item::Float(f) => f as i128,
            };
            let bytes = (i as u64).to_le_bytes();
            let n = out.len().min(8);
            out[..n].copy_from_slice(&bytes[..n]);
        }
    }
}

/// Convert a value for storing in an array of `code`, raising as CPython's array does.
pub fn array_item(vm: &mut Vm, code: u8, v: Value) -> PyResult<Item> {
    match to_item(vm, code, v)? {
        Ok(i) => Ok(i),
        Err(PackError::Range(msg)) => Err(vm.overflow_error(msg)),
        Err(PackError::Type) => {
            let t = vm.type_name(v);
            Err(if is_float_code(code) {
                vm.type_error(format!("must be real number, not {t}"))
            } else {
                vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            })
        }
    }
}

/// A sequence index (negative from the end) or IndexError.
pub fn norm_index(vm: &mut Vm, key: Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match as_num(&key) {
        Some(Num::Int(i)) if !key.is_float() => i,
        Some(Num::Big(_)) => return Err(vm.index_error(format!("{what} index out of range"))),
        _ => {
            if key.is_kind(ObjKind::Instance) {
                vm.to_index(key)?
            } else {
                return Err(vm.type_error(format!("{what} indices must be integers, not {}", vm.type_name(key))));
            }
        }
    };
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// Charge the heap for growing `v` to hold `extra` more bytes, and reserve them.
pub fn reserve_bytes(vm: &mut Vm, v: &mut Vec<u8>, extra: usize) -> PyResult<()> {
    let need = v.len().saturating_add(extra);
    if need <= v.capacity() {
        return Ok(());
    }
    let new_cap = need.max(v.capacity().saturating_mul(2)).max(8);
    crate::obj::str::check_room(vm, new_cap - v.capacity())?;
    vm.charge(new_cap - v.capacity())?;
    if v.try_reserve_exact(new_cap - v.len()).is_err() {
        return Err(vm.alloc_failed_bytes(new_cap));
    }
    Ok(())
}

// ---- the Python type ----

type R = PyResult<Value>;

/// The array behind `self` (an array, or a user subclass's base array).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<ArrayObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<ArrayObj>()) {
        Some(a) => Ok(a),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'array.array' object"))),
    }
}

/// The array (or subclass base) a value is, if any.
pub fn as_array(vm: &Vm, v: Value) -> Option<Gc<ArrayObj>> {
    v.downcast::<ArrayObj>().or_else(|| vm.builtin_receiver(v).downcast::<ArrayObj>())
}

pub fn new_array(vm: &mut Vm, class: Gc<TypeObj>, typecode: u8, data: Vec<u8>) -> R {
    Ok(vm.alloc(ArrayObj { typecode, data, class })?.value())
}

/// Items of any iterable converted for an array of `code`, as raw bytes.
fn pack_iterable(vm: &mut Vm, code: u8, src: Value) -> PyResult<Vec<u8>> {
    let size = itemsize_of(code).unwrap_or(1);
    // Another array: its values.
    if let Some(a) = as_array(vm, src) {
        if a.typecode == code {
            return Ok(a.data.clone());
        }
        let n = a.len();
        let mut out = vec_with_room(vm, n * size)?;
        out.resize(n * size, 0);
        let (src_code, src_size) = (a.typecode, a.itemsize());
        for k in 0..n {
            let item = decode_item(src_code, &a.data[k * src_size..(k + 1) * src_size]);
            let v = item.to_value(vm)?;
            let it = array_item(vm, code, v)?;
            encode_item(code, it, &mut out[k * size..(k + 1) * size]);
        }
        return Ok(out);
    }
    let items = vm.collect_iterable(src)?;
    let mut out = vec_with_room(vm, items.len().saturating_mul(size))?;
    out.resize(items.len() * size, 0);
    // An item's `__index__` may run Python code (and collect): keep the items rooted.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = (|| {
        for (k, &v) in items.iter().enumerate() {
            let it = array_item(vm, code, v)?;
            encode_item(code, it, &mut out[k * size..(k + 1) * size]);
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r.map(|_| out)
}

/// `array(typecode[, initializer])`
fn array_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({} given)", args.len())));
    }
    let tc = args[0];
    let code = match crate::obj::str::as_wtf8(&tc) {
        // (A lone surrogate is one character, and no typecode.)
        Some(s) if krait_syntax::wtf8::count_chars(s) == 1 => s[0],
        _ => {
            return Err(
                vm.type_error(format!("array() argument 1 must be a unicode character, not {}", vm.type_name(tc)))
            )
        }
    };
    if !is_array_typecode(code) {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    // `cls` is the array type itself: a user subclass's instance gets this array as its base.
    let class = cls.native_base.unwrap_or(cls);
    let data = match args.get(1) {
        None => Vec::new(),
        Some(&init) => {
            if crate::obj::str::is_str(init) {
                return Err(
                    vm.type_error(format!("cannot use a str to initialize an array with typecode '{}'", code as char))
                );
            }
            let raw = if init.is_kind(ObjKind::Bytes) || init.is_kind(ObjKind::ByteArray) {
                vm.bytes_data(init)
            } else {
                None
            };
            match raw {
                Some(d) => {
                    let size = itemsize_of(code).unwrap_or(1);
                    if d.len() % size != 0 {
                        return Err(vm.value_error("bytes length not a multiple of item size"));
                    }
                    d
                }
                None => pack_iterable(vm, code, init)?,
            }
        }
    };
    new_array(vm, class, code, data)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = this(vm, args, "__len__")?;
    vm.new_int(a.len() as i64)
}

/// `a[i]` for an int index.
#[inline]
pub fn get_index(vm: &mut Vm, a: Gc<ArrayObj>, i: i64) -> R {
    let (code, size) = (a.typecode, a.itemsize());
    let n = (a.data.len() / size) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("array index out of range"));
    }
    let j = j as usize;
    get_item(vm, code, &a.data[j * size..(j + 1) * size])
}

/// `a[i] = v` for an int index.
#[inline]
pub fn set_index(vm: &mut Vm, a: Gc<ArrayObj>, i: i64, v: Value) -> PyResult<()> {
    let (code, size) = (a.typecode, a.itemsize());
    let slot = |a: &ArrayObj| {
        let n = (a.data.len() / size) as i64;
        let j = if i < 0 { i + n } else { i };
        (0..n).contains(&j).then_some(j as usize * size)
    };
    if slot(&a).is_none() {
        return Err(vm.index_error("array assignment index out of range"));
    }
    let item = array_item(vm, code, v)?;
    // Converting `v` may have run `__index__` and resized the array: look again.
    match slot(&a) {
        Some(at) => encode_item(code, item, &mut a.get_mut().data[at..at + size]),
        None => return Err(vm.index_error("array assignment index out of range")),
    }
    Ok(())
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__getitem__")?;
    let key = args[1];
    let (code, size) = (a.typecode, a.itemsize());
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = vm.slice_indices(sl, a.len())?;
        let mut out = vec_with_room(vm, n * size)?;
        let mut i = start;
        for _ in 0..n {
            let at = i as usize * size;
            out.extend_from_slice(&a.data[at..at + size]);
            i += step;
        }
        return new_array(vm, a.class, code, out);
    }
    if let Some(i) = key.as_small_int() {
        return get_index(vm, a, i);
    }
    let i = norm_index(vm, key, a.len(), "array")?;
    get_item(vm, code, &a.data[i * size..(i + 1) * size])
}

/// Raw bytes for storing into an array of `code` from the right side of a slice assignment.
fn slice_source(vm: &mut Vm, code: u8, v: Value) -> PyResult<Vec<u8>> {
    let size = itemsize_of(code).unwrap_or(1);
    if let Some(src) = as_array(vm, v) {
        if src.typecode == code || src.itemsize() == size && !is_float_code(code) && !is_float_code(src.typecode) {
            return Ok(src.data.clone());
        }
        return pack_iterable(vm, code, v);
    }
    if !v.is_kind(ObjKind::List) && !v.is_kind(ObjKind::Tuple) {
        if let Some(d) = crate::buffer::buffer_bytes(vm, v) {
            if d.len() % size != 0 {
                return Err(vm.value_error("lhs and rhs should be compatible"));
            }
            return Ok(d);
        }
    }
    if as_num(&v).is_some() {
        return Err(vm.type_error(format!("can only assign array (not \"{}\") to array slice", vm.type_name(v))));
    }
    pack_iterable(vm, code, v)
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 3, false)?;
    let a = this(vm, args, "__setitem__")?;
    let (key, v) = (args[1], args[2]);
    let (code, size) = (a.typecode, a.itemsize());
    if let Some(sl) = key.downcast::<SliceObj>() {
        let src = slice_source(vm, code, v)?;
        let (start, stop, step, n) = vm.slice_indices(sl, a.len())?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            let (lo, hi) = (start as usize * size, stop * size);
            if src.len() > hi - lo {
                let mut data = std::mem::take(&mut a.get_mut().data);
                let r = reserve_bytes(vm, &mut data, src.len() - (hi - lo));
                a.get_mut().data = data;
                r?;
            }
            a.get_mut().data.splice(lo..hi, src);
            return Ok(Value::NONE);
        }
        if src.len() != n * size {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {n}",
                src.len() / size
            )));
        }
        let data = &mut a.get_mut().data;
        let mut i = start;
        for k in 0..n {
            let at = i as usize * size;
            data[at..at + size].copy_from_slice(&src[k * size..(k + 1) * size]);
            i += step;
        }
        return Ok(Value::NONE);
    }
    let i = match norm_index(vm, key, a.len(), "array") {
        Ok(i) => i,
        Err(e) if vm.exc_matches(e, crate::error::ExcKind::IndexError) => {
            return Err(vm.index_error("array assignment index out of range"))
        }
        Err(e) => return Err(e),
    };
    let item = array_item(vm, code, v)?;
    // `__index__` may have run Python code that resized the array.
    let data = &mut a.get_mut().data;
    if (i + 1) * size <= data.len() {
        encode_item(code, item, &mut data[i * size..(i + 1) * size]);
    }
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__delitem__")?;
    let key = args[1];
    let size = a.itemsize();
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = vm.slice_indices(sl, a.len())?;
        let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        idx.sort_unstable();
        let data = &mut a.get_mut().data;
        let mut keep = Vec::with_capacity(data.len() - n * size);
        let mut next = idx.iter().peekable();
        for (k, chunk) in data.chunks_exact(size).enumerate() {
            if next.peek() == Some(&&k) {
                next.next();
            } else {
                keep.extend_from_slice(chunk);
            }
        }
        *data = keep;
        return Ok(Value::NONE);
    }
    let i = norm_index(vm, key, a.len(), "array")?;
    a.get_mut().data.drain(i * size..(i + 1) * size);
    Ok(Value::NONE)
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "append")?;
    let (code, size) = (a.typecode, a.itemsize());
    let item = array_item(vm, code, args[1])?;
    let mut buf = [0u8; 8];
    encode_item(code, item, &mut buf[..size]);
    let mut data = std::mem::take(&mut a.get_mut().data);
    let r = reserve_bytes(vm, &mut data, size);
    if r.is_ok() {
        data.extend_from_slice(&buf[..size]);
    }
    a.get_mut().data = data;
    r.map(|_| Value::NONE)
}

/// Append raw item bytes to an array, charging the heap.
fn push_bytes(vm: &mut Vm, a: Gc<ArrayObj>, bytes: &[u8]) -> PyResult<()> {
    let mut data = std::mem::take(&mut a.get_mut().data);
    let r = reserve_bytes(vm, &mut data, bytes.len());
    if r.is_ok() {
        data.extend_from_slice(bytes);
    }
    a.get_mut().data = data;
    r
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "extend")?;
    let src = args[1];
    if let Some(b) = as_array(vm, src) {
        if b.typecode != a.typecode {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let d = b.data.clone();
        push_bytes(vm, a, &d)?;
        return Ok(Value::NONE);
    }
    let d = pack_iterable(vm, a.typecode, src)?;
    push_bytes(vm, a, &d)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 3, false)?;
    let a = this(vm, args, "insert")?;
    let i = vm.to_index(args[1])?;
    let (code, size) = (a.typecode, a.itemsize());
    let item = array_item(vm, code, args[2])?;
    let mut buf = [0u8; 8];
    encode_item(code, item, &mut buf[..size]);
    let n = a.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let mut data = std::mem::take(&mut a.get_mut().data);
    let r = reserve_bytes(vm, &mut data, size);
    if r.is_ok() {
        data.splice(pos * size..pos * size, buf[..size].iter().copied());
    }
    a.get_mut().data = data;
    r.map(|_| Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2, false)?;
    let a = this(vm, args, "pop")?;
    let n = a.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let i = match args.get(1) {
        Some(&v) => vm.to_index(v)?,
        None => -1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= a.len() as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let (code, size, j) = (a.typecode, a.itemsize(), j as usize);
    let item = decode_item(code, &a.data[j * size..(j + 1) * size]);
    a.get_mut().data.drain(j * size..(j + 1) * size);
    item.to_value(vm)
}

/// Position of the first item equal to `v` in `start..stop`.
fn find_item(vm: &mut Vm, a: Gc<ArrayObj>, v: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let want = match as_num(&v) {
        Some(Num::Int(i)) => Some(Item::Int(i as i128)),
        Some(Num::Float(f)) => Some(Item::Float(f)),
        Some(Num::Big(b)) => b.to_i128().map(Item::Int),
        None => None,
    };
    let (code, size) = (a.typecode, a.itemsize());
    let mut k = start;
    while k < stop.min(a.len()) {
        let item = decode_item(code, &a.data[k * size..(k + 1) * size]);
        let hit = match want {
            Some(w) => item.py_eq(w),
            None => {
                if as_num(&v).is_some() {
                    false
                } else {
                    let x = item.to_value(vm)?;
                    vm.eq(x, v)?
                }
            }
        };
        if hit {
            return Ok(Some(k));
        }
        k += 1;
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 4, false)?;
    let a = this(vm, args, "index")?;
    let (start, stop) = crate::obj::list::index_range(vm, args, 2, a.len())?;
    match find_item(vm, a, args[1], start, stop)? {
        Some(i) => vm.new_int(i as i64),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "count")?;
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = find_item(vm, a, args[1], from, usize::MAX)? {
        n += 1;
        from = i + 1;
    }
    vm.new_int(n)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "remove")?;
    match find_item(vm, a, args[1], 0, usize::MAX)? {
        Some(i) => {
            let size = a.itemsize();
            a.get_mut().data.drain(i * size..(i + 1) * size);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let a = this(vm, args, "reverse")?;
    let size = a.itemsize();
    let data = &mut a.get_mut().data;
    let n = data.len() / size;
    for k in 0..n / 2 {
        let (x, y) = (k * size, (n - 1 - k) * size);
        for b in 0..size {
            data.swap(x + b, y + b);
        }
    }
    Ok(Value::NONE)
}

fn byteswap(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let a = this(vm, args, "byteswap")?;
    let size = a.itemsize();
    for chunk in a.get_mut().data.chunks_exact_mut(size) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn tobytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let a = this(vm, args, "tobytes")?;
    let d = a.data.clone();
    vm.new_bytes(d)
}

fn frombytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "frombytes")?;
    let Some(d) = crate::buffer::buffer_bytes(vm, args[1]) else {
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(args[1]))));
    };
    if d.len() % a.itemsize() != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    push_bytes(vm, a, &d)?;
    Ok(Value::NONE)
}

fn tolist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let a = this(vm, args, "tolist")?;
    let (code, size) = (a.typecode, a.itemsize());
    let mut items = Vec::with_capacity(a.len());
    for k in 0..a.len() {
        let v = get_item(vm, code, &a.data[k * size..(k + 1) * size])?;
        items.push(v);
    }
    vm.new_list(items)
}

fn fromlist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "fromlist")?;
    if !args[1].is_kind(ObjKind::List) {
        return Err(vm.type_error("arg must be list"));
    }
    let d = pack_iterable(vm, a.typecode, args[1])?;
    push_bytes(vm, a, &d)?;
    Ok(Value::NONE)
}

fn buffer_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let a = this(vm, args, "buffer_info")?;
    let addr = vm.new_int(a.data.as_ptr() as usize as i64)?;
    let n = vm.new_int(a.len() as i64)?;
    vm.new_tuple_from(&[addr, n])
}

fn typecode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = this(vm, args, "typecode")?;
    let c = [a.typecode];
    vm.new_str(std::str::from_utf8(&c).unwrap_or("?"))
}

fn itemsize(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = this(vm, args, "itemsize")?;
    vm.new_int(a.itemsize() as i64)
}

/// Append the repr of an array to `out`.
fn repr_array(a: &ArrayObj, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "array('{}'", a.typecode as char);
    let size = a.itemsize();
    if !a.data.is_empty() {
        out.push_str(", [");
        for (k, chunk) in a.data.chunks_exact(size).enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            match decode_item(a.typecode, chunk) {
                Item::Int(i) => {
                    let _ = write!(out, "{i}");
                }
                Item::Float(f) => out.push_str(&crate::num::float::float_repr(f)),
            }
        }
        out.push(']');
    }
    out.push(')');
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = this(vm, args, "__repr__")?;
    let mut s = String::new();
    repr_array(&a, &mut s);
    vm.new_string(s)
}

/// Items of an array as numbers (for comparisons).
fn items_of(a: &ArrayObj) -> impl Iterator<Item = Item> + '_ {
    let code = a.typecode;
    a.data.chunks_exact(a.itemsize()).map(move |c| decode_item(code, c))
}

fn compare(vm: &mut Vm, args: &[Value], op: krait_syntax::ast::CmpOp) -> R {
    use krait_syntax::ast::CmpOp;
    let a = this(vm, args, "__eq__")?;
    let Some(b) = args.get(1).and_then(|&v| as_array(vm, v)) else { return Ok(Value::NOT_IMPLEMENTED) };
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::NotEq));
    }
    let mut ord = Some(a.len().cmp(&b.len()));
    for (x, y) in items_of(&a).zip(items_of(&b)) {
        if !x.py_eq(y) {
            ord = x.py_cmp(y);
            break;
        }
    }
    Ok(Value::bool(crate::ops::apply_partial_ord(op, ord)))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::NotEq)
}
fn lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::Lt)
}
fn le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::LtE)
}
fn gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    compare(vm, args, krait_syntax::ast::CmpOp::GtE)
}

fn add(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__add__")?;
    let Some(b) = as_array(vm, args[1]) else { return Ok(Value::NOT_IMPLEMENTED) };
    if a.typecode != b.typecode {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut d = vec_with_room(vm, a.data.len().saturating_add(b.data.len()))?;
    d.extend_from_slice(&a.data);
    d.extend_from_slice(&b.data);
    new_array(vm, a.class, a.typecode, d)
}

fn iadd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__iadd__")?;
    let Some(b) = as_array(vm, args[1]) else {
        return Err(vm.type_error(format!("can only extend array with array (not \"{}\")", vm.type_name(args[1]))));
    };
    if a.typecode != b.typecode {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let d = b.data.clone();
    push_bytes(vm, a, &d)?;
    Ok(args[0])
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    match as_num(&v) {
        Some(Num::Int(n)) if !v.is_float() => Ok(Some(n.max(0) as usize)),
        Some(Num::Big(b)) => {
            if b.is_negative() {
                Ok(Some(0))
            } else {
                Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
        }
        _ => Ok(None),
    }
}

fn mul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__mul__")?;
    let Some(n) = repeat_count(vm, args[1])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let total = a.data.len().saturating_mul(n);
    let mut d = vec_with_room(vm, total)?;
    for _ in 0..n {
        d.extend_from_slice(&a.data);
    }
    new_array(vm, a.class, a.typecode, d)
}

fn imul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__imul__")?;
    let Some(n) = repeat_count(vm, args[1])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let total = a.data.len().saturating_mul(n);
    let mut d = vec_with_room(vm, total)?;
    for _ in 0..n {
        d.extend_from_slice(&a.data);
    }
    vm.charge(total.saturating_sub(a.data.capacity()))?;
    a.get_mut().data = d;
    Ok(args[0])
}

fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let a = this(vm, args, "__contains__")?;
    Ok(Value::bool(find_item(vm, a, args[1], 0, usize::MAX)?.is_some()))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let a = this(vm, args, "__copy__")?;
    let d = a.data.clone();
    new_array(vm, a.class, a.typecode, d)
}

/// Make the `array` type (called when the `array` module is first imported).
pub fn make_type(vm: &mut Vm) -> PyResult<Gc<TypeObj>> {
    let t = vm.new_builtin_type("array", "array", &[])?;
    vm.set_make_new(t, array_new);
    t.get_mut().native_base = Some(t);
    vm.add_methods(
        t,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("reverse", reverse),
            ("byteswap", byteswap),
            ("tobytes", tobytes),
            ("frombytes", frombytes),
            ("tolist", tolist),
            ("fromlist", fromlist),
            ("buffer_info", buffer_info),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
            ("__copy__", copy),
            ("__deepcopy__", copy),
        ],
    )?;
    vm.add_property(t, "typecode", typecode)?;
    vm.add_property(t, "itemsize", itemsize)?;
    vm.add_class_attr(t, "__hash__", Value::NONE);
    Ok(t)
}

//! `struct`: packing values into bytes and back (`pack`, `unpack`, `calcsize`,
//! `pack_into`, `unpack_from`, `iter_unpack`, and CPython's `Struct`).
//!
//! Formats are CPython's: byte orders `@` (native sizes and alignment, the
//! default), `=`, `<`, `>`, `!`; codes `x c b B ? h H i I l L q Q n N e f d s p P`
//! with repeat counts and white space between items.
//!
//! Errors: MicroPython raises `ValueError` where CPython raises `struct.error`.
//! krait's `struct.error` is a subclass of `ValueError`, so code written for
//! either catches it. The messages are MicroPython's for the conditions MicroPython
//! checks ("bad typecode", "buffer too small") and CPython's for those it doesn't
//! (argument counts, integer ranges, exact `unpack` sizes).

use std::rc::Rc;

use num_traits::ToPrimitive;

use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{BytesObj, ModuleObj, TypeObj};
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

/// Byte order and sizing mode of a format.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Mode {
    /// `@`: native order, native sizes and alignment.
    Native,
    /// `=`, `<`: little-endian standard sizes.
    Little,
    /// `>`, `!`: big-endian standard sizes.
    Big,
}

/// One format item: `count` values (or bytes, for `s`/`p`/`x`) of `code` at `offset`.
#[derive(Copy, Clone, Debug)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

/// A parsed format.
#[derive(Clone, Debug)]
struct Layout {
    mode: Mode,
    items: Vec<Item>,
    /// Total size in bytes.
    size: usize,
    /// Number of Python values packed or unpacked.
    nvalues: usize,
}

/// (size, alignment) of a code in a mode, or `None` for a code the mode lacks.
fn code_size(mode: Mode, code: u8) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native && !matches!(code, b's' | b'p' | b'x') { size } else { 1 };
    Some((size, align))
}

fn parse_format(fmt: &[u8]) -> Result<Layout, &'static str> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => {
            (if fmt[0] == b'=' && cfg!(target_endian = "big") { Mode::Big } else { Mode::Little }, &fmt[1..])
        }
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    // `=` uses standard sizes with native order: model it as Little/Big (same sizes).
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: usize = 1;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((body[i] - b'0') as usize))
                    .ok_or("total struct size too long")?;
                i += 1;
            }
            if i >= body.len() {
                return Err("repeat count given without format specifier");
            }
            count = n;
        }
        let code = body[i];
        i += 1;
        let (isize_, align) = code_size(mode, code).ok_or("bad typecode")?;
        if align > 1 {
            size = size.div_ceil(align).checked_mul(align).ok_or("total struct size too long")?;
        }
        match code {
            b's' | b'p' => nvalues += 1,
            b'x' => {}
            _ => nvalues += count,
        }
        items.push(Item { code, count, size: isize_, offset: size });
        size = count.checked_mul(isize_).and_then(|n| n.checked_add(size)).ok_or("total struct size too long")?;
        if size > isize::MAX as usize / 2 {
            return Err("total struct size too long");
        }
    }
    Ok(Layout { mode, items, size, nvalues })
}

/// The `struct.error` class (found through the module, so one class serves
/// `struct` and `ustruct`), falling back to `ValueError`.
fn struct_error(vm: &mut Vm, msg: impl AsRef<str>) -> PyErr {
    let cls = vm
        .modules
        .get_qstr(Qstr::new("struct"))
        .and_then(|m| m.downcast::<ModuleObj>())
        .and_then(|m| m.dict.get_qstr(Qstr::new("error")))
        .and_then(|e| e.downcast::<TypeObj>());
    match cls {
        Some(c) => vm.new_exception_of(c, msg.as_ref()),
        None => vm.value_error(msg),
    }
}

/// Recently parsed formats (format bytes, layout), most recent last.
type LayoutCache = std::cell::RefCell<Vec<(Box<[u8]>, Rc<Layout>)>>;

thread_local! {
    static LAYOUTS: LayoutCache = const { std::cell::RefCell::new(Vec::new()) };
}

const LAYOUT_CACHE_SIZE: usize = 16;

fn parse_cached(fmt: &[u8]) -> Result<Rc<Layout>, &'static str> {
    let hit = LAYOUTS.with(|c| c.borrow().iter().rev().find(|(f, _)| &**f == fmt).map(|(_, l)| l.clone()));
    if let Some(l) = hit {
        return Ok(l);
    }
    let l = Rc::new(parse_format(fmt)?);
    LAYOUTS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= LAYOUT_CACHE_SIZE {
            c.remove(0);
        }
        c.push((fmt.into(), l.clone()));
    });
    Ok(l)
}

fn layout_of(vm: &mut Vm, fmt: Value) -> PyResult<Rc<Layout>> {
    let r = if let Some(s) = crate::obj::str_surrogates::utf8(vm, &fmt)? {
        parse_cached(s.as_bytes())
    } else if let Some(b) = fmt.downcast::<BytesObj>() {
        parse_cached(&b.data)
    } else {
        return Err(
            vm.type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", vm.type_name(fmt)))
        );
    };
    r.map_err(|m| struct_error(vm, m))
}

// ---- packing ----

/// `(min, max)` of an integer code.
fn int_range(code: u8, size: usize) -> (i128, i128) {
    let signed = code.is_ascii_lowercase() && code != b'p';
    let bits = (size * 8) as u32;
    match (code, signed) {
        (b'P', _) => (i64::MIN as i128, u64::MAX as i128),
        (_, true) => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
        (_, false) => (0, (1i128 << bits) - 1),
    }
}

fn range_message(code: u8, size: usize, lo: i128, hi: i128, v: i128) -> String {
    match code {
        b'b' => "byte format requires -128 <= number <= 127".into(),
        b'B' => "ubyte format requires 0 <= number <= 255".into(),
        b'h' => "short format requires -32768 <= number <= 32767".into(),
        b'H' => "ushort format requires 0 <= number <= 65535".into(),
        b'i' | b'l' if size == 4 => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        b'I' | b'L' if size == 4 && v >= 0 => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        _ => "argument out of range".into(),
    }
}

fn int_value(vm: &mut Vm, v: Value) -> PyResult<i128> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as i128);
    }
    match as_num(&v) {
        Some(Num::Int(i)) => return Ok(i as i128),
        Some(Num::Big(b)) => {
            return Ok(b.to_i128().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i128::MIN } else { i128::MAX }))
        }
        Some(Num::Float(_)) => return Err(struct_error(vm, "required argument is not an integer")),
        None => {}
    }
    if let Some(r) = vm.call_special(v, krait_syntax::q::__index__, &[])? {
        if let Some(b) = crate::ops::int_as_bigint(r).filter(|_| !r.is_float()) {
            return Ok(b.to_i128().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i128::MIN } else { i128::MAX }));
        }
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

fn float_value(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if as_num(&v).is_none() && !matches!(v.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other)) {
        return Err(struct_error(vm, "required argument is not a float"));
    }
    match super::math::float_arg(vm, v) {
        Ok(f) => Ok(f),
        Err(e) if vm.exc_matches(e, ExcKind::TypeError) => Err(struct_error(vm, "required argument is not a float")),
        Err(e) => Err(e),
    }
}

fn put_uint(out: &mut [u8], bits: u64, big: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if big { (n - 1 - k) * 8 } else { k * 8 };
        *b = (bits >> shift) as u8;
    }
}

fn get_uint(data: &[u8], big: bool) -> u64 {
    let mut v: u64 = 0;
    if big {
        for &b in data {
            v = (v << 8) | b as u64;
        }
    } else {
        for &b in data.iter().rev() {
            v = (v << 8) | b as u64;
        }
    }
    v
}

/// IEEE half precision from a double, rounding half to even; `None` on overflow.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let (f, e) = super::math::frexp_f(a);
    let (mut f, mut e) = (f * 2.0, e - 1); // 1 <= f < 2
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f = super::math::ldexp_f(f, 14 + e as i64);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i64;
    let m = (h & 0x3ff) as f64;
    let mag = match e {
        0 => super::math::ldexp_f(m, -24),
        0x1f => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => super::math::ldexp_f(1.0 + m / 1024.0, e - 15),
    };
    sign * mag
}

/// Pack `values` into `out` (which is `layout.size` bytes, zeroed).
fn pack_values(vm: &mut Vm, layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let big = layout.mode == Mode::Big;
    let mut vi = 0;
    for it in &layout.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = values[vi];
                vi += 1;
                let data = match crate::buffer::with_buffer(vm, v, |d| d.to_vec()) {
                    Some(d) => d,
                    None => {
                        return Err(struct_error(
                            vm,
                            format!("argument for '{}' must be a bytes object", it.code as char),
                        ))
                    }
                };
                let field = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = values[vi];
                    vi += 1;
                    let at = it.offset + k * it.size;
                    let field = &mut out[at..at + it.size];
                    match code {
                        b'c' => {
                            let b = v.downcast::<BytesObj>().filter(|b| b.data.len() == 1).map(|b| b.data[0]);
                            let b = match b.or_else(|| {
                                v.downcast::<crate::obj::bytes::ByteArrayObj>()
                                    .filter(|b| b.data.len() == 1)
                                    .map(|b| b.data[0])
                            }) {
                                Some(b) => b,
                                None => {
                                    return Err(struct_error(vm, "char format requires a bytes object of length 1"))
                                }
                            };
                            field[0] = b;
                        }
                        b'?' => field[0] = vm.truthy(v)? as u8,
                        b'e' => {
                            let f = float_value(vm, v)?;
                            let Some(h) = f64_to_half(f) else {
                                return Err(vm.overflow_error("float too large to pack with e format"));
                            };
                            put_uint(field, h as u64, big);
                        }
                        b'f' => {
                            let f = float_value(vm, v)?;
                            let g = f as f32;
                            if g.is_infinite() && f.is_finite() {
                                return Err(vm.overflow_error("float too large to pack with f format"));
                            }
                            put_uint(field, g.to_bits() as u64, big);
                        }
                        b'd' => {
                            let f = float_value(vm, v)?;
                            put_uint(field, f.to_bits(), big);
                        }
                        _ => {
                            let x = int_value(vm, v)?;
                            let (lo, hi) = int_range(code, it.size);
                            if x < lo || x > hi {
                                let msg = if code == b'P' {
                                    "int too large to convert".to_owned()
                                } else {
                                    range_message(code, it.size, lo, hi, x)
                                };
                                return Err(struct_error(vm, msg));
                            }
                            put_uint(field, x as u64, big);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn pack_to_vec(vm: &mut Vm, layout: &Layout, values: &[Value], fname: &str) -> PyResult<Vec<u8>> {
    if values.len() != layout.nvalues {
        return Err(struct_error(
            vm,
            format!("{fname} expected {} items for packing (got {})", layout.nvalues, values.len()),
        ));
    }
    vm.charge(layout.size)?;
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, values, &mut out)?;
    Ok(out)
}

// ---- unpacking ----

fn unpack_values(vm: &mut Vm, layout: &Layout, data: &[u8]) -> R {
    let big = layout.mode == Mode::Big;
    let mut out = Vec::with_capacity(layout.nvalues);
    for it in &layout.items {
        match it.code {
            b'x' => {}
            b's' => out.push(vm.new_bytes(data[it.offset..it.offset + it.count].to_vec())?),
            b'p' => {
                let field = &data[it.offset..it.offset + it.count];
                let n = match field.first() {
                    Some(&n) => (n as usize).min(it.count - 1),
                    None => 0,
                };
                let bytes = if it.count == 0 { Vec::new() } else { field[1..1 + n].to_vec() };
                out.push(vm.new_bytes(bytes)?);
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let field = &data[at..at + it.size];
                    let raw = get_uint(field, big);
                    let v = match code {
                        b'c' => vm.new_bytes(vec![field[0]])?,
                        b'?' => Value::bool(raw != 0),
                        b'e' => Value::float(half_to_f64(raw as u16)),
                        b'f' => Value::float(f32::from_bits(raw as u32) as f64),
                        b'd' => Value::float(f64::from_bits(raw)),
                        _ => {
                            let signed = code.is_ascii_lowercase();
                            if signed {
                                let shift = 64 - it.size * 8;
                                vm.new_int(((raw << shift) as i64) >> shift)?
                            } else {
                                vm.new_int_i128(raw as i128)?
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    vm.new_tuple(out)
}

/// A copy of the bytes being unpacked: inline when small (no allocation).
enum Window {
    Small([u8; 64], usize),
    Big(Vec<u8>),
}

impl std::ops::Deref for Window {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Window::Small(a, n) => &a[..*n],
            Window::Big(v) => v,
        }
    }
}

/// Copy `n` bytes at `offset` of a buffer object (never the whole buffer), or
/// `Err(len)` with the buffer's length when it is too short.
fn read_window(vm: &mut Vm, buf: Value, offset: usize, n: usize) -> PyResult<Result<Window, usize>> {
    match crate::buffer::with_buffer(vm, buf, |d| match d.get(offset..offset.saturating_add(n)) {
        Some(w) if w.len() <= 64 => {
            let mut a = [0u8; 64];
            a[..w.len()].copy_from_slice(w);
            Ok(Window::Small(a, w.len()))
        }
        Some(w) => Ok(Window::Big(w.to_vec())),
        None => Err(d.len()),
    }) {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(buf)))),
    }
}

fn buffer_len(vm: &mut Vm, buf: Value) -> PyResult<usize> {
    match crate::buffer::with_buffer(vm, buf, |d| d.len()) {
        Some(n) => Ok(n),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(buf)))),
    }
}

/// An offset argument; negative offsets count from the end of a `len`-byte buffer.
fn resolve_offset(vm: &mut Vm, off: Value, len: usize) -> PyResult<usize> {
    let o = vm.to_index(off)?;
    if o < 0 {
        let r = len as i64 + o;
        if r < 0 {
            return Err(struct_error(vm, "buffer too small"));
        }
        return Ok(r as usize);
    }
    Ok(o as usize)
}

// ---- the functions (shared by the module and `Struct` methods) ----

fn do_unpack(vm: &mut Vm, layout: &Layout, buf: Value) -> R {
    match read_window(vm, buf, 0, layout.size)? {
        Ok(data) => {
            let len = buffer_len(vm, buf)?;
            if len != layout.size {
                return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", layout.size)));
            }
            unpack_values(vm, layout, &data)
        }
        Err(_) => Err(struct_error(vm, "buffer too small")),
    }
}

fn do_unpack_from(vm: &mut Vm, layout: &Layout, buf: Value, offset: Option<Value>) -> R {
    let off = match offset {
        Some(o) => match o.as_small_int() {
            Some(i) if i >= 0 => i as usize,
            _ => {
                let len = buffer_len(vm, buf)?;
                resolve_offset(vm, o, len)?
            }
        },
        None => 0,
    };
    match read_window(vm, buf, off, layout.size)? {
        Ok(data) => unpack_values(vm, layout, &data),
        Err(_) => Err(struct_error(vm, "buffer too small")),
    }
}

fn do_pack_into(vm: &mut Vm, layout: &Layout, buf: Value, offset: Value, values: &[Value]) -> R {
    let Some(len) = crate::buffer::with_buffer_mut(vm, buf, |d| d.len()) else {
        return Err(vm.type_error(format!("argument must be read-write bytes-like object, not {}", vm.type_name(buf))));
    };
    let off = resolve_offset(vm, offset, len)?;
    if off.checked_add(layout.size).is_none_or(|end| end > len) {
        return Err(struct_error(vm, "buffer too small"));
    }
    let data = pack_to_vec(vm, layout, values, "pack_into")?;
    // Python code ran while packing (`__index__`, `__bool__`): re-check the size.
    let ok = crate::buffer::with_buffer_mut(vm, buf, |d| match d.get_mut(off..off + data.len()) {
        Some(w) => {
            w.copy_from_slice(&data);
            true
        }
        None => false,
    });
    if ok != Some(true) {
        return Err(struct_error(vm, "buffer too small"));
    }
    Ok(Value::NONE)
}

fn do_iter_unpack(vm: &mut Vm, layout: &Layout, buf: Value) -> R {
    if layout.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let len = buffer_len(vm, buf)?;
    if len % layout.size != 0 {
        return Err(struct_error(
            vm,
            format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size),
        ));
    }
    let data = match read_window(vm, buf, 0, len)? {
        Ok(d) => d,
        Err(_) => return Err(struct_error(vm, "buffer too small")),
    };
    let list = vm.new_list(Vec::new())?;
    vm.temp_roots.push(list);
    let r = (|| {
        for chunk in data.chunks_exact(layout.size) {
            let t = unpack_values(vm, layout, chunk)?;
            vm.list_append(list, t)?;
        }
        vm.get_iter(list)
    })();
    vm.temp_roots.pop();
    r
}

fn fmt_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Rc<Layout>)> {
    let Some(&f) = args.first() else {
        return Err(vm.type_error(format!("{name}() missing required argument 'format' (pos 1)")));
    };
    let l = layout_of(vm, f)?;
    Ok((f, l))
}

fn calcsize(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "calcsize")?;
    vm.new_int(l.size as i64)
}

fn pack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "pack")?;
    let data = pack_to_vec(vm, &l, &args[1..], "pack")?;
    vm.new_bytes(data)
}

fn unpack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "unpack")?;
    let Some(&buf) = args.get(1) else { return Err(vm.type_error("unpack expected 2 arguments")) };
    do_unpack(vm, &l, buf)
}

fn unpack_from(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "unpack_from")?;
    let Some(buf) = args.get(1).copied().or_else(|| kwarg(kw, "buffer")) else {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 2)"));
    };
    let offset = args.get(2).copied().or_else(|| kwarg(kw, "offset"));
    do_unpack_from(vm, &l, buf, offset)
}

fn pack_into(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "pack_into")?;
    if args.len() < 3 {
        return Err(vm.type_error("pack_into expected buffer argument and offset"));
    }
    do_pack_into(vm, &l, args[1], args[2], &args[3..])
}

fn iter_unpack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = fmt_arg(vm, args, "iter_unpack")?;
    let Some(&buf) = args.get(1) else { return Err(vm.type_error("iter_unpack expected 2 arguments")) };
    do_iter_unpack(vm, &l, buf)
}

// ---- struct.Struct ----

/// A precompiled format (`struct.Struct(fmt)`).
pub struct StructObj {
    format: Value,
    layout: Rc<Layout>,
    class: Gc<TypeObj>,
}

impl PyObj for StructObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.format);
        t.mark_gc(self.class);
    }
    fn extra_size(&self) -> usize {
        self.layout.items.capacity() * std::mem::size_of::<Item>()
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn struct_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let Some(f) = args.first().copied().or_else(|| kwarg(kw, "format")) else {
        return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
    };
    let layout = layout_of(vm, f)?;
    Ok(vm.alloc(StructObj { format: f, layout, class: cls })?.value())
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<(Gc<StructObj>, Rc<Layout>)> {
    let v = args.first().map(|&v| vm.builtin_receiver(v));
    match v.and_then(|v| v.downcast::<StructObj>()) {
        Some(s) => {
            let l = s.layout.clone();
            Ok((s, l))
        }
        None => Err(vm.type_error("descriptor requires a 'Struct' object")),
    }
}

fn s_pack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    let data = pack_to_vec(vm, &l, &args[1..], "pack")?;
    vm.new_bytes(data)
}

fn s_unpack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    let Some(&buf) = args.get(1) else { return Err(vm.type_error("unpack expected 1 argument")) };
    do_unpack(vm, &l, buf)
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    let Some(buf) = args.get(1).copied().or_else(|| kwarg(kw, "buffer")) else {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 1)"));
    };
    let offset = args.get(2).copied().or_else(|| kwarg(kw, "offset"));
    do_unpack_from(vm, &l, buf, offset)
}

fn s_pack_into(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    if args.len() < 3 {
        return Err(vm.type_error("pack_into expected buffer argument and offset"));
    }
    do_pack_into(vm, &l, args[1], args[2], &args[3..])
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    let Some(&buf) = args.get(1) else { return Err(vm.type_error("iter_unpack expected 1 argument")) };
    do_iter_unpack(vm, &l, buf)
}

fn s_size(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (_, l) = this(vm, args)?;
    vm.new_int(l.size as i64)
}

fn s_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let (s, _) = this(vm, args)?;
    match s.format.downcast::<BytesObj>() {
        Some(b) => {
            let text = String::from_utf8_lossy(&b.data).into_owned();
            vm.new_string(text)
        }
        None => Ok(s.format),
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "struct",
        &[
            ("calcsize", calcsize),
            ("pack", pack),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("pack_into", pack_into),
            ("iter_unpack", iter_unpack),
        ],
    )?;
    let Some(module) = m.downcast::<ModuleObj>() else { return Ok(m) };
    let value_error = vm.types.exc(ExcKind::ValueError);
    let error = vm.new_builtin_type("error", "struct", &[value_error])?;
    module.dict.get_mut().set_qstr(Qstr::new("error"), error.value());
    let st = vm.new_builtin_type("Struct", "struct", &[])?;
    vm.set_make_new(st, struct_new);
    vm.add_methods(
        st,
        &[
            ("pack", s_pack),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("pack_into", s_pack_into),
            ("iter_unpack", s_iter_unpack),
        ],
    )?;
    for (name, f) in [("size", s_size as crate::obj::NativeFn), ("format", s_format)] {
        let fget = vm.new_builtin_fn(name, f)?;
        let prop = vm.alloc(crate::obj::descriptor::PropertyObj {
            fget,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
        })?;
        vm.add_class_attr(st, name, prop.value());
    }
    module.dict.get_mut().set_qstr(Qstr::new("Struct"), st.value());
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        let size = |f: &str| parse_format(f.as_bytes()).map(|l| l.size);
        assert_eq!(size("@ci"), Ok(8));
        assert_eq!(size("@ic"), Ok(5));
        assert_eq!(size("@b0i"), Ok(4));
        assert_eq!(size("<HBI"), Ok(7));
        assert_eq!(size("<q"), Ok(8));
        assert_eq!(size("3s2p"), Ok(5));
        assert_eq!(size("= i"), Ok(4));
        assert_eq!(size("<P"), Err("bad typecode"));
        assert_eq!(size("3"), Err("repeat count given without format specifier"));
    }

    #[test]
    fn half_floats() {
        for x in [0.0, -0.0, 1.0, 1.5, 65504.0, 5.960464477539063e-08, -2.0, 0.333251953125] {
            assert_eq!(half_to_f64(f64_to_half(x).unwrap()), x);
        }
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(65519.0), Some(0x7bff));
        assert_eq!(f64_to_half(1.00048828125), Some(0x3c00));
        assert_eq!(f64_to_half(1.00146484375), Some(0x3c02));
    }
}

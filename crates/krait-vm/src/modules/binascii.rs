//! `binascii`: hex and base64 conversions and CRC-32.
//!
//! `hexlify(data, sep=None, bytes_per_sep=1)`, `unhexlify(s)` (and CPython's
//! `b2a_hex` / `a2b_hex` names), `a2b_base64(s)` (non-alphabet characters are
//! skipped, as both MicroPython and CPython do), `b2a_base64(data, *,
//! newline=True)`, `crc32(data, value=0)`. Errors are `binascii.Error`, a
//! `ValueError` subclass as in CPython, with MicroPython's messages.

use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::obj::str::as_str;
use crate::obj::{ModuleObj, TypeObj};
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

use super::math::check_args;

type R = PyResult<Value>;

/// `binascii.Error` (found through the module), or `ValueError`.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = vm
        .modules
        .get_qstr(Qstr::new("binascii"))
        .and_then(|m| m.downcast::<ModuleObj>())
        .and_then(|m| m.dict.get_qstr(Qstr::new("Error")))
        .and_then(|e| e.downcast::<TypeObj>());
    match cls {
        Some(c) => vm.new_exception_of(c, msg),
        None => vm.value_error(msg),
    }
}

/// Run `f` on the bytes of a buffer object (no copy).
fn with_data<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&[u8]) -> T) -> PyResult<T> {
    match crate::buffer::with_buffer(vm, v, f) {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

fn data_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    with_data(vm, v, |d| d.len())
}

/// The input of the `a2b` functions: a buffer, or an ASCII-only str.
fn with_ascii<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&[u8]) -> T) -> PyResult<T> {
    if let Some(s) = crate::obj::str::as_wtf8(&v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(f(s));
    }
    with_data(vm, v, f)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hexlify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let data = args.first().copied().or_else(|| kwarg(kw, "data"));
    let Some(data) = data else { return Err(vm.type_error("hexlify() missing required argument 'data' (pos 1)")) };
    let sep = args.get(1).copied().or_else(|| kwarg(kw, "sep")).filter(|v| !v.is_none());
    let per = match args.get(2).copied().or_else(|| kwarg(kw, "bytes_per_sep")) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let sep: Option<u8> = match sep {
        None => None,
        Some(s) => {
            let bytes: Vec<u8> = match crate::obj::str::as_wtf8(&s) {
                Some(t) => t.to_vec(),
                None => with_data(vm, s, |d| d.to_vec())?,
            };
            if bytes.len() != 1 || !bytes[0].is_ascii() {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(bytes[0])
        }
    };
    let n = data_len(vm, data)?;
    let group = per.unsigned_abs() as usize;
    let seps = match sep {
        Some(_) if n > 0 && group > 0 => (n - 1) / group,
        _ => 0,
    };
    vm.charge(n * 2 + seps)?;
    let out = with_data(vm, data, |d| {
        let mut out = Vec::with_capacity(d.len() * 2 + seps);
        for (i, &b) in d.iter().enumerate() {
            if let Some(s) = sep {
                // Groups of `group` bytes counted from the right (or the left when negative).
                let boundary = if per > 0 { (d.len() - i) % group == 0 } else { i % group == 0 };
                if i > 0 && group > 0 && boundary {
                    out.push(s);
                }
            }
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 15) as usize]);
        }
        out
    })?;
    vm.new_bytes(out)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn unhexlify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let r = with_ascii(vm, args[0], |d| {
        if d.len() % 2 != 0 {
            return Err("odd-length string");
        }
        let mut out = Vec::with_capacity(d.len() / 2);
        for pair in d.chunks_exact(2) {
            match (hex_value(pair[0]), hex_value(pair[1])) {
                (Some(h), Some(l)) => out.push(h << 4 | l),
                _ => return Err("non-hex digit"),
            }
        }
        Ok(out)
    })?;
    match r {
        Ok(out) => vm.new_bytes(out),
        Err(msg) => Err(error(vm, msg)),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some((c - b'A') as u32),
        b'a'..=b'z' => Some((c - b'a' + 26) as u32),
        b'0'..=b'9' => Some((c - b'0' + 52) as u32),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if args.len() != 1 {
        return Err(vm.type_error(format!("function takes 1 positional arguments but {} were given", args.len())));
    }
    let _ = kw;
    let r = with_ascii(vm, args[0], |d| {
        let mut out = Vec::with_capacity(d.len() / 4 * 3 + 3);
        let mut quad = 0;
        let mut acc: u32 = 0;
        let mut pads = 0;
        for &c in d {
            if c == b'=' {
                // A complete pad sequence ends the data.
                if quad >= 2 {
                    pads += 1;
                    if quad + pads >= 4 {
                        return Ok(out);
                    }
                }
                continue;
            }
            let Some(v) = b64_value(c) else { continue };
            pads = 0;
            acc = (acc << 6) | v;
            quad += 1;
            match quad {
                2 => out.push((acc >> 4) as u8),
                3 => out.push((acc >> 2) as u8),
                4 => {
                    out.push(acc as u8);
                    quad = 0;
                    acc = 0;
                }
                _ => {}
            }
        }
        if quad != 0 {
            return Err("incorrect padding");
        }
        Ok(out)
    })?;
    match r {
        Ok(out) => vm.new_bytes(out),
        Err(msg) => Err(error(vm, msg)),
    }
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if args.len() != 1 {
        return Err(vm.type_error(format!("function takes 1 positional arguments but {} were given", args.len())));
    }
    for pair in kw.chunks_exact(2) {
        if as_str(&pair[0]) != Some("newline") {
            return Err(vm.type_error("b2a_base64() got an unexpected keyword argument"));
        }
    }
    let newline = match kwarg(kw, "newline") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let n = data_len(vm, args[0])?;
    vm.charge(n.div_ceil(3) * 4 + 1)?;
    let out = with_data(vm, args[0], |d| {
        let mut out = Vec::with_capacity(d.len().div_ceil(3) * 4 + 1);
        for chunk in d.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
            out.push(B64[(v >> 18) as usize & 63]);
            out.push(B64[(v >> 12) as usize & 63]);
            out.push(if chunk.len() > 1 { B64[(v >> 6) as usize & 63] } else { b'=' });
            out.push(if chunk.len() > 2 { B64[v as usize & 63] } else { b'=' });
        }
        if newline {
            out.push(b'\n');
        }
        out
    })?;
    vm.new_bytes(out)
}

/// The CRC-32 (IEEE 802.3, reflected) lookup table.
const CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// Continue a CRC-32 over `data` from the running value `crc`.
pub(crate) fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn crc32(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2)?;
    let start = match args.get(1) {
        None => 0,
        Some(&v) => match as_num(&v) {
            Some(Num::Int(i)) => i as u32,
            Some(Num::Big(b)) => {
                let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xffff_ffffu32);
                num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
            }
            _ => vm.to_index(v)? as u32,
        },
    };
    let crc = with_data(vm, args[0], |d| crc32_update(start, d))?;
    vm.new_int(crc as i64)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "binascii",
        &[
            ("hexlify", hexlify),
            ("unhexlify", unhexlify),
            ("b2a_hex", hexlify),
            ("a2b_hex", unhexlify),
            ("a2b_base64", a2b_base64),
            ("b2a_base64", b2a_base64),
            ("crc32", crc32),
        ],
    )?;
    if let Some(module) = m.downcast::<ModuleObj>() {
        let value_error = vm.types.exc(ExcKind::ValueError);
        let err = vm.new_builtin_type("Error", "binascii", &[value_error])?;
        module.dict.get_mut().set_qstr(Qstr::new("Error"), err.value());
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc() {
        assert_eq!(crc32_update(0, b""), 0);
        assert_eq!(crc32_update(0, b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32_update(crc32_update(0, b"1234"), b"56789"), 0xcbf4_3926);
    }
}

//! `memoryview`: a window on the bytes of another object, without copying.
//!
//! A view is `(base, byte offset, byte length, format)`: `base` is the `bytes`,
//! `bytearray` or `array.array` that owns the storage (a view of a view refers to
//! the original owner), so slicing a view allocates a small view object and never
//! copies the data, and writes through a view land in the base. The storage of a
//! non-moving heap object stays put while the view keeps the base alive; if a
//! bytearray shrinks under a view, accesses are clamped to what is left.

use std::fmt::Write;

use crate::buffer::{window, with_buffer, with_buffer_mut};
use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::array::{
    decode_item, encode_item, get_item, itemsize_of, norm_index, to_item, ArrayObj, Item, PackError,
};
use crate::obj::bytes::ByteArrayObj;
use crate::obj::str::{as_str, check_args};
use crate::obj::{BytesObj, SliceObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

pub struct MemoryViewObj {
    /// The object owning the bytes: a bytes, bytearray or array (never a memoryview).
    pub base: Value,
    /// Byte offset of the view's first byte in the base's buffer.
    pub offset: usize,
    /// Length of the view in bytes (a multiple of `itemsize`).
    pub len: usize,
    /// The struct-style format character of the items (`B` for bytes).
    pub format: u8,
    pub itemsize: usize,
    pub readonly: bool,
    pub released: bool,
    /// The `memoryview` type.
    pub class: Gc<TypeObj>,
}

impl PyObj for MemoryViewObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.base);
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

impl MemoryViewObj {
    /// Number of items the view covers now (clamped to what the base still has).
    pub fn item_count(&self, vm: &Vm) -> usize {
        let n = with_buffer(vm, self.base, |d| window(d.len(), self.offset, self.len).len()).unwrap_or(0);
        n / self.itemsize.max(1)
    }
}

type R = PyResult<Value>;

/// The `memoryview` type, as registered in builtins (for Rust code making views).
pub fn memoryview_type(vm: &Vm) -> Option<Gc<TypeObj>> {
    let t = vm.builtins.get_qstr(krait_syntax::Qstr::new("memoryview"))?.downcast::<TypeObj>()?;
    (t.name.as_str() == "memoryview" && t.has_flag(crate::obj::type_::flags::BUILTIN)).then_some(t)
}

/// A view of `len` bytes at `offset` of `base`'s buffer.
pub fn new_view(
    vm: &mut Vm,
    class: Gc<TypeObj>,
    base: Value,
    offset: usize,
    len: usize,
    format: u8,
    readonly: bool,
) -> R {
    let itemsize = itemsize_of(format).unwrap_or(1);
    let mv = MemoryViewObj { base, offset, len, format, itemsize, readonly, released: false, class };
    Ok(vm.alloc(mv)?.value())
}

/// `memoryview(obj)` from Rust.
pub fn memoryview_of(vm: &mut Vm, obj: Value) -> R {
    let Some(t) = memoryview_type(vm) else { return Err(vm.type_error("memoryview type unavailable")) };
    mv_new(vm, t, &[obj], &[])
}

fn released_error(vm: &mut Vm) -> crate::error::PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

fn this_any(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<MemoryViewObj>> {
    match args.first().and_then(|v| v.downcast::<MemoryViewObj>()) {
        Some(m) => Ok(m),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'memoryview' object"))),
    }
}

/// `self`, which must not be released.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<MemoryViewObj>> {
    let m = this_any(vm, args, name)?;
    if m.released {
        return Err(released_error(vm));
    }
    Ok(m)
}

/// `memoryview(object)`
fn mv_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let obj = match (args, kw) {
        ([o], []) => *o,
        ([], [k, o]) if as_str(k) == Some("object") => *o,
        _ => {
            return Err(
                vm.type_error(format!("memoryview() takes exactly one argument ({} given)", args.len() + kw.len() / 2))
            )
        }
    };
    if let Some(m) = obj.downcast::<MemoryViewObj>() {
        if m.released {
            return Err(released_error(vm));
        }
        return new_view(vm, cls, m.base, m.offset, m.len, m.format, m.readonly);
    }
    let base = vm.builtin_receiver(obj);
    if let Some(b) = base.downcast::<BytesObj>() {
        let n = b.data.len();
        return new_view(vm, cls, base, 0, n, b'B', true);
    }
    if let Some(b) = base.downcast::<ByteArrayObj>() {
        let n = b.data.len();
        return new_view(vm, cls, base, 0, n, b'B', false);
    }
    if let Some(a) = base.downcast::<ArrayObj>() {
        let (n, code) = (a.data.len(), a.typecode);
        return new_view(vm, cls, base, 0, n, code, false);
    }
    Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(obj))))
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "__len__")?;
    let n = m.item_count(vm);
    vm.new_int(n as i64)
}

/// The bytes of item `i` of the view, copied out.
fn item_bytes(vm: &Vm, m: &MemoryViewObj, i: usize) -> Option<[u8; 8]> {
    let at = m.offset + i * m.itemsize;
    let size = m.itemsize;
    with_buffer(vm, m.base, |d| {
        let mut w = [0u8; 8];
        let s = d.get(at..at + size)?;
        w[..size.min(8)].copy_from_slice(&s[..size.min(8)]);
        Some(w)
    })
    .flatten()
}

/// `m[i]` for an int index.
pub fn get_index(vm: &mut Vm, m: Gc<MemoryViewObj>, i: i64) -> R {
    if m.released {
        return Err(released_error(vm));
    }
    let n = m.item_count(vm) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("memoryview index out of range"));
    }
    match item_bytes(vm, &m, j as usize) {
        Some(w) => get_item(vm, m.format, &w[..m.itemsize]),
        None => Err(vm.index_error("memoryview index out of range")),
    }
}

/// `m[i] = v` for an int index.
pub fn set_index(vm: &mut Vm, m: Gc<MemoryViewObj>, i: i64, v: Value) -> PyResult<()> {
    if m.released {
        return Err(released_error(vm));
    }
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let item = match to_item(vm, m.format, v)? {
        Ok(it) => it,
        Err(PackError::Type) => {
            return Err(vm.type_error(format!("memoryview: invalid type for format '{}'", m.format as char)))
        }
        Err(PackError::Range(_)) => {
            return Err(vm.value_error(format!("memoryview: invalid value for format '{}'", m.format as char)))
        }
    };
    let n = m.item_count(vm) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("memoryview index out of range"));
    }
    let (code, size, at) = (m.format, m.itemsize, m.offset + j as usize * m.itemsize);
    with_buffer_mut(vm, m.base, |d| {
        if let Some(s) = d.get_mut(at..at + size) {
            encode_item(code, item, s);
        }
    });
    Ok(())
}

/// `m[a:b]`: a new view on the same base (no copy).
pub fn get_slice(vm: &mut Vm, m: Gc<MemoryViewObj>, sl: Gc<SliceObj>) -> R {
    if m.released {
        return Err(released_error(vm));
    }
    let n = m.item_count(vm);
    let (start, _, step, count) = vm.slice_indices(sl, n)?;
    if step != 1 && count > 1 {
        return Err(vm.not_implemented("only slices with step=1 (aka None) are supported"));
    }
    let off = m.offset + start.max(0) as usize * m.itemsize;
    new_view(vm, m.class, m.base, off, count * m.itemsize, m.format, m.readonly)
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2, false)?;
    let m = this(vm, args, "__getitem__")?;
    let key = args[1];
    if let Some(sl) = key.downcast::<SliceObj>() {
        return get_slice(vm, m, sl);
    }
    let n = m.item_count(vm);
    if key == Value::ELLIPSIS {
        return Ok(args[0]);
    }
    let i = norm_index(vm, key, n, "memoryview")?;
    get_index(vm, m, i as i64)
}

/// The format character of any buffer object's items.
fn format_of(vm: &Vm, v: Value) -> u8 {
    if let Some(m) = v.downcast::<MemoryViewObj>() {
        return m.format;
    }
    match vm.builtin_receiver(v).downcast::<ArrayObj>() {
        Some(a) => a.typecode,
        None => b'B',
    }
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 3, false)?;
    let m = this(vm, args, "__setitem__")?;
    let (key, v) = (args[1], args[2]);
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let n = m.item_count(vm);
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, count) = vm.slice_indices(sl, n)?;
        if step != 1 && count > 1 {
            return Err(vm.not_implemented("only slices with step=1 (aka None) are supported"));
        }
        // Copy the source first: it may overlap the destination.
        let Some(src) = crate::buffer::buffer_bytes(vm, v) else {
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))));
        };
        let sf = format_of(vm, v);
        let same_shape =
            src.len() == count * m.itemsize && (sf == m.format || (itemsize_of(sf) == Some(1) && m.itemsize == 1));
        if !same_shape {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let at = m.offset + start.max(0) as usize * m.itemsize;
        with_buffer_mut(vm, m.base, |d| {
            let w = window(d.len(), at, src.len());
            let k = w.len();
            d[w].copy_from_slice(&src[..k]);
        });
        return Ok(Value::NONE);
    }
    let i = norm_index(vm, key, n, "memoryview")?;
    set_index(vm, m, i as i64, v)?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    Err(vm.type_error("cannot delete memory"))
}

/// The items of any buffer object, as numbers, with its format.
fn items_of(vm: &Vm, v: Value) -> Option<Vec<Item>> {
    let code = format_of(vm, v);
    let size = itemsize_of(code).unwrap_or(1);
    with_buffer(vm, v, |d| d.chunks_exact(size).map(|c| decode_item(code, c)).collect())
}

fn eq_impl(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let m = this_any(vm, args, "__eq__")?;
    let Some(&other) = args.get(1) else { return Ok(None) };
    if other == args[0] {
        return Ok(Some(true));
    }
    if m.released || other.downcast::<MemoryViewObj>().is_some_and(|o| o.released) {
        return Ok(Some(false));
    }
    if !crate::buffer::is_buffer(vm, other) {
        return Ok(None);
    }
    let (Some(a), Some(b)) = (items_of(vm, args[0]), items_of(vm, other)) else { return Ok(None) };
    Ok(Some(a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.py_eq(*y))))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(match eq_impl(vm, args)? {
        Some(r) => Value::bool(r),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(match eq_impl(vm, args)? {
        Some(r) => Value::bool(!r),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this_any(vm, args, "__repr__")?;
    let mut s = String::new();
    if m.released {
        let _ = write!(s, "<released memory at {:#x}>", args[0].bits() & 0xffff_ffff_ffff);
    } else {
        let _ = write!(s, "<memory at {:#x}>", args[0].bits() & 0xffff_ffff_ffff);
    }
    vm.new_string(s)
}

/// The bytes of the view, copied.
fn view_bytes(vm: &Vm, m: &MemoryViewObj) -> Vec<u8> {
    with_buffer(vm, m.base, |d| d[window(d.len(), m.offset, m.len)].to_vec()).unwrap_or_default()
}

fn tobytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 2, true)?;
    let m = this(vm, args, "tobytes")?;
    let d = view_bytes(vm, &m);
    vm.new_bytes(d)
}

fn tolist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    this(vm, args, "tolist")?;
    let items = items_of(vm, args[0]).unwrap_or_default();
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(it.to_value(vm)?);
    }
    vm.new_list(out)
}

fn hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 3, true)?;
    let m = this(vm, args, "hex")?;
    let d = view_bytes(vm, &m);
    crate::obj::bytes::hex_impl(vm, &d, &args[1..], kw)
}

fn release(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this_any(vm, args, "release")?;
    m.get_mut().released = true;
    Ok(Value::NONE)
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args, "__enter__")?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this_any(vm, args, "__exit__")?;
    m.get_mut().released = true;
    Ok(Value::NONE)
}

fn toreadonly(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1, false)?;
    let m = this(vm, args, "toreadonly")?;
    new_view(vm, m.class, m.base, m.offset, m.len, m.format, true)
}

/// `cast(format[, shape])`: reinterpret the bytes with another item format.
fn cast(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 3, true)?;
    let m = this(vm, args, "cast")?;
    let fmt_v = crate::obj::str::arg_or_kw(args, kw, 1, "format");
    let fmt = match fmt_v.as_ref().and_then(as_str) {
        Some(s) => s.strip_prefix('@').unwrap_or(s).to_owned(),
        None => return Err(vm.type_error("memoryview: format argument must be a string")),
    };
    let code =
        match fmt.as_bytes() {
            [c] if itemsize_of(*c).is_some() && !matches!(c, b'n' | b'N' | b'P') => *c,
            _ => return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            )),
        };
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(code) && !byte_fmt(m.format) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let size = itemsize_of(code).unwrap_or(1);
    let nbytes = m.item_count(vm) * m.itemsize;
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    if let Some(shape) = crate::obj::str::arg_or_kw(args, kw, 2, "shape") {
        let dims = vm.collect_iterable(shape)?;
        let ok = match dims.as_slice() {
            [d] if d.as_small_int().is_some() => vm.to_index(*d)? as usize * size == nbytes,
            _ => false,
        };
        if !ok {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    new_view(vm, m.class, m.base, m.offset, nbytes, code, m.readonly)
}

// ---- attributes ----

fn attr_obj(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(this(vm, args, "obj")?.base)
}
fn attr_nbytes(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "nbytes")?;
    let n = m.item_count(vm) * m.itemsize;
    vm.new_int(n as i64)
}
fn attr_readonly(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::bool(this(vm, args, "readonly")?.readonly))
}
fn attr_itemsize(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "itemsize")?;
    vm.new_int(m.itemsize as i64)
}
fn attr_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "format")?;
    let c = [m.format];
    vm.new_str(std::str::from_utf8(&c).unwrap_or("B"))
}
fn attr_ndim(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args, "ndim")?;
    Ok(Value::small_int(1))
}
fn attr_shape(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "shape")?;
    let n = vm.new_int(m.item_count(vm) as i64)?;
    vm.new_tuple_from(&[n])
}
fn attr_strides(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let m = this(vm, args, "strides")?;
    let n = vm.new_int(m.itemsize as i64)?;
    vm.new_tuple_from(&[n])
}
fn attr_suboffsets(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args, "suboffsets")?;
    Ok(vm.types.empty_tuple)
}
fn attr_contiguous(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args, "contiguous")?;
    Ok(Value::TRUE)
}

/// Make the `memoryview` type and register it in builtins.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.new_builtin_type("memoryview", "builtins", &[])?;
    vm.set_make_new(t, mv_new);
    vm.add_methods(
        t,
        &[
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__repr__", repr),
            ("__enter__", enter),
            ("__exit__", exit),
            ("tobytes", tobytes),
            ("tolist", tolist),
            ("hex", hex),
            ("release", release),
            ("toreadonly", toreadonly),
            ("cast", cast),
        ],
    )?;
    let props: &[(&str, crate::obj::NativeFn)] = &[
        ("obj", attr_obj),
        ("nbytes", attr_nbytes),
        ("readonly", attr_readonly),
        ("itemsize", attr_itemsize),
        ("format", attr_format),
        ("ndim", attr_ndim),
        ("shape", attr_shape),
        ("strides", attr_strides),
        ("suboffsets", attr_suboffsets),
        ("contiguous", attr_contiguous),
        ("c_contiguous", attr_contiguous),
        ("f_contiguous", attr_contiguous),
    ];
    for &(name, f) in props {
        vm.add_property(t, name, f)?;
    }
    // Not subclassable, as in CPython.
    t.get_mut().flags &= !crate::obj::type_::flags::BASETYPE;
    vm.builtins.get_mut().set_qstr(krait_syntax::Qstr::new("memoryview"), t.value());
    Ok(())
}

//! The buffer protocol: objects whose bytes can be read (and, for the mutable
//! ones, written) without knowing their type: `bytes`, `bytearray`, `array.array`
//! and `memoryview` (a window on one of the others), and user subclasses of them.
//!
//! Access is by closure so no borrow of an object's storage outlives the call:
//! don't run Python code inside `f`.

use crate::gc::Gc;
use crate::obj::array::ArrayObj;
use crate::obj::bytes::ByteArrayObj;
use crate::obj::memoryview::MemoryViewObj;
use crate::obj::BytesObj;
use crate::value::Value;
use crate::vm::Vm;

/// The part of a base object's `len` bytes that a view at `offset` of `n` bytes
/// covers (clamped: the base may have shrunk since the view was made).
#[inline]
pub fn window(len: usize, offset: usize, n: usize) -> std::ops::Range<usize> {
    let a = offset.min(len);
    a..offset.saturating_add(n).min(len)
}

/// The object that owns a buffer's storage.
enum Owner {
    Bytes(Gc<BytesObj>),
    ByteArray(Gc<ByteArrayObj>),
    Array(Gc<ArrayObj>),
}

/// Where a buffer object's bytes live: the owner, the view's `(offset, len)` window
/// (for a memoryview), and whether writes are refused.
type Resolved = (Owner, Option<(usize, usize)>, bool);

fn resolve(vm: &Vm, v: Value) -> Option<Resolved> {
    let (v, win, readonly) = match v.downcast::<MemoryViewObj>() {
        Some(m) if m.released => return None,
        Some(m) => (m.base, Some((m.offset, m.len)), m.readonly),
        None => (vm.builtin_receiver(v), None, false),
    };
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some((Owner::Bytes(b), win, true));
    }
    if let Some(b) = v.downcast::<ByteArrayObj>() {
        return Some((Owner::ByteArray(b), win, readonly));
    }
    if let Some(a) = v.downcast::<ArrayObj>() {
        return Some((Owner::Array(a), win, readonly));
    }
    None
}

/// Run `f` on the bytes of a buffer object, or `None` if `v` isn't one (or is a
/// released memoryview).
pub fn with_buffer<R>(vm: &Vm, v: Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let (owner, win, _) = resolve(vm, v)?;
    let d: &[u8] = match &owner {
        Owner::Bytes(b) => &b.data,
        Owner::ByteArray(b) => &b.data,
        Owner::Array(a) => &a.data,
    };
    Some(match win {
        Some((off, n)) => f(&d[window(d.len(), off, n)]),
        None => f(d),
    })
}

/// Run `f` on the bytes of a writable buffer object (bytearray, array, or a
/// writable memoryview of one), or `None` if `v` isn't one.
pub fn with_buffer_mut<R>(vm: &Vm, v: Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    let (owner, win, readonly) = resolve(vm, v)?;
    if readonly {
        return None;
    }
    let d: &mut Vec<u8> = match &owner {
        Owner::Bytes(_) => return None,
        Owner::ByteArray(b) => &mut b.get_mut().data,
        Owner::Array(a) => &mut a.get_mut().data,
    };
    Some(match win {
        Some((off, n)) => {
            let w = window(d.len(), off, n);
            f(&mut d[w])
        }
        None => f(d),
    })
}

/// Copy `data` into the writable buffer `target` (as much as fits): the last step
/// of a stream's `readinto`.
pub fn copy_into(vm: &Vm, target: Value, data: &[u8]) {
    with_buffer_mut(vm, target, |d| {
        let k = data.len().min(d.len());
        d[..k].copy_from_slice(&data[..k]);
    });
}

/// Does `v` support the buffer protocol?
pub fn is_buffer(vm: &Vm, v: Value) -> bool {
    with_buffer(vm, v, |_| ()).is_some()
}

/// A copy of the bytes of any buffer object (`bytes`, `bytearray`, `memoryview`,
/// `array`), or `None` if `v` doesn't support the buffer protocol.
pub fn buffer_bytes(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    with_buffer(vm, v, |d| d.to_vec())
}

/// Length in bytes of a buffer object.
pub fn buffer_len(vm: &Vm, v: Value) -> Option<usize> {
    with_buffer(vm, v, |d| d.len())
}

/// The underlying object and byte range a value's buffer covers: `(base, offset,
/// len)` with `base` a bytes, bytearray or array (never a memoryview).
pub fn buffer_base(vm: &Vm, v: Value) -> Option<(Value, usize, usize)> {
    if let Some(m) = v.downcast::<MemoryViewObj>() {
        return Some((m.base, m.offset, m.len));
    }
    if v.downcast::<BytesObj>().is_some() || v.downcast::<ByteArrayObj>().is_some() {
        return buffer_len(vm, v).map(|n| (v, 0, n));
    }
    if let Some(a) = v.downcast::<ArrayObj>() {
        return Some((v, 0, a.data.len()));
    }
    let base = vm.builtin_receiver(v);
    if base != v {
        return buffer_base(vm, base);
    }
    None
}

/// Is the object behind a buffer a `bytes` (immutable)?
pub fn is_readonly(vm: &Vm, v: Value) -> bool {
    if let Some(m) = v.downcast::<MemoryViewObj>() {
        return m.readonly;
    }
    let base = vm.builtin_receiver(v);
    base.downcast::<BytesObj>().is_some()
}

/// `obj[i]` for an `array` or `memoryview` and a small-int index (or a slice of a
/// memoryview), without the `__getitem__` method call (the subscript fast path of
/// `ops::getitem`); `None` when `obj`/`key` aren't of that kind.
#[inline]
pub fn fast_getitem(vm: &mut Vm, obj: Value, key: Value) -> crate::error::PyResult<Option<Value>> {
    let Some(i) = key.as_small_int() else {
        if let (Some(m), Some(sl)) = (obj.downcast::<MemoryViewObj>(), key.downcast::<crate::obj::SliceObj>()) {
            return crate::obj::memoryview::get_slice(vm, m, sl).map(Some);
        }
        return Ok(None);
    };
    if let Some(a) = obj.downcast::<ArrayObj>() {
        return crate::obj::array::get_index(vm, a, i).map(Some);
    }
    if let Some(m) = obj.downcast::<MemoryViewObj>() {
        return crate::obj::memoryview::get_index(vm, m, i).map(Some);
    }
    Ok(None)
}

/// `obj[i] = v` for an `array` or `memoryview` and a small-int index (the fast path
/// of `ops::setitem`); `false` when `obj`/`key` aren't of that kind.
#[inline]
pub fn fast_setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> crate::error::PyResult<bool> {
    let Some(i) = key.as_small_int() else { return Ok(false) };
    if let Some(a) = obj.downcast::<ArrayObj>() {
        crate::obj::array::set_index(vm, a, i, v)?;
        return Ok(true);
    }
    if let Some(m) = obj.downcast::<MemoryViewObj>() {
        crate::obj::memoryview::set_index(vm, m, i, v)?;
        return Ok(true);
    }
    Ok(false)
}

/// `len(obj)` for an `array` or `memoryview` (the fast path of `ops::len`); `None`
/// when `obj` is neither.
#[inline]
pub fn fast_len(vm: &mut Vm, obj: Value) -> crate::error::PyResult<Option<usize>> {
    if let Some(a) = obj.downcast::<ArrayObj>() {
        return Ok(Some(a.len()));
    }
    if let Some(m) = obj.downcast::<MemoryViewObj>() {
        if m.released {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        return Ok(Some(m.item_count(vm)));
    }
    Ok(None)
}

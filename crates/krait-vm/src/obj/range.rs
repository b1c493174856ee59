//! `range`: an immutable arithmetic sequence.

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    /// The number of items (it can exceed `i64::MAX` when the bounds are near
    /// the ends of the i64 range).
    pub fn len_exact(&self) -> i128 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && stop > start {
            (stop - start - 1) / step + 1
        } else if step < 0 && stop < start {
            (start - stop - 1) / -step + 1
        } else {
            0
        }
    }

    /// The number of items, saturated at `i64::MAX`.
    pub fn len(&self) -> i64 {
        self.len_exact().min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len_exact() == 0
    }

    /// The `i`th element, for `0 <= i <= len` (`len` gives the first value past the
    /// end, clamped to the i64 range).
    pub fn item(&self, i: i64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64
    }
}

impl PyObj for RangeObj {
    const KIND: ObjKind = ObjKind::Range;
    fn trace(&self, _t: &mut Tracer) {}
}

/// The range behind `self`.
fn this(vm: &mut crate::vm::Vm, v: Value) -> crate::error::PyResult<crate::gc::Gc<RangeObj>> {
    match v.downcast::<RangeObj>() {
        Some(r) => Ok(r),
        None => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

/// The index of `x` among the range's items: by arithmetic for an int, else by
/// comparing it with each item (as CPython does).
fn position(vm: &mut crate::vm::Vm, r: &RangeObj, x: Value) -> crate::error::PyResult<Option<i64>> {
    if let Some(x) = crate::ops::as_wide(x) {
        let (start, step) = (r.start as i128, r.step as i128);
        let k = (x - start) / step;
        let hit = (x - start) % step == 0 && k >= 0 && k < r.len_exact();
        return Ok(if hit { Some(k as i64) } else { None });
    }
    for i in 0..r.len() {
        let item = vm.new_int(r.item(i))?;
        if vm.eq(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(vm: &mut crate::vm::Vm, args: &[Value], _kw: &[Value]) -> crate::error::PyResult<Value> {
    let r = this(vm, args[0])?;
    match position(vm, &r, args[1])? {
        Some(i) => vm.new_int(i),
        None => Err(vm.value_error("object not in range")),
    }
}

fn count(vm: &mut crate::vm::Vm, args: &[Value], _kw: &[Value]) -> crate::error::PyResult<Value> {
    let r = this(vm, args[0])?;
    Ok(Value::small_int(position(vm, &r, args[1])?.is_some() as i64))
}

pub fn install(vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    let t = vm.types.range;
    vm.add_methods(t, &[("index", crate::sig!(index, 2)), ("count", crate::sig!(count, 2))])
}

//! `slice` objects and index normalisation for sequences.

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyObj for SliceObj {
    const KIND: ObjKind = ObjKind::Slice;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.start);
        t.mark(self.stop);
        t.mark(self.step);
    }
}

/// Python's `slice.indices(len)`: clamp `start`/`stop` for a sequence of length
/// `len` given a non-zero `step`. Returns `(start, stop, step, count)`.
pub fn adjust_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64, i64, usize) {
    debug_assert!(step != 0);
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v += len;
                    if v < lower {
                        v = lower;
                    }
                } else if v > upper {
                    v = upper;
                }
                v
            }
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, step, count)
}

/// `slice.indices(length)`: the `(start, stop, step)` the slice selects in a
/// sequence of that length.
fn indices(vm: &mut crate::vm::Vm, args: &[Value], _kw: &[Value]) -> crate::error::PyResult<Value> {
    let Some(s) = args[0].downcast::<SliceObj>() else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let len = vm.to_index(args[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = vm.slice_indices(s, len as usize)?;
    let items = vec![vm.new_int(start)?, vm.new_int(stop)?, vm.new_int(step)?];
    vm.new_tuple(items)
}

pub fn install(vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    let t = vm.types.slice;
    vm.add_methods(t, &[("indices", crate::sig!(indices, 2))])
}

#[cfg(test)]
mod tests {
    use super::adjust_indices;

    #[test]
    fn matches_python_slice_indices() {
        assert_eq!(adjust_indices(None, None, 1, 5), (0, 5, 1, 5));
        assert_eq!(adjust_indices(None, None, -1, 5), (4, -1, -1, 5));
        assert_eq!(adjust_indices(Some(-2), None, 1, 5), (3, 5, 1, 2));
        assert_eq!(adjust_indices(Some(1), Some(100), 2, 5), (1, 5, 2, 2));
        assert_eq!(adjust_indices(Some(-100), Some(2), 1, 5), (0, 2, 1, 2));
        assert_eq!(adjust_indices(Some(3), Some(1), 1, 5), (3, 1, 1, 0));
        assert_eq!(adjust_indices(Some(10), Some(-10), -3, 5), (4, -1, -3, 2));
    }
}

//! `range`: an immutable arithmetic sequence.

use crate::gc::{ObjKind, PyObj, Tracer};

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn len(&self) -> i64 {
        if self.step > 0 {
            if self.stop > self.start {
                ((self.stop as i128 - self.start as i128 - 1) / self.step as i128 + 1) as i64
            } else {
                0
            }
        } else if self.stop < self.start {
            ((self.start as i128 - self.stop as i128 - 1) / (-(self.step as i128)) + 1) as i64
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th element, for `0 <= i < len`.
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

impl PyObj for RangeObj {
    const KIND: ObjKind = ObjKind::Range;
    fn trace(&self, _t: &mut Tracer) {}
}

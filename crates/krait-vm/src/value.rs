//! `Value`: one NaN-boxed machine word (DESIGN.md decision 1).
//!
//! ```text
//! any f64 that is not a NaN, or the canonical NaN 0x7ff8_0000_0000_0000, or
//! the hardware default NaN 0xfff8_0000_0000_0000           -> a float, stored as itself
//! 0xfff9_xxxx_xxxx_xxxx   small int, 48-bit two's complement payload
//! 0xfffa_0000_0000_00ii   immediate: None, False, True, Ellipsis, NotImplemented, NULL
//! 0xfffb_0000_iiii_iiii   interned string (qstr id)
//! 0xfffc_pppp_pppp_pppp   pointer to a heap object (48-bit address)
//! ```
//! Floats never touch the heap. Every NaN produced by krait is canonicalised on the
//! way in ([`Value::float`]), so no float can be mistaken for a tagged value.

use std::fmt;

use krait_syntax::Qstr;

use crate::gc::ObjHeader;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// Values at or above this are tagged; below it they are floats.
const FIRST_TAG: u64 = 0xfff9 << TAG_SHIFT;
const TAG_INT: u64 = 0xfff9;
const TAG_IMM: u64 = 0xfffa;
const TAG_QSTR: u64 = 0xfffb;
const TAG_PTR: u64 = 0xfffc;

const CANONICAL_NAN: u64 = 0x7ff8_0000_0000_0000;

/// Smallest and largest ints representable without the heap.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

impl Value {
    pub const NONE: Value = Value(TAG_IMM << TAG_SHIFT);
    pub const FALSE: Value = Value((TAG_IMM << TAG_SHIFT) | 1);
    pub const TRUE: Value = Value((TAG_IMM << TAG_SHIFT) | 2);
    pub const ELLIPSIS: Value = Value((TAG_IMM << TAG_SHIFT) | 3);
    pub const NOT_IMPLEMENTED: Value = Value((TAG_IMM << TAG_SHIFT) | 4);
    /// The VM's "nothing here" marker: an unbound local, a missing argument, the
    /// absent `self` of `CallMethod`. Python code never sees it.
    pub const NULL: Value = Value((TAG_IMM << TAG_SHIFT) | 5);

    // ---- floats ----
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(f.to_bits())
        }
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 < FIRST_TAG
    }

    /// The float payload; only meaningful when `is_float()`.
    #[inline(always)]
    pub fn as_float_unchecked(self) -> f64 {
        f64::from_bits(self.0)
    }

    #[inline(always)]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    // ---- small ints ----
    #[inline(always)]
    pub fn fits_small_int(i: i64) -> bool {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i)
    }

    /// A small int; the caller guarantees `fits_small_int(i)`.
    #[inline(always)]
    pub fn small_int(i: i64) -> Value {
        debug_assert!(Value::fits_small_int(i));
        Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK))
    }

    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        if Value::fits_small_int(i) {
            Some(Value::small_int(i))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_INT
    }

    /// Both operands small ints, in one test.
    #[inline(always)]
    pub fn both_small_ints(a: Value, b: Value) -> bool {
        ((a.0 >> TAG_SHIFT) ^ TAG_INT) | ((b.0 >> TAG_SHIFT) ^ TAG_INT) == 0
    }

    #[inline(always)]
    pub fn as_small_int_unchecked(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.as_small_int_unchecked())
        } else {
            None
        }
    }

    // ---- immediates ----
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline(always)]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }

    // ---- interned strings ----
    #[inline(always)]
    pub fn qstr(q: Qstr) -> Value {
        Value((TAG_QSTR << TAG_SHIFT) | q.0 as u64)
    }

    #[inline(always)]
    pub fn is_qstr(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_QSTR
    }

    #[inline(always)]
    pub fn as_qstr(self) -> Option<Qstr> {
        if self.is_qstr() {
            Some(Qstr(self.0 as u32))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn as_qstr_unchecked(self) -> Qstr {
        Qstr(self.0 as u32)
    }

    // ---- heap objects ----
    #[inline(always)]
    pub fn from_header(p: *const ObjHeader) -> Value {
        debug_assert!((p as u64) & !PAYLOAD_MASK == 0);
        Value((TAG_PTR << TAG_SHIFT) | p as u64)
    }

    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_PTR
    }

    /// The object header this value points at; only meaningful when `is_ptr()`.
    #[inline(always)]
    pub fn header_ptr(self) -> *mut ObjHeader {
        (self.0 & PAYLOAD_MASK) as *mut ObjHeader
    }

    #[inline(always)]
    pub fn bits(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(q) = self.as_qstr() {
            write!(f, "Qstr({:?})", q.as_str())
        } else if self.is_ptr() {
            // SAFETY: a pointer value always refers to a live heap object while the
            // value is reachable (non-moving heap, exact roots).
            let kind = unsafe { (*self.header_ptr()).kind };
            write!(f, "Obj({kind:?}@{:#x})", self.0 & PAYLOAD_MASK)
        } else {
            match *self {
                Value::NONE => write!(f, "None"),
                Value::TRUE => write!(f, "True"),
                Value::FALSE => write!(f, "False"),
                Value::ELLIPSIS => write!(f, "Ellipsis"),
                Value::NOT_IMPLEMENTED => write!(f, "NotImplemented"),
                Value::NULL => write!(f, "NULL"),
                _ => write!(f, "Value({:#x})", self.0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip() {
        for f in [0.0, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN_POSITIVE, -1e300] {
            let v = Value::float(f);
            assert!(v.is_float());
            assert_eq!(v.as_float().unwrap().to_bits(), f.to_bits());
        }
        let nan = Value::float(f64::NAN);
        assert!(nan.is_float() && nan.as_float().unwrap().is_nan());
        let neg_nan = Value::float(-f64::NAN);
        assert!(neg_nan.is_float());
        // The x86 default NaN (sign bit set) is still a float.
        assert!(Value(0xfff8_0000_0000_0000).is_float());
    }

    #[test]
    fn small_ints_round_trip() {
        for i in [0, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN, -123456789] {
            let v = Value::small_int(i);
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(!Value::fits_small_int(SMALL_INT_MAX + 1));
        assert!(!Value::fits_small_int(SMALL_INT_MIN - 1));
        assert!(Value::both_small_ints(Value::small_int(1), Value::small_int(-2)));
        assert!(!Value::both_small_ints(Value::small_int(1), Value::NONE));
        assert!(!Value::both_small_ints(Value::float(1.0), Value::small_int(1)));
    }

    #[test]
    fn immediates_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::ELLIPSIS, Value::NOT_IMPLEMENTED, Value::NULL];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_ptr() && !a.is_qstr());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        let q = Value::qstr(krait_syntax::q::__init__);
        assert_eq!(q.as_qstr(), Some(krait_syntax::q::__init__));
    }
}

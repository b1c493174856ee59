//! The object protocols: truth, hashing, equality and ordering, arithmetic,
//! containment, subscripting and iteration, for every built-in type and for user
//! classes through their special methods.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use krait_syntax::ast::{BinOp, CmpOp, UnaryOp};
use krait_syntax::{q, Qstr};

use krait_compiler::bytecode::CodeFlags;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::interp::Exit;
use crate::obj::bytes::ByteArrayObj;
use crate::obj::generator::GenState;
use crate::obj::iter::{IterObj, IterState};
use crate::obj::slice::adjust_indices;
use crate::obj::str::{as_str, as_wtf8, is_str, str_value_hash};
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

/// A number, borrowed from a value, for arithmetic dispatch.
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

/// How deep Rust code may recurse through nested built-in objects (lazy
/// iterators) before a RecursionError: the bound `call.rs` puts on calls from Rust.
const NATIVE_DEPTH_MAX: usize = 4000;

/// Whether a dict or set key must be rooted while it is hashed and compared
/// (which can run Python code, and collect): any heap object but a str. A
/// tuple key's `__hash__`/`__eq__` calls get its items, not the tuple, and the
/// caller may hold the key only in Rust memory.
#[inline(always)]
fn key_needs_root(key: Value) -> bool {
    key.is_ptr() && !key.is_kind(ObjKind::Str)
}

/// View `v` as a number (`bool` counts as an int).
#[inline]
pub fn as_num(v: &Value) -> Option<Num<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(Num::Int(i));
    }
    if let Some(f) = v.as_float() {
        return Some(Num::Float(f));
    }
    match *v {
        Value::TRUE => return Some(Num::Int(1)),
        Value::FALSE => return Some(Num::Int(0)),
        _ => {}
    }
    v.downcast::<IntObj>().map(|g| {
        let b: &BigInt = g.big();
        // SAFETY: only the lifetime changes, to that of the borrow of `v`: the IntObj
        // is immutable, never moves, and lives while `v` is rooted.
        Num::Big(unsafe { &*(b as *const BigInt) })
    })
}

/// An int that fits in an i128 (small, bool, or a wide heap int), without
/// building a BigInt.
#[inline]
pub fn as_wide(v: Value) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i128);
    }
    match v {
        Value::TRUE => Some(1),
        Value::FALSE => Some(0),
        _ => v.downcast::<IntObj>().and_then(|g| g.wide()),
    }
}

/// Python's `hash()` of an int given as an i128 (as `num::hash` for other widths).
pub fn hash_i128(v: i128) -> u64 {
    const MODULUS: u128 = (1 << 61) - 1;
    let r = (v.unsigned_abs() % MODULUS) as i64;
    let h = if v < 0 { -r } else { r };
    (if h == -1 { -2 } else { h }) as u64
}

/// An int (small, big, or bool) as a BigInt.
pub fn int_as_bigint(v: Value) -> Option<BigInt> {
    match as_num(&v)? {
        Num::Int(i) => Some(BigInt::from(i)),
        Num::Big(b) => Some(b.clone()),
        Num::Float(_) => None,
    }
}

pub fn binop_dunder(op: BinOp) -> (Qstr, Qstr, Qstr) {
    match op {
        BinOp::Add => (q::__add__, q::__radd__, q::__iadd__),
        BinOp::Sub => (q::__sub__, q::__rsub__, q::__isub__),
        BinOp::Mult => (q::__mul__, q::__rmul__, q::__imul__),
        BinOp::MatMult => (q::__matmul__, q::__rmatmul__, q::__imatmul__),
        BinOp::Div => (q::__truediv__, q::__rtruediv__, q::__itruediv__),
        BinOp::FloorDiv => (q::__floordiv__, q::__rfloordiv__, q::__ifloordiv__),
        BinOp::Mod => (q::__mod__, q::__rmod__, q::__imod__),
        BinOp::Pow => (q::__pow__, q::__rpow__, q::__ipow__),
        BinOp::LShift => (q::__lshift__, q::__rlshift__, q::__ilshift__),
        BinOp::RShift => (q::__rshift__, q::__rrshift__, q::__irshift__),
        BinOp::BitAnd => (q::__and__, q::__rand__, q::__iand__),
        BinOp::BitOr => (q::__or__, q::__ror__, q::__ior__),
        BinOp::BitXor => (q::__xor__, q::__rxor__, q::__ixor__),
    }
}

pub(crate) fn cmp_dunder(op: CmpOp) -> (Qstr, Qstr) {
    match op {
        CmpOp::Lt => (q::__lt__, q::__gt__),
        CmpOp::LtE => (q::__le__, q::__ge__),
        CmpOp::Gt => (q::__gt__, q::__lt__),
        CmpOp::GtE => (q::__ge__, q::__le__),
        CmpOp::Eq => (q::__eq__, q::__eq__),
        _ => (q::__ne__, q::__ne__),
    }
}

impl Vm {
    // ---- truth ----

    /// `bool(v)`
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        match v {
            Value::TRUE => return Ok(true),
            Value::FALSE | Value::NONE => return Ok(false),
            _ => {}
        }
        if let Some(qs) = v.as_qstr() {
            return Ok(!qs.as_str().is_empty());
        }
        match v.kind() {
            Some(ObjKind::Str) => Ok(!Gc::<StrObj>::from_value_unchecked(v).wtf8().is_empty()),
            Some(ObjKind::List) => Ok(!Gc::<ListObj>::from_value_unchecked(v).items.is_empty()),
            Some(ObjKind::Tuple) => Ok(!Gc::<TupleObj>::from_value_unchecked(v).items().is_empty()),
            Some(ObjKind::Dict) => Ok(!Gc::<DictObj>::from_value_unchecked(v).is_empty()),
            Some(ObjKind::Set) => Ok(!Gc::<SetObj>::from_value_unchecked(v).map.is_empty()),
            Some(ObjKind::Int) => Ok(true),
            Some(ObjKind::Bytes) => Ok(!Gc::<BytesObj>::from_value_unchecked(v).data.is_empty()),
            Some(ObjKind::ByteArray) => Ok(!Gc::<ByteArrayObj>::from_value_unchecked(v).data.is_empty()),
            Some(ObjKind::Range) => Ok(!Gc::<RangeObj>::from_value_unchecked(v).is_empty()),
            Some(ObjKind::Complex) => Ok(crate::obj::complex::complex_truthy(v)),
            Some(ObjKind::Instance) => {
                if let Some(r) = self.call_special(v, q::__bool__, &[])? {
                    return match r {
                        Value::TRUE => Ok(true),
                        Value::FALSE => Ok(false),
                        _ => Err(self.type_error("__bool__ should return bool")),
                    };
                }
                if let Some(r) = self.call_special(v, q::__len__, &[])? {
                    return self.len_result_truthy(r);
                }
                let base = Gc::<InstanceObj>::from_value_unchecked(v).base;
                if !base.is_null() {
                    return self.truthy(base);
                }
                Ok(true)
            }
            _ => {
                if v.is_ptr() && v.kind() == Some(ObjKind::Other) {
                    if let Some(r) = self.call_special(v, q::__bool__, &[])? {
                        return Ok(r == Value::TRUE);
                    }
                    if let Some(r) = self.call_special(v, q::__len__, &[])? {
                        return self.len_result_truthy(r);
                    }
                }
                Ok(true)
            }
        }
    }

    /// Truth of an object from what its `__len__` returned (which must be >= 0).
    fn len_result_truthy(&mut self, r: Value) -> PyResult<bool> {
        let n = self.to_index(r)?;
        if n < 0 {
            return Err(self.value_error("__len__() should return >= 0"));
        }
        Ok(n != 0)
    }

    // ---- hashing and equality ----

    /// `hash(v)`, as the bits of the Python int it would return.
    pub fn hash(&mut self, v: Value) -> PyResult<u64> {
        if let Some(h) = str_value_hash(v) {
            return Ok(h);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(crate::num::hash::hash_i64(i) as u64);
        }
        if let Some(f) = v.as_float() {
            return Ok(crate::num::hash::hash_f64(f) as u64);
        }
        match v {
            Value::TRUE => return Ok(1),
            Value::FALSE => return Ok(0),
            Value::NONE => return Ok(0x5ca1ab1e),
            Value::ELLIPSIS => return Ok(0xe11195e),
            Value::NOT_IMPLEMENTED => return Ok(0x0dd5),
            _ => {}
        }
        match v.kind() {
            Some(ObjKind::Int) => {
                let io = Gc::<IntObj>::from_value_unchecked(v);
                Ok(match io.wide() {
                    Some(w) => hash_i128(w),
                    None => crate::num::hash::hash_bigint(io.big()) as u64,
                })
            }
            Some(ObjKind::Complex) => Ok(crate::obj::complex::complex_hash(v)),
            Some(ObjKind::Tuple) => {
                let t = Gc::<TupleObj>::from_value_unchecked(v);
                let mut h = crate::num::hash::TupleHasher::new();
                for &item in t.items().iter() {
                    h.add(self.hash(item)? as i64);
                }
                Ok(h.finish() as u64)
            }
            // As CPython 3.12: a slice hashes like the tuple of its three fields.
            Some(ObjKind::Slice) => {
                let sl = Gc::<SliceObj>::from_value_unchecked(v);
                let mut h = crate::num::hash::TupleHasher::new();
                for part in [sl.start, sl.stop, sl.step] {
                    h.add(self.hash(part)? as i64);
                }
                Ok(h.finish() as u64)
            }
            Some(ObjKind::Bytes) => Ok(krait_syntax::qstr::str_hash(&Gc::<BytesObj>::from_value_unchecked(v).data)),
            Some(ObjKind::Set) => {
                let s = Gc::<SetObj>::from_value_unchecked(v);
                if !SetObj::is_frozen(s) {
                    return Err(self.type_error("unhashable type: 'set'"));
                }
                // Order-independent combination of the element hashes.
                let mut h: u64 = 1927868237;
                for e in s.map.raw_entries().iter().filter(|e| !e.key.is_null()) {
                    let x = e.hash ^ (e.hash << 16) ^ 89869747;
                    h ^= x.wrapping_mul(3644798167);
                }
                Ok(h & 0x3fff_ffff_ffff_ffff)
            }
            // As CPython: equal ranges (the same items) hash alike.
            Some(ObjKind::Range) => {
                let r = Gc::<RangeObj>::from_value_unchecked(v);
                let n = r.len_exact();
                let none = self.hash(Value::NONE)? as i64;
                let hs = match n {
                    0 => [0, none, none],
                    1 => [1, crate::num::hash::hash_i64(r.start), none],
                    _ => [hash_i128(n) as i64, crate::num::hash::hash_i64(r.start), crate::num::hash::hash_i64(r.step)],
                };
                Ok(crate::num::hash::hash_tuple(hs) as u64)
            }
            Some(ObjKind::List) | Some(ObjKind::Dict) | Some(ObjKind::ByteArray) => {
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Some(ObjKind::BoundMethod) => {
                let m = Gc::<BoundMethodObj>::from_value_unchecked(v);
                let (f, s) = (m.func, m.self_);
                let hf = self.hash(f)?;
                let hs = Self::identity_hash(s);
                Ok((hf ^ hs.rotate_left(17)) & 0x3fff_ffff_ffff_ffff)
            }
            Some(ObjKind::Instance) | Some(ObjKind::Exception) | Some(ObjKind::Other) => {
                let t = self.type_of(v);
                match t.lookup(q::__hash__) {
                    Some(h) if h.is_none() => Err(self.type_error(format!("unhashable type: '{}'", t.name))),
                    // A built-in `__hash__` counts on a module's type (`weakref.ref`),
                    // unless it is `object`'s (the identity, computed below).
                    Some(h)
                        if !h.is_kind(ObjKind::BuiltinFunction)
                            || (v.kind() == Some(ObjKind::Other)
                                && self.types.object.lookup(q::__hash__) != Some(h)) =>
                    {
                        let r = self.call_value(h, &[v], &[])?;
                        match as_num(&r) {
                            Some(Num::Int(i)) => Ok(crate::num::hash::hash_i64(i) as u64),
                            Some(Num::Big(b)) => Ok(crate::num::hash::hash_bigint(b) as u64),
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    _ => {
                        if let Some(inst) = v.downcast::<InstanceObj>() {
                            if !inst.base.is_null() {
                                return self.hash(inst.base);
                            }
                        }
                        Ok(Self::identity_hash(v))
                    }
                }
            }
            _ => Ok(Self::identity_hash(v)),
        }
    }

    #[inline]
    fn identity_hash(v: Value) -> u64 {
        (v.bits() >> 4) & 0x0fff_ffff_ffff
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            // Identity implies equality except for NaN.
            return Ok(!a.as_float().is_some_and(|f| f.is_nan()));
        }
        if let Some(r) = crate::obj::dict::fast_key_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(r)
    }

    /// A rich comparison, as the value the operator produces.
    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (as_wide(a), as_wide(b)) {
            return Ok(Value::bool(apply_ord(op, x.cmp(&y))));
        }
        // Numbers.
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            return Ok(Value::bool(apply_partial_ord(op, num_cmp(&x, &y))));
        }
        // Strings: their bytes compare as their code points do (surrogates included).
        if let (Some(x), Some(y)) = (as_wtf8(&a), as_wtf8(&b)) {
            return Ok(Value::bool(apply_ord(op, x.cmp(y))));
        }
        if let Some(r) = crate::obj::complex::complex_compare(self, op, a, b)? {
            return Ok(r);
        }
        let (ka, kb) = (a.kind(), b.kind());
        let user = ka == Some(ObjKind::Instance)
            || kb == Some(ObjKind::Instance)
            || ka == Some(ObjKind::Other)
            || kb == Some(ObjKind::Other)
            || ka == Some(ObjKind::Exception);
        if user {
            if let Some(r) = self.user_compare(op, a, b)? {
                return Ok(r);
            }
        } else if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(r);
        }
        self.compare_fallback(op, a, b)
    }

    /// `a op b` when no method answered: identity for `==`/`!=`, else TypeError.
    fn compare_fallback(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            CmpOp::NotEq => Ok(Value::bool(a != b)),
            _ => {
                let (name, _) = cmp_dunder(op);
                Err(self.type_error(format!(
                    "unsupported types for {}: '{}', '{}'",
                    name,
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        }
    }

    fn user_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let reflected_op = reflected_cmp(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // A subclass's reflected method gets the first chance.
        let b_first = tb != ta && tb.is_subtype(ta);
        if b_first {
            if let Some(r) = self.rich_compare_one(reflected_op, b, a)? {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.rich_compare_one(op, a, b)? {
            return Ok(Some(r));
        }
        self.user_compare_after_forward(op, a, b, b_first)
    }

    /// The rest of `compare` once `a`'s own method has declined: `b`'s
    /// reflected one (unless it went first), built-in bases, then identity for
    /// `==`/`!=` or TypeError.
    pub(crate) fn compare_after_forward(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(r) = self.user_compare_after_forward(op, a, b, false)? {
            return Ok(r);
        }
        self.compare_fallback(op, a, b)
    }

    fn user_compare_after_forward(&mut self, op: CmpOp, a: Value, b: Value, b_first: bool) -> PyResult<Option<Value>> {
        let reflected_op = reflected_cmp(op);
        if !b_first {
            if let Some(r) = self.rich_compare_one(reflected_op, b, a)? {
                return Ok(Some(r));
            }
        }
        // Built-in bases of user subclasses.
        let ua = self.builtin_receiver(a);
        let ub = self.builtin_receiver(b);
        if ua != a || ub != b {
            return self.compare(op, ua, ub).map(Some);
        }
        Ok(None)
    }

    /// `obj.__op__(other)` as the type defines it, `None` for NotImplemented. A
    /// missing `__ne__` inverts `__eq__`, as `object.__ne__` does.
    fn rich_compare_one(&mut self, op: CmpOp, obj: Value, other: Value) -> PyResult<Option<Value>> {
        let (name, _) = cmp_dunder(op);
        if let Some(r) = self.try_user_cmp(obj, name, other)? {
            return Ok(Some(r));
        }
        if op == CmpOp::NotEq {
            if let Some(r) = self.try_user_cmp(obj, q::__eq__, other)? {
                let t = self.truthy(r)?;
                return Ok(Some(Value::bool(!t)));
            }
        }
        Ok(None)
    }

    fn try_user_cmp(&mut self, obj: Value, name: Qstr, other: Value) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        match t.lookup(name) {
            Some(m) if !m.is_kind(ObjKind::BuiltinFunction) || obj.kind() == Some(ObjKind::Other) => {
                let r = self.call_dunder(m, obj, &[other])?;
                Ok(if r == Value::NOT_IMPLEMENTED { None } else { Some(r) })
            }
            _ => Ok(None),
        }
    }

    fn builtin_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (ka, kb) = (a.kind(), b.kind());
        match (ka, kb) {
            (Some(ObjKind::List), Some(ObjKind::List)) | (Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
                self.seq_compare_values(op, a, b).map(Some)
            }
            (Some(ObjKind::Bytes | ObjKind::ByteArray), Some(ObjKind::Bytes | ObjKind::ByteArray)) => {
                let x = self.bytes_data(a).unwrap_or_default();
                let y = self.bytes_data(b).unwrap_or_default();
                Ok(Some(Value::bool(apply_ord(op, x.cmp(&y)))))
            }
            (Some(ObjKind::Dict), Some(ObjKind::Dict)) => match op {
                CmpOp::Eq | CmpOp::NotEq => {
                    let e = self.dict_eq(Gc::from_value_unchecked(a), Gc::from_value_unchecked(b))?;
                    Ok(Some(Value::bool(e == (op == CmpOp::Eq))))
                }
                _ => Ok(None),
            },
            (Some(ObjKind::Set), Some(ObjKind::Set)) => {
                let x = Gc::<SetObj>::from_value_unchecked(a);
                let y = Gc::<SetObj>::from_value_unchecked(b);
                let (lx, ly) = (x.map.len(), y.map.len());
                let r = match op {
                    CmpOp::Eq => lx == ly && self.set_is_subset(x, y)?,
                    CmpOp::NotEq => !(lx == ly && self.set_is_subset(x, y)?),
                    CmpOp::LtE => self.set_is_subset(x, y)?,
                    CmpOp::Lt => lx < ly && self.set_is_subset(x, y)?,
                    CmpOp::GtE => self.set_is_subset(y, x)?,
                    CmpOp::Gt => lx > ly && self.set_is_subset(y, x)?,
                    _ => return Ok(None),
                };
                Ok(Some(Value::bool(r)))
            }
            (Some(ObjKind::BoundMethod), Some(ObjKind::BoundMethod)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let x = Gc::<BoundMethodObj>::from_value_unchecked(a);
                let y = Gc::<BoundMethodObj>::from_value_unchecked(b);
                let same = x.self_ == y.self_ && (x.func == y.func || self.eq(x.func, y.func)?);
                Ok(Some(Value::bool(same == (op == CmpOp::Eq))))
            }
            (Some(ObjKind::BuiltinFunction), Some(ObjKind::BuiltinFunction))
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
            {
                let x = Gc::<BuiltinFunctionObj>::from_value_unchecked(a);
                let y = Gc::<BuiltinFunctionObj>::from_value_unchecked(b);
                let same = x.bound_self == y.bound_self && x.f as usize == y.f as usize && x.name == y.name;
                Ok(Some(Value::bool(same == (op == CmpOp::Eq))))
            }
            (Some(ObjKind::Range), Some(ObjKind::Range)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let x = Gc::<RangeObj>::from_value_unchecked(a);
                let y = Gc::<RangeObj>::from_value_unchecked(b);
                let (lx, ly) = (x.len(), y.len());
                let same = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
                Ok(Some(Value::bool(same == (op == CmpOp::Eq))))
            }
            (Some(ObjKind::Slice), Some(ObjKind::Slice)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let x = Gc::<SliceObj>::from_value_unchecked(a);
                let y = Gc::<SliceObj>::from_value_unchecked(b);
                let (xs, ys) = ([x.start, x.stop, x.step], [y.start, y.stop, y.step]);
                let r = self.seq_compare(CmpOp::Eq, &xs, &ys)?;
                Ok(Some(Value::bool((r == Value::TRUE) == (op == CmpOp::Eq))))
            }
            _ => Ok(None),
        }
    }

    /// Items of a list or tuple (a snapshot).
    fn seq_items(&self, v: Value) -> Vec<Value> {
        if let Some(l) = v.downcast::<ListObj>() {
            l.items.clone()
        } else if let Some(t) = v.downcast::<TupleObj>() {
            t.items().to_vec()
        } else {
            Vec::new()
        }
    }

    /// Item `i` of a list or tuple, re-read each time (a list may change while
    /// Python code runs during the comparison).
    #[inline]
    fn seq_item(v: Value, i: usize) -> Option<Value> {
        match v.downcast::<ListObj>() {
            Some(l) => l.items.get(i).copied(),
            None => v.downcast::<TupleObj>().and_then(|t| t.items().get(i).copied()),
        }
    }

    /// Lexicographic comparison of two lists or two tuples, without copying them.
    fn seq_compare_values(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if a == b {
            // The same list or tuple: CPython compares each item with itself, and
            // its identity shortcut makes every one equal (NaNs included).
            return Ok(Value::bool(apply_ord(op, std::cmp::Ordering::Equal)));
        }
        let mut i = 0;
        loop {
            match (Self::seq_item(a, i), Self::seq_item(b, i)) {
                (Some(x), Some(y)) => {
                    if Value::both_small_ints(x, y) {
                        if x != y {
                            let (p, q) = (x.as_small_int_unchecked(), y.as_small_int_unchecked());
                            return Ok(Value::bool(apply_ord(op, p.cmp(&q))));
                        }
                        i += 1;
                        continue;
                    }
                    let same = x == y && !x.as_float().is_some_and(|f| f.is_nan());
                    if !same && !self.eq(x, y)? {
                        return match op {
                            CmpOp::Eq => Ok(Value::FALSE),
                            CmpOp::NotEq => Ok(Value::TRUE),
                            _ => self.compare(op, x, y),
                        };
                    }
                }
                (x, y) => return Ok(Value::bool(apply_ord(op, x.is_some().cmp(&y.is_some())))),
            }
            i += 1;
        }
    }

    fn seq_compare(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<Value> {
        for (&x, &y) in xs.iter().zip(ys.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(Value::FALSE),
                    CmpOp::NotEq => Ok(Value::TRUE),
                    _ => self.compare(op, x, y),
                };
            }
        }
        Ok(Value::bool(apply_ord(op, xs.len().cmp(&ys.len()))))
    }

    fn dict_eq(&mut self, a: Gc<DictObj>, b: Gc<DictObj>) -> PyResult<bool> {
        if a.len() != b.len() {
            return Ok(false);
        }
        // A snapshot of `a`, rooted: user `__eq__` may change the dicts meanwhile.
        let pairs: Vec<Value> = a.iter().flat_map(|(k, v)| [k, v]).collect();
        self.with_roots(&pairs, |vm| {
            for kv in pairs.chunks_exact(2) {
                match vm.dict_get(b, kv[0])? {
                    Some(w) => {
                        if !vm.with_roots(&[w], |vm| vm.eq(kv[1], w))? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            Ok(true)
        })
    }

    fn set_is_subset(&mut self, a: Gc<SetObj>, b: Gc<SetObj>) -> PyResult<bool> {
        // A snapshot of `a`, rooted: user `__eq__` may change the sets meanwhile.
        let keys = a.map.keys();
        self.with_roots(&keys, |vm| {
            for &k in &keys {
                if !vm.set_contains(b, k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// The bytes of a `bytes` or `bytearray` (copied).
    pub fn bytes_data(&self, v: Value) -> Option<Vec<u8>> {
        if let Some(b) = v.downcast::<BytesObj>() {
            return Some(b.data.clone());
        }
        v.downcast::<ByteArrayObj>().map(|b| b.data.clone())
    }

    // ---- arithmetic ----

    /// `a op b`
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if op == BinOp::Add {
            // str concatenation first: the numeric attempts below can't apply.
            if let (Some(x), Some(y)) = (as_str(&a), as_str(&b)) {
                return self.str_add(a, b, x, y);
            }
        }
        if a.is_bool() && b.is_bool() {
            // bool's own &, | and ^ give bools; the rest is int arithmetic.
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            match op {
                BinOp::BitAnd => return Ok(Value::bool(x & y)),
                BinOp::BitOr => return Ok(Value::bool(x | y)),
                BinOp::BitXor => return Ok(Value::bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_wide(a), as_wide(b)) {
            if let Some(r) = self.wide_binop(op, x, y)? {
                return Ok(r);
            }
        }
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            return self.num_binop(op, x, y);
        }
        self.binary_op_objects(op, a, b)
    }

    /// `binary_op` past numbers: complex, the built-in containers, user classes'
    /// special methods. Out of line, so that what the compiler inlines here never
    /// weighs on the numeric paths above (their prologue grew several times over
    /// when it did).
    #[inline(never)]
    fn binary_op_objects(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(r) = crate::obj::complex::complex_binop(self, op, a, b)? {
            return Ok(r);
        }
        if let Some(r) = self.builtin_binop(op, a, b)? {
            return Ok(r);
        }
        let (name, rname, _) = binop_dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let b_first = tb != ta && tb.is_subtype(ta) && tb.lookup(rname).is_some();
        if b_first {
            if let Some(r) = self.try_user_binop(b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_user_binop(a, name, b)? {
            return Ok(r);
        }
        self.binary_op_after_forward(op, a, b, b_first)
    }

    /// The rest of `binary_op` once `a`'s own method has declined (returned
    /// NotImplemented, or there is none): `b`'s reflected method unless it has
    /// already had its chance (`b_first`), built-in bases, then TypeError.
    pub(crate) fn binary_op_after_forward(&mut self, op: BinOp, a: Value, b: Value, b_first: bool) -> PyResult<Value> {
        let (name, rname, _) = binop_dunder(op);
        if !b_first && self.type_of(a) != self.type_of(b) {
            if let Some(r) = self.try_user_binop(b, rname, a)? {
                return Ok(r);
            }
        }
        // User subclasses of built-in types without their own method.
        let ua = self.builtin_receiver(a);
        let ub = self.builtin_receiver(b);
        if ua != a || ub != b {
            return self.binary_op(op, ua, ub);
        }
        // A sequence repeated by an object with `__index__`.
        if op == BinOp::Mult {
            let is_seq = |v: Value| {
                is_str(v)
                    || matches!(v.kind(), Some(ObjKind::List | ObjKind::Tuple | ObjKind::Bytes | ObjKind::ByteArray))
            };
            let indexable =
                |vm: &Self, v: Value| v.is_kind(ObjKind::Instance) && vm.type_of(v).lookup(q::__index__).is_some();
            if is_seq(a) && indexable(self, b) {
                let n = self.to_index(b)?;
                let n = self.new_int(n)?;
                return self.binary_op(op, a, n);
            }
            if is_seq(b) && indexable(self, a) {
                let n = self.to_index(a)?;
                let n = self.new_int(n)?;
                return self.binary_op(op, n, b);
            }
        }
        Err(self.unsupported_binop(name, a, b))
    }

    pub fn unsupported_binop(&mut self, name: Qstr, a: Value, b: Value) -> PyErr {
        let msg = format!("unsupported types for {}: '{}', '{}'", name, self.type_name(a), self.type_name(b));
        self.type_error(msg)
    }

    fn try_user_binop(&mut self, obj: Value, name: Qstr, other: Value) -> PyResult<Option<Value>> {
        if !matches!(obj.kind(), Some(ObjKind::Instance) | Some(ObjKind::Other) | Some(ObjKind::Type)) {
            return Ok(None);
        }
        let t = self.type_of(obj);
        match t.lookup(name) {
            Some(m) if !m.is_kind(ObjKind::BuiltinFunction) || obj.kind() == Some(ObjKind::Other) => {
                let r = self.call_dunder(m, obj, &[other])?;
                Ok(if r == Value::NOT_IMPLEMENTED { None } else { Some(r) })
            }
            _ => Ok(None),
        }
    }

    /// `a op= b`: tries `__iop__` first, and mutates lists in place.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        match (op, a.kind()) {
            (BinOp::Add, Some(ObjKind::List)) => {
                self.list_extend(a, b)?;
                return Ok(a);
            }
            (BinOp::Mult, Some(ObjKind::List)) => {
                let n = self.to_index(b)?;
                let l = Gc::<ListObj>::from_value_unchecked(a);
                let n = n.max(0) as usize;
                let total = l.items.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 16);
                let Some(total) = total else {
                    return Err(self.alloc_failed_bytes(l.items.len().saturating_mul(n).saturating_mul(8)));
                };
                self.charge(total.saturating_sub(l.items.len()) * 8)?;
                let items = l.items.repeat(n);
                l.get_mut().items = items;
                return Ok(a);
            }
            (BinOp::Add, Some(ObjKind::ByteArray)) => {
                let data = self.buffer_bytes(b)?;
                let ba = Gc::<ByteArrayObj>::from_value_unchecked(a);
                let mut d = std::mem::take(&mut ba.get_mut().data);
                let r = crate::obj::array::reserve_bytes(self, &mut d, data.len());
                if r.is_ok() {
                    d.extend_from_slice(&data);
                }
                ba.get_mut().data = d;
                r?;
                return Ok(a);
            }
            (BinOp::Mult, Some(ObjKind::ByteArray)) if as_wide(b).is_some() => {
                // In place, as CPython does (`ba *= n` keeps the object).
                let n = self.to_index(b)?.max(0) as usize;
                let ba = Gc::<ByteArrayObj>::from_value_unchecked(a);
                let total = ba.data.len().saturating_mul(n);
                self.check_fits(total)?;
                let mut d = crate::obj::str::vec_with_room(self, total)?;
                if total > 0 {
                    for _ in 0..n {
                        d.extend_from_slice(&ba.data);
                    }
                }
                self.charge(total.saturating_sub(ba.data.capacity()))?;
                ba.get_mut().data = d;
                return Ok(a);
            }
            (_, Some(ObjKind::Set))
                if matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                    && b.is_kind(ObjKind::Set)
                    && !SetObj::is_frozen(Gc::from_value_unchecked(a)) =>
            {
                let r = self.binary_op(op, a, b)?;
                let rs = Gc::<SetObj>::from_value_unchecked(r);
                let contents = rs.map.clone_contents();
                Gc::<SetObj>::from_value_unchecked(a).get_mut().map = contents;
                return Ok(a);
            }
            (BinOp::BitOr, Some(ObjKind::Dict)) if b.is_kind(ObjKind::Dict) => {
                self.dict_update(Gc::from_value_unchecked(a), b, false)?;
                return Ok(a);
            }
            (_, Some(ObjKind::Instance) | Some(ObjKind::Other)) => {
                let (_, _, iname) = binop_dunder(op);
                let t = self.type_of(a);
                if let Some(m) = t.lookup(iname) {
                    if !m.is_kind(ObjKind::BuiltinFunction) || a.kind() == Some(ObjKind::Other) {
                        let r = self.call_dunder(m, a, &[b])?;
                        if r != Value::NOT_IMPLEMENTED {
                            return Ok(r);
                        }
                    }
                }
                // A subclass of a mutable built-in (`class Stack(list)`) is updated in
                // place through its built-in part, and stays the same object.
                let base = self.builtin_receiver(a);
                if base != a
                    && matches!(base.kind(), Some(ObjKind::List | ObjKind::ByteArray | ObjKind::Set | ObjKind::Dict))
                {
                    let r = self.inplace_op(op, base, b)?;
                    return Ok(if r == base { a } else { r });
                }
            }
            _ => {}
        }
        self.binary_op(op, a, b)
    }

    /// `op a`
    pub fn unary_op(&mut self, op: UnaryOp, a: Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::bool(!self.truthy(a)?));
        }
        if let Some(n) = as_num(&a) {
            return match (op, n) {
                (UnaryOp::USub, Num::Int(i)) => self.new_int_i128(-(i as i128)),
                (UnaryOp::USub, Num::Big(b)) => {
                    let r = -b;
                    self.new_bigint(r)
                }
                (UnaryOp::USub, Num::Float(f)) => Ok(Value::float(-f)),
                (UnaryOp::UAdd, Num::Int(i)) => self.new_int(i),
                (UnaryOp::UAdd, Num::Big(_)) | (UnaryOp::UAdd, Num::Float(_)) => Ok(a),
                (UnaryOp::Invert, Num::Int(i)) => self.new_int(!i),
                (UnaryOp::Invert, Num::Big(b)) => {
                    let r: BigInt = -(b + BigInt::from(1));
                    self.new_bigint(r)
                }
                (UnaryOp::Invert, Num::Float(_)) => Err(self.type_error("bad operand type for unary ~: 'float'")),
                (UnaryOp::Not, _) => unreachable!(),
            };
        }
        let name = match op {
            UnaryOp::USub => q::__neg__,
            UnaryOp::UAdd => q::__pos__,
            _ => q::__invert__,
        };
        if let Some(r) = self.call_special(a, name, &[])? {
            return Ok(r);
        }
        let ua = self.builtin_receiver(a);
        if ua != a {
            return self.unary_op(op, ua);
        }
        let sym = match op {
            UnaryOp::USub => "-",
            UnaryOp::UAdd => "+",
            _ => "~",
        };
        Err(self.type_error(format!("bad operand type for unary {sym}: '{}'", self.type_name(a))))
    }

    fn num_binop(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        match (x, y) {
            (Num::Float(a), b) => {
                let b = self.num_to_f64(b)?;
                self.float_binop(op, a, b)
            }
            (a, Num::Float(b)) => {
                if op == BinOp::LShift
                    || op == BinOp::RShift
                    || matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
                {
                    return Err(
                        self.type_error(format!("unsupported types for {}: 'int', 'float'", binop_dunder(op).0))
                    );
                }
                let a = self.num_to_f64(a)?;
                self.float_binop(op, a, b)
            }
            (Num::Int(a), Num::Int(b)) => self.int_binop_small(op, a, b),
            (a, b) => {
                // Borrow big operands rather than copying them (the copies used
                // to cost more than many of the operations themselves).
                let a = num_as_bigint(&a);
                let b = num_as_bigint(&b);
                self.int_binop_big(op, &a, &b)
            }
        }
    }

    /// Int arithmetic within 128 bits; `None` when the result needs a BigInt (or
    /// the operation is one the general path handles: true division, negative powers).
    fn wide_binop(&mut self, op: BinOp, a: i128, b: i128) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mult => a.checked_mul(b),
            BinOp::FloorDiv | BinOp::Mod => {
                if b == 0 {
                    return Err(self.zero_division("divide by zero"));
                }
                if a == i128::MIN && b == -1 {
                    None
                } else if op == BinOp::FloorDiv {
                    Some(Integer::div_floor(&a, &b))
                } else {
                    Some(Integer::mod_floor(&a, &b))
                }
            }
            BinOp::BitAnd => Some(a & b),
            BinOp::BitOr => Some(a | b),
            BinOp::BitXor => Some(a ^ b),
            BinOp::LShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if b < 127 && (a == 0 || (a.unsigned_abs().leading_zeros() as i128) > b + 1) {
                    Some(a << b)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if b >= 128 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            BinOp::Pow if (0..128).contains(&b) => a.checked_pow(b as u32),
            _ => None,
        };
        match r {
            Some(v) => self.new_int_i128(v).map(Some),
            None => Ok(None),
        }
    }

    fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => match crate::num::int::bigint_to_f64(b) {
                Ok(f) => Ok(f),
                Err(e) => Err(self.num_error(e, "")),
            },
        }
    }

    fn int_binop_small(&mut self, op: BinOp, a: i64, b: i64) -> PyResult<Value> {
        let (a128, b128) = (a as i128, b as i128);
        match op {
            BinOp::Add => self.new_int_i128(a128 + b128),
            BinOp::Sub => self.new_int_i128(a128 - b128),
            BinOp::Mult => self.new_int_i128(a128 * b128),
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(self.zero_division("divide by zero"));
                }
                self.new_int_i128(Integer::div_floor(&a128, &b128))
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(self.zero_division("divide by zero"));
                }
                self.new_int_i128(a128.mod_floor(&b128))
            }
            BinOp::Div => {
                if b == 0 {
                    return Err(self.zero_division("divide by zero"));
                }
                match crate::num::int::i64_true_div(a, b) {
                    Ok(f) => Ok(Value::float(f)),
                    Err(e) => Err(self.num_error(e, "")),
                }
            }
            BinOp::BitAnd => self.new_int(a & b),
            BinOp::BitOr => self.new_int(a | b),
            BinOp::BitXor => self.new_int(a ^ b),
            BinOp::LShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if b < 64 {
                    let r = (a as i128) << b;
                    if r >> b == a as i128 {
                        return self.new_int_i128(r);
                    }
                }
                self.int_binop_big(op, &BigInt::from(a), &BigInt::from(b))
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                self.new_int(if b >= 64 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            BinOp::Pow => {
                if b < 0 {
                    if a == 0 {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    return self.float_binop(BinOp::Pow, a as f64, b as f64);
                }
                if let Ok(e) = u32::try_from(b) {
                    if let Some(r) = a.checked_pow(e) {
                        return self.new_int(r);
                    }
                }
                self.int_binop_big(op, &BigInt::from(a), &BigInt::from(b))
            }
            BinOp::MatMult => Err(self.type_error("unsupported types for __matmul__: 'int', 'int'")),
        }
    }

    fn int_binop_big(&mut self, op: BinOp, a: &BigInt, b: &BigInt) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("divide by zero"));
                }
                crate::num::int::div_mod_floor_parts(a, b, crate::num::int::DivParts::Quotient).0
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division("divide by zero"));
                }
                crate::num::int::div_mod_floor_parts(a, b, crate::num::int::DivParts::Remainder).1
            }
            BinOp::Div => {
                if b.is_zero() {
                    return Err(self.zero_division("divide by zero"));
                }
                return match crate::num::int::true_div(a, b) {
                    Ok(f) => Ok(Value::float(f)),
                    Err(e) => Err(self.num_error(e, "")),
                };
            }
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            BinOp::BitXor => a ^ b,
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let Some(n) = b.to_u64().filter(|&n| n < (1 << 32)) else {
                    return Err(self.overflow_error("too many digits in integer"));
                };
                if a.is_zero() {
                    BigInt::zero()
                } else {
                    self.charge((n / 8) as usize)?;
                    a << n
                }
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_u64() {
                    Some(n) if n < (1 << 40) => {
                        // num-bigint's shift of a negative BigInt rounds toward
                        // −∞, as Python's does.
                        a >> n
                    }
                    _ => {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let x = crate::num::int::bigint_to_f64(a).unwrap_or(f64::INFINITY);
                    let y = crate::num::int::bigint_to_f64(b).unwrap_or(f64::NEG_INFINITY);
                    if a.is_zero() {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    return self.float_binop(BinOp::Pow, x, y);
                }
                let Some(e) = b.to_u32() else {
                    if a.is_zero() || a.abs() == BigInt::from(1) {
                        let odd = b.is_odd();
                        return self.new_bigint(if a.is_negative() && !odd { BigInt::from(1) } else { a.clone() });
                    }
                    return Err(self.overflow_error("exponent too large"));
                };
                let bits = a.bits().saturating_mul(e as u64);
                if bits > (1 << 34) {
                    return Err(self.overflow_error("exponent too large"));
                }
                self.charge((bits / 8) as usize)?;
                num_traits::Pow::pow(a, e)
            }
            BinOp::MatMult => return Err(self.type_error("unsupported types for __matmul__: 'int', 'int'")),
        };
        self.new_bigint(r)
    }

    pub(crate) fn float_binop(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        use crate::num::float as nf;
        let r = match op {
            BinOp::Add => Ok(a + b),
            BinOp::Sub => Ok(a - b),
            BinOp::Mult => Ok(a * b),
            BinOp::Div => {
                if b == 0.0 {
                    return Err(self.zero_division("divide by zero"));
                }
                Ok(a / b)
            }
            BinOp::FloorDiv => nf::float_floordiv(a, b),
            BinOp::Mod => nf::float_mod(a, b),
            BinOp::Pow => match nf::float_pow(a, b) {
                Err(crate::num::NumError::ComplexResult) => {
                    return crate::obj::complex::complex_pow_value(self, a, 0.0, b, 0.0);
                }
                r => r,
            },
            _ => {
                let name = binop_dunder(op).0;
                return Err(self.type_error(format!("unsupported types for {name}: 'float', 'float'")));
            }
        };
        match r {
            Ok(f) => Ok(Value::float(f)),
            Err(e) => Err(self.num_error(e, "")),
        }
    }

    /// Turn a numeric-library error into the Python exception (with MicroPython's
    /// wording for division by zero).
    pub fn num_error(&mut self, e: crate::num::NumError, context: &str) -> PyErr {
        use crate::num::ExcKind as K;
        let msg = e.message(context);
        match e.kind() {
            K::ZeroDivisionError => {
                let m = if msg.contains("division") || msg.contains("modulo") { "divide by zero" } else { &msg };
                let m = m.to_owned();
                self.zero_division(&m)
            }
            K::OverflowError => self.overflow_error(msg),
            K::TypeError => self.type_error(msg),
            K::ValueError => self.value_error(msg),
            K::MemoryError => self.alloc_failed_bytes(usize::MAX),
        }
    }

    /// `a + b` for strs `a` (text `x`) and `b` (text `y`).
    fn str_add(&mut self, a: Value, b: Value, x: &str, y: &str) -> PyResult<Value> {
        // strs are immutable: adding "" gives the other operand itself.
        if y.is_empty() {
            return Ok(a);
        }
        if x.is_empty() {
            return Ok(b);
        }
        self.new_str_concat(x, y)
    }

    /// Operators of built-in non-numeric types (sequence concatenation and
    /// repetition, set algebra, `%` formatting, dict union).
    fn builtin_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (ka, kb) = (a.kind(), b.kind());
        match op {
            BinOp::Add => {
                if let (Some(x), Some(y)) = (as_str(&a), as_str(&b)) {
                    return self.str_add(a, b, x, y).map(Some);
                }
                if let (Some(x), Some(y)) = (as_wtf8(&a), as_wtf8(&b)) {
                    // (`binary_op` took every pair of UTF-8 strs: one holds surrogates.)
                    return crate::obj::str_surrogates::concat(self, a, b, x, y).map(Some);
                }
                match (ka, kb) {
                    (Some(ObjKind::List), Some(ObjKind::List)) => {
                        let mut items = Gc::<ListObj>::from_value_unchecked(a).items.clone();
                        items.extend_from_slice(&Gc::<ListObj>::from_value_unchecked(b).items);
                        return self.new_list(items).map(Some);
                    }
                    (Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
                        let x = Gc::<TupleObj>::from_value_unchecked(a).items();
                        let y = Gc::<TupleObj>::from_value_unchecked(b).items();
                        return self
                            .new_tuple_with(x.len() + y.len(), |t| {
                                t[..x.len()].copy_from_slice(x);
                                t[x.len()..].copy_from_slice(y);
                            })
                            .map(Some);
                    }
                    (Some(ObjKind::Bytes | ObjKind::ByteArray), _) => {
                        if let Ok(y) = self.buffer_bytes(b) {
                            let mut x = self.bytes_data(a).unwrap_or_default();
                            x.extend_from_slice(&y);
                            return if ka == Some(ObjKind::Bytes) {
                                self.new_bytes(x).map(Some)
                            } else {
                                self.new_bytearray(x).map(Some)
                            };
                        }
                    }
                    _ => {}
                }
            }
            BinOp::Mult => {
                let (seq, n) = if as_num(&b).is_some() && !b.is_float() {
                    (a, b)
                } else if as_num(&a).is_some() && !a.is_float() {
                    (b, a)
                } else {
                    return Ok(None);
                };
                // A count that fits a machine word but makes the result too big is a
                // MemoryError (as in CPython); one beyond a machine word is an OverflowError.
                let Some(n) = as_wide(n).and_then(|n| i64::try_from(n).ok()) else {
                    if is_str(seq) || matches!(seq.kind(), Some(ObjKind::List | ObjKind::Tuple | ObjKind::Bytes)) {
                        return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
                    }
                    return Ok(None);
                };
                let n = n.max(0) as usize;
                if let Some(s) = as_str(&seq) {
                    let total = s.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 2);
                    let Some(total) = total else { return Err(self.alloc_failed_bytes(s.len().saturating_mul(n))) };
                    self.check_fits(total)?;
                    return self.new_string(s.repeat(n)).map(Some);
                }
                if let Some(s) = as_wtf8(&seq) {
                    let total = s.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 2);
                    let Some(total) = total else { return Err(self.alloc_failed_bytes(s.len().saturating_mul(n))) };
                    self.check_fits(total)?;
                    return self.new_wtf8(&s.repeat(n)).map(Some);
                }
                match seq.kind() {
                    Some(ObjKind::List) | Some(ObjKind::Tuple) => {
                        let items = self.seq_items(seq);
                        let total = items.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 16);
                        let Some(total) = total else {
                            return Err(self.alloc_failed_bytes(items.len().saturating_mul(n).saturating_mul(8)));
                        };
                        self.check_fits(total * 8)?;
                        let out = items.repeat(n);
                        return if seq.kind() == Some(ObjKind::List) {
                            self.new_list(out).map(Some)
                        } else {
                            self.new_tuple(out).map(Some)
                        };
                    }
                    Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                        let data = self.bytes_data(seq).unwrap_or_default();
                        let total = data.len().checked_mul(n).filter(|&t| t < isize::MAX as usize / 2);
                        let Some(total) = total else {
                            return Err(self.alloc_failed_bytes(data.len().saturating_mul(n)));
                        };
                        self.check_fits(total)?;
                        let out = data.repeat(n);
                        return if seq.kind() == Some(ObjKind::Bytes) {
                            self.new_bytes(out).map(Some)
                        } else {
                            self.new_bytearray(out).map(Some)
                        };
                    }
                    _ => {}
                }
            }
            BinOp::Mod => {
                if is_str(a) {
                    return crate::format::percent_format_str(self, a, b).map(Some);
                }
                if matches!(ka, Some(ObjKind::Bytes | ObjKind::ByteArray)) {
                    return crate::format::percent_format_bytes(self, a, b).map(Some);
                }
            }
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                if ka == Some(ObjKind::Set) && kb == Some(ObjKind::Set) =>
            {
                return self.set_binop(op, Gc::from_value_unchecked(a), Gc::from_value_unchecked(b)).map(Some);
            }
            BinOp::BitOr if ka == Some(ObjKind::Dict) && kb == Some(ObjKind::Dict) => {
                let d = Gc::<DictObj>::from_value_unchecked(a).clone_contents();
                let d = self.alloc(d)?;
                self.dict_update(d, b, false)?;
                return Ok(Some(d.value()));
            }
            _ => {}
        }
        Ok(None)
    }

    /// MemoryError unless `n` more bytes fit in the heap (counting nothing: the
    /// object about to be built counts them when it is allocated).
    fn check_fits(&mut self, n: usize) -> PyResult<()> {
        crate::obj::str::check_room(self, n)?;
        match self.heap.check_fits(n) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.alloc_failed(e)),
        }
    }

    pub(crate) fn alloc_failed_bytes(&mut self, n: usize) -> PyErr {
        self.alloc_failed(crate::gc::AllocError::Full { requested: n })
    }

    fn set_binop(&mut self, op: BinOp, a: Gc<SetObj>, b: Gc<SetObj>) -> PyResult<Value> {
        let frozen = SetObj::is_frozen(a);
        let r = self.new_set(frozen)?;
        // User `__hash__`/`__eq__` can collect: the operands (perhaps made by a
        // builtin) and the result are rooted until it is returned.
        self.with_roots(&[a.value(), b.value(), r.value()], |vm| vm.set_binop_into(op, a, b, r))?;
        Ok(r.value())
    }

    fn set_binop_into(&mut self, op: BinOp, a: Gc<SetObj>, b: Gc<SetObj>, r: Gc<SetObj>) -> PyResult<()> {
        // Snapshots of both operands' keys, rooted: user `__hash__`/`__eq__` may
        // change the operands meanwhile.
        let mut all = a.map.keys();
        let na = all.len();
        all.extend(b.map.keys());
        self.with_roots(&all, |vm| {
            let (ka, kb) = all.split_at(na);
            match op {
                BinOp::BitOr => {
                    for &k in &all {
                        vm.set_add(r, k)?;
                    }
                }
                BinOp::BitAnd => {
                    for &k in ka {
                        if vm.set_contains(b, k)? {
                            vm.set_add(r, k)?;
                        }
                    }
                }
                BinOp::Sub => {
                    for &k in ka {
                        if !vm.set_contains(b, k)? {
                            vm.set_add(r, k)?;
                        }
                    }
                }
                _ => {
                    for &k in ka {
                        if !vm.set_contains(b, k)? {
                            vm.set_add(r, k)?;
                        }
                    }
                    for &k in kb {
                        if !vm.set_contains(a, k)? {
                            vm.set_add(r, k)?;
                        }
                    }
                }
            }
            Ok(())
        })
    }

    // ---- conversions ----

    /// An index-sized integer from an int, bool, or object with `__index__`.
    pub fn to_index(&mut self, v: Value) -> PyResult<i64> {
        match as_num(&v) {
            Some(Num::Int(i)) => Ok(i),
            Some(Num::Big(b)) => match b.to_i64() {
                Some(i) => Ok(i),
                None => Err(self.overflow_error("overflow converting long int to machine word")),
            },
            Some(Num::Float(_)) => Err(self.type_error("can't convert float to int")),
            None => {
                if let Some(r) = self.call_special(v, q::__index__, &[])? {
                    if as_num(&r).is_some() && !r.is_float() {
                        return self.to_index(r);
                    }
                }
                let base = self.builtin_receiver(v);
                if base != v {
                    return self.to_index(base);
                }
                Err(self.type_error(format!("can't convert {} to int", self.type_name(v))))
            }
        }
    }

    /// A sequence index: negative counts from the end; out of range is IndexError.
    fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match as_num(&key) {
            Some(Num::Int(i)) => i,
            Some(Num::Big(_)) => return Err(self.index_error(format!("{what} index out of range"))),
            _ => {
                if key.is_kind(ObjKind::Instance) {
                    self.to_index(key)?
                } else {
                    return Err(
                        self.type_error(format!("{what} indices must be integers, not {}", self.type_name(key)))
                    );
                }
            }
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `slice.indices(len)` for a slice object.
    pub fn slice_indices(&mut self, s: Gc<SliceObj>, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let (start, stop, step) = self.slice_raw(s)?;
        Ok(adjust_indices(start, stop, step, len as i64))
    }

    /// A slice's start, stop and step as integers, before adjusting to a length
    /// (their `__index__` can run Python code).
    fn slice_raw(&mut self, s: Gc<SliceObj>) -> PyResult<(Option<i64>, Option<i64>, i64)> {
        // Slice bounds beyond the machine word clamp (as CPython's do) instead of overflowing.
        let index = |vm: &mut Vm, v: Value| -> PyResult<i64> {
            match as_num(&v) {
                Some(Num::Big(b)) => Ok(if b.is_negative() { -(1 << 62) } else { 1 << 62 }),
                _ => vm.to_index(v),
            }
        };
        let step = if s.step.is_none() { 1 } else { index(self, s.step)? };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = if s.start.is_none() { None } else { Some(index(self, s.start)?) };
        let stop = if s.stop.is_none() { None } else { Some(index(self, s.stop)?) };
        Ok((start, stop, step))
    }

    /// Select `items[start:stop:step]`.
    fn slice_select<T: Copy>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(items[i as usize]);
            i += step;
        }
        out
    }

    // ---- subscripting ----

    /// `obj[key]`
    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if let Some(s) = as_str(&obj) {
            // Heap strings know their length in characters (cached); interned ones are short.
            let n = match obj.downcast::<StrObj>() {
                Some(so) => so.char_len(),
                None => crate::obj::str::str_char_len(obj).unwrap_or(0),
            };
            return self.str_getitem(s, n, key);
        }
        match obj.kind() {
            Some(ObjKind::Str) => self.str_getitem_wtf8(obj, key),
            Some(ObjKind::List) => {
                let l = Gc::<ListObj>::from_value_unchecked(obj);
                // The bounds' `__index__` may change the list: its length is read after.
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let (start, stop, step) = self.slice_raw(sl)?;
                    let (start, _, step, n) = adjust_indices(start, stop, step, l.items.len() as i64);
                    let items = Self::slice_select(&l.items, start, step, n);
                    return self.new_list(items);
                }
                let i = self.seq_index(key, l.items.len(), "list")?;
                match l.items.get(i) {
                    Some(&v) => Ok(v),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            Some(ObjKind::Tuple) => {
                let t = Gc::<TupleObj>::from_value_unchecked(obj);
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let (start, _, step, n) = self.slice_indices(sl, t.items().len())?;
                    let items = Self::slice_select(t.items(), start, step, n);
                    return self.new_tuple(items);
                }
                let i = self.seq_index(key, t.items().len(), "tuple")?;
                Ok(t.items()[i])
            }
            Some(ObjKind::Dict) => {
                let d = Gc::<DictObj>::from_value_unchecked(obj);
                match self.dict_get(d, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key)),
                }
            }
            Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                // Borrow the bytes (no copy of the whole object per subscript); indices are
                // re-checked after `__index__` methods may have resized a bytearray.
                let len = crate::buffer::buffer_len(self, obj).unwrap_or(0);
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let (start, _, step, n) = self.slice_indices(sl, len)?;
                    let out = crate::buffer::with_buffer(self, obj, |d| {
                        if step == 1 {
                            let a = (start as usize).min(d.len());
                            d[a..(a + n).min(d.len())].to_vec()
                        } else {
                            (0..n).filter_map(|k| d.get((start + k as i64 * step) as usize).copied()).collect()
                        }
                    })
                    .unwrap_or_default();
                    return if obj.kind() == Some(ObjKind::Bytes) {
                        self.new_bytes(out)
                    } else {
                        self.new_bytearray(out)
                    };
                }
                let what = if obj.kind() == Some(ObjKind::Bytes) { "bytes" } else { "bytearray" };
                let i = self.seq_index(key, len, what)?;
                match crate::buffer::with_buffer(self, obj, |d| d.get(i).copied()).flatten() {
                    Some(b) => Ok(Value::small_int(b as i64)),
                    None => Err(self.index_error(format!("{what} index out of range"))),
                }
            }
            Some(ObjKind::Range) => {
                let r = Gc::<RangeObj>::from_value_unchecked(obj);
                let len = r.len().max(0) as usize;
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let (start, stop, step, _) = self.slice_indices(sl, len)?;
                    let new_start = r.item(start);
                    let new_step = r.step * step;
                    let new_stop = r.item(stop);
                    return Ok(self.alloc(RangeObj { start: new_start, stop: new_stop, step: new_step })?.value());
                }
                let i = self.seq_index(key, len, "range")?;
                self.new_int(r.item(i as i64))
            }
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                if let Some(m) = inst.class.lookup(q::__getitem__) {
                    if !m.is_kind(ObjKind::BuiltinFunction) {
                        return self.call_dunder(m, obj, &[key]);
                    }
                }
                if !inst.base.is_null() {
                    let base = inst.base;
                    return match self.getitem(base, key) {
                        Err(e) if base.is_kind(ObjKind::Dict) && self.exc_matches(e, ExcKind::KeyError) => {
                            match inst.class.lookup(q::__missing__) {
                                Some(m) => self.call_dunder(m, obj, &[key]),
                                None => Err(e),
                            }
                        }
                        r => r,
                    };
                }
                Err(self.type_error(format!("'{}' object isn't subscriptable", inst.class.name)))
            }
            Some(ObjKind::Type) => {
                let t = Gc::<TypeObj>::from_value_unchecked(obj);
                // A metaclass's `__getitem__` (`Color['RED']` of an enum) comes first.
                let meta = self.type_of(obj);
                if !meta.has_flag(crate::obj::type_::flags::BUILTIN) {
                    if let Some(m) = meta.lookup(q::__getitem__) {
                        return self.call_dunder(m, obj, &[key]);
                    }
                }
                if let Some(m) = t.lookup(q::__class_getitem__) {
                    let m = self.bind_class_attr(m, obj, t)?;
                    return self.call_value(m, &[key], &[]);
                }
                // `list[int]` and friends: typing-style aliases evaluate to the class.
                if t.has_flag(crate::obj::type_::flags::BUILTIN) {
                    return Ok(obj);
                }
                Err(self.type_error(format!("'{}' object isn't subscriptable", self.type_name(obj))))
            }
            _ => {
                if let Some(r) = crate::buffer::fast_getitem(self, obj, key)? {
                    return Ok(r);
                }
                if let Some(r) = self.call_special(obj, q::__getitem__, &[key])? {
                    return Ok(r);
                }
                Err(self.type_error(format!("'{}' object isn't subscriptable", self.type_name(obj))))
            }
        }
    }

    /// `s[key]` for a str of `n` characters (`n == s.len()` when it is ASCII).
    fn str_getitem(&mut self, s: &str, n: usize, key: Value) -> PyResult<Value> {
        let ascii = n == s.len();
        if let Some(sl) = key.downcast::<SliceObj>() {
            let (start, _, step, count) = self.slice_indices(sl, n)?;
            if step == 1 {
                // A contiguous run: find its byte range and copy it once.
                let a = if ascii { start as usize } else { byte_offset(s, start as usize) };
                let b = if ascii { a + count } else { a + byte_offset(&s[a..], count) };
                return self.new_str(&s[a..b]);
            }
            if ascii {
                let bytes = Self::slice_select(s.as_bytes(), start, step, count);
                // Selected bytes of ASCII text are ASCII.
                return self.new_string(String::from_utf8(bytes).unwrap_or_default());
            }
            let chars: Vec<char> = s.chars().collect();
            let sel = Self::slice_select(&chars, start, step, count);
            return self.new_string(sel.into_iter().collect());
        }
        let i = self.seq_index(key, n, "string")?;
        if ascii {
            return Ok(Value::qstr(Qstr::ascii_char(s.as_bytes()[i])));
        }
        let a = byte_offset(s, i);
        let w = s[a..].chars().next().map_or(0, char::len_utf8);
        self.new_str(&s[a..a + w])
    }

    /// `s[key]` for a str holding lone surrogates (generalized UTF-8, see
    /// `krait_syntax::wtf8`): the same selection, on its bytes.
    fn str_getitem_wtf8(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        use krait_syntax::wtf8;
        let b = as_wtf8(&obj).unwrap_or_default();
        let starts: Vec<usize> = wtf8::code_points(b).map(|(i, _)| i).collect();
        let n = starts.len();
        let end_of = |ci: usize| starts.get(ci).copied().unwrap_or(b.len());
        if let Some(sl) = key.downcast::<SliceObj>() {
            let (start, _, step, count) = self.slice_indices(sl, n)?;
            if step == 1 {
                let a = end_of(start as usize);
                return self.new_wtf8(&b[a..end_of(start as usize + count)]);
            }
            let mut out = Vec::new();
            for ci in Self::slice_select(&starts, start, step, count) {
                out.extend_from_slice(&b[ci..ci + wtf8::char_width(b[ci])]);
            }
            return self.new_wtf8(&out);
        }
        let i = self.seq_index(key, n, "string")?;
        let a = starts[i];
        self.new_wtf8(&b[a..a + wtf8::char_width(b[a])])
    }

    /// `obj[key] = v`
    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::List) => {
                let l = Gc::<ListObj>::from_value_unchecked(obj);
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let new_items = if v == obj { l.items.clone() } else { self.collect_iterable(v)? };
                    return self.list_set_slice(l, sl, new_items);
                }
                let i = self.seq_index(key, l.items.len(), "list")?;
                // (`__index__` may have shrunk the list.)
                match l.get_mut().items.get_mut(i) {
                    Some(slot) => *slot = v,
                    None => return Err(self.index_error("list assignment index out of range")),
                }
                Ok(())
            }
            Some(ObjKind::Dict) => self.dict_set(Gc::from_value_unchecked(obj), key, v),
            Some(ObjKind::ByteArray) => {
                let b = Gc::<ByteArrayObj>::from_value_unchecked(obj);
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let data = if as_num(&v).is_some() {
                        return Err(self.type_error("can only assign an iterable"));
                    } else {
                        // A buffer, or any iterable of ints in range(256).
                        crate::obj::bytes::bytes_from(self, v)?
                    };
                    let (start, stop, step, n) = self.slice_indices(sl, b.data.len())?;
                    let len = b.data.len();
                    if step == 1 {
                        let (start, stop) = ((start as usize).min(len), (stop.max(start) as usize).min(len));
                        self.charge(data.len().saturating_sub(stop - start))?;
                        b.get_mut().data.splice(start..stop, data);
                    } else if n > 0 && (start.max(start + (n as i64 - 1) * step) as usize) >= len {
                        return Err(self.index_error("bytearray index out of range"));
                    } else {
                        if n != data.len() {
                            return Err(self.value_error(format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                data.len(),
                                n
                            )));
                        }
                        let mut i = start;
                        for byte in data {
                            b.get_mut().data[i as usize] = byte;
                            i += step;
                        }
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, b.data.len(), "bytearray")?;
                let x = self.to_index(v)?;
                if !(0..=255).contains(&x) {
                    return Err(self.value_error("byte must be in range(0, 256)"));
                }
                // `__index__` may have shrunk the bytearray.
                match b.get_mut().data.get_mut(i) {
                    Some(slot) => *slot = x as u8,
                    None => return Err(self.index_error("bytearray index out of range")),
                }
                Ok(())
            }
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                if let Some(m) = inst.class.lookup(q::__setitem__) {
                    if !m.is_kind(ObjKind::BuiltinFunction) {
                        self.call_dunder(m, obj, &[key, v])?;
                        return Ok(());
                    }
                }
                if !inst.base.is_null() {
                    return self.setitem(inst.base, key, v);
                }
                Err(self.type_error(format!("'{}' object doesn't support item assignment", inst.class.name)))
            }
            _ => {
                if crate::buffer::fast_setitem(self, obj, key, v)? {
                    return Ok(());
                }
                if let Some(_r) = self.call_special(obj, q::__setitem__, &[key, v])? {
                    return Ok(());
                }
                Err(self.type_error(format!("'{}' object doesn't support item assignment", self.type_name(obj))))
            }
        }
    }

    fn list_set_slice(&mut self, l: Gc<ListObj>, sl: Gc<SliceObj>, new_items: Vec<Value>) -> PyResult<()> {
        // The bounds' `__index__` can run Python code: it may collect (the new
        // items, perhaps a generator's, stay rooted) or change the list (its
        // length is read after).
        let simple = [sl.start, sl.stop, sl.step].iter().all(|f| f.is_none() || f.is_small_int());
        let (start, stop, step) =
            if simple { self.slice_raw(sl)? } else { self.with_roots(&new_items, |vm| vm.slice_raw(sl))? };
        let (start, stop, step, n) = adjust_indices(start, stop, step, l.items.len() as i64);
        if step == 1 {
            let stop = stop.max(start) as usize;
            self.charge(new_items.len() * 8)?;
            l.get_mut().items.splice(start as usize..stop, new_items);
            return Ok(());
        }
        if n != new_items.len() {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                n
            )));
        }
        let mut i = start;
        for v in new_items {
            l.get_mut().items[i as usize] = v;
            i += step;
        }
        Ok(())
    }

    /// `del obj[key]`
    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::List) | Some(ObjKind::ByteArray) => {
                let len = match obj.downcast::<ListObj>() {
                    Some(l) => l.items.len(),
                    None => Gc::<ByteArrayObj>::from_value_unchecked(obj).data.len(),
                };
                let what = if obj.is_kind(ObjKind::List) { "list" } else { "bytearray" };
                let mut remove: Vec<usize> = if let Some(sl) = key.downcast::<SliceObj>() {
                    let (start, _, step, n) = self.slice_indices(sl, len)?;
                    (0..n).map(|k| (start + k as i64 * step) as usize).collect()
                } else {
                    vec![self.seq_index(key, len, what)?]
                };
                // An `__index__` may have changed the length.
                let now = match obj.downcast::<ListObj>() {
                    Some(l) => l.items.len(),
                    None => Gc::<ByteArrayObj>::from_value_unchecked(obj).data.len(),
                };
                if now != len && remove.iter().any(|&i| i >= now) {
                    return Err(self.index_error(format!("{what} index out of range")));
                }
                remove.sort_unstable();
                if let Some(l) = obj.downcast::<ListObj>() {
                    let items = &mut l.get_mut().items;
                    for &i in remove.iter().rev() {
                        items.remove(i);
                    }
                } else {
                    let ba = Gc::<ByteArrayObj>::from_value_unchecked(obj);
                    let data = &mut ba.get_mut().data;
                    for &i in remove.iter().rev() {
                        data.remove(i);
                    }
                }
                Ok(())
            }
            Some(ObjKind::Dict) => {
                let d = Gc::<DictObj>::from_value_unchecked(obj);
                match self.dict_remove(d, key)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key)),
                }
            }
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                if let Some(m) = inst.class.lookup(q::__delitem__) {
                    if !m.is_kind(ObjKind::BuiltinFunction) {
                        self.call_dunder(m, obj, &[key])?;
                        return Ok(());
                    }
                }
                if !inst.base.is_null() {
                    return self.delitem(inst.base, key);
                }
                Err(self.type_error(format!("'{}' object doesn't support item deletion", inst.class.name)))
            }
            _ => {
                if let Some(_r) = self.call_special(obj, q::__delitem__, &[key])? {
                    return Ok(());
                }
                Err(self.type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj))))
            }
        }
    }

    // ---- containers used by the interpreter ----

    /// `d[name] = v` for an interned-string key, charging the heap when the
    /// dict's storage grows (so a locked heap refuses only real allocations).
    #[inline]
    pub fn dict_set_qstr(&mut self, d: Gc<DictObj>, name: Qstr, v: Value) -> PyResult<()> {
        match d.find_qstr(name) {
            Some(i) => d.get_mut().set_value_at(i, v),
            None => self.dict_add_qstr(d, name, v)?,
        }
        Ok(())
    }

    /// Add the interned-string key `name`, known to be absent, to `d`.
    #[inline]
    pub fn dict_add_qstr(&mut self, d: Gc<DictObj>, name: Qstr, v: Value) -> PyResult<()> {
        self.charge(d.insert_growth())?;
        d.get_mut().insert_new(name.hash(), Value::qstr(name), v);
        Ok(())
    }

    pub fn dict_get(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        if let Some(qs) = key.as_qstr() {
            if !d.has_user_keys() {
                return Ok(d.get_qstr(qs));
            }
        }
        if key_needs_root(key) {
            return self.with_roots(&[key], |vm| vm.dict_get_unrooted(d, key));
        }
        self.dict_get_unrooted(d, key)
    }

    fn dict_get_unrooted(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let i = DictObj::find(d, h, key, &mut |a, b| self.eq(a, b))?;
        Ok(i.map(|i| d.value_at(i)))
    }

    pub fn dict_set(&mut self, d: Gc<DictObj>, key: Value, v: Value) -> PyResult<()> {
        if let Some(qs) = key.as_qstr() {
            if !d.has_user_keys() {
                return self.dict_set_qstr(d, qs, v);
            }
        }
        // Hashing `key` and comparing it with the keys there can run Python code
        // (`__hash__`, `__eq__`), which can collect: `v` (and a tuple key's items)
        // may be referenced from nowhere else yet.
        if key_needs_root(key) || d.has_user_keys() {
            return self.with_roots(&[key, v], |vm| vm.dict_set_unrooted(d, key, v));
        }
        self.dict_set_unrooted(d, key, v)
    }

    fn dict_set_unrooted(&mut self, d: Gc<DictObj>, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        match DictObj::find(d, h, key, &mut |a, b| self.eq(a, b))? {
            Some(i) => d.get_mut().set_value_at(i, v),
            None => {
                self.charge(d.insert_growth())?;
                d.get_mut().insert_new(h, key, v)
            }
        }
        Ok(())
    }

    pub fn dict_remove(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        if key_needs_root(key) {
            return self.with_roots(&[key], |vm| vm.dict_remove_unrooted(d, key));
        }
        self.dict_remove_unrooted(d, key)
    }

    fn dict_remove_unrooted(&mut self, d: Gc<DictObj>, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match DictObj::find(d, h, key, &mut |a, b| self.eq(a, b))? {
            Some(i) => Ok(Some(d.get_mut().remove_at(i))),
            None => Ok(None),
        }
    }

    /// `d.update(m)`; with `strict`, a repeated key is an error (for `f(**m)`).
    pub fn dict_update(&mut self, d: Gc<DictObj>, m: Value, strict: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = if let Some(src) = m.downcast::<DictObj>() {
            src.iter().collect()
        } else if m.is_kind(ObjKind::Instance) && self.has_attr(m, q::keys)? {
            // The pairs stay rooted (in `temp_roots`) until they are in `d`.
            let mark = self.temp_roots.len();
            let r = self.user_mapping_items(m, false).and_then(|out| self.dict_update_pairs(d, out, strict));
            self.temp_roots.truncate(mark);
            return r;
        } else {
            // The items stay rooted while keys are hashed and compared (user
            // `__hash__`/`__eq__` can collect); each pair goes in as it comes, as
            // CPython's does (an error leaves the pairs before it in `d`).
            let items = self.collect_iterable(m)?;
            return self.with_roots(&items, |vm| {
                for &item in &items {
                    let kv = match item.downcast::<TupleObj>() {
                        Some(t) if t.items().len() == 2 => [t.items()[0], t.items()[1]],
                        _ => {
                            let kv = vm.collect_iterable(item)?;
                            if kv.len() != 2 {
                                return Err(vm.value_error("dict update sequence element has wrong length"));
                            }
                            [kv[0], kv[1]]
                        }
                    };
                    vm.with_roots(&kv, |vm| vm.dict_update_pair(d, kv[0], kv[1], strict))?;
                }
                Ok(())
            });
        };
        // `m` is a dict. When storing its pairs can run Python code (user
        // `__hash__`/`__eq__`, which may change `m`), they are rooted until in `d`.
        if !d.has_user_keys() && pairs.iter().all(|&(k, _)| !key_needs_root(k)) {
            return self.dict_update_pairs(d, pairs, strict);
        }
        let flat: Vec<Value> = pairs.iter().flat_map(|&(k, v)| [k, v]).collect();
        self.with_roots(&flat, |vm| vm.dict_update_pairs(d, pairs, strict))
    }

    /// `[(k, m[k]) for k in m.keys()]` for a mapping `m` defined in Python. Its
    /// `keys()` and `__getitem__` can collect, so the keys object and every key
    /// and value fetched are pushed on `temp_roots`, for the caller to pop when it
    /// is done with them (also after an error). `str_keys`: a key that isn't a str
    /// is a TypeError (keyword arguments), raised before its value is fetched.
    pub(crate) fn user_mapping_items(&mut self, m: Value, str_keys: bool) -> PyResult<Vec<(Value, Value)>> {
        let keys = self.call_method(m, q::keys, &[])?;
        self.temp_roots.push(keys);
        let keys = self.collect_iterable(keys)?;
        // (`keys()` may have made them: a generator's, say.)
        self.temp_roots.extend_from_slice(&keys);
        let mut out = Vec::new();
        for k in keys {
            if str_keys && !is_str(k) {
                return Err(self.type_error("keywords must be strings"));
            }
            self.temp_roots.push(k);
            let v = self.getitem(m, k)?;
            self.temp_roots.push(v);
            out.push((k, v));
        }
        Ok(out)
    }

    /// Store `pairs` in `d` (the caller keeps them rooted); `strict`: a key already
    /// there is an error (keyword arguments given twice).
    fn dict_update_pairs(&mut self, d: Gc<DictObj>, pairs: Vec<(Value, Value)>, strict: bool) -> PyResult<()> {
        for (k, v) in pairs {
            self.dict_update_pair(d, k, v, strict)?;
        }
        Ok(())
    }

    /// One pair of `dict_update_pairs` (rooted by the caller).
    fn dict_update_pair(&mut self, d: Gc<DictObj>, k: Value, v: Value, strict: bool) -> PyResult<()> {
        if strict && self.dict_get(d, k)?.is_some() {
            if crate::obj::str::has_surrogates(k) {
                let before = "function got multiple values for keyword argument ";
                return Err(crate::obj::str_surrogates::keyword_error(self, before, k, ""));
            }
            let ks = self.str_of(k)?;
            return Err(self.type_error(format!("function got multiple values for keyword argument '{ks}'")));
        }
        self.dict_set(d, k, v)
    }

    pub fn set_add(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<()> {
        if key_needs_root(key) {
            return self.with_roots(&[key], |vm| vm.set_add_unrooted(s, key));
        }
        self.set_add_unrooted(s, key)
    }

    fn set_add_unrooted(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        let found = self.set_find(s, h, key)?;
        if found.is_none() {
            s.get_mut().map.insert_new(h, key, Value::NONE);
        }
        Ok(())
    }

    fn set_find(&mut self, s: Gc<SetObj>, h: u64, key: Value) -> PyResult<Option<usize>> {
        let get = || &s.map;
        DictObj::find_with(&get, h, key, &mut |a, b| self.eq(a, b))
    }

    pub fn set_contains(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        if key_needs_root(key) {
            return self.with_roots(&[key], |vm| vm.set_contains_unrooted(s, key));
        }
        self.set_contains_unrooted(s, key)
    }

    fn set_contains_unrooted(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        Ok(self.set_find(s, h, key)?.is_some())
    }

    pub fn set_remove(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        if key_needs_root(key) {
            return self.with_roots(&[key], |vm| vm.set_remove_unrooted(s, key));
        }
        self.set_remove_unrooted(s, key)
    }

    fn set_remove_unrooted(&mut self, s: Gc<SetObj>, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        match self.set_find(s, h, key)? {
            Some(i) => {
                s.get_mut().map.remove_at(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn set_update(&mut self, s: Gc<SetObj>, it: Value) -> PyResult<()> {
        let items = match it.downcast::<SetObj>() {
            Some(src) => src.map.keys(),
            None => self.collect_iterable(it)?,
        };
        // Adding can run a user `__hash__`/`__eq__`, which can collect: keep the
        // items not added yet rooted (they may be referenced from nowhere else).
        self.with_roots(&items, |vm| {
            for &v in &items {
                vm.set_add(s, v)?;
            }
            Ok(())
        })
    }

    pub fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let l = Gc::<ListObj>::from_value_unchecked(l);
        let items = &l.items;
        if items.len() == items.capacity() {
            self.charge(items.capacity().max(4) * 8)?;
        }
        l.get_mut().items.push(v);
        Ok(())
    }

    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = self.collect_iterable(it)?;
        let l = Gc::<ListObj>::from_value_unchecked(self.builtin_receiver(l));
        self.charge(items.len() * 8)?;
        l.get_mut().items.extend_from_slice(&items);
        Ok(())
    }

    /// A value as a tuple (the value itself if it is one).
    pub fn to_tuple(&mut self, v: Value) -> PyResult<Value> {
        if v.is_kind(ObjKind::Tuple) {
            return Ok(v);
        }
        let items = self.collect_iterable(v)?;
        self.new_tuple(items)
    }

    // ---- containment ----

    /// `item in container`
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(s) = as_str(&container) {
            return match as_str(&item) {
                Some(needle) => Ok(s.contains(needle)),
                // UTF-8 text holds no surrogate.
                None if is_str(item) => Ok(false),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            };
        }
        match container.kind() {
            Some(ObjKind::Str) => match as_wtf8(&item) {
                Some(needle) => Ok(krait_syntax::wtf8::find(as_wtf8(&container).unwrap_or_default(), needle).is_some()),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Some(ObjKind::Dict) => Ok(self.dict_get(Gc::from_value_unchecked(container), item)?.is_some()),
            Some(ObjKind::Set) => {
                let s = Gc::<SetObj>::from_value_unchecked(container);
                match self.set_contains(s, item) {
                    Ok(b) => Ok(b),
                    Err(e) if item.is_kind(ObjKind::Set) && self.exc_matches(e, ExcKind::TypeError) => {
                        let fs = self.new_set(true)?;
                        // Filling it can run user `__hash__`/`__eq__` (and collect).
                        self.with_roots(&[fs.value()], |vm| vm.set_update(fs, item))?;
                        self.set_contains(s, fs.value())
                    }
                    Err(e) => Err(e),
                }
            }
            Some(ObjKind::List) | Some(ObjKind::Tuple) => {
                let n = match container.downcast::<ListObj>() {
                    Some(l) => l.items.len(),
                    None => Gc::<TupleObj>::from_value_unchecked(container).items().len(),
                };
                for i in 0..n {
                    let x = match container.downcast::<ListObj>() {
                        Some(l) => match l.items.get(i) {
                            Some(&x) => x,
                            None => break,
                        },
                        None => Gc::<TupleObj>::from_value_unchecked(container).items()[i],
                    };
                    if x == item || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                if let Some(Num::Int(b)) = as_num(&item) {
                    if !(0..=255).contains(&b) {
                        return Err(self.value_error("byte must be in range(0, 256)"));
                    }
                    return Ok(crate::buffer::with_buffer(self, container, |d| d.contains(&(b as u8))) == Some(true));
                }
                let needle = self.buffer_bytes(item)?;
                let found =
                    crate::buffer::with_buffer(self, container, |d| crate::obj::bytes::find_sub(d, &needle).is_some());
                Ok(found == Some(true))
            }
            Some(ObjKind::Range) => {
                let r = Gc::<RangeObj>::from_value_unchecked(container);
                if let Some(x) = as_wide(item) {
                    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
                    let inside = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
                    return Ok(inside && (x - start) % step == 0);
                }
                if as_num(&item).is_some_and(|n| matches!(n, Num::Big(_))) {
                    return Ok(false);
                }
                if let Some(f) = item.as_float() {
                    if f.fract() == 0.0 && f.abs() < 9e15 {
                        return self.contains(container, Value::small_int(f as i64));
                    }
                    return Ok(false);
                }
                Ok(false)
            }
            _ => {
                if let Some(r) = self.call_special(container, q::__contains__, &[item])? {
                    return self.truthy(r);
                }
                let it = self.get_iter(container)?;
                self.temp_roots.push(it);
                let r = (|| {
                    while let Some(x) = self.iter_next(it)? {
                        if x == item || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })();
                self.temp_roots.pop();
                r
            }
        }
    }

    // ---- iteration ----

    /// `iter(v)`
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let state = if let Some(state) = core_iter_state(v) {
            state
        } else {
            match v.kind() {
                Some(ObjKind::Iterator) | Some(ObjKind::Generator) => return Ok(v),
                _ => {
                    let t = self.type_of(v);
                    let iter_m = t.lookup(q::__iter__);
                    if let Some(m) = iter_m {
                        if !m.is_kind(ObjKind::BuiltinFunction) || v.kind() == Some(ObjKind::Other) {
                            let it = self.call_dunder(m, v, &[])?;
                            let is_iterator = matches!(it.kind(), Some(ObjKind::Iterator | ObjKind::Generator))
                                || self.type_of(it).lookup(q::__next__).is_some();
                            if !is_iterator {
                                return Err(self.type_error(format!(
                                    "iter() returned non-iterator of type '{}'",
                                    self.type_name(it)
                                )));
                            }
                            return Ok(it);
                        }
                    }
                    if let Some(inst) = v.downcast::<InstanceObj>() {
                        if matches!(inst.base.kind(), Some(ObjKind::Iterator | ObjKind::Generator)) {
                            return Ok(v);
                        }
                        // The built-in base's own iteration (a list subclass iterates its
                        // storage even when it overrides `__getitem__`).
                        if !inst.base.is_null() && iter_m.is_some() {
                            return self.get_iter(inst.base);
                        }
                    }
                    if t.lookup(q::__getitem__).is_some() {
                        IterState::Seq { seq: v, index: 0 }
                    } else {
                        return Err(self.type_error(format!("'{}' object isn't iterable", t.name)));
                    }
                }
            }
        };
        Ok(self.alloc(IterObj { state })?.value())
    }

    /// `next(it)`, with exhaustion as `None` rather than StopIteration.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        match it.kind() {
            Some(ObjKind::Iterator) => match self.builtin_iter_next(Gc::from_value_unchecked(it)) {
                // A lazy builtin passing on its inner iterator's StopIteration.
                Err(e) if self.exc_matches(e, ExcKind::StopIteration) => Ok(None),
                r => r,
            },
            Some(ObjKind::Generator) => {
                let g = Gc::<GeneratorObj>::from_value_unchecked(it);
                // The common case straight to the frame: what `generator_resume`
                // does for a generator with nothing pending or delegated.
                let r = if Vm::resumes_inline(&g) {
                    let first = g.state == GenState::Created;
                    self.in_generator_context(g, first, |vm| {
                        vm.resume_generator_frame(g, (!first).then_some(Value::NONE), None)
                    })?
                } else {
                    self.generator_resume(g, Value::NONE, None)?
                };
                match r {
                    Exit::Yield(v) => Ok(Some(v)),
                    Exit::Return(_) => Ok(None),
                }
            }
            _ => {
                let t = self.type_of(it);
                let Some(m) = t.lookup(q::__next__) else {
                    return Err(self.type_error(format!("'{}' object isn't an iterator", t.name)));
                };
                if m.is_kind(ObjKind::BuiltinFunction) {
                    let base = self.builtin_receiver(it);
                    if base != it {
                        return self.iter_next(base);
                    }
                }
                match self.call_dunder(m, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_matches(e, ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// The next item of an iterator wrapped by a lazy builtin (`enumerate`, `zip`,
    /// `map`, `filter`): like `iter_next`, but the StopIteration that ended it (a user
    /// `__next__`'s, a generator's return value) is passed on as the error, so that
    /// `next()` on the wrapper raises it as CPython does.
    fn inner_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        // Nested lazy iterators recurse in Rust: bound the depth as calls from Rust are.
        if self.native_depth > NATIVE_DEPTH_MAX {
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        let r = self.inner_iter_next_unbounded(it);
        self.native_depth -= 1;
        r
    }

    fn inner_iter_next_unbounded(&mut self, it: Value) -> PyResult<Option<Value>> {
        match it.kind() {
            Some(ObjKind::Iterator) => self.builtin_iter_next(Gc::from_value_unchecked(it)),
            Some(ObjKind::Generator) => match self.generator_resume(Gc::from_value_unchecked(it), Value::NONE, None)? {
                Exit::Yield(v) => Ok(Some(v)),
                Exit::Return(v) if v.is_none() => Ok(None),
                Exit::Return(v) => Err(self.stop_iteration(v)),
            },
            _ => {
                let t = self.type_of(it);
                match t.lookup(q::__next__) {
                    Some(m) if !m.is_kind(ObjKind::BuiltinFunction) => self.call_dunder(m, it, &[]).map(Some),
                    _ => self.iter_next(it),
                }
            }
        }
    }

    /// One step of a built-in iterator: `Ok(None)` when exhausted, or an inner
    /// iterator's StopIteration (see `inner_iter_next`).
    /// Iterator `i` of a zip or map object (re-read each time: never cloned,
    /// and the object itself stays as it is while they run).
    fn nth_sub_iter(io: Gc<IterObj>, i: usize) -> Value {
        match &io.state {
            IterState::Zip { its, .. } | IterState::Map { its, .. } => its[i],
            _ => unreachable!("only zip and map objects have sub-iterators"),
        }
    }

    /// The next tuple of a zip object of `n` iterators; the items gathered go on
    /// `temp_roots` from `base` (the caller truncates).
    fn zip_next(&mut self, io: Gc<IterObj>, n: usize, strict: bool, base: usize) -> PyResult<Option<Value>> {
        for i in 0..n {
            let it = Self::nth_sub_iter(io, i);
            let next = if strict { self.iter_next(it)? } else { self.inner_iter_next(it)? };
            match next {
                Some(v) => self.temp_roots.push(v),
                None => {
                    if strict && i > 0 {
                        return Err(self.value_error(format!("zip() argument {} is shorter than argument 1", i + 1)));
                    }
                    if strict && i == 0 {
                        for j in 1..n {
                            let other = Self::nth_sub_iter(io, j);
                            if self.iter_next(other)?.is_some() {
                                return Err(
                                    self.value_error(format!("zip() argument {} is longer than argument 1", j + 1))
                                );
                            }
                        }
                    }
                    // Not marked exhausted: like CPython's, a later next() asks the
                    // iterators again.
                    return Ok(None);
                }
            }
        }
        let r = TupleObj::alloc_copy(&mut self.heap, &self.temp_roots[base..]);
        Ok(Some(self.allocated(r)?.value()))
    }

    /// The next result of a map object of `n` iterators; its arguments go on
    /// `temp_roots` from `base` (the caller truncates).
    fn map_next(&mut self, io: Gc<IterObj>, func: Value, n: usize, base: usize) -> PyResult<Option<Value>> {
        for i in 0..n {
            let it = Self::nth_sub_iter(io, i);
            match self.inner_iter_next(it)? {
                Some(v) => self.temp_roots.push(v),
                None => return Ok(None),
            }
        }
        let mut args = [Value::NONE; 4];
        if n <= args.len() {
            args[..n].copy_from_slice(&self.temp_roots[base..]);
            return self.call_value(func, &args[..n], &[]).map(Some);
        }
        let args = self.temp_roots[base..].to_vec();
        self.call_value(func, &args, &[]).map(Some)
    }

    fn builtin_iter_next(&mut self, io: Gc<IterObj>) -> PyResult<Option<Value>> {
        let st = &mut io.get_mut().state;
        match st {
            IterState::Seq { seq, index } => {
                let (seq, i) = (*seq, *index);
                let item = match seq.kind() {
                    Some(ObjKind::List) => Gc::<ListObj>::from_value_unchecked(seq).items.get(i).copied(),
                    Some(ObjKind::Tuple) => Gc::<TupleObj>::from_value_unchecked(seq).items().get(i).copied(),
                    Some(ObjKind::Bytes) => {
                        Gc::<BytesObj>::from_value_unchecked(seq).data.get(i).map(|&b| Value::small_int(b as i64))
                    }
                    Some(ObjKind::ByteArray) => {
                        Gc::<ByteArrayObj>::from_value_unchecked(seq).data.get(i).map(|&b| Value::small_int(b as i64))
                    }
                    _ => match self.getitem(seq, Value::small_int(i as i64)) {
                        Ok(v) => Some(v),
                        Err(e)
                            if self.exc_matches(e, ExcKind::IndexError)
                                || self.exc_matches(e, ExcKind::StopIteration) =>
                        {
                            None
                        }
                        Err(e) => return Err(e),
                    },
                };
                match item {
                    Some(v) => {
                        if let IterState::Seq { index, .. } = &mut io.get_mut().state {
                            *index = i + 1;
                        }
                        Ok(Some(v))
                    }
                    None => {
                        io.get_mut().state = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            IterState::Str { s, pos } => {
                let (sv, p) = (*s, *pos);
                if let Some(c) = crate::obj::str::ascii_char_at(&sv, p) {
                    *pos = p + 1;
                    return Ok(Some(c));
                }
                let Some(text) = as_str(&sv) else {
                    // Text with lone surrogates: the character's bytes, however many.
                    let b = as_wtf8(&sv).unwrap_or_default();
                    let Some(&lead) = b.get(p) else { return Ok(None) };
                    let w = krait_syntax::wtf8::char_width(lead);
                    let v = self.new_wtf8(&b[p..p + w])?;
                    *pos = p + w;
                    return Ok(Some(v));
                };
                match text.get(p..).and_then(|t| t.chars().next()) {
                    Some(c) => {
                        let w = c.len_utf8();
                        // Allocate before advancing, so a failed allocation can be retried.
                        let v = self.new_str(&text[p..p + w])?;
                        *pos = p + w;
                        Ok(Some(v))
                    }
                    None => Ok(None),
                }
            }
            IterState::Range { next, stop, step } => {
                let n = *next;
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    // Past the i64 range means past `stop` too.
                    *next = n.checked_add(*step).unwrap_or(*stop);
                    self.new_int(n).map(Some)
                } else {
                    Ok(None)
                }
            }
            IterState::Dict { dict, index, what, len } => {
                let (dv, what, len0) = (*dict, *what, *len);
                let (map_len, entry) = if let Some(d) = dv.downcast::<DictObj>() {
                    let mut i = *index;
                    let mut found = None;
                    while i < d.raw_entries().len() {
                        if let Some(kv) = d.entry_at(i) {
                            found = Some(kv);
                            i += 1;
                            break;
                        }
                        i += 1;
                    }
                    *index = i;
                    (d.len(), found)
                } else {
                    let s = Gc::<SetObj>::from_value_unchecked(dv);
                    let mut i = *index;
                    let mut found = None;
                    while i < s.map.raw_entries().len() {
                        if let Some(kv) = s.map.entry_at(i) {
                            found = Some(kv);
                            i += 1;
                            break;
                        }
                        i += 1;
                    }
                    *index = i;
                    (s.map.len(), found)
                };
                if map_len != len0 {
                    let what = if dv.is_kind(ObjKind::Dict) { "dictionary" } else { "set" };
                    return Err(
                        self.new_exception(ExcKind::RuntimeError, format!("{what} changed size during iteration"))
                    );
                }
                match entry {
                    None => Ok(None),
                    Some((k, v)) => match what {
                        0 => Ok(Some(k)),
                        1 => Ok(Some(v)),
                        _ => self.new_tuple_from(&[k, v]).map(Some),
                    },
                }
            }
            IterState::Enumerate { it, count } => {
                let (it, count) = (*it, *count);
                match self.inner_iter_next(it)? {
                    Some(v) => {
                        let next = self.binary_op(BinOp::Add, count, Value::small_int(1))?;
                        if let IterState::Enumerate { count: c, .. } = &mut io.get_mut().state {
                            *c = next;
                        }
                        self.new_tuple_from(&[count, v]).map(Some)
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let (n, strict) = (its.len(), *strict);
                if n == 0 {
                    return Ok(None);
                }
                // The items gathered so far are rooted while later iterators run
                // (their `next` may be Python code that collects).
                let base = self.temp_roots.len();
                let r = self.zip_next(io, n, strict, base);
                self.temp_roots.truncate(base);
                r
            }
            IterState::Map { func, its } => {
                let (func, n) = (*func, its.len());
                // The arguments gathered so far are rooted while later iterators
                // run, and through the call.
                let base = self.temp_roots.len();
                let r = self.map_next(io, func, n, base);
                self.temp_roots.truncate(base);
                r
            }
            IterState::Filter { func, it } => {
                let (func, it) = (*func, *it);
                while let Some(v) = self.inner_iter_next(it)? {
                    let keep = if func.is_none() {
                        self.truthy(v)?
                    } else {
                        // `v` outlives the call: the truth of what it returns
                        // (`__bool__`) can run Python code too.
                        self.with_roots(&[v], |vm| {
                            let r = vm.call_value(func, &[v], &[])?;
                            vm.truthy(r)
                        })?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let (seq, i) = (*seq, *index);
                self.getitem(seq, Value::small_int(i as i64)).map(Some)
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (*func, *sentinel);
                let v = self.call_value(func, &[], &[])?;
                if self.eq(v, sentinel)? {
                    io.get_mut().state = IterState::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Some(l) = v.downcast::<ListObj>() {
            return Ok(l.items.clone());
        }
        if let Some(t) = v.downcast::<TupleObj>() {
            return Ok(t.items().to_vec());
        }
        if let Some(r) = v.downcast::<RangeObj>() {
            let n = r.len().max(0) as usize;
            self.charge(n.saturating_mul(8))?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n as i64 {
                out.push(self.new_int(r.item(i))?);
            }
            return Ok(out);
        }
        let it = self.get_iter(v)?;
        self.temp_roots.push(it);
        if let Some(g) = it.downcast::<GeneratorObj>() {
            let r = self.generator_collect(g);
            self.temp_roots.pop();
            return r;
        }
        // Collect into a rooted list, so what is gathered so far survives calls into Python.
        let acc = match self.new_list(Vec::new()) {
            Ok(l) => l,
            Err(e) => {
                self.temp_roots.pop();
                return Err(e);
            }
        };
        self.temp_roots.push(acc);
        let r = (|| {
            while let Some(x) = self.iter_next(it)? {
                self.list_append(acc, x)?;
            }
            Ok(())
        })();
        self.temp_roots.truncate(self.temp_roots.len() - 2);
        r?;
        Ok(std::mem::take(&mut Gc::<ListObj>::from_value_unchecked(acc).get_mut().items))
    }

    /// Unpack exactly `before` items, or with a starred target `before`, a list
    /// of the middle, and `after` items.
    pub fn unpack_iterable(&mut self, seq: Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match self.collect_iterable(seq) {
            Ok(items) => items,
            Err(e) if self.exc_matches(e, ExcKind::TypeError) && !self.is_iterable(seq) => {
                return Err(self.type_error(format!("'{}' object isn't iterable", self.type_name(seq))));
            }
            Err(e) => return Err(e),
        };
        match after {
            None => {
                if items.len() != before {
                    return Err(if items.len() > before {
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    } else {
                        self.value_error(format!("need more than {} values to unpack", items.len()))
                    });
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!("need more than {} values to unpack", items.len())));
                }
                let mut out = items[..before].to_vec();
                let mid = items[before..items.len() - after].to_vec();
                out.push(self.new_list(mid)?);
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }

    fn is_iterable(&self, v: Value) -> bool {
        is_str(v)
            || matches!(
                v.kind(),
                Some(
                    ObjKind::List
                        | ObjKind::Tuple
                        | ObjKind::Dict
                        | ObjKind::Set
                        | ObjKind::Bytes
                        | ObjKind::ByteArray
                        | ObjKind::Range
                        | ObjKind::Iterator
                        | ObjKind::Generator
                )
            )
            || self.type_of(v).lookup(q::__iter__).is_some()
            || self.type_of(v).lookup(q::__getitem__).is_some()
    }

    /// The bytes of any object with the buffer protocol (bytes, bytearray, memoryview, array).
    pub fn buffer_bytes(&mut self, v: Value) -> PyResult<Vec<u8>> {
        if let Some(d) = self.bytes_data(v) {
            return Ok(d);
        }
        if let Some(d) = crate::buffer::buffer_bytes(self, v) {
            return Ok(d);
        }
        Err(self.type_error(format!("object with buffer protocol required, not '{}'", self.type_name(v))))
    }

    /// `len(v)`
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Some(n) = crate::obj::str::str_char_len(v) {
            return Ok(n);
        }
        match v.kind() {
            Some(ObjKind::List) => Ok(Gc::<ListObj>::from_value_unchecked(v).items.len()),
            Some(ObjKind::Tuple) => Ok(Gc::<TupleObj>::from_value_unchecked(v).items().len()),
            Some(ObjKind::Dict) => Ok(Gc::<DictObj>::from_value_unchecked(v).len()),
            Some(ObjKind::Set) => Ok(Gc::<SetObj>::from_value_unchecked(v).map.len()),
            Some(ObjKind::Bytes) => Ok(Gc::<BytesObj>::from_value_unchecked(v).data.len()),
            Some(ObjKind::ByteArray) => Ok(Gc::<ByteArrayObj>::from_value_unchecked(v).data.len()),
            Some(ObjKind::Range) => match usize::try_from(Gc::<RangeObj>::from_value_unchecked(v).len_exact()) {
                Ok(n) if n <= i64::MAX as usize => Ok(n),
                _ => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
            },
            _ => {
                if let Some(n) = crate::buffer::fast_len(self, v)? {
                    return Ok(n);
                }
                if let Some(r) = self.call_special(v, q::__len__, &[])? {
                    let n = self.to_index(r)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
                let base = self.builtin_receiver(v);
                if base != v {
                    return self.len(base);
                }
                Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v))))
            }
        }
    }

    // ---- generators ----

    /// Resume a generator with `send(value)` or `throw(exc)`.
    pub fn generator_resume(&mut self, g: Gc<GeneratorObj>, sent: Value, throw: Option<PyErr>) -> PyResult<Exit> {
        self.generator_resume_at(g, sent, throw, true)
    }

    /// `generator.throw(exc)`: `exc` is what the caller passed (an exception class
    /// or instance, or anything else). A generator suspended in `yield from` hands it
    /// as it is to its sub-iterator's `throw`; it is made into an exception (or a
    /// TypeError) only where it is raised.
    pub fn generator_throw(&mut self, g: Gc<GeneratorObj>, exc: Value) -> PyResult<Exit> {
        // An exception pending from `pend_throw` is thrown instead.
        let exc = match g.state {
            GenState::Pending { exc, .. } => {
                g.get_mut().state = g.state.without_pending();
                exc
            }
            _ => exc,
        };
        if g.state == GenState::Running {
            return Err(self.value_error("generator already executing"));
        }
        // Kept alive while a sub-iterator's throw() runs (a pending one is nowhere else).
        self.temp_roots.push(exc);
        let r = (|| {
            if g.state == GenState::Suspended {
                if let Some(r) = self.throw_into_delegate(g, exc)? {
                    return Ok(r);
                }
            }
            let e = self.make_raisable(exc)?;
            self.generator_resume_at(g, Value::NONE, Some(e), false)
        })();
        self.temp_roots.pop();
        r
    }

    fn generator_resume_at(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Value,
        throw: Option<PyErr>,
        delegate: bool,
    ) -> PyResult<Exit> {
        // An exception pending from `pend_throw` is thrown in, whatever was sent.
        let (throw, delegate) = match g.state {
            GenState::Pending { exc, .. } => {
                g.get_mut().state = g.state.without_pending();
                self.temp_roots.push(exc);
                let e = self.make_raisable(exc);
                self.temp_roots.pop();
                (Some(e?), true)
            }
            _ => (throw, delegate),
        };
        // The thrown exception may be referenced from nowhere else (a pending one,
        // close()'s GeneratorExit) while a sub-iterator runs.
        let mark = self.temp_roots.len();
        if let Some(e) = throw {
            self.temp_roots.push(e.0);
        }
        let r = self.generator_resume_checked(g, sent, throw, delegate);
        self.temp_roots.truncate(mark);
        r
    }

    fn generator_resume_checked(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Value,
        throw: Option<PyErr>,
        delegate: bool,
    ) -> PyResult<Exit> {
        match g.state {
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Finished => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(Exit::Return(Value::NONE)),
                }
            }
            GenState::Created => {
                if throw.is_none() && !sent.is_none() {
                    return Err(self.type_error("can't send non-None value to a just-started generator"));
                }
                if let Some(e) = throw {
                    g.get_mut().state = GenState::Finished;
                    return Err(e);
                }
            }
            GenState::Suspended | GenState::Pending { .. } => {}
        }
        // A generator suspended in `yield from` delegates a throw to its sub-iterator.
        if let Some(e) = throw.filter(|_| delegate) {
            if let Some(r) = self.throw_into_delegate(g, e.0)? {
                return Ok(r);
            }
        }
        if throw.is_none() && g.state == GenState::Suspended {
            if let Some(d) = suspended_delegate(&g) {
                return self.resume_through_delegates(g, d, sent);
            }
        }
        let first = g.state == GenState::Created;
        let sent = if first || throw.is_some() { None } else { Some(sent) };
        self.run_generator_frame(g, sent, throw, first)
    }

    /// Everything `g` yields, as `while (v = next(g)) items.append(v)` gathers
    /// it (`g` rooted by the caller), but without suspending and resuming the
    /// generator's frame for each value: while `g.collecting`, a `yield` leaves
    /// the frame on the stack (`suspend_generator_frame_at`), the value is
    /// appended to `g.collected`, and the loop runs the frame again as if resumed
    /// with None. No Python code runs between two values either way, so nothing
    /// can tell.
    pub(crate) fn generator_collect(&mut self, g: Gc<GeneratorObj>) -> PyResult<Vec<Value>> {
        if g.state == GenState::Running {
            // Already being run (perhaps collected: `collected` isn't ours).
            return Err(self.value_error("generator already executing"));
        }
        let plain = g.code.code.flags.0 & (CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) == 0;
        let r = loop {
            let r = match g.state {
                GenState::Created | GenState::Suspended if plain => self.run_collected(g),
                // Finished, or with an exception pending: the usual way.
                _ => self.generator_resume(g, Value::NONE, None),
            };
            match r {
                Ok(Exit::Yield(v)) => {
                    if let Err(e) = self.generator_collect_push(g, v) {
                        break Err(e);
                    }
                }
                Ok(Exit::Return(_)) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        let items = std::mem::take(&mut g.get_mut().collected);
        r.map(|()| items)
    }

    /// Run `g` (created or suspended) in collecting mode until it returns or
    /// raises, as `run_generator_frame` runs it for one step.
    fn run_collected(&mut self, g: Gc<GeneratorObj>) -> PyResult<Exit> {
        let first = g.state == GenState::Created;
        self.in_generator_context(g, first, |vm| {
            g.get_mut().collecting = true;
            let mut r = vm.resume_generator_frame(g, (!first).then_some(Value::NONE), None);
            while let Ok(Exit::Yield(v)) = r {
                // The frame is still on the stack, at its `yield`.
                if let Err(e) = vm.generator_collect_push(g, v) {
                    // As `next()` would leave it: suspended after yielding `v`.
                    vm.suspend_collected_frame(g);
                    r = Err(e);
                    break;
                }
                r = vm.continue_collected_frame();
            }
            g.get_mut().collecting = false;
            r
        })
    }

    /// Add a value to what `generator_collect` gathers, charging the heap for
    /// growth first (as `list.append` does).
    pub(crate) fn generator_collect_push(&mut self, g: Gc<GeneratorObj>, v: Value) -> PyResult<()> {
        let items = &g.collected;
        if items.len() == items.capacity() {
            let more = items.capacity().max(8);
            self.charge(more * 8)?;
            g.get_mut().collected.reserve_exact(more);
        }
        g.get_mut().collected.push(v);
        Ok(())
    }

    /// Run `g`'s own frame from where it stopped (with `sent` pushed, or `throw`
    /// raised there), inside the exception context it was suspended in.
    fn run_generator_frame(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Option<Value>,
        throw: Option<PyErr>,
        first: bool,
    ) -> PyResult<Exit> {
        if !first {
            // An exception thrown into a frame that was handling one gets that one
            // as its context, as if raised there.
            if let Some(x) = throw.and_then(|e| e.0.downcast::<crate::obj::ExceptionObj>()) {
                crate::class::chain_context(x, g.handled_exc);
            }
        }
        self.in_generator_context(g, first, |vm| vm.resume_generator_frame(g, sent, throw))
    }

    /// Run `step` (which runs `g`'s frame) with the exception `g` was handling
    /// when it last yielded as the one being handled (unless `first`), and a
    /// `StopIteration` escaping the frame turned into RuntimeError (PEP 479).
    fn in_generator_context(
        &mut self,
        g: Gc<GeneratorObj>,
        first: bool,
        step: impl FnOnce(&mut Vm) -> PyResult<Exit>,
    ) -> PyResult<Exit> {
        let saved_exc = self.handled_exc;
        if !first {
            self.handled_exc = g.handled_exc;
        }
        let r = step(self);
        self.handled_exc = saved_exc;
        r.map_err(|e| self.stop_iteration_escaped(e))
    }

    /// `e` escaping a generator's frame: a StopIteration becomes RuntimeError
    /// (PEP 479), with the StopIteration as its cause and context as in CPython.
    pub(crate) fn stop_iteration_escaped(&mut self, e: PyErr) -> PyErr {
        if !self.exc_matches(e, ExcKind::StopIteration) {
            return e;
        }
        let err = self.new_exception(ExcKind::RuntimeError, "generator raised StopIteration");
        if let (Some(x), true) =
            (err.0.downcast::<crate::obj::exception::ExceptionObj>(), e.0.is_kind(ObjKind::Exception))
        {
            let x = x.get_mut();
            x.cause = e.0;
            x.context = e.0;
            x.suppress_context = true;
        }
        err
    }

    /// Resume `g`, suspended in `yield from` on the suspended generator `d`: send
    /// straight to the innermost generator of the delegation chain instead of
    /// re-entering every frame in between for each value. The frames in between
    /// are marked running meanwhile (as they would be, each waiting in its
    /// `YieldFrom`), and one of them runs again only when its delegate returns
    /// (its `YieldFrom` then completes with the return value) or raises (raised
    /// at its `YieldFrom`, which adds its traceback line), exactly as if the
    /// values had passed through each level.
    fn resume_through_delegates(&mut self, g: Gc<GeneratorObj>, d: Gc<GeneratorObj>, sent: Value) -> PyResult<Exit> {
        g.get_mut().state = GenState::Running;
        let mut inner = d;
        while let Some(d) = suspended_delegate(&inner) {
            inner.get_mut().state = GenState::Running;
            inner = d;
        }
        // `inner` was suspended (checked by `suspended_delegate`) and doesn't
        // delegate to a suspended generator: it runs its own frame.
        let mut r = self.run_generator_frame(inner, Some(sent), None, false);
        // Up the chain, level by level, until one level yields. Each level's
        // delegate is the last of its saved slots (the `YieldFrom` operand), and
        // the levels above `inner` haven't run since they were marked.
        while inner.value() != g.value() {
            let mut parent = g;
            loop {
                let d = Gc::<GeneratorObj>::from_value_unchecked(*parent.slots.last().expect("delegate"));
                if d.value() == inner.value() {
                    break;
                }
                parent = d;
            }
            match r {
                Ok(Exit::Yield(v)) => {
                    let mut x = g;
                    loop {
                        x.get_mut().state = GenState::Suspended;
                        if x.value() == parent.value() {
                            break;
                        }
                        x = Gc::from_value_unchecked(*x.slots.last().expect("delegate"));
                    }
                    return Ok(Exit::Yield(v));
                }
                Ok(Exit::Return(v)) => {
                    // The delegation finished: `parent` continues after its `YieldFrom` with `v`.
                    let pm = parent.get_mut();
                    *pm.slots.last_mut().expect("delegate") = v;
                    pm.ip += 1;
                    r = self.run_generator_frame(parent, None, None, false);
                }
                Err(e) => {
                    // The delegate's exception is raised at `parent`'s `YieldFrom`.
                    parent.get_mut().ip += 1;
                    r = self.run_generator_frame(parent, None, Some(e), false);
                }
            }
            inner = parent;
        }
        r
    }

    /// If `g` is suspended in `yield from`, pass a thrown exception (class,
    /// instance, or whatever `throw()` was given) to the sub-iterator. `Some(exit)`
    /// when that settled the step; `None` to raise the exception in `g`'s own frame
    /// instead.
    fn throw_into_delegate(&mut self, g: Gc<GeneratorObj>, e: Value) -> PyResult<Option<Exit>> {
        let Some(sub) = yield_from_operand(&g) else { return Ok(None) };
        let exit_t = self.types.exc(ExcKind::GeneratorExit);
        let is_exit = match e.downcast::<TypeObj>() {
            Some(t) => t.is_subtype(exit_t),
            None => self.type_of(e).is_subtype(exit_t),
        };
        let step = if let Some(sg) = sub.downcast::<GeneratorObj>() {
            if is_exit {
                self.generator_close(sg)?;
                return Ok(None);
            }
            self.generator_throw(sg, e)
        } else {
            if is_exit {
                if let Some(close) = self.get_attr_opt(sub, q::close)? {
                    self.call_value(close, &[], &[])?;
                }
                return Ok(None);
            }
            match self.get_attr_opt(sub, q::throw)? {
                Some(throw) => match self.call_value(throw, &[e], &[]) {
                    Ok(v) => Ok(Exit::Yield(v)),
                    Err(err) if self.exc_matches(err, ExcKind::StopIteration) => {
                        let v = self.stop_iteration_value(err);
                        Ok(Exit::Return(v))
                    }
                    Err(err) => Err(err),
                },
                None => return Ok(None),
            }
        };
        match step {
            Ok(Exit::Yield(v)) => Ok(Some(Exit::Yield(v))),
            Ok(Exit::Return(v)) => {
                // The delegation finished: continue our frame after `YieldFrom` with `v`.
                let gm = g.get_mut();
                if let Some(last) = gm.slots.last_mut() {
                    *last = v;
                }
                gm.ip += 1;
                self.run_generator_frame(g, None, None, false).map(Some)
            }
            Err(err) => {
                // Raise the sub-iterator's exception at the `YieldFrom` in our frame,
                // with the exception our frame was handling as its context.
                g.get_mut().ip += 1;
                self.run_generator_frame(g, None, Some(err), false).map(Some)
            }
        }
    }

    /// `generator.close()`
    pub fn generator_close(&mut self, g: Gc<GeneratorObj>) -> PyResult<()> {
        if g.state.without_pending() == GenState::Running {
            return Err(self.value_error("generator already executing"));
        }
        if g.state.without_pending() != GenState::Suspended {
            g.get_mut().state = GenState::Finished;
            return Ok(());
        }
        let exit = self.new_exception_empty(ExcKind::GeneratorExit);
        match self.generator_resume(g, Value::NONE, Some(exit)) {
            Ok(Exit::Yield(_)) => Err(self.new_exception(ExcKind::RuntimeError, "generator ignored GeneratorExit")),
            Ok(Exit::Return(_)) => Ok(()),
            Err(e) if self.exc_matches(e, ExcKind::GeneratorExit) || self.exc_matches(e, ExcKind::StopIteration) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    pub fn stop_iteration_value(&self, e: PyErr) -> Value {
        e.0.downcast::<crate::obj::ExceptionObj>()
            .and_then(|x| x.args.downcast::<TupleObj>())
            .and_then(|t| t.items().first().copied())
            .unwrap_or(Value::NONE)
    }

    /// One step of `yield from it` sending `sent`.
    pub(crate) fn yield_from_step(&mut self, it: Value, sent: Value) -> PyResult<crate::interp::YieldFromStep> {
        use crate::interp::YieldFromStep;
        if let Some(g) = it.downcast::<GeneratorObj>() {
            return match self.generator_resume(g, sent, None)? {
                Exit::Yield(v) => Ok(YieldFromStep::Yielded(v)),
                Exit::Return(v) => Ok(YieldFromStep::Done(v)),
            };
        }
        let r = if sent.is_none() { self.iter_next_raw(it) } else { self.call_method(it, q::send, &[sent]) };
        match r {
            Ok(v) => Ok(YieldFromStep::Yielded(v)),
            Err(e) if self.exc_matches(e, ExcKind::StopIteration) => {
                Ok(YieldFromStep::Done(self.stop_iteration_value(e)))
            }
            Err(e) => Err(e),
        }
    }

    /// `next(it)` that reports exhaustion as StopIteration (keeping its value).
    pub fn iter_next_raw(&mut self, it: Value) -> PyResult<Value> {
        match it.kind() {
            Some(ObjKind::Iterator) | Some(ObjKind::Generator) => match it.downcast::<GeneratorObj>() {
                Some(g) => match self.generator_resume(g, Value::NONE, None)? {
                    Exit::Yield(v) => Ok(v),
                    Exit::Return(v) => Err(self.stop_iteration(v)),
                },
                None => match self.builtin_iter_next(Gc::from_value_unchecked(it))? {
                    Some(v) => Ok(v),
                    None => Err(self.stop_iteration(Value::NONE)),
                },
            },
            _ => {
                let t = self.type_of(it);
                match t.lookup(q::__next__) {
                    Some(m) => self.call_dunder(m, it, &[]),
                    None => Err(self.type_error(format!("'{}' object isn't an iterator", t.name))),
                }
            }
        }
    }

    /// `await obj`: the iterator to delegate to.
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if v.is_kind(ObjKind::Generator) {
            return Ok(v);
        }
        if let Some(r) = self.call_special(v, q::__await__, &[])? {
            return Ok(r);
        }
        // MicroPython lets any iterable be awaited (its asyncio relies on it).
        match self.call_special(v, q::__iter__, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!("'{}' object can't be awaited", self.type_name(v)))),
        }
    }
}

/// How an iterator over a core container (str, list, tuple, bytes, bytearray,
/// range, dict, set) starts, or `None` for anything else.
pub(crate) fn core_iter_state(v: Value) -> Option<IterState> {
    if is_str(v) {
        return Some(IterState::Str { s: v, pos: 0 });
    }
    Some(match v.kind()? {
        ObjKind::List | ObjKind::Tuple | ObjKind::Bytes | ObjKind::ByteArray => IterState::Seq { seq: v, index: 0 },
        ObjKind::Range => {
            let r = Gc::<RangeObj>::from_value_unchecked(v);
            IterState::Range { next: r.start, stop: r.stop, step: r.step }
        }
        ObjKind::Dict => {
            let len = Gc::<DictObj>::from_value_unchecked(v).len();
            IterState::Dict { dict: v, index: 0, what: 0, len }
        }
        ObjKind::Set => {
            let len = Gc::<SetObj>::from_value_unchecked(v).map.len();
            IterState::Dict { dict: v, index: 0, what: 0, len }
        }
        _ => return None,
    })
}

/// An int operand as a `BigInt`, borrowed when it is one already.
fn num_as_bigint<'a>(n: &Num<'a>) -> std::borrow::Cow<'a, BigInt> {
    match n {
        Num::Big(b) => std::borrow::Cow::Borrowed(*b),
        other => std::borrow::Cow::Owned(num_to_bigint(other)),
    }
}

fn num_to_bigint(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (*b).clone(),
        Num::Float(f) => BigInt::from(*f as i64),
    }
}

/// Compare two numbers exactly (ints and floats mixed, as Python does); `None`
/// when unordered (NaN).
pub fn num_cmp(a: &Num, b: &Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Big(x), Num::Big(y)) => Some((*x).cmp(*y)),
        (Num::Int(x), Num::Big(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (Num::Float(f), other) => num_cmp(other, &Num::Float(*f)).map(Ordering::reverse),
        (Num::Int(i), Num::Float(f)) => crate::num::float::cmp_i64_f64(*i, *f),
        (Num::Big(b), Num::Float(f)) => crate::num::float::cmp_bigint_f64(b, *f),
    }
}

/// `x op y` with `PartialOrd`'s meaning: for unordered values (NaN) only `!=` holds.
#[inline(always)]
pub(crate) fn cmp_op<T: PartialOrd + ?Sized>(op: CmpOp, x: &T, y: &T) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Gt => x > y,
        _ => x >= y,
    }
}

/// `op` applied to the result of a partial comparison (`None`: unordered, so only `!=` holds).
pub(crate) fn apply_partial_ord(op: CmpOp, o: Option<std::cmp::Ordering>) -> bool {
    match o {
        None => op == CmpOp::NotEq,
        Some(o) => apply_ord(op, o),
    }
}

fn apply_ord(op: CmpOp, o: std::cmp::Ordering) -> bool {
    match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::LtE => o.is_le(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::NotEq => o.is_ne(),
        CmpOp::Gt => o.is_gt(),
        _ => o.is_ge(),
    }
}

/// The generator `g` (suspended) delegates to with `yield from`, when that one is
/// suspended too (not just created, running, finished, or with an exception
/// pending from `pend_throw`): the chain `Vm::resume_through_delegates` walks.
#[inline]
pub(crate) fn suspended_delegate(g: &GeneratorObj) -> Option<Gc<GeneratorObj>> {
    let d = yield_from_operand(g)?.downcast::<GeneratorObj>()?;
    (d.state == GenState::Suspended).then_some(d)
}

/// The sub-iterator of `g`, when `g` is stopped at a `yield from` (its
/// `YieldFrom` instruction next, the sub-iterator on top of its saved stack).
#[inline]
fn yield_from_operand(g: &GeneratorObj) -> Option<Value> {
    if g.stack_depth == 0 {
        return None;
    }
    let &word = g.code.words.get(g.ip as usize)?;
    if krait_compiler::bytecode::decode(word).0 != krait_compiler::Op::YieldFrom as u8 {
        return None;
    }
    g.slots.last().copied()
}

/// Byte offset of character `ci` of `s` (`s.len()` when `ci` is at or past the end).
fn byte_offset(s: &str, ci: usize) -> usize {
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// The comparison `b op' a` that answers `a op b` from the other side.
fn reflected_cmp(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        _ => op,
    }
}

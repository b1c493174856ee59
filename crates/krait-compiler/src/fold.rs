//! Compile-time constants: the values `const()` may bind and constant folding.
//!
//! Folding follows MicroPython's parser (py/parse.c): numeric unary and binary
//! operators on int and float constants, `not` and `and`/`or` of constants, and
//! tuples of constants. `X = const(expr)` (handled by the symbol-table walk in
//! `symtable.rs`, which visits the module in source order) binds `X` to a
//! [`ConstValue`] so later uses of `X` fold too.
//!
//! The one rule: folding never changes what the program does. So an operation
//! folds only when its result is exactly what the VM would compute: ints stay
//! within 128 bits (beyond that the VM's big ints take over at run time), ints
//! mix with floats only when they convert exactly, float `//` and `%` follow
//! CPython's definitions and `**` is `powf` (which a conforming VM computes
//! identically), and anything that would raise (division by zero, negative
//! shift counts, overflow, a complex result) is left for run time to raise.

use std::borrow::Cow;

use krait_syntax::ast::{BinOp, Constant, UnaryOp};

use crate::bytecode::Const;

/// A constant known at compile time.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue<'a> {
    None,
    True,
    False,
    Ellipsis,
    /// Any int of up to 128 bits (those beyond `i64` become `Const::BigInt`).
    Int(i128),
    /// An int literal too big even for `i128`: its decimal digits. Never folded.
    BigLit(Cow<'a, str>),
    Float(f64),
    /// An imaginary literal (`3j`): the imaginary part. Never folded.
    Imag(f64),
    Str(Cow<'a, str>),
    /// A str holding lone surrogates, as generalized UTF-8. Never folded.
    SurrogateStr(Cow<'a, [u8]>),
    Bytes(Cow<'a, [u8]>),
    Tuple(Vec<ConstValue<'a>>),
}

/// Largest str/bytes a folded concatenation may produce (longer ones are built at
/// run time, so source like `"a" + "a" + ...` cannot make folding quadratic).
const MAX_FOLDED_SEQ: usize = 4096;

/// Floats represent every int of magnitude up to 2**53 exactly.
const EXACT_FLOAT_INT: i128 = 1 << 53;

impl<'a> ConstValue<'a> {
    /// The value of a literal.
    pub fn from_literal(c: &'a Constant) -> ConstValue<'a> {
        match c {
            Constant::None => ConstValue::None,
            Constant::True => ConstValue::True,
            Constant::False => ConstValue::False,
            Constant::Ellipsis => ConstValue::Ellipsis,
            Constant::Int(i) => ConstValue::Int(*i as i128),
            Constant::BigInt(digits) => match digits.parse::<i128>() {
                Ok(i) => ConstValue::Int(i),
                Err(_) => ConstValue::BigLit(Cow::Borrowed(digits)),
            },
            Constant::Float(f) => ConstValue::Float(*f),
            Constant::Imag(f) => ConstValue::Imag(*f),
            Constant::Str(s) => ConstValue::Str(Cow::Borrowed(s)),
            Constant::SurrogateStr(b) => ConstValue::SurrogateStr(Cow::Borrowed(b)),
            Constant::Bytes(b) => ConstValue::Bytes(Cow::Borrowed(b)),
        }
    }

    pub fn from_bool(b: bool) -> ConstValue<'a> {
        if b {
            ConstValue::True
        } else {
            ConstValue::False
        }
    }

    /// The same value, owning its text (so it may outlive the tree it came from).
    pub fn into_owned(self) -> ConstValue<'static> {
        match self {
            ConstValue::None => ConstValue::None,
            ConstValue::True => ConstValue::True,
            ConstValue::False => ConstValue::False,
            ConstValue::Ellipsis => ConstValue::Ellipsis,
            ConstValue::Int(i) => ConstValue::Int(i),
            ConstValue::BigLit(d) => ConstValue::BigLit(Cow::Owned(d.into_owned())),
            ConstValue::Float(f) => ConstValue::Float(f),
            ConstValue::Imag(f) => ConstValue::Imag(f),
            ConstValue::Str(s) => ConstValue::Str(Cow::Owned(s.into_owned())),
            ConstValue::SurrogateStr(b) => ConstValue::SurrogateStr(Cow::Owned(b.into_owned())),
            ConstValue::Bytes(b) => ConstValue::Bytes(Cow::Owned(b.into_owned())),
            ConstValue::Tuple(items) => ConstValue::Tuple(items.into_iter().map(ConstValue::into_owned).collect()),
        }
    }

    /// Python truthiness.
    pub fn is_truthy(&self) -> bool {
        match self {
            ConstValue::None | ConstValue::False => false,
            ConstValue::True | ConstValue::Ellipsis | ConstValue::BigLit(_) => true,
            ConstValue::Int(i) => *i != 0,
            ConstValue::Float(f) => *f != 0.0,
            ConstValue::Imag(f) => *f != 0.0,
            ConstValue::Str(s) => !s.is_empty(),
            ConstValue::SurrogateStr(_) => true,
            ConstValue::Bytes(b) => !b.is_empty(),
            ConstValue::Tuple(t) => !t.is_empty(),
        }
    }

    /// Whether it is `None`, `True` or `False` (loaded with their own ops).
    pub fn is_singleton(&self) -> bool {
        matches!(self, ConstValue::None | ConstValue::True | ConstValue::False)
    }

    /// The pool constant for this value.
    pub fn to_const(&self) -> Const {
        match self {
            ConstValue::None => Const::None,
            ConstValue::True => Const::True,
            ConstValue::False => Const::False,
            ConstValue::Ellipsis => Const::Ellipsis,
            ConstValue::Int(i) => match i64::try_from(*i) {
                Ok(v) => Const::Int(v),
                Err(_) => Const::BigInt(i.to_string().into_boxed_str()),
            },
            ConstValue::BigLit(d) => Const::BigInt(d.as_ref().into()),
            ConstValue::Float(f) => Const::Float(*f),
            ConstValue::Imag(f) => Const::Complex { real: 0.0, imag: *f },
            ConstValue::Str(s) => Const::Str(s.as_ref().into()),
            ConstValue::SurrogateStr(b) => Const::SurrogateStr(b.as_ref().into()),
            ConstValue::Bytes(b) => Const::Bytes(b.as_ref().into()),
            ConstValue::Tuple(items) => Const::Tuple(items.iter().map(|v| v.to_const()).collect()),
        }
    }

    /// A float operand that converts exactly (ints only up to 2**53).
    fn as_exact_float(&self) -> Option<f64> {
        match *self {
            ConstValue::Float(f) => Some(f),
            ConstValue::Int(i) if (-EXACT_FLOAT_INT..=EXACT_FLOAT_INT).contains(&i) => Some(i as f64),
            _ => None,
        }
    }
}

/// Fold a unary operator, or `None` if it must be left to run time.
pub fn unary<'a>(op: UnaryOp, v: &ConstValue<'a>) -> Option<ConstValue<'a>> {
    match (op, v) {
        (UnaryOp::Not, v) => Some(ConstValue::from_bool(!v.is_truthy())),
        (UnaryOp::USub, ConstValue::Int(i)) => i.checked_neg().map(ConstValue::Int),
        (UnaryOp::USub, ConstValue::Float(f)) => Some(ConstValue::Float(-f)),
        (UnaryOp::UAdd, ConstValue::Int(i)) => Some(ConstValue::Int(*i)),
        (UnaryOp::UAdd, ConstValue::Float(f)) => Some(ConstValue::Float(*f)),
        (UnaryOp::Invert, ConstValue::Int(i)) => Some(ConstValue::Int(!i)),
        _ => None,
    }
}

/// Fold a binary operator, or `None` if it must be left to run time.
pub fn binary<'a>(op: BinOp, l: &ConstValue<'a>, r: &ConstValue<'a>) -> Option<ConstValue<'a>> {
    match (l, r) {
        (ConstValue::Int(a), ConstValue::Int(b)) => int_binary(op, *a, *b),
        (ConstValue::Float(_), ConstValue::Int(_) | ConstValue::Float(_))
        | (ConstValue::Int(_), ConstValue::Float(_)) => float_binary(op, l.as_exact_float()?, r.as_exact_float()?),
        (ConstValue::Str(a), ConstValue::Str(b)) if op == BinOp::Add => {
            if a.len() + b.len() > MAX_FOLDED_SEQ {
                return None;
            }
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            Some(ConstValue::Str(Cow::Owned(s)))
        }
        (ConstValue::Bytes(a), ConstValue::Bytes(b)) if op == BinOp::Add => {
            if a.len() + b.len() > MAX_FOLDED_SEQ {
                return None;
            }
            let mut v = Vec::with_capacity(a.len() + b.len());
            v.extend_from_slice(a);
            v.extend_from_slice(b);
            Some(ConstValue::Bytes(Cow::Owned(v)))
        }
        _ => None,
    }
}

fn int_binary<'a>(op: BinOp, a: i128, b: i128) -> Option<ConstValue<'a>> {
    let v = match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mult => a.checked_mul(b)?,
        BinOp::FloorDiv => floor_div(a, b)?,
        BinOp::Mod => floor_mod(a, b)?,
        BinOp::Pow => {
            if b < 0 {
                // A negative exponent makes a float, as `float(a) ** float(b)`.
                let exact = -EXACT_FLOAT_INT..=EXACT_FLOAT_INT;
                if !exact.contains(&a) || !exact.contains(&b) {
                    return None;
                }
                return float_binary(BinOp::Pow, a as f64, b as f64);
            }
            int_pow(a, b)?
        }
        BinOp::LShift => {
            if b < 0 {
                return None;
            }
            if a == 0 {
                0
            } else {
                if b >= 127 {
                    return None;
                }
                let r = a << b;
                if r >> b != a {
                    return None;
                }
                r
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            a >> b.min(127)
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::Div => {
            // int / int is correctly rounded; for operands exactly representable
            // as floats that is one IEEE division.
            if b == 0 || !(-EXACT_FLOAT_INT..=EXACT_FLOAT_INT).contains(&a) {
                return None;
            }
            if !(-EXACT_FLOAT_INT..=EXACT_FLOAT_INT).contains(&b) {
                return None;
            }
            return Some(ConstValue::Float(a as f64 / b as f64));
        }
        BinOp::MatMult => return None,
    };
    Some(ConstValue::Int(v))
}

fn floor_div(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

fn floor_mod(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

fn int_pow(base: i128, exp: i128) -> Option<i128> {
    let mut result: i128 = 1;
    let mut b = base;
    let mut e = exp;
    while e > 0 {
        if e & 1 == 1 {
            result = result.checked_mul(b)?;
        }
        e >>= 1;
        if e > 0 {
            b = b.checked_mul(b)?;
        }
    }
    Some(result)
}

fn float_binary<'a>(op: BinOp, a: f64, b: f64) -> Option<ConstValue<'a>> {
    let v = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return None;
            }
            float_floordiv(a, b)
        }
        BinOp::Mod => {
            if b == 0.0 {
                return None;
            }
            float_mod(a, b)
        }
        BinOp::Pow => {
            // Leave every case that raises (0.0 ** -1, overflow) or goes complex
            // (negative ** fraction) to run time.
            if !a.is_finite() || !b.is_finite() || (a == 0.0 && b < 0.0) || (a < 0.0 && b.fract() != 0.0) {
                return None;
            }
            let r = a.powf(b);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(ConstValue::Float(v))
}

/// Python's float `//` (CPython's `float_floor_div`): the floor of the exact
/// quotient, computed from `fmod` so it agrees with `%`.
fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(a / b)
    }
}

/// Python's float `%`: the result takes the sign of the divisor.
fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i128) -> ConstValue<'static> {
        ConstValue::Int(i)
    }

    #[test]
    fn floor_semantics() {
        assert_eq!(binary(BinOp::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(binary(BinOp::FloorDiv, &int(7), &int(-2)), Some(int(-4)));
        assert_eq!(binary(BinOp::FloorDiv, &int(-8), &int(2)), Some(int(-4)));
        assert_eq!(binary(BinOp::Mod, &int(-7), &int(2)), Some(int(1)));
        assert_eq!(binary(BinOp::Mod, &int(7), &int(-2)), Some(int(-1)));
        assert_eq!(binary(BinOp::Mod, &int(-6), &int(3)), Some(int(0)));
        assert_eq!(binary(BinOp::FloorDiv, &int(1), &int(0)), None);
        assert_eq!(binary(BinOp::Mod, &int(1), &int(0)), None);
    }

    #[test]
    fn big_results_fold_within_128_bits_only() {
        assert_eq!(binary(BinOp::LShift, &int(1), &int(100)), Some(int(1 << 100)));
        assert_eq!(binary(BinOp::LShift, &int(1), &int(127)), None);
        assert_eq!(binary(BinOp::LShift, &int(0), &int(100000)), Some(int(0)));
        assert_eq!(binary(BinOp::LShift, &int(1), &int(-1)), None);
        assert_eq!(binary(BinOp::RShift, &int(-5), &int(1000)), Some(int(-1)));
        assert_eq!(binary(BinOp::Pow, &int(2), &int(64)), Some(int(1 << 64)));
        assert_eq!(binary(BinOp::Pow, &int(2), &int(200)), None);
        assert_eq!(binary(BinOp::Pow, &int(1), &int(1 << 100)), Some(int(1)));
        assert_eq!(binary(BinOp::Pow, &int(2), &int(-1)), Some(ConstValue::Float(0.5)));
        assert_eq!(ConstValue::Int(1 << 70).to_const(), Const::BigInt("1180591620717411303424".into()));
        assert_eq!(ConstValue::Int(5).to_const(), Const::Int(5));
    }

    #[test]
    fn floats() {
        assert_eq!(binary(BinOp::Div, &int(1), &int(2)), Some(ConstValue::Float(0.5)));
        assert_eq!(binary(BinOp::Div, &int(1), &int(0)), None);
        assert_eq!(binary(BinOp::Add, &ConstValue::Float(1.5), &int(1)), Some(ConstValue::Float(2.5)));
        assert_eq!(binary(BinOp::Mod, &ConstValue::Float(1.5), &int(1)), Some(ConstValue::Float(0.5)));
        assert_eq!(binary(BinOp::Mod, &ConstValue::Float(-1.5), &int(1)), Some(ConstValue::Float(0.5)));
        assert_eq!(binary(BinOp::Mod, &ConstValue::Float(1.5), &int(-1)), Some(ConstValue::Float(-0.5)));
        assert_eq!(binary(BinOp::FloorDiv, &ConstValue::Float(-7.5), &int(2)), Some(ConstValue::Float(-4.0)));
        assert_eq!(binary(BinOp::FloorDiv, &ConstValue::Float(7.0), &ConstValue::Float(0.0)), None);
        assert_eq!(binary(BinOp::Pow, &int(2), &int(-2)), Some(ConstValue::Float(0.25)));
        assert_eq!(binary(BinOp::Pow, &int(0), &int(-2)), None);
        assert_eq!(binary(BinOp::Pow, &ConstValue::Float(-2.0), &ConstValue::Float(0.5)), None);
        assert_eq!(binary(BinOp::Pow, &ConstValue::Float(2.5), &int(2)), Some(ConstValue::Float(6.25)));
        assert_eq!(binary(BinOp::Pow, &ConstValue::Float(10.0), &int(400)), None);
        assert_eq!(binary(BinOp::Add, &ConstValue::Float(1.5), &int(1 << 60)), None);
        assert_eq!(unary(UnaryOp::Invert, &ConstValue::Float(1.0)), None);
        assert_eq!(unary(UnaryOp::USub, &int(5)), Some(int(-5)));
        assert_eq!(unary(UnaryOp::Not, &int(0)), Some(ConstValue::True));
        assert_eq!(unary(UnaryOp::Invert, &int(5)), Some(int(-6)));
        assert_eq!(binary(BinOp::Add, &ConstValue::True, &int(1)), None);
    }
}

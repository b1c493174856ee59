//! Python's numeric semantics, independent of the VM's value types.
//!
//! Everything here follows CPython 3 exactly (the tests' expectations come from
//! CPython 3.11): int arithmetic on `i64` fast paths and [`BigInt`], float
//! arithmetic, rounding, parsing and `repr`, the numeric hash, the format-spec
//! mini-language and `%`-formatting, and complex numbers.
//!
//! Nothing here panics on any input: failures are a [`NumError`], which the VM
//! turns into the Python exception named by [`NumError::kind`] with the text of
//! [`NumError::message`].
//!
//! [`BigInt`]: num_bigint::BigInt

pub mod complex;
pub mod float;
pub mod format;
pub mod hash;
pub mod int;

use std::borrow::Cow;
use std::fmt;

pub use int::IntValue;

/// Largest int, in bits, that an operation may create (shifts, `**`,
/// `to_bytes`, …); past it the operation fails with [`NumError::Memory`]
/// instead of trying to allocate.
pub const MAX_INT_BITS: u64 = 1 << 31;

/// Largest string, in bytes, that formatting may create (huge widths or
/// precisions); past it formatting fails with [`NumError::Memory`].
pub const MAX_FORMAT_LEN: usize = 1 << 28;

/// The Python exception class a [`NumError`] maps to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
}

/// What kind of literal failed to parse (for the message, which quotes the input).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// `int(s, base)`: "invalid literal for int() with base {base}: {repr}"
    Int { base: u32 },
    /// `float(s)`: "could not convert string to float: {repr}"
    Float,
}

/// A failed numeric operation; see [`NumError::kind`] for the exception class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(&'static str),
    /// `OverflowError(msg)`.
    Overflow(&'static str),
    /// `ValueError(msg)`.
    Value(Cow<'static, str>),
    /// `TypeError(msg)`.
    Type(Cow<'static, str>),
    /// `MemoryError()`: the result would exceed [`MAX_INT_BITS`] / [`MAX_FORMAT_LEN`].
    Memory,
    /// A negative float raised to a non-integer power: CPython computes the
    /// result as a complex number, so the VM should retry with
    /// [`complex::complex_pow`]. (If it doesn't, it's `ValueError("math domain error")`.)
    ComplexResult,
    /// `ValueError` quoting the `repr()` of the string that failed to parse:
    /// pass that repr as `context` to [`NumError::message`].
    InvalidLiteral(Literal),
    /// `ValueError("Unknown format code 'X' for object of type 'T'")`: pass the
    /// type name as `context` to [`NumError::message`].
    UnknownFormatCode(char),
    /// `ValueError("Invalid format specifier '{spec}' for object of type 'T'")`:
    /// pass the type name as `context` to [`NumError::message`].
    InvalidFormatSpec(String),
}

/// Result of a numeric operation.
pub type NumResult<T> = Result<T, NumError>;

impl NumError {
    /// A `ValueError` with a fixed message.
    pub const fn value(msg: &'static str) -> NumError {
        NumError::Value(Cow::Borrowed(msg))
    }

    /// A `TypeError` with a fixed message.
    pub const fn type_error(msg: &'static str) -> NumError {
        NumError::Type(Cow::Borrowed(msg))
    }

    /// The Python exception class to raise.
    pub fn kind(&self) -> ExcKind {
        match self {
            NumError::ZeroDivision(_) => ExcKind::ZeroDivisionError,
            NumError::Overflow(_) => ExcKind::OverflowError,
            NumError::Type(_) => ExcKind::TypeError,
            NumError::Memory => ExcKind::MemoryError,
            NumError::Value(_)
            | NumError::ComplexResult
            | NumError::InvalidLiteral(_)
            | NumError::UnknownFormatCode(_)
            | NumError::InvalidFormatSpec(_) => ExcKind::ValueError,
        }
    }

    /// The exception's message. `context` is the `repr()` of the input string
    /// for [`NumError::InvalidLiteral`], the type name (`type(x).__name__`) for
    /// the format-spec errors, and ignored otherwise. `MemoryError` has an empty message.
    pub fn message(&self, context: &str) -> String {
        match self {
            NumError::ZeroDivision(m) | NumError::Overflow(m) => (*m).to_string(),
            NumError::Value(m) | NumError::Type(m) => m.to_string(),
            NumError::Memory => String::new(),
            NumError::ComplexResult => "math domain error".to_string(),
            NumError::InvalidLiteral(Literal::Int { base }) => {
                format!("invalid literal for int() with base {base}: {context}")
            }
            NumError::InvalidLiteral(Literal::Float) => format!("could not convert string to float: {context}"),
            NumError::UnknownFormatCode(c) => {
                let c = *c as u32;
                if c > 32 && c < 128 {
                    format!("Unknown format code '{}' for object of type '{context}'", c as u8 as char)
                } else {
                    format!("Unknown format code '\\x{c:x}' for object of type '{context}'")
                }
            }
            NumError::InvalidFormatSpec(spec) => {
                format!("Invalid format specifier '{spec}' for object of type '{context}'")
            }
        }
    }
}

impl fmt::Display for NumError {
    /// The message with an empty context (use [`NumError::message`] for the real text).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind(), self.message("?"))
    }
}

impl std::error::Error for NumError {}

/// An int or a float: the result of operations whose type depends on the
/// operands (`int ** negative int` is a float; `round(x)` vs `round(x, n)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Real {
    Int(IntValue),
    Float(f64),
}

/// Python's `str.isspace()` for the characters `int()`, `float()` and
/// `complex()` strip: ASCII space, `\t \n \v \f \r`, and non-ASCII Unicode
/// white space (but not the ASCII separators `\x1c`–`\x1f`, which these
/// constructors do not accept).
#[inline]
pub(crate) fn is_py_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        c.is_whitespace()
    }
}

/// `s` with [`is_py_space`] characters removed from both ends.
#[inline]
pub(crate) fn strip_py_space(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(
            NumError::InvalidLiteral(Literal::Int { base: 10 }).message("'x'"),
            "invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(
            NumError::InvalidLiteral(Literal::Float).message("' x '"),
            "could not convert string to float: ' x '"
        );
        assert_eq!(NumError::UnknownFormatCode('s').message("int"), "Unknown format code 's' for object of type 'int'");
        assert_eq!(
            NumError::UnknownFormatCode('\0').message("int"),
            "Unknown format code '\\x0' for object of type 'int'"
        );
        assert_eq!(
            NumError::UnknownFormatCode('é').message("int"),
            "Unknown format code '\\xe9' for object of type 'int'"
        );
        assert_eq!(
            NumError::UnknownFormatCode('\u{1F600}').message("int"),
            "Unknown format code '\\x1f600' for object of type 'int'"
        );
        assert_eq!(
            NumError::InvalidFormatSpec("ss".into()).message("str"),
            "Invalid format specifier 'ss' for object of type 'str'"
        );
        assert_eq!(NumError::Memory.kind(), ExcKind::MemoryError);
        assert_eq!(NumError::ComplexResult.kind(), ExcKind::ValueError);
    }

    #[test]
    fn whitespace() {
        assert_eq!(strip_py_space(" \t\n\x0b\x0c\r1\u{3000}\u{85}"), "1");
        assert_eq!(strip_py_space("\x1c1\x1f"), "\x1c1\x1f");
    }
}

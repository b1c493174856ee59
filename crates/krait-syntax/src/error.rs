//! Errors the front end reports: Python's `SyntaxError` and `IndentationError`.

use std::fmt;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    /// A feature the front end leaves out (`\N{...}` escapes), as MicroPython does.
    NotImplementedError,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// MicroPython-style message, e.g. `invalid syntax`, `unindent doesn't match any outer indent level`.
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 0-based column (in characters).
    pub col: u32,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::SyntaxError, msg: msg.into(), line, col }
    }

    pub fn indentation(msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::IndentationError, msg: msg.into(), line, col }
    }

    /// The Python exception class name.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::NotImplementedError => "NotImplementedError",
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {}, column {})", self.type_name(), self.msg, self.line, self.col)
    }
}

impl std::error::Error for SyntaxError {}

//! krait's front end: source text to an abstract syntax tree.
//!
//! `lexer` turns UTF-8 source into tokens (with INDENT/DEDENT), `parser` turns
//! tokens into an [`ast::Module`] ([`parse`]), or hands a module over one
//! top-level statement at a time ([`StmtStream`]), so that a compiler can
//! process each statement and drop its tree before the next is parsed.
//! Identifiers are interned ([`qstr`]) as they are lexed. Any input, however
//! malformed, yields either an AST or a [`SyntaxError`]; neither stage may
//! panic.

pub mod ast;
pub mod error;
pub mod fxhash;
pub mod lexer;
pub mod mangle;
pub mod parser;
pub mod qstr;
pub mod token;
pub mod wtf8;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::StmtStream;
pub use qstr::{q, Qstr};

/// What the source is expected to be, as for Python's `compile()` modes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or script (`exec`).
    File,
    /// A single expression (`eval`); the module holds one `Expr` statement.
    Eval,
    /// One interactive statement (the REPL's `single`).
    Single,
}

/// Parse `source` as a whole module.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Module, SyntaxError> {
    parser::parse(source, mode)
}

//! krait's compiler: AST to bytecode.
//!
//! `symtable` resolves every name to local / cell / free / global (class bodies
//! included), `fold` substitutes `const()` values and folds constant numeric
//! expressions, `codegen` emits [`bytecode::Code`] with a line table and an
//! exception table, and `dis` prints it (`krait -X dis`).

pub mod bytecode;
pub mod codegen;
pub mod dis;
pub mod fold;
pub mod symtable;

use std::rc::Rc;

pub use bytecode::{Code, CodeFlags, Const, ExcEntry, Op};
use krait_syntax::{ast, Mode, SyntaxError};

/// Compile an already-parsed module. Errors found here (`'return' outside
/// function`, `name 'x' is parameter and global`, ...) are `SyntaxError`s.
pub fn compile_module(module: &ast::Module, filename: &str, mode: Mode) -> Result<Rc<Code>, SyntaxError> {
    codegen::compile(module, filename, mode)
}

/// Parse and compile source text.
pub fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, SyntaxError> {
    let module = krait_syntax::parse(source, mode)?;
    compile_module(&module, filename, mode)
}

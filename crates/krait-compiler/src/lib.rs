//! krait's compiler: AST to bytecode.
//!
//! `symtable` resolves every name to local / cell / free / global (class bodies
//! included) and, in the same walk, applies `const()` and folds constant
//! expressions with the rules in `fold`; `codegen` emits [`bytecode::Code`] with
//! a line table and an exception table; `dis` prints it (`krait -X dis`);
//! `verify` re-checks emitted code against the documented stack effects.
//!
//! [`compile_source`] streams: it parses a module one top-level statement at a
//! time ([`krait_syntax::StmtStream`]) and analyses and compiles each
//! ([`ModuleCompiler`]) before parsing the next, so the tree of a large file
//! never exists as a whole; the result is the same as [`compile_module`] on
//! the whole parsed module.

pub mod bytecode;
pub mod codegen;
pub mod dis;
pub mod fold;
pub mod stack;
pub mod symtable;
pub mod verify;

use std::rc::Rc;

pub use bytecode::{Code, CodeFlags, Const, ExcEntry, Op};
pub use codegen::{CompileOptions, ModuleCompiler};
use krait_syntax::{ast, Mode, SyntaxError};

/// Compile an already-parsed module. Errors found here (`'return' outside
/// function`, `name 'x' is parameter and global`, ...) are `SyntaxError`s.
pub fn compile_module(module: &ast::Module, filename: &str, mode: Mode) -> Result<Rc<Code>, SyntaxError> {
    codegen::compile(module, filename, mode)
}

/// As [`compile_module`], with options (`-O`).
pub fn compile_module_with(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<Rc<Code>, SyntaxError> {
    codegen::compile_with(module, filename, mode, options)
}

/// Parse and compile source text.
pub fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, SyntaxError> {
    compile_source_with(source, filename, mode, &CompileOptions::default())
}

/// As [`compile_source`], with options (`-O`).
///
/// A module (`Mode::File`) is parsed and compiled one top-level statement at
/// a time (see [`ModuleCompiler`]), so only one statement's tree
/// exists at once. The outcome is that of parsing the whole module and then
/// compiling it: a syntax error anywhere in the source is reported in
/// preference to any error the compiler finds, so after a compile error the
/// rest of the source is still parsed.
pub fn compile_source_with(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<Rc<Code>, SyntaxError> {
    if mode != Mode::File {
        let module = krait_syntax::parse(source, mode)?;
        return compile_module_with(&module, filename, mode, options);
    }
    let mut stream = krait_syntax::StmtStream::new(source, mode);
    let mut mc = ModuleCompiler::new(filename, options);
    let mut failed = false;
    while let Some(s) = stream.next_stmt()? {
        if !failed {
            failed = mc.add(s).is_err();
        }
    }
    mc.finish()
}

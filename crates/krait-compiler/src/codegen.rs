//! codegen (to be written).
use std::rc::Rc;

use krait_syntax::{ast, Mode, SyntaxError};

use crate::Code;

pub fn compile(_module: &ast::Module, _filename: &str, _mode: Mode) -> Result<Rc<Code>, SyntaxError> {
    Err(SyntaxError::new("compiler not yet written", 1, 0))
}

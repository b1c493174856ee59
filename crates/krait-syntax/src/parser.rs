//! The parser (to be written).
use crate::{ast, Mode, SyntaxError};

pub fn parse(_source: &str, _mode: Mode) -> Result<ast::Module, SyntaxError> {
    Err(SyntaxError::new("parser not yet written", 1, 0))
}

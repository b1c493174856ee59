//! Closure cells: a box holding one variable shared between scopes.

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

pub struct CellObj {
    /// `Value::NULL` while the variable is unbound.
    pub value: Value,
}

impl PyObj for CellObj {
    const KIND: ObjKind = ObjKind::Cell;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.value);
    }
}

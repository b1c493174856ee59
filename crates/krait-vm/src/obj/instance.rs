//! Instances of user-defined classes.

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{DictObj, TypeObj};
use crate::value::Value;

pub struct InstanceObj {
    pub class: Gc<TypeObj>,
    pub dict: Gc<DictObj>,
    /// For subclasses of built-in types (`class L(list)`), the built-in object
    /// holding the data; NULL otherwise.
    pub base: Value,
}

impl PyObj for InstanceObj {
    const KIND: ObjKind = ObjKind::Instance;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
        t.mark_gc(self.dict);
        t.mark(self.base);
    }
}

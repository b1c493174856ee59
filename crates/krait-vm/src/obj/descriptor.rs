//! Descriptors: `property`, `classmethod`, `staticmethod`, and `super` objects.

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::TypeObj;
use crate::value::Value;

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

impl PyObj for PropertyObj {
    const KIND: ObjKind = ObjKind::Property;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.fget);
        t.mark(self.fset);
        t.mark(self.fdel);
        t.mark(self.doc);
    }
}

pub struct ClassMethodObj {
    pub func: Value,
}

impl PyObj for ClassMethodObj {
    const KIND: ObjKind = ObjKind::ClassMethod;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
    }
}

pub struct StaticMethodObj {
    pub func: Value,
}

impl PyObj for StaticMethodObj {
    const KIND: ObjKind = ObjKind::StaticMethod;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
    }
}

/// `super(type, obj)`: attribute lookup starts after `type` in `obj`'s MRO.
pub struct SuperObj {
    pub type_: Gc<TypeObj>,
    pub obj: Value,
}

impl PyObj for SuperObj {
    const KIND: ObjKind = ObjKind::Super;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.type_);
        t.mark(self.obj);
    }
}

//! Module objects: a name and a dict of globals.

use krait_syntax::Qstr;

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::DictObj;

pub struct ModuleObj {
    pub name: Qstr,
    pub dict: Gc<DictObj>,
}

impl PyObj for ModuleObj {
    const KIND: ObjKind = ObjKind::Module;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.dict);
    }
}

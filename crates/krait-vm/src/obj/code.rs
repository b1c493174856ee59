//! Code objects: compiled bytecode with its constants turned into values, and the
//! interpreter's inline caches.
//!
//! At load time the instruction words are copied and "quickened": the argument of
//! each `LoadGlobal`, `LoadAttr`, `StoreAttr` and `LoadMethod` becomes the index
//! of an [`InlineCache`] (which keeps the name the compiler gave). The compiler's
//! `Code` stays untouched for the disassembler and the emitters.

use std::cell::Cell;
use std::rc::Rc;

use krait_compiler::bytecode::{decode, encode};
use krait_compiler::{Code, Op};
use krait_syntax::Qstr;

use crate::gc::{ObjKind, PyObj, Tracer};
use crate::value::Value;

/// What an inline cache has learnt about its instruction's last target.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CacheKind {
    Empty,
    /// `LoadGlobal`: the name is entry `index` of the globals dict `key` at `version`.
    Global,
    /// `LoadGlobal`: absent from globals `key` at `version`, entry `index` of the
    /// builtins dict at `version2`.
    Builtin,
    /// Attribute ops on an instance of class `key` (valid at class epoch `version`):
    /// the class has no data descriptor, `__setattr__` or `__getattr__` hook for
    /// the name, so the instance dict is authoritative.
    InstanceDict,
    /// `LoadMethod` on an instance of class `key` at epoch `version`: `value` is a
    /// plain function found on the class (unless the instance dict shadows it).
    InstanceMethod,
    /// `LoadMethod` on a built-in object of type `key` at epoch `version`: `value`
    /// is the unbound built-in method.
    BuiltinMethod,
}

pub struct InlineCache {
    pub name: Qstr,
    pub kind: Cell<CacheKind>,
    pub key: Cell<u64>,
    pub version: Cell<u64>,
    pub version2: Cell<u64>,
    pub index: Cell<u32>,
    pub value: Cell<Value>,
}

impl InlineCache {
    fn new(name: Qstr) -> InlineCache {
        InlineCache {
            name,
            kind: Cell::new(CacheKind::Empty),
            key: Cell::new(0),
            version: Cell::new(0),
            version2: Cell::new(0),
            index: Cell::new(0),
            value: Cell::new(Value::NULL),
        }
    }
}

pub struct CodeObj {
    pub code: Rc<Code>,
    /// `code.consts` as values (nested code constants become `CodeObj`s).
    pub consts: Box<[Value]>,
    /// The instructions the interpreter runs (quickened, see the module docs).
    pub words: Box<[u32]>,
    pub caches: Box<[InlineCache]>,
}

impl CodeObj {
    pub fn new(code: Rc<Code>, consts: Box<[Value]>) -> CodeObj {
        let mut words = code.code.clone().into_boxed_slice();
        let mut caches = Vec::new();
        for w in words.iter_mut() {
            let (op, arg) = decode(*w);
            let cached = [Op::LoadGlobal, Op::LoadAttr, Op::StoreAttr, Op::LoadMethod];
            if let Some(&op) = cached.iter().find(|o| **o as u8 == op) {
                if let Some(&name) = code.names.get(arg as usize) {
                    *w = encode(op, caches.len() as u32);
                    caches.push(InlineCache::new(name));
                }
            }
        }
        CodeObj { code, consts, words, caches: caches.into_boxed_slice() }
    }
}

impl PyObj for CodeObj {
    const KIND: ObjKind = ObjKind::Code;
    fn trace(&self, t: &mut Tracer) {
        // Cached values are only used while their key and version still match,
        // which implies they are reachable from the dict or class they came from.
        t.mark_all(&self.consts);
    }
    fn extra_size(&self) -> usize {
        self.consts.len() * 8 + self.words.len() * 4 + self.caches.len() * std::mem::size_of::<InlineCache>()
    }
}

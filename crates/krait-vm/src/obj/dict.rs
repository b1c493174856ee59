//! `dict`: an insertion-ordered hash map (CPython's compact layout).
//!
//! Entries live in insertion order in `entries`; `indices` is an open-addressed
//! table of entry positions. Dicts of up to `LINEAR_MAX` entries have no table at
//! all and are scanned linearly, which is what most instance and keyword dicts are.
//! Deleted entries leave a tombstone (`key == NULL`) until the next resize.
//!
//! Key comparison that needs Python code (`__eq__` of user objects) is done by the
//! caller-supplied `eq`; the dict re-checks its `version` after such a call and
//! restarts the probe if the dict changed underneath.

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::str::{as_wtf8, StrObj};
use crate::obj::TupleObj;
use crate::value::Value;

const LINEAR_MAX: usize = 8;
const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// Where a probe for a hash has got to (see `next_candidate`).
#[derive(Default)]
struct ProbeState {
    started: bool,
    slot: usize,
    perturb: u64,
}

#[derive(Copy, Clone)]
pub struct Entry {
    pub hash: u64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictObj {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    len: usize,
    /// Bumped whenever a key is added or removed (not when a value is replaced),
    /// so caches of entry positions can be validated with one compare.
    pub version: u64,
    /// Some key is a heap (non-interned) str: only then can an interned-string
    /// lookup match a key that isn't the same qstr.
    heap_str_keys: bool,
    /// Some key is an instance of a user class (a `str` subclass, say), which may
    /// equal an interned-string key: lookups by qstr then take the general path.
    user_keys: bool,
}

impl PyObj for DictObj {
    const KIND: ObjKind = ObjKind::Dict;
    fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            t.mark(e.key);
            t.mark(e.value);
        }
    }
    fn extra_size(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>() + self.indices.capacity() * 4
    }
}

/// Key equality that needs no Python code, or `None` when it does.
#[inline(always)]
pub fn fast_key_eq(a: Value, b: Value) -> Option<bool> {
    // The same object (an interned name, a key looked up by the value stored): no call.
    if a == b {
        return Some(true);
    }
    fast_key_eq_nested(a, b, 2)
}

/// `fast_key_eq`, looking into tuples (bigram keys, coordinates) up to `depth`
/// levels deep: each item must compare without Python code too.
fn fast_key_eq_nested(a: Value, b: Value, depth: u32) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if a.is_qstr() && b.is_qstr() {
        return Some(false);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    // (Bytes: text with lone surrogates compares like any other.)
    let (sa, sb) = (as_wtf8(&a), as_wtf8(&b));
    match (sa, sb) {
        (Some(x), Some(y)) => return Some(x == y),
        (Some(_), None) | (None, Some(_)) => {
            // A str never equals a non-str, except a user object that claims so.
            let other = if sa.is_some() { b } else { a };
            if other.is_small_int() || other.is_float() || other.is_qstr() || !other.is_ptr() {
                return Some(false);
            }
            return match other.kind() {
                Some(ObjKind::Instance) => None,
                _ => Some(false),
            };
        }
        (None, None) => {}
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_float()) {
        return Some(x as f64 == y && (x as f64) as i64 == x);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_small_int()) {
        return Some(x == y as f64 && (y as f64) as i64 == y);
    }
    if !a.is_ptr() && !b.is_ptr() {
        // Immediates (None, True, ...) and ints/floats of different kinds: bools
        // equal ints 0/1, so leave those to the full comparison.
        if a.is_bool() || b.is_bool() {
            return None;
        }
        return Some(false);
    }
    if depth > 0 {
        if let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) {
            if x.items().len() != y.items().len() {
                return Some(false);
            }
            for (&p, &q) in x.items().iter().zip(y.items().iter()) {
                if !fast_key_eq_nested(p, q, depth - 1)? {
                    return Some(false);
                }
            }
            return Some(true);
        }
    }
    None
}

impl DictObj {
    pub fn new() -> DictObj {
        DictObj::default()
    }

    pub fn with_capacity(n: usize) -> DictObj {
        let mut d = DictObj { entries: Vec::with_capacity(n), ..Default::default() };
        if n > LINEAR_MAX {
            d.indices = vec![EMPTY; table_size_for(n)];
        }
        d
    }

    /// Make room for `additional` more keys, so adding them reallocates nothing.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve_exact(additional);
        let n = self.entries.len() + additional;
        if n > LINEAR_MAX && n * 3 >= self.indices.len() * 2 {
            self.rebuild(n);
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries in insertion order, tombstones included (`key.is_null()`): index
    /// positions are stable until the next insertion or removal.
    #[inline]
    pub fn raw_entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k).collect()
    }

    /// Entry position `i` if it is live.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<(Value, Value)> {
        self.entries.get(i).filter(|e| !e.key.is_null()).map(|e| (e.key, e.value))
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value
    }

    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.heap_str_keys = false;
        self.user_keys = false;
        self.version = self.version.wrapping_add(1);
    }

    /// Entry positions whose stored hash equals `hash`, in probe order, starting
    /// at probe step `state` (0 to begin); returns the position and the next state.
    #[inline]
    fn next_candidate(&self, hash: u64, state: &mut ProbeState) -> Option<usize> {
        if self.indices.is_empty() {
            while state.slot < self.entries.len() {
                let i = state.slot;
                state.slot += 1;
                let e = &self.entries[i];
                if e.hash == hash && !e.key.is_null() {
                    return Some(i);
                }
            }
            return None;
        }
        let mask = self.indices.len() - 1;
        if !state.started {
            state.started = true;
            state.perturb = hash;
            state.slot = hash as usize & mask;
        }
        loop {
            let ix = self.indices[state.slot];
            if ix == EMPTY {
                return None;
            }
            state.perturb >>= 5;
            state.slot = (state.slot * 5 + 1 + state.perturb as usize) & mask;
            if ix != DELETED {
                let e = &self.entries[ix as usize];
                if e.hash == hash && !e.key.is_null() {
                    return Some(ix as usize);
                }
            }
        }
    }

    /// Position of `key`'s entry. `eq` is asked only about same-hash keys that
    /// need Python equality; it may run arbitrary code, after which the probe
    /// restarts if the dict changed.
    pub fn find(
        d: Gc<DictObj>,
        hash: u64,
        key: Value,
        eq: &mut dyn FnMut(Value, Value) -> PyResult<bool>,
    ) -> PyResult<Option<usize>> {
        // Most probes meet only keys that compare without Python code: walk them
        // straight, and hand over to the general (re-entrant) walk at the first
        // key that needs `eq`.
        let mut state = ProbeState::default();
        while let Some(i) = d.next_candidate(hash, &mut state) {
            match fast_key_eq(d.entries[i].key, key) {
                Some(true) => return Ok(Some(i)),
                Some(false) => {}
                None => {
                    let get = || &*d;
                    return DictObj::find_with(&get, hash, key, eq);
                }
            }
        }
        Ok(None)
    }

    /// As `find`, for a dict reached through `get` (re-read after every call of
    /// `eq`, since Python code may have changed it): a set's embedded table, say.
    pub fn find_with<'a>(
        get: &dyn Fn() -> &'a DictObj,
        hash: u64,
        key: Value,
        eq: &mut dyn FnMut(Value, Value) -> PyResult<bool>,
    ) -> PyResult<Option<usize>> {
        'restart: loop {
            let mut state = ProbeState::default();
            while let Some(i) = get().next_candidate(hash, &mut state) {
                let k = get().entries[i].key;
                match fast_key_eq(k, key) {
                    Some(true) => return Ok(Some(i)),
                    Some(false) => {}
                    None => {
                        let (version, n) = (get().version, get().entries.len());
                        let r = eq(k, key)?;
                        if get().version != version || get().entries.len() != n {
                            continue 'restart;
                        }
                        if r {
                            return Ok(Some(i));
                        }
                    }
                }
            }
            return Ok(None);
        }
    }

    /// Look up an interned-string key: no Python code can be involved.
    #[inline]
    pub fn find_qstr(&self, q: Qstr) -> Option<usize> {
        let key = Value::qstr(q);
        if self.indices.is_empty() {
            // Interned keys compare by id; only a heap str with the same text can
            // also match, and that is rare enough to check second.
            if let Some(i) = self.entries.iter().position(|e| e.key == key) {
                return Some(i);
            }
            if !self.heap_str_keys {
                return None;
            }
            let hash = q.hash();
            return self.entries.iter().position(|e| e.hash == hash && heap_str_eq(e.key, q));
        }
        let hash = q.hash();
        let mask = self.indices.len() - 1;
        let mut perturb = hash;
        let mut slot = hash as usize & mask;
        loop {
            let ix = self.indices[slot];
            if ix == EMPTY {
                return None;
            }
            if ix != DELETED {
                let e = &self.entries[ix as usize];
                if e.key == key || (self.heap_str_keys && e.hash == hash && heap_str_eq(e.key, q)) {
                    return Some(ix as usize);
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// Whether some key is a user object, which only Python equality can compare
    /// with a str (see `user_keys`).
    #[inline]
    pub fn has_user_keys(&self) -> bool {
        self.user_keys
    }

    /// `find_qstr`, trying entry `hint` first and leaving there where the name was
    /// found: an attribute access site meets instances of one class, which lay
    /// out their attributes alike, so the hint almost always holds.
    #[inline(always)]
    pub fn find_qstr_hinted(&self, q: Qstr, hint: &std::cell::Cell<u32>) -> Option<usize> {
        let h = hint.get() as usize;
        // An interned key is the only key with that text, so identity settles it.
        if self.entries.get(h).is_some_and(|e| e.key == Value::qstr(q)) {
            return Some(h);
        }
        let i = self.find_qstr(q)?;
        hint.set(i as u32);
        Some(i)
    }

    #[inline]
    pub fn get_qstr(&self, q: Qstr) -> Option<Value> {
        self.find_qstr(q).map(|i| self.entries[i].value)
    }

    /// Insert or replace an interned-string key.
    pub fn set_qstr(&mut self, q: Qstr, value: Value) {
        match self.find_qstr(q) {
            Some(i) => self.entries[i].value = value,
            None => self.insert_new(q.hash(), Value::qstr(q), value),
        }
    }

    /// Remove an interned-string key, returning its value.
    pub fn remove_qstr(&mut self, q: Qstr) -> Option<Value> {
        let i = self.find_qstr(q)?;
        Some(self.remove_at(i))
    }

    /// Bytes the next `insert_new` adds to the dict's storage: zero while its
    /// entry vector has room, the vector's growth when it must reallocate.
    #[inline]
    pub fn insert_growth(&self) -> usize {
        let cap = self.entries.capacity();
        if self.entries.len() < cap {
            0
        } else {
            cap.max(4) * std::mem::size_of::<Entry>()
        }
    }

    /// Append an entry for a key known to be absent.
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) {
        if key.is_kind(ObjKind::Str) {
            self.heap_str_keys = true;
        } else if key.is_kind(ObjKind::Instance) {
            self.user_keys = true;
        }
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.version = self.version.wrapping_add(1);
        let n = self.entries.len();
        if self.indices.is_empty() {
            if n > LINEAR_MAX {
                self.rebuild(n);
            }
        } else if n * 3 >= self.indices.len() * 2 {
            self.rebuild(self.len * 2);
        } else {
            self.insert_index(hash, (n - 1) as u32);
        }
    }

    /// Remove the entry at position `i` (which must be live), returning its value.
    pub fn remove_at(&mut self, i: usize) -> Value {
        let e = self.entries[i];
        debug_assert!(!e.key.is_null());
        if !self.indices.is_empty() {
            let mask = self.indices.len() - 1;
            let mut perturb = e.hash;
            let mut slot = e.hash as usize & mask;
            loop {
                let ix = self.indices[slot];
                if ix == i as u32 {
                    self.indices[slot] = DELETED;
                    break;
                }
                if ix == EMPTY {
                    break;
                }
                perturb >>= 5;
                slot = (slot * 5 + 1 + perturb as usize) & mask;
            }
        }
        self.entries[i].key = Value::NULL;
        self.entries[i].value = Value::NULL;
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
        } else if i + 1 == self.entries.len() && self.indices.is_empty() {
            self.entries.pop();
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.rebuild(self.len);
        }
        e.value
    }

    /// Remove and return the last live entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let k = self.entries[i].key;
        let v = self.remove_at(i);
        Some((k, v))
    }

    fn insert_index(&mut self, hash: u64, ix: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash;
        let mut slot = hash as usize & mask;
        while self.indices[slot] != EMPTY && self.indices[slot] != DELETED {
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        self.indices[slot] = ix;
    }

    /// Drop tombstones and rebuild the index table for about `n` entries.
    fn rebuild(&mut self, n: usize) {
        self.entries.retain(|e| !e.key.is_null());
        if self.entries.len() <= LINEAR_MAX && n <= LINEAR_MAX {
            self.indices = Vec::new();
            return;
        }
        self.indices = vec![EMPTY; table_size_for(n.max(self.entries.len()))];
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.insert_index(h, i as u32);
        }
    }

    /// A copy with the same entries (for `dict.copy()`, `dict(d)`).
    pub fn clone_contents(&self) -> DictObj {
        let mut d = DictObj::with_capacity(self.len);
        for e in self.entries.iter().filter(|e| !e.key.is_null()) {
            d.insert_new(e.hash, e.key, e.value);
        }
        d
    }
}

fn table_size_for(n: usize) -> usize {
    (n * 3 / 2 + 1).next_power_of_two().max(16)
}

#[inline]
fn heap_str_eq(key: Value, q: Qstr) -> bool {
    key.downcast::<StrObj>().is_some_and(|s| s.wtf8() == q.as_str().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qstr_keys_insert_find_remove_keep_order() {
        let mut d = DictObj::new();
        let names: Vec<Qstr> = (0..100).map(|i| Qstr::new(&format!("key{i}"))).collect();
        for (i, &q) in names.iter().enumerate() {
            d.set_qstr(q, Value::small_int(i as i64));
        }
        assert_eq!(d.len(), 100);
        for (i, &q) in names.iter().enumerate() {
            assert_eq!(d.get_qstr(q), Some(Value::small_int(i as i64)));
        }
        for &q in names.iter().step_by(2) {
            assert!(d.remove_qstr(q).is_some());
        }
        assert_eq!(d.len(), 50);
        let order: Vec<Value> = d.iter().map(|(_, v)| v).collect();
        let expect: Vec<Value> = (1..100).step_by(2).map(Value::small_int).collect();
        assert_eq!(order, expect);
        assert_eq!(d.get_qstr(names[0]), None);
        assert_eq!(d.get_qstr(names[99]), Some(Value::small_int(99)));
        d.set_qstr(names[0], Value::NONE);
        assert_eq!(d.iter().last().map(|(_, v)| v), Some(Value::NONE));
    }

    #[test]
    fn fast_eq_rules() {
        assert_eq!(fast_key_eq(Value::small_int(1), Value::float(1.0)), Some(true));
        assert_eq!(fast_key_eq(Value::small_int(1), Value::float(1.5)), Some(false));
        assert_eq!(fast_key_eq(Value::NONE, Value::small_int(0)), Some(false));
        assert_eq!(fast_key_eq(Value::TRUE, Value::small_int(1)), None);
    }
}

mod methods {
    use super::DictObj;
    use crate::class::arg;
    use crate::error::PyResult;
    use crate::gc::Gc;
    use crate::obj::dictview::{DictViewObj, ITEMS, KEYS, VALUES};
    use crate::sig;
    use crate::value::Value;
    use crate::vm::Vm;

    type R = PyResult<Value>;

    fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<DictObj>> {
        match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<DictObj>()) {
            Some(d) => Ok(d),
            None => Err(vm.type_error(format!("descriptor '{name}' requires a 'dict' object"))),
        }
    }

    fn view(vm: &mut Vm, args: &[Value], what: u8) -> R {
        let d = this(vm, args, "keys")?;
        Ok(vm.alloc(DictViewObj { dict: d, what })?.value())
    }

    fn keys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        view(vm, args, KEYS)
    }
    fn values(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        view(vm, args, VALUES)
    }
    fn items(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        view(vm, args, ITEMS)
    }

    fn get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "get")?;
        let k = arg(vm, args, 1, "get")?;
        Ok(vm.dict_get(d, k)?.unwrap_or(args.get(2).copied().unwrap_or(Value::NONE)))
    }

    fn setdefault(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "setdefault")?;
        let k = arg(vm, args, 1, "setdefault")?;
        if let Some(v) = vm.dict_get(d, k)? {
            return Ok(v);
        }
        let v = args.get(2).copied().unwrap_or(Value::NONE);
        vm.dict_set(d, k, v)?;
        Ok(v)
    }

    fn pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "pop")?;
        let k = arg(vm, args, 1, "pop")?;
        match vm.dict_remove(d, k)? {
            Some(v) => Ok(v),
            None => match args.get(2) {
                Some(&default) => Ok(default),
                None => Err(vm.key_error(k)),
            },
        }
    }

    fn popitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "popitem")?;
        match d.get_mut().pop_last() {
            Some((k, v)) => vm.new_tuple_from(&[k, v]),
            None => {
                let msg = vm.new_str("popitem(): dictionary is empty")?;
                Err(vm.key_error(msg))
            }
        }
    }

    fn update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let d = this(vm, args, "update")?;
        if let Some(&src) = args.get(1) {
            vm.dict_update(d, src, false)?;
        }
        for p in kw.chunks_exact(2) {
            vm.dict_set(d, p[0], p[1])?;
        }
        Ok(Value::NONE)
    }

    fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "copy")?;
        let c = d.clone_contents();
        Ok(vm.alloc(c)?.value())
    }

    fn clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let d = this(vm, args, "clear")?;
        d.get_mut().clear();
        Ok(Value::NONE)
    }

    fn fromkeys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let src = arg(vm, args, 1, "fromkeys")?;
        let v = args.get(2).copied().unwrap_or(Value::NONE);
        let d = vm.new_dict()?;
        // The new dict, and the keys not stored yet, stay rooted while user
        // `__hash__`/`__eq__` or a subclass's constructor run (and can collect).
        vm.with_roots(&[d.value()], |vm| {
            let keys = vm.collect_iterable(src)?;
            vm.with_roots(&keys, |vm| {
                for &k in &keys {
                    vm.dict_set(d, k, v)?;
                }
                Ok(())
            })?;
            // `MyDict.fromkeys(...)` builds the subclass.
            if let Some(cls) = args.first().and_then(|c| c.downcast::<crate::obj::TypeObj>()) {
                if cls != vm.types.dict {
                    let inst = vm.call_type(cls, &[], &[])?;
                    let base = vm.builtin_receiver(inst);
                    if let Some(bd) = base.downcast::<DictObj>() {
                        *bd.get_mut() = d.clone_contents();
                    }
                    return Ok(inst);
                }
            }
            Ok(d.value())
        })
    }

    fn init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let d = this(vm, args, "__init__")?;
        d.get_mut().clear();
        update(vm, args, kw)
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let t = vm.types.dict;
        vm.add_methods(
            t,
            &[
                ("keys", sig!(keys, 1)),
                ("values", sig!(values, 1)),
                ("items", sig!(items, 1)),
                ("get", sig!(get, 2..=3)),
                ("setdefault", sig!(setdefault, 2..=3)),
                ("pop", sig!(pop, 2..=3)),
                ("popitem", sig!(popitem, 1)),
                ("update", sig!(update, 1..=2, kw)),
                ("copy", sig!(copy, 1)),
                ("clear", sig!(clear, 1)),
                ("__init__", sig!(init, 1..=2, kw)),
            ],
        )?;
        // `fromkeys` is a class method.
        let f = vm.new_builtin_fn("fromkeys", sig!(fromkeys, 2..=3))?;
        let cm = vm.alloc(crate::obj::descriptor::ClassMethodObj { func: f })?;
        vm.add_class_attr(t, "fromkeys", cm.value());
        Ok(())
    }
}

pub use methods::install;

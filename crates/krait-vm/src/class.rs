//! Classes: `__build_class__`, instance creation (`cls(...)`), `type()` and
//! `object`'s methods, descriptors' constructors, and the exception machinery the
//! interpreter needs (`raise`, `except` matching, `with`).

use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::obj::descriptor::{ClassMethodObj, PropertyObj, StaticMethodObj, SuperObj};
use crate::obj::exception::ExceptionObj;
use crate::obj::str::{as_str, is_str};
use crate::obj::type_::{c3_linearize, flags};
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

/// Positional argument `i` or a TypeError.
#[inline]
pub fn arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult<Value> {
    match args.get(i) {
        Some(&v) => Ok(v),
        None => Err(missing_arg(vm, i, fname)),
    }
}

#[cold]
#[inline(never)]
fn missing_arg(vm: &mut Vm, i: usize, fname: &str) -> PyErr {
    vm.type_error(format!("{fname}() missing required argument #{}", i + 1))
}

/// Give exception `e`, raised while `handled` was being handled, that one as its
/// `__context__` (unless it has one, or is it).
pub fn chain_context(e: Gc<ExceptionObj>, handled: Value) {
    if !handled.is_none() && !handled.is_null() && handled != e.value() && e.context.is_none() {
        e.get_mut().context = handled;
    }
}

/// Look up keyword argument `name` in flat keyword pairs.
pub fn kwarg(kw: &[Value], name: &str) -> Option<Value> {
    kw.chunks_exact(2).find(|p| as_str(&p[0]) == Some(name)).map(|p| p[1])
}

/// A TypeError unless every keyword in the flat pairs `kw` is one of `allowed`
/// (for built-ins that read their keywords with `kwarg`).
pub fn check_kwnames(vm: &mut Vm, kw: &[Value], allowed: &[&str], func: &str) -> PyResult<()> {
    for p in kw.chunks_exact(2) {
        let name = crate::obj::str_surrogates::kw_name(&p[0]);
        if !allowed.contains(&&*name) {
            return Err(vm.type_error(format!("{func}() got an unexpected keyword argument '{name}'")));
        }
    }
    Ok(())
}

impl Vm {
    /// `__build_class__(body, name, *bases, **keywords)`
    pub fn build_class(&mut self, args: &[Value], kw: &[Value]) -> PyResult<Value> {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let Some(body) = args[0].downcast::<FunctionObj>() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name = match crate::obj::str_surrogates::utf8(self, &args[1])? {
            Some(s) => Qstr::new(s),
            None => return Err(self.type_error("__build_class__: name is not a string")),
        };
        let bases_v = &args[2..];
        let mut meta = kwarg(kw, "metaclass");
        let other_kw: Vec<Value> =
            kw.chunks_exact(2).filter(|p| as_str(&p[0]) != Some("metaclass")).flatten().copied().collect();
        // A metaclass that is a class (not some other callable) gives way to a
        // more derived one among the bases' metaclasses.
        let requested = match meta {
            None => Some(self.types.type_),
            Some(m) => m.downcast::<TypeObj>(),
        };
        if let Some(requested) = requested {
            let bases: Vec<Gc<TypeObj>> = bases_v.iter().filter_map(|b| b.downcast::<TypeObj>()).collect();
            let winner = self.most_derived_metaclass(requested, &bases)?;
            meta = Some(winner.value());
        }
        let ns = self.new_dict()?;
        self.temp_roots.push(ns.value());
        let cell = self.run_class_body(body, ns);
        let r = (|| {
            let cell = cell?;
            let cls = match meta {
                Some(m) if m != self.types.type_.value() => {
                    let bases = self.new_tuple_from(bases_v)?;
                    let mut call_kw = Vec::new();
                    call_kw.extend_from_slice(&other_kw);
                    self.call_value(m, &[Value::qstr(name), bases, ns.value()], &call_kw)?
                }
                _ => {
                    let bases = self.class_bases(bases_v)?;
                    self.create_class(Value::NULL, name, bases, ns, &other_kw)?.value()
                }
            };
            if let Some(c) = cell.downcast::<CellObj>() {
                c.get_mut().value = cls;
            }
            Ok(cls)
        })();
        self.temp_roots.pop();
        r
    }

    fn class_bases(&mut self, bases_v: &[Value]) -> PyResult<Vec<Gc<TypeObj>>> {
        let mut bases = Vec::with_capacity(bases_v.len());
        for &b in bases_v {
            match b.downcast::<TypeObj>() {
                Some(t) => bases.push(t),
                None => return Err(self.type_error("bases must be types")),
            }
        }
        Ok(bases)
    }

    /// Make a new class (`type(name, bases, ns)` and class statements).
    pub fn create_class(
        &mut self,
        meta: Value,
        name: Qstr,
        mut bases: Vec<Gc<TypeObj>>,
        ns: Gc<DictObj>,
        kw: &[Value],
    ) -> PyResult<Gc<TypeObj>> {
        if bases.is_empty() {
            bases.push(self.types.object);
        }
        let mut native_base = None;
        let mut type_flags = flags::BASETYPE;
        for &b in &bases {
            if !b.has_flag(flags::BASETYPE) {
                return Err(self.type_error(format!("type '{}' is not an acceptable base type", b.name)));
            }
            if b.has_flag(flags::EXCEPTION) {
                type_flags |= flags::EXCEPTION;
            }
            let nb = if b.has_flag(flags::BUILTIN) && b != self.types.object && !b.has_flag(flags::EXCEPTION) {
                Some(b)
            } else {
                b.native_base
            };
            if let Some(nb) = nb {
                match native_base {
                    None => native_base = Some(nb),
                    Some(prev) if prev == nb || prev.is_subtype(nb) => {}
                    Some(prev) if nb.is_subtype(prev) => native_base = Some(nb),
                    Some(_) => return Err(self.type_error("multiple bases have instance lay-out conflict")),
                }
            }
        }
        let Some(mro_tail) = c3_linearize(&bases) else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(self.type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        let module = match ns.get_qstr(q::__module__) {
            Some(m) => crate::obj::str_surrogates::utf8(self, &m)?.map(Qstr::new).unwrap_or(q::EMPTY),
            None => match self.frames.last().and_then(|f| f.globals.get_qstr(q::__name__)) {
                Some(m) => crate::obj::str_surrogates::utf8(self, &m)?.map(Qstr::new).unwrap_or(q::EMPTY),
                None => q::EMPTY,
            },
        };
        let qualname = match ns.get_mut().remove_qstr(q::__qualname__) {
            Some(v) => crate::obj::str_surrogates::utf8(self, &v)?.map(Qstr::new).unwrap_or(name),
            None => name,
        };
        // `__new__` is implicitly a static method; `__init_subclass__` and
        // `__class_getitem__` implicitly class methods.
        if let Some(f) = ns.get_qstr(q::__new__) {
            if f.is_kind(ObjKind::Function) {
                let sm = self.alloc(StaticMethodObj { func: f })?;
                ns.get_mut().set_qstr(q::__new__, sm.value());
            }
        }
        for special in [q::__init_subclass__, q::__class_getitem__] {
            if let Some(f) = ns.get_qstr(special) {
                if f.is_kind(ObjKind::Function) {
                    let cm = self.alloc(ClassMethodObj { func: f })?;
                    ns.get_mut().set_qstr(special, cm.value());
                }
            }
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable (its
        // `__hash__` is None), whatever its bases define.
        if ns.get_qstr(q::__eq__).is_some() && ns.get_qstr(q::__hash__).is_none() {
            self.dict_set_qstr(ns, q::__hash__, Value::NONE)?;
        }
        let slots = self.class_slots(name, ns, &mro_tail, type_flags)?;
        let make_new = native_base.and_then(|nb| nb.make_new);
        let t = self.alloc(crate::obj::TypeObj {
            name,
            qualname,
            module,
            bases: bases.clone(),
            mro: Vec::new(),
            dict_raw: ns,
            pending: Default::default(),
            metaclass: meta,
            make_new,
            native_base,
            flags: type_flags,
            slots,
            cache: Default::default(),
        })?;
        let mut mro = vec![t];
        mro.extend(mro_tail);
        t.get_mut().mro = mro;
        crate::obj::type_::bump_class_epoch();
        // `__set_name__` on descriptors, then the parent's `__init_subclass__`.
        // The class and a snapshot of its namespace (which that code may change)
        // stay rooted meanwhile: the class may be referenced from nowhere else yet.
        let mut held: Vec<Value> = vec![t.value()];
        held.extend(ns.iter().flat_map(|(k, v)| [k, v]));
        self.with_roots(&held, |vm| {
            for kv in held[1..].chunks_exact(2) {
                let (k, v) = (kv[0], kv[1]);
                if v.is_kind(ObjKind::Instance) {
                    if let Some(sn) = vm.type_of(v).lookup(q::__set_name__) {
                        vm.call_value(sn, &[v, t.value(), k], &[])?;
                    }
                }
            }
            if let Some(init_sub) = t.lookup_after(t, q::__init_subclass__) {
                if let Some(cm) = init_sub.downcast::<ClassMethodObj>() {
                    let f = cm.func;
                    vm.call_value(f, &[t.value()], kw)?;
                }
            }
            Ok(())
        })?;
        Ok(t)
    }

    /// The slot names a new class's instances are limited to (see `TypeObj::slots`):
    /// its own `__slots__` and those of every user class it derives from, or `None`
    /// when some class on the way up has no `__slots__` or one lists `__dict__`.
    fn class_slots(
        &mut self,
        name: Qstr,
        ns: Gc<DictObj>,
        mro_tail: &[Gc<TypeObj>],
        type_flags: u32,
    ) -> PyResult<Option<Box<[Qstr]>>> {
        let Some(decl) = ns.get_qstr(q::__slots__) else { return Ok(None) };
        let own = if is_str(decl) { vec![decl] } else { self.collect_iterable(decl)? };
        let mut names = Vec::with_capacity(own.len());
        for v in own {
            let Some(s) = crate::obj::str_surrogates::utf8(self, &v)? else {
                return Err(self.type_error(format!("__slots__ items must be strings, not '{}'", self.type_name(v))));
            };
            // Private slot names are mangled, as the class body's names are.
            names.push(krait_syntax::mangle::mangle(name.as_str(), Qstr::new(s)));
        }
        if type_flags & flags::EXCEPTION != 0 || names.contains(&q::__dict__) {
            return Ok(None);
        }
        for b in mro_tail {
            if b.has_flag(flags::BUILTIN) {
                continue;
            }
            match &b.slots {
                Some(s) => names.extend(s.iter().copied()),
                None => return Ok(None),
            }
        }
        Ok(Some(names.into_boxed_slice()))
    }

    /// `cls(*args, **kw)`
    pub fn call_type(&mut self, t: Gc<TypeObj>, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        // A metaclass's own `__call__` decides what calling its classes does.
        if let Some(mt) = t.metaclass.downcast::<TypeObj>() {
            if let Some(c) = mt.lookup_python(q::__call__) {
                let mut args = Vec::with_capacity(pos.len() + 1);
                args.push(t.value());
                args.extend_from_slice(pos);
                return self.call_value(c, &args, kw);
            }
        }
        self.construct(t, pos, kw)
    }

    /// `type.__call__(t, *pos, **kw)`: make an instance of `t` (or, for a
    /// metaclass, a class) with its `__new__` and `__init__`.
    pub fn construct(&mut self, t: Gc<TypeObj>, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        if t == self.types.type_ {
            if pos.len() == 1 && kw.is_empty() {
                return Ok(self.type_of(pos[0]).value());
            }
            return self.type_new(t.value(), pos, kw);
        }
        if t.is_subtype(self.types.type_) {
            // A metaclass being called: its `__new__` (usually inherited from
            // `type`) makes the class, then its `__init__` runs.
            let cls = match t.lookup_python(q::__new__) {
                Some(n) => {
                    let f = n.downcast::<StaticMethodObj>().map_or(n, |s| s.func);
                    let mut args = vec![t.value()];
                    args.extend_from_slice(pos);
                    self.call_value(f, &args, kw)?
                }
                _ => self.type_new(t.value(), pos, kw)?,
            };
            if let Some(init) = t.lookup_python(q::__init__) {
                if self.isinstance(cls, t) {
                    let mut args = vec![cls];
                    args.extend_from_slice(pos);
                    self.call_value(init, &args, kw)?;
                }
            }
            return Ok(cls);
        }
        // Built-in types construct themselves.
        if t.has_flag(flags::BUILTIN) && !t.has_flag(flags::EXCEPTION) {
            if let Some(mk) = t.make_new {
                return mk(self, t, pos, kw);
            }
            if t == self.types.object {
                if !pos.is_empty() || !kw.is_empty() {
                    return Err(self.type_error("object() takes no arguments"));
                }
                return self.instantiate(t, &[], &[]);
            }
            return Err(self.type_error(format!("cannot create '{}' instances", t.name)));
        }
        let user_new = t.lookup_python(q::__new__);
        let user_init = t.lookup_python(q::__init__);
        let obj = match user_new {
            Some(n) => {
                let f = n.downcast::<StaticMethodObj>().map_or(n, |s| s.func);
                let mut args = Vec::with_capacity(pos.len() + 1);
                args.push(t.value());
                args.extend_from_slice(pos);
                self.call_value(f, &args, kw)?
            }
            None => {
                if user_init.is_none()
                    && (!pos.is_empty() || !kw.is_empty())
                    && t.native_base.is_none()
                    && !t.has_flag(flags::EXCEPTION)
                {
                    return Err(self.type_error(format!("{}() takes no arguments", t.name)));
                }
                let mutable_base = t.native_base.is_some_and(|nb| {
                    nb == self.types.list || nb == self.types.dict || nb == self.types.set || nb == self.types.bytearray
                });
                if user_init.is_some() && mutable_base {
                    self.instantiate(t, &[], &[])?
                } else {
                    self.instantiate(t, pos, kw)?
                }
            }
        };
        if let Some(init) = user_init {
            if self.isinstance(obj, t) {
                self.temp_roots.push(obj);
                let mut args = Vec::with_capacity(pos.len() + 1);
                args.push(obj);
                args.extend_from_slice(pos);
                let r = self.call_value(init, &args, kw);
                self.temp_roots.pop();
                if !r?.is_none() {
                    return Err(self.type_error("__init__() should return None"));
                }
            }
        }
        Ok(obj)
    }

    /// The `__init__` to run inline for `cls(...)`: a plain Python function, on a
    /// user class with no `__new__` of its own and no built-in base or metaclass.
    #[inline]
    pub(crate) fn plain_init_of(&self, cls: Gc<TypeObj>) -> Option<Gc<FunctionObj>> {
        let init = match cls.plain_init_memo() {
            Some(init) => init,
            None => {
                let init = self.find_plain_init(cls).map_or(Value::NULL, |f| f.value());
                cls.set_plain_init_memo(init);
                init
            }
        };
        init.downcast::<FunctionObj>()
    }

    fn find_plain_init(&self, cls: Gc<TypeObj>) -> Option<Gc<FunctionObj>> {
        if cls.flags & (flags::BUILTIN | flags::EXCEPTION) != 0 || cls.native_base.is_some() || !cls.metaclass.is_null()
        {
            return None;
        }
        if cls.lookup_python(q::__new__).is_some() {
            return None;
        }
        let init = cls.lookup(q::__init__)?.downcast::<FunctionObj>()?;
        let gen_flags = krait_compiler::CodeFlags::GENERATOR
            | krait_compiler::CodeFlags::COROUTINE
            | krait_compiler::CodeFlags::ASYNC_GENERATOR;
        if init.code.code.flags.0 & gen_flags != 0 {
            return None;
        }
        Some(init)
    }

    /// `object.__new__(cls)` extended to built-in bases: a bare instance of `t`.
    pub fn instantiate(&mut self, t: Gc<TypeObj>, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        if t.has_flag(flags::EXCEPTION) {
            // OSError(errno, strerror[, filename[, winerror[, filename2]]]): the
            // subclass its errno names (CPython's), the file names as `filename` and
            // `filename2`; `args` keeps them all, so `str()` shows the tuple as
            // MicroPython's does.
            let os = self.types.exc(ExcKind::OSError);
            let os_args = t.is_subtype(os) && (2..=5).contains(&pos.len()) && pos[0].as_small_int().is_some();
            let (t, args_pos) = if os_args {
                let t = match pos[0].as_small_int() {
                    Some(n) if t == os => self.types.exc(crate::modules::io::os_error_kind(n)),
                    _ => t,
                };
                (t, pos)
            } else {
                (t, pos)
            };
            let e = match self.new_tuple_from(args_pos) {
                Ok(args) => self.new_exception_args(t, args).0,
                // No room (heap full or locked): an exception from the reserve.
                Err(_) => self.emergency_exception_args(t, args_pos).0,
            };
            if e == self.memory_error {
                return Err(PyErr(e));
            }
            if os_args && pos.len() > 2 {
                if let Some(x) = e.downcast::<ExceptionObj>() {
                    let d = self.new_dict()?;
                    d.get_mut().set_qstr(Qstr::new("filename"), pos[2]);
                    if let Some(&f2) = pos.get(4) {
                        d.get_mut().set_qstr(Qstr::new("filename2"), f2);
                    }
                    x.get_mut().dict = d.value();
                }
            }
            return Ok(e);
        }
        let base = match t.native_base {
            Some(nb) => match nb.make_new {
                Some(mk) => {
                    let b = mk(self, nb, pos, kw)?;
                    if t == nb {
                        return Ok(b);
                    }
                    b
                }
                None => Value::NULL,
            },
            None => Value::NULL,
        };
        let dict = self.new_dict()?;
        let inst = self.alloc(InstanceObj { class: t, dict, base })?;
        if !base.is_null() {
            crate::obj::weakref::adopt(base, inst);
        }
        Ok(inst.value())
    }

    /// `type(name, bases, dict)` (and `type.__new__(mcs, name, bases, dict)`).
    pub fn type_new(&mut self, meta: Value, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        if pos.len() != 3 {
            return Err(self.type_error("type() takes 1 or 3 arguments"));
        }
        let name = match crate::obj::str_surrogates::utf8(self, &pos[0])? {
            Some(s) => Qstr::new(s),
            None => return Err(self.type_error("type() argument 1 must be str")),
        };
        let bases_v = self.collect_iterable(pos[1])?;
        let bases = self.class_bases(&bases_v)?;
        let Some(src) = self.builtin_receiver(pos[2]).downcast::<DictObj>() else {
            return Err(self.type_error("type() argument 3 must be dict"));
        };
        let ns = self.alloc(src.clone_contents())?;
        let requested = meta.downcast::<TypeObj>().unwrap_or(self.types.type_);
        let winner = self.most_derived_metaclass(requested, &bases)?;
        if winner != requested {
            // A base's metaclass is more derived: it makes the class.
            return self.call_type(winner, pos, kw);
        }
        let meta = if winner == self.types.type_ { Value::NULL } else { winner.value() };
        Ok(self.create_class(meta, name, bases, ns, kw)?.value())
    }

    /// The metaclass of a class with these bases, asked for `meta`: the most
    /// derived of `meta` and the bases' metaclasses, which must form a chain.
    fn most_derived_metaclass(&mut self, meta: Gc<TypeObj>, bases: &[Gc<TypeObj>]) -> PyResult<Gc<TypeObj>> {
        let mut winner = meta;
        for b in bases {
            let bm = b.metaclass.downcast::<TypeObj>().unwrap_or(self.types.type_);
            if winner.is_subtype(bm) {
                continue;
            }
            if bm.is_subtype(winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    // ---- exceptions ----

    /// The exception instance `raise v` raises (instantiating a class).
    pub fn make_raisable(&mut self, v: Value) -> PyResult<PyErr> {
        let exc = if let Some(t) = v.downcast::<TypeObj>() {
            if !t.has_flag(flags::EXCEPTION) {
                return Err(self.type_error("exceptions must derive from BaseException"));
            }
            self.call_type(t, &[], &[])?
        } else if v.is_kind(ObjKind::Exception) {
            v
        } else {
            return Err(self.type_error("exceptions must derive from BaseException"));
        };
        let Some(e) = exc.downcast::<ExceptionObj>() else {
            return Err(self.type_error("exceptions must derive from BaseException"));
        };
        chain_context(e, self.handled_exc);
        Ok(PyErr(exc))
    }

    /// `raise e from cause`
    pub fn set_cause(&mut self, e: PyErr, cause: Value) -> PyResult<()> {
        let c = if cause.is_none() { Value::NONE } else { self.make_raisable(cause)?.0 };
        if let Some(x) = e.0.downcast::<ExceptionObj>() {
            let x = x.get_mut();
            x.cause = c;
            x.suppress_context = true;
        }
        Ok(())
    }

    /// `except t:` matching (`t` a class or a tuple of classes).
    pub fn exception_matches(&mut self, exc: Value, t: Value) -> PyResult<bool> {
        if let Some(tt) = t.downcast::<TupleObj>() {
            for &x in tt.items().iter() {
                if self.exception_matches(exc, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match t.downcast::<TypeObj>() {
            Some(cls) if cls.has_flag(flags::EXCEPTION) => Ok(self.isinstance(exc, cls)),
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// `with mgr:` entry: `(bound __exit__, mgr.__enter__())`.
    pub fn before_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let (Some(enter), Some(exit)) = (t.lookup(q::__enter__), t.lookup(q::__exit__)) else {
            return Err(
                self.attribute_error(format!("'{}' object does not support the context manager protocol", t.name))
            );
        };
        let exit_bound = self.bind_class_attr(exit, mgr, t)?;
        self.temp_roots.push(exit_bound);
        let enter_bound = self.bind_class_attr(enter, mgr, t);
        let r = enter_bound.and_then(|e| self.call_value(e, &[], &[]));
        self.temp_roots.pop();
        Ok((exit_bound, r?))
    }
}

// ---- built-in methods of `object`, `type` and the descriptor types ----

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn object_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(t) = args.first().and_then(|v| v.downcast::<TypeObj>()) else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if t.has_flag(flags::BUILTIN) && t != vm.types.object && !t.has_flag(flags::EXCEPTION) {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", t.name, t.name)));
    }
    // Arguments belong to `__init__`; a built-in base still takes them.
    if t.native_base.is_some() || t.has_flag(flags::EXCEPTION) {
        return vm.instantiate(t, &args[1..], kw);
    }
    vm.instantiate(t, &[], &[])
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    }
    let name = match crate::obj::str_surrogates::utf8(vm, &args[1])? {
        Some(s) => Qstr::new(s),
        None => return Err(vm.type_error("attribute name must be string")),
    };
    vm.generic_setattr(args[0], name, args[2])?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("__delattr__ expected 1 argument"));
    }
    let name = match crate::obj::str_surrogates::utf8(vm, &args[1])? {
        Some(s) => Qstr::new(s),
        None => return Err(vm.type_error("attribute name must be string")),
    };
    vm.generic_delattr(args[0], name)?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("__getattribute__ expected 1 argument"));
    }
    let name = match args[1].as_qstr() {
        Some(q) => q,
        None => match crate::obj::str_surrogates::utf8(vm, &args[1])? {
            Some(s) => Qstr::new(s),
            None => return Err(vm.type_error("attribute name must be string")),
        },
    };
    // The generic lookup itself, not the instance's own `__getattribute__` (which
    // is usually what is calling this).
    if let Some(inst) = args[0].downcast::<crate::obj::InstanceObj>() {
        return match vm.generic_instance_getattr(inst, name)? {
            Some(v) => Ok(v),
            None => Err(vm.no_attribute(args[0], name)),
        };
    }
    vm.get_attr(args[0], name)
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(if args.len() == 2 && args[0] == args[1] { Value::TRUE } else { Value::NOT_IMPLEMENTED })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("__ne__ expected 1 argument"));
    }
    let r = vm.compare(krait_syntax::ast::CmpOp::Eq, args[0], args[1])?;
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(r)?))
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__hash__")?;
    vm.new_int(((v.bits() >> 4) & 0x0fff_ffff_ffff) as i64)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__repr__")?;
    let t = vm.type_of(v);
    let s = format!("<{} object at {:#x}>", t.qualname, v.bits() & 0xffff_ffff_ffff);
    vm.new_string(s)
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__str__")?;
    vm.repr_value(v)
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__format__")?;
    let spec = args.get(1).copied().unwrap_or(Value::qstr(q::EMPTY));
    if crate::obj::str::as_wtf8(&spec).is_some_and(|s| !s.is_empty()) {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(v))));
    }
    vm.str_value(v)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__dir__")?;
    crate::builtins::dir_of(vm, v)
}

fn object_init_subclass(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_new_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    }
    if args.len() == 2 {
        return Ok(vm.type_of(args[1]).value());
    }
    vm.type_new(args[0], &args[1..], kw)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(t) = args.first().and_then(|v| v.downcast::<TypeObj>()) else {
        return Err(vm.type_error("type.__call__() needs a type"));
    };
    vm.construct(t, &args[1..], kw)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(t) = args.first().and_then(|v| v.downcast::<TypeObj>()) else {
        return Err(vm.type_error("mro() needs a type"));
    };
    let items: Vec<Value> = t.mro.iter().map(|t| t.value()).collect();
    vm.new_list(items)
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (Some(a), Some(b)) =
        (args.first().and_then(|v| v.downcast::<TypeObj>()), args.get(1).and_then(|v| v.downcast::<TypeObj>()))
    else {
        return Err(vm.type_error("__subclasscheck__ needs types"));
    };
    Ok(Value::bool(b.is_subtype(a)))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(a) = args.first().and_then(|v| v.downcast::<TypeObj>()) else {
        return Err(vm.type_error("__instancecheck__ needs a type"));
    };
    let v = arg(vm, args, 1, "__instancecheck__")?;
    Ok(Value::bool(vm.isinstance(v, a)))
}

fn type_subclasses(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.not_implemented("type.__subclasses__() is not supported: krait keeps no registry of subclasses"))
}

fn property_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let get = |i: usize, name: &str| args.get(i).copied().or_else(|| kwarg(kw, name)).unwrap_or(Value::NONE);
    let p = PropertyObj { fget: get(0, "fget"), fset: get(1, "fset"), fdel: get(2, "fdel"), doc: get(3, "doc") };
    Ok(vm.alloc(p)?.value())
}

/// The property behind `v`: a property, or an instance of a subclass of property.
fn property_of(vm: &mut Vm, v: Option<&Value>) -> PyResult<Gc<PropertyObj>> {
    match v.and_then(|&v| vm.builtin_receiver(v).downcast::<PropertyObj>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor needs a property")),
    }
}

fn property_copy_with(vm: &mut Vm, args: &[Value], which: u8) -> PyResult<Value> {
    let p = property_of(vm, args.first())?;
    let f = arg(vm, args, 1, "property")?;
    let mut n = PropertyObj { fget: p.fget, fset: p.fset, fdel: p.fdel, doc: p.doc };
    match which {
        0 => n.fget = f,
        1 => n.fset = f,
        _ => n.fdel = f,
    }
    Ok(vm.alloc(n)?.value())
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy_with(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = property_of(vm, args.first())?;
    let obj = arg(vm, args, 1, "__get__")?;
    if obj.is_none() {
        return Ok(args[0]);
    }
    let fget = p.fget;
    if fget.is_none() || fget.is_null() {
        return Err(vm.attribute_error("unreadable attribute"));
    }
    vm.call_value(fget, &[obj], &[])
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = property_of(vm, args.first())?;
    let obj = arg(vm, args, 1, "__set__")?;
    let v = arg(vm, args, 2, "__set__")?;
    let fset = p.fset;
    if fset.is_none() || fset.is_null() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call_value(fset, &[obj, v], &[])
}

fn property_delete(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = property_of(vm, args.first())?;
    let obj = arg(vm, args, 1, "__delete__")?;
    let fdel = p.fdel;
    if fdel.is_none() || fdel.is_null() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call_value(fdel, &[obj], &[])
}

fn classmethod_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = arg(vm, args, 0, "classmethod")?;
    Ok(vm.alloc(ClassMethodObj { func: f })?.value())
}

fn staticmethod_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = arg(vm, args, 0, "staticmethod")?;
    Ok(vm.alloc(StaticMethodObj { func: f })?.value())
}

fn super_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("super() needs 2 arguments here (zero-argument super() is only valid in a method)"));
    }
    let Some(t) = args[0].downcast::<TypeObj>() else {
        return Err(vm.type_error("super() argument 1 must be a type"));
    };
    let obj = args[1];
    let ok = vm.isinstance(obj, t) || obj.downcast::<TypeObj>().is_some_and(|o| o.is_subtype(t));
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(vm.alloc(SuperObj { type_: t, obj })?.value())
}

fn exception_init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(e) = args.first().and_then(|v| v.downcast::<ExceptionObj>()) else {
        return Ok(Value::NONE);
    };
    let t = vm.new_tuple_from(&args[1..])?;
    e.get_mut().args = t;
    Ok(Value::NONE)
}

fn exception_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__str__")?;
    let Some(e) = v.downcast::<ExceptionObj>() else { return vm.str_value(v) };
    let mut out = String::new();
    vm.exception_default_str(e, &mut out)?;
    vm.new_string(out)
}

fn exception_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "__repr__")?;
    let Some(e) = v.downcast::<ExceptionObj>() else { return vm.repr_value(v) };
    let mut out = String::new();
    vm.exception_default_repr(e, &mut out)?;
    vm.new_string(out)
}

fn exception_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg(vm, args, 0, "with_traceback")
}

fn exception_add_note(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = arg(vm, args, 1, "add_note")?;
    Ok(Value::NONE)
}

/// Install `object`, `type`, descriptor and exception methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.object;
    vm.add_methods(
        t,
        &[
            ("__init__", object_init),
            ("__new__", object_new),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__init_subclass__", object_init_subclass),
        ],
    )?;
    let t = vm.types.type_;
    vm.add_methods(
        t,
        &[
            ("__new__", type_new_method),
            ("__call__", type_call),
            ("mro", type_mro),
            ("__subclasscheck__", type_subclasscheck),
            ("__instancecheck__", type_instancecheck),
            ("__subclasses__", type_subclasses),
        ],
    )?;
    let p = vm.types.property;
    vm.set_make_new(p, property_new);
    vm.add_methods(
        p,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
        ],
    )?;
    let cm = vm.types.classmethod;
    vm.set_make_new(cm, classmethod_new);
    let sm = vm.types.staticmethod;
    vm.set_make_new(sm, staticmethod_new);
    let su = vm.types.super_;
    vm.set_make_new(su, super_new);
    let be = vm.types.exc(ExcKind::BaseException);
    vm.add_methods(
        be,
        &[
            ("__init__", exception_init),
            ("__str__", exception_str),
            ("__repr__", exception_repr),
            ("with_traceback", exception_with_traceback),
            ("add_note", exception_add_note),
        ],
    )?;
    Ok(())
}

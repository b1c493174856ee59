//! Attribute access: `getattr`/`setattr`/`delattr` and method lookup for every
//! kind of object, with Python's descriptor rules.

use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::obj::descriptor::{ClassMethodObj, PropertyObj, StaticMethodObj, SuperObj};
use crate::obj::exception::ExceptionObj;
use crate::obj::type_::flags;
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `obj.name`
    pub fn get_attr(&mut self, obj: Value, name: Qstr) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `obj.name`, or `None` when there is no such attribute (no AttributeError
    /// is built on that path; one raised by a property or `__getattr__` still
    /// propagates).
    pub fn get_attr_opt(&mut self, obj: Value, name: Qstr) -> PyResult<Option<Value>> {
        match obj.kind() {
            Some(ObjKind::Instance) => self.instance_getattr(Gc::from_value_unchecked(obj), name),
            Some(ObjKind::Type) => self.type_getattr(Gc::from_value_unchecked(obj), name),
            Some(ObjKind::Module) => {
                let m = Gc::<ModuleObj>::from_value_unchecked(obj);
                if name == q::__dict__ {
                    return Ok(Some(m.dict.value()));
                }
                match m.dict.get_qstr(name) {
                    Some(v) => Ok(Some(v)),
                    // A module's `__getattr__` supplies the names it lacks (PEP 562).
                    None => match m.dict.get_qstr(q::__getattr__).filter(|_| name != q::__getattr__) {
                        Some(ga) => self.call_value(ga, &[Value::qstr(name)], &[]).map(Some),
                        None => Ok(None),
                    },
                }
            }
            Some(ObjKind::Super) => self.super_getattr(Gc::from_value_unchecked(obj), name),
            _ => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                let t = self.type_of(obj);
                match t.lookup(name) {
                    Some(attr) => self.bind_class_attr(attr, obj, t).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    pub fn no_attribute(&mut self, obj: Value, name: Qstr) -> PyErr {
        let msg = match obj.kind() {
            Some(ObjKind::Type) => {
                format!("type object '{}' has no attribute '{name}'", Gc::<TypeObj>::from_value_unchecked(obj).name)
            }
            Some(ObjKind::Module) => {
                format!("module '{}' has no attribute '{name}'", Gc::<ModuleObj>::from_value_unchecked(obj).name)
            }
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.new_exception(ExcKind::AttributeError, msg)
    }

    /// Attributes that live on the object itself rather than its type.
    fn special_attr(&mut self, obj: Value, name: Qstr) -> PyResult<Option<Value>> {
        if name == q::__class__ {
            return Ok(Some(self.type_of(obj).value()));
        }
        match obj.kind() {
            Some(ObjKind::Function) => {
                let f = Gc::<FunctionObj>::from_value_unchecked(obj);
                if let Some(d) = f.dict.downcast::<DictObj>() {
                    if let Some(v) = d.get_qstr(name) {
                        return Ok(Some(v));
                    }
                }
                Ok(match name {
                    q::__name__ => Some(Value::qstr(f.name)),
                    q::__qualname__ => Some(Value::qstr(f.qualname)),
                    q::__module__ => f.globals.get_qstr(q::__name__),
                    q::__globals__ => Some(f.globals.value()),
                    q::__code__ => Some(f.code.value()),
                    q::__doc__ => Some(Value::NONE),
                    // Calling `f.__call__` calls `f`.
                    q::__call__ => Some(obj),
                    q::__defaults__ => Some(if f.defaults.is_null() { Value::NONE } else { f.defaults }),
                    q::__closure__ => Some(if f.closure.is_null() { Value::NONE } else { f.closure }),
                    q::__dict__ => {
                        if f.dict.is_null() {
                            let d = self.new_dict()?;
                            f.get_mut().dict = d.value();
                        }
                        Some(f.dict)
                    }
                    // Made empty on first use, as in CPython; a `def` with
                    // annotations stores its dict here (`MakeFunction`).
                    q::__annotations__ => {
                        let d = self.new_dict()?.value();
                        self.set_attr(obj, name, d)?;
                        Some(d)
                    }
                    _ => None,
                })
            }
            Some(ObjKind::BuiltinFunction) => {
                let b = Gc::<BuiltinFunctionObj>::from_value_unchecked(obj);
                Ok(match name {
                    q::__name__ => Some(Value::qstr(b.name)),
                    q::__call__ => Some(obj),
                    q::__self__ if !b.bound_self.is_null() => Some(b.bound_self),
                    _ => None,
                })
            }
            Some(ObjKind::BoundMethod) => {
                let m = Gc::<BoundMethodObj>::from_value_unchecked(obj);
                match name {
                    q::__self__ => Ok(Some(m.self_)),
                    q::__func__ => Ok(Some(m.func)),
                    q::__call__ => Ok(Some(obj)),
                    _ => {
                        let f = m.func;
                        self.get_attr_opt(f, name)
                    }
                }
            }
            Some(ObjKind::Exception) => self.exception_attr(Gc::from_value_unchecked(obj), name),
            Some(ObjKind::Property) => {
                let p = Gc::<PropertyObj>::from_value_unchecked(obj);
                Ok(match name {
                    q::__doc__ => Some(if p.doc.is_null() { Value::NONE } else { p.doc }),
                    _ if name.as_str() == "fget" => Some(p.fget),
                    _ if name.as_str() == "fset" => Some(p.fset),
                    _ if name.as_str() == "fdel" => Some(p.fdel),
                    _ => None,
                })
            }
            Some(ObjKind::Range) => {
                let r = Gc::<RangeObj>::from_value_unchecked(obj);
                let field = match name.as_str() {
                    "start" => r.start,
                    "stop" => r.stop,
                    "step" => r.step,
                    _ => return Ok(None),
                };
                self.new_int(field).map(Some)
            }
            Some(ObjKind::Slice) => {
                let s = Gc::<SliceObj>::from_value_unchecked(obj);
                Ok(match name.as_str() {
                    "start" => Some(s.start),
                    "stop" => Some(s.stop),
                    "step" => Some(s.step),
                    _ => None,
                })
            }
            Some(ObjKind::ClassMethod) | Some(ObjKind::StaticMethod) if name == q::__func__ => {
                Ok(Some(match obj.downcast::<ClassMethodObj>() {
                    Some(c) => c.func,
                    None => Gc::<StaticMethodObj>::from_value_unchecked(obj).func,
                }))
            }
            _ => Ok(None),
        }
    }

    fn exception_attr(&mut self, e: Gc<ExceptionObj>, name: Qstr) -> PyResult<Option<Value>> {
        if let Some(d) = e.dict.downcast::<DictObj>() {
            if let Some(v) = d.get_qstr(name) {
                return Ok(Some(v));
            }
        }
        Ok(match name {
            q::args => Some(e.args),
            q::__traceback__ => Some(Value::NONE),
            q::__cause__ => Some(e.cause),
            q::__context__ => Some(e.context),
            q::__suppress_context__ => Some(Value::bool(e.suppress_context)),
            // MicroPython gives every exception `value` (its first argument), not just StopIteration.
            q::value => {
                Some(e.args.downcast::<TupleObj>().and_then(|t| t.items().first().copied()).unwrap_or(Value::NONE))
            }
            q::errno | q::code => {
                let first = e.args.downcast::<TupleObj>().and_then(|t| t.items().first().copied());
                let is_os = e.class.is_subtype(self.types.exc(ExcKind::OSError));
                let is_exit = e.class.is_subtype(self.types.exc(ExcKind::SystemExit));
                if (name == q::errno && is_os) || (name == q::code && is_exit) {
                    Some(first.unwrap_or(Value::NONE))
                } else {
                    None
                }
            }
            q::strerror if e.class.is_subtype(self.types.exc(ExcKind::OSError)) => {
                Some(e.args.downcast::<TupleObj>().and_then(|t| t.items().get(1).copied()).unwrap_or(Value::NONE))
            }
            // Given to OSError(errno, strerror, filename, winerror, filename2), they are in the dict.
            _ if (name == Qstr::new("filename") || name == Qstr::new("filename2"))
                && e.class.is_subtype(self.types.exc(ExcKind::OSError)) =>
            {
                Some(Value::NONE)
            }
            q::__dict__ => {
                if e.dict.is_null() {
                    let d = self.new_dict()?;
                    e.get_mut().dict = d.value();
                }
                Some(e.dict)
            }
            _ => None,
        })
    }

    /// Bind a class attribute found on `t` (the type of `obj`) for access through `obj`.
    pub(crate) fn bind_class_attr(&mut self, attr: Value, obj: Value, t: Gc<TypeObj>) -> PyResult<Value> {
        match attr.kind() {
            Some(ObjKind::Function) => Ok(self.alloc(BoundMethodObj { func: attr, self_: obj })?.value()),
            Some(ObjKind::BuiltinFunction) => {
                let b = Gc::<BuiltinFunctionObj>::from_value_unchecked(attr);
                if !b.is_method() {
                    return Ok(attr);
                }
                let recv = self.builtin_receiver(obj);
                Ok(self.alloc(BuiltinFunctionObj { name: b.name, f: b.f, bound_self: recv, module: b.module })?.value())
            }
            Some(ObjKind::Property) => {
                let p = Gc::<PropertyObj>::from_value_unchecked(attr);
                if p.fget.is_none() || p.fget.is_null() {
                    return Err(self.attribute_error("unreadable attribute"));
                }
                let fget = p.fget;
                self.call_value(fget, &[obj], &[])
            }
            Some(ObjKind::ClassMethod) => {
                let f = Gc::<ClassMethodObj>::from_value_unchecked(attr).func;
                Ok(self.alloc(BoundMethodObj { func: f, self_: t.value() })?.value())
            }
            Some(ObjKind::StaticMethod) => Ok(Gc::<StaticMethodObj>::from_value_unchecked(attr).func),
            Some(ObjKind::Instance) => {
                let at = self.type_of(attr);
                if let Some(get) = at.lookup(q::__get__) {
                    return self.call_value(get, &[attr, obj, t.value()], &[]);
                }
                Ok(attr)
            }
            _ => Ok(attr),
        }
    }

    /// The object a built-in method should see as `self`: for an instance of a
    /// user subclass of a built-in type, its built-in base value.
    #[inline]
    pub fn builtin_receiver(&self, obj: Value) -> Value {
        if let Some(inst) = obj.downcast::<InstanceObj>() {
            if !inst.base.is_null() {
                return inst.base;
            }
        }
        obj
    }

    fn is_data_descriptor(&self, attr: Value) -> bool {
        match attr.kind() {
            Some(ObjKind::Property) => true,
            Some(ObjKind::Instance) => {
                let t = self.type_of(attr);
                t.lookup(q::__set__).is_some() || t.lookup(q::__delete__).is_some()
            }
            _ => false,
        }
    }

    /// True when no class on `cls`'s MRO has a data descriptor (a property, or an
    /// object with `__set__`/`__delete__`) or a Python `__setattr__`/`__delattr__`:
    /// then an instance's own dict decides its attributes, and `getattr`/`setattr`
    /// by name may go to it first without looking the name up in the classes.
    /// Memoised per type until some class changes.
    fn plain_instance_attrs(&self, cls: Gc<TypeObj>) -> bool {
        if let Some(p) = cls.plain_memo() {
            return p;
        }
        let plain = cls.lookup_python(q::__setattr__).is_none()
            && cls.lookup_python(q::__delattr__).is_none()
            && cls.lookup_python(q::__getattribute__).is_none()
            && cls.mro.iter().all(|t| t.dict().iter().all(|(_, v)| !self.is_data_descriptor(v)));
        cls.set_plain_memo(plain);
        plain
    }

    /// A `__getattribute__` defined in Python on `cls`'s MRO, if any.
    pub(crate) fn custom_getattribute(&self, cls: Gc<TypeObj>) -> Option<Value> {
        if self.plain_instance_attrs(cls) {
            return None;
        }
        cls.lookup_python(q::__getattribute__)
    }

    fn instance_getattr(&mut self, inst: Gc<InstanceObj>, name: Qstr) -> PyResult<Option<Value>> {
        let obj = inst.value();
        let cls = inst.class;
        if self.plain_instance_attrs(cls) {
            if let Some(v) = inst.dict.get_qstr(name) {
                return Ok(Some(v));
            }
        } else if let Some(ga) = self.custom_getattribute(cls) {
            // A Python `__getattribute__` decides; `__getattr__` only answers the
            // AttributeError it raises.
            return match self.call_value(ga, &[obj, Value::qstr(name)], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.exc_matches(e, ExcKind::AttributeError) => match cls.lookup(q::__getattr__) {
                    Some(g) => self.call_value(g, &[obj, Value::qstr(name)], &[]).map(Some),
                    None => Err(e),
                },
                Err(e) => Err(e),
            };
        }
        if let Some(v) = self.generic_instance_getattr(inst, name)? {
            return Ok(Some(v));
        }
        if let Some(ga) = cls.lookup(q::__getattr__) {
            return self.call_value(ga, &[obj, Value::qstr(name)], &[]).map(Some);
        }
        Ok(None)
    }

    /// `object.__getattribute__(inst, name)`: data descriptors, the instance dict,
    /// then class attributes (no `__getattr__`).
    pub(crate) fn generic_instance_getattr(&mut self, inst: Gc<InstanceObj>, name: Qstr) -> PyResult<Option<Value>> {
        let obj = inst.value();
        let cls = inst.class;
        let class_attr = cls.lookup(name);
        if let Some(attr) = class_attr {
            if self.is_data_descriptor(attr) {
                return self.bind_class_attr(attr, obj, cls).map(Some);
            }
        }
        if let Some(v) = inst.dict.get_qstr(name) {
            return Ok(Some(v));
        }
        if let Some(attr) = class_attr {
            return self.bind_class_attr(attr, obj, cls).map(Some);
        }
        match name {
            q::__class__ => return Ok(Some(cls.value())),
            q::__dict__ if cls.slots.is_none() => return Ok(Some(inst.dict.value())),
            _ => {}
        }
        if !inst.base.is_null() {
            // Attributes of the built-in base (`real` of an int subclass, say).
            let base = inst.base;
            if let Some(v) = self.special_attr(base, name)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    fn type_getattr(&mut self, t: Gc<TypeObj>, name: Qstr) -> PyResult<Option<Value>> {
        if let Some(attr) = t.lookup(name) {
            return Ok(Some(match attr.kind() {
                Some(ObjKind::ClassMethod) => {
                    let f = Gc::<ClassMethodObj>::from_value_unchecked(attr).func;
                    self.alloc(BoundMethodObj { func: f, self_: t.value() })?.value()
                }
                Some(ObjKind::StaticMethod) => Gc::<StaticMethodObj>::from_value_unchecked(attr).func,
                Some(ObjKind::Instance) => {
                    let at = self.type_of(attr);
                    match at.lookup(q::__get__) {
                        Some(get) => self.call_value(get, &[attr, Value::NONE, t.value()], &[])?,
                        None => attr,
                    }
                }
                _ => attr,
            }));
        }
        let v = match name {
            q::__name__ => Value::qstr(t.name),
            q::__qualname__ => Value::qstr(t.qualname),
            q::__module__ => Value::qstr(t.module),
            q::__dict__ => t.dict().value(),
            q::__doc__ => Value::NONE,
            q::__bases__ => {
                let bases: Vec<Value> = t.bases.iter().map(|b| b.value()).collect();
                self.new_tuple(bases)?
            }
            q::__base__ => t.bases.first().map_or(Value::NONE, |b| b.value()),
            q::__mro__ => {
                let mro: Vec<Value> = t.mro.iter().map(|b| b.value()).collect();
                self.new_tuple(mro)?
            }
            q::__class__ => self.type_of(t.value()).value(),
            _ => {
                // Attributes of the metaclass (`type`'s methods, or a user metaclass's).
                let meta = self.type_of(t.value());
                return match meta.lookup(name) {
                    Some(attr) => self.bind_class_attr(attr, t.value(), meta).map(Some),
                    None => Ok(None),
                };
            }
        };
        Ok(Some(v))
    }

    fn super_getattr(&mut self, s: Gc<SuperObj>, name: Qstr) -> PyResult<Option<Value>> {
        let obj = s.obj;
        // `super(C, obj)` with obj an instance, or `super(C, cls)` in a classmethod.
        let (start_type, is_class) = match obj.downcast::<TypeObj>() {
            Some(t) if t.is_subtype(s.type_) => (t, true),
            _ => (self.type_of(obj), false),
        };
        match start_type.lookup_after(s.type_, name) {
            Some(attr) => {
                if is_class {
                    match attr.kind() {
                        Some(ObjKind::ClassMethod) => {
                            let f = Gc::<ClassMethodObj>::from_value_unchecked(attr).func;
                            Ok(Some(self.alloc(BoundMethodObj { func: f, self_: obj })?.value()))
                        }
                        Some(ObjKind::StaticMethod) => Ok(Some(Gc::<StaticMethodObj>::from_value_unchecked(attr).func)),
                        _ => Ok(Some(attr)),
                    }
                } else {
                    self.bind_class_attr(attr, obj, start_type).map(Some)
                }
            }
            None => {
                if name == q::__class__ {
                    return Ok(Some(self.types.super_.value()));
                }
                Ok(None)
            }
        }
    }

    /// `LoadMethod`: `(method, self)` without allocating a bound method when the
    /// attribute is a plain function on the type, else `(attribute, NULL)`.
    #[inline]
    pub fn load_method(&mut self, obj: Value, name: Qstr) -> PyResult<(Value, Value)> {
        match obj.kind() {
            Some(ObjKind::Instance)
                if self.custom_getattribute(Gc::<InstanceObj>::from_value_unchecked(obj).class).is_some() => {}
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                if let Some(attr) = inst.class.lookup(name) {
                    match attr.kind() {
                        Some(ObjKind::Function) if inst.dict.find_qstr(name).is_none() => return Ok((attr, obj)),
                        Some(ObjKind::BuiltinFunction) if inst.dict.find_qstr(name).is_none() => {
                            let b = Gc::<BuiltinFunctionObj>::from_value_unchecked(attr);
                            if b.is_method() {
                                let recv = self.builtin_receiver(obj);
                                return Ok((attr, recv));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Some(ObjKind::Type) => {
                // `C.m(...)` for a class method: `(function, C)`, without a bound method.
                let t = Gc::<TypeObj>::from_value_unchecked(obj);
                if t.metaclass.is_null() {
                    if let Some(cm) = t.lookup(name).and_then(|a| a.downcast::<ClassMethodObj>()) {
                        return Ok((cm.func, obj));
                    }
                }
            }
            Some(ObjKind::Module) | Some(ObjKind::Super) => {}
            _ => {
                if name != q::__class__ {
                    let t = self.type_of(obj);
                    if let Some(attr) = t.lookup(name) {
                        match attr.kind() {
                            Some(ObjKind::BuiltinFunction)
                                if Gc::<BuiltinFunctionObj>::from_value_unchecked(attr).is_method() =>
                            {
                                return Ok((attr, obj))
                            }
                            Some(ObjKind::Function) => return Ok((attr, obj)),
                            _ => {}
                        }
                    }
                }
            }
        }
        let v = self.get_attr(obj, name)?;
        Ok((v, Value::NULL))
    }

    /// `obj.name = v`
    pub fn set_attr(&mut self, obj: Value, name: Qstr, v: Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                let cls = inst.class;
                if self.plain_instance_attrs(cls) {
                    if cls.slots.is_some() {
                        self.check_slot(cls, name)?;
                    }
                    return self.dict_set_qstr(inst.dict, name, v).map(|_| ());
                }
                if let Some(sa) = cls.lookup_python(q::__setattr__) {
                    self.call_value(sa, &[obj, Value::qstr(name), v], &[])?;
                    return Ok(());
                }
                self.generic_setattr(obj, name, v)
            }
            Some(ObjKind::Type) => {
                let t = Gc::<TypeObj>::from_value_unchecked(obj);
                if t.has_flag(flags::BUILTIN) {
                    return Err(
                        self.type_error(format!("can't set attributes of built-in/extension type '{}'", t.name))
                    );
                }
                t.dict().get_mut().set_qstr(name, v);
                crate::obj::type_::bump_class_epoch();
                Ok(())
            }
            Some(ObjKind::Module) => {
                let d = Gc::<ModuleObj>::from_value_unchecked(obj).dict;
                self.dict_set_qstr(d, name, v)?;
                Ok(())
            }
            Some(ObjKind::Function) => {
                let f = Gc::<FunctionObj>::from_value_unchecked(obj);
                if matches!(name, q::__globals__ | q::__closure__) {
                    return Err(self.attribute_error(format!("readonly attribute '{name}'")));
                }
                if matches!(name, q::__name__ | q::__qualname__) {
                    let Some(s) = crate::obj::str_surrogates::utf8(self, &v)?.map(Qstr::new) else {
                        return Err(self.type_error(format!("{name} must be set to a string object")));
                    };
                    if name == q::__name__ {
                        f.get_mut().name = s;
                    } else {
                        f.get_mut().qualname = s;
                    }
                    return Ok(());
                }
                if f.dict.is_null() {
                    let d = self.new_dict()?;
                    f.get_mut().dict = d.value();
                }
                self.dict_set_qstr(Gc::<DictObj>::from_value_unchecked(f.dict), name, v)?;
                Ok(())
            }
            Some(ObjKind::Exception) => {
                let e = Gc::<ExceptionObj>::from_value_unchecked(obj);
                match name {
                    q::__cause__ => {
                        e.get_mut().cause = v;
                        e.get_mut().suppress_context = true;
                        return Ok(());
                    }
                    q::__context__ => {
                        e.get_mut().context = v;
                        return Ok(());
                    }
                    q::__suppress_context__ => {
                        e.get_mut().suppress_context = self.truthy(v)?;
                        return Ok(());
                    }
                    q::__traceback__ => {
                        // `e.__traceback__ = None` forgets where it was raised (MicroPython).
                        if v.is_none() {
                            e.get_mut().traceback.clear();
                        }
                        return Ok(());
                    }
                    q::args => {
                        let t = self.to_tuple(v)?;
                        e.get_mut().args = t;
                        return Ok(());
                    }
                    _ => {}
                }
                if let Some(p) = e.class.lookup(name).and_then(|a| a.downcast::<PropertyObj>()) {
                    let fset = p.fset;
                    if fset.is_null() || fset.is_none() {
                        return Err(self.attribute_error("can't set attribute"));
                    }
                    self.call_value(fset, &[obj, v], &[])?;
                    return Ok(());
                }
                if e.dict.is_null() {
                    let d = self.new_dict()?;
                    e.get_mut().dict = d.value();
                }
                self.dict_set_qstr(Gc::<DictObj>::from_value_unchecked(e.dict), name, v)?;
                Ok(())
            }
            // A module's type may have writable properties (`weakref.finalize.atexit`).
            Some(ObjKind::Other) => match self.type_of(obj).lookup(name).and_then(|a| a.downcast::<PropertyObj>()) {
                Some(p) if !p.fset.is_null() && !p.fset.is_none() => {
                    let fset = p.fset;
                    self.call_value(fset, &[obj, v], &[])?;
                    Ok(())
                }
                Some(_) => Err(self.attribute_error("can't set attribute")),
                None => Err(self.no_attribute(obj, name)),
            },
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `object.__setattr__`: the default behaviour, honouring data descriptors.
    pub fn generic_setattr(&mut self, obj: Value, name: Qstr, v: Value) -> PyResult<()> {
        let Some(inst) = obj.downcast::<InstanceObj>() else {
            return self.set_attr(obj, name, v);
        };
        if let Some(attr) = inst.class.lookup(name) {
            match attr.kind() {
                Some(ObjKind::Property) => {
                    let fset = Gc::<PropertyObj>::from_value_unchecked(attr).fset;
                    if fset.is_null() || fset.is_none() {
                        return Err(self.attribute_error("can't set attribute"));
                    }
                    self.call_value(fset, &[obj, v], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance) => {
                    let at = self.type_of(attr);
                    if let Some(set) = at.lookup(q::__set__) {
                        self.call_value(set, &[attr, obj, v], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if inst.class.slots.is_some() {
            self.check_slot(inst.class, name)?;
        }
        self.dict_set_qstr(inst.dict, name, v)?;
        Ok(())
    }

    /// An instance of a class with `__slots__` takes no attribute outside them.
    fn check_slot(&mut self, cls: Gc<TypeObj>, name: Qstr) -> PyResult<()> {
        match &cls.slots {
            Some(s) if !s.contains(&name) => {
                Err(self.attribute_error(format!("'{}' object has no attribute '{}'", cls.name, name)))
            }
            _ => Ok(()),
        }
    }

    /// `del obj.name`
    pub fn del_attr(&mut self, obj: Value, name: Qstr) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::Instance) => {
                let inst = Gc::<InstanceObj>::from_value_unchecked(obj);
                if let Some(da) = inst.class.lookup_python(q::__delattr__) {
                    self.call_value(da, &[obj, Value::qstr(name)], &[])?;
                    return Ok(());
                }
                self.generic_delattr(obj, name)
            }
            Some(ObjKind::Type) => {
                let t = Gc::<TypeObj>::from_value_unchecked(obj);
                if t.has_flag(flags::BUILTIN) {
                    return Err(
                        self.type_error(format!("can't set attributes of built-in/extension type '{}'", t.name))
                    );
                }
                if t.dict().get_mut().remove_qstr(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                crate::obj::type_::bump_class_epoch();
                Ok(())
            }
            Some(ObjKind::Module) => {
                if Gc::<ModuleObj>::from_value_unchecked(obj).dict.get_mut().remove_qstr(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Some(ObjKind::Function) | Some(ObjKind::Exception) => {
                let d = match obj.downcast::<FunctionObj>() {
                    Some(f) => f.dict,
                    None => Gc::<ExceptionObj>::from_value_unchecked(obj).dict,
                };
                match d.downcast::<DictObj>().and_then(|d| d.get_mut().remove_qstr(name)) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: Value, name: Qstr) -> PyResult<()> {
        let Some(inst) = obj.downcast::<InstanceObj>() else {
            return self.del_attr(obj, name);
        };
        if let Some(attr) = inst.class.lookup(name) {
            match attr.kind() {
                Some(ObjKind::Property) => {
                    let fdel = Gc::<PropertyObj>::from_value_unchecked(attr).fdel;
                    if fdel.is_null() || fdel.is_none() {
                        return Err(self.attribute_error("can't delete attribute"));
                    }
                    self.call_value(fdel, &[obj], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance) => {
                    let at = self.type_of(attr);
                    if let Some(del) = at.lookup(q::__delete__) {
                        self.call_value(del, &[attr, obj], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if inst.dict.get_mut().remove_qstr(name).is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }

    /// `hasattr`-style probe that swallows only AttributeError.
    pub fn has_attr(&mut self, obj: Value, name: Qstr) -> PyResult<bool> {
        match self.get_attr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if self.exc_matches(e, ExcKind::AttributeError) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

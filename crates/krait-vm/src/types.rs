//! The built-in type objects, created once per VM, and the table the rest of the
//! VM reaches them through (`vm.types.list`, `vm.types.exc(ExcKind::KeyError)`).

use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, Heap, Tracer};
use crate::obj::iter::{IterObj, IterState};
use crate::obj::type_::{flags, MakeNewFn, Pending};
use crate::obj::{DictObj, NativeFn, TupleObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

macro_rules! builtin_types {
    ($($field:ident = $name:expr,)*) => {
        #[derive(Clone)]
        pub struct BuiltinTypes {
            pub object: Gc<TypeObj>,
            pub type_: Gc<TypeObj>,
            $(pub $field: Gc<TypeObj>,)*
            pub exceptions: Vec<Gc<TypeObj>>,
            pub empty_tuple: Value,
            /// A one-tuple reserved for `MemoryError`'s message (filled without allocating).
            memory_error_tuple: Gc<TupleObj>,
        }

        impl BuiltinTypes {
            pub fn bootstrap(heap: &mut Heap) -> BuiltinTypes {
                let object = new_type(heap, "object", &[], flags::BUILTIN | flags::BASETYPE);
                let type_ = new_type(heap, "type", &[object], flags::BUILTIN | flags::BASETYPE);
                $(let $field = new_type(heap, $name, &[object], flags::BUILTIN);)*
                let mut exceptions: Vec<Gc<TypeObj>> = Vec::with_capacity(ExcKind::ALL.len());
                for &k in ExcKind::ALL {
                    let base = match k.parent() {
                        Some(p) => exceptions[p.index()],
                        None => object,
                    };
                    exceptions.push(new_type(heap, k.name(), &[base], flags::BUILTIN | flags::BASETYPE | flags::EXCEPTION));
                }
                let empty_tuple = TupleObj::alloc_copy(heap, &[]).expect("heap").value();
                let memory_error_tuple = TupleObj::alloc_copy(heap, &[Value::NONE]).expect("heap");
                BuiltinTypes { object, type_, $($field,)* exceptions, empty_tuple, memory_error_tuple }
            }

            pub fn trace(&self, t: &mut Tracer) {
                t.mark_gc(self.object);
                t.mark_gc(self.type_);
                $(t.mark_gc(self.$field);)*
                for &e in &self.exceptions {
                    t.mark_gc(e);
                }
                t.mark(self.empty_tuple);
                t.mark_gc(self.memory_error_tuple);
            }

            /// Every built-in (non-exception) type, for installing into `builtins`.
            pub fn all(&self) -> Vec<Gc<TypeObj>> {
                vec![self.object, self.type_, $(self.$field,)*]
            }
        }
    };
}

builtin_types! {
    int = "int",
    bool_ = "bool",
    float = "float",
    complex = "complex",
    str_ = "str",
    bytes = "bytes",
    bytearray = "bytearray",
    list = "list",
    tuple = "tuple",
    dict = "dict",
    set = "set",
    frozenset = "frozenset",
    range = "range",
    slice = "slice",
    none_type = "NoneType",
    ellipsis_type = "ellipsis",
    not_implemented_type = "NotImplementedType",
    function = "function",
    builtin_function = "builtin_function_or_method",
    bound_method = "bound_method",
    cell = "cell",
    code = "code",
    module = "module",
    generator = "generator",
    property = "property",
    classmethod = "classmethod",
    staticmethod = "staticmethod",
    super_ = "super",
    iterator = "iterator",
    enumerate = "enumerate",
    zip = "zip",
    map = "map",
    filter = "filter",
    reversed = "reversed",
    dict_keys = "dict_keys",
    dict_values = "dict_values",
    dict_items = "dict_items",
    // `string.templatelib`'s (the VM makes them for t-strings without an import).
    template = "Template",
    template_iter = "TemplateIter",
    interpolation = "Interpolation",
}

fn new_type(heap: &mut Heap, name: &'static str, bases: &[Gc<TypeObj>], flags: u32) -> Gc<TypeObj> {
    let dict = heap.alloc(DictObj::new()).expect("heap too small for built-in types");
    let name = Qstr::from_static(name);
    let t = heap
        .alloc(TypeObj {
            name,
            qualname: name,
            module: Qstr::from_static("builtins"),
            bases: bases.to_vec(),
            mro: Vec::new(),
            dict_raw: dict,
            pending: Default::default(),
            metaclass: Value::NULL,
            make_new: None,
            native_base: None,
            flags,
            slots: None,
            cache: Default::default(),
        })
        .expect("heap too small for built-in types");
    let mut mro = vec![t];
    if let Some(&b) = bases.first() {
        mro.extend(b.mro.iter().copied());
    }
    t.get_mut().mro = mro;
    t
}

impl BuiltinTypes {
    #[inline]
    pub fn exc(&self, k: ExcKind) -> Gc<TypeObj> {
        self.exceptions[k.index()]
    }

    pub(crate) fn memory_error_args(&self, msg: Value) -> Value {
        self.memory_error_tuple.set_item_unshared(0, msg);
        self.memory_error_tuple.value()
    }
}

/// The Python type of a built-in iterator object.
pub fn iterator_type(vm: &Vm, v: Value) -> Gc<TypeObj> {
    let t = &vm.types;
    match v.downcast::<IterObj>().map(|i| match i.state {
        IterState::Enumerate { .. } => t.enumerate,
        IterState::Zip { .. } => t.zip,
        IterState::Map { .. } => t.map,
        IterState::Filter { .. } => t.filter,
        IterState::Reversed { .. } => t.reversed,
        _ => t.iterator,
    }) {
        Some(t) => t,
        None => vm.types.iterator,
    }
}

/// The Python type of an object of a module-defined kind.
pub fn other_type(vm: &Vm, v: Value) -> Gc<TypeObj> {
    crate::gc::other_class(v, vm)
}

impl Vm {
    /// Register attributes of a built-in type: they join its dict when the dict
    /// is first read (`obj::type_::Pending`). Room for them in the dict is made
    /// now (at the end of `Vm::new` for start-up types, all at once), so the
    /// heap counts the dict's growth when eager registration did.
    fn add_pending(&mut self, t: Gc<TypeObj>, items: impl IntoIterator<Item = Pending>) {
        let n = {
            let mut p = t.pending.borrow_mut();
            p.extend(items);
            p.len()
        };
        match &mut self.startup_types {
            Some(types) => {
                if !types.contains(&t) {
                    types.push(t);
                }
            }
            None => t.dict_raw.get_mut().reserve(n),
        }
        crate::obj::type_::bump_class_epoch();
    }

    /// Add a Rust method to a built-in type (made on first use, see `add_pending`).
    pub fn add_method(&mut self, t: Gc<TypeObj>, name: &'static str, f: NativeFn) -> PyResult<()> {
        self.add_pending(t, [Pending::Method(name, f)]);
        Ok(())
    }

    /// Add several Rust methods to a built-in type (see `add_method`).
    pub fn add_methods(&mut self, t: Gc<TypeObj>, methods: &[(&'static str, NativeFn)]) -> PyResult<()> {
        self.add_pending(t, methods.iter().map(|&(name, f)| Pending::Method(name, f)));
        Ok(())
    }

    /// Set a class attribute on a built-in type (it joins the type's dict after
    /// the attributes registered before it, see `add_pending`).
    pub fn add_class_attr(&mut self, t: Gc<TypeObj>, name: &'static str, v: Value) {
        self.add_pending(t, [Pending::Value(name, v)]);
    }

    /// A read-only attribute of a built-in type, computed by `getter(self)` (made,
    /// like a method, on first use, see `add_pending`).
    pub fn add_property(&mut self, t: Gc<TypeObj>, name: &'static str, getter: NativeFn) -> PyResult<()> {
        self.add_pending(t, [Pending::Property(name, getter)]);
        Ok(())
    }

    pub fn set_make_new(&mut self, t: Gc<TypeObj>, f: MakeNewFn) {
        t.get_mut().make_new = Some(f);
    }

    /// Make a new built-in class (e.g. a module's type), deriving from `bases`
    /// (`object` if empty).
    pub fn new_builtin_type(&mut self, name: &str, module: &str, bases: &[Gc<TypeObj>]) -> PyResult<Gc<TypeObj>> {
        let bases = if bases.is_empty() { vec![self.types.object] } else { bases.to_vec() };
        let dict = self.new_dict()?;
        let name_q = Qstr::new(name);
        let is_exc = bases.iter().any(|b| b.has_flag(flags::EXCEPTION));
        let t = self.alloc(TypeObj {
            name: name_q,
            qualname: name_q,
            module: Qstr::new(module),
            bases: bases.clone(),
            mro: Vec::new(),
            dict_raw: dict,
            pending: Default::default(),
            metaclass: Value::NULL,
            make_new: bases[0].make_new,
            native_base: bases[0].native_base,
            flags: flags::BUILTIN | flags::BASETYPE | if is_exc { flags::EXCEPTION } else { 0 },
            slots: None,
            cache: Default::default(),
        })?;
        let mut mro = vec![t];
        mro.extend(crate::obj::type_::c3_linearize(&bases).unwrap_or_default());
        t.get_mut().mro = mro;
        Ok(t)
    }

    pub fn q_name_of_type(&self, t: Gc<TypeObj>) -> Qstr {
        if t.module == q::EMPTY {
            t.name
        } else {
            t.qualname
        }
    }
}

//! `hashlib`: SHA-256, SHA-1 and MD5 (the RustCrypto implementations).
//!
//! `hashlib.sha256(data=b"")` etc. are classes, as on MicroPython; their
//! objects have `update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`
//! and `block_size`, and `hashlib.new(name, data=b"")` picks one by name.
//! Following CPython, `digest()` doesn't finalise the object: it can be called
//! again and the object updated further (MicroPython raises "hash is final").

use sha2::Digest;

use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{ModuleObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

type R = PyResult<Value>;

#[derive(Clone)]
enum State {
    Sha256(sha2::Sha256),
    Sha1(sha1::Sha1),
    Md5(md5::Md5),
}

impl State {
    fn new(algo: &str) -> Option<State> {
        Some(match algo {
            "sha256" => State::Sha256(sha2::Sha256::new()),
            "sha1" => State::Sha1(sha1::Sha1::new()),
            "md5" => State::Md5(md5::Md5::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Sha256(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Md5(h) => h.update(data),
        }
    }

    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Md5(h) => h.finalize().to_vec(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            State::Sha256(_) => "sha256",
            State::Sha1(_) => "sha1",
            State::Md5(_) => "md5",
        }
    }

    fn digest_size(&self) -> i64 {
        match self {
            State::Sha256(_) => 32,
            State::Sha1(_) => 20,
            State::Md5(_) => 16,
        }
    }
}

/// A hash object.
pub struct HashObj {
    state: State,
    class: Gc<TypeObj>,
}

impl PyObj for HashObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.class);
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

fn update_with(vm: &mut Vm, h: Gc<HashObj>, data: Value) -> PyResult<()> {
    if crate::obj::str::is_str(data) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match crate::buffer::with_buffer(vm, data, |d| h.get_mut().state.update(d)) {
        Some(()) => Ok(()),
        None => Err(vm.type_error(format!("object supporting the buffer API required, not '{}'", vm.type_name(data)))),
    }
}

fn hash_new(vm: &mut Vm, cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    // The algorithm is the name of the built-in class (or of the base of a subclass).
    let algo = cls.mro.iter().find_map(|t| State::new(t.name.as_str()).map(|_| t.name.as_str()));
    let Some(state) = algo.and_then(State::new) else {
        return Err(vm.type_error("unknown hash type"));
    };
    if args.len() > 1 {
        return Err(
            vm.type_error(format!("function takes at most 1 positional arguments but {} were given", args.len()))
        );
    }
    let h = vm.alloc(HashObj { state, class: cls })?;
    let data = args.first().copied().or_else(|| kwarg(kw, "data")).or_else(|| kwarg(kw, "string"));
    if let Some(d) = data {
        update_with(vm, h, d)?;
    }
    Ok(h.value())
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<HashObj>> {
    let v = args.first().map(|&v| vm.builtin_receiver(v));
    match v.and_then(|v| v.downcast::<HashObj>()) {
        Some(h) => Ok(h),
        None => Err(vm.type_error("hash method needs a hash object")),
    }
}

fn update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    let Some(&data) = args.get(1) else { return Err(vm.type_error("update() missing required argument")) };
    update_with(vm, h, data)?;
    Ok(Value::NONE)
}

fn digest(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    let d = h.state.digest();
    vm.new_bytes(d)
}

fn hexdigest(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    let d = h.state.digest();
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    vm.new_string(s)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    let state = h.state.clone();
    Ok(vm.alloc(HashObj { state, class: h.class })?.value())
}

fn name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    Ok(Value::qstr(Qstr::new(h.state.name())))
}

fn digest_size(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = this(vm, args)?;
    Ok(Value::small_int(h.state.digest_size()))
}

fn block_size(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args)?;
    Ok(Value::small_int(64))
}

/// `hashlib.new(name, data=b"")`.
fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let Some(n) = args.first().copied().or_else(|| kwarg(kw, "name")) else {
        return Err(vm.type_error("new() missing required argument 'name' (pos 1)"));
    };
    let Some(algo) = crate::obj::str_surrogates::utf8(vm, &n)?.map(|s| s.to_ascii_lowercase()) else {
        return Err(vm.type_error("new() argument 'name' must be str"));
    };
    let module = vm.modules.get_qstr(Qstr::new("hashlib")).and_then(|m| m.downcast::<ModuleObj>());
    let cls = module.and_then(|m| m.dict.get_qstr(Qstr::new(&algo))).and_then(|c| c.downcast::<TypeObj>());
    match cls {
        Some(c) if State::new(&algo).is_some() => {
            let data: Vec<Value> = args.get(1).copied().or_else(|| kwarg(kw, "data")).into_iter().collect();
            hash_new(vm, c, &data, &[])
        }
        _ => Err(vm.value_error(format!("unsupported hash type {algo}"))),
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "hashlib", &[("new", new)])?;
    let Some(module) = m.downcast::<ModuleObj>() else { return Ok(m) };
    let mut names = Vec::new();
    for algo in ["sha256", "sha1", "md5"] {
        let t = vm.new_builtin_type(algo, "hashlib", &[])?;
        vm.set_make_new(t, hash_new);
        vm.add_methods(t, &[("update", update), ("digest", digest), ("hexdigest", hexdigest), ("copy", copy)])?;
        for (attr, f) in
            [("name", name as crate::obj::NativeFn), ("digest_size", digest_size), ("block_size", block_size)]
        {
            let fget = vm.new_builtin_fn(attr, f)?;
            let prop = vm.alloc(crate::obj::descriptor::PropertyObj {
                fget,
                fset: Value::NONE,
                fdel: Value::NONE,
                doc: Value::NONE,
            })?;
            vm.add_class_attr(t, attr, prop.value());
        }
        module.dict.get_mut().set_qstr(Qstr::new(algo), t.value());
        names.push(Value::qstr(Qstr::new(algo)));
    }
    let set = vm.new_set(true)?;
    for n in names {
        vm.set_add(set, n)?;
    }
    module.dict.get_mut().set_qstr(Qstr::new("algorithms_guaranteed"), set.value());
    module.dict.get_mut().set_qstr(Qstr::new("algorithms_available"), set.value());
    Ok(m)
}

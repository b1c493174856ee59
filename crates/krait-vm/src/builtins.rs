//! The `builtins` module: built-in functions, and the constructors of the core
//! types (`int`, `str`, `list`, ...).

use krait_syntax::{q, Mode, Qstr};
use num_traits::Signed;

use crate::class::kwarg;
use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::obj::iter::{IterObj, IterState};
use crate::obj::str::{as_str, is_str};
use crate::obj::*;
use crate::ops::{as_num, Num};
use crate::sig;
use crate::value::Value;
use crate::vm::Vm;
use krait_syntax::wtf8::Wtf8Buf;

type R = PyResult<Value>;

fn nargs(vm: &mut Vm, args: &[Value], min: usize, max: usize, name: &str) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            format!("{name}() takes {min} positional arguments but {} were given", args.len())
        } else if args.len() < min {
            format!("{name}() missing required positional argument")
        } else {
            format!("{name}() takes at most {max} arguments ({} given)", args.len())
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn no_kw(vm: &mut Vm, kw: &[Value], name: &str) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

// ---- printing and text ----

fn builtin_print(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let mut sep = None;
    let mut end = None;
    let mut file = Value::NONE;
    let mut flush = false;
    for p in kw.chunks_exact(2) {
        match as_str(&p[0]) {
            Some("sep") => sep = if p[1].is_none() { None } else { Some(p[1]) },
            Some("end") => end = if p[1].is_none() { None } else { Some(p[1]) },
            Some("file") => file = p[1],
            Some("flush") => flush = vm.truthy(p[1])?,
            _ => return Err(vm.type_error("print() got an unexpected keyword argument")),
        }
    }
    // Checked before anything is printed, as CPython does (even with one argument).
    if sep.is_some_and(|s| !crate::obj::str::is_str(s)) {
        return Err(vm.type_error("sep must be None or a string"));
    }
    if end.is_some_and(|e| !crate::obj::str::is_str(e)) {
        return Err(vm.type_error("end must be None or a string"));
    }
    // Text with lone surrogates goes to a file object as it is, and is
    // `UnicodeEncodeError` on the UTF-8 stdout (below).
    let mut out = Wtf8Buf::new();
    let push = |out: &mut Wtf8Buf, v: Value| match as_str(&v) {
        Some(s) => out.push_str(s),
        None => out.push_wtf8(crate::obj::str::as_wtf8(&v).unwrap_or_default()),
    };
    // Where each piece (argument, separator, end) ends: a stream gets one write per piece.
    let mut cuts = Vec::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            match sep {
                Some(s) => push(&mut out, s),
                None => out.push(' '),
            }
            cuts.push(out.len());
        }
        vm.str_into_wtf8(a, &mut out)?;
        cuts.push(out.len());
    }
    match end {
        Some(e) => push(&mut out, e),
        None => out.push('\n'),
    }
    cuts.push(out.len());
    if file.is_none() {
        // A program may have replaced `sys.stdout` (to capture output, say).
        match vm.sys_dict.get_qstr(Qstr::new("stdout")) {
            Some(s) if s.is_none() => return Ok(Value::NONE),
            Some(s) if !s.downcast::<crate::modules::sys::StdStreamObj>().is_some_and(|s| s.fd == 1 && !s.binary) => {
                file = s
            }
            _ => {}
        }
    }
    if file.is_none() {
        let out = match out.into_string() {
            Ok(s) => s,
            Err(out) => {
                // As CPython: the pieces before one with a lone surrogate are
                // written, then that one can't be encoded.
                let mut start = 0;
                for &end in &cuts {
                    if krait_syntax::wtf8::has_surrogates(&out[start..end]) {
                        vm.write_stdout(&out[..start]);
                        return Err(crate::obj::str_surrogates::not_utf8_bytes(vm, &out[start..end]));
                    }
                    start = end;
                }
                return Err(vm.value_error("invalid str data"));
            }
        };
        vm.write_stdout(out.as_bytes());
        if flush {
            vm.flush_stdout();
        }
    } else {
        let out = out.as_bytes();
        let mut start = 0;
        for end in cuts {
            let s = vm.new_wtf8(&out[start..end])?;
            vm.call_method(file, Qstr::new("write"), &[s])?;
            start = end;
        }
        if flush {
            vm.call_method(file, Qstr::new("flush"), &[])?;
        }
    }
    Ok(Value::NONE)
}

fn builtin_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    vm.repr_value(args[0])
}

fn builtin_ascii(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let s = vm.repr(args[0])?;
    vm.new_string(crate::repr::ascii_escaped(&s))
}

fn builtin_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let n = vm.len(args[0])?;
    vm.new_int(n as i64)
}

fn builtin_chr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    // ASCII characters are interned strs: no encoding, no allocation.
    if let Some(b) = args[0].as_small_int().filter(|b| (0..128).contains(b)) {
        return Ok(Value::qstr(Qstr::ascii_char(b as u8)));
    }
    let i = vm.to_index(args[0])?;
    let cp = u32::try_from(i).ok().filter(|&c| c < 0x110000);
    match cp.and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            vm.new_str(s)
        }
        // `chr(0xd800)`: a lone surrogate.
        None if cp.is_some() => {
            let mut buf = Vec::with_capacity(3);
            krait_syntax::wtf8::push_code_point(&mut buf, i as u32);
            vm.new_wtf8(&buf)
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = args[0];
    // One ASCII character (what iterating over ASCII text gives) is an interned
    // str whose id says which.
    if let Some(b) = v.as_qstr().and_then(Qstr::as_ascii_char) {
        return Ok(Value::small_int(b as i64));
    }
    if let Some(s) = crate::obj::str::as_wtf8(&v) {
        let mut it = krait_syntax::wtf8::code_points(s);
        if let (Some((_, c)), None) = (it.next(), it.next()) {
            return vm.new_int(c as i64);
        }
        let n = krait_syntax::wtf8::count_chars(s);
        return Err(vm.type_error(format!("ord() expected a character, but string of length {n} found")));
    }
    if let Some(d) = vm.bytes_data(v) {
        if d.len() == 1 {
            return vm.new_int(d[0] as i64);
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", d.len())));
    }
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(v))))
}

fn radix_str(vm: &mut Vm, v: Value, radix: u32, prefix: &str, name: &str) -> R {
    let n = match as_num(&v) {
        Some(Num::Int(i)) => crate::num::IntValue::Small(i),
        Some(Num::Big(b)) => crate::num::IntValue::Big(b.clone()),
        _ => {
            let i = vm.to_index(v).map_err(|_| {
                let t = vm.type_name(v);
                vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            })?;
            let _ = name;
            crate::num::IntValue::Small(i)
        }
    };
    // The numeric library writes Python's `hex()`/`oct()`/`bin()` text, prefix included.
    let _ = prefix;
    let s = crate::num::int::to_radix_string(&n, radix);
    vm.new_string(s)
}

fn builtin_hex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    radix_str(vm, args[0], 16, "0x", "hex")
}

fn builtin_oct(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    radix_str(vm, args[0], 8, "0o", "oct")
}

fn builtin_bin(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    radix_str(vm, args[0], 2, "0b", "bin")
}

fn builtin_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let spec = args.get(1).copied().unwrap_or(Value::qstr(q::EMPTY));
    crate::format::format_builtin(vm, args[0], spec)
}

// ---- numbers ----

fn builtin_abs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = args[0];
    match as_num(&v) {
        Some(Num::Int(i)) => vm.new_int_i128((i as i128).abs()),
        Some(Num::Big(b)) => {
            let r = b.abs();
            vm.new_bigint(r)
        }
        Some(Num::Float(f)) => Ok(Value::float(f.abs())),
        None => {
            if let Some(r) = crate::obj::complex::complex_abs(vm, v)? {
                return Ok(r);
            }
            match vm.call_special(v, q::__abs__, &[])? {
                Some(r) => Ok(r),
                None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
            }
        }
    }
}

fn builtin_divmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    use krait_syntax::ast::BinOp;
    nargs(vm, args, 2, 2, "divmod")?;
    let (a, b) = (args[0], args[1]);
    if as_num(&a).is_some() && as_num(&b).is_some() {
        let q = vm.binary_op(BinOp::FloorDiv, a, b)?;
        let r = vm.binary_op(BinOp::Mod, a, b)?;
        return vm.new_tuple_from(&[q, r]);
    }
    if let Some(r) = vm.call_special(a, q::__divmod__, &[b])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(b, q::__rdivmod__, &[a])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(vm.unsupported_binop(q::__divmod__, a, b))
}

pub(crate) fn builtin_pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    use krait_syntax::ast::BinOp;
    let base = args.first().copied().or_else(|| kwarg(kw, "base"));
    let exp = args.get(1).copied().or_else(|| kwarg(kw, "exp"));
    let modulus = args.get(2).copied().or_else(|| kwarg(kw, "mod")).filter(|m| !m.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument"));
    };
    match modulus {
        None => vm.binary_op(BinOp::Pow, base, exp),
        Some(m) => {
            // Subclasses of int count as ints.
            let (ib, ie, im) = (vm.builtin_receiver(base), vm.builtin_receiver(exp), vm.builtin_receiver(m));
            let (Some(b), Some(e), Some(mm)) = (
                crate::ops::int_as_bigint(ib).filter(|_| !ib.is_float()),
                crate::ops::int_as_bigint(ie).filter(|_| !ie.is_float()),
                crate::ops::int_as_bigint(im).filter(|_| !im.is_float()),
            ) else {
                // A user type's ternary `__pow__(exp, mod)`.
                if base.is_kind(ObjKind::Instance) && ib == base {
                    if let Some(r) = vm.call_special(base, q::__pow__, &[exp, m])? {
                        if r != Value::NOT_IMPLEMENTED {
                            return Ok(r);
                        }
                    }
                }
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            };
            match crate::num::int::pow_mod(&b, &e, &mm) {
                Ok(r) => vm.new_bigint(r),
                Err(e) => Err(vm.num_error(e, "")),
            }
        }
    }
}

fn builtin_round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let x = match args.first().copied().or_else(|| kwarg(kw, "number")) {
        Some(x) => x,
        None => return Err(vm.type_error("round() missing required argument 'number'")),
    };
    let nd = args.get(1).copied().or_else(|| kwarg(kw, "ndigits")).filter(|v| !v.is_none());
    crate::format::round_value(vm, x, nd)
}

fn builtin_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let h = vm.hash(args[0])? as i64;
    vm.new_int(h)
}

fn builtin_id(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = args[0];
    let id = if v.is_ptr() { (v.bits() & 0xffff_ffff_ffff) as i64 } else { (v.bits() >> 1) as i64 & 0x3fff_ffff_ffff };
    vm.new_int(id)
}

fn builtin_callable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(Value::bool(vm.is_callable(args[0])))
}

impl Vm {
    /// Python's `callable(v)`.
    pub fn is_callable(&self, v: Value) -> bool {
        match v.kind() {
            Some(
                ObjKind::Function
                | ObjKind::BuiltinFunction
                | ObjKind::BoundMethod
                | ObjKind::Type
                | ObjKind::StaticMethod
                | ObjKind::ClassMethod,
            ) => true,
            _ => self.type_of(v).lookup(q::__call__).is_some(),
        }
    }
}

// ---- attributes ----

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Qstr> {
    // Names written in the source are interned already: no table lookup needed.
    if let Some(q) = v.as_qstr() {
        return Ok(q);
    }
    // (Names are interned, UTF-8: one with lone surrogates is `UnicodeEncodeError`.)
    match crate::obj::str_surrogates::utf8(vm, &v)? {
        Some(s) => Ok(Qstr::new(s)),
        None => Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v)))),
    }
}

fn builtin_getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let name = attr_name(vm, args[1])?;
    match args.get(2) {
        None => vm.get_attr(args[0], name),
        Some(&default) => match vm.get_attr_opt(args[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default),
            Err(e) if vm.exc_matches(e, ExcKind::AttributeError) => Ok(default),
            Err(e) => Err(e),
        },
    }
}

fn builtin_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let name = attr_name(vm, args[1])?;
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::NONE)
}

fn builtin_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let name = attr_name(vm, args[1])?;
    vm.del_attr(args[0], name)?;
    Ok(Value::NONE)
}

fn builtin_hasattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let name = attr_name(vm, args[1])?;
    Ok(Value::bool(vm.has_attr(args[0], name)?))
}

fn class_or_tuple_check(
    vm: &mut Vm,
    t: Value,
    check: &mut dyn FnMut(&mut Vm, Gc<TypeObj>) -> PyResult<bool>,
) -> PyResult<bool> {
    if let Some(tt) = t.downcast::<TupleObj>() {
        for &x in tt.items().iter() {
            if class_or_tuple_check(vm, x, check)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match t.downcast::<TypeObj>() {
        Some(ty) => check(vm, ty),
        None => Err(vm.type_error("isinstance() arg 2 must be a type or tuple of types")),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let v = args[0];
    let r = class_or_tuple_check(vm, args[1], &mut |vm, t| {
        if vm.isinstance(v, t) {
            return Ok(true);
        }
        // A metaclass's __instancecheck__.
        if !t.metaclass.is_null() {
            let meta = vm.type_of(t.value());
            if let Some(m) = meta.lookup(Qstr::new("__instancecheck__")) {
                if !m.is_kind(ObjKind::BuiltinFunction) {
                    let r = vm.call_value(m, &[t.value(), v], &[])?;
                    return vm.truthy(r);
                }
            }
        }
        Ok(false)
    })?;
    Ok(Value::bool(r))
}

fn builtin_issubclass(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let Some(c) = args[0].downcast::<TypeObj>() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let r = class_or_tuple_check(vm, args[1], &mut |_vm, t| Ok(c.is_subtype(t)))?;
    Ok(Value::bool(r))
}

// ---- iteration ----

fn builtin_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    if args.len() == 2 {
        let st = IterState::Callable { func: args[0], sentinel: args[1] };
        return Ok(vm.alloc(IterObj { state: st })?.value());
    }
    vm.get_iter(args[0])
}

fn builtin_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let it = args[0];
    if !matches!(it.kind(), Some(ObjKind::Iterator | ObjKind::Generator))
        && vm.type_of(it).lookup(q::__next__).is_none()
    {
        return Err(vm.type_error(format!("'{}' object isn't an iterator", vm.type_name(it))));
    }
    match args.get(1) {
        None => vm.iter_next_raw(it),
        Some(&default) => match vm.iter_next_raw(it) {
            Err(e) if vm.exc_matches(e, ExcKind::StopIteration) => Ok(default),
            r => r,
        },
    }
}

fn builtin_sorted(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let items = vm.collect_iterable(args[0])?;
    let l = vm.new_list(items)?;
    vm.temp_roots.push(l);
    let r = crate::sort::list_sort(vm, l, kw);
    vm.temp_roots.pop();
    r?;
    Ok(l)
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &[Value], is_max: bool) -> R {
    let name = if is_max { "max" } else { "min" };
    crate::class::check_kwnames(vm, kw, &["key", "default"], name)?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if args.len() > 1 && default.is_some() {
        return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    let op = if is_max { krait_syntax::ast::CmpOp::Gt } else { krait_syntax::ast::CmpOp::Lt };
    // One pass over the items, keeping only the best so far (rooted in
    // `temp_roots` while `key` or a comparison runs Python code): `max(d.items())`
    // of a big dict makes no list of its items.
    let mark = vm.temp_roots.len();
    let it = if args.len() == 1 { vm.loop_iter(args[0])? } else { Value::NULL };
    vm.temp_roots.extend([it, Value::NULL, Value::NULL]);
    let (best_slot, key_slot) = (mark + 1, mark + 2);
    let r = (|| {
        let mut rest = args.iter();
        loop {
            let x = if it.is_null() {
                match rest.next() {
                    Some(&x) => x,
                    None => break,
                }
            } else {
                match vm.iter_next(it)? {
                    Some(x) => x,
                    None => break,
                }
            };
            let xk = match key {
                Some(k) => {
                    // `x` must outlive the key call: park it with the best so far.
                    vm.temp_roots.push(x);
                    let r = vm.call_value(k, &[x], &[]);
                    vm.temp_roots.pop();
                    r?
                }
                None => x,
            };
            let best_key = vm.temp_roots[key_slot];
            let better = best_key.is_null() || {
                vm.temp_roots.push(x);
                vm.temp_roots.push(xk);
                let c = vm.compare(op, xk, best_key).and_then(|b| vm.truthy(b));
                vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                c?
            };
            if better {
                vm.temp_roots[best_slot] = x;
                vm.temp_roots[key_slot] = xk;
            }
        }
        let best = vm.temp_roots[best_slot];
        if !best.is_null() {
            return Ok(best);
        }
        match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        }
    })();
    vm.temp_roots.truncate(mark);
    if !it.is_null() {
        vm.loop_iter_done(it);
    }
    r
}

fn builtin_min(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    min_max(vm, args, kw, false)
}

fn builtin_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    min_max(vm, args, kw, true)
}

fn builtin_sum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let mut acc = args.get(1).copied().or_else(|| kwarg(kw, "start")).unwrap_or(Value::small_int(0));
    if is_str(acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // A loop's iterator (see `Vm::loop_iter`): summing a built-in container allocates nothing.
    let it = vm.loop_iter(args[0])?;
    vm.temp_roots.push(it);
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    let r = (|| {
        // Floats are summed exactly, as CPython's fsum-like path does for floats.
        while let Some(x) = vm.iter_next(it)? {
            acc = if Value::both_small_ints(acc, x) {
                vm.new_int(acc.as_small_int_unchecked() + x.as_small_int_unchecked())?
            } else if acc.is_float() && x.is_float() {
                Value::float(acc.as_float_unchecked() + x.as_float_unchecked())
            } else {
                vm.binary_op(krait_syntax::ast::BinOp::Add, acc, x)?
            };
            vm.temp_roots[mark] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(mark - 1);
    vm.loop_iter_done(it);
    r
}

fn builtin_any(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let it = vm.loop_iter(args[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if vm.truthy(x)? {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    })();
    vm.temp_roots.pop();
    vm.loop_iter_done(it);
    r
}

fn builtin_all(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let it = vm.loop_iter(args[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if !vm.truthy(x)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.temp_roots.pop();
    vm.loop_iter_done(it);
    r
}

// ---- namespaces and code ----

fn builtin_globals(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    match vm.frames.last() {
        Some(f) => Ok(f.globals.value()),
        None => Ok(vm.new_dict()?.value()),
    }
}

fn builtin_locals(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
    let Some(f) = vm.frames.last() else { return Ok(vm.new_dict()?.value()) };
    if !f.locals.is_null() {
        return Ok(f.locals);
    }
    if f.func.is_null() {
        return Ok(f.globals.value());
    }
    // A function's locals, as a snapshot dict.
    let (code, base) = (f.code, f.base);
    let d = vm.new_dict()?;
    for (i, &name) in code.code.varnames.iter().enumerate() {
        let v = vm.stack_get(base + i);
        if !v.is_null() {
            d.get_mut().set_qstr(name, v);
        }
    }
    Ok(d.value())
}

/// `dir(v)`: the sorted attribute names.
pub fn dir_of(vm: &mut Vm, v: Value) -> R {
    let mut names: Vec<String> = Vec::new();
    // Names with lone surrogates (only a dict written to directly has them).
    let mut odd: Vec<Value> = Vec::new();
    let add_dict = |d: Gc<DictObj>, names: &mut Vec<String>, odd: &mut Vec<Value>| {
        for (k, _) in d.iter() {
            if let Some(s) = as_str(&k) {
                names.push(s.to_owned());
            } else if crate::obj::str::has_surrogates(k) {
                odd.push(k);
            }
        }
    };
    match v.kind() {
        Some(ObjKind::Module) => add_dict(Gc::<ModuleObj>::from_value_unchecked(v).dict, &mut names, &mut odd),
        Some(ObjKind::Type) => {
            for t in Gc::<TypeObj>::from_value_unchecked(v).mro.iter() {
                add_dict(t.dict(), &mut names, &mut odd);
            }
        }
        _ => {
            if let Some(inst) = v.downcast::<InstanceObj>() {
                add_dict(inst.dict, &mut names, &mut odd);
            }
            let t = vm.type_of(v);
            for t in t.mro.iter() {
                add_dict(t.dict(), &mut names, &mut odd);
            }
            if v.is_kind(ObjKind::Instance) || v.is_kind(ObjKind::Exception) {
                names.push("__class__".into());
            }
        }
    }
    names.sort();
    names.dedup();
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        items.push(Value::qstr(Qstr::new(&n)));
    }
    if !odd.is_empty() {
        items.extend(odd);
        let key = |v: &Value| crate::obj::str::as_wtf8(v).unwrap_or_default().to_vec();
        items.sort_by_key(key);
        items.dedup_by(|a, b| key(a) == key(b));
    }
    vm.new_list(items)
}

fn builtin_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    match args.first() {
        Some(&v) => {
            // An instance's own `__dir__` (not the type's, and not object's default).
            if !v.is_kind(ObjKind::Type) {
                let t = vm.type_of(v);
                if let Some(m) = t.lookup(Qstr::new("__dir__")).filter(|m| !m.is_kind(ObjKind::BuiltinFunction)) {
                    let r = vm.call_dunder(m, v, &[])?;
                    let items = vm.collect_iterable(r)?;
                    let l = vm.new_list(items)?;
                    // Sorting can run user `__lt__` (and collect).
                    vm.with_roots(&[l], |vm| crate::sort::list_sort(vm, l, &[]))?;
                    return Ok(l);
                }
            }
            dir_of(vm, v)
        }
        None => {
            let l = builtin_locals(vm, &[], &[])?;
            let keys: Vec<Value> = Gc::<DictObj>::from_value_unchecked(l).keys();
            let mut items: Vec<Value> = keys.into_iter().filter(|&k| is_str(k)).collect();
            // (By bytes: code point order, names with lone surrogates included.)
            items.sort_by(|a, b| crate::obj::str::as_wtf8(a).cmp(&crate::obj::str::as_wtf8(b)));
            vm.new_list(items)
        }
    }
}

fn builtin_vars(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    match args.first() {
        None => builtin_locals(vm, &[], &[]),
        Some(&v) => match vm.get_attr_opt(v, q::__dict__)? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

/// Source text for `compile`/`exec`/`eval`: a str, bytes, or a code object.
enum Source {
    Text(String),
    Code(Gc<CodeObj>),
}

fn source_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Source> {
    if let Some(c) = v.downcast::<CodeObj>() {
        return Ok(Source::Code(c));
    }
    // (Source is UTF-8, as in CPython: lone surrogates are `UnicodeEncodeError`.)
    if let Some(s) = crate::obj::str_surrogates::utf8(vm, &v)? {
        return Ok(Source::Text(s.to_owned()));
    }
    if let Ok(b) = vm.buffer_bytes(v) {
        return match String::from_utf8(b) {
            Ok(s) => Ok(Source::Text(s)),
            Err(_) => Err(vm.new_exception(ExcKind::UnicodeDecodeError, "invalid utf-8")),
        };
    }
    Err(vm.type_error(format!("{fname}() arg 1 must be a string, bytes or code object")))
}

fn builtin_compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let src = args.first().copied().or_else(|| kwarg(kw, "source"));
    let filename = args.get(1).copied().or_else(|| kwarg(kw, "filename"));
    let mode = args.get(2).copied().or_else(|| kwarg(kw, "mode"));
    let (Some(src), Some(filename), Some(mode)) = (src, filename, mode) else {
        return Err(vm.type_error("compile() missing required argument"));
    };
    let filename = vm.str_of(filename)?;
    let mode = match as_str(&mode) {
        Some("exec") => Mode::File,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    match source_arg(vm, src, "compile")? {
        Source::Code(c) => Ok(c.value()),
        Source::Text(s) => Ok(vm.compile(&s, &filename, mode)?.value()),
    }
}

fn exec_or_eval(vm: &mut Vm, args: &[Value], kw: &[Value], mode: Mode, fname: &str) -> R {
    let Some(&src) = args.first() else {
        return Err(vm.type_error(format!("{fname}() missing required argument")));
    };
    let globals_v = args.get(1).copied().or_else(|| kwarg(kw, "globals")).filter(|g| !g.is_none());
    let locals_v = args.get(2).copied().or_else(|| kwarg(kw, "locals")).filter(|g| !g.is_none());
    let (globals, default_locals) = match globals_v {
        Some(g) => match g.downcast::<DictObj>() {
            Some(d) => (d, Value::NULL),
            None => return Err(vm.type_error(format!("{fname}() globals must be a dict"))),
        },
        None => match vm.frames.last() {
            Some(f) => {
                let l = if !f.locals.is_null() {
                    f.locals
                } else if f.func.is_null() {
                    Value::NULL
                } else {
                    builtin_locals(vm, &[], &[])?
                };
                (vm.frames.last().map(|f| f.globals).unwrap_or(vm.builtins), l)
            }
            None => (vm.new_dict()?, Value::NULL),
        },
    };
    if globals.get_qstr(q::__builtins__).is_none() {
        let b = vm.builtins_module;
        globals.get_mut().set_qstr(q::__builtins__, b);
    }
    let locals = match locals_v {
        Some(l) if l.is_kind(ObjKind::Dict) => l,
        Some(_) => return Err(vm.type_error(format!("{fname}() locals must be a dict"))),
        None => default_locals,
    };
    let code = match source_arg(vm, src, fname)? {
        Source::Code(c) => c,
        Source::Text(s) => {
            let s = if mode == Mode::Eval { s.trim_start_matches([' ', '\t']).to_owned() } else { s };
            vm.compile(&s, "<string>", mode)?
        }
    };
    vm.temp_roots.push(code.value());
    let r = vm.run_code(code, globals, locals);
    vm.temp_roots.pop();
    let v = r?;
    Ok(if mode == Mode::Eval { v } else { Value::NONE })
}

fn builtin_exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    exec_or_eval(vm, args, kw, Mode::File, "exec")
}

fn builtin_eval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    exec_or_eval(vm, args, kw, Mode::Eval, "eval")
}

fn builtin_build_class(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    vm.build_class(args, kw)
}

fn builtin_import(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let name = match args.first() {
        Some(n) => crate::obj::str_surrogates::utf8(vm, n)?.map(Qstr::new),
        None => None,
    };
    let Some(name) = name else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let fromlist = args.get(3).copied().or_else(|| kwarg(kw, "fromlist")).unwrap_or(Value::NONE);
    let level = args.get(4).copied().or_else(|| kwarg(kw, "level")).unwrap_or(Value::small_int(0));
    let level_n = vm.to_index(level)?;
    if level_n < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if level_n == 0 && name == q::EMPTY {
        return Err(vm.value_error("Empty module name"));
    }
    // The importing module's globals matter (and must be a dict) only for a relative import.
    let given = args.get(1).copied().or_else(|| kwarg(kw, "globals")).filter(|g| !g.is_none());
    let globals = match given {
        Some(g) if level_n > 0 => match g.downcast::<DictObj>() {
            Some(d) => Some(d),
            None => return Err(vm.type_error("globals must be a dict")),
        },
        Some(g) => g.downcast::<DictObj>(),
        None => None,
    };
    let globals = match globals.or_else(|| vm.frames.last().map(|f| f.globals)) {
        Some(g) => g,
        None => vm.new_dict()?,
    };
    vm.import_name(name, fromlist, level, globals)
}

fn builtin_input(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    if let Some(&p) = args.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(s.as_bytes());
    }
    vm.flush_stdout();
    match crate::modules::sys::stdin_read_line() {
        Ok(line) if line.is_empty() => Err(vm.new_exception_empty(ExcKind::EOFError)),
        Ok(mut line) => {
            if line.ends_with(b"\n") {
                line.pop();
                if line.ends_with(b"\r") {
                    line.pop();
                }
            }
            crate::obj::str::decode_utf8(vm, &line, None)
        }
        Err(e) => Err(vm.new_exception(ExcKind::OSError, e.to_string())),
    }
}

// ---- constructors of core types ----

fn int_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    crate::class::check_kwnames(vm, kw, &["x", "base"], "int")?;
    let x = args.first().copied().or_else(|| kwarg(kw, "x"));
    let base = args.get(1).copied().or_else(|| kwarg(kw, "base"));
    let Some(x) = x else { return Ok(Value::small_int(0)) };
    if let Some(b) = base {
        let b = match vm.to_index(b) {
            Ok(b) => b,
            // A base too big for a machine word is a bad base, not an overflow.
            Err(e) if vm.exc_matches(e, ExcKind::OverflowError) => -1,
            Err(e) => return Err(e),
        };
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = match as_str(&x) {
            Some(s) => s.to_owned(),
            None if is_str(x) => return Err(not_a_number(vm, x, &format!("invalid literal for int() with base {b}"))),
            None => match vm.bytes_data(x) {
                Some(d) => String::from_utf8_lossy(&d).into_owned(),
                None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            },
        };
        return parse_int_value(vm, &text, b as u32);
    }
    match as_num(&x) {
        Some(Num::Int(i)) => return vm.new_int(i),
        Some(Num::Big(_)) => return Ok(x),
        Some(Num::Float(f)) => {
            return match crate::num::int::from_f64(f) {
                Ok(crate::num::IntValue::Small(i)) => vm.new_int(i),
                Ok(crate::num::IntValue::Big(b)) => vm.new_bigint(b),
                Err(e) => Err(vm.num_error(e, "")),
            }
        }
        None => {}
    }
    if let Some(s) = as_str(&x) {
        let s = s.to_owned();
        return parse_int_value(vm, &s, 10);
    }
    if is_str(x) {
        return Err(not_a_number(vm, x, "invalid literal for int() with base 10"));
    }
    if let Some(d) = vm.bytes_data(x) {
        let s = String::from_utf8_lossy(&d).into_owned();
        return parse_int_value(vm, &s, 10);
    }
    for name in [q::__int__, q::__index__] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            if as_num(&r).is_none() || r.is_float() {
                return Err(vm.type_error(format!("{name} returned non-int (type {})", vm.type_name(r))));
            }
            return Ok(r);
        }
    }
    if let Ok(d) = vm.buffer_bytes(x) {
        let s = String::from_utf8_lossy(&d).into_owned();
        return parse_int_value(vm, &s, 10);
    }
    if let Some(inst) = x.downcast::<InstanceObj>() {
        if !inst.base.is_null() {
            return int_new(vm, _cls, &[inst.base], &[]);
        }
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// `text` with decimal digits of other scripts (`'٣'`, `'３'`) made ASCII, as
/// `int()` and `float()` accept them; `None` when it is ASCII already.
fn ascii_digits(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match crate::obj::str_tables::decimal_value(c) {
                Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
                _ => c,
            })
            .collect(),
    )
}

/// `ValueError` "`what`: 'text'" for a str that can't be a number (one with
/// lone surrogates: no number has them).
fn not_a_number(vm: &mut Vm, x: Value, what: &str) -> crate::error::PyErr {
    match vm.repr(x) {
        Ok(r) => vm.value_error(format!("{what}: {r}")),
        Err(e) => e,
    }
}

pub fn parse_int_value(vm: &mut Vm, text: &str, base: u32) -> R {
    let ascii = ascii_digits(text);
    match crate::num::int::parse_int(ascii.as_deref().unwrap_or(text), base) {
        Ok(crate::num::IntValue::Small(i)) => vm.new_int(i),
        Ok(crate::num::IntValue::Big(b)) => vm.new_bigint(b),
        Err(e) => {
            let mut r = String::new();
            crate::repr::repr_str_into(text, &mut r);
            Err(vm.num_error(e, &r))
        }
    }
}

fn bool_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 0, 1, "bool")?;
    match args.first() {
        Some(&v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::FALSE),
    }
}

fn float_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 0, 1, "float")?;
    let Some(&x) = args.first() else { return Ok(Value::float(0.0)) };
    match as_num(&x) {
        Some(Num::Float(f)) => return Ok(Value::float(f)),
        Some(Num::Int(i)) => return Ok(Value::float(i as f64)),
        Some(Num::Big(b)) => {
            return match crate::num::int::bigint_to_f64(b) {
                Ok(f) => Ok(Value::float(f)),
                Err(e) => Err(vm.num_error(e, "")),
            }
        }
        None => {}
    }
    let text = match as_str(&x) {
        Some(s) => Some(s.to_owned()),
        None if is_str(x) => return Err(not_a_number(vm, x, "could not convert string to float")),
        None => vm.bytes_data(x).map(|d| String::from_utf8_lossy(&d).into_owned()),
    };
    if let Some(s) = text {
        let ascii = ascii_digits(&s);
        return match crate::num::float::parse_float(ascii.as_deref().unwrap_or(&s)) {
            Ok(f) => Ok(Value::float(f)),
            Err(e) => {
                let mut r = String::new();
                crate::repr::repr_str_into(&s, &mut r);
                Err(vm.num_error(e, &r))
            }
        };
    }
    for name in [q::__float__, q::__index__] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            if name == q::__index__ {
                return float_new(vm, _cls, &[r], &[]);
            }
            if r.is_float() {
                return Ok(r);
            }
            let float_t = vm.types.float;
            if vm.type_of(r).is_subtype(float_t) {
                return float_new(vm, _cls, &[r], &[]);
            }
            let (t, rt) = (vm.type_name(x).to_owned(), vm.type_name(r).to_owned());
            return Err(vm.type_error(format!("{t}.__float__ returned non-float (type {rt})")));
        }
    }
    if let Some(inst) = x.downcast::<InstanceObj>() {
        if !inst.base.is_null() {
            return float_new(vm, _cls, &[inst.base], &[]);
        }
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

fn str_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let obj = args.first().copied().or_else(|| kwarg(kw, "object"));
    let encoding = args.get(1).copied().or_else(|| kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or_else(|| kwarg(kw, "errors"));
    let Some(obj) = obj else { return Ok(Value::qstr(q::EMPTY)) };
    if encoding.is_some() || errors.is_some() {
        if let Ok(d) = vm.buffer_bytes(obj) {
            return crate::obj::str::decode_utf8(vm, &d, errors);
        }
        return Err(vm.type_error("decoding str is not supported"));
    }
    vm.str_value(obj)
}

fn list_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 0, 1, "list")?;
    let items = match args.first() {
        Some(&v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    vm.new_list(items)
}

fn tuple_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 0, 1, "tuple")?;
    match args.first() {
        Some(&v) if v.is_kind(ObjKind::Tuple) => Ok(v),
        Some(&v) => {
            let items = vm.collect_iterable(v)?;
            vm.new_tuple(items)
        }
        None => Ok(vm.types.empty_tuple),
    }
}

fn dict_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    nargs(vm, args, 0, 1, "dict")?;
    let d = vm.new_dict()?;
    // Storing can run user `__hash__`/`__eq__` (keys from `src`), which can collect.
    vm.with_roots(&[d.value()], |vm| {
        if let Some(&src) = args.first() {
            vm.dict_update(d, src, false)?;
        }
        for p in kw.chunks_exact(2) {
            vm.dict_set(d, p[0], p[1])?;
        }
        Ok(d.value())
    })
}

fn set_new_impl(vm: &mut Vm, args: &[Value], frozen: bool) -> R {
    nargs(vm, args, 0, 1, if frozen { "frozenset" } else { "set" })?;
    if frozen {
        if let Some(&v) = args.first() {
            if v.downcast::<SetObj>().is_some_and(SetObj::is_frozen) {
                return Ok(v);
            }
        }
    }
    let s = vm.new_set(frozen)?;
    if let Some(&src) = args.first() {
        vm.temp_roots.push(s.value());
        let r = vm.set_update(s, src);
        vm.temp_roots.pop();
        r?;
    }
    Ok(s.value())
}

fn set_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    set_new_impl(vm, args, false)
}

fn frozenset_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    set_new_impl(vm, args, true)
}

fn range_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    no_kw(vm, kw, "range")?;
    nargs(vm, args, 1, 3, "range")?;
    let mut nums = [0i64; 3];
    for (i, &a) in args.iter().enumerate() {
        // krait's ranges are bounded by the i64 range (sys.maxsize).
        nums[i] = match crate::ops::as_wide(a) {
            Some(x) => match i64::try_from(x) {
                Ok(x) => x,
                Err(_) => return Err(vm.overflow_error("range() arguments too large")),
            },
            None if as_num(&a).is_some_and(|n| matches!(n, Num::Big(_))) => {
                return Err(vm.overflow_error("range() arguments too large"))
            }
            None => vm.to_index(a)?,
        };
    }
    let (start, stop, step) = match args.len() {
        1 => (0, nums[0], 1),
        2 => (nums[0], nums[1], 1),
        _ => (nums[0], nums[1], nums[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.alloc(RangeObj { start, stop, step })?.value())
}

fn slice_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 1, 3, "slice")?;
    let (start, stop, step) = match args.len() {
        1 => (Value::NONE, args[0], Value::NONE),
        2 => (args[0], args[1], Value::NONE),
        _ => (args[0], args[1], args[2]),
    };
    Ok(vm.alloc(SliceObj { start, stop, step })?.value())
}

fn enumerate_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let src = args.first().copied().or_else(|| kwarg(kw, "iterable"));
    let Some(src) = src else { return Err(vm.type_error("enumerate() missing required argument 'iterable'")) };
    let start = args.get(1).copied().or_else(|| kwarg(kw, "start")).unwrap_or(Value::small_int(0));
    if as_num(&start).is_none() || start.is_float() {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(start))));
    }
    let it = vm.get_iter(src)?;
    Ok(vm.alloc(IterObj { state: IterState::Enumerate { it, count: start } })?.value())
}

fn zip_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let strict = match kwarg(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = Vec::with_capacity(args.len());
    for &a in args {
        let it = vm.get_iter(a)?;
        vm.temp_roots.push(it);
        its.push(it);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - its.len());
    Ok(vm.alloc(IterObj { state: IterState::Zip { its, strict } })?.value())
}

fn map_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        let it = vm.get_iter(a)?;
        vm.temp_roots.push(it);
        its.push(it);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - its.len());
    Ok(vm.alloc(IterObj { state: IterState::Map { func: args[0], its } })?.value())
}

fn filter_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 2, 2, "filter")?;
    let it = vm.get_iter(args[1])?;
    Ok(vm.alloc(IterObj { state: IterState::Filter { func: args[0], it } })?.value())
}

fn reversed_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 1, 1, "reversed")?;
    let seq = args[0];
    if let Some(r) = vm.call_special(seq, q::__reversed__, &[])? {
        return Ok(r);
    }
    if let Some(r) = seq.downcast::<RangeObj>() {
        // From the last item down to just before the first (clamped to the i64 range).
        let (start, step) = (r.item(r.len() - 1), -r.step);
        let stop = (r.start as i128 - r.step as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        let (start, stop) = if r.is_empty() { (0, 0) } else { (start, stop) };
        return Ok(vm.alloc(IterObj { state: IterState::Range { next: start, stop, step } })?.value());
    }
    // Dicts and their views iterate in insertion order: reverse a snapshot of it.
    let is_view = seq.downcast::<crate::obj::dictview::DictViewObj>().is_some();
    let seq = if seq.is_kind(ObjKind::Dict) || is_view { vm.to_tuple(seq)? } else { seq };
    if seq.is_kind(ObjKind::Set)
        || (!is_str(seq)
            && vm.type_of(seq).lookup(q::__getitem__).is_none()
            && !matches!(
                seq.kind(),
                Some(ObjKind::List | ObjKind::Tuple | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Range)
            ))
    {
        return Err(vm.type_error(format!("'{}' object isn't reversible", vm.type_name(seq))));
    }
    let n = vm.len(seq)?;
    Ok(vm.alloc(IterObj { state: IterState::Reversed { seq, index: n } })?.value())
}

/// `function(code, globals[, name[, argdefs[, closure]]])`.
fn function_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], _kw: &[Value]) -> R {
    nargs(vm, args, 2, 5, "function")?;
    let Some(code) = args[0].downcast::<CodeObj>() else {
        return Err(vm.type_error("function() argument 'code' must be code"));
    };
    let Some(globals) = args[1].downcast::<DictObj>() else {
        return Err(vm.type_error("function() argument 'globals' must be dict"));
    };
    let f = vm.make_function(code.value(), globals, Value::NULL, Value::NULL, Value::NULL)?;
    let fo = Gc::<FunctionObj>::from_value_unchecked(f);
    if let Some(n) = args.get(2).and_then(as_str) {
        fo.get_mut().name = Qstr::new(n);
    }
    if let Some(&d) = args.get(3) {
        if !d.is_none() {
            fo.get_mut().defaults = vm.to_tuple(d)?;
        }
    }
    if let Some(&c) = args.get(4) {
        if !c.is_none() {
            fo.get_mut().closure = vm.to_tuple(c)?;
        }
    }
    if !code.code.freevars.is_empty() && fo.closure.is_null() {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    Ok(f)
}

fn object_type_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    if !args.is_empty() || !kw.is_empty() {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let t = vm.types.object;
    vm.instantiate(t, &[], &[])
}

fn bytes_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let data = bytes_init_data(vm, args, kw, "bytes")?;
    vm.new_bytes(data)
}

fn bytearray_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> R {
    let data = bytes_init_data(vm, args, kw, "bytearray")?;
    vm.new_bytearray(data)
}

/// The initial contents for `bytes(...)` / `bytearray(...)`.
pub fn bytes_init_data(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let src = args.first().copied().or_else(|| kwarg(kw, "source"));
    let encoding = args.get(1).copied().or_else(|| kwarg(kw, "encoding"));
    let Some(src) = src else { return Ok(Vec::new()) };
    if is_str(src) {
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let s = crate::obj::str_surrogates::utf8(vm, &src)?.unwrap_or_default();
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(Num::Int(n)) = as_num(&src) {
        if src.is_float() {
            return Err(vm.type_error(format!("cannot convert 'float' object to {name}")));
        }
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n as u64 > (1 << 40) {
            return Err(vm.alloc_failed_bytes(n as usize));
        }
        vm.charge(n as usize)?;
        return Ok(vec![0u8; n as usize]);
    }
    if let Ok(d) = vm.buffer_bytes(src) {
        return Ok(d);
    }
    let items = vm.collect_iterable(src)?;
    // An item's `__index__` can collect: the items stay rooted meanwhile.
    vm.with_roots(&items, |vm| {
        let mut out = Vec::with_capacity(items.len());
        for &v in &items {
            let b = vm.to_index(v)?;
            if !(0..=255).contains(&b) {
                return Err(vm.value_error("bytes must be in range(0, 256)"));
            }
            out.push(b as u8);
        }
        Ok(out)
    })
}

/// Install builtins into `vm.builtins`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    crate::class::install(vm)?;
    // bool is an int.
    let (b, i, o) = (vm.types.bool_, vm.types.int, vm.types.object);
    b.get_mut().bases = vec![i];
    b.get_mut().mro = vec![b, i, o];
    let t = &vm.types;
    for ty in [
        t.object,
        t.type_,
        t.int,
        t.float,
        t.str_,
        t.bytes,
        t.bytearray,
        t.list,
        t.tuple,
        t.dict,
        t.set,
        t.frozenset,
        t.complex,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.property,
        t.classmethod,
        t.staticmethod,
    ] {
        ty.get_mut().flags |= crate::obj::type_::flags::BASETYPE;
    }
    let t = &vm.types;
    let news: [(Gc<TypeObj>, crate::obj::type_::MakeNewFn); 20] = [
        (t.function, function_new),
        (t.int, int_new),
        (t.bool_, bool_new),
        (t.float, float_new),
        (t.str_, str_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, range_new),
        (t.slice, slice_new),
        (t.enumerate, enumerate_new),
        (t.zip, zip_new),
        (t.map, map_new),
        (t.filter, filter_new),
        (t.reversed, reversed_new),
        (t.object, object_type_new),
        (t.bytes, bytes_new),
        (t.bytearray, bytearray_new),
    ];
    for (ty, f) in news {
        vm.set_make_new(ty, f);
        if ty != vm.types.object {
            ty.get_mut().native_base = Some(ty);
        }
    }
    crate::obj::install_methods(vm)?;
    crate::obj::memoryview::install(vm)?;

    let funcs: &[(&str, crate::obj::NativeFn)] = &[
        ("print", builtin_print),
        ("repr", sig!(builtin_repr, 1)),
        ("ascii", sig!(builtin_ascii, 1)),
        ("len", sig!(builtin_len, 1)),
        ("chr", sig!(builtin_chr, 1)),
        ("ord", sig!(builtin_ord, 1)),
        ("hex", sig!(builtin_hex, 1)),
        ("oct", sig!(builtin_oct, 1)),
        ("bin", sig!(builtin_bin, 1)),
        ("format", sig!(builtin_format, 1..=2)),
        ("abs", sig!(builtin_abs, 1)),
        ("divmod", sig!(builtin_divmod, 2)),
        ("pow", sig!(builtin_pow, 0..=3, kw)),
        ("round", sig!(builtin_round, 0..=2, kw)),
        ("hash", sig!(builtin_hash, 1)),
        ("id", sig!(builtin_id, 1)),
        ("callable", sig!(builtin_callable, 1)),
        ("getattr", sig!(builtin_getattr, 2..=3)),
        ("setattr", sig!(builtin_setattr, 3)),
        ("delattr", sig!(builtin_delattr, 2)),
        ("hasattr", sig!(builtin_hasattr, 2)),
        ("isinstance", sig!(builtin_isinstance, 2)),
        ("issubclass", sig!(builtin_issubclass, 2)),
        ("iter", sig!(builtin_iter, 1..=2)),
        ("next", sig!(builtin_next, 1..=2)),
        ("sorted", sig!(builtin_sorted, 1, kw)),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", sig!(builtin_sum, 1..=2, kw)),
        ("any", sig!(builtin_any, 1)),
        ("all", sig!(builtin_all, 1)),
        ("globals", sig!(builtin_globals, 0)),
        ("locals", sig!(builtin_locals, 0)),
        ("dir", sig!(builtin_dir, 0..=1)),
        ("vars", sig!(builtin_vars, 0..=1)),
        ("compile", builtin_compile),
        ("exec", builtin_exec),
        ("eval", builtin_eval),
        ("__build_class__", builtin_build_class),
        ("__import__", sig!(builtin_import, 1..=5, kw)),
        ("__template__", sig!(crate::obj::template::builtin_template, 1..)),
        ("input", sig!(builtin_input, 0..=1)),
        ("open", crate::modules::io::builtin_open),
    ];
    let builtins = vm.builtins;
    for &(name, f) in funcs {
        let v = vm.new_builtin_fn(name, f)?;
        builtins.get_mut().set_qstr(Qstr::new(name), v);
    }
    vm.builtin_import = builtins.get_qstr(q::__import__).unwrap_or(Value::NULL);
    for ty in vm.types.all() {
        if ty.name.as_str().starts_with(char::is_lowercase)
            && !matches!(
                ty.name.as_str(),
                "function"
                    | "builtin_function_or_method"
                    | "bound_method"
                    | "cell"
                    | "code"
                    | "module"
                    | "generator"
                    | "iterator"
                    | "ellipsis"
                    | "dict_keys"
                    | "dict_values"
                    | "dict_items"
            )
        {
            builtins.get_mut().set_qstr(ty.name, ty.value());
        }
    }
    for &k in crate::error::ExcKind::ALL {
        let t = vm.types.exc(k);
        builtins.get_mut().set_qstr(t.name, t.value());
    }
    // CPython's name for the recursion error is an alias of MicroPython's RuntimeError.
    let rt = vm.types.exc(ExcKind::RuntimeError).value();
    builtins.get_mut().set_qstr(Qstr::new("RecursionError"), rt);
    let eo = vm.types.exc(ExcKind::OSError).value();
    builtins.get_mut().set_qstr(Qstr::new("IOError"), eo);
    builtins.get_mut().set_qstr(Qstr::new("EnvironmentError"), eo);
    builtins.get_mut().set_qstr(Qstr::new("NotImplemented"), Value::NOT_IMPLEMENTED);
    builtins.get_mut().set_qstr(Qstr::new("Ellipsis"), Value::ELLIPSIS);
    builtins.get_mut().set_qstr(Qstr::new("__debug__"), Value::bool(vm.options.optimize == 0));
    let bm = vm.new_module("builtins")?;
    bm.get_mut().dict = builtins;
    builtins.get_mut().set_qstr(q::__name__, Value::qstr(Qstr::new("builtins")));
    vm.builtins_module = bm.value();
    Ok(())
}

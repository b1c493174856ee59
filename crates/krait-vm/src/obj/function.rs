//! Callables: Python functions, built-in (Rust) functions, and bound methods.

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{CodeObj, DictObj};
use crate::value::Value;
use crate::vm::Vm;

/// A function written in Rust: `(vm, positional args, keyword pairs)`.
/// `kw` is flat: `[name0, value0, name1, value1, ...]`, each name an interned str.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

/// Check a built-in's argument counts: `min..=max` positional arguments (a method's
/// `self` included, as MicroPython counts them; `usize::MAX` for no limit), and
/// keywords only if `takes_kw` (the function then checks their names itself; an
/// argument that may come by name doesn't count towards `min`). MicroPython's messages.
///
/// Inlined into every `sig!` wrapper, where `min`, `max` and `takes_kw` are
/// constants: the accepting path is a compare or two; the messages are out of line.
#[inline(always)]
pub fn check_args(vm: &mut Vm, args: &[Value], kw: &[Value], min: usize, max: usize, takes_kw: bool) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max && (takes_kw || kw.is_empty()) {
        return Ok(());
    }
    Err(bad_args(vm, n, kw, min, max, takes_kw))
}

#[cold]
#[inline(never)]
fn bad_args(vm: &mut Vm, n: usize, kw: &[Value], min: usize, max: usize, takes_kw: bool) -> crate::error::PyErr {
    if !kw.is_empty() && !takes_kw {
        vm.type_error("function doesn't take keyword arguments")
    } else if min == max {
        vm.type_error(format!("function takes {min} positional arguments but {n} were given"))
    } else if n < min {
        vm.type_error(format!("function missing {} required positional arguments", min - n))
    } else {
        vm.type_error(format!("function expected at most {max} arguments, got {n}"))
    }
}

/// A built-in with its argument counts declared where it is registered, checked
/// (by [`check_args`]) before it runs, so its body can index `args` freely:
///
/// - `sig!(f, 2)`: exactly two positional arguments (for a method, `self` and one);
/// - `sig!(f, 1..=3)`: one to three; `sig!(f, 1..)`: at least one;
/// - a trailing `, kw` when `f` accepts keyword arguments (it checks their names,
///   and the presence of those that may also come by position); without it a
///   keyword argument is a TypeError.
///
/// ```ignore
/// vm.add_methods(t, &[("append", sig!(append, 2)), ("sort", sig!(sort, 1, kw))])?;
/// ```
#[macro_export]
macro_rules! sig {
    (@wrap $f:path, $min:expr, $max:expr, $kw:expr) => {{
        fn checked(
            vm: &mut $crate::vm::Vm,
            args: &[$crate::value::Value],
            kw: &[$crate::value::Value],
        ) -> $crate::error::PyResult<$crate::value::Value> {
            $crate::obj::function::check_args(vm, args, kw, $min, $max, $kw)?;
            $f(vm, args, kw)
        }
        checked as $crate::obj::NativeFn
    }};
    (@kw) => { false };
    (@kw kw) => { true };
    ($f:path, $lo:literal ..= $hi:literal $(, $kw:ident)?) => {
        $crate::sig!(@wrap $f, $lo, $hi, $crate::sig!(@kw $($kw)?))
    };
    ($f:path, $lo:literal .. $(, $kw:ident)?) => {
        $crate::sig!(@wrap $f, $lo, usize::MAX, $crate::sig!(@kw $($kw)?))
    };
    ($f:path, $n:literal $(, $kw:ident)?) => {
        $crate::sig!(@wrap $f, $n, $n, $crate::sig!(@kw $($kw)?))
    };
}

pub struct FunctionObj {
    pub code: Gc<CodeObj>,
    pub globals: Gc<DictObj>,
    pub name: Qstr,
    pub qualname: Qstr,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Value,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Value,
    /// Tuple of cells for free variables, or NULL.
    pub closure: Value,
    /// Function attributes (`f.x = 1`), a dict or NULL until first set.
    pub dict: Value,
    /// Machine code for this function, once an emitter has compiled it (opaque to the VM).
    pub native_entry: usize,
}

impl PyObj for FunctionObj {
    const KIND: ObjKind = ObjKind::Function;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.code);
        t.mark_gc(self.globals);
        t.mark(self.defaults);
        t.mark(self.kwdefaults);
        t.mark(self.closure);
        t.mark(self.dict);
    }
}

pub struct BuiltinFunctionObj {
    pub name: Qstr,
    pub f: NativeFn,
    /// The receiver when bound (`[].append`), else NULL.
    pub bound_self: Value,
    /// For functions, their module's name; EMPTY for methods of built-in types,
    /// which bind `self` when found on a class.
    pub module: Qstr,
}

impl BuiltinFunctionObj {
    /// A method of a built-in type (binds `self`), not a free function.
    #[inline]
    pub fn is_method(&self) -> bool {
        self.module == krait_syntax::q::EMPTY && self.bound_self.is_null()
    }
}

impl PyObj for BuiltinFunctionObj {
    const KIND: ObjKind = ObjKind::BuiltinFunction;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.bound_self);
    }
}

pub struct BoundMethodObj {
    pub func: Value,
    pub self_: Value,
}

impl PyObj for BoundMethodObj {
    const KIND: ObjKind = ObjKind::BoundMethod;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark(self.self_);
    }
}

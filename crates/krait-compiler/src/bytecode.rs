//! The bytecode format: the contract between the compiler (which writes it), the
//! interpreter loop in `krait-vm` (which runs it) and the emitters in `krait-jit`
//! (which lower it to machine code).
//!
//! An instruction is one `u32` word: the low 8 bits are the [`Op`], the high 24
//! bits its argument (`arg`, unsigned unless the op says otherwise). Jump targets
//! are absolute word indices into [`Code::code`].
//!
//! The stack effect of every op is given as `[before] -> [after]`, top of stack on
//! the right. `NULL` is a VM-internal marker value that Python code never sees.
//!
//! Exceptions use a table, not setup/pop-block ops: when an exception is raised
//! while executing the instruction at `pc`, the VM finds the first entry of
//! [`Code::exc_table`] with `start <= pc < end`, truncates the value stack to
//! `depth` items, pushes the exception instance and jumps to `target`. The compiler
//! lists inner (nested) ranges before the ranges that enclose them. With no entry,
//! the exception leaves the frame (and a traceback entry for this frame's current
//! line is added).
//!
//! Conventions of the code the compiler emits (informative): a comprehension is
//! a nested function with one parameter, `.0`, called with the iterator of its
//! outermost iterable (`GetIter`/`GetAiter` already applied); an exception
//! handler starts with `PushExcInfo`, and its body is covered by a clean-up
//! entry whose target runs `RotTwo; PopExcept; Reraise`; `ReturnValue` always
//! executes with exactly the return value on the stack.

use std::fmt;
use std::rc::Rc;

use krait_syntax::Qstr;

macro_rules! ops {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A bytecode operation. See the module docs for encoding and conventions.
        #[repr(u8)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Op {
            $($(#[$doc])* $name,)*
        }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(Op::$name => stringify!($name),)*
                }
            }

            #[inline]
            pub fn from_u8(b: u8) -> Option<Op> {
                if (b as usize) < Op::ALL.len() {
                    Some(Op::ALL[b as usize])
                } else {
                    None
                }
            }
        }
    };
}

ops! {
    /// `[] -> []`
    Nop,

    // ---- constants and stack shuffling ----
    /// `[] -> [consts[arg]]`
    LoadConst,
    /// `[] -> [int]`: `arg` is a signed 24-bit integer (two's complement).
    LoadSmallInt,
    /// `[] -> [None]`
    LoadNone,
    /// `[] -> [True]`
    LoadTrue,
    /// `[] -> [False]`
    LoadFalse,
    /// `[] -> [NULL]`: the "no self" marker for `CallMethod`.
    LoadNull,
    /// `[a] -> []`
    PopTop,
    /// `[a] -> [a, a]`
    DupTop,
    /// `[a, b] -> [a, b, a, b]`
    DupTopTwo,
    /// `[a, b] -> [b, a]`
    RotTwo,
    /// `[a, b, c] -> [c, a, b]`
    RotThree,
    /// `[a, b, c, d] -> [d, a, b, c]`
    RotFour,

    // ---- variables ----
    /// `[] -> [locals[arg]]`; `UnboundLocalError` if unset.
    LoadFast,
    /// `[v] -> []`, `locals[arg] = v`
    StoreFast,
    /// `[] -> []`, unset `locals[arg]` (`UnboundLocalError` if already unset).
    DeleteFast,
    /// `[] -> [cells[arg].contents]`. Cells are numbered cellvars first, then
    /// freevars; `NameError`/`UnboundLocalError` if empty.
    LoadDeref,
    /// `[v] -> []`, `cells[arg].contents = v`
    StoreDeref,
    /// `[] -> []`, empty `cells[arg]`.
    DeleteDeref,
    /// `[] -> [cells[arg]]`: the cell object itself, to build a closure.
    LoadClosure,
    /// `[] -> [globals[names[arg]] or builtins[names[arg]]]`; `NameError` if neither.
    LoadGlobal,
    /// `[v] -> []`, `globals[names[arg]] = v`
    StoreGlobal,
    /// `[] -> []`, `del globals[names[arg]]`
    DeleteGlobal,
    /// Class bodies (and `exec` with separate locals): look in the frame's
    /// locals dict, then globals, then builtins. `[] -> [v]`
    LoadName,
    /// `[v] -> []`, `locals_dict[names[arg]] = v`
    StoreName,
    /// `[] -> []`, `del locals_dict[names[arg]]`
    DeleteName,

    // ---- attributes and subscripts ----
    /// `[obj] -> [obj.names[arg]]`
    LoadAttr,
    /// `[v, obj] -> []`, `obj.names[arg] = v`
    StoreAttr,
    /// `[obj] -> []`, `del obj.names[arg]`
    DeleteAttr,
    /// `[obj] -> [method, obj]` when `obj.names[arg]` is a plain function found on
    /// the type (no bound method is allocated), else `[obj.names[arg], NULL]`.
    LoadMethod,
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr,
    /// `[v, obj, key] -> []`, `obj[key] = v`
    StoreSubscr,
    /// `[obj, key] -> []`, `del obj[key]`
    DeleteSubscr,
    /// `[lower, upper] -> [slice]` when `arg == 2`; `[lower, upper, step] -> [slice]`
    /// when `arg == 3`.
    BuildSlice,

    // ---- operators: `[a] -> [op a]`, `[a, b] -> [a op b]` ----
    UnaryNeg,
    UnaryPos,
    UnaryInvert,
    UnaryNot,
    BinaryAdd,
    BinarySub,
    BinaryMul,
    BinaryMatMul,
    BinaryTrueDiv,
    BinaryFloorDiv,
    BinaryMod,
    BinaryPow,
    BinaryLShift,
    BinaryRShift,
    BinaryAnd,
    BinaryOr,
    BinaryXor,
    /// In-place forms try `__iadd__` etc. first, then fall back to the binary op.
    InplaceAdd,
    InplaceSub,
    InplaceMul,
    InplaceMatMul,
    InplaceTrueDiv,
    InplaceFloorDiv,
    InplaceMod,
    InplacePow,
    InplaceLShift,
    InplaceRShift,
    InplaceAnd,
    InplaceOr,
    InplaceXor,
    CompareLt,
    CompareLe,
    CompareEq,
    CompareNe,
    CompareGt,
    CompareGe,
    /// `[a, b] -> [a is b]`
    CompareIs,
    CompareIsNot,
    /// `[a, b] -> [a in b]`
    CompareIn,
    CompareNotIn,

    // ---- control flow ----
    /// `pc = arg` (forward)
    Jump,
    /// `pc = arg` (backward: a loop back-edge, and so a GC safepoint)
    JumpBack,
    /// `[v] -> []`; jump if `v` is falsy
    PopJumpIfFalse,
    /// `[v] -> []`; jump if `v` is truthy
    PopJumpIfTrue,
    /// `[v] -> [v]` and jump if falsy, else `[v] -> []`
    JumpIfFalseOrPop,
    /// `[v] -> [v]` and jump if truthy, else `[v] -> []`
    JumpIfTrueOrPop,
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[it] -> [it, next(it)]`, or when exhausted `[it] -> []` and jump to `arg`.
    ForIter,
    /// `[v] -> []`, return `v` from the frame.
    ReturnValue,

    // ---- building ----
    /// `[a0 .. a(n-1)] -> [(a0, .., a(n-1))]`, `n = arg`
    BuildTuple,
    /// `[a0 .. a(n-1)] -> [[a0, ..]]`
    BuildList,
    /// `[a0 .. a(n-1)] -> [{a0, ..}]`
    BuildSet,
    /// `[k0, v0, .. k(n-1), v(n-1)] -> [{k0: v0, ..}]`, `n = arg` pairs
    BuildMap,
    /// `[s0 .. s(n-1)] -> [s0 + .. + s(n-1)]`: concatenates `n` strs (f-strings).
    BuildString,
    /// `[list, x1 .. x(arg-1), v] -> [list, x1 .. x(arg-1)]`, `list.append(v)`:
    /// the list is `arg` slots below `v` (comprehensions).
    ListAppend,
    /// as `ListAppend`, for a set: `set.add(v)`
    SetAdd,
    /// `[dict, x.., k, v] -> [dict, x..]`, `dict[k] = v`; the dict is `arg` slots
    /// below `k`.
    MapAdd,
    /// `[list, x.., it] -> [list, x..]`, `list.extend(it)`; list `arg` slots below `it`.
    ListExtend,
    /// `[set, x.., it] -> [set, x..]`, `set.update(it)`
    SetUpdate,
    /// `[dict, x.., m] -> [dict, x..]`, `dict.update(m)` (for `{**m}`)
    DictUpdate,
    /// `[dict, x.., m] -> [dict, x..]`, as `DictUpdate` but a repeated key is a
    /// `TypeError` (for `f(**m)`)
    DictMerge,
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[seq] -> [x(n-1) .. x0]`: unpacks exactly `n = arg` items, first item on top.
    UnpackSequence,
    /// `[seq] -> [rest-after .., list-of-middle, .. before]`: `arg = before | after << 8`;
    /// pushes so that the first item ends on top (as `UnpackSequence`).
    UnpackEx,
    /// `[value] -> [str]`: `arg & 3` is the conversion (0 none, 1 `!s`, 2 `!r`,
    /// 3 `!a`); with `arg & 4` the format spec is below: `[value, spec] -> [str]`
    /// (the spec is pushed after the value).
    FormatValue,
    /// `[value, expression] -> [interpolation]`: a t-string field, as a
    /// `string.templatelib.Interpolation`. `arg & 3` is its conversion (as for
    /// `FormatValue`: 0 none, 1 `'s'`, 2 `'r'`, 3 `'a'`), which is recorded, not
    /// applied; with `arg & 4` its format spec (a str, already built) is on top:
    /// `[value, expression, spec] -> [interpolation]` (else the spec is `''`).
    /// `expression` is the field's source text, a str constant.
    BuildInterpolation,
    /// `[strings, i0 .. i(n-1)] -> [template]`, `n = arg`: a t-string, as a
    /// `string.templatelib.Template`. `strings` is a constant tuple of `n + 1`
    /// strs; `i0 ..` are `BuildInterpolation` results.
    BuildTemplate,

    // ---- calls and functions ----
    /// `[f, a0 .. a(p-1), k0, v0 .. k(n-1), v(n-1)] -> [f(...)]` with
    /// `arg = p | n << 12`: `p` positional args then `n` keyword pairs
    /// (each key an interned str constant).
    CallFunction,
    /// `[meth, self_or_NULL, args as CallFunction] -> [result]`: after `LoadMethod`.
    /// When the second slot is `NULL`, call `meth` without it.
    CallMethod,
    /// `[f, args_tuple] -> [f(*args)]` when `arg == 0`;
    /// `[f, args_tuple, kwargs_dict] -> [f(*args, **kwargs)]` when `arg & 1`.
    CallFunctionEx,
    /// `[defaults?, kwdefaults?, annotations?, closure?, code] -> [function]`:
    /// `arg & 1` a tuple of positional defaults, `arg & 2` a dict of keyword-only
    /// defaults, `arg & 4` the dict of parameter and return annotations (kept as
    /// the function's `__annotations__`), `arg & 8` a tuple of cells (from
    /// `LoadClosure`). The code is a `Const::Code`.
    MakeFunction,
    /// `[] -> [__build_class__]`; it is then called as
    /// `__build_class__(body_function, name, *bases, **keywords)`.
    LoadBuildClass,

    // ---- exceptions ----
    /// `arg == 0`: re-raise the exception being handled (`RuntimeError` if none);
    /// `arg == 1`: `[exc] -> raise exc`; `arg == 2`: `[exc, cause] -> raise exc from cause`.
    RaiseVarargs,
    /// `[exc] -> raise exc` again, keeping its traceback (end of a handler that
    /// did not match, or of a `finally` run for an exception).
    Reraise,
    /// On entry to a handler: `[exc] -> [prev, exc]`, where `prev` is the exception
    /// that was being handled before (or `None`); `exc` becomes the one being handled.
    PushExcInfo,
    /// `[prev] -> []`: the exception being handled goes back to `prev`.
    PopExcept,
    /// `[exc, type] -> [exc, isinstance(exc, type)]` (`type` may be a tuple).
    CheckExcMatch,
    /// `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[mgr] -> [exit, enter_result]`: `exit` is `mgr.__exit__` (bound), the result of
    /// `mgr.__enter__()` is pushed on top.
    BeforeWith,
    /// In a `with` handler: `[exit, prev, exc] -> [exit, prev, exc, res]` with
    /// `res = exit(type(exc), exc, traceback)`.
    WithExceptStart,

    // ---- generators and coroutines ----
    /// `[v] -> [sent]`: suspend the generator yielding `v`; resumes with the value
    /// sent in (`None` for `next()`), or raises the thrown exception here.
    YieldValue,
    /// `[obj] -> [iter]`: `iter(obj)`, except generators and coroutines pass as they are.
    GetYieldFromIter,
    /// `[iter, v] -> [result]`: delegate to `iter` (sending `v` first) until it
    /// returns; `result` is its return value. Suspends the frame on each yield.
    YieldFrom,
    /// `[obj] -> [awaitable iterator]` for `await obj`.
    GetAwaitable,
    /// `[obj] -> [obj.__aiter__()]`
    GetAiter,
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`. The compiler follows it
    /// with `GetAwaitable; LoadNone; YieldFrom` (so the pushed value is the plain
    /// result of `__anext__()`, and `GetAwaitable` turns it into the iterator to
    /// delegate to), covered by a handler that runs `EndAsyncFor`.
    GetAnext,
    /// In an `async for` handler: `[aiter, exc] -> []` if `exc` is
    /// `StopAsyncIteration`, else re-raise `exc`.
    EndAsyncFor,
    /// `[mgr] -> [aexit, awaitable of mgr.__aenter__()]`. As for `GetAnext`, the
    /// compiler follows it with `GetAwaitable; LoadNone; YieldFrom`; the exit call
    /// (`CallFunction 3` on the normal path, `WithExceptStart` in the handler) is
    /// awaited the same way.
    BeforeAsyncWith,

    // ---- modules ----
    /// `[level, fromlist] -> [module]`: `__import__(names[arg], globals, None, fromlist, level)`
    ImportName,
    /// `[module] -> [module, module.names[arg]]` (a submodule is imported if the
    /// attribute is missing); `ImportError` if absent.
    ImportFrom,
    /// `[module] -> []`: copy the module's public names into the current namespace.
    ImportStar,

    // ---- misc ----
    /// `[v] -> []`: the REPL's echo of an expression statement (prints `repr(v)`
    /// unless `None`).
    PrintExpr,
    /// `[] -> []`: CPython's SETUP_ANNOTATIONS: give the namespace (the locals
    /// dict of a class body or `exec`, else the globals) an empty
    /// `__annotations__` dict unless it has one. At the start of a class body
    /// with annotated assignments, and before each one at module level (a module
    /// is compiled a statement at a time). `x: T` then stores with
    /// `T; LoadName __annotations__; LoadConst 'x'; StoreSubscr`.
    SetupAnnotations,
}

/// Flags on a [`Code`].
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Takes `*args`: the tuple is the local after the named parameters.
    pub const VARARGS: u32 = 1;
    /// Takes `**kwargs`: the dict is the local after `*args` (or the named ones).
    pub const VARKEYWORDS: u32 = 2;
    /// Contains `yield`: calling it makes a generator. At most one of
    /// `GENERATOR`, `COROUTINE` and `ASYNC_GENERATOR` is set.
    pub const GENERATOR: u32 = 4;
    /// `async def` (or an async list/set/dict comprehension): calling it makes a coroutine.
    pub const COROUTINE: u32 = 8;
    /// An async generator (`async def` containing `yield`, or a generator
    /// expression with `async for`/`await`); `COROUTINE` is not also set.
    pub const ASYNC_GENERATOR: u32 = 16;
    /// A class body: names go through a dict (`LoadName`/`StoreName`). It returns
    /// `None`, or, when a method uses `__class__` or zero-argument `super()`, the
    /// `__class__` cell (`LoadClosure 0; ReturnValue`) for `__build_class__` to fill.
    pub const CLASS_BODY: u32 = 32;
    /// A module body.
    pub const MODULE: u32 = 64;
    /// Has free variables: the function object carries a closure tuple.
    pub const NESTED: u32 = 128;
    /// Decorated `@micropython.native` (or nested in such a function or class:
    /// as in MicroPython, nested definitions inherit the emitter).
    pub const NATIVE: u32 = 256;
    /// Decorated `@micropython.viper` (inherited likewise).
    pub const VIPER: u32 = 512;

    #[inline]
    pub fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }
}

/// A constant in a code object's pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// Decimal digits, optionally with a leading `-`.
    BigInt(Box<str>),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    /// A string; the VM interns it (it is usually a name or a short literal).
    Str(Box<str>),
    /// A str holding lone surrogates, as generalized UTF-8 (`krait_syntax::wtf8`);
    /// the VM makes it a heap str (never interned).
    SurrogateStr(Box<[u8]>),
    Bytes(Box<[u8]>),
    Tuple(Box<[Const]>),
    Code(Rc<Code>),
}

/// One entry of the exception table (see the module docs).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// Value-stack depth (above the frame's locals) to unwind to before pushing the exception.
    pub depth: u32,
}

/// A compiled function, class body or module.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// The function's name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: Qstr,
    /// The qualified name (`Outer.method`).
    pub qualname: Qstr,
    pub filename: Qstr,
    pub first_line: u32,
    pub flags: CodeFlags,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    /// How many of the first `argcount` are positional-only.
    pub posonlyargcount: u32,
    /// Keyword-only parameters (after the positional ones among the locals).
    pub kwonlyargcount: u32,
    /// Names of the local slots: parameters first (positional, keyword-only,
    /// `*args`, `**kwargs`), then other locals.
    pub varnames: Vec<Qstr>,
    /// Variables of this scope captured by inner scopes.
    pub cellvars: Vec<Qstr>,
    /// For each cellvar that is also a parameter, the parameter's local index
    /// (the VM moves the argument into the cell on entry), else `u32::MAX`.
    pub cell2arg: Vec<u32>,
    /// Variables captured from enclosing scopes (cells are `cellvars ++ freevars`).
    pub freevars: Vec<Qstr>,
    /// Names used by global, name, attribute and import ops.
    pub names: Vec<Qstr>,
    pub consts: Vec<Const>,
    pub code: Vec<u32>,
    /// Maximum value-stack depth (above the locals) reached.
    pub max_stack: u32,
    pub exc_table: Vec<ExcEntry>,
    /// `(first pc, line)` pairs sorted by pc: instructions from `pc` up to the next
    /// entry's pc belong to `line`.
    pub line_table: Vec<(u32, u32)>,
    /// Parameter and return annotations as source-level names (`int`, `ptr8`, ...),
    /// kept for the viper emitter; `(parameter name or "return", annotation)`.
    pub annotations: Vec<(Qstr, Qstr)>,
}

impl Code {
    /// Total local slots (parameters and other locals).
    #[inline]
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Total cells (cellvars then freevars).
    #[inline]
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The source line of the instruction at `pc`.
    pub fn line_for_pc(&self, pc: u32) -> u32 {
        match self.line_table.binary_search_by(|&(p, _)| p.cmp(&pc)) {
            Ok(i) => self.line_table[i].1,
            Err(0) => self.first_line,
            Err(i) => self.line_table[i - 1].1,
        }
    }
}

/// Encode an instruction word.
#[inline]
pub const fn encode(op: Op, arg: u32) -> u32 {
    (op as u32) | (arg << 8)
}

/// Decode an instruction word into its op byte and argument.
#[inline(always)]
pub const fn decode(word: u32) -> (u8, u32) {
    ((word & 0xff) as u8, word >> 8)
}

/// Largest argument an instruction can carry.
pub const MAX_ARG: u32 = (1 << 24) - 1;

/// Sign-extend a `LoadSmallInt` argument.
#[inline(always)]
pub const fn small_int_arg(arg: u32) -> i32 {
    ((arg << 8) as i32) >> 8
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let w = encode(Op::LoadFast, 1234);
        assert_eq!(decode(w), (Op::LoadFast as u8, 1234));
        assert_eq!(Op::from_u8(Op::LoadFast as u8), Some(Op::LoadFast));
        assert!(Op::ALL.len() < 256);
    }

    #[test]
    fn small_int_sign_extension() {
        let w = encode(Op::LoadSmallInt, (-5i32 as u32) & MAX_ARG);
        assert_eq!(small_int_arg(decode(w).1), -5);
        assert_eq!(small_int_arg(7), 7);
    }
}

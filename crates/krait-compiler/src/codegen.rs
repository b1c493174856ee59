//! Code generation: AST (plus the symbol table) to [`Code`].
//!
//! One [`Unit`] per code object being built (module, class body, function,
//! lambda, comprehension); nested definitions push a unit, compile, and pop it
//! into a `Const::Code` of the enclosing one.
//!
//! Jumps go to labels patched when the unit is finished. The value-stack depth is
//! tracked instruction by instruction with the documented stack effects
//! (`stack.rs`); a label remembers the depth the first jump to it had, which is
//! how `max_stack` stays exact across branches. Code that cannot be reached
//! (after a `return`, `raise`, `break`, an unconditional jump, or in a constant-false
//! `if`) is not emitted at all, but it is still compiled so that its errors are
//! reported.
//!
//! Exception handling follows the table scheme of `bytecode.rs`: every emitted
//! instruction is covered by the "current handler" (or none); the table is built
//! from the runs of instructions sharing one handler, so its entries never
//! overlap. `break`, `continue` and `return` leave `try`/`with`/`except`/`for`
//! blocks by emitting their clean-up inline (a `finally` body is compiled again at
//! each such exit, as CPython does).

use std::borrow::Cow;
use std::hash::Hasher;
use std::rc::Rc;

use krait_syntax::ast::{
    self, Arguments, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Constant, ExceptHandler, Expr, ExprKind,
    FunctionDef, Interpolation, Keyword, Loc, Stmt, StmtKind, UnaryOp, WithItem,
};
use krait_syntax::fxhash::{FxHashMap, FxHasher};
use krait_syntax::{q, Mode, Qstr, SyntaxError};

use crate::bytecode::{encode, Code, CodeFlags, Const, ExcEntry, Op, MAX_ARG};
use crate::fold::ConstValue;
use crate::stack;
use crate::symtable::{
    self, emitter_decorator, invalid_micropython_decorator, recycle_vec, too_deep, CompKind, ScopeId, ScopeKind,
    SuperSelf, SymScope, SymbolTable, MAX_NESTING, MODULE_SCOPE,
};

/// Compiler settings beyond the mode.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// `-O`: 1 drops `assert` statements and makes `__debug__` false.
    pub optimize: u8,
}

type R<T = ()> = Result<T, SyntaxError>;

fn err<T>(msg: impl Into<String>, loc: Loc) -> R<T> {
    Err(SyntaxError::new(msg, loc.line, loc.col))
}

/// A field's conversion as `FormatValue` and `BuildInterpolation` encode it.
fn conversion_arg(conversion: Option<char>, kind: &str, loc: Loc) -> R<u32> {
    match conversion {
        None => Ok(0),
        Some('s') => Ok(1),
        Some('r') => Ok(2),
        Some('a') => Ok(3),
        Some(c) => err(format!("{kind}: invalid conversion character '{c}'"), loc),
    }
}

pub fn compile(module: &ast::Module, filename: &str, mode: Mode) -> R<Rc<Code>> {
    compile_with(module, filename, mode, &CompileOptions::default())
}

pub fn compile_with(module: &ast::Module, filename: &str, mode: Mode, opts: &CompileOptions) -> R<Rc<Code>> {
    Compiler::new(filename, opts).module(module, mode)
}

/// Compiles a module (`Mode::File`) handed over one top-level statement at a
/// time, as [`krait_syntax::parser::StmtStream`] yields them: each statement
/// is analysed and compiled as it arrives and can be dropped right after, so
/// the tree of the whole module never has to exist. The code and the first
/// error are those [`compile_with`] gives for the whole module: the docstring
/// is skipped, `const()` names apply to the statements after them, and once
/// module-level code is unreachable (after a `raise`), the rest is kept and
/// compiled at the end, as dead code, the way `compile_with` does it.
pub struct ModuleCompiler {
    /// `None` once a statement failed to compile.
    c: Option<Compiler<'static>>,
    /// The first error.
    error: Option<SyntaxError>,
    /// Some statement was added (only the first may be the docstring).
    started: bool,
    /// The statements after module-level code became unreachable.
    dead: Vec<Stmt>,
}

impl ModuleCompiler {
    pub fn new(filename: &str, opts: &CompileOptions) -> ModuleCompiler {
        ModuleCompiler { c: Some(Compiler::new(filename, opts)), error: None, started: false, dead: Vec::new() }
    }

    /// Analyse and compile the next top-level statement. After an error
    /// (returned once), further statements are ignored.
    pub fn add(&mut self, s: Stmt) -> R {
        let Some(c) = self.c.take() else { return Ok(()) };
        let first = !self.started;
        self.started = true;
        if first && skip_docstring(std::slice::from_ref(&s)).is_empty() {
            // The docstring: not kept at run time.
            self.c = Some(c);
            return Ok(());
        }
        if !c.unit.reachable {
            self.dead.push(s);
            self.c = Some(c);
            return Ok(());
        }
        let mut c: Compiler<'_> = c;
        c.st.forget_nested();
        match c.module_stmt(&s) {
            Ok(()) => {
                self.c = Some(c.recycle());
                Ok(())
            }
            Err(e) => {
                self.error = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Finish the module's code (compiling any unreachable tail).
    pub fn finish(self) -> R<Rc<Code>> {
        let Some(c) = self.c else {
            return Err(self.error.unwrap_or_else(|| SyntaxError::new("internal compiler error", 1, 0)));
        };
        let mut c: Compiler<'_> = c;
        if !self.dead.is_empty() {
            c.st.forget_nested();
            c.dead_tail(&self.dead)?;
        }
        c.module_end()
    }
}

/// The largest small int `LoadSmallInt` carries (signed 24 bits).
const SMALL_INT_MIN: i128 = -(1 << 23);
const SMALL_INT_MAX: i128 = (1 << 23) - 1;

/// Positional and keyword counts in `CallFunction`'s argument are 12 bits each.
const MAX_CALL_COUNT: usize = 0xfff;

/// Displays longer than this are built incrementally, so the stack stays shallow.
const MAX_DISPLAY_ON_STACK: usize = 64;

const NO_HANDLER: u32 = u32::MAX;
const UNBOUND: u32 = u32::MAX;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
struct Label(u32);

#[derive(Copy, Clone)]
struct LabelInfo {
    pos: u32,
    depth: u32,
    /// Some emitted jump (or fall-through, or a used handler) arrives here.
    reached: bool,
}

#[derive(Copy, Clone)]
struct Handler {
    label: Label,
    depth: u32,
    /// Some instruction was emitted under it (else its code is unreachable).
    used: bool,
}

/// Blocks that `break`, `continue` and `return` must clean up when leaving them.
#[derive(Copy, Clone)]
enum FKind {
    While,
    /// The iterator is on the stack.
    For,
    AsyncFor,
    /// A `try` body with `except` clauses.
    TryExcept,
    /// A `try` body (or `try`/`except`) protected by a `finally` body: its
    /// index in `Compiler::finally_bodies`.
    Finally(u32),
    /// The `finally` body run for an exception: `[prev, exc]` on the stack.
    FinallyEnd,
    /// An `except` body: `[prev]` on the stack; the bound name to clear.
    HandlerCleanup(Option<Qstr>),
    /// A `with` body: `exit` on the stack.
    With,
    AsyncWith,
    /// A `finally` body run inline by `return`, with the return value below it.
    PopValue,
}

#[derive(Copy, Clone)]
struct FBlock {
    kind: FKind,
    /// The handler in force outside the block, used while leaving it.
    outer: u32,
    cont: Label,
    brk: Label,
}

const NO_CONST: u32 = u32::MAX;

/// The hash under which a pool constant is deduplicated (`1`, `1.0` and
/// `True` stay distinct, as do `0.0` and `-0.0`; see [`same_const`]).
fn const_hash(v: &ConstValue<'_>) -> u64 {
    let mut h = FxHasher::default();
    hash_const_into(v, &mut h);
    h.finish()
}

fn hash_const_into(v: &ConstValue<'_>, h: &mut FxHasher) {
    match v {
        ConstValue::None => h.write_u8(0),
        ConstValue::True => h.write_u8(1),
        ConstValue::False => h.write_u8(2),
        ConstValue::Ellipsis => h.write_u8(3),
        ConstValue::Int(i) => {
            h.write_u8(4);
            h.write_u64(*i as u64);
            h.write_u64((*i >> 64) as u64);
        }
        ConstValue::BigLit(d) => {
            h.write_u8(5);
            h.write(d.as_bytes());
        }
        ConstValue::Float(f) => {
            h.write_u8(6);
            h.write_u64(f.to_bits());
        }
        ConstValue::Imag(f) => {
            h.write_u8(7);
            h.write_u64(f.to_bits());
        }
        ConstValue::Str(s) => {
            h.write_u8(8);
            h.write(s.as_bytes());
            h.write_usize(s.len());
        }
        ConstValue::SurrogateStr(b) => {
            h.write_u8(11);
            h.write(b);
            h.write_usize(b.len());
        }
        ConstValue::Bytes(b) => {
            h.write_u8(9);
            h.write(b);
            h.write_usize(b.len());
        }
        ConstValue::Tuple(items) => {
            h.write_u8(10);
            h.write_usize(items.len());
            for it in items {
                hash_const_into(it, h);
            }
        }
    }
}

/// Whether pool constant `c` is `v.to_const()` of a value the same as `v` for
/// deduplication: same type and value, floats by their bits (so `0.0` and
/// `-0.0` differ), `1`, `1.0` and `True` distinct.
fn same_const(v: &ConstValue<'_>, c: &Const) -> bool {
    match (v, c) {
        (ConstValue::None, Const::None)
        | (ConstValue::True, Const::True)
        | (ConstValue::False, Const::False)
        | (ConstValue::Ellipsis, Const::Ellipsis) => true,
        (ConstValue::Int(i), Const::Int(x)) => *i == *x as i128,
        // An int beyond i64 is kept as its decimal digits; a `BigLit` never
        // fits in an i128, so the two never stand for the same key.
        (ConstValue::Int(i), Const::BigInt(d)) => d.parse::<i128>() == Ok(*i),
        (ConstValue::BigLit(a), Const::BigInt(d)) => **d == **a && d.parse::<i128>().is_err(),
        (ConstValue::Float(f), Const::Float(g)) => f.to_bits() == g.to_bits(),
        (ConstValue::Imag(f), Const::Complex { real, imag }) => {
            real.to_bits() == 0f64.to_bits() && f.to_bits() == imag.to_bits()
        }
        (ConstValue::Str(a), Const::Str(b)) => **a == **b,
        (ConstValue::SurrogateStr(a), Const::SurrogateStr(b)) => **a == **b,
        (ConstValue::Bytes(a), Const::Bytes(b)) => **a == **b,
        (ConstValue::Tuple(a), Const::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| same_const(x, y))
        }
        _ => false,
    }
}

/// One code object under construction.
struct Unit {
    scope: ScopeId,
    code: Vec<u32>,
    consts: Vec<Const>,
    /// Deduplication of `consts`: the last constant added with each hash
    /// ([`const_hash`]); `const_prev[i]` is the one before `i` with the same
    /// hash, or `NO_CONST` (one entry per constant, code objects included).
    const_map: FxHashMap<u64, u32>,
    const_prev: Vec<u32>,
    names: Vec<Qstr>,
    name_map: FxHashMap<Qstr, u32>,
    labels: Vec<LabelInfo>,
    /// Positions of jumps whose argument is still a label id.
    fixups: Vec<u32>,
    handlers: Vec<Handler>,
    cur_handler: u32,
    /// `(pc, handler)`: from `pc` on, instructions are covered by `handler`.
    runs: Vec<(u32, u32)>,
    depth: u32,
    max_depth: u32,
    reachable: bool,
    lines: Vec<(u32, u32)>,
    cur_line: u32,
    fblocks: Vec<FBlock>,
    first_line: u32,
    /// The REPL's top level: expression statements print their value.
    interactive: bool,
    /// Some argument exceeded `MAX_ARG`.
    overflow: bool,
}

impl Unit {
    fn new(scope: ScopeId, first_line: u32) -> Unit {
        Unit {
            scope,
            code: Vec::new(),
            consts: Vec::new(),
            const_map: FxHashMap::default(),
            const_prev: Vec::new(),
            names: Vec::new(),
            name_map: FxHashMap::default(),
            labels: Vec::new(),
            fixups: Vec::new(),
            handlers: Vec::new(),
            cur_handler: NO_HANDLER,
            runs: Vec::new(),
            depth: 0,
            max_depth: 0,
            reachable: true,
            lines: Vec::new(),
            cur_line: 0,
            fblocks: Vec::new(),
            first_line,
            interactive: false,
            overflow: false,
        }
    }
}

impl Unit {
    fn reset(&mut self, scope: ScopeId, first_line: u32) {
        self.scope = scope;
        self.code.clear();
        self.consts.clear();
        self.const_map.clear();
        self.const_prev.clear();
        self.names.clear();
        self.name_map.clear();
        self.labels.clear();
        self.fixups.clear();
        self.handlers.clear();
        self.cur_handler = NO_HANDLER;
        self.runs.clear();
        self.depth = 0;
        self.max_depth = 0;
        self.reachable = true;
        self.lines.clear();
        self.cur_line = 0;
        self.fblocks.clear();
        self.first_line = first_line;
        self.interactive = false;
        self.overflow = false;
    }
}

/// How a name is reached from the current scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Access {
    Fast(u32),
    Deref(u32),
    Global,
    Name,
}

enum Body<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

// Units are boxed so that pushing and popping one moves a pointer, not the
// whole (large) struct.
#[allow(clippy::vec_box)]
struct Compiler<'a> {
    st: SymbolTable<'a>,
    filename: Qstr,
    optimize: u8,
    unit: Box<Unit>,
    outer_units: Vec<Box<Unit>>,
    /// Finished units, kept for their allocations.
    spare_units: Vec<Box<Unit>>,
    /// The bodies of the `finally` blocks being compiled (`FKind::Finally`).
    finally_bodies: Vec<&'a [Stmt]>,
    /// Scratch stack for compiling left-nested `BinOp` chains without recursion.
    spine: Vec<&'a Expr>,
    depth: u32,
    q_debug: Qstr,
    q_star: Qstr,
    q_return: Qstr,
    /// `from __future__ import annotations` was compiled (PEP 563): annotations
    /// are kept as their source text, not evaluated.
    future_annotations: bool,
}

/// The source text of an annotation, as PEP 563 keeps it (`List[int]`,
/// `'Node'`, `int | None`); `false` for forms it does not cover.
fn unparse(e: &Expr, out: &mut String) -> bool {
    fn seq(items: &[Expr], out: &mut String) -> bool {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if !unparse(x, out) {
                return false;
            }
        }
        true
    }
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n.as_str()),
        ExprKind::Const(c) => match c {
            Constant::None => out.push_str("None"),
            Constant::True => out.push_str("True"),
            Constant::False => out.push_str("False"),
            Constant::Ellipsis => out.push_str("..."),
            Constant::Int(i) => out.push_str(&i.to_string()),
            Constant::BigInt(d) => out.push_str(d),
            Constant::Str(t) => crate::dis::py_str_repr(t, out),
            Constant::SurrogateStr(t) => crate::dis::py_wtf8_repr(t, out),
            _ => return false,
        },
        ExprKind::Attribute { value, attr } => {
            if !unparse(value, out) {
                return false;
            }
            out.push('.');
            out.push_str(attr.as_str());
        }
        ExprKind::Subscript { value, slice } => {
            if !unparse(value, out) {
                return false;
            }
            out.push('[');
            let ok = match &slice.kind {
                ExprKind::Tuple(items) if !items.is_empty() => seq(items, out),
                _ => unparse(slice, out),
            };
            if !ok {
                return false;
            }
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            out.push('(');
            if !seq(items, out) {
                return false;
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List(items) => {
            out.push('[');
            if !seq(items, out) {
                return false;
            }
            out.push(']');
        }
        ExprKind::BinOp { left, op: BinOp::BitOr, right } => {
            if !unparse(left, out) {
                return false;
            }
            out.push_str(" | ");
            if matches!(right.kind, ExprKind::BinOp { .. }) {
                return false;
            }
            if !unparse(right, out) {
                return false;
            }
        }
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } if matches!(operand.kind, ExprKind::Const(_)) => {
            out.push('-');
            return unparse(operand, out);
        }
        ExprKind::Call { func, args, keywords } if keywords.is_empty() => {
            if !unparse(func, out) {
                return false;
            }
            out.push('(');
            if !seq(args, out) {
                return false;
            }
            out.push(')');
        }
        _ => return false,
    }
    true
}

/// A module/class/function body without its docstring (not kept at run time).
fn skip_docstring(body: &[Stmt]) -> &[Stmt] {
    match body.first() {
        Some(Stmt {
            kind: StmtKind::Expr(Expr { kind: ExprKind::Const(Constant::Str(_) | Constant::SurrogateStr(_)), .. }),
            ..
        }) => &body[1..],
        _ => body,
    }
}

fn binary_op(op: BinOp) -> Op {
    match op {
        BinOp::Add => Op::BinaryAdd,
        BinOp::Sub => Op::BinarySub,
        BinOp::Mult => Op::BinaryMul,
        BinOp::MatMult => Op::BinaryMatMul,
        BinOp::Div => Op::BinaryTrueDiv,
        BinOp::Mod => Op::BinaryMod,
        BinOp::Pow => Op::BinaryPow,
        BinOp::LShift => Op::BinaryLShift,
        BinOp::RShift => Op::BinaryRShift,
        BinOp::BitOr => Op::BinaryOr,
        BinOp::BitXor => Op::BinaryXor,
        BinOp::BitAnd => Op::BinaryAnd,
        BinOp::FloorDiv => Op::BinaryFloorDiv,
    }
}

fn inplace_op(op: BinOp) -> Op {
    match op {
        BinOp::Add => Op::InplaceAdd,
        BinOp::Sub => Op::InplaceSub,
        BinOp::Mult => Op::InplaceMul,
        BinOp::MatMult => Op::InplaceMatMul,
        BinOp::Div => Op::InplaceTrueDiv,
        BinOp::Mod => Op::InplaceMod,
        BinOp::Pow => Op::InplacePow,
        BinOp::LShift => Op::InplaceLShift,
        BinOp::RShift => Op::InplaceRShift,
        BinOp::BitOr => Op::InplaceOr,
        BinOp::BitXor => Op::InplaceXor,
        BinOp::BitAnd => Op::InplaceAnd,
        BinOp::FloorDiv => Op::InplaceFloorDiv,
    }
}

fn compare_op(op: CmpOp) -> Op {
    match op {
        CmpOp::Eq => Op::CompareEq,
        CmpOp::NotEq => Op::CompareNe,
        CmpOp::Lt => Op::CompareLt,
        CmpOp::LtE => Op::CompareLe,
        CmpOp::Gt => Op::CompareGt,
        CmpOp::GtE => Op::CompareGe,
        CmpOp::Is => Op::CompareIs,
        CmpOp::IsNot => Op::CompareIsNot,
        CmpOp::In => Op::CompareIn,
        CmpOp::NotIn => Op::CompareNotIn,
    }
}

/// What an invalid assignment or deletion target is, for the error message.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Const(Constant::None) | ExprKind::Const(Constant::True) | ExprKind::Const(Constant::False) => {
            "keyword"
        }
        ExprKind::Const(Constant::Ellipsis) => "ellipsis",
        ExprKind::Const(_)
        | ExprKind::JoinedStr(_)
        | ExprKind::FormattedValue { .. }
        | ExprKind::TemplateStr { .. } => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        _ => "expression",
    }
}

/// An annotation the viper emitter can use: a plain name or a string.
fn annotation_name(e: &Expr) -> Option<Qstr> {
    match &e.kind {
        ExprKind::Name(n) => Some(*n),
        ExprKind::Const(Constant::Str(s)) => Some(Qstr::new(s)),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    fn new(filename: &str, opts: &CompileOptions) -> Compiler<'a> {
        Compiler {
            st: SymbolTable::new(opts.optimize),
            filename: Qstr::new(filename),
            optimize: opts.optimize,
            unit: Box::new(Unit::new(MODULE_SCOPE, 1)),
            outer_units: Vec::new(),
            spare_units: Vec::new(),
            finally_bodies: Vec::new(),
            spine: Vec::new(),
            depth: 0,
            q_debug: Qstr::new("__debug__"),
            q_star: Qstr::new("*"),
            q_return: Qstr::new("return"),
            future_annotations: false,
        }
    }

    /// The same compiler for statements of another lifetime, between two
    /// module-level statements (see [`ModuleCompiler`]).
    fn recycle<'b>(self) -> Compiler<'b> {
        Compiler {
            st: self.st.recycle(),
            filename: self.filename,
            optimize: self.optimize,
            unit: self.unit,
            outer_units: self.outer_units,
            spare_units: self.spare_units,
            finally_bodies: recycle_vec(self.finally_bodies),
            spine: recycle_vec(self.spine),
            depth: self.depth,
            q_debug: self.q_debug,
            q_star: self.q_star,
            q_return: self.q_return,
            future_annotations: self.future_annotations,
        }
    }

    // ---------------------------------------------------------------------
    // Emission primitives
    // ---------------------------------------------------------------------

    fn emit(&mut self, op: Op, arg: u32) {
        let u = &mut self.unit;
        if !u.reachable {
            return;
        }
        if arg > MAX_ARG {
            u.overflow = true;
        }
        let (pops, pushes) = stack::effect(op, arg, false);
        debug_assert!(u.depth >= pops, "stack underflow emitting {op:?} at depth {}", u.depth);
        if u.cur_handler != NO_HANDLER {
            let h = &mut u.handlers[u.cur_handler as usize];
            h.used = true;
            debug_assert!(u.depth >= h.depth, "{op:?} at depth {} under a handler of depth {}", u.depth, h.depth);
        }
        u.depth = u.depth.saturating_sub(pops) + pushes;
        u.max_depth = u.max_depth.max(u.depth);
        u.code.push(encode(op, arg & MAX_ARG));
        if stack::is_terminal(op) {
            u.reachable = false;
        }
    }

    fn new_label(&mut self) -> Label {
        let u = &mut self.unit;
        u.labels.push(LabelInfo { pos: UNBOUND, depth: 0, reached: false });
        Label(u.labels.len() as u32 - 1)
    }

    fn emit_jump(&mut self, op: Op, l: Label) {
        let u = &mut self.unit;
        if !u.reachable {
            return;
        }
        let (pops, pushes) = stack::effect(op, 0, true);
        let jump_depth = u.depth.saturating_sub(pops) + pushes;
        let info = &mut u.labels[l.0 as usize];
        if info.reached {
            debug_assert_eq!(info.depth, jump_depth, "stack depth mismatch at a jump to label {}", l.0);
        } else {
            info.reached = true;
            info.depth = jump_depth;
        }
        let pc = u.code.len() as u32;
        u.fixups.push(pc);
        self.emit(op, l.0);
    }

    /// An unconditional jump: `JumpBack` when the label is already bound.
    fn jump(&mut self, l: Label) {
        let op = if self.unit.labels[l.0 as usize].pos != UNBOUND { Op::JumpBack } else { Op::Jump };
        self.emit_jump(op, l);
    }

    fn bind(&mut self, l: Label) {
        let u = &mut self.unit;
        let info = &mut u.labels[l.0 as usize];
        info.pos = u.code.len() as u32;
        if info.reached {
            if u.reachable {
                debug_assert_eq!(u.depth, info.depth, "stack depth mismatch at label {}", l.0);
            } else {
                u.depth = info.depth;
                u.reachable = true;
            }
        } else if u.reachable {
            info.reached = true;
            info.depth = u.depth;
        }
    }

    /// A handler that unwinds the stack to `depth` and pushes the exception.
    fn new_handler(&mut self, depth: u32) -> u32 {
        let label = self.new_label();
        let u = &mut self.unit;
        u.handlers.push(Handler { label, depth, used: false });
        u.handlers.len() as u32 - 1
    }

    fn set_handler(&mut self, h: u32) {
        let u = &mut self.unit;
        if u.cur_handler == h {
            return;
        }
        u.cur_handler = h;
        let pc = u.code.len() as u32;
        if let Some(last) = u.runs.last_mut() {
            if last.0 == pc {
                last.1 = h;
                return;
            }
        }
        u.runs.push((pc, h));
    }

    fn bind_handler(&mut self, h: u32) {
        let hd = self.unit.handlers[h as usize];
        debug_assert!(!self.unit.reachable, "falling through into a handler");
        if hd.used {
            let info = &mut self.unit.labels[hd.label.0 as usize];
            info.reached = true;
            info.depth = hd.depth + 1;
        }
        self.bind(hd.label);
    }

    fn set_line(&mut self, line: u32) {
        let u = &mut self.unit;
        if line == u.cur_line || !u.reachable {
            return;
        }
        u.cur_line = line;
        let pc = u.code.len() as u32;
        if let Some(last) = u.lines.last_mut() {
            if last.0 == pc {
                last.1 = line;
                return;
            }
        }
        u.lines.push((pc, line));
    }

    fn nest(&mut self, loc: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING + 16 {
            return Err(too_deep(loc));
        }
        Ok(())
    }

    /// Compile code that can never run (for its errors only): nothing is
    /// emitted, and whatever it added to the pools is dropped again.
    fn dead(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let nconsts = self.unit.consts.len();
        let nnames = self.unit.names.len();
        let was = self.unit.reachable;
        self.unit.reachable = false;
        let r = f(self);
        self.unit.reachable = was;
        let u = &mut self.unit;
        if u.consts.len() > nconsts {
            u.consts.truncate(nconsts);
            // Entries for dropped constants fall back along their chain.
            let prev = &u.const_prev;
            u.const_map.retain(|_, i| {
                while *i != NO_CONST && *i as usize >= nconsts {
                    *i = prev.get(*i as usize).copied().unwrap_or(NO_CONST);
                }
                *i != NO_CONST
            });
            u.const_prev.truncate(nconsts);
        }
        if u.names.len() > nnames {
            u.names.truncate(nnames);
            u.name_map.retain(|_, i| (*i as usize) < nnames);
        }
        r
    }

    // ---------------------------------------------------------------------
    // Pools
    // ---------------------------------------------------------------------

    fn name(&mut self, n: Qstr) -> u32 {
        let u = &mut self.unit;
        if let Some(&i) = u.name_map.get(&n) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(n);
        u.name_map.insert(n, i);
        i
    }

    fn add_const(&mut self, v: &ConstValue<'a>) -> u32 {
        let h = const_hash(v);
        let u = &mut self.unit;
        let head = u.const_map.get(&h).copied().unwrap_or(NO_CONST);
        let mut j = head;
        while let Some(c) = u.consts.get(j as usize) {
            if same_const(v, c) {
                return j;
            }
            j = u.const_prev.get(j as usize).copied().unwrap_or(NO_CONST);
        }
        let i = u.consts.len() as u32;
        u.consts.push(v.to_const());
        u.const_prev.push(head);
        u.const_map.insert(h, i);
        i
    }

    fn add_code(&mut self, code: Rc<Code>) -> u32 {
        let u = &mut self.unit;
        u.consts.push(Const::Code(code));
        u.const_prev.push(NO_CONST);
        u.consts.len() as u32 - 1
    }

    fn load_const_value(&mut self, v: &ConstValue<'a>) {
        match v {
            ConstValue::None => self.emit(Op::LoadNone, 0),
            ConstValue::True => self.emit(Op::LoadTrue, 0),
            ConstValue::False => self.emit(Op::LoadFalse, 0),
            ConstValue::Int(i) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(i) => {
                self.emit(Op::LoadSmallInt, (*i as i32 as u32) & MAX_ARG)
            }
            _ => {
                let i = self.add_const(v);
                self.emit(Op::LoadConst, i);
            }
        }
    }

    fn load_str(&mut self, s: &'a str) {
        let i = self.add_const(&ConstValue::Str(Cow::Borrowed(s)));
        self.emit(Op::LoadConst, i);
    }

    fn load_qstr(&mut self, s: Qstr) {
        self.load_str(s.as_str());
    }

    /// The compile-time value of `e`, if it has one.
    fn const_value(&self, e: &'a Expr) -> Option<ConstValue<'a>> {
        match &e.kind {
            ExprKind::Const(c) => Some(ConstValue::from_literal(c)),
            _ => self.st.folded(e).cloned(),
        }
    }

    fn const_truth(&self, e: &'a Expr) -> Option<bool> {
        match &e.kind {
            ExprKind::Const(c) => Some(ConstValue::from_literal(c).is_truthy()),
            _ => self.st.folded(e).map(|v| v.is_truthy()),
        }
    }

    fn is_const(&self, e: &'a Expr) -> bool {
        matches!(e.kind, ExprKind::Const(_)) || self.st.folded(e).is_some()
    }

    // ---------------------------------------------------------------------
    // Names
    // ---------------------------------------------------------------------

    fn access(&self, name: Qstr) -> Access {
        let scope = self.st.scope(self.unit.scope);
        let sym = scope.symbol(name);
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => match sym.map(|s| (s.scope, s.index)) {
                Some((SymScope::GlobalExplicit, _)) => Access::Global,
                Some((SymScope::Free, i)) => Access::Deref(i),
                _ => Access::Name,
            },
            _ => match sym.map(|s| (s.scope, s.index)) {
                Some((SymScope::Local, i)) => Access::Fast(i),
                Some((SymScope::Cell | SymScope::Free, i)) => Access::Deref(i),
                _ => Access::Global,
            },
        }
    }

    fn load_name(&mut self, name: Qstr) {
        match self.access(name) {
            Access::Fast(i) => self.emit(Op::LoadFast, i),
            Access::Deref(i) => self.emit(Op::LoadDeref, i),
            Access::Global => {
                let i = self.name(name);
                self.emit(Op::LoadGlobal, i)
            }
            Access::Name => {
                let i = self.name(name);
                self.emit(Op::LoadName, i)
            }
        }
    }

    fn store_name(&mut self, name: Qstr) {
        match self.access(name) {
            Access::Fast(i) => self.emit(Op::StoreFast, i),
            Access::Deref(i) => self.emit(Op::StoreDeref, i),
            Access::Global => {
                let i = self.name(name);
                self.emit(Op::StoreGlobal, i)
            }
            Access::Name => {
                let i = self.name(name);
                self.emit(Op::StoreName, i)
            }
        }
    }

    fn delete_name(&mut self, name: Qstr) {
        match self.access(name) {
            Access::Fast(i) => self.emit(Op::DeleteFast, i),
            Access::Deref(i) => self.emit(Op::DeleteDeref, i),
            Access::Global => {
                let i = self.name(name);
                self.emit(Op::DeleteGlobal, i)
            }
            Access::Name => {
                let i = self.name(name);
                self.emit(Op::DeleteName, i)
            }
        }
    }

    /// The cell index, in the current scope, of a variable an inner scope captures.
    fn closure_index(&self, name: Qstr, loc: Loc) -> R<u32> {
        let scope = self.st.scope(self.unit.scope);
        if scope.kind == ScopeKind::Class && name == q::__class__ && scope.needs_class_cell {
            return Ok(0);
        }
        match scope.symbol(name) {
            Some(s)
                if matches!(s.scope, SymScope::Cell | SymScope::Free) || s.flags & symtable::flags::FREE_CLASS != 0 =>
            {
                Ok(s.index)
            }
            _ => err(format!("internal compiler error: no cell for '{name}'"), loc),
        }
    }

    // ---------------------------------------------------------------------
    // Units
    // ---------------------------------------------------------------------

    fn push_unit(&mut self, scope: ScopeId, first_line: u32) {
        let new = match self.spare_units.pop() {
            Some(mut u) => {
                u.reset(scope, first_line);
                u
            }
            None => Box::new(Unit::new(scope, first_line)),
        };
        let old = std::mem::replace(&mut self.unit, new);
        self.outer_units.push(old);
    }

    fn pop_unit(&mut self, annotations: Vec<(Qstr, Qstr)>) -> R<Rc<Code>> {
        let parent = self.outer_units.pop().expect("pop_unit without push_unit");
        let unit = std::mem::replace(&mut self.unit, parent);
        self.finish(unit, annotations)
    }

    /// Turn a finished unit into its code object (and keep the unit's buffers).
    fn finish(&mut self, mut u: Box<Unit>, annotations: Vec<(Qstr, Qstr)>) -> R<Rc<Code>> {
        let r = self.build_code(&mut u, annotations);
        self.spare_units.push(u);
        r
    }

    fn build_code(&self, u: &mut Unit, annotations: Vec<(Qstr, Qstr)>) -> R<Rc<Code>> {
        let scope = self.st.scope(u.scope);
        let limit = MAX_ARG as usize + 1;
        let too_many = if u.code.len() > MAX_ARG as usize {
            Some("code")
        } else if u.consts.len() > limit {
            Some("constants")
        } else if u.names.len() > limit {
            Some("names")
        } else if scope.varnames.len() > limit {
            Some("local variables")
        } else if scope.cellvars.len() + scope.freevars.len() > limit {
            Some("closure variables")
        } else if u.overflow {
            Some("values in one expression or statement")
        } else {
            None
        };
        if let Some(what) = too_many {
            return err(format!("too many {what} in '{}'", scope.name), scope.loc);
        }
        for &pc in &u.fixups {
            let word = u.code[pc as usize];
            let label = word >> 8;
            let pos = u.labels[label as usize].pos;
            if pos == UNBOUND {
                return err("internal compiler error: unbound label", scope.loc);
            }
            u.code[pc as usize] = (word & 0xff) | (pos << 8);
        }
        Self::thread_jumps(u);
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        for (i, &(start, h)) in u.runs.iter().enumerate() {
            let end = u.runs.get(i + 1).map_or(u.code.len() as u32, |r| r.0);
            if h == NO_HANDLER || start >= end {
                continue;
            }
            let hd = u.handlers[h as usize];
            let target = u.labels[hd.label.0 as usize].pos;
            if target == UNBOUND {
                return err("internal compiler error: unbound handler", scope.loc);
            }
            match exc_table.last_mut() {
                Some(last) if last.end == start && last.target == target && last.depth == hd.depth => last.end = end,
                _ => exc_table.push(ExcEntry { start, end, target, depth: hd.depth }),
            }
        }
        let mut flags = scope.emit;
        if scope.has_varargs {
            flags |= CodeFlags::VARARGS;
        }
        if scope.has_varkw {
            flags |= CodeFlags::VARKEYWORDS;
        }
        match scope.kind {
            ScopeKind::Module => flags |= CodeFlags::MODULE,
            ScopeKind::Class => flags |= CodeFlags::CLASS_BODY,
            ScopeKind::Function | ScopeKind::Lambda => {
                flags |= match (scope.is_async, scope.is_generator) {
                    (true, true) => CodeFlags::ASYNC_GENERATOR,
                    (true, false) => CodeFlags::COROUTINE,
                    (false, true) => CodeFlags::GENERATOR,
                    (false, false) => 0,
                }
            }
            ScopeKind::Comprehension => {
                flags |= match (scope.comp_kind == Some(CompKind::Gen), scope.is_async) {
                    (true, true) => CodeFlags::ASYNC_GENERATOR,
                    (true, false) => CodeFlags::GENERATOR,
                    (false, true) => CodeFlags::COROUTINE,
                    (false, false) => 0,
                }
            }
        }
        if !scope.freevars.is_empty() {
            flags |= CodeFlags::NESTED;
        }
        Ok(Rc::new(Code {
            name: scope.name,
            qualname: scope.qualname,
            filename: self.filename,
            first_line: u.first_line,
            flags: CodeFlags(flags),
            argcount: scope.argcount,
            posonlyargcount: scope.posonlyargcount,
            kwonlyargcount: scope.kwonlyargcount,
            varnames: scope.varnames.clone(),
            cellvars: scope.cellvars.clone(),
            cell2arg: scope.cell2arg.clone(),
            freevars: scope.freevars.clone(),
            names: u.names.to_vec(),
            consts: u.consts.drain(..).collect(),
            code: u.code.to_vec(),
            max_stack: u.max_depth,
            exc_table,
            line_table: u.lines.to_vec(),
            annotations,
        }))
    }

    /// A jump to an unconditional jump goes straight to the final target (the
    /// VM then takes one jump, not a chain). Direction is kept honest: an
    /// unconditional jump that ends up going backward becomes `JumpBack` (and so
    /// stays a safepoint), and a conditional one is only redirected forward.
    fn thread_jumps(u: &mut Unit) {
        let is_goto = |w: u32| w & 0xff == Op::Jump as u32 || w & 0xff == Op::JumpBack as u32;
        for &pc in &u.fixups {
            let word = u.code[pc as usize];
            let first = word >> 8;
            let mut target = first;
            for _ in 0..8 {
                let next = u.code[target as usize];
                if !is_goto(next) || next >> 8 == target {
                    break;
                }
                target = next >> 8;
            }
            if target == first {
                continue;
            }
            if is_goto(word) {
                let op = if target <= pc { Op::JumpBack } else { Op::Jump };
                u.code[pc as usize] = encode(op, target);
            } else if target > pc {
                u.code[pc as usize] = (word & 0xff) | (target << 8);
            }
        }
    }

    fn scope_id<T>(&self, node: &T, loc: Loc) -> R<ScopeId> {
        match self.st.scope_for(node) {
            Some(id) => Ok(id),
            None => err("internal compiler error: scope not found", loc),
        }
    }

    // ---------------------------------------------------------------------
    // Module
    // ---------------------------------------------------------------------

    fn module(&mut self, m: &'a ast::Module, mode: Mode) -> R<Rc<Code>> {
        match mode {
            Mode::Eval => {
                self.st.analyze(&m.body)?;
                let [Stmt { kind: StmtKind::Expr(e), loc }] = m.body.as_slice() else {
                    let loc = m.body.first().map_or(Loc { line: 1, col: 0 }, |s| s.loc);
                    return err("invalid syntax", loc);
                };
                self.set_line(loc.line);
                self.expr(e)?;
                self.emit(Op::ReturnValue, 0);
            }
            Mode::File | Mode::Single => {
                let body = if mode == Mode::Single {
                    self.unit.interactive = true;
                    &m.body[..]
                } else {
                    skip_docstring(&m.body)
                };
                // Analyse and compile one statement at a time (see `SymbolTable`).
                for (i, s) in body.iter().enumerate() {
                    self.st.forget_nested();
                    if !self.unit.reachable {
                        self.dead_tail(&body[i..])?;
                        break;
                    }
                    self.module_stmt(s)?;
                }
            }
        }
        self.module_end()
    }

    /// One module-level statement (`forget_nested` has been called).
    fn module_stmt(&mut self, s: &'a Stmt) -> R {
        self.st.analyze(std::slice::from_ref(s))?;
        self.stmt(s)
    }

    /// The module-level statements after code became unreachable: analysed
    /// together, then compiled for their errors only.
    fn dead_tail(&mut self, stmts: &'a [Stmt]) -> R {
        self.st.analyze(stmts)?;
        self.dead(|c| stmts.iter().try_for_each(|s| c.stmt(s)))
    }

    /// The module's code object, once its statements are compiled.
    fn module_end(&mut self) -> R<Rc<Code>> {
        if self.unit.reachable {
            self.emit(Op::LoadNone, 0);
            self.emit(Op::ReturnValue, 0);
        }
        let unit = std::mem::replace(&mut self.unit, Box::new(Unit::new(MODULE_SCOPE, 1)));
        self.finish(unit, Vec::new())
    }

    // ---------------------------------------------------------------------
    // Statements
    // ---------------------------------------------------------------------

    fn block(&mut self, stmts: &'a [Stmt]) -> R {
        for (i, s) in stmts.iter().enumerate() {
            if !self.unit.reachable {
                return self.dead(|c| stmts[i..].iter().try_for_each(|s| c.stmt(s)));
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        self.nest(s.loc)?;
        self.set_line(s.loc.line);
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.unit.interactive {
                    self.expr(e)?;
                    self.emit(Op::PrintExpr, 0);
                } else if !self.is_const(e) {
                    self.expr(e)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            StmtKind::Assign { targets, value } => {
                if self.st.is_skipped(s) {
                    return Ok(());
                }
                if targets.len() == 1 && self.assign_parallel(&targets[0], value)? {
                    return Ok(());
                }
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::DupTop, 0);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if !matches!(target.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                    return err(format!("illegal target for annotation: {}", describe(target)), target.loc);
                }
                if self.st.is_skipped(s) {
                    return Ok(());
                }
                self.ann_assign(target, annotation, value.as_ref(), *simple)?;
            }
            StmtKind::FunctionDef(f) => self.funcdef(f)?,
            StmtKind::ClassDef(c) => self.classdef(c)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.loc)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_stmt(s.loc)?,
            StmtKind::Continue => self.continue_stmt(s.loc)?,
            StmtKind::If { test, body, orelse } => match self.const_truth(test) {
                Some(true) => {
                    self.block(body)?;
                    self.dead(|c| c.block(orelse))?;
                }
                Some(false) => {
                    self.dead(|c| c.block(body))?;
                    self.block(orelse)?;
                }
                None => {
                    let else_l = self.new_label();
                    self.jump_if(test, false, else_l)?;
                    self.block(body)?;
                    if orelse.is_empty() {
                        self.bind(else_l);
                    } else {
                        let end = self.new_label();
                        self.jump(end);
                        self.bind(else_l);
                        self.block(orelse)?;
                        self.bind(end);
                    }
                }
            },
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.for_stmt(target, iter, body, orelse, *is_async)?
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With { items, body, is_async } => {
                if items.is_empty() {
                    return err("invalid syntax", s.loc);
                }
                self.with_stmt(items, body, *is_async, s.loc)?;
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, None) => self.emit(Op::RaiseVarargs, 0),
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Op::RaiseVarargs, 1);
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Op::RaiseVarargs, 2);
                }
                (None, Some(c)) => return err("invalid syntax", c.loc),
            },
            StmtKind::Assert { test, msg } => {
                if self.optimize > 0 || self.const_truth(test) == Some(true) {
                    return Ok(());
                }
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::CallFunction, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.set_line(a.loc.line);
                    self.emit(Op::LoadSmallInt, 0);
                    self.emit(Op::LoadNone, 0);
                    let i = self.name(a.name);
                    self.emit(Op::ImportName, i);
                    let full = a.name.as_str();
                    match a.asname {
                        None => {
                            let top = match full.find('.') {
                                Some(dot) => Qstr::new(&full[..dot]),
                                None => a.name,
                            };
                            self.store_name(top);
                        }
                        Some(asname) => {
                            // `__import__('a.b.c')` returns `a`; walk down to `a.b.c`.
                            for part in full.split('.').skip(1) {
                                let i = self.name(Qstr::new(part));
                                self.emit(Op::ImportFrom, i);
                                self.emit(Op::RotTwo, 0);
                                self.emit(Op::PopTop, 0);
                            }
                            self.store_name(asname);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                if *level > SMALL_INT_MAX as u32 {
                    return err("invalid syntax", s.loc);
                }
                if *level == 0
                    && module.is_some_and(|m| m.as_str() == "__future__")
                    && names.iter().any(|a| a.name.as_str() == "annotations")
                {
                    self.future_annotations = true;
                }
                self.emit(Op::LoadSmallInt, *level);
                let fromlist: Vec<ConstValue<'a>> =
                    names.iter().map(|a| ConstValue::Str(Cow::Borrowed(a.name.as_str()))).collect();
                let i = self.add_const(&ConstValue::Tuple(fromlist));
                self.emit(Op::LoadConst, i);
                let i = self.name(module.unwrap_or(q::EMPTY));
                self.emit(Op::ImportName, i);
                if names.len() == 1 && names[0].name == self.q_star {
                    self.emit(Op::ImportStar, 0);
                } else {
                    for a in names {
                        if a.name == self.q_star {
                            return err("invalid syntax", a.loc);
                        }
                        let i = self.name(a.name);
                        self.emit(Op::ImportFrom, i);
                        self.store_name(a.asname.unwrap_or(a.name))
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    /// `a, b = x, y` with no starred items: evaluate the right side onto the
    /// stack and store in place, without building a tuple.
    fn assign_parallel(&mut self, target: &'a Expr, value: &'a Expr) -> R<bool> {
        let (ExprKind::Tuple(targets) | ExprKind::List(targets)) = &target.kind else {
            return Ok(false);
        };
        let (ExprKind::Tuple(values) | ExprKind::List(values)) = &value.kind else {
            return Ok(false);
        };
        let n = targets.len();
        if !(2..=3).contains(&n)
            || values.len() != n
            || self.st.folded(value).is_some()
            || targets.iter().chain(values).any(|e| matches!(e.kind, ExprKind::Starred(_)))
        {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        if n == 3 {
            self.emit(Op::RotThree, 0);
        }
        self.emit(Op::RotTwo, 0);
        for t in targets {
            self.store(t)?;
        }
        Ok(true)
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(*n);
                self.expr(value)?;
                self.emit(inplace_op(op), 0);
                self.store_target_name(*n, target.loc)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::DupTop, 0);
                let i = self.name(*attr);
                self.emit(Op::LoadAttr, i);
                self.expr(value)?;
                self.emit(inplace_op(op), 0);
                self.emit(Op::RotTwo, 0);
                self.emit(Op::StoreAttr, i);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.subscript_key(slice)?;
                self.emit(Op::DupTopTwo, 0);
                self.emit(Op::BinarySubscr, 0);
                self.expr(value)?;
                self.emit(inplace_op(op), 0);
                self.emit(Op::RotThree, 0);
                self.emit(Op::StoreSubscr, 0);
            }
            _ => {
                return err(
                    format!("'{}' is an illegal expression for augmented assignment", describe(target)),
                    target.loc,
                )
            }
        }
        Ok(())
    }

    fn store_target_name(&mut self, n: Qstr, loc: Loc) -> R {
        if n == self.q_debug {
            return err("cannot assign to __debug__", loc);
        }
        self.store_name(n);
        Ok(())
    }

    /// Store the value on top of the stack into `t`.
    fn store(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.store_target_name(*n, t.loc)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name(*attr);
                self.emit(Op::StoreAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut star = None;
                for (i, e) in elts.iter().enumerate() {
                    if matches!(e.kind, ExprKind::Starred(_)) {
                        if star.is_some() {
                            return err("multiple starred expressions in assignment", e.loc);
                        }
                        star = Some(i);
                    }
                }
                match star {
                    None => self.emit(Op::UnpackSequence, elts.len() as u32),
                    Some(i) => {
                        let before = i as u32;
                        let after = (elts.len() - i - 1) as u32;
                        if before > 0xff || after > MAX_ARG >> 8 {
                            return err("too many expressions in star-unpacking assignment", t.loc);
                        }
                        self.emit(Op::UnpackEx, before | after << 8);
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => return err("starred assignment target must be in a list or tuple", t.loc),
            _ => return err(format!("cannot assign to {}", describe(t)), t.loc),
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(*n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name(*attr);
                self.emit(Op::DeleteAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => return err(format!("cannot delete {}", describe(t)), t.loc),
        }
        Ok(())
    }

    // ---- control flow ----

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let truth = self.const_truth(test);
        if truth == Some(false) {
            // Still a loop for the `break`s and `continue`s in the dead body.
            let (head, brk) = (self.new_label(), self.new_label());
            let outer = self.unit.cur_handler;
            self.unit.fblocks.push(FBlock { kind: FKind::While, outer, cont: head, brk });
            let r = self.dead(|c| c.block(body));
            self.unit.fblocks.pop();
            r?;
            return self.block(orelse);
        }
        let head = self.new_label();
        let exit = self.new_label();
        let brk = self.new_label();
        self.bind(head);
        if truth.is_none() {
            self.jump_if(test, false, exit)?;
        }
        let outer = self.unit.cur_handler;
        self.unit.fblocks.push(FBlock { kind: FKind::While, outer, cont: head, brk });
        self.block(body)?;
        self.unit.fblocks.pop();
        self.jump(head);
        self.bind(exit);
        self.block(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        is_async: bool,
    ) -> R {
        self.expr(iter)?;
        let head = self.new_label();
        let exit = self.new_label();
        let brk = self.new_label();
        let outer = self.unit.cur_handler;
        if is_async {
            self.emit(Op::GetAiter, 0);
            self.bind(head);
            let h = self.new_handler(self.unit.depth);
            self.set_handler(h);
            self.emit(Op::GetAnext, 0);
            self.await_tos();
            self.set_handler(outer);
            self.store(target)?;
            self.unit.fblocks.push(FBlock { kind: FKind::AsyncFor, outer, cont: head, brk });
            self.block(body)?;
            self.unit.fblocks.pop();
            self.jump(head);
            self.bind_handler(h);
            self.emit(Op::EndAsyncFor, 0);
        } else {
            self.emit(Op::GetIter, 0);
            self.bind(head);
            self.emit_jump(Op::ForIter, exit);
            self.store(target)?;
            self.unit.fblocks.push(FBlock { kind: FKind::For, outer, cont: head, brk });
            self.block(body)?;
            self.unit.fblocks.pop();
            self.jump(head);
            self.bind(exit);
        }
        self.block(orelse)?;
        self.bind(brk);
        Ok(())
    }

    /// `[awaitable] -> [result]`
    fn await_tos(&mut self) {
        self.emit(Op::GetAwaitable, 0);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::YieldFrom, 0);
    }

    fn innermost_loop(&self) -> Option<usize> {
        self.unit.fblocks.iter().rposition(|b| matches!(b.kind, FKind::While | FKind::For | FKind::AsyncFor))
    }

    fn break_stmt(&mut self, loc: Loc) -> R {
        let Some(li) = self.innermost_loop() else {
            return err("'break' outside loop", loc);
        };
        let saved = self.unit.cur_handler;
        for i in (li + 1..self.unit.fblocks.len()).rev() {
            self.unwind(i, false)?;
        }
        let lb = self.unit.fblocks[li];
        self.set_handler(lb.outer);
        if matches!(lb.kind, FKind::For | FKind::AsyncFor) {
            self.emit(Op::PopTop, 0);
        }
        self.jump(lb.brk);
        self.set_handler(saved);
        Ok(())
    }

    fn continue_stmt(&mut self, loc: Loc) -> R {
        let Some(li) = self.innermost_loop() else {
            return err("'continue' not properly in loop", loc);
        };
        let saved = self.unit.cur_handler;
        for i in (li + 1..self.unit.fblocks.len()).rev() {
            self.unwind(i, false)?;
        }
        let lb = self.unit.fblocks[li];
        self.set_handler(lb.outer);
        self.jump(lb.cont);
        self.set_handler(saved);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, loc: Loc) -> R {
        let scope = self.st.scope(self.unit.scope);
        if !scope.is_function_like() {
            return err("'return' outside function", loc);
        }
        if value.is_some() && scope.is_async && scope.is_generator {
            return err("'return' with value in async generator", loc);
        }
        let saved = self.unit.cur_handler;
        let n = self.unit.fblocks.len();
        match value {
            Some(v) if !self.is_const(v) => {
                self.expr(v)?;
                for i in (0..n).rev() {
                    self.unwind(i, true)?;
                }
            }
            _ => {
                for i in (0..n).rev() {
                    self.unwind(i, false)?;
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Op::LoadNone, 0),
                }
            }
        }
        self.emit(Op::ReturnValue, 0);
        self.set_handler(saved);
        Ok(())
    }

    /// Emit the clean-up for leaving block `i` early. With `preserve`, a return
    /// value on top of the stack is kept there.
    fn unwind(&mut self, i: usize, preserve: bool) -> R {
        let fb = self.unit.fblocks[i];
        self.set_handler(fb.outer);
        match fb.kind {
            FKind::While | FKind::TryExcept => {}
            FKind::For | FKind::AsyncFor => {
                if preserve {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopTop, 0);
            }
            FKind::Finally(fi) => {
                let body = self.finally_bodies.get(fi as usize).copied().unwrap_or(&[]);
                // The finally body runs outside its own block (a `return` in it
                // must not run it again), above the value being returned.
                let inner: Vec<FBlock> = self.unit.fblocks.drain(i..).collect();
                if preserve {
                    let (outer, cont, brk) = (fb.outer, fb.cont, fb.brk);
                    self.unit.fblocks.push(FBlock { kind: FKind::PopValue, outer, cont, brk });
                }
                let r = self.block(body);
                if preserve {
                    self.unit.fblocks.pop();
                }
                self.unit.fblocks.extend(inner);
                r?;
            }
            FKind::PopValue => {
                if preserve {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopTop, 0);
            }
            FKind::FinallyEnd => {
                if preserve {
                    self.emit(Op::RotTwo, 0);
                    self.emit(Op::PopTop, 0);
                    self.emit(Op::RotTwo, 0);
                } else {
                    self.emit(Op::PopTop, 0);
                }
                self.emit(Op::PopExcept, 0);
            }
            FKind::HandlerCleanup(name) => {
                if preserve {
                    self.emit(Op::RotTwo, 0);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.emit(Op::LoadNone, 0);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            FKind::With | FKind::AsyncWith => {
                if preserve {
                    self.emit(Op::RotTwo, 0);
                }
                self.call_exit_none(matches!(fb.kind, FKind::AsyncWith));
            }
        }
        Ok(())
    }

    /// `[exit] -> []`: `exit(None, None, None)`, awaited for `async with`.
    fn call_exit_none(&mut self, is_async: bool) {
        self.emit(Op::LoadNone, 0);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::LoadNone, 0);
        self.emit(Op::CallFunction, 3);
        if is_async {
            self.await_tos();
        }
        self.emit(Op::PopTop, 0);
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> R {
        if handlers.is_empty() {
            self.block(body)?;
            return self.block(orelse);
        }
        let outer = self.unit.cur_handler;
        let depth = self.unit.depth;
        let h = self.new_handler(depth);
        self.set_handler(h);
        self.unit.fblocks.push(FBlock { kind: FKind::TryExcept, outer, cont: Label(0), brk: Label(0) });
        self.block(body)?;
        self.unit.fblocks.pop();
        self.set_handler(outer);
        self.block(orelse)?;
        let end = self.new_label();
        self.jump(end);

        // [exc] -> [prev, exc]; the rest is covered by the clean-up `hc`, which
        // restores `prev` as the exception being handled before re-raising.
        self.bind_handler(h);
        let hc = self.new_handler(depth + 1);
        self.set_handler(hc);
        self.emit(Op::PushExcInfo, 0);
        for (i, hd) in handlers.iter().enumerate() {
            self.set_line(hd.loc.line);
            let next = self.new_label();
            match &hd.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch, 0);
                    self.emit_jump(Op::PopJumpIfFalse, next);
                }
                None if i + 1 != handlers.len() => return err("default 'except' must be last", hd.loc),
                None => {}
            }
            match hd.name {
                Some(n) => {
                    self.store_target_name(n, hd.loc)?;
                    // An exception leaving the body must still clear the name.
                    let hn = self.new_handler(depth + 1);
                    self.set_handler(hn);
                    self.unit.fblocks.push(FBlock {
                        kind: FKind::HandlerCleanup(Some(n)),
                        outer,
                        cont: Label(0),
                        brk: Label(0),
                    });
                    self.block(&hd.body)?;
                    self.unit.fblocks.pop();
                    self.set_handler(outer);
                    self.emit(Op::PopExcept, 0);
                    self.emit(Op::LoadNone, 0);
                    self.store_name(n);
                    self.delete_name(n);
                    self.jump(end);
                    self.bind_handler(hn);
                    self.set_handler(hc);
                    self.emit(Op::LoadNone, 0);
                    self.store_name(n);
                    self.delete_name(n);
                    self.emit(Op::Reraise, 0);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.unit.fblocks.push(FBlock {
                        kind: FKind::HandlerCleanup(None),
                        outer,
                        cont: Label(0),
                        brk: Label(0),
                    });
                    self.block(&hd.body)?;
                    self.unit.fblocks.pop();
                    self.set_handler(outer);
                    self.emit(Op::PopExcept, 0);
                    self.jump(end);
                }
            }
            self.set_handler(hc);
            self.bind(next);
        }
        // No clause matched.
        self.emit(Op::Reraise, 0);
        self.bind_handler(hc);
        self.set_handler(outer);
        self.emit(Op::RotTwo, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> R {
        let outer = self.unit.cur_handler;
        let depth = self.unit.depth;
        let h = self.new_handler(depth);
        self.set_handler(h);
        let fi = self.finally_bodies.len() as u32;
        self.finally_bodies.push(finalbody);
        self.unit.fblocks.push(FBlock { kind: FKind::Finally(fi), outer, cont: Label(0), brk: Label(0) });
        self.try_except(body, handlers, orelse)?;
        self.unit.fblocks.pop();
        self.finally_bodies.pop();
        self.set_handler(outer);
        self.block(finalbody)?;
        let end = self.new_label();
        self.jump(end);

        self.bind_handler(h);
        let hc = self.new_handler(depth + 1);
        self.set_handler(hc);
        self.emit(Op::PushExcInfo, 0);
        self.unit.fblocks.push(FBlock { kind: FKind::FinallyEnd, outer, cont: Label(0), brk: Label(0) });
        self.block(finalbody)?;
        self.unit.fblocks.pop();
        self.emit(Op::Reraise, 0);
        self.bind_handler(hc);
        self.set_handler(outer);
        self.emit(Op::RotTwo, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, loc: Loc) -> R {
        let item = &items[0];
        let depth = self.unit.depth;
        self.expr(&item.context_expr)?;
        self.set_line(loc.line);
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.await_tos();
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        // [exit, enter_result]
        let outer = self.unit.cur_handler;
        let h = self.new_handler(depth + 1);
        self.set_handler(h);
        let kind = if is_async { FKind::AsyncWith } else { FKind::With };
        self.unit.fblocks.push(FBlock { kind, outer, cont: Label(0), brk: Label(0) });
        match &item.optional_vars {
            Some(t) => self.store(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        if items.len() > 1 {
            self.with_stmt(&items[1..], body, is_async, loc)?;
        } else {
            self.block(body)?;
        }
        self.unit.fblocks.pop();
        self.set_handler(outer);
        self.set_line(loc.line);
        self.call_exit_none(is_async);
        let end = self.new_label();
        self.jump(end);

        // [exit, exc] -> [exit, prev, exc]
        self.bind_handler(h);
        let hc = self.new_handler(depth + 2);
        self.set_handler(hc);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.await_tos();
        }
        let suppress = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 0);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.set_handler(outer);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.jump(end);
        self.bind_handler(hc);
        self.emit(Op::RotTwo, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(end);
        Ok(())
    }

    /// Jump to `target` when the truth of `e` equals `cond`; fall through otherwise.
    fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> R {
        if let Some(t) = self.const_truth(e) {
            if t == cond {
                self.jump(target);
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_and = *op == BoolOp::And;
                let n = values.len();
                if is_and != cond {
                    // `and` jumping when false / `or` jumping when true: any operand decides.
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !cond, skip)?;
                        } else {
                            self.jump_if(v, cond, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
        Ok(())
    }

    // ---- definitions ----

    /// Push positional defaults and keyword-only defaults; returns the
    /// `MakeFunction` flags for them.
    fn defaults(&mut self, args: &'a Arguments) -> R<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            let consts: Option<Vec<ConstValue<'a>>> = args.defaults.iter().map(|d| self.const_value(d)).collect();
            match consts {
                Some(vals) => {
                    let i = self.add_const(&ConstValue::Tuple(vals));
                    self.emit(Op::LoadConst, i);
                }
                None => {
                    for d in &args.defaults {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple, args.defaults.len() as u32);
                }
            }
            flags |= 1;
        }
        let mut nkw = 0;
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                self.load_qstr(a.name);
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap, nkw);
            flags |= 2;
        }
        Ok(flags)
    }

    /// `[extras per flags] -> [function]`, adding the closure when the code has free variables.
    fn make_function(&mut self, code: Rc<Code>, mut flags: u32, loc: Loc) -> R {
        if !code.freevars.is_empty() {
            for &name in &code.freevars {
                let i = self.closure_index(name, loc)?;
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= 8;
        }
        let i = self.add_code(code);
        self.emit(Op::LoadConst, i);
        self.emit(Op::MakeFunction, flags);
        Ok(())
    }

    fn function_code(
        &mut self,
        sid: ScopeId,
        body: Body<'a>,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> R<Rc<Code>> {
        let loc = self.st.scope(sid).loc;
        self.push_unit(sid, loc.line);
        self.set_line(loc.line);
        match body {
            Body::Stmts(stmts) => {
                self.block(skip_docstring(stmts))?;
                if self.unit.reachable {
                    self.emit(Op::LoadNone, 0);
                    self.emit(Op::ReturnValue, 0);
                }
            }
            Body::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::ReturnValue, 0);
            }
        }
        let mut annotations = Vec::new();
        let all =
            args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
        for a in all {
            if let Some(q) = a.annotation.as_ref().and_then(annotation_name) {
                annotations.push((a.name, q));
            }
        }
        if let Some(q) = returns.and_then(annotation_name) {
            annotations.push((self.q_return, q));
        }
        self.pop_unit(annotations)
    }

    fn funcdef(&mut self, f: &'a FunctionDef) -> R {
        let sid = self.scope_id(f, f.loc)?;
        let mut ndecorators = 0;
        for d in &f.decorators {
            if invalid_micropython_decorator(d) {
                return err("invalid micropython decorator", d.loc);
            }
            if emitter_decorator(d).is_none() {
                self.set_line(d.loc.line);
                self.expr(d)?;
                ndecorators += 1;
            }
        }
        self.set_line(f.loc.line);
        let mut flags = self.defaults(&f.args)?;
        if self.st.scope(sid).emit == 0 {
            flags |= self.param_annotations(&f.args, f.returns.as_ref())?;
        }
        let code = self.function_code(sid, Body::Stmts(&f.body), &f.args, f.returns.as_ref())?;
        self.make_function(code, flags, f.loc)?;
        for _ in 0..ndecorators {
            self.emit(Op::CallFunction, 1);
        }
        self.store_target_name(f.name, f.loc)
    }

    /// Push a dict of the parameter and return annotations, if there are any
    /// (strings under PEP 563); returns the `MakeFunction` flag for it.
    fn param_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> R<u32> {
        let params =
            args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
        let all = params
            .filter_map(|p| p.annotation.as_ref().map(|a| (p.name, a)))
            .chain(returns.map(|r| (self.q_return, r)));
        let mut n = 0;
        for (name, ann) in all {
            self.load_qstr(name);
            self.annotation_value(ann)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BuildMap, n);
        Ok(4)
    }

    /// An annotation's value: evaluated, or under PEP 563 its source text (a
    /// form too complex to be kept as text raises NotImplementedError when it runs).
    fn annotation_value(&mut self, ann: &'a Expr) -> R {
        if !self.future_annotations {
            return self.expr(ann);
        }
        let mut text = String::new();
        if unparse(ann, &mut text) {
            let i = self.add_const(&ConstValue::Str(Cow::Owned(text)));
            self.emit(Op::LoadConst, i);
        } else {
            let i = self.name(Qstr::new("NotImplementedError"));
            self.emit(Op::LoadGlobal, i);
            self.load_str("this annotation cannot be kept as a string (from __future__ import annotations)");
            self.emit(Op::CallFunction, 1);
            self.emit(Op::RaiseVarargs, 1);
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython's order): assign the value; in a
    /// module or class body, evaluate the annotation and, for a bare name,
    /// keep it in `__annotations__` (a string under PEP 563). In a function
    /// the annotation is not evaluated. Without a value, the object (and
    /// index) of an attribute or subscript target are still evaluated.
    fn ann_assign(&mut self, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> R {
        match (value, &target.kind) {
            (Some(v), _) => {
                self.expr(v)?;
                self.store(target)?;
            }
            (None, ExprKind::Attribute { value: obj, .. }) => {
                self.expr(obj)?;
                self.emit(Op::PopTop, 0);
            }
            (None, ExprKind::Subscript { value: obj, slice }) => {
                self.expr(obj)?;
                self.emit(Op::PopTop, 0);
                self.expr(slice)?;
                self.emit(Op::PopTop, 0);
            }
            _ => {}
        }
        let kind = self.st.scope(self.unit.scope).kind;
        if !matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        let name = match target.kind {
            ExprKind::Name(n) if simple => Some(n),
            _ => None,
        };
        if kind == ScopeKind::Module {
            // A module is compiled a statement at a time, so its
            // `__annotations__` is made (if missing) where it is first needed.
            self.emit(Op::SetupAnnotations, 0);
        }
        if self.future_annotations && name.is_none() {
            return Ok(());
        }
        self.annotation_value(annotation)?;
        match name {
            Some(n) => {
                let i = self.name(q::__annotations__);
                self.emit(Op::LoadName, i);
                self.load_qstr(n);
                self.emit(Op::StoreSubscr, 0);
            }
            None => self.emit(Op::PopTop, 0),
        }
        Ok(())
    }

    fn classdef(&mut self, c: &'a ClassDef) -> R {
        let sid = self.scope_id(c, c.loc)?;
        let mut ndecorators = 0;
        for d in &c.decorators {
            if invalid_micropython_decorator(d) {
                return err("invalid micropython decorator", d.loc);
            }
            if emitter_decorator(d).is_none() {
                self.set_line(d.loc.line);
                self.expr(d)?;
                ndecorators += 1;
            }
        }
        self.set_line(c.loc.line);
        self.emit(Op::LoadBuildClass, 0);

        self.push_unit(sid, c.loc.line);
        self.set_line(c.loc.line);
        let i = self.name(q::__name__);
        self.emit(Op::LoadGlobal, i);
        let i = self.name(q::__module__);
        self.emit(Op::StoreName, i);
        self.load_qstr(self.st.scope(sid).qualname);
        let i = self.name(q::__qualname__);
        self.emit(Op::StoreName, i);
        if self.st.scope(sid).has_annotations {
            self.emit(Op::SetupAnnotations, 0);
        }
        self.block(skip_docstring(&c.body))?;
        if self.unit.reachable {
            if self.st.scope(sid).needs_class_cell {
                // `__build_class__` fills this cell with the new class.
                self.emit(Op::LoadClosure, 0);
            } else {
                self.emit(Op::LoadNone, 0);
            }
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.pop_unit(Vec::new())?;

        self.make_function(code, 0, c.loc)?;
        self.load_qstr(c.name);
        self.call_args(&c.bases, &c.keywords, 2, c.loc)?;
        for _ in 0..ndecorators {
            self.emit(Op::CallFunction, 1);
        }
        self.store_target_name(c.name, c.loc)
    }

    // ---------------------------------------------------------------------
    // Expressions
    // ---------------------------------------------------------------------

    fn expr(&mut self, e: &'a Expr) -> R {
        self.nest(e.loc)?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Name(_) if !self.st.has_folded_names => {}
            ExprKind::Name(_)
            | ExprKind::BinOp { .. }
            | ExprKind::UnaryOp { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::Tuple(_)
            | ExprKind::Attribute { .. }
            | ExprKind::Call { .. } => {
                if let Some(v) = self.st.folded(e).cloned() {
                    self.load_const_value(&v);
                    return Ok(());
                }
            }
            _ => {}
        }
        match &e.kind {
            ExprKind::Name(n) => self.load_name(*n),
            ExprKind::Const(c) => self.load_const_value(&ConstValue::from_literal(c)),
            ExprKind::JoinedStr(parts) => self.joined_str(parts)?,
            ExprKind::TemplateStr { strings, interpolations } => self.template_str(strings, interpolations)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.formatted_value(value, *conversion, format_spec.as_deref(), e.loc)?
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values, e.loc)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::DupTop, 0);
                self.store_target_name(*target, e.loc)?;
            }
            ExprKind::BinOp { .. } => self.binop(e)?,
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(
                    match op {
                        UnaryOp::Invert => Op::UnaryInvert,
                        UnaryOp::Not => Op::UnaryNot,
                        UnaryOp::UAdd => Op::UnaryPos,
                        UnaryOp::USub => Op::UnaryNeg,
                    },
                    0,
                );
            }
            ExprKind::Lambda { args, body } => {
                let sid = self.scope_id(e, e.loc)?;
                let flags = self.defaults(args)?;
                let code = self.function_code(sid, Body::Expr(body), args, None)?;
                self.make_function(code, flags, e.loc)?;
            }
            ExprKind::IfExp { test, body, orelse } => match self.const_truth(test) {
                Some(true) => self.expr(body)?,
                Some(false) => self.expr(orelse)?,
                None => {
                    let else_l = self.new_label();
                    let end = self.new_label();
                    self.jump_if(test, false, else_l)?;
                    self.expr(body)?;
                    self.jump(end);
                    self.bind(else_l);
                    self.expr(orelse)?;
                    self.bind(end);
                }
            },
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, e.loc)?,
            ExprKind::Set(elts) => self.seq_display(elts, Op::BuildSet)?,
            ExprKind::List(elts) => self.seq_display(elts, Op::BuildList)?,
            ExprKind::Tuple(elts) => self.seq_display(elts, Op::BuildTuple)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, elt, None, generators)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, elt, None, generators)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, key, Some(value), generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, elt, None, generators)?
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.await_tos();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Op::LoadNone, 0),
                }
                self.emit(Op::YieldValue, 0);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.emit(Op::LoadNone, 0);
                self.emit(Op::YieldFrom, 0);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, e.loc)?,
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name(*attr);
                self.emit(Op::LoadAttr, i);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            ExprKind::Starred(_) => return err("can't use starred expression here", e.loc),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.emit(Op::LoadNone, 0),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice, 3);
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
        }
        Ok(())
    }

    /// The key of `a[key]`. The parser gives `a[*b]` a bare `Starred` key where
    /// CPython's AST has a one-element tuple; both mean the tuple.
    fn subscript_key(&mut self, slice: &'a Expr) -> R {
        if matches!(slice.kind, ExprKind::Starred(_)) {
            self.seq_display(std::slice::from_ref(slice), Op::BuildTuple)
        } else {
            self.expr(slice)
        }
    }

    /// A left-nested chain `((a op b) op c) ...`, compiled without recursing
    /// down the left spine.
    fn binop(&mut self, e: &'a Expr) -> R {
        let base = self.spine.len();
        let mut leftmost = e;
        while let ExprKind::BinOp { left, .. } = &leftmost.kind {
            if !std::ptr::eq(leftmost, e) && self.st.folded(leftmost).is_some() {
                break;
            }
            self.spine.push(leftmost);
            leftmost = left;
        }
        self.expr(leftmost)?;
        while self.spine.len() > base {
            let node = self.spine.pop().expect("non-empty");
            let ExprKind::BinOp { op, right, .. } = &node.kind else { unreachable!("spine holds BinOps") };
            self.expr(right)?;
            self.emit(binary_op(*op), 0);
        }
        Ok(())
    }

    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr], loc: Loc) -> R {
        if values.is_empty() {
            return err("invalid syntax", loc);
        }
        let end = self.new_label();
        let jump_op = if op == BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
        let n = values.len();
        for (i, v) in values.iter().enumerate() {
            if i + 1 == n {
                self.expr(v)?;
                break;
            }
            if let Some(c) = self.const_value(v) {
                // A truthy constant in `and` (falsy in `or`) is skipped; the other
                // kind is the result, and the rest is never evaluated.
                if c.is_truthy() != (op == BoolOp::Or) {
                    continue;
                }
                self.load_const_value(&c);
                break;
            }
            self.expr(v)?;
            self.emit_jump(jump_op, end);
        }
        self.bind(end);
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr], loc: Loc) -> R {
        if ops.is_empty() || ops.len() != comparators.len() {
            return err("invalid syntax", loc);
        }
        self.expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.expr(&comparators[0])?;
            self.emit(compare_op(ops[0]), 0);
            return Ok(());
        }
        // a < b < c: each middle operand is evaluated once and kept for the next test.
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.emit(Op::DupTop, 0);
            self.emit(Op::RotThree, 0);
            self.emit(compare_op(ops[i]), 0);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.emit(compare_op(ops[n - 1]), 0);
        let end = self.new_label();
        self.jump(end);
        self.bind(cleanup);
        self.emit(Op::RotTwo, 0);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [Expr]) -> R {
        let mut n = 0u32;
        for p in parts {
            match &p.kind {
                ExprKind::Const(Constant::Str(s)) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_str(s);
                }
                ExprKind::FormattedValue { value, conversion, format_spec } => {
                    self.formatted_value(value, *conversion, format_spec.as_deref(), p.loc)?
                }
                _ => self.expr(p)?,
            }
            n += 1;
        }
        match n {
            0 => self.load_str(""),
            1 => {}
            _ => self.emit(Op::BuildString, n),
        }
        Ok(())
    }

    fn formatted_value(&mut self, value: &'a Expr, conversion: Option<char>, spec: Option<&'a Expr>, loc: Loc) -> R {
        self.expr(value)?;
        let mut arg = conversion_arg(conversion, "f-string", loc)?;
        if let Some(s) = spec {
            self.expr(s)?;
            arg |= 4;
        }
        self.emit(Op::FormatValue, arg);
        Ok(())
    }

    /// A t-string: its strings as one constant tuple, then each interpolation
    /// (value, expression text, format spec), then `BuildTemplate`.
    fn template_str(&mut self, strings: &'a [Box<str>], interpolations: &'a [Interpolation]) -> R {
        let strings = ConstValue::Tuple(strings.iter().map(|s| ConstValue::Str(Cow::Borrowed(&**s))).collect());
        let i = self.add_const(&strings);
        self.emit(Op::LoadConst, i);
        for interp in interpolations {
            self.expr(&interp.value)?;
            self.load_str(&interp.expression);
            let mut arg = conversion_arg(interp.conversion, "t-string", interp.value.loc)?;
            if let Some(s) = &interp.format_spec {
                self.expr(s)?;
                arg |= 4;
            }
            self.emit(Op::BuildInterpolation, arg);
        }
        // (`emit` reports a count beyond `MAX_ARG`, as for `BuildString`.)
        self.emit(Op::BuildTemplate, u32::try_from(interpolations.len()).unwrap_or(u32::MAX));
        Ok(())
    }

    /// List, tuple and set displays, including `*iterable` items.
    fn seq_display(&mut self, elts: &'a [Expr], build: Op) -> R {
        let (append, extend) = match build {
            Op::BuildSet => (Op::SetAdd, Op::SetUpdate),
            _ => (Op::ListAppend, Op::ListExtend),
        };
        let accum = if build == Op::BuildSet { Op::BuildSet } else { Op::BuildList };
        let has_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star && build != Op::BuildTuple && elts.len() >= 3 {
            // A constant list or set: extend an empty one from a constant tuple.
            let consts: Option<Vec<ConstValue<'a>>> = elts.iter().map(|e| self.const_value(e)).collect();
            if let Some(vals) = consts {
                self.emit(build, 0);
                let i = self.add_const(&ConstValue::Tuple(vals));
                self.emit(Op::LoadConst, i);
                self.emit(extend, 1);
                return Ok(());
            }
        }
        if !has_star && elts.len() <= MAX_DISPLAY_ON_STACK {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let lead =
            elts.iter().take_while(|x| !matches!(x.kind, ExprKind::Starred(_))).count().min(MAX_DISPLAY_ON_STACK);
        for x in &elts[..lead] {
            self.expr(x)?;
        }
        self.emit(accum, lead as u32);
        for x in &elts[lead..] {
            match &x.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(x)?;
                    self.emit(append, 1);
                }
            }
        }
        if build == Op::BuildTuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], loc: Loc) -> R {
        if keys.len() != values.len() {
            return err("invalid syntax", loc);
        }
        let lead = keys.iter().take_while(|k| k.is_some()).count().min(MAX_DISPLAY_ON_STACK);
        for (k, v) in keys[..lead].iter().zip(values) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Op::BuildMap, lead as u32);
        for (k, v) in keys[lead..].iter().zip(&values[lead..]) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd, 1);
                }
                None => {
                    self.expr(v)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) -> R {
        let Some(first) = generators.first() else {
            return err("invalid syntax", e.loc);
        };
        let sid = self.scope_id(e, e.loc)?;
        self.push_unit(sid, e.loc.line);
        self.set_line(e.loc.line);
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comp_loop(kind, generators, 0, elt, value)?;
        if kind == CompKind::Gen {
            self.emit(Op::LoadNone, 0);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit(Vec::new())?;

        self.make_function(code, 0, e.loc)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async { Op::GetAiter } else { Op::GetIter }, 0);
        self.emit(Op::CallFunction, 1);
        if kind != CompKind::Gen && self.st.scope(sid).is_async {
            self.await_tos();
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: CompKind,
        gens: &'a [Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let g = &gens[i];
        self.nest(g.target.loc)?;
        if i == 0 {
            // The outermost iterator, evaluated by the caller, is argument `.0`.
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Op::GetAiter } else { Op::GetIter }, 0);
        }
        let head = self.new_label();
        let cont = self.new_label();
        let exit = self.new_label();
        self.bind(head);
        let async_handler = if g.is_async {
            let outer = self.unit.cur_handler;
            let h = self.new_handler(self.unit.depth);
            self.set_handler(h);
            self.emit(Op::GetAnext, 0);
            self.await_tos();
            self.set_handler(outer);
            Some(h)
        } else {
            self.emit_jump(Op::ForIter, exit);
            None
        };
        self.store(&g.target)?;
        for c in &g.ifs {
            self.jump_if(c, false, cont)?;
        }
        if i + 1 < gens.len() {
            self.comp_loop(kind, gens, i + 1, elt, value)?;
        } else {
            // The collection sits below one iterator per loop.
            let below = gens.len() as u32 + 1;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, below);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, below);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    match value {
                        Some(v) => self.expr(v)?,
                        None => self.emit(Op::LoadNone, 0),
                    }
                    self.emit(Op::MapAdd, below);
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.bind(cont);
        self.jump(head);
        match async_handler {
            Some(h) => {
                self.bind_handler(h);
                self.emit(Op::EndAsyncFor, 0);
            }
            None => self.bind(exit),
        }
        self.depth -= 1;
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        if args.is_empty() && keywords.is_empty() && matches!(func.kind, ExprKind::Name(n) if n == q::super_) {
            if let Some(sup) = self.st.scope(self.unit.scope).super_self {
                self.load_name(q::super_);
                self.load_name(q::__class__);
                match sup {
                    SuperSelf::Name(p) => self.load_name(p),
                    SuperSelf::VarArgs(p) => {
                        self.load_name(p);
                        self.emit(Op::LoadSmallInt, 0);
                        self.emit(Op::BinarySubscr, 0);
                    }
                }
                self.set_line(e.loc.line);
                self.emit(Op::CallFunction, 2);
                return Ok(());
            }
        }
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if Self::simple_call(args, keywords, 0) {
                self.check_keywords(keywords)?;
                self.expr(value)?;
                let i = self.name(*attr);
                self.emit(Op::LoadMethod, i);
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.load_qstr(k.arg.expect("simple call"));
                    self.expr(&k.value)?;
                }
                self.set_line(e.loc.line);
                self.emit(Op::CallMethod, args.len() as u32 | (keywords.len() as u32) << 12);
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_args(args, keywords, 0, e.loc)
    }

    fn simple_call(args: &[Expr], keywords: &[Keyword], npre: usize) -> bool {
        args.len() + npre <= MAX_CALL_COUNT
            && keywords.len() <= MAX_CALL_COUNT
            && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && keywords.iter().all(|k| k.arg.is_some())
    }

    fn check_keywords(&self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = k.arg {
                if keywords[..i].iter().any(|o| o.arg == Some(name)) {
                    return err(format!("keyword argument repeated: {name}"), k.loc);
                }
            }
        }
        Ok(())
    }

    /// With the callable and `npre` leading positional arguments already on the
    /// stack, push the rest and call.
    fn call_args(&mut self, args: &'a [Expr], keywords: &'a [Keyword], npre: u32, loc: Loc) -> R {
        self.check_keywords(keywords)?;
        if Self::simple_call(args, keywords, npre as usize) {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.load_qstr(k.arg.expect("simple call"));
                self.expr(&k.value)?;
            }
            self.set_line(loc.line);
            self.emit(Op::CallFunction, (npre + args.len() as u32) | (keywords.len() as u32) << 12);
            return Ok(());
        }
        let lead = args.iter().take_while(|a| !matches!(a.kind, ExprKind::Starred(_))).count();
        for a in &args[..lead] {
            self.expr(a)?;
        }
        self.emit(Op::BuildList, npre + lead as u32);
        for a in &args[lead..] {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        if keywords.is_empty() {
            self.set_line(loc.line);
            self.emit(Op::CallFunctionEx, 0);
            return Ok(());
        }
        let mut have_dict = false;
        let mut i = 0;
        while i < keywords.len() {
            if keywords[i].arg.is_some() {
                let start = i;
                while i < keywords.len() && i - start < MAX_DISPLAY_ON_STACK {
                    let Some(name) = keywords[i].arg else { break };
                    self.load_qstr(name);
                    self.expr(&keywords[i].value)?;
                    i += 1;
                }
                self.emit(Op::BuildMap, (i - start) as u32);
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
            } else {
                if !have_dict {
                    self.emit(Op::BuildMap, 0);
                }
                self.expr(&keywords[i].value)?;
                self.emit(Op::DictMerge, 1);
                i += 1;
            }
            have_dict = true;
        }
        self.set_line(loc.line);
        self.emit(Op::CallFunctionEx, 1);
        Ok(())
    }
}

//! Scope analysis: one walk over the module builds every scope (module, class,
//! function, lambda, comprehension) with the names it binds and uses, and, in
//! the same walk, applies `const()` and folds constant expressions (see
//! `fold.rs`); a second, cheap pass over the scopes resolves each name to local,
//! cell, free or global and numbers the local and cell slots.
//!
//! Scopes are found again by codegen through the address of their AST node (the
//! `FunctionDef`, `ClassDef`, or the `Lambda`/comprehension `Expr`), so codegen
//! may visit the tree in whatever order it emits code.

use std::collections::hash_map::Entry;

use krait_syntax::ast::{Arguments, ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Loc, Module, Stmt, StmtKind};
use krait_syntax::fxhash::{FxHashMap, FxHashSet};
use krait_syntax::{q, Qstr, SyntaxError};

use crate::bytecode::CodeFlags;
use crate::fold::{self, ConstValue};

pub type ScopeId = u32;

/// The module's scope is always the first.
pub const MODULE_SCOPE: ScopeId = 0;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// Symbol flags gathered by the walk.
pub mod flags {
    /// Bound in the scope: assignment, import, def, class, for, with, except, del, walrus.
    pub const DEF_LOCAL: u16 = 1;
    pub const DEF_PARAM: u16 = 2;
    /// `global x`
    pub const DEF_GLOBAL: u16 = 4;
    /// `nonlocal x`
    pub const DEF_NONLOCAL: u16 = 8;
    /// Read somewhere in the scope.
    pub const USE: u16 = 16;
    /// A comprehension's iteration variable.
    pub const DEF_COMP_ITER: u16 = 32;
    /// Assigned by `:=` inside a comprehension: it belongs to the enclosing function.
    pub const DEF_COMP_WALRUS: u16 = 64;
    /// In a class scope: also a free variable passed through to methods, while
    /// the class body itself reaches the name through its dict.
    pub const FREE_CLASS: u16 = 128;
    /// A free variable only passed through this scope to an inner one.
    pub const FREE_PASS: u16 = 256;
}
use flags::*;

/// Where a name lives, as seen from one scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SymScope {
    Unresolved,
    /// A local: a fast slot in functions, the namespace dict in class and module bodies.
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: globals, then builtins.
    GlobalImplicit,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: Qstr,
    pub flags: u16,
    pub scope: SymScope,
    /// Local slot for `Local` in functions; cell index (cellvars then freevars) for
    /// `Cell`/`Free` and for a class's `FREE_CLASS` names.
    pub index: u32,
    /// Where it was first seen (for errors).
    pub loc: Loc,
}

/// What zero-argument `super()` passes as its second argument.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SuperSelf {
    /// This parameter (a local, or a free variable inside a comprehension).
    Name(Qstr),
    /// `args[0]` of this `*args` parameter.
    VarArgs(Qstr),
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub comp_kind: Option<CompKind>,
    pub name: Qstr,
    pub qualname: Qstr,
    pub parent: Option<ScopeId>,
    pub loc: Loc,
    /// Symbols in the order first seen (keeps slot numbering deterministic).
    syms: Vec<Symbol>,
    /// Where each name is in `syms`.
    index: FxHashMap<Qstr, u32>,
    /// Parameters in local-slot order: positional (incl. positional-only),
    /// keyword-only, `*args`, `**kwargs`.
    pub params: Vec<Qstr>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub varnames: Vec<Qstr>,
    pub cellvars: Vec<Qstr>,
    pub cell2arg: Vec<u32>,
    pub freevars: Vec<Qstr>,
    /// `async def`, or a comprehension containing `async for` / `await`.
    pub is_async: bool,
    /// Contains `yield` (functions and lambdas; generator expressions always yield).
    pub is_generator: bool,
    /// A class whose methods use `__class__` (or zero-argument `super()`).
    pub needs_class_cell: bool,
    /// A module or class body with an annotated assignment (`x: int`): its
    /// annotations are evaluated and names' ones kept in `__annotations__`.
    pub has_annotations: bool,
    has_super_call: bool,
    /// Set when `super()` in this scope is compiled as `super(__class__, self)`.
    pub super_self: Option<SuperSelf>,
    /// `CodeFlags::NATIVE` / `VIPER` (inherited by nested scopes, as in MicroPython).
    pub emit: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: Qstr, qualname: Qstr, parent: Option<ScopeId>, loc: Loc, emit: u32) -> Scope {
        Scope {
            kind,
            comp_kind: None,
            name,
            qualname,
            parent,
            loc,
            syms: Vec::with_capacity(8),
            index: FxHashMap::with_capacity_and_hasher(8, Default::default()),
            params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            cell2arg: Vec::new(),
            freevars: Vec::new(),
            is_async: false,
            is_generator: false,
            needs_class_cell: false,
            has_annotations: false,
            has_super_call: false,
            super_self: None,
            emit,
        }
    }

    /// Reuse a forgotten scope, keeping its allocations.
    fn reset(&mut self, kind: ScopeKind, name: Qstr, qualname: Qstr, parent: Option<ScopeId>, loc: Loc, emit: u32) {
        self.kind = kind;
        self.comp_kind = None;
        self.name = name;
        self.qualname = qualname;
        self.parent = parent;
        self.loc = loc;
        self.syms.clear();
        self.index.clear();
        self.params.clear();
        self.argcount = 0;
        self.posonlyargcount = 0;
        self.kwonlyargcount = 0;
        self.has_varargs = false;
        self.has_varkw = false;
        self.varnames.clear();
        self.cellvars.clear();
        self.cell2arg.clear();
        self.freevars.clear();
        self.is_async = false;
        self.is_generator = false;
        self.needs_class_cell = false;
        self.has_annotations = false;
        self.has_super_call = false;
        self.super_self = None;
        self.emit = emit;
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }

    #[inline]
    pub fn symbol(&self, name: Qstr) -> Option<&Symbol> {
        self.index.get(&name).map(|&i| &self.syms[i as usize])
    }

    #[inline]
    fn symbol_mut(&mut self, name: Qstr) -> Option<&mut Symbol> {
        self.index.get(&name).map(|&i| &mut self.syms[i as usize])
    }

    /// The symbol for `name`, added (unresolved, no flags) if new.
    fn entry(&mut self, name: Qstr, loc: Loc) -> &mut Symbol {
        let i = match self.index.entry(name) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let i = self.syms.len() as u32;
                e.insert(i);
                self.syms.push(Symbol { name, flags: 0, scope: SymScope::Unresolved, index: 0, loc });
                i
            }
        };
        &mut self.syms[i as usize]
    }

    /// All symbols, in the order first seen.
    pub fn symbols(&self) -> &[Symbol] {
        &self.syms
    }

    /// The resolved scope of `name` here (`GlobalImplicit` for names never seen).
    pub fn scope_of(&self, name: Qstr) -> SymScope {
        self.symbol(name).map_or(SymScope::GlobalImplicit, |s| s.scope)
    }
}

/// Scopes and folded constants, built one module-level statement at a time
/// (`analyze`), so that codegen can compile each statement while its part of
/// the tree is still in cache and the scopes of finished statements can be
/// recycled (`forget_nested`). Nothing a module-level statement compiles to
/// depends on the scopes of other statements: the module scope never provides
/// closure cells, and `const()` names are recorded in source order.
pub struct SymbolTable<'a> {
    /// `scopes[..live]` are in use; the rest belong to forgotten statements and
    /// are reused in place (they keep their allocations).
    scopes: Vec<Scope>,
    live: usize,
    scope_by_node: FxHashMap<usize, ScopeId>,
    folded: FxHashMap<usize, ConstValue<'a>>,
    skipped: FxHashSet<usize>,
    /// Some `Name` expression was replaced by a `const()` value (or `__debug__`).
    pub has_folded_names: bool,
    cur: ScopeId,
    /// Names bound by `X = const(...)` so far, in source order. Their values
    /// own their text: they outlive the statement that defined them.
    consts: FxHashMap<Qstr, ConstValue<'static>>,
    debug: bool,
    depth: u32,
    /// Scratch stack for walking left-nested `BinOp` chains without recursion.
    spine: Vec<&'a Expr>,
    /// Scratch stack of operand values for tuples and `and`/`or`.
    vals: Vec<Option<ConstValue<'a>>>,
    buf: String,
    q_debug: Qstr,
    q_star: Qstr,
    q_dot0: Qstr,
    q_math: Qstr,
}

/// An empty vector of another element type (another lifetime), keeping the
/// allocation when the layouts agree.
pub(crate) fn recycle_vec<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

#[inline]
pub(crate) fn addr<T>(node: &T) -> usize {
    node as *const T as usize
}

impl<'a> SymbolTable<'a> {
    /// The scope created by a `FunctionDef`, `ClassDef`, or a lambda/comprehension expression.
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.scope_by_node.get(&addr(node)).copied()
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id as usize]
    }

    /// The scopes of the statements analysed since the last `forget_nested`
    /// (the module's first).
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes[..self.live]
    }

    /// The folded value of an expression, if it is (the root of) a constant expression.
    #[inline]
    pub fn folded(&self, e: &Expr) -> Option<&ConstValue<'a>> {
        if self.folded.is_empty() {
            return None;
        }
        self.folded.get(&addr(e))
    }

    /// A statement removed at compile time (`_X = const(...)`).
    #[inline]
    pub fn is_skipped(&self, s: &Stmt) -> bool {
        !self.skipped.is_empty() && self.skipped.contains(&addr(s))
    }
}

/// `@micropython.native` / `.viper` / `.bytecode`: the code flags they select,
/// or `None` for an ordinary decorator (a bare `@native` too, as in MicroPython).
pub fn emitter_decorator(d: &Expr) -> Option<u32> {
    match &d.kind {
        ExprKind::Attribute { value, attr } => match value.kind {
            ExprKind::Name(m) if m == q::micropython => {
                if *attr == q::native {
                    Some(CodeFlags::NATIVE)
                } else if *attr == q::viper {
                    Some(CodeFlags::VIPER)
                } else if attr.as_str() == "bytecode" {
                    Some(0)
                } else {
                    None
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// True for a decorator `@micropython.<name>` (or a longer dotted name from
/// `micropython`) that names no emitter: MicroPython's compiler reads these
/// decorators itself and rejects the ones it doesn't know, at compile time.
pub fn invalid_micropython_decorator(d: &Expr) -> bool {
    fn rooted_at_micropython(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Attribute { value, .. } => match value.kind {
                ExprKind::Name(m) => m == q::micropython,
                _ => rooted_at_micropython(value),
            },
            _ => false,
        }
    }
    rooted_at_micropython(d) && emitter_decorator(d).is_none()
}

/// The argument of `const(arg)`, if `e` is such a call.
fn const_call_arg(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Call { func, args, keywords }
            if args.len() == 1 && keywords.is_empty() && matches!(func.kind, ExprKind::Name(n) if n == q::const_) =>
        {
            if matches!(args[0].kind, ExprKind::Starred(_)) {
                None
            } else {
                Some(&args[0])
            }
        }
        _ => None,
    }
}

/// How deeply statements and expressions may nest before compilation gives up
/// with a `SyntaxError` rather than exhausting the native stack.
pub(crate) const MAX_NESTING: u32 = 400;

pub(crate) fn too_deep(loc: Loc) -> SyntaxError {
    SyntaxError::new("too many nested expressions or statements", loc.line, loc.col)
}

type R<T = ()> = Result<T, SyntaxError>;

fn err<T>(msg: impl Into<String>, loc: Loc) -> R<T> {
    Err(SyntaxError::new(msg, loc.line, loc.col))
}

/// Analyse a whole module at once. `optimize > 0` makes `__debug__` false.
pub fn build<'a>(module: &'a Module, optimize: u8) -> R<SymbolTable<'a>> {
    let mut st = SymbolTable::new(optimize);
    st.analyze(&module.body)?;
    Ok(st)
}

impl<'a> SymbolTable<'a> {
    pub fn new(optimize: u8) -> SymbolTable<'a> {
        SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, q::module_, q::module_, None, Loc { line: 1, col: 0 }, 0)],
            live: 1,
            scope_by_node: FxHashMap::default(),
            folded: FxHashMap::default(),
            skipped: FxHashSet::default(),
            has_folded_names: false,
            cur: MODULE_SCOPE,
            consts: FxHashMap::default(),
            debug: optimize == 0,
            depth: 0,
            spine: Vec::new(),
            vals: Vec::new(),
            buf: String::new(),
            q_debug: Qstr::new("__debug__"),
            q_star: Qstr::new("*"),
            q_dot0: Qstr::new(".0"),
            q_math: Qstr::new("math"),
        }
    }

    /// Analyse module-level statements, adding and resolving their scopes.
    pub fn analyze(&mut self, stmts: &'a [Stmt]) -> R {
        let first = self.live;
        self.cur = MODULE_SCOPE;
        self.depth = 0;
        self.stmts(stmts)?;
        self.resolve(first)?;
        self.number_slots(first);
        Ok(())
    }

    /// Drop everything but the module scope and the `const()` names: the
    /// statements analysed so far have been compiled.
    pub fn forget_nested(&mut self) {
        self.live = 1;
        self.scope_by_node.clear();
        self.folded.clear();
        self.skipped.clear();
    }

    /// The same table for statements of another lifetime, between two
    /// module-level statements: what refers to the finished statement's tree
    /// (folded values, scratch stacks) is dropped, everything else (scopes,
    /// `const()` names, allocations) is kept.
    pub fn recycle<'b>(self) -> SymbolTable<'b> {
        SymbolTable {
            scopes: self.scopes,
            live: self.live,
            scope_by_node: self.scope_by_node,
            folded: FxHashMap::default(),
            skipped: self.skipped,
            has_folded_names: self.has_folded_names,
            cur: self.cur,
            consts: self.consts,
            debug: self.debug,
            depth: self.depth,
            spine: recycle_vec(self.spine),
            vals: recycle_vec(self.vals),
            buf: self.buf,
            q_debug: self.q_debug,
            q_star: self.q_star,
            q_dot0: self.q_dot0,
            q_math: self.q_math,
        }
    }

    fn scope_mut(&mut self, id: ScopeId) -> &mut Scope {
        &mut self.scopes[id as usize]
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur;
        self.scope_mut(c)
    }

    /// Add `flag` to `name` in scope `sid`; returns the flags it had before.
    fn add_flag(&mut self, sid: ScopeId, name: Qstr, flag: u16, loc: Loc) -> u16 {
        let s = &mut self.scopes[sid as usize];
        let module = s.kind == ScopeKind::Module;
        let sym = s.entry(name, loc);
        let prev = sym.flags;
        sym.flags |= flag;
        if module {
            // Module names are classified as they are seen: nothing nested can
            // change them, and statements are compiled as they are analysed.
            sym.scope = if sym.flags & DEF_GLOBAL != 0 {
                SymScope::GlobalExplicit
            } else if sym.flags & DEF_LOCAL != 0 {
                SymScope::Local
            } else {
                SymScope::GlobalImplicit
            };
        }
        prev
    }

    fn bind(&mut self, name: Qstr, loc: Loc) {
        self.add_flag(self.cur, name, DEF_LOCAL, loc);
    }

    fn use_name(&mut self, name: Qstr, loc: Loc) {
        self.add_flag(self.cur, name, USE, loc);
    }

    fn new_scope(&mut self, kind: ScopeKind, name: Qstr, loc: Loc, emit: u32) -> ScopeId {
        let parent = &self.scopes[self.cur as usize];
        let qualname = match parent.kind {
            ScopeKind::Module => name,
            pk => {
                self.buf.clear();
                self.buf.push_str(parent.qualname.as_str());
                self.buf.push_str(if pk == ScopeKind::Class { "." } else { ".<locals>." });
                self.buf.push_str(name.as_str());
                Qstr::new(&self.buf)
            }
        };
        let id = self.live as ScopeId;
        let parent = Some(self.cur);
        match self.scopes.get_mut(self.live) {
            Some(sc) => sc.reset(kind, name, qualname, parent, loc, emit),
            None => self.scopes.push(Scope::new(kind, name, qualname, parent, loc, emit)),
        }
        self.live += 1;
        id
    }

    /// Emitter flags for a definition: the enclosing scope's, unless a decorator
    /// selects another emitter.
    fn emit_for(&self, decorators: &[Expr]) -> u32 {
        let mut emit = self.scopes[self.cur as usize].emit;
        for d in decorators {
            if let Some(e) = emitter_decorator(d) {
                emit = e;
            }
        }
        emit
    }

    fn enter(&mut self, loc: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(too_deep(loc));
        }
        Ok(())
    }

    // ---- statements ----

    fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.enter(s.loc)?;
            let r = self.stmt(s);
            self.depth -= 1;
            r?;
        }
        Ok(())
    }

    /// `X = const(v)`: record `X`; returns whether the statement was one.
    fn const_assign(&mut self, s: &'a Stmt, target: &'a Expr, value: &'a Expr) -> R<bool> {
        let (ExprKind::Name(name), Some(arg)) = (&target.kind, const_call_arg(value)) else {
            return Ok(false);
        };
        self.check_not_const(*name, target.loc)?;
        let Some(v) = self.expr(arg)? else {
            return err("not a constant", value.loc);
        };
        self.consts.insert(*name, v.clone().into_owned());
        if name.as_str().starts_with('_') {
            // A private constant: the assignment disappears and the name is never bound.
            self.skipped.insert(addr(s));
        } else {
            self.folded.insert(addr(value), v);
            self.bind(*name, target.loc);
        }
        Ok(true)
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => self.root(e)?,
            StmtKind::Assign { targets, value } => {
                if targets.len() == 1 && self.const_assign(s, &targets[0], value)? {
                    return Ok(());
                }
                self.root(value)?;
                for t in targets {
                    self.target(t, DEF_LOCAL)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.root(value)?;
                match &target.kind {
                    ExprKind::Name(n) => {
                        self.check_not_const(*n, target.loc)?;
                        self.use_name(*n, target.loc);
                        self.bind(*n, target.loc);
                    }
                    _ => self.target(target, DEF_LOCAL)?,
                }
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                match value {
                    Some(v) => {
                        if self.const_assign(s, target, v)? {
                            if self.is_skipped(s) {
                                return Ok(());
                            }
                        } else {
                            self.root(v)?;
                            self.target(target, DEF_LOCAL)?;
                        }
                    }
                    None => match &target.kind {
                        // `x: int` makes `x` local to a function, without binding it.
                        ExprKind::Name(n) => {
                            if self.scopes[self.cur as usize].is_function_like() {
                                self.bind(*n, target.loc);
                            }
                        }
                        // `a.b: int` and `a[i]: int` evaluate `a` (and `i`), as CPython does.
                        _ => self.target(target, DEF_LOCAL)?,
                    },
                }
                // Annotations are evaluated in module and class bodies only.
                let scope = &mut self.scopes[self.cur as usize];
                if !scope.is_function_like() {
                    scope.has_annotations = true;
                    self.root(annotation)?;
                }
            }
            StmtKind::FunctionDef(f) => self.funcdef(f)?,
            StmtKind::ClassDef(c) => self.classdef(c)?,
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.root(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t, DEF_LOCAL)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.root(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    self.check_async_stmt("'async for' outside async function", s.loc)?;
                }
                self.root(iter)?;
                self.target(target, DEF_LOCAL)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.root(t)?;
                    }
                    if let Some(n) = h.name {
                        self.bind(n, h.loc);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async {
                    self.check_async_stmt("'async with' outside async function", s.loc)?;
                }
                for item in items {
                    self.root(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v, DEF_LOCAL)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.root(e)?;
                }
                if let Some(c) = cause {
                    self.root(c)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.root(test)?;
                if let Some(m) = msg {
                    self.root(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = match a.asname {
                        Some(n) => n,
                        None => {
                            let full = a.name.as_str();
                            match full.find('.') {
                                Some(dot) => Qstr::new(&full[..dot]),
                                None => a.name,
                            }
                        }
                    };
                    self.bind(name, a.loc);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == self.q_star {
                        if self.scopes[self.cur as usize].kind != ScopeKind::Module {
                            return err("import * only allowed at module level", a.loc);
                        }
                    } else {
                        self.bind(a.asname.unwrap_or(a.name), a.loc);
                    }
                }
            }
            StmtKind::Global(names) => {
                for &n in names {
                    let prev = self.cur_scope().symbol(n).map_or(0, |s| s.flags);
                    if prev & DEF_PARAM != 0 {
                        return err(format!("name '{n}' is parameter and global"), s.loc);
                    }
                    if prev & DEF_NONLOCAL != 0 {
                        return err(format!("name '{n}' is nonlocal and global"), s.loc);
                    }
                    if prev & DEF_LOCAL != 0 {
                        return err(format!("name '{n}' is assigned to before global declaration"), s.loc);
                    }
                    self.add_flag(self.cur, n, DEF_GLOBAL, s.loc);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scopes[self.cur as usize].kind == ScopeKind::Module {
                    return err("nonlocal declaration not allowed at module level", s.loc);
                }
                for &n in names {
                    let prev = self.cur_scope().symbol(n).map_or(0, |s| s.flags);
                    if prev & DEF_PARAM != 0 {
                        return err(format!("name '{n}' is parameter and nonlocal"), s.loc);
                    }
                    if prev & DEF_GLOBAL != 0 {
                        return err(format!("name '{n}' is nonlocal and global"), s.loc);
                    }
                    if prev & DEF_LOCAL != 0 {
                        return err(format!("name '{n}' is assigned to before nonlocal declaration"), s.loc);
                    }
                    // Record where it was declared, for "no binding" errors.
                    let sid = self.cur;
                    self.add_flag(sid, n, DEF_NONLOCAL, s.loc);
                    if let Some(sym) = self.scope_mut(sid).symbol_mut(n) {
                        sym.loc = s.loc;
                    }
                }
            }
        }
        Ok(())
    }

    fn check_async_stmt(&self, msg: &str, loc: Loc) -> R {
        let s = &self.scopes[self.cur as usize];
        if s.kind == ScopeKind::Function && s.is_async {
            Ok(())
        } else {
            err(msg, loc)
        }
    }

    /// A binding target (assignment, `for`, `with ... as`, `del`).
    /// As in MicroPython, a `const()` name is a literal from its definition on:
    /// it cannot be assigned to (or deleted) again.
    fn check_not_const(&self, name: Qstr, loc: Loc) -> R {
        if self.consts.contains_key(&name) {
            return err(format!("cannot assign to constant '{name}'"), loc);
        }
        Ok(())
    }

    fn target(&mut self, t: &'a Expr, flag: u16) -> R {
        match &t.kind {
            ExprKind::Name(n) => {
                self.check_not_const(*n, t.loc)?;
                self.add_flag(self.cur, *n, flag, t.loc);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.target(e, flag)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner, flag)?,
            ExprKind::Attribute { value, .. } => self.root(value)?,
            ExprKind::Subscript { value, slice } => {
                self.root(value)?;
                self.root(slice)?;
            }
            // Not a valid target: codegen reports it; visit it for completeness.
            _ => self.root(t)?,
        }
        Ok(())
    }

    fn funcdef(&mut self, f: &'a FunctionDef) -> R {
        for d in &f.decorators {
            if emitter_decorator(d).is_none() {
                self.root(d)?;
            }
        }
        self.arg_defaults(&f.args)?;
        let emit = self.emit_for(&f.decorators);
        if emit == 0 {
            // Parameter and return annotations are evaluated where the `def` runs
            // (not for native and viper functions, whose annotations are types).
            let a = &f.args;
            let params = a.posonlyargs.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonlyargs).chain(&a.kwarg);
            for ann in params.filter_map(|p| p.annotation.as_ref()).chain(f.returns.as_ref()) {
                self.root(ann)?;
            }
        }
        self.bind(f.name, f.loc);
        let sid = self.new_scope(ScopeKind::Function, f.name, f.loc, emit);
        self.scope_by_node.insert(addr(f), sid);
        self.scope_mut(sid).is_async = f.is_async;
        self.params(sid, &f.args)?;
        let saved = self.cur;
        self.cur = sid;
        self.stmts(&f.body)?;
        self.finish_function(sid);
        self.cur = saved;
        Ok(())
    }

    fn classdef(&mut self, c: &'a ClassDef) -> R {
        for d in &c.decorators {
            if emitter_decorator(d).is_none() {
                self.root(d)?;
            }
        }
        for b in &c.bases {
            self.root(b)?;
        }
        for k in &c.keywords {
            self.root(&k.value)?;
        }
        self.bind(c.name, c.loc);
        let emit = self.emit_for(&c.decorators);
        let sid = self.new_scope(ScopeKind::Class, c.name, c.loc, emit);
        self.scope_by_node.insert(addr(c), sid);
        let saved = self.cur;
        self.cur = sid;
        self.stmts(&c.body)?;
        self.cur = saved;
        Ok(())
    }

    fn arg_defaults(&mut self, args: &'a Arguments) -> R {
        for d in &args.defaults {
            self.root(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.root(d)?;
        }
        Ok(())
    }

    fn params(&mut self, sid: ScopeId, args: &'a Arguments) -> R {
        let add = |b: &mut Self, name: Qstr, loc: Loc| -> R {
            if b.add_flag(sid, name, DEF_PARAM, loc) & DEF_PARAM != 0 {
                return err(format!("duplicate argument '{name}' in function definition"), loc);
            }
            b.scope_mut(sid).params.push(name);
            Ok(())
        };
        for a in args.posonlyargs.iter().chain(&args.args) {
            add(self, a.name, a.loc)?;
        }
        for a in &args.kwonlyargs {
            add(self, a.name, a.loc)?;
        }
        if let Some(a) = &args.vararg {
            add(self, a.name, a.loc)?;
        }
        if let Some(a) = &args.kwarg {
            add(self, a.name, a.loc)?;
        }
        let s = self.scope_mut(sid);
        s.posonlyargcount = args.posonlyargs.len() as u32;
        s.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        s.kwonlyargcount = args.kwonlyargs.len() as u32;
        s.has_varargs = args.vararg.is_some();
        s.has_varkw = args.kwarg.is_some();
        Ok(())
    }

    /// Zero-argument `super()` becomes `super(__class__, <first argument>)` when
    /// the function sits in a class and `super` is the builtin.
    fn finish_function(&mut self, sid: ScopeId) {
        let s = &self.scopes[sid as usize];
        if !s.has_super_call {
            return;
        }
        if let Some(sym) = s.symbol(q::super_) {
            if sym.flags & (DEF_LOCAL | DEF_PARAM | DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return;
            }
        }
        // The function whose first argument is `self`: for a comprehension, the
        // nearest enclosing real function.
        let mut owner = sid;
        while self.scopes[owner as usize].kind == ScopeKind::Comprehension {
            match self.scopes[owner as usize].parent {
                Some(p) => owner = p,
                None => return,
            }
        }
        let o = &self.scopes[owner as usize];
        if !o.is_function_like() {
            return;
        }
        let mut in_class = false;
        let mut p = o.parent;
        while let Some(pid) = p {
            match self.scopes[pid as usize].kind {
                ScopeKind::Class => {
                    in_class = true;
                    break;
                }
                ScopeKind::Module => break,
                _ => p = self.scopes[pid as usize].parent,
            }
        }
        if !in_class {
            return;
        }
        let sup = if o.argcount > 0 {
            SuperSelf::Name(o.params[0])
        } else if o.has_varargs {
            SuperSelf::VarArgs(o.params[(o.argcount + o.kwonlyargcount) as usize])
        } else {
            return;
        };
        let (SuperSelf::Name(n) | SuperSelf::VarArgs(n)) = sup;
        let loc = self.scopes[sid as usize].loc;
        self.add_flag(sid, q::__class__, USE, loc);
        self.add_flag(sid, n, USE, loc);
        self.scope_mut(sid).super_self = Some(sup);
    }

    fn note_yield(&mut self, loc: Loc, is_from: bool) -> R {
        let s = self.cur_scope();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => err("'yield' outside function", loc),
            ScopeKind::Comprehension => {
                let what = match s.comp_kind {
                    Some(CompKind::List) => "list comprehension",
                    Some(CompKind::Set) => "set comprehension",
                    Some(CompKind::Dict) => "dict comprehension",
                    _ => "generator expression",
                };
                err(format!("'yield' inside {what}"), loc)
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                if is_from && s.is_async {
                    return err("'yield from' inside async function", loc);
                }
                s.is_generator = true;
                Ok(())
            }
        }
    }

    fn note_await(&mut self, sid: ScopeId, loc: Loc) -> R {
        let s = self.scope_mut(sid);
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => err("'await' outside function", loc),
            ScopeKind::Function if s.is_async => Ok(()),
            ScopeKind::Function | ScopeKind::Lambda => err("'await' outside async function", loc),
            ScopeKind::Comprehension => {
                s.is_async = true;
                Ok(())
            }
        }
    }

    // ---- expressions ----

    /// Visit an expression whose value nothing here folds further: a constant
    /// result is recorded for codegen.
    fn root(&mut self, e: &'a Expr) -> R {
        // The commonest leaves, without building a value only to drop it.
        match e.kind {
            ExprKind::Const(_) => return Ok(()),
            ExprKind::Name(n) if n != self.q_debug && (self.consts.is_empty() || !self.consts.contains_key(&n)) => {
                self.use_name(n, e.loc);
                return Ok(());
            }
            _ => {}
        }
        if let Some(v) = self.expr(e)? {
            self.commit(e, v);
        }
        Ok(())
    }

    fn commit(&mut self, e: &'a Expr, v: ConstValue<'a>) {
        match e.kind {
            ExprKind::Const(_) => {}
            ExprKind::Name(_) => {
                self.has_folded_names = true;
                self.folded.insert(addr(e), v);
            }
            _ => {
                self.folded.insert(addr(e), v);
            }
        }
    }

    /// `math.pi` and friends are constants at compile time, as in MicroPython
    /// (`MICROPY_COMP_MODULE_CONST`), which goes by the names alone.
    fn module_const(&self, module: Qstr, attr: Qstr) -> Option<ConstValue<'a>> {
        if module != self.q_math {
            return None;
        }
        let v = match attr.as_str() {
            "pi" => std::f64::consts::PI,
            "e" => std::f64::consts::E,
            "tau" => std::f64::consts::TAU,
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            _ => return None,
        };
        Some(ConstValue::Float(v))
    }

    /// Visit an expression; returns its value if it is a compile-time constant
    /// (which the caller either folds further or `commit`s).
    fn expr(&mut self, e: &'a Expr) -> R<Option<ConstValue<'a>>> {
        self.enter(e.loc)?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R<Option<ConstValue<'a>>> {
        match &e.kind {
            ExprKind::Name(n) => {
                if *n == self.q_debug {
                    return Ok(Some(ConstValue::from_bool(self.debug)));
                }
                if let Some(v) = self.consts.get(n) {
                    return Ok(Some(v.clone()));
                }
                self.use_name(*n, e.loc);
            }
            ExprKind::Const(c) => return Ok(Some(ConstValue::from_literal(c))),
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.root(p)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.root(value)?;
                if let Some(s) = format_spec {
                    self.root(s)?;
                }
            }
            ExprKind::TemplateStr { interpolations, .. } => {
                for i in interpolations {
                    self.root(&i.value)?;
                    if let Some(s) = &i.format_spec {
                        self.root(s)?;
                    }
                }
            }
            ExprKind::BoolOp { op, values } => {
                let base = self.vals.len();
                let mut all = true;
                for v in values {
                    let r = self.expr(v);
                    let r = match r {
                        Ok(r) => r,
                        Err(e) => {
                            self.vals.truncate(base);
                            return Err(e);
                        }
                    };
                    all &= r.is_some();
                    self.vals.push(r);
                }
                if all {
                    // `a and b`: the first falsy operand, else the last; `or` dually.
                    let want = *op == krait_syntax::ast::BoolOp::Or;
                    let n = values.len();
                    let mut result = None;
                    for (i, v) in self.vals.drain(base..).enumerate() {
                        let Some(v) = v else { continue };
                        if result.is_none() && (i + 1 == n || v.is_truthy() == want) {
                            result = Some(v);
                        }
                    }
                    return Ok(result);
                }
                for (i, e) in values.iter().enumerate() {
                    if let Some(v) = self.vals[base + i].take() {
                        self.commit(e, v);
                    }
                }
                self.vals.truncate(base);
            }
            ExprKind::NamedExpr { target, value } => {
                self.root(value)?;
                self.bind_walrus(*target, e.loc)?;
            }
            ExprKind::BinOp { .. } => return self.binop(e),
            ExprKind::UnaryOp { op, operand } => {
                if let Some(v) = self.expr(operand)? {
                    match fold::unary(*op, &v) {
                        Some(r) => return Ok(Some(r)),
                        None => self.commit(operand, v),
                    }
                }
            }
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                let emit = self.scopes[self.cur as usize].emit;
                let sid = self.new_scope(ScopeKind::Lambda, q::lambda_, e.loc, emit);
                self.scope_by_node.insert(addr(e), sid);
                self.params(sid, args)?;
                let saved = self.cur;
                self.cur = sid;
                self.root(body)?;
                self.finish_function(sid);
                self.cur = saved;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.root(test)?;
                self.root(body)?;
                self.root(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.root(k)?;
                    }
                    self.root(v)?;
                }
            }
            ExprKind::Set(elts) | ExprKind::List(elts) => {
                for x in elts {
                    self.root(x)?;
                }
            }
            ExprKind::ListComp { elt, generators } => self.comp(e, CompKind::List, elt, None, generators)?,
            ExprKind::SetComp { elt, generators } => self.comp(e, CompKind::Set, elt, None, generators)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comp(e, CompKind::Dict, key, Some(value), generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comp(e, CompKind::Gen, elt, None, generators)?,
            ExprKind::Await(v) => {
                self.note_await(self.cur, e.loc)?;
                self.root(v)?;
            }
            ExprKind::Yield(v) => {
                self.note_yield(e.loc, false)?;
                if let Some(v) = v {
                    self.root(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.note_yield(e.loc, true)?;
                self.root(v)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.root(left)?;
                for c in comparators {
                    self.root(c)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                if let Some(arg) = const_call_arg(e) {
                    // `const(v)` outside an assignment: just `v` when constant.
                    if let Some(v) = self.expr(arg)? {
                        return Ok(Some(v));
                    }
                    self.use_name(q::const_, func.loc);
                    return Ok(None);
                }
                if args.is_empty() && keywords.is_empty() && matches!(func.kind, ExprKind::Name(n) if n == q::super_) {
                    self.cur_scope().has_super_call = true;
                }
                self.root(func)?;
                for a in args {
                    self.root(a)?;
                }
                for k in keywords {
                    self.root(&k.value)?;
                }
            }
            ExprKind::Attribute { value, attr } => {
                if let ExprKind::Name(m) = value.kind {
                    if let Some(v) = self.module_const(m, *attr) {
                        return Ok(Some(v));
                    }
                }
                self.root(value)?
            }
            ExprKind::Subscript { value, slice } => {
                self.root(value)?;
                self.root(slice)?;
            }
            ExprKind::Starred(v) => self.root(v)?,
            ExprKind::Tuple(elts) => {
                let base = self.vals.len();
                let mut all = true;
                for x in elts {
                    let r = match self.expr(x) {
                        Ok(r) => r,
                        Err(e) => {
                            self.vals.truncate(base);
                            return Err(e);
                        }
                    };
                    all &= r.is_some();
                    self.vals.push(r);
                }
                if all {
                    let items = self.vals.drain(base..).map(|v| v.expect("checked")).collect();
                    return Ok(Some(ConstValue::Tuple(items)));
                }
                for (i, x) in elts.iter().enumerate() {
                    if let Some(v) = self.vals[base + i].take() {
                        self.commit(x, v);
                    }
                }
                self.vals.truncate(base);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.root(x)?;
                }
            }
        }
        Ok(None)
    }

    /// A chain of binary operators, walked along its left spine iteratively
    /// (long chains like `a + b + c + ...` would otherwise recurse once per term).
    fn binop(&mut self, e: &'a Expr) -> R<Option<ConstValue<'a>>> {
        let base = self.spine.len();
        let mut leftmost = e;
        while let ExprKind::BinOp { left, .. } = &leftmost.kind {
            self.spine.push(leftmost);
            leftmost = left;
        }
        let mut acc = self.expr(leftmost);
        let mut acc_node = leftmost;
        let mut i = self.spine.len();
        while i > base {
            let Ok(a) = acc else { break };
            i -= 1;
            let node = self.spine[i];
            let ExprKind::BinOp { op, right, .. } = &node.kind else { unreachable!("spine holds BinOps") };
            let r = match self.expr(right) {
                Ok(r) => r,
                Err(e) => {
                    acc = Err(e);
                    break;
                }
            };
            acc = Ok(match (a, r) {
                (Some(a), Some(b)) => match fold::binary(*op, &a, &b) {
                    Some(v) => Some(v),
                    None => {
                        self.commit(acc_node, a);
                        self.commit(right, b);
                        None
                    }
                },
                (Some(a), None) => {
                    self.commit(acc_node, a);
                    None
                }
                (None, Some(b)) => {
                    self.commit(right, b);
                    None
                }
                (None, None) => None,
            });
            acc_node = node;
        }
        self.spine.truncate(base);
        acc
    }

    fn comp(
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
        self.root(&first.iter)?;
        let name = match kind {
            CompKind::List => q::listcomp,
            CompKind::Set => q::setcomp,
            CompKind::Dict => q::dictcomp,
            CompKind::Gen => q::genexpr,
        };
        let emit = self.scopes[self.cur as usize].emit;
        let sid = self.new_scope(ScopeKind::Comprehension, name, e.loc, emit);
        self.scope_by_node.insert(addr(e), sid);
        let dot0 = self.q_dot0;
        {
            let s = self.scope_mut(sid);
            s.comp_kind = Some(kind);
            s.argcount = 1;
        }
        self.add_flag(sid, dot0, DEF_PARAM, e.loc);
        self.scope_mut(sid).params.push(dot0);
        let saved = self.cur;
        self.cur = sid;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.root(&g.iter)?;
            }
            self.target(&g.target, DEF_LOCAL | DEF_COMP_ITER)?;
            for c in &g.ifs {
                self.root(c)?;
            }
            if g.is_async {
                self.scope_mut(sid).is_async = true;
            }
        }
        self.root(elt)?;
        if let Some(v) = value {
            self.root(v)?;
        }
        self.finish_function(sid);
        self.cur = saved;
        if kind != CompKind::Gen && self.scopes[sid as usize].is_async {
            // Its result is awaited where it is built.
            let p = self.scope_mut(saved);
            match p.kind {
                ScopeKind::Function if p.is_async => {}
                ScopeKind::Comprehension => p.is_async = true,
                _ => return err("asynchronous comprehension outside of an asynchronous function", e.loc),
            }
        }
        Ok(())
    }

    /// `name := value`: inside comprehensions it binds in the enclosing function
    /// (or module) scope.
    fn bind_walrus(&mut self, name: Qstr, loc: Loc) -> R {
        self.check_not_const(name, loc)?;
        if self.scopes[self.cur as usize].kind != ScopeKind::Comprehension {
            self.bind(name, loc);
            return Ok(());
        }
        let mut sid = self.cur;
        loop {
            let s = &self.scopes[sid as usize];
            if s.kind != ScopeKind::Comprehension {
                break;
            }
            if s.symbol(name).is_some_and(|sym| sym.flags & DEF_COMP_ITER != 0) {
                return err(
                    format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                    loc,
                );
            }
            match s.parent {
                Some(p) => sid = p,
                None => break,
            }
        }
        if self.scopes[sid as usize].kind == ScopeKind::Class {
            return err("assignment expression within a comprehension cannot be used in a class body", loc);
        }
        self.add_flag(sid, name, DEF_LOCAL, loc);
        self.add_flag(self.cur, name, DEF_COMP_WALRUS, loc);
        Ok(())
    }

    // ---- resolution ----

    fn resolve(&mut self, first: usize) -> R {
        for sid in first.max(1)..self.live {
            let mut i = 0;
            while i < self.scopes[sid].syms.len() {
                let sym = self.scopes[sid].syms[i];
                let name = sym.name;
                let at = i;
                i += 1;
                if sym.scope != SymScope::Unresolved {
                    continue;
                }
                let kind = self.scopes[sid].kind;
                let f = sym.flags;
                let scope = if f & DEF_GLOBAL != 0 {
                    SymScope::GlobalExplicit
                } else if f & DEF_NONLOCAL != 0 {
                    match self.lookup(sid as ScopeId, name) {
                        Some(_) => SymScope::Free,
                        None => return err(format!("no binding for nonlocal '{name}' found"), sym.loc),
                    }
                } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                    SymScope::Local
                } else if kind == ScopeKind::Module {
                    SymScope::GlobalImplicit
                } else if f & DEF_COMP_WALRUS != 0 {
                    match self.lookup(sid as ScopeId, name) {
                        Some(_) => SymScope::Free,
                        None => SymScope::GlobalExplicit,
                    }
                } else {
                    match self.lookup(sid as ScopeId, name) {
                        Some(_) => SymScope::Free,
                        None => SymScope::GlobalImplicit,
                    }
                };
                self.scopes[sid].syms[at].scope = scope;
            }
        }
        Ok(())
    }

    /// Find the enclosing function scope that binds `name` (class scopes are
    /// invisible to the scopes nested in them, except as the owner of
    /// `__class__`); make it a cell there and a free variable in every scope
    /// in between.
    fn lookup(&mut self, sid: ScopeId, name: Qstr) -> Option<ScopeId> {
        let mut p = self.scopes[sid as usize].parent;
        let found = loop {
            let pid = p?;
            let ps = &mut self.scopes[pid as usize];
            match ps.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {
                    if name == q::__class__ {
                        ps.needs_class_cell = true;
                        break pid;
                    }
                }
                _ => {
                    if let Some(sym) = ps.symbol_mut(name) {
                        match sym.scope {
                            SymScope::Local => {
                                sym.scope = SymScope::Cell;
                                break pid;
                            }
                            SymScope::Cell | SymScope::Free => break pid,
                            _ => return None,
                        }
                    }
                }
            }
            p = ps.parent;
        };
        let mut p = self.scopes[sid as usize].parent;
        while let Some(pid) = p {
            if pid == found {
                break;
            }
            let ps = &mut self.scopes[pid as usize];
            let sym = ps.entry(name, Loc::default());
            if sym.scope == SymScope::Unresolved {
                sym.flags = FREE_PASS;
                sym.scope = SymScope::Free;
            } else if sym.scope != SymScope::Free {
                sym.flags |= FREE_CLASS;
            }
            p = ps.parent;
        }
        Some(found)
    }

    fn number_slots(&mut self, first: usize) {
        for s in &mut self.scopes[first.max(1)..self.live] {
            match s.kind {
                ScopeKind::Module => {}
                ScopeKind::Class => {
                    if s.needs_class_cell {
                        s.cellvars.push(q::__class__);
                        s.cell2arg.push(u32::MAX);
                    }
                    let ncells = s.cellvars.len() as u32;
                    for sym in &mut s.syms {
                        if sym.scope == SymScope::Free || sym.flags & FREE_CLASS != 0 {
                            sym.index = ncells + s.freevars.len() as u32;
                            s.freevars.push(sym.name);
                        }
                    }
                }
                _ => {
                    s.varnames.clone_from(&s.params);
                    for sym in &mut s.syms {
                        if sym.scope == SymScope::Local {
                            if sym.flags & DEF_PARAM != 0 {
                                sym.index = s.params.iter().position(|p| *p == sym.name).unwrap_or(0) as u32;
                            } else {
                                sym.index = s.varnames.len() as u32;
                                s.varnames.push(sym.name);
                            }
                        }
                    }
                    for sym in &mut s.syms {
                        if sym.scope == SymScope::Cell {
                            sym.index = s.cellvars.len() as u32;
                            s.cellvars.push(sym.name);
                            let arg = if sym.flags & DEF_PARAM != 0 {
                                s.params.iter().position(|p| *p == sym.name).map_or(u32::MAX, |i| i as u32)
                            } else {
                                u32::MAX
                            };
                            s.cell2arg.push(arg);
                        }
                    }
                    let ncells = s.cellvars.len() as u32;
                    for sym in &mut s.syms {
                        if sym.scope == SymScope::Free {
                            sym.index = ncells + s.freevars.len() as u32;
                            s.freevars.push(sym.name);
                        }
                    }
                }
            }
        }
    }
}

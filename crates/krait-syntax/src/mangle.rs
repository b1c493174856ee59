//! Private name mangling: inside a class, an identifier `__spam` (two leading
//! underscores, not ending in two) stands for `_ClassName__spam`, the class
//! name stripped of its leading underscores (no mangling when nothing is
//! left). CPython does this in its compiler; MicroPython doesn't, and a class
//! hierarchy whose classes each keep a `self.__x` of their own needs it.
//!
//! The parser applies it to each class as the class is completed
//! ([`mangle_class_body`]): names, attribute names, parameter names, the names
//! of functions and classes defined inside, `global`/`nonlocal` names, `except
//! ... as` names, walrus targets and import bindings, in every scope nested in
//! the class body except the bodies of nested classes (mangled already, with
//! their own name). Keyword argument names in calls and string constants are
//! left alone, as in CPython.

use crate::ast::*;
use crate::qstr::Qstr;

/// `name` as written inside class `class_name`.
pub fn mangle(class_name: &str, name: Qstr) -> Qstr {
    let s = name.as_str();
    if !s.starts_with("__") || s.ends_with("__") || s.contains('.') {
        return name;
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name;
    }
    Qstr::new(&format!("_{stripped}{s}"))
}

/// Mangle the private names in the body of class `class_name`.
pub fn mangle_class_body(class_name: Qstr, body: &mut [Stmt]) {
    let m = Mangler { cls: class_name.as_str() };
    for s in body {
        m.stmt(s);
    }
}

struct Mangler<'a> {
    cls: &'a str,
}

impl Mangler<'_> {
    fn name(&self, n: &mut Qstr) {
        if n.as_str().starts_with("__") {
            *n = mangle(self.cls, *n);
        }
    }

    fn stmts(&self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t);
                }
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::FunctionDef(f) => {
                self.name(&mut f.name);
                for d in &mut f.decorators {
                    self.expr(d);
                }
                self.arguments(&mut f.args);
                if let Some(r) = &mut f.returns {
                    self.expr(r);
                }
                self.stmts(&mut f.body);
            }
            StmtKind::ClassDef(c) => {
                // Its header belongs to this scope; its body was mangled with its own name.
                self.name(&mut c.name);
                for e in c.bases.iter_mut().chain(c.decorators.iter_mut()) {
                    self.expr(e);
                }
                for k in &mut c.keywords {
                    self.expr(&mut k.value);
                }
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &mut h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &mut h.name {
                        self.name(n);
                    }
                    self.stmts(&mut h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&mut it.context_expr);
                    if let Some(v) = &mut it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                // The name bound: `as` name, or the (undotted) name imported.
                for a in aliases {
                    match &mut a.asname {
                        Some(n) => self.name(n),
                        None => {
                            let m = mangle(self.cls, a.name);
                            if m != a.name {
                                a.asname = Some(m);
                            }
                        }
                    }
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                for n in names {
                    self.name(n);
                }
            }
        }
    }

    fn arguments(&self, a: &mut Arguments) {
        for e in a.defaults.iter_mut().chain(a.kw_defaults.iter_mut().flatten()) {
            self.expr(e);
        }
        let args = a.posonlyargs.iter_mut().chain(a.args.iter_mut()).chain(a.kwonlyargs.iter_mut());
        for arg in args.chain(a.vararg.iter_mut()).chain(a.kwarg.iter_mut()) {
            self.name(&mut arg.name);
            if let Some(t) = &mut arg.annotation {
                self.expr(t);
            }
        }
    }

    fn comprehensions(&self, gens: &mut [Comprehension]) {
        for g in gens {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            for i in &mut g.ifs {
                self.expr(i);
            }
        }
    }

    fn expr(&self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Const(_) => {}
            ExprKind::JoinedStr(parts) | ExprKind::Set(parts) | ExprKind::List(parts) | ExprKind::Tuple(parts) => {
                for p in parts {
                    self.expr(p);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                if let Some(f) = format_spec {
                    self.expr(f);
                }
            }
            ExprKind::TemplateStr { interpolations, .. } => {
                for i in interpolations {
                    self.expr(&mut i.value);
                    if let Some(f) = &mut i.format_spec {
                        self.expr(f);
                    }
                }
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.name(target);
                self.expr(value);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.arguments(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comprehensions(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comprehensions(generators);
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => self.expr(v),
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                self.name(attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p);
                }
            }
        }
    }
}

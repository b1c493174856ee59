//! A canonical text form of krait's AST, used by the parser tests and by the
//! `dump_ast` example for differential testing against CPython's `ast` module
//! (the same form is easy to produce from CPython's tree).

#![allow(dead_code)]

use std::fmt::Write;

use krait_syntax::ast::*;

struct D {
    out: String,
    locs: bool,
}

fn esc_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        if (' '..='~').contains(&c) && c != '"' && c != '\\' {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    out.push('"');
}

impl D {
    fn loc(&mut self, l: Loc) {
        if self.locs {
            let _ = write!(self.out, "@{}:{}", l.line, l.col);
        }
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut D, &T)) {
        self.out.push('[');
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, it);
        }
        self.out.push(']');
    }

    fn opt(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.out.push_str("None"),
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, es: &[Expr]) {
        self.list(es, |d, e| d.expr(e));
    }

    fn name(&mut self, n: Name) {
        let _ = write!(self.out, "'{}'", n.as_str());
    }

    fn stmt(&mut self, s: &Stmt) {
        let o = |d: &mut D, t: &str| d.out.push_str(t);
        match &s.kind {
            StmtKind::Expr(e) => {
                o(self, "Expr");
                self.loc(s.loc);
                o(self, "(");
                self.expr(e);
            }
            StmtKind::Assign { targets, value } => {
                o(self, "Assign");
                self.loc(s.loc);
                o(self, "(");
                self.exprs(targets);
                o(self, ", ");
                self.expr(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                o(self, "AugAssign");
                self.loc(s.loc);
                o(self, "(");
                self.expr(target);
                let _ = write!(self.out, ", {op:?}, ");
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                o(self, "AnnAssign");
                self.loc(s.loc);
                o(self, "(");
                self.expr(target);
                o(self, ", ");
                self.expr(annotation);
                o(self, ", ");
                self.opt(value.as_ref());
                let _ = write!(self.out, ", {}", *simple as u8);
            }
            StmtKind::FunctionDef(f) => {
                o(self, "FunctionDef");
                self.loc(s.loc);
                o(self, "(");
                self.name(f.name);
                o(self, ", ");
                self.args(&f.args);
                o(self, ", ");
                self.stmts(&f.body);
                o(self, ", ");
                self.exprs(&f.decorators);
                o(self, ", ");
                self.opt(f.returns.as_ref());
                let _ = write!(self.out, ", {}", f.is_async as u8);
            }
            StmtKind::ClassDef(c) => {
                o(self, "ClassDef");
                self.loc(s.loc);
                o(self, "(");
                self.name(c.name);
                o(self, ", ");
                self.exprs(&c.bases);
                o(self, ", ");
                self.keywords(&c.keywords);
                o(self, ", ");
                self.stmts(&c.body);
                o(self, ", ");
                self.exprs(&c.decorators);
            }
            StmtKind::Return(v) => {
                o(self, "Return");
                self.loc(s.loc);
                o(self, "(");
                self.opt(v.as_ref());
            }
            StmtKind::Delete(ts) => {
                o(self, "Delete");
                self.loc(s.loc);
                o(self, "(");
                self.exprs(ts);
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {
                let n = match s.kind {
                    StmtKind::Pass => "Pass",
                    StmtKind::Break => "Break",
                    _ => "Continue",
                };
                o(self, n);
                self.loc(s.loc);
                o(self, "(");
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                o(self, if matches!(s.kind, StmtKind::If { .. }) { "If" } else { "While" });
                self.loc(s.loc);
                o(self, "(");
                self.expr(test);
                o(self, ", ");
                self.stmts(body);
                o(self, ", ");
                self.stmts(orelse);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                o(self, "For");
                self.loc(s.loc);
                o(self, "(");
                self.expr(target);
                o(self, ", ");
                self.expr(iter);
                o(self, ", ");
                self.stmts(body);
                o(self, ", ");
                self.stmts(orelse);
                let _ = write!(self.out, ", {}", *is_async as u8);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                o(self, "Try");
                self.loc(s.loc);
                o(self, "(");
                self.stmts(body);
                o(self, ", ");
                self.list(handlers, |d, h| {
                    d.out.push_str("Handler");
                    d.loc(h.loc);
                    d.out.push('(');
                    d.opt(h.typ.as_ref());
                    d.out.push_str(", ");
                    match h.name {
                        Some(n) => d.name(n),
                        None => d.out.push_str("None"),
                    }
                    d.out.push_str(", ");
                    d.stmts(&h.body);
                    d.out.push(')');
                });
                o(self, ", ");
                self.stmts(orelse);
                o(self, ", ");
                self.stmts(finalbody);
            }
            StmtKind::With { items, body, is_async } => {
                o(self, "With");
                self.loc(s.loc);
                o(self, "(");
                self.list(items, |d, it| {
                    d.out.push_str("Item(");
                    d.expr(&it.context_expr);
                    d.out.push_str(", ");
                    d.opt(it.optional_vars.as_ref());
                    d.out.push(')');
                });
                o(self, ", ");
                self.stmts(body);
                let _ = write!(self.out, ", {}", *is_async as u8);
            }
            StmtKind::Raise { exc, cause } => {
                o(self, "Raise");
                self.loc(s.loc);
                o(self, "(");
                self.opt(exc.as_ref());
                o(self, ", ");
                self.opt(cause.as_ref());
            }
            StmtKind::Assert { test, msg } => {
                o(self, "Assert");
                self.loc(s.loc);
                o(self, "(");
                self.expr(test);
                o(self, ", ");
                self.opt(msg.as_ref());
            }
            StmtKind::Import(names) => {
                o(self, "Import");
                self.loc(s.loc);
                o(self, "(");
                self.aliases(names);
            }
            StmtKind::ImportFrom { module, names, level } => {
                o(self, "ImportFrom");
                self.loc(s.loc);
                o(self, "(");
                match module {
                    Some(m) => self.name(*m),
                    None => o(self, "None"),
                }
                o(self, ", ");
                self.aliases(names);
                let _ = write!(self.out, ", {level}");
            }
            StmtKind::Global(ns) | StmtKind::Nonlocal(ns) => {
                o(self, if matches!(s.kind, StmtKind::Global(_)) { "Global" } else { "Nonlocal" });
                self.loc(s.loc);
                o(self, "(");
                self.list(ns, |d, n| d.name(*n));
            }
        }
        self.out.push(')');
    }

    fn aliases(&mut self, names: &[Alias]) {
        self.list(names, |d, a| {
            d.name(a.name);
            if let Some(n) = a.asname {
                d.out.push_str(" as ");
                d.name(n);
            }
        });
    }

    fn keywords(&mut self, kws: &[Keyword]) {
        self.list(kws, |d, k| {
            match k.arg {
                Some(n) => d.name(n),
                None => d.out.push_str("**"),
            }
            d.out.push('=');
            d.expr(&k.value);
        });
    }

    fn arg(&mut self, a: &Arg) {
        self.out.push_str("Arg");
        self.loc(a.loc);
        self.out.push('(');
        self.name(a.name);
        self.out.push_str(", ");
        self.opt(a.annotation.as_ref());
        self.out.push(')');
    }

    fn args(&mut self, a: &Arguments) {
        self.out.push_str("Args(");
        self.list(&a.posonlyargs, |d, x| d.arg(x));
        self.out.push_str(", ");
        self.list(&a.args, |d, x| d.arg(x));
        self.out.push_str(", ");
        match &a.vararg {
            Some(x) => self.arg(x),
            None => self.out.push_str("None"),
        }
        self.out.push_str(", ");
        self.list(&a.kwonlyargs, |d, x| d.arg(x));
        self.out.push_str(", ");
        self.list(&a.kw_defaults, |d, x| d.opt(x.as_ref()));
        self.out.push_str(", ");
        match &a.kwarg {
            Some(x) => self.arg(x),
            None => self.out.push_str("None"),
        }
        self.out.push_str(", ");
        self.exprs(&a.defaults);
        self.out.push(')');
    }

    fn comps(&mut self, gens: &[Comprehension]) {
        self.list(gens, |d, g| {
            d.out.push_str("Comp(");
            d.expr(&g.target);
            d.out.push_str(", ");
            d.expr(&g.iter);
            d.out.push_str(", ");
            d.exprs(&g.ifs);
            let _ = write!(d.out, ", {})", g.is_async as u8);
        });
    }

    fn expr(&mut self, e: &Expr) {
        let head = |d: &mut D, t: &str| {
            d.out.push_str(t);
            d.loc(e.loc);
            d.out.push('(');
        };
        match &e.kind {
            ExprKind::Name(n) => {
                head(self, "Name");
                self.name(*n);
            }
            ExprKind::Const(c) => {
                head(self, "Const");
                match c {
                    Constant::None => self.out.push_str("None"),
                    Constant::True => self.out.push_str("True"),
                    Constant::False => self.out.push_str("False"),
                    Constant::Ellipsis => self.out.push_str("Ellipsis"),
                    Constant::Int(v) => {
                        let _ = write!(self.out, "{v}");
                    }
                    Constant::BigInt(v) => {
                        let _ = write!(self.out, "{v}");
                    }
                    Constant::Float(f) => {
                        let _ = write!(self.out, "F{:016x}", f.to_bits());
                    }
                    Constant::Imag(f) => {
                        let _ = write!(self.out, "J{:016x}", f.to_bits());
                    }
                    Constant::Str(s) => esc_str(s, &mut self.out),
                    Constant::SurrogateStr(b) => {
                        self.out.push('"');
                        for (_, cp) in krait_syntax::wtf8::code_points(b) {
                            match char::from_u32(cp) {
                                Some(c) if (' '..='~').contains(&c) && c != '"' && c != '\\' => self.out.push(c),
                                _ => {
                                    let _ = write!(self.out, "\\u{{{cp:x}}}");
                                }
                            }
                        }
                        self.out.push('"');
                    }
                    Constant::Bytes(b) => {
                        self.out.push_str("b'");
                        for x in b.iter() {
                            let _ = write!(self.out, "{x:02x}");
                        }
                        self.out.push('\'');
                    }
                }
            }
            ExprKind::JoinedStr(parts) => {
                // Positions inside f-strings differ between Python versions; skip them.
                let saved = self.locs;
                self.out.push_str("JoinedStr(");
                self.locs = false;
                self.list(parts, |d, p| {
                    if let ExprKind::FormattedValue { value, conversion, format_spec } = &p.kind {
                        d.out.push_str("FV(");
                        d.locs = saved;
                        d.expr(value);
                        d.locs = false;
                        let _ = write!(d.out, ", {:?}, ", conversion);
                        d.opt(format_spec.as_deref());
                        d.out.push(')');
                    } else {
                        d.expr(p);
                    }
                });
                self.locs = saved;
            }
            ExprKind::TemplateStr { strings, interpolations } => {
                // As for f-strings, positions inside the literal are left out.
                let saved = self.locs;
                self.out.push_str("TemplateStr(");
                self.list(strings, |d, s| esc_str(s, &mut d.out));
                self.out.push_str(", ");
                self.list(interpolations, |d, i| {
                    d.out.push_str("Interp(");
                    d.locs = saved;
                    d.expr(&i.value);
                    d.locs = false;
                    d.out.push_str(", ");
                    esc_str(&i.expression, &mut d.out);
                    let _ = write!(d.out, ", {:?}, ", i.conversion);
                    d.opt(i.format_spec.as_ref());
                    d.out.push(')');
                });
                self.locs = saved;
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.out.push_str("FV(");
                self.expr(value);
                let _ = write!(self.out, ", {:?}, ", conversion);
                self.opt(format_spec.as_deref());
            }
            ExprKind::BoolOp { op, values } => {
                head(self, "BoolOp");
                let _ = write!(self.out, "{op:?}, ");
                self.exprs(values);
            }
            ExprKind::NamedExpr { target, value } => {
                head(self, "NamedExpr");
                self.name(*target);
                self.out.push_str(", ");
                self.expr(value);
            }
            ExprKind::BinOp { left, op, right } => {
                head(self, "BinOp");
                self.expr(left);
                let _ = write!(self.out, ", {op:?}, ");
                self.expr(right);
            }
            ExprKind::UnaryOp { op, operand } => {
                head(self, "UnaryOp");
                let _ = write!(self.out, "{op:?}, ");
                self.expr(operand);
            }
            ExprKind::Lambda { args, body } => {
                head(self, "Lambda");
                self.args(args);
                self.out.push_str(", ");
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                head(self, "IfExp");
                self.expr(test);
                self.out.push_str(", ");
                self.expr(body);
                self.out.push_str(", ");
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                head(self, "Dict");
                self.list(keys, |d, k| d.opt(k.as_ref()));
                self.out.push_str(", ");
                self.exprs(values);
            }
            ExprKind::Set(es) => {
                head(self, "Set");
                self.exprs(es);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let n = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                head(self, n);
                self.expr(elt);
                self.out.push_str(", ");
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                head(self, "DictComp");
                self.expr(key);
                self.out.push_str(", ");
                self.expr(value);
                self.out.push_str(", ");
                self.comps(generators);
            }
            ExprKind::Await(v) => {
                head(self, "Await");
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                head(self, "Yield");
                self.opt(v.as_deref());
            }
            ExprKind::YieldFrom(v) => {
                head(self, "YieldFrom");
                self.expr(v);
            }
            ExprKind::Compare { left, ops, comparators } => {
                head(self, "Compare");
                self.expr(left);
                let _ = write!(self.out, ", {ops:?}, ");
                self.exprs(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                head(self, "Call");
                self.expr(func);
                self.out.push_str(", ");
                self.exprs(args);
                self.out.push_str(", ");
                self.keywords(keywords);
            }
            ExprKind::Attribute { value, attr } => {
                head(self, "Attribute");
                self.expr(value);
                self.out.push_str(", ");
                self.name(*attr);
            }
            ExprKind::Subscript { value, slice } => {
                head(self, "Subscript");
                self.expr(value);
                self.out.push_str(", ");
                self.expr(slice);
            }
            ExprKind::Starred(v) => {
                head(self, "Starred");
                self.expr(v);
            }
            ExprKind::List(es) => {
                head(self, "List");
                self.exprs(es);
            }
            ExprKind::Tuple(es) => {
                head(self, "Tuple");
                self.exprs(es);
            }
            ExprKind::Slice { lower, upper, step } => {
                head(self, "Slice");
                self.opt(lower.as_deref());
                self.out.push_str(", ");
                self.opt(upper.as_deref());
                self.out.push_str(", ");
                self.opt(step.as_deref());
            }
        }
        self.out.push(')');
    }
}

/// The statements of `m`, with `@line:col` after each node name when `locs`.
pub fn dump_module(m: &Module, locs: bool) -> String {
    let mut d = D { out: String::new(), locs };
    d.stmts(&m.body);
    d.out
}

/// One expression, in the same form.
pub fn dump_expr(e: &Expr, locs: bool) -> String {
    let mut d = D { out: String::new(), locs };
    d.expr(e);
    d.out
}

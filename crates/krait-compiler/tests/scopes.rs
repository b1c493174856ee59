//! Scope analysis: how each name is classified, and how that shows in the code.

mod common;

use common::*;
use krait_compiler::symtable::{self, ScopeKind, SymScope, SymbolTable};
use krait_compiler::{CodeFlags, Op};
use krait_syntax::{ast, Mode, Qstr};

fn analyse(src: &str) -> (Box<ast::Module>, &'static str) {
    let m = krait_syntax::parse(src, Mode::File).unwrap_or_else(|e| panic!("{e}"));
    (Box::new(m), "")
}

/// Classification of `name` in the scope called `scope` (by qualname).
fn class_of(st: &SymbolTable, scope: &str, name: &str) -> SymScope {
    let s = st.scopes().iter().find(|s| s.qualname.as_str() == scope).unwrap_or_else(|| panic!("no scope {scope}"));
    s.scope_of(Qstr::new(name))
}

fn with_table(src: &str, f: impl FnOnce(&SymbolTable)) {
    let (m, _) = analyse(src);
    let st = symtable::build(&m, 0).unwrap_or_else(|e| panic!("{e}"));
    f(&st);
}

#[test]
fn locals_cells_frees_and_globals() {
    let src = "
g = 1
def f(a, b):
    global h
    c = a
    h = 2
    def inner():
        nonlocal c
        c = b + g + len
        return c
    return inner
";
    with_table(src, |st| {
        assert_eq!(class_of(st, "<module>", "g"), SymScope::Local);
        assert_eq!(class_of(st, "<module>", "len"), SymScope::GlobalImplicit);
        assert_eq!(class_of(st, "f", "a"), SymScope::Local);
        assert_eq!(class_of(st, "f", "b"), SymScope::Cell);
        assert_eq!(class_of(st, "f", "c"), SymScope::Cell);
        assert_eq!(class_of(st, "f", "h"), SymScope::GlobalExplicit);
        assert_eq!(class_of(st, "f", "inner"), SymScope::Local);
        assert_eq!(class_of(st, "f.<locals>.inner", "c"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.inner", "b"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.inner", "g"), SymScope::GlobalImplicit);
        assert_eq!(class_of(st, "f.<locals>.inner", "len"), SymScope::GlobalImplicit);
    });
    let code = compile(src);
    let f = find(&code, "f");
    assert_eq!(strs(&f.varnames), ["a", "b", "inner"]);
    assert_eq!(strs(&f.cellvars), ["b", "c"]);
    assert_eq!(f.cell2arg, vec![1, u32::MAX]);
    assert_eq!(names_with(&f, Op::StoreGlobal), ["h"]);
    let inner = find(&code, "f.<locals>.inner");
    assert_eq!(strs(&inner.freevars), ["c", "b"]);
    assert!(inner.flags.has(CodeFlags::NESTED));
    assert_eq!(count_op(&inner, Op::StoreDeref), 1);
    assert_eq!(names_with(&inner, Op::LoadGlobal), ["g", "len"]);
}

#[test]
fn free_variables_pass_through_intermediate_scopes() {
    let src = "
def f():
    x = 1
    def g():
        def h():
            return x
        return h
    return g
";
    with_table(src, |st| {
        assert_eq!(class_of(st, "f", "x"), SymScope::Cell);
        assert_eq!(class_of(st, "f.<locals>.g", "x"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.g.<locals>.h", "x"), SymScope::Free);
    });
    let code = compile(src);
    let g = find(&code, "f.<locals>.g");
    assert_eq!(strs(&g.freevars), ["x"]);
    assert_eq!(count_op(&g, Op::LoadClosure), 1);
}

#[test]
fn class_bodies_are_invisible_to_methods() {
    let src = "
def f():
    x = 1
    y = 2
    class C:
        x = 3
        z = y
        def m(self):
            return x, z
    return C
";
    with_table(src, |st| {
        assert_eq!(class_of(st, "f.<locals>.C", "x"), SymScope::Local);
        assert_eq!(class_of(st, "f.<locals>.C", "y"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.C.m", "x"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.C.m", "z"), SymScope::GlobalImplicit);
        assert_eq!(class_of(st, "f", "x"), SymScope::Cell);
    });
    let code = compile(src);
    let c = find(&code, "f.<locals>.C");
    assert!(c.flags.has(CodeFlags::CLASS_BODY));
    // `x` is stored in the class dict but also passed through to `m`.
    assert_eq!(names_with(&c, Op::StoreName), ["__module__", "__qualname__", "x", "z", "m"]);
    assert_eq!(strs(&c.freevars), ["x", "y"]);
    assert_eq!(count_op(&c, Op::LoadDeref), 1);
    let m = find(&code, "f.<locals>.C.m");
    assert_eq!(names_with(&m, Op::LoadGlobal), ["z"]);
}

#[test]
fn comprehensions_are_function_scopes() {
    let src = "
def f(n):
    k = 2
    return [i * k for i in range(n) if i], {j: k for j in n}
";
    with_table(src, |st| {
        assert_eq!(class_of(st, "f.<locals>.<listcomp>", "i"), SymScope::Local);
        assert_eq!(class_of(st, "f.<locals>.<listcomp>", "k"), SymScope::Free);
        assert_eq!(class_of(st, "f.<locals>.<listcomp>", "range"), SymScope::GlobalImplicit);
        assert_eq!(class_of(st, "f", "k"), SymScope::Cell);
        // The outermost iterable is evaluated in the enclosing scope.
        assert_eq!(class_of(st, "f", "range"), SymScope::GlobalImplicit);
        assert_eq!(class_of(st, "f.<locals>.<listcomp>", "n"), SymScope::GlobalImplicit);
    });
    let code = compile(src);
    let lc = find(&code, "f.<locals>.<listcomp>");
    assert_eq!(lc.argcount, 1);
    assert_eq!(strs(&lc.varnames), [".0", "i"]);
    assert!(has_op(&lc, Op::ListAppend));
    let f = find(&code, "f");
    assert_eq!(count_op(&f, Op::GetIter), 2);
}

#[test]
fn walrus_in_comprehension_binds_in_enclosing_function() {
    let src = "
def f(xs):
    ys = [last := x for x in xs]
    return last
y = [top := v for v in range(3)]
";
    with_table(src, |st| {
        assert_eq!(class_of(st, "f", "last"), SymScope::Cell);
        assert_eq!(class_of(st, "f.<locals>.<listcomp>", "last"), SymScope::Free);
        assert_eq!(class_of(st, "<listcomp>", "top"), SymScope::GlobalExplicit);
        assert_eq!(class_of(st, "<module>", "top"), SymScope::Local);
    });
    let code = compile(src);
    let lc = find(&code, "<listcomp>");
    assert_eq!(names_with(&lc, Op::StoreGlobal), ["top"]);
}

#[test]
fn zero_argument_super() {
    let src = "
class C(B):
    def m(self, x):
        return super().m(x)
    def n(*args):
        return super().n()
    def k(self):
        return [super().k() for _ in ()]
    def plain(self):
        return 1
";
    let code = compile(src);
    let c = find(&code, "C");
    assert_eq!(strs(&c.cellvars), ["__class__"]);
    // The class body returns the __class__ cell.
    let o = ops(&c);
    assert_eq!(o[o.len() - 2], (Op::LoadClosure, 0));
    let m = find(&code, "C.m");
    assert_eq!(strs(&m.freevars), ["__class__"]);
    assert_eq!(op_names(&m)[..5], [Op::LoadGlobal, Op::LoadDeref, Op::LoadFast, Op::CallFunction, Op::LoadMethod]);
    let n = find(&code, "C.n");
    assert!(has_op(&n, Op::BinarySubscr));
    let k = find(&code, "C.k");
    assert_eq!(strs(&k.cellvars), ["self"]);
    assert_eq!(k.cell2arg, vec![0]);
    let kc = find(&code, "C.k.<locals>.<listcomp>");
    let mut fv = strs(&kc.freevars);
    fv.sort();
    assert_eq!(fv, ["__class__", "self"]);
    let plain = find(&code, "C.plain");
    assert!(plain.freevars.is_empty());

    // `super` rebound locally is an ordinary call; so is super() outside a class.
    let code =
        compile("class C:\n    def m(self):\n        super = f\n        return super()\ndef g(self): return super()");
    assert!(find(&code, "C.m").freevars.is_empty());
    assert!(find(&code, "g").freevars.is_empty());
    assert!(find(&code, "C").cellvars.is_empty());
}

#[test]
fn bare_class_reference_makes_a_cell() {
    let code = compile("class C:\n    def m(self):\n        return __class__");
    assert_eq!(strs(&find(&code, "C").cellvars), ["__class__"]);
    assert_eq!(count_op(&find(&code, "C.m"), Op::LoadDeref), 1);
}

#[test]
fn generator_and_coroutine_flags() {
    let code = compile(
        "def g(): yield 1\nasync def c(): await x\nasync def ag(): yield 1\ndef p(): pass\nx = (i for i in y)\nl = lambda: (yield)",
    );
    assert!(find(&code, "g").flags.has(CodeFlags::GENERATOR));
    let c = find(&code, "c").flags;
    assert!(c.has(CodeFlags::COROUTINE) && !c.has(CodeFlags::GENERATOR));
    let ag = find(&code, "ag").flags;
    assert!(ag.has(CodeFlags::ASYNC_GENERATOR) && !ag.has(CodeFlags::COROUTINE));
    assert_eq!(find(&code, "p").flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE), 0);
    assert!(find(&code, "<genexpr>").flags.has(CodeFlags::GENERATOR));
    assert!(find(&code, "<lambda>").flags.has(CodeFlags::GENERATOR));
}

#[test]
fn module_and_class_names_go_through_dicts() {
    let code = compile("x = 1\ny = x\nclass C:\n    a = x\n    global b\n    b = a\n");
    assert_eq!(names_with(&code, Op::StoreName), ["x", "y", "C"]);
    assert_eq!(names_with(&code, Op::LoadName), ["x"]);
    let c = find(&code, "C");
    assert_eq!(names_with(&c, Op::LoadName), ["x", "a"]);
    assert_eq!(names_with(&c, Op::StoreGlobal), ["b"]);
}

#[test]
fn annotation_only_makes_a_local_in_functions() {
    with_table("def f():\n    x: int\n    return x\ny: int\n", |st| {
        assert_eq!(class_of(st, "f", "x"), SymScope::Local);
        assert_eq!(class_of(st, "<module>", "y"), SymScope::GlobalImplicit);
    });
}

#[test]
fn scope_kinds_and_qualnames() {
    with_table("class A:\n    def m(self):\n        def g(): return lambda: 0\n", |st| {
        let names: Vec<(String, ScopeKind)> = st.scopes().iter().map(|s| (s.qualname.to_string(), s.kind)).collect();
        assert_eq!(
            names,
            vec![
                ("<module>".to_string(), ScopeKind::Module),
                ("A".to_string(), ScopeKind::Class),
                ("A.m".to_string(), ScopeKind::Function),
                ("A.m.<locals>.g".to_string(), ScopeKind::Function),
                ("A.m.<locals>.g.<locals>.<lambda>".to_string(), ScopeKind::Lambda),
            ]
        );
    });
}

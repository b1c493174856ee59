//! Compile-time errors, and inputs that must not crash the compiler.

mod common;

use common::*;
use krait_compiler::compile_module;
use krait_syntax::ast::{Module, Stmt, StmtKind};
use krait_syntax::{Mode, SyntaxError};

/// Compile a statement taken out of the function it was parsed in (the parser
/// rejects `return` and friends outside functions itself).
fn compile_lifted(src: &str) -> SyntaxError {
    let m = krait_syntax::parse(src, Mode::File).unwrap_or_else(|e| panic!("{e}"));
    let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!("expected a def") };
    let lifted: Vec<Stmt> = f.body.clone();
    let module = Module { body: lifted };
    match compile_module(&module, "t.py", Mode::File) {
        Ok(_) => panic!("expected an error for the body of:\n{src}"),
        Err(e) => e,
    }
}

#[test]
fn misplaced_statements() {
    assert_eq!(compile_lifted("def f():\n    return 1").msg, "'return' outside function");
    assert_eq!(compile_lifted("def f():\n    yield 1").msg, "'yield' outside function");
    assert_eq!(compile_lifted("async def f():\n    await x").msg, "'await' outside function");
    assert_eq!(compile_lifted("async def f():\n    async for x in y: pass").msg, "'async for' outside async function");
    assert_eq!(compile_lifted("async def f():\n    async with x: pass").msg, "'async with' outside async function");
}

#[test]
fn lifted_break_and_continue_outside_loop() {
    let m = krait_syntax::parse("for x in y:\n    continue\nwhile x:\n    break", Mode::File).unwrap();
    let StmtKind::For { body, .. } = &m.body[0].kind else { panic!() };
    let e = compile_module(&Module { body: body.clone() }, "t.py", Mode::File).unwrap_err();
    assert_eq!(e.msg, "'continue' not properly in loop");
    assert_eq!((e.line, e.col), (2, 4));
    let StmtKind::While { body, .. } = &m.body[1].kind else { panic!() };
    let e = compile_module(&Module { body: body.clone() }, "t.py", Mode::File).unwrap_err();
    assert_eq!(e.msg, "'break' outside loop");
    // Inside a function but outside its loops is still outside.
    let f = krait_syntax::parse("def f():\n    pass", Mode::File).unwrap();
    let mut f = f;
    if let StmtKind::FunctionDef(def) = &mut f.body[0].kind {
        def.body = body.clone();
    }
    let e = compile_module(&f, "t.py", Mode::File).unwrap_err();
    assert_eq!(e.msg, "'break' outside loop");
}

#[test]
fn declarations() {
    assert_eq!(compile_err("def f(x):\n    global x").msg, "name 'x' is parameter and global");
    assert_eq!(
        compile_err("def f():\n    x = 1\n    global x").msg,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(compile_err("def f():\n    nonlocal x").msg, "no binding for nonlocal 'x' found");
    assert_eq!(compile_err("x = 1\ndef f():\n    nonlocal x").msg, "no binding for nonlocal 'x' found");
    assert_eq!(compile_err("def f(x):\n    def g(x):\n        nonlocal x").msg, "name 'x' is parameter and nonlocal");
    assert_eq!(
        compile_err("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x").msg,
        "name 'x' is nonlocal and global"
    );
    let e = compile_err("def f():\n    def g():\n        nonlocal q\n");
    assert_eq!((e.line, e.msg.as_str()), (3, "no binding for nonlocal 'q' found"));
    // Using a name before declaring it global is allowed.
    compile("def f():\n    print(x)\n    global x\n    x = 1");
    // A nonlocal may refer to a variable bound later in the enclosing function.
    compile("def f():\n    def g():\n        nonlocal x\n        x = 2\n    x = 1");
}

#[test]
fn bad_targets() {
    assert_eq!(compile_err("__debug__ = 1").msg, "cannot assign to __debug__");
    assert_eq!(compile_err("def f():\n    from m import *").msg, "import * only allowed at module level");
    let many: Vec<String> = (0..300).map(|i| format!("a{i}")).collect();
    let e = compile_err(&format!("{}, *rest = x", many.join(", ")));
    assert_eq!(e.msg, "too many expressions in star-unpacking assignment");
    assert!(compile_err("[x := 1 for x in y]").msg.contains("cannot rebind comprehension iteration variable"));
    assert!(compile_err("class C:\n    [y := 1 for x in z]").msg.contains("class body"));
    assert_eq!(compile_err("def f(a, a): pass").msg, "duplicate argument 'a' in function definition");
}

#[test]
fn async_generators_cannot_return_values() {
    assert_eq!(compile_err("async def f():\n    yield 1\n    return 2").msg, "'return' with value in async generator");
    compile("async def f():\n    yield 1\n    return");
}

#[test]
fn async_comprehension_outside_async_function() {
    assert_eq!(
        compile_err("def f():\n    return [x async for x in y]").msg,
        "asynchronous comprehension outside of an asynchronous function"
    );
    compile("def f():\n    return (x async for x in y)");
}

#[test]
fn long_operator_chains_do_not_recurse() {
    // Run on a thread with a small stack: a left-nested chain of 20000 terms
    // must compile without deep recursion.
    let src = format!("x = {}\n", (0..20000).map(|i| format!("a{}", i % 7)).collect::<Vec<_>>().join(" + "));
    let folded = format!("x = {}\n", (0..20000).map(|_| "1").collect::<Vec<_>>().join(" + "));
    let h = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let m = krait_syntax::parse(&src, Mode::File);
            if let Ok(m) = m {
                let code = compile_module(&m, "t.py", Mode::File).expect("compiles");
                krait_compiler::verify::verify(&code).expect("checks");
            }
            if let Ok(m) = krait_syntax::parse(&folded, Mode::File) {
                let code = compile_module(&m, "t.py", Mode::File).expect("compiles");
                assert_eq!(small_ints(&code), [20000]);
            }
        })
        .unwrap();
    h.join().expect("no stack overflow");
}

#[test]
fn deep_nesting_is_an_error_or_compiles_within_a_normal_stack() {
    // Whatever the parser lets through must compile on a 2 MB stack (the
    // default for Rust threads) without overflowing.
    let mut cases = Vec::new();
    for depth in [50, 100, 200, 240, 1000] {
        cases.push(format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth)));
        cases.push(format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth)));
        cases.push(format!("x = {}y\n", "-".repeat(depth)));
        cases.push(format!("x = {}0{}\n", "f(".repeat(depth), ")".repeat(depth)));
        cases.push(format!("x = y{}\n", ".a".repeat(depth)));
        cases.push(format!("x = y{}\n", "()".repeat(depth)));
        cases.push(format!("x = {}1\n", "lambda: ".repeat(depth)));
        cases.push(format!("x = {}1{}\n", "[a for a in ".repeat(depth), "]".repeat(depth)));
        let mut blocks = String::new();
        for i in 0..depth {
            blocks.push_str(&" ".repeat(i));
            blocks.push_str(if i % 3 == 0 {
                "def f():\n"
            } else if i % 3 == 1 {
                "for x in y:\n"
            } else {
                "try:\n"
            });
        }
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("pass\n");
        cases.push(blocks);
    }
    let h = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            for src in &cases {
                if let Ok(m) = krait_syntax::parse(src, Mode::File) {
                    if let Ok(code) = compile_module(&m, "t.py", Mode::File) {
                        krait_compiler::verify::verify(&code).unwrap_or_else(|e| panic!("{e}\n{src}"));
                    }
                }
            }
        })
        .unwrap();
    h.join().expect("no stack overflow");
}

#[test]
fn hand_built_deep_trees_stop_with_an_error() {
    use krait_syntax::ast::{Expr, ExprKind, Loc, UnaryOp};
    // Deeper than the parser allows: the compiler's own limit must hold, on a
    // 2 MB stack, with an error rather than an overflow.
    let h = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            for depth in [300usize, 420, 5000] {
                let loc = Loc { line: 1, col: 0 };
                let mut e = Expr::new(ExprKind::Name(krait_syntax::Qstr::new("x")), loc);
                for _ in 0..depth {
                    e = Expr::new(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(e) }, loc);
                }
                let module = Module { body: vec![Stmt::new(StmtKind::Expr(e), loc)] };
                let r = compile_module(&module, "t.py", Mode::File);
                if depth > 400 {
                    assert!(r.unwrap_err().msg.contains("too many nested"));
                } else {
                    krait_compiler::verify::verify(&r.unwrap()).unwrap();
                }
                // Dropping a deep tree recurses too; leak it instead (test only).
                std::mem::forget(module);
            }
        })
        .unwrap();
    h.join().expect("no stack overflow");
}

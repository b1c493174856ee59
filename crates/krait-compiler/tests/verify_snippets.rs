//! Compile a wide range of programs and run the bytecode checker (stack depths
//! agree on every path, handlers never sit above the stack they protect,
//! `ReturnValue` leaves nothing behind, `max_stack` is exact).

mod common;

use common::*;
use krait_syntax::Mode;

const SNIPPETS: &[&str] = &[
    // expressions
    "x = 1 + 2 * y - z / w // v % u ** t",
    "x = a < b < c < d",
    "x = a < b",
    "x = a and b or c and not d",
    "x = a if b else c if d else e",
    "x = [1, 2, *a, 3, *b]",
    "x = (1, *a)",
    "x = {1, *a, 2}",
    "x = {'a': 1, **m, 'b': 2, **n}",
    "x = {**m}",
    "x = {}",
    "x = []",
    "x = ()",
    "x = [i for i in range(10)]",
    "x = {i: j for i, j in items if i if j}",
    "x = {i for i in a for j in b if j}",
    "x = (i * j for i in a for j in b)",
    "x = [[j for j in i] for i in a]",
    "x = lambda a, b=1, *c, d, e=2, **f: a + b",
    "x = lambda: (yield)",
    "x = f(a, b, *c, d, *e, k=1, **m, j=2, **n)",
    "x = f(*a)",
    "x = f(**k)",
    "x = o.m(1, 2, k=3)",
    "x = o.m(*a)",
    "x = o.m(**a)",
    "x = a[1:2], a[::2], a[1:2, 3], a[...]",
    "x = f'{a!r:>{w}} and {b} {c!s} {d!a:x}'",
    "x = f''",
    "x = (y := 5) + y",
    "x = not a",
    "x = -a, +a, ~a",
    "x = a is b, a is not b, a in b, a not in b",
    "x = 1 if a < b < c else 2",
    "x = [y for y in z if a < y < b]",
    // assignments
    "a, b = b, a",
    "a, b, c = c, b, a",
    "a, *b, c = x",
    "*a, b = x",
    "[a, [b, c]] = x",
    "a = b = c = 1",
    "a.b = c.d = 1",
    "a[i] = b[j] = 1",
    "a += 1; b.c -= 2; d[e] *= 3; f[1:2] |= g",
    "x: int = 5",
    "x: int",
    "del a, b.c, d[e], (f, g)",
    "for a, (b, *c) in x: pass",
    // control flow
    "if a: b\nelif c: d\nelse: e",
    "while a:\n    if b: break\n    if c: continue\nelse:\n    d",
    "for i in x:\n    if i: break\n    continue\nelse:\n    pass",
    "while True:\n    pass",
    "while 1:\n    break\nx = 1",
    "while 0:\n    x = 1\nelse:\n    y = 2",
    "if 0:\n    x = 1\nelse:\n    y = 1",
    "if 1:\n    x = 1\nelse:\n    y = 1",
    "for i in a:\n    for j in b:\n        break\n    else:\n        continue\n    break",
    // exceptions
    "try:\n    a\nexcept:\n    b",
    "try:\n    a\nexcept E:\n    b\nexcept (F, G) as e:\n    c\nelse:\n    d",
    "try:\n    a\nfinally:\n    b",
    "try:\n    a\nexcept E as e:\n    b\nelse:\n    c\nfinally:\n    d",
    "try:\n    pass\nexcept:\n    b",
    "try:\n    pass\nfinally:\n    b",
    "raise",
    "raise E",
    "raise E from e",
    "assert a",
    "assert a, 'msg'",
    "try:\n    try:\n        a\n    finally:\n        b\nexcept E as e:\n    try:\n        c\n    except:\n        raise\n    finally:\n        d",
    "for i in x:\n    try:\n        if i: break\n        if i: continue\n    finally:\n        f()",
    "for i in x:\n    try:\n        a\n    except E as e:\n        if e: break\n        continue\n    finally:\n        g()",
    "while x:\n    try:\n        a\n    finally:\n        if b: break\n        continue",
    // with
    "with a: pass",
    "with a as b, c as (d, e): f",
    "for i in x:\n    with a as b:\n        if b: break\n        continue",
    "with a:\n    with b:\n        raise E",
    // functions
    "def f(): return",
    "def f(): return 1",
    "def f(a): return a + 1",
    "def f(a, /, b, *, c): pass",
    "def f(*args, **kwargs): return args, kwargs",
    "def f(a=1, b=x, *, c=2, d):\n    return a",
    "def f():\n    for i in x:\n        return i",
    "def f():\n    for i in x:\n        for j in y:\n            return i + j",
    "def f():\n    with a as b:\n        return b",
    "def f():\n    with a as b:\n        return 1",
    "def f():\n    try:\n        return g()\n    finally:\n        h()",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e",
    "def f():\n    try:\n        pass\n    except:\n        return g()",
    "def f():\n    try:\n        a\n    finally:\n        return g()",
    "def f():\n    for x in y:\n        try:\n            with c:\n                return x\n        finally:\n            for z in w:\n                return z",
    "def f():\n    for x in y:\n        try:\n            return g(x)\n        finally:\n            if x:\n                break\n            continue",
    "def f():\n    yield 1\n    yield\n    x = yield 2\n    yield from g()",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        return x\n    return g",
    "def f():\n    global g\n    g = 1",
    "def f(a):\n    def g():\n        return a\n    return g",
    "def f(a):\n    def g():\n        def h():\n            return a\n        return h\n    return g",
    "@dec\n@dec2(1)\ndef f(): pass",
    "def f(a: int, b: 'ptr8') -> int: pass",
    "def f():\n    return [x for x in y if (z := x)]",
    "x = [z := i for i in range(3)]",
    "def f():\n    x = 1\n    del x",
    "def f():\n    import a.b as c\n    from d import e as f, g\n    return c, f, g",
    "def f():\n    if a:\n        return 1\n    else:\n        return 2\n",
    "def f():\n    while True:\n        return 1\n",
    "def f():\n    raise E\n    x = 1",
    "def f():\n    try:\n        return 1\n    except:\n        return 2\n    else:\n        return 3\n    finally:\n        pass\n",
    // classes
    "class C: pass",
    "class C(A, B, metaclass=M): x = 1",
    "class C(*bases, **kw): pass",
    "class C:\n    '''doc'''\n    x = 1\n    def m(self): return self.x",
    "class C:\n    def m(self):\n        return super().m()",
    "class C:\n    def m(self, *a):\n        return super().m(*a)",
    "class C:\n    def m(*args):\n        return super().m()",
    "class C:\n    def m(self):\n        return [super().m() for i in x]",
    "class C:\n    def m(self):\n        return __class__",
    "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self): return x",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x",
    "@dec\nclass C: pass",
    "class C:\n    global g\n    g = 1",
    "class C:\n    x = [i for i in range(3)]",
    // imports
    "import a",
    "import a.b.c",
    "import a.b.c as d",
    "from a import b, c as d",
    "from . import x",
    "from ..a.b import c",
    "from a import *",
    // async
    "async def f():\n    await g()\n    async for i in x:\n        if i: break\n        continue\n    else:\n        pass\n    async with a as b, c:\n        return b",
    "async def f():\n    return [i async for i in x]",
    "async def f():\n    return [await i for i in x]",
    "async def f():\n    return (i async for i in x)",
    "async def f():\n    yield 1",
    "async def f():\n    async for i in x:\n        async for j in y:\n            return i",
    "async def f():\n    async with a:\n        raise E",
    // misc
    "pass",
    "'docstring'\nx = 1",
    "x = ...",
    "x = f[*a]\nf[*a] = 1\ndel f[*a]\nf[*a] += 1\nx = f[*a, b]",
    "for i in x:\n    while 0:\n        break\n    while 0:\n        continue\n    else:\n        break",
    "while 0:\n    try:\n        pass\n    finally:\n        break",
    "x = __debug__",
    "x = 10**20, 1 << 100, -2**63, 2**63",
    "x = 123456789012345678901234567890123456789012345",
    "x = 1.5 + 2j",
    "x = b'abc' + b'def'",
    "x = 'ab' 'cd'",
    "x = True + 1",
];

#[test]
fn snippets_pass_the_checker() {
    for src in SNIPPETS {
        compile(src);
    }
}

#[test]
fn snippets_pass_the_checker_optimized() {
    for src in SNIPPETS {
        compile_opt(src, 1);
    }
}

#[test]
fn snippets_in_functions_and_generators() {
    // The same statements inside a function and inside a loop in a generator,
    // where `break`/`continue`/`return`/`yield` have more to unwind.
    for src in SNIPPETS {
        if src.contains("import *") || src.contains("nonlocal") || src.starts_with("async") {
            continue;
        }
        let body: String = src.lines().map(|l| format!("        {l}\n")).collect();
        let wrapped = format!("def outer(a, b, c):\n    for _ in a:\n{body}        yield 1\n");
        compile(&wrapped);
    }
}

#[test]
fn repl_and_eval_modes() {
    let code = compile_mode("for i in y: i", Mode::Single);
    assert_eq!(count_op(&code, krait_compiler::Op::PrintExpr), 1);
    let code = compile_mode("x", Mode::Single);
    assert_eq!(count_op(&code, krait_compiler::Op::PrintExpr), 1);
    let code = compile_mode("1 + x", Mode::Eval);
    assert_eq!(
        op_names(&code),
        vec![
            krait_compiler::Op::LoadSmallInt,
            krait_compiler::Op::LoadName,
            krait_compiler::Op::BinaryAdd,
            krait_compiler::Op::ReturnValue
        ]
    );
}

#[test]
fn generated_program_passes_the_checker() {
    // The shape of the 1 MB benchmark program, a few times.
    let mut src = String::new();
    for i in 0..20 {
        src.push_str(&format!(
            "def f{i}(a, b=2, *c, **d):\n    x = [j * a for j in range(b) if j % 3]\n    if x and a > {i}:\n        return {{'k{i}': x, 'v': (a, b, c)}}\n    for q in x:\n        try:\n            b += q ** 2 - a // 7\n        except ZeroDivisionError as e:\n            raise ValueError('bad') from e\n    return b\n\nclass C{i}(object):\n    def m(self, y):\n        return self.z + y * {i}.5\n\n"
        ));
    }
    compile(&src);
}

//! `compile_source` parses and compiles a module one top-level statement at a
//! time. Its result must be exactly that of parsing the whole module and then
//! compiling the tree (`compile_module`): the same code, or the same error —
//! a syntax error anywhere in the source comes before any compile error.

use krait_compiler::{compile_module_with, compile_source_with, CompileOptions};
use krait_syntax::{parse, Mode};

fn same_opt(src: &str, optimize: u8) {
    let opts = CompileOptions { optimize };
    for mode in [Mode::File, Mode::Eval, Mode::Single] {
        let whole = parse(src, mode).and_then(|m| compile_module_with(&m, "t.py", mode, &opts));
        let streamed = compile_source_with(src, "t.py", mode, &opts);
        match (&whole, &streamed) {
            // Debug, not ==: a NaN constant is not equal to itself.
            (Ok(a), Ok(b)) => assert!(format!("{a:?}") == format!("{b:?}"), "{mode:?}: code differs\nsource:\n{src}"),
            (Err(a), Err(b)) => assert_eq!(
                (&a.msg, a.line, a.col, a.kind),
                (&b.msg, b.line, b.col, b.kind),
                "{mode:?}: errors differ\nsource:\n{src}"
            ),
            _ => panic!("{mode:?}: whole module gave {whole:?}\nstreaming gave {streamed:?}\nsource:\n{src}"),
        }
    }
}

fn same(src: &str) {
    same_opt(src, 0);
    same_opt(src, 1);
}

fn err(src: &str) -> (String, u32) {
    let e = compile_source_with(src, "t.py", Mode::File, &CompileOptions::default()).unwrap_err();
    (e.msg, e.line)
}

const SNIPPETS: &[&str] = &[
    "",
    "x: int = 1\nclass C:\n    y: str\n    a.b: int\ndef f(p: int) -> str:\n    q: list = []\nz: float",
    "from __future__ import annotations\nv: List[int]\ndef g(a: Node) -> Node | None: pass\nw: int = 2",
    "a: int\nfrom __future__ import annotations\nb: int\nif x:\n    c: f(-1) = 3",
    "\"docstring only\"",
    "\"doc\"\nx = 1",
    "\"doc\"; x = 1",
    "x = 1\n\"not a docstring\"\n",
    "b'not a docstring'\nx = 1\n",
    "f'not a docstring'\nx = 1\n",
    "X = const(1)\nY = const(X + 1)\n_Z = const(Y * 2)\nprint(X, Y, _Z)\ndef f():\n    return _Z + Y\n",
    "X = const('s' + 't')\nT = const((1, X, 2.5))\nB = const(123456789012345678901234567890123456789012345678901234567890)\nprint(X, T, B, B)\nx = B\n",
    "_A = const(b'ab')\nprint(_A)\n",
    "raise SystemExit\nx = 1\ndef f(): return 2\n",
    "raise SystemExit\nx = 1\ndef f():\n    nonlocal q\n",
    "raise SystemExit\ndef f():\n    global a\n    a = 1\n    global a\nx = [i for i in\n 2]\n",
    "x = 1\nraise E\n_Q = const(5)\nprint(_Q)\n",
    "if True:\n    raise E\nx = 1\n",
    "while True:\n    pass\ny = 1\n",
    "try:\n    pass\nfinally:\n    x = 1\ndef g():\n    try:\n        return 1\n    finally:\n        try:\n            return 2\n        finally:\n            pass\n",
    "for i in x:\n    try:\n        continue\n    finally:\n        break\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        return x\n    return g\nclass C:\n    def m(self):\n        return super().m(__class__)\n",
    "assert x, 'msg'\nif __debug__:\n    y = 1\n",
    "import math\nx = math.pi * 2\n",
    "x = 1.0\ny = 1\nz = True\nw = (1, 1.0, True, -0.0, 0.0)\nv = [0.0, -0.0, 1j, 1j, 'a', 'a', b'a', b'a', ...]\n",
    "def f(a, b=2, *c, **d):\n    x = [j * a for j in range(b) if j % 3]\n    if x and a > 1:\n        return {'k1': x, 'v': (a, b, c)}\n    for q in x:\n        try:\n            b += q ** 2 - a // 7\n        except ZeroDivisionError as e:\n            raise ValueError('bad') from e\n    return b\n\nclass C1(object):\n    def m(self, y):\n        return self.z + y * 1.5\n",
    "@micropython.native\ndef f(x: int) -> int:\n    return x\n@micropython.viper\ndef g(x: int) -> int:\n    return x\n",
    "x = 1; y = 2; z = 3\n",
    "def f():\n    yield 1\nasync def g():\n    await h()\n",
    "x = [(yield) for y in z]\n",
    "def f():\n    x = [(yield) for y in z]\n",
    "class C:\n    [y := 1 for x in z]\n",
    "\n\n\nx = (1 +\n  2)\n\n\ny = 3\n",
    // Errors in several statements: the first one counts.
    "x = 1\ndef f(a):\n    global a\ndef g(b):\n    global b\n",
    // A compile error, then a syntax error later on: the syntax error wins.
    "def f(a):\n    global a\nx = 1\ny = = 2\n",
    "def f(a):\n    global a\nx = (\n",
    "X = const(1)\nX = const(2)\nx = (\n",
    "def f(a):\n    global a\nif x:\npass\n",
    "raise E\ndef f(a):\n    global a\nx = (\n",
    "nonlocal x\n",
    "x = 1\nreturn x\n",
    "x = yield 1\n",
    "1 + 2",
    "lambda: 1",
    "(yield)",
    "a; b",
    "def f():\n    pass\n\n",
];

#[test]
fn snippets_compile_like_whole_module() {
    for s in SNIPPETS {
        same(s);
    }
}

#[test]
fn syntax_error_anywhere_comes_first() {
    // Parsing the whole file first found the syntax error before compiling.
    let (msg, line) = err("def f(a):\n    global a\nx = 1\ny = = 2\n");
    assert_eq!((msg.as_str(), line), ("invalid syntax", 4));
    let (msg, line) = err("def f(a):\n    global a\nx = 1\ny = 2\n");
    assert_eq!((msg.as_str(), line), ("name 'a' is parameter and global", 2));
}

#[test]
fn generated_module() {
    // The shape of `gen1mb.py`, a few hundred definitions long.
    let mut src = String::from("'''A module.'''\nimport sys\n_N = const(3)\nN = const(_N * 2)\n");
    for i in 0..300 {
        src.push_str(&format!(
            "def f{i}(a, b=2, *c, **d):\n    x = [j * a for j in range(b) if j % {i}]\n    if x and a > N:\n        return {{'k{i}': x, 'v': (a, b, c)}}\n    for q in x:\n        try:\n            b += q ** 2 - a // 7\n        except ZeroDivisionError as e:\n            raise ValueError('bad') from e\n    return b\n\nclass C{i}(object):\n    def m(self, y):\n        return self.z + y * {i}.5 + _N\n\n"
        ));
    }
    same(&src);
    src.push_str("raise SystemExit\nx = 1\n");
    same(&src);
}

fn collect_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn corpus(dir: &str) {
    let mut files = Vec::new();
    collect_files(std::path::Path::new(dir), &mut files);
    if files.is_empty() {
        eprintln!("skipping: nothing under {dir}");
        return;
    }
    files.sort();
    // In a thread with a generous stack: debug builds use far more per frame.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut n = 0;
            for f in &files {
                let Ok(bytes) = std::fs::read(f) else { continue };
                let Ok(src) = String::from_utf8(bytes) else { continue };
                same(&src);
                n += 1;
            }
            eprintln!("{n} files compile like whole modules");
        })
        .unwrap()
        .join()
        .unwrap();
}

/// MicroPython's test suite (`$MP_TESTS`, default `/work/mp/tests`).
#[test]
#[ignore]
fn micropython_corpus_compiles_like_whole_modules() {
    corpus(&std::env::var("MP_TESTS").unwrap_or_else(|_| "/work/mp/tests".into()));
}

/// The fuzzer's corpus (`$FUZZ_CORPUS`, default `../../fuzz/corpus/compile`).
#[test]
#[ignore]
fn fuzz_corpus_compiles_like_whole_modules() {
    let d = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/compile");
    corpus(&std::env::var("FUZZ_CORPUS").unwrap_or_else(|_| d.into()));
}

//! `StmtStream` (a module one top-level statement at a time) yields exactly
//! what `parse` gives for the whole module: the same statements, or the same
//! error.

use krait_syntax::ast::Stmt;
use krait_syntax::parser::StmtStream;
use krait_syntax::{parse, Mode, SyntaxError};

fn stream_all(src: &str, mode: Mode) -> Result<Vec<Stmt>, SyntaxError> {
    let mut s = StmtStream::new(src, mode);
    let mut out = Vec::new();
    while let Some(st) = s.next_stmt()? {
        out.push(st);
    }
    // Exhausted: it stays so.
    assert!(s.next_stmt().unwrap().is_none());
    Ok(out)
}

fn same(src: &str) {
    for mode in [Mode::File, Mode::Eval, Mode::Single] {
        let whole = parse(src, mode).map(|m| m.body);
        let streamed = stream_all(src, mode);
        match (&whole, &streamed) {
            (Ok(a), Ok(b)) => assert!(a == b, "{mode:?}: trees differ\nsource:\n{src}"),
            (Err(a), Err(b)) => assert_eq!(
                (&a.msg, a.line, a.col, a.kind),
                (&b.msg, b.line, b.col, b.kind),
                "{mode:?}: errors differ\nsource:\n{src}"
            ),
            _ => panic!("{mode:?}: parse gave {whole:?}\nstream gave {streamed:?}\nsource:\n{src}"),
        }
    }
}

const SNIPPETS: &[&str] = &[
    "",
    "\n\n",
    "# only a comment\n",
    "x = 1",
    "x = 1\n",
    "\"doc\"\nx = 1; y = 2; z = 3\n\n\nif x:\n    pass\nelse:\n    y = 'a' 'b'\n",
    "a = 1; b = 2\nc = 3;\n",
    "def f(a, b=2, *c, **d):\n    return {'k': [j * a for j in range(b) if j % 3]}\n\nclass C(object):\n    def m(self, y):\n        return self.z + y * 1.5\n",
    "@dec\n@dec2(1)\ndef f(): pass\n@dec\nclass C: pass\n",
    "async def f():\n    async with a as b:\n        await c\n    async for x in y: pass\n",
    "x = f'{a!r:>{w}} and {b=}' f\"{c}\"\ny = b'bytes' b'more'\nz = 123456789012345678901234567890123456789012345678901234567890\n",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a, b\n",
    "while 1:\n    break\nelse:\n    continue_ = 1\n",
    "with (a as b, c as d):\n    pass\n",
    "import a.b.c as d, e\nfrom ..x import (y, z,)\nfrom m import *\nglobal g\n",
    "x = 1\n  y = 2\n",
    "x = (1,\ny = 2\n",
    "x = 1\ny = = 2\nz = 3\n",
    "x = 1\nreturn 5\n",
    "def f():\n    x = await y\n",
    "if x:\npass\n",
    "x = 1\n\x00\n",
    "x = 'unterminated\n",
    "x = (\n",
    "1 +",
    "lambda: (yield)",
    "a if b else c",
    "x = 1\n    \n# trailing\n",
    "for x in y:\n    pass\nfor z in w: pass\n",
    "x = 1\nx = 2\nx = \"\"\"a\nb\"\"\"\n",
    "\u{feff}x = 1\n",
    "x = 1\r\ny = 2\r\n",
    "if 1:\n    x = 1\n  y = 2\n",
    "class C:\n    def f(self):\n        return 1\n    x = [1, 2,\n         3]\n",
    "x = {**a, 'b': 1}\ny = {1, 2, *z}\n",
    "x: int = 1\ny: 'str'\n",
    "print(*a, **k, sep='')\n",
    "x = [i for i in range(3) if i for j in i]\n(yield)\n",
];

#[test]
fn snippets_stream_like_parse() {
    for s in SNIPPETS {
        same(s);
    }
}

#[test]
fn many_literals_across_statements() {
    // More literals than the tables keep between statements, some statements
    // spanning several lines, and tokens lexed ahead across statement ends.
    let mut src = String::new();
    for i in 0..400 {
        src.push_str(&format!(
            "s{i} = 'a{i}' 'b'\nb{i} = b'x{i}'\nf{i} = f'{{s{i}}}-{{b{i}!r}}'\ng{i} = {i}{i:030}\nt{i} = ('p', b'q', f'{{1}}', 9{i:040},\n  'r{i}')\n"
        ));
        if i % 7 == 0 {
            src.push_str(&format!("x = 'u'; y = b'v'; z = 1{i:040}; w = f'{{x}}'\n"));
        }
    }
    same(&src);
    // And an error at the very end still wins over nothing.
    src.push_str("x = (\n");
    same(&src);
}

#[test]
fn after_an_error_nothing_more() {
    let mut s = StmtStream::new("x = 1\ny = = 2\nz = 3\n", Mode::File);
    assert!(s.next_stmt().unwrap().is_some());
    assert!(s.next_stmt().is_err());
    assert!(s.next_stmt().unwrap().is_none());
    assert!(s.next().is_none());
}

#[test]
fn iterator() {
    let stmts: Vec<Stmt> = StmtStream::new("a = 1; b = 2\nc = 3\n", Mode::File).collect::<Result<_, _>>().unwrap();
    assert_eq!(stmts.len(), 3);
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
            eprintln!("{n} files stream like parse");
        })
        .unwrap()
        .join()
        .unwrap();
}

/// MicroPython's test suite (`$MP_TESTS`, default `/work/mp/tests`).
#[test]
#[ignore]
fn micropython_corpus_streams_like_parse() {
    corpus(&std::env::var("MP_TESTS").unwrap_or_else(|_| "/work/mp/tests".into()));
}

/// The fuzzer's corpus (`$FUZZ_CORPUS`, default `../../fuzz/corpus/compile`):
/// mostly invalid input, so it compares errors.
#[test]
#[ignore]
fn fuzz_corpus_streams_like_parse() {
    let d = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/corpus/compile");
    corpus(&std::env::var("FUZZ_CORPUS").unwrap_or_else(|_| d.into()));
}

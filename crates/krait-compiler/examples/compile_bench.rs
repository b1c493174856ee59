//! Time compiling a file (best of several runs): the streaming pipeline that
//! `compile()` uses (`compile_source`: parse and compile one top-level
//! statement at a time), and, for comparison, parsing the whole module and
//! then compiling its tree.
//!     python3 /work/shared/tools/gen1mb.py > /tmp/1mb.py
//!     cargo run --release -p krait-compiler --example compile_bench -- /tmp/1mb.py [RUNS]

use std::time::{Duration, Instant};

use krait_compiler::{compile_module, compile_source};
use krait_syntax::Mode;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/1mb.py".into());
    let runs: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let fail = |e: krait_syntax::SyntaxError| -> ! {
        eprintln!("{e}");
        std::process::exit(1);
    };
    let (mut best_parse, mut best_compile, mut best_stream) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let mut ncode = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let code = compile_source(&src, &path, Mode::File).unwrap_or_else(|e| fail(e));
        best_stream = best_stream.min(t0.elapsed());
        ncode = code.code.len();
        drop(code);

        let t0 = Instant::now();
        let module = krait_syntax::parse(&src, Mode::File).unwrap_or_else(|e| fail(e));
        let t1 = Instant::now();
        let code = compile_module(&module, &path, Mode::File).unwrap_or_else(|e| fail(e));
        let t2 = Instant::now();
        best_parse = best_parse.min(t1 - t0);
        best_compile = best_compile.min(t2 - t1);
        // Dropping the tree and the code is not part of compiling.
        drop(code);
        drop(module);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{path}: {} bytes; streaming compile_source {:.2} ms | whole tree: parse {:.2} ms, compile {:.2} ms, total {:.2} ms (best of {runs}; module code {ncode} words)",
        src.len(),
        ms(best_stream),
        ms(best_parse),
        ms(best_compile),
        ms(best_parse + best_compile)
    );
}

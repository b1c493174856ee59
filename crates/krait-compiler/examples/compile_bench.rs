//! Time parsing and compiling a file separately (best of several runs).
//!     python3 /work/shared/tools/gen1mb.py > /tmp/1mb.py
//!     cargo run --release -p krait-compiler --example compile_bench -- /tmp/1mb.py

use std::time::{Duration, Instant};

use krait_compiler::compile_module;
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
    let (mut best_parse, mut best_compile) = (Duration::MAX, Duration::MAX);
    let mut ncode = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let module = match krait_syntax::parse(&src, Mode::File) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let t1 = Instant::now();
        let code = match compile_module(&module, &path, Mode::File) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let t2 = Instant::now();
        best_parse = best_parse.min(t1 - t0);
        best_compile = best_compile.min(t2 - t1);
        ncode = code.code.len();
        // Dropping the tree and the code is not part of compiling.
        drop(code);
        drop(module);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{path}: {} bytes; parse {:.2} ms, compile {:.2} ms, total {:.2} ms (best of {runs}; module code {ncode} words)",
        src.len(),
        ms(best_parse),
        ms(best_compile),
        ms(best_parse + best_compile)
    );
}

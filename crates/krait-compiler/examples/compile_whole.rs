//! Parse a whole file, then compile the tree, N times (the pipeline before
//! streaming; for comparing with `compile_stream`).
//!     cargo run --release -p krait-compiler --example compile_whole -- FILE [N]

use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/1mb.py".into());
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut best = Duration::MAX;
    for _ in 0..n {
        let t = Instant::now();
        let code = krait_syntax::parse(&src, krait_syntax::Mode::File)
            .and_then(|m| krait_compiler::compile_module(&m, &path, krait_syntax::Mode::File));
        best = best.min(t.elapsed());
        std::hint::black_box(&code);
    }
    println!(
        "{:.2} ms best of {n} (parse, then compile_module, including dropping the tree)",
        best.as_secs_f64() * 1e3
    );
}

//! Compile a file N times with `compile_source` (the streaming pipeline that
//! `compile()` uses), for profilers; prints each time and the best.
//!     cargo run --release -p krait-compiler --example compile_stream -- FILE [N]

use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/1mb.py".into());
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut best = Duration::MAX;
    for _ in 0..n {
        let t = Instant::now();
        let code = krait_compiler::compile_source(&src, &path, krait_syntax::Mode::File);
        let d = t.elapsed();
        best = best.min(d);
        eprint!("{:.1} ", d.as_secs_f64() * 1e3);
        std::hint::black_box(&code);
    }
    println!("\n{:.2} ms best of {n} (compile_source, including dropping the result)", best.as_secs_f64() * 1e3);
}

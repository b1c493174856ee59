//! Parse a file once, then compile it N times (for profilers: the parse is
//! outside `compile_with`).
//!     cargo run --release -p krait-compiler --example compile_only -- FILE [N]

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/1mb.py".into());
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let module = krait_syntax::parse(&src, krait_syntax::Mode::File).unwrap_or_else(|e| panic!("{e}"));
    let t = std::time::Instant::now();
    for _ in 0..n {
        let code = krait_compiler::compile_module(&module, &path, krait_syntax::Mode::File);
        std::hint::black_box(&code);
    }
    println!("{:.2} ms per compile (including dropping the result)", t.elapsed().as_secs_f64() * 1e3 / n as f64);
}

//! Time lexing and parsing a file: `cargo run --release -p krait-syntax --example parse_bench -- FILE [ITERS]`.
//!
//! Generate the reference input with `python3 /work/shared/tools/gen1mb.py > /tmp/1mb.py`.

use std::time::Instant;

use krait_syntax::lexer::{tokenize, LexConfig};
use krait_syntax::{parse, Mode};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "/tmp/1mb.py".to_string());
    let iters: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    // The first run is what a one-shot compile pays: it interns every
    // identifier and touches fresh memory.
    let t = Instant::now();
    let m = parse(&src, Mode::File);
    let cold = t.elapsed().as_secs_f64();
    if let Err(e) = &m {
        eprintln!("{path}: {e}");
    }
    drop(m);

    let mut lex_best = f64::MAX;
    let mut parse_best = f64::MAX;
    let mut ntoks = 0;
    for _ in 0..iters {
        let t = Instant::now();
        let toks = tokenize(&src, LexConfig::file());
        lex_best = lex_best.min(t.elapsed().as_secs_f64());
        ntoks = toks.toks.len();
        drop(toks);

        let t = Instant::now();
        let m = parse(&src, Mode::File);
        parse_best = parse_best.min(t.elapsed().as_secs_f64());
        drop(m);
    }
    let mb = src.len() as f64 / 1e6;
    println!(
        "{path}: {:.2} MB, {ntoks} tokens; first lex+parse {:.2} ms; then lex {:.2} ms ({:.0} MB/s); lex+parse {:.2} ms ({:.0} MB/s) (best of {iters})",
        mb,
        cold * 1e3,
        lex_best * 1e3,
        mb / lex_best,
        parse_best * 1e3,
        mb / parse_best
    );
}

//! Print krait's AST for Python files in a canonical text form, for comparing
//! against CPython's `ast` module (differential testing of the parser).
//!
//! Usage: `dump_ast [--locs] [--mode file|eval|single] FILE...`
//! For each file prints `=== path`, then either the tree or `ERROR line:col type: msg`.

#[path = "../tests/common/dump.rs"]
mod dump;

use krait_syntax::{parse, Mode};

fn main() {
    let mut locs = false;
    let mut mode = Mode::File;
    let mut args = std::env::args().skip(1).peekable();
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--locs" => locs = true,
            "--mode" => {
                mode = match args.next().as_deref() {
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    _ => Mode::File,
                }
            }
            _ => files.push(a),
        }
    }
    for f in files {
        println!("=== {f}");
        let src = match std::fs::read(&f) {
            Ok(b) => b,
            Err(e) => {
                println!("IOERROR {e}");
                continue;
            }
        };
        let Ok(src) = String::from_utf8(src) else {
            println!("NOTUTF8");
            continue;
        };
        match parse(&src, mode) {
            Ok(m) => println!("{}", dump::dump_module(&m, locs)),
            Err(e) => println!("ERROR {}:{} {}: {}", e.line, e.col, e.type_name(), e.msg),
        }
    }
}

//! Compile every `.py` file under a directory with the bytecode checker on, and
//! report parse errors, compile errors, checker failures and panics.
//!     cargo run --release -p krait-compiler --example corpus -- /path/to/micropython/tests [-v] [--any]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use krait_compiler::{compile_module, verify};
use krait_syntax::Mode;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, any: bool) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, any);
        } else if any || p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/work/mp/tests".into());
    let verbose = std::env::args().any(|a| a == "-v");
    // `--any`: every file, whatever its name (e.g. a fuzzing corpus).
    let any = std::env::args().any(|a| a == "--any");
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files, any);
    let (mut ok, mut parse_err, mut compile_err, mut bad, mut panics) = (0, 0, 0, 0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let name = f.display().to_string();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let module = match krait_syntax::parse(&src, Mode::File) {
                Ok(m) => m,
                Err(e) => return Err((0, e.to_string())),
            };
            let code = compile_module(&module, &name, Mode::File).map_err(|e| (1, e.to_string()))?;
            verify::verify(&code).map_err(|e| (2, e))
        }));
        match r {
            Ok(Ok(())) => ok += 1,
            Ok(Err((0, e))) => {
                parse_err += 1;
                if verbose {
                    println!("PARSE   {name}: {e}");
                }
            }
            Ok(Err((1, e))) => {
                compile_err += 1;
                println!("COMPILE {name}: {e}");
            }
            Ok(Err((_, e))) => {
                bad += 1;
                println!("VERIFY  {name}: {e}");
            }
            Err(_) => {
                panics += 1;
                println!("PANIC   {name}");
            }
        }
    }
    println!(
        "{} files: {ok} ok, {parse_err} parse errors, {compile_err} compile errors, {bad} checker failures, {panics} panics",
        files.len()
    );
}

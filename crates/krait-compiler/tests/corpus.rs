//! Compile every `.py` file of a MicroPython checkout's test suite with the
//! bytecode checker on (`cargo test -p krait-compiler --test corpus -- --ignored`).
//! The directory is `$MP_TESTS`, default `/work/mp/tests`; skipped when absent.

use std::path::{Path, PathBuf};

use krait_compiler::{compile_module, verify};
use krait_syntax::Mode;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Files that are not valid Python 3 as CPython sees it, on purpose.
const INVALID: &[&str] = &[
    // CPython rejects `:=` rebinding an outer comprehension's variable.
    "cpydiff/syntax_assign_expr.py",
];

#[test]
#[ignore]
fn micropython_test_suite_compiles_and_checks() {
    let dir = std::env::var("MP_TESTS").unwrap_or_else(|_| "/work/mp/tests".into());
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    if files.is_empty() {
        eprintln!("no files under {dir}; skipping");
        return;
    }
    files.sort();
    let mut failures = Vec::new();
    let (mut compiled, mut unparsed) = (0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let Ok(module) = krait_syntax::parse(&src, Mode::File) else {
            unparsed += 1;
            continue;
        };
        let name = f.display().to_string();
        match compile_module(&module, &name, Mode::File) {
            Ok(code) => match verify::verify(&code) {
                Ok(()) => compiled += 1,
                Err(e) => failures.push(format!("{name}: checker: {e}")),
            },
            Err(e) => {
                if !INVALID.iter().any(|i| name.ends_with(i)) {
                    failures.push(format!("{name}: {e}"));
                }
            }
        }
    }
    eprintln!("{} files: {compiled} compiled and checked, {unparsed} not parsed", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

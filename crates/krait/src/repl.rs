//! A plain interactive prompt (`>>> ` / `... `). The full REPL (line editing,
//! history, completion) comes later with rustyline.

use std::io::{BufRead, Write};

use krait_syntax::Mode;
use krait_vm::Vm;

/// Does this source need more lines before it can be compiled?
fn needs_more(src: &str) -> bool {
    let last = src.lines().last().unwrap_or("");
    if last.trim_end().ends_with(':') || last.trim_end().ends_with('\\') {
        return true;
    }
    // Inside a block: keep going until an empty line.
    let multi = src.lines().count() > 1;
    if multi && !src.ends_with("\n\n") {
        return true;
    }
    // Unclosed brackets or triple quotes.
    let mut depth = 0i32;
    for c in src.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0 || src.matches("\"\"\"").count() % 2 == 1 || src.matches("'''").count() % 2 == 1
}

pub fn run(vm: &mut Vm) -> i32 {
    println!("krait {} (MicroPython-compatible); Ctrl-D to exit", env!("CARGO_PKG_VERSION"));
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            print!("{prompt}");
            let _ = std::io::stdout().flush();
            match lines.next() {
                Some(Ok(line)) => {
                    src.push_str(&line);
                    src.push('\n');
                }
                _ => {
                    println!();
                    return 0;
                }
            }
            if !needs_more(&src) {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        if let Err(e) = vm.run_interactive(&src, Mode::Single) {
            if vm.exc_matches(e, krait_vm::ExcKind::SystemExit) {
                vm.flush_stdout();
                return 0;
            }
            let text = vm.format_exception(e.0);
            vm.write_stderr(text.as_bytes());
        }
        vm.flush_stdout();
    }
}

//! Compile a Python file (or `-c SOURCE`) and print its disassembly; the
//! bytecode checker runs over the result too.
//!     cargo run -p krait-compiler --example dis -- file.py

use krait_compiler::{compile_source, dis, verify};
use krait_syntax::Mode;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (source, name) = match args.as_slice() {
        [flag, src] if flag == "-c" => (src.clone(), "<string>".to_string()),
        [path] => match std::fs::read_to_string(path) {
            Ok(s) => (s, path.clone()),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: dis FILE | dis -c SOURCE");
            std::process::exit(2);
        }
    };
    match compile_source(&source, &name, Mode::File) {
        Ok(code) => {
            print!("{}", dis::disassemble(&code));
            if let Err(e) = verify::verify(&code) {
                eprintln!("verify: {e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

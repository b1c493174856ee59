//! The `krait` command line, compatible with MicroPython's unix port:
//! `krait [options] [file | -c CMD | -m MOD | -] [args...]`.

mod cli;
mod repl;

fn main() {
    let code = cli::main();
    std::process::exit(code);
}

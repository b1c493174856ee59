//! Argument parsing and running a program, with MicroPython's exit codes.

use std::io::{IsTerminal, Read};

use krait_syntax::Mode;
use krait_vm::{ExcKind, PyErr, Value, Vm, VmOptions};

const USAGE: &str = "\
usage: krait [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename> | -] [args...]
Options:
-h : print this help message
-i : enable inspection via REPL after running command/module/file
-O[N] : apply bytecode optimizations of level N (-O drops asserts)
-v : verbose (trace various operations); can be multiple
-X : implementation specific options, see below

Implementation specific options (-X):
  emit={bytecode,native,viper} -- set the default code emitter
  heapsize=<n>[w|K|M] -- fix the heap size (default: grow on demand)
  dis -- print the bytecode disassembly of the program and exit
";

/// What to run.
enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Repl,
}

struct Cli {
    options: VmOptions,
    target: Target,
    inspect: bool,
    dis: bool,
}

fn parse_heapsize(s: &str) -> Result<usize, String> {
    let (num, mult) = match s.chars().last() {
        Some('w') | Some('W') => (&s[..s.len() - 1], 8usize),
        Some('k') | Some('K') => (&s[..s.len() - 1], 1024),
        Some('m') | Some('M') => (&s[..s.len() - 1], 1024 * 1024),
        _ => (s, 1),
    };
    let n: usize = num.parse().map_err(|_| format!("invalid heapsize '{s}'"))?;
    let bytes = n.checked_mul(mult).ok_or_else(|| format!("heapsize '{s}' is too large"))?;
    if bytes < 4096 {
        return Err(format!("heapsize '{s}' is too small (at least 4K is needed)"));
    }
    Ok(bytes)
}

fn parse_args(args: Vec<String>) -> Result<Cli, String> {
    let mut options = VmOptions::default();
    let mut inspect = false;
    let mut dis = false;
    let mut i = 0;
    let mut target = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-h" || a == "--help" {
            print!("{USAGE}");
            std::process::exit(0);
        } else if a == "-i" {
            inspect = true;
        } else if let Some(level) = a.strip_prefix("-O") {
            options.optimize = if level.is_empty() {
                1
            } else if level.chars().all(|c| c == 'O') {
                level.len() as u8 + 1
            } else {
                level.parse().map_err(|_| format!("invalid optimisation level '{a}'"))?
            };
        } else if a.starts_with("-v") && a[1..].chars().all(|c| c == 'v') {
            options.verbose += (a.len() - 1) as u8;
        } else if a == "-X" || (a.starts_with("-X") && a.len() > 2) {
            let opt = if a == "-X" {
                i += 1;
                args.get(i).cloned().ok_or("-X needs an option")?
            } else {
                a[2..].to_owned()
            };
            if let Some(e) = opt.strip_prefix("emit=") {
                match e {
                    "bytecode" | "native" | "viper" => {}
                    _ => return Err(format!("unknown emitter '{e}'")),
                }
            } else if let Some(h) = opt.strip_prefix("heapsize=") {
                options.heap_size = Some(parse_heapsize(h)?);
            } else if opt == "dis" {
                dis = true;
            } else if opt == "realtime" || opt.starts_with("compile-only") {
                // Accepted for compatibility with MicroPython's options.
            } else {
                return Err(format!("unknown -X option '{opt}'"));
            }
        } else if a == "-c" {
            i += 1;
            let cmd = args.get(i).cloned().ok_or("-c needs a command")?;
            target = Some(Target::Command(cmd));
            i += 1;
            break;
        } else if a == "-m" {
            i += 1;
            let m = args.get(i).cloned().ok_or("-m needs a module name")?;
            target = Some(Target::Module(m));
            i += 1;
            break;
        } else if a == "-" {
            target = Some(Target::Stdin);
            i += 1;
            break;
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(format!("unknown option '{a}'"));
        } else {
            target = Some(Target::File(a.clone()));
            i += 1;
            break;
        }
        i += 1;
    }
    let rest: Vec<String> = args[i..].to_vec();
    let target = match target {
        Some(t) => t,
        None => {
            if std::io::stdin().is_terminal() {
                Target::Repl
            } else {
                Target::Stdin
            }
        }
    };
    let script_dir = match &target {
        Target::File(f) => {
            let p = std::path::Path::new(f);
            match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_string_lossy().into_owned(),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    options.argv = match &target {
        Target::File(f) => std::iter::once(f.clone()).chain(rest).collect(),
        Target::Module(m) => std::iter::once(m.clone()).chain(rest).collect(),
        Target::Command(_) => std::iter::once("-c".to_owned()).chain(rest).collect(),
        Target::Stdin | Target::Repl => std::iter::once(String::new()).chain(rest).filter(|s| !s.is_empty()).collect(),
    };
    options.path =
        vec![script_dir, ".frozen".to_owned(), "~/.micropython/lib".to_owned(), "/usr/lib/micropython".to_owned()];
    Ok(Cli { options, target, inspect, dis })
}

/// Print an uncaught exception (MicroPython format) and give the exit code it means.
fn report(vm: &mut Vm, e: PyErr) -> i32 {
    if vm.exc_matches(e, ExcKind::SystemExit) {
        return system_exit_code(vm, e.0);
    }
    let text = vm.format_exception(e.0);
    vm.write_stderr(text.as_bytes());
    1
}

fn system_exit_code(vm: &mut Vm, e: Value) -> i32 {
    let code = vm.get_attr(e, krait_syntax::Qstr::new("code")).unwrap_or(Value::NONE);
    if code.is_none() {
        return 0;
    }
    if let Some(i) = code.as_small_int() {
        return i as i32;
    }
    if code.is_bool() {
        return (code == Value::TRUE) as i32;
    }
    // A non-integer code is printed, and the exit status is 1.
    let s = vm.str_of(code).unwrap_or_default();
    vm.write_stderr(format!("{s}\n").as_bytes());
    1
}

fn run_source(vm: &mut Vm, source: &str, filename: &str, dis: bool) -> i32 {
    if dis {
        return match krait_compiler::compile_source(source, filename, Mode::File) {
            Ok(code) => {
                print!("{}", krait_compiler::dis::disassemble(&code));
                0
            }
            Err(e) => {
                let err = vm.syntax_error(&e, filename);
                report(vm, err)
            }
        };
    }
    match vm.run_main(source, filename) {
        Ok(()) => 0,
        Err(e) => report(vm, e),
    }
}

/// Call the function `sys.atexit` registered, as MicroPython's unix port does once
/// the program (or the REPL) is done; an exception it raises is reported and gives
/// the exit status.
fn run_exit_func(vm: &mut Vm) -> Option<i32> {
    let f = std::mem::replace(&mut vm.exit_func, Value::NONE);
    if f.is_none() || !vm.is_callable(f) {
        return None;
    }
    vm.temp_roots.push(f);
    let result = vm.call_value(f, &[], &[]);
    vm.temp_roots.pop();
    match result {
        Ok(_) => None,
        Err(e) => Some(report(vm, e)),
    }
}

fn run(cli: Cli) -> i32 {
    let Cli { options, target, inspect, dis } = cli;
    let mut vm = Vm::new(options);
    // Ctrl-C raises KeyboardInterrupt in the program, as on MicroPython's unix port.
    krait_vm::interrupt::set_ctrl_c(true);
    let code = match target {
        Target::File(path) => match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(src) => run_source(&mut vm, &src, &path, dis),
                Err(_) => {
                    eprintln!("krait: {path}: source is not valid UTF-8");
                    1
                }
            },
            Err(e) => {
                eprintln!("krait: can't open file '{path}': [Errno {}] {e}", e.raw_os_error().unwrap_or(2));
                2
            }
        },
        Target::Command(cmd) => run_source(&mut vm, &cmd, "<stdin>", dis),
        Target::Stdin => {
            let mut src = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut src) {
                eprintln!("krait: can't read stdin: {e}");
                return 1;
            }
            match String::from_utf8(src) {
                Ok(s) => run_source(&mut vm, &s, "<stdin>", dis),
                Err(_) => {
                    eprintln!("krait: stdin is not valid UTF-8");
                    1
                }
            }
        }
        Target::Module(m) => match vm.run_module_as_main(&m) {
            Ok(()) => 0,
            Err(e) => report(&mut vm, e),
        },
        Target::Repl => {
            vm.flush_stdout();
            crate::repl::run(&mut vm)
        }
    };
    vm.flush_stdout();
    let mut code = if inspect { crate::repl::run(&mut vm) } else { code };
    if !dis {
        code = run_exit_func(&mut vm).unwrap_or(code);
        vm.run_exit_finalizers();
        vm.flush_stdout();
    }
    // The process is about to exit: let the OS reclaim the heap instead of freeing
    // every object one by one.
    std::mem::forget(vm);
    code
}

pub fn main() -> i32 {
    // Arguments that aren't UTF-8 reach sys.argv with U+FFFD for their bad bytes
    // (CPython would keep them as surrogate escapes; `Options::argv` holds `String`s).
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string().unwrap_or_else(|a| a.to_string_lossy().into_owned()))
        .collect();
    let cli = match parse_args(args) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("krait: {msg}");
            eprint!("{USAGE}");
            return 1;
        }
    };
    // Run on a thread with a large stack: Python-to-Python calls don't use it, but
    // builtins calling back into Python and generator resumption do.
    let handle = std::thread::Builder::new().stack_size(256 << 20).spawn(move || run(cli));
    match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("krait: can't start the interpreter thread: {e}");
            1
        }
    }
}

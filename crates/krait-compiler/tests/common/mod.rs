//! Helpers shared by the compiler's integration tests.
#![allow(dead_code)]

use std::rc::Rc;

use krait_compiler::bytecode::{decode, small_int_arg};
use krait_compiler::{compile_source, compile_source_with, dis, verify, Code, CompileOptions, Const, Op};
use krait_syntax::{Mode, SyntaxError};

/// Compile, then run the bytecode checker over the result (and all nested code).
pub fn compile(src: &str) -> Rc<Code> {
    compile_mode(src, Mode::File)
}

pub fn compile_mode(src: &str, mode: Mode) -> Rc<Code> {
    let code = compile_source(src, "t.py", mode).unwrap_or_else(|e| panic!("{e}\n--- source:\n{src}"));
    check(&code, src);
    code
}

pub fn compile_opt(src: &str, optimize: u8) -> Rc<Code> {
    let code = compile_source_with(src, "t.py", Mode::File, &CompileOptions { optimize })
        .unwrap_or_else(|e| panic!("{e}\n--- source:\n{src}"));
    check(&code, src);
    code
}

pub fn check(code: &Code, src: &str) {
    if let Err(e) = verify::verify(code) {
        panic!("checker: {e}\n--- source:\n{src}\n--- code:\n{}", dis::disassemble(code));
    }
}

pub fn compile_err(src: &str) -> SyntaxError {
    match compile_source(src, "t.py", Mode::File) {
        Ok(code) => panic!("expected a SyntaxError for:\n{src}\n--- got:\n{}", dis::disassemble(&code)),
        Err(e) => e,
    }
}

/// The nested code object with this qualname (searching depth-first).
pub fn find(code: &Rc<Code>, qualname: &str) -> Rc<Code> {
    fn rec(code: &Rc<Code>, q: &str) -> Option<Rc<Code>> {
        if code.qualname.as_str() == q {
            return Some(code.clone());
        }
        code.consts.iter().find_map(|c| match c {
            Const::Code(inner) => rec(inner, q),
            _ => None,
        })
    }
    rec(code, qualname).unwrap_or_else(|| panic!("no code {qualname} in:\n{}", dis::disassemble(code)))
}

pub fn ops(code: &Code) -> Vec<(Op, u32)> {
    code.code
        .iter()
        .map(|&w| {
            let (b, a) = decode(w);
            (Op::from_u8(b).expect("valid op"), a)
        })
        .collect()
}

pub fn op_names(code: &Code) -> Vec<Op> {
    ops(code).into_iter().map(|(o, _)| o).collect()
}

pub fn has_op(code: &Code, op: Op) -> bool {
    ops(code).iter().any(|&(o, _)| o == op)
}

pub fn count_op(code: &Code, op: Op) -> usize {
    ops(code).iter().filter(|&&(o, _)| o == op).count()
}

/// The small ints loaded by `LoadSmallInt`, in order.
pub fn small_ints(code: &Code) -> Vec<i32> {
    ops(code).into_iter().filter(|&(o, _)| o == Op::LoadSmallInt).map(|(_, a)| small_int_arg(a)).collect()
}

/// Names used by an op (`LoadName x` -> "x").
pub fn names_with(code: &Code, op: Op) -> Vec<String> {
    ops(code).into_iter().filter(|&(o, _)| o == op).map(|(_, a)| code.names[a as usize].to_string()).collect()
}

pub fn locals_with(code: &Code, op: Op) -> Vec<String> {
    ops(code).into_iter().filter(|&(o, _)| o == op).map(|(_, a)| code.varnames[a as usize].to_string()).collect()
}

pub fn strs(v: &[krait_syntax::Qstr]) -> Vec<String> {
    v.iter().map(|q| q.to_string()).collect()
}

//! The disassembler behind `krait -X dis`: a readable listing of a code object
//! and, after it, of every code object nested in its constants.

use std::fmt::Write;

use crate::bytecode::{decode, small_int_arg, Code, CodeFlags, Const, Op};
use crate::stack;

/// Disassemble `code` and, recursively, its nested code objects.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    dis_rec(code, &mut out);
    out
}

fn dis_rec(code: &Code, out: &mut String) {
    dis_one(code, out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            dis_rec(inner, out);
        }
    }
}

fn flag_names(flags: CodeFlags) -> String {
    const NAMES: &[(u32, &str)] = &[
        (CodeFlags::VARARGS, "VARARGS"),
        (CodeFlags::VARKEYWORDS, "VARKEYWORDS"),
        (CodeFlags::GENERATOR, "GENERATOR"),
        (CodeFlags::COROUTINE, "COROUTINE"),
        (CodeFlags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
        (CodeFlags::CLASS_BODY, "CLASS_BODY"),
        (CodeFlags::MODULE, "MODULE"),
        (CodeFlags::NESTED, "NESTED"),
        (CodeFlags::NATIVE, "NATIVE"),
        (CodeFlags::VIPER, "VIPER"),
    ];
    let names: Vec<&str> = NAMES.iter().filter(|(f, _)| flags.has(*f)).map(|(_, n)| *n).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
}

/// The Python `repr` of a str (quotes chosen as CPython does), for listings and
/// for annotations kept as text (PEP 563).
pub(crate) fn py_str_repr(s: &str, out: &mut String) {
    py_wtf8_repr(s.as_bytes(), out)
}

/// `py_str_repr` of generalized UTF-8 text (`krait_syntax::wtf8`): a lone
/// surrogate is written as its `\udXXX` escape.
pub(crate) fn py_wtf8_repr(s: &[u8], out: &mut String) {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') { '"' } else { '\'' };
    out.push(quote);
    for (_, cp) in krait_syntax::wtf8::code_points(s) {
        let Some(ch) = char::from_u32(cp) else {
            let _ = write!(out, "\\u{cp:04x}");
            continue;
        };
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        let s = format!("{f:?}");
        if s.contains('e') && !s.contains("e-") {
            s.replace('e', "e+")
        } else {
            s
        }
    }
}

/// A Python-like repr of a constant.
pub fn const_repr(c: &Const) -> String {
    let mut out = String::new();
    const_repr_into(c, &mut out);
    out
}

fn const_repr_into(c: &Const, out: &mut String) {
    match c {
        Const::None => out.push_str("None"),
        Const::True => out.push_str("True"),
        Const::False => out.push_str("False"),
        Const::Ellipsis => out.push_str("Ellipsis"),
        Const::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Const::BigInt(d) => out.push_str(d),
        Const::Float(f) => out.push_str(&float_repr(*f)),
        Const::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                let _ = write!(out, "{}j", float_repr(*imag));
            } else {
                let _ =
                    write!(out, "({}{}{}j)", float_repr(*real), if *imag >= 0.0 { "+" } else { "" }, float_repr(*imag));
            }
        }
        Const::Str(s) => py_str_repr(s, out),
        Const::SurrogateStr(b) => py_wtf8_repr(b, out),
        Const::Bytes(b) => {
            out.push_str("b'");
            for &byte in b.iter() {
                match byte {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(byte as char),
                    _ => {
                        let _ = write!(out, "\\x{byte:02x}");
                    }
                }
            }
            out.push('\'');
        }
        Const::Tuple(items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                const_repr_into(x, out);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Const::Code(code) => {
            let _ = write!(out, "<code {} line {}>", code.qualname, code.first_line);
        }
    }
}

fn cell_name(code: &Code, i: u32) -> String {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].to_string()
    } else {
        code.freevars.get(i - code.cellvars.len()).map_or_else(|| "?".to_string(), |q| q.to_string())
    }
}

fn annotation(code: &Code, op: Op, arg: u32) -> String {
    let name = |i: u32| match code.names.get(i as usize) {
        Some(q) if q.as_str().is_empty() => "''".to_string(),
        Some(q) => q.to_string(),
        None => "?".to_string(),
    };
    match op {
        Op::LoadConst => code.consts.get(arg as usize).map_or_else(|| "?".into(), const_repr),
        Op::LoadSmallInt => small_int_arg(arg).to_string(),
        Op::LoadFast | Op::StoreFast | Op::DeleteFast => {
            code.varnames.get(arg as usize).map_or_else(|| "?".to_string(), |q| q.to_string())
        }
        Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure => cell_name(code, arg),
        Op::LoadGlobal
        | Op::StoreGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::StoreName
        | Op::DeleteName
        | Op::LoadAttr
        | Op::StoreAttr
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::ImportName
        | Op::ImportFrom => name(arg),
        Op::CallFunction | Op::CallMethod => format!("{} positional, {} keyword", arg & 0xfff, arg >> 12),
        Op::UnpackEx => format!("{} before, {} after", arg & 0xff, arg >> 8),
        Op::FormatValue | Op::BuildInterpolation => {
            let conv = ["", "!s", "!r", "!a"][(arg & 3) as usize];
            format!("{conv}{}", if arg & 4 != 0 { " with spec" } else { "" })
        }
        Op::MakeFunction => {
            let mut parts = Vec::new();
            if arg & 1 != 0 {
                parts.push("defaults");
            }
            if arg & 2 != 0 {
                parts.push("kwdefaults");
            }
            if arg & 4 != 0 {
                parts.push("annotations");
            }
            if arg & 8 != 0 {
                parts.push("closure");
            }
            parts.join(", ")
        }
        op if stack::is_jump(op) => format!("to {arg}"),
        _ => String::new(),
    }
}

fn dis_one(code: &Code, out: &mut String) {
    let _ = writeln!(out, "Disassembly of {} ({}, line {}):", code.qualname, code.filename, code.first_line);
    let _ = writeln!(
        out,
        "  args: {} positional ({} positional-only), {} keyword-only; locals: {}; max stack: {}",
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.nlocals(),
        code.max_stack
    );
    let _ = writeln!(out, "  flags: {}", flag_names(code.flags));
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", join(&code.varnames));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", join(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", join(&code.freevars));
    }
    if !code.annotations.is_empty() {
        let anns: Vec<String> = code.annotations.iter().map(|(p, a)| format!("{p}: {a}")).collect();
        let _ = writeln!(out, "  annotations: {}", anns.join(", "));
    }
    let mut next_line = 0;
    for (pc, &word) in code.code.iter().enumerate() {
        let mut line_col = String::new();
        while next_line < code.line_table.len() && code.line_table[next_line].0 as usize <= pc {
            if code.line_table[next_line].0 as usize == pc {
                line_col = code.line_table[next_line].1.to_string();
            }
            next_line += 1;
        }
        let (b, arg) = decode(word);
        match Op::from_u8(b) {
            Some(op) => {
                let ann = annotation(code, op, arg);
                let _ = write!(out, "{line_col:>5} {pc:>6} {:<18} {arg:>6}", op.name());
                if !ann.is_empty() {
                    let _ = write!(out, " ({ann})");
                }
                out.push('\n');
            }
            None => {
                let _ = writeln!(out, "{line_col:>5} {pc:>6} <bad opcode {b}> {arg}");
            }
        }
    }
    if !code.exc_table.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for e in &code.exc_table {
            let _ = writeln!(out, "    {} to {} -> {} [depth {}]", e.start, e.end, e.target, e.depth);
        }
    }
}

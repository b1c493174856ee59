//! The shape of the code emitted for representative constructs: `const()` and
//! folding, exception tables, `max_stack`, calls, decorators, line tables.

mod common;

use common::*;
use krait_compiler::{dis, CodeFlags, Const, ExcEntry, Op};

#[test]
fn const_values_are_substituted_everywhere() {
    let code = compile(
        "from micropython import const\nX = const(5)\n_Y = const(X * 100 + 1)\nBIG = const(1 << 40)\ndef f():\n    return X + _Y + BIG\nz = _Y",
    );
    // `X` is still stored (public), `_Y` is not.
    assert_eq!(names_with(&code, Op::StoreName), ["const", "X", "BIG", "f", "z"]);
    assert!(!code.names.iter().any(|n| n.as_str() == "_Y"));
    assert_eq!(small_ints(&code), [0, 5, 501]);
    let f = find(&code, "f");
    // The whole sum folds.
    assert!(f.names.is_empty(), "no name lookups left: {:?}", f.names);
    assert_eq!(ops(&f), [(Op::LoadConst, 0), (Op::ReturnValue, 0)]);
    assert_eq!(f.consts, [Const::Int(506 + (1 << 40))]);
}

#[test]
fn const_accepts_any_constant_and_rejects_others() {
    let code = compile("A = const(2.5)\nB = const('s')\nC = const((1, 'a', None))\nD = const(A ** 2)\nE = const(2 ** -2)\nF = const(b'x')\nx = (A, B, C, D, E, F)");
    let t = code.consts.iter().find_map(|c| match c {
        Const::Tuple(items) if items.len() == 6 => Some(items.clone()),
        _ => None,
    });
    let t = t.expect("the folded tuple");
    assert_eq!(t[0], Const::Float(2.5));
    assert_eq!(t[1], Const::Str("s".into()));
    assert_eq!(t[2], Const::Tuple(vec![Const::Int(1), Const::Str("a".into()), Const::None].into()));
    assert_eq!(t[3], Const::Float(6.25));
    assert_eq!(t[4], Const::Float(0.25));
    assert_eq!(t[5], Const::Bytes((*b"x").into()));
    let e = compile_err("X = const(f())");
    assert_eq!(e.msg, "not a constant");
    // A const name is a literal from then on, as in MicroPython.
    for src in
        ["A = const(1)\nA = const(2)", "A = const(1)\nA = 2", "A = const(1)\nA += 2", "A = const(1)\nfor A in x: pass"]
    {
        assert!(compile_err(src).msg.contains("constant 'A'"), "{src}");
    }
    compile("A = const(1)\ndef f(A):\n    return A\ndef A(): pass");
    // Module constants, as MicroPython's compiler knows them.
    let code = compile("import math\nTWO_PI = const(2.0 * math.pi)\nx = math.e");
    assert!(code.consts.contains(&Const::Float(2.0 * std::f64::consts::PI)));
    assert!(code.consts.contains(&Const::Float(std::f64::consts::E)));
    assert!(!code.names.iter().any(|n| n.as_str() == "e"));
    // Outside an assignment, const(v) is just v.
    let code = compile("x = [const(3)]");
    assert_eq!(small_ints(&code), [3]);
    assert!(!code.names.iter().any(|n| n.as_str() == "const"));
}

#[test]
fn private_const_in_function_is_not_a_local() {
    let code = compile("def f():\n    _K = const(7)\n    return _K");
    let f = find(&code, "f");
    assert!(f.varnames.is_empty());
    assert_eq!(small_ints(&f), [7]);
}

#[test]
fn folding() {
    let code = compile(
        "a = 2 ** 10\nb = -7 // 2\nc = -7 % 3\nd = 1 / 0\ne = 1 << 100\nf = ~5 & 0xff | 3 ^ 1\ng = 1.5 * 2\nh = not 0\ni = -(2 ** 63)\nj = 10 ** 50",
    );
    assert_eq!(small_ints(&code), [1024, -4, 2, 1, 0, 250, 10, 50]);
    // 1 / 0 raises at run time, so it is left alone.
    assert!(has_op(&code, Op::BinaryTrueDiv));
    assert!(code.consts.contains(&Const::BigInt("1267650600228229401496703205376".into())));
    assert!(code.consts.contains(&Const::Float(3.0)));
    assert!(code.consts.contains(&Const::Int(i64::MIN)));
    // 10 ** 50 is beyond 128 bits: computed at run time.
    assert!(has_op(&code, Op::BinaryPow));
    assert!(has_op(&code, Op::LoadTrue));
    // Partial folding inside larger expressions.
    let code = compile("x = y + 2 * 3");
    assert_eq!(small_ints(&code), [6]);
    let code = compile("x = 2 * 3 + y");
    assert_eq!(small_ints(&code), [6]);
}

#[test]
fn constant_conditions_drop_dead_code() {
    let code = compile("DEBUG = const(0)\nif DEBUG:\n    print('debug')\nelse:\n    x = 1\nwhile 0:\n    y = 2\nif __debug__:\n    z = 3");
    assert_eq!(names_with(&code, Op::StoreName), ["DEBUG", "x", "z"]);
    assert!(!code.names.iter().any(|n| n.as_str() == "print"));
    assert!(!code.consts.contains(&Const::Str("debug".into())));
    let code = compile_opt("if __debug__:\n    z = 3\nassert x, 'm'", 1);
    assert_eq!(names_with(&code, Op::StoreName), Vec::<String>::new());
    assert!(!has_op(&code, Op::LoadAssertionError));
    let code = compile("assert x, 'm'");
    assert!(has_op(&code, Op::LoadAssertionError));
    // Code after return is not emitted.
    let code = compile("def f():\n    return 1\n    print(2)");
    assert!(find(&code, "f").names.is_empty());
}

#[test]
fn constants_are_deduplicated() {
    let code =
        compile("a = 'x'\nb = 'x'\nc = 1.0\nd = 1.0\ne = 1000000000\nf = 1000000000\ng = 0.0\nh = -0.0\ni = 1.0 == 1");
    let strs = code.consts.iter().filter(|c| **c == Const::Str("x".into())).count();
    assert_eq!(strs, 1);
    assert_eq!(code.consts.iter().filter(|c| **c == Const::Float(1.0)).count(), 1);
    assert_eq!(code.consts.iter().filter(|c| **c == Const::Int(1000000000)).count(), 1);
    // 0.0 and -0.0 stay distinct.
    assert_eq!(code.consts.iter().filter(|c| matches!(c, Const::Float(f) if *f == 0.0)).count(), 2);
}

#[test]
fn small_int_range() {
    let code = compile("a = 8388607\nb = -8388608\nc = 8388608\nd = -8388609");
    assert_eq!(small_ints(&code), [8388607, -8388608]);
    assert!(code.consts.contains(&Const::Int(8388608)));
    assert!(code.consts.contains(&Const::Int(-8388609)));
}

#[test]
fn try_except_finally_table() {
    let code = compile("try:\n    a()\nexcept E as e:\n    b()\nfinally:\n    c()");
    let text = dis::disassemble(&code);
    let t = &code.exc_table;
    // body -> except handler; except clause matching -> its clean-up; `as e` body
    // -> name clean-up; the rest of the handler -> finally.
    assert!(t.len() >= 5, "{text}");
    for w in t.windows(2) {
        assert!(w[0].end <= w[1].start, "entries do not overlap:\n{text}");
    }
    let o = ops(&code);
    let at = |e: &ExcEntry| o[e.target as usize].0;
    assert_eq!(at(&t[0]), Op::PushExcInfo, "{text}");
    assert_eq!(t[0].depth, 0);
    // The except clean-up: RotTwo; PopExcept; Reraise.
    let cleanup: Vec<&ExcEntry> = t.iter().filter(|e| o[e.target as usize].0 == Op::RotTwo).collect();
    assert!(!cleanup.is_empty(), "{text}");
    for e in cleanup {
        let i = e.target as usize;
        assert_eq!(&o[i..i + 3], &[(Op::RotTwo, 0), (Op::PopExcept, 0), (Op::Reraise, 0)], "{text}");
    }
    // `e = None; del e` on both exits of the handler body.
    assert_eq!(names_with(&code, Op::DeleteName), ["e", "e"], "{text}");
    // The finally body is emitted twice: normal and exceptional paths.
    assert_eq!(names_with(&code, Op::LoadName).iter().filter(|n| *n == "c").count(), 2);
}

#[test]
fn try_except_exact_shape() {
    let code = compile("try:\n    a\nexcept E:\n    b");
    let expect = vec![
        (Op::LoadName, 0),    // 0 a
        (Op::PopTop, 0),      // 1
        (Op::Jump, 16),       // 2
        (Op::PushExcInfo, 0), // 3: [prev, exc]
        (Op::LoadName, 1),    // 4 E
        (Op::CheckExcMatch, 0),
        (Op::PopJumpIfFalse, 12),
        (Op::PopTop, 0), // 7: [prev]
        (Op::LoadName, 2),
        (Op::PopTop, 0),
        (Op::PopExcept, 0),
        (Op::Jump, 16),
        (Op::Reraise, 0), // 12: no match
        (Op::RotTwo, 0),  // 13: clean-up
        (Op::PopExcept, 0),
        (Op::Reraise, 0),
        (Op::LoadNone, 0), // 16
        (Op::ReturnValue, 0),
    ];
    assert_eq!(ops(&code), expect, "{}", dis::disassemble(&code));
    assert_eq!(
        code.exc_table,
        vec![
            ExcEntry { start: 0, end: 2, target: 3, depth: 0 },
            ExcEntry { start: 3, end: 10, target: 13, depth: 1 },
            ExcEntry { start: 12, end: 13, target: 13, depth: 1 },
        ]
    );
    assert_eq!(code.max_stack, 3);
}

#[test]
fn with_shape() {
    let code = compile("with m as v:\n    body()");
    let o = op_names(&code);
    assert_eq!(&o[..3], &[Op::LoadName, Op::BeforeWith, Op::StoreName]);
    assert!(o.contains(&Op::WithExceptStart));
    assert_eq!(count_op(&code, Op::CallFunction), 2); // body() and exit(None, None, None)
    assert_eq!(code.max_stack, 4);
    assert_eq!(code.exc_table[0].depth, 1);
}

#[test]
fn max_stack_values() {
    assert_eq!(compile("x = a + b * c").max_stack, 3);
    assert_eq!(compile("f(a, b, c)").max_stack, 4);
    assert_eq!(compile("o.m(a, b)").max_stack, 4);
    assert_eq!(compile("f(a, k=b)").max_stack, 4);
    assert_eq!(compile("x = [a, b, c, d]").max_stack, 4);
    assert_eq!(compile("x = a < b < c").max_stack, 3);
    assert_eq!(compile("for i in x: pass").max_stack, 2);
    assert_eq!(compile("pass").max_stack, 1);
    assert_eq!(find(&compile("def f(): return [i for i in x]"), "f.<locals>.<listcomp>").max_stack, 3);
    // Long displays are built incrementally, keeping the stack shallow.
    let src = format!("x = [{}]", (0..1000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", "));
    assert!(compile(&src).max_stack <= 70);
    let src = format!("x = {{{}}}", (0..1000).map(|i| format!("a{i}: {i}")).collect::<Vec<_>>().join(", "));
    assert!(compile(&src).max_stack <= 140);
}

#[test]
fn calls() {
    let code = compile("o.m(1, k=2)");
    assert_eq!(
        ops(&code)[..6],
        [
            (Op::LoadName, 0),
            (Op::LoadMethod, 1),
            (Op::LoadSmallInt, 1),
            (Op::LoadConst, 0),
            (Op::LoadSmallInt, 2),
            (Op::CallMethod, 1 | 1 << 12)
        ]
    );
    assert_eq!(code.consts[0], Const::Str("k".into()));
    let code = compile("f(a, *b, c, k=1, **m, j=2)");
    let o = op_names(&code);
    assert!(o.contains(&Op::ListExtend) && o.contains(&Op::ListToTuple) && o.contains(&Op::DictMerge));
    assert_eq!(ops(&code).iter().find(|(o, _)| *o == Op::CallFunctionEx), Some(&(Op::CallFunctionEx, 1)));
    let code = compile("o.m(*a)");
    assert!(!has_op(&code, Op::LoadMethod));
    assert!(has_op(&code, Op::LoadAttr));
    let e = compile_err("f(a=1, a=2)");
    assert!(e.msg.contains("repeated"), "{}", e.msg);
}

#[test]
fn many_arguments_fall_back_to_a_tuple() {
    let src = format!("f({})", (0..5000).map(|i| i.to_string()).collect::<Vec<_>>().join(", "));
    let code = compile(&src);
    assert!(has_op(&code, Op::CallFunctionEx));
}

#[test]
fn function_definitions() {
    let code = compile("@d1\n@d2(x)\ndef f(a, b=1, *c, k=2, j, **kw) -> int:\n    'doc'\n    return a");
    let o = op_names(&code);
    // decorators first, then defaults, kw defaults, annotations, code, MakeFunction,
    // applied innermost first
    assert_eq!(
        o[..15],
        [
            Op::LoadName,
            Op::LoadName,
            Op::LoadName,
            Op::CallFunction,
            Op::LoadConst,
            Op::LoadConst,
            Op::LoadSmallInt,
            Op::BuildMap,
            Op::LoadConst,
            Op::LoadName,
            Op::BuildMap,
            Op::LoadConst,
            Op::MakeFunction,
            Op::CallFunction,
            Op::CallFunction
        ]
    );
    assert!(code.consts.contains(&Const::Tuple(vec![Const::Int(1)].into())));
    let f = find(&code, "f");
    assert_eq!(strs(&f.varnames), ["a", "b", "k", "j", "c", "kw"]);
    assert_eq!((f.argcount, f.kwonlyargcount), (2, 2));
    assert!(f.flags.has(CodeFlags::VARARGS) && f.flags.has(CodeFlags::VARKEYWORDS));
    // The docstring is dropped.
    assert!(!f.consts.iter().any(|c| matches!(c, Const::Str(_))));
    assert_eq!(f.annotations.len(), 1);
    assert_eq!(f.annotations[0].0.as_str(), "return");
    assert_eq!(f.annotations[0].1.as_str(), "int");
}

#[test]
fn native_and_viper_decorators() {
    let code = compile(
        "import micropython\n@micropython.native\ndef f(): return 1\n@micropython.viper\ndef g(x: int, p: ptr8) -> uint:\n    def inner(): pass\n    return x\n@other\n@micropython.native\ndef h(): pass\n@micropython.native\nclass C:\n    def m(self): pass",
    );
    assert!(find(&code, "f").flags.has(CodeFlags::NATIVE));
    let g = find(&code, "g");
    assert!(g.flags.has(CodeFlags::VIPER));
    let anns: Vec<(String, String)> = g.annotations.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(anns, [("x".into(), "int".into()), ("p".into(), "ptr8".into()), ("return".into(), "uint".into())]);
    // Nested definitions inherit the emitter, as in MicroPython.
    assert!(find(&code, "g.<locals>.inner").flags.has(CodeFlags::VIPER));
    assert!(find(&code, "h").flags.has(CodeFlags::NATIVE));
    assert!(find(&code, "C.m").flags.has(CodeFlags::NATIVE));
    // The emitter decorators are not applied at run time; `other` is.
    assert_eq!(names_with(&code, Op::LoadName), ["other"]);
    assert!(!code.names.iter().any(|n| n.as_str() == "native"));
}

#[test]
fn annotations() {
    // Class bodies set up `__annotations__` first; names' annotations are stored.
    let code = compile("class C:\n    x: int = 1\n    y: str\n    a.b: int");
    let c = find(&code, "C");
    let o = op_names(&c);
    assert_eq!(o[4], Op::SetupAnnotations);
    assert_eq!(o.iter().filter(|&&op| op == Op::StoreSubscr).count(), 2);
    // A module sets it up (if missing) at each annotated assignment.
    let code = compile("x: int = 1\nprint(x)\ny: str");
    assert_eq!(op_names(&code).iter().filter(|&&op| op == Op::SetupAnnotations).count(), 2);
    // No annotations, no cost.
    let code = compile("class D:\n    x = 1\ndef f(a, b=2): pass");
    assert!(!has_op(&find(&code, "D"), Op::SetupAnnotations));
    assert!(ops(&code).iter().any(|&(op, arg)| op == Op::MakeFunction && arg == 1));
    // Annotations of a function's locals are not evaluated.
    let code = compile("def f():\n    x: undefined = 1\n    y: other");
    let f = find(&code, "f");
    assert!(!f.names.iter().any(|n| n.as_str() == "undefined" || n.as_str() == "other"));
    // Parameter annotations become a dict for `MakeFunction`; PEP 563 keeps text.
    let code = compile("from __future__ import annotations\ndef g(a: List[int]) -> None: pass");
    assert!(ops(&code).iter().any(|&(op, arg)| op == Op::MakeFunction && arg == 4));
    assert!(code.consts.contains(&Const::Str("List[int]".into())));
    // Viper annotations are types, never evaluated.
    let code = compile("import micropython\n@micropython.viper\ndef v(p: ptr8) -> int: pass");
    assert!(ops(&code).iter().all(|&(op, arg)| op != Op::MakeFunction || arg == 0));
}

#[test]
fn class_definition() {
    let code = compile("class C(A, metaclass=M):\n    'doc'\n    x = 1");
    let o = op_names(&code);
    assert_eq!(
        o[..8],
        [
            Op::LoadBuildClass,
            Op::LoadConst,
            Op::MakeFunction,
            Op::LoadConst,
            Op::LoadName,
            Op::LoadConst,
            Op::LoadName,
            Op::CallFunction
        ]
    );
    let call = ops(&code)[7];
    assert_eq!(call, (Op::CallFunction, 3 | 1 << 12));
    let c = find(&code, "C");
    assert_eq!(ops(&c)[..4], [(Op::LoadGlobal, 0), (Op::StoreName, 1), (Op::LoadConst, 0), (Op::StoreName, 2)]);
    assert_eq!(strs(&c.names)[..3], ["__name__", "__module__", "__qualname__"]);
    assert_eq!(c.consts[0], Const::Str("C".into()));
    let o = ops(&c);
    assert_eq!(o[o.len() - 2..], [(Op::LoadNone, 0), (Op::ReturnValue, 0)]);
}

#[test]
fn imports() {
    let code = compile("import a.b.c\nimport a.b.c as d\nfrom ..m import x as y, z\nfrom . import w\nfrom q import *");
    assert_eq!(names_with(&code, Op::ImportName), ["a.b.c", "a.b.c", "m", "", "q"]);
    assert_eq!(names_with(&code, Op::StoreName), ["a", "d", "y", "z", "w"]);
    assert_eq!(names_with(&code, Op::ImportFrom), ["b", "c", "x", "z", "w"]);
    assert!(has_op(&code, Op::ImportStar));
    assert!(code.consts.contains(&Const::Tuple(vec![Const::Str("x".into()), Const::Str("z".into())].into())));
    assert_eq!(small_ints(&code), [0, 0, 2, 1, 0]);
}

#[test]
fn augmented_assignment_evaluates_targets_once() {
    let code = compile("a.b += 1");
    assert_eq!(
        op_names(&code)[..7],
        [Op::LoadName, Op::DupTop, Op::LoadAttr, Op::LoadSmallInt, Op::InplaceAdd, Op::RotTwo, Op::StoreAttr]
    );
    let code = compile("a[i] -= 1");
    assert_eq!(
        op_names(&code)[..8],
        [
            Op::LoadName,
            Op::LoadName,
            Op::DupTopTwo,
            Op::BinarySubscr,
            Op::LoadSmallInt,
            Op::InplaceSub,
            Op::RotThree,
            Op::StoreSubscr
        ]
    );
}

#[test]
fn unpacking() {
    let code = compile("a, *b, c, d = x");
    assert!(ops(&code).contains(&(Op::UnpackEx, 1 | 2 << 8)));
    let code = compile("a, b = x");
    assert!(ops(&code).contains(&(Op::UnpackSequence, 2)));
    // Swaps avoid building a tuple.
    let code = compile("a, b = b, a");
    assert_eq!(op_names(&code)[..5], [Op::LoadName, Op::LoadName, Op::RotTwo, Op::StoreName, Op::StoreName]);
}

#[test]
fn f_strings() {
    let code = compile("x = f'a{b!r:>{w}}c'");
    let o = ops(&code);
    assert!(o.contains(&(Op::FormatValue, 2 | 4)));
    assert!(o.contains(&(Op::BuildString, 3)));
}

#[test]
fn t_strings() {
    // The strings are one constant tuple; each field is its value, its source
    // text and (built like an f-string) its format spec, then BuildInterpolation
    // with the conversion; BuildTemplate takes them all.
    let code = compile("x = t'a{b!r:>{w}}c{d}' t'e'");
    assert_eq!(
        op_names(&code),
        [
            Op::LoadConst,
            Op::LoadName,
            Op::LoadConst,
            Op::LoadConst,
            Op::LoadName,
            Op::FormatValue,
            Op::BuildString,
            Op::BuildInterpolation,
            Op::LoadName,
            Op::LoadConst,
            Op::BuildInterpolation,
            Op::BuildTemplate,
            Op::StoreName,
            Op::LoadNone,
            Op::ReturnValue
        ]
    );
    let o = ops(&code);
    assert!(o.contains(&(Op::BuildInterpolation, 2 | 4)));
    assert!(o.contains(&(Op::BuildInterpolation, 0)));
    assert!(o.contains(&(Op::BuildTemplate, 2)));
    let strs = |items: &[&str]| Const::Tuple(items.iter().map(|s| Const::Str((*s).into())).collect());
    assert!(code.consts.contains(&strs(&["a", "c", "e"])));
    assert!(code.consts.contains(&Const::Str("b".into())));
    assert!(code.consts.contains(&Const::Str("d".into())));
    let code = compile("x = t''");
    assert!(code.consts.contains(&strs(&[""])));
    assert!(ops(&code).contains(&(Op::BuildTemplate, 0)));
}

#[test]
fn line_table() {
    let code = compile("a = 1\n\nb = f(\n  g(2))\n");
    assert_eq!(code.first_line, 1);
    let lines: Vec<u32> = code.line_table.iter().map(|&(_, l)| l).collect();
    assert_eq!(lines[0], 1);
    assert!(lines.contains(&3) && lines.contains(&4), "{:?}", code.line_table);
    // The outer call instruction belongs to line 3 again.
    let call_pcs: Vec<u32> =
        ops(&code).iter().enumerate().filter(|(_, (o, _))| *o == Op::CallFunction).map(|(i, _)| i as u32).collect();
    assert_eq!(code.line_for_pc(call_pcs[0]), 4);
    assert_eq!(code.line_for_pc(call_pcs[1]), 3);
    let f = find(&compile("\n\ndef f():\n    pass"), "f");
    assert_eq!(f.first_line, 3);
}

#[test]
fn disassembly_mentions_everything() {
    let code = compile("def f(a):\n    try:\n        return [a for _ in 'x']\n    except E as e:\n        pass");
    let text = dis::disassemble(&code);
    for needle in
        ["Disassembly of f", "f.<locals>.<listcomp>", "LoadFast", "(a)", "exception table", "'x'", "varnames: a, e"]
    {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn chained_comparison_evaluates_middle_once() {
    let code = compile("x = a < f() < c");
    assert_eq!(count_op(&code, Op::CallFunction), 1);
    assert!(has_op(&code, Op::JumpIfFalseOrPop));
}

#[test]
fn conditions_jump_directly() {
    let code = compile("if a and not b or c:\n    x = 1");
    assert!(!has_op(&code, Op::UnaryNot));
    assert!(!has_op(&code, Op::JumpIfFalseOrPop));
    assert!(!has_op(&code, Op::JumpIfTrueOrPop));
}

//! Parser tests: every construct parses to the expected tree, every error case
//! reports the right kind, line and message, and no input makes the front end
//! panic or overflow its stack.
//!
//! Expected trees are written in the canonical form of `common/dump.rs`; those
//! for valid Python were produced from CPython 3.11's `ast` module by
//! `common/cpython_dump.py` and checked by hand, so they pin CPython's structure
//! and positions, not just whatever krait happens to do.

#[path = "common/dump.rs"]
mod dump;

use krait_syntax::ast::{Constant, ExprKind, StmtKind};
use krait_syntax::{parse, Mode, SyntaxError, SyntaxErrorKind};

fn check(mode: Mode, src: &str, locs: bool, expected: &str) {
    match parse(src, mode) {
        Ok(m) => {
            let got = dump::dump_module(&m, locs);
            assert_eq!(got, expected, "\nsource:\n{src}");
        }
        Err(e) => panic!("unexpected {e}\nsource:\n{src}"),
    }
}

fn check_err(mode: Mode, src: &str, line: u32, kind: SyntaxErrorKind, msg: &str) {
    match parse(src, mode) {
        Ok(m) => panic!("expected an error, got {}\nsource:\n{src}", dump::dump_module(&m, false)),
        Err(e) => {
            assert_eq!((e.kind, e.line), (kind, line), "{e}\nsource:\n{src}");
            assert!(e.msg.contains(msg), "message {:?} lacks {msg:?}\nsource:\n{src}", e.msg);
        }
    }
}

fn err(src: &str) -> SyntaxError {
    match parse(src, Mode::File) {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => e,
    }
}

// ---- constructs (expected trees from CPython) ----------------------------------

#[test]
fn assign_simple() {
    check(
        Mode::File,
        r#"x = 1
"#,
        true,
        r#"[Assign@1:0([Name@1:0('x')], Const@1:4(1))]"#,
    );
}

#[test]
fn assign_chain() {
    check(
        Mode::File,
        r#"a = b = c
"#,
        true,
        r#"[Assign@1:0([Name@1:0('a'), Name@1:4('b')], Name@1:8('c'))]"#,
    );
}

#[test]
fn assign_star_target() {
    check(
        Mode::File,
        r#"a, *b = x
"#,
        false,
        r#"[Assign([Tuple([Name('a'), Starred(Name('b'))])], Name('x'))]"#,
    );
}

#[test]
fn for_star_target() {
    check(
        Mode::File,
        r#"for a, *b in y: pass
"#,
        false,
        r#"[For(Tuple([Name('a'), Starred(Name('b'))]), Name('y'), [Pass()], [], 0)]"#,
    );
}

#[test]
fn augassign_all_ops() {
    check(
        Mode::File,
        r#"x += 1; y -= 2; z *= 3; w @= 4; v /= 5; u //= 6; t %= 7; s **= 8; r >>= 9; q <<= 10; p &= 11; o ^= 12; n |= 13
"#,
        false,
        r#"[AugAssign(Name('x'), Add, Const(1)), AugAssign(Name('y'), Sub, Const(2)), AugAssign(Name('z'), Mult, Const(3)), AugAssign(Name('w'), MatMult, Const(4)), AugAssign(Name('v'), Div, Const(5)), AugAssign(Name('u'), FloorDiv, Const(6)), AugAssign(Name('t'), Mod, Const(7)), AugAssign(Name('s'), Pow, Const(8)), AugAssign(Name('r'), RShift, Const(9)), AugAssign(Name('q'), LShift, Const(10)), AugAssign(Name('p'), BitAnd, Const(11)), AugAssign(Name('o'), BitXor, Const(12)), AugAssign(Name('n'), BitOr, Const(13))]"#,
    );
}

#[test]
fn annassign() {
    check(
        Mode::File,
        r#"x: int
y: int = 5
(z): int = 1
a.b: str
c[0]: int = 2
"#,
        true,
        r#"[AnnAssign@1:0(Name@1:0('x'), Name@1:3('int'), None, 1), AnnAssign@2:0(Name@2:0('y'), Name@2:3('int'), Const@2:9(5), 1), AnnAssign@3:0(Name@3:1('z'), Name@3:5('int'), Const@3:11(1), 0), AnnAssign@4:0(Attribute@4:0(Name@4:0('a'), 'b'), Name@4:5('str'), None, 0), AnnAssign@5:0(Subscript@5:0(Name@5:0('c'), Const@5:2(0)), Name@5:6('int'), Const@5:12(2), 0)]"#,
    );
}

#[test]
fn decorators() {
    check(
        Mode::File,
        r#"@dec
@mod.dec(1)
def f(): pass
@d
class C: pass
@d
async def g(): pass
"#,
        true,
        r#"[FunctionDef@3:0('f', Args([], [], None, [], [], None, []), [Pass@3:9()], [Name@1:1('dec'), Call@2:1(Attribute@2:1(Name@2:1('mod'), 'dec'), [Const@2:9(1)], [])], None, 0), ClassDef@5:0('C', [], [], [Pass@5:9()], [Name@4:1('d')]), FunctionDef@7:0('g', Args([], [], None, [], [], None, []), [Pass@7:15()], [Name@6:1('d')], None, 1)]"#,
    );
}

#[test]
fn def_all_params() {
    check(
        Mode::File,
        r#"def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    return a
"#,
        true,
        r#"[FunctionDef@1:0('f', Args([Arg@1:6('a', None), Arg@1:9('b', None)], [Arg@1:17('c', None)], Arg@1:23('args', None), [Arg@1:29('d', None), Arg@1:32('e', None)], [None, Const@1:34(3)], Arg@1:39('kw', None), [Const@1:11(1), Const@1:19(2)]), [Return@2:4(Name@2:11('a'))], [], Name@1:46('int'), 0)]"#,
    );
}

#[test]
fn def_kwonly_bare_star() {
    check(
        Mode::File,
        r#"def f(*, a, b=1): pass
"#,
        false,
        r#"[FunctionDef('f', Args([], [], None, [Arg('a', None), Arg('b', None)], [None, Const(1)], None, []), [Pass()], [], None, 0)]"#,
    );
}

#[test]
fn def_annotations() {
    check(
        Mode::File,
        r#"def f(a: int, *b: str, c: 'x' = 1, **d: float) -> None: pass
"#,
        false,
        r#"[FunctionDef('f', Args([], [Arg('a', Name('int'))], Arg('b', Name('str')), [Arg('c', Const("x"))], [Const(1)], Arg('d', Name('float')), []), [Pass()], [], Const(None), 0)]"#,
    );
}

#[test]
fn async_constructs() {
    check(
        Mode::File,
        r#"async def f():
    await x
    async for a in b: pass
    async with c as d, e: pass
    return [i async for i in y]
"#,
        true,
        r#"[FunctionDef@1:0('f', Args([], [], None, [], [], None, []), [Expr@2:4(Await@2:4(Name@2:10('x'))), For@3:4(Name@3:14('a'), Name@3:19('b'), [Pass@3:22()], [], 1), With@4:4([Item(Name@4:15('c'), Name@4:20('d')), Item(Name@4:23('e'), None)], [Pass@4:26()], 1), Return@5:4(ListComp@5:11(Name@5:12('i'), [Comp(Name@5:24('i'), Name@5:29('y'), [], 1)]))], [], None, 1)]"#,
    );
}

#[test]
fn classdef() {
    check(
        Mode::File,
        r#"class A(B, C, metaclass=M, **kw):
    x = 1
    def m(self): pass
"#,
        true,
        r#"[ClassDef@1:0('A', [Name@1:8('B'), Name@1:11('C')], ['metaclass'=Name@1:24('M'), **=Name@1:29('kw')], [Assign@2:4([Name@2:4('x')], Const@2:8(1)), FunctionDef@3:4('m', Args([], [Arg@3:10('self', None)], None, [], [], None, []), [Pass@3:17()], [], None, 0)], [])]"#,
    );
}

#[test]
fn classdef_no_bases() {
    check(
        Mode::File,
        r#"class A: pass
class B(): pass
"#,
        false,
        r#"[ClassDef('A', [], [], [Pass()], []), ClassDef('B', [], [], [Pass()], [])]"#,
    );
}

#[test]
fn lambdas() {
    check(
        Mode::File,
        r#"f = lambda: 0
g = lambda a, b=1, *c, d, e=2, **f: a
h = lambda *, k: k
i = lambda a, /, b: a
j = lambda a,: a
"#,
        true,
        r#"[Assign@1:0([Name@1:0('f')], Lambda@1:4(Args([], [], None, [], [], None, []), Const@1:12(0))), Assign@2:0([Name@2:0('g')], Lambda@2:4(Args([], [Arg@2:11('a', None), Arg@2:14('b', None)], Arg@2:20('c', None), [Arg@2:23('d', None), Arg@2:26('e', None)], [None, Const@2:28(2)], Arg@2:33('f', None), [Const@2:16(1)]), Name@2:36('a'))), Assign@3:0([Name@3:0('h')], Lambda@3:4(Args([], [], None, [Arg@3:14('k', None)], [None], None, []), Name@3:17('k'))), Assign@4:0([Name@4:0('i')], Lambda@4:4(Args([Arg@4:11('a', None)], [Arg@4:17('b', None)], None, [], [], None, []), Name@4:20('a'))), Assign@5:0([Name@5:0('j')], Lambda@5:4(Args([], [Arg@5:11('a', None)], None, [], [], None, []), Name@5:15('a')))]"#,
    );
}

#[test]
fn if_elif_else() {
    check(
        Mode::File,
        r#"if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
"#,
        true,
        r#"[If@1:0(Name@1:3('a'), [Pass@2:4()], [If@3:0(Name@3:5('b'), [Pass@4:4()], [If@5:0(Name@5:5('c'), [Pass@5:8()], [Pass@7:4()])])])]"#,
    );
}

#[test]
fn loops_with_else() {
    check(
        Mode::File,
        r#"while x:
    break
else:
    pass
for i in range(3):
    continue
else: pass
"#,
        true,
        r#"[While@1:0(Name@1:6('x'), [Break@2:4()], [Pass@4:4()]), For@5:0(Name@5:4('i'), Call@5:9(Name@5:9('range'), [Const@5:15(3)], []), [Continue@6:4()], [Pass@7:6()], 0)]"#,
    );
}

#[test]
fn try_full() {
    check(
        Mode::File,
        r#"try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
"#,
        true,
        r#"[Try@1:0([Pass@2:4()], [Handler@3:0(Name@3:7('E'), 'e', [Pass@4:4()]), Handler@5:0(Tuple@5:7([Name@5:8('A'), Name@5:11('B')]), None, [Pass@6:4()]), Handler@7:0(None, None, [Pass@8:4()])], [Pass@10:4()], [Pass@12:4()])]"#,
    );
}

#[test]
fn try_finally() {
    check(
        Mode::File,
        r#"try:
    pass
finally:
    pass
"#,
        false,
        r#"[Try([Pass()], [], [], [Pass()])]"#,
    );
}

#[test]
fn with_items() {
    check(
        Mode::File,
        r#"with a as b, c as (d, e), f:
    pass
"#,
        false,
        r#"[With([Item(Name('a'), Name('b')), Item(Name('c'), Tuple([Name('d'), Name('e')])), Item(Name('f'), None)], [Pass()], 0)]"#,
    );
}

#[test]
fn with_parenthesised() {
    check(
        Mode::File,
        r#"with (a as b, c as d):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (a):
    pass
with (a as b,):
    pass
with (a, b), c:
    pass
with (yield_):
    pass
with (a as b, c,
      d as e):
    pass
"#,
        false,
        r#"[With([Item(Name('a'), Name('b')), Item(Name('c'), Name('d'))], [Pass()], 0), With([Item(Name('a'), None), Item(Name('b'), None)], [Pass()], 0), With([Item(Tuple([Name('a'), Name('b')]), Name('c'))], [Pass()], 0), With([Item(Name('a'), None)], [Pass()], 0), With([Item(Name('a'), Name('b'))], [Pass()], 0), With([Item(Tuple([Name('a'), Name('b')]), None), Item(Name('c'), None)], [Pass()], 0), With([Item(Name('yield_'), None)], [Pass()], 0), With([Item(Name('a'), Name('b')), Item(Name('c'), None), Item(Name('d'), Name('e'))], [Pass()], 0)]"#,
    );
}

#[test]
fn raise_forms() {
    check(
        Mode::File,
        r#"raise
raise E
raise E from e
"#,
        true,
        r#"[Raise@1:0(None, None), Raise@2:0(Name@2:6('E'), None), Raise@3:0(Name@3:6('E'), Name@3:13('e'))]"#,
    );
}

#[test]
fn assert_forms() {
    check(
        Mode::File,
        r#"assert x
assert x, 'msg'
"#,
        false,
        r#"[Assert(Name('x'), None), Assert(Name('x'), Const("msg"))]"#,
    );
}

#[test]
fn del_targets() {
    check(
        Mode::File,
        r#"del a, b.c, d[0], (e, f), [g]
del x,
"#,
        false,
        r#"[Delete([Name('a'), Attribute(Name('b'), 'c'), Subscript(Name('d'), Const(0)), Tuple([Name('e'), Name('f')]), List([Name('g')])]), Delete([Name('x')])]"#,
    );
}

#[test]
fn global_nonlocal() {
    check(
        Mode::File,
        r#"def f():
    global a, b
    c = 1
    def g():
        nonlocal c, d
    d = 2
"#,
        false,
        r#"[FunctionDef('f', Args([], [], None, [], [], None, []), [Global(['a', 'b']), Assign([Name('c')], Const(1)), FunctionDef('g', Args([], [], None, [], [], None, []), [Nonlocal(['c', 'd'])], [], None, 0), Assign([Name('d')], Const(2))], [], None, 0)]"#,
    );
}

#[test]
fn imports() {
    check(
        Mode::File,
        r#"import a
import a.b.c as d, e
from . import x
from .. import y as z
from ..a.b import (c, d,)
from m import *
from ...p import q
from .... import r
from a import b, c as d
"#,
        true,
        r#"[Import@1:0(['a']), Import@2:0(['a.b.c' as 'd', 'e']), ImportFrom@3:0(None, ['x'], 1), ImportFrom@4:0(None, ['y' as 'z'], 2), ImportFrom@5:0('a.b', ['c', 'd'], 2), ImportFrom@6:0('m', ['*'], 0), ImportFrom@7:0('p', ['q'], 3), ImportFrom@8:0(None, ['r'], 4), ImportFrom@9:0('a', ['b', 'c' as 'd'], 0)]"#,
    );
}

#[test]
fn yields() {
    check(
        Mode::File,
        r#"def g():
    yield
    yield 1
    yield 1, 2
    x = yield y
    yield from z
    w = (yield)
    v += yield
    yield *a, b
"#,
        false,
        r#"[FunctionDef('g', Args([], [], None, [], [], None, []), [Expr(Yield(None)), Expr(Yield(Const(1))), Expr(Yield(Tuple([Const(1), Const(2)]))), Assign([Name('x')], Yield(Name('y'))), Expr(YieldFrom(Name('z'))), Assign([Name('w')], Yield(None)), AugAssign(Name('v'), Add, Yield(None)), Expr(Yield(Tuple([Starred(Name('a')), Name('b')])))], [], None, 0)]"#,
    );
}

#[test]
fn comprehensions() {
    check(
        Mode::File,
        r#"[x for x in y]
[x for x in y if a if b for z in w]
{x for x in y}
{k: v for k, v in d}
(x for x in y)
[(a, b) for a, *b in c]
[x for x, in y]
[lambda: x for x in y]
[a if b else c for d in e]
"#,
        true,
        r#"[Expr@1:0(ListComp@1:0(Name@1:1('x'), [Comp(Name@1:7('x'), Name@1:12('y'), [], 0)])), Expr@2:0(ListComp@2:0(Name@2:1('x'), [Comp(Name@2:7('x'), Name@2:12('y'), [Name@2:17('a'), Name@2:22('b')], 0), Comp(Name@2:28('z'), Name@2:33('w'), [], 0)])), Expr@3:0(SetComp@3:0(Name@3:1('x'), [Comp(Name@3:7('x'), Name@3:12('y'), [], 0)])), Expr@4:0(DictComp@4:0(Name@4:1('k'), Name@4:4('v'), [Comp(Tuple@4:10([Name@4:10('k'), Name@4:13('v')]), Name@4:18('d'), [], 0)])), Expr@5:0(GeneratorExp@5:0(Name@5:1('x'), [Comp(Name@5:7('x'), Name@5:12('y'), [], 0)])), Expr@6:0(ListComp@6:0(Tuple@6:1([Name@6:2('a'), Name@6:5('b')]), [Comp(Tuple@6:12([Name@6:12('a'), Starred@6:15(Name@6:16('b'))]), Name@6:21('c'), [], 0)])), Expr@7:0(ListComp@7:0(Name@7:1('x'), [Comp(Tuple@7:7([Name@7:7('x')]), Name@7:13('y'), [], 0)])), Expr@8:0(ListComp@8:0(Lambda@8:1(Args([], [], None, [], [], None, []), Name@8:9('x')), [Comp(Name@8:15('x'), Name@8:20('y'), [], 0)])), Expr@9:0(ListComp@9:0(IfExp@9:1(Name@9:6('b'), Name@9:1('a'), Name@9:13('c')), [Comp(Name@9:19('d'), Name@9:24('e'), [], 0)]))]"#,
    );
}

#[test]
fn conditional() {
    check(
        Mode::File,
        r#"a if b else c if d else e
x = (lambda: 1) if c else 2
"#,
        false,
        r#"[Expr(IfExp(Name('b'), Name('a'), IfExp(Name('d'), Name('c'), Name('e')))), Assign([Name('x')], IfExp(Name('c'), Lambda(Args([], [], None, [], [], None, []), Const(1)), Const(2)))]"#,
    );
}

#[test]
fn walrus() {
    check(
        Mode::File,
        r#"if (n := len(a)) > 10: pass
while chunk := f(): pass
[y := f(x), y**2]
print(x := 1)
a[b := 1]
{c := 1, 2}
[y := x for x in z]
f(i := 0)
@(d := e)
def g(): pass
"#,
        false,
        r#"[If(Compare(NamedExpr('n', Call(Name('len'), [Name('a')], [])), [Gt], [Const(10)]), [Pass()], []), While(NamedExpr('chunk', Call(Name('f'), [], [])), [Pass()], []), Expr(List([NamedExpr('y', Call(Name('f'), [Name('x')], [])), BinOp(Name('y'), Pow, Const(2))])), Expr(Call(Name('print'), [NamedExpr('x', Const(1))], [])), Expr(Subscript(Name('a'), NamedExpr('b', Const(1)))), Expr(Set([NamedExpr('c', Const(1)), Const(2)])), Expr(ListComp(NamedExpr('y', Name('x')), [Comp(Name('x'), Name('z'), [], 0)])), Expr(Call(Name('f'), [NamedExpr('i', Const(0))], [])), FunctionDef('g', Args([], [], None, [], [], None, []), [Pass()], [NamedExpr('d', Name('e'))], None, 0)]"#,
    );
}

#[test]
fn star_unpacking() {
    check(
        Mode::File,
        r#"f(*a, **k)
f(a, *b, c=1, *d, **e)
[*a, *b]
{**a, 'x': 1, **b}
{*a, b}
(*a, b)
*a, b = c
x = *a, *b
for x in *a, b: pass
"#,
        false,
        r#"[Expr(Call(Name('f'), [Starred(Name('a'))], [**=Name('k')])), Expr(Call(Name('f'), [Name('a'), Starred(Name('b')), Starred(Name('d'))], ['c'=Const(1), **=Name('e')])), Expr(List([Starred(Name('a')), Starred(Name('b'))])), Expr(Dict([None, Const("x"), None], [Name('a'), Const(1), Name('b')])), Expr(Set([Starred(Name('a')), Name('b')])), Expr(Tuple([Starred(Name('a')), Name('b')])), Assign([Tuple([Starred(Name('a')), Name('b')])], Name('c')), Assign([Name('x')], Tuple([Starred(Name('a')), Starred(Name('b'))])), For(Name('x'), Tuple([Starred(Name('a')), Name('b')]), [Pass()], [], 0)]"#,
    );
}

#[test]
fn chained_comparisons() {
    check(
        Mode::File,
        r#"a < b <= c == d != e > f >= g
a in b not in c
a is b is not c
not a in b
"#,
        true,
        r#"[Expr@1:0(Compare@1:0(Name@1:0('a'), [Lt, LtE, Eq, NotEq, Gt, GtE], [Name@1:4('b'), Name@1:9('c'), Name@1:14('d'), Name@1:19('e'), Name@1:23('f'), Name@1:28('g')])), Expr@2:0(Compare@2:0(Name@2:0('a'), [In, NotIn], [Name@2:5('b'), Name@2:14('c')])), Expr@3:0(Compare@3:0(Name@3:0('a'), [Is, IsNot], [Name@3:5('b'), Name@3:14('c')])), Expr@4:0(UnaryOp@4:0(Not, Compare@4:4(Name@4:4('a'), [In], [Name@4:9('b')])))]"#,
    );
}

#[test]
fn boolops() {
    check(
        Mode::File,
        r#"not a and b or c and not d
a or b or c
a and b and c or d
"#,
        true,
        r#"[Expr@1:0(BoolOp@1:0(Or, [BoolOp@1:0(And, [UnaryOp@1:0(Not, Name@1:4('a')), Name@1:10('b')]), BoolOp@1:15(And, [Name@1:15('c'), UnaryOp@1:21(Not, Name@1:25('d'))])])), Expr@2:0(BoolOp@2:0(Or, [Name@2:0('a'), Name@2:5('b'), Name@2:10('c')])), Expr@3:0(BoolOp@3:0(Or, [BoolOp@3:0(And, [Name@3:0('a'), Name@3:6('b'), Name@3:12('c')]), Name@3:17('d')]))]"#,
    );
}

#[test]
fn slices() {
    check(
        Mode::File,
        r#"a[1:2]
a[:]
a[::3]
a[1:2, ::3]
a[x, y]
a[1:2:3]
a[:, 1]
a[x,]
a[::]
a[-1:]
"#,
        true,
        r#"[Expr@1:0(Subscript@1:0(Name@1:0('a'), Slice@1:2(Const@1:2(1), Const@1:4(2), None))), Expr@2:0(Subscript@2:0(Name@2:0('a'), Slice@2:2(None, None, None))), Expr@3:0(Subscript@3:0(Name@3:0('a'), Slice@3:2(None, None, Const@3:4(3)))), Expr@4:0(Subscript@4:0(Name@4:0('a'), Tuple@4:2([Slice@4:2(Const@4:2(1), Const@4:4(2), None), Slice@4:7(None, None, Const@4:9(3))]))), Expr@5:0(Subscript@5:0(Name@5:0('a'), Tuple@5:2([Name@5:2('x'), Name@5:5('y')]))), Expr@6:0(Subscript@6:0(Name@6:0('a'), Slice@6:2(Const@6:2(1), Const@6:4(2), Const@6:6(3)))), Expr@7:0(Subscript@7:0(Name@7:0('a'), Tuple@7:2([Slice@7:2(None, None, None), Const@7:5(1)]))), Expr@8:0(Subscript@8:0(Name@8:0('a'), Tuple@8:2([Name@8:2('x')]))), Expr@9:0(Subscript@9:0(Name@9:0('a'), Slice@9:2(None, None, None))), Expr@10:0(Subscript@10:0(Name@10:0('a'), Slice@10:2(UnaryOp@10:2(USub, Const@10:3(1)), None, None)))]"#,
    );
}

#[test]
fn trailing_commas() {
    check(
        Mode::File,
        r#"f(a, b,)
def g(a, b,): pass
def h(*a, b,): pass
def i(**k,): pass
[1, 2,]
(1,)
{1: 2,}
{1,}
x = 1,
from m import (a, b,)
lambda a,: 0
class C(A,): pass
"#,
        false,
        r#"[Expr(Call(Name('f'), [Name('a'), Name('b')], [])), FunctionDef('g', Args([], [Arg('a', None), Arg('b', None)], None, [], [], None, []), [Pass()], [], None, 0), FunctionDef('h', Args([], [], Arg('a', None), [Arg('b', None)], [None], None, []), [Pass()], [], None, 0), FunctionDef('i', Args([], [], None, [], [], Arg('k', None), []), [Pass()], [], None, 0), Expr(List([Const(1), Const(2)])), Expr(Tuple([Const(1)])), Expr(Dict([Const(1)], [Const(2)])), Expr(Set([Const(1)])), Assign([Name('x')], Tuple([Const(1)])), ImportFrom('m', ['a', 'b'], 0), Expr(Lambda(Args([], [Arg('a', None)], None, [], [], None, []), Const(0))), ClassDef('C', [Name('A')], [], [Pass()], [])]"#,
    );
}

#[test]
fn semicolons() {
    check(
        Mode::File,
        r#"a = 1; b = 2;
c = 3
"#,
        true,
        r#"[Assign@1:0([Name@1:0('a')], Const@1:4(1)), Assign@1:7([Name@1:7('b')], Const@1:11(2)), Assign@2:0([Name@2:0('c')], Const@2:4(3))]"#,
    );
}

#[test]
fn precedence() {
    check(
        Mode::File,
        r#"-a ** -b * c + d // e % f @ g << h >> i & j ^ k | l
a ** b ** c
(a + b) * c
a - b - c
"#,
        false,
        r#"[Expr(BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(BinOp(UnaryOp(USub, BinOp(Name('a'), Pow, UnaryOp(USub, Name('b')))), Mult, Name('c')), Add, BinOp(BinOp(BinOp(Name('d'), FloorDiv, Name('e')), Mod, Name('f')), MatMult, Name('g'))), LShift, Name('h')), RShift, Name('i')), BitAnd, Name('j')), BitXor, Name('k')), BitOr, Name('l'))), Expr(BinOp(Name('a'), Pow, BinOp(Name('b'), Pow, Name('c')))), Expr(BinOp(BinOp(Name('a'), Add, Name('b')), Mult, Name('c'))), Expr(BinOp(BinOp(Name('a'), Sub, Name('b')), Sub, Name('c')))]"#,
    );
}

#[test]
fn unary() {
    check(
        Mode::File,
        r#"~-+a
not not a
- 1
"#,
        true,
        r#"[Expr@1:0(UnaryOp@1:0(Invert, UnaryOp@1:1(USub, UnaryOp@1:2(UAdd, Name@1:3('a'))))), Expr@2:0(UnaryOp@2:0(Not, UnaryOp@2:4(Not, Name@2:8('a')))), Expr@3:0(UnaryOp@3:0(USub, Const@3:2(1)))]"#,
    );
}

#[test]
fn await_power() {
    check(
        Mode::File,
        r#"async def f():
    return await a ** 2
"#,
        false,
        r#"[FunctionDef('f', Args([], [], None, [], [], None, []), [Return(BinOp(Await(Name('a')), Pow, Const(2)))], [], None, 1)]"#,
    );
}

#[test]
fn string_concat() {
    check(
        Mode::File,
        r#"'a' 'b'
b'a' b'b'
f'{x}' 'y'
'x' f'{y!r:>{w}}' 'z'
rb'\n' BR'\n' Rb'x'
u'x'
'''a
b''' "c"
"#,
        true,
        r#"[Expr@1:0(Const@1:0("ab")), Expr@2:0(Const@2:0(b'6162')), Expr@3:0(JoinedStr([FV(Name@3:3('x'), None, None), Const("y")])), Expr@4:0(JoinedStr([Const("x"), FV(Name@4:7('y'), Some('r'), JoinedStr([Const(">"), FV(Name('w'), None, None)])), Const("z")])), Expr@5:0(Const@5:0(b'5c6e5c6e78')), Expr@6:0(Const@6:0("x")), Expr@7:0(Const@7:0("a\u{a}bc"))]"#,
    );
}

#[test]
fn fstrings() {
    check(
        Mode::File,
        r#"f'{x=}'
f'{x = !s}'
f'{x=:>10}'
f'{{a}} {b!a}'
f'''{
x
}'''
f'{a}{b}'
f''
f'{x:{y}.{z}}'
f'{"s"}'
f'{d["k"]}'
f'{a!r:^{w}d}'
F'{3.5:.2f}'
rf'\{x}'
f'{x:=5}'
f'{a==b}'
f'{a!=b}'
"#,
        false,
        r#"[Expr(JoinedStr([Const("x="), FV(Name('x'), Some('r'), None)])), Expr(JoinedStr([Const("x = "), FV(Name('x'), Some('s'), None)])), Expr(JoinedStr([Const("x="), FV(Name('x'), None, JoinedStr([Const(">10")]))])), Expr(JoinedStr([Const("{a} "), FV(Name('b'), Some('a'), None)])), Expr(JoinedStr([FV(Name('x'), None, None)])), Expr(JoinedStr([FV(Name('a'), None, None), FV(Name('b'), None, None)])), Expr(JoinedStr([])), Expr(JoinedStr([FV(Name('x'), None, JoinedStr([FV(Name('y'), None, None), Const("."), FV(Name('z'), None, None)]))])), Expr(JoinedStr([FV(Const("s"), None, None)])), Expr(JoinedStr([FV(Subscript(Name('d'), Const("k")), None, None)])), Expr(JoinedStr([FV(Name('a'), Some('r'), JoinedStr([Const("^"), FV(Name('w'), None, None), Const("d")]))])), Expr(JoinedStr([FV(Const(F400c000000000000), None, JoinedStr([Const(".2f")]))])), Expr(JoinedStr([Const("\u{5c}"), FV(Name('x'), None, None)])), Expr(JoinedStr([FV(Name('x'), None, JoinedStr([Const("=5")]))])), Expr(JoinedStr([FV(Compare(Name('a'), [Eq], [Name('b')]), None, None)])), Expr(JoinedStr([FV(Compare(Name('a'), [NotEq], [Name('b')]), None, None)]))]"#,
    );
}

#[test]
fn tstrings() {
    check(
        Mode::File,
        r#"t'a{x}b'
t''
t'{x=}' T'{y = !s:>3}'
rt'\d{x!a}' t'''{
  z
}'''
t'{a:{w}.{p}f}{b!r:}'
t'{  x  }{x+1=}'
t"{d["k"]}"
"#,
        false,
        r#"[Expr(TemplateStr(["a", "b"], [Interp(Name('x'), "x", None, None)])), Expr(TemplateStr([""], [])), Expr(TemplateStr(["x=", "y = ", ""], [Interp(Name('x'), "x", Some('r'), None), Interp(Name('y'), "y", Some('s'), JoinedStr([Const(">3")]))])), Expr(TemplateStr(["\u{5c}d", "", ""], [Interp(Name('x'), "x", Some('a'), None), Interp(Name('z'), "\u{a}  z", None, None)])), Expr(TemplateStr(["", "", ""], [Interp(Name('a'), "a", None, JoinedStr([FV(Name('w'), None, None), Const("."), FV(Name('p'), None, None), Const("f")])), Interp(Name('b'), "b", Some('r'), JoinedStr([]))])), Expr(TemplateStr(["", "x+1=", ""], [Interp(Name('x'), "  x", None, None), Interp(BinOp(Name('x'), Add, Const(1)), "x+1", Some('r'), None)])), Expr(TemplateStr(["", ""], [Interp(Subscript(Name('d'), Const("k")), "d[\u{22}k\u{22}]", None, None)]))]"#,
    );
}

#[test]
fn tstring_locations() {
    check(
        Mode::File,
        "x = t'ab{cd}' t'{e}'\n",
        true,
        r#"[Assign@1:0([Name@1:0('x')], TemplateStr(["ab", "", ""], [Interp(Name@1:9('cd'), "cd", None, None), Interp(Name@1:17('e'), "e", None, None)]))]"#,
    );
}

#[test]
fn tstring_errors() {
    let mix = "cannot mix t-string literals with string or bytes literals";
    for src in
        ["t'a' 'b'\n", "'a' t'b'\n", "t'a' f'b'\n", "f'a' t'b'\n", "t'a' b'b'\n", "b'a' t'b'\n", "t'a' t'b' u'c'\n"]
    {
        check_err(Mode::File, src, 1, SyntaxErrorKind::SyntaxError, mix);
    }
    check_err(
        Mode::File,
        "t'{x;y}'\n",
        1,
        SyntaxErrorKind::SyntaxError,
        "t-string: expecting '=', or '!', or ':', or '}'",
    );
    check_err(Mode::File, "t'{*x}'\n", 1, SyntaxErrorKind::SyntaxError, "t-string: can't use starred expression here");
    check_err(Mode::File, "f'{*x}'\n", 1, SyntaxErrorKind::SyntaxError, "f-string: can't use starred expression here");
    check_err(Mode::File, "t'{x}' = 1\n", 1, SyntaxErrorKind::SyntaxError, "cannot assign to t-string expression");
    // A field of a t-string's format spec is a t-string's too.
    check_err(Mode::File, "t'{x:{y z}}'\n", 1, SyntaxErrorKind::SyntaxError, "t-string:");
}

#[test]
fn fstring_locations() {
    check(
        Mode::File,
        r#"x = f'ab{cd}ef {g + 1}'
y = (f'''
{z}''')
"#,
        true,
        r#"[Assign@1:0([Name@1:0('x')], JoinedStr([Const("ab"), FV(Name@1:9('cd'), None, None), Const("ef "), FV(BinOp@1:16(Name@1:16('g'), Add, Const@1:20(1)), None, None)])), Assign@2:0([Name@2:0('y')], JoinedStr([Const("\u{a}"), FV(Name@3:1('z'), None, None)]))]"#,
    );
}

#[test]
fn numbers() {
    check(
        Mode::File,
        r#"1_000
0x_FF
0o17
0b1
1.
.5
1e-3
1_0.0_1
3j
1.5J
99999999999999999999
0xffffffffffffffffffff
0
00
9223372036854775807
9223372036854775808
1E5
0e0
0b_1_0
"#,
        false,
        r#"[Expr(Const(1000)), Expr(Const(255)), Expr(Const(15)), Expr(Const(1)), Expr(Const(F3ff0000000000000)), Expr(Const(F3fe0000000000000)), Expr(Const(F3f50624dd2f1a9fc)), Expr(Const(F4024051eb851eb85)), Expr(Const(J4008000000000000)), Expr(Const(J3ff8000000000000)), Expr(Const(99999999999999999999)), Expr(Const(1208925819614629174706175)), Expr(Const(0)), Expr(Const(0)), Expr(Const(9223372036854775807)), Expr(Const(9223372036854775808)), Expr(Const(F40f86a0000000000)), Expr(Const(F0000000000000000)), Expr(Const(2))]"#,
    );
}

#[test]
fn constants() {
    check(
        Mode::File,
        r#"None, True, False, ...
"#,
        true,
        r#"[Expr@1:0(Tuple@1:0([Const@1:0(None), Const@1:6(True), Const@1:12(False), Const@1:19(Ellipsis)]))]"#,
    );
}

#[test]
fn empty_displays() {
    check(
        Mode::File,
        r#"{}
[]
()
"#,
        true,
        r#"[Expr@1:0(Dict@1:0([], [])), Expr@2:0(List@2:0([])), Expr@3:0(Tuple@3:0([]))]"#,
    );
}

#[test]
fn trailers() {
    check(
        Mode::File,
        r#"a.b.c(d)[e].f
x()()
"#,
        true,
        r#"[Expr@1:0(Attribute@1:0(Subscript@1:0(Call@1:0(Attribute@1:0(Attribute@1:0(Name@1:0('a'), 'b'), 'c'), [Name@1:6('d')], []), Name@1:9('e')), 'f')), Expr@2:0(Call@2:0(Call@2:0(Name@2:0('x'), [], []), [], []))]"#,
    );
}

#[test]
fn genexp_argument() {
    check(
        Mode::File,
        r#"f(x for x in y)
sum(x*x for x in range(10))
"#,
        true,
        r#"[Expr@1:0(Call@1:0(Name@1:0('f'), [GeneratorExp@1:1(Name@1:2('x'), [Comp(Name@1:8('x'), Name@1:13('y'), [], 0)])], [])), Expr@2:0(Call@2:0(Name@2:0('sum'), [GeneratorExp@2:3(BinOp@2:4(Name@2:4('x'), Mult, Name@2:6('x')), [Comp(Name@2:12('x'), Call@2:17(Name@2:17('range'), [Const@2:23(10)], []), [], 0)])], []))]"#,
    );
}

#[test]
fn call_arguments() {
    check(
        Mode::File,
        r#"f(a, b=1, *c, **d)
f(**d, e=1)
f(*a, *b)
"#,
        true,
        r#"[Expr@1:0(Call@1:0(Name@1:0('f'), [Name@1:2('a'), Starred@1:10(Name@1:11('c'))], ['b'=Const@1:7(1), **=Name@1:16('d')])), Expr@2:0(Call@2:0(Name@2:0('f'), [], [**=Name@2:4('d'), 'e'=Const@2:9(1)])), Expr@3:0(Call@3:0(Name@3:0('f'), [Starred@3:2(Name@3:3('a')), Starred@3:6(Name@3:7('b'))], []))]"#,
    );
}

#[test]
fn nested_functions() {
    check(
        Mode::File,
        r#"def f(a=lambda: 1):
    def g():
        return h(a)
    return g
"#,
        false,
        r#"[FunctionDef('f', Args([], [Arg('a', None)], None, [], [], None, [Lambda(Args([], [], None, [], [], None, []), Const(1))]), [FunctionDef('g', Args([], [], None, [], [], None, []), [Return(Call(Name('h'), [Name('a')], []))], [], None, 0), Return(Name('g'))], [], None, 0)]"#,
    );
}

#[test]
fn return_star() {
    check(
        Mode::File,
        r#"def f():
    return *a, b
    return
    return 1,
"#,
        false,
        r#"[FunctionDef('f', Args([], [], None, [], [], None, []), [Return(Tuple([Starred(Name('a')), Name('b')])), Return(None), Return(Tuple([Const(1)]))], [], None, 0)]"#,
    );
}

#[test]
fn tabs_indentation() {
    check(
        Mode::File,
        "if x:\n\ty = 1\n\tif z:\n\t\tw = 2\n\tv = 3\n",
        true,
        r#"[If@1:0(Name@1:3('x'), [Assign@2:1([Name@2:1('y')], Const@2:5(1)), If@3:1(Name@3:4('z'), [Assign@4:2([Name@4:2('w')], Const@4:6(2))], []), Assign@5:1([Name@5:1('v')], Const@5:5(3))], [])]"#,
    );
}

#[test]
fn line_continuation() {
    check(
        Mode::File,
        r#"x = 1 + \
    2
if a and \
   b:
    pass
"#,
        true,
        r#"[Assign@1:0([Name@1:0('x')], BinOp@1:4(Const@1:4(1), Add, Const@2:4(2))), If@3:0(BoolOp@3:3(And, [Name@3:3('a'), Name@4:3('b')]), [Pass@5:4()], [])]"#,
    );
}

#[test]
fn implicit_joining() {
    check(
        Mode::File,
        r#"x = [1,
  2,

  # comment
  3]
y = {
 'a':
 1}
"#,
        true,
        r#"[Assign@1:0([Name@1:0('x')], List@1:4([Const@1:5(1), Const@2:2(2), Const@5:2(3)])), Assign@6:0([Name@6:0('y')], Dict@6:4([Const@7:1("a")], [Const@8:1(1)]))]"#,
    );
}

#[test]
fn unicode_identifiers() {
    check(
        Mode::File,
        r#"δ = 1
print(δ, 'éè')
naïve = δ + 1
"#,
        true,
        r#"[Assign@1:0([Name@1:0('δ')], Const@1:4(1)), Expr@2:0(Call@2:0(Name@2:0('print'), [Name@2:6('δ'), Const@2:9("\u{e9}\u{e8}")], [])), Assign@3:0([Name@3:0('naïve')], BinOp@3:8(Name@3:8('δ'), Add, Const@3:12(1)))]"#,
    );
}

#[test]
fn comments_blank_lines() {
    check(
        Mode::File,
        r#"# c

   
x = 1  # c

# c
  # indented comment
y = 2


"#,
        true,
        r#"[Assign@4:0([Name@4:0('x')], Const@4:4(1)), Assign@8:0([Name@8:0('y')], Const@8:4(2))]"#,
    );
}

#[test]
fn crlf_newlines() {
    check(
        Mode::File,
        "if x:\r\n    y = 1\r\nz = 2\r\n",
        true,
        r#"[If@1:0(Name@1:3('x'), [Assign@2:4([Name@2:4('y')], Const@2:8(1))], []), Assign@3:0([Name@3:0('z')], Const@3:4(2))]"#,
    );
}

#[test]
fn docstrings() {
    check(
        Mode::File,
        r#"'''Module doc.'''
def f():
    "doc"
    return 1
"#,
        false,
        r#"[Expr(Const("Module doc.")), FunctionDef('f', Args([], [], None, [], [], None, []), [Expr(Const("doc")), Return(Const(1))], [], None, 0)]"#,
    );
}

#[test]
fn micropython_viper() {
    check(
        Mode::File,
        r#"@micropython.viper
def f(p: ptr8, n: int) -> int:
    x = const(1)
    return int(p[0]) + n
"#,
        false,
        r#"[FunctionDef('f', Args([], [Arg('p', Name('ptr8')), Arg('n', Name('int'))], None, [], [], None, []), [Assign([Name('x')], Call(Name('const'), [Const(1)], [])), Return(BinOp(Call(Name('int'), [Subscript(Name('p'), Const(0))], []), Add, Name('n')))], [Attribute(Name('micropython'), 'viper')], Name('int'), 0)]"#,
    );
}

#[test]
fn eval_mode() {
    check(
        Mode::Eval,
        r#"1 + 2

"#,
        true,
        r#"[Expr@1:0(BinOp@1:0(Const@1:0(1), Add, Const@1:4(2)))]"#,
    );
}

#[test]
fn eval_tuple() {
    check(Mode::Eval, r#"a, b"#, false, r#"[Expr(Tuple([Name('a'), Name('b')]))]"#);
}

#[test]
fn eval_trailing_space() {
    check(
        Mode::Eval,
        r#"x  
"#,
        true,
        r#"[Expr@1:0(Name@1:0('x'))]"#,
    );
}

#[test]
fn single_compound() {
    check(
        Mode::Single,
        r#"if x:
    y
"#,
        false,
        r#"[If(Name('x'), [Expr(Name('y'))], [])]"#,
    );
}

#[test]
fn single_semicolons() {
    check(
        Mode::Single,
        r#"a = 1; b = 2
"#,
        false,
        r#"[Assign([Name('a')], Const(1)), Assign([Name('b')], Const(2))]"#,
    );
}

#[test]
fn single_trailing_blank() {
    check(
        Mode::Single,
        r#"x

"#,
        false,
        r#"[Expr(Name('x'))]"#,
    );
}

#[test]
fn empty_file() {
    check(Mode::File, r#""#, false, r#"[]"#);
}

#[test]
fn only_comment() {
    check(
        Mode::File,
        r#"# nothing
"#,
        false,
        r#"[]"#,
    );
}

#[test]
fn no_trailing_newline() {
    check(
        Mode::File,
        r#"if x:
    y = 1"#,
        false,
        r#"[If(Name('x'), [Assign([Name('y')], Const(1))], [])]"#,
    );
}

#[test]
fn dict_set_comp_nested() {
    check(
        Mode::File,
        r#"{k: [v for v in vs if v] for k, vs in d.items() if k}
{(a, b) for a in x for b in y}
"#,
        false,
        r#"[Expr(DictComp(Name('k'), ListComp(Name('v'), [Comp(Name('v'), Name('vs'), [Name('v')], 0)]), [Comp(Tuple([Name('k'), Name('vs')]), Call(Attribute(Name('d'), 'items'), [], []), [Name('k')], 0)])), Expr(SetComp(Tuple([Name('a'), Name('b')]), [Comp(Name('a'), Name('x'), [], 0), Comp(Name('b'), Name('y'), [], 0)]))]"#,
    );
}

#[test]
fn ellipsis_slice() {
    check(
        Mode::File,
        r#"a[..., 1]
x = ...
"#,
        false,
        r#"[Expr(Subscript(Name('a'), Tuple([Const(Ellipsis), Const(1)]))), Assign([Name('x')], Const(Ellipsis))]"#,
    );
}

#[test]
fn keyword_like_names() {
    check(
        Mode::File,
        r#"match = 1
case = 2
type = 3
_ = 4
print = 5
"#,
        false,
        r#"[Assign([Name('match')], Const(1)), Assign([Name('case')], Const(2)), Assign([Name('type')], Const(3)), Assign([Name('_')], Const(4)), Assign([Name('print')], Const(5))]"#,
    );
}

#[test]
fn number_keyword_adjacent() {
    check(
        Mode::File,
        r#"x = 1if y else 2
z = [0x1for x in y]
"#,
        false,
        r#"[Assign([Name('x')], IfExp(Name('y'), Const(1), Const(2))), Assign([Name('z')], List([BoolOp(Or, [Const(31), Compare(Name('x'), [In], [Name('y')])])]))]"#,
    );
}

#[test]
fn await_in_genexp_of_sync_function() {
    check(
        Mode::File,
        r#"def f():
    a = (await x for x in y)
    b = sum(await x for x in y)
    c = ([await z for z in x] for x in y)
    d = (x for x in y if [await z for z in x])
    e = lambda: (await x for x in y)
(await x for x in y)
(x async for x in y)
"#,
        false,
        r#"[FunctionDef('f', Args([], [], None, [], [], None, []), [Assign([Name('a')], GeneratorExp(Await(Name('x')), [Comp(Name('x'), Name('y'), [], 0)])), Assign([Name('b')], Call(Name('sum'), [GeneratorExp(Await(Name('x')), [Comp(Name('x'), Name('y'), [], 0)])], [])), Assign([Name('c')], GeneratorExp(ListComp(Await(Name('z')), [Comp(Name('z'), Name('x'), [], 0)]), [Comp(Name('x'), Name('y'), [], 0)])), Assign([Name('d')], GeneratorExp(Name('x'), [Comp(Name('x'), Name('y'), [ListComp(Await(Name('z')), [Comp(Name('z'), Name('x'), [], 0)])], 0)])), Assign([Name('e')], Lambda(Args([], [], None, [], [], None, []), GeneratorExp(Await(Name('x')), [Comp(Name('x'), Name('y'), [], 0)])))], [], None, 0), Expr(GeneratorExp(Await(Name('x')), [Comp(Name('x'), Name('y'), [], 0)])), Expr(GeneratorExp(Name('x'), [Comp(Name('x'), Name('y'), [], 1)]))]"#,
    );
}

#[test]
fn pep646_star_forms() {
    check(
        Mode::File,
        r#"def f(*args: *Ts): pass
a[*b]
a[*b, c]
"#,
        false,
        r#"[FunctionDef('f', Args([], [], Arg('args', Starred(Name('Ts'))), [], [], None, []), [Pass()], [], None, 0), Expr(Subscript(Name('a'), Tuple([Starred(Name('b'))]))), Expr(Subscript(Name('a'), Tuple([Starred(Name('b')), Name('c')])))]"#,
    );
}

// ---- constructs CPython treats differently ---------------------------------------

#[test]
fn eval_ignores_leading_whitespace() {
    // Like the `eval()` builtin (CPython's `compile(..., 'eval')` would complain).
    check(Mode::Eval, "  x  \n", true, "[Expr@1:2(Name@1:2('x'))]");
}

#[test]
fn fstring_nested_same_quotes() {
    // PEP 701 (Python 3.12): an f-string expression may reuse the enclosing quote.
    check(
        Mode::File,
        r#"f"{d["k"]} {f"{x}"}""#,
        false,
        r#"[Expr(JoinedStr([FV(Subscript(Name('d'), Const("k")), None, None), Const(" "), FV(JoinedStr([FV(Name('x'), None, None)]), None, None)]))]"#,
    );
}

#[test]
fn big_int_literals() {
    let m = parse("x = 0x1_0000_0000_0000_0000\ny = 123456789012345678901234567890\nz = 0b0\n", Mode::File)
        .expect("parses");
    let values: Vec<Constant> = m
        .body
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { value, .. } => match &value.kind {
                ExprKind::Const(c) => c.clone(),
                k => panic!("{k:?}"),
            },
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        values,
        vec![
            Constant::BigInt("18446744073709551616".into()),
            Constant::BigInt("123456789012345678901234567890".into()),
            Constant::Int(0),
        ]
    );
}

#[test]
fn error_columns() {
    let cases: &[(&str, u32, u32)] = &[
        ("f() = 1\n", 1, 0),
        ("x = (1]\n", 1, 6),
        ("x = 1 +\n", 1, 7),
        ("if x:\n    a\n  b\n", 3, 2),
        ("def f(a, a): pass\n", 1, 9),
        ("x = 'abc' b'x'\n", 1, 10),
        ("\u{e9}\u{e9} = 1 +\n", 1, 8),
        ("f(x, y=1, z)\n", 1, 10),
        ("x = f'{a!z}'\n", 1, 8),
    ];
    for &(src, line, col) in cases {
        let e = err(src);
        assert_eq!((e.line, e.col), (line, col), "{e} for {src:?}");
    }
}

#[test]
fn fstring_expression_positions() {
    // Positions inside f-string fields point into the source, on any line.
    check(
        Mode::File,
        "x = (f'a{b}'\n     f'''\n  {c + d}''')\n",
        true,
        "[Assign@1:0([Name@1:0('x')], JoinedStr([Const(\"a\"), FV(Name@1:9('b'), None, None), Const(\"\\u{a}  \"), FV(BinOp@3:3(Name@3:3('c'), Add, Name@3:7('d')), None, None)]))]",
    );
}

#[test]
fn parenthesised_operand_positions() {
    // A node whose leftmost operand is parenthesised starts at the `(`, as in CPython.
    check(
        Mode::File,
        "(a + b) * c\n(lambda: 0).x\n(f)(x)[0]\n(a), b = c\n(x) if y else z\n((a)) < b\nd[(1), 2]\n",
        true,
        "[Expr@1:0(BinOp@1:0(BinOp@1:1(Name@1:1('a'), Add, Name@1:5('b')), Mult, Name@1:10('c'))), Expr@2:0(Attribute@2:0(Lambda@2:1(Args([], [], None, [], [], None, []), Const@2:9(0)), 'x')), Expr@3:0(Subscript@3:0(Call@3:0(Name@3:1('f'), [Name@3:4('x')], []), Const@3:7(0))), Assign@4:0([Tuple@4:0([Name@4:1('a'), Name@4:5('b')])], Name@4:9('c')), Expr@5:0(IfExp@5:0(Name@5:7('y'), Name@5:1('x'), Name@5:14('z'))), Expr@6:0(Compare@6:0(Name@6:2('a'), [Lt], [Name@6:8('b')])), Expr@7:0(Subscript@7:0(Name@7:0('d'), Tuple@7:2([Const@7:3(1), Const@7:7(2)])))]",
    );
}

#[test]
fn unicode_columns() {
    // Columns count characters, not bytes.
    check(
        Mode::File,
        "s = '\u{e9}\u{e9}' + t\n",
        true,
        "[Assign@1:0([Name@1:0('s')], BinOp@1:4(Const@1:4(\"\\u{e9}\\u{e9}\"), Add, Name@1:11('t')))]",
    );
}

#[test]
fn bom_is_skipped() {
    check(Mode::File, "\u{feff}x = 1\n", true, "[Assign@1:0([Name@1:0('x')], Const@1:4(1))]");
}

#[test]
fn form_feed_and_mixed_line_endings() {
    check(Mode::File, "\x0cx = 1\ry = 2\r\nz = 3\n", true, "[Assign@1:1([Name@1:1('x')], Const@1:5(1)), Assign@2:0([Name@2:0('y')], Const@2:4(2)), Assign@3:0([Name@3:0('z')], Const@3:4(3))]");
}

// ---- errors ----------------------------------------------------------------------

#[test]
fn err_assign_to_call() {
    check_err(
        Mode::File,
        r#"f() = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to function call"#,
    );
}

#[test]
fn err_assign_to_literal() {
    check_err(
        Mode::File,
        r#"x = 1
1 = x
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to literal"#,
    );
}

#[test]
fn err_augassign_to_expression() {
    check_err(
        Mode::File,
        r#"a + b += 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"illegal expression for augmented assignment"#,
    );
}

#[test]
fn err_augassign_to_tuple() {
    check_err(
        Mode::File,
        r#"a, b += 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'tuple' is an illegal expression"#,
    );
}

#[test]
fn err_del_call() {
    check_err(
        Mode::File,
        r#"del f()
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot delete function call"#,
    );
}

#[test]
fn err_del_starred() {
    check_err(
        Mode::File,
        r#"del *a, b
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot delete starred"#,
    );
}

#[test]
fn err_assign_to_genexp() {
    check_err(
        Mode::File,
        r#"(a for a in b) = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to generator expression"#,
    );
}

#[test]
fn err_assign_to_listcomp() {
    check_err(
        Mode::File,
        r#"[x for x in y] = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to list comprehension"#,
    );
}

#[test]
fn err_assign_to_none() {
    check_err(
        Mode::File,
        r#"None = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to None"#,
    );
}

#[test]
fn err_assign_to_operator() {
    check_err(
        Mode::File,
        r#"x + 1 = 2
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to expression"#,
    );
}

#[test]
fn err_assign_in_tuple_to_literal() {
    check_err(
        Mode::File,
        r#"a, 1 = x
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to literal"#,
    );
}

#[test]
fn err_assign_to_fstring() {
    check_err(
        Mode::File,
        r#"f'{x}' = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to f-string expression"#,
    );
}

#[test]
fn err_assign_to_yield() {
    check_err(
        Mode::File,
        r#"def f():
    (yield) = 1
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to yield expression"#,
    );
}

#[test]
fn err_for_target_call() {
    check_err(
        Mode::File,
        r#"for f() in x: pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to function call"#,
    );
}

#[test]
fn err_with_target_call() {
    check_err(
        Mode::File,
        r#"with a as f(): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to function call"#,
    );
}

#[test]
fn err_comp_target_literal() {
    check_err(
        Mode::File,
        r#"[x for 1 in y]
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to literal"#,
    );
}

#[test]
fn err_starred_alone() {
    check_err(
        Mode::File,
        r#"*a = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"starred assignment target must be in a list or tuple"#,
    );
}

#[test]
fn err_two_starred() {
    check_err(
        Mode::File,
        r#"a, *b, *c = d
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"multiple starred expressions in assignment"#,
    );
}

#[test]
fn err_starred_expression_statement() {
    check_err(
        Mode::File,
        r#"*a
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"can't use starred expression here"#,
    );
}

#[test]
fn err_starred_rhs() {
    check_err(
        Mode::File,
        r#"x = *a
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"can't use starred expression here"#,
    );
}

#[test]
fn err_return_outside_function() {
    check_err(
        Mode::File,
        r#"x = 1
return x
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'return' outside function"#,
    );
}

#[test]
fn err_return_in_class() {
    check_err(
        Mode::File,
        r#"def f():
    class A:
        return 1
"#,
        3,
        SyntaxErrorKind::SyntaxError,
        r#"'return' outside function"#,
    );
}

#[test]
fn err_yield_outside_function() {
    check_err(
        Mode::File,
        r#"yield x
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'yield' outside function"#,
    );
}

#[test]
fn err_yield_in_class() {
    check_err(
        Mode::File,
        r#"class A:
    x = yield 1
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'yield' outside function"#,
    );
}

#[test]
fn err_break_outside_loop() {
    check_err(
        Mode::File,
        r#"break
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'break' outside loop"#,
    );
}

#[test]
fn err_break_in_nested_def() {
    check_err(
        Mode::File,
        r#"while 1:
    def f():
        break
"#,
        3,
        SyntaxErrorKind::SyntaxError,
        r#"'break' outside loop"#,
    );
}

#[test]
fn err_break_in_loop_else() {
    check_err(
        Mode::File,
        r#"for x in y:
    pass
else:
    break
"#,
        4,
        SyntaxErrorKind::SyntaxError,
        r#"'break' outside loop"#,
    );
}

#[test]
fn err_continue_outside_loop() {
    check_err(
        Mode::File,
        r#"if x:
    continue
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'continue' not properly in loop"#,
    );
}

#[test]
fn err_nonlocal_at_module() {
    check_err(
        Mode::File,
        r#"nonlocal x
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"nonlocal declaration not allowed at module level"#,
    );
}

#[test]
fn err_duplicate_argument() {
    check_err(
        Mode::File,
        r#"def f(a, b, a): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"duplicate argument 'a' in function definition"#,
    );
}

#[test]
fn err_duplicate_lambda_argument() {
    check_err(
        Mode::File,
        r#"lambda a, *a: 0
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"duplicate argument 'a'"#,
    );
}

#[test]
fn err_non_default_after_default() {
    check_err(
        Mode::File,
        r#"def f(a=1, b): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"non-default argument follows default argument"#,
    );
}

#[test]
fn err_non_default_after_default_posonly() {
    check_err(
        Mode::File,
        r#"def f(a=1, /, b): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"non-default argument follows default argument"#,
    );
}

#[test]
fn err_keyword_repeated() {
    check_err(
        Mode::File,
        r#"f(a=1, a=2)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"keyword argument repeated: a"#,
    );
}

#[test]
fn err_positional_after_keyword() {
    check_err(
        Mode::File,
        r#"f(a=1, 2)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"positional argument follows keyword argument"#,
    );
}

#[test]
fn err_positional_after_kwargs() {
    check_err(
        Mode::File,
        r#"f(**a, b)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"positional argument follows keyword argument unpacking"#,
    );
}

#[test]
fn err_star_after_kwargs() {
    check_err(
        Mode::File,
        r#"f(**a, *b)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"iterable argument unpacking follows keyword argument unpacking"#,
    );
}

#[test]
fn err_bare_star_without_kwonly() {
    check_err(
        Mode::File,
        r#"def f(*): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"named arguments must follow bare *"#,
    );
}

#[test]
fn err_bare_star_then_kwargs() {
    check_err(
        Mode::File,
        r#"def f(*, **k): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"named arguments must follow bare *"#,
    );
}

#[test]
fn err_lambda_bare_star() {
    check_err(
        Mode::File,
        r#"lambda *: 0
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"named arguments must follow bare *"#,
    );
}

#[test]
fn err_slash_first() {
    check_err(
        Mode::File,
        r#"def f(/, a): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"at least one argument must precede /"#,
    );
}

#[test]
fn err_args_after_kwargs() {
    check_err(
        Mode::File,
        r#"def f(**k, a): pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"arguments cannot follow var-keyword argument"#,
    );
}

#[test]
fn err_bare_except_not_last() {
    check_err(
        Mode::File,
        r#"try:
    pass
except:
    pass
except E:
    pass
"#,
        3,
        SyntaxErrorKind::SyntaxError,
        r#"default 'except:' must be last"#,
    );
}

#[test]
fn err_try_without_handlers() {
    check_err(
        Mode::File,
        r#"try:
    pass
x = 1
"#,
        3,
        SyntaxErrorKind::SyntaxError,
        r#"expected 'except' or 'finally' block"#,
    );
}

#[test]
fn err_except_tuple_unparenthesised() {
    check_err(
        Mode::File,
        r#"try:
    pass
except A, B:
    pass
"#,
        3,
        SyntaxErrorKind::SyntaxError,
        r#"multiple exception types must be parenthesized"#,
    );
}

#[test]
fn err_expected_indented_block() {
    check_err(
        Mode::File,
        r#"if x:
pass
"#,
        2,
        SyntaxErrorKind::IndentationError,
        r#"expected an indented block"#,
    );
}

#[test]
fn err_expected_indented_block_eof() {
    check_err(
        Mode::File,
        r#"def f():
"#,
        2,
        SyntaxErrorKind::IndentationError,
        r#"expected an indented block"#,
    );
}

#[test]
fn err_unexpected_indent() {
    check_err(
        Mode::File,
        r#"  x = 1
"#,
        1,
        SyntaxErrorKind::IndentationError,
        r#"unexpected indent"#,
    );
}

#[test]
fn err_unexpected_indent_later() {
    check_err(
        Mode::File,
        r#"x = 1
    y = 2
"#,
        2,
        SyntaxErrorKind::IndentationError,
        r#"unexpected indent"#,
    );
}

#[test]
fn err_unindent_mismatch() {
    check_err(
        Mode::File,
        r#"if x:
    a
  b
"#,
        3,
        SyntaxErrorKind::IndentationError,
        r#"unindent doesn't match any outer indent level"#,
    );
}

#[test]
fn err_unindent_mismatch_def() {
    check_err(
        Mode::File,
        r#"def f():
    x = 1
   y = 2
"#,
        3,
        SyntaxErrorKind::IndentationError,
        r#"unindent doesn't match any outer indent level"#,
    );
}

#[test]
fn err_never_closed() {
    check_err(
        Mode::File,
        r#"x = (1,
2
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'(' was never closed"#,
    );
}

#[test]
fn err_never_closed_with_error_inside() {
    check_err(
        Mode::File,
        r#"def f(
    return 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'(' was never closed"#,
    );
}

#[test]
fn err_unmatched_bracket() {
    check_err(
        Mode::File,
        r#"x = 1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"unmatched ')'"#,
    );
}

#[test]
fn err_mismatched_bracket() {
    check_err(
        Mode::File,
        r#"x = (1]
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"closing parenthesis ']' does not match opening parenthesis '('"#,
    );
}

#[test]
fn err_mix_bytes_str() {
    check_err(
        Mode::File,
        r#"x = 'abc' b'def'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot mix bytes and nonbytes literals"#,
    );
}

#[test]
fn err_walrus_statement() {
    check_err(
        Mode::File,
        r#"x := 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_walrus_assignment_rhs() {
    check_err(
        Mode::File,
        r#"y = x := 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_walrus_attribute_target() {
    check_err(
        Mode::File,
        r#"(a.b := 1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot use assignment expressions with attribute"#,
    );
}

#[test]
fn err_walrus_in_keyword_value() {
    check_err(
        Mode::File,
        r#"f(a=x := 1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_keyword_not_a_name() {
    check_err(
        Mode::File,
        r#"f(a.b=1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"expression cannot contain assignment"#,
    );
}

#[test]
fn err_keyword_true() {
    check_err(
        Mode::File,
        r#"f(True=1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"cannot assign to True"#,
    );
}

#[test]
fn err_await_at_module() {
    check_err(
        Mode::File,
        r#"await x
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'await' outside function"#,
    );
}

#[test]
fn err_await_in_sync_def() {
    check_err(
        Mode::File,
        r#"def f():
    await x
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'await' outside async function"#,
    );
}

#[test]
fn err_await_in_lambda_in_async() {
    check_err(
        Mode::File,
        r#"async def f():
    g = lambda: await x
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'await' outside async function"#,
    );
}

#[test]
fn err_yield_from_in_async() {
    check_err(
        Mode::File,
        r#"async def f():
    yield from x
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'yield from' inside async function"#,
    );
}

#[test]
fn err_async_for_outside_async() {
    check_err(
        Mode::File,
        r#"def f():
    async for x in y: pass
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"'async for' outside async function"#,
    );
}

#[test]
fn err_async_with_outside_async() {
    check_err(
        Mode::File,
        r#"async with x: pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"'async with' outside async function"#,
    );
}

#[test]
fn err_async_comprehension_outside_async() {
    check_err(
        Mode::File,
        r#"def f():
    return [x async for x in y]
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"asynchronous comprehension outside of an asynchronous function"#,
    );
}

#[test]
fn err_import_star_in_function() {
    check_err(
        Mode::File,
        r#"def f():
    from m import *
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"import * only allowed at module level"#,
    );
}

#[test]
fn err_import_trailing_comma() {
    check_err(
        Mode::File,
        r#"from m import a,
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"trailing comma not allowed without surrounding parentheses"#,
    );
}

#[test]
fn err_from_without_module() {
    check_err(
        Mode::File,
        r#"from import x
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_incomplete_expression() {
    check_err(
        Mode::File,
        r#"x = 1 +
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_print_statement() {
    check_err(
        Mode::File,
        r#"print 'x'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_genexp_not_sole_argument() {
    check_err(
        Mode::File,
        r#"f(x for x in y, 1)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"Generator expression must be parenthesized"#,
    );
}

#[test]
fn err_genexp_after_argument() {
    check_err(
        Mode::File,
        r#"f(1, x for x in y)
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"Generator expression must be parenthesized"#,
    );
}

#[test]
fn err_stray_except() {
    check_err(
        Mode::File,
        r#"except:
    pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_stray_else() {
    check_err(
        Mode::File,
        r#"x = 1
else:
    pass
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_ternary_without_else() {
    check_err(
        Mode::File,
        r#"a = 1 if b
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"expected 'else' after 'if' expression"#,
    );
}

#[test]
fn err_missing_colon() {
    check_err(
        Mode::File,
        r#"if x
    pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"expected ':'"#,
    );
}

#[test]
fn err_leading_zero() {
    check_err(
        Mode::File,
        r#"x = 01
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"leading zeros in decimal integer literals"#,
    );
}

#[test]
fn err_bad_hex() {
    check_err(
        Mode::File,
        r#"x = 0xg
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid hexadecimal literal"#,
    );
}

#[test]
fn err_bad_binary_digit() {
    check_err(
        Mode::File,
        r#"x = 0b102
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid digit '2' in binary literal"#,
    );
}

#[test]
fn err_double_underscore_number() {
    check_err(
        Mode::File,
        r#"x = 1__000
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid decimal literal"#,
    );
}

#[test]
fn err_unterminated_string() {
    check_err(
        Mode::File,
        r#"x = 1
y = 'abc
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"unterminated string literal"#,
    );
}

#[test]
fn err_unterminated_triple() {
    check_err(
        Mode::File,
        r#"x = '''abc

"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"unterminated triple-quoted string literal"#,
    );
}

#[test]
fn err_truncated_hex_escape() {
    check_err(
        Mode::File,
        r#"x = '\x4'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"truncated \xXX escape"#,
    );
}

#[test]
fn err_bytes_non_ascii() {
    check_err(
        Mode::File,
        r#"x = b'é'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"bytes can only contain ASCII literal characters"#,
    );
}

#[test]
fn err_fstring_empty_expression() {
    check_err(
        Mode::File,
        r#"f'{}'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"f-string: empty expression not allowed"#,
    );
}

#[test]
fn err_fstring_single_brace() {
    check_err(
        Mode::File,
        r#"f'a}'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"f-string: single '}' is not allowed"#,
    );
}

#[test]
fn err_fstring_bad_conversion() {
    check_err(
        Mode::File,
        r#"f'{x!z}'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"f-string: invalid conversion character"#,
    );
}

#[test]
fn err_fstring_unclosed_field() {
    check_err(
        Mode::File,
        r#"f'{x'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#""#,
    );
}

#[test]
fn err_fstring_bad_expression() {
    check_err(
        Mode::File,
        r#"x = 1
f'{a b}'
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#""#,
    );
}

#[test]
fn err_fstring_error_in_nested() {
    check_err(
        Mode::File,
        r#"f'{x:{y!q}}'
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"conversion"#,
    );
}

#[test]
fn err_continuation_garbage() {
    check_err(
        Mode::File,
        r#"x = 1 \ 2
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"unexpected character after line continuation character"#,
    );
}

#[test]
fn err_continuation_at_eof() {
    check_err(
        Mode::File,
        r#"x = 1\
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"unexpected EOF"#,
    );
}

#[test]
fn err_invalid_character() {
    check_err(
        Mode::File,
        r#"x = $
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_invalid_unicode_character() {
    check_err(
        Mode::File,
        r#"x = 1 € 2
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#""#,
    );
}

#[test]
fn err_nul_byte() {
    check_err(Mode::File, "x = 1\ny = '\0'\n", 2, SyntaxErrorKind::SyntaxError, r#"null bytes"#);
}

#[test]
fn err_annotated_tuple() {
    check_err(
        Mode::File,
        r#"a, b: int
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"only single target (not tuple) can be annotated"#,
    );
}

#[test]
fn err_annotated_call() {
    check_err(
        Mode::File,
        r#"f(): int
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"illegal target for annotation"#,
    );
}

#[test]
fn err_decorator_without_def() {
    check_err(
        Mode::File,
        r#"@dec
x = 1
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_compound_on_one_line() {
    check_err(
        Mode::File,
        r#"if x: if y: pass
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_empty_subscript() {
    check_err(
        Mode::File,
        r#"a[]
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_lambda_annotation() {
    check_err(
        Mode::File,
        r#"lambda x: int: 0
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"illegal target for annotation"#,
    );
}

#[test]
fn err_eval_statement() {
    check_err(
        Mode::Eval,
        r#"x = 1
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_eval_empty() {
    check_err(Mode::Eval, r#""#, 1, SyntaxErrorKind::SyntaxError, r#"invalid syntax"#);
}

#[test]
fn err_single_two_statements() {
    check_err(
        Mode::Single,
        r#"x = 1
y = 2
"#,
        2,
        SyntaxErrorKind::SyntaxError,
        r#"multiple statements found while compiling a single statement"#,
    );
}

#[test]
fn err_error_line_after_block() {
    check_err(
        Mode::File,
        r#"def f():
    x = 1
    return x

y = (1 +)
"#,
        5,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_parse_error_before_lex_error() {
    check_err(
        Mode::File,
        r#"x = = 1
y = 'unterminated
"#,
        1,
        SyntaxErrorKind::SyntaxError,
        r#"invalid syntax"#,
    );
}

#[test]
fn err_await_in_first_iterable_of_genexp() {
    // The first iterable is evaluated in the enclosing (synchronous) function.
    check_err(
        Mode::File,
        "def f():\n    return (x for x in await y)\n",
        2,
        SyntaxErrorKind::SyntaxError,
        "'await' outside async function",
    );
}

#[test]
fn err_await_in_listcomp_of_sync_function() {
    check_err(
        Mode::File,
        "def f():\n    return [await x for x in y]\n",
        2,
        SyntaxErrorKind::SyntaxError,
        "asynchronous comprehension outside of an asynchronous function",
    );
}

#[test]
fn err_await_in_lambda_inside_genexp() {
    check_err(
        Mode::File,
        "def f():\n    g = (lambda: await x for x in y)\n",
        2,
        SyntaxErrorKind::SyntaxError,
        "'await' outside async function",
    );
}

// ---- limits: deep or long input is an error, never a crash -----------------------

/// Parse on a thread with a deliberately small stack, so that a recursion limit
/// set too high shows up as a crash here rather than in a user's program.
fn parse_small_stack(src: String) -> Result<(), SyntaxError> {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || parse(&src, Mode::File).map(drop))
        .expect("spawn")
        .join()
        .expect("parser thread panicked")
}

#[test]
fn deep_nesting_is_bounded() {
    let n = 100_000;
    let deep: Vec<String> = vec![
        format!("{}x{}", "(".repeat(n), ")".repeat(n)),
        format!("{}x{}", "[".repeat(n), "]".repeat(n)),
        format!("{}{}", "-".repeat(n), "x"),
        format!("{}{}", "not ".repeat(n), "x"),
        format!("x{}", " ** x".repeat(n)),
        format!("x{}", " ** -x".repeat(n)),
        format!("{}0", "lambda: ".repeat(n)),
        format!("{}c", "a if b else ".repeat(n)),
        format!("x = {}0", "yield ".repeat(n)),
        format!("x{}", " + x".repeat(n)),
        format!("x{}", ".a".repeat(n)),
        format!("x{}", "()".repeat(n)),
        format!("x{}", "[0]".repeat(n)),
        format!("{}1", "~".repeat(n)),
        format!("{}x", "await ".repeat(n)),
        format!("{}x", "*".repeat(n)),
        format!("f(*{}x)", "*".repeat(n)),
        format!("{{**{}x}}", "{**".repeat(n)),
        "f'{".repeat(200) + &"}'".repeat(200),
        format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(n / 10)),
        (0..150).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(150) + "pass\n",
        (0..150).map(|i| format!("{}def f():\n", "\t".repeat(i))).collect::<String>(),
    ];
    for src in deep {
        let r = parse_small_stack(src.clone());
        assert!(r.is_err(), "expected a limit error for {}...", &src[..src.len().min(40)]);
    }
}

#[test]
fn nesting_within_limits_parses() {
    let ok = [
        format!("x = {}1{}", "(".repeat(190), ")".repeat(190)),
        format!("x = {}1{}", "[".repeat(190), "]".repeat(190)),
        format!("x = {}1", "-".repeat(190)),
        format!("x = 1{}", " + 1".repeat(900)),
        format!("x = a{}", ".b".repeat(900)),
        (0..90).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(90) + "pass\n",
    ];
    for src in ok {
        let r = parse_small_stack(src.clone());
        assert!(r.is_ok(), "{:?} for {}...", r, &src[..src.len().min(40)]);
    }
}

/// A small deterministic fuzz: mutate valid programs byte- and token-wise and
/// check that parsing never panics (the fuzz target does this at length).
#[test]
fn mutations_never_panic() {
    let seeds = [
        "def f(a, b=1, *c, d, **e) -> int:\n    return [x async for x in y if x] or {a: b for a, b in c}\n",
        "class C(B, metaclass=M):\n    @property\n    def x(self): return f'{self._x!r:>{w}}'\n",
        "try:\n    with (a as b, c):\n        x = yield from z\nexcept (A, B) as e:\n    raise E from e\nfinally:\n    del a[1:2, ::3]\n",
        "x = 0x_ff + 1_0.5e-3j - b'\\x00' + r'\\n' 'a' '''b\nc'''\nif (n := 10) > 5: print(*a, **k)\n",
        "async def f():\n\tasync for a in b:\n\t\tawait c\n\tasync with d: pass\nlambda *, k=1: (yield)\n",
    ];
    let pieces: &[&str] = &[
        "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "f'", "{", "\\", "#", "*", "**", "=", ":=",
        ",", "é", "0x", "1_", "lambda", "yield", "async", "\r",
    ];
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for seed in seeds {
        for _ in 0..400 {
            let mut s: Vec<char> = seed.chars().collect();
            for _ in 0..(1 + next() % 4) {
                let at = (next() as usize) % (s.len() + 1);
                match next() % 3 {
                    0 if !s.is_empty() => {
                        s.remove(at.min(s.len() - 1));
                    }
                    1 => {
                        let p = pieces[(next() as usize) % pieces.len()];
                        for (i, c) in p.chars().enumerate() {
                            s.insert(at + i, c);
                        }
                    }
                    _ => {
                        let j = (next() as usize) % (s.len() + 1);
                        let (a, b) = (at.min(j), at.max(j));
                        let dup: Vec<char> = s[a..b].to_vec();
                        for (i, c) in dup.into_iter().enumerate() {
                            s.insert(b + i, c);
                        }
                    }
                }
            }
            let src: String = s.into_iter().collect();
            for mode in [Mode::File, Mode::Eval, Mode::Single] {
                let _ = parse(&src, mode);
            }
        }
    }
}

// ---- the MicroPython test corpus ----------------------------------------------------

/// Files in MicroPython's tests that are not valid Python 3 for krait's parser,
/// on purpose (REPL transcripts, syntax-error tests) or by a known gap
/// (t-strings, `\N{...}` escapes).
const CORPUS_EXPECTED_FAILURES: &[&str] = &[
    "basics/string_module_tstring.py",
    "basics/string_tstring_basic.py",
    "basics/string_tstring_basic1.py",
    "basics/string_tstring_constructor.py",
    "basics/string_tstring_errors1.py",
    "basics/string_tstring_format1.py",
    "basics/string_tstring_interpolation1.py",
    "basics/string_tstring_operations.py",
    "basics/string_tstring_parser1.py",
    "cmdline/cmd_compile_only_error.py",
    "cmdline/repl_autocomplete.py",
    "cmdline/repl_autocomplete_underscore.py",
    "cmdline/repl_autoindent.py",
    "cmdline/repl_basic.py",
    "cmdline/repl_cont.py",
    "cmdline/repl_ctrl_c_interrupt_execution.py",
    "cmdline/repl_emacs_keys.py",
    "cmdline/repl_paste.py",
    "cmdline/repl_words_move.py",
    "cpydiff/syntax_unicode_nameesc.py",
    "feature_check/repl_emacs_check.py",
    "feature_check/repl_words_move_check.py",
    "feature_check/tstring.py",
    "micropython/heapalloc_fail_tstring.py",
    "micropython/viper_args.py",
];

fn collect_py(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_py(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Parse every `.py` file of a MicroPython checkout (skipped when there is none):
/// nothing may panic, and only the files listed above may fail.
#[test]
fn micropython_corpus() {
    let root = std::path::Path::new("/work/mp/tests");
    if !root.is_dir() {
        eprintln!("skipping: no MicroPython checkout at {}", root.display());
        return;
    }
    let mut files = Vec::new();
    collect_py(root, &mut files);
    files.sort();
    let mut unexpected = Vec::new();
    let mut failed = 0;
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else { continue };
        let Ok(src) = String::from_utf8(bytes) else { continue };
        let rel = f.strip_prefix(root).unwrap_or(f).to_string_lossy().replace('\\', "/");
        if let Err(e) = parse(&src, Mode::File) {
            failed += 1;
            if !CORPUS_EXPECTED_FAILURES.contains(&rel.as_str()) {
                unexpected.push(format!("{rel}: {e}"));
            }
        }
    }
    eprintln!("{} files, {} failed to parse", files.len(), failed);
    assert!(unexpected.is_empty(), "unexpected failures:\n{}", unexpected.join("\n"));
}

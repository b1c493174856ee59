#!/usr/bin/env python3
"""Render CPython's AST in the canonical form of dump.rs, for differential
testing of krait's parser and for producing expected trees in tests/parser.rs.

Usage: cpython_dump.py [--locs] [--mode file|eval|single] FILE...
For each file prints "=== path", then the tree, or "ERROR line:col Type: msg"
(a parse error) or "CERROR ..." (an error only CPython's compiler finds).
Compare with `cargo run -p krait-syntax --example dump_ast -- FILE...`.
Columns are converted from CPython's UTF-8 byte offsets to characters.
"""
import ast, sys, struct, warnings
warnings.simplefilter("ignore")
LOCS = False
SRC_LINES = []

def esc(s):
    out = ['"']
    for c in s:
        if ' ' <= c <= '~' and c not in '"\\':
            out.append(c)
        else:
            out.append('\\u{%x}' % ord(c))
    out.append('"')
    return ''.join(out)

def loc(n):
    if not LOCS: return ''
    line = n.lineno
    col = n.col_offset
    try:
        b = SRC_LINES[line-1]
        col = len(b[:col].decode('utf-8', 'replace'))
    except Exception:
        pass
    return '@%d:%d' % (line, col)

OPS = {ast.Add:'Add', ast.Sub:'Sub', ast.Mult:'Mult', ast.MatMult:'MatMult', ast.Div:'Div', ast.Mod:'Mod', ast.Pow:'Pow',
       ast.LShift:'LShift', ast.RShift:'RShift', ast.BitOr:'BitOr', ast.BitXor:'BitXor', ast.BitAnd:'BitAnd', ast.FloorDiv:'FloorDiv'}
UOPS = {ast.Invert:'Invert', ast.Not:'Not', ast.UAdd:'UAdd', ast.USub:'USub'}
COPS = {ast.Eq:'Eq', ast.NotEq:'NotEq', ast.Lt:'Lt', ast.LtE:'LtE', ast.Gt:'Gt', ast.GtE:'GtE', ast.Is:'Is', ast.IsNot:'IsNot', ast.In:'In', ast.NotIn:'NotIn'}

def L(items, f):
    return '[' + ', '.join(f(x) for x in items) + ']'

def opt(e):
    return 'None' if e is None else E(e)

def nm(n):
    return "'%s'" % n

def stmts(b): return L(b, S)
def exprs(b): return L(b, E)

def arg(a):
    return 'Arg%s(%s, %s)' % (loc(a), nm(a.arg), opt(a.annotation))

def args(a):
    return 'Args(%s, %s, %s, %s, %s, %s, %s)' % (L(a.posonlyargs, arg), L(a.args, arg), 'None' if a.vararg is None else arg(a.vararg),
        L(a.kwonlyargs, arg), L(a.kw_defaults, opt), 'None' if a.kwarg is None else arg(a.kwarg), exprs(a.defaults))

def kws(k):
    return L(k, lambda k: ('**' if k.arg is None else nm(k.arg)) + '=' + E(k.value))

def aliases(ns):
    return L(ns, lambda a: nm(a.name) + ('' if a.asname is None else ' as ' + nm(a.asname)))

def S(s):
    h = lambda t: t + loc(s) + '('
    t = type(s)
    if t is ast.Expr: return h('Expr') + E(s.value) + ')'
    if t is ast.Assign: return h('Assign') + exprs(s.targets) + ', ' + E(s.value) + ')'
    if t is ast.AugAssign: return h('AugAssign') + E(s.target) + ', ' + OPS[type(s.op)] + ', ' + E(s.value) + ')'
    if t is ast.AnnAssign: return h('AnnAssign') + E(s.target) + ', ' + E(s.annotation) + ', ' + opt(s.value) + ', %d)' % s.simple
    if t in (ast.FunctionDef, ast.AsyncFunctionDef):
        return h('FunctionDef') + nm(s.name) + ', ' + args(s.args) + ', ' + stmts(s.body) + ', ' + exprs(s.decorator_list) + ', ' + opt(s.returns) + ', %d)' % (t is ast.AsyncFunctionDef)
    if t is ast.ClassDef:
        return h('ClassDef') + nm(s.name) + ', ' + exprs(s.bases) + ', ' + kws(s.keywords) + ', ' + stmts(s.body) + ', ' + exprs(s.decorator_list) + ')'
    if t is ast.Return: return h('Return') + opt(s.value) + ')'
    if t is ast.Delete: return h('Delete') + exprs(s.targets) + ')'
    if t is ast.Pass: return h('Pass') + ')'
    if t is ast.Break: return h('Break') + ')'
    if t is ast.Continue: return h('Continue') + ')'
    if t is ast.If: return h('If') + E(s.test) + ', ' + stmts(s.body) + ', ' + stmts(s.orelse) + ')'
    if t is ast.While: return h('While') + E(s.test) + ', ' + stmts(s.body) + ', ' + stmts(s.orelse) + ')'
    if t in (ast.For, ast.AsyncFor):
        return h('For') + E(s.target) + ', ' + E(s.iter) + ', ' + stmts(s.body) + ', ' + stmts(s.orelse) + ', %d)' % (t is ast.AsyncFor)
    if t is ast.Try:
        hs = L(s.handlers, lambda x: 'Handler' + loc(x) + '(' + opt(x.type) + ', ' + ('None' if x.name is None else nm(x.name)) + ', ' + stmts(x.body) + ')')
        return h('Try') + stmts(s.body) + ', ' + hs + ', ' + stmts(s.orelse) + ', ' + stmts(s.finalbody) + ')'
    if t in (ast.With, ast.AsyncWith):
        items = L(s.items, lambda i: 'Item(' + E(i.context_expr) + ', ' + opt(i.optional_vars) + ')')
        return h('With') + items + ', ' + stmts(s.body) + ', %d)' % (t is ast.AsyncWith)
    if t is ast.Raise: return h('Raise') + opt(s.exc) + ', ' + opt(s.cause) + ')'
    if t is ast.Assert: return h('Assert') + E(s.test) + ', ' + opt(s.msg) + ')'
    if t is ast.Import: return h('Import') + aliases(s.names) + ')'
    if t is ast.ImportFrom: return h('ImportFrom') + ('None' if s.module is None else nm(s.module)) + ', ' + aliases(s.names) + ', %d)' % s.level
    if t is ast.Global: return h('Global') + L(s.names, nm) + ')'
    if t is ast.Nonlocal: return h('Nonlocal') + L(s.names, nm) + ')'
    return 'UNKNOWN_STMT(%s)' % t.__name__

def const(v):
    if v is None: return 'None'
    if v is True: return 'True'
    if v is False: return 'False'
    if v is Ellipsis: return 'Ellipsis'
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return 'F%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    if isinstance(v, complex): return 'J%016x' % struct.unpack('<Q', struct.pack('<d', v.imag))[0]
    if isinstance(v, str): return esc(v)
    if isinstance(v, bytes): return "b'" + v.hex() + "'"
    return '?'

def comps(gs):
    return L(gs, lambda g: 'Comp(' + E(g.target) + ', ' + E(g.iter) + ', ' + exprs(g.ifs) + ', %d)' % g.is_async)

def conv(c):
    return 'None' if c == -1 else "Some('%s')" % chr(c)

NOLOC = [False]
def fv(p):
    global LOCS
    saved = LOCS
    LOCS = NOLOC[0]
    r = 'FV(' + E(p.value) + ', ' + conv(p.conversion) + ', '
    LOCS = False
    r += opt(p.format_spec) + ')'
    LOCS = saved
    return r

def E(e):
    global LOCS
    h = lambda t: t + loc(e) + '('
    t = type(e)
    if t is ast.Name: return h('Name') + nm(e.id) + ')'
    if t is ast.Constant: return h('Const') + const(e.value) + ')'
    if t is ast.JoinedStr:
        saved = LOCS
        savedn = NOLOC[0]
        NOLOC[0] = saved
        LOCS = False
        r = 'JoinedStr(' + L(e.values, lambda p: fv(p) if type(p) is ast.FormattedValue else E(p)) + ')'
        LOCS = saved
        NOLOC[0] = savedn
        return r
    if t is ast.FormattedValue: return fv(e)
    if t is ast.BoolOp: return h('BoolOp') + ('And' if type(e.op) is ast.And else 'Or') + ', ' + exprs(e.values) + ')'
    if t is ast.NamedExpr: return h('NamedExpr') + nm(e.target.id) + ', ' + E(e.value) + ')'
    if t is ast.BinOp: return h('BinOp') + E(e.left) + ', ' + OPS[type(e.op)] + ', ' + E(e.right) + ')'
    if t is ast.UnaryOp: return h('UnaryOp') + UOPS[type(e.op)] + ', ' + E(e.operand) + ')'
    if t is ast.Lambda: return h('Lambda') + args(e.args) + ', ' + E(e.body) + ')'
    if t is ast.IfExp: return h('IfExp') + E(e.test) + ', ' + E(e.body) + ', ' + E(e.orelse) + ')'
    if t is ast.Dict: return h('Dict') + L(e.keys, opt) + ', ' + exprs(e.values) + ')'
    if t is ast.Set: return h('Set') + exprs(e.elts) + ')'
    if t is ast.ListComp: return h('ListComp') + E(e.elt) + ', ' + comps(e.generators) + ')'
    if t is ast.SetComp: return h('SetComp') + E(e.elt) + ', ' + comps(e.generators) + ')'
    if t is ast.GeneratorExp: return h('GeneratorExp') + E(e.elt) + ', ' + comps(e.generators) + ')'
    if t is ast.DictComp: return h('DictComp') + E(e.key) + ', ' + E(e.value) + ', ' + comps(e.generators) + ')'
    if t is ast.Await: return h('Await') + E(e.value) + ')'
    if t is ast.Yield: return h('Yield') + opt(e.value) + ')'
    if t is ast.YieldFrom: return h('YieldFrom') + E(e.value) + ')'
    if t is ast.Compare: return h('Compare') + E(e.left) + ', [' + ', '.join(COPS[type(o)] for o in e.ops) + '], ' + exprs(e.comparators) + ')'
    if t is ast.Call: return h('Call') + E(e.func) + ', ' + exprs(e.args) + ', ' + kws(e.keywords) + ')'
    if t is ast.Attribute: return h('Attribute') + E(e.value) + ', ' + nm(e.attr) + ')'
    if t is ast.Subscript: return h('Subscript') + E(e.value) + ', ' + E(e.slice) + ')'
    if t is ast.Starred: return h('Starred') + E(e.value) + ')'
    if t is ast.List: return h('List') + exprs(e.elts) + ')'
    if t is ast.Tuple: return h('Tuple') + exprs(e.elts) + ')'
    if t is ast.Slice: return h('Slice') + opt(e.lower) + ', ' + opt(e.upper) + ', ' + opt(e.step) + ')'
    return 'UNKNOWN_EXPR(%s)' % t.__name__

def main():
    global LOCS, SRC_LINES
    argv = sys.argv[1:]
    mode = 'exec'
    if '--locs' in argv:
        LOCS = True; argv.remove('--locs')
    if '--mode' in argv:
        i = argv.index('--mode'); mode = {'file':'exec','eval':'eval','single':'single'}[argv[i+1]]; del argv[i:i+2]
    sys.setrecursionlimit(100000)
    for f in argv:
        print('=== ' + f)
        try:
            data = open(f, 'rb').read()
            data.decode('utf-8')
        except UnicodeDecodeError:
            print('NOTUTF8'); continue
        SRC_LINES = data.splitlines()
        try:
            tree = compile(data, f, mode, ast.PyCF_ONLY_AST)
            # also run the compiler for its extra SyntaxErrors (symtable etc.)
            try:
                compile(tree, f, mode)
            except SyntaxError as e:
                print('CERROR %s:%s %s: %s' % (e.lineno, (e.offset or 1) - 1, type(e).__name__, e.msg)); continue
            except Exception as e:
                pass
        except SyntaxError as e:
            print('ERROR %s:%s %s: %s' % (e.lineno, (e.offset or 1) - 1, type(e).__name__, e.msg)); continue
        except Exception as e:
            print('EXC %s' % e); continue
        body = tree.body if mode != 'eval' else [ast.Expr(tree.body, lineno=tree.body.lineno, col_offset=tree.body.col_offset)]
        print(stmts(body))

main()

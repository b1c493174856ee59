# A mix: a tiny interpreter for a made-up expression language. A hand-written
# tokenizer (character by character), a recursive-descent parser building node
# objects, and a tree-walking evaluator (one eval method per node class) with
# dict environments and user-defined recursive functions. The program it runs
# is parsed once and executed once.
import sys

SOURCE = """
fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
fn gcd(a, b) { while b != 0 { let t = b; b = a % b; a = t; } return a; }
fn is_prime(n) {
  if n < 2 { return 0; }
  let d = 2;
  while d * d <= n { if n % d == 0 { return 0; } d = d + 1; }
  return 1;
}
fn collatz(n) { let s = 0; while n != 1 { if n % 2 == 0 { n = n / 2; } else { n = 3 * n + 1; } s = s + 1; } return s; }
let limit = LIMIT;
let primes = 0;
let i = 0;
while i < limit { primes = primes + is_prime(i); i = i + 1; }
let g = 0;
let j = 1;
while j < limit { g = g + gcd(j * 7, 91 + j % 13); j = j + 1; }
let c = 0;
let k = 1;
while k < limit / 4 { c = c + collatz(k); k = k + 1; }
let f = fib(FIB);
result = primes * 1000000 + g + c * 7 + f;
"""

KEYWORDS = ("fn", "if", "else", "while", "return", "let")


def tokenize(src):
    toks = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in " \t\n":
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        else:
            two = src[i:i + 2]
            if two in ("==", "!=", "<=", ">="):
                toks.append(("op", two))
                i += 2
            else:
                toks.append(("op", ch))
                i += 1
    toks.append(("eof", None))
    return toks


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class Num:
    def __init__(self, v):
        self.v = v

    def eval(self, env):
        return self.v


class Var:
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        if self.name in env.local:
            return env.local[self.name]
        return env.globals[self.name]


class BinOp:
    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def eval(self, env):
        x = self.a.eval(env)
        y = self.b.eval(env)
        op = self.op
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            return x // y
        if op == "%":
            return x % y
        if op == "<":
            return 1 if x < y else 0
        if op == "<=":
            return 1 if x <= y else 0
        if op == ">":
            return 1 if x > y else 0
        if op == ">=":
            return 1 if x >= y else 0
        if op == "==":
            return 1 if x == y else 0
        if op == "!=":
            return 1 if x != y else 0
        raise ValueError(op)


class Call:
    def __init__(self, name, args):
        self.name = name
        self.args = args

    def eval(self, env):
        fn = env.functions[self.name]
        frame = Env(env.globals, env.functions)
        for pname, arg in zip(fn.params, self.args):
            frame.local[pname] = arg.eval(env)
        try:
            fn.body.run(frame)
        except ReturnSignal as r:
            return r.value
        return 0


class Block:
    def __init__(self, stmts):
        self.stmts = stmts

    def run(self, env):
        for s in self.stmts:
            s.run(env)


class Assign:
    def __init__(self, name, expr, declare):
        self.name = name
        self.expr = expr
        self.declare = declare

    def run(self, env):
        v = self.expr.eval(env)
        if self.declare or self.name in env.local:
            env.local[self.name] = v
        else:
            env.globals[self.name] = v


class If:
    def __init__(self, cond, then, other):
        self.cond = cond
        self.then = then
        self.other = other

    def run(self, env):
        if self.cond.eval(env):
            self.then.run(env)
        elif self.other is not None:
            self.other.run(env)


class While:
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def run(self, env):
        while self.cond.eval(env):
            self.body.run(env)


class Return:
    def __init__(self, expr):
        self.expr = expr

    def run(self, env):
        raise ReturnSignal(self.expr.eval(env))


class FnDef:
    def __init__(self, name, params, body):
        self.name = name
        self.params = params
        self.body = body

    def run(self, env):
        env.functions[self.name] = self


class Env:
    def __init__(self, globals_, functions):
        self.globals = globals_
        self.functions = functions
        self.local = {}


class Parser:
    PRECEDENCE = {"==": 1, "!=": 1, "<": 2, "<=": 2, ">": 2, ">=": 2,
                  "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}

    def __init__(self, toks):
        self.toks = toks
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def next(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def expect(self, value):
        t = self.next()
        if t[1] != value:
            raise SyntaxError("expected %r, got %r" % (value, t[1]))

    def program(self):
        stmts = []
        while self.peek()[0] != "eof":
            stmts.append(self.statement())
        return Block(stmts)

    def block(self):
        self.expect("{")
        stmts = []
        while self.peek()[1] != "}":
            stmts.append(self.statement())
        self.expect("}")
        return Block(stmts)

    def statement(self):
        kind, val = self.peek()
        if kind == "kw":
            if val == "fn":
                self.next()
                name = self.next()[1]
                self.expect("(")
                params = []
                while self.peek()[1] != ")":
                    params.append(self.next()[1])
                    if self.peek()[1] == ",":
                        self.next()
                self.expect(")")
                return FnDef(name, params, self.block())
            if val == "if":
                self.next()
                cond = self.expr(0)
                then = self.block()
                other = None
                if self.peek()[1] == "else":
                    self.next()
                    other = self.block()
                return If(cond, then, other)
            if val == "while":
                self.next()
                cond = self.expr(0)
                return While(cond, self.block())
            if val == "return":
                self.next()
                e = self.expr(0)
                self.expect(";")
                return Return(e)
            if val == "let":
                self.next()
                name = self.next()[1]
                self.expect("=")
                e = self.expr(0)
                self.expect(";")
                return Assign(name, e, True)
        name = self.next()[1]
        self.expect("=")
        e = self.expr(0)
        self.expect(";")
        return Assign(name, e, False)

    def expr(self, min_prec):
        left = self.atom()
        while True:
            kind, op = self.peek()
            prec = self.PRECEDENCE.get(op, 0) if kind == "op" else 0
            if prec <= min_prec:
                return left
            self.next()
            right = self.expr(prec)
            left = BinOp(op, left, right)

    def atom(self):
        kind, val = self.next()
        if kind == "num":
            return Num(val)
        if kind == "name":
            if self.peek()[1] == "(":
                self.next()
                args = []
                while self.peek()[1] != ")":
                    args.append(self.expr(0))
                    if self.peek()[1] == ",":
                        self.next()
                self.expect(")")
                return Call(val, args)
            return Var(val)
        if val == "(":
            e = self.expr(0)
            self.expect(")")
            return e
        raise SyntaxError("unexpected %r" % (val,))


def main(limit):
    src = SOURCE.replace("LIMIT", str(limit)).replace("FIB", str(12 + limit // 1000))
    toks = tokenize(src)
    tree = Parser(toks).program()
    env = Env({}, {})
    env.local = env.globals  # top level: let and assignment both bind globals
    tree.run(env)
    g = env.globals
    print("interp", limit, len(toks), g["primes"], g["g"], g["c"], g["f"], g["result"])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 7000)

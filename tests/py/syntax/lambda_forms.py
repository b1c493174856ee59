# Lambda expressions with every parameter form.

f0 = lambda: 42
f1 = lambda x: x * 2
f2 = lambda x, y=10: x + y
f3 = lambda *args: sum(args)
f4 = lambda **kw: sorted(kw)
f5 = lambda a, *rest, key=None, **kw: (a, rest, key, sorted(kw.items()))
f7 = lambda *, only: only

print(f0(), f1(4), f2(1), f2(1, 2), f3(), f3(1, 2, 3))
print(f4(b=1, a=2), f5(1, 2, 3, key="k", z=0), f7(only="kw"))

# lambdas are functions
print(type(f0).__name__, callable(f1), f1.__name__)

# closures in lambdas
def make_adder(n):
    return lambda x: x + n

add5 = make_adder(5)
print(add5(1), make_adder(-1)(1))

# immediately invoked and nested lambdas
print((lambda x: x ** 2)(7))
print((lambda x: lambda y: x * y)(3)(4))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))

# lambdas as sort keys and in maps
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(list(filter(lambda n: n % 3 == 0, range(10))))

# lambda with conditional and default capturing a loop variable
fns = [lambda i=i: i * 10 for i in range(3)]
print([fn() for fn in fns])
late = [lambda: i for i in range(3)]
print([fn() for fn in late])

# lambda in a class body
class C:
    double = staticmethod(lambda x: x * 2)
    get = lambda self: "method"

print(C.double(5), C().get())

# lambda body can't contain statements
for src in ["lambda: return 1", "lambda: x = 1", "lambda: pass"]:
    try:
        eval(src)
        print("accepted")
    except SyntaxError:
        print("SyntaxError")

# argument errors
try:
    f1()
except TypeError:
    print("TypeError missing")
try:
    f0(1)
except TypeError:
    print("TypeError extra")

# Positional-only parameters (`/`) in def and lambda.

def f(a, b, /, c, d=4, *, e=5):
    return (a, b, c, d, e)

print(f(1, 2, 3))
print(f(1, 2, c=3, d=40, e=50))
print(f(1, 2, 3, 4, e=6))
for call in [lambda: f(a=1, b=2, c=3), lambda: f(1, b=2, c=3), lambda: f(1, 2)]:
    try:
        call()
        print("accepted")
    except TypeError:
        print("TypeError")

# a positional-only name can also arrive through **kwargs
def g(x, /, **kw):
    return x, sorted(kw.items())

print(g(1, x=2, y=3))

def defaults(a=1, b=2, /):
    return a + b

print(defaults(), defaults(10), defaults(10, 20))

lam = lambda p, /, q: (p, q)
print(lam(1, 2), lam(1, q=3))
try:
    lam(p=1, q=2)
except TypeError:
    print("TypeError lambda")

class C:
    def m(self, v, /):
        return v * 2

print(C().m(21))
try:
    C().m(v=1)
except TypeError:
    print("TypeError method")

for src in ["def h(/, a): pass", "def h(a, /, /): pass", "def h(*, a, /): pass"]:
    try:
        exec(src)
        print("accepted")
    except SyntaxError:
        print("SyntaxError")

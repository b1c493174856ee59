# `is` and `is not`: identity of singletons, containers and objects.

print(None is None, True is True, False is not True, ... is Ellipsis, NotImplemented is NotImplemented)
x = None
print(x is None, x is not None)
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, b is not c)
print(id(a) == id(b), id(a) == id(c))
t = ()
print(t == (), type(None) is type(x), type(1) is int, type(True) is bool)

# functions, classes and modules are unique objects
def f():
    pass

g = f
print(f is g, f is not (lambda: None))

class K:
    pass

print(K is K, K() is K(), type(K()) is K)

import sys
import sys as sys2
print(sys is sys2)

# methods: bound methods are created per access but refer to the same function
k = K()
k.m = f
print(k.m is f)

class M:
    def meth(self):
        pass

m = M()
print(m.meth == m.meth, m.meth == M().meth)

# the result of `is` is a bool
print(type(a is b).__name__, (a is b) + 1)

# default arguments are the same object every call
def append_to(v, acc=[]):
    acc.append(v)
    return acc

r1 = append_to(1)
r2 = append_to(2)
print(r1 is r2, r1)

# mutation is visible through every alias
alias = a
alias.append(2)
print(a, b, c)

# copies are new objects
d1 = {"k": [1]}
d2 = dict(d1)
d3 = {k: list(v) for k, v in d1.items()}
print(d1 is d2, d1["k"] is d2["k"], d1["k"] is d3["k"])
print(a[:] is a, list(a) is a, tuple(t) is t)

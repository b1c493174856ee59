# The __mro__ attribute and type.mro().

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass

print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print([k.__name__ for k in A.__mro__], [k.__name__ for k in object.__mro__])
print(D.__mro__[0] is D, D.__mro__[-1] is object, type(D.__mro__).__name__)
print([k.__name__ for k in bool.__mro__])

class E(Exception): pass
print([k.__name__ for k in E.__mro__])

# __mro__ follows C3 linearisation for a larger hierarchy
class O: pass
class P(O): pass
class Q(O): pass
class R(P, Q): pass
class S(Q): pass
class T(R, S): pass

print([k.__name__ for k in T.__mro__])
print([k.__name__ for k in T.mro()] == [k.__name__ for k in T.__mro__])

# method lookup agrees with __mro__ order
def first_defining(cls, name):
    for k in cls.__mro__:
        if name in k.__dict__:
            return k.__name__
    return None

Q.hello = lambda self: "Q"
S.hello = lambda self: "S"
print(first_defining(T, "hello"), T().hello())
print(first_defining(T, "missing"))

# builtin types have an __mro__ too
print([k.__name__ for k in dict.__mro__], [k.__name__ for k in KeyError.__mro__])

# getattr/setattr by name and attribute syntax must agree whether or not the class
# has data descriptors or a custom __setattr__, also after the class changes.
class D:
    @property
    def p(self): return 'prop'
d = D()
d.__dict__['p'] = 'inst'
print(d.p, getattr(d, 'p'))
class A: pass
a = A()
setattr(a, 'v', 1)
print(getattr(a, 'v'), a.v)
A.v = property(lambda self: 'now prop')
print(a.v, getattr(a, 'v'))
del A.v
print(a.v)
class S:
    def __setattr__(self, n, v):
        object.__setattr__(self, n, v * 2)
s = S(); setattr(s, 'q', 3); s.r = 4
print(s.q, s.r)
class Desc:
    def __get__(self, o, t): return 'desc'
    def __set__(self, o, v): print('set', v)
class U:
    x = Desc()
u = U(); u.x = 9; print(u.x); setattr(u, 'x', 10)
class B:
    pass
class C(B):
    pass
c = C()
setattr(c, 'w', 1)
B.w = property(lambda self: 'base prop')
print(c.w, getattr(c, 'w'), hasattr(c, 'w'))
try:
    setattr(c, 'w', 2)
except AttributeError:
    print('AttributeError')
del B.w
print(c.w)

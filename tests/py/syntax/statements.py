# Simple statements: pass, del, assert, chained assignment, multiple targets.

def nothing():
    pass

class Empty:
    pass

print(nothing(), type(Empty()).__name__)

# chained assignment assigns the same object to every target
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 10
x += 1
print(x, y)
lst = [0, 0, 0]
i = lst[i] = 1 if False else None or 2
print(i, lst)

# del on names, items, slices, attributes
v = 5
del v
try:
    print(v)
except NameError:
    print("NameError after del")

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
lst = list(range(6))
del lst[0], lst[-1]
print(lst)
del lst[1:3]
print(lst)

class Obj:
    pass

o = Obj()
o.attr = 1
o.other = 2
del o.attr
print(hasattr(o, "attr"), hasattr(o, "other"))
p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())
try:
    del d["missing"]
except KeyError:
    print("KeyError")
try:
    del o.missing
except AttributeError:
    print("AttributeError")
try:
    del undefined_name_here
except NameError:
    print("NameError del")

# assert
assert True
assert 1 == 1, "message not evaluated"
try:
    assert 1 == 2, "custom message"
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert []
except AssertionError as e:
    print("AssertionError", e.args)

# the assert message is evaluated only on failure
evaluated = []
assert True, evaluated.append("x")
print(evaluated)

# assignment to various targets in one statement
obj = Obj()
seq = [0, 0]
obj.a, seq[1], name = "attr", "item", "name"
print(obj.a, seq, name)

# swap through attributes and items
obj.a, obj.b = 1, 2
obj.a, obj.b = obj.b, obj.a
print(obj.a, obj.b)
seq[0], seq[1] = seq[1], seq[0]
print(seq)

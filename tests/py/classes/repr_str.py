# __repr__ and __str__: which one print, str(), repr(), f-strings and containers use.

class Both:
    def __repr__(self):
        return "Both(repr)"

    def __str__(self):
        return "Both(str)"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "OnlyStr!"

b, r, s = Both(), OnlyRepr(), OnlyStr()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r), str(s))
print(f"{b} {b!r} {r} {r!s}")
print([b, r], (b,), {"k": b})
print("%s %r" % (b, b), "%s" % r)
print("{} {!r}".format(b, b))

# repr of nested user objects inside containers
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __repr__(self):
        if self.children:
            return f"Node({self.value!r}, {self.children!r})"
        return f"Node({self.value!r})"

tree = Node("root", [Node(1), Node("leaf", [Node(2.5)])])
print(tree)
print(str(tree) == repr(tree))

# default repr mentions the class name (we check only that part)
class Plain:
    pass

text = repr(Plain())
print(text.startswith("<"), "Plain" in text, text.endswith(">"))

# __str__ and __repr__ must return strings
class BadStr:
    def __str__(self):
        return 42

class BadRepr:
    def __repr__(self):
        return None

try:
    str(BadStr())
except TypeError:
    print("TypeError __str__")
try:
    repr(BadRepr())
except TypeError:
    print("TypeError __repr__")

# inherited repr uses the subclass name if written with type(self)
class Base:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"

class Derived(Base):
    pass

print(Base(1), Derived(2), [Derived(3)])

# str() of builtins vs repr()
for v in ["text", 'quote"s', 1.5, None, True, [1, "a"], (1,), {"a": 1}, b"by"]:
    print(str(v), "|", repr(v))

# print with sep/end uses str()
print(b, r, sep=" <> ", end=" END\n")

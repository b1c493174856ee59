# Variable annotations in class bodies and at module level: evaluated, kept in
# __annotations__ for bare names, value assigned after.
order = []


def note(tag, value):
    order.append(tag)
    return value


class Config:
    host: str
    port: int = 8080
    debug: bool = False
    z = 3  # not annotated: not in __annotations__


print(sorted(Config.__dict__["__annotations__"].items(), key=lambda kv: kv[0]))
print(Config.port, Config.debug, hasattr(Config, "host"))
print(list(Config.__annotations__))

# Value first, then the annotation (CPython's order).
total: note("ann", int) = note("value", 41) + 1
print(order, total)
print(__annotations__["total"] is int)

# A name annotated without a value is recorded but not bound.
undefined_yet: "Widget"
print("undefined_yet" in globals(), __annotations__["undefined_yet"])


# Complex targets: evaluated, not recorded.
class Box:
    pass


b = Box()
b.size: int = 3
d = {}
d["k"]: note("sub-ann", str) = "v"
print(b.size, d, "size" not in __annotations__)

order.clear()
b.other: note("attr-ann", int)
d[note("index", "i")]: note("ann2", float)
print(order)

# Parenthesised names are not "simple": evaluated, not recorded.
(paren): int = 7
print(paren, "paren" in __annotations__)


# In a function, annotations of locals are not evaluated at all.
def local_annotations():
    count: this_name_does_not_exist = 0
    label: also_missing
    count += 1
    return count


print(local_annotations())


# Class bodies get their own dict; a base's annotations are not merged.
class Base:
    a: int = 1


class Derived(Base):
    b: str = "x"


print(Base.__annotations__, Derived.__annotations__)


class Empty:
    pass


print("__annotations__" in Empty.__dict__)


# An annotation in a branch that does not run still makes the dict.
class Branchy:
    if False:
        never: int
    else:
        sometimes: float = 1.5


print(Branchy.__annotations__, Branchy.sometimes)


# Private names are mangled, as CPython does.
class Secret:
    __key: bytes = b"k"


print(Secret.__annotations__)


# Annotations can use names from an enclosing function.
def make(kind):
    class Holder:
        item: kind
        items: list = []

    return Holder


print(make(dict).__annotations__)


# A class body may replace __annotations__ itself.
class Custom:
    __annotations__ = {"pre": int}
    x: str


print(Custom.__annotations__)

# exec with its own namespace gets its own __annotations__.
ns = {}
exec("a: int = 1\nb: str", ns)
print(ns["__annotations__"], ns["a"])

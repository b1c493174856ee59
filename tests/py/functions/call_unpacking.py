# Unpacking iterables and mappings at the call site.

def f(a, b, c, d=4):
    return a, b, c, d

args = [1, 2, 3]
print(f(*args))
print(f(*args, 40))
print(f(1, *[2, 3]))
print(f(*(1,), *(2,), 3))
print(f(*"xyz"))
print(f(*range(3), d="r"))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"c": 3, "b": 2}))
print(f(*[1, 2], **{"c": 3, "d": 5}))
print(f(*[1], 2, *[3], **{"d": 0}))

# generators and iterators can be unpacked
print(f(*(i * 10 for i in range(3))))
print(f(*iter([7, 8, 9])))
print(f(*{"k1": 0, "k2": 0, "k3": 0}))

# multiple ** mappings
print(f(**{"a": 1}, **{"b": 2}, c=3))

def kw(**k):
    return sorted(k.items())

# duplicated keyword is an error
try:
    kw(**{"a": 1}, **{"a": 2})
except TypeError:
    print("TypeError duplicate via **")
try:
    f(1, **{"a": 2, "b": 3, "c": 4})
except TypeError:
    print("TypeError multiple values for a")

# ** requires string keys and a mapping
try:
    kw(**{1: 2})
except TypeError:
    print("TypeError non-string key")
try:
    kw(**[("a", 1)])
except TypeError:
    print("TypeError not a mapping")
try:
    f(*5)
except TypeError:
    print("TypeError not iterable")

# unpacking into print
print(*[1, 2, 3], sep="-")
print(*"abc", sep="", end="!\n")
print(*[], "only")

# dict subclass and custom mapping with keys/__getitem__
class M:
    def keys(self):
        return ["b", "a", "c"]

    def __getitem__(self, k):
        return k * 2

print(f(**M()))

# Rich comparison methods, reflection of comparisons, and total ordering by hand.

class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))

    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts

    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts

    def __le__(self, o):
        return self == o or self < o

    def __gt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts > o.parts

    def __ge__(self, o):
        return self == o or self > o

    __hash__ = None

a, b, c = Version("1.2"), Version("1.10"), Version("1.2.0")
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
print(a == Version("1.2"), a == c, a != c)
print(sorted([Version("2.0"), b, a, Version("0.9")]))
print(max(a, b), min([b, a, Version("1.3")]))
print(a == "1.2", a != "1.2")
try:
    a < "1.2"
except TypeError:
    print("TypeError ordering with str")

# __ne__ defaults to the inverse of __eq__
class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return isinstance(o, OnlyEq) and self.v == o.v

print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))

# reflected comparisons: a > b falls back to b < a
class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        other = o.v if isinstance(o, Num) else o
        print("  Num.__lt__", self.v, other)
        return self.v < other

print(5 > Num(3))
print(Num(1) < 2)
print(Num(5) > Num(3))

# a comparison method can return non-bool values
class Weird:
    def __eq__(self, o):
        return "yes"

    def __lt__(self, o):
        return [1]

print(Weird() == 1, Weird() < 1, bool(Weird() < 1))

# sorting uses only __lt__
class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name

    def __lt__(self, o):
        return self.pri < o.pri

tasks = [Task(3, "low"), Task(1, "high"), Task(2, "mid"), Task(1, "also high")]
print([t.name for t in sorted(tasks)], [t.name for t in sorted(tasks, reverse=True)])

# default equality is identity
class Plain:
    pass

p = Plain()
print(p == p, p == Plain(), p != Plain())

# comparing with None and in containers
print(Version("1.0") in [Version("1.0")], Version("3.0") in [a, b], [a] == [Version("1.2")])

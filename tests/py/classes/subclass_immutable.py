# Subclassing immutable builtins (float, str, int, tuple) through __new__.

class Meters(float):
    def __new__(cls, value):
        return super().__new__(cls, abs(value))

    def describe(self):
        return f"{float(self)} m"

m = Meters(-3.5)
print(m, m.describe(), m + 1, isinstance(m, float))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())

u = Upper("shout")
print(u, len(u), u.lower(), type(u).__name__)

class Even(int):
    def __new__(cls, n):
        if n % 2:
            raise ValueError("odd")
        return super().__new__(cls, n)

print(Even(4) + 1, type(Even(4)).__name__)
try:
    Even(3)
except ValueError:
    print("ValueError odd")

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

p = Pair(1, 2)
print(p, p.first, len(p), p == (1, 2))

# extra behaviour on an int subclass keeps int arithmetic
class Flags(int):
    def has(self, bit):
        return bool(self & bit)

fl = Flags(0b101)
print(fl.has(1), fl.has(2), fl + 1, type(fl + 1).__name__, fl == 5, hash(fl) == hash(5))

class Name(str):
    def initials(self):
        return "".join(w[0] for w in self.split())

n = Name("ada lovelace")
print(n.initials(), n.title(), n == "ada lovelace", {n: 1}["ada lovelace"])

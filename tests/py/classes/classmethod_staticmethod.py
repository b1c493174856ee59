# classmethod and staticmethod: alternative constructors, registries, calls via class and instance.

class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __str__(self):
        return "%04d-%02d-%02d" % (self.y, self.m, self.d)

d = Date.from_string("2024-02-29")
print(d, type(d).__name__)
print(Date.is_leap(2024), Date.is_leap(1900), d.is_leap(2000))

# classmethods receive the subclass when called on it
class Holiday(Date):
    pass

h = Holiday.from_string("2023-12-25")
print(h, type(h).__name__, isinstance(h, Date))

# classmethod called through an instance still gets the class
print(type(h.from_string("2000-01-01")).__name__)

# class-level counters and registries via classmethod
class Plugin:
    registry = []

    @classmethod
    def register(cls, name):
        cls.registry.append((cls.__name__, name))
        return cls

    @classmethod
    def count(cls):
        return len(cls.registry)

class Audio(Plugin):
    pass

Plugin.register("core")
Audio.register("mp3")
print(Plugin.registry, Audio.count())

# per-class state using cls attributes
class Counter:
    n = 0

    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n

class SubCounter(Counter):
    pass

print(Counter.bump(), Counter.bump(), SubCounter.bump(), SubCounter.bump(), Counter.n, SubCounter.n)

# staticmethod has no access to the instance or class
class MathUtil:
    @staticmethod
    def clamp(v, lo, hi):
        return max(lo, min(hi, v))

    def use(self, v):
        return self.clamp(v, 0, 10)

print(MathUtil.clamp(15, 0, 10), MathUtil().use(-5), MathUtil().clamp(5, 0, 10))

# the objects themselves
print(type(MathUtil.__dict__["clamp"]).__name__, type(Date.__dict__["from_string"]).__name__)
print(callable(MathUtil.clamp))

# staticmethod and classmethod applied without decorator syntax
class Manual:
    def plain(x):
        return x * 2

    plain = staticmethod(plain)

    def kind(cls):
        return cls.__name__

    kind = classmethod(kind)

print(Manual.plain(4), Manual().plain(5), Manual.kind(), Manual().kind())

# classmethods used as factories with validation
class Color:
    def __init__(self, r, g, b):
        self.rgb = (r, g, b)

    @classmethod
    def from_hex(cls, text):
        text = text.lstrip("#")
        if len(text) != 6:
            raise ValueError("need 6 hex digits")
        return cls(*(int(text[i:i + 2], 16) for i in (0, 2, 4)))

print(Color.from_hex("#ff8000").rgb)
try:
    Color.from_hex("#fff")
except ValueError as e:
    print("ValueError", e)

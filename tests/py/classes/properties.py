# property: getters, setters, deleters, read-only properties, and inheritance.

class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = -40
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
print(t.celsius)

# read-only property
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError: can't set")

del t.celsius
try:
    t.celsius
except AttributeError:
    print("AttributeError after delete")

# a property without a deleter
try:
    del t.fahrenheit
except AttributeError:
    print("AttributeError: can't delete")

# property() called directly
class Box:
    def __init__(self):
        self._w = 1

    def get_w(self):
        return self._w

    def set_w(self, v):
        self._w = max(0, v)

    width = property(get_w, set_w)
    area = property(lambda self: self._w * self._w)

b = Box()
b.width = 5
print(b.width, b.area)
b.width = -3
print(b.width, b.area)

# accessing the property on the class gives the property object
print(type(Temperature.celsius).__name__, isinstance(Box.width, property))

# properties are inherited and can be overridden
class Base:
    @property
    def kind(self):
        return "base"

    def show(self):
        return "I am " + self.kind

class Derived(Base):
    @property
    def kind(self):
        return "derived"

print(Base().show(), Derived().show())

# computed properties that depend on other attributes
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h

    @property
    def is_square(self):
        return self.w == self.h

r = Rect(2, 3)
print(r.area, r.is_square)
r.w = 3
print(r.area, r.is_square)

# property setter that validates types, and lazy caching
class Lazy:
    def __init__(self):
        self._cache = None
        self.computed = 0

    @property
    def value(self):
        if self._cache is None:
            self.computed += 1
            self._cache = sum(range(100))
        return self._cache

lz = Lazy()
print(lz.value, lz.value, lz.computed)

# properties take precedence over instance __dict__ entries
class P:
    @property
    def x(self):
        return "property"

p = P()
p.__dict__["x"] = "instance"
print(p.x)

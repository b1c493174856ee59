# __slots__ limits an instance's attributes to the slots of its class chain.
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
for i in range(3):  # the same store site, several times (inline caches)
    try:
        p.z = i
    except AttributeError:
        print("no z", i)
try:
    print(p.__dict__)
except AttributeError:
    print("no __dict__")
try:
    vars(p)
except TypeError:
    print("vars: TypeError")

class Point3(Point):
    __slots__ = ('z',)
p3 = Point3(1, 2)
p3.z = 5
print(p3.x, p3.y, p3.z)
try:
    p3.w = 1
except AttributeError:
    print("no w on Point3")

# A subclass without __slots__ gets a __dict__ back.
class Free(Point):
    pass
f = Free(1, 2)
f.w = 9
print(f.w)

# Deleting a slot leaves it unset.
del p.x
try:
    print(p.x)
except AttributeError:
    print("x unset")
p.x = 10
print(p.x)

# A single string names one slot.
class One:
    __slots__ = 'only'
o = One()
o.only = 1
try:
    o.other = 2
except AttributeError:
    print("One: no other")

# '__dict__' among the slots allows any attribute.
class WithDict:
    __slots__ = ['a', '__dict__']
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)

# Properties and class attributes still work.
class Temp:
    __slots__ = ('_c',)
    unit = "C"
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
t = Temp(3)
t.c = 21
print(t.c, t.unit)
try:
    t.unit = "F"
except AttributeError:
    print("class attribute is read-only through a slotted instance")

# Private slot names are mangled like the class body's names.
class Secret:
    __slots__ = ('__key',)
    def __init__(self, k):
        self.__key = k
    def key(self):
        return self.__key
s = Secret("k1")
print(s.key(), s._Secret__key)

# Class attributes versus instance attributes, mutable class attributes, and class bodies.

class Config:
    defaults = {"debug": False}
    tags = []
    version = 1

    def set(self, key, value):
        self.defaults[key] = value  # mutates the shared dict

    def add_tag(self, tag):
        self.tags = self.tags + [tag]  # creates an instance attribute

c1, c2 = Config(), Config()
c1.set("debug", True)
print(c2.defaults, Config.defaults)
c1.add_tag("x")
print(c1.tags, c2.tags, Config.tags)

# assigning through the instance shadows; through the class updates everyone
c1.version = 2
print(c1.version, c2.version, Config.version)
Config.version = 3
print(c1.version, c2.version)

# class body executes top to bottom, names are usable later in the body
class Units:
    base = 1000
    kilo = base
    mega = kilo * base
    names = [n for n in ("k", "M")]
    table = {"k": kilo, "M": mega}

print(Units.kilo, Units.mega, Units.names, Units.table)

# class body can contain arbitrary statements
class Computed:
    items = []
    for i in range(3):
        items.append(i * i)
    if len(items) == 3:
        status = "three"
    del i

print(Computed.items, Computed.status, hasattr(Computed, "i"))

# methods are class attributes too
class Greeter:
    def hello(self):
        return "hello"

g = Greeter()
print(Greeter.hello(g), g.hello())
g.hello = lambda: "instance override"
print(g.hello(), Greeter().hello())

# class attributes accessed through type(self)
class Tracker:
    created = 0

    def __init__(self):
        type(self).created += 1

class SubTracker(Tracker):
    pass

Tracker()
Tracker()
SubTracker()
print(Tracker.created, SubTracker.created)

# __dict__ of class and instance
class Simple:
    a = 1

    def __init__(self):
        self.b = 2

s = Simple()
print("a" in Simple.__dict__, "b" in s.__dict__, "a" in s.__dict__)

# __class__ and __name__
print(s.__class__ is Simple, s.__class__.__name__, Simple.__name__)

# setting a class attribute from outside and deleting it
Simple.added = "new"
print(s.added)
del Simple.added
print(hasattr(s, "added"))

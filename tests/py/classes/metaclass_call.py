# A metaclass's __call__ runs when its classes are called.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['tag'] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        print("Meta.__new__", name, kw)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        obj = super().__call__(*args, **kwargs)
        obj.made_by_meta = True
        return obj

class Base(metaclass=Meta):
    def __init__(self, v, w=0):
        self.v = v
        self.w = w

class Child(Base, extra=1):
    pass

c = Child(3, w=4)
print(c.v, c.w, c.made_by_meta, Child.tag, Child.inited, type(Child).__name__)

# A singleton through a metaclass.
class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=SingletonMeta):
    def __init__(self, name):
        print("Config init", name)
        self.name = name

a = Config("first")
b = Config("second")
print(a is b, a.name)

# type(name, bases, ns) uses the most derived metaclass of the bases.
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

class Shape(metaclass=Registry):
    pass

Square = type("Square", (Shape,), {"sides": 4})
print(type(Square).__name__, Square.sides, Registry.classes)

# Classes whose bases have unrelated metaclasses can't be made.
class OtherMeta(type):
    pass
class Other(metaclass=OtherMeta):
    pass
try:
    class Both(Shape, Other):
        pass
except TypeError:
    print("metaclass conflict: TypeError")

# An explicit metaclass less derived than a base's gives way to it.
class Derived(Shape, metaclass=type):
    pass
print(type(Derived).__name__, Registry.classes[-1])

# type.__call__ can be called directly.
class Plain:
    def __init__(self, x):
        self.x = x
print(type.__call__(Plain, 5).x)

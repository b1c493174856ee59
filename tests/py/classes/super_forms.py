# super() with zero and two arguments, in methods, classmethods and __init__.

class Base:
    def greet(self):
        return "Base.greet"

    @classmethod
    def create(cls):
        return f"Base.create({cls.__name__})"

    def __init__(self, v):
        self.v = v

class Mid(Base):
    def greet(self):
        return "Mid>" + super().greet()

    @classmethod
    def create(cls):
        return "Mid>" + super().create()

    def __init__(self, v):
        super().__init__(v * 10)

class Leaf(Mid):
    def greet(self):
        return "Leaf>" + super(Leaf, self).greet()

    def skip(self):
        # two-argument form can skip a level
        return super(Mid, self).greet()

    def __init__(self):
        super(Leaf, self).__init__(1)

leaf = Leaf()
print(leaf.greet(), leaf.skip(), leaf.v)
print(Leaf.create(), Mid.create())

# super() in a method called through a subclass instance resolves from the defining class
class A:
    def name(self):
        return "A"

class B(A):
    def name(self):
        return "B+" + super().name()

class C(B):
    pass

print(C().name())

# super() accessing class attributes
class Config:
    defaults = {"a": 1}

class Derived(Config):
    defaults = {"b": 2}

    def merged(self):
        out = dict(super().defaults)
        out.update(self.defaults)
        return out

print(Derived().merged())

# super() in a property
class Shape:
    @property
    def label(self):
        return "shape"

class Square(Shape):
    @property
    def label(self):
        return "square(" + super().label + ")"

print(Square().label)

# super() inside a nested function needs the explicit form
class Outer(A):
    def name(self):
        def helper():
            return super(Outer, self).name()
        return "Outer+" + helper()

print(Outer().name())

# two-argument super with a class as second argument gives unbound access
print(super(B, C()).name(), super(C, C()).name())

# super() for special methods
class MyList(list):
    def append(self, v):
        super().append(v * 2)

    def __len__(self):
        return super().__len__() * 100

m = MyList()
m.append(1)
m.append(5)
print(list(m), len(m))

# missing attribute via super raises AttributeError
class NoParent:
    def f(self):
        return super().f()

try:
    NoParent().f()
except AttributeError:
    print("AttributeError")

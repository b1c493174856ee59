# Single inheritance: overriding, extending, attribute lookup along the chain.

class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{self.name} has {self.legs} legs; {self.speak()}"

class Dog(Animal):
    sound = "woof"

class Bird(Animal):
    sound = "tweet"
    legs = 2

    def speak(self):
        return super().speak() + " (flapping)"

class Parrot(Bird):
    def __init__(self, name, word):
        super().__init__(name)
        self.word = word

    def speak(self):
        return f"{self.name} says {self.word!r}"

for a in [Animal("thing"), Dog("rex"), Bird("tweety"), Parrot("polly", "hello")]:
    print(a.describe())

# isinstance/issubclass along the chain
p = Parrot("p", "w")
print(isinstance(p, Parrot), isinstance(p, Bird), isinstance(p, Animal), isinstance(p, Dog))
print(issubclass(Parrot, Animal), issubclass(Animal, Parrot), issubclass(Dog, Dog), issubclass(Dog, object))
print(Parrot.__bases__ == (Bird,), Animal.__bases__ == (object,))

# lookup order: instance, class, base classes
class Base:
    x = "base x"
    y = "base y"

class Child(Base):
    x = "child x"

c = Child()
print(c.x, c.y)
c.y = "instance y"
print(c.y, Child.y, Base.y)

# methods defined in the base that call overridable hooks
class Template:
    def run(self):
        return [self.step1(), self.step2()]

    def step1(self):
        return "t1"

    def step2(self):
        return "t2"

class Custom(Template):
    def step2(self):
        return "custom2"

print(Template().run(), Custom().run())

# inheriting __init__ and overriding it partially
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

class Point3(Point):
    def __init__(self, x=0, y=0, z=0):
        Point.__init__(self, x, y)
        self.z = z

q = Point3(1, 2, 3)
print(q.x, q.y, q.z)

# deep chains
class L0:
    def who(self):
        return "L0"

class L1(L0):
    pass

class L2(L1):
    pass

class L3(L2):
    def who(self):
        return "L3>" + super().who()

print(L3().who(), L2().who(), issubclass(L3, L0), L3.__bases__[0].__name__)

# adding methods to a base class later is visible to subclasses
def extra(self):
    return "extra from " + type(self).__name__

L0.extra = extra
print(L3().extra())

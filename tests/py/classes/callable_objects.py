# __call__: instances that behave like functions.

class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k

double = Multiplier(2)
print(double(21), callable(double), list(map(Multiplier(3), [1, 2, 3])))
print(sorted([3, -1, 2], key=Multiplier(-1)))

# __call__ with every kind of argument
class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, *args, **kwargs):
        self.calls.append((args, sorted(kwargs.items())))
        return len(self.calls)

rec = Recorder()
rec()
rec(1, 2)
rec(a=1)
print(rec(*[9], **{"z": 0}), rec.calls)

# stateful callables: a counter and a running mean
class RunningMean:
    def __init__(self):
        self.n = 0
        self.total = 0

    def __call__(self, v):
        self.n += 1
        self.total += v
        return self.total / self.n

rm = RunningMean()
print([rm(v) for v in [2, 4, 6, 8]])

# callable() on various objects
class NotCallable:
    pass

print(callable(NotCallable), callable(NotCallable()), callable(print), callable(5), callable(lambda: 0))
try:
    NotCallable()()
except TypeError:
    print("TypeError not callable")

# __call__ looked up on the class, not the instance
class Fn:
    def __call__(self):
        return "class __call__"

f = Fn()
f.__call__ = lambda: "instance attribute"
print(f())

# a callable used as a method does not bind self
class Adder:
    def __call__(self, a, b):
        return a + b

class Holder:
    add = Adder()

print(Holder().add(1, 2))

# callable objects as decorators with arguments
class Repeat:
    def __init__(self, times):
        self.times = times

    def __call__(self, fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(self.times)]
        return wrapper

@Repeat(3)
def hello(name):
    return "hi " + name

print(hello("bob"))

# classes are callable; calling returns instances
print(callable(Multiplier), type(Multiplier(1)).__name__)

# inheritance of __call__
class Tripler(Multiplier):
    def __init__(self):
        super().__init__(3)

print(Tripler()(7))

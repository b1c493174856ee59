# Decorators: plain, with arguments, stacked, class decorators, and on methods.

def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("world"))

# decorator order: the closest to the def applies first
def tag(name):
    def deco(fn):
        def wrapper(*a):
            return f"<{name}>{fn(*a)}</{name}>"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text(s):
    return s

print(text("x"))

# decorator that counts calls in a closure
call_counts = {}
def counted(fn):
    n = 0
    def wrapper(*a, **k):
        nonlocal n
        n += 1
        call_counts[fn.__name__] = n
        return fn(*a, **k)
    return wrapper

@counted
def add(a, b):
    return a + b

add(1, 2)
add(3, 4)
print(add(5, 6), call_counts)

# decorator that registers functions
registry = {}
def register(key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco

@register("double")
def double(x):
    return x * 2

@register("neg")
def neg(x):
    return -x

print(sorted(registry), registry["double"](21), neg(5))

# memoizing decorator
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)

print(slow_fib(80))

# decorators can return something that is not a function
def to_value(fn):
    return fn()

@to_value
def computed():
    return 42

print(computed)

# class decorators
def add_repr(cls):
    cls.__repr__ = lambda self: f"{cls.__name__}({self.__dict__})"
    return cls

@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

print(repr(Point(1, 2)))

# a decorator can be an attribute of an object
class Decos:
    loud = staticmethod(shout)

@Decos.loud
def hi():
    return "hi"

print(hi())

# decorating methods
def log_call(fn):
    def wrapper(self, *a):
        self.log.append(fn.__name__)
        return fn(self, *a)
    return wrapper

class Service:
    def __init__(self):
        self.log = []

    @log_call
    def start(self):
        return "started"

    @log_call
    def stop(self):
        return "stopped"

svc = Service()
print(svc.start(), svc.stop(), svc.log)

# a class used as a decorator
class Trace:
    def __init__(self, fn):
        self.fn = fn
        self.seen = []

    def __call__(self, *args):
        self.seen.append(args)
        return self.fn(*args)

@Trace
def mul(a, b):
    return a * b

print(mul(2, 3), mul(4, 5), mul.seen)

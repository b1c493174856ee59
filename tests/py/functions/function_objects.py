# Functions are first-class objects: attributes, passing, storing, returning.

def square(x):
    """Return x squared."""
    return x * x

print(square.__name__, callable(square), type(square).__name__)
f = square
print(f(7), f is square)

# functions in data structures
ops = {"sq": square, "neg": lambda x: -x, "abs": abs}
print([ops[k](-3) for k in ("sq", "neg", "abs")])
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
value = "  Hello World  "
for step in pipeline:
    value = step(value)
print(value)

# higher-order functions
def apply_twice(fn, x):
    return fn(fn(x))

print(apply_twice(square, 3), apply_twice(lambda s: s + "!", "hey"))

def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed

inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3), compose()(9))

# nested function names
def outer():
    def inner():
        pass
    return inner

print(outer().__name__)

# functions compare by identity and are hashable
print(square == square, square == outer, len({square, square, outer}))

# returning multiple functions
def make_ops(n):
    def add(x):
        return x + n
    def sub(x):
        return x - n
    return add, sub

a5, s5 = make_ops(5)
print(a5(10), s5(10))

# functions without return statements, with bare return, with return in loops
def none1():
    pass

def none2():
    return

def early(items):
    for i in items:
        if i < 0:
            return i
    return "no negatives"

print(none1(), none2(), early([3, -2, -5]), early([1]))

# recursive function referring to itself through a global name
def countdown(n):
    return [] if n == 0 else [n] + countdown(n - 1)

print(countdown(4))

# builtins are callable objects too
for fn in (len, max, print, int, str):
    print(callable(fn), end=" ")
print()
print(sorted(["bb", "a", "ccc"], key=len), list(map(str, [1, 2])))

# Generator functions: lazy execution, state across yields, exhaustion.

def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")

g = count_up(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g))  # exhausted generators stay empty
try:
    next(g)
except StopIteration:
    print("StopIteration")

# a generator is its own iterator
def letters():
    yield "a"
    yield "b"

g = letters()
print(iter(g) is g, [c for c in g])

# return ends the generator
def until_negative(values):
    for v in values:
        if v < 0:
            return
        yield v

print(list(until_negative([3, 1, -1, 5])))

# generators with local state
def running_total(values):
    total = 0
    for v in values:
        total += v
        yield total

print(list(running_total([1, 2, 3, 4])))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for n in fib():
    if n > 100:
        break
    out.append(n)
print(out)

# yield as an expression in various positions
def echo_expressions():
    x = yield 1
    print("got", x)
    y = (yield 2) or "default"
    print("got", y)
    yield [(yield 3), "end"]

g = echo_expressions()
print(next(g), next(g), next(g), next(g))

# two generators from the same function are independent
g1 = count_up(2)
g2 = count_up(2)
print(next(g1), next(g2), next(g1))

# generator arguments are bound when called, body runs on first next
def lazy(x):
    print("body runs with", x)
    yield x

lg = lazy("arg")
print("before next")
print(next(lg))

# generator with try/finally runs finally on exhaustion
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

print(list(guarded()))

# empty generator
def empty():
    return
    yield

print(list(empty()), next(empty(), "default"))

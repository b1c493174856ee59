# Exceptions raised inside generators and how they interact with try/finally.

def failing():
    yield 1
    raise ValueError("inside")

g = failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted"))

# the generator can catch exceptions from its own work and keep going
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield None

print(list(safe_div([(1, 2), (1, 0), (9, 3)])))

# finally runs when the consumer breaks out and the generator is closed
def noisy():
    try:
        for i in range(5):
            yield i
    finally:
        print("noisy finally")

g = noisy()
for v in g:
    if v == 1:
        break
g.close()
print("after break")

# exception in the consumer does not affect the generator's state until closed
def counter():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("counter finalised at", n)

c = counter()
try:
    for v in c:
        if v == 2:
            raise KeyError("consumer")
except KeyError:
    print("consumer raised")
print(next(c))
c.close()

# an exception propagating out of a generator in a for loop
def bad_stream():
    yield "ok"
    yield int("not a number")

out = []
try:
    for item in bad_stream():
        out.append(item)
except ValueError:
    print("ValueError while iterating", out)

# exceptions inside generator expressions
try:
    print(sum(1 / x for x in [1, 2, 0]))
except ZeroDivisionError:
    print("ZeroDivisionError in genexpr")

# try/except around yield catches thrown exceptions only at that point
def staged():
    try:
        yield "stage 1"
    except RuntimeError:
        print("stage 1 saw RuntimeError")
    yield "stage 2"

s = staged()
print(next(s))
print(s.throw(RuntimeError("x")))
try:
    s.throw(RuntimeError("y"))
except RuntimeError as e:
    print("propagated", e)

# the traceback of a generator exception includes the generator (checked by type only)
def deep():
    yield from shallow()

def shallow():
    yield 1
    [][1]

try:
    list(deep())
except IndexError:
    print("IndexError through yield from")

# for loops over generators: values, the end of the loop, break/continue,
# exceptions both ways, and the exception being handled on each side.


def count(n):
    for i in range(n):
        yield i
    return "ignored"


for x in count(3):
    print("x", x)
else:
    print("else")

# Break, then resume the same generator elsewhere
g = count(6)
for x in g:
    if x == 2:
        break
print("after break", next(g), list(g))

# Nested loops over one generator share it
g = count(7)
for a in g:
    for b in g:
        print("pair", a, b)
        if b % 3 == 2:
            break


# An exception in the generator, caught around the loop
def boom(n):
    yield from range(n)
    raise ValueError("boom", n)


try:
    for x in boom(2):
        print("boom x", x)
except ValueError as e:
    print("caught", e.args)


# Caught inside the loop body; the generator is finished afterwards
g = boom(1)
try:
    for x in g:
        pass
except ValueError:
    pass
print(next(g, "finished"))


# StopIteration inside a generator becomes RuntimeError
def stops():
    yield 1
    raise StopIteration("s")


try:
    for x in stops():
        print("stops", x)
except RuntimeError as e:
    print("RuntimeError", e.args)


# The exception context on each side of the yield
def ctx():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        try:
            raise
        except KeyError as e:
            yield ("generator still handling", e.args)
    yield 3


try:
    raise TypeError("outer")
except TypeError:
    for x in ctx():
        print(x)
        try:
            raise
        except TypeError as e:
            print("caller still handling", e.args)


# A new generator started inside a handler sees the caller's exception
def sees_context():
    try:
        raise
    except Exception as e:
        yield ("sees", type(e).__name__)


try:
    raise IndexError("i")
except IndexError:
    for x in sees_context():
        print(x)


# Exception raised by the loop body while the generator is suspended
log = []


def guarded():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


g = guarded()
try:
    for x in g:
        raise OSError(x)
except OSError as e:
    print("body raised", e.args, log)
g.close()
print(log)


# A generator iterating itself
def selfish():
    yield 1
    try:
        for y in me:
            pass
    except ValueError as e:
        yield ("inner", e.args)


me = selfish()
for x in me:
    print(x)


# Generators of generators, loops inside generators, return in the loop body
def outer_gen():
    for a in count(3):
        for b in count(a):
            yield (a, b)


print(list(outer_gen()))


def first_even(it):
    for x in it:
        if x % 2 == 0 and x:
            return x


print(first_even(count(10)))


# Deep recursion of generators driven by for loops
def tree(n):
    if n:
        for x in tree(n - 1):
            yield x + 1
    else:
        yield 0


print(list(tree(100)), sum(x for x in tree(50)))

# Values sent in by the loop are None; the generator's state while running
def states():
    got = yield "a"
    yield got
    yield st.gi_running if hasattr(st, "gi_running") else True


st = states()
print([x for x in st])

# Generators that yield from, driven by for
def yf():
    yield from count(2)
    r = yield from count(0)
    yield r


for x in yf():
    print("yf", x)

# pend_throw-free edge: a generator closed inside the loop body
g = count(5)
for x in g:
    print("closing at", x)
    g.close()
print("closed loop done")

# Throw into a generator from its own loop body: allowed between iterations
def catcher():
    while True:
        try:
            yield "ok"
        except KeyError:
            yield "caught"
            return


g = catcher()
for x in g:
    print(x)
    if x == "ok":
        print(g.throw(KeyError))

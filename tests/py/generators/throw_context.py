# Exceptions thrown into a generator (directly or through yield from) take the
# exception the generator's frame was handling as their __context__; close() on
# a running generator is refused.
def show(e):
    c = e.__context__
    print(type(e).__name__, None if c is None else (type(c).__name__, c.args))


def g():
    try:
        raise IndexError("i")
    except IndexError:
        yield 1


x = g()
next(x)
try:
    x.throw(TypeError("t"))
except TypeError as e:
    show(e)


def h():
    yield 1


y = h()
next(y)
try:
    y.throw(TypeError("t2"))
except TypeError as e:
    show(e)


def k():
    try:
        raise KeyError("a")
    except KeyError as e:
        yield e


z = k()
e = next(z)
try:
    z.throw(e)
except KeyError as e2:
    print(e2 is e, e2.__context__)


def inner():
    yield 1
    raise KeyError("k")


def outer():
    try:
        raise IndexError("handled")
    except IndexError:
        yield from inner()


o = outer()
next(o)
try:
    o.throw(TypeError("t3"))
except TypeError as e:
    show(e)


def closes_itself():
    yield 1
    gen.close()
    yield 2


gen = closes_itself()
next(gen)
try:
    next(gen)
except ValueError as e:
    print("ValueError", e)

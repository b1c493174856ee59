# generator.throw(): the exception class or instance, or the older (type, value)
# form, and what a generator suspended in `yield from` passes to its
# sub-iterator's throw().

def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, repr(e.args))

g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError("x"))
g.throw(ValueError, 5)
g.throw(ValueError, (1, 2))
g.throw(ValueError, ValueError(7))
g.throw(ValueError, None)
g.throw(LookupError, KeyError("k"))
try:
    g.throw(ValueError("x"), 1)
except TypeError as e:
    print("TypeError")
try:
    g.throw(123)
except TypeError:
    print("TypeError")
g.close()


class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, x):
        print("delegate got", x if not isinstance(x, BaseException) else repr(x))
        return 456


def outer():
    yield from Iter()

g = outer()
next(g)
print(g.throw(123))
print(g.throw(ZeroDivisionError))
g.close()


def inner():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", repr(e.args))
    yield 2


def outer2():
    r = yield from inner()
    return r

g = outer2()
next(g)
print(g.throw(ValueError, ValueError(123)))
g.close()

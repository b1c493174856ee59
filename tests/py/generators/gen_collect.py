# list(g), tuple(g), set(g), sorted(g), ... over generators: every value, in
# order, with the generator left in the right state after errors.


def count(n):
    for i in range(n):
        got = yield i
        assert got is None


print(list(count(5)), tuple(count(3)), sorted(set(count(4))), sorted(count(4), reverse=True))
print(list(x * x for x in range(6)), tuple(c for c in "abc"))
print(list(count(0)), tuple(x for x in ()))

# Partly consumed first
g = count(6)
print(next(g), next(g))
print(list(g), list(g))


# Generators that delegate, at every stage
def inner():
    yield 1
    yield 2
    return "r"


def outer():
    r = yield from inner()
    yield r
    yield from [10, 20]
    yield from (x for x in "xy")


print(list(outer()))
g = outer()
print(next(g))
print(list(g))


# An exception after some values: the generator is finished, the list is lost
def fails():
    yield 1
    yield 2
    raise ValueError("bad")


g = fails()
try:
    list(g)
except ValueError as e:
    print("ValueError", e.args)
print(list(g), next(g, "end"))


# The exception can be handled inside the generator
def recovers():
    for i in range(3):
        try:
            yield i
            if i == 1:
                raise KeyError(i)
        except KeyError as e:
            yield ("handled", e.args)
    try:
        raise TypeError("ctx")
    except TypeError:
        yield from count(2)
        try:
            raise
        except TypeError as e:
            yield ("reraised", e.args)


print(list(recovers()))


# try/finally and return values
log = []


def with_finally():
    try:
        yield "a"
        yield "b"
        return "ignored"
    finally:
        log.append("finally")


print(tuple(with_finally()), log)


# StopIteration inside a generator becomes RuntimeError
def stops():
    yield 1
    raise StopIteration


try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError", e.args)


# Collecting a generator from inside itself
def selfish():
    yield 1
    try:
        list(me)
    except ValueError as e:
        yield ("inner", e.args)
    yield 3


me = selfish()
print(list(me))


# A generator collected while another one is, nested
def nested():
    yield tuple(x + 1 for x in range(3))
    yield list(count(2))
    yield [list(y for y in range(k)) for k in range(3)]


print(list(nested()))

# The generator advanced by something else between values
other = count(10)


def pulls():
    yield next(other)
    yield next(other)
    yield list(other)


print(list(pulls()))


# Other generators suspended in the values of a collected one
def gens():
    for i in range(3):
        yield (j for j in range(i))


print([list(x) for x in list(gens())])

# Closed and finished generators
g = count(3)
g.close()
print(list(g))
g = count(3)
next(g)
g.close()
print(tuple(g))

# Big ones
print(len(list(x for x in range(100000))), sum(list(count(1000))))
print(len(set(i % 7 for i in range(1000))), max(tuple(x for x in range(50))))

# str.join, list.extend, sorted, unpacking all collect
print("-".join(str(x) for x in range(4)))
l = [0]
l.extend(count(3))
print(l)
a, b, *c = count(5)
print(a, b, c)

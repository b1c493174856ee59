# A for loop over a generator runs the generator's frame in the same
# interpreter loop as the loop itself: what the generator sees and what
# escapes from it must be exactly as if it were resumed by next().
import sys


def g_stop():
    yield 1
    raise StopIteration


try:
    for x in g_stop():
        print("got", x)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def sees_context():
    try:
        yield sys.exc_info()[0]
    finally:
        print("finally in generator")


try:
    raise ValueError
except ValueError:
    for v in sees_context():
        print("in loop:", v.__name__, sys.exc_info()[0].__name__)
    print("after loop:", sys.exc_info()[0].__name__)


def own_context():
    try:
        raise KeyError
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]


for v in own_context():
    print("own:", v.__name__, sys.exc_info()[0])


def rec(n):
    if n:
        for x in rec(n - 1):
            yield x
    yield n


print(sum(1 for _ in rec(50)), list(rec(5)))


def bad():
    yield 1
    1 / 0


def outer():
    for x in bad():
        yield x * 10


try:
    for y in outer():
        print("outer gave", y)
except ZeroDivisionError as e:
    print("ZeroDivisionError caught")

g = (i * i for i in range(6))
for a in g:
    if a == 4:
        break
print("rest:", list(g))


def sub():
    yield 1
    yield 2
    return 3


def yf():
    r = yield from sub()
    yield r
    yield from [7, 8]


print([x for x in yf()])
for x in yf():
    print("yf", x)


def selfref():
    for x in it:
        yield x


it = selfref()
try:
    for x in it:
        pass
except ValueError as e:
    print("ValueError:", e)


def pulls():
    yield "a"
    yield "b"
    yield "c"


p = pulls()
for x in p:
    print("loop", x, "next", next(p, None))


def returns_early():
    yield 1
    return "ignored"
    yield 2


for x in returns_early():
    print("early", x)
else:
    print("else ran")


def counter():
    n = 0
    while True:
        n += 1
        yield n


total = 0
for n in counter():
    total += n
    if n == 1000:
        break
print("total", total)


def raises_in_handler():
    try:
        yield 1
        raise IndexError("inner")
    except IndexError as e:
        yield "handled " + str(e)
        raise TypeError("from handler")


try:
    for x in raises_in_handler():
        print(x)
except TypeError as e:
    print("TypeError:", e, "context:", type(e.__context__).__name__)
print("exc_info after:", sys.exc_info()[0])


def nested_loops():
    for i in range(3):
        for j in (k for k in range(i)):
            yield i, j


print(list(nested_loops()))
for pair in nested_loops():
    print(pair)

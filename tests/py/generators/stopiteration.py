# StopIteration semantics: next() defaults, return values, and PEP 479.

it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)

# return value of a generator becomes StopIteration.value
def gen():
    yield 1
    return "result"

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)

# raising StopIteration inside a generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("leak")

g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError:
    print("RuntimeError from StopIteration in generator")

# a for loop swallows StopIteration from a hand-written iterator
class CountDown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(CountDown(4)), [x for x in CountDown(2)])

# StopIteration raised by next() inside a generator (e.g. from an inner iterator)
def first_of_each(iterables):
    for it in iterables:
        yield next(iter(it))

print(list(first_of_each([[1, 2], "ab"])))
try:
    list(first_of_each([[1], []]))
except RuntimeError:
    print("RuntimeError from inner next()")

# StopIteration is an Exception
print(issubclass(StopIteration, Exception), isinstance(StopIteration(), Exception))

# constructing StopIteration directly
e = StopIteration(5)
print(e.value, e.args)
e = StopIteration()
print(e.value, e.args)

# a generator that is finished keeps raising StopIteration without value
def one():
    return 7
    yield

g = one()
for attempt in range(2):
    try:
        next(g)
    except StopIteration as e:
        print("attempt", attempt, e.value)

# iter(callable, sentinel)
data = [3, 2, 1, 0, 5]
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v

print(list(iter(reader, 0)))

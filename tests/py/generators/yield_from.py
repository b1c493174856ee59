# yield from: delegation, return values, send/throw forwarding.

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
    return "outer result"

print(list(outer()))

g = outer()
for v in g:
    print("got", v)

# yield from any iterable
def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)), {"k": 0})))

# recursive delegation: tree traversal
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree

print(list(walk([1, [2, [3, 4], 5], [[6]], 7])))

# send values pass through to the inner generator
def inner_echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)

def outer_echo():
    got = yield from inner_echo()
    yield "inner collected " + ",".join(got)

g = outer_echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))

# throw is forwarded into the inner generator
def inner_catch():
    try:
        yield "inner waiting"
    except ValueError:
        yield "inner handled ValueError"

def outer_catch():
    yield from inner_catch()
    yield "outer continues"

g = outer_catch()
print(next(g))
print(g.throw(ValueError))
print(next(g))

# close is forwarded too
def inner_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")

def outer_cleanup():
    try:
        yield from inner_cleanup()
    finally:
        print("outer cleanup")

g = outer_cleanup()
next(g)
g.close()

# return value of yield from a plain iterable is None
def from_list():
    r = yield from [1]
    yield r

print(list(from_list()))

# yield from a generator that returns immediately
def nothing():
    return 42
    yield

def use_nothing():
    v = yield from nothing()
    yield v

print(list(use_nothing()))

# flattening with depth tracking through returns
def count_leaves(tree):
    if not isinstance(tree, list):
        yield tree
        return 1
    total = 0
    for sub in tree:
        total += yield from count_leaves(sub)
    return total

def report(tree):
    n = yield from count_leaves(tree)
    yield "leaves: %d" % n

print(list(report([1, [2, 3], [[4]]])))

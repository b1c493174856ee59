# with statements: suppression, exception details passed to __exit__, multiple managers, nesting.

class Catch:
    """Suppresses the listed exception types and remembers what happened."""

    def __init__(self, *types):
        self.types = types
        self.seen = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.seen = (exc_type.__name__ if exc_type else None, exc.args if exc else None)
        return exc_type is not None and issubclass(exc_type, self.types)

with Catch(ValueError) as c:
    int("nope")
print("after with", c.seen[0])

with Catch(ValueError) as c:
    pass
print("no exception", c.seen)

try:
    with Catch(ValueError) as c:
        raise KeyError("k")
except KeyError:
    print("KeyError passed through", c.seen)

# __exit__ returning a truthy non-bool also suppresses
class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return "yes"

with Truthy():
    raise RuntimeError
print("suppressed by truthy return")

# multiple managers in one with, the second's exception seen by the first
order = []
class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        order.append("enter " + self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        order.append("exit %s (%s)" % (self.name, et.__name__ if et else "-"))
        return self.suppress

with Tracer("outer", suppress=True) as a, Tracer("inner") as b:
    order.append("body %s %s" % (a, b))
    raise IndexError
print(order)

# exceptions from the body of a nested with unwind through both
order = []
try:
    with Tracer("one"):
        with Tracer("two"):
            raise ZeroDivisionError
except ZeroDivisionError:
    order.append("caught")
print(order)

# with inside a loop with continue and break
order = []
for i in range(3):
    with Tracer(str(i)):
        if i == 0:
            continue
        if i == 1:
            break
print(order)

# with in a function returning from inside the block
def get():
    with Tracer("ret"):
        return "value"

order = []
print(get(), order)

# with and generators: the manager wraps each yielded step
def producer():
    with Tracer("gen"):
        yield 1
        yield 2

order = []
print(list(producer()), order)

# a suppressed exception leaves the with variable bound
with Catch(ZeroDivisionError) as caught:
    x = 1 / 0
print(caught.seen[0], "x" in dir())

# a manager can be reused
cm = Catch(KeyError)
for key in ["a", "b"]:
    with cm:
        {}[key]
    print("suppressed", cm.seen[1])

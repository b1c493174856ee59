# exp: hand
# MicroPython's generator.pend_throw(exc): the next resumption throws exc in,
# whatever it sends; it returns the exception pending before, and None cancels.

def counter():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("counter caught", repr(e))
        i += 1

g = counter()
print(next(g))
print(g.pend_throw(ValueError("a")))
print(next(g))
print(g.pend_throw(ValueError("b")))
print(repr(g.pend_throw(ValueError("c"))))
print(repr(g.pend_throw(None)))
print(next(g))

# Unstarted: the exception comes straight out and the generator is finished.
g = counter()
g.pend_throw(OSError(5))
try:
    next(g)
except OSError as e:
    print("raised", repr(e))
try:
    next(g)
except StopIteration:
    print("finished")

# A send() or throw() is overridden by the pending exception.
g = counter()
next(g)
g.pend_throw(ValueError("instead"))
print(g.send(42))

# Not while running.
def selfish():
    h.pend_throw(ValueError())
    yield 1

h = selfish()
try:
    next(h)
except ValueError as e:
    print("ValueError", e)

# PEP 479: StopIteration escaping a generator becomes RuntimeError, with the
# StopIteration as its cause.
def uses_next():
    it = iter([1])
    yield next(it)
    yield next(it)

try:
    print(list(uses_next()))
except RuntimeError as e:
    print("RuntimeError", type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)

def raises_directly():
    yield 1
    raise StopIteration("early")

g = raises_directly()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", repr(e.__cause__.args))

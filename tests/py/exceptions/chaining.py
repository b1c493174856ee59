# Exception chaining: raise ... from, __cause__, __context__, __suppress_context__.

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise ValueError("unknown key " + key) from e

try:
    load("zz")
except ValueError as e:
    print(type(e).__name__, e.args, type(e.__cause__).__name__, e.__cause__.args)
    print(e.__suppress_context__, e.__context__ is e.__cause__)

# raise from None hides the context
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("clean") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

# implicit chaining sets __context__ only
try:
    try:
        [][0]
    except IndexError:
        raise KeyError("during handling")
except KeyError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

# a fresh exception has no cause or context
e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__)

# raise from an exception class
try:
    raise TypeError("t") from OSError
except TypeError as e:
    print(type(e.__cause__).__name__)

# chains can be walked
def walk(exc):
    names = []
    while exc is not None:
        names.append(type(exc).__name__)
        exc = exc.__cause__ or exc.__context__
    return names

try:
    try:
        try:
            raise KeyError("a")
        except KeyError as k:
            raise IndexError("b") from k
    except IndexError:
        raise ValueError("c")
except ValueError as e:
    print(walk(e))

# from must be an exception or None
try:
    raise ValueError("x") from 5
except TypeError:
    print("TypeError bad cause")

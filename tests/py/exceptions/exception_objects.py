# Exception objects: args, str(), attributes, and using exceptions as values.

e = ValueError("bad")
print(e.args, str(e), type(e).__name__)
e = ValueError()
print(e.args, repr(str(e)))
e = ValueError("a", "b", 3)
print(e.args, len(e.args))
e = KeyError("key")
print(e.args)
e = Exception(42)
print(e.args, str(e))
e = RuntimeError(None)
print(e.args, str(e))

# str() of an exception with one argument is str() of that argument
print(str(ValueError(3.5)), str(TypeError([1, 2])), str(IndexError("")), str(Exception("x y z")))

# args is a tuple and can be read after catching
try:
    raise OSError(2, "No such file")
except OSError as err:
    print(err.args, err.args[0], err.args[1])

# exceptions are ordinary objects: store, pass, compare
errors = []
for text in ["1", "x", "3", "y"]:
    try:
        int(text)
    except ValueError as err:
        errors.append(err)
print(len(errors), all(isinstance(x, ValueError) for x in errors))

def make_error(kind, *args):
    return kind(*args)

err = make_error(IndexError, "custom", 7)
print(type(err).__name__, err.args)
try:
    raise err
except IndexError as caught:
    print(caught is err)

# instances of exception subclasses can get arbitrary attributes
class Tagged(ValueError):
    pass

err = Tagged("tagged")
err.code = 404
try:
    raise err
except ValueError as caught:
    print(caught.code, caught.args)

# exception instances are not equal just because their args are
print(ValueError("a") == ValueError("a"), err == err)

# isinstance checks on caught exceptions
try:
    [].pop()
except Exception as caught:
    print(type(caught).__name__, isinstance(caught, LookupError), isinstance(caught, IndexError))

# SystemExit and StopIteration carry values
print(SystemExit(3).args, StopIteration(9).value)

# printing an exception in a formatted string
try:
    raise KeyError("missing")
except KeyError as caught:
    print(f"{type(caught).__name__}: {caught.args[0]}")

try:
    raise ValueError("simple message")
except ValueError as caught:
    print("Error: %s" % caught)
    print("Error: " + str(caught))
    print(f"Error: {caught}")

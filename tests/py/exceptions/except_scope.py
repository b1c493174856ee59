# Exception handlers and names: the `as` variable is cleared, shadowing, and handlers in loops.

e = "outer value"
try:
    raise ValueError("x")
except ValueError as e:
    print("in handler", type(e).__name__)
try:
    print(e)
except NameError:
    print("e was deleted by the handler")

# in a function the as-name is also removed
def f():
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
    try:
        err
    except NameError:
        print("err gone, saved kept:", type(saved).__name__)

f()

# the exception can be kept by assigning it to another name
keep = None
try:
    {}["k"]
except KeyError as exc:
    keep = exc
print(type(keep).__name__, keep.args)

# handlers inside loops, each iteration independent
results = []
for value in ["10", "x", "3.5", "7"]:
    try:
        results.append(int(value))
    except ValueError as problem:
        results.append(type(problem).__name__)
print(results)

# nested handlers with the same name
try:
    raise KeyError("outer")
except KeyError as e:
    try:
        raise IndexError("inner")
    except IndexError as e:
        print("inner", type(e).__name__)
    try:
        e
        print("e still bound")
    except NameError:
        print("inner handler unbound e")

# exception variable used in a closure inside the handler
def make_reporter():
    try:
        raise RuntimeError("captured")
    except RuntimeError as err:
        msg = str(err)
        return lambda: "report: " + msg

print(make_reporter()())

# handler that reassigns the name
try:
    raise ValueError("a")
except ValueError as v:
    v = "replaced"
    print(v)
print("v" in dir())

# try/except: matching by class, by base class, by tuple, `as` binding, and unmatched exceptions.

def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("abc")
    if kind == "attr":
        return None.nothing
    if kind == "name":
        return undefined_variable
    return "fine"

for kind in ["zero", "key", "index", "type", "value", "attr", "name", "ok"]:
    try:
        result = risky(kind)
        print(kind, "->", result)
    except ZeroDivisionError:
        print(kind, "-> ZeroDivisionError")
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup", type(e).__name__)
    except TypeError as e:
        print(kind, "-> TypeError", isinstance(e, Exception))
    except Exception as e:
        print(kind, "-> other", type(e).__name__)

# first matching clause wins, even if a later one is more specific
try:
    {}[1]
except LookupError:
    print("LookupError clause")
except KeyError:
    print("KeyError clause (never)")

# bare except catches everything
try:
    raise SystemError("sys")
except:
    print("bare except")

# the `as` name is unbound after the handler
try:
    raise ValueError("v")
except ValueError as err:
    print("inside", type(err).__name__)
try:
    err
except NameError:
    print("err unbound after except")

# unmatched exceptions propagate to outer handlers
def inner():
    try:
        raise KeyError("k")
    except ValueError:
        print("not this one")

try:
    inner()
except KeyError:
    print("outer caught KeyError")

# exception class from an expression
errors = (ValueError, TypeError)
try:
    int("x")
except errors:
    print("caught via tuple variable")

def pick():
    return IndexError

try:
    [1][5]
except pick():
    print("caught via call")

# raise with an instance and with a class
for exc in [ValueError, ValueError("with message")]:
    try:
        raise exc
    except ValueError as e:
        print("raised", e.args)

# catching BaseException subclasses that are not Exceptions
for exc in [KeyboardInterrupt, SystemExit, GeneratorExit]:
    try:
        raise exc
    except Exception:
        print("Exception caught", exc.__name__)
    except BaseException:
        print("BaseException caught", exc.__name__)

# Nested try statements: inner handlers, propagation, and handlers in finally.

def level3(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        print("  level3 handles zero")
        raise

def level2(x):
    try:
        return level3(x)
    except TypeError:
        print("  level2 handles type")
        return "type-fallback"

def level1(x):
    try:
        return level2(x)
    except ArithmeticError as e:
        print("  level1 handles", type(e).__name__)
        return "arith-fallback"
    finally:
        print("  level1 finally")

for v in [5, 0, "s"]:
    print(repr(v), "->", level1(v))

# try nested inside except
try:
    raise KeyError("first")
except KeyError:
    try:
        raise ValueError("second")
    except ValueError as e:
        print("inner handled", e)
    print("back in outer handler")

# try nested inside finally
log = []
try:
    try:
        log.append("body")
    finally:
        try:
            raise RuntimeError
        except RuntimeError:
            log.append("handled in finally")
except Exception:
    log.append("should not happen")
print(log)

# deeply nested finally blocks all run, innermost first
def deep():
    log = []
    try:
        try:
            try:
                raise IndexError
            finally:
                log.append(3)
        finally:
            log.append(2)
    except IndexError:
        log.append("caught")
    finally:
        log.append(1)
    return log

print(deep())

# exception from a nested loop inside try
def search(grid, target):
    try:
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == target:
                    raise StopIteration((r, c))
    except StopIteration as e:
        return e.args[0]
    return None

print(search([[1, 2], [3, 4]], 3), search([[1]], 9))

# same exception type at several levels
def outer():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise ValueError("replacement")
    except ValueError as e:
        return str(e)

print(outer())

# an exception that escapes everything except the outermost handler
def chain(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        chain(n - 1)
    finally:
        print("  unwinding", n)

try:
    chain(3)
except LookupError as e:
    print("caught", e)

# The builtin exception hierarchy as seen by except clauses.

pairs = [
    (KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError), (UnicodeError, ValueError), (NotImplementedError, RuntimeError),
    (IndentationError, SyntaxError), (ImportError, Exception), (StopIteration, Exception),
    (AssertionError, Exception), (AttributeError, Exception), (NameError, Exception), (TypeError, Exception),
    (MemoryError, Exception), (EOFError, Exception), (OSError, Exception), (Exception, BaseException),
    (KeyboardInterrupt, BaseException), (SystemExit, BaseException), (GeneratorExit, BaseException),
]
for sub, base in pairs:
    print(sub.__name__, "<", base.__name__, issubclass(sub, base))

print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(KeyError, IndexError), issubclass(ValueError, TypeError), issubclass(LookupError, KeyError))

# except with a base class catches each builtin subclass raised by real operations
def trigger(n):
    if n == 0:
        return {}["k"]
    if n == 1:
        return [1, 2][10]
    if n == 2:
        return "abc"[99]
    if n == 3:
        return 5 % 0
    if n == 4:
        return 2.0 / 0
    if n == 5:
        return open("/this/path/does/not/exist/at/all")

for n in range(6):
    try:
        trigger(n)
    except LookupError as e:
        print(n, "LookupError", type(e).__name__)
    except ArithmeticError as e:
        print(n, "ArithmeticError", type(e).__name__)
    except OSError as e:
        print(n, "OSError", isinstance(e, Exception))

# OSError carries errno
import errno
try:
    open("/this/path/does/not/exist/at/all")
except OSError as e:
    print(e.errno == errno.ENOENT, e.args[0] == errno.ENOENT)

# catching Exception does not catch SystemExit or KeyboardInterrupt
for exc in (SystemExit, KeyboardInterrupt):
    try:
        try:
            raise exc
        except Exception:
            print("wrongly caught", exc.__name__)
    except BaseException as e:
        print("escaped Exception handler:", type(e).__name__)

# every builtin exception accepts arguments
for cls in (ValueError, KeyError, OSError, RuntimeError, StopIteration, Exception):
    e = cls("a", 1)
    print(cls.__name__, e.args, isinstance(e, BaseException))

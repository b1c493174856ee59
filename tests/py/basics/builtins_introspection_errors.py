# builtins: compile, locals, vars, and the exception and warning classes that need a test of
# their own (hierarchy, raising and catching).
import errno

# compile: the three modes
code = compile("1 + 2 * 3", "<expr>", "eval")
print(eval(code))
code = compile("x = 5\ny = x * 2\n", "<block>", "exec")
ns = {}
exec(code, ns)
print(ns["x"], ns["y"])
exec(compile("print('single', 7)", "<single>", "single"))
try:
    compile("1 +", "<bad>", "exec")
except SyntaxError:
    print("SyntaxError")
try:
    compile("1", "<bad>", "nonsense")
except ValueError:
    print("ValueError for a bad mode")


# locals: a function's local names; at module level it is globals()
def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))
print(locals() is globals())


# vars: an object's __dict__, or locals() with no argument
class C:
    cls_attr = 1

    def __init__(self):
        self.a = 1
        self.b = "two"


o = C()
print(sorted(vars(o).items()))
vars(o)["c"] = 3
print(o.c)
print("cls_attr" in vars(C))


def g():
    z = 9
    return vars()


print(g())
try:
    vars(1)
except TypeError:
    print("TypeError for vars(1)")

# aliases of OSError
print(EnvironmentError is OSError, IOError is OSError)
try:
    raise IOError(errno.EIO, "io")
except EnvironmentError as e:
    print("caught", type(e).__name__, e.errno)

# OSError subclasses
for cls in (NotADirectoryError, PermissionError, TimeoutError):
    print(cls.__name__, issubclass(cls, OSError))
    try:
        raise cls("x")
    except OSError as e:
        print(" caught as OSError", type(e) is cls)
try:
    open("builtins_introspection_errors.py/inner")
except NotADirectoryError as e:
    print("NotADirectoryError", e.errno == errno.ENOTDIR)

# ModuleNotFoundError is an ImportError
print(issubclass(ModuleNotFoundError, ImportError))
try:
    raise ModuleNotFoundError("no module named 'x'")
except ImportError as e:
    print("caught", type(e).__name__, e)


# UnboundLocalError is a NameError
def h():
    print(v)
    v = 1


try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError", isinstance(e, NameError))

# StopAsyncIteration is an Exception, not a StopIteration
print(issubclass(StopAsyncIteration, Exception), issubclass(StopAsyncIteration, StopIteration))
try:
    raise StopAsyncIteration
except StopAsyncIteration:
    print("StopAsyncIteration")

# warnings: a class tree under Warning
for cls in (DeprecationWarning, RuntimeWarning, UserWarning):
    print(cls.__name__, issubclass(cls, Warning), issubclass(cls, Exception))
print(issubclass(Warning, Exception), Warning.__mro__[1] is Exception)
try:
    raise UserWarning("careful")
except Warning as w:
    print("caught", type(w).__name__, w.args)

# min and max need at least one argument
for f in (min, max):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

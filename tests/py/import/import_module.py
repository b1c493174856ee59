# `import module` from the script's directory: attributes, functions, classes, and module state.

print("before import")
import _greeting
print("after import")

print(_greeting.GREETING, _greeting.hello("world"), _greeting.Greeter("?").greet("you"))
print(_greeting.calls(), _greeting.counter)
print(_greeting.__name__, type(_greeting).__name__)

# module globals can be changed from outside and the module's functions see it
_greeting.GREETING = "hi"
print(_greeting.hello("again"), _greeting.calls())

# new attributes can be added
_greeting.extra = 42
print(_greeting.extra, hasattr(_greeting, "extra"), hasattr(_greeting, "missing"))
try:
    _greeting.missing
except AttributeError:
    print("AttributeError missing attribute")

# the module namespace
names = dir(_greeting)
print("hello" in names, "Greeter" in names, "_private" in names, "__name__" in names)

# importing a module binds only the module name
try:
    hello
except NameError:
    print("NameError: hello not imported into this namespace")

# module objects are shared through sys.modules
import sys
print(sys.modules["_greeting"] is _greeting, "_greeting" in sys.modules)

# getattr on a module
fn = getattr(_greeting, "hello")
print(fn("getattr"))

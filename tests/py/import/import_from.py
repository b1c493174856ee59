# `from module import names`, renaming, and missing names.

from _greeting import hello, Greeter as G, GREETING
print(hello("from"), G().greet("class"), GREETING)

# from-import copies the binding: rebinding the module global is not seen here
import _greeting
_greeting.GREETING = "changed"
print(GREETING, _greeting.GREETING, hello("x"))

# but mutations of shared objects are visible
from _greeting import counter
print(counter, _greeting.counter)

try:
    from _greeting import does_not_exist
except ImportError as e:
    print("ImportError", type(e).__name__ in ("ImportError",))

# importing several names on multiple lines
from _greeting import (
    hello as h2,
    calls,
)
print(h2("paren"), calls())

# from-import inside a function binds locally
def local_import():
    from _greeting import Greeter
    return Greeter("!!").greet("local")

print(local_import())
try:
    Greeter
except NameError:
    print("NameError: Greeter not global")

# `from module import *` with and without __all__.

before = set(globals())

from _stars_all import *
print(exported, _also_exported)
try:
    not_listed
except NameError:
    print("NameError not_listed (not in __all__)")

from _stars_plain import *
print(public_value, public_func(), PublicClass.__name__)
for name in ["_private_value", "_private_func"]:
    print(name, name in globals())

added = sorted(set(globals()) - before - {"before"})
print(added)

# star import inside a function is a syntax error
try:
    exec("def f():\n    from _stars_plain import *\n")
except SyntaxError:
    print("SyntaxError star import in function")

# a star import rebinds names that already exist
public_value = "overwritten soon"
from _stars_plain import *
print(public_value)

# star-imported functions still see their own module's globals
print(public_func(), PublicClass().__class__.__name__)

# A module is executed once, however many times and ways it is imported.

import _counted
import _counted
import _counted as again
from _counted import loads

def importer():
    import _counted
    return _counted

print(importer() is _counted, again is _counted, loads is _counted.loads, _counted.loads)

import sys
print("_counted" in sys.modules)

# __import__ and importing from sys.modules return the cached module
m = __import__("_counted")
print(m is _counted)

# removing it from sys.modules makes the next import execute it again
del sys.modules["_counted"]
import _counted as fresh
print(fresh is _counted, fresh.loads)

# module-level state is shared by every importer
import _counted as first_ref
first_ref.loads.append(2)
import _counted as second_ref
print(second_ref.loads, first_ref is second_ref)

# a module imported inside a loop still runs once
for _ in range(3):
    import _greeting
print(_greeting.counter)

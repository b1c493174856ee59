# Import details: a module's __getattr__ (PEP 562), `from x import *` of
# non-modules, __import__'s argument checks, and a submodule bound as an
# attribute of its package only when first imported.
import sys

import _lazy
print(_lazy.eager, _lazy.dynamic)
try:
    _lazy.missing
except AttributeError as e:
    print("AttributeError", e)
from _lazy import dynamic
print(dynamic)
print(repr(_lazy).startswith("<module '_lazy' from "))

ns = {}
exec("from _lazy import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
ns = {}
exec("from _lazy_noall import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))


class FakeModule:
    x = "class attr"
    _hidden = 1

sys.modules["_fake_cls"] = FakeModule
ns = {}
exec("from _fake_cls import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
sys.modules["_fake_int"] = 1
try:
    exec("from _fake_int import *", {})
except ImportError:
    print("ImportError")

for args in [("",), ("sys", None, None, None, -1), ("sys", "not a dict", None, None, 1), (1,)]:
    try:
        __import__(*args)
        print("imported")
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(__import__("sys", "not a dict").__name__)

import _pkgsub
print(_pkgsub.sub())
import _pkgsub.sub
print(_pkgsub.sub())
import _pkgsub.other
print(_pkgsub.other.OTHER)

# ImportError for missing modules and names; errors raised while a module executes.

try:
    import _no_such_module_anywhere
except ImportError as e:
    print("ImportError for missing module", isinstance(e, Exception))

try:
    import _shapes.no_such_submodule
except ImportError:
    print("ImportError for missing submodule")

try:
    from _greeting import no_such_name
except ImportError:
    print("ImportError for missing name")

# an exception inside the module propagates to the importer
try:
    import _broken
except ValueError as e:
    print("ValueError from module body:", e)

# the failed module is not left in sys.modules, so importing again re-runs it
import sys
print("_broken" in sys.modules)
try:
    import _broken
except ValueError:
    print("ValueError again")

# a missing module inside a try/except fallback, the common optional-dependency idiom
try:
    import _optional_fast_json as json_impl
except ImportError:
    json_impl = None
print("fallback used:", json_impl is None)

# ImportError can be caught by its base class
try:
    import _also_missing
except Exception as e:
    print("caught as Exception:", isinstance(e, ImportError))

# module names must be identifiers
try:
    exec("import 123abc")
except SyntaxError:
    print("SyntaxError bad module name")

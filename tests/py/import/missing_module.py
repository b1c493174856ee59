# Importing a module that doesn't exist raises ModuleNotFoundError, a subclass of
# ImportError, so either can catch it; the failed import binds nothing.
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", isinstance(e, ImportError))
try:
    from no_such_package_anywhere import thing
except ImportError as e:
    print(type(e).__name__)
print("no_such_module_anywhere" in globals())

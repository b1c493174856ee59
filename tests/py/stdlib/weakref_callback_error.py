# exp: hand
# An exception raised by a weak reference callback or a finalizer that runs after
# a collection goes no further: it is printed MicroPython's way ("Unhandled
# exception in weakref callback:" and a MicroPython traceback, on stderr, where
# CPython prints "Exception ignored in: ...") and the program goes on, with the
# other callbacks of the same collection. A finalizer that fails at exit prints
# its traceback as CPython's does.
import gc
import weakref


class A:
    pass


def failing(*args):
    raise ValueError("callback", len(args))


a = A()
r = weakref.ref(a, failing)
a = None
gc.collect()
print("after the ref's callback")

b = A()
weakref.finalize(b, failing, 1, 2)
weakref.finalize(b, print, "the other finalizer still runs")
b = None
gc.collect()
print("after the finalizer")

c = A()
r = weakref.ref(c, 42)
c = None
gc.collect()
print("after a callback that can't be called")

d = A()
weakref.finalize(d, lambda: [][1])
print("end")

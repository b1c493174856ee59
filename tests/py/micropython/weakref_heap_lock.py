# exp: hand
# Weak reference callbacks are Python code, which may allocate: a collection made
# while the heap is locked clears the references at once but holds their
# callbacks back until micropython.heap_unlock(), after which they run at the
# next check (a loop's back edge here) or collection.
import gc
import micropython
import weakref


class A:
    pass


log = []
cleared = waiting = None
a = A()
r = weakref.ref(a, lambda ref: log.append("callback"))
a = None
micropython.heap_lock()
gc.collect()
cleared = r() is None
waiting = len(log)
micropython.heap_unlock()
print(cleared, waiting)
for i in range(2):
    pass
print(log)

# Nested locks: nothing runs until the last unlock. (The names are bound before
# the heap is locked: a new global may need room in the module's dict.)
still_waiting = alive = None
b = A()
f = weakref.finalize(b, log.append, "finalizer")
b = None
micropython.heap_lock()
micropython.heap_lock()
gc.collect()
micropython.heap_unlock()
for i in range(2):
    pass
still_waiting = len(log)
alive = f.alive
micropython.heap_unlock()
print(still_waiting, alive)
gc.collect()
print(log)

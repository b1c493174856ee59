# exp: hand
# gc and micropython heap controls: collect, mem_free/mem_alloc, heap_lock/heap_unlock.

import gc
import micropython

gc.collect()
free = gc.mem_free()
alloc = gc.mem_alloc()
print(type(free).__name__, type(alloc).__name__, free > 0, alloc > 0)

# allocating a large buffer increases mem_alloc; freeing and collecting gives it back
gc.collect()
before = gc.mem_alloc()
buf = bytearray(20000)
during = gc.mem_alloc()
print(during - before >= 20000)
buf = None
gc.collect()
print(gc.mem_alloc() < during)

# with the heap locked, allocation raises MemoryError
result = "none"
micropython.heap_lock()
try:
    big = [0] * 1000
    result = "allocated"
except MemoryError:
    result = "MemoryError"
depth = micropython.heap_unlock()
print(result, depth)

# locks nest: heap_unlock returns the remaining depth
micropython.heap_lock()
micropython.heap_lock()
d1 = micropython.heap_unlock()
d2 = micropython.heap_unlock()
print(d1, d2)

# allocation works again after unlocking
after = [1] * 50
print(len(after))

# pre-allocated buffers can be written while the heap is locked (the loop
# variable is created first: adding a new global may grow the module's dict)
prealloc = bytearray(16)
i = 0
micropython.heap_lock()
for i in range(16):
    prealloc[i] = i * 3
micropython.heap_unlock()
print(sum(prealloc))

# gc can be disabled and re-enabled
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

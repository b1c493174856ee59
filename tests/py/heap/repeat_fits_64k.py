# args: -X heapsize=64K
# exp: hand
# Repetition on a small fixed heap: a result that fits is made (its bytes are counted
# once, not once when checked and again when allocated), one that doesn't is a
# MemoryError that leaves the heap as it was. (Each step runs in its own function,
# so that nothing it made stays reachable from a stack slot afterwards.)

import gc


def step(f):
    gc.collect()
    try:
        print(f())
    except MemoryError:
        print("MemoryError")


step(lambda: len("x" * 40000))
step(lambda: len("x" * 40000 * 2))
step(lambda: len(b"ab" * 20000))
step(lambda: len([None] * 6000))
step(lambda: len([None, None] * 6000))
step(lambda: len((1, 2) * 3000))


def inplace():
    ba = bytearray(b"z")
    ba *= 40000
    return len(ba)


step(inplace)


def inplace_list():
    l = [1, 2]
    l *= 3000
    return len(l)


step(inplace_list)
gc.collect()
print(gc.mem_free() > 50000)

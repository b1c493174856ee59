# args: -X heapsize=512K
# exp: hand
# Fill a fixed heap with one long chain of lists until MemoryError, then unlink the
# chain without allocating anything. What was unlinked is garbage though nothing was
# allocated since the last collection: the next allocation that finds the heap full
# must collect and succeed (MicroPython collects when an allocation fails). Neither
# loop may collect at every step once the heap is nearly full of live data.

import gc


out = [None, 0]


def fill():
    # Nothing may be allocated once MemoryError is caught: the results go into a
    # list made beforehand.
    lst = []
    n = 0
    while True:
        try:
            lst = [lst]
            n += 1
        except MemoryError:
            out[0] = lst
            out[1] = n
            return


def unlink(lst):
    while lst:
        lst[0], lst = None, lst[0]


def f():
    pass


def main():
    fill()
    lst, n = out
    out[0] = None
    print("filled:", n > 5000)
    # An exception raised with the heap full still arrives (from the emergency pool).
    try:
        f(some_keyword_argument_that_f_does_not_take=1)
    except TypeError as e:
        err = e
    print(type(err).__name__)
    unlink(lst)
    lst = None
    # Big allocations right away, with no collection in between.
    s = repr(err) * 10
    b = bytes(100000)
    print(len(s) > 0, len(b))
    b = None
    # And the heap holds as much as before.
    fill()
    lst, m = out
    out[0] = None
    unlink(lst)
    lst = None
    print("refilled:", m > n - n // 20)


main()
main()
gc.collect()
print("free again:", gc.mem_free() > 450000)

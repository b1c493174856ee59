# exp: hand
# micropython: the functions heap_control.py and opt_level.py leave out: heap_locked,
# alloc_emergency_exception_buf, kbd_intr, schedule, stack_use, mem_total/mem_current/mem_peak,
# the bytecode decorator, and mem_info/qstr_info (their output is checked in a child krait run
# from the shell, since the figures vary).
import micropython
import os

# heap_locked: the lock depth
print(micropython.heap_locked())
micropython.heap_lock()
micropython.heap_lock()
d = micropython.heap_locked()
micropython.heap_unlock()
micropython.heap_unlock()
print(d, micropython.heap_locked())

# alloc_emergency_exception_buf takes a size
print(micropython.alloc_emergency_exception_buf(100))
try:
    micropython.alloc_emergency_exception_buf("big")
except TypeError:
    print("TypeError")

# kbd_intr takes the interrupt character (-1 turns it off)
print(micropython.kbd_intr(3), micropython.kbd_intr(-1))
try:
    micropython.kbd_intr("x")
except TypeError:
    print("TypeError")

# schedule: the callback runs soon, with its argument
got = []
micropython.schedule(got.append, 42)
for _ in range(3):
    pass
print(got)

# stack_use grows with call depth
def deep(n):
    if n == 0:
        return micropython.stack_use()
    return deep(n - 1)


top = micropython.stack_use()
print(type(top).__name__, top >= 0, deep(20) > top)

# mem_total/mem_current/mem_peak: bytes allocated in all, in use now, and at most in use
t0, c0, p0 = micropython.mem_total(), micropython.mem_current(), micropython.mem_peak()
print(type(t0).__name__, c0 <= p0)
big = bytearray(100000)
print(micropython.mem_total() - t0 >= 100000, micropython.mem_peak() >= micropython.mem_current())
big = None


# the bytecode decorator keeps a function as it is
@micropython.bytecode
def add(a, b):
    return a + b


print(add(2, 3), add.__name__)

# mem_info and qstr_info print to stdout; run them in a child krait (the shell's parent is
# this process) and check the shape of what they print
base = "_micropython_module_tmp"
os.mkdir(base)
out = base + "/out.txt"
try:
    cmd = "import micropython; micropython.mem_info(); micropython.qstr_info()"
    status = os.system("/proc/$PPID/exe -c '" + cmd + "' > " + out)
    print("status", status)
    with open(out) as f:
        lines = f.read().splitlines()
    for line in lines:
        # replace every number by N
        shape = ""
        in_num = False
        for ch in line:
            if ch.isdigit():
                if not in_num:
                    shape += "N"
                in_num = True
            else:
                shape += ch
                in_num = False
        print(shape)
    status = os.system("/proc/$PPID/exe -c 'import micropython; micropython.mem_info(1)' > " + out)
    with open(out) as f:
        verbose = f.read().splitlines()
    print("status", status, "verbose is longer", len(verbose) > 4, verbose[0].startswith("mem: total="))
finally:
    os.remove(out)
    os.rmdir(base)

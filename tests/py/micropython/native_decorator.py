# exp: hand
# @micropython.native functions: same results as bytecode for loops, calls, closures-free code,
# exceptions, and objects. (Until the native emitter lands, these run as bytecode.)

import micropython


@micropython.native
def add(a, b):
    return a + b


@micropython.native
def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


@micropython.native
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@micropython.native
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None


@micropython.native
def build(n):
    out = []
    for i in range(n):
        out.append(str(i))
    return ",".join(out)


@micropython.native
def count_bytes(data, value):
    c = 0
    for b in data:
        if b == value:
            c += 1
    return c


class Acc:
    def __init__(self):
        self.total = 0

    @micropython.native
    def feed(self, values):
        for v in values:
            self.total += v
        return self.total


print(add(2, 3), add("a", "b"), add(2 ** 62, 2 ** 62))
print(sum_squares(100), sum_squares(0))
print(collatz_len(27), collatz_len(1))
print(safe_div(7, 2), safe_div(1, 0))
print(build(5))
print(count_bytes(b"banana", ord("a")), count_bytes(bytearray(10), 0))
acc = Acc()
print(acc.feed([1, 2, 3]), acc.feed(range(10)))

# native functions are ordinary callables
print(callable(add), list(map(add, [1, 2], [10, 20])))

# exceptions raised inside native code propagate normally
@micropython.native
def fail(x):
    return x[10]


try:
    fail([1, 2])
except IndexError:
    print("IndexError from native code")

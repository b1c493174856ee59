# Generators and closures: a pipeline of generator functions (source, filter,
# map, pairwise window, chunking, yield from), generator expressions consumed by
# sum/max, a generator driven with send(), and closures used as counters and
# composed functions (nonlocal state in cells).
import sys


def numbers(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 75 + 74) % 65537
        yield x


def keep(pred, it):
    for v in it:
        if pred(v):
            yield v


def apply(f, it):
    for v in it:
        yield f(v)


def pairwise(it):
    prev = None
    first = True
    for v in it:
        if not first:
            yield prev, v
        prev = v
        first = False


def chunks(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(chunked):
    for c in chunked:
        yield from c


def make_counter():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def averager():
    total = 0
    n = 0
    avg = None
    while True:
        v = yield avg
        total += v
        n += 1
        avg = total // n


def main(n):
    calls = make_counter()

    def odd(v):
        calls()
        return v & 1

    scale = compose(lambda v: v * 3, lambda v: v + 1)
    pipeline = pairwise(apply(scale, keep(odd, numbers(n, 7))))
    diffs = apply(lambda p: p[1] - p[0], pipeline)
    total = 0
    big = 0
    for chunk in chunks(diffs, 16):
        total += sum(chunk)
        m = max(chunk)
        if m > big:
            big = m
    evens = sum(v for v in numbers(n // 2, 3) if v % 2 == 0)
    squares = sum(x * x for x in flatten(chunks(range(n // 2), 7)))
    avg = averager()
    next(avg)
    last = 0
    for v in numbers(n // 4, 11):
        last = avg.send(v)
    counters = [make_counter() for _ in range(10)]
    for i in range(n // 4):
        counters[i % 10](i & 7)
    print("generators", n, total, big, evens, squares, last, calls(0), sum(c(0) for c in counters))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 500000)

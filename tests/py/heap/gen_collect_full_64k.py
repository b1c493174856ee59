# args: -X heapsize=64K
# exp: hand
# list(g) over a generator that yields more than a 64 KB heap holds: MemoryError
# in the consumer, with the generator suspended after the value it had yielded,
# so it can be resumed once memory is free again.

log = []


def numbers():
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        log.append("finally")


g = numbers()
try:
    list(g)
except MemoryError:
    print("MemoryError")
print(log)
n = next(g)
print(n > 1000, [next(g) - n for _ in range(3)])
g.close()
print(log)


def delegating():
    yield from numbers()


g = delegating()
try:
    tuple(g)
except MemoryError:
    print("MemoryError")
n = next(g)
print(n > 1000, next(g) - n)
g.close()
print(log)

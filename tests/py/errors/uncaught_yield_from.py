# exp: hand
# exit: 1
# An exception raised at the bottom of a `yield from` chain, after values have
# passed through it, shows every level's frame in the traceback.


def source(items):
    for item in items:
        yield 10 // item


def relay(depth, items):
    if depth == 0:
        yield from source(items)
    else:
        yield from relay(depth - 1, items)


total = 0
for v in relay(3, [1, 2, 5, 0]):
    total += v
    print(total)

# The StopIteration that ends an iterator wrapped by enumerate/map/zip/filter
# reaches next() with its value; a for loop just ends.

class A:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


def gen(x):
    return x
    yield


def stop_args(make):
    try:
        next(make())
        print("no StopIteration")
    except StopIteration as e:
        print(e.args)

stop_args(lambda: A())
stop_args(lambda: enumerate(A()))
stop_args(lambda: map(lambda x: x, A()))
stop_args(lambda: zip(A()))
stop_args(lambda: filter(None, A()))
stop_args(lambda: enumerate(gen(7)))
stop_args(lambda: enumerate(gen(None)))
stop_args(lambda: zip([1], A()))
stop_args(lambda: map(lambda x: next(iter([])), [1]))

for x in enumerate(A()):
    print("never")
print(list(map(lambda x: x, A())), list(zip(A(), [1])))
# A function raising StopIteration ends a map in a loop, as in CPython.
print(list(map(lambda x: next(iter([])) if x > 1 else x, [0, 1, 2, 3])))

# zip asks its iterators again on every next().
class Revive:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2 or self.n > 3:
            raise StopIteration
        return self.n

z = zip(Revive())
print(list(z), list(z))

# Generators as methods: __iter__ written as a generator, generator methods using self.

class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()

    def depth_first(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.depth_first(depth + 1)

t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6)])])
print(list(t))
print(list(t.leaves()))
for depth, value in t.depth_first():
    print("  " * depth + str(value))
print(sum(t), max(t), 5 in t, 7 in t)

# iterating twice creates two independent generators
class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

r = Range2(3)
print(list(r), list(r), [(a, b) for a in r for b in r if a < b])

# generator method sees changes to the instance while suspended
class Buffer:
    def __init__(self):
        self.items = []

    def drain(self):
        while self.items:
            yield self.items.pop(0)

b = Buffer()
b.items.extend([1, 2])
d = b.drain()
print(next(d))
b.items.append(3)
print(list(d))

# static and class method generators
class Gen:
    @staticmethod
    def evens(n):
        for i in range(0, n, 2):
            yield i

    @classmethod
    def named(cls):
        yield cls.__name__
        yield "done"

print(list(Gen.evens(7)), list(Gen.named()), list(Gen().evens(3)))

# a generator closure over a method's local
class Counter:
    def __init__(self, start):
        self.start = start

    def make(self):
        step = 10
        def gen():
            v = self.start
            for _ in range(3):
                yield v
                v += step
        return gen()

print(list(Counter(5).make()))

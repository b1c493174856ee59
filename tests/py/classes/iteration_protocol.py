# __iter__ and __next__: custom iterators, iterables, and the for-loop protocol.

class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
c = Countdown(3)
for v in c:
    print("tick", v)
print(list(c))  # an iterator is consumed once

# an iterable returning fresh iterators each time
class Span:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __iter__(self):
        return SpanIter(self.lo, self.hi)

class SpanIter:
    def __init__(self, lo, hi):
        self.i, self.hi = lo, hi

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.hi:
            raise StopIteration
        self.i += 1
        return self.i - 1

s = Span(2, 5)
print(list(s), list(s), sum(s), max(s), 3 in s, 9 in s)
print([(a, b) for a in s for b in s if a + b == 7])
print(dict(zip(s, "abc")), sorted(s, reverse=True), tuple(s))
a, b, c = s
print(a, b, c)

# iter() and next() builtins on custom objects
it = iter(Span(0, 2))
print(next(it), next(it), next(it, "end"))

# __getitem__-based iteration (the old sequence protocol)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i

print(list(Squares()), 16 in Squares(), 15 in Squares())
for i, v in enumerate(Squares()):
    if i == 2:
        print("third square", v)

# non-iterables
class NotIterable:
    pass

try:
    iter(NotIterable())
except TypeError:
    print("TypeError not iterable")
try:
    for _ in 42:
        pass
except TypeError:
    print("TypeError int")

# __iter__ returning a non-iterator
class BadIter:
    def __iter__(self):
        return 5

try:
    iter(BadIter())
except TypeError:
    print("TypeError bad __iter__")

# next() on something that isn't an iterator
try:
    next([1, 2])
except TypeError:
    print("TypeError next on list")

# infinite iterator with early stop
class Naturals:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

total = 0
for v in Naturals():
    total += v
    if v == 100:
        break
print(total)

# iterator used by unpacking, star-args and joins
words = Span(0, 3)
print(*words, sep=",")
print("-".join(str(w) for w in words), list(words) + list(words))

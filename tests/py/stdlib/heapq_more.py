# heapq: heapreplace, heappushpop, nlargest/nsmallest (with key, stable),
# merge (key, reverse, lazy), user-defined ordering, and errors.

import heapq

h = [5, 3, 8, 1]
heapq.heapify(h)
print(h, heapq.heapreplace(h, 10), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 6), h)
print(heapq.heappushpop([], 3))

data = [7, 1, 9, 3, 3, 8, 2, 9, 0]
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(0, data), heapq.nsmallest(20, data))
print(heapq.nlargest(2, iter(data)), heapq.nsmallest(-1, data), heapq.nlargest(1, []))
words = ["pear", "fig", "banana", "kiwi", "apple", "plum"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len), heapq.nsmallest(2, words, key=None))

print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 5])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge([9, 4, 1], [10, 3, 2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0])))


def gen(start):
    n = start
    while True:
        yield n
        n += 3


m = heapq.merge(gen(0), gen(1), gen(2))
print([next(m) for _ in range(10)])


class Task:
    def __init__(self, pri, name):
        self.pri = pri
        self.name = name

    def __lt__(self, other):
        return self.pri < other.pri

    def __repr__(self):
        return self.name


tasks = []
for p, n in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    heapq.heappush(tasks, Task(p, n))
print([heapq.heappop(tasks) for _ in range(4)])

h = []
for x in [5.5, 2.25, 9.0, -1.5]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(4)])

for call in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
             lambda: heapq.heapify("abc"), lambda: heapq.heappush([1, "a"], 2)]:
    try:
        call()
    except (IndexError, TypeError) as e:
        print(type(e).__name__)

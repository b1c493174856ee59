# random with a seed: only properties are checked (ranges, types, reproducibility), never values.

import random

random.seed(42)
first = [random.getrandbits(16) for _ in range(5)]
random.seed(42)
second = [random.getrandbits(16) for _ in range(5)]
print(first == second, all(0 <= v < 2 ** 16 for v in first))

vals = [random.random() for _ in range(1000)]
print(all(0.0 <= v < 1.0 for v in vals), type(vals[0]).__name__, len(set(vals)) > 900)

ints = [random.randint(3, 7) for _ in range(1000)]
print(min(ints) == 3, max(ints) == 7, sorted(set(ints)))

rr = [random.randrange(10) for _ in range(500)]
print(all(0 <= v < 10 for v in rr), len(set(rr)) == 10)
rr = [random.randrange(5, 50, 5) for _ in range(500)]
print(all(v % 5 == 0 and 5 <= v < 50 for v in rr))

items = ["a", "b", "c", "d"]
picks = [random.choice(items) for _ in range(200)]
print(all(p in items for p in picks), sorted(set(picks)) == items)

u = [random.uniform(-2.0, 3.0) for _ in range(500)]
print(all(-2.0 <= v <= 3.0 for v in u))

bits = [random.getrandbits(1) for _ in range(200)]
print(sorted(set(bits)))

# different seeds give (almost certainly) different streams
random.seed(1)
a = [random.getrandbits(32) for _ in range(4)]
random.seed(2)
b = [random.getrandbits(32) for _ in range(4)]
print(a != b)

# shuffle-free sampling without replacement built on randrange
pool = list(range(20))
picked = []
while len(picked) < 5:
    picked.append(pool.pop(random.randrange(len(pool))))
print(len(set(picked)) == 5, all(0 <= p < 20 for p in picked))

try:
    random.randrange(0)
except ValueError:
    print("ValueError empty range")
try:
    random.choice([])
except IndexError:
    print("IndexError empty sequence")

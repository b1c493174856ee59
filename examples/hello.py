# A small tour of krait: run it with `cargo run --release -- examples/hello.py`.
import sys
from micropython import const

N_PRIMES = const(10)


def primes():
    """Yield the primes, forever."""
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def most_common(self, k):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


print("hello from", sys.implementation.name, "dialect, running on krait")
gen = primes()
print("first primes:", [next(gen) for _ in range(N_PRIMES)])
c = Counter()
for w in "the quick brown fox jumps over the lazy dog the end".split():
    c.add(w)
print("most common:", c.most_common(2))
print(f"2**100 = {2**100}, 1/3 = {1/3:.6f}")
try:
    {}["missing"]
except KeyError as e:
    print("caught KeyError:", e)

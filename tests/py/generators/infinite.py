# Infinite generators consumed partially with break, zip, and islice-like helpers.

def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def take(n, iterable):
    out = []
    if n <= 0:
        return out
    for item in iterable:
        out.append(item)
        if len(out) >= n:
            break
    return out

print(take(5, naturals()), take(3, naturals(10)), take(0, naturals()))

# zip stops at the shortest input
print(list(zip("abc", naturals(1))))
print(dict(zip(naturals(), ["x", "y"])))

# filtering an infinite stream
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(take(15, primes()))

# generators pulling from other infinite generators
def squares_of(gen):
    for v in gen:
        yield v * v

def where(pred, gen):
    for v in gen:
        if pred(v):
            yield v

print(take(6, where(lambda v: v % 2 == 1, squares_of(naturals()))))

# cycling through a finite sequence forever
def cycle(seq):
    while True:
        for item in seq:
            yield item

print(take(7, cycle("ab")))
print(["".join(take(3, cycle(w))) for w in ["x", "yz"]])

# break in a for loop leaves the generator suspended; it can resume
nat = naturals()
for v in nat:
    if v == 3:
        break
print("resumed at", next(nat))

# enumerate over an infinite generator
for i, sq in enumerate(squares_of(naturals(5))):
    if i == 3:
        print("fourth square from 5 is", sq)
        break

# collatz sequence as a generator that stops
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1

print(list(collatz(6)), len(list(collatz(97))))

# random-looking but deterministic stream (linear congruential)
def lcg(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2 ** 31
        yield state % 100

print(take(8, lcg(42)))

# random: every function's ranges, types and reproducibility under seed();
# no random value is printed, only properties of the values.

import random

for s in [0, 1, -1, 2 ** 100, 3.5, "text", b"bytes", bytearray(b"ba")]:
    random.seed(s)
    a = [random.random() for _ in range(3)]
    random.seed(s)
    print(type(s).__name__, a == [random.random() for _ in range(3)])
random.seed()
random.seed(None)
print(random.seed(5))

random.seed(123)
print(all(0 <= random.getrandbits(k) < 2 ** k for k in [1, 7, 32, 53, 64, 65, 100, 1000] for _ in range(20)))
print(random.getrandbits(0), len(set(random.getrandbits(64) for _ in range(100))) > 95, random.getrandbits(200).bit_length() <= 200)
print(max(random.getrandbits(130) for _ in range(50)).bit_length() > 100)

print(all(0 <= random.randrange(7) < 7 for _ in range(300)), sorted(set(random.randrange(7) for _ in range(500))))
print(sorted(set(random.randrange(-3, 3) for _ in range(500))), sorted(set(random.randrange(10, 0, -3) for _ in range(300))))
print(sorted(set(random.randrange(1, 10, 4) for _ in range(300))), set(random.randrange(5, 6) for _ in range(20)))
big = random.randrange(10 ** 30, 10 ** 30 + 5)
print(10 ** 30 <= big < 10 ** 30 + 5, 0 <= random.randrange(2 ** 80) < 2 ** 80, random.randrange(-(2 ** 70), -(2 ** 70) + 1) == -(2 ** 70))
print(sorted(set(random.randint(-2, 2) for _ in range(300))), random.randint(4, 4), type(random.randint(0, 10 ** 20)).__name__)

f = [random.random() for _ in range(2000)]
print(all(0.0 <= x < 1.0 for x in f), 0.4 < sum(f) / len(f) < 0.6, len(set(f)) == 2000)
u = [random.uniform(2, -3) for _ in range(300)]
print(all(-3 <= x <= 2 for x in u), type(u[0]).__name__)
t = [random.triangular(0, 10, 9) for _ in range(500)]
print(all(0 <= x <= 10 for x in t), sum(t) / 500 > 5, random.triangular(2, 2, 2))
g = [random.gauss(10, 2) for _ in range(3000)]
print(9.5 < sum(g) / len(g) < 10.5, all(isinstance(x, float) for x in g))
n = [random.normalvariate(0, 1) for _ in range(3000)]
print(-0.2 < sum(n) / len(n) < 0.2, random.normalvariate(mu=5, sigma=0) == 5.0)
e = [random.expovariate(2) for _ in range(3000)]
print(all(x >= 0 for x in e), 0.4 < sum(e) / len(e) < 0.6)
rb = random.randbytes(33)
print(type(rb).__name__, len(rb), random.randbytes(0))

seq = ["a", "b", "c", "d", "e"]
print(sorted(set(random.choice(seq) for _ in range(300))), random.choice("xyz") in "xyz", random.choice((7,)), random.choice(range(5, 6)))
c = random.choices(seq, k=200)
print(len(c), set(c) <= set(seq), random.choices(seq) [0] in seq, random.choices(seq, k=0))
w = random.choices(["x", "y", "z"], weights=[0, 1, 0], k=30)
cw = random.choices(["x", "y", "z"], cum_weights=[1, 1, 1], k=30)
print(set(w), set(cw), len(random.choices(range(3), [1, 2, 3], k=5)))
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s), sorted(random.sample(seq, 5)) == seq, random.sample(seq, 0))
print(sorted(random.sample(["r", "g"], k=4, counts=[2, 2])))
lst = list(range(50))
random.shuffle(lst)
print(sorted(lst) == list(range(50)), lst != list(range(50)))
one = [1]
random.shuffle(one)
random.shuffle([])
print(one)

for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
             lambda: random.randrange(10, 1, 1), lambda: random.randint(3, 2), lambda: random.choice([]),
             lambda: random.choices([], k=1), lambda: random.getrandbits(-1), lambda: random.sample(range(3), 4),
             lambda: random.sample({1, 2}, 1), lambda: random.choices([1, 2], weights=[1], k=1),
             lambda: random.choices([1], weights=[0], k=1), lambda: random.seed([1]), lambda: random.randbytes(-1)]:
    try:
        call()
        print("no error")
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)

# While loops: counters, sentinels, and algorithms.

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 20))

def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([collatz_steps(n) for n in range(1, 12)], collatz_steps(27))

def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

print(isqrt(10 ** 20), isqrt(99), isqrt(2 ** 101))

# binary search
def bsearch(a, v):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo

data = list(range(0, 100, 3))
print(bsearch(data, 27), bsearch(data, 28), bsearch(data, -1), bsearch(data, 1000))

# digits of a number, most significant first
def digits(n):
    out = []
    while True:
        n, d = divmod(n, 10)
        out.append(d)
        if n == 0:
            break
    return out[::-1]

print(digits(0), digits(907), digits(2 ** 70))

# while with a sentinel from an iterator
it = iter([3, 1, 4, 1, 5, 9, 0, 2, 6])
seen = []
while (v := next(it)) != 0:
    seen.append(v)
print(seen, list(it))

# while with else and a break-on-condition
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("else ran with n =", n)

# a loop condition reevaluated every iteration
items = [5, 4, 3]
while len(items) < 6:
    items.append(items[-1] - 1)
print(items)

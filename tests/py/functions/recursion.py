# Recursive functions: direct, mutual, with memoisation and accumulators.

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print([fact(i) for i in range(10)], fact(30))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

memo = {}
def fib_memo(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = r
    return r

print(fib_memo(90))

# mutual recursion
def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(7))

# recursion over nested data
def depth(x):
    if isinstance(x, list):
        return 1 + max([depth(i) for i in x] or [0])
    return 0

print(depth([]), depth([1, [2, [3, [4]]]]), depth(5))

def total(x):
    return sum(total(i) for i in x) if isinstance(x, (list, tuple)) else x

print(total([1, [2, 3], (4, [5, [6]])]))

# permutations and subsets
def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, v in enumerate(items):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([v] + p)
    return out

print(perms([1, 2, 3]))

def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]

print(sorted(subsets([1, 2, 3])))

# Ackermann (small) and towers of Hanoi
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

print(ack(2, 3), ack(3, 3))

moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append(a + c)
        hanoi(n - 1, b, a, c)

hanoi(4, "A", "B", "C")
print(len(moves), moves[:5])

# moderately deep recursion works
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)

print(count_down(150))

# recursive closure
def make():
    def walk(n):
        return [] if n == 0 else [n] + walk(n - 1)
    return walk

print(make()(5))

# Reducing builtins: min, max, sum, any, all, len, sorted with keys and defaults.

vals = [3, -7, 12, 0, 5]
print(min(vals), max(vals), sum(vals), sum(vals, 100), len(vals))
print(min(3, 1, 2), max("apple", "pear", "fig"), max("hello"), min([[3], [1, 9], [1, 2]]))
print(min(vals, key=abs), max(vals, key=lambda v: -v), max(["aa", "b", "ccc"], key=len), min("bca", key=ord))
print(min([], default="empty"), max([], default=None), max([1], default=0), min((x for x in []), default=-1))
try:
    min([])
except ValueError:
    print("ValueError min empty")
try:
    max()
except TypeError:
    print("TypeError max no args")

# ties: first one wins
print(max([(1, "a"), (1, "b")], key=lambda p: p[0]), min(["bb", "aa", "c"], key=len))

# sum with floats, start values, and non-numbers
print(sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([], 10), sum(range(101)), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
try:
    sum(["a", "b"])
except TypeError:
    print("TypeError sum strings")
try:
    sum([1, "a"])
except TypeError:
    print("TypeError sum mixed")

# any/all short-circuit
seen = []
def check(v):
    seen.append(v)
    return v > 2

print(any(check(v) for v in [1, 5, 7]), seen)
seen.clear()
print(all(check(v) for v in [5, 1, 7]), seen)
print(any([]), all([]), any([0, 0.0, ""]), all([1, "x", [0]]), any(iter([None, 1])))

# len on all builtin containers
print(len(""), len("abc"), len(b"\x00"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(0, 10, 3)), len(bytearray(5)))
try:
    len(5)
except TypeError:
    print("TypeError len int")
try:
    len(x for x in [])
except TypeError:
    print("TypeError len generator")

# max/min with mixed numeric types and big ints
print(max(1, 2.5, -3), min(2 ** 70, 10 ** 20), max([True, 2, 1.5]))

# min/max of strings compare by code point
print(min("Zebra", "apple"), max(["Zebra", "apple", "Apple"]))

# abs, round, divmod, pow on builtin numbers
print(abs(-3), abs(-2.5), abs(3 + 4j), round(3.14159, 2), round(-0.5), round(1234, -2), divmod(17, 5), divmod(-17, 5), pow(2, 8), pow(2, 8, 10))

# Generator expressions: laziness, scoping, single-use, and consumers.

squares = (x * x for x in range(5))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))

# consumed by builtins
print(sum(x for x in range(10)), max(len(w) for w in ["a", "bbb", "cc"]), min(-x for x in [1, 5, 3]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]))
print(sorted(c for c in "banana"), tuple(x % 3 for x in range(6)), set(x % 3 for x in range(6)))
print(dict((k, len(k)) for k in ["one", "three"]), "".join(c.upper() for c in "abc"))

# filters and nested loops
print(list((x, y) for x in range(3) for y in range(3) if x != y if x + y < 3))

# the outermost iterable is evaluated immediately; the rest lazily
def source():
    print("source evaluated")
    return [1, 2, 3]

gen = (x * 10 for x in source())
print("after creation")
print(list(gen))

# errors in the body surface when the item is produced
gen = (10 // x for x in [2, 1, 0, 5])
print(next(gen), next(gen))
try:
    next(gen)
except ZeroDivisionError:
    print("ZeroDivisionError on third item")
print(list(gen))

# errors evaluating the outermost iterable happen at creation
try:
    gen = (x for x in 42)
except TypeError:
    print("TypeError at creation")

# generator expressions capture variables lazily (except the first iterable)
n = 1
gen = (x * n for x in range(3))
n = 100
print(list(gen))

# nested generator expressions
matrix = [[1, 2], [3, 4], [5, 6]]
flat = (v for row in matrix for v in row)
print(list(flat))
row_sums = (sum(v for v in row) for row in matrix)
print(list(row_sums))

# a generator expression inside a function refers to function locals
def evens_upto(limit):
    step = 2
    return list(i for i in range(0, limit, step))

print(evens_upto(9))

# in a class body, the first iterable can use class names
class Config:
    names = ["a", "b"]
    upper = list(n.upper() for n in names)

print(Config.upper)

# List, set, dict comprehensions and generator expressions: scoping and nesting.

print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x % 4 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sum(x for x in range(101)))
print(list(c.upper() for c in "hey"))

# the loop variable does not leak
x = "outer"
squares = [x for x in range(3)]
print(x, squares)

# comprehensions see enclosing function locals
def scale(items, factor):
    return [i * factor for i in items]

print(scale([1, 2, 3], 10))

# nested comprehension referencing an outer comprehension variable
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2])

# the first iterable is evaluated in the enclosing scope, immediately
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]

print(C.doubled)

# conditional expression in the element
print(["even" if i % 2 == 0 else "odd" for i in range(4)])

# unpacking in the target
pairs = [(1, "one"), (2, "two")]
print([f"{n}={w}" for n, w in pairs])
print({w: n for n, w in pairs})
print([a + b + c for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]])

# generator expressions are lazy
log = []
def noisy(v):
    log.append(v)
    return v

gen = (noisy(i) for i in range(3))
print(log)
print(next(gen), log)
print(list(gen), log)

# generator expression as the sole argument needs no extra parentheses
print(max(len(w) for w in ["a", "abc", "ab"]))
print(sorted((v for v in [3, 1, 2]), reverse=True))

# comprehension over a string, a dict, a set, a range with step
print([c for c in "abc"], [k for k in {"x": 1, "y": 2}], sorted(v for v in {3, 1, 2}))
print([i for i in range(10, 0, -3)])

# empty results
print([x for x in []], {x for x in ()}, {k: k for k in ""})

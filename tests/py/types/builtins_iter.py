# Iteration builtins: enumerate, zip, map, filter, reversed, iter, next.

names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, 1)), list(enumerate("ab", start=-1)))
print(list(zip(names, [30, 25, 40])), list(zip()), list(zip("ab")), list(zip("abc", "xy", [1, 2, 3])))
print(list(map(len, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda n: n % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))

# these return lazy iterators
m = map(lambda v: v * 10, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"))
f = filter(str.isdigit, "a1b2c3")
print("".join(f))

# laziness: map only calls the function when needed
calls = []
def track(v):
    calls.append(v)
    return v

lazy = map(track, [1, 2, 3])
print(calls)
next(lazy)
print(calls)

# reversed requires a sequence or __reversed__
class Rev:
    def __reversed__(self):
        return iter("custom")

print("".join(reversed(Rev())))
try:
    reversed({1, 2})
except TypeError:
    print("TypeError reversed set")
try:
    reversed(x for x in [1])
except TypeError:
    print("TypeError reversed generator")

# iter() on builtins and next() with default
it = iter({"a": 1, "b": 2})
print(next(it), next(it), next(it, None))
it = iter("hi")
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

# zip with unpacking to transpose, and dict(zip())
matrix = [(1, 2, 3), (4, 5, 6)]
print(list(zip(*matrix)), dict(zip(names, range(3))))

# nested iteration builtins
pairs = list(enumerate(zip("abc", map(ord, "abc"))))
print(pairs)
print(sum(map(int, "12345")), max(map(len, ["a", "abc", "ab"])), list(filter(None, map(lambda x: x % 3, range(7)))))

# map with several iterables stops at the shortest
print(list(map(pow, [2, 3, 4], [5, 2])))

# iterating a dict while zipping its views
d = {"x": 1, "y": 2}
print(list(zip(d.keys(), d.values())), list(zip(d, d.items())))

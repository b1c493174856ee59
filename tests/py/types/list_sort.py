# Sorting: list.sort, sorted, key functions, reverse, stability.

nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)

words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))

# stability: equal keys keep their original order
records = [("bob", 3), ("ann", 1), ("cy", 3), ("dee", 1), ("eve", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: r[1]))

# sorting tuples and nested lists
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([[3, 1], [1, 2], [3, 0]]))

# sorted accepts any iterable and returns a list
print(sorted("hello"), sorted({3, 1, 2}), sorted({"b": 1, "a": 2}), sorted(x % 4 for x in range(8)))
print(sorted([]), sorted([1]), sorted((3, 2, 1)))

# sort floats, mixed ints and floats, negative zero
print(sorted([2.5, 1, -0.5, 3, 0.0]))

# sort with a key that fails
try:
    sorted([1, "a", 2])
except TypeError:
    print("TypeError mixed types")

# key called once per element
calls = []
def key(v):
    calls.append(v)
    return -v

print(sorted([1, 2, 3], key=key), len(calls))

# list.sort returns None
lst = [3, 1, 2]
print(lst.sort(), lst)

# sort large list, check ordering
data = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(data)
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)), s[:5], s[-5:], len(set(s)))

# sort by multiple keys using successive stable sorts
people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25)]
people.sort(key=lambda p: p[0], reverse=True)
people.sort(key=lambda p: p[1])
print(people)

# keyword-only arguments
try:
    sorted([1, 2], None)
except TypeError:
    print("TypeError positional key")

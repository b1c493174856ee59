# list methods: append, extend, insert, remove, pop, index, count, reverse, copy, clear.

lst = [3, 1, 4]
lst.append(1)
lst.extend([5, 9])
lst.extend((2, 6))
lst.extend(range(2))
lst.insert(0, "start")
lst.insert(100, "end")
lst.insert(-1, "before end")
print(lst)
lst.remove(1)
print(lst, lst.count(1), lst.index(4), lst.index(1), lst.index(1, 5))
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.reverse()
print(lst)
cp = lst.copy()
cp.append("only in copy")
print(len(lst), len(cp))
cp.clear()
print(cp)

# errors
for action in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2)]:
    try:
        action()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)

# extend with itself and with generators
a = [1, 2]
a.extend(a)
print(a)
a.extend(x * 10 for x in range(3))
print(a)

# in-place vs new list
x = [1]
y = x
x = x + [2]
print(x, y)
x = y
x += [3]
print(x, y)

# list() constructor and conversions
print(list(), list("abc"), list((1, 2)), list({"k": 1}), list(range(3)), list(map(abs, [-1, -2])))

# nested lists and aliasing pitfalls
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
bad = [[0] * 3] * 2
bad[0][0] = 1
print(bad)

# equality, comparison, membership, len, min, max, sum
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], 2 in [1, 2], len([[], []]))
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]), sum([[1], [2]], []))

# repetition and concatenation
print([0] * 4, [1, 2] * 2, [] * 5, [None] * 0, [1] + [2] + [])

# index with negative start and count of unhashable items
print([1, 2, 1, 2].index(2, -2), [[1], [1], [2]].count([1]))

# del with indices and slices
d = list(range(10))
del d[2]
del d[-1]
del d[::3]
print(d)

# list repr with recursion
r = [1]
r.append(r)
print(r)

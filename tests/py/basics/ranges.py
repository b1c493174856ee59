# range(): iteration, indexing, slicing, membership, len, and errors.

print(list(range(5)), list(range(2, 7)), list(range(0, 10, 3)), list(range(10, 0, -2)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
print(list(range(-3, 3)), list(range(-1, -10, -4)))

r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[2], 7 in r, 8 in r, 19 in r, 23 in r)
print(list(r[1:3]), list(r[::-1]), list(r[::2]), list(r[1:3]) == list(range(7, 15, 4)))
print(r.start, r.stop, r.step)
print(r, range(5), range(1, 5), range(0, 10, 2))

# big ranges are lazy
big = range(10 ** 12)
print(len(big), big[-1], big[10 ** 11], (10 ** 12 - 1) in range(10 ** 12 - 5, 10 ** 12), -1 in range(5))
print(sum(range(1001)), sum(range(0, 100, 7)))

# negative steps and reversing
print(list(reversed(range(5))), list(range(4, -1, -1)) == list(reversed(range(5))))

# using a range in various contexts
print(tuple(range(3)), set(range(3)), dict.fromkeys(range(3), 0))
print([i * i for i in range(1, 6)], max(range(7)), min(range(3, 9)))
total = 0
for i in range(100, 0, -7):
    total += i
print(total)

# bool and truthiness
print(bool(range(0)), bool(range(-1, 0)))

# errors
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError zero step")
try:
    range(1.5)
except TypeError:
    print("TypeError float")
try:
    range(3)[3]
except IndexError:
    print("IndexError")

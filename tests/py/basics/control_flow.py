# if/elif/else, for/while with else, break and continue.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(n) for n in (-5, 0, 3, 42)])

# for-else: else runs when the loop was not broken
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")

find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)

# while-else
n = 3
while n > 0:
    n -= 1
else:
    print("while finished, n =", n)

n = 10
while n > 0:
    if n == 7:
        break
    n -= 1
else:
    print("not printed")
print("broke at", n)

# continue skips the rest of the body, including in while
out = []
for i in range(10):
    if i % 3:
        continue
    out.append(i)
print(out)

i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)

# continue in a for-else does not prevent the else
for i in range(3):
    continue
else:
    print("else after continue, i =", i)

# the loop variable keeps its last value; an empty loop leaves it unbound
for j in range(5):
    pass
print(j)
for never in []:
    pass
print("never" in dir())

# modifying the iterated list's copy is safe
items = [1, 2, 3, 4]
for v in items[:]:
    if v % 2 == 0:
        items.remove(v)
print(items)

# pass, and if with complex conditions
if 1 and (0 or 2) and not None:
    pass
    print("compound condition")

# loops over various iterables
for ch in "hi":
    print(ch)
for k in {"a": 1, "b": 2}:
    print(k)
for a, b in zip([1, 2], "xy"):
    print(a, b)

# a while True loop with a counter and break
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)

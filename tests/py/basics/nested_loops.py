# Nested loops with break/continue affecting only the innermost loop.

pairs = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        pairs.append((i, j))
print(pairs)

# finding in a grid with a flag
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 6
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == target:
            found = (r, c)
            break
    if found:
        break
print(found)

# breaking out of nested loops with for-else
for r in range(3):
    for c in range(3):
        if r * c == 2:
            print("product 2 at", r, c)
            break
    else:
        continue
    break

# nested while loops
i = 0
result = []
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            j += 1
            continue
        result.append(i * 10 + j)
        j += 1
    i += 1
print(result)

# primes with nested loop and else
primes = []
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

# multiplication table
for a in range(1, 4):
    print(" ".join("%2d" % (a * b) for b in range(1, 6)))

# loops inside functions returning from the middle
def first_pair_summing_to(nums, total):
    for x in nums:
        for y in nums:
            if x < y and x + y == total:
                return x, y
    return None

print(first_pair_summing_to([1, 4, 6, 9], 10), first_pair_summing_to([1, 2], 10))

# deep nesting with break at each level
log = []
for a in range(3):
    for b in range(3):
        for c in range(3):
            if c == 1:
                break
            log.append((a, b, c))
        if b == 1:
            break
    if a == 1:
        break
print(log)

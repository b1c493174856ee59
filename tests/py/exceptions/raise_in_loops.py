# Exceptions as control flow in loops and functions: validation, early exits, accumulating errors.

def validate(record):
    if "name" not in record:
        raise KeyError("name")
    if not isinstance(record.get("age"), int):
        raise TypeError("age must be int")
    if record["age"] < 0:
        raise ValueError("age must be non-negative")
    return record["name"].upper()

records = [
    {"name": "ann", "age": 30},
    {"age": 5},
    {"name": "bob", "age": "old"},
    {"name": "cy", "age": -1},
    {"name": "dee", "age": 0},
]
good, bad = [], []
for r in records:
    try:
        good.append(validate(r))
    except (KeyError, TypeError, ValueError) as e:
        bad.append((type(e).__name__, e.args[0]))
print(good)
print(bad)

# exceptions break out of nested loops
class Found(Exception):
    pass

def find_pair(nums, target):
    try:
        for i, a in enumerate(nums):
            for b in nums[i + 1:]:
                if a + b == target:
                    raise Found(a, b)
    except Found as f:
        return f.args
    return None

print(find_pair([1, 5, 7, 3], 10), find_pair([1, 2], 100))

# EAFP style dictionary access
counts = {}
for word in "a b a c b a".split():
    try:
        counts[word] += 1
    except KeyError:
        counts[word] = 1
print(counts)

# converting with fallbacks
def to_number(s):
    for conv in (int, float):
        try:
            return conv(s)
        except ValueError:
            continue
    return None

print([to_number(s) for s in ["1", "2.5", "1e3", "abc", " 7 "]])

# exceptions thrown many times in a hot loop
caught = 0
for i in range(1000):
    try:
        if i % 3 == 0:
            raise ValueError
    except ValueError:
        caught += 1
print(caught)

# while loop with try/except and else
queue = [3, 0, 5, "x", 2]
out = []
while queue:
    item = queue.pop(0)
    try:
        value = 30 // item
    except ZeroDivisionError:
        out.append("div0")
    except TypeError:
        out.append("type")
    else:
        out.append(value)
print(out)

# Functions consuming iterables: builtins and user code receiving generators, maps and ranges.

def average(values):
    total = 0
    count = 0
    for v in values:
        total += v
        count += 1
    return total / count if count else None

print(average([1, 2, 3, 4]), average(x * 2 for x in range(5)), average(iter([])), average(range(10)))

def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]

print(chunks(list(range(10)), 3), chunks("abcdefg", 2), chunks([], 4))

def word_counts(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts

print(word_counts("the cat and the hat and the bat"))

def pairwise(items):
    it = iter(items)
    prev = next(it, None)
    out = []
    for cur in it:
        out.append((prev, cur))
        prev = cur
    return out

print(pairwise([1, 2, 3, 4]), pairwise("ab"), pairwise([]))

def group_by(items, key):
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups

print(group_by(["apple", "avocado", "banana", "blueberry", "cherry"], lambda s: s[0]))
print(group_by(range(10), lambda n: n % 3))

def run_length(s):
    out = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1][1] += 1
        else:
            out.append([ch, 1])
    return "".join(c + str(n) for c, n in out)

print(run_length("aaabccddddde"), run_length(""), run_length("x"))

def transpose(m):
    return [list(row) for row in zip(*m)]

print(transpose([[1, 2, 3], [4, 5, 6]]), transpose([]))

def dedupe(items):
    seen = set()
    out = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out

print(dedupe([3, 1, 3, 2, 1, 5]), dedupe("mississippi"))

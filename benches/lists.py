# Lists and tuples: list comprehensions, append/pop/insert, slicing and slice
# assignment, sort with and without key functions (tuples compared
# element-wise), reversed/enumerate/zip, min/max/sum, `in` on lists, a
# hand-written merge sort and binary search.
import sys


def merge_sort(a):
    if len(a) <= 16:
        out = a[:]
        for i in range(1, len(out)):
            v = out[i]
            j = i - 1
            while j >= 0 and out[j] > v:
                out[j + 1] = out[j]
                j -= 1
            out[j + 1] = v
        return out
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def bisect(a, x):
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main(n):
    x = 12345
    data = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(x % 100000)
    s1 = merge_sort(data)
    s2 = sorted(data)
    same = s1 == s2
    pairs = [(v % 97, -v, i) for i, v in enumerate(data)]
    pairs.sort()
    by_key = sorted(data, key=lambda v: (v % 1000, v))
    hits = 0
    for q in range(0, 100000, 37):
        k = bisect(s1, q)
        if k < n and s1[k] == q:
            hits += 1
    window = data[: n // 10]
    small = [v for v in window if v < 5000]
    contained = sum(1 for v in range(0, 5000, 50) if v in small)
    stack = []
    for v in data[: n // 2]:
        if v & 1:
            stack.append(v)
        elif stack:
            stack.pop()
    work = list(range(64))
    for i in range(n // 20):
        work[i % 32: i % 32 + 4] = work[60:64]
        work.insert(i % 50, work.pop())
    rev = [a - b for a, b in zip(s1, reversed(s1))]
    print("lists", n, same, pairs[0], pairs[-1], by_key[:3], hits, len(small), contained,
          len(stack), sum(work), min(rev), max(rev), sum(s1[::100]))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 80000)

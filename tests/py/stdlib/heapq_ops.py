# heapq: heappush/heappop ordering, heapify, and a priority queue of tuples.

import heapq

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(len(h))])

data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data) == [1, 2, 4, 7, 8, 9])
out = []
while data:
    out.append(heapq.heappop(data))
print(out)

try:
    heapq.heappop([])
except IndexError:
    print("IndexError empty heap")

# priority queue with (priority, name) tuples
tasks = []
heapq.heappush(tasks, (3, "write docs"))
heapq.heappush(tasks, (1, "fix bug"))
heapq.heappush(tasks, (2, "review"))
heapq.heappush(tasks, (1, "answer mail"))
while tasks:
    pri, name = heapq.heappop(tasks)
    print(pri, name)

# the heap invariant holds after many random-ish pushes
h = []
x = 12345
for _ in range(200):
    x = (x * 1103515245 + 12345) % 2 ** 31
    heapq.heappush(h, x % 1000)
ok = all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h))
print(ok, len(h))
popped = [heapq.heappop(h) for _ in range(200)]
print(popped == sorted(popped), popped[:5])

# merging sorted runs with a heap (k-way merge)
runs = [[1, 4, 9], [2, 3, 10], [0, 5]]
heap = [(r[0], i, 0) for i, r in enumerate(runs)]
heapq.heapify(heap)
merged = []
while heap:
    v, i, j = heapq.heappop(heap)
    merged.append(v)
    if j + 1 < len(runs[i]):
        heapq.heappush(heap, (runs[i][j + 1], i, j + 1))
print(merged)

# collections.deque: appends and pops at both ends, maxlen, iteration.

from collections import deque

d = deque()
d.append(1)
d.append(2)
d.appendleft(0)
print(list(d), len(d), d[0], d[-1])
print(d.pop(), d.popleft(), list(d))
d.extend([5, 6, 7])
print(list(d))
try:
    deque().pop()
except IndexError:
    print("IndexError pop empty")
try:
    deque().popleft()
except IndexError:
    print("IndexError popleft empty")

# bounded deque discards from the opposite end
ring = deque((), 3)
for i in range(6):
    ring.append(i)
print(list(ring), len(ring))

# used as a FIFO queue in a breadth-first search
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.append(nxt)
    return order

print(bfs("a"))

# moving window average with a bounded deque
window = deque((), 3)
avgs = []
for v in [10, 20, 30, 40, 50]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)

# truthiness and iteration
e = deque([1, 2, 3])
print(bool(e), bool(deque()), [x * 2 for x in e], 2 in e)

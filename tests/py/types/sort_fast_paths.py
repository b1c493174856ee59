# sorted()/list.sort on homogeneous keys (small ints, strs), tuples of them, and
# mixed keys: the fast paths must give the same order and stability as the
# general comparison, with and without key= and reverse=.
state = [12345]
def rnd(lo, hi):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return lo + state[0] % (hi - lo)

for n in [0, 1, 2, 5, 17, 100, 1000]:
    a = [rnd(-50, 50) for _ in range(n)]
    assert sorted(a) == sorted(a, key=lambda x: (x,)), n
    s = [str(x) for x in a]
    print(n, sorted(a)[:5], sorted(a, reverse=True)[:5], sorted(s)[:3], sorted(s, reverse=True)[:3])
    t = [(x % 3, str(x)) for x in a]
    print(sorted(t)[:4], sorted(t, reverse=True)[:4])
    # stability with keys
    u = sorted(range(n), key=lambda i: a[i] % 5)
    print(u[:8], sorted(range(n), key=lambda i: a[i] % 5, reverse=True)[:8])
print(sorted([3, 1.5, 2, -1e9, 10**30, -(10**30)]))
print(sorted(["b", "a", "é", "ab", ""]))
print(sorted([(1, 2), (1,), (0, 5, 1), (1, 2, 0)]))
print(sorted([(1, 'a'), (1, 2)], key=lambda t: t[0]))
try:
    sorted([(1, 'a'), (1, 2)])
except TypeError as e:
    print("TypeError")

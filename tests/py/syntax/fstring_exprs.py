# f-string replacement fields holding lambdas, dict displays and `=` with spaces.

n = 7
d = {"a": 1}
print(f"{(lambda v: v + 1)(n)}")
print(f"{(lambda: 'called')()}")
print(f"{ {'k': n}['k'] }")
print(f"{ {1, 2} == {2, 1} }")
print(f"{n = }")
print(f"{n * 2 = }")
print(f"{n = :>4}")
print(f"{d['a'] = }")
print(f"{ n + 1 = }")
print(f"{n!r:>3}|")
print(f"{ [i for i in range(n) if i % 2] }")
print(f"{'{'}{'}'}")
print(f"{n:{'>' if n else '<'}{n}}|")

# conditional expressions, calls with keywords and subscripts inside fields
items = [3, 1, 2]
print(f"{'even' if n % 2 == 0 else 'odd'}")
print(f"{sorted(items, reverse=True)}")
print(f"{','.join(str(i) for i in items)}")
print(f"{items[-1]:>{n}}|")
print(f"{d.get('missing', 'default')}")
print(f"{(n, n + 1)}")
print(f"{n:#x} {n:08b} {n!r:^5}|")

# Assignment expressions (:=).

data = [3, 8, 1, 9, 4]

if (n := len(data)) > 3:
    print("long list", n)
print(n)

# in a while loop
items = [1, 2, 3, 0, 5]
i = 0
while (v := items[i]) != 0:
    print("item", v)
    i += 1
print("stopped at", i, v)

# in comprehensions the target binds in the enclosing scope
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)

total = 0
running = [(total := total + x) for x in data]
print(running, total)

# in a function: binds a local
def f(xs):
    if any((hit := x) > 5 for x in xs):
        return hit
    return None

print(f([1, 7, 2]), f([1, 2]))

# inside other expressions
print((a := 5) + a, a)
print([(b := 2), b * 3])
print(f"{(c := 4) * 2} {c}")

def g():
    return (r := 10), r + 1

print(g())

# nested walrus
if (p := (q := 3) + 1) == 4:
    print(p, q)

# walrus in a lambda body
fn = lambda: (z := 7) * 2
print(fn())

# invalid uses
for src in ["x := 1", "(a.b := 1)", "(a[0] := 1)", "def f(x := 1): pass"]:
    try:
        exec(src)
        print("accepted", src)
    except SyntaxError:
        print("SyntaxError", src)

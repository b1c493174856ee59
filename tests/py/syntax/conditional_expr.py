# Conditional expressions: `a if cond else b`.

def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"

print([sign(n) for n in (-3, 0, 4)])

x = 5
print("big" if x > 3 else "small", "even" if x % 2 == 0 else "odd")

# only the chosen branch is evaluated
def boom():
    raise RuntimeError("should not run")

print(1 if True else boom())
print(boom() if False else 2)

# precedence: lowest of all expressions except lambda
print(1 + 2 if False else 3 + 4)
print((1 + 2) if True else 0, [0 if i % 2 else i for i in range(5)])
y = x if x else 0 or 9
print(y)
z = None if None else None or "fallback"
print(z)

# truthiness of various conditions
for cond in [0, 1, "", "s", [], [0], None, 0.0, {}, {0: 0}]:
    print(repr(cond), "T" if cond else "F")

# nested and in lambdas
classify = lambda n: "fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n)
print([classify(i) for i in range(1, 16)])

# as arguments, in subscripts, in f-strings
items = [10, 20]
print(items[0 if x < 3 else 1], max(1 if x else 2, 0), f"{'yes' if x else 'no'}")

# as a statement target value and in returns
def pick(flag):
    return [1, 2] if flag else (3, 4)

a, b = pick(True)
c, d = pick(False)
print(a, b, c, d)

# in a default argument and in a comprehension condition
def f(v=1 if x > 2 else 2):
    return v

print(f(), [i for i in range(10) if (i if i % 3 else 0)])

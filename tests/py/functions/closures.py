# Closures: captured variables, nonlocal, counters, and independence of instances.

def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

# the closure sees later changes to the variable
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get

print(outer()())

# several closures share one cell
def pair():
    value = [0]
    n = 0
    def setter(v):
        nonlocal n
        n = v
        value[0] = v
    def getter():
        return n, value[0]
    return setter, getter

s, g = pair()
s(42)
print(g())

# closures over loop variables bind late
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])

fns = []
for i in range(3):
    def make(j):
        return lambda: j
    fns.append(make(i))
print([f() for f in fns])

# nested three levels deep
def a():
    x = "a"
    def b():
        y = "b"
        def c():
            return x + y + "c"
        return c
    return b

print(a()()())

# nonlocal reaching through an intermediate function
def level1():
    v = 0
    def level2():
        def level3():
            nonlocal v
            v += 10
        level3()
        level3()
    level2()
    return v

print(level1())

# closures capture arguments too
def multiplier(n):
    def mul(x):
        return x * n
    return mul

double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), [multiplier(k)(2) for k in range(4)])

# a closure in a class method
class Acc:
    def __init__(self):
        self.items = []

    def adder(self):
        def add(v):
            self.items.append(v)
            return len(self.items)
        return add

acc = Acc()
add = acc.adder()
print(add("x"), add("y"), acc.items)

# reading an unassigned free variable raises NameError
def broken():
    def inner():
        return later
    r = None
    try:
        r = inner()
    except NameError:
        r = "NameError"
    later = 1
    return r

print(broken())

# nonlocal with a default argument snapshot
def snap():
    x = 1
    def f(v=x):
        return v, x
    x = 2
    return f()

print(snap())

# generator closures
def gen_maker(limit):
    def gen():
        for i in range(limit):
            yield i * limit
    return gen

print(list(gen_maker(3)()))

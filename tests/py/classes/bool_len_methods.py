# __bool__ and __len__ driving if, while, not, and/or, filter and any/all.

class Queue:
    def __init__(self, items=()):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def pop(self):
        return self.items.pop(0)

q = Queue([1, 2, 3])
while q:
    print("got", q.pop(), "left", len(q))
print(bool(q), not q)

class Switch:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("  __bool__ called for", self.on)
        return self.on

on, off = Switch(True), Switch(False)
if on:
    print("on is truthy")
if not off:
    print("off is falsy")
print((off or "fallback"), (on and "both"))
print((off and "unreached") is off)

# short-circuit evaluation calls __bool__ only as needed
result = on or off
print(result is on)

# filter(None, ...) and any/all call __bool__
print(len(list(filter(None, [on, off, on]))))
print(any([off, off]), all([on, on]))

# conditional expression and while loops
print("yes" if Switch(True) else "no")
count = 0
class Countdown:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        self.n -= 1
        return self.n >= 0

cd = Countdown(3)
while cd:
    count += 1
print("loop ran", count)

# __bool__ takes priority over __len__
class Both:
    def __bool__(self):
        return True

    def __len__(self):
        return 0

print(bool(Both()), len(Both()))

# __len__ result used for truthiness must be a non-negative int
class Huge:
    def __len__(self):
        return 2 ** 20

print(bool(Huge()), len(Huge()))

# inherited __bool__
class Base:
    def __bool__(self):
        return False

class Child(Base):
    pass

print(bool(Child()), "falsy child" if not Child() else "truthy child")

# Augmented assignment with every operator and on every kind of target.

x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
x |= 0b101; print(x)
x &= 0b1100; print(x)
x ^= 0b1111; print(x)
x /= 2; print(x)

s = "ab"
s += "cd"
s *= 2
print(s)

# lists are mutated in place by += (same object)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)

# tuples and strings produce a new object
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)

# attribute and subscript targets evaluate the target once
class Box:
    def __init__(self):
        self.v = 1

b = Box()
b.v += 41
print(b.v)

calls = []
def idx(n):
    calls.append(n)
    return n

d = {"a": 1}
lst2 = [10, 20, 30]
d["a"] += 100
lst2[idx(1)] += 5
print(d, lst2, calls)

nested = [[0, 0], [0, 0]]
nested[1][0] -= 7
print(nested)

# big ints and floats
big = 1
for _ in range(5):
    big *= 2 ** 20
print(big)
f = 1.5
f **= 2
f //= 1
print(f)

# augmented assignment to an undefined name
try:
    undefined_thing += 1
except NameError:
    print("NameError")

def fn():
    local_var += 1

try:
    fn()
except NameError as e:
    # CPython raises UnboundLocalError, a subclass of NameError
    print("NameError", isinstance(e, NameError))

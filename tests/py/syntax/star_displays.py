# * and ** unpacking inside list, tuple and set displays (PEP 448).

l1 = [1, 2]
l2 = (3, 4)
print([*l1, *l2, 5])
print([0, *l1])
print((*l1, *"ab"))
print((*l1,), type((*l1,)).__name__)
print({*l1, *l2, 1})
print([*range(3), *[]], [*{}])
print([*(x * x for x in range(4))])
print([*"hi", *b"AB"])
print(sorted({*"abc", *"bcd"}))

# the unpacked iterables are evaluated left to right
order = []
def src(name, items):
    order.append(name)
    return items

print([*src("a", [1]), src("b", 2), *src("c", [3])], order)

# unpacking a dict gives its keys
d = {"x": 1, "y": 2}
print([*d], (*d.values(),))

# nested displays
print([[*l1], (*l2,), {*l1}])
print(len([*l1 * 3]))

try:
    print([*5])
except TypeError:
    print("TypeError")

# One attribute access site meeting instances whose dicts lay out their
# attributes differently (other insertion order, deleted and re-added names).
class P:
    pass


def make(order):
    p = P()
    for i, name in enumerate(order):
        setattr(p, name, i)
    return p


objs = [make("xyz"), make("zyx"), make("yxz"), make("x"), make("zx")]


def read_x(o):
    return o.x


def bump_x(o):
    o.x = o.x + 10


for o in objs:
    print(read_x(o), end=" ")
print()
for o in objs:
    bump_x(o)
    print(o.x, sorted(o.__dict__.items()), end=" | ")
print()

q = make("abx")
print(read_x(q))
del q.a
print(read_x(q))
q.a = 5
bump_x(q)
print(read_x(q), sorted(q.__dict__.items()))
del q.x
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError", e)
q.x = 1
print(read_x(q))
q.__dict__.clear()
try:
    read_x(q)
except AttributeError:
    print("AttributeError after clear")
bump_x(make("x"))
for i in range(20):
    r = make("abcdefghijklmnopqrstuvwx"[: i % 12] + "x")
    bump_x(r)
    print(read_x(r), end=" ")
print()

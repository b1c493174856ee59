# *args and **kwargs: collection, forwarding, and ordering.

def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2))
print(collect(a=1, b=2))
print(collect(1, "two", x=3, y=[4]))

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3), total(*[10, 20, 30]))

# kwargs preserve the call's keyword order
def keys(**kw):
    return list(kw)

print(keys(z=1, a=2, m=3))
print(keys(**{"b": 1, "a": 2}, c=3))

# forwarding everything to another function
def target(a, b, c=0, *, d=0):
    return (a, b, c, d)

def wrapper(*args, **kwargs):
    return target(*args, **kwargs)

print(wrapper(1, 2), wrapper(1, 2, 3, d=4), wrapper(b=2, a=1))

# args is a tuple, kwargs a fresh dict each call
def kinds(*args, **kwargs):
    kwargs["added"] = True
    return type(args).__name__, type(kwargs).__name__, len(kwargs)

original = {"x": 1}
print(kinds(1, **original), original)

# combining defaults, *args and **kwargs
def full(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(full(1, c=3))
print(full(1, 5, 6, 7, c=8, e=9, f=10))
print(full(c=0, a=-1))

# *args with names that look like keywords
def show(*names):
    return "-".join(names)

print(show(), show("a"), show(*"xyz"), show(*("p", "q"), "r"))

# recursive use of *args
def flatten(*items):
    out = []
    for it in items:
        if isinstance(it, (list, tuple)):
            out.extend(flatten(*it))
        else:
            out.append(it)
    return out

print(flatten(1, [2, (3, [4, 5])], 6, ()))

# max/min style: at least one argument required
def my_max(*vals):
    if not vals:
        raise TypeError("need values")
    best = vals[0]
    for v in vals[1:]:
        if v > best:
            best = v
    return best

print(my_max(3, 9, 2))
try:
    my_max()
except TypeError as e:
    print("TypeError", e)

# Wrong argument counts and names raise TypeError (checked by type, not message).

def two(a, b):
    return a + b

def dflt(a, b=1):
    return a + b

def kwo(*, k):
    return k

def star(*a):
    return a

class C:
    def m(self, x):
        return x

    @staticmethod
    def s(x):
        return x

    @classmethod
    def c(cls, x):
        return x

five, nothing, text = 5, None, "abc"
calls = [
    ("too few", lambda: two(1)),
    ("too many", lambda: two(1, 2, 3)),
    ("none", lambda: two()),
    ("unknown kw", lambda: two(1, 2, c=3)),
    ("duplicate", lambda: two(1, a=1)),
    ("default too many", lambda: dflt(1, 2, 3)),
    ("default missing", lambda: dflt(b=2)),
    ("kwonly positional", lambda: kwo(1)),
    ("kwonly missing", lambda: kwo()),
    ("star kw", lambda: star(x=1)),
    ("method missing", lambda: C().m()),
    ("method extra", lambda: C().m(1, 2)),
    ("unbound missing self", lambda: C.m(5)),
    ("static extra", lambda: C.s(1, 2)),
    ("classmethod missing", lambda: C.c()),
    ("builtin too many", lambda: len([], [])),
    ("builtin none", lambda: len()),
    ("builtin kw", lambda: abs(x=1)),
    ("not callable", lambda: five()),
    ("none callable", lambda: nothing()),
    ("str callable", lambda: text()),
    ("type kw", lambda: int("5", bse=10)),
]
for label, call in calls:
    try:
        result = call()
        print(label, "-> returned", result)
    except TypeError:
        print(label, "-> TypeError")

# the function still works normally afterwards
print(two(1, 2), dflt(5), kwo(k=3), star(1, 2), C().m(7), C.s(8), C.c(9))

# errors from inside the call are not argument errors
def inner_error(x):
    return x + "s"

try:
    inner_error(1)
except TypeError:
    print("TypeError from body")

# exp: hand
# t-string replacement fields (PEP 750, Python 3.14): conversions and format
# specs are recorded on the Interpolation, not applied; nested fields in a
# format spec are evaluated with the t-string; `{x=}` puts its text among the
# strings. The python3 here (3.11) has no t-strings, so the expected output is
# written by hand from PEP 750 and the CPython 3.14 documentation.


def show(tpl):
    for i in tpl.interpolations:
        print(repr(i.value), repr(i.expression), repr(i.conversion), repr(i.format_spec))


x = 42
pi = 3.14159
width = 8

# Conversions: recorded as 'r', 's' or 'a' (None without one).
show(t"{x} {x!r} {x!s} {x!a}")
# Format specs are the text after the colon; nested fields are formatted
# into it; conversion and spec together.
show(t"{pi:.2f} {pi:{width}.{1 + 1}f} {x!r:>{width}} {x:} {x:{'<'}{width}d}")
# A spec may itself contain what would be a conversion elsewhere.
show(t"{x:!r}")

# The value is not converted or formatted: a __format__/__repr__/__str__ is not called.
class Loud:
    def __repr__(self):
        print("repr called")
        return "Loud()"

    def __format__(self, spec):
        print("format called")
        return "loud"


loud = Loud()
tpl = t"{loud!r:>10}"
print(tpl.values[0] is loud, tpl.interpolations[0].conversion, tpl.interpolations[0].format_spec)
# A nested field of a spec is formatted (with its own conversion and spec) when the t-string is built.
tpl = t"{x:{loud}}"
print(tpl.interpolations[0].format_spec)

# Debug fields: the text up to and including `=` (with its blanks) joins the
# strings, and the conversion is 'r' unless a conversion or spec is given.
show(t"{x=}")
print(t"a {x=} b".strings)
print(t"{x = }".strings)
show(t"{x = }")
show(t"{x=!s}")
show(t"{x=:>5}")
show(t"{x=!a:^6}")
show(t"{x + 1=}")
print(t"{x + 1=}".strings)
show(t"{x == 42=}")

# The expression text: as written after `{`, up to the `!`, `:`, `=` or `}`
# that ends it (blanks before that end are not kept).
show(t"{  x}")
show(t"{x  }")
show(t"{x['k'] if isinstance(x, dict) else x * 2}")
show(t"{x!r}{ x :>3}")
show(t"{'a:b'}{[1, 2][0:1]}{x != 1}")

# Fields are evaluated once each, left to right, format spec fields in place.
order = []


def note(v):
    order.append(v)
    return v


tpl = t"{note(1)}{note(2):{note(3)}}{note(4)!r}"
print(order, tpl.values, [i.format_spec for i in tpl.interpolations])

# Fields see the scopes an f-string sees.
def outer():
    hidden = "closure"

    def inner():
        return t"{hidden}"

    return inner()


print(outer().values)
print([t"{i}".values[0] for i in range(3)])


class K:
    attr = "class body"
    tpl = t"{attr}"


print(K.tpl.values)
g = (t"{n}" for n in "ab")
print([tpl.values for tpl in g])

# A yield expression may be a field.
def gen():
    got = t"{(yield 1)}"
    yield got.values


it = gen()
print(next(it), it.send("sent"))
# An exception in a field propagates; nothing is built.
try:
    t"{1 / 0}"
except ZeroDivisionError:
    print("ZeroDivisionError")

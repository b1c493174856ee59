# exp: hand
# string.templatelib (PEP 750, Python 3.14): Template and Interpolation built
# directly, concatenation, iteration, repr, convert, and their errors. The
# python3 here (3.11) has no t-strings, so the expected output is written by
# hand from PEP 750 and the CPython 3.14 documentation (TypeError messages
# that CPython words its own way are not shown).
from string.templatelib import Interpolation, Template, convert
import string.templatelib

print(string.templatelib.Template is Template, string.templatelib.convert is convert)
print(sorted(n for n in dir(string.templatelib) if not n.startswith("_")))

# Interpolation(value, expression='', conversion=None, format_spec='').
i = Interpolation(42)
print(i, repr(i.expression), i.conversion, repr(i.format_spec))
i = Interpolation("v", "expr", "s", ">4")
print(i.value, i.expression, i.conversion, i.format_spec)
i = Interpolation(value=[1], format_spec="x", expression="e")
print(i)
print(Interpolation.__match_args__)
for bad in ({"conversion": 1}, {"expression": 1}, {"format_spec": None}):
    try:
        Interpolation(0, **bad)
    except TypeError:
        print("TypeError", sorted(bad))
for conv in ("x", "rs", ""):
    try:
        Interpolation(0, "", conv)
    except ValueError as e:
        print("ValueError", e)
for args in ((), (1, "", None, "", 5)):
    try:
        Interpolation(*args)
    except TypeError:
        print("TypeError", len(args), "arguments")
# Attributes are read-only.
for name in ("value", "expression", "conversion", "format_spec"):
    try:
        setattr(i, name, 0)
    except AttributeError:
        print("read-only", name)

# Template(*args): neighbouring strs join; an empty str goes before, between
# and after interpolations that have no str there.
a, b = Interpolation(1, "a"), Interpolation(2, "b")
print(Template())
print(Template("x").strings, Template("x", "y", "z").strings)
print(Template(a).strings, Template(a, b).strings, Template("p", a, "q", "r", b).strings)
print(Template("s", a, b, "t").interpolations == (a, b))
print(Template("s", a, "t").values)
for bad in ((1,), ("s", 2.5), (a, None)):
    try:
        Template(*bad)
    except TypeError:
        print("TypeError", bad[-1])
try:
    Template(strings=("x",))
except TypeError:
    print("TypeError keyword")

# Attributes: strings and interpolations are tuples; values is made each time.
x = 7
tpl = t"a{x}b{x + 1}c"
print(type(tpl.strings).__name__, type(tpl.interpolations).__name__, tpl.values)
print(tpl.strings is tpl.strings, tpl.interpolations is tpl.interpolations)
try:
    tpl.strings = ()
except AttributeError:
    print("read-only strings")

# Iteration: the non-empty strings and the interpolations, in order.
print([type(p).__name__ for p in tpl])
print(list(t"{x}{x}"), list(t""), list(t"only"))
it = iter(t"s{x}")
print(iter(it) is it, next(it), next(it).value)
try:
    next(it)
except StopIteration:
    print("StopIteration")

# Template + Template joins the strings where they meet; str is not accepted.
left, right = t"a{x}b", t"c{x}d"
both = left + right
print(both.strings, both.values)
print((t"" + t"").strings, (t"x" + t"{x}").strings, (t"{x}" + t"").strings)
for other in ("str", 1, None):
    for pair in ((tpl, other), (other, tpl)):
        try:
            pair[0] + pair[1]
        except TypeError:
            print("TypeError", type(pair[0]).__name__, "+", type(pair[1]).__name__)
for op in ("-", "*", "%", "<"):
    try:
        eval("tpl " + op + " tpl")
    except TypeError:
        print("TypeError", op)

# Templates and interpolations compare by identity.
print(t"a" == t"a", tpl == tpl, Interpolation(1) == Interpolation(1))

# repr shows each part's repr; str is the repr.
nested = t"{t'in {x!r}'} and {'q'!a:>{x}}"
print(repr(nested))
print(str(nested) == repr(nested))

# convert(obj, conversion) applies a conversion as an f-string field does.
class C:
    def __repr__(self):
        return "C-repr"

    def __str__(self):
        return "C-str"


c = C()
print(convert(c, None) is c, convert(c, "r"), convert(c, "s"), convert("é", "a"), convert("é", "r"))
for conv in ("x", 3):
    try:
        convert(1, conv)
    except ValueError as e:
        print("ValueError", e)


# Processing a template, as PEP 750 intends.
def render(template):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            value = convert(part.value, part.conversion)
            out.append(format(value, part.format_spec))
    return "".join(out)


name, amount = "krait", 3.5
print(render(t"{name!r} owes {amount:>8.2f} ({amount=})"))

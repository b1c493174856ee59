# exp: hand
# t-string literals (PEP 750, Python 3.14): prefixes, quotes, escapes, braces,
# raw forms, implicit concatenation and nesting. The python3 here (3.11) has no
# t-strings, so the expected output is written by hand from PEP 750 and the
# CPython 3.14 documentation of string.templatelib.
from string.templatelib import Template, Interpolation

name = "krait"
t = t"Hello {name}!"
print(type(t) is Template, type(t).__name__)
print(t.strings)
print(t.values)
print(t)

# Every spelling of the prefix, and every quote.
for tpl in (t"a{name}", T"a{name}", t'a{name}', T'a{name}', t"""a{name}""", t'''a{name}'''):
    print(tpl.strings, tpl.values, type(tpl.interpolations[0]) is Interpolation)

# A t-string with no fields has one string and no interpolations; an empty one
# has one empty string.
print(t"plain".strings, t"plain".interpolations)
print(t"".strings, t"".interpolations, t"".values)
# Fields at the ends and side by side leave empty strings between them.
a, b = 1, 2
print(t"{a}{b}".strings, t"{a}{b}".values)
print(t"x{a}".strings, t"{a}x".strings)

# Escapes are decoded in the strings; doubled braces are literal braces.
print(t"tab\there\nnew \x41\u00e9".strings)
print(t"{{literal}} {a} }}{{".strings)

# Raw t-strings, prefixes in either order and any case.
for tpl in (rt"\n{a}\d", tr"\n{a}\d", Rt"\n{a}\d", tR"\n{a}\d", RT"\n{a}\d", TR"\n{a}\d"):
    print(tpl.strings)
print(rt"C:\path\{name}".strings)

# Triple-quoted t-strings keep their newlines, in strings and around fields.
multi = t"""first
{name}
last"""
print(multi.strings, multi.values)

# Adjacent t-strings make one template; the strings where they meet join.
joined = t"a{a}" t"b" T"c{b}" rt"\d"
print(joined.strings, joined.values)
print((t"x" t"y").strings)

# Quotes of any kind inside a field (PEP 701), and t-strings inside fields.
d = {"k": "v"}
print(t"{d["k"]} {d['k']}".values)
inner = t"outer {t'inner {a}'} end"
print(inner.strings)
print(inner.values[0].strings, inner.values[0].values)
print(t"{ {'set'} }".values, t"{[a, b][1]}".values, t"{(lambda: 7)()}".values)

# A field's value is any object, unconverted.
obj = object()
print(t"{obj}".values[0] is obj)
print(t"{None}{True}{...}{1.5}{-3}".values)

# re.Match: groups by number and name, spans, lastindex/lastgroup, expand, pos/endpos, repr.

import re

p = re.compile(r"(?P<a>x)(?P<b>y)?")
m = p.match("x")
print(m.groupdict(), m.groupdict("z"), m.group("a"), m["a"], m[0], m.groups("-"), p.groups, p.groupindex)
print(m, m.start(2), m.end(2), m.span(2), m.expand(r"[\1]"), m.lastgroup, m.lastindex, m.re is p, m.string)
m = re.search(r"(\d+)-(\d+)", "tel: 555-1234 ok")
print(m.group(), m.group(1, 2), m.group(0, 1), m.span(), m.span(1), m.start(), m.end(), m.regs)
print(m.pos, m.endpos, m.expand(r"\2/\1 \g<1>"), bool(m))
for bad in [3, "nope", -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
m = re.match(r"((a)(b))", "ab")
print(m.lastindex, m.groups())
m = re.match(r"(a)(b)", "ab")
print(m.lastindex)
m = re.compile(r"é(.)").search("aéb", 1)
print(m.span(), m.span(1), m.group(1), m.pos, m.endpos)
m = re.compile("o").search("dog doo", 2, 6)
print(m, m.pos, m.endpos)
print(re.compile("o").match("dog", 1), re.compile("o").search("dog", 0, 1), re.compile("^o").search("dog", 1))
print(re.compile("o").match("dog", 5), re.compile("o").match("dog", 2, 1), re.compile("g").search("dog", -5))
print(re.compile(r"(?m)^o").search("d\nog", 1))
m = re.match(rb"(\w)(\d)?", b"x")
print(m, m.groups(), m.group(1))
print(re.compile(r"\d+"), re.compile("a", re.I | re.M), re.compile(b"x"), re.compile(r"(?s).").flags & re.S != 0)
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("b"), re.compile(re.compile("q")).pattern)

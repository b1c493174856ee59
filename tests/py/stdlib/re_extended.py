# re beyond the minimal subset: groups(), span(), start()/end(), optional groups, split, \b.

import re

m = re.match(r"(\d+)-(\d+)", "123-456 rest")
print(m.groups(), m.span(), m.start(1), m.end(1), m.span(2))

m = re.match(r"(\w+) (\w+)", "hello there world")
print(m.start(), m.end(), m.span(), m.group(1, 2), m.start(2), m.end(2))

# optional groups that don't participate are None
m = re.match(r"(a)(b)?", "a")
print(m.groups(), m.group(2), m.span(2) if m.group(2) else None)

# nested groups are numbered by their opening parenthesis
m = re.search(r"((\d)(\d))-(\d)", "x 12-3 y")
print(m.groups(), m.group(1), m.group(4), m.start(), m.end())

# finditer-like scanning with search and pos slicing
text = "a1 b22 c333"
pos = 0
found = []
while True:
    m = re.search(r"[a-z](\d+)", text[pos:])
    if not m:
        break
    found.append((m.group(1), pos + m.start(), pos + m.end()))
    pos += m.end()
print(found)

# split
print(re.split(r",\s*", "a, b,c,   d"), re.split(r"\d", "a1b2c"), re.compile(r";").split("x;y"))

# word boundaries and dot not matching newline
print(re.search(r"\bcat", "the cat").group(0), re.search(r"\bcat", "concat"), re.search(r"a.c", "a\nc"))

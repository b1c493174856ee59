# re.sub/subn (templates, callables, counts, empty matches), split, findall, finditer.

import re

print(re.sub(r"x*", "-", "abxd"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.subn(r"a", "b", "aaa", 2))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.sub(r"(\d)", r"\g<1>0", "a1b2"), re.sub("a", r"\n\t\\", "a"))
print(re.sub(r"(a)(b)?", r"[\2|\1]", "a ab"), re.sub(r"\s+", " ", "  lots   of\n space "), re.sub("q", "r", "none"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples, 10 pears"), re.sub(r"a", lambda m: "", "banana"))
print(re.subn(r"(\w)(\w)", r"\2\1", "abcdefg"), re.sub("", "-", "abc"), re.sub("b*", "-", "abc"), re.sub("$", "!", "ab\n"))
print(re.compile(r"o").sub("0", "foo boo", count=2), re.compile(r"o").subn("0", "foo"))
print(re.sub(r"\\", "/", r"a\b\c"), re.sub(r"[aeiou]", lambda m: m.group().upper(), "education"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"), re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(1).upper() + m.group(2), "make title case"))

print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\W+", "a b c", 1))
print(re.split(r" *", "a b  c"), re.split(r"x*", "axbc"), re.split(r"", "abc"), re.split(r"(a)|b", "xaybz"))
print(re.split(r",", ""), re.split(r"(,)", "a,b"), re.compile(r"\d").split("a1b2c3", maxsplit=2), re.split(r"[;,]\s*", "a; b,c"))

print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1b2"), re.findall(r"x*", "axxb"), re.findall(r"(a)|b", "ab"))
print(re.findall(r"\b\w", "find the initials"), re.findall(r"(\w+)=(\d+)", "a=1, bb=22, c=x"), re.findall("", "ab"))
p = re.compile(r"\w+")
print(p.findall("one two three", 4), p.findall("one two three", 0, 6), p.findall(""))
print([m.span() for m in re.finditer(r"\w+", "ab cd ef")], [m.group() for m in re.finditer(r"\d*", "a12b")])
it = p.finditer("x yy zzz")
print(next(it).group(), [m.group() for m in it], [m.start() for m in p.finditer("ab cd", 1)])

# a tiny tokenizer built from named groups
spec = [("NUM", r"\d+(?:\.\d*)?"), ("ID", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/=()]"), ("WS", r"\s+"), ("BAD", r".")]
tok = re.compile("|".join("(?P<%s>%s)" % pair for pair in spec))
out = []
for m in tok.finditer("x = 3.5 * (y1 + 42) $"):
    if m.lastgroup != "WS":
        out.append((m.lastgroup, m.group()))
print(out)

# bytes patterns work on bytes
print(re.findall(rb"\d+", b"a1b22"), re.sub(rb"a", b"A", b"banana"), re.split(rb",", b"x,y"))
for args in [("a", b"a"), (b"a", "a")]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError", e)

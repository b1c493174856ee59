# re: the subset shared by CPython and MicroPython (match, search, groups, sub, split, compile).

import re

m = re.match(r"(\d+)-(\d+)", "123-456 rest")
print(m.group(0), m.group(1), m.group(2))
print(re.match(r"\d+", "abc"), re.match(r"a", "ba"))
s = re.search(r"[a-z]+@[a-z]+\.com", "mail me at bob@example.com today")
print(s.group(0))
print(re.search(r"x", "abc"))

# character classes, anchors, quantifiers
for pat, text in [(r"^\w+$", "word_1"), (r"^\w+$", "two words"), (r"a.c", "abc"),
                  (r"colou?r", "color"), (r"colou?r", "colour"), (r"ab*c", "ac"), (r"ab+c", "ac"), (r"[^0-9]+", "abc1"),
                  (r"\s+", "   "), (r"(ab)*$", "ababab"), (r"a|b", "b")]:
    m = re.search(pat, text)
    print(repr(pat), repr(text), m.group(0) if m else None)

# greedy vs non-greedy
print(re.search(r"<.*>", "<a><b>").group(0), re.search(r"<.*?>", "<a><b>").group(0))

# compile and reuse
word = re.compile(r"[A-Za-z]+")
print(word.match("hello world").group(0), word.search("123 abc").group(0))

# sub with strings and functions
print(re.sub(r"\d", "#", "a1b22c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host"))
print(re.sub(r"\d+", lambda m: str(int(m.group(0)) * 2), "3 apples and 10 pears"))
print(re.sub(r"x", "y", "no match here"))

# escaping special characters
print(re.search(r"\$\d+\.\d\d", "cost: $12.50!").group(0), re.match(r"\(x\)", "(x)").group(0))

# invalid patterns raise an exception
try:
    re.compile(r"(unclosed")
    print("compiled")
except Exception as e:
    print("error compiling", isinstance(e, Exception))

# re flags (I, M, S, X, A, inline and scoped), escape(), and compile/template errors.

import re

print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"^\w", "ab\ncd"), re.findall(r"\w$", "ab\ncd\n", re.MULTILINE))
print(re.match(r"a.b", "a\nb", re.S), re.match(r"a.b", "a\nb", re.DOTALL).group(), re.search("HeLLo", "say hello", re.I).group())
print(re.findall(r"[a-c]+", "ABCdab", re.IGNORECASE), re.findall(r"\w+", "héllo", re.A), re.findall(r"\w+", "héllo"))
print(re.match(r"""
    (\d{3})   # area
    [-\s]?
    (\d{4})   # number
""", "555 1234", re.X).groups(), re.search(r"(?i)b(?-i:C)", "xBC"), re.search(r"(?i)b(?-i:C)", "xBc"))
print(re.search(r"(?im)^B", "a\nb").group(), re.match(r"(?i:a)B", "Ab"), re.match(r"(?i:a)B", "AB"))
print(re.match(r"(?i)é", "É"), re.match(r"(?i)[à-ÿ]+", "ÀÉ"), re.match(r"(?i)Σ", "σ"))
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.IGNORECASE | re.MULTILINE), int(re.NOFLAG))
print(re.escape("a.b*c?d[e]f(g){h}|i^j$k\\l+m -n#o&p~q"), re.escape(b"1.0"), re.escape("plain_text123"))

for bad in ["(", ")", "[a", "a**", "*a", "+", "?", "a{2,1}", r"\q", "(?P<1>x)", "(?P<a>x)(?P<a>y)", "(?P=zz)",
            r"\1(a)", "(?<=a+)b", "(?Px)", "(?z)", "[z-a]", r"[\d-z]", r"\x4", r"\u12", "(?i", "a{1000000000000}",
            "(" * 1000 + ")" * 1000]:
    try:
        re.compile(bad)
        print("ok", repr(bad))
    except re.error as e:
        print("error", repr(bad)[:20], "|", e, "|", e.msg, e.pos)
    except RecursionError:
        print("RecursionError", repr(bad)[:20])
    except OverflowError as e:
        print("OverflowError", e)
for repl in [r"\9", r"\g<x>", r"\g<1", r"\q", "\\"]:
    try:
        re.sub("(a)", repl, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), re.compile("a", re.I).flags == re.compile("(?i)a").flags)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
re.purge()
print(re.search("x", "axb").span())

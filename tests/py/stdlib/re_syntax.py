# re: pattern syntax against CPython's semantics (quantifiers, classes, groups, lookarounds, backreferences).

import re

tests = [
    (r"(\w+)@(\w+)\.com", "x bob@ex.com y"), (r"a{2,3}", "aaaa"), (r"a{2,3}?", "aaaa"), (r"a{,2}", "aaa"),
    (r"(ab){2}", "ababab"), (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"^$", ""), (r"x*", "xxy"), (r"[^\W\d_]+", "ab12_cd"),
    (r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-01"), (r"(?P<x>a)(?P=x)", "aa"), (r"(\d+)\s*(?=px)", "12 px"),
    (r"(?<=\$)\d+", "cost $42"), (r"(?<!x)y", "xy zy"), (r"\bfoo\b", "a foo b"), (r"\Bo\B", "foo"),
    (r"(a*)*", "aaa"), (r"(a*)+b", "aab"), (r"(a|b)*?c", "ababc"), (r".*?(\d)", "abc123"),
    (r"[a-z]+(?:-[a-z]+)*", "well-known-fact x"), (r"é+", "ééé"), (r"\w+", "héllo wörld"), (r"(.)\1", "abccd"),
    (r"\d{3,}", "12 1234"), (r"a.c", "a\nc"), (r"(?s)a.c", "a\nc"), (r"(?m)^b", "a\nb"), (r"a$", "a\n"),
    (r"a\Z", "a\n"), (r"\Aa", "ba"), (r"[\]]", "]"), (r"[]a]+", "a]a"), (r"[a-]+", "a-a"), (r"\x41\u00e9\101", "AéA"),
    (r"(?x) a b  # comment", "ab"), (r"(a)|(b)", "b"), (r"((a)|b)+", "ab"), (r"(a?)*?b", "aab"),
    (r"[\s\S]+", "a\nb"), (r"[\d.]+", "v1.25"), (r"\$\d+(\.\d\d)?", "$10.50"), (r"(a)(b)?(c)", "ac"),
    (r"(?:(a)|b)*", "ab"), (r"(a{0,2}){3}", "aaaa"), (r"(ab|a)(bc|c)?", "abc"), (r"x(?=y)|x", "xz"),
    (r"(?!ab)\w\w", "abac"), (r"(?<=ab|cd)e", "cde"), (r"[^a-c]*", "xyzabc"), (r"\t\n", "\t\n"),
    (r"(\w+)\s(\w+)\s\1", "the cat the"), (r"colou?r", "The colour"), (r"^(\d+)\.(\d+)\.(\d+)$", "1.22.333"),
    (r"<([a-z]+)>.*?</\1>", "x <b>bold</b> <i>"), (r"[-+]?\d*\.?\d+([eE][-+]?\d+)?", "val=-1.5e+10;"),
]
for p, s in tests:
    m = re.search(p, s)
    print(repr(p), m and (m.group(0), m.groups(), m.span(), m.lastindex))

# match/fullmatch/search differ only in anchoring
for f in (re.match, re.fullmatch, re.search):
    print(f(r"\d+", "123"), f(r"\d+", "123a"), f(r"\d+", "a123"))

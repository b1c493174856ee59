# exp: hand
# re: catastrophic backtracking ends in a RuntimeError (krait bounds the work; CPython
# would run for hours), while empty-loop patterns that MicroPython overflows on just match.

import re

for pat, text in [("(a+)+$", "a" * 40 + "b"), ("(a*)*b", "a" * 5000), ("(x+x+)+y", "x" * 60)]:
    try:
        print(re.search(pat, text))
    except RuntimeError:
        print("RuntimeError", pat)

# the engine is usable after an aborted search
print(re.match("(a*)*", "aaa").span(), re.match("(a|b|ab)*c", "ababc").group(), re.search("(a+)+$", "aaa").span())
print(len(re.findall(r"(?:a|b)*c", "ab" * 1000 + "c")))

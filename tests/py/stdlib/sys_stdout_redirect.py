# print() writes to whatever sys.stdout is now: a StringIO to capture output, sys.stderr,
# any object with write(), or None (nothing is printed).

import io
import sys

old = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print("captured", 1, 2)
print("x", end="")
print("a", "b", sep="-")
sys.stdout = old
print(repr(buf.getvalue()))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


c = Collector()
sys.stdout = c
print("a", "b")
print(42, end="!")
sys.stdout = old
print(c.parts)

sys.stdout = None
print("nothing")
sys.stdout = old
print("back")


def capture(fn, *args):
    saved = sys.stdout
    sys.stdout = out = io.StringIO()
    try:
        fn(*args)
    finally:
        sys.stdout = saved
    return out.getvalue()


def report(items):
    for k, v in items:
        print("%-6s %4d" % (k, v))


text = capture(report, [("apple", 3), ("pear", 10)])
print(text.splitlines())
print(print("explicit", file=None))

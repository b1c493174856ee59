# exp: hand
# sys.tracebacklimit as MicroPython applies it: the outermost entries are kept,
# none at all drops the "Traceback" line; sys.print_exception refuses a non-stream.
import io
import sys


def f0():
    raise ValueError("value")


def f1():
    f0()


def f2():
    f1()


def show():
    try:
        f2()
    except ValueError as e:
        buf = io.StringIO()
        sys.print_exception(e, buf)
        for line in buf.getvalue().splitlines():
            print(line.replace(__file__, "FILE"))

show()
for limit in (2, 1, 0, -5):
    sys.tracebacklimit = limit
    print("limit", limit)
    show()
del sys.tracebacklimit
print(hasattr(sys, "tracebacklimit"))
show()

try:
    sys.print_exception(ValueError("x"), 1)
except OSError as e:
    print("OSError", e)

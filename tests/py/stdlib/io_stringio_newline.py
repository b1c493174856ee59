# io.StringIO's newline=: '\n' (the default: nothing translated, lines end at \n), None
# (\r\n and \r stored as \n), '' (lines end at any ending), '\r' and '\r\n' (a written \n
# becomes it); and seek() errors of the in-memory streams.

import io

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines())
    s = io.StringIO(newline=nl)
    print(s.write("x\ny\r\nz\r"), repr(s.getvalue()))
    s.seek(0)
    print([l for l in s], s.tell())
s = io.StringIO("a\r\nb\rc")
print(s.readlines(), s.readline())
s = io.StringIO("one\r\ntwo\r\n", newline="")
print(repr(s.readline()), repr(s.readline()), repr(s.readline()))

try:
    io.StringIO(newline="x")
except ValueError:
    print("ValueError")

# Negative positions are an error (ValueError in CPython, OSError(EINVAL) as for a real
# file in MicroPython and krait); a text stream seeks from the current position or the
# end only by 0.
b = io.BytesIO(b"abcdef")
for args in [(-1,), (-1, 0), (-2, 2), (-100, 1), (2, 2), (1, 1)]:
    try:
        print(args, b.seek(*args), b.read(1))
    except (ValueError, OSError):
        print(args, "error")
s = io.StringIO("hello")
for args in [(-1,), (0, 2), (0, 1), (3, 0), (1, 1), (-1, 2)]:
    try:
        print(args, s.seek(*args), s.read(1))
    except (ValueError, OSError) as e:
        print(args, "error")

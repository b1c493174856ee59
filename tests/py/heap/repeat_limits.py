# Repetition that can't fit: a count that fits a machine word but makes the result
# too big is a MemoryError, raised at once (nothing is allocated); a count beyond a
# machine word is an OverflowError. An empty sequence repeated any number of times is
# empty, at once.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, len(r))
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__)


attempt("[None] * 2**62", lambda: [None] * 2**62)
attempt("2**62 * [None]", lambda: 2**62 * [None])
attempt("[1, 2] * 2**62", lambda: [1, 2] * 2**62)
attempt("(1,) * 2**62", lambda: (1,) * 2**62)
attempt("[0] * 10**11", lambda: [0] * 10**11)
attempt("'x' * 10**12", lambda: "x" * 10**12)
attempt("b'x' * 2**62", lambda: b"x" * 2**62)
attempt("bytearray(b'x') * 2**62", lambda: bytearray(b"x") * 2**62)
attempt("bytearray(10**12)", lambda: bytearray(10**12))
attempt("bytes(10**12)", lambda: bytes(10**12))
attempt("'ab' * 2**63", lambda: "ab" * 2**63)
attempt("[0] * 2**100", lambda: [0] * 2**100)
attempt("(0,) * 2**100", lambda: (0,) * 2**100)

attempt("[] * 2**62", lambda: [] * 2**62)
attempt("() * 2**62", lambda: () * 2**62)
attempt("'' * 2**62", lambda: "" * 2**62)
attempt("b'' * 2**62", lambda: b"" * 2**62)
attempt("bytearray() * 2**62", lambda: bytearray() * 2**62)
attempt("[1] * -(2**62)", lambda: [1] * -(2**62))
attempt("'ab' * -(2**70)", lambda: "ab" * -(2**70))


def inplace(label, x, n):
    y = x
    try:
        x *= n
        print(label, "->", len(x), x is y)
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, len(y))


inplace("list *= 2**62", [1], 2**62)
inplace("empty list *= 2**62", [], 2**62)
inplace("bytearray *= 2**62", bytearray(b"ab"), 2**62)
inplace("empty bytearray *= 2**62", bytearray(), 2**62)
inplace("str *= 10**12", "ab", 10**12)
inplace("list *= 3", [1, 2], 3)
inplace("bytearray *= 2**40 // 2**38", bytearray(b"xy"), 2**40 // 2**38)

# After all that, ordinary repetition still works.
print([0] * 3, "ab" * 3, b"ab" * 2, (1, 2) * 2, bytearray(b"z") * 3)

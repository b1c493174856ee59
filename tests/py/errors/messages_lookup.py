# exp: hand
# IndexError and KeyError messages as MicroPython words them.

cases = [
    lambda: [1, 2, 3][3],
    lambda: [][-1],
    lambda: (1, 2)[5],
    lambda: "abc"[10],
    lambda: b"ab"[2],
    lambda: bytearray(2)[5],
    lambda: range(3)[3],
    lambda: [].pop(),
    lambda: [1].pop(4),
    lambda: {}.popitem(),
    lambda: {"a": 1}["b"],
    lambda: {1: 2}[3],
    lambda: {(1, 2): 0}[(3, 4)],
    lambda: {}.pop("missing"),
    lambda: set().pop(),
    lambda: {1}.remove(2),
]
for case in cases:
    try:
        case()
        print("no error")
    except LookupError as e:
        print(type(e).__name__ + ":", e, e.args)

# str() of a KeyError is str() of its key in MicroPython (CPython would show the repr)
for key in ["text", 42, (1, "a"), None, 2.5]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), e.args[0] == key)

# negative indices past the start
for seq in ([1, 2], (1, 2), "ab", b"ab"):
    try:
        seq[-3]
    except IndexError as e:
        print(type(seq).__name__, "->", e)

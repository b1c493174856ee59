# Lone surrogates (U+D800..U+DFFF) in str: creation, sequence operations,
# comparison and hashing, repr, building strs, formatting.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, ascii(str(e)))
    else:
        print(label, "=", ascii(r))


# ---- creation ----
hi = chr(0xD800)
lo = chr(0xDFFF)
print(ascii(hi), ascii(lo), len(hi), ord(hi), ord(lo))
print(repr(hi), repr("a\udc80b"), ascii("\U0001f600\ud83d"))
print(hi == "\ud800", lo == "\U0000dfff", "\ud800" != "\ud801")
# Escaped pairs stay two characters (Python never combines them).
pair = "\ud83d\ude00"
print(len(pair), pair == "\U0001f600", ascii(pair))
# Adjacent literals, f-string literal parts and folded constants.
print(ascii("a" "\ud800" "b"), ascii(f"\udc00{1}\udfff"), ascii(("\ud800", 1)))
CONSTS = ("x\ud800", "\udbff\udc00")
print([len(c) for c in CONSTS], ascii(CONSTS[1][1]))
print(ascii(chr(0xD7FF)), ascii(chr(0xE000)))
show("chr(0x110000)", lambda: chr(0x110000))

# ---- sequence operations ----
s = "ab\ud800cd\udfff\U0001f600e"
print(len(s), ascii(s[2]), ascii(s[-3]), ascii(s[1:4]), ascii(s[::2]), ascii(s[::-1]))
print(ascii(s[2:3]), s[2:3] == hi, ascii(s[3:5]), type(s[3:5]).__name__)
print([ascii(c) for c in s])
print(ascii(list(reversed(s))))
print(bool(hi), bool(hi[1:]))
show("s[99]", lambda: s[99])
for i, c in enumerate("\udc00x"):
    print(i, ascii(c), ord(c))

# ---- comparison, hashing, containment ----
print(hi < lo, "\ud7ff" < hi, lo < "\ue000", hi < "\U00010000", max("a", hi, "\uffff") == "\uffff")
print(sorted(["\ue000", hi, "\ud7ff", "a", "\U00010000", lo]) == ["a", "\ud7ff", hi, lo, "\ue000", "\U00010000"])
print(hash(hi) == hash(chr(0xD800)), hash(s[2:3]) == hash(hi))
print(hi in s, lo in s, "\udc00" in s, "c\udfff" in s, hi in "abc", "" in hi)
show("1 in hi", lambda: 1 in hi)
print(hi != "\ufffd", hi != "\ud800\ud800"[1:])
print(s.__len__(), s.__contains__(hi), s.__getitem__(2) == hi)

# ---- dict and set keys ----
d = {hi: 1, lo: 2, "a" + hi: 3, pair: 4}
print(d[chr(0xD800)], d["\udfff"], d["a\ud800"], d["\ud83d" + "\ude00"], len(d), "\udc00" in d)
d[s[2]] = 10
print(d[hi], len(d))
print(len({hi, "\ud800", lo, chr(0xDFFF)}), sorted({lo, hi}) == [hi, lo])

# ---- building strs ----
t = "x" + hi
print(ascii(t), ascii(hi + "y"), ascii(hi + lo), ascii(hi * 3), ascii(hi * 0), ascii(2 * lo))
u = ""
for c in (hi, "-", lo):
    u += c
print(ascii(u), len(u))
print(ascii("-".join([hi, "a", lo])), ascii(hi.join("abc")), ascii("".join([hi])), ascii(hi.join([])))
print(ascii("".join(c for c in s if ord(c) > 0xD000)))

# ---- formatting ----
print(ascii("%s|%r|%a|%5s|%-4s|%.1s|%c|%c" % (hi, hi, hi, hi, lo, s[2:], lo, 0xDC00)))
print(ascii("\ud800%d\udfff%%" % 7), ascii("%(k)s" % {"k": hi}), ascii("%(\udc00)s" % {"\udc00": 5}))
print(ascii("{}|{!r}|{!a}|{:>4}|{:^5}|{:.1}".format(hi, hi, hi, hi, lo, s[2:])))
print(ascii("\ud800{}\udfff{{}}".format(1)), ascii("{0}{0}".format(lo)), ascii("{k}".format_map({"k": hi})))
print(ascii(f"{hi}|{hi!r}|{lo:>3}|{s[2:4]:*<4}|"), ascii(format(hi, "_^5")), ascii(format(lo)))
print(ascii(str(hi)), ascii(str(ValueError(hi))), ascii(str(KeyError(hi))), ascii(ValueError(hi).args))
show("'%c' % 'ab'", lambda: "%c" % (hi + "b"))
show("'%\\ud800' % 1", lambda: "%\ud800" % 1)


class Named:
    def __str__(self):
        return "obj" + lo

    def __format__(self, spec):
        return hi + spec


print(ascii(str(Named())), ascii("%s" % Named()), ascii("{}".format(Named())), ascii(f"{Named():x}"))
print(ascii(format(Named(), "!")))


class S(str):
    pass


w = S("q" + hi)
print(ascii(w), len(w), ascii(w + "!"), ascii(w.upper()), ascii(str(w)))

# ---- numbers from strs with surrogates ----
show("int", lambda: int(hi))
show("int base", lambda: int("1" + hi, 16))
show("float", lambda: float("1.5" + lo))
show("complex", lambda: complex(hi))

# Fast paths of everyday str operations: slicing (ASCII and not), iteration,
# ord/chr, replace, concatenation, split/join. Each checks the boundaries where
# a fast path hands over to the general one.

ascii = "The quick brown fox jumps over the lazy dog"
uni = "héllo wörld ∂x/∂t 𝄞 end"
mixed = "abc" + "é" * 3 + "xyz"
long_uni = "αβγδε" * 20 + "tail"

# slicing with step 1 at every pair of bounds, and other steps
for s in (ascii, uni, mixed, "", "a", "é", long_uni):
    n = len(s)
    for i in range(-n - 2, n + 3, 3):
        for j in range(-n - 2, n + 3, 5):
            assert s[i:j] == "".join(list(s)[i:j]), (s, i, j)
    for step in (2, 3, -1, -2):
        assert s[::step] == "".join(list(s)[::step])
    print(repr(s[1:4]), repr(s[-3:]), repr(s[2:]), repr(s[:2]), repr(s[::-3]))
print(repr(long_uni[98:103]), len(long_uni[10:90]), long_uni[10:90] == "αβγδε" * 16)

# indexing
for s in (uni, mixed, long_uni):
    print(s[0], s[-1], s[len(s) // 2], [s[i] for i in range(0, len(s), 4)][:6])
    try:
        s[len(s)]
    except IndexError as e:
        print("IndexError", e)

# iteration, ord, chr
for s in (ascii, uni, mixed, "", "\x00\x7f\x80"):
    cs = [c for c in s]
    print(len(cs), [ord(c) for c in cs][:12], "".join(chr(ord(c)) for c in s) == s)
it = iter("aé𝄞b")
print(next(it), next(it), next(it), next(it), next(it, "done"))
print(ord("a"), ord("\x00"), ord("\x7f"), ord("é"), ord("𝄞"), ord(b"z"))
print(repr(chr(0)), chr(65), repr(chr(127)), repr(chr(128)), chr(233), chr(0x1D11E), chr(True))
for bad in (-1, 0x110000, 2**70):
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
for bad in ("", "ab", "éé"):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError")

# replace: one byte for one byte (everywhere and with a count), longer needles,
# non-ASCII text, no match
z = "line one\nline two\n\nline three\n" * 5
print(z.replace("\n", " ")[:40], z.replace("\n", " ").count(" "))
print(repr(z.replace("\n", "|", 3)[:40]))
print(repr(z.replace("\n", "|", 0)[:12]), z.replace("\n", "|", 0) is z)
print(repr(z.replace("\n", "|", 1000)) == repr(z.replace("\n", "|")))
print(uni.replace("l", "L"), uni.replace("ö", "o"), uni.replace("o", "ø"), uni.replace(" ", ""))
print(uni.replace("∂", "d", 1), uni.replace("zz", "y") == uni, "aaaa".replace("aa", "b"), "aaa".replace("a", "bc", 2))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"))
print("a\nb".replace("\n", "é"), "é\né".replace("\n", "\t"), ("x" * 30).replace("x", "y"))

# concatenation across the inline/heap boundary (22 bytes)
for k in range(18, 26):
    a = "x" * k
    b = a + "yz"
    print(k, len(b), b[-3:], len(a + "é"), (a + "é")[-2:], len("é" + a))
print(("" + "abc"), ("abc" + ""), "ü" + "ö", len("𝄞" * 7 + "a"))

# split and join
words = "the  quick brown\tfox\n jumps"
print(words.split(" "), words.split(), words.split(" ", 2), words.rsplit(" ", 1))
print(" ".join(words.split()), "-".join(["é", "ab", ""]), "".join([]), ",".join(["solo"]))
print("é,ü,,x".split(","), "a,b,c".split(",", 1), "abc".split("abc"), "xaxbx".split("x"))

# join: lists, tuples, iterators, str subclasses, errors
class S(str):
    pass
print("-".join(("a", "b")), "-".join(c for c in "xyz"), "+".join([S("p"), "q", S("r")]), type("".join([S("z")])))
print(repr(", ".join(["é"] * 3)), len("ab".join(["x" * 300, "y" * 300])))
for bad in (["a", 1], [None], ("x", b"y")):
    try:
        ",".join(bad)
    except TypeError:
        print("TypeError")

# strings of every size around the cell boundaries: equal, hash alike, index, compare
d = {}
for n in (0, 1, 2, 23, 24, 25, 39, 40, 41, 487, 488, 489, 490, 1000):
    a = "k" * n
    b = "".join(["k"] * n)
    c = ("k" * (n // 2)) + ("k" * (n - n // 2))
    assert a == b == c and hash(a) == hash(b) == hash(c) and len(c) == n, n
    d[b] = n
    u = "é" * n
    v = "".join(["é"] * n)
    w = u[: n // 2] + u[n // 2 :]
    assert u == v == w and hash(u) == hash(w) and len(w) == n and w[n // 2 : n // 2 + 1] == ("é" if n else ""), n
    print(n, d["k" * n], len(u.encode()), w[-1:], (a + "é")[-2:], a < a + "a", (w + "x")[n:])
print(len(d), "kkk" in d, "kk" + "k" in d)

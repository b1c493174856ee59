# str methods on text holding lone surrogates (in the receiver, the arguments,
# or both), with CPython's results.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, ascii(str(e)))
    else:
        print(label, "=", ascii(r))


hi, lo = "\ud800", "\udfff"
s = "Ab" + hi + "cd " + lo + " ef" + hi

# searching
for name in ("find", "rfind", "index", "rindex", "count"):
    for sub in (hi, lo, "cd", hi + "c", "zz", ""):
        show("%s(%s)" % (name, ascii(sub)), lambda: getattr(s, name)(sub))
show("find start end", lambda: s.find(hi, 3))
show("rfind start end", lambda: s.rfind(hi, 0, -1))
show("count in slice", lambda: s.count(hi, 1, 4))
show("find in utf-8", lambda: "abc".find(hi))
show("index missing", lambda: "abc".index(lo))
show("startswith", lambda: (s.startswith("Ab" + hi), s.startswith(hi, 2), s.startswith(("x", "Ab" + hi)), "ab".startswith(hi)))
show("endswith", lambda: (s.endswith("f" + hi), s.endswith(lo), s.endswith((lo, "ef" + hi)), s.endswith(hi, 0, 3)))

# splitting, partitioning, joining
show("split()", lambda: s.split())
show("split(hi)", lambda: s.split(hi))
show("split(hi, 1)", lambda: s.split(hi, 1))
show("rsplit(hi, 1)", lambda: s.rsplit(hi, 1))
show("split(' ')", lambda: s.split(" "))
show("utf8 split(hi)", lambda: "a b".split(hi))
show("splitlines", lambda: (hi + "\n" + lo + "\r\nx").splitlines(True))
show("partition", lambda: s.partition(lo))
show("rpartition", lambda: s.rpartition(hi))
show("partition miss", lambda: s.partition("zz"))
show("partition of utf-8", lambda: "a-b".partition(hi))
show("split empty sep", lambda: s.split(""))

# stripping, affixes, replacing
show("strip()", lambda: (" " + hi + " ").strip())
show("strip(chars)", lambda: (hi + lo + "x" + hi).strip(hi + lo))
show("lstrip", lambda: (hi + hi + "x").lstrip(hi))
show("rstrip", lambda: ("x" + lo + lo).rstrip(lo))
show("strip utf-8 by hi", lambda: "xhx".strip(hi))
show("removeprefix", lambda: s.removeprefix("Ab" + hi))
show("removesuffix", lambda: s.removesuffix(hi))
show("replace", lambda: s.replace(hi, "<>"))
show("replace count", lambda: s.replace(hi, lo, 1))
show("replace into utf-8", lambda: "a.b.c".replace(".", hi))
show("replace empty", lambda: (hi + lo).replace("", "-"))
show("replace gone", lambda: s.replace(hi, "").replace(lo, ""))

# case, predicates, padding
show("upper", lambda: s.upper())
show("lower", lambda: s.lower())
show("title", lambda: ("ab" + hi + "cd").title())
show("capitalize", lambda: (hi + "AB").capitalize())
show("swapcase", lambda: s.swapcase())
show("casefold", lambda: ("SS" + lo).casefold())
for p in ("isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "isprintable",
          "isidentifier", "islower", "isupper", "istitle", "isascii"):
    show(p, lambda: (getattr(hi, p)(), getattr("ab" + hi, p)(), getattr("AB" + lo, p)()))
show("center", lambda: hi.center(5))
show("center fill", lambda: "x".center(4, lo))
show("ljust rjust", lambda: (hi.ljust(3, "."), lo.rjust(3, hi)))
show("zfill", lambda: ("-" + hi).zfill(4))
show("expandtabs", lambda: (hi + "\t" + lo).expandtabs(4))
show("bad fill", lambda: "x".center(4, hi + lo))

# translate and maketrans
show("maketrans", lambda: sorted(str.maketrans(hi + "a", "b" + lo, lo).items()))
show("maketrans dict", lambda: str.maketrans({hi: "x"}))
show("translate", lambda: s.translate({0xD800: "<", 0xDFFF: None, ord("A"): 0xDC00}))
show("translate to str", lambda: "abc".translate({ord("b"): hi + lo}))
show("translate table", lambda: ("a" + hi).translate(str.maketrans(hi, "z")))


# subclasses
class T(str):
    pass


t = T(hi + "x" + hi)
show("subclass split", lambda: t.split("x"))
show("subclass find", lambda: "zz".find(T(lo)))
show("subclass strip", lambda: t.strip(hi))
show("subclass in tuple", lambda: t.endswith((T(hi),)))
show("unbound", lambda: str.upper(hi + "a"))
show("map", lambda: list(map(str.strip, [" " + hi, lo + " "])))

# a receiver that is returned itself when nothing changes
show("identity", lambda: (s.strip() is s, s.replace("zz", "y") is s, s.upper().lower() == s.lower()))

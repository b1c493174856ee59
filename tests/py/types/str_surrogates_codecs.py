# Lone surrogates at the edges of str: encoding and decoding with the error
# handlers, text streams, printing, json and re.
import io
import json
import re
import sys


def show(label, f):
    try:
        r = f()
    except Exception as e:
        extra = ""
        if isinstance(e, UnicodeError):
            extra = " %s %s %s" % (e.start, e.end, ascii(e.object))
        print(label, "->", type(e).__name__, ascii(str(e)) + extra)
    else:
        print(label, "=", ascii(r))


hi, lo = "\ud800", "\udfff"
s = "a" + hi + "b" + lo + lo + "\U0001f600"

# ---- encoding ----
for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "ascii", "latin-1"):
    for errors in ("strict", "surrogatepass", "surrogateescape", "ignore", "replace", "backslashreplace",
                   "xmlcharrefreplace"):
        show("%s/%s" % (enc, errors), lambda: s.encode(enc, errors))
show("escape bytes", lambda: ("x\udc80\udcff" + "\udce9").encode("utf-8", "surrogateescape"))
show("escape ascii", lambda: "\udc80\udcff".encode("ascii", "surrogateescape"))
show("escape run", lambda: "a\udc80\ud800b".encode("utf-8", "surrogateescape"))
show("escape low", lambda: "\udc7f".encode("latin-1", "surrogateescape"))
show("unknown handler", lambda: s.encode("utf-8", "nope"))
show("no error no handler", lambda: "abc".encode("utf-8", "nope"))
show("bytes()", lambda: bytes(s, "utf-8"))
show("bytes() pass", lambda: bytes(s, "utf-8", "surrogatepass"))
show("bytearray()", lambda: bytearray(hi, "utf-16-le", "surrogatepass"))
show("pair stays pair", lambda: ("\ud83d\ude00".encode("utf-16-le", "surrogatepass"), "\U0001f600".encode("utf-16-le")))

# ---- decoding ----
raw = b"a\xed\xa0\x80b\xed\xbf\xbf\xf0\x9f\x98\x80"
show("decode strict", lambda: raw.decode("utf-8"))
show("decode pass", lambda: raw.decode("utf-8", "surrogatepass"))
show("pass round trip", lambda: raw.decode("utf-8", "surrogatepass").encode("utf-8", "surrogatepass") == raw)
show("decode pass bad", lambda: b"\xed\xa0".decode("utf-8", "surrogatepass"))
show("decode pass pair", lambda: b"\xed\xa0\xbd\xed\xb8\x80".decode("utf-8", "surrogatepass"))
show("decode escape", lambda: b"\xff\xfeok\x80".decode("utf-8", "surrogateescape"))
show("escape round trip", lambda: b"\xff\xfeok\x80".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
show("decode escape ascii", lambda: b"a\x80\xffb".decode("ascii", "surrogateescape"))
show("decode replace", lambda: raw.decode("utf-8", "replace"))
show("str()", lambda: str(b"\xed\xb0\x80", "utf-8", "surrogatepass"))
show("utf-16 lone hi", lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
show("utf-16 lone hi pass", lambda: b"\x00\xd8a\x00".decode("utf-16-le", "surrogatepass"))
show("utf-16 lone lo pass", lambda: b"\x00\xdc\x00\xd8".decode("utf-16-le", "surrogatepass"))
show("utf-16 pair", lambda: b"\x3d\xd8\x00\xde".decode("utf-16-le"))
show("utf-16 end pass", lambda: b"\xd8\x00".decode("utf-16-be", "surrogatepass"))
show("utf-16 replace", lambda: b"\x00\xd8a\x00".decode("utf-16-le", "replace"))
show("utf-32 lone", lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
show("utf-32 lone pass", lambda: b"\x00\xd8\x00\x00\x00\xdc\x00\x00".decode("utf-32-le", "surrogatepass"))
show("utf-32 escape", lambda: b"\x00\xd8\x00\x00".decode("utf-32-le", "surrogateescape"))

# ---- text streams and printing ----
f = io.StringIO()
print("x", hi, sep=lo, end="!\n", file=f)
f.write(lo + "\n")
show("StringIO", lambda: f.getvalue())
show("StringIO read", lambda: io.StringIO(hi + "ab\n" + lo).readline())
show("StringIO lines", lambda: io.StringIO("a" + hi + "\nb").readlines())
show("print", lambda: print("ok", hi))
show("stdout.write", lambda: sys.stdout.write("w" + hi))
print()

# ---- json ----
show("dumps", lambda: json.dumps(s))
show("dumps raw", lambda: json.dumps([s, {hi: lo}], ensure_ascii=False))
show("loads lone", lambda: json.loads('"\\ud800x\\udfff"'))
show("loads pair", lambda: json.loads('"\\ud83d\\ude00"'))
show("loads pair split", lambda: json.loads('["\\ud83d", "\\ude00"]'))
show("loads raw", lambda: json.loads('{"' + hi + '": "' + lo + '"}'))
show("loads bytes", lambda: json.loads(b'"\xed\xa0\x80"'))
show("round trip", lambda: json.loads(json.dumps(s)) == s and json.loads(json.dumps(s, ensure_ascii=False)) == s)
show("loads bad", lambda: json.loads("[1, " + hi + "]"))

# ---- re ----
show("findall", lambda: re.findall("[\ud800-\udbff]", s))
show("findall escape class", lambda: re.findall(r"[\udc00-\udfff]+", s))
show("sub", lambda: re.sub(hi, "<" + lo + ">", s))
show("split", lambda: re.split(lo, s))
show("match group", lambda: re.match("a(.)b", s).group(1))
show("search span", lambda: re.search(lo + lo, s).span())
show("escape", lambda: re.escape("." + hi))
show("template", lambda: re.sub("(b)", "\\1" + hi, s))
show("pattern", lambda: re.compile(hi + "+").pattern)

# ---- where text must be UTF-8 (CPython's UnicodeEncodeError as well) ----
import os

show("encoding name", lambda: "a".encode(hi))
show("errors name", lambda: b"a".decode("utf-8", hi))
show("exec", lambda: exec("x = 1 " + hi))
show("open", lambda: open("no" + hi))
show("getenv", lambda: os.getenv(hi))

# A file name that isn't UTF-8: its bytes come back as surrogates (os.fsdecode)
# and go out again as the same bytes (os.fsencode).
import time

d = "/tmp/krait_surr_%d_%d" % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(d)
name = d + "/n\udcff\udce9"
with open(name, "w") as fh:
    fh.write("x")
show("listdir str", lambda: os.listdir(d))
show("listdir bytes", lambda: os.listdir(d.encode()))
show("read back", lambda: open(d + "/" + os.listdir(d)[0]).read())
os.remove(name)
os.rmdir(d)

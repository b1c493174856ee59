# Codecs: UnicodeError messages and attributes, error handlers, utf-16/utf-32/
# utf-8-sig; decimal digits of other scripts in int()/float(); json's ensure_ascii;
# the repr of a bytearray holding a quote.
import json


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: b"ab\xffcd".decode())
t(lambda: b"ab\xc3".decode())
t(lambda: b"\xe2\x82".decode())
t(lambda: b"abc\x80".decode("ascii"))
t(lambda: "aé".encode("ascii"))
t(lambda: "a€".encode("latin-1"))
t(lambda: "a\U0001f600".encode("latin-1"))
t(lambda: "a日本b".encode("ascii"))
t(lambda: "a日b本".encode("ascii"))
t(lambda: "aé€😀".encode("ascii", "xmlcharrefreplace"))
t(lambda: "aé€".encode("ascii", "backslashreplace"))
t(lambda: b"a\xffb\xfe".decode("utf-8", "replace"))
try:
    b"ab\xffcd".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object, isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    "x€€y".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)

for enc in ["utf-16", "utf-16-le", "UTF-16BE", "utf_32", "utf-32-le", "utf-32-be", "utf-8-sig", "U8"]:
    for s in ["", "hé", "a😀b"]:
        b = s.encode(enc)
        print(enc, repr(s), b, b.decode(enc) == s)
t(lambda: b"\xfe\xff\x00a".decode("utf-16"))
t(lambda: b"\xff\xfea".decode("utf-16"))
t(lambda: b"a\x00\x00\xd8".decode("utf-16-le"))
t(lambda: b"a\x00\x00\xd8b\x00".decode("utf-16-le"))
t(lambda: b"\x00\xdcb\x00".decode("utf-16-le"))
t(lambda: b"a\x00\x00\xd8b\x00".decode("utf-16-le", "replace"))
t(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
t(lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
t(lambda: b"a\x00\x00".decode("utf-32"))
t(lambda: b"\xef\xbb\xbfabc".decode("utf-8-sig"))
t(lambda: b"abc".decode("utf-8-sig"))
t(lambda: bytes("hé", "utf-16-le"))
t(lambda: str(b"h\x00\xe9\x00", "utf-16-le"))
t(lambda: "x".encode("no-such-codec"))

for s in ["٣", "١٢", "１２３", " ٤٢ ", "-५", "𝟗"]:
    t(lambda: int(s))
t(lambda: int("٣", 16))
t(lambda: float("١.٥"))
t(lambda: float("٣e٢"))
t(lambda: int("12", 2**70))
t(lambda: int("12", -(2**70)))

print(json.dumps("a\x7fb\x01"), json.dumps("a\x7fb", ensure_ascii=False), json.dumps({"k\x7f": "é"}))
t(lambda: json.loads(b'"\xff"'))
t(lambda: json.loads(b'["\xc3\xa9"]'))
print(repr(bytearray(b"a'")), repr(bytearray(b"a'\"")), repr(b"a'"), repr(bytearray(b'"')))

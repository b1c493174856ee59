# A mix: a JSON-style encoder and decoder written with builtins only. Build a
# nested document (dicts, lists, strings needing escapes, ints, floats, true,
# false, null), encode it to text with a recursive encoder that uses
# str.join, repr(float) and escape tables, parse the text back with an
# index-based recursive-descent decoder, and check the round trip.
import sys

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


def encode_str(s):
    parts = ['"']
    start = 0
    for i, ch in enumerate(s):
        if ch in ESCAPES or ch < " ":
            parts.append(s[start:i])
            e = ESCAPES.get(ch)
            parts.append(e if e is not None else "\\u%04x" % ord(ch))
            start = i + 1
    parts.append(s[start:])
    parts.append('"')
    return "".join(parts)


def encode(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    t = type(v)
    if t is int:
        return str(v)
    if t is float:
        return repr(v)
    if t is str:
        return encode_str(v)
    if t is list:
        return "[" + ",".join([encode(x) for x in v]) + "]"
    if t is dict:
        return "{" + ",".join([encode_str(k) + ":" + encode(x) for k, x in v.items()]) + "}"
    raise TypeError("cannot encode %r" % (v,))


class Decoder:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        s = self.s
        i = self.i
        while i < len(s) and s[i] in " \n\t\r":
            i += 1
        self.i = i

    def value(self):
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.s.startswith("true", self.i):
            self.i += 4
            return True
        if self.s.startswith("false", self.i):
            self.i += 5
            return False
        if self.s.startswith("null", self.i):
            self.i += 4
            return None
        return self.number()

    def obj(self):
        self.i += 1
        out = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return out
        while True:
            self.ws()
            k = self.string()
            self.ws()
            if self.s[self.i] != ":":
                raise ValueError("expected : at %d" % self.i)
            self.i += 1
            out[k] = self.value()
            self.ws()
            ch = self.s[self.i]
            self.i += 1
            if ch == "}":
                return out
            if ch != ",":
                raise ValueError("expected , at %d" % self.i)

    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            ch = self.s[self.i]
            self.i += 1
            if ch == "]":
                return out
            if ch != ",":
                raise ValueError("expected , at %d" % self.i)

    def string(self):
        s = self.s
        i = self.i + 1
        parts = []
        start = i
        while True:
            ch = s[i]
            if ch == '"':
                parts.append(s[start:i])
                self.i = i + 1
                return "".join(parts)
            if ch == "\\":
                parts.append(s[start:i])
                e = s[i + 1]
                if e == "u":
                    parts.append(chr(int(s[i + 2:i + 6], 16)))
                    i += 6
                else:
                    parts.append(UNESCAPE[e])
                    i += 2
                start = i
            else:
                i += 1

    def number(self):
        s = self.s
        start = self.i
        i = start
        is_float = False
        while i < len(s) and s[i] in "0123456789+-.eE":
            if s[i] in ".eE":
                is_float = True
            i += 1
        self.i = i
        text = s[start:i]
        return float(text) if is_float else int(text)


def build(n):
    words = ["north", "south", "tab\there", 'say "hi"', "back\\slash", "line\nbreak", "ctl\x01x", "plain"]
    items = []
    for i in range(n):
        items.append({
            "id": i,
            "name": words[i % 8] + str(i),
            "score": i / 7,
            "ratio": (i % 13) * 0.25 - 1.5,
            "big": i * 1000003 * 1000003,
            "tags": [words[(i + k) % 8] for k in range(i % 4)],
            "active": i % 3 == 0,
            "parent": None if i % 5 else i // 5,
            "nested": {"depth": [i % 2, [i % 3, {"leaf": -i}]]},
        })
    return {"version": 3, "items": items, "empty": {}, "none": []}


def count_nodes(v):
    if isinstance(v, dict):
        return 1 + sum(count_nodes(x) for x in v.values())
    if isinstance(v, list):
        return 1 + sum(count_nodes(x) for x in v)
    return 1


def main(n):
    doc = build(n)
    text = encode(doc)
    back = Decoder(text).value()
    same = back == doc
    text2 = encode(back)
    floats = 0.0
    for it in back["items"]:
        floats += it["score"] + it["ratio"]
    print("json_roundtrip", n, len(text), same, text2 == text, count_nodes(back), "%.6f" % floats, text[-60:])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)

# json.loads: the full grammar, escapes, numbers, errors with positions, hooks, streams.

import json
import io

print(json.loads('"\\ud83d\\ude00 \\u00e9 \\/ \\b\\f\\n\\r\\t"'), json.loads("-Infinity"), json.loads("NaN") != 0)
print(json.loads('{"a": 1, "a": 2}'), json.loads("[-0, -0.0, 1E5, 1e-3, 0.5, 12345678901234567890123]"))
print(json.loads(' \t\n\r[ 1 ,\n "x" , { } , [ ] ] '), json.loads('"\u00e9t\u00e9"'), json.loads("1.0"), json.loads("-12"))
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b"[true, false, null]")))
print(type(json.loads("10")).__name__, type(json.loads("1e2")).__name__, json.loads("9" * 30) + 1)

bad_docs = ["", " ", "{", "[1,]", "{'a': 1}", "nul", '{"a" 1}', "[1 2]", '{"a":1,}', '"abc', '"\\x"',
            '"\\u12"', "[1]x", "\n\n  [1,\n 2,,]", '"a\nb"', "01", "-", "1.", ".5", "[", "]", '{"a":}', "tru"]
for bad in bad_docs:
    try:
        json.loads(bad)
        print(repr(bad), "accepted")
    except json.JSONDecodeError as e:
        print(repr(bad), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == bad)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)

# object_hook turns every object into something else
def hook(d):
    return sorted(d.items())

print(json.loads('{"k": {"j": 1}, "a": [{"z": 0}]}', object_hook=hook))

# deep nesting raises instead of crashing
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError:
    print("RecursionError")
print(len(json.loads("[" * 500 + "]" * 500)))

# dump/load through stream objects
buf = io.StringIO()
json.dump({"list": [1, 2.5, None], "s": "q\"uote"}, buf, sort_keys=True)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))

class Sink:
    def __init__(self):
        self.chunks = []

    def write(self, s):
        self.chunks.append(s)

class Source:
    def read(self):
        return '{"from": "source"}'

s = Sink()
json.dump([1, {"a": None}], s)
print("".join(s.chunks), json.load(Source()))

# round trips
values = [0, -1, 2**63, 1.25, -3e-300, "", "\x00\x1f\u2028", [None, True, False], {"nested": {"deep": [[[]]]}}]
for v in values:
    assert json.loads(json.dumps(v)) == v, v
    assert json.loads(json.dumps(v, ensure_ascii=False)) == v, v
print("round trips ok")

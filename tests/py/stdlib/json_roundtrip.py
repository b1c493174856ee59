# json: dumps and loads of nested data, types, separators, and errors.

import json

data = {"name": "krait", "version": 1, "tags": ["fast", "small"], "ratio": 0.5, "ok": True, "none": None, "nested": {"a": [1, {"b": []}]}}
text = json.dumps(data)
print(text)
print(json.loads(text) == data)

print(json.dumps([1, 2.5, "s", None, True, False]), json.dumps("quote\"d\n"), json.dumps(""), json.dumps({}), json.dumps([]))
print(json.dumps({"a": 1}, separators=(",", ":")), json.dumps([1, 2], separators=(",", ":")))
print(json.dumps((1, 2)), json.dumps(10 ** 20), json.dumps(-0.0), json.dumps(1e100))
print(json.dumps({"unicode": "é€"}) in ('{"unicode": "\\u00e9\\u20ac"}', '{"unicode": "é€"}'))

print(json.loads("123"), json.loads("-1.5e3"), json.loads('"text"'), json.loads("null"), json.loads("true"), json.loads("[]"))
print(json.loads('{"a": {"b": [1, 2, {"c": null}]}}'))
print(json.loads(' [ 1 , 2 ] '), repr(json.loads('"\\u00e9\\n\\t\\"\\\\"')), json.loads('{"k": "v"}')["k"])
print(json.loads('[1e2, 0.25, -0, 12345678901234567890]'))

for bad in ["", "{", "[1,]", "{'a': 1}", "nul", '{"a" 1}', "[1 2]"]:
    try:
        json.loads(bad)
        print(repr(bad), "accepted")
    except ValueError:
        print(repr(bad), "ValueError")

# non-serialisable values
try:
    json.dumps({1, 2})
except TypeError:
    print("TypeError set")
try:
    json.dumps(object())
except TypeError:
    print("TypeError object")

# dict keys become strings
print(json.dumps({1: "one", 2: "two"}), json.loads(json.dumps({1: "x"})))

# round trip a list of records
records = [{"id": i, "sq": i * i, "even": i % 2 == 0} for i in range(4)]
again = json.loads(json.dumps(records))
print(again == records, again[3])

# dump/load with file-like objects
import io
buf = io.StringIO()
json.dump({"stream": [1, 2]}, buf)
print(buf.getvalue())
print(json.load(io.StringIO('{"from": "stream"}')))

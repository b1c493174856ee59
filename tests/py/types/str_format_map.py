# str.format_map with any mapping, str.format field keys, %-formatting's idea of a
# mapping, print's sep check.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


class Defaults(dict):
    def __missing__(self, key):
        return "<" + key + ">"


class Upper:
    def __getitem__(self, key):
        return key.upper()


t(lambda: "{a} {b} {c:>5}".format_map(Defaults(a=1)))
t(lambda: "{name}-{x.real}".format_map(Upper()) if False else "{name}".format_map(Upper()))
t(lambda: "{a[0]} {a[k]}".format_map({"a": {0: "zero", "k": "kay"}}))
t(lambda: "Hello {name:_^11}!".format_map({"name": "Bob"}))
t(lambda: "{0}".format_map({"0": "x"}))
t(lambda: "{}".format_map({}))
t(lambda: "{missing}".format_map({}))
t(lambda: "{a}".format_map([1]))
t(lambda: "{a:{w}}|".format_map(Defaults(a="x", w=4)))
# Only an all-digits key is an index.
t(lambda: "{0[-1]}".format({"-1": "neg"}))
t(lambda: "{0[+1]}".format({"+1": "plus"}))
t(lambda: "{0[1]}".format(["a", "b"]))
t(lambda: "{+1}".format(1, 2, **{"+1": "kw"}))
# %-formatting: anything subscriptable but a tuple (or str) is a mapping.
t(lambda: "no args" % [])
t(lambda: "no args" % {})
t(lambda: "no args" % b"")
t(lambda: "no args" % ())
t(lambda: "no args" % 5)
t(lambda: "no args" % "s")
t(lambda: "%s" % [1, 2])
t(lambda: "%(a)s" % [1])
t(lambda: "%(a)s %(a)r" % Defaults())
t(lambda: b"no args" % [])
t(lambda: b"no args" % b"x")
t(lambda: b"%(k)s" % {b"k": b"v"})
t(lambda: print("a", sep=1))
t(lambda: print("a", "b", end=5))
print("a", "b", sep=None, end=None)

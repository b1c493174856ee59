# ** unpacking inside dict displays (later keys win, order of first insertion kept).

base = {"a": 1, "b": 2}
extra = {"b": 20, "c": 30}
print({**base})
print({**base, **extra})
print({**extra, **base})
print({"z": 0, **base, "a": 100})
print({**base, "b": None, **{}})
print({**{}, **{}})
print({**dict(x=1), **{i: i * i for i in range(3)}})
merged = {**base}
merged["new"] = 1
print(base, merged)

class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k.upper()

print({**Mapping(), "r": "R"})
try:
    print({**[1, 2]})
except TypeError:
    print("TypeError")

# ** in displays evaluates left to right and calls keys() once per mapping
order = []
def src(name, m):
    order.append(name)
    return m

merged = {**src("a", {"k": 1}), "mid": order.append("mid"), **src("b", {"k": 2})}
print(merged, order)

# building config dicts with defaults and overrides
defaults = {"host": "localhost", "port": 80, "debug": False}
overrides = {"port": 8080, "debug": True}
print({**defaults, **overrides}, {**overrides, **defaults})
print({**{str(i): i for i in range(3)}, **{"1": "one"}})

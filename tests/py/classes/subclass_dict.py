# Subclassing dict: __missing__, overridden __setitem__, and extra behaviour.

class Counter(dict):
    def __missing__(self, key):
        return 0

c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()), c["z"], "z" in c, len(c))

# __missing__ that stores the default
class AutoList(dict):
    def __missing__(self, key):
        value = []
        self[key] = value
        return value

groups = AutoList()
for word in ["ant", "bee", "apple", "bear", "cat"]:
    groups[word[0]].append(word)
print(groups, type(groups).__name__)

# get() does not call __missing__
print(groups.get("q"), "q" in groups)

# attribute-style access dict
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

ad = AttrDict(a=1)
ad.b = 2
print(ad.a, ad.b, ad, hasattr(ad, "zz"))

# a dict that lowercases keys
class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

ld = LowerDict()
ld["Name"] = "x"
ld["NAME"] = "y"
print(ld, ld["nAmE"], len(ld))

# dict methods and iteration still work
ld["Other"] = 1
print(list(ld), list(ld.values()), sorted(ld.items()), dict(ld) == {"name": "y", "other": 1})

# subclass instance equality with plain dicts
print(Counter(a=1) == {"a": 1}, {"a": 1} == AttrDict(a=1))

# extra methods
class Inventory(dict):
    def add(self, item, n=1):
        self[item] = self.get(item, 0) + n
        return self

    def total(self):
        return sum(self.values())

inv = Inventory().add("apple", 3).add("pear").add("apple")
print(inv, inv.total(), isinstance(inv, dict))

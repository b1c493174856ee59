# exp: hand
# Slices are hashable as in CPython 3.12 (the python3 that generates .exp files
# here may be older, so the expected output is written by hand): a slice hashes
# like the tuple of its start, stop and step, and can be a dict key.
print(hash(slice(1, 2, 3)) == hash((1, 2, 3)))
print(hash(slice(None)) == hash((None, None, None)))
d = {slice(1, 5): "a", slice(None, None, -1): "b"}
print(d[slice(1, 5)], d[slice(None, None, -1)])
try:
    {}[:]
except KeyError as e:
    print("KeyError", e.args)
try:
    hash(slice([], 1))
except TypeError as e:
    print("TypeError", e)

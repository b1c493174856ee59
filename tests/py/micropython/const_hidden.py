# exp: hand
# A const() name starting with an underscore is substituted at compile time and never stored,
# so it is absent from globals(); a public const name is stored as a normal global too.

from micropython import const

_PRIVATE = const(123)
PUBLIC = const(456)
_SHIFTED = const(1 << 12)

print(_PRIVATE, PUBLIC, _SHIFTED, _PRIVATE + PUBLIC)
g = globals()
print("_PRIVATE" in g, "PUBLIC" in g, "_SHIFTED" in g)
print(g.get("PUBLIC"), g.get("_PRIVATE", "absent"))


def use():
    return _PRIVATE * 2, _SHIFTED >> 12


print(use())

# a name that is not a const but starts with an underscore is stored as usual
_plain = 5
print("_plain" in globals())

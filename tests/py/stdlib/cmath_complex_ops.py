# complex: construction, arithmetic with ints/floats/complex, comparisons,
# hashing, attributes, repr and the errors of unsupported operations.

print(complex(), complex(1), complex(1.5, -2), complex(-0.0, 0.0), complex(real=2, imag=3), complex(imag=1.5))
print(complex("1+2j"), complex(" -3.5j "), complex("(1-1j)"), complex("inf-nanj"), complex("1e3"), complex("-j"))
print(complex(1 + 2j, 3 + 4j), complex(1j, 1j), complex(2, 1j), complex(True, False), complex(10 ** 20))
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), -z, +z, type(z.real).__name__)
print(z + 1, 1 + z, z - 2.5, 2.5 - z, z * 2, 2 * z, z * z, z / 2, 2 / z, z / (1 - 1j), z ** 2, 2 ** z)
print(z ** 0, z ** -1, z ** 0.5, (-8) ** (1 / 3), 1j ** 1j, 0j ** 0, 0j ** 2, z ** 101 == z ** 101)
print(z == 3 + 4j, z != 3 + 4j, 3 + 0j == 3, 3 == 3 + 0j, 3.5 + 0j == 3.5, 1j == 1, 1j != 1, z == "z", z == None)
print(2 ** 53 + 1 == complex(2 ** 53 + 1), (2 ** 53 + 1) == complex(2 ** 53), complex(1, 0) == True)
print(hash(3 + 0j) == hash(3), hash(1.5 + 0j) == hash(1.5), hash(z) == hash(3 + 4j), hash(-1j) == hash(complex(0, -1)))
print(bool(0j), bool(-0.0 + 0j), bool(1j), bool(complex(0, -0.0)), bool(0.5 + 0j))
print(repr(1j), repr(-1j), repr(complex(-0.0, -1)), repr(complex(0.0, -0.0)), repr(1e300j * 1e10), repr(complex(1.5, 2.25)))
print(str(complex(1, 2)), "%s|%r" % (1j, 2j), "{}".format(3 + 0j), f"{1 - 1j}", [1j, 2 + 0j], (1j,), {1j: 1})
print(format(1 + 2j, ".2f"), format(1.5j, "g"), format(-2 - 3j, "10.1f"), format(1 + 1j, "^20"), f"{0.5j:e}")
w = 1 + 1j
w += 1
w *= 2j
w -= 1
w /= 2
print(w, sum([1j, 2j, 3]), sum([0.5, 1j]), [x * 1j for x in range(3)], max([1, 2], key=lambda x: abs(x * 1j)))
print({1j: "a", complex(1, 0): "b"}[1], 1j in [0, 1j], {1 + 0j, 1, 1.0})

for expr in ["1j < 2j", "1j >= 1", "1j // 2", "1j % 2", "divmod(1j, 2)", "~1j", "1j & 1", "1 | 1j", "1j + []",
             "[] * 1j", "1j / 0", "1j / 0j", "0j ** -1", "0j ** 1j", "int(1j)", "float(1j)", "complex('1+2')",
             "complex('j+1')", "complex('1', 2)", "complex(1, '2')", "complex([])", "(1j).real.__class__.__name__",
             "setattr(1j, 'real', 1)", "complex(10 ** 400)", "abs(complex(1e308, 1e308))", "1e308j * 1e308j"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__)


class C(complex):
    pass


c = C(1, 2)
print(c, c.real, c + 1, isinstance(c, complex), type(c).__name__, abs(c), c == 1 + 2j)


class HasComplex:
    def __complex__(self):
        return 5j


class Radd:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)


print(complex(HasComplex()), 1j + Radd(), 2j * Radd())

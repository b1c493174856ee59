# Imaginary literals and basic complex arithmetic.

print(1j, 2J, 0j, 1.5j, 1e2j, 1_0j)
z = 3 + 4j
print(z, z.real, z.imag, abs(z))
print(type(z).__name__, type(1j).__name__)
print(z + 1, z - 1j, z * 2, z * 1j, (1 + 2j) * (3 - 1j))
print((2 + 4j) / 2)
print(z == complex(3, 4), z != 3 + 4.5j)
print(complex(1), complex(1.5, -2), complex(0, 0))
print(-z, +z)
print(z.conjugate(), z.conjugate() == complex(3, -4))
print(1j * 1j, (2j) * (3j))
print(abs(-5j), abs(0j))
print(bool(0j), bool(1j), bool(0 + 0j))

# complex numbers are not ordered
try:
    print(1j < 2j)
except TypeError:
    print("TypeError: no ordering")

# mixing with ints and floats
w = 1 + 1j
w += 1
w *= 2
print(w)
print([x * 1j for x in range(3)])
print(sum([1j, 2j, 3]))

# complex() from strings and equality with real numbers
print(complex("1+2j"), complex("-3j"), complex("2"), complex(2, 0) == 2, 1j * 0 == 0)
print((1 + 2j) == (1.0 + 2.0j), hash(complex(3, 0)) == hash(3))
try:
    complex("abc")
except ValueError:
    print("ValueError complex('abc')")

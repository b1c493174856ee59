# Non-ASCII identifiers in variables, functions, classes and attributes.

café = "coffee"
π = 3.14159
naïve = True
größe = 42
日本 = "japan"
print(café, π, naïve, größe, 日本)

def grüßen(näme):
    return "Hallo " + näme

print(grüßen("Wörld"))

class Punkt:
    def __init__(self, ä, ö):
        self.ä = ä
        self.ö = ö

    def summe(self):
        return self.ä + self.ö

p = Punkt(1, 2)
print(p.ä, p.ö, p.summe())
print(getattr(p, "ä"), hasattr(p, "ü"))
setattr(p, "ü", 9)
print(p.ü)

# keyword arguments with unicode names
def f(**kw):
    return sorted(kw.items())

print(f(α=1, β=2))

def g(*, λ):
    return λ * 2

print(g(λ=21))

# in comprehensions and lambdas
print([ζ * 2 for ζ in range(3)])
ω = lambda ψ: ψ + 1
print(ω(1))

# in globals
print("café" in globals(), "π" in globals())

# identifiers mixing ASCII and non-ASCII
x_é_1 = 5
_ñ = 6
print(x_é_1 + _ñ)

# Keyword-only parameters after * or *args.

def connect(host, *, port=80, secure=False):
    return f"{host}:{port}{' (tls)' if secure else ''}"

print(connect("a"), connect("b", port=8080), connect("c", secure=True, port=443))
try:
    connect("d", 8080)
except TypeError:
    print("TypeError positional for keyword-only")

def required(*, name, value):
    return name + "=" + str(value)

print(required(name="x", value=1), required(value=2, name="y"))
try:
    required(name="z")
except TypeError:
    print("TypeError missing keyword-only")
try:
    required("x", 1)
except TypeError:
    print("TypeError no positionals")

def mix(a, *args, flag=False, **kw):
    return a, args, flag, kw

print(mix(1), mix(1, 2, 3, flag=True), mix(1, extra="e"))

# keyword-only without defaults, after defaults
def later(a=1, *, b, c=3):
    return a, b, c

print(later(b=2), later(10, b=20, c=30))

# keyword-only parameters in methods and lambdas
class Shape:
    def __init__(self, *, w, h):
        self.w, self.h = w, h

    def area(self, *, scale=1):
        return self.w * self.h * scale

s = Shape(w=2, h=3)
print(s.area(), s.area(scale=10))
try:
    Shape(2, 3)
except TypeError:
    print("TypeError constructor")

kwfn = lambda *, k=5: k * 2
print(kwfn(), kwfn(k=1))

# passing keyword-only through **dict
opts = {"port": 21, "secure": True}
print(connect("ftp", **opts))
try:
    connect("ftp", **{"bogus": 1})
except TypeError:
    print("TypeError unexpected keyword")

# float(x) uses x.__float__, which must return a float.

class F:
    def __float__(self):
        return 2.5


class Str:
    def __float__(self):
        return "a"


class Int:
    def __float__(self):
        return 6


class Sub(float):
    pass


class ReturnsSub:
    def __float__(self):
        return Sub(1.5)


print(float(F()), "%.1f" % F())
for obj in [Str(), Int(), object()]:
    try:
        print(float(obj))
    except TypeError:
        print("TypeError")
print(float(ReturnsSub()), type(float(ReturnsSub())).__name__)

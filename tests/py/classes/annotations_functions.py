# Parameter and return annotations: evaluated when the def runs, kept in
# f.__annotations__; PEP 563 keeps them as strings.
def area(w: float, h: float = 1.0, *rest: int, unit: str = "m", **opts: bool) -> float:
    return w * h


print(area.__annotations__)
print(area(2.0, 3.0))


def plain(x, y=2):
    return x + y


print(plain.__annotations__, plain(1))
plain.__annotations__["x"] = int
print(plain.__annotations__)

evaluated = []


def tag(name):
    evaluated.append(name)
    return name


def order(a: tag("a"), b: tag("b") = tag("default")) -> tag("ret"):
    pass


print(evaluated, order.__annotations__)


class Shape:
    def scale(self, k: int) -> "Shape":
        return self


print(Shape.scale.__annotations__, Shape().scale.__annotations__)


def factory(T):
    def inner(x: T) -> T:
        return x

    return inner


print(factory(bytes).__annotations__)

try:

    def broken(x: missing_name):
        pass

except NameError as e:
    print("NameError")

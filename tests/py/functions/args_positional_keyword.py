# Positional and keyword arguments, defaults, and their interplay.

def describe(name, age, city="unknown", country="nowhere"):
    return f"{name}/{age}/{city}/{country}"

print(describe("ann", 30))
print(describe("bob", 25, "paris"))
print(describe("cy", 40, "rome", "italy"))
print(describe(age=5, name="dee"))
print(describe("eve", city="oslo", age=33))
print(describe("fay", 1, country="peru"))
print(describe(country="c", city="b", age=2, name="a"))

# defaults may refer to earlier module names
BASE = 10
def add(x, y=BASE):
    return x + y

print(add(1), add(1, 2), add(y=5, x=5))

# default values of every kind
def f(a=None, b=(), c="", d=0.5, e=-1, g=[1, 2], h={"k": 1}):
    return a, b, c, d, e, g, h

print(f())
print(f(1, 2, 3, 4, 5, 6, 7))

# keyword names that shadow builtins are fine
def g(list=None, str="s", type=3):
    return list, str, type

print(g(type=9))

# argument evaluation order is left to right
order = []
def track(v):
    order.append(v)
    return v

def three(a, b, c):
    return a + b + c

print(three(track(1), c=track(3), b=track(2)), order)

# functions with many parameters
def many(a, b, c, d, e, f, g, h, i, j, k, l):
    return a + b * 2 + c * 3 + d + e + f + g + h + i + j + k + l

print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
print(many(*range(12)))

# functions returning nothing return None
def nothing(x):
    x + 1

print(nothing(1))

# methods take self positionally; keywords work for the rest
class Greeter:
    def greet(self, who, punct="!"):
        return "hi " + who + punct

gr = Greeter()
print(gr.greet("you"), gr.greet(who="me", punct="?"), Greeter.greet(gr, "x"))

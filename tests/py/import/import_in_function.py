# Imports inside functions and classes bind names in that scope; `global` makes them module-wide.

def use_math():
    import math
    return math.floor(2.7)

print(use_math())
try:
    math
except NameError:
    print("NameError: math is local to use_math")

def make_global():
    global _greeting
    import _greeting

make_global()
print(_greeting.hello("global"))

class Holder:
    import _shapes.util as util
    value = util.square(6)

print(Holder.value, Holder.util.PI)

# conditional import
def pick(flag):
    if flag:
        from _shapes import circle as impl
    else:
        from _shapes import square as impl
    return impl.__name__

print(pick(True), pick(False))

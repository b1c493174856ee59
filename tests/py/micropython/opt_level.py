# exp: hand
# micropython.opt_level(): the default is 0; level 1 and above compile out assert statements
# and make __debug__ False in code compiled afterwards.

import micropython

print(micropython.opt_level())
print(__debug__)

micropython.opt_level(1)
print(micropython.opt_level())
try:
    exec("assert False, 'should be compiled out'")
    print("assert skipped at level 1")
except AssertionError:
    print("AssertionError at level 1")
exec("print('__debug__ is', __debug__)")

micropython.opt_level(0)
print(micropython.opt_level())
try:
    exec("assert False, 'checked again'")
except AssertionError as e:
    print("AssertionError at level 0:", e.args[0])
exec("print('__debug__ is', __debug__)")

# code compiled before the level changed keeps its asserts
def check(v):
    assert v > 0, "positive"
    return v

micropython.opt_level(3)
try:
    check(-1)
except AssertionError:
    print("existing function still asserts")
micropython.opt_level(0)

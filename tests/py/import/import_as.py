# `import a.b as c`, `import m as n`, and `from p import m as n`.

import _greeting as g
print(g.hello("alias"), g.__name__)
try:
    _greeting
except NameError:
    print("NameError: only the alias is bound")

import _shapes.circle as circ
print(circ.__name__, circ.area(2))
try:
    _shapes
except NameError:
    print("NameError: `import a.b as c` binds only c")

import _shapes.square as sq, _shapes.util as ut
print(sq.area(3), ut.square(5))

from _shapes import circle as c2, util as u2
print(c2 is circ, u2 is ut)

# after a plain dotted import, the top-level name is bound
import _shapes.deep.sibling
print(_shapes.deep.sibling.OFFSET, _shapes.circle is circ)

# aliases can be rebound without affecting the module
g = None
import sys
print(sys.modules["_greeting"].GREETING)

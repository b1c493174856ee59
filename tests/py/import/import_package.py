# Packages: __init__.py runs first, submodules load on demand, attribute access after import.

import _shapes
print(_shapes.describe(), _shapes.PI, _shapes.util.square(3))

import _shapes.circle
print(_shapes.circle.area(1), round(_shapes.circle.circumference(1), 3))

from _shapes import square
print(square.area(3), square.perimeter(2))

from _shapes.square import area as sq_area
print(sq_area(5))

# submodules become attributes of the package once imported
print(hasattr(_shapes, "circle"), hasattr(_shapes, "square"), hasattr(_shapes, "deep"))

import _shapes.deep.leaf
print(_shapes.deep.leaf.leaf_area(2), hasattr(_shapes, "deep"))

# the same module object is reached every way
import sys
print(sys.modules["_shapes.circle"] is _shapes.circle, _shapes.deep.leaf.circle is _shapes.circle)
print(_shapes.__name__, _shapes.circle.__name__, _shapes.deep.leaf.__name__)

# importing a missing submodule
try:
    import _shapes.triangle
except ImportError:
    print("ImportError _shapes.triangle")
try:
    from _shapes import hexagon
except ImportError:
    print("ImportError hexagon")

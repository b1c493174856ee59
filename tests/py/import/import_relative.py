# Relative imports inside a package (from . and from ..), seen through the importing script.

from _shapes.deep import leaf
print(leaf.leaf_area(1))
print(leaf.square(4), leaf.sibling.OFFSET)

from _shapes import circle, util
print(circle.square is util.square, circle.u is util)

from _shapes import square
print(square.SIDES)

# relative imports are not allowed in a top-level script
try:
    exec("from . import _greeting")
except ImportError:
    print("ImportError relative import in script")

# the package's own relative imports bound names in the package namespace
import _shapes
print(_shapes.util is util, _shapes.PI == util.PI)
print(sorted(n for n in dir(_shapes.deep) if not n.startswith("__")))

# the same module reached through relative and absolute imports is one object
import _shapes.deep.sibling as absolute_sibling
print(leaf.sibling is absolute_sibling)

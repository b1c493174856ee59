# Extends the built-in time module, which it imports with an empty sys.path.
import sys

_path = sys.path
sys.path = ()
from time import *

sys.path = _path
del _path

extra = "time extended"

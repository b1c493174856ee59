# package initialiser: runs once, before any submodule
print("initialising package", __name__)

from . import util
from .util import PI

KINDS = ["circle", "square"]


def describe():
    return "shapes package with " + ", ".join(KINDS)

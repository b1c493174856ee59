print("loading", __name__)

from .util import PI, square
from . import util as u


def area(r):
    return PI * square(r)


def circumference(r):
    return 2 * u.PI * r

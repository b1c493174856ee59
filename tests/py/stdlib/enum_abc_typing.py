# enum, abc, string and typing as programs use them.
import string
from abc import ABC, abstractmethod
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
from typing import Any, Dict, List, Optional, Tuple, TypeVar, Union, Callable, Generic, cast


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias

    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"])
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.RED in Color, Color.default())
print(Color.BLUE.describe(), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(isinstance(Color.RED, Color), type(Color.RED).__name__, {Color.RED: "r"}[Color.CRIMSON])
print(list(Color.__members__), "{:>8}|".format(Color.RED.name))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PINK"]
except KeyError:
    print("KeyError")


class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()


print([(s.name, s.value) for s in Shape])


class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404


print(Status.OK == 200, Status.OK + 1, Status(404).name, sorted([Status.NOT_FOUND, Status.OK])[0].name, str(Status.OK), int(Status.NOT_FOUND))
print("%d" % Status.OK, "{}".format(Status.OK), Status.OK < Status.NOT_FOUND)


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print([p.value for p in Perm], Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), (rw & Perm.W) is Perm.W)


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


print(int(Mode.A | Mode.C), Mode.A | 2 == 3, Mode.B & 6 == 2)


@unique
class Fine(Enum):
    ONE = 1
    TWO = 2


try:

    @unique
    class Bad(Enum):
        ONE = 1
        UNO = 1

except ValueError:
    print("duplicate values rejected")

Animal = Enum("Animal", "CAT DOG")
print(Animal.DOG.value, [a.name for a in Animal])


class Base(ABC):
    @abstractmethod
    def area(self):
        pass

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Sq(Base):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Half(Base):
    pass


print(Sq(3).describe(), isinstance(Sq(1), Base), issubclass(Sq, Base))
for cls in (Base, Half):
    try:
        cls()
    except TypeError:
        print("TypeError: can't instantiate", cls.__name__)

print(string.ascii_lowercase, string.digits, string.hexdigits, len(string.punctuation), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"), "x" in string.ascii_letters)

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


def total(xs: List[int], scale: Optional[float] = None) -> Union[int, float]:
    s = sum(xs)
    return s * scale if scale else s


def apply(f: Callable[[int], int], table: Dict[str, Tuple[int, ...]]) -> Any:
    return {k: [f(v) for v in vs] for k, vs in table.items()}


print(total([1, 2, 3]), total([1, 2], 0.5), Box[int](5).item, cast(int, "not checked"))
print(apply(lambda v: v * 10, {"a": (1, 2)}), isinstance([], List), isinstance({}, Dict))

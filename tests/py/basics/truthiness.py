# Truth value testing in conditions, while loops, and boolean operators.

values = [0, 1, -1, 0.0, 0.5, "", "0", " ", [], [[]], (), (0,), {}, {"": 0}, set(), {0}, None, True, False,
          range(0), range(3), b"", bytearray(), bytearray(1), 0j, 1j]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no", not v)

# and/or return one of their operands
print(0 or [] or "" or None, 1 and "a" and [1], [] and 1 / 0, 1 or 1 / 0)
print("" or "default", "given" or "default", None and None.attr)

# while on a container
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())

# user objects: __bool__ wins over __len__; neither means true
class Empty:
    def __len__(self):
        return 0

class Full:
    def __len__(self):
        return 3

class Liar:
    def __len__(self):
        return 5

    def __bool__(self):
        return False

class Plain:
    pass

for obj in [Empty(), Full(), Liar(), Plain()]:
    print(type(obj).__name__, bool(obj), "truthy" if obj else "falsy")

# __bool__ must return a bool
class Bad:
    def __bool__(self):
        return 1

try:
    bool(Bad())
except TypeError:
    print("TypeError __bool__")

class NegLen:
    def __len__(self):
        return -1

try:
    bool(NegLen())
except ValueError:
    print("ValueError __len__")

# any/all use truthiness
print(any([0, "", None]), any([0, "x"]), all([1, "a", [0]]), all([1, 0]), any([]), all([]))

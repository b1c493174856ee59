# str.format(): positional, indexed, named, attribute/item access, specs, and escaping.

print("{} and {}".format("a", "b"))
print("{1} before {0}".format("zero", "one"))
print("{0}{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="ann", age=30))
print("{0[1]} {0[0]}".format(["first", "second"]))
print("{d[key]} {d[other]}".format(d={"key": "v", "other": 2}))

class P:
    x = 3
    y = 4

print("({p.x}, {p.y})".format(p=P()))
print("{{literal}} {}".format("value"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:x} {:#o} {:,}".format(3.14159, 5, 255, 8, 10 ** 6))
print("{0:{1}}|".format("dyn", 6))
print("{:{align}{width}}|".format("w", align=">", width=4))
print("{!r} {!s}".format("q", "q"))
print("{0!r:>6}".format("x"))
print("{}{}".format(1, [2]), "{}".format(None), "{}".format((1, 2)))

# mixing automatic and manual numbering is an error
try:
    "{} {0}".format(1)
except ValueError:
    print("ValueError mixed numbering")

# too few arguments
try:
    "{} {}".format(1)
except IndexError:
    print("IndexError missing positional")
try:
    "{missing}".format(other=1)
except KeyError:
    print("KeyError missing name")

# unbalanced braces
for fmt in ["{", "}", "{0"]:
    try:
        fmt.format(1)
        print("accepted", fmt)
    except ValueError:
        print("ValueError", repr(fmt))

# format used for tables
rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 4.0, 1)]
for name, price, qty in rows:
    print("{:<12}{:>6.2f}{:>4}".format(name, price, qty))

# __format__ on user classes
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        value = "%d.%02d" % divmod(self.cents, 100)
        return format(value, spec) if spec else value

print("{} | {:>10} |".format(Money(1234), Money(5)))
print(f"{Money(99)}")

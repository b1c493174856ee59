# bool is a subclass of int: arithmetic, comparisons, and printing.

print(True, False, type(True).__name__, isinstance(True, int), issubclass(bool, int))
print(True + True, True - False, True * 7, False * 7, True / 2, True // 2, -True, +False, ~True)
print(True == 1, False == 0, True == 1.0, hash(True) == hash(1))
print(sum([True, True, False, True]), max(False, True), min([True, False]))
print(int(True), float(False), str(True), repr(False), bool("False"))
print(True & False, True | False, True ^ True, not True, not False)
print(True and 5, False and 5, True or 5, False or 5)
print(True > False, False < True, True >= 1, sorted([True, False, True]))
print([10, 20][True], "ab"[False], {1: "one"}[True])
d = {True: "bool", 1: "int", 1.0: "float"}
print(d, len(d))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(1e-300), bool(""), bool(" "))
print(bool([]), bool([0]), bool(()), bool((None,)), bool({}), bool(set()), bool(None))
print(bool(range(0)), bool(range(1)), bool(b""), bool(b"\x00"))
print(True.__class__.__name__, False.__class__ is bool)
print(f"{True}", f"{True:d}", f"{False:>6}|", "%d %s" % (True, True))

# counting with booleans
words = ["apple", "Banana", "cherry", "Date"]
print(sum(w[0].isupper() for w in words))

# bool() calls __bool__ then __len__
class A:
    def __bool__(self):
        return False

class B:
    def __len__(self):
        return 0

class C:
    pass

print(bool(A()), bool(B()), bool(C()), not A(), not C())

# bool cannot be subclassed, and bool() accepts at most one argument
try:
    class MyBool(bool):
        pass
    print("subclassed")
except TypeError:
    print("TypeError")
print(bool(), bool(True))

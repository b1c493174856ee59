# os.environ: a mapping whose changes reach the process environment (getenv and the shell
# commands os.system runs see them); putenv and unsetenv called directly leave it unchanged
# (getenv reads the process environment itself, as in MicroPython, so it is not checked after them).
import os
os.environ["KRAIT_T1"] = "one"
print(os.getenv("KRAIT_T1"), os.environ["KRAIT_T1"], os.environ.get("KRAIT_T1"))
os.system("echo child sees $KRAIT_T1")
del os.environ["KRAIT_T1"]
print(os.getenv("KRAIT_T1"), "KRAIT_T1" in os.environ)
os.environ.update({"KRAIT_T2": "two"}, KRAIT_T3="three")
os.system("echo child sees $KRAIT_T2 $KRAIT_T3")
print(os.environ.pop("KRAIT_T2"), os.getenv("KRAIT_T2"), os.environ.pop("KRAIT_T2", "gone"))
print(os.environ.setdefault("KRAIT_T3", "x"), os.environ.setdefault("KRAIT_T4", "four"), os.getenv("KRAIT_T4"))
try:
    os.environ["KRAIT_T5"] = 5
except TypeError as e:
    print("TypeError", "KRAIT_T5" in os.environ)
try:
    del os.environ["KRAIT_NOPE"]
except KeyError:
    print("KeyError")
os.putenv("KRAIT_T6", "six")
print("KRAIT_T6" in os.environ)
os.unsetenv("KRAIT_T3")
print("KRAIT_T3" in os.environ)
os.system("echo child sees $KRAIT_T6")
c = os.environ.copy()
print(type(c).__name__, c["KRAIT_T3"])
print(type(os.environ).__name__ != "dict", len(os.environ) > 0, os.environ.get("KRAIT_NOPE", "default"))

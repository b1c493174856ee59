# sys.atexit (MicroPython): one function, called after the program ends.
import sys

state = []


def first():
    print("never called: replaced")


def at_exit():
    print("at exit:", state)


print(sys.atexit(first))
print(sys.atexit(None) is first)
print(sys.atexit(at_exit))
try:
    sys.atexit()
except TypeError:
    print("TypeError")
state.append("ran")
print("end of program")

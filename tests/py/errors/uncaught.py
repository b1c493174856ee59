# exp: hand
# exit: 1
# An uncaught exception prints a MicroPython-style traceback (innermost call last) and exits with 1.

def divide(a, b):
    return a / b

def average(values):
    return divide(sum(values), len(values))

print("average of [2, 4]:", average([2, 4]))
print("average of []:")
print(average([]))
print("not reached")

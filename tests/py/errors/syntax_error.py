# exp: hand
# exit: 1
# A syntax error is reported before anything runs: nothing from this file is printed.

print("this line is never executed")

def broken(x):
    return x +

print(broken(1))

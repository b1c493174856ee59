# exp: hand
# exit: 1
# Raising an exception class without arguments prints just its name.

def check(flag):
    if not flag:
        raise RuntimeError
    return "ok"


print(check(True))
check(False)

# Any expression may follow @ (relaxed decorator grammar).

def shout(fn):
    return lambda *a: fn(*a).upper()

def quiet(fn):
    return lambda *a: fn(*a).lower()

decos = [shout, quiet]
table = {"s": shout}

@decos[0]
def a():
    return "a"

@table["s"]
def b():
    return "b"

@(lambda fn: lambda: fn() * 2)
def c():
    return "c"

@decos[1] if False else shout
def d():
    return "d"

@(shout)
def e():
    return "e"

print(a(), b(), c(), d(), e())

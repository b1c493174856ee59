# The global and nonlocal statements, and scope resolution rules.

counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def make_global():
    global created_later
    created_later = "made"

make_global()
print(created_later)

# reading a global without declaring it
setting = "on"
def read():
    return setting

print(read())
setting = "off"
print(read())

# a local shadows the global
name = "global"
def shadow():
    name = "local"
    return name

print(shadow(), name)

# assignment anywhere in a function makes the name local everywhere in it
value = 1
def bad():
    try:
        print(value)
    except NameError:
        print("NameError (local before assignment)")
    value = 2

bad()

# global declaration inside a nested function
def outer():
    def inner():
        global counter
        counter = 100
    inner()

outer()
print(counter)

# nonlocal vs global in nested functions
x = "module"
def f():
    x = "f"
    def g():
        nonlocal x
        x = "g changed f's x"
    def h():
        global x
        x = "h changed module x"
    g()
    h()
    return x

print(f(), x)

# globals() reflects module state
print("counter" in globals(), globals()["counter"])
globals()["injected"] = 5
print(injected)

# del of a global from a function
temp = 1
def remove():
    global temp
    del temp

remove()
print("temp" in globals())

# class bodies do not create enclosing scopes for methods
class K:
    attr = "class attr"

    def method(self):
        try:
            return attr
        except NameError:
            return "NameError"

print(K().method())

# nonlocal must refer to an enclosing function variable
for src in ["nonlocal q", "def f():\n    nonlocal q\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        exec(src)
        print("accepted")
    except SyntaxError:
        print("SyntaxError")

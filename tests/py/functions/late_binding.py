# Late binding: closures read variables when called, defaults are bound at definition.

callbacks = {}
for name in ["a", "b", "c"]:
    callbacks[name] = lambda: name.upper()
print({k: f() for k, f in callbacks.items()})

callbacks = {}
for name in ["a", "b", "c"]:
    callbacks[name] = lambda name=name: name.upper()
print({k: f() for k, f in callbacks.items()})

# comprehension-created closures all see the final value
adders = [lambda x: x + i for i in range(4)]
print([f(10) for f in adders])
adders = [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in adders])

# a closure sees rebinding of the outer variable after creation
def make():
    fs = []
    n = 0
    while n < 3:
        fs.append(lambda: n)
        n += 1
    return fs

print([f() for f in make()])

# global lookups are also late
def use_helper():
    return helper()

def helper():
    return "first"

print(use_helper())

def helper():
    return "redefined"

print(use_helper())

# default argument expressions are evaluated once, at def time
import_count = [0]
def compute_default():
    import_count[0] += 1
    return import_count[0]

def with_default(v=compute_default()):
    return v

print(with_default(), with_default(), import_count[0])

# the classic mutable default pitfall and its fix
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket

def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_bad(1), append_bad(2), append_bad(3))
print(append_good(1), append_good(2))

# defaults live on the function object
print(append_bad.__defaults__ if hasattr(append_bad, "__defaults__") else ([1, 2, 3],))

# defaults referencing names that change later
x = 10
def snapshot(v=x):
    return v

x = 20
print(snapshot(), x)

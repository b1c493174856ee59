# Arbitrary attributes on function objects (CPython's function __dict__).

def handler():
    return handler.state

handler.state = "ready"
print(handler())
handler.state = "busy"
print(handler(), hasattr(handler, "state"), getattr(handler, "missing", "default"))

def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    wrapper.__name__ = "counted_" + fn.__name__
    return wrapper

@counted
def add(a, b):
    return a + b

add(1, 2)
add(3, 4)
print(add.calls, add.__name__)

def documented(x):
    """Return x unchanged."""
    return x

documented.version = (1, 2)
print(documented.version, sorted(k for k in documented.__dict__))
del documented.version
print(hasattr(documented, "version"))

lam = lambda: 0
lam.tag = "lambda tag"
print(lam.tag, lam.__name__)

# __enter__/__exit__: resources, exception info, suppression, nesting.

class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return False

log = []
with Resource("a", log) as r:
    log.append("body using " + r.name)
print(log)

# exit is called with the exception, and the exception propagates
log = []
try:
    with Resource("b", log):
        raise ValueError("boom")
except ValueError as e:
    log.append("caught " + str(e))
print(log)

# a manager that suppresses specific exceptions
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    {}["missing"]
    print("not reached")
print("suppressed", type(s.caught).__name__)

try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError not suppressed")

# nested with statements exit in reverse order
log = []
with Resource("outer", log), Resource("inner", log):
    log.append("body")
print(log)

# __enter__ return value is what `as` binds
class Opener:
    def __enter__(self):
        return "the handle"

    def __exit__(self, *a):
        pass

with Opener() as h:
    print(h)

# exit runs on return and break
def use():
    log = []
    with Resource("r", log):
        return log

print(use())

log = []
for i in range(3):
    with Resource(str(i), log):
        if i == 1:
            break
print(log)

# an exception in __enter__ means __exit__ is not called
class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("exit should not run")

try:
    with FailEnter():
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError", e)

# an exception raised in __exit__ replaces the original
class FailExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise KeyError("from exit")

try:
    with FailExit():
        raise ValueError("from body")
except KeyError as e:
    print("KeyError", e.args)

# the object must support the protocol
class NoProtocol:
    pass

try:
    with NoProtocol():
        pass
except (AttributeError, TypeError):
    print("not a context manager")

# a timer-like manager that records state changes
class State:
    def __init__(self):
        self.active = False

    def __enter__(self):
        self.active = True
        return self

    def __exit__(self, *a):
        self.active = False

st = State()
with st:
    print("inside", st.active)
print("outside", st.active)

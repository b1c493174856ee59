# BaseException's own __str__ / __repr__, reached through super() or directly.
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
    def __str__(self):
        return f"[{self.code}] " + super().__str__()

class Simple(Exception):
    def __str__(self):
        return "Simple: " + super().__str__()

class Keyed(KeyError):
    def __str__(self):
        return "Keyed<" + super().__str__() + ">"

print(str(AppError("bad", 7)))
print(str(Simple("one")), str(Simple()), str(Simple("a", 2)))
print(str(Keyed("k")))
print(KeyError("x").__str__(), ValueError("v").__str__(), repr(Exception().__str__()))
print(Exception("a", 1).__str__())
try:
    raise Simple("raised")
except Simple as e:
    print(e, "|", e.args)
print(Exception.__str__(ValueError("direct")))

# The new OSError subclasses exist and sit in CPython's hierarchy.
for cls in (ConnectionError, BrokenPipeError, ConnectionResetError, ConnectionRefusedError,
            ConnectionAbortedError, BlockingIOError, InterruptedError, ChildProcessError,
            ProcessLookupError, TimeoutError):
    print(cls.__name__, issubclass(cls, OSError), [c.__name__ for c in cls.__mro__[1:-2]])
for cls in (FloatingPointError, BufferError, ReferenceError, TabError, UnicodeTranslateError,
            SyntaxWarning, FutureWarning, PendingDeprecationWarning, ImportWarning,
            UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning):
    print(cls.__name__, cls.__mro__[1].__name__)

def fetch(attempt):
    if attempt < 2:
        raise ConnectionResetError("reset by peer")
    return "data"

for attempt in range(3):
    try:
        print(fetch(attempt))
    except ConnectionError as e:
        print("retrying after", type(e).__name__, e)

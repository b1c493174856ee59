# User-defined exception classes: hierarchy, extra attributes, args, and str().

class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, reason="invalid"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} failed with {code}")
        self.host = host
        self.code = code

def fail(kind):
    if kind == "config":
        raise ConfigError("port")
    if kind == "net":
        raise NetworkError("example.invalid", 503)
    if kind == "app":
        raise AppError("generic", 1)
    raise ValueError(kind)

for kind in ["config", "net", "app", "other"]:
    try:
        fail(kind)
    except ConfigError as e:
        print("config:", e.key, e.reason, e.args)
    except NetworkError as e:
        print("network:", e.host, e.code, str(e), e.args)
    except AppError as e:
        print("app:", e.args, type(e).__name__)
    except Exception as e:
        print("other:", type(e).__name__, e.args)

# catching by base class
try:
    fail("net")
except AppError as e:
    print("caught as AppError:", type(e).__name__, isinstance(e, Exception))

print(issubclass(ConfigError, AppError), issubclass(AppError, Exception), issubclass(AppError, BaseException))

# str() of exceptions with 0, 1, and many args
print(repr(str(AppError())), str(AppError("one")), str(AppError("a", 2)))

# overriding __str__
class Pretty(Exception):
    def __str__(self):
        return "pretty: " + ",".join(map(str, self.args))

try:
    raise Pretty(1, 2)
except Pretty as e:
    print(e, e.args)

# subclassing builtin exceptions
class MyKeyError(KeyError):
    pass

class MyValueError(ValueError):
    def __init__(self, value):
        super().__init__("bad value")
        self.value = value

try:
    raise MyKeyError("k")
except LookupError as e:
    print("LookupError caught", type(e).__name__, e.args)

try:
    int("x")
except MyValueError:
    print("wrong")
except ValueError:
    print("builtin ValueError is not MyValueError")

try:
    raise MyValueError(42)
except ValueError as e:
    print(e, e.value, e.args)

# exceptions can carry methods
class Retryable(Exception):
    def __init__(self, attempts):
        super().__init__(attempts)
        self.attempts = attempts

    def should_retry(self):
        return self.attempts < 3

for n in (1, 5):
    try:
        raise Retryable(n)
    except Retryable as e:
        print(n, e.should_retry())

# raising the class instantiates it with no args
try:
    raise AppError
except AppError as e:
    print("class raised:", e.args, type(e).__name__)

# exception classes without calling super().__init__ still work
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x

try:
    raise NoSuper(7)
except NoSuper as e:
    print("NoSuper", e.x)

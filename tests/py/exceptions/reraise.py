# Re-raising: bare raise, raise e, and raising inside handlers.

def log_and_reraise(fn):
    try:
        return fn()
    except Exception as e:
        print("logged", type(e).__name__)
        raise

try:
    log_and_reraise(lambda: int("q"))
except ValueError as e:
    print("re-raised ValueError reached caller")

# raise e re-raises the same object
saved = None
try:
    try:
        raise KeyError("original")
    except KeyError as e:
        saved = e
        raise e
except KeyError as e2:
    print("same object:", e2 is saved)

# bare raise in a nested function call inside a handler re-raises the handled exception
def reraise_current():
    raise

try:
    try:
        raise IndexError("current")
    except IndexError:
        reraise_current()
except IndexError as e:
    print("reraised from helper", e.args)
except RuntimeError:
    print("RuntimeError: no active exception")

# bare raise with no active exception
try:
    raise
except RuntimeError:
    print("RuntimeError: nothing to re-raise")

# re-raise after handling an inner exception restores the outer one
try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("outer restored", e.args)
except TypeError:
    print("wrong exception")

# re-raising in a loop of retries
class ConnectionFailed(Exception):
    pass

attempts = []
def flaky():
    attempts.append(len(attempts))
    if len(attempts) < 3:
        raise ConnectionFailed("try again")
    return "connected"

def retry(fn, times):
    for i in range(times):
        try:
            return fn()
        except ConnectionFailed:
            if i == times - 1:
                raise
            print("retrying after attempt", i)

print(retry(flaky, 5))
attempts.clear()
try:
    retry(flaky, 2)
except ConnectionFailed as e:
    print("gave up", e.args)

# raising a different exception in the handler
def convert():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("converted")

try:
    convert()
except ValueError as e:
    print("converted", e.args)

# raise must be given an exception
for bad in [5, "text", None, object]:
    try:
        raise bad
    except TypeError:
        print("TypeError raising", type(bad).__name__)

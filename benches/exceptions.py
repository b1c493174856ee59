# Exceptions: raising and catching in a loop (built-in and user-defined
# exception classes, a small hierarchy, except clauses with tuples and `as`),
# try/finally and try/except/else bookkeeping, exception chaining, re-raise,
# KeyError/IndexError/ZeroDivisionError from built-in operations, StopIteration
# from next(), and a context manager class whose __exit__ swallows errors.
import sys


class AppError(Exception):
    pass


class Retry(AppError):
    def __init__(self, attempt):
        super().__init__("retry", attempt)
        self.attempt = attempt


class Fatal(AppError):
    pass


class Guard:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, ValueError):
            self.log[1] += 1
            return True
        return False


def risky(i):
    r = i % 7
    if r == 0:
        raise Retry(i)
    if r == 1:
        raise Fatal("fatal %d" % i)
    if r == 2:
        return 10 // (i % 2)
    if r == 3:
        return [1, 2, 3][i % 5]
    if r == 4:
        return {"a": 1}["b" if i & 1 else "a"]
    return i


def level2(i):
    try:
        return risky(i)
    except Retry as e:
        if e.attempt % 3 == 0:
            raise
        return -1


def level1(i, stats):
    try:
        v = level2(i)
    except (ZeroDivisionError, IndexError):
        stats["arith"] += 1
        v = 0
    except KeyError as e:
        stats["key"] += 1
        v = len(e.args)
    except AppError as e:
        try:
            raise RuntimeError("wrapped") from e
        except RuntimeError as w:
            stats["chained"] += 1 if w.__cause__ is e else 0
        v = 2
    else:
        stats["clean"] += 1
    finally:
        stats["finally"] += 1
    return v


def main(n):
    stats = {"arith": 0, "key": 0, "chained": 0, "clean": 0, "finally": 0}
    total = 0
    for i in range(n):
        total += level1(i, stats)
    log = [0, 0]
    for i in range(n // 4):
        with Guard(log):
            if i % 3 == 0:
                raise ValueError(i)
            total += 1
    it = iter(range(n // 4))
    stops = 0
    while True:
        try:
            total += next(it) & 1
        except StopIteration:
            stops += 1
            break
    print("exceptions", n, total, stops, log, " ".join("%s=%d" % kv for kv in sorted(stats.items())))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 400000)

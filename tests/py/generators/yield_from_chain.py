# Deep `yield from` chains: values, send(), throw(), close(), return values,
# exceptions through every level, and re-entrancy checks.


def leaf(n, log):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                log.append(("leaf got", got))
    finally:
        log.append("leaf done")
    return "leaf-ret"


def mid(depth, n, log):
    r = yield from (leaf(n, log) if depth == 0 else mid(depth - 1, n, log))
    log.append(("mid", depth, r))
    return r + "+" + str(depth)


log = []
print(list(mid(5, 4, log)))
print(log)

# send() reaches the innermost generator through every level
log = []
g = mid(4, 5, log)
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(next(g))
print(log)
# throw() goes to the innermost; it doesn't catch, so it propagates out
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("caught", type(e).__name__, e.args)
print(log)
print(next(g, "exhausted"))


# StopIteration value through the levels, and more yields after a delegate returns
def inner2():
    yield 1
    yield 2
    return 10


def outer2(k):
    total = 0
    for _ in range(k):
        total += yield from inner2()
        yield "between"
    return total


def top2():
    r = yield from outer2(3)
    yield ("outer2 returned", r)


print(list(top2()))


# An exception raised in the innermost, caught by a middle level, which goes on
def raiser():
    yield "r1"
    raise KeyError("k")


def catcher():
    try:
        yield from raiser()
    except KeyError as e:
        yield ("caught in catcher", type(e).__name__, e.args)
    yield "after"


def wrapper():
    yield from catcher()
    yield "wrapper end"


print(list(wrapper()))


# Traceback-relevant: the exception passes through each level uncaught
def level(n):
    if n == 0:
        yield 0
        1 / 0
    else:
        yield from level(n - 1)


g = level(6)
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
print(next(g, "done"))


# StopIteration raised inside the innermost becomes RuntimeError
def bad():
    yield 1
    raise StopIteration


def via_bad():
    yield from bad()


def via_via():
    try:
        yield from via_bad()
    except RuntimeError as e:
        yield ("RuntimeError", str(e))


print(list(via_via()))


# Re-entrancy: the innermost tries to resume an outer generator
holder = []


def reenter():
    yield 1
    try:
        next(holder[0])
    except ValueError as e:
        yield ("reentry", str(e))
    yield 3


def chain_a():
    yield from reenter()


def chain_b():
    yield from chain_a()


g = chain_b()
holder.append(g)
print(list(g))


# ... and the middle level
holder = []


def reenter2():
    yield 1
    try:
        holder[0].send(None)
    except ValueError as e:
        yield ("reentry-mid", str(e))


def chain_c():
    yield from reenter2()


def chain_d():
    yield from chain_c()


g = chain_d()
holder.append(None)
c_gen = None


def chain_e():
    global c_gen
    c_gen = chain_c()
    holder[0] = c_gen
    yield from c_gen


print(list(chain_e()))


# close() of the outer closes every level (finally blocks run innermost first)
log = []
g = mid(3, 10, log)
print(next(g), next(g))
g.close()
print(log)
print(next(g, "closed"))


# The middle generator was advanced directly: the outer resumes from it
def counter():
    for i in range(5):
        yield i


def m2(c):
    yield from c


c = counter()
outer = m2(c)
print(next(outer))
print(next(c))  # advance the delegate directly
print(list(outer))


# A delegate finished externally
c = counter()
outer = m2(c)
print(next(outer))
print(list(c))
print(list(outer))


# Delegation to a non-generator iterator at the bottom, generators above
def m3():
    yield from [1, 2, 3]
    return "list done"


def m4():
    r = yield from m3()
    yield r


def m5():
    yield from m4()


g = m5()
print(next(g), g.send(None), next(g), next(g))


# send() with a non-generator at the bottom (AttributeError from list iterator send)
g = m5()
next(g)
try:
    g.send(5)
except AttributeError:
    print("AttributeError")


# An exception handled inside a generator when it delegates is restored
def h_inner():
    yield 1
    yield 2


def h_outer():
    try:
        raise TypeError("ctx")
    except TypeError:
        yield from h_inner()
        try:
            raise
        except TypeError as e:
            yield ("reraised", str(e))


def h_top():
    yield from h_outer()


print(list(h_top()))


# pend_throw-like behaviour is MicroPython only; a pending gi state check via running flag
def running_check():
    yield gen_x.gi_running if hasattr(gen_x, "gi_running") else True


def rc_outer():
    yield from running_check()


gen_x = rc_outer()
print(list(gen_x))


# Very long chains
def deep(n):
    if n == 0:
        yield from range(3)
        return "bottom"
    r = yield from deep(n - 1)
    return r


g = deep(200)
print(list(g))

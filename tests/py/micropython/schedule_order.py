# exp: hand
# micropython.schedule: callbacks run later (at a loop's back edge or a sleep),
# one at a time and in order; those a running callback schedules wait until it
# returns; the queue holds 4; a callback's exception is printed and dropped; and
# scheduling kbd_intr raises KeyboardInterrupt at the next check.
import micropython

log = []


def cb(x):
    log.append(x)


micropython.schedule(cb, 1)
micropython.schedule(cb, 2)
log.append("scheduled")
for _ in range(10):
    pass
print(log)


def outer(x):
    micropython.schedule(cb, "inner")
    for _ in range(5):
        pass
    log.append("outer done")


log.clear()
micropython.schedule(outer, None)
for _ in range(10):
    pass
print(log)


def fill(_):
    n = 0
    try:
        for i in range(10):
            micropython.schedule(cb, i)
            n += 1
    except RuntimeError as e:
        print("RuntimeError", e, n)


log.clear()
micropython.schedule(fill, None)
for _ in range(20):
    pass
print(log)


def bad(_):
    raise ValueError("from callback")


micropython.schedule(bad, None)
for _ in range(3):
    pass
print("still running")

micropython.schedule(micropython.kbd_intr, None)
try:
    for _ in range(3):
        pass
    print("fail")
except KeyboardInterrupt:
    print("KeyboardInterrupt")

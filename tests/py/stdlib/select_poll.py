# exp: hand
# select.poll and select.select as MicroPython has them: objects are reported
# as registered (CPython reports file descriptors), register() replaces the
# mask, unregister() of an unknown object is silent, modify() of one raises
# OSError(ENOENT), ipoll's one-shot flag, and MicroPython-style streams
# polled through their ioctl() method. (The expected output is written by hand.)
import os
import select

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)


class Flag:
    # Readable while set (True), like asyncio.ThreadSafeFlag; a negative state
    # is an error the poll answers with.
    def __init__(self):
        self.state = False
        self.asked = []

    def ioctl(self, req, arg):
        self.asked.append((req, arg))
        if req == 3:
            if self.state is not True:
                return self.state or 0
            return arg & select.POLLIN
        return -1  # no other request (such as 10, asking for a file descriptor)


p = select.poll()
print(p.poll(0))
flag = Flag()
p.register(flag, select.POLLIN)
print(p.poll(0), flag.asked)
flag.state = True
r = p.poll(0)
print(r[0][0] is flag, r[0][1])
# A timeout in milliseconds: nothing is ready.
flag.state = False
print(p.poll(3))
# An ioctl answering a negative number raises OSError with that errno.
flag.state = -5
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.args[0])
flag.state = False

name = "_select_poll.tmp"
f = open(name, "wb")
p.register(f)  # POLLIN | POLLOUT by default
p.register(f, select.POLLOUT)  # again: replaces the mask
res = p.poll(0)
print(len(res), res[0][0] is f, res[0][1])
p.modify(f, select.POLLIN | select.POLLOUT)
print(p.poll(0)[0][1])

# ipoll with the one-shot flag: an object reported is not polled again until modify().
print([ev for obj, ev in p.ipoll(0, 1)])
print(list(p.ipoll(0)))
p.modify(f, select.POLLOUT)
print([ev for obj, ev in p.ipoll(0)])
# ipoll yields one callee-owned tuple, refilled for each ready object: no
# allocation per poll (copy what must be kept).
g = open(__file__)
p.register(g, select.POLLIN)
kept = [t for t in p.ipoll(0)]
print(len(kept), kept[0] is kept[1], kept[1][0] is g, [tuple(t)[1] for t in p.ipoll(0)])
p.unregister(g)
g.close()

p.unregister(f)
p.unregister(f)  # not registered any more: nothing happens
try:
    p.modify(f, select.POLLIN)
except OSError as e:
    print("OSError", e.args[0] == 2)
print(p.poll(0))

# File descriptors as ints.
p.register(f.fileno(), select.POLLOUT)
print(p.poll(0) == [(f.fileno(), select.POLLOUT)])
p.unregister(f.fileno())

try:
    p.register(object())
except TypeError:
    print("TypeError")

# select.select: three lists, the timeout in seconds.
r, w, x = select.select([flag], [f], [], 0)
print(r, w == [f], x)
flag.state = True
r, w, x = select.select([flag], [], [], 0.001)
print(r == [flag], w, x)
f.close()
os.remove(name)

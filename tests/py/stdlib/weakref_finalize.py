# weakref.finalize: calling, alive/peek/detach, arguments, finalizers kept alive
# by the module, the order they run in, and those still alive at exit (atexit).
import gc
import weakref


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "A(%r)" % self.name


def report(*args, **kwargs):
    print("report", args, sorted(kwargs.items()))
    return len(args)


def shape(info):
    # (obj, func, args, kwargs) without the addresses in reprs.
    if info is None:
        return None
    return (info[0], info[1].__name__, info[2], info[3])


print("-- alive, peek, detach, call")
a = A("a")
f = weakref.finalize(a, report, 1, 2, key="value")
print(f.alive, f.atexit, shape(f.peek()))
info = f.detach()
print(shape(info), info[0] is a, f.alive, f.peek(), f.detach(), f())

print("-- calling runs it once")
f = weakref.finalize(a, report, "called")
print(f(), f.alive, f(), f.peek())

print("-- keyword arguments and no arguments")
f = weakref.finalize(a, report, x=1, y=2)
print(f())
f = weakref.finalize(a, report)
print(shape(f.peek()), f())

print("-- runs when the object is collected, result dropped")
b = A("b")
weakref.finalize(b, report, "b collected")
b = None
gc.collect()
print("after collect")

print("-- alive until then, though the program keeps no reference")
c = A("c")
weakref.finalize(c, report, "c collected")
gc.collect()
print("c still here")
c = None
gc.collect()

print("-- state after its object was collected")
d = A("d")
f = weakref.finalize(d, report, "d collected")
d = None
gc.collect()
print(f.alive, f.peek(), f.detach(), f())

print("-- a detached finalizer never runs")
e = A("e")
f = weakref.finalize(e, report, "never")
f.detach()
e = None
gc.collect()
print(f.alive)

print("-- an exception from an explicit call propagates")
g = A("g")
f = weakref.finalize(g, lambda: 1 / 0)
try:
    f()
except ZeroDivisionError:
    print("ZeroDivisionError", f.alive)

print("-- several finalizers of one object: newest first")
h = A("h")
for i in range(3):
    weakref.finalize(h, print, "finalizer", i)
h = None
gc.collect()

print("-- finalizers and references of one object: newest first")
log = []
k = A("k")
r1 = weakref.ref(k, lambda r: log.append("ref1"))
weakref.finalize(k, log.append, "fin1")
r2 = weakref.ref(k, lambda r: log.append("ref2"))
weakref.finalize(k, log.append, "fin2")
k = None
gc.collect()
print(log)

print("-- the function and arguments are held strongly")
m = A("m")
f = weakref.finalize(m, report, A("argument"))
print(f.peek()[2])
m = None
gc.collect()

print("-- a finalizer whose arguments hold its object never runs")
n = A("n")
keep = weakref.finalize(n, report, n)
n = None
gc.collect()
print(keep.alive)
keep.detach()

print("-- errors")
try:
    weakref.finalize(A("x"))
except TypeError:
    print("TypeError: no function")
try:
    weakref.finalize()
except TypeError:
    print("TypeError: no arguments")
for v in (None, 0, "", (), [], {}):
    try:
        weakref.finalize(v, report)
    except TypeError as e:
        print(e)
try:
    f.alive = False
except AttributeError:
    print("AttributeError: alive is read-only")

print("-- repr")
o = A("o")
f = weakref.finalize(o, report)
text = repr(f)
print(text.startswith("<finalize object at 0x"), "; for 'A' at 0x" in text, hex(id(o)) in text)
f.detach()
print(repr(f).endswith("; dead>"))

print("-- at exit: live finalizers with atexit, newest first")
p, q, s = A("p"), A("q"), A("s")
weakref.finalize(p, print, "exit p")
fq = weakref.finalize(q, print, "never at exit: atexit is false")
fq.atexit = False
print(fq.atexit)


def at_exit_make_another():
    print("exit s")
    weakref.finalize(p, print, "made at exit")


weakref.finalize(s, at_exit_make_another)
print("end of program")

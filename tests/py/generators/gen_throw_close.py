# generator.throw() and generator.close().

def worker():
    while True:
        try:
            x = yield "ready"
            print("processing", x)
        except ValueError as e:
            print("worker caught ValueError", e.args)
            yield "recovered"

w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad input")))
print(next(w))

# an exception not handled by the generator propagates to the caller
def fragile():
    yield 1
    yield 2

f = fragile()
next(f)
try:
    f.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e.args)
print(list(f))  # the generator is now finished

# throw into a just-created generator raises immediately
g = fragile()
try:
    g.throw(RuntimeError)
except RuntimeError:
    print("RuntimeError before start")
print(list(g))

# throw with an exception class
def catcher():
    try:
        yield 1
    except IndexError:
        yield "caught class"

c = catcher()
next(c)
print(c.throw(IndexError))

# close() raises GeneratorExit at the yield; finally blocks run
def resource():
    print("open")
    try:
        yield "data1"
        yield "data2"
    finally:
        print("closed")

r = resource()
print(next(r))
r.close()
print(list(r))
r.close()  # closing twice is harmless

# close() on an unstarted generator does not run its body
r2 = resource()
r2.close()
print("unstarted closed")

# catching GeneratorExit and yielding again is a RuntimeError
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            yield "refuse"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError:
    print("RuntimeError: generator ignored GeneratorExit")

# catching GeneratorExit and returning is fine
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("polite exit")
        return

p = polite()
next(p)
p.close()
print("after polite close")

# throw returning a value via StopIteration
def returns_on_throw():
    try:
        yield 1
    except ValueError:
        return "handled"

rt = returns_on_throw()
next(rt)
try:
    rt.throw(ValueError)
except StopIteration as e:
    print("StopIteration", e.value)

# generator.send(): values flow into the paused yield expression.

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            continue
        total += value

acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
print(next(acc))
print(acc.send(-3))

# the first send must be None
g = accumulator()
try:
    g.send(1)
except TypeError:
    print("TypeError: non-None first send")
print(g.send(None))

# a coroutine-style consumer
def averager():
    count = 0
    total = 0.0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

av = averager()
next(av)
for v in [10, 20, 60]:
    print("average", av.send(v))

# send returns the next yielded value and can end the generator
def two_steps():
    a = yield "first"
    b = yield "second got " + str(a)
    return "done with " + str(b)

g = two_steps()
print(next(g))
print(g.send("A"))
try:
    g.send("B")
except StopIteration as e:
    print("StopIteration value:", e.value)

# send after exhaustion raises StopIteration
try:
    g.send("C")
except StopIteration as e:
    print("StopIteration again", e.value)

# a state machine driven by send
def parser():
    out = []
    state = "key"
    key = None
    while True:
        tok = yield out
        if state == "key":
            key = tok
            state = "value"
        else:
            out.append((key, tok))
            state = "key"

p = parser()
next(p)
for t in ["a", 1, "b", 2, "c"]:
    result = p.send(t)
print(result)

# send into a generator that yields from a loop with a conditional
def filterer(pred):
    kept = []
    while True:
        item = yield len(kept)
        if pred(item):
            kept.append(item)
        if item == "stop":
            return kept

f = filterer(lambda s: len(s) > 2)
next(f)
for word in ["hi", "hello", "yo", "world"]:
    f.send(word)
try:
    f.send("stop")
except StopIteration as e:
    print(e.value)

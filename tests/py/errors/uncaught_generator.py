# exp: hand
# exit: 1
# An exception raised inside a generator shows the generator's frame in the traceback.

def readings(raw):
    for item in raw:
        yield int(item)


def total(raw):
    s = 0
    for v in readings(raw):
        s += v
    return s


print(total(["1", "2", "3"]))
print(total(["4", "five"]))

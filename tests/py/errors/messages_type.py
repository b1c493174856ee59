# exp: hand
# TypeError messages as MicroPython words them.

class Point:
    pass


def two(a, b):
    return a + b


def kw_only(*, key):
    return key


number = 5
nothing = None
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: 1 < "a",
    lambda: -"text",
    lambda: number(),
    lambda: nothing(),
    lambda: Point()(),
    lambda: len(number),
    lambda: nothing[0],
    lambda: number[0],
    lambda: iter(number),
    lambda: [x for x in nothing],
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, 2, c=3),
    lambda: kw_only(1),
    lambda: kw_only(),
    lambda: {[1]: 2},
    lambda: "abc"[1.5],
    lambda: "x" * "y",
    lambda: int([]),
    lambda: "%d" % "s",
    lambda: ",".join([1, 2]),
]
for case in cases:
    try:
        case()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)

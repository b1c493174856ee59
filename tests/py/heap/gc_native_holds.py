# Builtins that gather values from iterators running Python code keep what they
# have gathered alive while that code runs (and collects).
import gc

try:
    gc.threshold(1)  # MicroPython/krait: collect at almost every safepoint
except AttributeError:
    pass


def fresh(n):
    for i in range(n):
        yield [i, str(i) * 3]


def churn(n):
    for i in range(n):
        junk = [[j] for j in range(20)]
        yield i


pairs = list(zip(fresh(100), churn(100)))
print(len(pairs), pairs[-1], sum(p[0][0] for p in pairs))
print(list(zip(fresh(50), churn(50), fresh(50)))[-1])
print(list(map(lambda a, b: (a, b), fresh(100), churn(100)))[-1])
print(list(map(lambda a, b, c, d, e: [a, e], fresh(30), churn(30), churn(30), churn(30), fresh(30)))[-1])
print(list(zip(fresh(40), churn(40), strict=True))[-1])
print(sorted(fresh(60), key=lambda x: ([j for j in range(10)], -x[0]))[0])
print(",".join(x[1] for x in fresh(40))[-12:])
print(max(fresh(50), key=lambda x: [x[0] % 7, [j for j in range(5)]]))
print(dict((x[1], x) for x in fresh(30))["292929"])

# Chained comparisons evaluate each operand once and short-circuit.

x = 5
print(1 < x < 10, 1 < x > 10, 10 > x >= 5, x == 5 == 5.0)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4 < 5)
none = None
print(1 == 1 != 2, none is none is not x, x is not none is none)
print(0 <= x <= 0, -1 < 0 < 1, "a" < "b" < "c")
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[3]])

calls = []
def v(n):
    calls.append(n)
    return n

print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)  # stops after the first false comparison
calls.clear()
print(v(1) < v(5) > v(2) == v(2), calls)
calls.clear()

# each operand is evaluated only once
counter = [0]
def once():
    counter[0] += 1
    return 5

print(1 < once() < 10, counter[0])

# mixing types
print(1 < 1.5 < 2, 0 == 0.0 == False, True == 1 == 1.0)

# chained comparisons in loops and conditions
for n in range(-2, 4):
    if 0 < n < 3:
        print(n, "inside")
    elif n <= 0 >= -1:
        print(n, "low")
    else:
        print(n, "high")

# comparisons of sequences are lexicographic
print([1, 2] < [1, 3] < [2], (1, 2) == (1, 2) < (1, 2, 0))
print("abc" < "abd" < "b", "" < "a", "Z" < "a")

# a comparison result can itself be compared
print((1 < 2) == True, (1 < 2) < 2)

# TypeError in the middle of a chain
try:
    print(1 < 2 < "3")
except TypeError:
    print("TypeError")
print(1 > 2 < "3")  # short-circuits before comparing int with str

# Operator precedence and associativity.

print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1)
print(10 - 4 - 3, 10 - (4 - 3))
print(100 / 10 / 5, 100 // 7 % 3, 100 % 7 // 3)
print(1 + 2 << 3, 1 + (2 << 3), 1 << 2 + 3)
print(6 & 3 | 8, 6 & (3 | 8), 6 ^ 3 & 1, (6 ^ 3) & 1)
print(1 | 2 ^ 3 & 4, 5 & 3 == 1, (5 & 3) == 1)
print(~1 + 1, ~(1 + 1), -~5, ~-5)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(True or False and False, (True or False) and False)
print(1 < 2 == 2, 1 < (2 == 2))
print(0 or 3 and 4, 0 and 3 or 4, None or [] or "x")
print(2 * -3, 2 - -3, - - 3, + - 3)
print(3 * 2 ** 2, 3 ** 2 * 2, -3 ** 2 * -1)
print(7 % 3 * 2, 7 * 3 % 2)
print(1 if 0 else 2 + 10, (1 if 0 else 2) + 10)
print(not 0 + 0, [1] * 2 + [3])
print("a" + "b" * 3, ("a" + "b") * 3)
print(5 in [5] == True, (5 in [5]) == True)
print(-3 // 2, -(3 // 2), 2 ** 0.5 ** 2)
f = lambda x: x + 1 if x else 0
print(f(1), f(0))
x = [1, 2, 3]
print(x[1] ** 2, -x[0], not x[0], x[-1:][0] * 2)
print(1 + 2j * 3, (1 + 2j) * 3)
a = b = c = 5
print(a, b, c)
a = 1
a, b = b, a + b
print(a, b)
# short-circuit results are operands, not bools
print(0 or "", "" or 0, 1 and "x", [] and 1, 3 and 0 or None)

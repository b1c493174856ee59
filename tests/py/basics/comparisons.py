# Comparison operators across types.

print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 5 == 5, 5 != 5)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" == "", "é" > "e")
print(b"a" < b"b", b"ab" == b"ab", b"\x00" < b"\x01")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print((1, "a") < (1, "b"), (2,) > (1, 5), () == (), (1, 2) != (1, 2))
print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] < [1, [2, 4]])
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1, 2} == {2, 1})
print(None == None, None != 0, None == False, [] == (), [] == [])
print(1 == "1", "1" != 1, 0 == False, 1.0 == True)

# equality vs identity
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a is a)

# ordering between unrelated types is a TypeError; equality is not
for expr in ["1 < 'a'", "[] < ()", "None < 0", "{} < {}", "'a' > b'a'", "1 <= None"]:
    try:
        print(eval(expr))
    except TypeError:
        print("TypeError", expr)
print("a" == b"a", [1] == (1,), {} == [])

# set comparisons mean subset/superset
s1, s2 = {1, 2}, {1, 2, 3}
print(s1 < s2, s1 <= s2, s2 > s1, s1 >= s1, s1 < s1, {1, 4} < s2)

# comparisons return bools, usable in arithmetic
print(sum(x > 2 for x in range(6)), (3 > 2) + (2 > 1))

# sorting relies on <
print(sorted(["pear", "Apple", "fig", "apple"]), sorted([(2, "b"), (1, "z"), (2, "a")]))

# nan comparisons inside containers: identity shortcut for the same object
nan = float("nan")
lst = [nan]
print(nan in lst, lst == lst, [nan] == [float("nan")])

# min and max by comparisons
print(max("apple", "banana"), min([3, 1, 2]), max([[1, 2], [1, 3]]))

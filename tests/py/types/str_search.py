# str searching methods: find, rfind, index, rindex, count, startswith, endswith, in.

s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""), s.rfind(""))
print(s.find("o", 15, 20), s.find("o", -10), s.rfind("o", 0, 20), s.find("dog", -3))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), s.count("o", 20))
try:
    s.index("cat")
except ValueError:
    print("ValueError index")
try:
    s.rindex("zebra")
except ValueError:
    print("ValueError rindex")

print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.startswith(""))
print(s.endswith("dog"), s.endswith("lazy", 0, -4), s.endswith(("cat", "dog")), "".endswith(""))
print("fox" in s, "cat" in s, "" in s, "" in "", "the quick" not in s)

# counting non-overlapping occurrences
print("aaaa".count("aa"), "ababab".count("aba"), "abc".count("abcd"))

# searching in unicode strings uses character indices
u = "héllo wörld"
print(u.find("w"), u.index("ö"), u.count("l"), u.rfind("l"), len(u))

# empty strings
print("".find("a"), "".find(""), "".count(""), "abc".find("", 10), "abc".find("", 3))

# methods on literals and in comprehensions
words = ["apple", "banana", "cherry", "avocado"]
print([w for w in words if w.startswith("a")], sum(w.count("a") for w in words))

# start/end accept None and negative values
print(s.find("o", None, None), s.count("o", -12, None), s.startswith("dog", -3), s.endswith("the", None, 3))

# type errors
try:
    s.find(5)
except TypeError:
    print("TypeError find int")
try:
    "abc".startswith(["a"])
except TypeError:
    print("TypeError startswith list")

# Explicit and implicit line joining.

total = 1 + \
    2 + \
    3
print(total)

if total > 5 and \
   total < 10:
    print("in range")

# implicit joining inside brackets
values = [
    1,
    2,
    3,  # trailing comma and comment
]
print(values)

mapping = {
    "a": 1,
    "b": 2,
}
print(mapping)

result = (1
          + 2
          * 3)
print(result)

def f(a,
      b,
      c=3):
    return a + b + c

print(f(1,
        2))

call = max(
    5,
    9,
    2,
)
print(call)

nested = [[1, 2,
           3], (4,
                5), {6:
                     7}]
print(nested)

# strings continued with backslash-newline inside brackets don't need it
msg = ("part one, "
       "part two")
print(msg)

# backslash continuation inside expressions in conditions
x = 5
y = 10 if x > 3 \
    else 20
print(y)

# a continuation line may be indented any amount
z = \
        42
print(z)

# blank and comment lines inside brackets are ignored
lst = [

    1,
    # comment

    2,
]
print(lst)

# with statement continued over lines
class CM:
    def __enter__(self):
        return "entered"

    def __exit__(self, *a):
        return False

with CM() as a, \
     CM() as b:
    print(a, b)

# backslash followed by something other than newline is an error
try:
    eval("1 + \\ 2")
except SyntaxError:
    print("SyntaxError")

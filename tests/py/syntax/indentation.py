# Indentation: tabs, spaces, deep nesting, one-line suites, and errors.

def four():
    return 4

def two():
  return 2

def tab():
	return "tab"

def mixed_blocks(n):
    if n > 0:
            return "deep"
    else:
     return "shallow"

print(four(), two(), tab(), mixed_blocks(1), mixed_blocks(0))

# single-line suites
if True: print("one-line if")
for i in range(2): print("loop", i)
while False: pass
def one(): return 1
class C: x = 5
print(one(), C.x)

# multiple statements on a one-line suite
if True: a = 1; b = 2; print(a + b)

# deep nesting
def deep(n):
    if n > 0:
        if n > 1:
            if n > 2:
                if n > 3:
                    if n > 4:
                        return 5
                    return 4
                return 3
            return 2
        return 1
    return 0

print([deep(i) for i in range(7)])

# dedent to an outer level in one step
for i in range(3):
    for j in range(3):
        if i == j:
            continue
    print("outer", i, j)
print("done")

# indentation errors
bad_sources = [
    "if True:\nprint(1)\n",
    "  x = 1\n",
    "if True:\n    x = 1\n  y = 2\n",
    "def f():\n    x = 1\n        y = 2\n",
]
for src in bad_sources:
    try:
        exec(src)
        print("ok")
    except SyntaxError:
        # CPython raises the subclass IndentationError for some of these
        print("SyntaxError")

print(issubclass(IndentationError, SyntaxError))

# empty lines and comments with odd indentation don't matter
def g():
    x = 1
        # a comment indented further
  # a comment indented less

    return x
print(g())

# exp: hand
# SyntaxError from compile()/exec()/eval() is an ordinary exception that can be caught.

sources = [
    "x = ",
    "def f(:\n    pass",
    "for x in range(3) print(x)",
    "return 5",
    "x = (1, 2",
    "1 = x",
    "f(**a, *b)",
    "class C\n    pass",
]
for src in sources:
    try:
        exec(src)
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", repr(src), "->", e.args[0])

try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, isinstance(e, Exception))
print("program continues")

# more statements that only make sense in certain places
for src in ["break", "continue", "def f():\n    yield = 1", "x += 1 = 2", "del f()", "a, b += 1", "lambda: (yield)"]:
    try:
        exec(src)
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", repr(src), "->", e.args[0])

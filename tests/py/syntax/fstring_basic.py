# f-strings: expressions, conversions, nesting and quoting.

name = "krait"
n = 7
items = [1, 2, 3]
d = {"k": "v", "n": 3}

print(f"hello {name}")
print(f"{n} + 1 = {n + 1}")
print(f"{items[0]} {items[-1]} {len(items)}")
print(f"{d['k']} {d['n'] * 2}")
print(f"{name.upper()} {name[1:3]}")
print(f"{'nested'} {'y' if n else 'z'}")
print(f"{n!r} {name!r} {name!s} {items!r}")
print(f"{{literal braces}} {{{n}}}")
print(f"{n}{n}{n}", f"", f"no fields")
print(f"{n if n > 5 else -n}")
print(f"{[x * 2 for x in items]}")
print(f"{ n }", f"{n }", f"{ n}")

# nested f-strings
inner = "in"
print(f"out {f'{inner}ner'} out")
print(f"{f'{n:>3}'}|")

# calling functions and methods
def greet(who, punct="!"):
    return "hi " + who + punct

print(f"{greet(name)} {greet('you', punct='?')}")
print(f"{', '.join(str(i) for i in items)}")

# objects with __str__ and __repr__
class P:
    def __str__(self):
        return "P-str"

    def __repr__(self):
        return "P-repr"

p = P()
print(f"{p} {p!s} {p!r}")
print(f"{str(p)} {repr(p)}")

# multi-line f-strings
text = f"""first {n}
second {name}"""
print(text)

# f-string across adjacent literals
print(f"a{n}" "b" f"c{n}")

# conversion + format spec together
print(f"{name!r:>10}|{name!s:<8}|")

# errors inside a replacement field propagate
try:
    print(f"{1 / 0}")
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    print(f"{undefined_name}")
except NameError:
    print("NameError")

# str split/rsplit/splitlines/partition/join and their edge cases.

print("a,b,,c".split(","), "a b  c".split(), "  lead and trail  ".split())
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a b c".rsplit(None, 1), "a b c".split(maxsplit=1))
print("".split(), "".split(","), "   ".split(), ",".split(","), "abc".split("abc"))
print("one\ttwo\nthree  four".split(), "x--y--z".split("--"))
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(), "".splitlines(), "a\n\nb".splitlines())
print("line1\nline2\n".splitlines(True))
try:
    "abc".split("")
except ValueError:
    print("ValueError empty separator")

print("key=value=more".partition("="), "novalue".partition("="), "a=b".rpartition("="), "abc".rpartition("x"))

print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"), "-".join([]), "-".join(["solo"]))
print(", ".join(str(n) for n in range(5)), "/".join(("usr", "local", "bin")))
try:
    ",".join(["a", 1])
except TypeError:
    print("TypeError join non-str")

# round trips
line = "name,age,city"
fields = line.split(",")
print(fields, ",".join(fields) == line)

# parsing key-value pairs
config = "host=localhost; port=8080 ;debug=true"
pairs = dict(item.strip().split("=", 1) for item in config.split(";"))
print(pairs)

# csv-ish parsing with stripping
rows = """  id | name  | score
 1  | ann | 90
 2  | bob | 85 """
table = [[cell.strip() for cell in r.split("|")] for r in rows.splitlines()]
print(table)

# split with maxsplit 0 and negative
print("a b c".split(" ", 0), "a b c".split(" ", -1), "a  b".split(" "))

# splitting unicode text
print("ä ö ü".split(), "α,β,γ".split(","))

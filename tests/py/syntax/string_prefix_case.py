# Upper-case and mixed-case string prefixes (CPython accepts every case combination).

x = 3
print(R"raw\tupper", r"raw\tlower")
print(B"bytes", Rb"\x00", bR"\x01", RB"\x02", BR"\x03")
print(U"unicode", F"{x}", Rf"\{x}", fR"\{x}", FR"{x}\n", RF"{x}\t")
print(type(B"").__name__, type(U"").__name__, type(F"").__name__)
print(len(R"\n"), len(BR"\n"), len(FR"\n{x}"))
for src in ['rb"ok"', 'bR"ok"', 'ub"no"', 'bu"no"', 'fb"no"', 'rr"no"', 'bb"no"', 'uR"no"']:
    try:
        print(src, repr(eval(src)))
    except SyntaxError:
        print(src, "SyntaxError")

# every combination of case is the same literal
x = 5
print(r"\d" == R"\d", b"\x41" == B"\x41", rb"\n" == Rb"\n" == rB"\n" == RB"\n" == bR"\n" == Br"\n" == BR"\n")
print(f"{x}" == F"{x}", rf"{x}\n" == Rf"{x}\n" == rF"{x}\n" == RF"{x}\n" == fR"{x}\n" == Fr"{x}\n" == FR"{x}\n")
print(u"abc" == U"abc" == "abc", type(U"").__name__)

# triple-quoted strings with upper-case prefixes
block = R"""raw
\block"""
print(block, len(block))
data = BR'''\x00
\x01'''
print(data, len(data))
fmt = F"""{x}
{x * 2}"""
print(fmt.split())

# prefixes inside expressions and containers
items = [R"\a", B"b", F"{x}", U"u"]
print([type(i).__name__ for i in items], [len(i) for i in items])
print(R"a" + r"b", B"a" + b"b", F"{R'x'}")

# re: the ASCII, UNICODE, VERBOSE, LOCALE and TEMPLATE flags, and the Pattern and Match types.
import re

print(int(re.A) == int(re.ASCII), int(re.U) == int(re.UNICODE), int(re.X) == int(re.VERBOSE))
print(int(re.L) == int(re.LOCALE), int(re.T) == int(re.TEMPLATE))
print(int(re.ASCII), int(re.UNICODE), int(re.VERBOSE), int(re.LOCALE), int(re.TEMPLATE))

# ASCII: \w, \d, \s and case folding only match ASCII
s = "héllo wörld 123"
print(re.findall(r"\w+", s))
print(re.findall(r"\w+", s, re.ASCII))
print(re.findall(r"\w+", s, re.UNICODE))
print(re.match(r"(?a)\w+", "été"), re.match(r"\w+", "été").group())
print(re.compile(r"\w", re.ASCII).flags & re.ASCII == re.ASCII)
print(re.compile(r"\w").flags & re.UNICODE == re.UNICODE)
try:
    re.compile(r"\w", re.ASCII | re.UNICODE)
except ValueError:
    print("ValueError: ASCII and UNICODE")

# VERBOSE: white space and comments in the pattern are ignored
number = re.compile(
    r"""
    (?P<sign>[-+])?   # optional sign
    (?P<int>\d+)      # integer part
    (?:\.(?P<frac>\d*))?  # fraction
    \ (?P<unit>[a-z]+)   # an escaped space, then the unit
    """,
    re.VERBOSE,
)
for text in ("-12.5 kg", "7 m", "+3. s"):
    m = number.match(text)
    print(m.group("sign"), m.group("int"), m.group("frac"), m.group("unit"))
print(re.search(r"a b # c", "ab", re.X).group())
print(re.search(r"[ ]x", " x", re.X).group())

# LOCALE only goes with bytes patterns
try:
    re.compile(r"\w", re.LOCALE)
except ValueError:
    print("ValueError: LOCALE with str")

# the types
p = re.compile(r"(\d+)-(\d+)")
m = p.search("tel 12-34")
print(isinstance(p, re.Pattern), isinstance(m, re.Match))
print(type(p) is re.Pattern, type(m) is re.Match)
print(isinstance("x", re.Pattern), isinstance(None, re.Match))
print(re.Pattern.__name__, re.Match.__name__)

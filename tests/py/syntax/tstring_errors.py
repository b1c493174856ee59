# exp: hand
# Malformed t-strings are SyntaxErrors when compiled (PEP 750, Python 3.14);
# where a message is shown it is CPython 3.14's. The python3 here (3.11) has no
# t-strings, so the expected output is written by hand from PEP 750 and the
# CPython 3.14 t-string tests.


def check(src, show_message=True):
    try:
        compile(src, "<t>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(src, "->", e.args[0] if show_message else "SyntaxError")


# A t-string concatenates with t-strings only.
for src in (
    "t'a' 'b'",
    "'a' t'b'",
    "t'a' f'b'",
    "f'a' t'b'",
    "t'a' r'b'",
    "t'a' u'b'",
    "t'a' b'b'",
    "b'a' t'b'",
    "t'a' rb'b'",
    "'a' t'b' t'c'",
    "t'a' t'b' 'c'",
):
    check(src)

# Malformed fields.
for src in (
    "t'}'",
    "t'a } b'",
    "t'{}'",
    "t'{ }'",
    "t'{=x}'",
    "t'{!r}'",
    "t'{:x}'",
    "t'{x=y}'",
    "t'{x;y}'",
    "t'{x!}'",
    "t'{x=!}'",
    "t'{x!z}'",
    "t'{x!rr}'",
    "t'{x!s!}'",
    "t'{x!s:'",
    "f\"{t'{x!z}'}\"",
):
    check(src)

# Errors whose wording is CPython's own (only the exception is shown).
for src in (
    "t'",
    "t'''abc",
    "t'{x'",
    "t'{x:{'",
    "t'{@}'",
    "t'{x!r@}'",
    "t'{x y}'",
    "t'{*x}'",
    "t'{x}' = 1",
    "del t'{x}'",
    "ft'x'",
    "tf'x'",
    "bt'x'",
    "tb'x'",
    "ut'x'",
    "trb'x'",
):
    check(src, show_message=False)

# Well-formed edge cases compile.
for src in ("t'{x!r :>3}'", "t'{x = !r}'", "t'{x!a}' t'{y:{z}}'", "t''''''", "rt'\\{x}'", "t'{{}}'"):
    check(src)

# Names are looked up when the t-string is evaluated.
try:
    t"{undefined_name}"
except NameError:
    print("NameError")

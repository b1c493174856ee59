# Escape sequences in str and bytes literals.

print(repr("\n\t\r\\\'\""))
print(repr("\a\b\f\v\0"))
print([ord(c) for c in "\a\b\f\n\r\t\v\\"])
print(repr("\x41\x62\x7e"), repr("\101\142\0"), repr("\7\77\777"))
print(repr("\u00e9"), repr("\u20ac"), repr("\U0001F600") == repr("\U0001f600"))
print(len("\u20ac"), len("\U0001F600"), len("\x00"))
print("\u0041\u0042", "\U00000043")

# bytes escapes
print(b"\x00\x01\xff", list(b"\x00\x7f\x80\xff"))
print(b"\n\t\\", list(b"\101\0"))
print(len(b"\xff"), b"\xff"[0])

# \u is not an escape in bytes
print(len(b"\u0041"), b"\u0041")

# an escaped backslash followed by a letter is two characters
print(len("\\q"), "\\q", "\\n" == "\\" + "n")

# escapes in raw strings are literal
print(r"\x41", r"\u0041", len(r"\x41"))

# octal escape edge cases
print([ord(c) for c in "\0\00\000\0000"])

# non-ASCII text
s = "café ñ 中文 🐍"
print(s, len(s))
print(s.encode("utf-8"), len(s.encode("utf-8")))
print("日本" + "語", "ü" * 3)
print("\xe9" == "\u00e9" == "\U000000e9" == "é")

# repr chooses quotes
print(repr("it's"), repr('say "x"'), repr("both ' and \""))
print(repr("tab\there"), repr("\x7f"), repr("\x1b[0m"))

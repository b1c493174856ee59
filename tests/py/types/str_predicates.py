# str.is* predicates across ASCII, digits, whitespace and a few non-ASCII characters.

samples = ["abc", "ABC", "Abc", "abc123", "123", "", " ", "\t\n", "a b", "12.5", "-1", "Hello World", "hello World", "_x", "x1_"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower())

print("Title Case".istitle(), "not Title".istitle(), "abc".isidentifier(), "1abc".isidentifier(), "_a1".isidentifier())
print("0123456789".isdecimal(), "12a".isnumeric(), "ascii".isascii(), "é".isascii(), "".isascii())

# predicates used for simple tokenizing
def tokens(text):
    out = []
    cur = ""
    kind = None
    for ch in text:
        k = "num" if ch.isdigit() else "word" if ch.isalpha() else "space" if ch.isspace() else "sym"
        if k != kind and cur:
            if kind != "space":
                out.append((kind, cur))
            cur = ""
        cur += ch
        kind = k
    if cur and kind != "space":
        out.append((kind, cur))
    return out

print(tokens("x1 = 42 + abc*7"))

# upper/lower with digits and symbols
print("ABC123".isupper(), "abc!".islower(), "123".isupper(), "123".islower(), "A1b".isupper())

# str methods on non-ASCII text: character (not byte) indices, Unicode classes and case rules.

s = "naïve café — ünïcödé 日本語 text"
print(len(s), s.find("café"), s.find("日本"), s.rfind("é"), s.index("—"), s.count("é"), s.find("é", 10), s.find("é", -5))
print(s.find("t", 20, 30), s.rfind("ï", 0, 10), s.startswith("café", 6), s.endswith("日本語", 0, 24), s[s.find("日"):][:3])
print(s.upper())
print(s.title(), "|", s.capitalize(), "|", s.swapcase())
print("straße".upper(), "Straße".lower(), "straße".casefold(), "ǆungla".title(), "ǆ".capitalize(), "ﬁsh".title())
print("ΣΑΣ ΟΔΟΣ".lower(), "ΌΣΟΣ".capitalize(), "Σ".lower(), "ΑΣ.".lower(), "İ".lower() == "i̇")
print("ὈΔΥΣΣΕΎΣ".lower(), "ὀδυσσεύς".upper(), "ß".swapcase(), "ﬀ".upper())

for t in ["١٢٣", "²³", "½", "Ⅻ", "ｱｲｳ", "𝟘𝟙", "äöü", "ÄÖÜ", "Ǆ", "ǅungla", "Ǉudi Ǌe", "ℌ", "\u200b", "\u00a0", "\u2028", "é"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
print("变量".isidentifier(), "x²".isidentifier(), "℘x".isidentifier(), "·x".isidentifier(), "x·".isidentifier())

print("é".center(5, "·"), "日本".ljust(4, "＊"), "日本".rjust(4), "ü".zfill(3), "é\tx".expandtabs(4))
print("αβγ".replace("β", "B"), "αβγ".replace("", "-"), "αβγ".replace("", "-", 2), "ααα".replace("α", "ab", 2))
print("→x←".strip("←→"), " ü ".strip(), "éé·éé".strip("é"), "ab日".rstrip("日"))
print("日本語".partition("本"), "a→b→c".rpartition("→"), "αβ".encode(), "αβ".encode("utf-8").decode())
print("ÀÉÎ".translate({ord("À"): "A", ord("É"): None}), "añb".encode("ascii", "backslashreplace"), "😀".encode("ascii", "xmlcharrefreplace"))
print("日本語テキスト"[2:5], "日本語テキスト"[::-2], "日本語テキスト"[-1], list("añ"), "añ" * 3, "ñ" in "año")
print(sorted(["b", "ä", "a", "Z", "é"]), "ä" < "é", max("héllo"), min("héllo"))

# String literal prefixes and quoting styles.

print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print(r'raw\nstring', r"raw\tagain", r'\\', r'\'')
print(len(r'\n'), len('\n'), len(r'\x41'), len('\x41'))
print(b'bytes', b"BYTES", type(b'').__name__)
print(rb'raw\nbytes', br'raw\tbytes', rb'\x00', br'\\')
print(u'unicode', u"prefix")
x = 42
print(f'{x}', f"{x}", rf'{x}\n', fr'{x}\t', rf'\{x}')

multi = """line one
line two
    indented line"""
print(multi)
print(multi.count("\n"))

# a backslash at the end of a line inside a string continues it
cont = "abc\
def"
print(cont, len(cont))

cont3 = """first \
second"""
print(cont3)

# adjacent literals are concatenated at compile time
s = "con" 'cat' """en""" '''ated'''
print(s)
print(b"ab" b"cd", r"\a" "\x41", f"{x}" "!" f"{x + 1}")
parts = ("a"
         "b"
         "c")
print(parts)

# empty strings of every kind
print(repr(''), repr(""), repr(''''''), repr(""""""), repr(b''), repr(r''))

# quotes inside triple-quoted strings
print('''he said "it's fine"''')
print("""a "quoted" 'word'""")

# mixing str and bytes literals is an error
try:
    eval('"a" b"b"')
except SyntaxError:
    print("SyntaxError")

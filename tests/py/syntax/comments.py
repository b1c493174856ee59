# Comments everywhere they are allowed.
#!not a shebang here
# -*- coding: utf-8 -*-

x = 1  # trailing comment
# comment between statements
y = 2#no space before
print(x + y)  # comment after call

def f(a,  # comment after a parameter
      b):  # comment after the colon
    # comment as first line of body
    return a + b  # comment after return
    # comment after return (unreachable)

print(f(1, 2))

data = [  # comment after opening bracket
    1,  # one
    # a whole-line comment inside a list
    2,
]  # after closing
print(data)

s = "# not a comment"
t = '# also not'
print(s, t, len(s))
u = """
# inside a triple-quoted string
"""
print(repr(u))

if x:
    # comment
    pass
    # comment
else:  # comment
    pass

class K:  # comment on class line
    # comment in class body
    attr = 3  # comment
print(K.attr)

# a comment as the last thing before a dedent
for i in range(2):
    print(i)
    # trailing comment in loop
print("end")  # final
# comment with unicode: é ü 中 🐍
# comment with quotes: ' " ''' """
# comment with backslash at end \
print("after backslash comment")

# Semicolon-separated statements.

a = 1; b = 2; c = a + b
print(a, b, c)
x = 0; x += 1; x *= 10; print(x)
print("one"); print("two");

def f(): x = 1; y = 2; return x + y
print(f())

for i in range(3): print(i, end=" "); print("|", end=" ")
print()

if a: print("a"); print("still if")
else: print("else")

while b: b -= 1; print("b", b)

class C: p = 1; q = 2
print(C.p, C.q)

import sys; print(type(sys).__name__)

try: raise ValueError
except ValueError: print("caught"); print("again")

# a trailing semicolon is allowed; an empty statement between semicolons is not
exec("z = 5;")
print(z)
for src in ["a = 1;; b = 2", ";", "x = 1; ;"]:
    try:
        exec(src)
        print("accepted")
    except SyntaxError:
        print("SyntaxError")

# semicolons inside strings are just characters
s = "a;b;c"; print(s.split(";"))

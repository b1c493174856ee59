# The `=` specifier in f-strings (self-documenting expressions).

x = 10
name = "py"
items = [1, 2]

print(f"{x=}")
print(f"{x+1=}")
print(f"{name=}")
print(f"{items=}")
print(f"{len(items)=}")
print(f"{x=:>5}")
print(f"{x=!s}")
print(f"{name=!s}")
print(f"{x=}, {name=}")
print(f"{x*2=}")
print(f"{3.5=}")

def area(w, h):
    return w * h

print(f"{area(2, 3)=}")
print(f"{'lit'=}")

# with format specs and conversions
pi = 3.14159
print(f"{pi=:.2f}")
print(f"{name=!r:>6}")
print(f"{items[0]=}")
print(f"{x%3=}")
values = {"a": 1}
print(f"{values['a']=}")
print(f"{x>5=}")

# exp: hand
# Lazy builtins nested very deeply recurse in Rust when stepped: past a bound that
# is a RuntimeError (maximum recursion depth), never a crash of the process.
for wrap in [enumerate, lambda x: filter(None, x), lambda x: map(abs, x), zip]:
    x = (1, 2)
    for _ in range(10000):
        x = wrap(x)
    try:
        tuple(x)
        print("no error")
    except RuntimeError as e:
        print("RuntimeError", e)
x = (1, 2)
for _ in range(100):
    x = enumerate(x)
print(len(tuple(x)))

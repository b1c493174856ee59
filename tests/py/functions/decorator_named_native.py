# Decorators that happen to be called `native` or `viper` are ordinary
# decorators; only @micropython.native / @micropython.viper pick an emitter.
def native(f):
    print("native decorator ran for", f.__name__)
    return lambda *a: ("wrapped", f(*a))


def viper(f):
    print("viper decorator ran for", f.__name__)
    return f


@native
def f(x):
    return x + 1


@viper
@native
def g():
    return 2


print(f(1))
print(g())

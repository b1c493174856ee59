print("loading", __name__)

PI = 3.14159


def square(x):
    return x * x

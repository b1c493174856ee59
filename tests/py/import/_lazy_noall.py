visible = 1


def __getattr__(name):
    if name == "__all__":
        print("__getattr__", name)
    raise AttributeError(name)

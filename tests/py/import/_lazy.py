__all__ = ["eager", "dynamic"]

eager = "eager"


def __getattr__(name):
    if name == "dynamic":
        return "computed " + name
    raise AttributeError(name)

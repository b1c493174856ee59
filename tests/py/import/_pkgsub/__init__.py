from .sub import sub


def other():
    return "other function"

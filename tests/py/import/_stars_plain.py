public_value = 1
_private_value = 2


def public_func():
    return "public_func"


def _private_func():
    return "private"


class PublicClass:
    pass

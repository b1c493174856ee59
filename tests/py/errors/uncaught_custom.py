# exp: hand
# exit: 1
# A user-defined exception with several arguments, raised from a nested function.

class ConfigError(Exception):
    pass


def load(settings):
    if "port" not in settings:
        raise ConfigError("missing key", "port")
    return settings["port"]


def start():
    print("starting")
    return load({"host": "localhost"})


try:
    load({})
except ConfigError as e:
    print("first attempt failed:", e.args)

start()

# exp: hand
# exit: 1
# An uncaught OSError prints its errno symbolically.

def read_config(path):
    with open(path) as f:
        return f.read()


print("reading config")
read_config("no_such_config_file.ini")

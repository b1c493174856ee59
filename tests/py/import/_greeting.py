# helper module for the import tests
print("executing _greeting as", __name__)

GREETING = "hello"
counter = 0
_private = "hidden"


def hello(name):
    global counter
    counter += 1
    return GREETING + ", " + name


class Greeter:
    def __init__(self, punct="!"):
        self.punct = punct

    def greet(self, name):
        return hello(name) + self.punct


def calls():
    return counter

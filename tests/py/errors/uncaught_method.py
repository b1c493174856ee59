# exp: hand
# exit: 1
# Tracebacks name methods, lambdas and comprehension frames.

class Inventory:
    def __init__(self):
        self.items = {"bolt": 3}

    def take(self, name):
        return self.items[name] - 1

    def take_all(self, names):
        return [self.take(n) for n in names]


def report(inv):
    pick = lambda names: inv.take_all(names)
    return pick(["bolt", "nut"])


inv = Inventory()
print(inv.take("bolt"))
report(inv)

# exp: hand
# Unbounded recursion raises RuntimeError("maximum recursion depth exceeded"), which can be caught;
# the program then carries on normally.

def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RuntimeError as e:
    print(type(e).__name__ + ":", e)


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RuntimeError as e:
    print("mutual:", e)


class Node:
    def __init__(self):
        self.child = self

    def depth(self):
        return 1 + self.child.depth()


try:
    Node().depth()
except RuntimeError as e:
    print("method:", e)


# moderate recursion still works after the limit was hit
def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)


print(countdown(50))

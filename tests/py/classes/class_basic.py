# Defining classes, creating instances, instance and class attributes, methods.

class Account:
    bank = "krait bank"
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        return True

    def describe(self):
        return f"{self.owner}: {self.balance} at {self.bank}"

a = Account("ann", 100)
b = Account("bob")
print(a.describe(), "|", b.describe())
print(a.deposit(50), a.withdraw(500), a.withdraw(20), a.balance)
print(Account.count, a.count, b.count)
try:
    b.deposit(-1)
except ValueError as e:
    print("ValueError", e)

# class attribute shadowed per instance
b.bank = "other bank"
print(a.bank, b.bank, Account.bank)
del b.bank
print(b.bank)

# changing the class attribute affects instances without their own
Account.bank = "renamed"
print(a.describe())

# bound methods remember their instance
dep = a.deposit
print(dep(5), a.balance)
print(Account.deposit(a, 5))

# instances get attributes dynamically
a.nickname = "annie"
print(a.nickname, hasattr(b, "nickname"))

# __dict__ holds instance attributes
print(sorted(a.__dict__))

# type and class identity
print(type(a) is Account, type(a).__name__, Account.__name__, isinstance(a, Account))

# attribute errors
try:
    a.missing
except AttributeError:
    print("AttributeError")
try:
    Account.missing
except AttributeError:
    print("AttributeError on class")

# an empty class and a class with only a docstring
class Nothing:
    pass

class Documented:
    """Only a docstring."""

n1, n2 = Nothing(), Nothing()
print(n1 is n2, type(n1) is type(n2), isinstance(Documented(), Documented))

# methods calling other methods
class Stack:
    def __init__(self):
        self.items = []

    def push(self, *vals):
        for v in vals:
            self.items.append(v)
        return self

    def pop(self):
        return self.items.pop()

    def peek(self):
        return self.items[-1] if not self.is_empty() else None

    def is_empty(self):
        return not self.items

s = Stack().push(1, 2).push(3)
print(s.pop(), s.peek(), s.is_empty(), s.pop(), s.pop(), s.is_empty(), s.peek())

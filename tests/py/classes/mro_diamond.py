# Multiple inheritance and C3 method resolution order.

class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]

class B(A):
    def who(self):
        return "B"

    def chain(self):
        return ["B"] + super().chain()

class C(A):
    def who(self):
        return "C"

    def chain(self):
        return ["C"] + super().chain()

class D(B, C):
    def chain(self):
        return ["D"] + super().chain()

print(D().who(), D().chain())

class E(C, B):
    pass

print(E().who(), E().chain())

# a deeper hierarchy (the classic C3 example); each class reports itself and defers to super()
class O:
    def order(self):
        return ["O"]

class F(O):
    def order(self):
        return ["F"] + super().order()

class G(O):
    def order(self):
        return ["G"] + super().order()

class H(O):
    def order(self):
        return ["H"] + super().order()

class I(O):
    def order(self):
        return ["I"] + super().order()

class J(O):
    def order(self):
        return ["J"] + super().order()

class K1(F, G, H):
    def order(self):
        return ["K1"] + super().order()

class K2(I, G, J):
    def order(self):
        return ["K2"] + super().order()

class K3(I, H):
    def order(self):
        return ["K3"] + super().order()

class Z(K1, K2, K3):
    def order(self):
        return ["Z"] + super().order()

print(Z().order())
print(K1().order(), K3().order())

# cooperative __init__ through the MRO
class Base:
    def __init__(self):
        self.log = ["Base"]

class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")

print(Bottom().log)

# attribute lookup follows the MRO, not depth-first order
class P:
    attr = "P"

class Q(P):
    pass

class R(P):
    attr = "R"

class S(Q, R):
    pass

print(S.attr, S().attr)

# mixins
class JsonMixin:
    def to_json(self):
        items = ", ".join(f'"{k}": {v!r}' for k, v in sorted(self.__dict__.items()))
        return "{" + items + "}"

class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

class Item(JsonMixin, EqMixin):
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty

print(Item("pen", 2).to_json(), Item("a", 1) == Item("a", 1), Item("a", 1) == Item("a", 2))
print(isinstance(Item("x", 0), JsonMixin), issubclass(Item, EqMixin))

# inconsistent hierarchies are rejected
class X: pass
class Y(X): pass
try:
    class Bad(X, Y):
        pass
    print("accepted")
except TypeError:
    print("TypeError: inconsistent MRO")

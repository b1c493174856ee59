# Private names (__x) inside a class stand for _ClassName__x.
class Account:
    __count = 0
    def __init__(self, bal):
        self.__bal = bal
        Account.__count += 1
    def balance(self):
        return self.__bal
    @classmethod
    def count(cls):
        return cls.__count

a = Account(10)
print(a.balance(), Account.count(), a._Account__bal, hasattr(a, '__bal'))
try:
    a.__bal
except AttributeError:
    print("no __bal outside the class")

# Each class in a hierarchy keeps its own private attribute.
class Savings(Account):
    def __init__(self):
        super().__init__(5)
        self.__bal = 99
    def mine(self):
        return self.__bal
s = Savings()
print(s.balance(), s.mine(), sorted(vars(s)))

# Private methods, and a class name with leading underscores.
class _Hidden:
    def __helper(self):
        return "helped"
    def run(self):
        return self.__helper()
print(_Hidden().run(), hasattr(_Hidden, '_Hidden__helper'), hasattr(_Hidden, '__helper'))

# A class name of only underscores mangles nothing.
class ___:
    __x = 1
print(hasattr(___, '__x'))

# Nested classes mangle with their own name.
class Outer:
    __o = "outer"
    class Inner:
        __i = "inner"
        def get(self):
            return self.__i
    def get(self):
        return self.__o, Outer.Inner._Inner__i
print(Outer().get(), Outer.Inner().get())

# Global names are mangled too when used inside a class.
__g = "module"
class UsesGlobal:
    def f(self):
        try:
            return __g
        except NameError:
            return "NameError"
print(UsesGlobal().f())
_UsesGlobal__g = "mangled global"
print(UsesGlobal().f())

# Parameters, lambdas, comprehensions, walrus and except targets.
class Many:
    def f(self, __a=3):
        return __a
    def lam(self):
        return (lambda __b: __b + 1)(1)
    def comp(self):
        return [__c * 2 for __c in range(3)]
    def walrus(self):
        if (__w := 5):
            return __w
    def exc(self):
        try:
            raise ValueError
        except ValueError as __e:
            return type(__e).__name__
m = Many()
print(m.f(), m.f(4), m.lam(), m.comp(), m.walrus(), m.exc())
print(sorted(k for k in Many.__dict__ if not k.startswith('__')))

# Keyword argument names in calls and strings are not mangled.
class Kw:
    def show(self, **kw):
        return sorted(kw)
    def call(self):
        return self.show(__z=1), getattr(self, '__nothing', 'default')
print(Kw().call())

# Dunder names are never mangled.
class Dunder:
    def __init__(self):
        self.__dict__['__plain__'] = 1
print(Dunder().__plain__)

# dataclasses: a config object, defaults and default_factory, repr/eq,
# __post_init__ validation, fields(), replace(), errors.
from dataclasses import dataclass, field, fields, replace, is_dataclass, MISSING
from typing import ClassVar, List, Optional


@dataclass
class Config:
    host: str
    port: int = 8080
    debug: bool = False
    tags: List[str] = field(default_factory=list)
    retries: Optional[int] = None
    instances: ClassVar[int] = 0


c = Config("localhost")
print(c)
print(c == Config("localhost"), c == Config("example.org"), c != Config("localhost", 81))
print(Config("h", 1, True, ["a"], 3))
print(Config(host="h", debug=True))
c.tags.append("web")
print(Config("x").tags, c.tags)  # each instance gets its own list
print([f.name for f in fields(Config)], [f.name for f in fields(c)])
print(fields(Config)[1].default, fields(Config)[3].default_factory is list)
print(fields(Config)[0].default is MISSING, Config.instances, Config.port)
print(Config.__hash__ is None)
print(is_dataclass(Config), is_dataclass(c), is_dataclass(3), is_dataclass(int))

c2 = replace(c, port=9000)
print(c2, c2 is c, c.port)

for bad in [lambda: Config(), lambda: Config("a", 1, False, [], None, 9), lambda: Config("a", colour=1),
            lambda: Config("a", host="b")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False, compare=False)
    id: int = field(default=0, init=False)

    def __post_init__(self):
        if self.balance < 0:
            raise ValueError("negative balance for %s" % self.owner)
        self.owner = self.owner.title()
        Account.next_id += 1
        self.id = Account.next_id

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        return self


Account.next_id = 100
a = Account("ada lovelace").deposit(10).deposit(5.5)
print(a, a.history, a.id)
print(Account("Bob", 15.5) == a.__class__("bob", 15.5))  # history and id not compared? id is compared
try:
    Account("eve", -1)
except ValueError as e:
    print("ValueError:", e)
try:
    replace(a, id=3)
except ValueError as e:
    print("ValueError:", e)


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty))


@dataclass(repr=False, eq=False)
class Raw:
    x: int


r = Raw(1)
print(r.x, r == Raw(1), r == r, repr(r).startswith("<"))


@dataclass
class Custom:
    x: int

    def __repr__(self):
        return "Custom<%d>" % self.x


print(Custom(4), Custom(4) == Custom(4))

try:

    @dataclass
    class Mutable:
        items: list = []

except ValueError as e:
    print("ValueError:", e)

try:

    @dataclass
    class Order:
        a: int = 1
        b: int

except TypeError as e:
    print("TypeError:", e)

try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)

try:
    fields(3)
except TypeError as e:
    print("TypeError:", e)
print(Config.__match_args__)

# dataclasses: asdict/astuple of nested dataclasses, inheritance of fields,
# InitVar, make_dataclass, NamedTuple class syntax.
from dataclasses import dataclass, field, asdict, astuple, fields, InitVar, make_dataclass, replace
from typing import List, Dict, NamedTuple


@dataclass
class Address:
    street: str
    city: str


@dataclass
class Person:
    name: str
    address: Address
    phones: List[str] = field(default_factory=list)
    meta: Dict[str, int] = field(default_factory=dict)


alice = Person("Alice", Address("1 Main St", "Springfield"), ["555-1234"], {"age": 30})
d = asdict(alice)
print(d)
d["address"]["city"] = "Elsewhere"
d["phones"].append("x")
print(alice.address.city, alice.phones)  # asdict copies deeply
print(astuple(alice))


@dataclass
class Team:
    name: str
    members: List[Person]
    lead: Person = None


team = Team("core", [alice, Person("Bob", Address("2 Side Rd", "Shelbyville"))], alice)
print(asdict(team)["members"][1])
print(astuple(team)[1][1][1])
print(asdict(alice, dict_factory=lambda pairs: [k for k, v in pairs]))


@dataclass
class Animal:
    name: str
    sound: str = "..."

    def speak(self):
        return "%s says %s" % (self.name, self.sound)


@dataclass
class Dog(Animal):
    sound: str = "woof"
    tricks: List[str] = field(default_factory=list)


@dataclass
class Puppy(Dog):
    age: int = 0

    def __post_init__(self):
        if self.age > 1:
            raise ValueError("not a puppy")


rex = Dog("Rex", tricks=["sit"])
print(rex, rex.speak())
print(Puppy("Bit"), Puppy("Bit", "yip", [], 1).speak())
print([f.name for f in fields(Puppy)])
print(Animal("a") == Dog("a"), isinstance(rex, Animal))
try:
    Puppy("Old", age=5)
except ValueError as e:
    print("ValueError:", e)


class Plain(Animal):  # not re-decorated: inherits the generated methods
    extra = 1


print(Plain("p").speak(), Plain("p"))


@dataclass
class Scaled:
    value: float
    factor: InitVar[float] = 2.0

    def __post_init__(self, factor):
        self.value = self.value * factor


s = Scaled(3.0)
print(s, Scaled(3.0, 10.0), [f.name for f in fields(Scaled)], hasattr(s, "factor"))
print(replace(s, value=1.0, factor=4.0))

Pair = make_dataclass("Pair", [("left", int), ("right", int, field(default=0))], order=True)
print(Pair(1), Pair(2, 3) > Pair(2, 1), [f.name for f in fields(Pair)])


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100

    def raise_by(self, pct):
        return self._replace(salary=self.salary * (100 + pct) // 100)


staff = [Employee("zed", "ops", 90), Employee("amy"), Employee("bo", salary=120)]
print(staff[1], staff[1].raise_by(10), Employee._fields, Employee._field_defaults)
print(sorted(staff), isinstance(staff[0], tuple), staff[2][2])
name, dept, salary = staff[0]
print(name, dept, salary, staff[0]._asdict())
print(Employee.__annotations__)
Coord = NamedTuple("Coord", [("lat", float), ("lon", float)])
print(Coord(1.5, 2.5), Coord._fields)
try:

    class BadTuple(NamedTuple):
        a: int = 0
        b: int

except TypeError as e:
    print("TypeError:", e)

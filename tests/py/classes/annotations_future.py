# from __future__ import annotations (PEP 563): annotations are not evaluated
# but kept as their source text.
from __future__ import annotations

import __future__


class Node:
    value: int
    next: Node | None = None
    children: list[Node]
    pair: tuple[int, ...]
    fn: Callable[[int, str], "Node"]
    lit: Literal["a", -1, None]


print(Node.__annotations__)
print(Node.next)


def link(a: Node, b: Optional[Node] = None) -> dict[str, Node]:
    return {"a": a}


print(link.__annotations__)
print(link(1))

counter: collections.Counter = 0
print(__annotations__, counter)


def body():
    inner: UndefinedThing = 5
    return inner


print(body())

obj = Node()
obj.value: int = 3
print(obj.value)
print(__future__.annotations.getOptionalRelease()[:2])
print(__future__.division.getMandatoryRelease()[:2])

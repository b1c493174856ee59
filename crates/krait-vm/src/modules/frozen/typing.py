# krait's typing: the names annotations use, frozen into the binary (a
# typing.py on sys.path wins). krait doesn't check types: these exist so that
# programs written with type hints import and run; subscripting one gives a
# form that can be subscripted again.

TYPE_CHECKING = False


class _Form:
    def __init__(self, name, origin=None, args=()):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Form(self._name, self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.%s" % self._name)

    def __repr__(self):
        if self.__args__:
            return "typing.%s[%s]" % (self._name, ", ".join(_type_repr(a) for a in self.__args__))
        return "typing." + self._name

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _type_repr(t):
    if isinstance(t, type):
        return t.__name__
    if t is ...:
        return "..."
    return repr(t)


for _name in (
    "Any Union Optional Callable ClassVar Final Literal Annotated NoReturn Never Self "
    "Iterable Iterator Generator AsyncIterator AsyncIterable AsyncGenerator Awaitable "
    "Coroutine Sequence MutableSequence Mapping MutableMapping AbstractSet MutableSet "
    "Collection Container Hashable Sized Reversible SupportsInt SupportsFloat SupportsIndex "
    "SupportsAbs SupportsRound ContextManager AsyncContextManager Pattern Match IO TextIO "
    "BinaryIO TypeAlias ParamSpec Concatenate TypeGuard Counter ChainMap OrderedDict "
    "DefaultDict Deque"
).split():
    globals()[_name] = _Form(_name)

List = list
Dict = dict
Tuple = tuple
Set = set
FrozenSet = frozenset
Type = type
Text = str
AnyStr = _Form("AnyStr")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=()):
    from collections import namedtuple

    return namedtuple(typename, [f[0] for f in fields])

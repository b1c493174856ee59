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


def _make_namedtuple(name, types, defaults, module):
    from collections import namedtuple

    fields = list(types)
    nt = namedtuple(name, fields, defaults=defaults)
    nt.__annotations__ = dict(types)
    if module is not None:
        nt.__module__ = module
    return nt


# Names a NamedTuple class body may not define (they would clobber the tuple's).
_NT_PROHIBITED = ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source")
_NT_SKIP = ("__module__", "__qualname__", "__annotations__", "__doc__", "__dict__", "__weakref__", "_root")


class _NamedTupleMeta(type):
    # `class P(NamedTuple): x: int; y: int = 0` makes P a namedtuple.
    def __new__(mcls, typename, bases, ns):
        if ns.get("_root"):
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        defaults = []
        for name in types:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError(
                    "Non-default namedtuple field %s cannot follow default field%s %s"
                    % (name, "s" if len(defaults) > 1 else "", ", ".join([n for n in types if n in ns]))
                )
        nt = _make_namedtuple(typename, types, defaults, ns.get("__module__"))
        for key, value in ns.items():
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SKIP and key not in types:
                setattr(nt, key, value)
        if "__doc__" in ns:
            nt.__doc__ = ns["__doc__"]
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

    def __new__(cls, typename, fields=None, **kwargs):
        # The functional form: NamedTuple("P", [("x", int), ("y", int)]) or
        # NamedTuple("P", x=int, y=int).
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
        return _make_namedtuple(typename, dict(fields), (), None)

# krait's dataclasses, frozen into the binary (a dataclasses.py on sys.path
# wins). The fields come from the class's __annotations__; the methods
# @dataclass adds are closures over the field list (no generated source).

import copy as _copy

__all__ = [
    "dataclass",
    "field",
    "Field",
    "FrozenInstanceError",
    "InitVar",
    "MISSING",
    "fields",
    "asdict",
    "astuple",
    "make_dataclass",
    "replace",
    "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()

# What a Field stands for: a real field, a ClassVar, or an InitVar.
_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        t = self.type
        return "dataclasses.InitVar[%s]" % (t.__name__ if isinstance(t, type) else repr(t))


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (
            "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,"
            "hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)"
            % (
                self.name,
                self.type,
                self.default,
                self.default_factory,
                self.init,
                self.repr,
                self.hash,
                self.compare,
                self.metadata,
                self.kw_only,
                self._field_type,
            )
        )


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return "_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)" % (
            self.init,
            self.repr,
            self.eq,
            self.order,
            self.unsafe_hash,
            self.frozen,
        )


def field(
    *,
    default=MISSING,
    default_factory=MISSING,
    init=True,
    repr=True,
    hash=None,
    compare=True,
    metadata=None,
    kw_only=MISSING
):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    if kw_only is True:
        raise NotImplementedError("dataclasses: kw_only fields are not supported by krait")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith("ClassVar") or tp.startswith("typing.ClassVar")
    try:
        import typing
    except ImportError:
        return False
    cv = getattr(typing, "ClassVar", None)
    return tp is cv or (cv is not None and getattr(tp, "__origin__", None) is cv)


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith("InitVar") or tp.startswith("dataclasses.InitVar")
    return tp is InitVar or isinstance(tp, InitVar)


def _get_field(cls, name, tp):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type != _FIELD and f.default_factory is not MISSING:
        raise TypeError("field %s cannot have a default factory" % name)
    if f._field_type == _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError(
            "mutable default %r for field %s is not allowed: use default_factory" % (type(f.default), name)
        )
    return f


def _set_new_attribute(cls, name, value):
    # Never overwrite what the class itself defines.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _plural_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _make_init(cls, all_fields, frozen, has_post_init):
    qual = cls.__qualname__ + ".__init__()"
    params = [f for f in all_fields if f.init and f._field_type in (_FIELD, _FIELD_INITVAR)]
    others = [f for f in all_fields if not f.init and f._field_type == _FIELD]
    nparams = len(params)
    names = [f.name for f in params]
    setter = object.__setattr__

    # Checked once, at decoration time, as CPython's generated signature would be.
    seen_default = None
    nrequired = 0
    for f in params:
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default is not None:
                raise TypeError("non-default argument %r follows default argument" % f.name)
            nrequired += 1
        else:
            seen_default = f

    def __init__(self, *args, **kwargs):
        nargs = len(args)
        if nargs > nparams:
            if nrequired < nparams:
                takes = "from %d to %d positional arguments" % (nrequired + 1, nparams + 1)
            else:
                takes = "%d positional argument%s" % (nparams + 1, "" if nparams == 0 else "s")
            raise TypeError("%s takes %s but %d were given" % (qual, takes, nargs + 1))
        for k in kwargs:
            if k not in names:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (qual, k))
        values = []
        missing = None
        for i in range(nparams):
            f = params[i]
            name = f.name
            if i < nargs:
                if name in kwargs:
                    raise TypeError("%s got multiple values for argument '%s'" % (qual, name))
                v = args[i]
            elif name in kwargs:
                v = kwargs[name]
            elif f.default is not MISSING:
                v = f.default
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            else:
                if missing is None:
                    missing = []
                missing.append(name)
                continue
            values.append(v)
        if missing is not None:
            n = len(missing)
            raise TypeError(
                "%s missing %d required positional argument%s: %s"
                % (qual, n, "" if n == 1 else "s", _plural_names(missing))
            )
        initvars = []
        for i in range(nparams):
            f = params[i]
            if f._field_type == _FIELD_INITVAR:
                initvars.append(values[i])
            elif frozen:
                setter(self, f.name, values[i])
            else:
                setattr(self, f.name, values[i])
        for f in others:
            if f.default is not MISSING:
                v = f.default
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            else:
                continue
            if frozen:
                setter(self, f.name, v)
            else:
                setattr(self, f.name, v)
        if has_post_init:
            self.__post_init__(*initvars)

    return __init__


def _make_repr(flds):
    names = [f.name for f in flds if f.repr]
    active = set()

    def __repr__(self):
        key = id(self)
        if key in active:
            return "..."
        active.add(key)
        try:
            parts = ["%s=%r" % (n, getattr(self, n)) for n in names]
        finally:
            active.discard(key)
        return "%s(%s)" % (self.__class__.__qualname__, ", ".join(parts))

    return __repr__


def _tuple_getter(names):
    def get(self):
        return tuple([getattr(self, n) for n in names])

    return get


def _make_eq(get):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return get(self) == get(other)
        return NotImplemented

    return __eq__


def _make_order(get):
    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return get(self) < get(other)
        return NotImplemented

    def __le__(self, other):
        if other.__class__ is self.__class__:
            return get(self) <= get(other)
        return NotImplemented

    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return get(self) > get(other)
        return NotImplemented

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return get(self) >= get(other)
        return NotImplemented

    return (("__lt__", __lt__), ("__le__", __le__), ("__gt__", __gt__), ("__ge__", __ge__))


def _make_hash(get):
    def __hash__(self):
        return hash(get(self))

    return __hash__


def _make_frozen(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field '%s'" % name)
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    if kw_only:
        raise NotImplementedError("dataclasses: kw_only=True is not supported by krait")
    if slots:
        raise NotImplementedError("dataclasses: slots=True is not supported by krait")
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    own = cls.__dict__.get("__annotations__", {})
    own_fields = [_get_field(cls, name, tp) for name, tp in own.items()]
    for f in own_fields:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in own:
            raise TypeError("%r is a field but has no type annotation" % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    flds = [f for f in all_fields.values() if f._field_type == _FIELD]
    if init:
        has_post_init = hasattr(cls, "__post_init__")
        _set_new_attribute(cls, "__init__", _make_init(cls, list(all_fields.values()), frozen, has_post_init))
    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr(flds))
    cmp_get = _tuple_getter([f.name for f in flds if f.compare])
    if eq:
        _set_new_attribute(cls, "__eq__", _make_eq(cmp_get))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, fn in _make_order(cmp_get):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(
                    "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                    % (name, cls.__name__)
                )
    if frozen:
        setf, delf = _make_frozen(cls, set(f.name for f in flds))
        for name, fn in (("__setattr__", setf), ("__delattr__", delf)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))
    hash_get = _tuple_getter([f.name for f in flds if (f.compare if f.hash is None else f.hash)])
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        cls.__hash__ = _make_hash(hash_get)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(hash_get)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in flds if f.init))
    return cls


def dataclass(
    cls=None,
    *,
    init=True,
    repr=True,
    eq=True,
    order=False,
    unsafe_hash=False,
    frozen=False,
    match_args=True,
    kw_only=False,
    slots=False
):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in fs.values() if f._field_type == _FIELD)


def _convert(obj, as_dict, factory):
    # asdict() and astuple(): dataclass instances become `factory` of their
    # (name, value) pairs or values, recursively through lists, tuples and dicts;
    # anything else is deep-copied.
    if _is_dataclass_instance(obj):
        if as_dict:
            return factory([(f.name, _convert(getattr(obj, f.name), as_dict, factory)) for f in fields(obj)])
        return factory([_convert(getattr(obj, f.name), as_dict, factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_convert(v, as_dict, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, as_dict, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, as_dict, factory), _convert(v, as_dict, factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, True, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, False, tuple_factory)


def replace(obj, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace) if namespace else {}
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        annotations[name] = tp
    ns["__annotations__"] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)

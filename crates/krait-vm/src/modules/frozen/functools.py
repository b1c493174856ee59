# krait's functools: higher-order functions, frozen into the binary (MicroPython
# itself leaves functools to micropython-lib; a functools.py on sys.path wins).


class partial:
    """partial(func, *args, **keywords): func with some arguments fixed."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = dict(func.keywords, **keywords)
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        if self.keywords:
            keywords = dict(self.keywords, **keywords)
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % kv for kv in self.keywords.items())
        return "functools.partial(%s)" % ", ".join(parts)


_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)

    return decorator


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def total_ordering(cls):
    """Fill in the missing rich comparisons from __eq__ and one of the others."""
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]
    for name, fn in _ORDER_FROM[root]:
        if name not in cls.__dict__:
            setattr(cls, name, fn)
    return cls


def _derived(root, negate, combine):
    # `root(self, other)` possibly negated, then `or self == other` (combine 1),
    # `and self != other` (combine -1) or nothing (0); NotImplemented passes through.
    def op(self, other):
        r = getattr(self, root)(other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if combine > 0:
            return r or self == other
        if combine < 0:
            return r and self != other
        return r

    return op


_ORDER_FROM = {
    "__lt__": (
        ("__gt__", _derived("__lt__", True, -1)),
        ("__le__", _derived("__lt__", False, 1)),
        ("__ge__", _derived("__lt__", True, 0)),
    ),
    "__le__": (
        ("__ge__", _derived("__le__", True, 1)),
        ("__lt__", _derived("__le__", False, -1)),
        ("__gt__", _derived("__le__", True, 0)),
    ),
    "__gt__": (
        ("__lt__", _derived("__gt__", True, -1)),
        ("__ge__", _derived("__gt__", False, 1)),
        ("__le__", _derived("__gt__", True, 0)),
    ),
    "__ge__": (
        ("__le__", _derived("__ge__", True, 1)),
        ("__gt__", _derived("__ge__", False, -1)),
        ("__lt__", _derived("__ge__", True, 0)),
    ),
}


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def lru_cache(maxsize=128, typed=False):
    """Memoise a function's results by its arguments, keeping the `maxsize` most
    recently used (all of them when `maxsize` is None)."""
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128, typed)(maxsize)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating(user_function):
        cache = {}
        stats = [0, 0]

        def key_of(args, kwds):
            key = args
            if kwds:
                key = args + (_kwd_mark,) + tuple(kwds.items())
            if typed:
                key = key + tuple(type(v) for v in args)
                if kwds:
                    key = key + tuple(type(v) for v in kwds.values())
            return key

        def wrapper(*args, **kwds):
            key = key_of(args, kwds)
            try:
                result = cache.pop(key)
            except KeyError:
                stats[1] += 1
                result = user_function(*args, **kwds)
                if maxsize == 0:
                    return result
                if maxsize is not None and len(cache) >= maxsize:
                    # dicts keep insertion order: the first key is the least recently used.
                    del cache[next(iter(cache))]
            else:
                stats[0] += 1
            cache[key] = result
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    return decorating


_kwd_mark = object()


def cache(user_function):
    return lru_cache(None)(user_function)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname if self.attrname is not None else self.func.__name__
        value = self.func(instance)
        instance.__dict__[name] = value
        return value

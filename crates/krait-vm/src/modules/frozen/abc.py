# krait's abc: abstract base classes, frozen into the binary (an abc.py on
# sys.path wins). A class with abstract methods left can't be instantiated.


def abstractmethod(funcobj):
    try:
        funcobj.__isabstractmethod__ = True
    except AttributeError:
        # Built-in functions and bound methods take no attributes: remember them here.
        _abstract_objects.append(funcobj)
    return funcobj


_abstract_objects = []


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    if isinstance(value, (staticmethod, classmethod)):
        return getattr(value.__func__, "__isabstractmethod__", False)
    if isinstance(value, property):
        return getattr(value.fget, "__isabstractmethod__", False)
    return any(value is o for o in _abstract_objects)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set(k for k, v in namespace.items() if _is_abstract(v))
        for base in bases:
            for k in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, k, None)):
                    abstracts.add(k)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            missing = sorted(cls.__abstractmethods__)
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, "s" if len(missing) > 1 else "", ", ".join(missing))
            )
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, "__mro__", ()):
            return True
        for r in cls._abc_registry:
            if issubclass(subclass, r):
                return True
        return False


class ABC(metaclass=ABCMeta):
    pass


def abstractproperty(fget):
    return property(abstractmethod(fget))

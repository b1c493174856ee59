# krait's enum: Enum, IntEnum, Flag, IntFlag and auto, frozen into the binary
# (an enum.py on sys.path wins). Members are made when the class is; looking one
# up by value or name is a dict lookup.


class auto:
    def __init__(self):
        self.value = None


def _is_member_name(name, value):
    if name.startswith("_"):
        return False
    if isinstance(value, (classmethod, staticmethod, property, type)):
        return False
    return isinstance(value, auto) or not callable(value)


class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        names = [k for k, v in ns.items() if _is_member_name(k, v)]
        body = {k: v for k, v in ns.items() if k not in names}
        cls = super().__new__(mcls, name, bases, body)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        values = []
        for k in names:
            value = ns[k]
            if isinstance(value, auto):
                value = cls._generate_next_value_(k, 1, len(values), values[:])
            values.append(value)
            existing = cls._value2member_map_.get(value)
            if existing is not None:
                # An alias: the same member under a second name.
                cls._member_map_[k] = existing
                setattr(cls, k, existing)
                continue
            member = cls._new_member_(value)
            member._name_ = k
            member._value_ = value
            cls._member_names_.append(k)
            cls._member_map_[k] = member
            cls._value2member_map_[value] = member
            setattr(cls, k, member)
        return cls

    def __call__(cls, value, *args):
        if args:
            # The functional API: Enum('Name', 'A B C') or a list of names.
            names = args[0]
            if isinstance(names, str):
                names = names.replace(",", " ").split()
            ns = {}
            for i, n in enumerate(names):
                if isinstance(n, tuple):
                    ns[n[0]] = n[1]
                else:
                    ns[n] = i + 1
            return type(cls)(value, (cls,), ns)
        if isinstance(value, cls):
            return value
        member = cls._value2member_map_.get(value)
        if member is None:
            member = cls._missing_(value)
            if member is None:
                raise ValueError("%r is not a valid %s" % (value, cls.__name__))
        return member

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        return member in cls._value2member_map_

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @classmethod
    def _new_member_(cls, value):
        return object.__new__(cls)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class IntEnum(int, Enum):
    @classmethod
    def _new_member_(cls, value):
        return int.__new__(cls, value)

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        high = 0
        for v in last_values:
            if isinstance(v, int) and v > 0:
                high = max(high, v.bit_length())
        return 1 << high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int) or value < 0:
            return None
        known = 0
        for m in cls._value2member_map_.values():
            known |= m._value_
        if value & ~known:
            return None
        return cls._compose(value)

    @classmethod
    def _compose(cls, value):
        member = cls._new_member_(value)
        parts = [n for n in cls._member_names_ if cls._member_map_[n]._value_ & value == cls._member_map_[n]._value_ and cls._member_map_[n]._value_]
        member._name_ = "|".join(parts) if parts else None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for n in type(self)._member_names_:
            m = type(self)._member_map_[n]
            if m._value_ and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return sum(1 for _ in self)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        known = 0
        for n in type(self)._member_names_:
            known |= type(self)._member_map_[n]._value_
        return type(self)(known & ~self._value_)

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __hash__(self):
        return hash(self._value_)


class IntFlag(int, Flag):
    @classmethod
    def _new_member_(cls, value):
        return int.__new__(cls, value)

    def __or__(self, other):
        return type(self)(self._value_ | int(other))

    __ror__ = __or__

    def __and__(self, other):
        return type(self)(self._value_ & int(other))

    __rand__ = __and__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def unique(enumeration):
    dups = [name for name, member in enumeration.__members__.items() if name != member.name]
    if dups:
        raise ValueError("duplicate values found in %r: %s" % (enumeration, ", ".join(dups)))
    return enumeration

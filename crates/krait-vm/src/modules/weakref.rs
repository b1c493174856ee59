//! `weakref`: `ref` (also `ReferenceType`) and `finalize`, as CPython's, on the
//! collector's weak reference table (see `obj::weakref` for the objects and for
//! when callbacks run); and, written in Python over them, `KeyedRef`,
//! `WeakValueDictionary`, `WeakKeyDictionary` and `WeakSet` with CPython's API.
//!
//! The containers keep weak references with callbacks that remove their entries.
//! Callbacks run at safepoints, which may come in the middle of an iteration, so
//! the containers iterate over a snapshot of their entries (skipping those whose
//! object has gone meanwhile) where CPython defers removals while an iteration is
//! under way: abandoning an iteration then leaves nothing behind (a generator
//! that is never finished never runs its `finally` here). Unlike CPython's, an
//! iteration doesn't see entries added while it runs, nor raise when the
//! container changes size.

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::gc::Gc;
use crate::obj::ModuleObj;
use crate::value::Value;
use crate::vm::Vm;

const WEAKREF_PY: &str = r#"
class KeyedRef(ref):
    # A weak reference that carries a key: a WeakValueDictionary's callback
    # learns from it which entry to remove.
    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


def _is_mapping(m):
    return isinstance(m, (dict, WeakValueDictionary, WeakKeyDictionary))


def _ref_set(items):
    # Plain refs to `items`, to compare with or take from a WeakSet's refs.
    return set([ref(item) for item in items])


class _WeakMapping:
    # What the two weak dictionaries share: they keep their entries in `data`
    # and have update() and copy().
    def clear(self):
        self.data.clear()

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if _is_mapping(other):
            new = self.copy()
            new.update(other)
            return new
        return NotImplemented

    def __ror__(self, other):
        if _is_mapping(other):
            new = type(self)()
            new.update(other)
            new.update(self)
            return new
        return NotImplemented


class WeakValueDictionary(_WeakMapping):
    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                d = self.data
                if d.get(wr.key) is wr:
                    del d[wr.key]

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            wr = self.data[key]
        except KeyError:
            return False
        return wr() is not None

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for key, wr in list(self.data.items()):
            value = wr()
            if value is not None:
                yield key, value

    def keys(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    __iter__ = keys

    def values(self):
        for wr in list(self.data.values()):
            value = wr()
            if value is not None:
                yield value

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def copy(self):
        new = type(self)()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy

        new = type(self)()
        for key, value in self.items():
            new[deepcopy(key, memo)] = value
        return new

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, value in other.items():
                d[key] = KeyedRef(value, self._remove, key)
        for key, value in kwargs.items():
            d[key] = KeyedRef(value, self._remove, key)



class WeakKeyDictionary(_WeakMapping):
    def __init__(self, dict=None):
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass

        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            key = wr()
            if key is not None:
                yield key

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def copy(self):
        new = type(self)()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy

        new = type(self)()
        for key, value in self.items():
            new[key] = deepcopy(value, memo)
        return new

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)



class WeakSet:
    def __init__(self, data=None):
        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = remove
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(_ref_set(other))
        return self

    def intersection(self, other):
        return type(self)([item for item in other if item in self])

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(_ref_set(other))
        return self

    def issubset(self, other):
        return self.data.issubset(_ref_set(other))

    __le__ = issubset

    def __lt__(self, other):
        return self.data < _ref_set(other)

    def issuperset(self, other):
        return self.data.issuperset(_ref_set(other))

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > _ref_set(other)

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == _ref_set(other)

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update([ref(item, self._remove) for item in other])
        return self

    def union(self, other):
        return type(self)([item for items in (self, other) for item in items])

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0
"#;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "weakref", &[])?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;
    let (r, f) = crate::obj::weakref::make_types(vm)?;
    md.get_mut().set_qstr(Qstr::new("ref"), r.value());
    md.get_mut().set_qstr(Qstr::new("ReferenceType"), r.value());
    md.get_mut().set_qstr(Qstr::new("finalize"), f.value());
    vm.with_roots(&[m], |vm| crate::modules::io::run_module_source(vm, md, WEAKREF_PY, "<weakref>"))?;
    Ok(m)
}

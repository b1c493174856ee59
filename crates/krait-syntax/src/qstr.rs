//! Interned strings ("qstr", after MicroPython): identifiers, attribute names and
//! short string constants are interned once, so that name and attribute lookups
//! compare `u32` ids instead of bytes (DESIGN.md decision 2).
//!
//! The table is per thread and append-only: a `Qstr` is only meaningful on the
//! thread that made it, which is where the compiler and the VM that uses its output
//! run. Interned text lives for the rest of the thread, so `as_str` hands out
//! `&'static str` without any borrow ceremony.

use std::cell::UnsafeCell;
use std::fmt;

/// An interned string id.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Qstr(pub u32);

/// The strings interned at run time (ids from `STATIC_COUNT` on); the predefined
/// names and the ASCII characters (ids below it) are static data built at compile
/// time (`STATIC_STRS`, `STATIC_HASHES`, `STATIC_SLOTS`), so making the table
/// costs a thread nothing and touches no fresh memory.
struct Table {
    /// Text of id `STATIC_COUNT + i` at `i`.
    strs: Vec<&'static str>,
    /// Precomputed string hashes (Python `hash()` of the str), as `strs`.
    hashes: Vec<u64>,
    /// Open-addressing index from text to id: each slot is an id + 1 (0: empty),
    /// found from the string's hash; a power of two long (or empty before the
    /// first run-time string), at most half full. Slots are 4 bytes and compare
    /// the stored hash before any text, so the lexer's lookups stay cheap.
    slots: Vec<u32>,
}

thread_local! {
    static TABLE: UnsafeCell<Table> = const { UnsafeCell::new(Table::new()) };
}

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    TABLE.with(|t| {
        // SAFETY: the table is thread-local and no function below re-enters
        // `with_table` while holding the reference, so this is the only live
        // reference to it.
        let table = unsafe { &mut *t.get() };
        f(table)
    })
}

/// The hash of a string's UTF-8 bytes: the value Python's `hash()` gives for a
/// `str` in krait (stable across runs, like MicroPython's).
#[inline]
pub fn str_hash(bytes: &[u8]) -> u64 {
    // FNV-1a: cheap, good enough spread for dict tables, and stable.
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    // Keep it within the positive small-int range so `hash(s)` never needs a big int.
    h & 0x0000_3fff_ffff_ffff
}

impl Table {
    const fn new() -> Table {
        Table { strs: Vec::new(), hashes: Vec::new(), slots: Vec::new() }
    }

    /// The id of `s` (whose hash is `h`), or the empty run-time slot where it would go.
    #[inline]
    fn find(&self, s: &str, h: u64) -> Result<Qstr, usize> {
        if let Some(q) = find_static(s, h) {
            return Ok(q);
        }
        if self.slots.is_empty() {
            return Err(usize::MAX);
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(h, mask);
        loop {
            let e = self.slots[i];
            if e == 0 {
                return Err(i);
            }
            let ix = (e - 1) as usize;
            if self.hashes[ix] == h && self.strs[ix] == s {
                return Ok(Qstr((STATIC_COUNT + ix) as u32));
            }
            i = (i + 1) & mask;
        }
    }

    fn lookup(&self, s: &str) -> Option<Qstr> {
        self.find(s, str_hash(s.as_bytes())).ok()
    }

    fn insert(&mut self, s: &str) -> Qstr {
        let h = str_hash(s.as_bytes());
        match self.find(s, h) {
            Ok(q) => q,
            Err(slot) => self.add(Box::leak(s.to_owned().into_boxed_str()), h, slot),
        }
    }

    /// Intern text that lives forever already (no copy is made).
    fn insert_static(&mut self, stored: &'static str) -> Qstr {
        let h = str_hash(stored.as_bytes());
        match self.find(stored, h) {
            Ok(q) => q,
            Err(slot) => self.add(stored, h, slot),
        }
    }

    fn add(&mut self, stored: &'static str, h: u64, slot: usize) -> Qstr {
        let ix = self.strs.len();
        self.strs.push(stored);
        self.hashes.push(h);
        if slot == usize::MAX {
            // The first run-time string: make the index (and place it), with room
            // for what a VM's start-up and a small program intern.
            self.strs.reserve(256);
            self.hashes.reserve(256);
            self.grow();
        } else {
            self.slots[slot] = ix as u32 + 1;
            if self.strs.len() * 2 > self.slots.len() {
                self.grow();
            }
        }
        Qstr((STATIC_COUNT + ix) as u32)
    }

    /// Double the index (256 slots at first) and place every run-time string again.
    #[cold]
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(256);
        let mask = n - 1;
        let mut slots = vec![0u32; n];
        for (ix, &h) in self.hashes.iter().enumerate() {
            let mut i = slot_of(h, mask);
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = ix as u32 + 1;
        }
        self.slots = slots;
    }

    #[inline]
    fn text(&self, q: Qstr) -> &'static str {
        match STATIC_STRS.get(q.0 as usize) {
            Some(&s) => s,
            None => self.strs[q.0 as usize - STATIC_COUNT],
        }
    }

    #[inline]
    fn hash_of(&self, q: Qstr) -> u64 {
        match STATIC_HASHES.get(q.0 as usize) {
            Some(&h) => h,
            None => self.hashes[q.0 as usize - STATIC_COUNT],
        }
    }
}

/// The id of a predefined name or ASCII character `s` (hash `h`), if it is one.
#[inline]
fn find_static(s: &str, h: u64) -> Option<Qstr> {
    let mask = STATIC_SLOTS.len() - 1;
    let mut i = slot_of(h, mask);
    loop {
        let e = STATIC_SLOTS[i];
        if e == 0 {
            return None;
        }
        let id = (e - 1) as usize;
        if STATIC_HASHES[id] == h && STATIC_STRS[id] == s {
            return Some(Qstr(id as u32));
        }
        i = (i + 1) & mask;
    }
}

/// How many ids are static: the predefined names, then the 128 ASCII characters.
const STATIC_COUNT: usize = PREDEFINED.len() + 128;

/// The text of every static id.
static STATIC_STRS: [&str; STATIC_COUNT] = {
    let mut out = [""; STATIC_COUNT];
    let mut i = 0;
    while i < PREDEFINED.len() {
        out[i] = PREDEFINED[i];
        i += 1;
    }
    let mut b = 0;
    while b < 128 {
        out[PREDEFINED.len() + b] = ASCII_CHARS.split_at(b).1.split_at(1).0;
        b += 1;
    }
    out
};

/// `str_hash` of every static id.
static STATIC_HASHES: [u64; STATIC_COUNT] = {
    let mut out = [0; STATIC_COUNT];
    let mut i = 0;
    while i < STATIC_COUNT {
        out[i] = const_str_hash(STATIC_STRS[i].as_bytes());
        i += 1;
    }
    out
};

/// The index of the static ids (as `Table::slots`, ids + 1 in 16 bits), at most
/// half full. The static texts are all distinct (checked by a test).
static STATIC_SLOTS: [u16; STATIC_SLOTS_LEN] = {
    let mut slots = [0u16; STATIC_SLOTS_LEN];
    let mut id = 0;
    while id < STATIC_COUNT {
        let mut i = slot_of(STATIC_HASHES[id], STATIC_SLOTS_LEN - 1);
        while slots[i] != 0 {
            i = (i + 1) & (STATIC_SLOTS_LEN - 1);
        }
        slots[i] = id as u16 + 1;
        id += 1;
    }
    slots
};
const STATIC_SLOTS_LEN: usize = (STATIC_COUNT * 2).next_power_of_two();
const _: () = assert!(STATIC_COUNT < u16::MAX as usize);

/// `str_hash`, for tables built at compile time (`str_hash` itself stays the
/// plain loop the optimiser knows best; a test checks that they agree).
const fn const_str_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    h & 0x0000_3fff_ffff_ffff
}

/// The first slot to probe for hash `h` in an index of `mask + 1` slots: the
/// high bits of a Fibonacci multiply, as FNV's low bits alone spread poorly.
#[inline(always)]
const fn slot_of(h: u64, mask: usize) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

/// The 128 ASCII characters in order, so each one-character string is a slice of it.
const ASCII_CHARS: &str = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f";

/// Id of the first one-character ASCII string (`"\0"`; `"\x01"` follows, …).
const ASCII_BASE: u32 = PREDEFINED.len() as u32;

impl Qstr {
    /// The interned one-character string for an ASCII byte, without a table lookup.
    #[inline]
    pub fn ascii_char(b: u8) -> Qstr {
        debug_assert!(b < 128);
        Qstr(ASCII_BASE + b as u32)
    }

    /// The byte of a one-character ASCII string (the inverse of `ascii_char`),
    /// without a table lookup.
    #[inline]
    pub fn as_ascii_char(self) -> Option<u8> {
        let i = self.0.wrapping_sub(ASCII_BASE);
        if i < 128 {
            Some(i as u8)
        } else {
            None
        }
    }

    /// Intern text with a `'static` lifetime (a literal): no copy is made.
    #[inline]
    pub fn from_static(s: &'static str) -> Qstr {
        with_table(|t| t.insert_static(s))
    }

    /// Intern `s`, returning its id (the same id every time for the same text).
    #[inline]
    pub fn new(s: &str) -> Qstr {
        with_table(|t| t.insert(s))
    }

    /// The id of `s` if it is already interned; never adds to the table.
    #[inline]
    pub fn lookup(s: &str) -> Option<Qstr> {
        with_table(|t| t.lookup(s))
    }

    #[inline]
    pub fn as_str(self) -> &'static str {
        with_table(|t| t.text(self))
    }

    /// Python `hash()` of this string (precomputed at interning).
    #[inline]
    pub fn hash(self) -> u64 {
        with_table(|t| t.hash_of(self))
    }

    #[inline]
    pub fn id(self) -> u32 {
        self.0
    }

    /// How many strings are interned on this thread (for `micropython.qstr_info`).
    pub fn count() -> usize {
        with_table(|t| STATIC_COUNT + t.strs.len())
    }

    /// Total bytes of interned text on this thread.
    pub fn total_bytes() -> usize {
        with_table(|t| STATIC_STRS.iter().chain(&t.strs).map(|s| s.len()).sum())
    }
}

impl fmt::Debug for Qstr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Qstr({}:{:?})", self.0, self.as_str())
    }
}

impl fmt::Display for Qstr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! predefined {
    ($($name:ident = $text:expr,)*) => {
        /// Strings interned at start-up with fixed ids, so Rust code can name them
        /// as constants (`q::__init__` is `"__init__"`).
        #[allow(non_upper_case_globals)]
        pub mod q {
            use super::Qstr;
            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            #[repr(u32)]
            enum Id { $($name,)* }
            $(pub const $name: Qstr = Qstr(Id::$name as u32);)*
        }
        const PREDEFINED: &[&str] = &[$($text,)*];
    };
}

predefined! {
    EMPTY = "",
    // module-level and frame names
    __name__ = "__name__",
    __main__ = "__main__",
    __file__ = "__file__",
    __module__ = "__module__",
    __qualname__ = "__qualname__",
    __doc__ = "__doc__",
    __class__ = "__class__",
    __dict__ = "__dict__",
    __builtins__ = "__builtins__",
    __path__ = "__path__",
    __init__ = "__init__",
    __new__ = "__new__",
    __del__ = "__del__",
    __call__ = "__call__",
    __repr__ = "__repr__",
    __str__ = "__str__",
    __format__ = "__format__",
    __hash__ = "__hash__",
    __bool__ = "__bool__",
    __len__ = "__len__",
    __iter__ = "__iter__",
    __next__ = "__next__",
    __reversed__ = "__reversed__",
    __contains__ = "__contains__",
    __getitem__ = "__getitem__",
    __setitem__ = "__setitem__",
    __delitem__ = "__delitem__",
    __missing__ = "__missing__",
    __getattr__ = "__getattr__",
    __getattribute__ = "__getattribute__",
    __setattr__ = "__setattr__",
    __delattr__ = "__delattr__",
    __get__ = "__get__",
    __set__ = "__set__",
    __delete__ = "__delete__",
    __set_name__ = "__set_name__",
    __enter__ = "__enter__",
    __exit__ = "__exit__",
    __aenter__ = "__aenter__",
    __aexit__ = "__aexit__",
    __aiter__ = "__aiter__",
    __anext__ = "__anext__",
    __await__ = "__await__",
    __eq__ = "__eq__",
    __ne__ = "__ne__",
    __lt__ = "__lt__",
    __le__ = "__le__",
    __gt__ = "__gt__",
    __ge__ = "__ge__",
    __add__ = "__add__",
    __sub__ = "__sub__",
    __mul__ = "__mul__",
    __matmul__ = "__matmul__",
    __truediv__ = "__truediv__",
    __floordiv__ = "__floordiv__",
    __mod__ = "__mod__",
    __divmod__ = "__divmod__",
    __pow__ = "__pow__",
    __lshift__ = "__lshift__",
    __rshift__ = "__rshift__",
    __and__ = "__and__",
    __or__ = "__or__",
    __xor__ = "__xor__",
    __radd__ = "__radd__",
    __rsub__ = "__rsub__",
    __rmul__ = "__rmul__",
    __rmatmul__ = "__rmatmul__",
    __rtruediv__ = "__rtruediv__",
    __rfloordiv__ = "__rfloordiv__",
    __rmod__ = "__rmod__",
    __rdivmod__ = "__rdivmod__",
    __rpow__ = "__rpow__",
    __rlshift__ = "__rlshift__",
    __rrshift__ = "__rrshift__",
    __rand__ = "__rand__",
    __ror__ = "__ror__",
    __rxor__ = "__rxor__",
    __iadd__ = "__iadd__",
    __isub__ = "__isub__",
    __imul__ = "__imul__",
    __imatmul__ = "__imatmul__",
    __itruediv__ = "__itruediv__",
    __ifloordiv__ = "__ifloordiv__",
    __imod__ = "__imod__",
    __ipow__ = "__ipow__",
    __ilshift__ = "__ilshift__",
    __irshift__ = "__irshift__",
    __iand__ = "__iand__",
    __ior__ = "__ior__",
    __ixor__ = "__ixor__",
    __neg__ = "__neg__",
    __pos__ = "__pos__",
    __abs__ = "__abs__",
    __invert__ = "__invert__",
    __int__ = "__int__",
    __float__ = "__float__",
    __complex__ = "__complex__",
    __index__ = "__index__",
    __round__ = "__round__",
    __sizeof__ = "__sizeof__",
    __slots__ = "__slots__",
    __bases__ = "__bases__",
    __base__ = "__base__",
    __mro__ = "__mro__",
    __subclasses__ = "__subclasses__",
    __init_subclass__ = "__init_subclass__",
    __class_getitem__ = "__class_getitem__",
    __prepare__ = "__prepare__",
    __traceback__ = "__traceback__",
    __cause__ = "__cause__",
    __context__ = "__context__",
    __suppress_context__ = "__suppress_context__",
    __self__ = "__self__",
    __func__ = "__func__",
    __code__ = "__code__",
    __defaults__ = "__defaults__",
    __closure__ = "__closure__",
    __globals__ = "__globals__",
    __all__ = "__all__",
    __import__ = "__import__",
    __build_class__ = "__build_class__",
    __annotations__ = "__annotations__",
    __version__ = "__version__",
    __abstractmethods__ = "__abstractmethods__",
    __reduce__ = "__reduce__",
    __dir__ = "__dir__",
    __length_hint__ = "__length_hint__",
    __buffer__ = "__buffer__",
    // common identifiers
    self_ = "self",
    cls = "cls",
    args = "args",
    kwargs = "kwargs",
    super_ = "super",
    object = "object",
    type_ = "type",
    value = "value",
    key = "key",
    reverse = "reverse",
    default = "default",
    sep = "sep",
    end = "end",
    file = "file",
    flush = "flush",
    start = "start",
    stop = "stop",
    step = "step",
    send = "send",
    throw = "throw",
    close = "close",
    append = "append",
    extend = "extend",
    keys = "keys",
    values = "values",
    items = "items",
    get = "get",
    pop = "pop",
    join = "join",
    format = "format",
    errno = "errno",
    strerror = "strerror",
    code = "code",
    real = "real",
    imag = "imag",
    const_ = "const",
    micropython = "micropython",
    native = "native",
    viper = "viper",
    asm_thumb = "asm_thumb",
    lambda_ = "<lambda>",
    module_ = "<module>",
    listcomp = "<listcomp>",
    dictcomp = "<dictcomp>",
    setcomp = "<setcomp>",
    genexpr = "<genexpr>",
    stdin = "<stdin>",
    string = "<string>",
    int_ = "int",
    uint = "uint",
    bool_ = "bool",
    ptr = "ptr",
    ptr8 = "ptr8",
    ptr16 = "ptr16",
    ptr32 = "ptr32",
    float_ = "float",
    str_ = "str",
    bytes_ = "bytes",
    tuple_ = "tuple",
    list_ = "list",
    dict_ = "dict",
    set_ = "set",
    None_ = "None",
    True_ = "True",
    False_ = "False",
    print = "print",
    range = "range",
    len = "len",
    isinstance = "isinstance",
    AssertionError = "AssertionError",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_ids_are_stable() {
        assert_eq!(q::__init__.as_str(), "__init__");
        assert_eq!(Qstr::new("__init__"), q::__init__);
        assert_eq!(q::EMPTY, Qstr(0));
    }

    #[test]
    fn ascii_table_is_complete() {
        assert_eq!(ASCII_CHARS.len(), 128);
        assert!(ASCII_CHARS.bytes().enumerate().all(|(i, b)| i == b as usize));
    }

    #[test]
    fn ascii_chars_have_fixed_ids() {
        for b in 0u8..128 {
            let s = (b as char).to_string();
            assert_eq!(Qstr::new(&s), Qstr::ascii_char(b));
            assert_eq!(Qstr::ascii_char(b).as_str(), s);
            assert_eq!(Qstr::ascii_char(b).as_ascii_char(), Some(b));
        }
    }

    #[test]
    fn static_table_is_consistent() {
        for (id, s) in STATIC_STRS.iter().enumerate() {
            assert_eq!(STATIC_HASHES[id], str_hash(s.as_bytes()), "{s:?}");
            assert_eq!(Qstr::new(s), Qstr(id as u32), "{s:?} is not distinct");
            assert_eq!(Qstr(id as u32).hash(), str_hash(s.as_bytes()));
        }
        assert_eq!(const_str_hash(b"hello \xff"), str_hash(b"hello \xff"));
        let a = Qstr::new("a_run_time_name");
        assert_eq!(
            a.0 as usize,
            STATIC_COUNT + with_table(|t| t.strs.iter().position(|&s| s == "a_run_time_name").unwrap())
        );
        let many: Vec<Qstr> = (0..2000).map(|i| Qstr::new(&format!("n{i}"))).collect();
        for (i, q) in many.iter().enumerate() {
            assert_eq!(q.as_str(), format!("n{i}"));
            assert_eq!(Qstr::lookup(&format!("n{i}")), Some(*q));
        }
    }

    #[test]
    fn interning_is_idempotent() {
        let a = Qstr::new("hello_world_xyz");
        let b = Qstr::new("hello_world_xyz");
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "hello_world_xyz");
        assert_eq!(Qstr::lookup("never_interned_name_123"), None);
        assert_eq!(a.hash(), str_hash(b"hello_world_xyz"));
    }
}

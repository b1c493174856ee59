//! The `Vm`: heap, value stack, frames, built-in types and modules, and the
//! object constructors and error helpers everything else uses.

use std::io::Write;

use krait_syntax::{q, Qstr};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::{AllocError, Gc, Heap, ObjKind, PyObj};
use crate::obj::bytes::ByteArrayObj;
use crate::obj::exception::ExceptionObj;
use crate::obj::*;
use crate::types::BuiltinTypes;
use crate::value::Value;

/// How the VM was configured (from the command line, or by an embedder).
#[derive(Clone, Debug)]
pub struct VmOptions {
    /// Fixed heap capacity in bytes (`-X heapsize=`), or grow on demand.
    pub heap_size: Option<usize>,
    /// `-O` level: 1 drops asserts and makes `__debug__` False.
    pub optimize: u8,
    pub verbose: u8,
    /// Maximum Python call depth before `RuntimeError: maximum recursion depth exceeded`.
    pub recursion_limit: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path`.
    pub path: Vec<String>,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions {
            heap_size: None,
            optimize: 0,
            verbose: 0,
            recursion_limit: 10_000,
            argv: Vec::new(),
            path: vec![String::new(), ".frozen".into()],
        }
    }
}

/// One activation of a bytecode function (DESIGN.md decision 5). The slots live
/// on the VM's value stack: `[locals | cells | value stack]` starting at `base`.
pub struct Frame {
    pub code: Gc<CodeObj>,
    /// The function being run, or NULL for module and `exec` code.
    pub func: Value,
    pub globals: Gc<DictObj>,
    /// Namespace dict for class bodies (and `exec` with locals), else NULL.
    pub locals: Value,
    /// Stack index of the first local.
    pub base: usize,
    /// Saved value-stack pointer (stack index) while this frame isn't running.
    pub sp: usize,
    /// Saved instruction index while this frame isn't running.
    pub ip: usize,
    /// End of this frame's reservation on the stack.
    pub top: usize,
    /// The generator whose frame this is, or NULL.
    pub generator: Value,
    /// Where a called frame's result goes in this frame's stack (stack index).
    pub ret_slot: usize,
    /// The interpreter loop invocation that pushed this frame returns when it does.
    pub is_entry: bool,
    /// For an `__init__` run by `cls(...)` from the loop: the new instance, which
    /// is the call's result (the frame must return None). NULL otherwise.
    pub init_self: Value,
    /// For a user's operator method run by the loop as a frame (`a + b`,
    /// `a < b`; see `Vm::push_operator_frame`): which operator, so that a
    /// NotImplemented result goes on to the reflected method.
    pub operator: Option<OperatorCall>,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OperatorCall {
    /// `a op b` by `a.__op__(b)`.
    Binary(krait_syntax::ast::BinOp),
    /// `a op= b` by `a.__iop__(b)`.
    Inplace(krait_syntax::ast::BinOp),
    /// `a op b` by `a.__op__(b)`, a comparison other than `!=`.
    Compare(krait_syntax::ast::CmpOp),
    /// `op a` by `a.__op__()` (its result is the result, whatever it is).
    Unary(krait_syntax::ast::UnaryOp),
}

pub struct Vm {
    pub heap: Heap,
    stack: *mut Value,
    stack_cap: usize,
    /// End of the live part of the stack: the innermost frame's reservation.
    pub stack_top: usize,
    pub frames: Vec<Frame>,
    pub types: BuiltinTypes,
    pub builtins: Gc<DictObj>,
    pub builtins_module: Value,
    /// `sys.modules`.
    pub modules: Gc<DictObj>,
    /// The exception currently being handled (`sys.exc_info()`, bare `raise`), or NONE.
    pub handled_exc: Value,
    /// Values Rust code keeps alive across calls back into Python.
    pub temp_roots: Vec<Value>,
    /// Raised when an allocation fails (allocated up front: there may be no room later).
    pub memory_error: Value,
    /// A str method refused text with lone surrogates and wants to be run again
    /// on mapped text (`obj::str_surrogates::refuse`, `call_native`).
    pub surrogate_retry: bool,
    pub options: VmOptions,
    /// Buffered standard output (flushed at exit, before input, and when large).
    pub stdout: Vec<u8>,
    /// Machine-code emitter, when the binary plugs one in.
    pub emitter: Option<Box<dyn crate::Emitter>>,
    /// Names of modules being imported (for circular-import detection and `__name__`).
    pub main_module: Value,
    /// The `sys` module's dict, for `sys.stdout` lookups and `sys.exit`.
    pub sys_dict: Gc<DictObj>,
    /// Active native (Rust) re-entries into the interpreter, bounded like Python calls.
    pub native_depth: usize,
    /// Nesting of `repr` calls on containers (recursion guard).
    pub repr_depth: usize,
    /// The built-in `__import__`, to notice when a program replaces it.
    pub builtin_import: Value,
    /// `micropython.schedule`'s callbacks and their arguments, oldest first.
    pub sched_queue: std::collections::VecDeque<(Value, Value)>,
    /// Nesting of running scheduled callbacks (others wait while one runs).
    pub sched_lock: u32,
    /// The function `sys.atexit` registered, called when the program ends (or None).
    pub exit_func: Value,
    /// While a frame waits in a call made by the interpreter's call instruction
    /// (of anything but a Python function, which gets a frame of its own): the
    /// address of the slot where that frame's live stack ends (the slots above it
    /// held values it has popped); 0 otherwise. Lets `gc.collect()` clear those
    /// dead slots first (see `collect_garbage_now`). An address, not an index,
    /// so that the call path only stores the stack pointer it has.
    pub(crate) call_sp: usize,
    /// While `Vm::new` runs: the types given pending attributes (see
    /// `Vm::add_method`), whose dicts get room for them at its end.
    pub(crate) startup_types: Option<Vec<Gc<TypeObj>>>,
}

/// Stack slots reserved for the whole VM (values, not bytes). The memory is only
/// touched as frames use it.
const STACK_SLOTS: usize = 4 << 20;

impl Vm {
    pub fn new(options: VmOptions) -> Vm {
        let mut heap = Heap::new(None);
        let layout = std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("stack layout");
        // SAFETY: non-zero size; the memory is used only through `stack_slot`
        // accessors that stay below `stack_cap`.
        let stack = unsafe { std::alloc::alloc(layout) } as *mut Value;
        if stack.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let types = BuiltinTypes::bootstrap(&mut heap);
        let builtins = heap.alloc(DictObj::new()).expect("heap too small for builtins");
        let modules = heap.alloc(DictObj::new()).expect("heap too small for builtins");
        let sys_dict = heap.alloc(DictObj::new()).expect("heap too small for builtins");
        let mut vm = Vm {
            heap,
            stack,
            stack_cap: STACK_SLOTS,
            stack_top: 0,
            frames: Vec::with_capacity(64),
            types,
            builtins,
            builtins_module: Value::NONE,
            modules,
            handled_exc: Value::NONE,
            temp_roots: Vec::new(),
            memory_error: Value::NONE,
            surrogate_retry: false,
            options,
            stdout: Vec::with_capacity(8192),
            emitter: None,
            main_module: Value::NONE,
            sys_dict,
            native_depth: 0,
            repr_depth: 0,
            builtin_import: Value::NULL,
            sched_queue: std::collections::VecDeque::new(),
            exit_func: Value::NONE,
            sched_lock: 0,
            call_sp: 0,
            startup_types: Some(Vec::new()),
        };
        let me = vm
            .alloc(ExceptionObj {
                class: vm.types.exc(ExcKind::MemoryError),
                args: vm.types.empty_tuple,
                traceback: Vec::new(),
                cause: Value::NONE,
                context: Value::NONE,
                suppress_context: false,
                dict: Value::NULL,
            })
            .expect("heap too small for builtins");
        vm.memory_error = me.value();
        crate::builtins::install(&mut vm).expect("installing builtins");
        crate::modules::install(&mut vm).expect("installing built-in modules");
        vm.prime_heap_reserves().expect("heap too small for builtins");
        // The built-in types' attributes join their dicts on first use (see
        // `obj::type_::Pending`); room for them is made now, so that the heap
        // counts their dicts among the start-up objects, as when they were full.
        for t in vm.startup_types.take().unwrap_or_default() {
            let n = t.pending_len();
            t.dict_raw.get_mut().reserve(n);
        }
        // Measure what start-up left exactly (and drop its garbage) before the
        // program's heap is fixed on top of it.
        vm.collect_garbage();
        let size = vm.options.heap_size;
        vm.heap.set_capacity(size);
        vm
    }

    // ---- the value stack ----

    /// Pointer to stack slot `i`.
    #[inline(always)]
    pub fn stack_ptr(&self, i: usize) -> *mut Value {
        debug_assert!(i <= self.stack_cap);
        // SAFETY: `i` is within the allocation (callers check against `stack_cap`
        // via `reserve_frame`).
        unsafe { self.stack.add(i) }
    }

    #[inline(always)]
    pub fn stack_get(&self, i: usize) -> Value {
        debug_assert!(i < self.stack_cap);
        // SAFETY: within the allocation and initialised (slots below `stack_top`
        // are always written before the frame that owns them runs).
        unsafe { *self.stack.add(i) }
    }

    #[inline(always)]
    pub fn stack_set(&mut self, i: usize, v: Value) {
        debug_assert!(i < self.stack_cap);
        // SAFETY: within the allocation.
        unsafe { *self.stack.add(i) = v }
    }

    /// A slice of stack slots `[from, from + n)`, e.g. a call's arguments.
    ///
    /// The slice is not tied to `&self`: the stack never moves, and the caller
    /// must not use it once those slots are popped.
    #[inline(always)]
    pub fn stack_slice<'a>(&self, from: usize, n: usize) -> &'a [Value] {
        debug_assert!(from + n <= self.stack_cap);
        // SAFETY: within the allocation and initialised; the stack memory is owned
        // through a raw pointer, so no Rust reference to `Vm` aliases it.
        unsafe { std::slice::from_raw_parts(self.stack.add(from), n) }
    }

    /// Set slots `[from, to)` to NULL (dead values the collector must not keep alive).
    #[inline]
    pub fn clear_stack(&mut self, from: usize, to: usize) {
        if from < to {
            debug_assert!(to <= self.stack_cap);
            // SAFETY: `[from, to)` is within the stack allocation.
            unsafe { std::slice::from_raw_parts_mut(self.stack.add(from), to - from).fill(Value::NULL) };
        }
    }

    /// Slots in the value stack.
    pub fn stack_capacity(&self) -> usize {
        self.stack_cap
    }

    /// Check that `n` more slots fit above `from`; the error is Python's recursion error.
    #[inline(always)]
    pub fn check_stack_room(&mut self, from: usize, n: usize) -> PyResult<()> {
        if from + n > self.stack_cap || self.frames.len() >= self.options.recursion_limit {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    pub fn recursion_error(&mut self) -> PyErr {
        self.new_exception(ExcKind::RuntimeError, "maximum recursion depth exceeded")
    }

    // ---- allocation ----

    #[inline]
    pub fn alloc<T: PyObj>(&mut self, data: T) -> PyResult<Gc<T>> {
        let r = self.heap.alloc(data);
        self.allocated(r)
    }

    /// The result of a heap allocation, its failure made Python's `MemoryError`.
    #[inline]
    pub fn allocated<T: PyObj>(&mut self, r: Result<Gc<T>, AllocError>) -> PyResult<Gc<T>> {
        match r {
            Ok(g) => Ok(g),
            Err(e) => Err(self.alloc_failed(e)),
        }
    }

    #[cold]
    pub fn alloc_failed(&mut self, e: AllocError) -> PyErr {
        self.heap.note_failure(e);
        let requested = match e {
            AllocError::Full { requested } | AllocError::Locked { requested } => requested,
        };
        if let Some(exc) = self.memory_error.downcast::<ExceptionObj>() {
            let exc = exc.get_mut();
            exc.traceback.clear();
            // The message is a qstr so that recording it allocates nothing.
            let msg = Value::qstr(Qstr::new(&format!("memory allocation failed, allocating {requested} bytes")));
            exc.args = Value::NULL;
            exc.dict = Value::NULL;
            exc.cause = Value::NONE;
            exc.context = Value::NONE;
            exc.suppress_context = false;
            // A one-tuple would allocate; keep the message in `args` via a preallocated slot below.
            exc.args = self.types.memory_error_args(msg);
        }
        PyErr(self.memory_error)
    }

    /// Charge buffer growth to the heap (see `Heap::charge`).
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> PyResult<()> {
        match self.heap.charge(bytes) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.alloc_failed(e)),
        }
    }

    /// A `str` value. Single ASCII characters are interned (no allocation).
    #[inline]
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        match s.as_bytes() {
            [] => return Ok(Value::qstr(q::EMPTY)),
            [b] => return Ok(Value::qstr(Qstr::ascii_char(*b))),
            _ => {}
        }
        let r = StrObj::alloc_copy(&mut self.heap, s);
        self.allocated(r).map(|g| g.value())
    }

    /// The str `a + b`, written once, where it is kept.
    pub fn new_str_concat(&mut self, a: &str, b: &str) -> PyResult<Value> {
        if a.is_empty() || b.is_empty() {
            return self.new_str(if a.is_empty() { b } else { a });
        }
        crate::obj::str::check_room(self, a.len().saturating_add(b.len()))?;
        let r = StrObj::alloc_concat(&mut self.heap, a, b);
        self.allocated(r).map(|g| g.value())
    }

    /// A `str` of `len` bytes written by `fill`: in the object's cell when it
    /// fits, so building a short str costs no buffer of its own.
    ///
    /// # Safety
    /// `fill` must fill the whole slice it is given with valid UTF-8.
    pub unsafe fn new_str_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> PyResult<Value> {
        if len <= 1 {
            let mut b = [0u8; 1];
            fill(&mut b[..len]);
            return Ok(Value::qstr(if len == 0 { q::EMPTY } else { Qstr::ascii_char(b[0]) }));
        }
        crate::obj::str::check_room(self, len)?;
        // SAFETY: passed on from the caller.
        let r = unsafe { StrObj::alloc_with(&mut self.heap, len, fill) };
        self.allocated(r).map(|g| g.value())
    }

    /// A `str` of `s` (its buffer is kept when the text is too long for the object's cell).
    pub fn new_string(&mut self, s: String) -> PyResult<Value> {
        match s.as_bytes() {
            [] => return Ok(Value::qstr(q::EMPTY)),
            [b] => return Ok(Value::qstr(Qstr::ascii_char(*b))),
            _ => {}
        }
        // Give back spare room of a long buffer (a `Box<str>` is exact).
        let r = StrObj::alloc_string(&mut self.heap, s);
        self.allocated(r).map(|g| g.value())
    }

    /// A `str` of generalized UTF-8 `b`, which may hold lone surrogates
    /// (`krait_syntax::wtf8`); text without them is made as by `new_str`.
    /// Malformed bytes are `ValueError` (so every str's bytes are well formed).
    pub fn new_wtf8(&mut self, b: &[u8]) -> PyResult<Value> {
        if !krait_syntax::wtf8::has_surrogates(b) {
            // Without surrogates generalized UTF-8 is UTF-8.
            return match std::str::from_utf8(b) {
                Ok(s) => self.new_str(s),
                Err(_) => Err(self.value_error("invalid str data")),
            };
        }
        if !krait_syntax::wtf8::is_well_formed(b) {
            return Err(self.value_error("invalid str data"));
        }
        crate::obj::str::check_room(self, b.len())?;
        let r = StrObj::alloc_surrogates(&mut self.heap, b);
        self.allocated(r).map(|g| g.value())
    }

    /// A `str` of text built in a `Wtf8Buf` (adopting its buffer when long).
    #[inline]
    pub fn new_wtf8_buf(&mut self, buf: krait_syntax::wtf8::Wtf8Buf) -> PyResult<Value> {
        match buf.into_string() {
            Ok(s) => self.new_string(s),
            Err(bytes) => self.new_wtf8_vec(bytes),
        }
    }

    /// A `str` of generalized UTF-8 that isn't UTF-8 (so holds a surrogate),
    /// adopting the buffer when long.
    #[inline(never)]
    fn new_wtf8_vec(&mut self, bytes: Vec<u8>) -> PyResult<Value> {
        if !krait_syntax::wtf8::has_surrogates(&bytes) || !krait_syntax::wtf8::is_well_formed(&bytes) {
            return Err(self.value_error("invalid str data"));
        }
        crate::obj::str::check_room(self, bytes.len())?;
        let r = StrObj::alloc_surrogates_vec(&mut self.heap, bytes);
        self.allocated(r).map(|g| g.value())
    }

    pub fn new_bytes(&mut self, data: Vec<u8>) -> PyResult<Value> {
        Ok(self.alloc(BytesObj { data })?.value())
    }

    pub fn new_bytearray(&mut self, data: Vec<u8>) -> PyResult<Value> {
        Ok(self.alloc(ByteArrayObj { data })?.value())
    }

    #[inline]
    pub fn new_int(&mut self, i: i64) -> PyResult<Value> {
        match Value::try_small_int(i) {
            Some(v) => Ok(v),
            None => Ok(self.alloc(IntObj::from_i128(i as i128))?.value()),
        }
    }

    pub fn new_bigint(&mut self, b: BigInt) -> PyResult<Value> {
        if let Some(i) = b.to_i64() {
            if let Some(v) = Value::try_small_int(i) {
                return Ok(v);
            }
        }
        Ok(self.alloc(IntObj::from_bigint(b))?.value())
    }

    pub fn new_int_i128(&mut self, i: i128) -> PyResult<Value> {
        if let Ok(x) = i64::try_from(i) {
            if let Some(v) = Value::try_small_int(x) {
                return Ok(v);
            }
        }
        Ok(self.alloc(IntObj::from_i128(i))?.value())
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> PyResult<Value> {
        Ok(self.alloc(ListObj { items })?.value())
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(self.types.empty_tuple);
        }
        let r = TupleObj::alloc_vec(&mut self.heap, items);
        Ok(self.allocated(r)?.value())
    }

    /// A tuple of `n` items written by `fill` (which must not allocate).
    #[inline]
    pub fn new_tuple_with(&mut self, n: usize, fill: impl FnOnce(&mut [Value])) -> PyResult<Value> {
        if n == 0 {
            return Ok(self.types.empty_tuple);
        }
        let r = TupleObj::alloc_with(&mut self.heap, n, fill);
        Ok(self.allocated(r)?.value())
    }

    pub fn new_tuple_from(&mut self, items: &[Value]) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(self.types.empty_tuple);
        }
        let r = TupleObj::alloc_copy(&mut self.heap, items);
        Ok(self.allocated(r)?.value())
    }

    pub fn new_dict(&mut self) -> PyResult<Gc<DictObj>> {
        self.alloc(DictObj::new())
    }

    pub fn new_set(&mut self, frozen: bool) -> PyResult<Gc<SetObj>> {
        let s = self.alloc(SetObj { map: DictObj::new() })?;
        if frozen {
            s.header().flags.set(crate::obj::set::FROZEN);
        }
        Ok(s)
    }

    /// A built-in function (not a method: found on a class, it doesn't bind `self`).
    pub fn new_builtin_fn(&mut self, name: &'static str, f: NativeFn) -> PyResult<Value> {
        let module = Qstr::from_static("builtins");
        Ok(self
            .alloc(BuiltinFunctionObj { name: Qstr::from_static(name), f, bound_self: Value::NULL, module })?
            .value())
    }

    /// A built-in method: found on a class, it binds `self` like a Python function.
    pub fn new_builtin_method(&mut self, name: &'static str, f: NativeFn) -> PyResult<Value> {
        let name = Qstr::from_static(name);
        Ok(self.alloc(BuiltinFunctionObj { name, f, bound_self: Value::NULL, module: q::EMPTY })?.value())
    }

    // ---- exceptions ----

    /// A new exception instance of a built-in class with a message (`args == (msg,)`).
    pub fn new_exception(&mut self, kind: ExcKind, msg: impl AsRef<str>) -> PyErr {
        let class = self.types.exc(kind);
        self.new_exception_of(class, msg.as_ref())
    }

    pub fn new_exception_of(&mut self, class: Gc<TypeObj>, msg: &str) -> PyErr {
        let args = match self.new_str(msg).and_then(|s| self.new_tuple_from(&[s])) {
            Ok(t) => t,
            // No room (heap full or locked): raise it all the same, from the reserve.
            Err(_) => return self.emergency_exception(class, msg),
        };
        self.new_exception_args(class, args)
    }

    /// An exception instance with the given `args` tuple.
    pub fn new_exception_args(&mut self, class: Gc<TypeObj>, args: Value) -> PyErr {
        match self.alloc(ExceptionObj {
            class,
            args,
            traceback: Vec::new(),
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
            dict: Value::NULL,
        }) {
            Ok(e) => PyErr(e.value()),
            Err(_) => self.emergency_exception_tuple(class, args),
        }
    }

    /// An exception with no arguments (`raise StopIteration`).
    pub fn new_exception_empty(&mut self, kind: ExcKind) -> PyErr {
        let class = self.types.exc(kind);
        let args = self.types.empty_tuple;
        self.new_exception_args(class, args)
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception(ExcKind::TypeError, msg)
    }

    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception(ExcKind::ValueError, msg)
    }

    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception(ExcKind::IndexError, msg)
    }

    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception(ExcKind::AttributeError, msg)
    }

    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        self.new_exception(ExcKind::ZeroDivisionError, msg)
    }

    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exception(ExcKind::OverflowError, msg)
    }

    pub fn not_implemented(&mut self, what: &str) -> PyErr {
        self.new_exception(ExcKind::NotImplementedError, what)
    }

    /// `KeyError(key)`: the key itself is the argument.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let class = self.types.exc(ExcKind::KeyError);
        match self.new_tuple_from(&[key]) {
            Ok(args) => self.new_exception_args(class, args),
            Err(e) => e,
        }
    }

    /// `StopIteration(value)`.
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let class = self.types.exc(ExcKind::StopIteration);
        if value.is_none() {
            let args = self.types.empty_tuple;
            return self.new_exception_args(class, args);
        }
        match self.new_tuple_from(&[value]) {
            Ok(args) => self.new_exception_args(class, args),
            Err(e) => e,
        }
    }

    /// Is `err` an instance of the built-in exception class `kind` (or a subclass)?
    pub fn exc_matches(&self, err: PyErr, kind: ExcKind) -> bool {
        match err.0.downcast::<ExceptionObj>() {
            Some(e) => e.class.is_subtype(self.types.exc(kind)),
            None => false,
        }
    }

    // ---- types ----

    /// The Python type of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> Gc<TypeObj> {
        let t = &self.types;
        if v.is_float() {
            return t.float;
        }
        if v.is_small_int() {
            return t.int;
        }
        if v.is_qstr() {
            return t.str_;
        }
        if !v.is_ptr() {
            return match v {
                Value::NONE => t.none_type,
                Value::TRUE | Value::FALSE => t.bool_,
                Value::ELLIPSIS => t.ellipsis_type,
                Value::NOT_IMPLEMENTED => t.not_implemented_type,
                _ => t.none_type,
            };
        }
        match v.kind().unwrap_or(ObjKind::Other) {
            ObjKind::Str => t.str_,
            ObjKind::Bytes => t.bytes,
            ObjKind::ByteArray => t.bytearray,
            ObjKind::Int => t.int,
            ObjKind::Tuple => t.tuple,
            ObjKind::List => t.list,
            ObjKind::Dict => t.dict,
            ObjKind::Set => {
                let s = Gc::<SetObj>::from_value_unchecked(v);
                if SetObj::is_frozen(s) {
                    t.frozenset
                } else {
                    t.set
                }
            }
            ObjKind::FrozenSet => t.frozenset,
            ObjKind::Type => {
                let ty = Gc::<TypeObj>::from_value_unchecked(v);
                ty.metaclass.downcast::<TypeObj>().unwrap_or(t.type_)
            }
            ObjKind::Instance => Gc::<InstanceObj>::from_value_unchecked(v).class,
            ObjKind::Exception => Gc::<ExceptionObj>::from_value_unchecked(v).class,
            ObjKind::Function => t.function,
            ObjKind::BuiltinFunction => t.builtin_function,
            ObjKind::BoundMethod => t.bound_method,
            ObjKind::Cell => t.cell,
            ObjKind::Code => t.code,
            ObjKind::Module => t.module,
            ObjKind::Generator => t.generator,
            ObjKind::Range => t.range,
            ObjKind::Slice => t.slice,
            ObjKind::Property => t.property,
            ObjKind::ClassMethod => t.classmethod,
            ObjKind::StaticMethod => t.staticmethod,
            ObjKind::Super => t.super_,
            ObjKind::Iterator => crate::types::iterator_type(self, v),
            ObjKind::Complex | ObjKind::MemoryView | ObjKind::Array | ObjKind::Other => {
                crate::types::other_type(self, v)
            }
        }
    }

    /// The type's name, for messages.
    pub fn type_name(&self, v: Value) -> &'static str {
        self.type_of(v).name.as_str()
    }

    /// `isinstance(v, t)` for a single class.
    #[inline]
    pub fn isinstance(&self, v: Value, t: Gc<TypeObj>) -> bool {
        let vt = self.type_of(v);
        vt == t || vt.is_subtype(t)
    }

    // ---- output ----

    /// Write to standard output through the VM's buffer.
    pub fn write_stdout(&mut self, bytes: &[u8]) {
        self.stdout.extend_from_slice(bytes);
        if self.stdout.len() >= 1 << 16 {
            self.flush_stdout();
        }
    }

    pub fn flush_stdout(&mut self) {
        if !self.stdout.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.stdout);
            let _ = out.flush();
            self.stdout.clear();
        }
    }

    pub fn write_stderr(&mut self, bytes: &[u8]) {
        self.flush_stdout();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(bytes);
        let _ = err.flush();
    }

    // ---- garbage collection ----

    /// Run `f` with `vals` rooted: pushed on `temp_roots`, and popped again
    /// however `f` ends. For values held in Rust memory (a local, a `Vec`) across
    /// anything that can run Python code, and so collect.
    #[inline]
    pub fn with_roots<T>(&mut self, vals: &[Value], f: impl FnOnce(&mut Vm) -> T) -> T {
        let mark = self.temp_roots.len();
        self.temp_roots.extend_from_slice(vals);
        let r = f(self);
        self.temp_roots.truncate(mark);
        r
    }

    /// Collect now, with every root the VM knows.
    pub fn collect_garbage(&mut self) {
        let mut tracer = self.heap.begin_collect();
        tracer.mark_all(self.stack_slice(0, self.stack_top));
        for f in &self.frames {
            tracer.mark_gc(f.code);
            tracer.mark(f.func);
            tracer.mark_gc(f.globals);
            tracer.mark(f.locals);
            tracer.mark(f.generator);
            tracer.mark(f.init_self);
        }
        self.types.trace(&mut tracer);
        tracer.mark_gc(self.builtins);
        tracer.mark(self.builtins_module);
        tracer.mark_gc(self.modules);
        tracer.mark_gc(self.sys_dict);
        tracer.mark(self.handled_exc);
        tracer.mark_all(&self.temp_roots);
        for &(f, arg) in &self.sched_queue {
            tracer.mark(f);
            tracer.mark(arg);
        }
        tracer.mark(self.memory_error);
        tracer.mark(self.main_module);
        tracer.mark(self.exit_func);
        self.heap.finish_collect(tracer);
        if self.heap.weak.has_pending() {
            // Callbacks of weak references it cleared: run by the caller if it is a
            // safepoint where Python code may run (`collect_at_safepoint`), else at
            // the next check of pending events.
            crate::interrupt::request_attention();
        }
    }

    /// Collect at a safepoint where Python code may run: the callbacks of the weak
    /// references the collection cleared run now. (Out of line: the interpreter
    /// loop calls it from several places, and only when a collection is due.)
    #[cold]
    #[inline(never)]
    pub(crate) fn collect_at_safepoint(&mut self) {
        self.collect_garbage();
        if self.heap.weak.has_pending() {
            self.run_weak_callbacks();
        }
    }

    /// As `collect_at_safepoint`, from the interpreter loop between instructions,
    /// where the running (innermost) frame's live stack ends at `sp`: the slots
    /// above it hold values already popped (the collector scans whole
    /// reservations), which are cleared first so they don't keep garbage alive.
    #[cold]
    #[inline(never)]
    pub(crate) fn collect_between_instructions(&mut self, sp: usize) {
        if let Some(f) = self.frames.last() {
            let top = f.top;
            self.clear_stack(sp, top);
        }
        self.collect_at_safepoint();
    }

    /// `gc.collect()`: collect now. When the innermost frame called it (directly,
    /// or through a built-in it called), that frame's popped slots are cleared
    /// first, so that an object the program has just dropped is freed at once (as
    /// the program expects of an explicit collection), not kept by a stale slot.
    pub fn collect_garbage_now(&mut self) {
        // `call_sp` is reset when the call returns, so while it is set, the frame
        // that made the call is still waiting in it. That frame is the innermost
        // one exactly when `call_sp` lies above its base: a frame pushed since (by
        // the built-in calling Python code) starts at or above the caller's
        // reservation, so at or above `call_sp`.
        if let (true, Some(f)) = (self.call_sp != 0, self.frames.last()) {
            let sp = (self.call_sp - self.stack as usize) / std::mem::size_of::<Value>();
            if sp > f.base {
                let top = f.top;
                self.clear_stack(sp, top);
            }
        }
        self.collect_garbage();
    }

    /// The safepoint check: collect if the heap asks for it (and run the callbacks
    /// of the weak references that cleared).
    #[inline(always)]
    pub fn safepoint(&mut self) {
        if self.heap.wants_collect() {
            self.collect_at_safepoint();
        }
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.flush_stdout();
        let layout = std::alloc::Layout::array::<Value>(self.stack_cap).expect("stack layout");
        // SAFETY: allocated in `new` with this layout; nothing uses it after drop.
        unsafe { std::alloc::dealloc(self.stack as *mut u8, layout) };
    }
}

impl Vm {
    /// Run a program as `__main__`.
    pub fn run_main(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let code = self.compile(source, filename, krait_syntax::Mode::File)?;
        self.temp_roots.push(code.value());
        let m = self.main_module_obj()?;
        let fname = self.new_str(filename)?;
        m.dict.get_mut().set_qstr(q::__file__, fname);
        let r = self.run_code(code, m.dict, Value::NULL);
        self.temp_roots.pop();
        self.flush_stdout();
        r.map(|_| ())
    }

    /// The `__main__` module (made on first use).
    fn main_module_obj(&mut self) -> PyResult<Gc<ModuleObj>> {
        if let Some(m) = self.main_module.downcast::<ModuleObj>() {
            return Ok(m);
        }
        let m = self.new_module("__main__")?;
        let b = self.builtins_module;
        m.dict.get_mut().set_qstr(q::__builtins__, b);
        let key = Value::qstr(q::__main__);
        self.dict_set(self.modules, key, m.value())?;
        self.main_module = m.value();
        Ok(m)
    }

    /// Run one REPL entry in `__main__`, echoing expression values.
    pub fn run_interactive(&mut self, source: &str, mode: krait_syntax::Mode) -> PyResult<()> {
        let code = self.compile(source, "<stdin>", mode)?;
        self.temp_roots.push(code.value());
        let r = self.main_module_obj().and_then(|m| self.run_code(code, m.dict, Value::NULL));
        self.temp_roots.pop();
        r.map(|_| ())
    }

    /// `krait -m module`: import a module's source as `__main__`.
    pub fn run_module_as_main(&mut self, name: &str) -> PyResult<()> {
        let path: Vec<String> = self.options.path.clone();
        for dir in path {
            let dir = if dir.is_empty() { ".".to_owned() } else { dir };
            let rel = name.replace('.', "/");
            for candidate in [format!("{dir}/{rel}.py"), format!("{dir}/{rel}/__main__.py")] {
                if let Ok(src) = std::fs::read_to_string(&candidate) {
                    return self.run_main(&src, &candidate);
                }
            }
        }
        // A built-in module run as a program does nothing more than importing it.
        let globals = self.main_module_obj()?.dict;
        self.import_name(Qstr::new(name), Value::NONE, Value::small_int(0), globals).map(|_| ())
    }
}

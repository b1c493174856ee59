//! The heap: a non-moving mark-sweep collector (DESIGN.md decisions 3 and 4).
//!
//! Every heap object is an [`Obj<T>`]: a 16-byte [`ObjHeader`] followed by the
//! payload `T`. The header names the object's [`ObjKind`] (so hot paths can test a
//! type with one byte compare) and points at a per-type [`VTable`] that the
//! collector uses to trace and free the object without a central match.
//!
//! Collection never happens inside `alloc`: the interpreter loop calls
//! [`Heap::wants_collect`] at safepoints and, if so, the VM collects with its exact
//! roots. So Rust code may keep `Value`s in locals while it allocates.
//!
//! This module and `value.rs` are where object memory is touched raw; every
//! `unsafe` block says why it is sound.

use std::alloc::{self, Layout};
use std::any::TypeId;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::value::Value;

/// The built-in kinds of heap object. `Other` covers types defined outside the
/// core (module-specific objects); they are told apart by their vtable.
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ObjKind {
    Str,
    Bytes,
    ByteArray,
    Int,
    Complex,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Type,
    Instance,
    Function,
    BuiltinFunction,
    BoundMethod,
    Cell,
    Code,
    Module,
    Exception,
    Generator,
    Range,
    Slice,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    MemoryView,
    Array,
    Iterator,
    Other,
}

/// The header every heap object starts with.
#[repr(C)]
pub struct ObjHeader {
    pub kind: ObjKind,
    marked: Cell<bool>,
    /// Per-kind flags (e.g. a frozen / hashed marker); free for the type to use.
    pub flags: Cell<u16>,
    _pad: u32,
    vtable: &'static VTable,
}

/// What the collector needs to know about a payload type.
pub struct VTable {
    pub kind: ObjKind,
    pub type_id: fn() -> TypeId,
    trace: unsafe fn(*const ObjHeader, &mut Tracer),
    drop_and_free: unsafe fn(*mut ObjHeader),
    size: unsafe fn(*const ObjHeader) -> usize,
    class: unsafe fn(*const ObjHeader, &crate::vm::Vm) -> Gc<crate::obj::TypeObj>,
}

/// A heap object: header, then payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: ObjHeader,
    data: UnsafeCell<T>,
}

/// Implemented by every type that lives on the heap.
pub trait PyObj: Sized + 'static {
    const KIND: ObjKind;
    /// Mark every `Value` (and `Gc`) this object holds.
    fn trace(&self, tracer: &mut Tracer);
    /// Bytes owned outside the object itself (vector buffers and the like), for
    /// the heap's accounting.
    fn extra_size(&self) -> usize {
        0
    }
    /// The Python class of objects of kind `Other` (module-defined types); the
    /// built-in kinds are mapped by `Vm::type_of` directly.
    fn class(&self, vm: &crate::vm::Vm) -> Gc<crate::obj::TypeObj> {
        vm.types.object
    }
}

struct VTableFor<T>(PhantomData<T>);

impl<T: PyObj> VTableFor<T> {
    const VTABLE: VTable = VTable {
        kind: T::KIND,
        type_id: TypeId::of::<T>,
        trace: trace_impl::<T>,
        drop_and_free: drop_impl::<T>,
        size: size_impl::<T>,
        class: class_impl::<T>,
    };
}

unsafe fn trace_impl<T: PyObj>(h: *const ObjHeader, t: &mut Tracer) {
    // SAFETY: the vtable of an object is only ever `VTableFor::<T>` for its own
    // payload type, so `h` is the header of an `Obj<T>`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: tracing happens during collection, when no `&mut T` is live.
    unsafe { (*obj.data.get()).trace(t) }
}

unsafe fn drop_impl<T: PyObj>(h: *mut ObjHeader) {
    // SAFETY: as in `trace_impl`, `h` is an `Obj<T>` allocated by `Heap::alloc`
    // with this layout, and it is unreachable (being swept), so nobody uses it again.
    unsafe {
        std::ptr::drop_in_place(h as *mut Obj<T>);
        alloc::dealloc(h as *mut u8, Layout::new::<Obj<T>>());
    }
}

unsafe fn class_impl<T: PyObj>(h: *const ObjHeader, vm: &crate::vm::Vm) -> Gc<crate::obj::TypeObj> {
    // SAFETY: as in `trace_impl`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: read-only access.
    unsafe { (*obj.data.get()).class(vm) }
}

unsafe fn size_impl<T: PyObj>(h: *const ObjHeader) -> usize {
    // SAFETY: as in `trace_impl`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: read-only access outside any mutation.
    std::mem::size_of::<Obj<T>>() + unsafe { (*obj.data.get()).extra_size() }
}

/// A typed pointer to a heap object. `Copy`, like `Value`; valid while the object
/// is reachable from the roots (or between safepoints).
pub struct Gc<T> {
    ptr: NonNull<Obj<T>>,
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}

impl<T: PyObj> Gc<T> {
    #[inline(always)]
    pub fn value(self) -> Value {
        Value::from_header(self.ptr.as_ptr() as *const ObjHeader)
    }

    /// Mutable access to the payload.
    ///
    /// The contract (the heap's one rule for Rust code): don't keep the returned
    /// reference across anything that can run Python code or collect (a call into
    /// the VM), and don't take two at once for the same object.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut(&self) -> &mut T {
        // SAFETY: the object is live (reachable, non-moving heap), and the contract
        // above rules out overlapping mutable borrows of the payload.
        unsafe { &mut *(*self.ptr.as_ptr()).data.get() }
    }

    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: the object is live.
        unsafe { &(*self.ptr.as_ptr()).header }
    }

    #[inline(always)]
    pub fn as_ptr(self) -> *const Obj<T> {
        self.ptr.as_ptr()
    }

    /// Reinterpret a value known to point at a `T` (checked in debug builds).
    #[inline(always)]
    pub fn from_value_unchecked(v: Value) -> Gc<T> {
        debug_assert!(v.is_ptr());
        debug_assert!(unsafe { ((*v.header_ptr()).vtable.type_id)() == TypeId::of::<T>() });
        // SAFETY: a pointer value is never null.
        Gc { ptr: unsafe { NonNull::new_unchecked(v.header_ptr() as *mut Obj<T>) } }
    }
}

impl<T> Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the object is live; shared access while no `get_mut` borrow is
        // held (the contract on `get_mut`).
        unsafe { &*(*self.ptr.as_ptr()).data.get() }
    }
}

impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.ptr)
    }
}

/// Bytes a heap object occupies (header, payload and owned buffers); 8 for immediates.
pub fn object_size(v: Value) -> usize {
    if !v.is_ptr() {
        return 8;
    }
    let h = v.header_ptr() as *const ObjHeader;
    // SAFETY: pointer values refer to live objects whose vtable matches their payload.
    unsafe { ((*h).vtable.size)(h) }
}

/// The class of an `Other`-kind object, through its vtable.
pub fn other_class(v: Value, vm: &crate::vm::Vm) -> Gc<crate::obj::TypeObj> {
    debug_assert!(v.is_ptr());
    let h = v.header_ptr() as *const ObjHeader;
    // SAFETY: pointer values refer to live objects whose vtable matches their payload.
    unsafe { ((*h).vtable.class)(h, vm) }
}

impl Value {
    /// The kind of heap object this value points at, if it is one.
    #[inline(always)]
    pub fn kind(self) -> Option<ObjKind> {
        if self.is_ptr() {
            // SAFETY: pointer values refer to live objects.
            Some(unsafe { (*self.header_ptr()).kind })
        } else {
            None
        }
    }

    /// True when this value points at a heap object of kind `k`.
    #[inline(always)]
    pub fn is_kind(self, k: ObjKind) -> bool {
        self.kind() == Some(k)
    }

    /// Downcast to a typed pointer when the object's payload is a `T`.
    #[inline(always)]
    pub fn downcast<T: PyObj>(self) -> Option<Gc<T>> {
        if !self.is_ptr() {
            return None;
        }
        // SAFETY: pointer values refer to live objects.
        let h = unsafe { &*self.header_ptr() };
        let matches = if T::KIND != ObjKind::Other {
            h.kind == T::KIND
        } else {
            std::ptr::eq(h.vtable, &VTableFor::<T>::VTABLE) || (h.vtable.type_id)() == TypeId::of::<T>()
        };
        if matches {
            // SAFETY: checked above that the payload is a `T`.
            Some(Gc { ptr: unsafe { NonNull::new_unchecked(self.header_ptr() as *mut Obj<T>) } })
        } else {
            None
        }
    }
}

/// Marks reachable objects; handed to every `PyObj::trace`.
pub struct Tracer {
    gray: Vec<*const ObjHeader>,
}

impl Tracer {
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_ptr() {
            let h = v.header_ptr() as *const ObjHeader;
            // SAFETY: pointer values held by reachable objects or roots are live.
            let header = unsafe { &*h };
            if !header.marked.get() {
                header.marked.set(true);
                self.gray.push(h);
            }
        }
    }

    #[inline]
    pub fn mark_gc<T: PyObj>(&mut self, g: Gc<T>) {
        self.mark(g.value());
    }

    pub fn mark_all(&mut self, vs: &[Value]) {
        for &v in vs {
            self.mark(v);
        }
    }
}

/// Why an allocation was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The heap is at its fixed capacity.
    Full { requested: usize },
    /// `micropython.heap_lock()` is in force.
    Locked { requested: usize },
}

pub struct Heap {
    objects: Vec<*mut ObjHeader>,
    /// Bytes in live objects after the last collection plus everything allocated since.
    allocated: usize,
    /// Collect at the next safepoint once `allocated` passes this.
    next_collect: usize,
    /// Fixed capacity (`-X heapsize=`), or `None` to grow on demand.
    capacity: Option<usize>,
    /// What a growable heap may reach: a share of the machine's memory, so that an
    /// absurd request is a `MemoryError` rather than the process being killed.
    growth_limit: usize,
    /// Set by `gc.threshold(n)`: collect after this many bytes since the last collection.
    pub threshold: Option<usize>,
    since_collect: usize,
    pub enabled: bool,
    pub lock_depth: u32,
    pub collections: u64,
    /// Bytes allocated during VM start-up.
    baseline: usize,
    /// Collect at every safepoint after any allocation (`KRAIT_GC_STRESS=1`), to
    /// flush out values that aren't rooted.
    pub stress: bool,
}

/// With a growable heap, collect when the heap has doubled since the last collection,
/// but not before it holds this much.
const MIN_COLLECT_BYTES: usize = 8 << 20;

impl Heap {
    pub fn new(capacity: Option<usize>) -> Heap {
        Heap {
            objects: Vec::with_capacity(4096),
            allocated: 0,
            next_collect: match capacity {
                Some(c) => c - c / 8,
                None => MIN_COLLECT_BYTES,
            },
            capacity,
            growth_limit: machine_memory() / 2,
            threshold: None,
            since_collect: 0,
            enabled: true,
            lock_depth: 0,
            collections: 0,
            baseline: 0,
            stress: std::env::var_os("KRAIT_GC_STRESS").is_some_and(|v| v == "1"),
        }
    }

    /// Allocate `data` on the heap. Never collects.
    #[inline]
    pub fn alloc<T: PyObj>(&mut self, data: T) -> Result<Gc<T>, AllocError> {
        let size = std::mem::size_of::<Obj<T>>() + data.extra_size();
        if self.lock_depth > 0 {
            return Err(AllocError::Locked { requested: size });
        }
        if self.allocated + size > self.capacity.unwrap_or(self.growth_limit) {
            return Err(AllocError::Full { requested: size });
        }
        let layout = Layout::new::<Obj<T>>();
        // SAFETY: `Obj<T>` has non-zero size (it contains a header).
        let raw = unsafe { alloc::alloc(layout) } as *mut Obj<T>;
        let Some(ptr) = NonNull::new(raw) else { alloc::handle_alloc_error(layout) };
        let obj = Obj {
            header: ObjHeader {
                kind: T::KIND,
                marked: Cell::new(false),
                flags: Cell::new(0),
                _pad: 0,
                vtable: &VTableFor::<T>::VTABLE,
            },
            data: UnsafeCell::new(data),
        };
        // SAFETY: `raw` is freshly allocated with the layout of `Obj<T>`.
        unsafe { raw.write(obj) };
        self.objects.push(raw as *mut ObjHeader);
        self.allocated += size;
        self.since_collect += size;
        Ok(Gc { ptr })
    }

    /// Account for `bytes` of buffer growth inside an existing object (a list's
    /// vector growing, say). Fails like `alloc` when a fixed heap can't take it.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), AllocError> {
        if self.lock_depth > 0 && bytes > 0 {
            return Err(AllocError::Locked { requested: bytes });
        }
        if self.allocated.saturating_add(bytes) > self.capacity.unwrap_or(self.growth_limit) {
            return Err(AllocError::Full { requested: bytes });
        }
        self.allocated += bytes;
        self.since_collect += bytes;
        Ok(())
    }

    /// Should the VM collect at this safepoint?
    #[inline(always)]
    pub fn wants_collect(&self) -> bool {
        self.enabled
            && (self.allocated >= self.next_collect
                || self.threshold.is_some_and(|t| self.since_collect >= t)
                || (self.stress && self.since_collect > 0))
    }

    /// Bytes allocated by the program (what the VM itself needs at start-up,
    /// which MicroPython keeps in ROM, is not counted).
    pub fn allocated(&self) -> usize {
        self.allocated.saturating_sub(self.baseline)
    }

    /// The program's heap capacity, if fixed.
    pub fn capacity(&self) -> Option<usize> {
        self.capacity.map(|c| c - self.baseline)
    }

    /// Fix the program's heap at `bytes` beyond what is allocated now (called
    /// once the VM has finished starting up), or let it grow with `None`.
    pub fn set_capacity(&mut self, bytes: Option<usize>) {
        self.baseline = self.allocated;
        self.capacity = bytes.map(|b| b + self.baseline);
        self.next_collect = match self.capacity {
            Some(c) => c - bytes.unwrap_or(0) / 8,
            None => (self.allocated * 2).max(MIN_COLLECT_BYTES),
        };
    }

    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Start a collection: returns a tracer for the VM to mark its roots with.
    pub fn begin_collect(&mut self) -> Tracer {
        Tracer { gray: Vec::with_capacity(256) }
    }

    /// Finish marking from the roots already given to `tracer`, then sweep.
    pub fn finish_collect(&mut self, mut tracer: Tracer) {
        while let Some(h) = tracer.gray.pop() {
            // SAFETY: only live objects are pushed gray; their vtable matches.
            unsafe { ((*h).vtable.trace)(h, &mut tracer) };
        }
        let mut live_bytes = 0usize;
        self.objects.retain(|&h| {
            // SAFETY: every registered object is live until swept here.
            let header = unsafe { &*h };
            if header.marked.get() {
                header.marked.set(false);
                // SAFETY: live object, read-only size query.
                live_bytes += unsafe { (header.vtable.size)(h) };
                true
            } else {
                // SAFETY: unmarked means unreachable from the exact roots; nothing
                // can use it again.
                unsafe { (header.vtable.drop_and_free)(h) };
                false
            }
        });
        self.allocated = live_bytes;
        self.since_collect = 0;
        self.collections += 1;
        self.next_collect = match self.capacity {
            Some(c) => c - (c - self.baseline) / 8,
            None => (live_bytes * 2).max(MIN_COLLECT_BYTES),
        };
    }
}

/// Total physical memory (Linux `/proc/meminfo`), or 8 GiB when unknown.
fn machine_memory() -> usize {
    const FALLBACK: usize = 8 << 30;
    let Ok(info) = std::fs::read_to_string("/proc/meminfo") else { return FALLBACK };
    info.lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(FALLBACK, |kb| kb.saturating_mul(1024))
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &h in &self.objects {
            // SAFETY: the heap owns every registered object; the VM is gone.
            unsafe { ((*h).vtable.drop_and_free)(h) };
        }
    }
}

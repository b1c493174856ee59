//! The heap: a non-moving mark-sweep collector (DESIGN.md decisions 3 and 4).
//!
//! Every heap object is an [`Obj<T>`]: a 16-byte [`ObjHeader`] followed by the
//! payload `T`. The header names the object's [`ObjKind`] (so hot paths can test a
//! type with one byte compare) and points at a per-type [`VTable`] that the
//! collector uses to trace and drop the object without a central match.
//!
//! ## Memory layout
//!
//! Objects of up to [`MAX_CELL`] bytes (header included) live in *cells* of a
//! size class: sizes are rounded up to a multiple of 16 bytes ([`GRANULE`]), and
//! each class has its own 64 KB pages carved into equal cells, taken from the
//! system allocator (and a small pool of empty pages kept for reuse). A free cell
//! carries [`FREE_TAG`] where an object has its kind byte, and the address of the
//! next free cell of its class where an object has its vtable pointer: each class
//! keeps a singly-linked free list, so allocating is a pop and a write. Bigger
//! objects (and any over-aligned payload) come one by one from the system
//! allocator and sit on a separate list. Nothing ever moves.
//!
//! ## Collection
//!
//! Marks live in the header as the *epoch* of the last collection that reached the
//! object (1 and 2 alternate; new objects have 0), so the sweep never writes to a
//! live object. Marking pushes newly reached objects on a gray stack and traces
//! them through their vtable, adding up the live bytes as it goes. The sweep then
//! walks every page of every class in address order: a dead object's payload is
//! dropped (its `Drop` still frees the Rust memory it owns) and its cell threaded
//! back onto the class's free list; free lists are rebuilt in address order, so
//! allocation fills the oldest pages' holes first. Pages left with no live object
//! go back to the empty pool (trimmed to a fraction of the heap, the rest returned
//! to the system). Large objects are swept from their list.
//!
//! Collection never happens inside `alloc`: the interpreter loop calls
//! [`Heap::wants_collect`] at safepoints and, if so, the VM collects with its exact
//! roots. So Rust code may keep `Value`s in locals while it allocates. (When an
//! allocating instruction fails on a full heap, the loop may collect and retry it
//! once: see [`Heap::retry_mark`].)
//!
//! ## Accounting
//!
//! The heap counts bytes: each object's cell (or exact size, when large) plus the
//! buffers it owns outside the heap (`PyObj::extra_size`, and growth charged with
//! [`Heap::charge`]). A fixed capacity (`-X heapsize=`) bounds that count; the
//! figure is recomputed exactly at every collection.
//!
//! This module and `value.rs` are where object memory is touched raw; every
//! `unsafe` block says why it is sound.

use std::alloc::{self, Layout};
use std::any::TypeId;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::{self, NonNull};

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
    /// The epoch of the last collection that marked this object (0: none yet).
    mark: Cell<u8>,
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
    drop_payload: unsafe fn(*mut ObjHeader),
    extra_size: unsafe fn(*const ObjHeader) -> usize,
    class: unsafe fn(*const ObjHeader, &crate::vm::Vm) -> Gc<crate::obj::TypeObj>,
    /// Bytes the object occupies on the heap: its cell, or its exact size when large.
    footprint: usize,
    /// The layout of `Obj<T>` (what a large object was allocated with).
    layout: Layout,
}

/// A heap object: header, then payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: ObjHeader,
    data: UnsafeCell<T>,
}

impl<T: PyObj> Obj<T> {
    /// `data` with a fresh header (unmarked, no flags), not yet placed anywhere.
    #[inline(always)]
    fn new(data: T) -> Obj<T> {
        Obj {
            header: ObjHeader {
                kind: T::KIND,
                mark: Cell::new(0),
                flags: Cell::new(0),
                _pad: 0,
                vtable: &VTableFor::<T>::VTABLE,
            },
            data: UnsafeCell::new(data),
        }
    }
}

/// The mark of an object outside the collected heap (`new_rom`): never traced,
/// counted or swept (epochs are 1 and 2).
const ROM_MARK: u8 = 0xfe;

/// An object that lives for the rest of the process outside the collected heap,
/// as MicroPython keeps built-in objects in ROM: the collector never traces it
/// (so it must hold no collectable `Value`), counts it or frees it. For built-in
/// methods and properties made on first use of their type (`obj::type_::rom_object`), which must
/// neither fail nor count against a fixed heap, and which may be made where no
/// `Heap` is at hand.
pub fn new_rom<T: PyObj>(data: T) -> Gc<T> {
    let mut obj = Obj::new(data);
    obj.header.mark = Cell::new(ROM_MARK);
    // Leaked on purpose: callers make a bounded number of these (one per built-in
    // attribute per thread) and share them; a value may point at one at any time.
    let raw: &'static mut Obj<T> = Box::leak(Box::new(obj));
    Gc { ptr: NonNull::from(raw) }
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

/// Cells are multiples of this many bytes, and aligned to it (MicroPython's block).
pub const GRANULE: usize = 16;
/// Objects up to this size (header included) live in size-class cells.
pub const MAX_CELL: usize = 512;
const NCLASSES: usize = MAX_CELL / GRANULE;
/// The size of a page of cells.
const PAGE_BYTES: usize = 64 << 10;
/// `VTable::size_class` of an object allocated on its own.
const LARGE: usize = usize::MAX;
/// The first byte of a free cell (where an object has its kind, which is never this).
const FREE_TAG: u8 = 0xff;
const _: () = assert!((ObjKind::Other as u8) < FREE_TAG);
const _: () = assert!(std::mem::size_of::<ObjHeader>() == GRANULE);
const _: () = assert!(std::mem::size_of::<FreeCell>() <= GRANULE);

/// A cell on a free list. Its layout overlays `ObjHeader`: `tag` sits where an
/// object's `kind` is.
#[repr(C)]
struct FreeCell {
    tag: u8,
    _pad: [u8; 7],
    next: *mut FreeCell,
}

struct VTableFor<T>(PhantomData<T>);

impl<T: PyObj> VTableFor<T> {
    const LAYOUT: Layout = Layout::new::<Obj<T>>();
    const SMALL: bool = Self::LAYOUT.size() <= MAX_CELL && Self::LAYOUT.align() <= GRANULE;
    const SIZE_CLASS: usize = if Self::SMALL { Self::LAYOUT.size().div_ceil(GRANULE) - 1 } else { LARGE };
    const FOOTPRINT: usize = if Self::SMALL { (Self::SIZE_CLASS + 1) * GRANULE } else { Self::LAYOUT.size() };
    const VTABLE: VTable = VTable {
        kind: T::KIND,
        type_id: TypeId::of::<T>,
        trace: trace_impl::<T>,
        drop_payload: drop_impl::<T>,
        extra_size: extra_size_impl::<T>,
        class: class_impl::<T>,
        footprint: Self::FOOTPRINT,
        layout: Self::LAYOUT,
    };
}

unsafe fn trace_impl<T: PyObj>(h: *const ObjHeader, t: &mut Tracer) {
    // SAFETY: the vtable of an object is only ever `VTableFor::<T>` for its own
    // payload type, so `h` is the header of an `Obj<T>`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: tracing happens during collection, when no `&mut T` is live.
    let data = unsafe { &*obj.data.get() };
    t.live_bytes += VTableFor::<T>::FOOTPRINT + data.extra_size();
    t.live_objects += 1;
    data.trace(t);
}

unsafe fn drop_impl<T: PyObj>(h: *mut ObjHeader) {
    // SAFETY: as in `trace_impl`, `h` is an `Obj<T>` written by `Heap::alloc`; it is
    // unreachable (being swept, or the heap is going away), so nobody uses it again.
    unsafe { ptr::drop_in_place(h as *mut Obj<T>) }
}

unsafe fn class_impl<T: PyObj>(h: *const ObjHeader, vm: &crate::vm::Vm) -> Gc<crate::obj::TypeObj> {
    // SAFETY: as in `trace_impl`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: read-only access.
    unsafe { (*obj.data.get()).class(vm) }
}

unsafe fn extra_size_impl<T: PyObj>(h: *const ObjHeader) -> usize {
    // SAFETY: as in `trace_impl`.
    let obj = unsafe { &*(h as *const Obj<T>) };
    // SAFETY: read-only access outside any mutation.
    unsafe { (*obj.data.get()).extra_size() }
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

    /// A raw pointer to the payload, derived from the object's cell rather than
    /// from a reference to `T`, so that it may reach bytes of the cell past `T`
    /// (see `Heap::alloc_in_cell`).
    #[inline(always)]
    pub fn payload_ptr(self) -> *mut T {
        // SAFETY: the object is live; no reference is created, only a place
        // projection of the raw pointer.
        unsafe { UnsafeCell::raw_get(&raw const (*self.ptr.as_ptr()).data) }
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

/// Bytes a heap object costs: its cell (header and payload, rounded up to the
/// size class) plus the buffers it owns; 8 for immediates (one `Value` slot).
pub fn object_size(v: Value) -> usize {
    if !v.is_ptr() {
        return 8;
    }
    let h = v.header_ptr() as *const ObjHeader;
    // SAFETY: pointer values refer to live objects whose vtable matches their payload.
    unsafe { (*h).vtable.footprint + ((*h).vtable.extra_size)(h) }
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
            // A dangling value (a rooting bug) most likely points at a free cell.
            debug_assert!(unsafe { *(self.header_ptr() as *const u8) } != FREE_TAG, "use of a freed object");
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
            ptr::eq(h.vtable, &VTableFor::<T>::VTABLE) || (h.vtable.type_id)() == TypeId::of::<T>()
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
    epoch: u8,
    live_bytes: usize,
    live_objects: usize,
}

impl Tracer {
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_ptr() {
            let h = v.header_ptr() as *const ObjHeader;
            // SAFETY: pointer values held by reachable objects or roots are live.
            let header = unsafe { &*h };
            let m = header.mark.get();
            if m != self.epoch && m != ROM_MARK {
                header.mark.set(self.epoch);
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

/// After marking with `epoch`: whether the object `v` points at is kept (marked,
/// or outside the collected heap).
fn survives(v: Value, epoch: u8) -> bool {
    if !v.is_ptr() {
        return true;
    }
    // SAFETY: the weak table asks about its weak references and their referents,
    // none of which has been swept: it forgets a reference found unmarked, and
    // clears one whose referent was, before the sweep that frees them.
    let m = unsafe { (*v.header_ptr()).mark.get() };
    m == epoch || m == ROM_MARK
}

/// Why an allocation was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The heap is at its fixed capacity.
    Full { requested: usize },
    /// `micropython.heap_lock()` is in force.
    Locked { requested: usize },
}

/// The figures of `micropython.mem_info()` (MicroPython's `gc_info_t`), in bytes
/// and 16-byte blocks.
#[derive(Clone, Debug, Default)]
pub struct HeapInfo {
    pub total: usize,
    pub used: usize,
    pub free: usize,
    /// Objects of one and of two blocks.
    pub num_1block: usize,
    pub num_2block: usize,
    /// The biggest object, and the longest run of free cells in one page, in blocks.
    pub max_block: usize,
    pub max_free: usize,
}

pub struct Heap {
    /// The first free cell of each size class (null: the class needs a page).
    free: [*mut FreeCell; NCLASSES],
    /// The pages of each size class.
    pages: [Vec<*mut u8>; NCLASSES],
    /// Each class's newest page (null: none) and how many of its cells have been
    /// handed out. Cells from there on are untouched memory, not yet free cells:
    /// a page is written only as far as it is used, so a small program touches
    /// few OS pages (start-up cost is mostly page faults). Page walks stop there.
    fresh_page: [*mut u8; NCLASSES],
    fresh_used: [usize; NCLASSES],
    /// Empty pages kept for reuse by any class.
    empty_pages: Vec<*mut u8>,
    /// Where pages come from, and where those beyond the reserve go back to.
    page_source: PageSource,
    /// Objects too big (or too aligned) for a cell, each allocated on its own.
    large: Vec<*mut ObjHeader>,
    /// The mark of the collection in progress or last finished: 1 or 2.
    epoch: u8,
    /// Objects on the heap: live after the last collection, plus those allocated since.
    objects: usize,
    /// Bytes in live objects after the last collection plus everything allocated since.
    allocated: usize,
    /// `allocated` may not exceed this: the capacity, the growth limit, or 0 while locked.
    limit: usize,
    /// Collect at the next safepoint once `allocated` passes this.
    next_collect: usize,
    /// Fixed capacity (`-X heapsize=`), or `None` to grow on demand.
    capacity: Option<usize>,
    /// What a growable heap may reach: a share of the machine's memory, so that an
    /// absurd request is a `MemoryError` rather than the process being killed.
    /// Found out (by reading `/proc/meminfo`) only when a heap first passes
    /// `PROVISIONAL_GROWTH_LIMIT`, so that start-up doesn't pay for it.
    growth_limit: Option<usize>,
    /// Set by `gc.threshold(n)`: collect after this many bytes since the last collection.
    pub threshold: Option<usize>,
    since_collect: usize,
    pub enabled: bool,
    pub lock_depth: u32,
    pub collections: u64,
    /// Objects freed by the last collection.
    pub last_freed: usize,
    /// Bytes allocated during VM start-up.
    baseline: usize,
    /// Bytes ever allocated or charged, and the most ever in use (`micropython.mem_total`, `mem_peak`).
    total_allocated: u64,
    peak: usize,
    /// The last allocation failure (what `Vm::alloc_failed` was told).
    last_failure: Option<AllocError>,
    /// Entries into the interpreter loop (see `retry_mark`).
    loop_entries: u64,
    /// Exhausted `for`-loop iterators kept for the next loops (see `Vm::loop_iter`).
    loop_iters: Vec<Value>,
    /// Exception objects (each with a one-tuple for its argument) to raise when
    /// there is no room for a new one (see `Vm::emergency_exception`), and which is next.
    emergency: Vec<(Value, Value)>,
    emergency_next: usize,
    /// Messages interned for emergency exceptions so far (bounded).
    emergency_messages: usize,
    /// Collect at every safepoint after any allocation (`KRAIT_GC_STRESS=1`), to
    /// flush out values that aren't rooted.
    pub stress: bool,
    /// Weak references, cleared between marking and sweeping (`obj::weakref`).
    pub(crate) weak: crate::obj::weakref::WeakTable,
}

/// The growth limit assumed until the heap is this large (see `Heap::growth_limit`).
const PROVISIONAL_GROWTH_LIMIT: usize = 256 << 20;

/// A growable heap collects once it holds half as much again as survived the last
/// collection, and not before it holds this much (see `growable_next_collect`).
const MIN_COLLECT_BYTES: usize = 4 << 20;

/// Where a growable heap collects next, after `live` bytes survived a collection.
///
/// CPython frees most objects at once by reference counting, so its peak is close
/// to the live data; a tracing collector's peak is the live data plus the garbage
/// it lets pile up. The floor keeps collections rare while little survives (a
/// collection costs time in proportion to the live data, its sweep to the pages in
/// use): a 4 MB heap stays in the caches better than the 8 MB tried before and
/// measured as fast or faster on every benchmark. (`live + 4 MB` as the floor
/// instead measured 50% slower on `alloc_small`, all of it in `malloc`: keep the
/// floor absolute.) Above it the heap grows to 1.5x the live data (not 2x), which
/// bounds the peak for some more marking on programs with large live sets.
fn growable_next_collect(live: usize) -> usize {
    let headroom = if live > LARGE_LIVE_BYTES { live / 4 } else { live / 2 };
    live.saturating_add(headroom).max(MIN_COLLECT_BYTES)
}

/// Live data beyond which the heap grows by a quarter instead of a half: a
/// collection marks a 16 MB live set in a few milliseconds, a small price for
/// a peak nearer the live data on programs that build big structures.
const LARGE_LIVE_BYTES: usize = 16 << 20;

impl Heap {
    pub fn new(capacity: Option<usize>) -> Heap {
        Heap {
            free: [ptr::null_mut(); NCLASSES],
            pages: std::array::from_fn(|_| Vec::new()),
            fresh_page: [ptr::null_mut(); NCLASSES],
            fresh_used: [0; NCLASSES],
            empty_pages: Vec::new(),
            page_source: PageSource::new(),
            large: Vec::new(),
            epoch: 1,
            objects: 0,
            allocated: 0,
            limit: capacity.map_or(PROVISIONAL_GROWTH_LIMIT, |c| c.min(PROVISIONAL_GROWTH_LIMIT)),
            next_collect: match capacity {
                Some(c) => c - c / 8,
                None => MIN_COLLECT_BYTES,
            },
            capacity,
            growth_limit: None,
            threshold: None,
            since_collect: 0,
            enabled: true,
            lock_depth: 0,
            collections: 0,
            last_freed: 0,
            baseline: 0,
            total_allocated: 0,
            peak: 0,
            last_failure: None,
            loop_entries: 0,
            loop_iters: Vec::new(),
            emergency: Vec::new(),
            emergency_next: 0,
            emergency_messages: 0,
            stress: std::env::var_os("KRAIT_GC_STRESS").is_some_and(|v| v == "1"),
            weak: Default::default(),
        }
    }

    /// Allocate `data` on the heap. Never collects.
    #[inline]
    pub fn alloc<T: PyObj>(&mut self, data: T) -> Result<Gc<T>, AllocError> {
        let size = VTableFor::<T>::FOOTPRINT.saturating_add(data.extra_size());
        if self.allocated.saturating_add(size) > self.limit {
            self.over_limit(size)?;
        }
        let raw: *mut Obj<T> = if VTableFor::<T>::SMALL {
            let c = VTableFor::<T>::SIZE_CLASS;
            let head = self.free[c];
            if head.is_null() {
                self.fresh_cell(c)?.cast()
            } else {
                // SAFETY: a non-null free-list head is a free cell of class `c`,
                // written by `refill` or the sweep with a valid `next`.
                self.free[c] = unsafe { (*head).next };
                head.cast()
            }
        } else {
            self.alloc_large(VTableFor::<T>::LAYOUT)?.cast()
        };
        let obj = Obj::new(data);
        // SAFETY: `raw` is a free cell of at least `size_of::<Obj<T>>()` bytes,
        // aligned to 16 (cells are 16-byte multiples in 16-aligned pages, and small
        // types have alignment <= 16), or a fresh allocation with `Obj<T>`'s layout.
        unsafe { raw.write(obj) };
        self.objects += 1;
        self.note_allocated(size);
        // SAFETY: `raw` is non-null (a cell or a checked allocation).
        Ok(Gc { ptr: unsafe { NonNull::new_unchecked(raw) } })
    }

    /// Allocate `data` in a cell of `cell` bytes (a multiple of `GRANULE`, at least
    /// `T`'s own cell and at most `MAX_CELL`): the bytes of the cell past the object
    /// belong to it (a `str` keeps its text there, with no buffer of its own). Its
    /// `extra_size` must be those bytes, `cell` minus `T`'s own cell, so that the
    /// accounting and `object_size` see the whole cell. Never collects.
    /// (Always inlined: it is the whole cost of making a short str or tuple, and
    /// left to the optimiser it was inlined into some callers and not others as
    /// unrelated code changed, moving benchmarks by half a percent.)
    #[inline(always)]
    pub fn alloc_in_cell<T: PyObj>(&mut self, data: T, cell: usize) -> Result<Gc<T>, AllocError> {
        debug_assert!(VTableFor::<T>::SMALL);
        debug_assert!(cell.is_multiple_of(GRANULE) && (VTableFor::<T>::FOOTPRINT..=MAX_CELL).contains(&cell));
        debug_assert_eq!(VTableFor::<T>::FOOTPRINT + data.extra_size(), cell);
        if self.allocated.saturating_add(cell) > self.limit {
            self.over_limit(cell)?;
        }
        let c = cell / GRANULE - 1;
        let head = self.free[c];
        let raw: *mut Obj<T> = if head.is_null() {
            self.fresh_cell(c)?.cast()
        } else {
            // SAFETY: a non-null free-list head is a free cell of class `c`,
            // written by `refill` or the sweep with a valid `next`.
            self.free[c] = unsafe { (*head).next };
            head.cast()
        };
        // SAFETY: `raw` is a free cell of `cell` bytes, at least `size_of::<Obj<T>>()`,
        // aligned to 16 (as in `alloc`).
        unsafe { raw.write(Obj::new(data)) };
        self.objects += 1;
        self.note_allocated(cell);
        // SAFETY: `raw` is a cell, non-null.
        Ok(Gc { ptr: unsafe { NonNull::new_unchecked(raw) } })
    }

    #[inline(always)]
    fn note_allocated(&mut self, size: usize) {
        self.allocated += size;
        self.since_collect += size;
        self.total_allocated += size as u64;
        if self.allocated > self.peak {
            self.peak = self.allocated;
        }
    }

    /// A request of `size` bytes doesn't fit under `limit`: fine if the growth
    /// limit was only provisional and the real one admits it, else the error.
    #[cold]
    #[inline(never)]
    fn over_limit(&mut self, size: usize) -> Result<(), AllocError> {
        if self.growth_limit.is_none() && self.lock_depth == 0 {
            self.growth_limit = Some(machine_memory() / 2);
            self.update_limit();
            if self.allocated.saturating_add(size) <= self.limit {
                return Ok(());
            }
        }
        Err(self.refuse(size))
    }

    /// The error for a request of `size` bytes that doesn't fit under `limit`.
    #[cold]
    fn refuse(&self, size: usize) -> AllocError {
        if self.lock_depth > 0 {
            AllocError::Locked { requested: size }
        } else {
            AllocError::Full { requested: size }
        }
    }

    /// The next untouched cell of class `c`'s newest page, or the first of a new
    /// page. The caller writes an object into it at once.
    #[inline]
    fn fresh_cell(&mut self, c: usize) -> Result<*mut FreeCell, AllocError> {
        let page = self.fresh_page[c];
        let used = self.fresh_used[c];
        if !page.is_null() && used < cells_per_page(c) {
            self.fresh_used[c] = used + 1;
            // SAFETY: cell `used` lies within the page (used < cells_per_page).
            return Ok(unsafe { page.add(used * cell_bytes(c)) } as *mut FreeCell);
        }
        self.refill(c)
    }

    /// How many cells of `page` (of class `c`) have ever been handed out: every
    /// one of them is a free cell (tagged) or an object; the rest are untouched.
    #[inline]
    fn cells_in_use(&self, c: usize, page: *mut u8) -> usize {
        if page == self.fresh_page[c] {
            self.fresh_used[c]
        } else {
            cells_per_page(c)
        }
    }

    /// Give size class `c` a new page and return its first cell; the rest are
    /// handed out by `fresh_cell` as needed.
    #[cold]
    #[inline(never)]
    fn refill(&mut self, c: usize) -> Result<*mut FreeCell, AllocError> {
        let page = match self.empty_pages.pop() {
            Some(p) => p,
            None => self.page_source.take().ok_or(AllocError::Full { requested: PAGE_BYTES })?,
        };
        self.pages[c].push(page);
        self.fresh_page[c] = page;
        self.fresh_used[c] = 1;
        Ok(page as *mut FreeCell)
    }

    #[cold]
    fn alloc_large(&mut self, layout: Layout) -> Result<*mut u8, AllocError> {
        // SAFETY: `Obj<T>` has non-zero size (it contains a header).
        let p = unsafe { alloc::alloc(layout) };
        if p.is_null() {
            return Err(AllocError::Full { requested: layout.size() });
        }
        self.large.push(p as *mut ObjHeader);
        Ok(p)
    }

    /// Account for `bytes` of buffer growth inside an existing object (a list's
    /// vector growing, say). Fails like `alloc` when a fixed heap can't take it.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), AllocError> {
        if self.allocated.saturating_add(bytes) > self.limit && bytes > 0 {
            self.over_limit(bytes)?;
        }
        self.note_allocated(bytes);
        Ok(())
    }

    /// Would `bytes` more fit, as `charge` would find? Counts nothing: for a builtin
    /// that checks before it builds an object whose allocation counts them.
    pub fn check_fits(&mut self, bytes: usize) -> Result<(), AllocError> {
        if self.allocated.saturating_add(bytes) > self.limit && bytes > 0 {
            self.over_limit(bytes)?;
        }
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

    /// The program's heap size as `gc.mem_free()` + `gc.mem_alloc()` report it: the
    /// fixed capacity, or for a growable heap the size it has grown to, which is
    /// where it collects next (and grows again if what survives still needs it).
    pub fn current_size(&self) -> usize {
        match self.capacity {
            Some(c) => c - self.baseline,
            None => self.next_collect.max(self.allocated).saturating_sub(self.baseline),
        }
    }

    /// Bytes the program can still allocate before the heap is full (fixed) or
    /// collects and grows (growable).
    pub fn free_bytes(&self) -> usize {
        self.current_size().saturating_sub(self.allocated())
    }

    /// Bytes ever allocated by the program, bytes in use now, and the most ever in
    /// use (`micropython.mem_total`, `mem_current`, `mem_peak`).
    pub fn mem_stats(&self) -> (u64, usize, usize) {
        let base = self.baseline;
        (self.total_allocated.saturating_sub(base as u64), self.allocated(), self.peak.saturating_sub(base))
    }

    /// Fix the program's heap at `bytes` beyond what is allocated now (called
    /// once the VM has finished starting up), or let it grow with `None`.
    pub fn set_capacity(&mut self, bytes: Option<usize>) {
        self.baseline = self.allocated;
        self.peak = self.allocated;
        self.total_allocated = self.allocated as u64;
        self.capacity = bytes.map(|b| b + self.baseline);
        self.next_collect = match self.capacity {
            Some(c) => c - bytes.unwrap_or(0) / 8,
            None => growable_next_collect(self.allocated),
        };
        self.update_limit();
    }

    fn update_limit(&mut self) {
        // A fixed capacity beyond the machine's means is bounded like a growable
        // heap: an absurd request must be a MemoryError, not an abort.
        let growth_limit = self.growth_limit.unwrap_or(PROVISIONAL_GROWTH_LIMIT);
        let cap = self.capacity.map_or(growth_limit, |c| c.min(growth_limit));
        self.limit = if self.lock_depth > 0 { 0 } else { cap };
    }

    /// `micropython.heap_lock()`: refuse every allocation until unlocked.
    pub fn lock(&mut self) {
        self.lock_depth += 1;
        self.update_limit();
    }

    /// `micropython.heap_unlock()`; returns the remaining depth.
    pub fn unlock(&mut self) -> u32 {
        self.lock_depth = self.lock_depth.saturating_sub(1);
        self.update_limit();
        self.lock_depth
    }

    pub fn object_count(&self) -> usize {
        self.objects
    }

    // ---- retrying an allocation after collecting ----

    /// Record an allocation failure (the VM does, as it turns one into `MemoryError`).
    pub fn note_failure(&mut self, e: AllocError) {
        self.last_failure = Some(e);
    }

    /// Called by the interpreter loop each time it is entered (a Python function
    /// called from Rust, a generator resumed, module code run).
    #[inline(always)]
    pub fn note_loop_entry(&mut self) {
        self.loop_entries = self.loop_entries.wrapping_add(1);
    }

    /// Taken by the interpreter before an allocating operation whose inputs are all
    /// rooted (on the VM stack): if the operation then fails with `MemoryError`,
    /// [`Heap::retry_after_failure`] with this mark says whether collecting and
    /// running it again is sound and may succeed.
    #[inline(always)]
    pub fn retry_mark(&self) -> u64 {
        self.loop_entries
    }

    /// After an operation started at `mark` failed with `MemoryError`: true when
    /// the failure was the fixed capacity (not `heap_lock`, not an impossible
    /// request), and no Python code ran since `mark` (so re-running the operation
    /// repeats no Python-visible effect: builtins charge before they mutate).
    /// Collecting may help even when nothing was allocated since the last
    /// collection: the program may have dropped references since.
    /// MicroPython collects inside the failing allocation; krait collects here,
    /// where every value is rooted, and the caller re-runs the operation once.
    pub fn retry_after_failure(&self, mark: u64) -> bool {
        let Some(AllocError::Full { requested }) = self.last_failure else { return false };
        self.enabled
            && self.lock_depth == 0
            && mark == self.loop_entries
            && requested <= self.limit.saturating_sub(self.baseline)
    }

    // ---- collection ----

    /// Start a collection: returns a tracer for the VM to mark its roots with.
    pub fn begin_collect(&mut self) -> Tracer {
        self.epoch = if self.epoch == 1 { 2 } else { 1 };
        let mut t = Tracer { gray: Vec::with_capacity(256), epoch: self.epoch, live_bytes: 0, live_objects: 0 };
        t.mark_all(&self.loop_iters);
        for &(e, args) in &self.emergency {
            t.mark(e);
            t.mark(args);
        }
        self.weak.trace_roots(&mut t);
        t
    }

    /// Finish marking from the roots already given to `tracer`, then sweep.
    pub fn finish_collect(&mut self, mut tracer: Tracer) {
        while let Some(h) = tracer.gray.pop() {
            // SAFETY: only live objects are pushed gray; their vtable matches.
            unsafe { ((*h).vtable.trace)(h, &mut tracer) };
        }
        let epoch = self.epoch;
        // Weak references to what is about to be swept are cleared now, while
        // their referents' headers can still be read.
        self.weak.clear_dead(|v| survives(v, epoch));
        let mut freed = 0;
        for c in 0..NCLASSES {
            freed += self.sweep_class(c, epoch);
        }
        self.large.retain(|&h| {
            // SAFETY: every large object is live until swept here.
            let header = unsafe { &*h };
            if header.mark.get() == epoch {
                return true;
            }
            let layout = header.vtable.layout;
            // SAFETY: unmarked means unreachable from the exact roots; it was
            // allocated with `layout` by `alloc_large`.
            unsafe {
                (header.vtable.drop_payload)(h);
                alloc::dealloc(h as *mut u8, layout);
            }
            freed += 1;
            false
        });
        // Buffers that grew without being charged show up here: count them as allocated.
        self.total_allocated += tracer.live_bytes.saturating_sub(self.allocated) as u64;
        self.allocated = tracer.live_bytes;
        self.peak = self.peak.max(self.allocated);
        self.objects = tracer.live_objects;
        self.last_freed = freed;
        self.since_collect = 0;
        self.collections += 1;
        self.next_collect = match self.capacity {
            // At 7/8 of the capacity; when more than that is live, not before half of
            // what is left has been allocated (collecting at every safepoint would
            // free nothing new and cost a full mark each time).
            Some(c) => {
                let live = tracer.live_bytes;
                (c - (c - self.baseline) / 8).max(live + c.saturating_sub(live) / 2)
            }
            None => growable_next_collect(tracer.live_bytes),
        };
        self.trim_empty_pages();
    }

    /// Sweep the pages of size class `c`: drop the dead, rebuild the free list in
    /// address order, and move pages left empty to the pool. Returns the number of
    /// objects freed.
    fn sweep_class(&mut self, c: usize, epoch: u8) -> usize {
        let cell = cell_bytes(c);
        let (fresh_page, fresh_used) = (self.fresh_page[c], self.fresh_used[c]);
        let mut fresh_emptied = false;
        let mut head: *mut FreeCell = ptr::null_mut();
        let mut link: *mut *mut FreeCell = &raw mut head;
        let mut freed = 0;
        let empty = &mut self.empty_pages;
        self.pages[c].retain(|&page| {
            let page_link = link;
            let mut live = 0usize;
            let n = if page == fresh_page { fresh_used } else { cells_per_page(c) };
            for i in 0..n {
                // SAFETY: cell `i` is within the page and was handed out (see
                // `cells_in_use`), so it is either a free cell (tagged) or an
                // object written by `alloc` at once.
                unsafe {
                    let p = page.add(i * cell);
                    if *p != FREE_TAG {
                        let h = p as *mut ObjHeader;
                        if (*h).mark.get() == epoch {
                            live += 1;
                            continue;
                        }
                        // Unmarked: unreachable from the exact roots, so nothing
                        // uses it again; drop its payload in place.
                        ((*h).vtable.drop_payload)(h);
                        freed += 1;
                        *p = FREE_TAG;
                    }
                    let f = p as *mut FreeCell;
                    *link = f;
                    link = &raw mut (*f).next;
                }
            }
            if live == 0 {
                // Unlink the page's cells again and keep the page for any class.
                link = page_link;
                empty.push(page);
                fresh_emptied |= page == fresh_page;
                false
            } else {
                true
            }
        });
        // SAFETY: `link` points at `head` or at the `next` field of the last free
        // cell linked, in a page that is kept.
        unsafe { *link = ptr::null_mut() };
        self.free[c] = head;
        if fresh_emptied {
            self.fresh_page[c] = ptr::null_mut();
            self.fresh_used[c] = 0;
        }
        freed
    }

    /// Return empty pages to the system beyond what the heap may fill before it
    /// next collects (and a reserve of an eighth of the pages in use, at least 8).
    fn trim_empty_pages(&mut self) {
        let in_use: usize = self.pages.iter().map(Vec::len).sum();
        // Pages the program will fill again before the next collection stay: giving
        // them back only for the system to fault them in again cost a short-lived
        // program a third of its time in the kernel. Beyond that (the live data
        // shrank), they go back.
        let needed = self.next_collect.div_ceil(PAGE_BYTES).saturating_sub(in_use);
        let keep = needed.max(in_use / 8).max(8);
        while self.empty_pages.len() > keep {
            let p = self.empty_pages.pop().expect("page");
            // No cell of it is in use: it went to the pool with no live object and
            // off every free list.
            self.page_source.give_back(p);
        }
    }

    // ---- inspection (micropython.mem_info) ----

    /// The heap's figures in MicroPython's terms.
    pub fn info(&self) -> HeapInfo {
        let mut info = HeapInfo { used: self.allocated(), ..Default::default() };
        info.total = self.current_size();
        info.free = info.total.saturating_sub(info.used);
        for c in 0..NCLASSES {
            let blocks = c + 1;
            let cell = blocks * GRANULE;
            for &page in &self.pages[c] {
                let mut run = 0;
                let used = self.cells_in_use(c, page);
                for i in 0..PAGE_BYTES / cell {
                    // SAFETY: as in `sweep_class`: every cell handed out is tagged or
                    // an object (the rest are free too).
                    if i >= used || unsafe { *page.add(i * cell) } == FREE_TAG {
                        run += blocks;
                        info.max_free = info.max_free.max(run);
                    } else {
                        run = 0;
                        match blocks {
                            1 => info.num_1block += 1,
                            2 => info.num_2block += 1,
                            _ => {}
                        }
                        info.max_block = info.max_block.max(blocks);
                    }
                }
            }
        }
        for &h in &self.large {
            // SAFETY: large objects are live until swept.
            let size = unsafe { (*h).vtable.footprint };
            info.max_block = info.max_block.max(size.div_ceil(GRANULE));
        }
        info
    }

    /// MicroPython's `gc_dump_alloc_table`: one character per 16-byte block of every
    /// page, 64 to a line — `.` free, `=` the rest of an object, and for an object's
    /// first block `T` tuple, `L` list, `D` dict, `S` str or bytes, `A` bytearray or
    /// array, `B` function, `M` module, `h` anything else.
    pub fn dump_layout(&self, out: &mut String) {
        use std::fmt::Write;
        const PER_LINE: usize = 64;
        let blocks_per_page = PAGE_BYTES / GRANULE;
        for c in 0..NCLASSES {
            let blocks = c + 1;
            for &page in &self.pages[c] {
                let _ = write!(out, "GC memory layout; from {:x}:", page as usize);
                let mut map = vec![b'.'; blocks_per_page];
                for i in 0..self.cells_in_use(c, page) {
                    // SAFETY: as in `sweep_class`: every cell is tagged or an object.
                    let p = unsafe { page.add(i * blocks * GRANULE) };
                    // SAFETY: reading the first byte of a cell.
                    if unsafe { *p } == FREE_TAG {
                        continue;
                    }
                    // SAFETY: not free, so an object header.
                    let kind = unsafe { (*(p as *const ObjHeader)).kind };
                    map[i * blocks] = match kind {
                        ObjKind::Tuple => b'T',
                        ObjKind::List => b'L',
                        ObjKind::Dict => b'D',
                        ObjKind::Str | ObjKind::Bytes => b'S',
                        ObjKind::ByteArray | ObjKind::Array => b'A',
                        ObjKind::Function => b'B',
                        ObjKind::Module => b'M',
                        _ => b'h',
                    };
                    for b in &mut map[i * blocks + 1..(i + 1) * blocks] {
                        *b = b'=';
                    }
                }
                let mut line = 0;
                while line * PER_LINE < blocks_per_page {
                    let start = line * PER_LINE;
                    let free_lines = map[start..].chunks(PER_LINE).take_while(|l| l.iter().all(|&b| b == b'.')).count();
                    if free_lines >= 2 {
                        let _ = write!(out, "\n       ({free_lines} lines all free)");
                        line += free_lines;
                        continue;
                    }
                    let _ = write!(out, "\n{:08x}: ", start * GRANULE);
                    out.push_str(std::str::from_utf8(&map[start..start + PER_LINE]).unwrap_or(""));
                    line += 1;
                }
                out.push('\n');
            }
        }
    }
}

/// Run `f` with a value that points at `data` placed on the Rust stack instead of
/// the heap: a key for one operation that must not allocate (MicroPython's
/// stack-allocated slices: `b[i:j] = x` allocates nothing). The object has a
/// proper header, so it may be traced if `f` collects; it is never swept.
///
/// # Safety
///
/// The value must not outlive `f`: nothing `f` does may keep it (in a container,
/// an exception, an attribute, a global), so `f` must only pass it to operations
/// known not to retain their argument.
pub unsafe fn with_stack_object<T: PyObj, R>(data: T, f: impl FnOnce(Value) -> R) -> R {
    let obj = Obj::new(data);
    // `obj` stays where it is (and alive) until the end of this function, after `f`.
    f(Value::from_header(&obj.header))
}

/// Header flag of an iterator made by a `for` loop's `GetIter` (see `Vm::loop_iter`).
const LOOP_ITER: u16 = 0x8000;
/// Exhausted loop iterators kept for reuse, and how many the VM starts with.
const LOOP_ITER_POOL: usize = 16;
const LOOP_ITER_PRIMED: usize = 8;

impl crate::vm::Vm {
    /// `GetIter` of a `for` loop or comprehension. Iterating a built-in container
    /// needs an iterator object, but the loop's own iterator is unreachable from
    /// Python code (it lives in the loop's stack slot, or a comprehension's hidden
    /// `.0`): so when the loop runs to its end ([`Vm::loop_iter_done`]) the object
    /// is kept for a later loop instead of becoming garbage. Loops over ranges,
    /// sequences, dicts and sets then allocate nothing in the steady state, and run
    /// with the heap locked, as MicroPython's stack-allocated iterators do. (A loop
    /// left by `break`, `return` or an exception drops its iterator to the collector.)
    pub(crate) fn loop_iter(&mut self, v: Value) -> crate::error::PyResult<Value> {
        use crate::obj::iter::IterState;
        let state = match crate::ops::core_iter_state(v) {
            Some(state) => state,
            None if v.kind() == Some(ObjKind::Other)
                && (v.downcast::<crate::obj::array::ArrayObj>().is_some()
                    || v.downcast::<crate::obj::memoryview::MemoryViewObj>().is_some())
                && self.type_of(v).lookup(krait_syntax::q::__iter__).is_none() =>
            {
                IterState::Seq { seq: v, index: 0 }
            }
            None => return self.get_iter(v),
        };
        self.new_loop_iter(state)
    }

    /// An iterator with `state` for a loop: a kept one, or a new one.
    fn new_loop_iter(&mut self, state: crate::obj::iter::IterState) -> crate::error::PyResult<Value> {
        use crate::obj::iter::IterObj;
        match self.heap.loop_iters.pop() {
            Some(it) => {
                Gc::<IterObj>::from_value_unchecked(it).get_mut().state = state;
                Ok(it)
            }
            None => {
                let io = self.alloc(IterObj { state })?;
                io.header().flags.set(LOOP_ITER);
                Ok(io.value())
            }
        }
    }

    /// The iterator of `for i in range(*args)` when the arguments are small ints
    /// (`None`: let `range` itself deal with them), from the same pool.
    pub(crate) fn loop_range_iter(&mut self, args: &[Value]) -> crate::error::PyResult<Option<Value>> {
        use crate::obj::iter::IterState;
        let mut n = [0i64; 3];
        for (slot, a) in n.iter_mut().zip(args) {
            match a.as_small_int() {
                Some(i) => *slot = i,
                None => return Ok(None),
            }
        }
        let state = match args.len() {
            1 => IterState::Range { next: 0, stop: n[0], step: 1 },
            2 => IterState::Range { next: n[0], stop: n[1], step: 1 },
            _ if n[2] != 0 => IterState::Range { next: n[0], stop: n[1], step: n[2] },
            _ => return Ok(None),
        };
        self.new_loop_iter(state).map(Some)
    }

    /// A `for` loop ran its iterator `it` to the end: keep it for the next loop if
    /// `loop_iter` made it.
    #[inline]
    pub(crate) fn loop_iter_done(&mut self, it: Value) {
        if let Some(io) = it.downcast::<crate::obj::iter::IterObj>() {
            if io.header().flags.get() & LOOP_ITER != 0 && self.heap.loop_iters.len() < LOOP_ITER_POOL {
                io.get_mut().state = crate::obj::iter::IterState::Exhausted;
                self.heap.loop_iters.push(it);
            }
        }
    }

    /// Allocate what the heap keeps in reserve: the first loop iterators (so that
    /// loops run with the heap locked even before any loop has finished), and the
    /// emergency exceptions.
    pub(crate) fn prime_heap_reserves(&mut self) -> crate::error::PyResult<()> {
        use crate::obj::exception::ExceptionObj;
        use crate::obj::iter::{IterObj, IterState};
        use crate::obj::TupleObj;
        while self.heap.loop_iters.len() < LOOP_ITER_PRIMED {
            let io = self.alloc(IterObj { state: IterState::Exhausted })?;
            io.header().flags.set(LOOP_ITER);
            self.heap.loop_iters.push(io.value());
        }
        while self.heap.emergency.len() < EMERGENCY_EXCEPTIONS {
            let r = TupleObj::alloc_copy(&mut self.heap, &[Value::NONE]);
            let args = self.allocated(r)?.value();
            let e = self.alloc(ExceptionObj {
                class: self.types.exc(crate::error::ExcKind::Exception),
                args,
                traceback: Vec::with_capacity(8),
                cause: Value::NONE,
                context: Value::NONE,
                suppress_context: false,
                dict: Value::NULL,
            })?;
            self.heap.emergency.push((e.value(), args));
        }
        Ok(())
    }

    /// An exception of `class` with a message, for when the heap has no room for a
    /// new one (full, or locked): MicroPython's emergency exception buffer. A few
    /// preallocated exception objects are reused in turn, so the program still gets
    /// the `NameError` or `ValueError` it would have got, message included (the
    /// message is interned, up to a bound, like `MemoryError`'s). Falls back to
    /// `MemoryError` itself.
    pub(crate) fn emergency_exception(&mut self, class: Gc<crate::obj::TypeObj>, msg: &str) -> crate::error::PyErr {
        let q = match krait_syntax::Qstr::lookup(msg) {
            Some(q) => q,
            None if self.heap.emergency_messages < EMERGENCY_MESSAGES => {
                self.heap.emergency_messages += 1;
                krait_syntax::Qstr::new(msg)
            }
            None => krait_syntax::Qstr::new("(no memory for the message)"),
        };
        self.emergency_exception_args(class, &[Value::qstr(q)])
    }

    /// As [`Vm::emergency_exception`], with the exception's arguments (more than one
    /// don't fit: the exception gets none).
    pub(crate) fn emergency_exception_args(
        &mut self,
        class: Gc<crate::obj::TypeObj>,
        args: &[Value],
    ) -> crate::error::PyErr {
        let Some((e, tuple)) = self.emergency_slot() else { return crate::error::PyErr(self.memory_error) };
        let args = match *args {
            [] => self.types.empty_tuple,
            [a] => {
                tuple.set_item_unshared(0, a);
                tuple.value()
            }
            // No room for more arguments: none at all, as MicroPython does.
            _ => self.types.empty_tuple,
        };
        Self::reset_emergency(e, class, args)
    }

    /// As [`Vm::emergency_exception`], with an existing `args` tuple.
    pub(crate) fn emergency_exception_tuple(
        &mut self,
        class: Gc<crate::obj::TypeObj>,
        args: Value,
    ) -> crate::error::PyErr {
        let Some((e, _)) = self.emergency_slot() else { return crate::error::PyErr(self.memory_error) };
        Self::reset_emergency(e, class, args)
    }

    /// The next emergency exception object and its one-tuple.
    fn emergency_slot(&mut self) -> Option<(Gc<crate::obj::exception::ExceptionObj>, Gc<crate::obj::TupleObj>)> {
        if self.heap.emergency.is_empty() {
            return None;
        }
        let i = self.heap.emergency_next % self.heap.emergency.len();
        self.heap.emergency_next = i + 1;
        let (e, tuple) = self.heap.emergency[i];
        Some((Gc::from_value_unchecked(e), Gc::from_value_unchecked(tuple)))
    }

    fn reset_emergency(
        e: Gc<crate::obj::exception::ExceptionObj>,
        class: Gc<crate::obj::TypeObj>,
        args: Value,
    ) -> crate::error::PyErr {
        let x = e.get_mut();
        x.class = class;
        x.args = args;
        x.traceback.clear();
        x.cause = Value::NONE;
        x.context = Value::NONE;
        x.suppress_context = false;
        x.dict = Value::NULL;
        crate::error::PyErr(e.value())
    }
}

/// Emergency exception objects, and how many distinct messages they may intern.
const EMERGENCY_EXCEPTIONS: usize = 4;
const EMERGENCY_MESSAGES: usize = 256;

/// Bytes in a cell of size class `c`.
#[inline(always)]
fn cell_bytes(c: usize) -> usize {
    (c + 1) * GRANULE
}

/// Cells in a page of size class `c`.
#[inline(always)]
fn cells_per_page(c: usize) -> usize {
    PAGE_BYTES / cell_bytes(c)
}

/// The heap's pages, apart from `malloc`'s memory: on Linux, anonymous mappings
/// (chunks of several pages, growing with the heap) carved into pages in address
/// order. A page the heap no longer needs is given back to the system with
/// `madvise(MADV_DONTNEED)` and kept for reuse (it comes back as zero pages on
/// first touch). Keeping pages out of `malloc` matters for the process's memory:
/// there, 64 KB pages freed between the program's own buffers left holes too small
/// for the next aligned page, so the malloc heap grew at every collection cycle
/// and nothing went back to the system.
struct PageSource {
    /// Every chunk mapped, to unmap when the heap goes away.
    chunks: Vec<(*mut u8, usize)>,
    /// The unused rest of the newest chunk.
    next: *mut u8,
    end: *mut u8,
    /// Pages given back to the system, to hand out again before carving more.
    released: Vec<*mut u8>,
    mapped: usize,
}

/// The first chunk's size; later chunks are as big as everything mapped so far
/// (the heap doubles its address space each time), up to `MAX_CHUNK`.
const FIRST_CHUNK: usize = 1 << 20;
const MAX_CHUNK: usize = 64 << 20;

impl PageSource {
    fn new() -> PageSource {
        PageSource { chunks: Vec::new(), next: ptr::null_mut(), end: ptr::null_mut(), released: Vec::new(), mapped: 0 }
    }

    /// A page of `PAGE_BYTES`, aligned to 4096, or `None` when the system
    /// has no more memory. Its contents are unspecified (the heap writes cells as
    /// it hands them out).
    fn take(&mut self) -> Option<*mut u8> {
        if let Some(p) = self.released.pop() {
            return Some(p);
        }
        if self.next == self.end {
            let len = self.mapped.clamp(FIRST_CHUNK, MAX_CHUNK);
            let p = os::map(len)?;
            self.chunks.push((p, len));
            self.mapped += len;
            self.next = p;
            // SAFETY: `p` starts a mapping of `len` bytes.
            self.end = unsafe { p.add(len) };
        }
        let p = self.next;
        // SAFETY: chunks are multiples of `PAGE_BYTES`, so a whole page lies
        // between `next` and `end`.
        self.next = unsafe { p.add(PAGE_BYTES) };
        Some(p)
    }

    /// Return the memory of page `p` (from `take`, no longer used) to the system.
    fn give_back(&mut self, p: *mut u8) {
        os::release(p, PAGE_BYTES);
        self.released.push(p);
    }
}

impl Drop for PageSource {
    fn drop(&mut self) {
        for &(p, len) in &self.chunks {
            // SAFETY: mapped by `os::map` with this length; the heap that used its
            // pages has dropped every object in them.
            unsafe { os::unmap(p, len) };
        }
    }
}

/// The system calls behind `PageSource`.
#[cfg(target_os = "linux")]
mod os {
    use std::ffi::c_void;
    extern "C" {
        fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut c_void;
        fn munmap(addr: *mut c_void, len: usize) -> i32;
        fn madvise(addr: *mut c_void, len: usize, advice: i32) -> i32;
    }
    const PROT_READ: i32 = 1;
    const PROT_WRITE: i32 = 2;
    const MAP_PRIVATE: i32 = 2;
    const MAP_ANONYMOUS: i32 = 0x20;
    const MADV_DONTNEED: i32 = 4;

    /// A fresh read-write anonymous mapping of `len` bytes (page-aligned).
    pub fn map(len: usize) -> Option<*mut u8> {
        // SAFETY: a new private anonymous mapping aliases nothing.
        let p = unsafe { mmap(std::ptr::null_mut(), len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) };
        (p as isize != -1 && !p.is_null()).then_some(p as *mut u8)
    }

    /// Let the system take back the memory of `[p, p + len)` (read as zeros later).
    pub fn release(p: *mut u8, len: usize) {
        // SAFETY: the range lies in one of our mappings and holds nothing anyone
        // reads again before writing; MADV_DONTNEED keeps the mapping valid.
        unsafe { madvise(p as *mut c_void, len, MADV_DONTNEED) };
    }

    /// # Safety
    /// `p` and `len` are those of a mapping from `map`, not used afterwards.
    pub unsafe fn unmap(p: *mut u8, len: usize) {
        // SAFETY: guaranteed by the caller.
        unsafe { munmap(p as *mut c_void, len) };
    }
}

/// Elsewhere, chunks come from the global allocator and are never shrunk.
#[cfg(not(target_os = "linux"))]
mod os {
    use std::alloc::{self, Layout};

    fn layout(len: usize) -> Layout {
        Layout::from_size_align(len, 4096).expect("chunk layout")
    }

    pub fn map(len: usize) -> Option<*mut u8> {
        // SAFETY: the layout has non-zero size.
        let p = unsafe { alloc::alloc(layout(len)) };
        (!p.is_null()).then_some(p)
    }

    pub fn release(_p: *mut u8, _len: usize) {}

    /// # Safety
    /// `p` and `len` are those of a chunk from `map`, not used afterwards.
    pub unsafe fn unmap(p: *mut u8, len: usize) {
        // SAFETY: guaranteed by the caller.
        unsafe { alloc::dealloc(p, layout(len)) };
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
        for c in 0..NCLASSES {
            let cell = cell_bytes(c);
            for &page in &self.pages[c] {
                for i in 0..self.cells_in_use(c, page) {
                    // SAFETY: as in `sweep_class`; the heap owns every object and
                    // the VM is gone, so each is dropped exactly once here.
                    unsafe {
                        let p = page.add(i * cell);
                        if *p != FREE_TAG {
                            let h = p as *mut ObjHeader;
                            ((*h).vtable.drop_payload)(h);
                        }
                    }
                }
            }
        }
        // The pages themselves go with `page_source`.
        for &h in &self.large {
            // SAFETY: the heap owns every large object; each was allocated by
            // `alloc_large` with its vtable's layout and is dropped once here.
            unsafe {
                let layout = (*h).vtable.layout;
                ((*h).vtable.drop_payload)(h);
                alloc::dealloc(h as *mut u8, layout);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Leaf(#[allow(dead_code)] u64);
    impl PyObj for Leaf {
        const KIND: ObjKind = ObjKind::Other;
        fn trace(&self, _t: &mut Tracer) {}
    }

    struct Node {
        next: Value,
        #[allow(dead_code)]
        buf: Vec<u8>,
    }
    impl PyObj for Node {
        const KIND: ObjKind = ObjKind::Other;
        fn trace(&self, t: &mut Tracer) {
            t.mark(self.next);
        }
        fn extra_size(&self) -> usize {
            self.buf.capacity()
        }
    }

    struct Big([u64; 100]);
    impl PyObj for Big {
        const KIND: ObjKind = ObjKind::Other;
        fn trace(&self, _t: &mut Tracer) {}
    }

    fn collect(h: &mut Heap, roots: &[Value]) {
        let mut t = h.begin_collect();
        t.mark_all(roots);
        h.finish_collect(t);
    }

    #[test]
    fn size_classes() {
        assert_eq!(VTableFor::<Leaf>::FOOTPRINT, 32);
        assert_eq!(VTableFor::<Leaf>::SIZE_CLASS, 1);
        const { assert!(!VTableFor::<Big>::SMALL) };
        assert_eq!(VTableFor::<Big>::FOOTPRINT, 816);
    }

    #[test]
    fn sweep_frees_the_unreachable_and_reuses_cells() {
        let mut h = Heap::new(None);
        let mut keep = Value::NONE;
        for i in 0..10_000 {
            let n = h.alloc(Node { next: Value::NONE, buf: vec![0; 10] }).unwrap();
            if i % 100 == 0 {
                n.get_mut().next = keep;
                keep = n.value();
            }
            h.alloc(Leaf(i)).unwrap();
        }
        let big = h.alloc(Big([7; 100])).unwrap();
        h.alloc(Big([8; 100])).unwrap();
        assert_eq!(h.object_count(), 20_002);
        collect(&mut h, &[keep, big.value()]);
        assert_eq!(h.object_count(), 101);
        assert_eq!(h.last_freed, 19_901);
        let node_size = VTableFor::<Node>::FOOTPRINT + 10;
        assert_eq!(h.allocated, 100 * node_size + 816);
        assert_eq!(object_size(big.value()), 816);
        // The survivors are intact.
        let mut n = 0;
        let mut v = keep;
        while let Some(node) = v.downcast::<Node>() {
            n += 1;
            v = node.next;
        }
        assert_eq!(n, 100);
        assert_eq!(big.0[99], 7);
        // A second collection with the other epoch keeps the same objects.
        collect(&mut h, &[keep, big.value()]);
        assert_eq!(h.object_count(), 101);
        assert_eq!(h.last_freed, 0);
        // Allocation reuses freed cells and pooled pages before asking the system.
        let all_pages = |h: &Heap| h.pages.iter().map(Vec::len).sum::<usize>() + h.empty_pages.len();
        let pages = all_pages(&h);
        for i in 0..5000 {
            h.alloc(Leaf(i)).unwrap();
        }
        assert_eq!(all_pages(&h), pages);
        collect(&mut h, &[]);
        assert_eq!(h.object_count(), 0);
        assert_eq!(h.allocated, 0);
        assert!(h.pages.iter().all(Vec::is_empty));
    }

    #[test]
    fn fixed_capacity_and_lock() {
        let mut h = Heap::new(None);
        h.set_capacity(Some(1024));
        let mut n = 0;
        while h.alloc(Leaf(0)).is_ok() {
            n += 1;
        }
        assert_eq!(n, 1024 / 32);
        assert_eq!(h.alloc(Leaf(0)).err(), Some(AllocError::Full { requested: 32 }));
        collect(&mut h, &[]);
        assert!(h.alloc(Leaf(0)).is_ok());
        h.lock();
        assert_eq!(h.alloc(Leaf(0)).err(), Some(AllocError::Locked { requested: 32 }));
        assert_eq!(h.charge(8), Err(AllocError::Locked { requested: 8 }));
        assert_eq!(h.charge(0), Ok(()));
        assert_eq!(h.unlock(), 0);
        assert!(h.alloc(Leaf(0)).is_ok());
    }
}

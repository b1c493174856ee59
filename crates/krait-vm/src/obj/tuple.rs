//! `tuple`: an immutable sequence.
//!
//! A tuple's items live in its own GC cell, right after the object, when they fit
//! (up to [`MAX_IN_CELL`] items): one cell and no `malloc` block per tuple, which
//! is most of the cost of the pairs and triples programs make by the million
//! (returned pairs, `(key, value)` items, heap entries). Longer tuples keep a boxed
//! slice of their own.

use std::ptr::NonNull;

use crate::gc::{AllocError, Gc, Heap, ObjKind, PyObj, Tracer, GRANULE, MAX_CELL};
use crate::value::Value;

#[repr(C)]
pub struct TupleObj {
    /// The first item: in the object's cell just past this struct, or the start of
    /// a leaked `Box<[Value]>` when `BOXED` is set in `len`. Taken from the cell's
    /// own pointer, so it may reach past the struct.
    ptr: NonNull<Value>,
    /// Item count, and the `BOXED` flag.
    len: usize,
}

const BOXED: usize = 1 << (usize::BITS - 1);
/// Header plus the struct: where items kept in the cell start.
const ITEMS_OFFSET: usize = std::mem::size_of::<crate::gc::ObjHeader>() + std::mem::size_of::<TupleObj>();
/// The most items kept in the object's cell.
pub const MAX_IN_CELL: usize = (MAX_CELL - ITEMS_OFFSET) / 8;

const _: () = assert!(ITEMS_OFFSET == 32 && ITEMS_OFFSET.is_multiple_of(GRANULE));

/// The cell that keeps `n` items.
#[inline(always)]
fn cell_for(n: usize) -> usize {
    (ITEMS_OFFSET + n * 8).div_ceil(GRANULE) * GRANULE
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        if self.len & BOXED != 0 {
            let n = self.len & !BOXED;
            // SAFETY: `BOXED` says `ptr` and the count came from a leaked
            // `Box<[Value]>` (see `alloc_boxed`), given back only here.
            unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), n))) }
        }
    }
}

impl TupleObj {
    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `ptr` points at `len` initialised items, in the object's cell
        // (the pointer derives from the cell's, see `alloc_with`) or in its boxed
        // slice; both live as long as the object.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len & !BOXED) }
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len & !BOXED
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A tuple of `n` items written by `fill` (given `n` `None`s to overwrite).
    #[inline]
    pub fn alloc_with(heap: &mut Heap, n: usize, fill: impl FnOnce(&mut [Value])) -> Result<Gc<TupleObj>, AllocError> {
        if n > MAX_IN_CELL {
            let mut items = vec![Value::NONE; n].into_boxed_slice();
            fill(&mut items);
            return TupleObj::alloc_boxed(heap, items);
        }
        let g = heap.alloc_in_cell(TupleObj { ptr: NonNull::dangling(), len: n }, cell_for(n))?;
        // SAFETY: the cell is `cell_for(n)` bytes, so the `n` items from
        // `ITEMS_OFFSET` lie inside it; the pointer comes from the cell
        // (`payload_ptr`), and the object is new, so nothing else refers to them.
        let items = unsafe {
            let p =
                NonNull::new_unchecked((g.payload_ptr() as *mut u8).add(std::mem::size_of::<TupleObj>()) as *mut Value);
            g.get_mut().ptr = p;
            let s = std::slice::from_raw_parts_mut(p.as_ptr(), n);
            s.fill(Value::NONE);
            s
        };
        fill(items);
        Ok(g)
    }

    /// A tuple holding a copy of `items`.
    #[inline]
    pub fn alloc_copy(heap: &mut Heap, items: &[Value]) -> Result<Gc<TupleObj>, AllocError> {
        TupleObj::alloc_with(heap, items.len(), |t| t.copy_from_slice(items))
    }

    /// A tuple of `items`, adopting the vector's buffer when they don't fit a cell.
    pub fn alloc_vec(heap: &mut Heap, items: Vec<Value>) -> Result<Gc<TupleObj>, AllocError> {
        if items.len() <= MAX_IN_CELL {
            return TupleObj::alloc_copy(heap, &items);
        }
        TupleObj::alloc_boxed(heap, items.into_boxed_slice())
    }

    fn alloc_boxed(heap: &mut Heap, items: Box<[Value]>) -> Result<Gc<TupleObj>, AllocError> {
        let n = items.len();
        let raw = Box::into_raw(items) as *mut Value;
        // SAFETY: `Box::into_raw` never gives null.
        let ptr = unsafe { NonNull::new_unchecked(raw) };
        // The object owns the slice from here on: dropped with it, also when the
        // allocation fails (the `TupleObj` passed in is dropped then).
        heap.alloc(TupleObj { ptr, len: n | BOXED })
    }
}

impl Gc<TupleObj> {
    /// The items, borrowed for as long as the caller keeps the tuple alive (a
    /// `Gc` is `Copy`, so the borrow can't be tied to it).
    #[inline(always)]
    pub fn items<'a>(self) -> &'a [Value] {
        let t: &TupleObj = &self;
        // SAFETY: heap objects never move and tuples are immutable; the caller
        // keeps the object alive while it uses the slice.
        unsafe { &*(t.items() as *const [Value]) }
    }

    /// Overwrite item `i` of a tuple the VM owns: one nobody else can see yet, or
    /// one MicroPython documents as callee-owned and refilled (`select.ipoll`'s).
    pub fn set_item_unshared(self, i: usize, v: Value) {
        let t = self.get_mut();
        assert!(i < t.len());
        // SAFETY: `i` is in bounds; the items are writable (in the object's cell or
        // its own boxed slice) and not borrowed across this call.
        unsafe { *t.ptr.as_ptr().add(i) = v }
    }
}

impl PyObj for TupleObj {
    const KIND: ObjKind = ObjKind::Tuple;
    fn trace(&self, t: &mut Tracer) {
        t.mark_all(self.items());
    }
    fn extra_size(&self) -> usize {
        if self.len & BOXED != 0 {
            self.len() * 8
        } else {
            cell_for(self.len()) - ITEMS_OFFSET
        }
    }
}

use crate::class::arg;
use crate::error::PyResult;
use crate::sig;
use crate::vm::Vm;

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<TupleObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<TupleObj>()) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'tuple' object"))),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args, "index")?;
    let v = arg(vm, args, 1, "index")?;
    let (start, stop) = crate::obj::list::index_range(vm, args, 2, t.items().len())?;
    for i in start..stop {
        let x = t.items()[i];
        if x == v || vm.eq(x, v)? {
            return vm.new_int(i as i64);
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args, "count")?;
    let v = arg(vm, args, 1, "count")?;
    let mut n = 0;
    for &x in t.items().iter() {
        if x == v || vm.eq(x, v)? {
            n += 1;
        }
    }
    vm.new_int(n)
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.tuple;
    vm.add_methods(t, &[("index", sig!(index, 2..=4)), ("count", sig!(count, 2))])
}

//! `gc`: control of the garbage collector, with MicroPython's meanings.
//!
//! - `collect()` collects now and returns the number of objects freed (as the
//!   unix port of MicroPython does; bare-metal ports return None, CPython the
//!   number of unreachable objects found).
//! - `enable()` / `disable()` / `isenabled()`: automatic collection. While it is
//!   disabled the heap still allocates, and collects only on `gc.collect()`; a
//!   fixed heap that fills up raises `MemoryError` without trying a collection.
//! - `mem_alloc()`: bytes of the program's heap in use (objects and the buffers
//!   they own; exact after a collection).
//! - `mem_free()`: bytes the program can still allocate: with `-X heapsize=` the
//!   capacity minus `mem_alloc()`; with a growable heap, what is left before the
//!   heap reaches its current size (where it collects next and, if what survives
//!   needs it, grows). `mem_alloc() + mem_free()` is the heap's current size.
//! - `threshold([n])`: collect after every `n` more bytes allocated (rounded down
//!   to MicroPython's 16-byte block); `-1` (or any negative) turns it off, and is
//!   what it reports when off.

use crate::class::arg;
use crate::error::PyResult;
use crate::gc::GRANULE;
use crate::value::Value;
use crate::vm::Vm;

fn collect(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.collect_garbage_now();
    let freed = vm.heap.last_freed;
    // Callbacks of weak references to what was freed run before `collect` returns.
    vm.run_weak_callbacks();
    vm.new_int(freed as i64)
}

fn enable(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.heap.enabled = true;
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.heap.enabled = false;
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(vm.heap.enabled))
}

fn mem_alloc(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = vm.heap.allocated();
    vm.new_int(n as i64)
}

fn mem_free(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = vm.heap.free_bytes();
    vm.new_int(n as i64)
}

fn threshold(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return match vm.heap.threshold {
            Some(t) => vm.new_int(t as i64),
            None => Ok(Value::small_int(-1)),
        };
    }
    let v = arg(vm, args, 0, "threshold")?;
    let n = vm.to_index(v)?;
    vm.heap.threshold = if n < 0 { None } else { Some(n as usize / GRANULE * GRANULE) };
    Ok(Value::NONE)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    super::new_native_module(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("mem_alloc", mem_alloc),
            ("mem_free", mem_free),
            ("threshold", threshold),
        ],
    )
}

//! `gc`: control of the garbage collector (MicroPython's API).

use crate::class::arg;
use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

fn collect(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.collect_garbage();
    Ok(Value::NONE)
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
    match vm.heap.capacity() {
        Some(c) => {
            let n = c.saturating_sub(vm.heap.allocated());
            vm.new_int(n as i64)
        }
        // A growable heap reports -1, as MicroPython does when the figure is unknown.
        None => Ok(Value::small_int(-1)),
    }
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
    vm.heap.threshold = if n < 0 { None } else { Some(n as usize) };
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

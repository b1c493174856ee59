//! `micropython`: MicroPython's own module (`const`, `opt_level`, heap locking,
//! and the emitter decorators, which the compiler handles at compile time).

use krait_syntax::Qstr;

use crate::class::arg;
use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

fn const_(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg(vm, args, 0, "const")
}

fn opt_level(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args.first() {
        None => Ok(Value::small_int(vm.options.optimize as i64)),
        Some(&v) => {
            let n = vm.to_index(v)?;
            vm.options.optimize = n.clamp(0, 3) as u8;
            Ok(Value::NONE)
        }
    }
}

fn heap_lock(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.heap.lock();
    Ok(Value::NONE)
}

fn heap_unlock(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let depth = vm.heap.unlock();
    if depth == 0 && vm.weak_callbacks_pending() {
        // Weak reference callbacks held back by the lock run at the next check.
        crate::interrupt::request_attention();
    }
    Ok(Value::small_int(depth as i64))
}

fn heap_locked(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int(vm.heap.lock_depth as i64))
}

fn mem_total(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (total, _, _) = vm.heap.mem_stats();
    vm.new_int(total.min(i64::MAX as u64) as i64)
}

fn mem_current(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, current, _) = vm.heap.mem_stats();
    vm.new_int(current as i64)
}

fn mem_peak(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, peak) = vm.heap.mem_stats();
    vm.new_int(peak as i64)
}

/// `mem_info([verbose])`, in the layout of MicroPython's unix port: memory
/// statistics, stack use (the VM's value stack), the heap's figures in bytes and
/// 16-byte blocks, and with an argument the map of every heap page.
fn mem_info(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (total, current, peak) = vm.heap.mem_stats();
    let info = vm.heap.info();
    let mut s = format!(
        "mem: total={total}, current={current}, peak={peak}\n\
         stack: {} out of {}\n\
         GC: total: {}, used: {}, free: {}\n \
         No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
        vm.stack_top * 8,
        vm.stack_capacity() * 8,
        info.total,
        info.used,
        info.free,
        info.num_1block,
        info.num_2block,
        info.max_block,
        info.max_free,
    );
    if !args.is_empty() {
        vm.heap.dump_layout(&mut s);
    }
    vm.write_stdout(s.as_bytes());
    Ok(Value::NONE)
}

fn qstr_info(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = Qstr::count();
    let bytes = Qstr::total_bytes();
    let s = format!("qstr pool: n_pool=1, n_qstr={n}, n_str_data_bytes={bytes}, n_total_bytes={}\n", bytes + n * 8);
    vm.write_stdout(s.as_bytes());
    let _ = args;
    Ok(Value::NONE)
}

fn stack_use(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = vm.stack_top * 8;
    vm.new_int(n as i64)
}

fn identity_decorator(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg(vm, args, 0, "decorator")
}

/// `kbd_intr(chr)`: the character that raises `KeyboardInterrupt` (-1: none). On a
/// desktop Ctrl-C arrives as the terminal's SIGINT, so, as on MicroPython's unix
/// port, 3 (Ctrl-C) turns it into `KeyboardInterrupt` and anything else restores
/// SIGINT's default action (ending the process).
fn kbd_intr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = arg(vm, args, 0, "kbd_intr")?;
    let c = vm.to_index(c)?;
    crate::interrupt::set_ctrl_c(c == 3);
    Ok(Value::NONE)
}

/// `schedule(f, arg)`: `f(arg)` runs soon, between two steps of the program (see
/// `crate::interrupt`).
fn schedule(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = arg(vm, args, 0, "schedule")?;
    let a = arg(vm, args, 1, "schedule")?;
    let is_kbd_intr = f
        .downcast::<crate::obj::BuiltinFunctionObj>()
        .is_some_and(|b| b.bound_self.is_null() && b.f as usize == kbd_intr as crate::obj::NativeFn as usize);
    if is_kbd_intr {
        vm.schedule_keyboard_interrupt();
    } else {
        vm.schedule(f, a)?;
    }
    Ok(Value::NONE)
}

fn alloc_emergency_exception_buf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // krait needs no reserved buffer: `MemoryError` is allocated at start-up, and an
    // exception raised while the heap is full or locked keeps what it has (its
    // traceback stops growing when there is no room). The size is checked only.
    let n = arg(vm, args, 0, "alloc_emergency_exception_buf")?;
    vm.to_index(n)?;
    Ok(Value::NONE)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    super::new_native_module(
        vm,
        "micropython",
        &[
            ("const", const_),
            ("opt_level", opt_level),
            ("mem_info", mem_info),
            ("mem_total", mem_total),
            ("mem_current", mem_current),
            ("mem_peak", mem_peak),
            ("heap_lock", heap_lock),
            ("heap_unlock", heap_unlock),
            ("heap_locked", heap_locked),
            ("qstr_info", qstr_info),
            ("stack_use", stack_use),
            ("native", identity_decorator),
            ("viper", identity_decorator),
            ("bytecode", identity_decorator),
            ("kbd_intr", kbd_intr),
            ("schedule", schedule),
            ("alloc_emergency_exception_buf", alloc_emergency_exception_buf),
        ],
    )
}

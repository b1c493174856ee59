//! Generators and coroutines: a suspended frame.
//!
//! While suspended, the frame's slots (locals, cells, value stack) live here; on
//! resume they are copied onto the VM stack and run like any other frame (one frame
//! layout, DESIGN.md decision 5), then copied back at the next `yield`.

use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{CodeObj, DictObj, FunctionObj};
use crate::value::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, not yet started.
    Created,
    Suspended,
    Running,
    Finished,
    /// Created (`started == false`) or suspended, with an exception that the next
    /// resumption throws in, whatever it sends (MicroPython's `pend_throw`).
    Pending {
        exc: Value,
        started: bool,
    },
}

impl GenState {
    /// The state without a pending exception.
    pub fn without_pending(self) -> GenState {
        match self {
            GenState::Pending { started: false, .. } => GenState::Created,
            GenState::Pending { started: true, .. } => GenState::Suspended,
            s => s,
        }
    }
}

pub struct GeneratorObj {
    pub code: Gc<CodeObj>,
    pub globals: Gc<DictObj>,
    /// The function object (for its name and closure), kept alive.
    pub func: Value,
    /// Saved slots: locals, cells, then `stack_depth` value-stack entries.
    pub slots: Vec<Value>,
    pub stack_depth: u32,
    pub ip: u32,
    pub state: GenState,
    /// The exception being handled inside the generator when it yielded.
    pub handled_exc: Value,
    /// Set while `Vm::generator_collect` runs the generator: a `yield` then
    /// leaves the frame on the VM stack (no copying out and back in), and the
    /// collector gathers the values here.
    pub collecting: bool,
    pub collected: Vec<Value>,
}

impl GeneratorObj {
    /// A new generator of `func`, with its locals and cells (`fixed`) bound.
    pub fn new(func: Gc<FunctionObj>, fixed: &[Value]) -> GeneratorObj {
        // Room for the value stack too: suspending saves it after the locals.
        let mut slots = Vec::with_capacity(fixed.len() + func.code.code.max_stack as usize);
        slots.extend_from_slice(fixed);
        GeneratorObj {
            code: func.code,
            globals: func.globals,
            func: func.value(),
            slots,
            stack_depth: 0,
            ip: 0,
            state: GenState::Created,
            handled_exc: Value::NONE,
            collecting: false,
            collected: Vec::new(),
        }
    }
}

impl PyObj for GeneratorObj {
    const KIND: ObjKind = ObjKind::Generator;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.code);
        t.mark_gc(self.globals);
        t.mark(self.func);
        t.mark_all(&self.slots);
        t.mark(self.handled_exc);
        t.mark_all(&self.collected);
        if let GenState::Pending { exc, .. } = self.state {
            t.mark(exc);
        }
    }
    fn extra_size(&self) -> usize {
        (self.slots.capacity() + self.collected.capacity()) * 8
    }
}

mod methods {
    use super::GeneratorObj;
    use crate::class::arg;
    use crate::error::PyResult;
    use crate::gc::Gc;
    use crate::interp::Exit;
    use crate::sig;
    use crate::value::Value;
    use crate::vm::Vm;

    fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<GeneratorObj>> {
        match args.first().and_then(|v| v.downcast::<GeneratorObj>()) {
            Some(g) => Ok(g),
            None => Err(vm.type_error("generator method needs a generator")),
        }
    }

    fn finish(vm: &mut Vm, r: Exit) -> PyResult<Value> {
        match r {
            Exit::Yield(v) => Ok(v),
            Exit::Return(v) => Err(vm.stop_iteration(v)),
        }
    }

    fn next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        let g = this(vm, args)?;
        let r = vm.generator_resume(g, Value::NONE, None)?;
        finish(vm, r)
    }

    fn send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        let g = this(vm, args)?;
        let v = arg(vm, args, 1, "send")?;
        let r = vm.generator_resume(g, v, None)?;
        finish(vm, r)
    }

    /// `throw(exc)`, or the older `throw(type, value[, traceback])`.
    fn throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        let g = this(vm, args)?;
        let mut exc = args[1];
        if let Some(&v) = args.get(2).filter(|v| !v.is_none()) {
            if let Some(t) = exc.downcast::<crate::obj::TypeObj>() {
                exc = if vm.type_of(v).is_subtype(t) {
                    v
                } else if let Some(tuple) = v.downcast::<crate::obj::TupleObj>() {
                    let items = tuple.items().to_vec();
                    vm.call_value(exc, &items, &[])?
                } else {
                    vm.call_value(exc, &[v], &[])?
                };
            } else if exc.is_kind(crate::gc::ObjKind::Exception) {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
        }
        let r = vm.generator_throw(g, exc)?;
        finish(vm, r)
    }

    fn close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        let g = this(vm, args)?;
        vm.generator_close(g)?;
        Ok(Value::NONE)
    }

    fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        arg(vm, args, 0, "__iter__")
    }

    /// `pend_throw(exc)` (MicroPython): have the next resumption throw `exc` in,
    /// instead of sending a value; `None` cancels. Returns the exception pending
    /// before (or None).
    fn pend_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        use super::GenState;
        let g = this(vm, args)?;
        let exc = args[1];
        let state = g.state;
        let (prev, started) = match state {
            GenState::Running => return Err(vm.value_error("generator already executing")),
            GenState::Finished => return Ok(Value::NONE),
            GenState::Pending { exc, started } => (exc, started),
            GenState::Created => (Value::NONE, false),
            GenState::Suspended => (Value::NONE, true),
        };
        g.get_mut().state = if exc.is_none() { state.without_pending() } else { GenState::Pending { exc, started } };
        Ok(prev)
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let t = vm.types.generator;
        vm.add_methods(
            t,
            &[
                ("__next__", sig!(next, 1)),
                ("send", sig!(send, 2)),
                ("throw", sig!(throw, 2..=4)),
                ("close", sig!(close, 1)),
                ("__iter__", sig!(iter, 1)),
                ("pend_throw", sig!(pend_throw, 2)),
            ],
        )
    }
}

pub use methods::install;

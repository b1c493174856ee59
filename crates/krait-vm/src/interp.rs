//! The interpreter loop: runs bytecode frames on the VM stack.
//!
//! Python-to-Python calls don't recurse in Rust: `CallFunction` pushes a frame and
//! the loop carries on in it; `ReturnValue` pops back to the caller. The loop
//! returns when the frame it was entered for (`Frame::is_entry`) finishes, so Rust
//! code re-enters it only when a builtin calls back into Python or a generator
//! resumes.
//!
//! Safepoints (DESIGN.md decision 4) are `JumpBack`, calls and returns: that is
//! where the heap may be collected.

use krait_compiler::bytecode::{decode, small_int_arg, CodeFlags, Op};
use krait_syntax::ast::{BinOp, CmpOp, UnaryOp};
use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::Gc;
use crate::obj::code::{CacheKind, InlineCache};
use crate::obj::exception::{ExceptionObj, TbEntry};
use crate::obj::generator::GenState;
use crate::obj::iter::{IterObj, IterState};
use crate::obj::type_::class_epoch;
use crate::obj::*;
use crate::value::Value;
use crate::vm::{Frame, OperatorCall, Vm};

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    /// A generator frame suspended, yielding this value.
    Yield(Value),
}

const ALL_BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mult,
    BinOp::MatMult,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
];

#[inline(always)]
fn binop_of(op: u8, first: Op) -> BinOp {
    ALL_BINOPS[(op - first as u8) as usize]
}

/// Both operands as floats when one is a float and the other a small int (which
/// converts exactly).
#[inline(always)]
fn mixed_floats(a: Value, b: Value) -> Option<(f64, f64)> {
    let x = if a.is_float() { a.as_float_unchecked() } else { a.as_small_int()? as f64 };
    let y = if b.is_float() { b.as_float_unchecked() } else { b.as_small_int()? as f64 };
    Some((x, y))
}

const ALL_CMPOPS: [CmpOp; 6] = [CmpOp::Lt, CmpOp::LtE, CmpOp::Eq, CmpOp::NotEq, CmpOp::Gt, CmpOp::GtE];

impl Vm {
    /// Run the frame on top of `self.frames` (pushed with `is_entry`) until it
    /// returns or yields. With `pending`, that exception is raised in it first
    /// (at the instruction before its saved `ip`, as `generator.throw` needs).
    pub(crate) fn run_frames(&mut self, mut pending: Option<PyErr>) -> PyResult<Exit> {
        let stack0 = self.stack_ptr(0);
        self.heap.note_loop_entry();
        // Entering the loop is a safepoint too (everything is on the VM stack or
        // rooted by the Rust caller): otherwise a key function called by a builtin
        // over many items, which has no loop or call of its own, never collects.
        if pending.is_none() && self.heap.wants_collect() {
            self.collect_at_safepoint();
        }
        'frames: loop {
            // (Re)load the running frame's state into locals.
            let fi = self.frames.len() - 1;
            let (code_obj, globals, base_i, sp_i, mut ip, locals_dict) = {
                let f = &self.frames[fi];
                (f.code, f.globals, f.base, f.sp, f.ip, f.locals)
            };
            let code = &*code_obj.code;
            let words: &[u32] = &code_obj.words;
            let caches: &[crate::obj::code::InlineCache] = &code_obj.caches;
            let consts: &[Value] = &code_obj.consts;
            let names: &[Qstr] = &code.names;
            let nlocals = code.varnames.len();
            // SAFETY: frame indices are within the stack allocation (checked when
            // the frame was pushed).
            let base: *mut Value = unsafe { stack0.add(base_i) };
            let mut sp: *mut Value = unsafe { stack0.add(sp_i) };

            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    // SAFETY: the compiler's max_stack bounds the depth, and the frame
                    // reserved that many slots.
                    unsafe {
                        *sp = v;
                        sp = sp.add(1);
                    }
                }};
            }
            macro_rules! pop {
                () => {{
                    // SAFETY: the bytecode never pops below the frame's stack base.
                    #[allow(unused_unsafe)]
                    unsafe {
                        sp = sp.sub(1);
                        *sp
                    }
                }};
            }
            macro_rules! top {
                () => {
                    // SAFETY: as for pop.
                    unsafe { *sp.sub(1) }
                };
            }
            macro_rules! peek {
                ($n:expr) => {
                    // SAFETY: as for pop.
                    unsafe { *sp.sub($n) }
                };
            }
            macro_rules! set_top {
                ($v:expr) => {
                    // SAFETY: as for pop.
                    unsafe { *sp.sub(1) = $v }
                };
            }
            macro_rules! local {
                ($i:expr) => {
                    // SAFETY: local indices come from the compiler and are < nlocals.
                    unsafe { &mut *base.add($i) }
                };
            }
            macro_rules! sp_index {
                () => {
                    // SAFETY: both pointers are into the same stack allocation.
                    unsafe { sp.offset_from(stack0) as usize }
                };
            }

            let mut reraise = false;
            let err: PyErr = 'dispatch: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'dispatch e,
                        }
                    };
                }
                // An allocating operation whose inputs are all on the stack: when it
                // fails with MemoryError on a full heap, collect here (everything is
                // rooted) and run it once more (see `Heap::retry_after_failure`).
                macro_rules! alloc_retry {
                    ($e:expr) => {{
                        let mark = self.heap.retry_mark();
                        match $e {
                            Err(e) if e.0 == self.memory_error && self.heap.retry_after_failure(mark) => {
                                self.collect_garbage();
                                $e
                            }
                            r => r,
                        }
                    }};
                }
                // The general path of an operator: on an instance, through
                // `operator_or_frame`, which may push the frame of the class's
                // Python method for this loop to run (then "raising"
                // `PyErr::FRAME_PUSHED`); on anything else, `$general` in Rust.
                macro_rules! general_operator {
                    ($call:expr, $a:expr, $b:expr, $nargs:expr, $general:expr) => {
                        if $a.is_kind(crate::gc::ObjKind::Instance) {
                            tri!(self.operator_or_frame($call, $a, $b, sp_index!() - 1, $nargs))
                        } else {
                            tri!($general)
                        }
                    };
                }
                // The general path of `a op b` (`a op= b` when `$inplace`).
                macro_rules! general_binop {
                    ($inplace:expr, $bop:expr, $a:expr, $b:expr) => {
                        if $inplace {
                            general_operator!(
                                OperatorCall::Inplace($bop),
                                $a,
                                $b,
                                2,
                                alloc_retry!(self.inplace_op($bop, $a, $b))
                            )
                        } else {
                            general_operator!(
                                OperatorCall::Binary($bop),
                                $a,
                                $b,
                                2,
                                alloc_retry!(self.binary_op($bop, $a, $b))
                            )
                        }
                    };
                }
                if let Some(e) = pending.take() {
                    break 'dispatch e;
                }
                loop {
                    let (opb, arg) = decode(words[ip]);
                    ip += 1;
                    let arg = arg as usize;
                    // SAFETY: the compiler only emits valid op bytes.
                    let op: Op = unsafe { std::mem::transmute::<u8, Op>(opb) };
                    match op {
                        Op::Nop => {}
                        Op::LoadConst => push!(consts[arg]),
                        Op::LoadSmallInt => push!(Value::small_int(small_int_arg(arg as u32) as i64)),
                        Op::LoadNone => push!(Value::NONE),
                        Op::LoadTrue => push!(Value::TRUE),
                        Op::LoadFalse => push!(Value::FALSE),
                        Op::LoadNull => push!(Value::NULL),
                        Op::PopTop => {
                            let _ = pop!();
                        }
                        Op::DupTop => {
                            let v = top!();
                            push!(v);
                        }
                        Op::DupTopTwo => {
                            let (a, b) = (peek!(2), peek!(1));
                            push!(a);
                            push!(b);
                        }
                        Op::RotTwo => {
                            let b = pop!();
                            let a = pop!();
                            push!(b);
                            push!(a);
                        }
                        Op::RotThree => {
                            let c = pop!();
                            let b = pop!();
                            let a = pop!();
                            push!(c);
                            push!(a);
                            push!(b);
                        }
                        Op::RotFour => {
                            let d = pop!();
                            let c = pop!();
                            let b = pop!();
                            let a = pop!();
                            push!(d);
                            push!(a);
                            push!(b);
                            push!(c);
                        }

                        // ---- variables ----
                        Op::LoadFast => {
                            let v = *local!(arg);
                            if v.is_null() {
                                break 'dispatch self.unbound_local(code.varnames[arg]);
                            }
                            push!(v);
                        }
                        Op::StoreFast => {
                            let v = pop!();
                            *local!(arg) = v;
                        }
                        Op::DeleteFast => {
                            if local!(arg).is_null() {
                                break 'dispatch self.unbound_local(code.varnames[arg]);
                            }
                            *local!(arg) = Value::NULL;
                        }
                        Op::LoadDeref => {
                            let cell = Gc::<CellObj>::from_value_unchecked(*local!(nlocals + arg));
                            let v = cell.value;
                            if v.is_null() {
                                break 'dispatch self.unbound_cell(code, arg);
                            }
                            push!(v);
                        }
                        Op::StoreDeref => {
                            let v = pop!();
                            Gc::<CellObj>::from_value_unchecked(*local!(nlocals + arg)).get_mut().value = v;
                        }
                        Op::DeleteDeref => {
                            let cell = Gc::<CellObj>::from_value_unchecked(*local!(nlocals + arg));
                            if cell.value.is_null() {
                                break 'dispatch self.unbound_cell(code, arg);
                            }
                            cell.get_mut().value = Value::NULL;
                        }
                        Op::LoadClosure => push!(*local!(nlocals + arg)),
                        Op::LoadGlobal => {
                            let c = &caches[arg];
                            let v = match self.load_global_cached(c, globals) {
                                Some(v) => v,
                                None => break 'dispatch self.name_error(c.name),
                            };
                            push!(v);
                        }
                        Op::StoreGlobal => {
                            let v = pop!();
                            tri!(alloc_retry!(self.dict_set_qstr(globals, names[arg], v)));
                        }
                        Op::DeleteGlobal => {
                            if globals.get_mut().remove_qstr(names[arg]).is_none() {
                                break 'dispatch self.name_error(names[arg]);
                            }
                        }
                        Op::LoadName => {
                            let name = names[arg];
                            let mut found = None;
                            if let Some(d) = locals_dict.downcast::<DictObj>() {
                                found = d.get_qstr(name);
                            }
                            let v = match found.or_else(|| globals.get_qstr(name)) {
                                Some(v) => v,
                                None => match self.builtins.get_qstr(name) {
                                    Some(v) => v,
                                    None => break 'dispatch self.name_error(name),
                                },
                            };
                            push!(v);
                        }
                        Op::StoreName => {
                            let v = pop!();
                            match locals_dict.downcast::<DictObj>() {
                                Some(d) => tri!(alloc_retry!(self.dict_set_qstr(d, names[arg], v))),
                                None => tri!(alloc_retry!(self.dict_set_qstr(globals, names[arg], v))),
                            }
                        }
                        Op::DeleteName => {
                            let d = locals_dict.downcast::<DictObj>().unwrap_or(globals);
                            if d.get_mut().remove_qstr(names[arg]).is_none() {
                                break 'dispatch self.name_error(names[arg]);
                            }
                        }

                        // ---- attributes and subscripts ----
                        Op::LoadAttr => {
                            let obj = top!();
                            let c = &caches[arg];
                            if let Some(inst) = obj.downcast::<InstanceObj>() {
                                if c.kind.get() == CacheKind::InstanceDict
                                    && c.key.get() == inst.class.value().bits()
                                    && c.version.get() == class_epoch()
                                {
                                    if let Some(i) = inst.dict.find_qstr_hinted(c.name, &c.index) {
                                        set_top!(inst.dict.value_at(i));
                                        continue;
                                    }
                                }
                            }
                            let v = tri!(self.get_attr(obj, c.name));
                            self.learn_instance_attr(c, obj);
                            set_top!(v);
                        }
                        Op::StoreAttr => {
                            let obj = pop!();
                            let v = pop!();
                            let c = &caches[arg];
                            if let Some(inst) = obj.downcast::<InstanceObj>() {
                                if c.kind.get() == CacheKind::InstanceDict
                                    && c.key.get() == inst.class.value().bits()
                                    && c.version.get() == class_epoch()
                                {
                                    match inst.dict.find_qstr_hinted(c.name, &c.index) {
                                        Some(i) => inst.dict.get_mut().set_value_at(i, v),
                                        None => tri!(alloc_retry!(self.dict_add_qstr(inst.dict, c.name, v))),
                                    }
                                    continue;
                                }
                            }
                            tri!(alloc_retry!(self.set_attr(obj, c.name, v)));
                            self.learn_instance_attr(c, obj);
                        }
                        Op::DeleteAttr => {
                            let obj = pop!();
                            tri!(self.del_attr(obj, names[arg]));
                        }
                        Op::LoadMethod => {
                            let obj = top!();
                            let c = &caches[arg];
                            let (m, s) = match self.load_method_cached(c, obj) {
                                Some(ms) => ms,
                                None => tri!(self.load_method(obj, c.name)),
                            };
                            set_top!(m);
                            push!(s);
                        }
                        Op::BinarySubscr => {
                            let key = pop!();
                            let obj = top!();
                            let v = if let (Some(i), Some(l)) = (key.as_small_int(), obj.downcast::<ListObj>()) {
                                let n = l.items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    l.items[j as usize]
                                } else {
                                    tri!(alloc_retry!(self.getitem(obj, key)))
                                }
                            } else {
                                tri!(alloc_retry!(self.getitem(obj, key)))
                            };
                            set_top!(v);
                        }
                        Op::StoreSubscr => {
                            let key = pop!();
                            let obj = pop!();
                            let v = pop!();
                            if let (Some(i), Some(l)) = (key.as_small_int(), obj.downcast::<ListObj>()) {
                                let n = l.items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    l.get_mut().items[j as usize] = v;
                                    continue;
                                }
                            }
                            tri!(alloc_retry!(self.setitem(obj, key, v)));
                        }
                        Op::DeleteSubscr => {
                            let key = pop!();
                            let obj = pop!();
                            tri!(self.delitem(obj, key));
                        }
                        Op::BuildSlice => {
                            let step = if arg == 3 { pop!() } else { Value::NONE };
                            let stop = pop!();
                            let start = pop!();
                            // `x[i:j]` and `x[i:j] = v` on a built-in sequence: the slice
                            // lives on the Rust stack for that one operation, as in
                            // MicroPython, so slicing that makes no new object allocates
                            // nothing.
                            let (next, _) = decode(words[ip]);
                            if (next == Op::BinarySubscr as u8 || next == Op::StoreSubscr as u8)
                                && takes_stack_slice(top!())
                            {
                                ip += 1;
                                let obj = top!();
                                if next == Op::BinarySubscr as u8 {
                                    // SAFETY: subscripting a built-in sequence keeps no reference to the key.
                                    let r = tri!(alloc_retry!(unsafe {
                                        crate::gc::with_stack_object(SliceObj { start, stop, step }, |k| {
                                            self.getitem(obj, k)
                                        })
                                    }));
                                    set_top!(r);
                                } else {
                                    let _ = pop!();
                                    let v = pop!();
                                    // SAFETY: as above.
                                    tri!(alloc_retry!(unsafe {
                                        crate::gc::with_stack_object(SliceObj { start, stop, step }, |k| {
                                            self.setitem(obj, k, v)
                                        })
                                    }));
                                }
                                continue;
                            }
                            let s = tri!(self.alloc(SliceObj { start, stop, step }));
                            push!(s.value());
                        }

                        // ---- operators ----
                        Op::UnaryNeg => {
                            let a = top!();
                            let r = if let Some(i) = a.as_small_int() {
                                Value::small_int_or_big(self, -i)
                            } else if let Some(f) = a.as_float() {
                                Ok(Value::float(-f))
                            } else {
                                Ok(general_operator!(
                                    OperatorCall::Unary(UnaryOp::USub),
                                    a,
                                    Value::NULL,
                                    1,
                                    self.unary_op(UnaryOp::USub, a)
                                ))
                            };
                            set_top!(tri!(r));
                        }
                        Op::UnaryPos => {
                            let a = top!();
                            if !(a.is_small_int() || a.is_float()) {
                                let r = general_operator!(
                                    OperatorCall::Unary(UnaryOp::UAdd),
                                    a,
                                    Value::NULL,
                                    1,
                                    self.unary_op(UnaryOp::UAdd, a)
                                );
                                set_top!(r);
                            }
                        }
                        Op::UnaryInvert => {
                            let a = top!();
                            let r = match a.as_small_int() {
                                Some(i) => Value::small_int(!i),
                                None => {
                                    general_operator!(
                                        OperatorCall::Unary(UnaryOp::Invert),
                                        a,
                                        Value::NULL,
                                        1,
                                        self.unary_op(UnaryOp::Invert, a)
                                    )
                                }
                            };
                            set_top!(r);
                        }
                        Op::UnaryNot => {
                            let a = top!();
                            let b = match a {
                                Value::TRUE => false,
                                Value::FALSE | Value::NONE => true,
                                _ => !tri!(self.truthy(a)),
                            };
                            set_top!(Value::bool(b));
                        }
                        Op::BinaryAdd | Op::InplaceAdd => {
                            let b = pop!();
                            let a = top!();
                            let r = if Value::both_small_ints(a, b) {
                                // Two 48-bit values can't overflow an i64.
                                let s = a.as_small_int_unchecked() + b.as_small_int_unchecked();
                                match Value::try_small_int(s) {
                                    Some(v) => v,
                                    None => tri!(self.new_int(s)),
                                }
                            } else if a.is_float() && b.is_float() {
                                Value::float(a.as_float_unchecked() + b.as_float_unchecked())
                            } else if let Some((x, y)) = mixed_floats(a, b) {
                                Value::float(x + y)
                            } else {
                                general_binop!(op == Op::InplaceAdd, BinOp::Add, a, b)
                            };
                            set_top!(r);
                        }
                        Op::BinarySub | Op::InplaceSub => {
                            let b = pop!();
                            let a = top!();
                            let r = if Value::both_small_ints(a, b) {
                                let s = a.as_small_int_unchecked() - b.as_small_int_unchecked();
                                match Value::try_small_int(s) {
                                    Some(v) => v,
                                    None => tri!(self.new_int(s)),
                                }
                            } else if a.is_float() && b.is_float() {
                                Value::float(a.as_float_unchecked() - b.as_float_unchecked())
                            } else if let Some((x, y)) = mixed_floats(a, b) {
                                Value::float(x - y)
                            } else {
                                general_binop!(op == Op::InplaceSub, BinOp::Sub, a, b)
                            };
                            set_top!(r);
                        }
                        Op::BinaryMul | Op::InplaceMul => {
                            let b = pop!();
                            let a = top!();
                            let r = if Value::both_small_ints(a, b) {
                                let (x, y) = (a.as_small_int_unchecked(), b.as_small_int_unchecked());
                                match x.checked_mul(y) {
                                    Some(p) => tri!(self.new_int(p)),
                                    None => tri!(alloc_retry!(self.binary_op(BinOp::Mult, a, b))),
                                }
                            } else if a.is_float() && b.is_float() {
                                Value::float(a.as_float_unchecked() * b.as_float_unchecked())
                            } else if let Some((x, y)) = mixed_floats(a, b) {
                                Value::float(x * y)
                            } else {
                                general_binop!(op == Op::InplaceMul, BinOp::Mult, a, b)
                            };
                            set_top!(r);
                        }
                        Op::BinaryMatMul
                        | Op::BinaryTrueDiv
                        | Op::BinaryFloorDiv
                        | Op::BinaryMod
                        | Op::BinaryPow
                        | Op::BinaryLShift
                        | Op::BinaryRShift
                        | Op::BinaryAnd
                        | Op::BinaryOr
                        | Op::BinaryXor => {
                            let b = pop!();
                            let a = top!();
                            let bop = binop_of(opb, Op::BinaryAdd);
                            let r = match (bop, a.as_small_int(), b.as_small_int()) {
                                (BinOp::BitAnd, Some(x), Some(y)) => Value::small_int(x & y),
                                (BinOp::BitOr, Some(x), Some(y)) => Value::small_int(x | y),
                                (BinOp::BitXor, Some(x), Some(y)) => Value::small_int(x ^ y),
                                (BinOp::FloorDiv, Some(x), Some(y)) if y > 0 => Value::small_int(x.div_euclid(y)),
                                (BinOp::Mod, Some(x), Some(y)) if y > 0 => Value::small_int(x.rem_euclid(y)),
                                (BinOp::Div, _, _) if a.is_float() && b.is_float() && b.as_float_unchecked() != 0.0 => {
                                    Value::float(a.as_float_unchecked() / b.as_float_unchecked())
                                }
                                _ => general_binop!(false, bop, a, b),
                            };
                            set_top!(r);
                        }
                        Op::InplaceMatMul
                        | Op::InplaceTrueDiv
                        | Op::InplaceFloorDiv
                        | Op::InplaceMod
                        | Op::InplacePow
                        | Op::InplaceLShift
                        | Op::InplaceRShift
                        | Op::InplaceAnd
                        | Op::InplaceOr
                        | Op::InplaceXor => {
                            let b = pop!();
                            let a = top!();
                            let bop = binop_of(opb, Op::InplaceAdd);
                            let r = match (bop, a.as_small_int(), b.as_small_int()) {
                                (BinOp::BitAnd, Some(x), Some(y)) => Value::small_int(x & y),
                                (BinOp::BitOr, Some(x), Some(y)) => Value::small_int(x | y),
                                (BinOp::BitXor, Some(x), Some(y)) => Value::small_int(x ^ y),
                                (BinOp::FloorDiv, Some(x), Some(y)) if y > 0 => Value::small_int(x.div_euclid(y)),
                                (BinOp::Mod, Some(x), Some(y)) if y > 0 => Value::small_int(x.rem_euclid(y)),
                                _ => general_binop!(true, bop, a, b),
                            };
                            set_top!(r);
                        }
                        Op::CompareLt
                        | Op::CompareLe
                        | Op::CompareEq
                        | Op::CompareNe
                        | Op::CompareGt
                        | Op::CompareGe => {
                            let b = pop!();
                            let a = top!();
                            let cop = ALL_CMPOPS[(opb - Op::CompareLt as u8) as usize];
                            let r = if Value::both_small_ints(a, b) {
                                let (x, y) = (a.as_small_int_unchecked(), b.as_small_int_unchecked());
                                Value::bool(crate::ops::cmp_op(cop, &x, &y))
                            } else if (a.is_float() || a.is_small_int()) && (b.is_float() || b.is_small_int()) {
                                // Mixed int/float: a 48-bit int converts to f64 exactly.
                                let x = a.as_float().unwrap_or_else(|| a.as_small_int_unchecked() as f64);
                                let y = b.as_float().unwrap_or_else(|| b.as_small_int_unchecked() as f64);
                                Value::bool(crate::ops::cmp_op(cop, &x, &y))
                            } else if a.is_qstr() && b.is_qstr() && matches!(cop, CmpOp::Eq | CmpOp::NotEq) {
                                // Interned strings are equal exactly when they are the same qstr.
                                Value::bool((a == b) == (cop == CmpOp::Eq))
                            } else if let (Some(x), Some(y)) =
                                (crate::obj::str::as_wtf8(&a), crate::obj::str::as_wtf8(&b))
                            {
                                Value::bool(crate::ops::cmp_op(cop, x, y))
                            } else {
                                general_operator!(OperatorCall::Compare(cop), a, b, 2, self.compare(cop, a, b))
                            };
                            set_top!(r);
                        }
                        Op::CompareIs => {
                            let b = pop!();
                            let a = top!();
                            set_top!(Value::bool(a == b));
                        }
                        Op::CompareIsNot => {
                            let b = pop!();
                            let a = top!();
                            set_top!(Value::bool(a != b));
                        }
                        Op::CompareIn => {
                            let b = pop!();
                            let a = top!();
                            set_top!(Value::bool(tri!(self.contains(b, a))));
                        }
                        Op::CompareNotIn => {
                            let b = pop!();
                            let a = top!();
                            set_top!(Value::bool(!tri!(self.contains(b, a))));
                        }

                        // ---- control flow ----
                        Op::Jump => ip = arg,
                        Op::JumpBack => {
                            // Raised from here (before the jump), the interrupt belongs to
                            // the loop body's last line and its handlers.
                            if crate::interrupt::pending() {
                                tri!(self.take_interrupt());
                            }
                            ip = arg;
                            if self.heap.wants_collect() {
                                self.collect_between_instructions(sp_index!());
                            }
                        }
                        Op::PopJumpIfFalse => {
                            let v = pop!();
                            let t = match v {
                                Value::TRUE => true,
                                Value::FALSE | Value::NONE => false,
                                _ => tri!(self.truthy(v)),
                            };
                            if !t {
                                ip = arg;
                            }
                        }
                        Op::PopJumpIfTrue => {
                            let v = pop!();
                            let t = match v {
                                Value::TRUE => true,
                                Value::FALSE | Value::NONE => false,
                                _ => tri!(self.truthy(v)),
                            };
                            if t {
                                ip = arg;
                            }
                        }
                        Op::JumpIfFalseOrPop => {
                            let v = top!();
                            if !tri!(self.truthy(v)) {
                                ip = arg;
                            } else {
                                let _ = pop!();
                            }
                        }
                        Op::JumpIfTrueOrPop => {
                            let v = top!();
                            if tri!(self.truthy(v)) {
                                ip = arg;
                            } else {
                                let _ = pop!();
                            }
                        }
                        Op::GetIter => {
                            let v = top!();
                            let it = tri!(self.loop_iter(v));
                            set_top!(it);
                        }
                        Op::ForIter => {
                            let it = top!();
                            if let Some(io) = it.downcast::<IterObj>() {
                                match &mut io.get_mut().state {
                                    IterState::Range { next, stop, step } => {
                                        let n = *next;
                                        if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                            *next = n.wrapping_add(*step);
                                            push!(tri!(self.new_int(n)));
                                        } else {
                                            let _ = pop!();
                                            ip = arg;
                                            self.loop_iter_done(it);
                                        }
                                        continue;
                                    }
                                    IterState::Seq { seq, index } => {
                                        if let Some(l) = seq.downcast::<ListObj>() {
                                            if *index < l.items.len() {
                                                let v = l.items[*index];
                                                *index += 1;
                                                push!(v);
                                            } else {
                                                io.get_mut().state = IterState::Exhausted;
                                                let _ = pop!();
                                                ip = arg;
                                                self.loop_iter_done(it);
                                            }
                                            continue;
                                        }
                                    }
                                    IterState::Str { s, pos } => {
                                        // ASCII characters are interned: no allocation, no call.
                                        if let Some(c) = crate::obj::str::ascii_char_at(s, *pos) {
                                            *pos += 1;
                                            push!(c);
                                            continue;
                                        }
                                    }
                                    _ => {}
                                }
                            } else if let Some(g) = it.downcast::<GeneratorObj>() {
                                if Self::resumes_inline(&g) {
                                    // The generator runs as a frame of this loop (no Rust
                                    // recursion per item): its yields come back here at
                                    // `ret_slot`, its end jumps to the loop's exit.
                                    let ret_slot = sp_index!();
                                    self.frames[fi].ip = ip;
                                    self.frames[fi].sp = ret_slot;
                                    tri!(self.enter_inline_generator(g, ret_slot));
                                    continue 'frames;
                                }
                            }
                            match tri!(self.iter_next(it)) {
                                Some(v) => push!(v),
                                None => {
                                    let _ = pop!();
                                    ip = arg;
                                    self.loop_iter_done(it);
                                }
                            }
                        }
                        Op::ReturnValue => {
                            let v = pop!();
                            let init_self = self.frames[fi].init_self;
                            let v = if init_self.is_null() {
                                v
                            } else if v.is_none() {
                                init_self
                            } else {
                                break 'dispatch self.type_error("__init__() should return None");
                            };
                            let frame = self.frames.pop().expect("frame");
                            self.stack_top = self.frames.last().map_or(0, |f| f.top);
                            if !frame.generator.is_null() {
                                if !frame.is_entry {
                                    // An inline generator (see `ForIter`) is exhausted: its
                                    // loop drops the iterator and exits.
                                    self.leave_inline_generator(frame.generator);
                                    let it_slot = frame.ret_slot - 1;
                                    self.clear_stack(it_slot, self.stack_top);
                                    let caller = self.frames.last_mut().expect("caller frame");
                                    caller.sp = it_slot;
                                    caller.ip = decode(caller.code.words[caller.ip - 1]).1 as usize;
                                    continue 'frames;
                                }
                                self.finish_generator_frame(frame.generator);
                            }
                            if frame.is_entry {
                                return Ok(Exit::Return(v));
                            }
                            let v = match frame.operator {
                                Some(call) if v == Value::NOT_IMPLEMENTED => {
                                    match self.operator_declined(call, frame.ret_slot) {
                                        Ok(v) => v,
                                        Err(e) => match self.unwind(e, true) {
                                            Ok(()) => continue 'frames,
                                            Err(e) => return Err(e),
                                        },
                                    }
                                }
                                _ => v,
                            };
                            self.stack_set(frame.ret_slot, v);
                            // The caller's slots above the result are dead: clear them so the
                            // collector (which scans whole reservations) doesn't keep their
                            // objects alive.
                            self.clear_stack(frame.ret_slot + 1, self.stack_top);
                            let caller = self.frames.last_mut().expect("caller frame");
                            caller.sp = frame.ret_slot + 1;
                            if self.heap.wants_collect() {
                                self.collect_at_safepoint();
                            }
                            continue 'frames;
                        }

                        // ---- building ----
                        Op::BuildTuple => {
                            // SAFETY: the `arg` items are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(arg), arg) };
                            let t = tri!(alloc_retry!(self.new_tuple_from(items)));
                            sp = unsafe { sp.sub(arg) };
                            push!(t);
                        }
                        Op::BuildList => {
                            // SAFETY: the `arg` items are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(arg), arg) };
                            let l = tri!(alloc_retry!(self.new_list(items.to_vec())));
                            sp = unsafe { sp.sub(arg) };
                            push!(l);
                        }
                        Op::BuildSet => {
                            // SAFETY: the `arg` items are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(arg), arg) };
                            let s = tri!(self.new_set(false));
                            // Adding can run a user `__hash__`/`__eq__`, which can collect:
                            // the new set is referenced from nowhere else yet.
                            self.temp_roots.push(s.value());
                            let mut r = Ok(());
                            for &item in items {
                                r = self.set_add(s, item);
                                if r.is_err() {
                                    break;
                                }
                            }
                            self.temp_roots.pop();
                            tri!(r);
                            sp = unsafe { sp.sub(arg) };
                            push!(s.value());
                        }
                        Op::BuildMap => {
                            // SAFETY: the `2 * arg` items are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(2 * arg), 2 * arg) };
                            let d = tri!(self.alloc(DictObj::with_capacity(arg)));
                            // As for BuildSet: user hashing can collect; root the new dict.
                            self.temp_roots.push(d.value());
                            let mut r = Ok(());
                            for kv in items.chunks_exact(2) {
                                r = self.dict_set(d, kv[0], kv[1]);
                                if r.is_err() {
                                    break;
                                }
                            }
                            self.temp_roots.pop();
                            tri!(r);
                            sp = unsafe { sp.sub(2 * arg) };
                            push!(d.value());
                        }
                        Op::BuildString => {
                            // SAFETY: the `arg` items are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(arg), arg) };
                            let r = tri!(alloc_retry!(match concat_strs(items) {
                                Some(s) => self.new_string(s),
                                None => crate::obj::str_surrogates::concat_all(self, items),
                            }));
                            sp = unsafe { sp.sub(arg) };
                            push!(r);
                        }
                        Op::ListAppend => {
                            let v = pop!();
                            let l = peek!(arg);
                            tri!(alloc_retry!(self.list_append(l, v)));
                        }
                        Op::SetAdd => {
                            let v = pop!();
                            let s = Gc::<SetObj>::from_value_unchecked(peek!(arg));
                            tri!(self.set_add(s, v));
                        }
                        Op::MapAdd => {
                            let v = pop!();
                            let k = pop!();
                            let d = Gc::<DictObj>::from_value_unchecked(peek!(arg));
                            tri!(self.dict_set(d, k, v));
                        }
                        Op::ListExtend => {
                            let it = pop!();
                            let l = peek!(arg);
                            tri!(self.list_extend(l, it));
                        }
                        Op::SetUpdate => {
                            let it = pop!();
                            let s = Gc::<SetObj>::from_value_unchecked(peek!(arg));
                            tri!(self.set_update(s, it));
                        }
                        Op::DictUpdate | Op::DictMerge => {
                            let m = pop!();
                            let d = Gc::<DictObj>::from_value_unchecked(peek!(arg));
                            if !m.is_kind(crate::gc::ObjKind::Dict) && self.type_of(m).lookup(q::keys).is_none() {
                                // `{**x}` and `f(**x)` take mappings only (not dict()'s pairs).
                                let name = self.type_name(m);
                                let e = self.type_error(if op == Op::DictMerge {
                                    format!("argument after ** must be a mapping, not {name}")
                                } else {
                                    format!("'{name}' object is not a mapping")
                                });
                                tri!(Err(e));
                            }
                            tri!(self.dict_update(d, m, op == Op::DictMerge));
                        }
                        Op::ListToTuple => {
                            let l = Gc::<ListObj>::from_value_unchecked(top!());
                            let t = tri!(alloc_retry!(self.new_tuple_from(&l.items)));
                            set_top!(t);
                        }
                        Op::UnpackSequence => {
                            let seq = pop!();
                            let n = arg;
                            if let Some(t) = seq.downcast::<TupleObj>() {
                                if t.items().len() == n {
                                    for &v in t.items().iter().rev() {
                                        push!(v);
                                    }
                                    continue;
                                }
                            }
                            if let Some(l) = seq.downcast::<ListObj>() {
                                if l.items.len() == n {
                                    for &v in l.items.iter().rev() {
                                        push!(v);
                                    }
                                    continue;
                                }
                            }
                            let items = tri!(self.unpack_iterable(seq, n, None));
                            for &v in items.iter().rev() {
                                push!(v);
                            }
                        }
                        Op::UnpackEx => {
                            let seq = pop!();
                            let before = arg & 0xff;
                            let after = arg >> 8;
                            let items = tri!(self.unpack_iterable(seq, before, Some(after)));
                            for &v in items.iter().rev() {
                                push!(v);
                            }
                        }
                        Op::FormatValue => {
                            let spec = if arg & 4 != 0 { pop!() } else { Value::NULL };
                            let v = top!();
                            let r = tri!(alloc_retry!(self.format_value(v, (arg & 3) as u8, spec)));
                            set_top!(r);
                        }
                        Op::BuildInterpolation => {
                            let n = if arg & 4 != 0 { 3 } else { 2 };
                            let fields = crate::obj::interpolation::InterpolationObj {
                                value: peek!(n),
                                expression: peek!(n - 1),
                                conversion: crate::obj::interpolation::conversion_value((arg & 3) as u32),
                                format_spec: if n == 3 { top!() } else { Value::qstr(q::EMPTY) },
                            };
                            let i = tri!(alloc_retry!(self.alloc(fields)));
                            // SAFETY: the `n` fields are on the stack; the result replaces them.
                            sp = unsafe { sp.sub(n - 1) };
                            set_top!(i.value());
                        }
                        Op::BuildTemplate => {
                            // SAFETY: the strings and the `arg` interpolations are on the stack.
                            let items = unsafe { std::slice::from_raw_parts(sp.sub(arg), arg) };
                            let strings = peek!(arg + 1);
                            let t = tri!(alloc_retry!(crate::obj::template::build(self, strings, items)));
                            sp = unsafe { sp.sub(arg) };
                            set_top!(t);
                        }

                        // ---- calls ----
                        Op::CallFunction | Op::CallMethod => {
                            let npos = arg & 0xfff;
                            let nkw = arg >> 12;
                            let (fslot, f, args_at, npos) = if op == Op::CallFunction {
                                let fslot = unsafe { sp.sub(1 + npos + 2 * nkw) };
                                (fslot, unsafe { *fslot }, unsafe { fslot.add(1) }, npos)
                            } else {
                                let fslot = unsafe { sp.sub(2 + npos + 2 * nkw) };
                                let self_ = unsafe { *fslot.add(1) };
                                if self_.is_null() {
                                    (fslot, unsafe { *fslot }, unsafe { fslot.add(2) }, npos)
                                } else {
                                    (fslot, unsafe { *fslot }, unsafe { fslot.add(1) }, npos + 1)
                                }
                            };
                            // SAFETY: pointers into the stack allocation.
                            let fslot_i = unsafe { fslot.offset_from(stack0) } as usize;
                            let args_i = unsafe { args_at.offset_from(stack0) } as usize;
                            if op == Op::CallFunction
                                && nkw == 0
                                && (1..=3).contains(&npos)
                                && f == self.types.range.value()
                            {
                                // `for i in range(...)`: the loop's iterator straight away, without
                                // a range object (MicroPython compiles this loop to a counter).
                                if decode(words[ip]).0 == Op::GetIter as u8 {
                                    let a = self.stack_slice(args_i, npos);
                                    if let Some(it) = tri!(self.loop_range_iter(a)) {
                                        ip += 1;
                                        sp = fslot;
                                        push!(it);
                                        continue;
                                    }
                                }
                            }
                            if op == Op::CallFunction && npos == 2 && nkw == 0 && f == self.types.super_.value() {
                                // `super().name(...)`: find the method without making the
                                // super object or a bound method (MicroPython's LOAD_SUPER_METHOD).
                                let (next, narg) = decode(words[ip]);
                                if next == Op::LoadMethod as u8 {
                                    let (t, obj) = (self.stack_get(args_i), self.stack_get(args_i + 1));
                                    if let Some(m) = self.super_method(t, obj, caches[narg as usize].name) {
                                        ip += 1;
                                        sp = fslot;
                                        push!(m);
                                        push!(obj);
                                        continue;
                                    }
                                }
                            }
                            if let Some(func) = f.downcast::<FunctionObj>() {
                                if func.code.code.flags.0
                                    & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
                                    == 0
                                {
                                    self.frames[fi].ip = ip;
                                    self.frames[fi].sp = fslot_i;
                                    let kw = self.stack_slice(args_i + npos, 2 * nkw);
                                    tri!(self.push_py_frame(func, args_i, npos, kw, fslot_i));
                                    if self.heap.wants_collect() {
                                        let callee_sp = self.frames.last().map_or(0, |f| f.sp);
                                        self.collect_between_instructions(callee_sp);
                                    }
                                    continue 'frames;
                                }
                            }
                            if let Some(cls) = f.downcast::<crate::obj::TypeObj>() {
                                // `cls(...)` with a Python `__init__`: make the instance and run
                                // `__init__` as a frame of this loop, not a nested one.
                                if let Some(init) = self.plain_init_of(cls) {
                                    self.frames[fi].ip = ip;
                                    self.frames[fi].sp = fslot_i;
                                    let inst = tri!(self.instantiate(cls, &[], &[]));
                                    // The instance goes just below the arguments (in the
                                    // callable's slot, or the method call's NULL self slot),
                                    // so `self` and the arguments are the frame's first
                                    // locals as they are; it also lives in the new frame's
                                    // `init_self` (a root).
                                    let self_i = args_i - 1;
                                    self.stack_set(self_i, inst);
                                    let kw = self.stack_slice(args_i + npos, 2 * nkw);
                                    tri!(self.push_py_frame_with(init, self_i, npos + 1, None, kw, fslot_i));
                                    self.frames.last_mut().expect("frame").init_self = inst;
                                    if self.heap.wants_collect() {
                                        let callee_sp = self.frames.last().map_or(0, |f| f.sp);
                                        self.collect_between_instructions(callee_sp);
                                    }
                                    continue 'frames;
                                }
                            }
                            let pos = self.stack_slice(args_i, npos);
                            let kw = self.stack_slice(args_i + npos, 2 * nkw);
                            self.frames[fi].ip = ip;
                            // (Reset when the call returns, or by `unwind` when it raises.)
                            self.call_sp = sp as usize;
                            let r = match f.downcast::<BuiltinFunctionObj>() {
                                // A plain built-in (`len`, `d.get` loaded as a method): straight in.
                                Some(b) if b.bound_self.is_null() => {
                                    tri!(alloc_retry!(crate::obj::str_surrogates::call_native(self, b.f, pos, kw)))
                                }
                                _ => tri!(alloc_retry!(self.call_value(f, pos, kw))),
                            };
                            self.call_sp = 0;
                            sp = fslot;
                            push!(r);
                        }
                        Op::CallFunctionEx => {
                            let kwargs = if arg & 1 != 0 { pop!() } else { Value::NULL };
                            let args = pop!();
                            let f = top!();
                            self.frames[fi].ip = ip;
                            let r = tri!(alloc_retry!(self.call_ex(f, args, kwargs)));
                            set_top!(r);
                        }
                        Op::MakeFunction => {
                            let code_v = pop!();
                            let closure = if arg & 8 != 0 { pop!() } else { Value::NULL };
                            let annotations = if arg & 4 != 0 { pop!() } else { Value::NULL };
                            let kwdefaults = if arg & 2 != 0 { pop!() } else { Value::NULL };
                            let defaults = if arg & 1 != 0 { pop!() } else { Value::NULL };
                            let f = tri!(self.make_function(code_v, globals, defaults, kwdefaults, closure));
                            if !annotations.is_null() {
                                tri!(self.set_attr(f, q::__annotations__, annotations));
                            }
                            push!(f);
                        }
                        Op::LoadBuildClass => match self.builtins.get_qstr(q::__build_class__) {
                            Some(v) => push!(v),
                            None => break 'dispatch self.name_error(q::__build_class__),
                        },

                        // ---- exceptions ----
                        Op::RaiseVarargs => {
                            let e = match arg {
                                0 => {
                                    let cur = self.handled_exc;
                                    if cur.is_none() || cur.is_null() {
                                        self.new_exception(ExcKind::RuntimeError, "no active exception to reraise")
                                    } else {
                                        reraise = true;
                                        break 'dispatch PyErr(cur);
                                    }
                                }
                                1 => {
                                    let exc = pop!();
                                    tri!(self.make_raisable(exc))
                                }
                                _ => {
                                    let cause = pop!();
                                    let exc = pop!();
                                    let e = tri!(self.make_raisable(exc));
                                    tri!(self.set_cause(e, cause));
                                    e
                                }
                            };
                            break 'dispatch e;
                        }
                        Op::Reraise => {
                            // Re-raising keeps the traceback as it is.
                            let exc = pop!();
                            reraise = true;
                            break 'dispatch PyErr(exc);
                        }
                        Op::PushExcInfo => {
                            let exc = top!();
                            let prev = self.handled_exc;
                            set_top!(prev);
                            push!(exc);
                            self.handled_exc = exc;
                        }
                        Op::PopExcept => {
                            let prev = pop!();
                            self.handled_exc = if prev.is_null() { Value::NONE } else { prev };
                        }
                        Op::CheckExcMatch => {
                            let t = pop!();
                            let exc = top!();
                            let m = tri!(self.exception_matches(exc, t));
                            push!(Value::bool(m));
                        }
                        Op::LoadAssertionError => push!(self.types.exc(ExcKind::AssertionError).value()),
                        Op::BeforeWith => {
                            let mgr = top!();
                            let (exit, entered) = tri!(self.before_with(mgr));
                            set_top!(exit);
                            push!(entered);
                        }
                        Op::WithExceptStart => {
                            let exc = peek!(1);
                            let exit = peek!(3);
                            let exc_type = self.type_of(exc).value();
                            let r = tri!(self.call_value(exit, &[exc_type, exc, Value::NONE], &[]));
                            push!(r);
                        }

                        // ---- generators ----
                        Op::YieldValue => {
                            let v = pop!();
                            self.frames[fi].ip = ip;
                            self.frames[fi].sp = sp_index!();
                            if !self.frames[fi].is_entry {
                                self.yield_inline(v, ip);
                                continue 'frames;
                            }
                            return Ok(self.suspend_generator_frame(v));
                        }
                        Op::GetYieldFromIter => {
                            let v = top!();
                            if !v.is_kind(crate::gc::ObjKind::Generator) {
                                let it = tri!(self.get_iter(v));
                                set_top!(it);
                            }
                        }
                        Op::GetAwaitable => {
                            let v = top!();
                            let it = tri!(self.get_awaitable(v));
                            set_top!(it);
                        }
                        Op::YieldFrom => {
                            let sent = pop!();
                            let it = top!();
                            self.frames[fi].ip = ip;
                            match tri!(self.yield_from_step(it, sent)) {
                                YieldFromStep::Yielded(y) => {
                                    // Come back to this instruction when resumed.
                                    self.frames[fi].ip = ip - 1;
                                    self.frames[fi].sp = sp_index!();
                                    if !self.frames[fi].is_entry {
                                        self.yield_inline(y, ip - 1);
                                        continue 'frames;
                                    }
                                    return Ok(self.suspend_generator_frame_at(y, ip - 1));
                                }
                                YieldFromStep::Done(r) => set_top!(r),
                            }
                        }
                        Op::GetAiter => {
                            let v = top!();
                            let r = tri!(self.call_method(v, q::__aiter__, &[]));
                            set_top!(r);
                        }
                        Op::GetAnext => {
                            let v = top!();
                            let r = tri!(self.call_method(v, q::__anext__, &[]));
                            let r = tri!(self.get_awaitable(r));
                            push!(r);
                        }
                        Op::EndAsyncFor => {
                            let exc = pop!();
                            if self.exc_matches(PyErr(exc), ExcKind::StopAsyncIteration) {
                                let _ = pop!();
                            } else {
                                reraise = true;
                                break 'dispatch PyErr(exc);
                            }
                        }
                        Op::BeforeAsyncWith => {
                            let mgr = top!();
                            let exit = tri!(self.get_attr(mgr, q::__aexit__));
                            let enter = tri!(self.call_method(mgr, q::__aenter__, &[]));
                            let aw = tri!(self.get_awaitable(enter));
                            set_top!(exit);
                            push!(aw);
                        }

                        // ---- modules ----
                        Op::ImportName => {
                            let fromlist = pop!();
                            let level = pop!();
                            self.frames[fi].ip = ip;
                            let hook = self.builtins.get_qstr(q::__import__).unwrap_or(Value::NULL);
                            let m = if hook != self.builtin_import && !hook.is_null() {
                                // A program replaced `builtins.__import__`: import statements go through it.
                                let name = Value::qstr(names[arg]);
                                let args = [name, globals.value(), Value::NONE, fromlist, level];
                                tri!(self.call_value(hook, &args, &[]))
                            } else {
                                tri!(self.import_name(names[arg], fromlist, level, globals))
                            };
                            push!(m);
                        }
                        Op::ImportFrom => {
                            let m = top!();
                            let v = tri!(self.import_from(m, names[arg]));
                            push!(v);
                        }
                        Op::ImportStar => {
                            let m = pop!();
                            let target = locals_dict.downcast::<DictObj>().unwrap_or(globals);
                            tri!(self.import_star(m, target));
                        }

                        // ---- misc ----
                        Op::PrintExpr => {
                            let v = pop!();
                            if !v.is_none() {
                                let s = tri!(self.repr(v));
                                self.write_stdout(s.as_bytes());
                                self.write_stdout(b"\n");
                            }
                        }
                        Op::SetupAnnotations => {
                            let ns = locals_dict.downcast::<DictObj>().unwrap_or(globals);
                            if ns.get_qstr(q::__annotations__).is_none() {
                                let d = tri!(alloc_retry!(self.new_dict()));
                                tri!(alloc_retry!(self.dict_set_qstr(ns, q::__annotations__, d.value())));
                            }
                        }
                    }
                }
            };

            if err == PyErr::FRAME_PUSHED {
                // Not an exception: run the frame the instruction pushed.
                self.frames[fi].ip = ip;
                continue 'frames;
            }
            // An exception was raised by the instruction before `ip` in frame `fi`.
            self.frames[fi].ip = ip;
            self.frames[fi].sp = sp_index!();
            match self.unwind(err, !reraise) {
                Ok(()) => continue 'frames,
                Err(e) => return Err(e),
            }
        }
    }

    /// Route an exception raised in the innermost frame: to a handler in it or a
    /// caller (then `Ok`, and the loop resumes there), or out of the entry frame.
    /// With `add_traceback`, each frame passed through gets a traceback line.
    fn unwind(&mut self, mut err: PyErr, add_traceback: bool) -> Result<(), PyErr> {
        // A call that raised has returned: its caller's live stack end is no longer
        // known (see `Vm::call_sp`).
        self.call_sp = 0;
        let mut first = true;
        loop {
            let fi = self.frames.len() - 1;
            let (code_obj, ip, base) = {
                let f = &self.frames[fi];
                (f.code, f.ip, f.base)
            };
            let code = &code_obj.code;
            let pc = ip.saturating_sub(1) as u32;
            if add_traceback || !first {
                self.add_traceback(err, code, pc);
            }
            first = false;
            if let Some(h) = code.exc_table.iter().find(|h| h.start <= pc && pc < h.end) {
                let sb = base + code.varnames.len() + code.ncells() + h.depth as usize;
                self.stack_set(sb, err.0);
                let top = self.frames[fi].top;
                self.clear_stack(sb + 1, top);
                let f = &mut self.frames[fi];
                f.sp = sb + 1;
                f.ip = h.target as usize;
                return Ok(());
            }
            let frame = self.frames.pop().expect("frame");
            self.stack_top = self.frames.last().map_or(0, |f| f.top);
            if !frame.generator.is_null() {
                if !frame.is_entry {
                    // Out of an inline generator (see `ForIter`) into its loop.
                    self.leave_inline_generator(frame.generator);
                    err = self.stop_iteration_escaped(err);
                    continue;
                }
                self.finish_generator_frame(frame.generator);
            }
            if frame.is_entry {
                return Err(err);
            }
        }
    }

    fn add_traceback(&mut self, err: PyErr, code: &krait_compiler::Code, pc: u32) {
        if let Some(e) = err.0.downcast::<ExceptionObj>() {
            let entry = TbEntry { file: code.filename, line: code.line_for_pc(pc), func: code.name };
            let tb = &mut e.get_mut().traceback;
            if tb.len() < 1000 {
                tb.push(entry);
            }
        }
    }

    fn unbound_local(&mut self, name: Qstr) -> PyErr {
        self.new_exception(ExcKind::UnboundLocalError, format!("local variable '{name}' referenced before assignment"))
    }

    fn unbound_cell(&mut self, code: &krait_compiler::Code, i: usize) -> PyErr {
        let name = if i < code.cellvars.len() { code.cellvars[i] } else { code.freevars[i - code.cellvars.len()] };
        self.new_exception(
            ExcKind::NameError,
            format!("free variable '{name}' referenced before assignment in enclosing scope"),
        )
    }

    pub fn name_error(&mut self, name: Qstr) -> PyErr {
        self.new_exception(ExcKind::NameError, format!("name '{name}' isn't defined"))
    }

    /// `super(t, obj).name` for `LoadMethod` when it is a plain function found on
    /// the MRO of `obj`'s class after `t` (else `None`: the general path).
    fn super_method(&self, t: Value, obj: Value, name: Qstr) -> Option<Value> {
        let t = t.downcast::<TypeObj>()?;
        if obj.is_kind(crate::gc::ObjKind::Type) || !self.isinstance(obj, t) {
            return None;
        }
        let attr = self.type_of(obj).lookup_after(t, name)?;
        attr.is_kind(crate::gc::ObjKind::Function).then_some(attr)
    }

    // ---- inline caches ----

    /// `LoadGlobal` through its cache; `None` when the name is defined nowhere.
    #[inline(always)]
    fn load_global_cached(&mut self, c: &InlineCache, globals: Gc<DictObj>) -> Option<Value> {
        let gkey = globals.value().bits();
        match c.kind.get() {
            CacheKind::Global if c.key.get() == gkey && c.version.get() == globals.version => {
                return Some(globals.value_at(c.index.get() as usize));
            }
            CacheKind::Builtin
                if c.key.get() == gkey
                    && c.version.get() == globals.version
                    && c.version2.get() == self.builtins.version =>
            {
                return Some(self.builtins.value_at(c.index.get() as usize));
            }
            _ => {}
        }
        if let Some(i) = globals.find_qstr(c.name) {
            c.kind.set(CacheKind::Global);
            c.key.set(gkey);
            c.version.set(globals.version);
            c.index.set(i as u32);
            return Some(globals.value_at(i));
        }
        let i = self.builtins.find_qstr(c.name)?;
        c.kind.set(CacheKind::Builtin);
        c.key.set(gkey);
        c.version.set(globals.version);
        c.version2.set(self.builtins.version);
        c.index.set(i as u32);
        Some(self.builtins.value_at(i))
    }

    /// After an attribute access on `obj` went the slow way: if `obj` is an
    /// instance whose class has no hooks or data descriptors for the name, note
    /// that its dict alone decides.
    fn learn_instance_attr(&self, c: &InlineCache, obj: Value) {
        let Some(inst) = obj.downcast::<InstanceObj>() else { return };
        let cls = inst.class;
        if !inst.base.is_null() {
            return;
        }
        let plain = |v: Option<Value>| {
            v.is_none_or(|a| !matches!(a.kind(), Some(crate::gc::ObjKind::Property | crate::gc::ObjKind::Instance)))
        };
        let hooks_free = cls.lookup(q::__getattr__).is_none()
            && cls.lookup_python(q::__getattribute__).is_none()
            && cls.lookup_python(q::__setattr__).is_none()
            && cls.lookup_python(q::__delattr__).is_none();
        if hooks_free && plain(cls.lookup(c.name)) {
            c.kind.set(CacheKind::InstanceDict);
            c.key.set(cls.value().bits());
            c.version.set(class_epoch());
        }
    }

    /// `LoadMethod` through its cache, learning on a miss when the target is
    /// cacheable; `None` sends the caller to the general path.
    #[inline(always)]
    fn load_method_cached(&mut self, c: &InlineCache, obj: Value) -> Option<(Value, Value)> {
        let epoch = class_epoch();
        if let Some(inst) = obj.downcast::<InstanceObj>() {
            let cls = inst.class;
            if c.kind.get() == CacheKind::InstanceMethod
                && c.key.get() == cls.value().bits()
                && c.version.get() == epoch
            {
                if inst.dict.find_qstr(c.name).is_none() {
                    return Some((c.value.get(), obj));
                }
                return None;
            }
            let m = cls.lookup(c.name)?;
            if m.is_kind(crate::gc::ObjKind::Function) && inst.base.is_null() && self.custom_getattribute(cls).is_none()
            {
                c.kind.set(CacheKind::InstanceMethod);
                c.key.set(cls.value().bits());
                c.version.set(epoch);
                c.value.set(m);
                if inst.dict.find_qstr(c.name).is_none() {
                    return Some((m, obj));
                }
            }
            return None;
        }
        if matches!(obj.kind(), Some(crate::gc::ObjKind::Type | crate::gc::ObjKind::Module | crate::gc::ObjKind::Super))
        {
            return None;
        }
        let t = self.type_of(obj);
        if c.kind.get() == CacheKind::BuiltinMethod && c.key.get() == t.value().bits() && c.version.get() == epoch {
            return Some((c.value.get(), obj));
        }
        let m = t.lookup(c.name)?;
        let b = m.downcast::<BuiltinFunctionObj>()?;
        if !b.is_method() {
            return None;
        }
        c.kind.set(CacheKind::BuiltinMethod);
        c.key.set(t.value().bits());
        c.version.set(epoch);
        c.value.set(m);
        Some((m, obj))
    }

    // ---- operator frames ----

    /// `a op b` (`op a` with `b` NULL), `a` an instance, for the operators'
    /// general path, the `nargs` operands being at stack index `s` of the
    /// running frame. When `a`'s class defines the operator as a plain Python
    /// function (and `b`'s class isn't a subclass of `a`'s, whose reflected
    /// method would have the first chance), that method's frame is pushed
    /// instead, to run in the loop without re-entering it from Rust: the
    /// operands stay below it until `ReturnValue` replaces them with the result,
    /// and the "error" is `PyErr::FRAME_PUSHED`.
    #[inline(never)]
    fn operator_or_frame(&mut self, call: OperatorCall, a: Value, b: Value, s: usize, nargs: usize) -> PyResult<Value> {
        if let Some((f, call)) = self.operator_method(call, a, b) {
            if nargs == 2 {
                // `b` was popped: put it back below the new frame.
                self.stack_set(s + 1, b);
            }
            self.push_operator_frame(f, s, nargs, call)?;
            let caller = self.frames.len() - 2;
            self.frames[caller].sp = s + nargs;
            return Err(PyErr::FRAME_PUSHED);
        }
        match call {
            OperatorCall::Binary(op) => self.binary_op(op, a, b),
            OperatorCall::Inplace(op) => self.inplace_op(op, a, b),
            OperatorCall::Compare(op) => self.compare(op, a, b),
            OperatorCall::Unary(op) => self.unary_op(op, a),
        }
    }

    /// The method `operator_or_frame` runs as a frame, and what its
    /// NotImplemented means.
    fn operator_method(&self, call: OperatorCall, a: Value, b: Value) -> Option<(Gc<FunctionObj>, OperatorCall)> {
        let inst = a.downcast::<InstanceObj>()?;
        if !inst.base.is_null() {
            return None;
        }
        let ta = inst.class;
        if !b.is_null() {
            let tb = self.type_of(b);
            if tb != ta && tb.is_subtype(ta) {
                return None;
            }
        }
        let plain = |m: Value| {
            m.downcast::<FunctionObj>().filter(|f| {
                f.code.code.flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) == 0
            })
        };
        match call {
            OperatorCall::Binary(op) => plain(ta.lookup(crate::ops::binop_dunder(op).0)?).map(|f| (f, call)),
            OperatorCall::Inplace(op) => {
                let (name, _, iname) = crate::ops::binop_dunder(op);
                match ta.lookup(iname) {
                    Some(m) => plain(m).map(|f| (f, call)),
                    // No `__iop__`: `a op= b` is `a = a op b`.
                    None => plain(ta.lookup(name)?).map(|f| (f, OperatorCall::Binary(op))),
                }
            }
            // `!=` keeps to the general path (which also tries `__eq__`).
            OperatorCall::Compare(CmpOp::NotEq) => None,
            OperatorCall::Compare(op) => plain(ta.lookup(crate::ops::cmp_dunder(op).0)?).map(|f| (f, call)),
            OperatorCall::Unary(op) => {
                let name = match op {
                    UnaryOp::USub => q::__neg__,
                    UnaryOp::UAdd => q::__pos__,
                    _ => q::__invert__,
                };
                plain(ta.lookup(name)?).map(|f| (f, call))
            }
        }
    }

    /// Push the frame of `func(*operands)`, the `nargs` operands being at stack
    /// index `s` of the running frame, which keeps them there until the result
    /// replaces them (see `ReturnValue`).
    fn push_operator_frame(
        &mut self,
        func: Gc<FunctionObj>,
        s: usize,
        nargs: usize,
        call: OperatorCall,
    ) -> PyResult<()> {
        let at = s + nargs;
        self.check_stack_room(at, nargs)?;
        for i in 0..nargs {
            let v = self.stack_get(s + i);
            self.stack_set(at + i, v);
        }
        self.push_py_frame_with(func, at, nargs, None, &[], s)?;
        self.frames.last_mut().expect("frame").operator = Some(call);
        Ok(())
    }

    /// An operator method run as a frame returned NotImplemented: carry on
    /// with the operation where the general path would (the operands are
    /// still at stack index `s` of the frame that is running again).
    #[inline(never)]
    fn operator_declined(&mut self, call: OperatorCall, s: usize) -> PyResult<Value> {
        let (a, b) = (self.stack_get(s), self.stack_get(s + 1));
        match call {
            OperatorCall::Binary(op) => self.binary_op_after_forward(op, a, b, false),
            OperatorCall::Inplace(op) => self.binary_op(op, a, b),
            OperatorCall::Compare(op) => self.compare_after_forward(op, a, b),
            OperatorCall::Unary(_) => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    // ---- generator frames ----

    /// Save the running generator frame (top of `self.frames`) and pop it.
    fn suspend_generator_frame(&mut self, v: Value) -> Exit {
        let ip = self.frames.last().expect("frame").ip;
        self.suspend_generator_frame_at(v, ip)
    }

    /// Suspend the running generator frame at `ip`, yielding `v`. A frame being
    /// collected (`Vm::generator_collect`) stays where it is instead: the
    /// collector takes `v` and runs the loop on it again.
    #[inline(never)]
    fn suspend_generator_frame_at(&mut self, v: Value, ip: usize) -> Exit {
        let gen = Gc::<GeneratorObj>::from_value_unchecked(self.frames.last().expect("frame").generator);
        if gen.collecting {
            self.frames.last_mut().expect("frame").ip = ip;
            return Exit::Yield(v);
        }
        let frame = self.frames.pop().expect("frame");
        self.stack_top = self.frames.last().map_or(0, |f| f.top);
        let gen = Gc::<GeneratorObj>::from_value_unchecked(frame.generator);
        let n = frame.sp - frame.base;
        let slots = self.stack_slice(frame.base, n);
        let g = gen.get_mut();
        g.slots.clear();
        g.slots.extend_from_slice(slots);
        let fixed = g.code.code.varnames.len() + g.code.code.ncells();
        g.stack_depth = (n - fixed) as u32;
        g.ip = ip as u32;
        g.state = GenState::Suspended;
        g.handled_exc = self.handled_exc;
        Exit::Yield(v)
    }

    fn finish_generator_frame(&mut self, gen: Value) {
        let gen = Gc::<GeneratorObj>::from_value_unchecked(gen);
        let g = gen.get_mut();
        g.state = GenState::Finished;
        g.slots = Vec::new();
    }

    /// Run the generator frame `generator_collect` left on top of the stack at
    /// a `yield` again, as if resumed with None.
    pub(crate) fn continue_collected_frame(&mut self) -> PyResult<Exit> {
        let frame = self.frames.last_mut().expect("frame");
        let sp = frame.sp;
        frame.sp += 1;
        self.stack_set(sp, Value::NONE);
        self.run_frames(None)
    }

    /// Suspend for good the generator frame `generator_collect` left on top of
    /// the stack at a `yield`.
    pub(crate) fn suspend_collected_frame(&mut self, gen: Gc<GeneratorObj>) {
        gen.get_mut().collecting = false;
        let ip = self.frames.last().expect("frame").ip;
        self.suspend_generator_frame_at(Value::NONE, ip);
    }

    /// Push a suspended (or new) generator's frame onto the stack and run it.
    pub(crate) fn resume_generator_frame(
        &mut self,
        gen: Gc<GeneratorObj>,
        sent: Option<Value>,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        self.push_generator_frame(gen, sent, true, 0)?;
        self.run_frames(throw)
    }

    /// Copy `gen`'s saved slots onto the stack above everything and push its
    /// frame (with `sent` as the value of the `yield` it stopped at). An entry
    /// frame is run by a new invocation of the loop; otherwise the running loop
    /// carries on in it, and its yields and its end go to the `ForIter` whose
    /// value slot is `ret_slot` (see `ForIter`).
    fn push_generator_frame(
        &mut self,
        gen: Gc<GeneratorObj>,
        sent: Option<Value>,
        is_entry: bool,
        ret_slot: usize,
    ) -> PyResult<()> {
        let base = self.stack_top;
        let (code, globals, func, nslots, ip) = {
            let g = &*gen;
            (g.code, g.globals, g.func, g.slots.len(), g.ip as usize)
        };
        let size = code.code.varnames.len() + code.code.ncells() + code.code.max_stack as usize;
        self.check_stack_room(base, size + 1)?;
        for (i, &v) in gen.slots.iter().enumerate() {
            self.stack_set(base + i, v);
        }
        let mut sp = base + nslots;
        if let Some(v) = sent {
            self.stack_set(sp, v);
            sp += 1;
        }
        self.clear_stack(sp, base + size);
        let top = (base + size).max(self.stack_top);
        gen.get_mut().state = GenState::Running;
        self.frames.push(Frame {
            code,
            func,
            globals,
            locals: Value::NULL,
            base,
            sp,
            ip,
            top,
            generator: gen.value(),
            ret_slot,
            is_entry,
            init_self: Value::NULL,
            operator: None,
        });
        self.stack_top = top;
        Ok(())
    }

    /// Whether `ForIter` can run `g`'s next step as a frame of the running loop
    /// instead of resuming it from Rust: a plain generator, started or not, that
    /// isn't delegating to a suspended generator (those resume straight into the
    /// innermost one, see `resume_through_delegates`) and has no exception pending.
    #[inline]
    pub(crate) fn resumes_inline(g: &GeneratorObj) -> bool {
        match g.state {
            GenState::Created => true,
            GenState::Suspended => crate::ops::suspended_delegate(g).is_none(),
            _ => false,
        }
    }

    /// `ForIter` on the generator `g`: push its frame to run in this loop. While
    /// it runs, `g.handled_exc` keeps the exception the loop's frame is handling
    /// (the generator's own context is `self.handled_exc`, as in
    /// `in_generator_context`), for `leave_inline_generator` to restore.
    fn enter_inline_generator(&mut self, g: Gc<GeneratorObj>, ret_slot: usize) -> PyResult<()> {
        let first = g.state == GenState::Created;
        self.push_generator_frame(g, (!first).then_some(Value::NONE), false, ret_slot)?;
        let caller_exc = self.handled_exc;
        if !first {
            self.handled_exc = g.handled_exc;
        }
        g.get_mut().handled_exc = caller_exc;
        Ok(())
    }

    /// The inline generator frame on top of the stack yields `v` (at `ip`):
    /// suspend it, and hand `v` to the `ForIter` that resumed it.
    fn yield_inline(&mut self, v: Value, ip: usize) {
        let frame = self.frames.last().expect("frame");
        let (gen, ret_slot) = (Gc::<GeneratorObj>::from_value_unchecked(frame.generator), frame.ret_slot);
        let caller_exc = gen.handled_exc;
        self.suspend_generator_frame_at(v, ip);
        self.handled_exc = caller_exc;
        self.stack_set(ret_slot, v);
        self.frames.last_mut().expect("caller frame").sp = ret_slot + 1;
    }

    /// An inline generator frame (just popped) ended, by returning or raising:
    /// the generator is finished, and the exception its loop's frame was
    /// handling is current again.
    fn leave_inline_generator(&mut self, gen: Value) {
        let g = Gc::<GeneratorObj>::from_value_unchecked(gen);
        self.handled_exc = g.handled_exc;
        g.get_mut().handled_exc = Value::NONE;
        self.finish_generator_frame(gen);
    }
}

/// The text of the `str` values `items`, concatenated (`BuildString`), or
/// `None` when one holds lone surrogates.
fn concat_strs(items: &[Value]) -> Option<String> {
    let mut s = String::new();
    for v in items {
        s.push_str(crate::obj::str::as_str(v)?);
    }
    Some(s)
}

/// Built-in sequences whose subscript takes a slice without keeping it (see `BuildSlice`).
#[inline]
fn takes_stack_slice(obj: Value) -> bool {
    use crate::gc::ObjKind;
    match obj.kind() {
        Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray) => true,
        Some(ObjKind::Other) => {
            obj.downcast::<crate::obj::memoryview::MemoryViewObj>().is_some()
                || obj.downcast::<crate::obj::array::ArrayObj>().is_some()
        }
        _ => obj.is_qstr(),
    }
}

/// One step of `yield from` delegation.
pub(crate) enum YieldFromStep {
    Yielded(Value),
    Done(Value),
}

impl Value {
    /// An int from an i64 that may not fit the small range (negation of the smallest small int).
    #[inline]
    pub(crate) fn small_int_or_big(vm: &mut Vm, i: i64) -> PyResult<Value> {
        vm.new_int(i)
    }
}

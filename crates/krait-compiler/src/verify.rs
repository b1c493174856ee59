//! A bytecode checker: abstractly interprets a [`Code`] with each op's documented
//! stack effect along every path (jumps, fall-through and exception-table
//! targets) and reports the first inconsistency: an operand out of range, a
//! stack underflow, two paths meeting with different depths, a handler whose
//! depth is above the stack it protects, a `ReturnValue` with more than the
//! return value on the stack, or a `max_stack` that is wrong.
//!
//! The compiler's tests run it over everything they compile; it is also cheap
//! enough to run on untrusted code objects before executing them.

use crate::bytecode::{decode, Code, Const, Op};
use crate::stack;

/// Check `code` and every code object nested in its constants.
pub fn verify(code: &Code) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{} ({}:{}): {e}", code.qualname, code.filename, code.first_line))?;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

/// Check one code object (not its nested ones).
pub fn verify_one(code: &Code) -> Result<(), String> {
    let n = code.code.len();
    if n == 0 {
        return Err("empty code".into());
    }
    let nlocals = code.nlocals() as u32;
    let ncells = code.ncells() as u32;
    let mut ops = Vec::with_capacity(n);
    for (pc, &word) in code.code.iter().enumerate() {
        let (b, arg) = decode(word);
        let op = Op::from_u8(b).ok_or_else(|| format!("pc {pc}: bad opcode {b}"))?;
        let bad = |what: &str| Err(format!("pc {pc}: {op:?} {arg}: {what} out of range"));
        match op {
            Op::LoadConst if arg as usize >= code.consts.len() => return bad("constant"),
            Op::LoadFast | Op::StoreFast | Op::DeleteFast if arg >= nlocals => return bad("local"),
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure if arg >= ncells => return bad("cell"),
            Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::LoadName
            | Op::StoreName
            | Op::DeleteName
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::DeleteAttr
            | Op::LoadMethod
            | Op::ImportName
            | Op::ImportFrom
                if arg as usize >= code.names.len() =>
            {
                return bad("name")
            }
            Op::BuildSlice if arg != 2 && arg != 3 => return bad("slice arity"),
            Op::RaiseVarargs if arg > 2 => return bad("raise form"),
            Op::FormatValue | Op::BuildInterpolation if arg > 7 => return bad("format flags"),
            Op::CallFunctionEx if arg > 1 => return bad("call flags"),
            Op::MakeFunction => {
                if arg & !0b1111 != 0 {
                    return bad("function flags");
                }
                let prev = pc.checked_sub(1).map(|p| decode(code.code[p]));
                let Some((pb, parg)) = prev else { return bad("function code") };
                if pb != Op::LoadConst as u8 {
                    return Err(format!("pc {pc}: MakeFunction not preceded by LoadConst"));
                }
                match code.consts.get(parg as usize) {
                    Some(Const::Code(c)) => {
                        if (arg & 8 != 0) == c.freevars.is_empty() {
                            return Err(format!("pc {pc}: closure flag disagrees with the code's free variables"));
                        }
                    }
                    _ => return Err(format!("pc {pc}: MakeFunction of a non-code constant")),
                }
            }
            _ => {}
        }
        if stack::is_jump(op) {
            if arg as usize >= n {
                return bad("jump target");
            }
            if op == Op::JumpBack && arg as usize > pc {
                return Err(format!("pc {pc}: JumpBack goes forward to {arg}"));
            }
            if op != Op::JumpBack && arg as usize <= pc {
                return Err(format!("pc {pc}: {op:?} goes backward to {arg}"));
            }
        }
        ops.push((op, arg));
    }
    for e in &code.exc_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("bad exception-table entry {e:?}"));
        }
    }
    if code.line_table.windows(2).any(|w| w[0].0 >= w[1].0) {
        return Err("line table not sorted by pc".into());
    }
    if code.cell2arg.len() != code.cellvars.len() {
        return Err("cell2arg and cellvars differ in length".into());
    }

    let mut depth_at: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    let mut max = 0u32;
    let flow = |depth_at: &mut Vec<Option<u32>>, work: &mut Vec<(usize, u32)>, from: usize, to: usize, d: u32| {
        if to >= n {
            return Err(format!("pc {from}: execution runs off the end of the code"));
        }
        match depth_at[to] {
            Some(old) if old != d => Err(format!("pc {to}: reached with stack depth {old} and {d} (from pc {from})")),
            Some(_) => Ok(()),
            None => {
                depth_at[to] = Some(d);
                work.push((to, d));
                Ok(())
            }
        }
    };
    depth_at[0] = Some(0);
    while let Some((pc, d)) = work.pop() {
        let (op, arg) = ops[pc];
        max = max.max(d);
        let (pops, pushes) = stack::effect(op, arg, false);
        if d < pops {
            return Err(format!("pc {pc}: {op:?} pops {pops} with only {d} on the stack"));
        }
        if op == Op::ReturnValue && d != 1 {
            return Err(format!("pc {pc}: ReturnValue with {d} values on the stack"));
        }
        if let Some(e) = code.exc_table.iter().find(|e| e.start as usize <= pc && pc < e.end as usize) {
            if d < e.depth {
                return Err(format!("pc {pc}: stack depth {d} below its handler's depth {}", e.depth));
            }
            max = max.max(e.depth + 1);
            flow(&mut depth_at, &mut work, pc, e.target as usize, e.depth + 1)?;
        }
        let after = d - pops + pushes;
        max = max.max(after);
        if stack::is_jump(op) {
            let (jp, jq) = stack::effect(op, arg, true);
            flow(&mut depth_at, &mut work, pc, arg as usize, d - jp + jq)?;
        }
        if !stack::is_terminal(op) {
            flow(&mut depth_at, &mut work, pc, pc + 1, after)?;
        }
    }
    if max != code.max_stack {
        return Err(format!("max_stack is {} but the code reaches {max}", code.max_stack));
    }
    Ok(())
}

//! `list.sort` and `sorted`: a stable merge sort whose comparisons may call
//! Python code (`__lt__`, `key=`), so it must tolerate errors mid-sort.

use krait_syntax::ast::CmpOp;

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::Gc;
use crate::obj::ListObj;
use crate::value::Value;
use crate::vm::Vm;

/// Sort the list `l` in place, honouring `key=` and `reverse=` in `kw`.
pub fn list_sort(vm: &mut Vm, l: Value, kw: &[Value]) -> PyResult<()> {
    for p in kw.chunks_exact(2) {
        match crate::obj::str::as_str(&p[0]) {
            Some("key") | Some("reverse") => {}
            _ => return Err(vm.type_error("sort() got an unexpected keyword argument")),
        }
    }
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let list = Gc::<ListObj>::from_value_unchecked(vm.builtin_receiver(l));
    // Sort a detached copy, so code run by comparisons sees an empty list (as CPython does).
    let items = std::mem::take(&mut list.get_mut().items);
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            let holder = vm.new_list(items.clone())?;
            vm.temp_roots.push(holder);
            for &x in &items {
                match vm.call_value(k, &[x], &[]) {
                    Ok(kv) => {
                        vm.temp_roots.push(kv);
                        ks.push(kv);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(vm.temp_roots.len() - ks.len() - 1);
                        list.get_mut().items = items;
                        return Err(e);
                    }
                }
            }
            Some((ks, holder))
        }
        None => None,
    };
    let mark = vm.temp_roots.len();
    let holder = vm.new_list(items.clone());
    let holder = match holder {
        Ok(h) => h,
        Err(e) => {
            list.get_mut().items = items;
            return Err(e);
        }
    };
    vm.temp_roots.push(holder);
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let sort_keys: &[Value] = match &keys {
        Some((ks, _)) => ks,
        None => &items,
    };
    let r = merge_sort(vm, &mut idx, sort_keys, reverse);
    vm.temp_roots.truncate(mark);
    if keys.is_some() {
        vm.temp_roots.truncate(mark - sort_keys.len() - 1);
    }
    match r {
        Ok(()) => {
            let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
            list.get_mut().items = sorted;
            Ok(())
        }
        Err(e) => {
            list.get_mut().items = items;
            Err(e)
        }
    }
}

/// `a < b` for sorting (reversed comparisons keep stability by swapping operands).
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if Value::both_small_ints(a, b) {
        return Ok(a.as_small_int_unchecked() < b.as_small_int_unchecked());
    }
    if a.is_float() && b.is_float() {
        return Ok(a.as_float_unchecked() < b.as_float_unchecked());
    }
    if let (Some(x), Some(y)) = (crate::obj::str::as_str(&a), crate::obj::str::as_str(&b)) {
        return Ok(x < y);
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    vm.truthy(r)
}

fn merge_sort(vm: &mut Vm, idx: &mut [usize], keys: &[Value], reverse: bool) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort small runs, then merge bottom-up.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                let (x, y) = (keys[idx[j]], keys[idx[j - 1]]);
                let lt = if reverse { less(vm, y, x)? } else { less(vm, x, y)? };
                if !lt {
                    break;
                }
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    let (x, y) = (keys[idx[j]], keys[idx[i]]);
                    // Take from the right run only when strictly less: stability.
                    let take_right = if reverse { less(vm, y, x)? } else { less(vm, x, y)? };
                    if take_right {
                        buf[k] = idx[j];
                        j += 1;
                    } else {
                        buf[k] = idx[i];
                        i += 1;
                    }
                    k += 1;
                }
                buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
                k += mid - i;
                buf[k..k + (hi - j)].copy_from_slice(&idx[j..hi]);
                idx[lo..hi].copy_from_slice(&buf[lo..hi]);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

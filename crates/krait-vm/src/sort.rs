//! `list.sort` and `sorted`: a stable merge sort whose comparisons may call
//! Python code (`__lt__`, `key=`), so it must tolerate errors mid-sort.

use krait_syntax::ast::CmpOp;

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::Gc;
use crate::obj::{ListObj, TupleObj};
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
            // (Unroot the keys too.)
            if let Some((ks, _)) = &keys {
                vm.temp_roots.truncate(mark - ks.len() - 1);
            }
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
    let r = if sort_homogeneous(&mut idx, sort_keys, reverse) {
        Ok(())
    } else {
        merge_sort(vm, &mut idx, sort_keys, reverse)
    };
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

/// Sort `idx` by `keys` without the general machinery when every key is a small
/// int, or every key a str: their orders are total and need no Python code, so
/// the standard library's stable sort (which also exploits presorted runs, as
/// CPython's does) can do it. Returns false, leaving `idx` alone, otherwise.
fn sort_homogeneous(idx: &mut [usize], keys: &[Value], reverse: bool) -> bool {
    // (Strs compare as their bytes, lone surrogates included: see `as_wtf8`.)
    use crate::obj::str::as_wtf8;
    if keys.iter().all(|k| k.is_small_int()) {
        sort_by_extracted(idx, |i| keys[i].as_small_int_unchecked(), reverse);
        return true;
    }
    if let Some(()) = sort_tuples(idx, keys, reverse) {
        return true;
    }
    if keys.iter().all(|k| as_wtf8(k).is_some()) {
        // The keys are rooted by the caller for the whole sort.
        sort_by_extracted(idx, |i| as_wtf8(&keys[i]).unwrap_or_default(), reverse);
        return true;
    }
    false
}

/// Stable sort of `idx` by a totally ordered key taken out of each entry once.
fn sort_by_extracted<K: Ord>(idx: &mut [usize], key: impl Fn(usize) -> K, reverse: bool) {
    let mut pairs: Vec<(K, usize)> = idx.iter().map(|&i| (key(i), i)).collect();
    if reverse {
        pairs.sort_by(|a, b| b.0.cmp(&a.0));
    } else {
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
    }
    for (slot, (_, i)) in idx.iter_mut().zip(pairs) {
        *slot = i;
    }
}

/// One item of a tuple key, for `sort_tuples`: a small int, or a str value.
#[derive(Clone, Copy)]
enum Part {
    Int(i64),
    Str(Value),
}

/// Lexicographic order of two tuple keys checked by `sort_tuples` (same kind
/// at each position).
fn cmp_parts(a: &[Part], b: &[Part]) -> std::cmp::Ordering {
    use crate::obj::str::as_wtf8;
    for (x, y) in a.iter().zip(b) {
        let o = match (x, y) {
            (Part::Int(p), Part::Int(q)) => p.cmp(q),
            (Part::Str(p), Part::Str(q)) => as_wtf8(p).cmp(&as_wtf8(q)),
            // Not produced: `sort_tuples` checked the kinds position by position.
            (Part::Int(_), Part::Str(_)) => std::cmp::Ordering::Less,
            (Part::Str(_), Part::Int(_)) => std::cmp::Ordering::Greater,
        };
        if o.is_ne() {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// Sort by tuple keys whose items are small ints or strs, the same kind at each
/// position in every key (so no comparison can raise or run Python code, and
/// the lexicographic order is total): the items are copied out once into one
/// flat vector, and the sort compares those instead of chasing object pointers.
fn sort_tuples(idx: &mut [usize], keys: &[Value], reverse: bool) -> Option<()> {
    use crate::obj::str::as_wtf8;
    let first = keys.first()?.downcast::<TupleObj>()?;
    let mut kinds: Vec<bool> = Vec::with_capacity(first.items().len()); // true: int
    let mut parts: Vec<Part> = Vec::new();
    let mut spans: Vec<(u32, u32)> = Vec::with_capacity(keys.len());
    for k in keys {
        let t = k.downcast::<TupleObj>()?;
        let start = parts.len();
        for (pos, item) in t.items().iter().enumerate() {
            let part = match item.as_small_int() {
                Some(i) => Part::Int(i),
                None if as_wtf8(item).is_some() => Part::Str(*item),
                None => return None,
            };
            let is_int = matches!(part, Part::Int(_));
            match kinds.get(pos) {
                Some(&k) if k != is_int => return None,
                Some(_) => {}
                None => kinds.push(is_int),
            }
            parts.push(part);
        }
        spans.push((u32::try_from(start).ok()?, t.items().len() as u32));
    }
    let key_of = |i: usize| {
        let (start, len) = spans[i];
        &parts[start as usize..(start + len) as usize]
    };
    if reverse {
        idx.sort_by(|&a, &b| cmp_parts(key_of(b), key_of(a)));
    } else {
        idx.sort_by(|&a, &b| cmp_parts(key_of(a), key_of(b)));
    }
    Some(())
}

/// `a < b` for sorting (reversed comparisons keep stability by swapping operands).
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = fast_less(a, b, 2) {
        return Ok(r);
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    vm.truthy(r)
}

/// `a < b` when it needs no Python code: small ints, floats, strs, and tuples
/// of those (compared item by item, `depth` levels deep); else `None`.
fn fast_less(a: Value, b: Value, depth: u32) -> Option<bool> {
    if Value::both_small_ints(a, b) {
        return Some(a.as_small_int_unchecked() < b.as_small_int_unchecked());
    }
    if a.is_float() && b.is_float() {
        return Some(a.as_float_unchecked() < b.as_float_unchecked());
    }
    if let (Some(x), Some(y)) = (crate::obj::str::as_wtf8(&a), crate::obj::str::as_wtf8(&b)) {
        return Some(x < y);
    }
    if depth > 0 {
        if let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) {
            // The first items that differ decide; a tuple that runs out first is less.
            for (&p, &q) in x.items().iter().zip(y.items().iter()) {
                if !crate::obj::dict::fast_key_eq(p, q)? {
                    return fast_less(p, q, depth - 1);
                }
            }
            return Some(x.items().len() < y.items().len());
        }
    }
    None
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

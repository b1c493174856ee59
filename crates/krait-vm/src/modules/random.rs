//! `random`: pseudo-random numbers from xoshiro256** (seeded through splitmix64;
//! from the OS, `/dev/urandom`, unless `seed(x)` is given). Values differ from
//! CPython's Mersenne Twister, but the functions behave as CPython's: `seed`,
//! `getrandbits` (any width), `randrange`, `randint`, `randbytes`, `random`,
//! `uniform`, `choice`, `choices`, `shuffle`, `sample`, `gauss`,
//! `normalvariate`, `expovariate`, `triangular`.

use std::cell::Cell;
use std::io::Read;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use krait_syntax::Qstr;

use crate::class::kwarg;
use crate::error::PyResult;
use crate::gc::Gc;
use crate::obj::{ListObj, TupleObj};
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

use super::math::{bigint_arg, check_args, float_arg};

type R = PyResult<Value>;

thread_local! {
    /// The generator's state; all zeros means "not seeded yet".
    static STATE: Cell<[u64; 4]> = const { Cell::new([0; 4]) };
    /// A spare normal deviate from `gauss` (its pairs come two at a time).
    static GAUSS_NEXT: Cell<Option<f64>> = const { Cell::new(None) };
}

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn seed_from_words(words: &[u64]) {
    let mut x: u64 = 0x853c_49e6_748f_ea9b;
    for &w in words {
        x ^= w;
        splitmix64(&mut x);
    }
    let mut s = [0u64; 4];
    for v in s.iter_mut() {
        *v = splitmix64(&mut x);
    }
    if s == [0; 4] {
        s[0] = 1;
    }
    STATE.with(|c| c.set(s));
    GAUSS_NEXT.with(|g| g.set(None));
}

/// Bytes from the OS's generator (falling back to the clock and addresses).
fn os_random(buf: &mut [u8]) -> bool {
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(buf).is_ok() {
            return true;
        }
    }
    false
}

fn seed_from_os() {
    let mut b = [0u8; 32];
    let mut words = [0u64; 4];
    if os_random(&mut b) {
        for (i, w) in words.iter_mut().enumerate() {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[i * 8..i * 8 + 8]);
            *w = u64::from_le_bytes(x);
        }
    } else {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        words = [t.as_nanos() as u64, std::process::id() as u64, &b as *const _ as u64, 0x1234_5678];
    }
    seed_from_words(&words);
}

/// The next 64 random bits (xoshiro256**).
#[inline]
pub(crate) fn next_u64() -> u64 {
    STATE.with(|c| {
        let mut s = c.get();
        if s == [0; 4] {
            seed_from_os();
            s = c.get();
        }
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        c.set(s);
        result
    })
}

/// A float uniformly in [0, 1) with 53 random bits.
#[inline]
fn next_f64() -> f64 {
    (next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform integer in [0, n) for n > 0, without modulo bias.
fn below_u64(n: u64) -> u64 {
    if n.is_power_of_two() {
        return next_u64() & (n - 1);
    }
    // Lemire's multiply-and-reject.
    loop {
        let x = next_u64();
        let m = (x as u128) * (n as u128);
        let low = m as u64;
        if low >= n.wrapping_neg() % n {
            return (m >> 64) as u64;
        }
    }
}

/// `k` random bits as a non-negative BigInt.
fn random_bits_big(k: u64) -> BigInt {
    let words = k.div_ceil(32) as usize;
    let mut digits: Vec<u32> = (0..words).map(|_| (next_u64() >> 32) as u32).collect();
    let extra = (words as u64 * 32) - k;
    if let Some(top) = digits.last_mut() {
        *top >>= extra;
    }
    BigInt::from_slice(Sign::Plus, &digits)
}

/// A uniform integer in [0, n) for a big n > 0.
fn below_big(n: &BigInt) -> BigInt {
    let k = n.bits();
    loop {
        let r = random_bits_big(k);
        if &r < n {
            return r;
        }
    }
}

fn seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 2)?;
    let a = args.first().copied().unwrap_or(Value::NONE);
    if a.is_none() {
        seed_from_os();
        return Ok(Value::NONE);
    }
    let mut words: Vec<u64> = Vec::new();
    match as_num(&a) {
        Some(Num::Int(i)) => words.push(i.unsigned_abs()),
        Some(Num::Big(b)) => {
            words.extend(b.abs().to_u64_digits().1);
        }
        Some(Num::Float(f)) => words.extend([f.to_bits(), 0xf10a7]),
        None => {
            // (A str seeds by its UTF-8, as CPython's `a.encode()`: lone surrogates can't.)
            let bytes: Option<Vec<u8>> = match crate::obj::str_surrogates::utf8(vm, &a)? {
                Some(s) => Some(s.as_bytes().to_vec()),
                None => vm.bytes_data(a),
            };
            let Some(bytes) = bytes else {
                return Err(
                    vm.type_error("The only supported seed types are: None, int, float, str, bytes, and bytearray.")
                );
            };
            words.push(bytes.len() as u64 | 0x5eed << 48);
            for chunk in bytes.chunks(8) {
                let mut x = [0u8; 8];
                x[..chunk.len()].copy_from_slice(chunk);
                words.push(u64::from_le_bytes(x));
            }
        }
    }
    seed_from_words(&words);
    Ok(Value::NONE)
}

fn getrandbits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let k = vm.to_index(args[0])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small_int(0));
    }
    if k <= 64 {
        let x = next_u64() >> (64 - k);
        return vm.new_int_i128(x as i128);
    }
    if k as u64 > crate::num::MAX_INT_BITS {
        return Err(vm.alloc_failed_bytes(usize::MAX));
    }
    vm.charge(k as usize / 8)?;
    vm.new_bigint(random_bits_big(k as u64))
}

fn randbytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let n = vm.to_index(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    vm.charge(n as usize)?;
    let mut out = Vec::with_capacity(n as usize);
    while out.len() < n as usize {
        let w = next_u64().to_le_bytes();
        let take = (n as usize - out.len()).min(8);
        out.extend_from_slice(&w[..take]);
    }
    vm.new_bytes(out)
}

/// A random int in range(start, stop, step) (all ints).
fn randrange_big(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> R {
    let width = &stop - &start;
    let one = BigInt::from(1);
    let n = if step == one {
        if !width.is_positive() {
            return Err(vm.value_error(format!("empty range for randrange() ({start}, {stop}, {width})")));
        }
        width
    } else if step.is_positive() {
        (width + &step - 1) / &step
    } else if step.is_negative() {
        (width + &step + 1) / &step
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    let r = match (n.to_u64(), start.to_i64(), step.to_i64()) {
        (Some(n), Some(s), Some(st)) => {
            let k = below_u64(n) as i128;
            return vm.new_int_i128(s as i128 + k * st as i128);
        }
        _ => start + below_big(&n) * step,
    };
    vm.new_bigint(r)
}

fn randrange(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 3)?;
    // Fast path: randrange(n) with a small n.
    if args.len() == 1 {
        if let Some(n) = args[0].as_small_int() {
            if n > 0 {
                return Ok(Value::small_int(below_u64(n as u64) as i64));
            }
            return Err(vm.value_error("empty range for randrange()"));
        }
    }
    let mut ints = Vec::with_capacity(3);
    for &a in args {
        ints.push(bigint_arg(vm, a)?);
    }
    let (start, stop, step) = match ints.len() {
        1 => (BigInt::zero(), ints[0].clone(), BigInt::from(1)),
        2 => (ints[0].clone(), ints[1].clone(), BigInt::from(1)),
        _ => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
    };
    if ints.len() == 1 && !stop.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    randrange_big(vm, start, stop, step)
}

fn randint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    if let (Some(a), Some(b)) = (args[0].as_small_int(), args[1].as_small_int()) {
        if b < a {
            return Err(vm.value_error(format!("empty range for randrange() ({a}, {}, {})", b + 1, b + 1 - a)));
        }
        return vm.new_int(a + below_u64((b - a) as u64 + 1) as i64);
    }
    let a = bigint_arg(vm, args[0])?;
    let b = bigint_arg(vm, args[1])?;
    randrange_big(vm, a, b + 1, BigInt::from(1))
}

fn random(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if !args.is_empty() || !kw.is_empty() {
        check_args(vm, args, kw, 0, 0)?;
    }
    Ok(Value::float(next_f64()))
}

fn uniform(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let a = float_arg(vm, args[0])?;
    let b = float_arg(vm, args[1])?;
    Ok(Value::float(a + (b - a) * next_f64()))
}

fn triangular(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 3)?;
    let low = match args.first() {
        Some(&v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let high = match args.get(1) {
        Some(&v) => float_arg(vm, v)?,
        None => 1.0,
    };
    let c = match args.get(2) {
        Some(&v) if !v.is_none() => {
            if high == low {
                return Ok(args.first().copied().unwrap_or(Value::float(0.0)));
            }
            (float_arg(vm, v)? - low) / (high - low)
        }
        _ => 0.5,
    };
    let mut u = next_f64();
    let (mut lo, mut hi, mut c) = (low, high, c);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut lo, &mut hi);
    }
    Ok(Value::float(lo + (hi - lo) * (u * c).sqrt()))
}

fn mu_sigma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(f64, f64)> {
    let mu = match args.first().copied().or_else(|| kwarg(kw, "mu")) {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let sigma = match args.get(1).copied().or_else(|| kwarg(kw, "sigma")) {
        Some(v) => float_arg(vm, v)?,
        None => 1.0,
    };
    Ok((mu, sigma))
}

fn gauss(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (mu, sigma) = mu_sigma(vm, args, kw)?;
    let z = match GAUSS_NEXT.with(|g| g.take()) {
        Some(z) => z,
        None => {
            let x2pi = next_f64() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - next_f64()).ln()).sqrt();
            GAUSS_NEXT.with(|g| g.set(Some(x2pi.sin() * g2rad)));
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::float(mu + z * sigma))
}

fn normalvariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (mu, sigma) = mu_sigma(vm, args, kw)?;
    // Kinderman and Monahan's ratio method, as CPython.
    const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5; // 4 * exp(-0.5) / sqrt(2)
    let z = loop {
        let u1 = next_f64();
        let u2 = 1.0 - next_f64();
        let z = NV_MAGICCONST * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            break z;
        }
    };
    Ok(Value::float(mu + z * sigma))
}

fn expovariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 1)?;
    let lambd = match args.first() {
        Some(&v) => float_arg(vm, v)?,
        None => 1.0,
    };
    if lambd == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::float(-(1.0 - next_f64()).ln() / lambd))
}

/// The items of a sequence (list or tuple directly, others by `len` and indexing).
fn sequence_len(vm: &mut Vm, seq: Value) -> PyResult<usize> {
    let s = vm.builtin_receiver(seq);
    if let Some(l) = s.downcast::<ListObj>() {
        return Ok(l.items.len());
    }
    if let Some(t) = s.downcast::<TupleObj>() {
        return Ok(t.items().len());
    }
    vm.len(seq)
}

fn item_at(vm: &mut Vm, seq: Value, i: usize) -> R {
    let s = vm.builtin_receiver(seq);
    if let Some(l) = s.downcast::<ListObj>() {
        if let Some(&v) = l.items.get(i) {
            return Ok(v);
        }
    }
    if let Some(t) = s.downcast::<TupleObj>() {
        if let Some(&v) = t.items().get(i) {
            return Ok(v);
        }
    }
    let iv = vm.new_int(i as i64)?;
    vm.getitem(seq, iv)
}

fn choice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let n = sequence_len(vm, args[0])?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = below_u64(n as u64) as usize;
    item_at(vm, args[0], i)
}

fn shuffle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 1, 1)?;
    let x = args[0];
    if let Some(l) = vm.builtin_receiver(x).downcast::<ListObj>() {
        let items = &mut l.get_mut().items;
        for i in (1..items.len()).rev() {
            let j = below_u64(i as u64 + 1) as usize;
            items.swap(i, j);
        }
        return Ok(Value::NONE);
    }
    // Any other mutable sequence, through its item protocol.
    let n = vm.len(x)?;
    for i in (1..n).rev() {
        let j = below_u64(i as u64 + 1) as usize;
        let (iv, jv) = (vm.new_int(i as i64)?, vm.new_int(j as i64)?);
        let a = vm.getitem(x, iv)?;
        vm.temp_roots.push(a);
        let r = (|| {
            let b = vm.getitem(x, jv)?;
            vm.setitem(x, iv, b)?;
            vm.setitem(x, jv, a)
        })();
        vm.temp_roots.pop();
        r?;
    }
    Ok(Value::NONE)
}

/// The population of `sample`/`choices` as a rooted list of its items.
fn population_list(vm: &mut Vm, pop: Value) -> R {
    if pop.kind() == Some(crate::gc::ObjKind::Set) || pop.kind() == Some(crate::gc::ObjKind::Dict) {
        return Err(vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let items = vm.collect_iterable(pop)?;
    vm.new_list(items)
}

/// `f` of each item of an iterable, the items rooted while `f` (which may run
/// `__float__`/`__index__`) does.
fn map_items<T>(vm: &mut Vm, it: Value, mut f: impl FnMut(&mut Vm, Value) -> PyResult<T>) -> PyResult<Vec<T>> {
    let items = vm.collect_iterable(it)?;
    let list = vm.new_list(items)?;
    vm.temp_roots.push(list);
    let r = (|| {
        let items = Gc::<ListObj>::from_value_unchecked(list).items.clone();
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(f(vm, x)?);
        }
        Ok(out)
    })();
    vm.temp_roots.pop();
    r
}

/// The items of an iterable as floats.
fn floats_of(vm: &mut Vm, it: Value) -> PyResult<Vec<f64>> {
    map_items(vm, it, float_arg)
}

/// The items of an iterable as ints.
fn ints_of(vm: &mut Vm, it: Value) -> PyResult<Vec<i64>> {
    map_items(vm, it, |vm, x| vm.to_index(x))
}

fn sample(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let Some(kv) = args.get(1).copied().or_else(|| kwarg(kw, "k")) else {
        return Err(vm.type_error("sample() missing required argument 'k'"));
    };
    if args.len() > 2 || args.is_empty() {
        return Err(vm.type_error(format!("function takes 2 positional arguments but {} were given", args.len())));
    }
    let list = population_list(vm, args[0])?;
    let pool = Gc::<ListObj>::from_value_unchecked(list);
    let k = vm.to_index(kv)?;
    let n = pool.items.len();
    if let Some(c) = kwarg(kw, "counts").filter(|c| !c.is_none()) {
        // Repeat each item by its count, then sample from that.
        vm.temp_roots.push(list);
        let counts = ints_of(vm, c);
        vm.temp_roots.pop();
        let counts = counts?;
        if counts.len() != n {
            return Err(vm.value_error("The number of counts does not match the population"));
        }
        let mut expanded = Vec::new();
        for (i, &c) in counts.iter().enumerate() {
            if c < 0 {
                return Err(vm.value_error("Counts must be non-negative"));
            }
            vm.charge(c as usize * 8)?;
            expanded.extend(std::iter::repeat_n(pool.items[i], c as usize));
        }
        let l2 = vm.new_list(expanded)?;
        return sample(vm, &[l2, kv], &[]);
    }
    if k < 0 || k as usize > n {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    // A partial Fisher-Yates shuffle of the copy.
    let items = &mut pool.get_mut().items;
    let k = k as usize;
    for i in 0..k {
        let j = i + below_u64((n - i) as u64) as usize;
        items.swap(i, j);
    }
    items.truncate(k);
    Ok(list)
}

fn choices(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("choices() takes from 1 to 2 positional arguments"));
    }
    let list = population_list(vm, args[0])?;
    let pool = Gc::<ListObj>::from_value_unchecked(list);
    let k = match kwarg(kw, "k") {
        Some(v) => vm.to_index(v)?.max(0) as usize,
        None => 1,
    };
    let n = pool.items.len();
    let weights = args.get(1).copied().or_else(|| kwarg(kw, "weights")).filter(|w| !w.is_none());
    let cum = kwarg(kw, "cum_weights").filter(|w| !w.is_none());
    vm.temp_roots.push(list);
    let r = (|| {
        let cum_weights: Option<Vec<f64>> = match (weights, cum) {
            (Some(_), Some(_)) => return Err(vm.type_error("Cannot specify both weights and cumulative weights")),
            (Some(w), None) => {
                let mut out = floats_of(vm, w)?;
                let mut acc = 0.0;
                for x in out.iter_mut() {
                    acc += *x;
                    *x = acc;
                }
                Some(out)
            }
            (None, Some(c)) => Some(floats_of(vm, c)?),
            (None, None) => None,
        };
        if n == 0 {
            return Err(vm.index_error("Cannot choose from an empty sequence"));
        }
        vm.charge(k * 8)?;
        let mut out = Vec::with_capacity(k);
        match cum_weights {
            None => {
                for _ in 0..k {
                    out.push(pool.items[(next_f64() * n as f64) as usize % n]);
                }
            }
            Some(cw) => {
                if cw.len() != n {
                    return Err(vm.value_error("The number of weights does not match the population"));
                }
                let total = cw[n - 1];
                if total <= 0.0 {
                    return Err(vm.value_error("Total of weights must be greater than zero"));
                }
                if !total.is_finite() {
                    return Err(vm.value_error("Total of weights must be finite"));
                }
                for _ in 0..k {
                    let x = next_f64() * total;
                    // bisect_right over the cumulative weights.
                    let i = cw.partition_point(|&c| c <= x).min(n - 1);
                    out.push(pool.items[i]);
                }
            }
        }
        vm.new_list(out)
    })();
    vm.temp_roots.pop();
    r
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(
        vm,
        "random",
        &[
            ("seed", seed),
            ("getrandbits", getrandbits),
            ("randbytes", randbytes),
            ("randrange", randrange),
            ("randint", randint),
            ("random", random),
            ("uniform", uniform),
            ("triangular", triangular),
            ("gauss", gauss),
            ("normalvariate", normalvariate),
            ("expovariate", expovariate),
            ("choice", choice),
            ("choices", choices),
            ("shuffle", shuffle),
            ("sample", sample),
        ],
    )?;
    let _ = Qstr::new("random");
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reproducible_and_in_range() {
        seed_from_words(&[42]);
        let a: Vec<u64> = (0..4).map(|_| next_u64()).collect();
        seed_from_words(&[42]);
        let b: Vec<u64> = (0..4).map(|_| next_u64()).collect();
        assert_eq!(a, b);
        for n in [1u64, 2, 3, 10, 1000, u64::MAX] {
            for _ in 0..100 {
                assert!(below_u64(n) < n);
            }
        }
        for _ in 0..100 {
            let f = next_f64();
            assert!((0.0..1.0).contains(&f));
        }
        assert!(random_bits_big(70).bits() <= 70);
    }
}

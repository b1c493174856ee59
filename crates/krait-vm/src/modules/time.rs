//! `time`: wall-clock time, sleeping, and MicroPython's wrapping tick counters
//! (`ticks_ms`/`ticks_us`/`ticks_cpu` with `ticks_diff`/`ticks_add`).

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::class::arg;
use crate::error::PyResult;
use crate::ops::{as_num, Num};
use crate::value::Value;
use crate::vm::Vm;

/// Tick counters wrap at this period, as MicroPython's do (`TICKS_PERIOD`, 2**30).
const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALFPERIOD: i64 = TICKS_PERIOD / 2;

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn now_since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match as_num(&v) {
        Some(Num::Int(i)) => Ok(i as f64),
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Big(_)) => Err(vm.overflow_error("sleep length is too large")),
        None => Err(vm.type_error(format!("can't convert {} to float", vm.type_name(v)))),
    }
}

fn sleep_for(vm: &mut Vm, secs: f64) -> PyResult<Value> {
    if secs < 0.0 || secs.is_nan() {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    vm.interruptible_sleep(secs)?;
    Ok(Value::NONE)
}

fn time(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(now_since_epoch().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.new_int_i128(now_since_epoch().as_nanos() as i128)
}

fn perf_counter(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(start().elapsed().as_secs_f64()))
}

fn perf_counter_ns(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.new_int_i128(start().elapsed().as_nanos() as i128)
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "sleep")?;
    let s = seconds_arg(vm, v)?;
    sleep_for(vm, s)
}

fn sleep_ms(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "sleep_ms")?;
    let s = seconds_arg(vm, v)?;
    sleep_for(vm, s / 1e3)
}

fn sleep_us(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(vm, args, 0, "sleep_us")?;
    let s = seconds_arg(vm, v)?;
    sleep_for(vm, s / 1e6)
}

fn ticks(units_per_sec: u128) -> Value {
    let t = start().elapsed().as_nanos() * units_per_sec / 1_000_000_000;
    Value::small_int((t as i64) & TICKS_MAX)
}

fn ticks_ms(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(ticks(1_000))
}

fn ticks_us(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(ticks(1_000_000))
}

fn ticks_cpu(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // The highest-resolution counter: nanoseconds.
    Ok(ticks(1_000_000_000))
}

fn ticks_diff(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = arg(vm, args, 0, "ticks_diff")?;
    let b = arg(vm, args, 1, "ticks_diff")?;
    let (a, b) = (vm.to_index(a)?, vm.to_index(b)?);
    // The signed difference in the ring of TICKS_PERIOD values.
    let d = ((a.wrapping_sub(b) & TICKS_MAX) + TICKS_HALFPERIOD) & TICKS_MAX;
    Ok(Value::small_int(d - TICKS_HALFPERIOD))
}

fn ticks_add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = arg(vm, args, 0, "ticks_add")?;
    let d = arg(vm, args, 1, "ticks_add")?;
    let (t, d) = (vm.to_index(t)?, vm.to_index(d)?);
    // |delta| < half a period, so that both ticks_diff(ticks_add(t, d), t) == d
    // and ticks_diff(t, ticks_add(t, d)) == -d hold.
    if !(-TICKS_HALFPERIOD + 1..TICKS_HALFPERIOD).contains(&d) {
        return Err(vm.overflow_error("ticks interval overflow"));
    }
    Ok(Value::small_int(t.wrapping_add(d) & TICKS_MAX))
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// MicroPython's 8-tuple: (year, month, mday, hour, minute, second, weekday, yearday).
fn time_tuple(vm: &mut Vm, secs: i64) -> PyResult<Value> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let weekday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3, Monday = 0)
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let items = [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, weekday, yday];
    let vals = items.iter().map(|&x| Value::small_int(x)).collect();
    super::os::named_tuple_result(
        vm,
        "time",
        "struct_time",
        &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday"],
        vals,
    )
}

fn secs_arg(vm: &mut Vm, args: &[Value]) -> PyResult<i64> {
    match args.first() {
        Some(&v) if !v.is_none() => match as_num(&v) {
            Some(Num::Float(f)) => Ok(f.floor() as i64),
            _ => vm.to_index(v),
        },
        _ => Ok(now_since_epoch().as_secs() as i64),
    }
}

fn gmtime(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = secs_arg(vm, args)?;
    time_tuple(vm, s)
}

fn localtime(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // krait keeps time in UTC, as boards without a timezone do.
    gmtime(vm, args, _kw)
}

fn mktime(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = arg(vm, args, 0, "mktime")?;
    let items = vm.collect_iterable(t)?;
    if items.len() < 6 {
        return Err(vm.type_error("mktime needs a tuple of at least 6 items"));
    }
    let mut f = [0i64; 6];
    // An item's `__index__` can collect: the items stay rooted meanwhile.
    vm.with_roots(&items, |vm| {
        for (i, v) in items.iter().take(6).enumerate() {
            f[i] = vm.to_index(*v)?;
        }
        Ok(())
    })?;
    // Normalise month overflow as MicroPython's timeutils do.
    let (mut y, mut m) = (f[0], f[1] - 1);
    y += m.div_euclid(12);
    m = m.rem_euclid(12) + 1;
    let _ = is_leap(y);
    let days = days_from_civil(y, m, 1) + f[2] - 1;
    let secs = days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5];
    vm.new_int(secs)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let _ = start();
    super::new_native_module(
        vm,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("sleep", sleep),
            ("sleep_ms", sleep_ms),
            ("sleep_us", sleep_us),
            ("ticks_ms", ticks_ms),
            ("ticks_us", ticks_us),
            ("ticks_cpu", ticks_cpu),
            ("ticks_diff", ticks_diff),
            ("ticks_add", ticks_add),
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip() {
        for days in [-1000, -1, 0, 1, 365, 10_957, 19_000, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(10_957), (2000, 1, 1));
    }
}

//! `select`: waiting for streams to become ready, as MicroPython's module does it.
//!
//! - `poll()` makes a poll object: `register(obj[, eventmask])` (the mask
//!   defaults to `POLLIN | POLLOUT`; registering again replaces it),
//!   `unregister(obj)` (nothing happens for an object not registered),
//!   `modify(obj, eventmask)` (`OSError(ENOENT)` for one not registered),
//!   `poll([timeout_ms[, flags]])` (a list of `(obj, revents)` tuples; a negative
//!   or `None` timeout waits for ever) and `ipoll(...)` (the same as an
//!   iterator; flag 1 is MicroPython's one-shot flag: an object reported stops
//!   being polled until `modify` sets its mask again).
//! - `select(rlist, wlist, xlist[, timeout_s])`: three lists of ready objects.
//!
//! What can be polled: a file descriptor (an int), an object with a `fileno()`
//! method (files, `sys.stdin`), or, as on MicroPython, an object written in
//! Python with an `ioctl(req, arg)` method: registering it asks `ioctl(10, 0)`
//! (`MP_STREAM_GET_FILENO`: a descriptor to poll, or negative for none), and
//! polling it asks `ioctl(3, mask)` (`MP_STREAM_POLL`), answered with the
//! ready events (or a negative errno, raised as `OSError`). Such
//! objects (asyncio's `ThreadSafeFlag` is one) are asked again every
//! millisecond while a poll waits. Scheduled callbacks
//! (`micropython.schedule`) run, and Ctrl-C raises `KeyboardInterrupt`, while
//! a poll waits. Events are reported with the objects registered, not their
//! file descriptors (MicroPython's behaviour; CPython reports descriptors); a
//! descriptor that is not open reports the system's `POLLNVAL` (0x20).

use std::time::{Duration, Instant};

use krait_syntax::Qstr;

use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::{ModuleObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::math::check_args;

type R = PyResult<Value>;

pub const POLLIN: u32 = 0x001;
pub const POLLOUT: u32 = 0x004;
pub const POLLERR: u32 = 0x008;
pub const POLLHUP: u32 = 0x010;
/// MicroPython's `MP_STREAM_POLL` ioctl request.
const STREAM_POLL: i64 = 3;
/// MicroPython's `MP_STREAM_GET_FILENO` ioctl request.
const STREAM_GET_FILENO: i64 = 10;
/// `ipoll`'s one-shot flag.
const FLAG_ONESHOT: i64 = 1;
/// How often objects polled through `ioctl` are asked again while a poll waits.
const IOCTL_PERIOD: Duration = Duration::from_millis(1);
/// The longest single wait, so that a Ctrl-C arriving just before the wait
/// starts is still seen promptly.
const SLICE: Duration = Duration::from_millis(20);

/// One registered object.
struct Entry {
    obj: Value,
    /// Its file descriptor, or -1 for an object polled through `ioctl`.
    fd: i32,
    events: u32,
    revents: u32,
}

pub struct PollObj {
    entries: Vec<Entry>,
    class: Gc<TypeObj>,
    /// `ipoll`'s callee-owned `(obj, revents)` tuple, made on first use and
    /// refilled for every entry it yields (MicroPython's allocation-free polling).
    ret_tuple: Value,
    /// Where `ipoll`'s iteration (the poll object is its own iterator) goes on.
    iter_pos: usize,
    /// `ipoll` was given the one-shot flag.
    iter_oneshot: bool,
}

impl PyObj for PollObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            t.mark(e.obj);
        }
        t.mark_gc(self.class);
        t.mark(self.ret_tuple);
    }
    fn extra_size(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
    }
    fn class(&self, _vm: &Vm) -> Gc<TypeObj> {
        self.class
    }
}

impl PollObj {
    fn new(class: Gc<TypeObj>) -> PollObj {
        PollObj { entries: Vec::new(), class, ret_tuple: Value::NULL, iter_pos: 0, iter_oneshot: false }
    }
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Gc<PollObj>> {
    match args.first().map(|&v| vm.builtin_receiver(v)).and_then(|v| v.downcast::<PollObj>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("poll method needs a poll object")),
    }
}

fn mask_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let m = vm.to_index(v)?;
    Ok((m as u64 & 0xffff) as u32)
}

/// The file descriptor to poll `obj` by, or -1 when it is polled through `ioctl`.
fn fd_of(vm: &mut Vm, obj: Value) -> PyResult<i32> {
    if let Some(i) = obj.as_small_int() {
        if !(0..=i32::MAX as i64).contains(&i) {
            return Err(vm.value_error("invalid file descriptor"));
        }
        return Ok(i as i32);
    }
    if vm.has_attr(obj, Qstr::new("fileno"))? {
        let r = vm.call_method(obj, Qstr::new("fileno"), &[]);
        match r {
            Ok(v) => {
                let fd = vm.to_index(v)?;
                if (0..=i32::MAX as i64).contains(&fd) {
                    return Ok(fd as i32);
                }
                return Err(vm.value_error("invalid file descriptor"));
            }
            // A stream without a descriptor (io.UnsupportedOperation) may still poll by ioctl.
            Err(e) if vm.exc_matches(e, ExcKind::OSError) => {}
            Err(e) => return Err(e),
        }
    }
    if vm.has_attr(obj, Qstr::new("ioctl"))? {
        // MicroPython asks a stream for its descriptor with ioctl(GET_FILENO);
        // a negative answer (an error) means it has none.
        let r = vm.call_method(obj, Qstr::new("ioctl"), &[Value::small_int(STREAM_GET_FILENO), Value::small_int(0)])?;
        return Ok(match r.as_small_int() {
            Some(fd) if (0..=i32::MAX as i64).contains(&fd) => fd as i32,
            _ => -1,
        });
    }
    Err(vm.type_error(format!("'{}' object can't be polled: it has no fileno() or ioctl()", vm.type_name(obj))))
}

fn find(p: &PollObj, obj: Value) -> Option<usize> {
    p.entries.iter().position(|e| e.obj == obj)
}

fn add(vm: &mut Vm, p: Gc<PollObj>, obj: Value, events: u32) -> PyResult<()> {
    match find(&p, obj) {
        Some(i) => p.get_mut().entries[i].events = events,
        None => {
            let fd = fd_of(vm, obj)?;
            // fileno() may have run Python code that registered the object meanwhile.
            match find(&p, obj) {
                Some(i) => p.get_mut().entries[i].events = events,
                None => {
                    vm.charge(std::mem::size_of::<Entry>())?;
                    p.get_mut().entries.push(Entry { obj, fd, events, revents: 0 })
                }
            }
        }
    }
    Ok(())
}

fn poll_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 3)?;
    let p = this(vm, args)?;
    let events = match args.get(2) {
        Some(&m) => mask_arg(vm, m)?,
        None => POLLIN | POLLOUT,
    };
    add(vm, p, args[1], events)?;
    Ok(Value::NONE)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 2, 2)?;
    let p = this(vm, args)?;
    if let Some(i) = find(&p, args[1]) {
        p.get_mut().entries.remove(i);
    }
    Ok(Value::NONE)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 3)?;
    let p = this(vm, args)?;
    let events = mask_arg(vm, args[2])?;
    match find(&p, args[1]) {
        Some(i) => {
            p.get_mut().entries[i].events = events;
            Ok(Value::NONE)
        }
        None => Err(super::io::os_error(vm, 2)),
    }
}

/// A timeout in milliseconds; `None` for ever (`None` or negative).
fn timeout_ms_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<Duration>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    let ms = match v.as_float() {
        Some(f) if f.is_nan() => return Err(vm.value_error("invalid timeout")),
        Some(f) => f,
        None => vm.to_index(v)? as f64,
    };
    Ok((ms >= 0.0).then(|| Duration::from_secs_f64(ms.min(1e12) / 1e3)))
}

#[cfg(unix)]
pub(crate) mod sys {
    use std::time::Duration;

    #[repr(C)]
    struct PollFd {
        fd: i32,
        events: i16,
        revents: i16,
    }

    extern "C" {
        fn poll(fds: *mut PollFd, nfds: std::ffi::c_ulong, timeout: i32) -> i32;
    }

    /// Poll `fds` (descriptor, events) for at most `wait`, writing each one's
    /// ready events to `out`. Returns how many are ready; an interrupted wait
    /// counts as none ready.
    pub fn poll_fds(fds: &[(i32, u32)], out: &mut [u32], wait: Duration) -> std::io::Result<usize> {
        let mut set: Vec<PollFd> =
            fds.iter().map(|&(fd, events)| PollFd { fd, events: events as i16, revents: 0 }).collect();
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: `set` is a live, properly laid out array of `struct pollfd` of
        // exactly `set.len()` elements, which poll(2) only reads and writes within.
        let n = unsafe { poll(set.as_mut_ptr(), set.len() as std::ffi::c_ulong, ms) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                out.iter_mut().for_each(|r| *r = 0);
                return Ok(0);
            }
            return Err(e);
        }
        for (o, s) in out.iter_mut().zip(&set) {
            *o = s.revents as u16 as u32;
        }
        Ok(n as usize)
    }
}

#[cfg(not(unix))]
pub(crate) mod sys {
    use std::time::Duration;

    pub fn poll_fds(fds: &[(i32, u32)], _out: &mut [u32], wait: Duration) -> std::io::Result<usize> {
        if fds.is_empty() {
            std::thread::sleep(wait);
            return Ok(0);
        }
        Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "polling file descriptors is not supported here"))
    }
}

/// Whether `obj` is a stream holding data krait has read ahead for it (ready to
/// read whatever its descriptor says).
fn has_readahead(vm: &Vm, obj: Value) -> bool {
    let obj = vm.builtin_receiver(obj);
    if obj.downcast::<super::sys::StdStreamObj>().is_some_and(|s| s.fd == 0) {
        return super::sys::stdin_buffered();
    }
    super::io::has_readahead(obj)
}

/// Ask each object polled through `ioctl` for its ready events; how many are ready.
fn poll_objects(vm: &mut Vm, p: Gc<PollObj>) -> PyResult<usize> {
    let mut ready = 0;
    let mut i = 0;
    while i < p.entries.len() {
        let (obj, fd, events) = {
            let e = &p.entries[i];
            (e.obj, e.fd, e.events)
        };
        if fd < 0 {
            // The ioctl may unregister the object: keep it alive meanwhile.
            vm.temp_roots.push(obj);
            let args = [Value::small_int(STREAM_POLL), Value::small_int(events as i64)];
            let r = vm.call_method(obj, Qstr::new("ioctl"), &args);
            vm.temp_roots.pop();
            let r = r?;
            let r = if r.is_none() { 0 } else { vm.to_index(r)? };
            if r < 0 {
                // A negative answer is an error: -errno.
                return Err(super::io::os_error(vm, r.saturating_neg()));
            }
            // Only what was asked for, and errors and hang-ups always.
            let revents = (r as u32) & (events | POLLERR | POLLHUP);
            // The ioctl may have changed the registrations: find the object again.
            if let Some(j) = find(&p, obj) {
                p.get_mut().entries[j].revents = revents;
                if revents != 0 {
                    ready += 1;
                }
            }
        }
        i += 1;
    }
    Ok(ready)
}

/// Wait until a registered object is ready or `timeout` passes; leaves each
/// entry's `revents` set and returns how many are ready.
fn wait_ready(vm: &mut Vm, p: Gc<PollObj>, timeout: Option<Duration>) -> PyResult<usize> {
    let start = Instant::now();
    let mut flushed = false;
    loop {
        // One event per round: a callback that schedules itself again must not
        // keep the poll from returning.
        if crate::interrupt::pending() {
            vm.take_interrupt()?;
        }
        for e in &mut p.get_mut().entries {
            e.revents = 0;
        }
        let has_objects = p.entries.iter().any(|e| e.fd < 0);
        let mut ready = if has_objects { poll_objects(vm, p)? } else { 0 };
        let elapsed = start.elapsed();
        let left = match timeout {
            Some(t) => t.saturating_sub(elapsed),
            None => SLICE,
        };
        let mut wait = if ready > 0 || crate::interrupt::pending() { Duration::ZERO } else { left.min(SLICE) };
        if has_objects {
            wait = wait.min(IOCTL_PERIOD);
        }
        if !wait.is_zero() && !flushed {
            vm.flush_stdout();
            flushed = true;
        }
        let fds: Vec<(usize, i32, u32)> =
            p.entries.iter().enumerate().filter(|(_, e)| e.fd >= 0).map(|(i, e)| (i, e.fd, e.events)).collect();
        // Read-ahead a stream holds counts as ready to read.
        for &(i, _, events) in &fds {
            if events & POLLIN != 0 && has_readahead(vm, p.entries[i].obj) {
                p.get_mut().entries[i].revents |= POLLIN;
                wait = Duration::ZERO;
            }
        }
        let set: Vec<(i32, u32)> = fds.iter().map(|&(_, fd, ev)| (fd, ev)).collect();
        let mut out = vec![0u32; set.len()];
        if let Err(e) = sys::poll_fds(&set, &mut out, wait) {
            return Err(super::io::io_error(vm, &e));
        }
        for (&(i, _, _), &r) in fds.iter().zip(&out) {
            let e = &mut p.get_mut().entries[i];
            e.revents |= r;
            if e.revents != 0 {
                ready += 1;
            }
        }
        if ready > 0 {
            return Ok(ready);
        }
        if let Some(t) = timeout {
            if start.elapsed() >= t {
                return Ok(0);
            }
        }
    }
}

/// The arguments of `poll`/`ipoll` (`[timeout_ms[, flags]]`), and the wait for
/// readiness: the poll object and the flags.
fn poll_and_wait(vm: &mut Vm, args: &[Value], kw: &[Value], what: &str) -> PyResult<(Gc<PollObj>, i64)> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{what}() takes no keyword arguments")));
    }
    check_args(vm, args, kw, 1, 3)?;
    let p = this(vm, args)?;
    let timeout = timeout_ms_arg(vm, args.get(1).copied())?;
    let flags = match args.get(2) {
        Some(&f) => vm.to_index(f)?,
        None => 0,
    };
    wait_ready(vm, p, timeout)?;
    Ok((p, flags))
}

/// Poll and collect `(obj, revents)` tuples; with `oneshot`, stop polling what is reported.
fn ready_list(vm: &mut Vm, args: &[Value], kw: &[Value], what: &str) -> PyResult<Vec<Value>> {
    let (p, flags) = poll_and_wait(vm, args, kw, what)?;
    let mut items = Vec::new();
    let mark = vm.temp_roots.len();
    for i in 0..p.entries.len() {
        let (obj, revents) = (p.entries[i].obj, p.entries[i].revents);
        if revents == 0 {
            continue;
        }
        let t = vm.new_tuple_from(&[obj, Value::small_int(revents as i64)]);
        let t = match t {
            Ok(t) => t,
            Err(e) => {
                vm.temp_roots.truncate(mark);
                return Err(e);
            }
        };
        vm.temp_roots.push(t);
        items.push(t);
        if flags & FLAG_ONESHOT != 0 {
            p.get_mut().entries[i].events = 0;
        }
    }
    vm.temp_roots.truncate(mark);
    Ok(items)
}

fn poll_poll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let items = ready_list(vm, args, kw, "poll")?;
    vm.new_list(items)
}

/// `ipoll([timeout[, flags]])`: poll, then iterate the poll object itself, which
/// yields one callee-owned tuple refilled for each ready entry: polling in a
/// loop allocates nothing once the tuple exists (as MicroPython documents it).
fn poll_ipoll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    let (p, flags) = poll_and_wait(vm, args, kw, "ipoll")?;
    if p.ret_tuple.is_null() {
        let t = vm.new_tuple_from(&[Value::NONE, Value::small_int(0)])?;
        p.get_mut().ret_tuple = t;
    }
    let pm = p.get_mut();
    pm.iter_pos = 0;
    pm.iter_oneshot = flags & FLAG_ONESHOT != 0;
    Ok(p.value())
}

fn poll_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    Ok(this(vm, args)?.value())
}

fn poll_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    let p = this(vm, args)?;
    let mut i = p.iter_pos;
    while i < p.entries.len() {
        let (obj, revents) = (p.entries[i].obj, p.entries[i].revents);
        i += 1;
        if revents == 0 {
            continue;
        }
        let pm = p.get_mut();
        pm.iter_pos = i;
        if pm.iter_oneshot {
            pm.entries[i - 1].events = 0;
        }
        let t = Gc::<crate::obj::TupleObj>::from_value_unchecked(p.ret_tuple);
        t.set_item_unshared(0, obj);
        t.set_item_unshared(1, Value::small_int(revents as i64));
        return Ok(t.value());
    }
    p.get_mut().iter_pos = i;
    Err(vm.stop_iteration(Value::NONE))
}

fn poll_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
    this(vm, args)?;
    vm.new_str("<poll>")
}

fn new_poll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 0, 0)?;
    let class = super::io::module_type(vm, "select", 0)?;
    Ok(vm.alloc(PollObj::new(class))?.value())
}

/// `select.select(rlist, wlist, xlist[, timeout])`: the timeout in seconds.
fn select(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
    check_args(vm, args, kw, 3, 4)?;
    let timeout = match args.get(3) {
        Some(&t) if !t.is_none() => {
            let s = super::math::float_arg(vm, t)?;
            if s.is_nan() {
                return Err(vm.value_error("invalid timeout"));
            }
            Some(Duration::from_secs_f64(s.clamp(0.0, 1e9)))
        }
        _ => None,
    };
    let class = super::io::module_type(vm, "select", 0)?;
    let p = vm.alloc(PollObj::new(class))?;
    vm.temp_roots.push(p.value());
    let r = select_with(vm, p, &args[..3], timeout);
    vm.temp_roots.pop();
    r
}

fn select_with(vm: &mut Vm, p: Gc<PollObj>, lists: &[Value], timeout: Option<Duration>) -> R {
    let masks = [POLLIN, POLLOUT, POLLERR | POLLHUP];
    for (&l, &mask) in lists.iter().zip(&masks) {
        let objs = vm.collect_iterable(l)?;
        // Registering may run Python code (fileno()): keep the objects alive meanwhile.
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&objs);
        let mut r = Ok(());
        for &obj in &objs {
            let events = find(&p, obj).map_or(0, |i| p.entries[i].events);
            r = add(vm, p, obj, events | mask);
            if r.is_err() {
                break;
            }
        }
        vm.temp_roots.truncate(mark);
        r?;
    }
    wait_ready(vm, p, timeout)?;
    let mut out = [Vec::new(), Vec::new(), Vec::new()];
    for e in &p.entries {
        if e.revents & POLLIN != 0 {
            out[0].push(e.obj);
        }
        if e.revents & POLLOUT != 0 {
            out[1].push(e.obj);
        }
        if e.revents & !(POLLIN | POLLOUT) != 0 {
            out[2].push(e.obj);
        }
    }
    let [r, w, x] = out;
    let mark = vm.temp_roots.len();
    let r = vm.new_list(r);
    let r = r.and_then(|r| {
        vm.temp_roots.push(r);
        let w = vm.new_list(w)?;
        vm.temp_roots.push(w);
        let x = vm.new_list(x)?;
        vm.new_tuple_from(&[r, w, x])
    });
    vm.temp_roots.truncate(mark);
    r
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_native_module(vm, "select", &[("poll", new_poll), ("select", select)])?;
    let md = Gc::<ModuleObj>::from_value_unchecked(m).dict;
    for (name, v) in [("POLLIN", POLLIN), ("POLLOUT", POLLOUT), ("POLLERR", POLLERR), ("POLLHUP", POLLHUP)] {
        md.get_mut().set_qstr(Qstr::new(name), Value::small_int(v as i64));
    }
    let poll_t = vm.new_builtin_type("poll", "select", &[])?;
    vm.add_methods(
        poll_t,
        &[
            ("register", poll_register),
            ("unregister", poll_unregister),
            ("modify", poll_modify),
            ("poll", poll_poll),
            ("ipoll", poll_ipoll),
            ("__iter__", poll_iter),
            ("__next__", poll_next),
            ("__repr__", poll_repr),
        ],
    )?;
    super::io::set_module_types(vm, m, &[poll_t])?;
    Ok(m)
}

//! Events that arrive while Python code runs: Ctrl-C and `micropython.schedule`.
//!
//! Neither may run Python code where it happens (a signal handler, the middle of
//! an operation), so each only raises a flag; the interpreter polls it where a
//! program can loop for ever (every loop's back edge, `time.sleep`) and handles
//! the event there, as MicroPython's VM does with its pending-exception check.
//!
//! - Ctrl-C: while enabled, SIGINT raises `KeyboardInterrupt` at the next check,
//!   with a traceback. The CLI enables it for the program it runs;
//!   `micropython.kbd_intr(-1)` disables it (SIGINT then ends the process) and
//!   `kbd_intr(3)` enables it again, as on MicroPython's unix port. A program that
//!   embeds the VM keeps its own SIGINT handling unless it enables this.
//! - `micropython.schedule(f, arg)`: queued (at most [`SCHED_DEPTH`], as
//!   MicroPython's default), run one at a time at later checks. While a
//!   callback runs, the scheduler is locked: callbacks it schedules, and Ctrl-C,
//!   wait until it returns. An exception a callback raises is printed and dropped.
//!   `schedule(micropython.kbd_intr, None)` schedules a `KeyboardInterrupt`.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{ExcKind, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// A Ctrl-C (or a scheduled `KeyboardInterrupt`) waiting to be raised.
static KEYBOARD: AtomicBool = AtomicBool::new(false);
/// Something is waiting: a Ctrl-C or a scheduled callback.
static ATTENTION: AtomicBool = AtomicBool::new(false);

/// Callbacks `micropython.schedule` may have queued at once.
pub const SCHED_DEPTH: usize = 4;

/// Whether an event waits to be handled (one load: checked on every loop back edge).
#[inline(always)]
pub fn pending() -> bool {
    ATTENTION.load(Ordering::Relaxed)
}

/// Route SIGINT to `KeyboardInterrupt` (`true`), or restore its default action.
pub fn set_ctrl_c(enabled: bool) {
    sys::set(enabled);
}

/// Have the next check handle pending events (callbacks of weak references a
/// collection cleared).
pub(crate) fn request_attention() {
    ATTENTION.store(true, Ordering::Relaxed);
}

fn raise_keyboard_interrupt_later() {
    KEYBOARD.store(true, Ordering::Relaxed);
    ATTENTION.store(true, Ordering::Relaxed);
}

impl Vm {
    /// `micropython.schedule(f, arg)`: run `f(arg)` at a later check.
    pub fn schedule(&mut self, f: Value, arg: Value) -> PyResult<()> {
        if self.sched_queue.len() >= SCHED_DEPTH {
            return Err(self.new_exception(ExcKind::RuntimeError, "schedule queue full"));
        }
        self.sched_queue.push_back((f, arg));
        ATTENTION.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// `micropython.schedule(micropython.kbd_intr, None)`.
    pub fn schedule_keyboard_interrupt(&mut self) {
        raise_keyboard_interrupt_later();
    }

    /// Handle what is pending: raise a waiting Ctrl-C as `KeyboardInterrupt`, or
    /// run one scheduled callback.
    #[cold]
    pub fn take_interrupt(&mut self) -> PyResult<()> {
        ATTENTION.store(false, Ordering::Relaxed);
        if self.weak_callbacks_pending() {
            self.run_weak_callbacks();
        }
        if self.sched_lock > 0 {
            // Inside a callback: everything waits for it to return (see below).
            return Ok(());
        }
        if KEYBOARD.swap(false, Ordering::Relaxed) {
            self.flush_stdout();
            return Err(self.new_exception_empty(ExcKind::KeyboardInterrupt));
        }
        if let Some((f, arg)) = self.sched_queue.pop_front() {
            let mark = self.temp_roots.len();
            self.temp_roots.extend([f, arg]);
            self.sched_lock += 1;
            let r = self.call_value(f, &[arg], &[]);
            self.sched_lock -= 1;
            self.temp_roots.truncate(mark);
            if let Err(e) = r {
                let text = self.format_exception(e.0);
                self.flush_stdout();
                self.write_stderr(text.as_bytes());
            }
        }
        if !self.sched_queue.is_empty() || KEYBOARD.load(Ordering::Relaxed) {
            ATTENTION.store(true, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Sleep for `secs` seconds, handling events meanwhile (a Ctrl-C cuts it short).
    pub fn interruptible_sleep(&mut self, secs: f64) -> PyResult<()> {
        use std::time::{Duration, Instant};
        // Waking every few milliseconds to look at the flag costs nothing measurable
        // and needs no signal to reach this particular thread.
        const SLICE: Duration = Duration::from_millis(20);
        let total = Duration::from_secs_f64(secs.min(1e9));
        let deadline = Instant::now() + total;
        loop {
            if pending() {
                self.take_interrupt()?;
            }
            let now = Instant::now();
            if now >= deadline {
                return Ok(());
            }
            std::thread::sleep((deadline - now).min(SLICE));
        }
    }
}

#[cfg(unix)]
mod sys {
    const SIGINT: i32 = 2;
    const SIG_DFL: usize = 0;

    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }

    extern "C" fn on_sigint(_signum: i32) {
        super::raise_keyboard_interrupt_later();
    }

    pub fn set(enabled: bool) {
        let handler = if enabled { on_sigint as extern "C" fn(i32) as usize } else { SIG_DFL };
        // SAFETY: `signal` is the C library's; the handler only stores to atomics,
        // which is async-signal-safe, and SIG_DFL restores the default action.
        unsafe {
            signal(SIGINT, handler);
        }
    }
}

#[cfg(not(unix))]
mod sys {
    pub fn set(_enabled: bool) {}
}

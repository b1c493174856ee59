//! Ctrl-C. While enabled, SIGINT only sets a flag; the interpreter polls it where a
//! program can loop for ever (every loop's back edge, `time.sleep`) and raises
//! `KeyboardInterrupt` there, with a traceback, as MicroPython's unix port does. The
//! CLI enables it for the program it runs; `micropython.kbd_intr(-1)` disables it
//! (SIGINT then ends the process), `kbd_intr(3)` enables it again. A program that
//! embeds the VM keeps its own SIGINT handling unless it enables this.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{ExcKind, PyResult};
use crate::vm::Vm;

/// Set by the signal handler, cleared when the interrupt is raised.
static PENDING: AtomicBool = AtomicBool::new(false);

/// Whether a Ctrl-C is waiting to be raised (one load: checked on every loop back edge).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Route SIGINT to `KeyboardInterrupt` (`true`), or restore its default action.
pub fn set_ctrl_c(enabled: bool) {
    PENDING.store(false, Ordering::Relaxed);
    sys::set(enabled);
}

impl Vm {
    /// Raise the pending Ctrl-C, if any, as `KeyboardInterrupt`.
    #[cold]
    pub fn take_interrupt(&mut self) -> PyResult<()> {
        if PENDING.swap(false, Ordering::Relaxed) {
            self.flush_stdout();
            return Err(self.new_exception_empty(ExcKind::KeyboardInterrupt));
        }
        Ok(())
    }

    /// Sleep for `secs` seconds, cut short by Ctrl-C (which is then raised).
    pub fn interruptible_sleep(&mut self, secs: f64) -> PyResult<()> {
        use std::time::{Duration, Instant};
        // Waking every few milliseconds to look at the flag costs nothing measurable
        // and needs no signal to reach this particular thread.
        const SLICE: Duration = Duration::from_millis(20);
        let total = Duration::from_secs_f64(secs.min(1e9));
        let deadline = Instant::now() + total;
        loop {
            self.take_interrupt()?;
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
    use std::sync::atomic::Ordering;

    const SIGINT: i32 = 2;
    const SIG_DFL: usize = 0;

    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }

    extern "C" fn on_sigint(_signum: i32) {
        super::PENDING.store(true, Ordering::Relaxed);
    }

    pub fn set(enabled: bool) {
        let handler = if enabled { on_sigint as extern "C" fn(i32) as usize } else { SIG_DFL };
        // SAFETY: `signal` is the C library's; the handler only stores to an atomic,
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

//! The `krait` command line, compatible with MicroPython's unix port:
//! `krait [options] [file | -c CMD | -m MOD | -] [args...]`.

mod cli;
mod repl;

fn main() {
    tune_malloc();
    let code = cli::main();
    std::process::exit(code);
}

/// The interpreter runs on a thread of its own (for its stack), and glibc would
/// give that thread a fresh malloc arena, grown a few kilobytes at a time with one
/// `mprotect` each: a large share of a short script's run time. One arena (the
/// process only ever has one busy thread) that grows in 1 MB steps avoids that.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc() {
    const M_TOP_PAD: i32 = -2;
    const M_ARENA_MAX: i32 = -8;
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: `mallopt` is glibc's, called before any other thread exists; both
    // parameters only tune how the allocator grows, never what it hands out.
    unsafe {
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_TOP_PAD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}

//! Time `Vm::new` (built-in types, builtins and modules installed), the bulk of
//! krait's own start-up work, for profilers; the first iteration is the cold one
//! a real process pays.
//!     cargo run --release -p krait-vm --example vm_new_time -- [N]

use std::time::Instant;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2);
    for i in 0..n {
        let t = Instant::now();
        let vm = krait_vm::vm::Vm::new(Default::default());
        let d = t.elapsed();
        drop(vm);
        if i < 2 || i + 1 == n {
            println!("{i}: {d:?}");
        }
    }
}

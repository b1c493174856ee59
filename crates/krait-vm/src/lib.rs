//! krait's runtime: values, the heap, every object type, the interpreter loop,
//! builtins and standard modules, and the embedding API ([`Vm`]).
//!
//! Code map (one concept per file, see docs/architecture.md):
//! - `value.rs` — the NaN-boxed `Value`; `gc.rs` — the heap and collector;
//! - `obj/` — one file per object type; `types.rs` — the built-in type table;
//! - `interp.rs` — the interpreter loop; `call.rs` — calls and frames;
//! - `attr.rs` — attribute access; `ops.rs` — operators and protocols;
//! - `class.rs` — class creation, instances, exceptions machinery;
//! - `repr.rs`, `format.rs` — text conversion; `num/` — numeric library;
//! - `builtins.rs`, `modules/` — the builtins and standard modules;
//! - `import.rs` — compiling and importing modules.

pub mod attr;
pub mod buffer;
pub mod builtins;
pub mod call;
pub mod class;
pub mod error;
pub mod format;
pub mod gc;
pub mod import;
pub mod interp;
pub mod interrupt;
pub mod modules;
pub mod num;
pub mod obj;
pub mod ops;
pub mod repr;
pub mod sort;
pub mod types;
pub mod value;
pub mod vm;

pub use error::{ExcKind, PyErr, PyResult};
pub use value::Value;
pub use vm::{Vm, VmOptions};

/// A machine-code emitter (native / viper), plugged in by the binary. The VM
/// knows nothing of how code is generated; it asks the emitter to compile a
/// function's code when the function is decorated for it.
pub trait Emitter {
    /// Compile `code` (flagged NATIVE or VIPER); `Ok(None)` leaves it to the interpreter.
    fn compile(&mut self, code: &krait_compiler::Code) -> Result<Option<usize>, String>;
}

//! The buffer protocol: objects whose bytes can be read without knowing their
//! type (`bytes`, `bytearray`, and the `memoryview` and `array` types that
//! register here).

use crate::value::Value;
use crate::vm::Vm;

/// The bytes of a buffer object other than `bytes`/`bytearray` (which callers
/// handle directly), or `None` if `v` doesn't support the buffer protocol.
pub fn buffer_bytes(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    let _ = vm;
    let _ = v;
    // memoryview and array register here when they land (issue: built-in types).
    None
}

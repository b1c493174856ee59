//! Feed arbitrary bytes to the front end: the parser in every mode, then the
//! whole compiler. Anything may be rejected with a `SyntaxError`; nothing may
//! panic, overflow the stack or take unreasonably long.

#![no_main]

use krait_syntax::Mode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [Mode::File, Mode::Eval, Mode::Single] {
        let _ = krait_syntax::parse(src, mode);
    }
    let _ = krait_compiler::compile_source(src, "<fuzz>", Mode::File);
});

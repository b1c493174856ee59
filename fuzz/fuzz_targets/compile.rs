//! Feed arbitrary bytes to the front end: the parser in every mode, then the
//! whole compiler. Anything may be rejected with a `SyntaxError`; nothing may
//! panic, overflow the stack or take unreasonably long.
//!
//! `compile_source` parses and compiles a module one top-level statement at a
//! time (`StmtStream` feeding `ModuleCompiler`); its outcome must be exactly
//! that of parsing the whole module and then compiling the tree, which is
//! checked here too (a difference is a crash).

#![no_main]

use krait_compiler::{compile_module, compile_source};
use krait_syntax::Mode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [Mode::Eval, Mode::Single] {
        let _ = krait_syntax::parse(src, mode);
    }
    let whole = krait_syntax::parse(src, Mode::File).and_then(|m| compile_module(&m, "<fuzz>", Mode::File));
    let streamed = compile_source(src, "<fuzz>", Mode::File);
    match (&whole, &streamed) {
        // Debug, not ==: a NaN constant is not equal to itself.
        (Ok(a), Ok(b)) => assert!(format!("{a:?}") == format!("{b:?}"), "streaming compiled differently"),
        (Err(a), Err(b)) => assert_eq!((&a.msg, a.line, a.col, a.kind), (&b.msg, b.line, b.col, b.kind)),
        _ => panic!("streaming: {streamed:?}\nwhole module: {whole:?}"),
    }
});

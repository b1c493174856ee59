//! Standard input as a stream fed through a pipe: `readinto` fills the program's
//! own buffer (also a memoryview slice of a larger one) without allocating, and
//! `read`/`readline` pick up where it stopped, as on MicroPython's unix port.

use std::io::Write;
use std::process::{Command, Stdio};

fn run_with_stdin(script: &str, input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start krait");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    let out = child.wait_with_output().expect("wait for krait");
    assert!(out.status.success(), "krait failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn readinto_fills_buffers_in_place() {
    let script = "
import sys
buf = bytearray(10)
view = memoryview(buf)
print(sys.stdin.buffer.readinto(view[2:8]), buf)
print(sys.stdin.buffer.readinto(buf, 3), buf)
print(sys.stdin.buffer.readline())
print(sys.stdin.buffer.readinto(buf), buf)
print(sys.stdin.buffer.readinto(buf))
";
    let out = run_with_stdin(script, b"hello world\nrest");
    assert_eq!(
        out,
        concat!(
            "6 bytearray(b'\\x00\\x00hello \\x00\\x00')\n",
            "3 bytearray(b'worello \\x00\\x00')\n",
            "b'ld\\n'\n",
            "4 bytearray(b'restllo \\x00\\x00')\n",
            "0\n",
        )
    );
}

//! Ctrl-C: SIGINT sent to a running program raises `KeyboardInterrupt` in it, in a
//! busy loop and in `time.sleep`, where `except` can catch it; uncaught, it ends the
//! program with a traceback and status 1, as on MicroPython's unix port.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn start(script: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-c", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start krait")
}

fn sigint(child: &Child) {
    let ok = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("run kill").success();
    assert!(ok, "kill -INT failed");
}

/// Read stdout lines until `want` appears (the program is then inside the code to interrupt).
fn wait_for(out: &mut impl BufRead, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if out.read_line(&mut line).expect("read stdout") == 0 {
            panic!("program ended before printing {want:?}");
        }
        if line.trim_end() == want {
            return;
        }
    }
    panic!("timed out waiting for {want:?}");
}

#[test]
fn ctrl_c_is_caught_in_a_loop_and_in_sleep() {
    let script = "import sys, time\n\
        try:\n    print('loop'); sys.stdout.flush()\n    while True:\n        pass\n\
        except KeyboardInterrupt as e:\n    print('caught loop', repr(e))\n\
        try:\n    print('sleep'); sys.stdout.flush()\n    time.sleep(600)\n\
        except KeyboardInterrupt:\n    print('caught sleep')\n";
    let mut child = start(script);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    wait_for(&mut out, "loop");
    // Let the loop start spinning, then interrupt it.
    std::thread::sleep(Duration::from_millis(100));
    sigint(&child);
    wait_for(&mut out, "caught loop KeyboardInterrupt()");
    wait_for(&mut out, "sleep");
    std::thread::sleep(Duration::from_millis(100));
    let t0 = Instant::now();
    sigint(&child);
    wait_for(&mut out, "caught sleep");
    assert!(t0.elapsed() < Duration::from_secs(30), "sleep was not cut short");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn uncaught_ctrl_c_prints_a_traceback_and_exits_1() {
    let script = "import sys\ndef spin():\n    while True:\n        pass\nprint('ready'); sys.stdout.flush()\nspin()\n";
    let mut child = start(script);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    wait_for(&mut out, "ready");
    std::thread::sleep(Duration::from_millis(100));
    sigint(&child);
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read stderr");
    assert_eq!(status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("in spin\nKeyboardInterrupt"), "stderr: {err}");
}

//! The Python test corpus: runs every `tests/py/**/*.py` through the `krait` binary and compares
//! its output with the `.exp` file beside it.
//!
//! Conventions:
//!
//! - A test is any `tests/py/**/*.py` except files whose name starts with `_` and anything inside
//!   a directory named `modules` or whose name starts with `_` (those are helpers that tests import).
//! - Each test runs as `krait -X emit=<emitter> <file name>` with the test's directory as the working
//!   directory, stdin closed (null), and a timeout (`KRAIT_TEST_TIMEOUT` seconds, default 10; the
//!   process is killed when it expires). stdout and stderr go into one pipe, so their relative order
//!   is kept, and that merged output must equal the `.exp` file byte for byte (only `\r\n` is
//!   normalised to `\n`). The exit status must be 0 unless the test's header says otherwise.
//! - Header directives are comment lines at the very top of a test, before its first non-comment
//!   line (see the block below).
//! - `tests/py/known_failures.txt` lists tests that are expected to fail, one path relative to
//!   `tests/py` per line (`basics/int_big.py`), optionally with `:<emitter>` to restrict the entry
//!   to one emitter (`generators/gen_send.py:native`); `#` starts a comment. A listed test that
//!   fails is reported as an expected failure; a listed test that passes fails the run ("now passes:
//!   remove from known_failures.txt"), so the list only ever shrinks. Any other failure fails the run.
//!
//! ```text
//! # emitters: bytecode native   run only under these emitters (default: every one in EMITTERS)
//! # exit: 1                     the expected exit status (default 0)
//! # exp: hand                   the .exp is written by hand (MicroPython's behaviour), so
//!                               tests/gen-exp.py must not regenerate it from CPython
//! # args: -X heapsize=64K       extra command-line options for krait, put before the file name
//! ```
//!
//! Environment variables:
//!
//! ```text
//! KRAIT_TEST_FILTER=substring     run only the tests whose relative path contains it
//! KRAIT_UPDATE_KNOWN_FAILURES=1   rewrite known_failures.txt to exactly the failing set
//!                                 (entries outside the filter are kept as they are)
//! KRAIT_TEST_VERBOSE=1            also show the diffs of expected failures
//! KRAIT_TEST_TIMEOUT=seconds      per-test timeout (default 10; 60 with KRAIT_GC_STRESS=1)
//! KRAIT_TEST_BIN=/path/to/binary  run another binary instead of the built krait (for example a
//!                                 MicroPython unix build, to check the corpus itself)
//! ```
//!
//! Typical use: `cargo test -p krait --test pytests` (the report is written straight to stderr, so it
//! shows even though libtest captures the test's output).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Every emitter a test runs under unless its `# emitters:` header says otherwise.
const EMITTERS: &[&str] = &["bytecode"];

const DEFAULT_TIMEOUT_SECS: u64 = 10;
/// Output beyond this many bytes is read and discarded (a runaway print loop must not eat memory).
const MAX_OUTPUT: usize = 4 << 20;
/// Lines of diff shown per failure.
const DIFF_LINES: usize = 6;
const KNOWN_FAILURES: &str = "known_failures.txt";

struct Test {
    /// Path relative to tests/py, with `/` separators.
    rel: String,
    path: PathBuf,
    emitters: Vec<String>,
    exit_code: i32,
    /// Extra krait options from the `# args:` header.
    args: Vec<String>,
}

/// One run: a test under one emitter.
struct Job<'a> {
    test: &'a Test,
    emitter: &'a str,
}

impl Job<'_> {
    fn key(&self) -> String {
        format!("{}:{}", self.test.rel, self.emitter)
    }
}

enum Outcome {
    Pass,
    /// A failure, with a human-readable explanation (several lines).
    Fail(String),
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/py")
}

fn is_helper_name(name: &str) -> bool {
    name.starts_with('_')
}

fn collect_tests(dir: &Path, root: &Path, out: &mut Vec<Test>) {
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if name != "modules" && !is_helper_name(&name) {
                collect_tests(&path, root, out);
            }
        } else if name.ends_with(".py") && !is_helper_name(&name) {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let source = fs::read_to_string(&path).unwrap_or_default();
            let (emitters, exit_code, args) = parse_header(&rel, &source);
            out.push(Test { rel, path, emitters, exit_code, args });
        }
    }
}

/// Reads the `# emitters:`, `# exit:` and `# args:` directives from the leading comment block.
fn parse_header(rel: &str, source: &str) -> (Vec<String>, i32, Vec<String>) {
    let mut emitters: Vec<String> = EMITTERS.iter().map(|e| e.to_string()).collect();
    let mut exit_code = 0;
    let mut args = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        let Some(comment) = line.strip_prefix('#') else { break };
        let comment = comment.trim();
        if let Some(list) = comment.strip_prefix("emitters:") {
            let wanted: Vec<&str> = list.split([' ', ',']).filter(|s| !s.is_empty()).collect();
            for w in &wanted {
                assert!(EMITTERS.contains(w) || *w == "native", "{rel}: unknown emitter {w:?} in header");
            }
            emitters.retain(|e| wanted.contains(&e.as_str()));
        } else if let Some(code) = comment.strip_prefix("exit:") {
            exit_code = code.trim().parse().unwrap_or_else(|_| panic!("{rel}: bad `# exit:` header"));
        } else if let Some(list) = comment.strip_prefix("args:") {
            args.extend(list.split_whitespace().map(str::to_string));
        }
    }
    (emitters, exit_code, args)
}

/// Known failures: key `rel:emitter` for emitter-specific entries, `rel` for all emitters.
struct KnownFailures {
    /// The comment/blank lines at the top of the file, kept on rewrite.
    header: Vec<String>,
    entries: BTreeSet<String>,
}

fn read_known_failures(path: &Path) -> KnownFailures {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut header = Vec::new();
    let mut entries = BTreeSet::new();
    let mut in_header = true;
    for line in text.lines() {
        let entry = line.split('#').next().unwrap().trim();
        if entry.is_empty() {
            if in_header {
                header.push(line.to_string());
            }
            continue;
        }
        in_header = false;
        entries.insert(entry.to_string());
    }
    KnownFailures { header, entries }
}

/// Runs `krait` on one job and compares the result.
fn run_job(bin: &Path, job: &Job, timeout: Duration) -> Outcome {
    let test = job.test;
    let exp_path = test.path.with_extension("exp");
    let expected = match fs::read(&exp_path) {
        Ok(b) => normalise(&b),
        Err(_) => return Outcome::Fail(format!("  missing {}", exp_path.display())),
    };
    let dir = test.path.parent().unwrap();
    let file = test.path.file_name().unwrap();
    let (reader, writer) = match std::io::pipe() {
        Ok(p) => p,
        Err(e) => return Outcome::Fail(format!("  cannot create pipe: {e}")),
    };
    let writer2 = match writer.try_clone() {
        Ok(w) => w,
        Err(e) => return Outcome::Fail(format!("  cannot clone pipe: {e}")),
    };
    let mut cmd = Command::new(bin);
    cmd.arg("-X").arg(format!("emit={}", job.emitter)).args(&test.args).arg(file).current_dir(dir);
    cmd.stdin(Stdio::null()).stdout(writer).stderr(writer2);
    // Keep the run independent of the caller's module search path.
    cmd.env_remove("MICROPYPATH").env_remove("PYTHONPATH");
    let spawned = cmd.spawn();
    // The Command holds the pipe's write ends; drop it so the reader sees EOF when the child exits.
    drop(cmd);
    let mut child: Child = match spawned {
        Ok(c) => c,
        Err(e) => return Outcome::Fail(format!("  cannot run {}: {e}", bin.display())),
    };

    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = reader;
        let mut out = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_OUTPUT.saturating_sub(out.len());
                    out.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send(out);
    });

    let start = Instant::now();
    let mut status: Option<ExitStatus> = None;
    let mut timed_out = false;
    let mut nap = Duration::from_millis(1);
    while status.is_none() {
        match child.try_wait() {
            Ok(Some(s)) => status = Some(s),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                status = child.wait().ok();
                timed_out = true;
                break;
            }
            Ok(None) => {
                thread::sleep(nap);
                nap = (nap * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Outcome::Fail(format!("  waiting for krait failed: {e}")),
        }
    }
    // If something the child spawned still holds the pipe, do not wait for it forever.
    let got = rx.recv_timeout(Duration::from_secs(2)).unwrap_or_default();
    let got = normalise(&got);

    if timed_out {
        return Outcome::Fail(format!("  timed out after {} s\n{}", timeout.as_secs(), diff(&expected, &got)));
    }
    let status = match status {
        Some(s) => s,
        None => return Outcome::Fail("  lost the child process".into()),
    };
    let code = status.code();
    if got != expected {
        let mut msg = diff(&expected, &got);
        if code != Some(test.exit_code) {
            msg = format!("  exit status {}\n{msg}", describe_status(status));
        }
        return Outcome::Fail(msg);
    }
    if code != Some(test.exit_code) {
        return Outcome::Fail(format!(
            "  output matches, but exit status is {} (expected {})",
            describe_status(status),
            test.exit_code
        ));
    }
    Outcome::Pass
}

fn describe_status(status: ExitStatus) -> String {
    match status.code() {
        Some(c) => c.to_string(),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(sig) = status.signal() {
                    return format!("killed by signal {sig}");
                }
            }
            "unknown".into()
        }
    }
}

fn normalise(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// A short diff: the first differing line, with a few lines of expected (`-`) and got (`+`) output.
fn diff(expected: &[u8], got: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let first = exp_lines.iter().zip(&got_lines).take_while(|(a, b)| a == b).count();
    let mut out = format!(
        "  first difference at line {} (expected {} lines, got {} lines)\n",
        first + 1,
        exp_lines.len(),
        got_lines.len()
    );
    let show = |sign: char, lines: &[&str], out: &mut String| {
        let tail = &lines[first.min(lines.len())..];
        for line in tail.iter().take(DIFF_LINES) {
            let (text, eol) = match line.strip_suffix('\n') {
                Some(t) => (t, ""),
                None => (*line, " (no newline at end)"),
            };
            out.push_str(&format!("    {sign} {}{eol}\n", visible(text)));
        }
        if tail.len() > DIFF_LINES {
            out.push_str(&format!("    {sign} ... ({} more)\n", tail.len() - DIFF_LINES));
        }
        if tail.is_empty() {
            out.push_str(&format!("    {sign} <end of output>\n"));
        }
    };
    show('-', &exp_lines, &mut out);
    show('+', &got_lines, &mut out);
    out
}

/// Makes control characters visible without escaping quotes or non-ASCII text.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

fn report(line: &str) {
    // Written straight to the process's stderr so the report shows even when libtest captures output.
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(line.as_bytes());
    let _ = err.write_all(b"\n");
}

#[test]
fn python_corpus() {
    let root = corpus_root().canonicalize().expect("tests/py exists");
    let bin =
        std::env::var_os("KRAIT_TEST_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_krait")), PathBuf::from);
    let filter = std::env::var("KRAIT_TEST_FILTER").unwrap_or_default();
    let update = std::env::var("KRAIT_UPDATE_KNOWN_FAILURES").is_ok_and(|v| !v.is_empty() && v != "0");
    let verbose = std::env::var("KRAIT_TEST_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0");
    // Collecting at every safepoint makes allocation-heavy tests many times slower.
    let stress = std::env::var("KRAIT_GC_STRESS").is_ok_and(|v| v == "1");
    let default_timeout = if stress { 6 * DEFAULT_TIMEOUT_SECS } else { DEFAULT_TIMEOUT_SECS };
    let timeout = Duration::from_secs(
        std::env::var("KRAIT_TEST_TIMEOUT").ok().and_then(|v| v.parse().ok()).unwrap_or(default_timeout),
    );

    let mut all_tests = Vec::new();
    collect_tests(&root, &root, &mut all_tests);
    let selected = |rel: &str| filter.is_empty() || rel.contains(filter.as_str());
    let tests: Vec<&Test> = all_tests.iter().filter(|t| selected(&t.rel)).collect();
    let jobs: Vec<Job> =
        tests.iter().flat_map(|t| t.emitters.iter().map(move |e| Job { test: t, emitter: e })).collect();

    let kf_path = root.join(KNOWN_FAILURES);
    let known = read_known_failures(&kf_path);
    let is_known = |job: &Job| known.entries.contains(&job.test.rel) || known.entries.contains(&job.key());

    // Run the jobs on a pool of threads; results land in a map keyed by job index.
    let results: Mutex<BTreeMap<usize, Outcome>> = Mutex::new(BTreeMap::new());
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(jobs.len().max(1));
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let outcome = run_job(&bin, job, timeout);
                results.lock().unwrap().insert(i, outcome);
            });
        }
    });
    let results = results.into_inner().unwrap();

    let (mut passed, mut failed, mut expected_failures) = (0usize, 0usize, 0usize);
    let mut problems = Vec::new();
    for test in &tests {
        if !test.path.with_extension("exp").is_file() {
            problems.push(format!("{} has no .exp file (run tests/gen-exp.py or write it by hand)", test.rel));
        }
    }
    let mut failing_keys: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (i, job) in jobs.iter().enumerate() {
        let outcome = &results[&i];
        match (outcome, is_known(job)) {
            (Outcome::Pass, false) => passed += 1,
            (Outcome::Pass, true) => {
                passed += 1;
                if update {
                    report(&format!("now passes, removed from {KNOWN_FAILURES}: {}", job.key()));
                } else {
                    problems.push(format!("now passes: remove from {KNOWN_FAILURES}: {}", job.key()));
                }
            }
            (Outcome::Fail(why), true) => {
                expected_failures += 1;
                failing_keys.entry(&job.test.rel).or_default().push(job.emitter);
                if verbose {
                    report(&format!("expected failure: {} [{}]\n{}", job.test.rel, job.emitter, why.trim_end()));
                }
            }
            (Outcome::Fail(why), false) => {
                failed += 1;
                failing_keys.entry(&job.test.rel).or_default().push(job.emitter);
                if update && !verbose {
                    report(&format!("now fails, added to {KNOWN_FAILURES}: {}", job.key()));
                } else {
                    report(&format!("FAIL {} [{}]\n{}", job.test.rel, job.emitter, why.trim_end()));
                }
            }
        }
    }

    // Entries of known_failures.txt that name no test (within the filter) are stale.
    let existing: BTreeSet<String> = all_tests
        .iter()
        .flat_map(|t| std::iter::once(t.rel.clone()).chain(t.emitters.iter().map(|e| format!("{}:{e}", t.rel))))
        .collect();
    for entry in &known.entries {
        let rel = entry.split(':').next().unwrap();
        if selected(rel) && !existing.contains(entry) && !update {
            problems
                .push(format!("{KNOWN_FAILURES} lists {entry}, which is not a test (or not run under that emitter)"));
        }
    }

    if update {
        // Keep the entries this run did not look at; replace the rest with what failed now.
        let mut entries: BTreeSet<String> = known
            .entries
            .iter()
            .filter(|e| {
                let rel = e.split(':').next().unwrap();
                !selected(rel) && existing.contains(*e)
            })
            .cloned()
            .collect();
        let emitters_of: BTreeMap<&str, &Vec<String>> = tests.iter().map(|t| (t.rel.as_str(), &t.emitters)).collect();
        for (rel, emitters) in &failing_keys {
            if emitters.len() == emitters_of[rel].len() {
                entries.insert(rel.to_string());
            } else {
                entries.extend(emitters.iter().map(|e| format!("{rel}:{e}")));
            }
        }
        let mut text = String::new();
        if known.header.iter().all(|l| l.trim().is_empty()) {
            text.push_str(
                "# Tests expected to fail (paths relative to tests/py; `path:emitter` for one emitter only).\n",
            );
            text.push_str("# Regenerate with KRAIT_UPDATE_KNOWN_FAILURES=1 cargo test -p krait --test pytests\n");
        } else {
            for line in &known.header {
                text.push_str(line);
                text.push('\n');
            }
        }
        for e in &entries {
            text.push_str(e);
            text.push('\n');
        }
        fs::write(&kf_path, text).expect("write known_failures.txt");
        report(&format!("rewrote {} with {} entries", kf_path.display(), entries.len()));
    }

    for p in &problems {
        report(p);
    }
    report(&format!("{passed} passed, {failed} failed, {expected_failures} expected failures"));
    assert!(!jobs.is_empty() || !filter.is_empty(), "no tests found under {}", root.display());
    if !update {
        assert!(
            failed == 0 && problems.is_empty(),
            "{failed} tests failed, {} other problems (see above)",
            problems.len()
        );
    }
}

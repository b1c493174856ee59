#!/usr/bin/env python3
"""Regenerate the expected output (.exp) of the Python test corpus from CPython.

Usage:
    tests/gen-exp.py [--check] [--python PYTHON] [FILTER ...]

Runs every test in tests/py (the same files the cargo harness runs: not files whose name
starts with "_", nor anything under a directory named "modules" or starting with "_") with
CPython, from the test's own directory, as `python3 -u <file>`, with stdin closed and stdout
and stderr merged, and writes that output to the .exp beside the test.

Tests whose leading comment block contains `# exp: hand` are skipped: their .exp is written
by hand because MicroPython deliberately differs from CPython there (tracebacks, messages,
the micropython module). A `# exit: N` header gives the expected exit status (default 0);
a mismatch is reported.

FILTER arguments restrict the run to tests whose path (relative to tests/py) contains one
of them. --check writes nothing and exits 1 if any generated .exp would change.

The output is also screened for CPython-only artifacts (object addresses, CPython-style
tracebacks that quote source lines); such a test must be rewritten or made hand-written.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py")
TIMEOUT = 60


def find_tests():
    tests = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(
            d for d in dirnames if d != "modules" and not d.startswith("_") and not d.startswith(".")
        )
        for name in sorted(filenames):
            if name.endswith(".py") and not name.startswith("_"):
                tests.append(os.path.join(dirpath, name))
    return tests


def header(path):
    """The directives in the leading comment block."""
    hand = False
    exit_code = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if body.replace(" ", "") == "exp:hand":
                hand = True
            elif body.startswith("exit:"):
                exit_code = int(body[5:].strip())
    return hand, exit_code


ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
CPYTHON_TRACEBACK = re.compile(r'^  File "[^"]*", line \d+, in .*\n    \S', re.M)


def artifacts(text):
    found = []
    if ADDRESS.search(text):
        found.append("an object address")
    if CPYTHON_TRACEBACK.search(text):
        found.append("a CPython-style traceback (quoted source lines)")
    if "^^^" in text or "~~~" in text:
        found.append("CPython traceback carets")
    return found


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    python = "python3"
    if "--python" in args:
        i = args.index("--python")
        python = args[i + 1]
        del args[i : i + 2]
    filters = args

    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)

    version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"generating with {python} ({version})")

    written = unchanged = skipped = 0
    problems = []
    for path in find_tests():
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        if filters and not any(f in rel for f in filters):
            continue
        hand, exit_code = header(path)
        if hand:
            skipped += 1
            continue
        try:
            proc = subprocess.run(
                [python, "-u", os.path.basename(path)],
                cwd=os.path.dirname(path),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            problems.append(f"{rel}: timed out")
            continue
        out = proc.stdout.replace(b"\r\n", b"\n")
        if proc.returncode != exit_code:
            problems.append(f"{rel}: exit status {proc.returncode}, header expects {exit_code}")
        for what in artifacts(out.decode("utf-8", "replace")):
            problems.append(f"{rel}: output contains {what}")
        exp = path[:-3] + ".exp"
        old = None
        if os.path.exists(exp):
            with open(exp, "rb") as f:
                old = f.read()
        if old == out:
            unchanged += 1
            continue
        if check:
            problems.append(f"{rel}: .exp differs from {python}'s output")
            continue
        with open(exp, "wb") as f:
            f.write(out)
        written += 1
        print(f"wrote {os.path.relpath(exp, ROOT)}")

    for p in problems:
        print("PROBLEM:", p)
    print(f"{written} written, {unchanged} unchanged, {skipped} hand-written skipped, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

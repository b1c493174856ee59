#!/usr/bin/env python3
"""compile() of the generated 1 MB source, timed in-process: krait against CPython.

    python3 benches/compile_report.py [--krait PATH] [--python python3] [--runs 5] [--rounds 3]

Writes the source with ../shared/tools/gen1mb.py (next to the repository; or
--gen1mb PATH, or --src FILE to use an existing file) into a temporary
directory, then runs one small program under krait and under python3 that
reads the file and times `compile(src, path, 'exec')` with
`time.perf_counter()`, best of --runs, in one process. Processes alternate
(krait, python3, krait, ...) for --rounds rounds and the best of all is kept,
so both are measured under the same load. Prints both times and the ratio
CPython/krait (above 1: krait is faster). Process start-up, reading the file
and executing the result are not included (benches/compile_1mb.py, run by
benches/run.py, includes them); nor is freeing the previous run's code:
`gc.collect()` runs before each timed compile (krait frees garbage when it
collects, CPython when the last reference goes).
"""
import argparse
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAM = """\
import gc
import sys
import time
path = sys.argv[1]
runs = int(sys.argv[2])
with open(path) as f:
    src = f.read()
best = -1.0
for _ in range(runs):
    # The previous result is garbage: free it now, not during the next compile.
    gc.collect()
    t0 = time.perf_counter()
    code = compile(src, path, 'exec')
    t = time.perf_counter() - t0
    code = None
    if best < 0 or t < best:
        best = t
print(len(src), best)
"""


def default_krait():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    return os.path.join(target, "release", "krait")


def find_gen1mb(explicit):
    if explicit:
        return explicit
    for p in (
        os.path.join(os.path.dirname(REPO), "shared", "tools", "gen1mb.py"),
        os.path.join(REPO, "..", "..", "shared", "tools", "gen1mb.py"),
    ):
        if os.path.exists(p):
            return p
    sys.exit("gen1mb.py not found: use --gen1mb PATH or --src FILE")


def run(cmd, prog, src, runs):
    out = subprocess.run(cmd + [prog, src, str(runs)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("%s failed (%d):\n%s" % (" ".join(cmd), out.returncode, out.stderr[-2000:]))
    size, best = out.stdout.split()
    return int(size), float(best)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--krait", default=default_krait())
    ap.add_argument("--python", default="python3")
    ap.add_argument("--runs", type=int, default=5, help="compiles per process (best is kept)")
    ap.add_argument("--rounds", type=int, default=3, help="processes per interpreter, alternating")
    ap.add_argument("--gen1mb", help="path of gen1mb.py")
    ap.add_argument("--src", help="an existing source file to compile instead")
    args = ap.parse_args()
    if not os.path.exists(args.krait):
        sys.exit("no krait binary at %s (cargo build --release, or --krait PATH)" % args.krait)
    with tempfile.TemporaryDirectory() as tmp:
        src = args.src
        if not src:
            src = os.path.join(tmp, "1mb.py")
            with open(src, "w") as f:
                subprocess.run([sys.executable, find_gen1mb(args.gen1mb)], stdout=f, check=True)
        prog = os.path.join(tmp, "compile_timer.py")
        with open(prog, "w") as f:
            f.write(PROGRAM)
        best = {"krait": None, "cpython": None}
        size = 0
        for _ in range(args.rounds):
            for name, cmd in (("krait", [args.krait]), ("cpython", [args.python])):
                size, t = run(cmd, prog, src, args.runs)
                if best[name] is None or t < best[name]:
                    best[name] = t
    k, c = best["krait"], best["cpython"]
    try:
        load = "%.2f" % os.getloadavg()[0]
    except OSError:
        load = "?"
    print("compile() of %d bytes, best of %d x %d (load %s)" % (size, args.rounds, args.runs, load))
    print("  krait    %8.2f ms" % (k * 1e3))
    print("  cpython  %8.2f ms" % (c * 1e3))
    print("  cpython/krait  %.1fx" % (c / k))


if __name__ == "__main__":
    main()

"""Start-up cost: the CPU time (user + system) of `krait -c 'print(1)'` against
another interpreter's, MicroPython's unix port by default, in the same run.

    python3 benches/startup_report.py [--krait BIN] [--other BIN] [--runs N]

The two commands alternate, N times each (default 400), so both are measured
under the same load; each run's CPU time is read from the kernel's accounting
of the finished child (`os.wait4`). Prints the median and the lowest decile of
each and the ratio other/krait (above 1: krait starts faster).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_ms(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("%s exited with %d" % (" ".join(cmd), proc.returncode))
    return (usage.ru_utime + usage.ru_stime) * 1e3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default=os.path.join(REPO, "target", "release", "krait"))
    ap.add_argument("--other", default=shutil.which("micropython") or "micropython",
                    help="the interpreter to compare with (default: micropython on PATH)")
    ap.add_argument("--runs", type=int, default=400)
    args = ap.parse_args()
    for b in (args.krait, args.other):
        if not (os.path.isfile(b) and os.access(b, os.X_OK)):
            sys.exit("no executable at %s" % b)
    times = {args.krait: [], args.other: []}
    for _ in range(args.runs):
        for b in (args.krait, args.other):
            times[b].append(cpu_ms([b, "-c", "print(1)"]))
    rows = []
    for b in (args.krait, args.other):
        t = sorted(times[b])
        rows.append((b, statistics.median(t), t[len(t) // 10]))
    for b, med, low in rows:
        print("%-40s median %.3f ms   lowest decile %.3f ms" % (b, med, low))
    print("ratio other/krait: median %.2f, lowest decile %.2f"
          % (rows[1][1] / rows[0][1], rows[1][2] / rows[0][2]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Run krait's benchmark suite against CPython and report ratios.

    python3 benches/run.py [--krait PATH] [--runs N] [--filter S] [--column NAME=CMD ...]

Every benchmark (benches/*.py) is run by every column, alternating (krait,
python3, krait, python3, ...) N times each. A run is timed as the wall time of
its process; its peak RSS comes from wait4()'s rusage. The output of each run
must equal CPython's: the programs print checksums, not times.

Columns are a list of (name, command prefix, baselines). The built-in ones
are `krait` (compared with `cpython`) and `cpython` (the reference whose
output every other column must reproduce). `--column NAME=CMD` adds one; CMD
may use {krait} and {python} and is split like a shell command line; by
default an added column gets ratios against `cpython` and `krait`, and
`--column NAME:BASE1,BASE2=CMD` chooses them. `--emit native` is short for
`--column krait-native="{krait} -X emit=native"`.

A ratio BASE/COL above 1 means COL is faster than BASE. Results are printed,
and written to benches/results/<timestamp>.md, latest.md, latest.json and
latest.svg (a bar chart of the ratios). The exit status is nonzero if any
column other than the reference failed or disagreed with it on any benchmark.
"""

import argparse
import datetime
import json
import math
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
RESULTS_DIR = os.path.join(BENCH_DIR, "results")
REFERENCE = "cpython"
STDERR_LINES = 6

# A benchmark that needs a generated input says so on a line of its own:
#     # bench-input: gen1mb
# and the runner passes the generated file's path as its first argument.
INPUT_MARK = "# bench-input:"


class Column:
    def __init__(self, name, cmd, baselines):
        self.name = name
        self.cmd = cmd  # list of argv words, the script and its args follow
        self.baselines = baselines  # names of the columns this one is compared with

    def __repr__(self):
        return "Column(%r, %r, %r)" % (self.name, self.cmd, self.baselines)


class Outcome:
    """All runs of one benchmark under one column."""

    def __init__(self):
        self.times = []
        self.rss_kb = []
        self.error = None  # None, or a one-line reason
        self.stderr = ""
        self.stdout = None  # output of the first run
        self.skipped = None

    @property
    def ok(self):
        return self.error is None and self.skipped is None and bool(self.times)

    def median(self):
        t = sorted(self.times)
        n = len(t)
        if not n:
            return None
        return t[n // 2] if n % 2 else (t[n // 2 - 1] + t[n // 2]) / 2

    def spread(self):
        """Half the range of the times, relative to the median."""
        m = self.median()
        if not m or len(self.times) < 2:
            return 0.0
        return (max(self.times) - min(self.times)) / 2 / m

    def peak_rss_mb(self):
        return max(self.rss_kb) / 1024 if self.rss_kb else None


def status_kb(path, field="VmHWM:"):
    """A memory figure (KiB) from a /proc/.../status file, or None."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


class PeakWatcher(threading.Thread):
    """Samples a child's VmHWM (its peak RSS) from /proc while it runs.

    wait4()'s ru_maxrss alone is not enough: Linux folds the high-water mark
    of the memory image that exec() replaced into it, and subprocess spawns
    with vfork(), so a child's ru_maxrss is never below the runner's own peak
    RSS. VmHWM belongs to the child's own image and does not have that floor.
    """

    def __init__(self, pid, interval=0.01):
        super().__init__(daemon=True)
        self.path = "/proc/%d/status" % pid
        self.interval = interval
        self.peak = None
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            v = status_kb(self.path)
            if v is not None and (self.peak is None or v > self.peak):
                self.peak = v
            self.done.wait(self.interval)


def run_once(argv, cwd, timeout):
    """Run argv; return (wall seconds, rc, stdout, stderr, peak RSS in KiB)."""
    floor = status_kb("/proc/self/status")  # what ru_maxrss cannot go below
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        watcher = PeakWatcher(proc.pid)
        watcher.start()
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                proc.kill()
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            watcher.done.set()
        wall = time.perf_counter() - start
        watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
            else (status >> 8 if os.WIFEXITED(status) else -os.WTERMSIG(status))
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss
    if sys.platform == "darwin":
        rss //= 1024  # bytes there, KiB on Linux
    if floor is not None and rss <= floor and watcher.peak is not None:
        # ru_maxrss is only the runner's own floor: the child's peak was lower; the
        # last samples of VmHWM are as close as we can get (within ~10 ms of exit)
        rss = watcher.peak
    if timed_out:
        stderr += "\n[runner] killed after %.0f s" % timeout
    return wall, proc.returncode, stdout, stderr, rss


def first_lines(text, n=STDERR_LINES):
    lines = [l for l in text.strip().splitlines()]
    if len(lines) > n:
        # a traceback's last line says what went wrong: keep it
        lines = lines[: n - 2] + ["..."] + lines[-1:]
    return "\n".join(lines)


def describe_mismatch(expected, got):
    e = expected.splitlines()
    g = got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<no line>"
        b = g[i] if i < len(g) else "<no line>"
        if a != b:
            return "line %d: expected %r, got %r" % (i + 1, a[:200], b[:200])
    return "outputs differ"


def discover(filter_words):
    names = []
    for fn in sorted(os.listdir(BENCH_DIR)):
        # *_report.py are helper scripts run with python3 (gc_pause_report.py), not benchmarks.
        if not fn.endswith(".py") or fn.startswith("_") or fn == "run.py" or fn.endswith("_report.py"):
            continue
        name = fn[:-3]
        if filter_words and not any(w in name for w in filter_words):
            continue
        names.append(name)
    return names


def bench_input(name):
    with open(os.path.join(BENCH_DIR, name + ".py")) as f:
        for line in f:
            if line.startswith(INPUT_MARK):
                return line[len(INPUT_MARK):].strip()
    return None


def find_gen1mb(explicit):
    cands = [explicit] if explicit else [
        os.path.join(os.path.dirname(REPO), "shared", "tools", "gen1mb.py"),
        os.path.join(REPO, "..", "..", "shared", "tools", "gen1mb.py"),
    ]
    for c in cands:
        if c and os.path.isfile(c):
            return os.path.abspath(c)
    return None


def make_inputs(names, args, python, tmpdir):
    """Generate the inputs some benchmarks ask for. Returns {kind: path or None}."""
    made = {}
    for name in names:
        kind = bench_input(name)
        if kind is None or kind in made:
            continue
        if kind == "gen1mb":
            gen = find_gen1mb(args.gen1mb)
            if gen is None:
                made[kind] = None
                continue
            path = os.path.join(tmpdir, "source_1mb.py")
            with open(path, "wb") as f:
                subprocess.run([python, gen], stdout=f, check=True)
            made[kind] = path
        else:
            made[kind] = None
    return made


def git_describe():
    try:
        rev = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+dirty" if dirty else "") if rev else "unknown"
    except OSError:
        return "unknown"


def command_version(cmd):
    try:
        r = subprocess.run(cmd + ["-c", "import sys; print(sys.version.split()[0], sys.implementation.name)"],
                           capture_output=True, text=True, timeout=30)
        return r.stdout.strip() or first_lines(r.stderr, 1)
    except (OSError, subprocess.TimeoutExpired) as e:
        return "unavailable (%s)" % e


def parse_columns(args):
    krait = os.path.abspath(args.krait)
    python = args.python
    subst = {"krait": krait, "python": python}
    cols = [Column("krait", [krait], [REFERENCE]), Column(REFERENCE, [python], [])]
    extra = ["krait-%s:%s,krait={krait} -X emit=%s" % (e, REFERENCE, e) for e in args.emit]
    extra += args.column
    for spec in extra:
        if "=" not in spec:
            sys.exit("run.py: --column wants NAME=CMD or NAME:BASE,...=CMD, got %r" % spec)
        head, cmd = spec.split("=", 1)
        if ":" in head:
            name, bases = head.split(":", 1)
            bases = [b for b in bases.split(",") if b]
        else:
            name, bases = head, [REFERENCE, "krait"]
        words = [w.format(**subst) for w in shlex.split(cmd)]
        if not name or not words:
            sys.exit("run.py: empty column name or command in %r" % spec)
        cols.append(Column(name, words, bases))
    names = [c.name for c in cols]
    for c in cols:
        if names.count(c.name) > 1:
            sys.exit("run.py: two columns named %r" % c.name)
        for b in c.baselines:
            if b not in names:
                sys.exit("run.py: column %r is compared with unknown column %r" % (c.name, b))
    return cols


def ratio_pairs(columns):
    """(column, baseline) for every ratio column of the table, in order."""
    return [(c.name, b) for c in columns for b in c.baselines]


def ratio(results, bench, col, base):
    a = results[bench][base]
    b = results[bench][col]
    if not (a.ok and b.ok):
        return None
    return a.median() / b.median()


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def fmt_time(o):
    if o.skipped:
        return "skipped"
    if not o.ok:
        return "FAIL"
    s = "%.3f" % o.median()
    if len(o.times) > 1:
        s += " ±%d%%" % round(o.spread() * 100)
    return s


def fmt_ratio(r):
    return "—" if r is None else "%.2f" % r


def build_table(names, columns, results):
    pairs = ratio_pairs(columns)
    others = [c for c in columns if c.name != REFERENCE]
    header = ["benchmark"] + ["%s s" % c.name for c in columns] + ["%s/%s" % (b, c) for c, b in pairs]
    header += ["output"] + ["%s MB" % c.name for c in columns]
    rows = []
    for n in names:
        row = [n] + [fmt_time(results[n][c.name]) for c in columns]
        row += [fmt_ratio(ratio(results, n, c, b)) for c, b in pairs]
        bad = [c.name for c in others if results[n][c.name].error]
        if results[n][REFERENCE].skipped:
            verdict = "skipped"
        elif results[n][REFERENCE].error:
            verdict = "REFERENCE FAILED"
        else:
            verdict = "ok" if not bad else "FAIL: " + ", ".join(bad)
        row.append(verdict)
        for c in columns:
            mb = results[n][c.name].peak_rss_mb()
            row.append("—" if mb is None else "%.1f" % mb)
        rows.append(row)
    gm = ["geometric mean"] + [""] * len(columns)
    gm += [fmt_ratio(geomean([ratio(results, n, c, b) for n in names])) for c, b in pairs]
    gm += [""] * (1 + len(columns))
    rows.append(gm)
    return header, rows


def markdown_table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    right = [i > 0 and header[i] != "output" for i in range(len(header))]

    def line(cells):
        out = []
        for i, c in enumerate(cells):
            c = str(c)
            out.append(c.rjust(widths[i]) if right[i] else c.ljust(widths[i]))
        return "| " + " | ".join(out) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if right[i] else ("-" * (w + 2))
                         for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), sep] + [line(r) for r in rows])


def failures_text(names, columns, results):
    out = []
    for n in names:
        for c in columns:
            o = results[n][c.name]
            if o.error:
                out.append("- **%s** under `%s`: %s" % (n, c.name, o.error))
                if o.stderr.strip():
                    out.append("")
                    out.append("  ```")
                    out.extend("  " + l for l in first_lines(o.stderr).splitlines())
                    out.append("  ```")
            elif o.skipped:
                out.append("- **%s** under `%s`: skipped (%s)" % (n, c.name, o.skipped))
    return "\n".join(out)


def svg_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_svg(path, names, columns, results, title):
    """A horizontal grouped bar chart of every ratio column, log scale, 1.0 marked."""
    pairs = ratio_pairs(columns)
    palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795"]
    rows = [(n, [ratio(results, n, c, b) for c, b in pairs]) for n in names]
    rows.append(("geometric mean", [geomean([ratio(results, n, c, b) for n in names]) for c, b in pairs]))
    vals = [v for _, rs in rows for v in rs if v]
    lo = min(vals + [0.5])
    hi = max(vals + [2.0])
    lmin = math.floor(math.log2(lo))
    lmax = math.ceil(math.log2(hi))
    if lmax - lmin < 2:
        lmax = lmin + 2
    label_w, plot_w, right_pad = 150, 560, 60
    bar_h, gap = 12, 10
    group_h = bar_h * len(pairs) + gap
    top = 60
    legend_h = 18 * len(pairs) + 10
    height = top + group_h * len(rows) + 40 + legend_h
    width = label_w + plot_w + right_pad

    def x_of(v):
        return label_w + (math.log2(v) - lmin) / (lmax - lmin) * plot_w

    el = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
          'font-family="sans-serif" font-size="11">' % (width, height, width, height),
          '<rect width="100%" height="100%" fill="white"/>',
          '<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>' % (10, svg_escape(title)),
          '<text x="%d" y="38" fill="#555">ratio = baseline time / column time (log scale; '
          '&gt; 1 means the column is faster)</text>' % 10]
    axis_y = top + group_h * len(rows)
    for p in range(lmin, lmax + 1):
        v = 2.0 ** p
        x = x_of(v)
        el.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%s"/>'
                  % (x, top - 6, x, axis_y, "#333" if p == 0 else "#ddd", "1.5" if p == 0 else "1"))
        lab = ("%g" % v) if v >= 1 else "1/%g" % (1 / v)
        el.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#333">%s×</text>' % (x, axis_y + 14, lab))
    for gi, (name, rs) in enumerate(rows):
        y0 = top + gi * group_h
        weight = ' font-weight="bold"' if name == "geometric mean" else ""
        el.append('<text x="%d" y="%.1f" text-anchor="end"%s>%s</text>'
                  % (label_w - 8, y0 + bar_h * len(pairs) / 2 + 4, weight, svg_escape(name)))
        for k, r in enumerate(rs):
            y = y0 + k * bar_h
            color = palette[k % len(palette)]
            if r is None:
                el.append('<text x="%.1f" y="%.1f" fill="#c53030">%s</text>'
                          % (x_of(1.0) + 4, y + bar_h - 2, "failed" if name != "geometric mean" else "—"))
                continue
            x1 = x_of(1.0)
            x2 = x_of(r)
            el.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%d" fill="%s"/>'
                      % (min(x1, x2), y + 1, max(abs(x2 - x1), 1), bar_h - 2, color))
            el.append('<text x="%.1f" y="%.1f" fill="#222">%.2f</text>' % (max(x1, x2) + 4, y + bar_h - 2, r))
    ly = axis_y + 32
    for k, (c, b) in enumerate(pairs):
        el.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (label_w, ly + 18 * k,
                                                                                palette[k % len(palette)]))
        el.append('<text x="%d" y="%d">%s</text>' % (label_w + 18, ly + 18 * k + 10,
                                                       svg_escape("%s / %s (%s faster when > 1)" % (b, c, c))))
    el.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(el) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    default_krait = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target"),
                                 "release", "krait")
    ap.add_argument("--krait", default=default_krait,
                    help="the krait binary (default: $CARGO_TARGET_DIR or target/, release/krait)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with (default python3)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each benchmark per column (default 5)")
    ap.add_argument("--filter", action="append", default=[],
                    help="only benchmarks whose name contains S (repeatable)")
    ap.add_argument("--column", action="append", default=[], metavar="NAME[:BASE,...]=CMD",
                    help="add a column (repeatable); CMD may use {krait} and {python}")
    ap.add_argument("--emit", action="append", default=[], metavar="EMITTER",
                    help="add a krait -X emit=EMITTER column compared with cpython and krait (repeatable)")
    ap.add_argument("--arg", action="append", default=[], metavar="NAME=ARGS",
                    help="pass ARGS (e.g. a size) to benchmark NAME (repeatable)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a run is killed (default 300)")
    ap.add_argument("--gen1mb", help="path of gen1mb.py (default: ../shared/tools/gen1mb.py next to the repo)")
    ap.add_argument("--no-write", action="store_true", help="don't write benches/results/")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = ap.parse_args()
    args.emit = [e for spec in args.emit for e in spec.split(",") if e]

    names = discover(args.filter)
    if args.list:
        print("\n".join(names))
        return 0
    if not names:
        sys.exit("run.py: no benchmark matches %r" % args.filter)
    if args.runs < 1:
        sys.exit("run.py: --runs must be at least 1")
    columns = parse_columns(args)
    for c in columns:
        exe = c.cmd[0]
        if not (os.path.isfile(exe) or shutil.which(exe)):
            hint = " (build it: cargo build --release)" if exe == os.path.abspath(args.krait) else ""
            sys.exit("run.py: column %s: %s not found%s" % (c.name, exe, hint))
    bench_args = {}
    for spec in args.arg:
        name, _, rest = spec.partition("=")
        bench_args[name] = shlex.split(rest)

    started = datetime.datetime.now()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    info = {
        "date": started.strftime("%Y-%m-%d %H:%M:%S"),
        "krait": "%s (git %s)" % (os.path.abspath(args.krait), git_describe()),
        "python": "%s: %s" % (args.python, command_version([args.python])),
        "machine": "%s, %s CPUs, load average %s at start" % (
            platform.platform(), os.cpu_count(), " ".join("%.2f" % x for x in load) if load else "?"),
        "runs": args.runs,
        "columns": [{"name": c.name, "cmd": c.cmd, "baselines": c.baselines} for c in columns],
    }
    print("krait:   %s" % info["krait"])
    print("python:  %s" % info["python"])
    print("machine: %s" % info["machine"])
    print("%d benchmarks x %d columns x %d runs" % (len(names), len(columns), args.runs))
    print()

    results = {n: {c.name: Outcome() for c in columns} for n in names}
    with tempfile.TemporaryDirectory(prefix="krait-bench-") as tmpdir:
        inputs = make_inputs(names, args, args.python, tmpdir)
        for n in names:
            kind = bench_input(n)
            argv_tail = list(bench_args.get(n, []))
            if kind is not None:
                if inputs.get(kind) is None:
                    for c in columns:
                        results[n][c.name].skipped = "no input %r (gen1mb.py not found; use --gen1mb)" % kind
                    print("%-16s skipped: no input %r" % (n, kind), flush=True)
                    continue
                argv_tail = [inputs[kind]] + argv_tail
            script = n + ".py"
            for i in range(args.runs):
                for c in columns:
                    o = results[n][c.name]
                    if o.error:
                        continue  # a column that failed once is not run again
                    wall, rc, out, err, rss = run_once(c.cmd + [script] + argv_tail, BENCH_DIR, args.timeout)
                    if rc != 0:
                        o.error = "exit status %d" % rc
                        o.stderr = err
                        continue
                    if o.stdout is None:
                        o.stdout = out
                    elif out != o.stdout:
                        o.error = "output differs between its own runs (%s)" % describe_mismatch(o.stdout, out)
                        continue
                    o.times.append(wall)
                    o.rss_kb.append(rss)
                    o.stderr = err
            ref = results[n][REFERENCE]
            for c in columns:
                o = results[n][c.name]
                if c.name == REFERENCE or o.error:
                    continue
                if ref.error:
                    o.error = "no reference output (%s failed)" % REFERENCE
                elif o.stdout != ref.stdout:
                    o.error = "wrong output: " + describe_mismatch(ref.stdout, o.stdout)
                    o.times = []
            status = "  ".join("%s %s" % (c.name, fmt_time(results[n][c.name])) for c in columns)
            print("%-16s %s" % (n, status), flush=True)

    header, rows = build_table(names, columns, results)
    table = markdown_table(header, rows)
    fails = failures_text(names, columns, results)
    pairs = ratio_pairs(columns)
    print()
    print(table)
    if fails:
        print()
        print("Failures:")
        print(fails)

    failed = any(results[n][c.name].error for n in names for c in columns)
    if not args.no_write:
        os.makedirs(RESULTS_DIR, exist_ok=True)
        md = ["# krait benchmarks, %s" % info["date"], "",
              "- krait: `%s`" % info["krait"],
              "- python: `%s`" % info["python"],
              "- machine: %s" % info["machine"],
              "- %d runs per column, alternating; times are the median wall time of the process in "
              "seconds, ± half the range" % args.runs,
              "- columns: " + ", ".join("`%s` = `%s`" % (c.name, " ".join(c.cmd)) for c in columns),
              "- ratios `A/B` are A's time over B's: above 1 means B is faster; failed benchmarks are "
              "left out of the geometric mean",
              "- command: `%s`" % " ".join(shlex.quote(a) for a in ["python3", "benches/run.py"] + sys.argv[1:]),
              "", table, ""]
        if fails:
            md += ["## Failures", "", fails, ""]
        text = "\n".join(md)
        stamp = started.strftime("%Y%m%d-%H%M%S")
        for fn in (stamp + ".md", "latest.md"):
            with open(os.path.join(RESULTS_DIR, fn), "w") as f:
                f.write(text)
        data = dict(info, benchmarks={
            n: {c.name: {"times": results[n][c.name].times, "median": results[n][c.name].median(),
                         "peak_rss_kb": max(results[n][c.name].rss_kb) if results[n][c.name].rss_kb else None,
                         "error": results[n][c.name].error, "skipped": results[n][c.name].skipped,
                         "stderr": first_lines(results[n][c.name].stderr) if results[n][c.name].error else "",
                         "output": results[n][c.name].stdout}
                for c in columns} for n in names},
            geomeans={"%s/%s" % (b, c): geomean([ratio(results, n, c, b) for n in names]) for c, b in pairs})
        with open(os.path.join(RESULTS_DIR, "latest.json"), "w") as f:
            json.dump(data, f, indent=1)
        write_svg(os.path.join(RESULTS_DIR, "latest.svg"), names, columns, results,
                  "krait benchmarks, %s (git %s)" % (info["date"], git_describe()))
        print()
        print("wrote benches/results/%s.md, latest.md, latest.json, latest.svg" % stamp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

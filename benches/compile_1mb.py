# The compiler front to back: compile() about 1 MB of generated Python source
# (function and class definitions with comprehensions, try/except, raise from,
# dict displays, defaults and *args/**kwargs). The runner writes the source
# with ../shared/tools/gen1mb.py and passes its path as argv[1]; argv[2]
# (default 1) repeats the compile. To check the result, the code object is
# executed and the functions and classes it defines are counted and a few
# are called.
# bench-input: gen1mb
import sys


def main(path, repeat):
    with open(path) as f:
        src = f.read()
    for _ in range(repeat):
        code = compile(src, path, "exec")
    ns = {}
    exec(code, ns)
    funcs = 0
    classes = 0
    for name in ns:
        if name.startswith("f") and name[1:].isdigit():
            funcs += 1
        elif name.startswith("C") and name[1:].isdigit():
            classes += 1
    acc = 0
    for i in range(0, funcs, 97):
        r = ns["f%d" % i](i + (i & 1), 5)
        if isinstance(r, dict):
            acc += len(r["k%d" % i]) * 1000 + sum(r["v"][:2])
        else:
            acc += r
    obj = ns["C%d" % (classes - 1)]()
    obj.z = 1
    print("compile_1mb", len(src), funcs, classes, acc, obj.m(2))


if len(sys.argv) < 2:
    sys.exit("usage: compile_1mb.py SOURCE_FILE [REPEAT]  (benches/run.py makes the file)")
main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)

# exp: hand
# t-strings and string.templatelib objects under memory pressure (MicroPython's
# heap control; the python3 here has neither it nor t-strings, so the expected
# output is written by hand): with the heap locked, whatever would allocate a
# template or an interpolation raises MemoryError and the program goes on;
# templates built while the collector runs in the middle of building them keep
# every part.
import gc
import micropython
from string.templatelib import Interpolation, Template

x = 5
tpl = t"a{x}b"
interp = Interpolation(1, "one")


def locked(what, f):
    micropython.heap_lock()
    try:
        f()
        outcome = "built"
    except MemoryError:
        outcome = "MemoryError"
    micropython.heap_unlock()
    print(what, outcome)


locked("t-string", lambda: t"{x}")
locked("empty t-string", lambda: t"")
locked("Template()", lambda: Template("a", "b"))
locked("Interpolation()", lambda: Interpolation(1, "x", None, None))
locked("template + template", lambda: tpl + tpl)
locked("values", lambda: tpl.values)
locked("iter", lambda: iter(tpl))
locked("repr", lambda: repr(interp))
locked("__template__", lambda: __template__(("a", "b"), (1, "x", None, "")))
# Reading what is already there allocates nothing.
locked("strings", lambda: tpl.strings)
locked("interpolations", lambda: tpl.interpolations)


# A format spec field whose __format__ collects (and makes garbage) while the
# template's earlier interpolations exist only on the interpreter's stack.
class Spec:
    def __format__(self, spec):
        junk = [str(i) * 20 for i in range(20)]
        gc.collect()
        return "w" + spec + str(len(junk))


templates = []
for n in range(100):
    templates.append(t"{[n]}-{str(n) * 3:{Spec():s}}-{n!r}")
    if n % 10 == 0:
        gc.collect()
gc.collect()
print(
    all(
        tp.values == ([n], str(n) * 3, n)
        and tp.strings == ("", "-", "-", "")
        and tp.interpolations[1].format_spec == "ws20"
        and tp.interpolations[2].conversion == "r"
        for n, tp in enumerate(templates)
    )
)
print(templates[7])

# platform: every function returns the documented type (values differ between
# implementations and machines, so only their shapes are printed).

import platform

for name in ["platform", "python_compiler", "system", "machine", "release", "version", "node", "processor",
             "python_implementation", "python_version"]:
    v = getattr(platform, name)()
    print(name, type(v).__name__)
print(type(platform.libc_ver()).__name__, len(platform.libc_ver()), [type(x).__name__ for x in platform.libc_ver()])
t = platform.python_version_tuple()
print(len(t), all(type(x) is str for x in t), platform.python_version().startswith(t[0] + "." + t[1]))
print(platform.system() in ("Linux", "Darwin", "Windows", "FreeBSD"), platform.python_version().count(".") >= 1)
u = platform.uname()
print(u.system == platform.system(), u.machine == platform.machine(), u.release == platform.release())

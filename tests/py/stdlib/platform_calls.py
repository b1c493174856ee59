# platform: each function called by name; values differ between implementations and machines,
# so what is printed is their types and the relations between them.
import platform

print(type(platform.node()).__name__, platform.node() == platform.uname().node)
p = platform.platform()
print(type(p).__name__, p.startswith(platform.system()), len(p) > len(platform.system()))
print(type(platform.processor()).__name__)
print(type(platform.python_compiler()).__name__)
impl = platform.python_implementation()
print(type(impl).__name__, len(impl) > 0, impl.isidentifier())
v = platform.version()
print(type(v).__name__, v == platform.uname().version)

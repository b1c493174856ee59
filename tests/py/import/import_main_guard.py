# __name__ is "__main__" in the script and the module name in imported modules.

print("script __name__:", __name__)
import _mainguard
print(_mainguard.main())
print(_mainguard.__name__)

if __name__ == "__main__":
    print("guarded block runs in the script")
else:
    print("not reached")

def main():
    return "script main"

if __name__ == "__main__":
    print(main())

# a module's __name__ is fixed at import time; renaming the import does not change it
import _mainguard as mg
print(mg.__name__, mg is _mainguard)

# the script's own module object is sys.modules["__main__"]
import sys
main_mod = sys.modules["__main__"]
print(main_mod.main() if hasattr(main_mod, "main") else "no main attribute")
print(main_mod.__name__)

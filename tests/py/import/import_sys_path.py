# sys.path controls where imports look; the script directory comes first.

import sys
print(type(sys.path).__name__, len(sys.path) > 0)

try:
    import pathmod
except ImportError:
    print("pathmod not found before adding its directory")

sys.path.append("modules")
import pathmod
print(pathmod.WHERE)

sys.path.remove("modules")
import pathmod as again
print(again is pathmod)

# sys.path entries are tried in order; a later insert at the front takes priority for new imports
sys.path.insert(0, "modules")
print(sys.path[0])
del sys.modules["pathmod"]
import pathmod as third
print(third is pathmod, third.WHERE)
sys.path.pop(0)

# an empty or bogus entry is simply skipped
sys.path.append("no_such_directory_for_imports")
try:
    import _not_anywhere
except ImportError:
    print("ImportError with bogus path entry")
sys.path.remove("no_such_directory_for_imports")
print("no_such_directory_for_imports" in sys.path)

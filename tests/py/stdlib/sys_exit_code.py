# exit: 3
# An uncaught SystemExit ends the program with its code and prints nothing else.

import sys

print("before exit")
try:
    pass
finally:
    print("cleanup")
sys.exit(3)
print("never printed")

# sys.exit raises SystemExit, which can be caught and inspected.

import sys

for arg in [None, 0, 3, "message"]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", e.args, e.code if hasattr(e, "code") else e.args[0] if e.args else None)

# SystemExit is not caught by `except Exception`
def run():
    try:
        sys.exit(2)
    except Exception:
        return "wrongly caught"
    return "not reached"

try:
    run()
except SystemExit as e:
    print("escaped to outer handler", e.args)

# finally blocks run while exiting
try:
    try:
        sys.exit(5)
    finally:
        print("finally ran during exit")
except SystemExit:
    print("caught after finally")

# raise SystemExit directly
try:
    raise SystemExit(7)
except SystemExit as e:
    print("direct", e.args)

print("still running")

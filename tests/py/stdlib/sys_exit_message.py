# exit: 1
# sys.exit with a string prints the string to stderr and exits with status 1.

import sys

print("about to exit")
sys.exit("fatal: configuration missing")

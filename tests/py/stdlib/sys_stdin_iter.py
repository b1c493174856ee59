# sys.stdin as a text stream: iteration, readline(s) and read() at end of input (the tests
# run with stdin closed).

import sys

n = 0
for line in sys.stdin:
    n += 1
print(n)
print(repr(sys.stdin.readline()), sys.stdin.readlines(), repr(sys.stdin.read()))
print(iter(sys.stdin) is sys.stdin)
print(sys.stdin.buffer.readlines(), repr(sys.stdin.buffer.read()))
try:
    input()
except EOFError:
    print("EOFError")

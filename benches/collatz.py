# Integer loops with branches: the length of the Collatz trajectory of every
# start value below N, no memoisation (pure arithmetic in a tight loop).
import sys


def steps(n):
    count = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        count += 1
    return count


def main(limit):
    best = 0
    best_start = 1
    total = 0
    for start in range(1, limit):
        s = steps(start)
        total += s
        if s > best:
            best = s
            best_start = start
    print("collatz", limit, best_start, best, total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 60000)

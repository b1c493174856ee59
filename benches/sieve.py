# Integer loops over a list: sieve of Eratosthenes, then prime counting,
# twin primes and a weighted sum over the flags.
import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return flags


def summarise(flags):
    count = 0
    total = 0
    twins = 0
    prev = -10
    for k in range(len(flags)):
        if flags[k]:
            count += 1
            total += k
            if k - prev == 2:
                twins += 1
            prev = k
    return count, total, twins


def main(limit):
    flags = sieve(limit)
    count, total, twins = summarise(flags)
    print("sieve", limit, count, total, twins)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000000)

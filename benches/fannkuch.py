# Integer loops over small lists: walk every permutation of 0..n-1 (Heap's
# algorithm, iterative) and count the prefix reversals each one needs until
# 0 comes first; report the maximum and an alternating-sign checksum.
import sys


def flips_of(perm, n):
    p = perm[:]
    flips = 0
    first = p[0]
    while first != 0:
        lo = 0
        hi = first
        while lo < hi:
            t = p[lo]
            p[lo] = p[hi]
            p[hi] = t
            lo += 1
            hi -= 1
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    c = [0] * n
    index = 0
    checksum = 0
    maxflips = 0
    f = flips_of(perm, n)
    checksum += f
    maxflips = f
    i = 1
    while i < n:
        if c[i] < i:
            if i & 1:
                k = c[i]
            else:
                k = 0
            t = perm[k]
            perm[k] = perm[i]
            perm[i] = t
            index += 1
            f = flips_of(perm, n)
            if f > maxflips:
                maxflips = f
            if index & 1:
                checksum -= f
            else:
                checksum += f
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1
    return index + 1, maxflips, checksum


def main(n, repeat):
    for _ in range(repeat):
        count, maxflips, checksum = fannkuch(n)
    print("fannkuch", n, count, maxflips, checksum)


# argv[1]: n (default 8); argv[2]: how many times to repeat the walk (default 4)
main(int(sys.argv[1]) if len(sys.argv) > 1 else 8, int(sys.argv[2]) if len(sys.argv) > 2 else 4)

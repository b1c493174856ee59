# Float arithmetic with many small function calls: the largest singular value
# of an infinite matrix truncated to n x n (power iteration on A^T A), with
# A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1).
import sys


def a_elem(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_elem(i, j) * v[j]
        out.append(acc)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_elem(j, i) * v[j]
        out.append(acc)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(8):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("spectral_norm %d %.9f" % (n, (vbv / vv) ** 0.5))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 260)

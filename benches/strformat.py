# String formatting and str methods: render records with f-strings (with
# format specs), %-formatting and str.format, then take the lines apart again
# with split/partition/strip/replace/find/startswith/join and upper/lower,
# checking that what comes back matches what went in.
import sys

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def render(i):
    name = NAMES[i % 8]
    qty = (i * 37) % 1000
    price = ((i * 7919) % 100000) / 100
    flag = i % 3 == 0
    a = f"{i:>6}|{name:<8}|{qty:04d}|{price:10.2f}|{flag}|{i:x}"
    b = "%6d|%-8s|%04d|%10.2f|%s|%x" % (i, name, qty, price, flag, i)
    c = "{:>6}|{:<8}|{:04d}|{:10.2f}|{}|{:x}".format(i, name, qty, price, flag, i)
    return a, b, c


def parse(line):
    fields = line.split("|")
    i = int(fields[0].strip())
    name = fields[1].rstrip()
    qty = int(fields[2])
    whole, _, cents = fields[3].strip().partition(".")
    price100 = int(whole) * 100 + int(cents)
    flag = fields[4] == "True"
    return i, name, qty, price100, flag, int(fields[5], 16)


def main(n):
    total_len = 0
    mismatches = 0
    upper_hits = 0
    checksum = 0
    out = []
    for i in range(n):
        a, b, c = render(i)
        if a != b or b != c:
            mismatches += 1
        total_len += len(a)
        i2, name, qty, price100, flag, hexed = parse(a)
        if i2 != i or hexed != i or name != NAMES[i % 8]:
            mismatches += 1
        checksum = (checksum * 31 + qty + price100 + (1 if flag else 0)) % 1000000007
        u = name.upper()
        if u.startswith("A") or u.endswith("O"):
            upper_hits += 1
        s = a.replace("|", ", ").lower()
        if s.find("true") >= 0:
            upper_hits += 1
        if i % 1000 == 0:
            out.append(" ".join([name.capitalize(), str(qty), "{:.1f}".format(price100 / 100)]))
    summary = "; ".join(out)
    print("strformat", n, total_len, mismatches, upper_hits, checksum, len(summary), summary[-40:])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 80000)

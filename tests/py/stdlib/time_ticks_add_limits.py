# exp: hand
# time.ticks_add accepts a delta of less than half the ticks period either way, so that
# ticks_diff(ticks_add(t, d), t) == d and ticks_diff(t, ticks_add(t, d)) == -d always hold.
from time import ticks_add, ticks_diff

TICKS_MAX = ticks_add(0, -1)
HALF = TICKS_MAX // 2 + 1
for t in (0, 10, TICKS_MAX):
    for d in (-HALF, -HALF + 1, 0, HALF - 1, HALF):
        try:
            print(ticks_diff(ticks_add(t, d), t) == d, ticks_diff(t, ticks_add(t, d)) == -d)
        except OverflowError:
            print("OverflowError")

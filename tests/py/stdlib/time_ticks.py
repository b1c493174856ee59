# exp: hand
# time.ticks_ms/us/cpu, ticks_add and ticks_diff: wrap-around arithmetic, never wall-clock values.
# (MicroPython-only API, so the expected output is written by hand.)

import time

t0 = time.ticks_ms()
t1 = time.ticks_ms()
print(isinstance(t0, int), t0 >= 0, time.ticks_diff(t1, t0) >= 0)

u0 = time.ticks_us()
u1 = time.ticks_us()
print(isinstance(u0, int), time.ticks_diff(u1, u0) >= 0)
print(isinstance(time.ticks_cpu(), int))

# ticks_add and ticks_diff are inverse operations
for delta in [0, 1, 100, -100, 12345, -1]:
    later = time.ticks_add(t0, delta)
    print(delta, time.ticks_diff(later, t0) == delta, time.ticks_diff(t0, later) == -delta)

# the tick period is a power of two; values wrap around within it
big = time.ticks_add(0, -1)
print(big > 0, (big + 1) & big == 0)
print(time.ticks_add(big, 1) == 0, time.ticks_diff(0, big) == 1, time.ticks_diff(big, 0) == -1)
half = (big + 1) // 2
edge = time.ticks_add(0, half - 1)
print(time.ticks_diff(edge, 0) == half - 1)
print(time.ticks_diff(time.ticks_add(edge, 1), 0) == -half)

# a deadline loop pattern: ticks_diff(deadline, now) > 0 until the deadline passes
deadline = time.ticks_add(time.ticks_ms(), 20)
spins = 0
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    spins += 1
print("deadline reached", spins >= 0, time.ticks_diff(time.ticks_ms(), deadline) >= 0)

# sleep_ms / sleep_us advance the millisecond counter by at least the requested time
start = time.ticks_ms()
time.sleep_ms(15)
print(time.ticks_diff(time.ticks_ms(), start) >= 15)
start = time.ticks_us()
time.sleep_us(500)
print(time.ticks_diff(time.ticks_us(), start) >= 500)

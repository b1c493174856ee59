# time: gmtime, localtime and mktime (the first eight fields, which MicroPython and CPython
# share), the monotonic and performance clocks, and sleep.
import time

for t in (0, 86399, 86400, 951782400, 1700000000, 2**31, 4102444800, -86400):
    g = time.gmtime(t)
    print(t, tuple(g[:8]))
print(len(time.gmtime()) >= 8, time.gmtime()[0] >= 2024)
print(tuple(time.gmtime(1.9)[:6]))

# localtime and mktime are inverses (whatever the time zone)
for t in (0, 1000000, 1700000000, 2**31 - 1):
    lt = time.localtime(t)
    print("localtime", t, len(lt) >= 8, 1 <= lt[1] <= 12, 1 <= lt[2] <= 31, int(time.mktime(lt)) == t)
lt = time.localtime()
print(abs(int(time.mktime(lt)) - int(time.time())) <= 2)
# mktime normalises out-of-range fields
a = time.mktime((2024, 1, 31, 12, 0, 0, 0, 0, -1))
b = time.mktime((2024, 1, 30, 36, 0, 0, 0, 0, -1))
print(int(a) == int(b), tuple(time.localtime(a)[:6]))
print(tuple(time.localtime(time.mktime((2023, 13, 1, 0, 0, 0, 0, 0, -1)))[:3]))

# the clocks only go forward
m0, p0 = time.monotonic(), time.perf_counter()
mn0, pn0 = time.monotonic_ns(), time.perf_counter_ns()
t0 = time.time()
tn0 = time.time_ns()
time.sleep(0.05)
m1, p1 = time.monotonic(), time.perf_counter()
mn1, pn1 = time.monotonic_ns(), time.perf_counter_ns()
print(type(m0).__name__, type(p0).__name__, type(mn0).__name__, type(pn0).__name__)
print("slept", m1 - m0 >= 0.045, p1 - p0 >= 0.045, mn1 - mn0 >= 45000000, pn1 - pn0 >= 45000000)
print("not too long", m1 - m0 < 5, (pn1 - pn0) // 10**9 < 5)
print("wall clock", time.time() - t0 >= 0.04, type(tn0).__name__, abs(tn0 // 10**9 - int(t0)) <= 1)
time.sleep(0)
time.sleep(1 // 1000)
try:
    time.sleep(-1)
except ValueError:
    print("ValueError for a negative sleep")

# Format specifications inside f-strings.

x = 42
f = 3.14159
s = "abc"
neg = -17

# width, alignment and fill
print(f"[{x:5}] [{x:<5}] [{x:^5}] [{x:>5}]")
print(f"[{s:5}] [{s:<5}] [{s:^5}] [{s:>5}]")
print(f"[{x:*^9}] [{s:-<6}] [{s:_>6}] [{x:0>4}]")
print(f"[{x:05}] [{neg:05}] [{neg:=6}] [{x:+}] [{neg:+}] [{x: }]")

# integer presentation types
print(f"{x:b} {x:o} {x:x} {x:X} {x:d} {x:c}")
print(f"{x:#b} {x:#o} {x:#x} {x:#X}")
print(f"{255:08b} {255:#010b} {255:#06x}")
print(f"{1234567:,} {1234567:_} {-1234567:,}")
print(f"{0xdeadbeef:_x}")

# float presentation types
print(f"{f:.2f} {f:.0f} {f:8.3f} {f:<8.1f}| {f:+.1f}")
print(f"{f:e} {f:.2e} {f:E}")
print(f"{f:g} {1e10:g} {1e-10:g} {123456789.0:g}")
print(f"{0.5:%} {0.125:.1%}")
print(f"{2.5:.0f} {3.5:.0f} {-0.5:.0f}")
print(f"{1e3:,.2f} {1234.5:010.2f}")

# dynamic width and precision from nested fields
w, p = 10, 3
print(f"[{f:{w}.{p}f}]")
print(f"[{s:>{w}}]")
print(f"[{x:{'^'}{w}}]")

# strings with precision truncate
print(f"{'truncate':.4}|{'ab':.5}|")

# bool and None formatting
print(f"{True} {False:>6} {None}")
print(f"{True:d} {False:d}")

# format() builtin agrees with f-strings
print(format(x, "x"), format(f, ".3f"), format(s, "^7"), format(x))
print(format(1234.5678, ",.2f"), format(-42, "+05d"))

# invalid specs raise ValueError
for spec in ["z", "=s"]:
    try:
        print(format("text", spec))
    except ValueError:
        print("ValueError", spec)
try:
    print(format(1.5, "d"))
except ValueError:
    print("ValueError d")

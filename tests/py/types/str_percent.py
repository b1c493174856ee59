# printf-style % formatting.

print("%s is %d years" % ("ann", 30))
print("%5s|%-5s|%.2s|" % ("ab", "cd", "xyz"))
print("%d %i %5d %-5d| %05d %+d %+d" % (42, 42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#o %08x" % (255, 255, 8, 255, 8, 48879))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 0.0001, 1e20))
print("%c%c%c" % (72, "i", 33))
print("%r %s" % ("q", "q"), "%r" % ([1, "a"],))
print("100%% done" % (), "%d%%" % 50)
print("%s" % None, "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (True, 1.0))
print("%(name)s has %(count)d items" % {"name": "cart", "count": 3})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%d" % 3.99, "%d" % -3.99, "%s" % 2 ** 70, "%x" % 2 ** 70, "%d" % True)
print("%.0f %.0f %.1f" % (0.5, 1.5, 0.25))
print("% d % d" % (5, -5))

# single non-tuple argument
print("value: %s" % "single", "value: %s" % 7)

# errors
for fmt, args in [("%d", "str"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__)

# formatting bytes
print(b"%d-%s" % (5, b"x"), b"%x" % 255, b"%c" % 65)

# building a table
rows = [("item", "qty"), ("bolt", 120), ("nut", 7)]
for name, qty in rows:
    print("%-6s %5s" % (name, qty))

# bytearray: mutation, slicing assignment, methods, and use as a buffer.

ba = bytearray(b"hello")
ba[0] = ord("H")
ba.append(33)
ba.extend(b" world")
print(ba, len(ba), ba[0], ba[-1])
ba[1:5] = b"ELLO"
print(ba)
ba[0:1] = b""
print(ba)
del ba[0]
print(ba)
del ba[-6:]
print(ba, ba.pop(), ba)
ba.insert(0, 0x41)
print(ba)
ba.reverse()
print(ba)

print(bytearray(4), bytearray([1, 2, 3]), bytearray(b"x") * 3, bytearray(b"ab") + b"cd", bytearray())
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < bytearray(b"b"))
print(bytearray(b"a,b").split(b","), bytearray(b"  s  ").strip(), bytearray(b"abc").upper(), bytearray(b"xyz").find(b"y"))
print(bytearray(b"hi").decode(), list(bytearray(b"\x01\x02")), bytearray(b"ab").hex())

# values must be in range
try:
    ba[0] = 256
except ValueError:
    print("ValueError 256")
try:
    ba.append(-1)
except ValueError:
    print("ValueError -1")

# bytearray is unhashable
try:
    hash(bytearray())
except TypeError:
    print("TypeError unhashable")

# using a bytearray as a fixed-size buffer
buf = bytearray(8)
for i in range(8):
    buf[i] = (i * 37) & 0xFF
print(buf, sum(buf))
view = memoryview(buf)
view[0:2] = b"\xaa\xbb"
print(buf[:3], bytes(view[2:4]), len(view))

# += extends in place
grow = bytearray(b"ab")
alias = grow
grow += b"\x01"
print(alias is grow, alias)

# slice assignment with step
nums = bytearray(range(10))
nums[::2] = bytes(5)
print(list(nums))
nums[1::3] = b"\xff\xff\xff"
print(list(nums))

# clear and copy
c = nums[:]
nums.clear()
print(len(c), len(nums), type(c).__name__)

# iterating and counting
print(bytearray(b"banana").count(b"a"), bytearray(b"banana").index(b"n"), [x for x in bytearray(b"AB")])

# memoryview: zero-copy slicing of bytes and bytearray, writes through to the buffer.

buf = bytearray(b"abcdefgh")
mv = memoryview(buf)
print(len(mv), mv[0], mv[-1], bytes(mv[2:5]), bytes(mv[1:3]))
mv[0] = ord("A")
mv[2:4] = b"CD"
print(buf)

# slices of a memoryview share memory
part = mv[4:]
part[0] = ord("E")
print(buf, len(part), bytes(part))

# read-only views of bytes
ro = memoryview(b"readonly")
print(bytes(ro[:4]), ro[0])
try:
    ro[0] = 1
except TypeError:
    print("TypeError read-only")

# size changes through slice assignment are not allowed
try:
    mv[0:2] = b"xyz"
except ValueError:
    print("ValueError size mismatch")

# iteration and list conversion
print(list(memoryview(b"\x01\x02\x03")), sum(memoryview(bytearray(range(10)))))

# using memoryview to fill parts of a buffer in a loop
frame = bytearray(12)
view = memoryview(frame)
for i in range(3):
    chunk = view[i * 4:(i + 1) * 4]
    for j in range(4):
        chunk[j] = i * 16 + j
print(frame.hex())

# comparing memoryviews with bytes
print(memoryview(b"abc") == b"abc", bytes(memoryview(b"abc")[1:]) == b"bc")

# memoryview of array data
import array
arr = array.array("h", [1, 2, 3])
m = memoryview(arr)
print(len(m), m[1], m[-1])
m[0] = 100
print(list(arr))

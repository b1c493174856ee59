# bytearray and memoryview loops: fill a bytearray from a generator, checksum
# it (Adler-32 and Fletcher-16 written out by hand), transform it in place
# through memoryview slices (XOR keystream per block, byte-swap of 16-bit
# words, block copies with slice assignment), run-length encode it into a
# second bytearray and decode it back, and compare.
import sys


def fill(buf, seed):
    x = seed
    for i in range(len(buf)):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        # long runs of equal bytes now and then, so run-length coding has work
        buf[i] = (x >> 16) & 0xFF if (i >> 6) & 3 else (i >> 8) & 0xFF


def adler32(data):
    a = 1
    b = 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fletcher16(mv):
    s1 = 0
    s2 = 0
    for i in range(len(mv)):
        s1 = (s1 + mv[i]) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def xor_blocks(mv, key):
    n = len(mv)
    off = 0
    block = 0
    while off < n:
        view = mv[off:off + 64]
        k = (key + block * 29) & 0xFF
        for i in range(len(view)):
            view[i] ^= k
            k = (k * 5 + 1) & 0xFF
        off += 64
        block += 1


def swap16(mv):
    for i in range(0, len(mv) - 1, 2):
        t = mv[i]
        mv[i] = mv[i + 1]
        mv[i + 1] = t


def rotate_blocks(mv, size):
    # move every block one place to the left using slice assignment
    tmp = bytearray(mv[0:size])
    n = len(mv) // size
    for b in range(1, n):
        mv[(b - 1) * size:b * size] = mv[b * size:(b + 1) * size]
    mv[(n - 1) * size:n * size] = tmp


def rle_encode(data):
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        v = data[i]
        j = i + 1
        while j < n and j - i < 255 and data[j] == v:
            j += 1
        out.append(j - i)
        out.append(v)
        i = j
    return out


def rle_decode(enc):
    out = bytearray()
    for i in range(0, len(enc), 2):
        out += bytes([enc[i + 1]]) * enc[i]
    return out


def main(size):
    buf = bytearray(size)
    fill(buf, 99)
    original = bytes(buf)
    c1 = adler32(buf)
    mv = memoryview(buf)
    c2 = fletcher16(mv)
    xor_blocks(mv, 0x5A)
    swap16(mv[1:])
    rotate_blocks(mv, 512)
    c3 = adler32(buf)
    rotate_blocks(mv, 512)
    c4 = fletcher16(mv[:])
    enc = rle_encode(original)
    dec = rle_decode(enc)
    ok = dec == bytearray(original)
    changed = sum(1 for i in range(0, size, 97) if buf[i] != original[i])
    print("buffers", size, hex(c1), hex(c2), hex(c3), hex(c4), len(enc), ok, changed)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
